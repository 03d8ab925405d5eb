import Testing

@testable import TelemedPages

@Suite("Forms on every page: labels, CSRF field, refused values kept with the reason beside the field")
struct FormAccessibilityTests {
    @Test("every field a person fills in has an id and a <label for> naming it, on every page")
    func labels() throws {
        for (name, html) in try PageSamples.all() {
            let page = HTMLInspection(html: html)
            let targets = page.labelTargets
            for control in page.visibleControls {
                let id = try #require(control.attributes["id"], "\(name): a \(control.name) without id")
                #expect(targets.contains(id), "\(name): no <label for=\"\(id)\">")
            }
            #expect(
                Set(page.visibleControls.compactMap { $0.attributes["id"] }).count == page.visibleControls.count,
                "\(name): ids are unique")
        }
    }

    @Test("every form that changes something posts and carries a CSRF field with the value for its own form name")
    func csrfEverywhere() throws {
        var forms = 0
        for (name, html) in try PageSamples.all() {
            for form in HTMLInspection(html: html).forms {
                if form.hasPrefix("method=\"get\"") {
                    // Only the activity report's period asks with GET: it reads a page and changes nothing.
                    #expect(form.contains("action=\"/planification/activite\""), "\(name): a GET form that changes")
                    continue
                }
                forms += 1
                #expect(form.hasPrefix("method=\"post\""), "\(name): a form that does not post")
                let hidden = HTMLInspection(html: "<form " + form).tags(["input"]).filter {
                    $0.attributes["name"] == FormProtection.fieldName
                }
                let value = try #require(hidden.first?.attributes["value"], "\(name): a form without CSRF field")
                let formName = try #require(
                    [
                        "demande", "confirmer", "annuler", "deplacer", "simulation", "reoptimisation", "connexion",
                        "attente", "refuser", "retirer", "campagne",
                    ].first {
                        PageSamples.protection.token.isValid(value, session: "session-1", form: $0)
                    }, "\(name): the CSRF value matches no form name")
                #expect(!formName.isEmpty)
            }
        }
        #expect(forms >= 12, "the samples hold request, confirm ×3, cancel/reschedule, what-if and login forms")
    }

    @Test("a refused request keeps what was typed, marks the field invalid and says why beside it")
    func refusedRequestKeepsValues() throws {
        let html = StaffPage(model: PageSamples.staff(refused: true)).render()
        let page = HTMLInspection(html: html)
        let reference = try #require(page.visibleControls.first { $0.attributes["id"] == "residentReference" })
        #expect(reference.attributes["aria-invalid"] == "true")
        #expect(
            reference.attributes["aria-describedby"]?.split(separator: " ").contains("residentReference-erreur") == true
        )
        #expect(
            reference.attributes["value"]
                == "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; &amp; &quot;P-1&quot;\r\nP-2")
        #expect(page.element(id: "residentReference-erreur")?.contains("Une référence fait de 4 à 32") == true)
        #expect(html.contains("<option value=\"dermatology\" selected>"))
        #expect(html.contains("value=\"async\" checked") && html.contains("value=\"soon\" checked"))
        #expect(html.contains("value=\"dermatoscope\" checked") && !html.contains("value=\"ecg\" checked"))
        #expect(html.contains(">Plaie au talon, photo prise le matin</textarea>"))
        #expect(html.contains("role=\"alert\""))
        let specialty = try #require(page.visibleControls.first { $0.attributes["id"] == "specialty" })
        #expect(specialty.attributes["aria-invalid"] == nil, "only the refused field is marked")
    }

    @Test("a refused what-if keeps the chosen change and the typed factor, with the reason")
    func refusedWhatIfKeepsValues() throws {
        let html = PlannerPage(
            planName: "plan", kpis: try PageSamples.plannerKPIs(), whatIf: PageSamples.whatIfForm(refused: true),
            protection: PageSamples.protection
        ).render()
        let factor = try #require(
            HTMLInspection(html: html).visibleControls.first { $0.attributes["id"] == "demandFactor" })
        #expect(factor.attributes["value"] == "-2" && factor.attributes["aria-invalid"] == "true")
        #expect(
            HTMLInspection(html: html).element(id: "demandFactor-erreur")?.contains("Le facteur doit être positif")
                == true)
        #expect(html.contains("value=\"scaleDemand\" checked"))
    }

    @Test("the login form asks for the code in a password field and never echoes it")
    func login() {
        let html = LoginPage(
            protection: PageSamples.protection, error: "Ce code n’est pas reconnu.", next: "/sites/E-1"
        )
        .render()
        #expect(html.contains("type=\"password\"") && html.contains("aria-invalid=\"true\""))
        #expect(html.contains("name=\"next\" value=\"/sites/E-1\""))
    }
}
