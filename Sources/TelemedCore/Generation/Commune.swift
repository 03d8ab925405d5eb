/// A real French commune from the shipped data (see `Resources/Communes/SOURCE.md`).
public struct Commune: Hashable, Sendable {
    public var inseeCode: String
    public var name: String
    public var departmentCode: String
    /// The region of the commune's department.
    public var regionCode: String
    public var population: Int
    public var location: GeoPoint
    /// The intercommunality the commune belongs to; nil for the four island communes that belong
    /// to none (Île-de-Bréhat, Île-de-Sein, Ouessant, L'Île-d'Yeu).
    public var intercommunality: Intercommunality?
}
