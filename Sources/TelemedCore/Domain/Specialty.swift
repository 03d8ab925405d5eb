/// A medical specialty a specialist practises and a request asks for. Extensible like
/// ``Equipment``.
public struct Specialty: OpenVocabulary {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public static let dermatology: Specialty = "dermatology"
    public static let woundCare: Specialty = "woundCare"
    public static let cardiology: Specialty = "cardiology"
    public static let psychiatry: Specialty = "psychiatry"
    public static let geriatrics: Specialty = "geriatrics"
    public static let neurology: Specialty = "neurology"
    public static let ophthalmology: Specialty = "ophthalmology"
    public static let endocrinology: Specialty = "endocrinology"
    public static let pulmonology: Specialty = "pulmonology"
    public static let dentistry: Specialty = "dentistry"
    public static let generalPractice: Specialty = "generalPractice"
    /// Screening and sampling done by a unit's crew alone (`crew` mode).
    public static let screening: Specialty = "screening"

    public static let builtIn: [Specialty] = [
        .dermatology, .woundCare, .cardiology, .psychiatry, .geriatrics, .neurology, .ophthalmology,
        .endocrinology, .pulmonology, .dentistry, .generalPractice,
    ]
}
