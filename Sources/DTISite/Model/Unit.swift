/// Model: plain Sendable values that the later stages compute from and render. No I/O here.

/// An administrative unit scored or reported on: a province, a district of a province, a commune.
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
}
