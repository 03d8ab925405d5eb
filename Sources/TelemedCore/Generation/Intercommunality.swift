/// An intercommunality (EPCI à fiscalité propre: communauté de communes, d'agglomération, urbaine
/// or métropole), the communes that share services; figures per territory can be grouped by it.
public struct Intercommunality: Hashable, Sendable {
    /// The SIREN code, nine digits: `242100410` for Dijon Métropole.
    public var siren: String
    public var name: String
}
