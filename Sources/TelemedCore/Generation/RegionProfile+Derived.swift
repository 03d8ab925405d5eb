/// Profiles for the regions nobody wrote one for, scaled from Bourgogne-Franche-Comté's.
extension RegionProfile {
    /// Bourgogne-Franche-Comté's inhabitants in the shipped communes: the population its hand-made
    /// profile (420 EHPADs, 40 town points) was written for.
    static let referencePopulation = 2_811_423.0
    /// Share of Bourgogne-Franche-Comté's inhabitants living in communes under
    /// ``ruralCommunePopulation``, in the shipped communes.
    static let referenceRuralShare = 1_366_481.0 / 2_811_423.0
    /// INSEE's historical threshold of a rural commune.
    static let ruralCommunePopulation = 2_000
    /// How much a department's rural share moves its EHPAD rate: (w + r) / (w + r of the reference).
    static let ruralWeight = 0.5
    /// Mean beds of a generated EHPAD (40 plus two draws of up to 35), for the expected demand.
    static let meanEHPADBeds = 75.0

    /// A profile for any metropolitan region, from its communes alone and Bourgogne-Franche-Comté's
    /// figures, so the same communes always give the same profile:
    ///
    /// - **EHPADs**: Bourgogne-Franche-Comté's 420 per 2.81 million inhabitants, department by
    ///   department, weighted by (0.5 + r) / (0.5 + 0.486), where r is the share of the department's
    ///   inhabitants living in communes under 2,000 (0.486 in Bourgogne-Franche-Comté): homes are
    ///   denser where the old live, in the countryside. Paris and its inner suburbs (r = 0) get half
    ///   the reference rate, the Creuse (r = 0.77) 1.29 times. Each department gets that share of the
    ///   region's homes (``ehpadShareByDepartment``); inside it, communes are drawn as for
    ///   Bourgogne-Franche-Comté.
    /// - **Town points**: 40 per 2.81 million inhabitants; the generator places as many as the
    ///   region has small communes far from a town for, so a dense region gets fewer.
    /// - **Specialists**: Bourgogne-Franche-Comté's count for each specialty × the region's
    ///   expected requests over Bourgogne-Franche-Comté's (EHPAD beds and town points at the same
    ///   rates), at least one per specialty.
    /// - **Units**: one per department, its depot in the department's most populous commune (a
    ///   hospital town in every department); the n-th department by code takes the crew, equipment
    ///   and days of Bourgogne-Franche-Comté's unit n mod 8, so one unit in eight is an
    ///   ophthalmology truck with an orthoptist.
    /// - **Demand**: Bourgogne-Franche-Comté's rates per bed and per town point, and its specialty mix.
    public static func derived(from catalog: CommuneCatalog) -> RegionProfile {
        let reference = bourgogneFrancheComte
        var population: [String: Int] = [:]
        var ruralPopulation: [String: Int] = [:]
        for commune in catalog.communes {
            population[commune.departmentCode, default: 0] += commune.population
            if commune.population < ruralCommunePopulation {
                ruralPopulation[commune.departmentCode, default: 0] += commune.population
            }
        }
        let ehpadsPerInhabitant = Double(reference.ehpadCount) / referencePopulation
        var expectedEHPADs: [String: Double] = [:]
        for (department, inhabitants) in population where inhabitants > 0 {
            let ruralShare = Double(ruralPopulation[department] ?? 0) / Double(inhabitants)
            expectedEHPADs[department] =
                Double(inhabitants) * ehpadsPerInhabitant * (ruralWeight + ruralShare)
                / (ruralWeight + referenceRuralShare)
        }
        // Summed in department order: a dictionary's order changes from one process to the next,
        // and so would the last bits of the total, the shares and then the draws.
        let ehpadTotal = expectedEHPADs.keys.sorted().reduce(0) { $0 + expectedEHPADs[$1]! }
        let ehpadCount = Int(ehpadTotal.rounded())
        let inhabitants = Double(population.values.reduce(0, +))
        let townPointCount = Int((Double(reference.townPointCount) * inhabitants / referencePopulation).rounded())

        func expectedRequests(ehpads: Int, townPoints: Int) -> Double {
            Double(ehpads) * meanEHPADBeds * reference.requestsPerBedPerFourWeeks
                + Double(townPoints) * reference.requestsPerTownPointPerFourWeeks
        }
        let demandRatio =
            expectedRequests(ehpads: ehpadCount, townPoints: townPointCount)
            / expectedRequests(ehpads: reference.ehpadCount, townPoints: reference.townPointCount)

        return RegionProfile(
            regionCode: catalog.regionCode,
            regionName: catalog.regionName,
            ehpadCount: ehpadCount,
            townPointCount: townPointCount,
            specialists: reference.specialists.map { specialty, count in
                (specialty, max(1, Int((Double(count) * demandRatio).rounded())))
            },
            units: departmentUnits(catalog),
            requestsPerBedPerFourWeeks: reference.requestsPerBedPerFourWeeks,
            requestsPerTownPointPerFourWeeks: reference.requestsPerTownPointPerFourWeeks,
            ehpadShareByDepartment: ehpadTotal > 0 ? expectedEHPADs.mapValues { $0 / ehpadTotal } : nil
        )
    }

    /// One unit per department of the catalog, by department code, based in its most populous
    /// commune (the lower INSEE code on a tie).
    private static func departmentUnits(_ catalog: CommuneCatalog) -> [UnitProfile] {
        let templates = bourgogneFrancheComte.units
        let byDepartment = Dictionary(grouping: catalog.communes, by: \.departmentCode)
        return byDepartment.keys.sorted().enumerated().map { index, department in
            let depot = byDepartment[department]!.max {
                ($0.population, $1.inseeCode) < ($1.population, $0.inseeCode)
            }!
            let template = templates[index % templates.count]
            let kind = template.crew == .orthoptist ? "Camion d'ophtalmologie" : "Unité mobile"
            return UnitProfile(
                name: "\(kind) \(ofPlace(depot.name))", depotInseeCode: depot.inseeCode, crew: template.crew,
                equipment: template.equipment, operatingDays: template.operatingDays,
                depotName: "Centre hospitalier \(ofPlace(depot.name))")
        }
    }

    /// "de Nevers", "d'Épinal": the French "of" before a place. The shipped names carry no article
    /// ("Mans", not "Le Mans"), and an initial h is left alone: whether it is mute depends on the word.
    static func ofPlace(_ name: String) -> String {
        if let first = name.first, "AEIOUYÂÉÈÊÎÔ".contains(first) { return "d'" + name }
        return "de " + name
    }
}
