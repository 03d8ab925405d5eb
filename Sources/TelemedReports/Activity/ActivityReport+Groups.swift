import TelemedCore

extension ActivityReport {
    /// The finest grain: one month, site and specialty (the site's department alongside).
    public struct Row: Codable, Hashable, Sendable {
        public var month: CalendarMonth
        /// INSEE department code of the site.
        public var department: String
        public var siteId: Site.ID
        public var siteName: String
        public var specialty: Specialty
        public var counts: ActivityCounts
    }

    /// The region in one month.
    public struct Month: Codable, Hashable, Sendable {
        public var month: CalendarMonth
        public var counts: ActivityCounts
        /// Every unit's stored routes dated in the month.
        public var units: UnitActivity
    }

    public struct DepartmentTotal: Codable, Hashable, Sendable {
        public var code: String
        public var name: String
        public var counts: ActivityCounts
    }

    public struct SpecialtyTotal: Codable, Hashable, Sendable {
        public var specialty: Specialty
        public var counts: ActivityCounts
    }

    public struct SiteTotal: Codable, Hashable, Sendable {
        public var id: Site.ID
        public var name: String
        public var commune: String
        public var department: String
        public var counts: ActivityCounts
    }

    /// One unit over the whole period.
    public struct UnitTotal: Codable, Hashable, Sendable {
        public var unitId: MobileUnit.ID
        public var unitName: String
        public var activity: UnitActivity
    }

    /// One unit in one month.
    public struct UnitMonth: Codable, Hashable, Sendable {
        public var month: CalendarMonth
        public var unitId: MobileUnit.ID
        public var unitName: String
        public var activity: UnitActivity
    }
}
