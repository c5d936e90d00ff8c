/// A task of a plan: what, for which pillar and indicators, who leads, who helps, by when.
public struct PlanTask: Sendable, Hashable {
    public var code: String
    public var pillar: String?
    public var indicators: [String]
    public var text: String
    /// Agencies as resolved to their canonical names (unknown ones keep their text).
    public var leads: [String]
    public var partners: [String]
    public var product: String?
    public var deadline: Deadline
    public var status: String?
    public var document: String?
    public var location: SourceLocation

    public var isDone: Bool {
        guard let status = status?.lowercased() else { return false }
        return ["xong", "hoàn thành", "đã hoàn thành", "done", "đã xong"].contains(status)
    }
}
