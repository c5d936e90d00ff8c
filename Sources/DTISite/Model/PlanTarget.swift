import Foundation

/// A target of a plan: "90% hồ sơ công việc cấp tỉnh xử lý trên môi trường mạng vào năm 2025",
/// with its baseline and, where known, the latest actual value.
public struct PlanTarget: Sendable, Hashable {
    public enum Comparator: String, Sendable, Hashable {
        case atLeast = ">="
        case atMost = "<="
        case equal = "="
        case range, text

        public var symbol: String {
            switch self {
            case .atLeast: return "≥"
            case .atMost: return "≤"
            case .equal: return ""
            case .range, .text: return ""
            }
        }
    }

    public var code: String
    public var text: String
    public var comparator: Comparator
    /// The target value; for a range its lower end, with `upper` the other.
    public var value: Decimal?
    public var upper: Decimal?
    /// The value as written, for qualitative targets.
    public var rawValue: String
    public var unit: String
    public var year: Int?
    public var baseline: Decimal?
    public var baselineYear: Int?
    public var actual: Decimal?
    public var actualYear: Int?
    public var pillar: String?
    public var agencies: [String]
    public var document: String?
    public var location: SourceLocation
}
