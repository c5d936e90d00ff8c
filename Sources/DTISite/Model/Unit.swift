/// Model: plain Sendable values that the later stages compute from and render. No I/O here.

/// An administrative unit scored or reported on: a province, a district of a province, a commune.
public struct Unit: Sendable, Hashable {
    public enum Level: String, Sendable, Hashable, CaseIterable {
        case province, district, commune

        /// How pages name the level: "tỉnh", "huyện", "xã".
        public var vietnamese: String {
            switch self {
            case .province: return "tỉnh"
            case .district: return "huyện"
            case .commune: return "xã"
            }
        }
    }

    public var slug: String
    public var name: String
    public var level: Level
    /// Slug of the unit this one belongs to (a district's province).
    public var parent: String?
    /// Socio-economic region, the usual peer group of a province.
    public var region: String?
    public var location: SourceLocation
}
