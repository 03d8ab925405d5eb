/// The demand: requests per site over the horizon.
extension DemoRegionGenerator {
    /// Each site draws a Poisson number of requests (mean ∝ beds for EHPADs), released on working
    /// days across the horizon, as ``SiteDemandDraw`` describes.
    func makeRequests(sites: [Site], specialists: [Specialist]) -> [ConsultationRequest] {
        var rng = randomStream(.requests)
        let draw = SiteDemandDraw(horizon: horizon, specialists: specialists)
        var requests: [ConsultationRequest] = []
        for (siteIndex, site) in sites.enumerated() {
            let mean = profile.expectedRequests(at: site, weeks: options.weeks)
            requests += draw.requests(
                count: rng.poisson(mean: mean), at: site, siteIndex: siteIndex,
                id: { ConsultationRequest.ID("R-\(String(zeroPadded: $0, width: 5))") },
                firstNumber: requests.count + 1,
                random: &rng)
        }
        return requests
    }
}

extension RegionProfile {
    /// Requests a site of this region is expected to ask for over `weeks` weeks: an EHPAD in
    /// proportion to its beds (60 when unknown), a town point at the region's rate.
    public func expectedRequests(at site: Site, weeks: Double) -> Double {
        let perFourWeeks =
            site.kind == .ehpad
            ? Double(site.beds ?? 60) * requestsPerBedPerFourWeeks : requestsPerTownPointPerFourWeeks
        return perFourWeeks * (weeks / 4)
    }

    func expectedRequests(at site: Site, weeks: Int) -> Double { expectedRequests(at: site, weeks: Double(weeks)) }
}
