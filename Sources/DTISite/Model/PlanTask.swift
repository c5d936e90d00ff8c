/// A task of a plan: what, for which pillar and indicators, who leads, who helps, by when.
struct PlanTask: Sendable, Hashable {
    var code: String
    var pillar: String?
    var indicators: [String]
    var text: String
    /// Agencies as resolved to their canonical names (unknown ones keep their text).
    var leads: [String]
    var partners: [String]
    var product: String?
    var deadline: Deadline
    var status: String?
    var document: String?
    var location: SourceLocation

    var isDone: Bool {
        guard let status = status?.lowercased() else { return false }
        return ["xong", "hoàn thành", "đã hoàn thành", "done", "đã xong"].contains(status)
    }
}
