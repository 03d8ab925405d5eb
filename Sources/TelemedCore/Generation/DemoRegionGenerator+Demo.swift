extension DemoRegionGenerator {
    /// The shipped demo region: Bourgogne-Franche-Comté (27), seed 1, four weeks of demand.
    public static let demoRegion = "27"

    /// The demo region starting on `start`, the same for the same date on any machine: what
    /// `telemed serve` sets up on an empty database (starting today, so the demo is always live)
    /// and `telemed simulate` on a missing file. `Scenarios/bfc-demo.json` is this region
    /// starting on 2027-01-04.
    public static func demo(startingOn start: LocalDate) throws(GenerationError) -> Scenario {
        let catalog = try CommuneCatalog.shipped(region: demoRegion)
        return try DemoRegionGenerator(
            catalog: catalog, profile: RegionProfile.profile(for: catalog),
            options: .init(seed: 1, start: start, weeks: 4)
        ).generate()
    }
}
