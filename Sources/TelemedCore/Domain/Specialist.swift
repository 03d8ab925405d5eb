import Foundation

/// A remote doctor who holds consultations by video or reviews tele-expertise files.
public struct Specialist: Codable, Hashable, Sendable, Identifiable {
    public typealias ID = Identifier<Specialist>

    public var id: ID
    public var name: String
    /// RPPS number (11 digits).
    public var rpps: String
    public var specialties: [Specialty]
    /// Recurring availability, local time.
    public var weeklyAvailability: [WeeklyWindow]
    /// One-off changes to the weekly pattern, from the data or an imported calendar.
    public var exceptions: [AvailabilityException]
    public var maxSessionsPerDay: Int
    /// Base of the video room links sent in the specialist's feed.
    public var videoLink: String?
    /// Where the specialist is told of their sessions' changes and tomorrow's sessions.
    public var email: String?

    public init(
        id: ID, name: String, rpps: String, specialties: [Specialty], weeklyAvailability: [WeeklyWindow],
        exceptions: [AvailabilityException] = [], maxSessionsPerDay: Int, videoLink: String? = nil,
        email: String? = nil
    ) {
        self.id = id
        self.name = name
        self.rpps = rpps
        self.specialties = specialties
        self.weeklyAvailability = weeklyAvailability
        self.exceptions = exceptions
        self.maxSessionsPerDay = maxSessionsPerDay
        self.videoLink = videoLink
        self.email = email
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(ID.self, forKey: .id),
            name: try c.decode(String.self, forKey: .name),
            rpps: try c.decode(String.self, forKey: .rpps),
            specialties: try c.decode([Specialty].self, forKey: .specialties),
            weeklyAvailability: try c.decode([WeeklyWindow].self, forKey: .weeklyAvailability),
            exceptions: try c.decodeIfPresent([AvailabilityException].self, forKey: .exceptions) ?? [],
            maxSessionsPerDay: try c.decode(Int.self, forKey: .maxSessionsPerDay),
            videoLink: try c.decodeIfPresent(String.self, forKey: .videoLink),
            email: try c.decodeIfPresent(String.self, forKey: .email)
        )
    }
}

/// A one-off change to a specialist's weekly availability: time off (`unavailable`) or an extra
/// slot (`available`). Instants are UTC.
public struct AvailabilityException: Codable, Hashable, Sendable {
    public enum Kind: String, ClosedVocabulary, Hashable {
        case unavailable, available
    }

    public var kind: Kind
    public var start: Date
    public var end: Date
    /// Free text such as "congrès"; never patient data.
    public var note: String?

    public init(kind: Kind, start: Date, end: Date, note: String? = nil) {
        self.kind = kind
        self.start = start
        self.end = end
        self.note = note
    }
}
