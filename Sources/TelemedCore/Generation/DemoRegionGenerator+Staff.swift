/// Who does the work: remote specialists and itinerant units.
extension DemoRegionGenerator {
    /// Second specialties commonly held together (a geriatrician also does general practice…).
    static let secondSpecialty: [Specialty: Specialty] = [
        .geriatrics: .generalPractice, .cardiology: .geriatrics, .woundCare: .dermatology,
        .endocrinology: .generalPractice,
    ]

    /// Each specialist gives the programme two or three half-days a week, the way hospital
    /// specialists block telemedicine sessions; one in seven takes a week off in the horizon.
    func makeSpecialists() -> [Specialist] {
        var rng = randomStream(.specialists)
        var specialists: [Specialist] = []
        for (specialty, count) in profile.specialists {
            for _ in 0..<count {
                let number = specialists.count + 1
                let id = Specialist.ID("S-\(String(zeroPadded: number, width: 3))")
                var specialties = [specialty]
                if let second = Self.secondSpecialty[specialty], rng.chance(0.4) { specialties.append(second) }
                let halfDays = 2 + rng.int(below: 2)
                let days = rng.shuffled(Weekday.workingDays).prefix(halfDays).sorted()
                let availability = days.map { day in
                    let morning = specialty == .psychiatry ? rng.chance(0.2) : rng.chance(0.55)
                    return morning
                        ? Self.weekdays([day], "09:00", "12:30")[0] : Self.weekdays([day], "13:30", "17:30")[0]
                }
                var exceptions: [AvailabilityException] = []
                if rng.chance(1.0 / 7.0) {
                    let week = rng.int(below: options.weeks)
                    let monday = horizon.start.adding(days: 7 * week)
                    let clock = WallClock.paris
                    exceptions.append(
                        AvailabilityException(
                            kind: .unavailable, start: clock.dayInterval(monday).start,
                            end: clock.dayInterval(monday.adding(days: 5)).start, note: "congés"))
                }
                let surname = SyntheticNames.element(SyntheticNames.surnames, &rng)
                let initial = SyntheticNames.element(SyntheticNames.initials, &rng)
                specialists.append(
                    Specialist(
                        id: id,
                        name: "Dr \(initial). \(surname)",
                        rpps: "10" + SyntheticNames.digits(9, &rng),
                        specialties: specialties,
                        weeklyAvailability: availability,
                        exceptions: exceptions,
                        maxSessionsPerDay: 6 + rng.int(below: 5),
                        videoLink: "https://visio.telemed.example/\(id.rawValue.lowercased())",
                        email: SyntheticNames.mailbox("secretariat", id.rawValue)
                    ))
            }
        }
        return specialists
    }

    /// Units from the profile, each with one pinned weekly circuit stop at the nearest town point
    /// not already taken ("Wednesdays at …"), as planners do for recurring circuits.
    func makeUnits(townPoints: [Site]) -> [MobileUnit] {
        var rng = randomStream(.units)
        var taken: Set<Site.ID> = []
        var units: [MobileUnit] = []
        for (index, unitProfile) in profile.units.enumerated() {
            guard let depotCommune = catalog.commune(unitProfile.depotInseeCode) else { continue }
            let isOrthoptic = unitProfile.crew == .orthoptist
            var recurringStops: [RecurringStop] = []
            let nearest = townPoints.filter { !taken.contains($0.id) }.min {
                $0.location.greatCircleKilometres(to: depotCommune.location)
                    < $1.location.greatCircleKilometres(to: depotCommune.location)
            }
            if let stop = nearest, stop.location.greatCircleKilometres(to: depotCommune.location) < 60 {
                taken.insert(stop.id)
                let day = unitProfile.operatingDays[min(2, unitProfile.operatingDays.count - 1)]
                recurringStops.append(
                    RecurringStop(
                        day: day, siteId: stop.id, arrival: try! LocalTime("09:30"), departure: try! LocalTime("12:00"))
                )
            }
            let id = MobileUnit.ID("U-\(String(zeroPadded: index + 1, width: 2))")
            units.append(
                MobileUnit(
                    id: id,
                    name: unitProfile.name,
                    crew: unitProfile.crew,
                    depot: Depot(
                        name: unitProfile.depotName ?? "Centre hospitalier de \(depotCommune.name)",
                        inseeCode: depotCommune.inseeCode,
                        location: jittered(depotCommune.location, &rng)),
                    equipment: unitProfile.equipment,
                    operatingDays: unitProfile.operatingDays,
                    shift: TimeOfDayWindow(start: try! LocalTime("08:00"), end: try! LocalTime("17:30")),
                    lunchBreak: LunchBreak(
                        earliestStart: try! LocalTime("12:00"), latestEnd: try! LocalTime("14:00"), minutes: 45),
                    setupMinutes: isOrthoptic ? 20 : 15,
                    maxDrivingMinutesPerDay: 240,
                    // Field reports: about 12 patients per half-day on an ophthalmology truck.
                    capacityPerDay: isOrthoptic ? 24 : 12,
                    recurringStops: recurringStops,
                    email: SyntheticNames.mailbox("equipe", id.rawValue)
                ))
        }
        return units
    }
}
