/// Model: plain Sendable values that the later stages compute from and render. No I/O here.

/// An administrative unit scored or reported on: a province, a district of a province, a commune.
/// Its identity is its slug: it survives a rename, and a merged unit is a new unit whose
/// `predecessors` name the units it was formed from.
struct Unit: Sendable, Hashable {
    enum Level: String, Sendable, Hashable, CaseIterable {
        case province, district, commune

        /// How pages name the level: "tỉnh", "huyện", "xã".
        var vietnamese: String {
            switch self {
            case .province: return "tỉnh"
            case .district: return "huyện"
            case .commune: return "xã"
            }
        }
    }

    var slug: String
    var name: String
    var level: Level
    /// Slug of the unit this one belongs to (a district's province).
    var parent: String?
    /// Socio-economic region, the usual peer group of a province.
    var region: String?
    var location: SourceLocation
    /// The period the unit existed in (the merger of 1 July 2025 ends 52 provinces and starts 23).
    var validFrom: LocalDate? = nil
    var validUntil: LocalDate? = nil
    /// Slugs of the units this one was formed from, and of the unit this one became.
    var predecessors: [String] = []
    var successor: String? = nil

    /// Whether the unit existed at some time in `year`.
    func exists(in year: Int) -> Bool {
        (validFrom.map { $0.year <= year } ?? true) && (validUntil.map { $0.year >= year } ?? true)
    }

    /// A unit that still exists: no end of its period.
    var isCurrent: Bool { validUntil == nil }
}
