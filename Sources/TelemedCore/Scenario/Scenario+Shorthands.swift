extension Scenario {
    /// The scenario with what a hand-written file may say in short written out: a campaign stated
    /// alone becomes its patients' requests (``expandUnlistedCampaigns()``) and a bare care series
    /// spec its occurrences (``expandingSeries()``). Every way in applies it once, the file reader
    /// (``ScenarioCoder/decode(_:)``) and the store's import, so decoding itself stays a plain read
    /// and the solver only ever sees expanded requests.
    public func expandingShorthands() -> Scenario {
        var expanded = self
        expanded.expandUnlistedCampaigns()
        return expanded.expandingSeries()
    }
}
