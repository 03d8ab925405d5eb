import Foundation
import TelemedCore
import TelemedSolver
import Testing

/// One test per rule of ``PinnedFactCheck``: each builds the smallest scenario that breaks it and
/// checks the message names the rule, the unit, the day and the minutes. Driving times (depot
/// Château-Chinon unless said, rounded up as the solver does): Lormes 41, Luzy 46, Moulins-Engilbert
/// 24, Clamecy 70; Lormes–Luzy 73; Nevers–Lormes 75.
@Suite("Pinned facts checked before solving")
struct PinnedFactCheckTests {
    typealias B = SolverConstraintBuilder

    static func stop(_ site: String, _ arrival: String, _ departure: String, on day: Weekday = .monday)
        -> RecurringStop
    {
        RecurringStop(day: day, siteId: Site.ID(site), arrival: B.time(arrival), departure: B.time(departure))
    }

    static let sites = [
        B.site("E-58-0001", in: .lormes), B.site("E-58-0002", in: .luzy), B.site("E-58-0003", in: .moulinsEngilbert),
        B.site("E-58-0004", in: .chateauChinon), B.site("T-58-0005", in: .clamecy),
    ]

    static func scenario(_ unit: MobileUnit, sites: [Site] = sites, through end: String = B.monday) -> Scenario {
        B.scenario(
            through: end, sites: sites, specialists: [B.specialist("SP-01")], units: [unit],
            requests: [B.request("R-1", at: "E-58-0001")])
    }

    static func issues(_ unit: MobileUnit, sites: [Site] = sites) throws -> [PinnedFactIssue] {
        try PinnedFactCheck.issues(in: scenario(unit, sites: sites))
    }

    @Test("stopReachable: a stop 70 min from the depot each way breaks a 120-min driving limit")
    func unreachableStop() throws {
        let issues = try Self.issues(B.unit(maxDriving: 120, stops: [Self.stop("T-58-0005", "10:00", "12:00")]))
        #expect(issues.map(\.rule) == [.stopReachable])
        #expect(issues.first?.path.description == "units[0].recurringStops[0]")
        #expect(
            issues.first?.message
                == "unit U-01 cannot reach T-58-0005 (its monday stop) from its depot and return within"
                + " maxDrivingMinutesPerDay: 70 min there and 70 min back make 140 min, over its maximum of 120 min;"
                + " give the stop to a nearer unit or raise the limit")
        #expect(try Self.issues(B.unit(maxDriving: 140, stops: [Self.stop("T-58-0005", "10:00", "12:00")])).isEmpty)
    }

    @Test("stopChainDriving: Lormes then Luzy on Mondays drives 41 + 73 + 46 = 160 min, over a 150-min limit")
    func chainTooLong() throws {
        let stops = [Self.stop("E-58-0002", "12:00", "13:00"), Self.stop("E-58-0001", "09:00", "10:00")]
        let issues = try Self.issues(B.unit(maxDriving: 150, stops: stops))
        #expect(issues.map(\.rule) == [.stopChainDriving])
        #expect(issues.first?.path.description == "units[0].recurringStops")
        #expect(
            issues.first?.message
                == "unit U-01 on mondays (2027-01-11): depot → E-58-0001 → E-58-0002 → depot drives 160 min"
                + " (41 + 73 + 46), over its maximum of 150 min (maxDrivingMinutesPerDay); move a stop to another"
                + " day or unit")
        #expect(try Self.issues(B.unit(maxDriving: 160, stops: stops)).isEmpty)
    }

    @Test("stopLegFits: leaving Lormes at 10:00 leaves 30 min for the 73-min drive to Luzy at 10:30")
    func legTooShort() throws {
        let issues = try Self.issues(
            B.unit(stops: [Self.stop("E-58-0001", "09:00", "10:00"), Self.stop("E-58-0002", "10:30", "11:30")]))
        #expect(issues.map(\.rule) == [.stopLegFits])
        #expect(issues.first?.path.description == "units[0].recurringStops[1]")
        #expect(
            issues.first?.message
                == "unit U-01 on mondays (2027-01-11): leaving E-58-0001 at 10:00 and arriving at E-58-0002 at"
                + " 10:30 leaves 30 min for a 73-min drive; space the two stops further apart")
        #expect(
            try Self.issues(
                B.unit(stops: [Self.stop("E-58-0001", "09:00", "10:00"), Self.stop("E-58-0002", "11:13", "12:00")])
            ).isEmpty)
    }

    @Test("stopWithinShift: from Nevers, Lormes cannot be reached by 09:00 nor the depot by 17:30 after 17:00")
    func stopOutsideShift() throws {
        let early = try Self.issues(B.unit(depot: .nevers, stops: [Self.stop("E-58-0001", "09:00", "12:00")]))
        #expect(early.map(\.rule) == [.stopWithinShift])
        #expect(early.first?.path.description == "units[0].recurringStops[0]")
        #expect(
            early.first?.message
                == "unit U-01 on mondays (2027-01-11): the stop at E-58-0001 arrives at 09:00, but the depot is"
                + " 75 min away and the shift starts at 08:00; arrive later or start the shift earlier")
        let late = try Self.issues(B.unit(depot: .nevers, stops: [Self.stop("E-58-0001", "14:00", "17:00")]))
        #expect(late.map(\.rule) == [.stopWithinShift])
        #expect(
            late.first?.message
                == "unit U-01 on mondays (2027-01-11): the stop at E-58-0001 departs at 17:00, but the depot is"
                + " 75 min away and the shift ends at 17:30; leave earlier or end the shift later")
        #expect(try Self.issues(B.unit(depot: .nevers, stops: [Self.stop("E-58-0001", "09:15", "16:15")])).isEmpty)
    }

    @Test("stopSetupFits: a 30-min stop cannot hold a 45-min set-up")
    func setupLongerThanStop() throws {
        let issues = try Self.issues(B.unit(setup: 45, stops: [Self.stop("E-58-0003", "10:00", "10:30")]))
        #expect(issues.map(\.rule) == [.stopSetupFits])
        #expect(issues.first?.path.description == "units[0].recurringStops[0]")
        #expect(
            issues.first?.message
                == "unit U-01's monday stop at E-58-0003 lasts 30 min (10:00–10:30), less than its 45-min set-up"
                + " (setupMinutes); lengthen the stop or shorten the set-up")
        #expect(try Self.issues(B.unit(setup: 30, stops: [Self.stop("E-58-0003", "10:00", "10:30")])).isEmpty)
    }

    /// Moulins-Engilbert until 12:20, then the Château-Chinon site (24 min away) from `secondArrival`;
    /// a 45-min lunch between 12:00 and 13:30, 15-min set-ups.
    static func lunchUnit(secondArrival: String) -> MobileUnit {
        B.unit(
            lunch: LunchBreak(earliestStart: B.time("12:00"), latestEnd: B.time("13:30"), minutes: 45),
            stops: [Self.stop("E-58-0003", "10:00", "12:20"), Self.stop("E-58-0004", secondArrival, "15:00")])
    }

    @Test("lunchFits: 20 min idle at one stop, a 40-min leg with a 24-min drive, 15 min at the next: no 45-min lunch")
    func lunchCannotFit() throws {
        let issues = try Self.issues(Self.lunchUnit(secondArrival: "13:00"))
        #expect(issues.map(\.rule) == [.lunchFits])
        #expect(issues.first?.path.description == "units[0].lunchBreak")
        #expect(
            issues.first?.message
                == "unit U-01 on mondays (2027-01-11): no 45-min lunch fits between 12:00 and 13:30 around the"
                + " recurring stops (E-58-0003 10:00–12:20, E-58-0004 13:00–15:00, each after a 15-min set-up) and"
                + " the drives between them; move a stop or widen the break window")
        // An 80-min leg holds the 24-min drive and the lunch.
        #expect(try Self.issues(Self.lunchUnit(secondArrival: "13:40")).isEmpty)
    }

    @Test("stopSiteOpen: a Monday stop at a site closed on Mondays is reported, but the scenario still solves")
    func stopWhenSiteClosed() throws {
        let tuesdays = B.site("T-58-0005", in: .moulinsEngilbert, open: B.windows([.tuesday], "09:00", "17:00"))
        let sites = [B.site("E-58-0001", in: .lormes), tuesdays]
        let unit = B.unit(stops: [Self.stop("T-58-0005", "09:30", "12:00")])
        let issues = try Self.issues(unit, sites: sites)
        #expect(issues.map(\.rule) == [.stopSiteOpen])
        #expect(issues.first?.refuses == false)
        #expect(
            issues.first?.message
                == "unit U-01's monday stop at T-58-0005 (09:30–12:00) is outside the site's opening hours on"
                + " mondays (closed all day): nothing can be booked there; move the stop to a day and time the"
                + " site is open")
        // Partly outside: the site opens at 10:00.
        let late = B.site("T-58-0005", in: .moulinsEngilbert, open: B.weekdays("10:00", "17:00"))
        let partly = try Self.issues(unit, sites: [sites[0], late])
        #expect(partly.first?.message.contains("(open 10:00–17:00)") == true)
        // Touching windows count as one.
        let split = B.site(
            "T-58-0005", in: .moulinsEngilbert, open: B.weekdays("09:00", "11:00") + B.weekdays("11:00", "17:00"))
        #expect(try Self.issues(unit, sites: [sites[0], split]).isEmpty)
        // Not refused: the visit breaks no hard rule, it is only useless.
        let outcome = try B.solve(Self.scenario(unit, sites: sites))
        #expect(outcome.plan.visits.count == 1)
    }

    @Test("a feasible day of two stops, a lunch in the leg between them, passes and solves with both visits")
    func feasibleStopsPass() throws {
        let unit = Self.lunchUnit(secondArrival: "13:40")
        let scenario = Self.scenario(unit, through: B.tuesday)
        #expect(try PinnedFactCheck.issues(in: scenario).isEmpty)
        let outcome = try B.solve(scenario)
        #expect(outcome.plan.visits.filter(\.pinned).count == 2)
    }

    @Test("a stop on a public holiday does not happen that date: only the working Mondays are named")
    func holidaySkipsTheDate() throws {
        // Easter Monday 2027-03-29 is a holiday; 2027-03-22 and 2027-04-05 are working Mondays.
        let unit = B.unit(
            maxDriving: 150,
            stops: [Self.stop("E-58-0001", "09:00", "10:00"), Self.stop("E-58-0002", "12:00", "13:00")])
        let scenario = B.scenario(
            from: "2027-03-22", through: "2027-04-05", sites: Self.sites, specialists: [B.specialist("SP-01")],
            units: [unit], requests: [B.request("R-1", at: "E-58-0001", released: "2027-03-22")])
        let issues = try PinnedFactCheck.issues(in: scenario)
        #expect(issues.map(\.rule) == [.stopChainDriving])
        #expect(issues.first?.message.contains("on mondays (2027-03-22 and 1 other date)") == true)
    }

    @Test("the shipped demo and the feeds fixture have no pinned fact the solver must refuse")
    func shippedScenariosPass() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        for path in ["Scenarios/bfc-demo.json", "Tests/Fixtures/feeds/scenario.json"] {
            let scenario = try ScenarioCoder.load(contentsOf: root.appendingPathComponent(path))
            let refused = try PinnedFactCheck.issues(in: scenario).filter(\.refuses)
            #expect(refused.isEmpty, "\(path): \(refused.map(\.description))")
        }
    }
}
