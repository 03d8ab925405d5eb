/// What `addSite` needs besides the scenario it changes: the shipped communes (where a commune
/// lies, its name and town hall) and the regions the base scenario plans, since a study adds
/// places where its base plans and nowhere else. Read once per study, and only when one of its
/// changes adds a site.
struct NewPlaceContext: Sendable {
    let communes: Result<CommuneDirectory, GenerationError>
    /// The base scenario's regions (``CommuneDirectory/regionCodes(of:)``).
    let baseRegions: Result<[String], GenerationError>

    init(base: Scenario, communes directory: CommuneDirectory?) {
        let communes =
            directory.map { Result.success($0) }
            ?? Result { () throws(GenerationError) in
                try CommuneDirectory.shipped()
            }
        self.communes = communes
        baseRegions = communes.flatMap { directory in
            Result { () throws(GenerationError) in try directory.regionCodes(of: base) }
        }
    }

    /// The commune of `inseeCode` in the base's regions, or the reason it cannot take a site.
    func commune(_ inseeCode: String) -> Result<Commune, NewPlaceRefusal> {
        let directory: CommuneDirectory
        let regions: [String]
        switch (communes, baseRegions) {
        case (.failure(let error), _), (_, .failure(let error)): return .failure(.communesUnavailable(error))
        case (.success(let found), .success(let codes)): (directory, regions) = (found, codes)
        }
        guard let commune = directory.communes.first(where: { $0.inseeCode == inseeCode }) else {
            return .failure(.unknownCommune(inseeCode))
        }
        guard regions.contains(commune.regionCode) else {
            let named = { (code: String) in
                "\(code) " + (directory.regions.first { $0.code == code }?.name ?? "")
            }
            return .failure(
                .outsideRegions(commune, region: named(commune.regionCode), planned: regions.map(named)))
        }
        return .success(commune)
    }

    /// The figures of the commune's region that new sites ask for care at.
    func profile(of commune: Commune) -> RegionProfile {
        guard case .success(let directory) = communes,
            let catalog = try? directory.catalog(regions: [commune.regionCode])
        else { return .bourgogneFrancheComte }
        return RegionProfile.profile(for: catalog)
    }
}

/// Why a commune cannot take a new site, worded for the person who wrote the change.
enum NewPlaceRefusal: Error, CustomStringConvertible {
    case communesUnavailable(GenerationError)
    case unknownCommune(String)
    case outsideRegions(Commune, region: String, planned: [String])

    var description: String {
        switch self {
        case .communesUnavailable(let error):
            "a new site is placed in a shipped commune, and the communes cannot be read here: \(error.description)"
        case .unknownCommune(let code):
            "unknown commune \"\(code)\": no metropolitan commune has this INSEE code (5 characters, e.g. 58145; "
                + "2A/2B for Corsica)"
        case .outsideRegions(let commune, let region, let planned):
            "\(commune.name) (\(commune.inseeCode)) lies in region \(region), outside the region(s) the base "
                + "scenario plans (\(planned.joined(separator: ", "))): add places where the study's base plans"
        }
    }
}
