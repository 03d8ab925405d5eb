import Foundation
import TelemedCore
import TelemedReports
import Testing

@testable import TelemedPages

@Suite("Activity: the planner page's last months and the report page")
struct ActivityPageTests {
    @Test("the planner page shows each month's figures, links the report of those months and asks for other dates")
    func plannerSection() throws {
        let html = try PageSamples.plannerPage().render()
        #expect(html.contains("<h2 id=\"activite\">Activité des derniers mois</h2>"))
        #expect(html.contains("Du vendredi 1er janvier 2027 au mercredi 31 mars 2027"))
        // January: 12 requests, 10 booked, 8 done, 1 no-show, 0 not held, 1 cancelled, 412 km.
        #expect(
            html.contains(
                "<tr><th scope=\"row\">Janvier 2027</th><td>12</td><td>10</td><td>8</td><td>1</td><td>0</td>"
                    + "<td>1</td><td>412</td></tr>"))
        #expect(html.contains("<th scope=\"row\">Février 2027</th>"))
        #expect(html.contains("<td>1\u{202F}250</td>"), "thousands the French way")
        #expect(html.contains("<a href=\"/planification/activite?du=2027-01-01&amp;au=2027-03-31\">"))
        let form = try #require(HTMLInspection(html: html).forms.first { $0.contains("method=\"get\"") })
        #expect(form.contains("action=\"/planification/activite\""))
        #expect(form.contains("name=\"du\" value=\"2027-01-01\"") && form.contains("name=\"au\" value=\"2027-03-31\""))
        var without = try PageSamples.plannerPage()
        without.recentActivity = nil
        #expect(!without.render().contains("Activité des derniers mois"))
    }

    @Test("the report page: definitions, months, departments, waits against their delay, units, the seam")
    func reportPage() throws {
        let html = ActivityReportPage(report: try PageSamples.activityReport()).render()
        #expect(
            html.contains("<title>Rapport d’activité du vendredi 1er janvier 2027 au mercredi 31 mars 2027</title>"))
        #expect(html.contains("Les jours après le lundi 15 mars 2027 sont à venir"))
        for heading in [
            "Ce que compte chaque chiffre", "Par mois", "Par département", "Par spécialité",
            "Délais d’accès par urgence",
            "Unités mobiles", "Liste d’attente", "Annexe : par lieu de consultation",
        ] {
            #expect(html.contains(">\(heading)</h2>"), "\(heading)")
        }
        #expect(
            html.contains("<th scope=\"row\">Nièvre (58)</th>") && html.contains("<th scope=\"row\">Yonne (89)</th>"))
        // Urgent: 3 sessions at 1 day and 1 at 4, delay 2: 3 within (75 %), median 1, p90 3.1 (1 + 0.7 × 3).
        #expect(
            html.contains(
                "<th scope=\"row\">Urgent</th><td>2 j</td><td>4</td><td>3 (75,0\u{00A0}%)</td><td>1,0 j</td>"
                    + "<td>3,1 j</td>"))
        #expect(html.contains("<th scope=\"row\">Semi-urgent</th><td>7 j</td><td>0</td><td>–</td><td>–</td><td>–</td>"))
        #expect(html.contains("<th scope=\"row\">Unité du Morvan</th><td>9</td><td>25</td><td>942</td>"))
        #expect(html.contains("Non mesurée : aucun jour de la période n’est encore passé"))
        #expect(html.contains("1 lieu sans aucune activité sur la période n’y figure pas."))
        #expect(html.components(separatedBy: "<svg").count - 1 == 4, "two monthly charts, waits, kilometres")

        let withList = ActivityReportPage(report: try PageSamples.activityReport(waitingList: true)).render()
        #expect(!withList.contains("Non mesurée"))
        // 14 then 9 requests waiting on 1 and 2 January: the last day, the mean and the highest.
        #expect(withList.contains("<th scope=\"row\">Janvier 2027</th><td>9</td><td>11,5</td><td>14</td>"))
    }
}
