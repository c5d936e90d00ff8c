import Foundation

/// A target of a plan: "90% hồ sơ công việc cấp tỉnh xử lý trên môi trường mạng vào năm 2025",
/// with its baseline and, where known, the latest actual value.
struct PlanTarget: Sendable, Hashable {
    enum Comparator: String, Sendable, Hashable {
        case atLeast = ">="
        case atMost = "<="
        case equal = "="
        case range, text

        var symbol: String {
            switch self {
            case .atLeast: return "≥"
            case .atMost: return "≤"
            case .equal: return ""
            case .range, .text: return ""
            }
        }
    }

    var code: String
    var text: String
    var comparator: Comparator
    /// The target value; for a range its lower end, with `upper` the other.
    var value: Decimal?
    var upper: Decimal?
    /// The value as written, for qualitative targets.
    var rawValue: String
    var unit: String
    var year: Int?
    var baseline: Decimal?
    var baselineYear: Int?
    var actual: Decimal?
    var actualYear: Int?
    var pillar: String?
    var agencies: [String]
    var document: String?
    var location: SourceLocation
    /// The code of a target of another document that this one restates (`same_as`).
    var sameAs: String? = nil
    /// The same target as other places state it with another value: "20 % GRDP (Đề án 2022)".
    var statedElsewhere: [String] = []
}
