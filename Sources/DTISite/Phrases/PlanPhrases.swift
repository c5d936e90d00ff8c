/// The plans: tasks, targets, agencies and the documents they come from.
struct PlanPhrases: Sendable {
    var documentTasks, documentTargets: String
}

extension PlanPhrases {
    static let vietnamese = PlanPhrases(documentTasks: "Nhiệm vụ trong văn bản", documentTargets: "Mục tiêu trong văn bản")
}
