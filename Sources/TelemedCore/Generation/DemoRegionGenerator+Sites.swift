import Foundation

/// Where the sites go: EHPADs where people live, town points in small remote communes.
extension DemoRegionGenerator {
    /// Smallest commune that gets an EHPAD: below this, residents move to the nearest bourg.
    static let ehpadMinimumPopulation = 300
    /// Town points go to communes of this size…
    public static let townPointPopulation = 200...3_000
    /// …at least this far from a town of `healthCentrePopulation` inhabitants…
    static let townPointMinimumRemotenessKilometres = 15.0
    public static let healthCentrePopulation = 5_000
    /// …and this far from one another, so they cover different areas.
    public static let townPointSpacingKilometres = 10.0

    func placeSites() -> [Site] {
        var rng = randomStream(.sites)
        let ehpads = placeEHPADs(&rng)
        let townPoints = placeTownPoints(&rng)
        return ehpads + townPoints
    }

    /// Draws EHPAD communes with probability ∝ population^0.7: more homes where more people
    /// live, but small towns keep a larger share than their size, as in the FINESS register.
    /// With ``RegionProfile/ehpadShareByDepartment``, each department's communes share its part.
    private func placeEHPADs(_ rng: inout SeededRandomNumberGenerator) -> [Site] {
        let candidates = catalog.communes.filter { $0.population >= Self.ehpadMinimumPopulation }
        var weights = candidates.map { pow(Double($0.population), 0.7) }
        if let shares = profile.ehpadShareByDepartment {
            var departmentWeight: [String: Double] = [:]
            for (commune, weight) in zip(candidates, weights) {
                departmentWeight[commune.departmentCode, default: 0] += weight
            }
            weights = zip(candidates, weights).map { commune, weight in
                weight / departmentWeight[commune.departmentCode]! * (shares[commune.departmentCode] ?? 0)
            }
        }
        var cumulative: [Double] = []
        var total = 0.0
        for weight in weights {
            total += weight
            cumulative.append(total)
        }
        var countByDepartment: [String: Int] = [:]
        var sites: [Site] = []
        for _ in 0..<profile.ehpadCount {
            let commune = candidates[rng.weightedIndex(cumulative)]
            let sequence = (countByDepartment[commune.departmentCode] ?? 0) + 1
            countByDepartment[commune.departmentCode] = sequence
            let beds = 40 + Int(rng.nextUnit() * 35) + Int(rng.nextUnit() * 35)
            let equipment = Self.ehpadEquipmentOdds.filter { rng.chance($0.1) }.map(\.0)
            let saturdayMorning = rng.chance(0.1)
            let id = Site.ID("E-\(commune.departmentCode)-\(String(zeroPadded: sequence, width: 4))")
            sites.append(
                Site(
                    id: id,
                    kind: .ehpad,
                    name: "EHPAD \(SyntheticNames.element(SyntheticNames.residences, &rng))",
                    finess: commune.departmentCode + "0" + SyntheticNames.digits(6, &rng),
                    beds: beds,
                    inseeCode: commune.inseeCode,
                    commune: commune.name,
                    address: SyntheticNames.address(&rng),
                    location: jittered(commune.location, &rng),
                    openingHours: Self.weekdays(Weekday.workingDays, "09:00", "12:00")
                        + Self.weekdays(Weekday.workingDays, "13:30", "17:30")
                        + (saturdayMorning ? Self.weekdays([.saturday], "09:00", "12:00") : []),
                    nurseHours: Self.weekdays(Weekday.workingDays, "09:00", "12:00")
                        + Self.weekdays(Weekday.workingDays, "14:00", "17:00"),
                    rooms: beds > 100 ? 2 : 1,
                    equipment: equipment,
                    email: SyntheticNames.mailbox("accueil", id.rawValue)
                ))
        }
        return sites.sorted { $0.id < $1.id }
    }

    /// Town points: small communes far from any town with a health centre, drawn with
    /// probability ∝ remoteness² × √population, kept apart from one another.
    private func placeTownPoints(_ rng: inout SeededRandomNumberGenerator) -> [Site] {
        let towns = catalog.communes.filter { $0.population >= Self.healthCentrePopulation }
        var candidates: [(Commune, Double)] = []
        for commune in catalog.communes where Self.townPointPopulation.contains(commune.population) {
            let remoteness = towns.map { commune.location.greatCircleKilometres(to: $0.location) }.min() ?? 0
            if remoteness >= Self.townPointMinimumRemotenessKilometres {
                candidates.append((commune, remoteness * remoteness * Double(commune.population).squareRoot()))
            }
        }
        var chosen: [Commune] = []
        while chosen.count < profile.townPointCount && !candidates.isEmpty {
            let commune = rng.pick(candidates)
            chosen.append(commune)
            candidates.removeAll {
                $0.0.location.greatCircleKilometres(to: commune.location) < Self.townPointSpacingKilometres
            }
        }
        var countByDepartment: [String: Int] = [:]
        return chosen.map { commune in
            let sequence = (countByDepartment[commune.departmentCode] ?? 0) + 1
            countByDepartment[commune.departmentCode] = sequence
            // Open two or three days a week; a nurse from the local practice on one of them.
            let days = Array(rng.shuffled(Weekday.workingDays).prefix(2 + (rng.chance(0.5) ? 1 : 0))).sorted()
            let host = SyntheticNames.element(SyntheticNames.townPointHosts, &rng)
            let id = Site.ID("T-\(commune.departmentCode)-\(String(zeroPadded: sequence, width: 4))")
            return Site(
                id: id,
                kind: .townPoint,
                name: "\(host) de \(commune.name)",
                inseeCode: commune.inseeCode,
                commune: commune.name,
                address: SyntheticNames.address(&rng),
                location: jittered(commune.location, &rng),
                openingHours: Self.weekdays(days, "09:00", "12:30") + Self.weekdays(days, "13:30", "17:00"),
                nurseHours: Self.weekdays([days[0]], "09:00", "12:30"),
                equipment: rng.chance(0.6) ? [.videoCart] : [],
                email: SyntheticNames.mailbox("accueil", id.rawValue)
            )
        }.sorted { $0.id < $1.id }
    }

    /// Share of EHPADs owning each device. Programme homes get a telemedicine cart (camera,
    /// dermatoscope, ECG, stethoscope) in most cases; dental and retinal devices are rarer and are
    /// what the itinerant units bring.
    static let ehpadEquipmentOdds: [(Equipment, Double)] = [
        (.videoCart, 0.9), (.dermatoscope, 0.7), (.woundCamera, 0.7), (.ecg, 0.6), (.digitalStethoscope, 0.6),
        (.intraoralCamera, 0.25), (.retinalCamera, 0.05), (.spirometer, 0.1),
    ]

    static func weekdays(_ days: [Weekday], _ start: String, _ end: String) -> [WeeklyWindow] {
        days.map { WeeklyWindow(day: $0, start: try! LocalTime(start), end: try! LocalTime(end)) }
    }

    /// A point within about a kilometre of the town hall, rounded to 5 decimals (≈ 1 m).
    func jittered(_ point: GeoPoint, _ rng: inout SeededRandomNumberGenerator) -> GeoPoint {
        let latitude = point.latitude + (rng.nextUnit() - 0.5) * 0.016
        let longitude = point.longitude + (rng.nextUnit() - 0.5) * 0.024
        return GeoPoint(latitude: (latitude * 1e5).rounded() / 1e5, longitude: (longitude * 1e5).rounded() / 1e5)
    }

}
