import Testing

@testable import TelemedPages

/// The pages' one route table: the patterns the server registers and the paths the pages write.
@Suite("Page routes")
struct PageRouteTests {
    @Test("a path fills each parameter of its pattern in order, percent-encoded as one segment")
    func filling() {
        #expect(PageRoutes.site.path("E-21-0001") == "/sites/E-21-0001")
        #expect(PageRoutes.siteCancel.path("E-21-0001", "B-42") == "/sites/E-21-0001/reservations/B-42/cancel")
        #expect(PageRoutes.site.path("a/b c?d") == "/sites/a%2Fb%20c%3Fd")
        #expect(PageRoutes.planner.path() == "/planification")
        #expect(PageRoutes.home.path() == "/")
    }

    @Test("no two routes share a pattern; every pattern is absolute")
    func distinct() {
        let all = PageRoutes.all
        #expect(all.count == 22)
        #expect(Set(all.map(\.pattern)).count == all.count)
        #expect(all.allSatisfy { $0.pattern.hasPrefix("/") })
    }
}
