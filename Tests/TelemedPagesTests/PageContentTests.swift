import Testing

@testable import TelemedPages

@Suite("Page content: escaping, sessions, proposals, routes, progress, comparison")
struct PageContentTests {
    @Test("markup, quotes and line breaks in a resident reference are shown as text on every page")
    func escaping() throws {
        for (name, html) in try PageSamples.all() {
            #expect(!html.contains("<script>alert"), "\(name): the reference's markup reached the page")
            #expect(!html.contains("\"P-1\""), "\(name): a raw quote could close an attribute")
            #expect(html.components(separatedBy: "<script>").count <= 2, "\(name): at most the copy button's script")
        }
        let staff = StaffPage(model: PageSamples.staff()).render()
        #expect(
            staff.contains(
                "<td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; &amp; &quot;P-1&quot;\r\nP-2</td>"))
    }

    @Test("every page of someone signed in links to the sign-out page in French; login and error pages do not")
    func signOutLink() throws {
        let link = "<a href=\"/deconnexion\">Se déconnecter</a>"
        for (name, html) in try PageSamples.all() {
            // The activity report is the document funders receive, the same as `telemed report activity` writes.
            let signedIn = !["login", "error", "activity-report"].contains(name)
            #expect(html.contains(link) == signedIn, "\(name)")
        }
    }

    @Test("the staff page lists this week's and later sessions by week, with cancel and reschedule on live bookings")
    func sessions() {
        let html = StaffPage(model: PageSamples.staff()).render()
        #expect(html.contains("Cette semaine du lundi 22 mars 2027") && html.contains("Semaine du lundi 29 mars 2027"))
        // The paths the server registers (PageRoutes), not paths of the pages' own.
        #expect(html.contains("action=\"/sites/E-58-0001/reservations/B-1/cancel\""))
        #expect(html.contains("action=\"/sites/E-58-0001/reservations/B-2/reschedule\""))
        #expect(html.contains("action=\"/sites/E-58-0001/demandes\""))
        #expect(html.contains("Unité mobile : Unité mobile du Morvan"))
    }

    @Test("the staff page lists the four weeks before this one, newest first, with statuses and no action")
    func pastSessions() throws {
        let html = StaffPage(model: PageSamples.staff()).render()
        let past = try #require(html.range(of: "Séances des quatre semaines précédentes"))
        let section = String(html[past.lowerBound...].prefix { $0 != "§" })
        #expect(section.contains("Du lundi 22 février 2027 au dimanche 21 mars 2027"))
        let (old, older) = (try #require(section.range(of: "P-OLD")), try #require(section.range(of: "P-PAST")))
        #expect(old.lowerBound < older.lowerBound, "newest first")
        #expect(section.contains("réalisée") && section.contains("confirmée"))
        #expect(!html.contains("P-TOO-OLD"), "older than four weeks")
        #expect(!html.contains("bookings/B-4/cancel") && !html.contains("bookings/B-3/reschedule"))
    }

    @Test("three proposals, each with specialist, day, time, whether the unit comes, and a one-click confirm")
    func proposals() {
        let html = StaffPage(model: PageSamples.staff()).render()
        #expect(html.components(separatedBy: "Confirmer ce créneau").count == 4)
        #expect(html.contains("vendredi 26 mars 2027, 14 h 15") && html.contains("Dr D. Moreau"))
        #expect(html.contains("L’unité mobile vient sur place : Unité mobile du Morvan."))
        #expect(html.contains("name=\"proposal\" value=\"P-b2\""))
    }

    @Test("the subscription offers webcal:// and https:// links, the copy button hidden until script shows it")
    func subscription() {
        let html = StaffPage(model: PageSamples.staff()).render()
        #expect(html.contains("href=\"webcal://telemed.example.org/feeds/3f9a.ics\""))
        #expect(html.contains("value=\"https://telemed.example.org/feeds/3f9a.ics\" readonly"))
        #expect(html.contains("data-copy=\"lien-https\" hidden"))
    }

    @Test("the crew page lists stops in order with times and addresses, flags late changes, and draws the route")
    func crew() {
        let html = CrewPage(model: PageSamples.crew).render()
        let first = html.range(of: "EHPAD Les Tilleuls")!
        let second = html.range(of: "Maison de santé du Morvan")!
        #expect(first.lowerBound < second.lowerBound)
        #expect(html.contains("9 h 10 – 11 h 30") && html.contains("5 rue des Jardins, Clamecy"))
        #expect(html.contains("Modifié après la clôture de la tournée"))
        #expect(html.contains("<polyline") && html.contains("Pas de tournée ce jour."))
        #expect(html.contains("https://telemed.example.org/feeds/u58.ics"))
    }

    @Test("the running page refreshes itself until the result is there")
    func running() {
        let running = WhatIfRunningPage(studyName: "Étude", variants: [.init(name: "a", progress: 0.42)]).render()
        #expect(running.contains("<meta http-equiv=\"refresh\" content=\"3\">"))
        #expect(running.contains("<progress id=\"avancement-0\" max=\"100\" value=\"42\">"))
        let done = WhatIfRunningPage(
            studyName: "Étude", variants: [.init(name: "a", progress: 1)], resultURL: "/planning/compare/1"
        ).render()
        #expect(!done.contains("http-equiv") && done.contains("href=\"/planning/compare/1\""))
    }

    @Test("the comparison shows the KPIs side by side, three charts and a map per plan with routes")
    func comparison() throws {
        let plans = try PageSamples.comparedPlans()
        #expect(plans[0].kpis.served > plans[1].kpis.served, "removing the unit's bookings serves fewer")
        let html = PlanComparisonPage(title: "Comparaison", plans: plans).render()
        #expect(html.components(separatedBy: "class=\"chart\"").count == 4)
        #expect(html.components(separatedBy: "class=\"map\"").count == 3)
        #expect(html.contains("<polyline"), "the plan in force draws its unit's route")
        #expect(html.contains("sans l’unité du Morvan") && html.contains("Nièvre"))
    }

    @Test("error pages explain in French and never repeat the requested path")
    func errors() {
        #expect(ErrorPage(status: 403).render().contains("Accès refusé"))
        #expect(ErrorPage(status: 500).render().contains("rien n’a été modifié"))
        #expect(ErrorPage(status: 404, message: "<b>").render().contains("&lt;b&gt;"))
    }
}

@Suite("Planner page: re-optimisation")
struct ReoptimisationSectionTests {
    @Test("the planner page tells what the last re-optimisation changed, in French, with its button")
    func appliedCounts() throws {
        let html = try PageSamples.plannerPage().render()
        #expect(
            html.contains(
                "Dernière réoptimisation, lancée le mercredi 24 mars 2027 à 18 h 05 : <strong>12</strong> séances "
                    + "proposées déplacées, <strong>1</strong> annulée, <strong>2</strong> ajoutées, "
                    + "<strong>40</strong> inchangées, <strong>3</strong> laissées en l’état ; "
                    + "<strong>4</strong> tournées remplacées."))
        let form = try #require(
            HTMLInspection(html: html).forms.first { $0.contains("action=\"/planification/reoptimisations\"") })
        let csrf = try #require(
            HTMLInspection(html: "<form " + form).tags(["input"]).first {
                $0.attributes["name"] == FormProtection.fieldName
            }?.attributes["value"])
        #expect(PageSamples.protection.token.isValid(csrf, session: "session-1", form: "reoptimisation"))
        #expect(html.contains(">Réoptimiser les séances proposées</button>"))
    }

    @Test("a running and a failed re-optimisation say so; without an action there is no section")
    func otherStates() throws {
        var page = try PageSamples.plannerPage()
        page.reoptimisation?.state = .running
        #expect(page.render().contains("calcul en cours, rechargez la page"))
        page.reoptimisation?.state = .failed
        #expect(page.render().contains("a échoué (voir le journal du service) : rien n’a changé"))
        page.offersReoptimisation = false
        #expect(!page.render().contains("Réoptimiser"))
    }
}
