import Foundation

/// A target of a plan: "90% hồ sơ công việc cấp tỉnh xử lý trên môi trường mạng vào năm 2025",
/// with its baseline and, where known, the latest actual value.
struct PlanTarget: Sendable, Hashable {
    enum Comparator: String, Sendable, Hashable {
        case atLeast = ">="
        case atMost = "<="
        /// Strictly more or less than the value: "> 0,623" (a plan's "duy trì chỉ số HDI > 0,623").
        case above = ">"
        case below = "<"
        case equal = "="
        case range, text

        var symbol: String {
            switch self {
            case .atLeast: return "≥"
            case .atMost: return "≤"
            case .above: return ">"
            case .below: return "<"
            case .equal: return ""
            case .range, .text: return ""
            }
        }

        /// `>=`, `≥`, `>`, `<=`, `≤`, `<`, `=`, `range`, `text`.
        init?(reading text: String) {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            self.init(rawValue: trimmed.replacingOccurrences(of: "≥", with: ">=").replacingOccurrences(of: "≤", with: "<="))
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
    /// What the level above assigned for the same target ("KH tỉnh giao"), as written: "80%", "9 xã toàn tỉnh";
    /// `assignedValue` when it is a number.
    var assigned: String? = nil
    var assignedValue: Decimal? = nil
    /// Words the source misspells, kept as written and shown with "[sic]".
    var typos: [SourceTypo] = []
    /// A note on the target, as the site's editor writes it.
    var note: String? = nil

    /// Whether the target asks for less than `other` would (a lower share where more is better, a higher
    /// rank number where fewer is better); nil when the two cannot be compared.
    func asksLess(than other: Decimal) -> Bool? {
        guard let value else { return nil }
        switch comparator {
        case .atLeast, .above, .equal: return value < other
        case .atMost, .below: return value > other
        case .range: return (upper ?? value) < other
        case .text: return nil
        }
    }
}
