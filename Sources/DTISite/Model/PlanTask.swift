import Foundation

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
    /// The `status` cell as written.
    var status: String?
    var document: String?
    var location: SourceLocation
    /// The plan's "Ghi chú" for the task, as written.
    var note: String? = nil
    /// Words the source misspells, kept as written and shown with "[sic]".
    var typos: [SourceTypo] = []

    /// What the `status` cell reports; nil when it is empty.
    var progress: TaskProgress? { status.map(TaskProgress.init(reading:)) }

    var isDone: Bool { progress == .done }
}

/// What a task's `status` cell reports, read from the words plans and reports use, whatever the case,
/// with or without diacritics: "hoàn thành", "đang thực hiện", "chưa thực hiện", "tạm dừng"…
/// Any other text is kept as written (`other`) and shown on the page.
enum TaskProgress: Sendable, Hashable {
    case done, inProgress, notStarted, paused
    case other(String)

    /// The accepted words, as listed in messages.
    static let acceptedWords = [
        "hoàn thành", "đã hoàn thành", "xong", "đã xong", "đang thực hiện", "đang triển khai", "chưa thực hiện", "chưa triển khai",
        "tạm dừng"
    ]

    static let words: [String: TaskProgress] = [
        "hoan thanh": .done, "da hoan thanh": .done, "xong": .done, "da xong": .done, "done": .done,
        "dang thuc hien": .inProgress, "dang trien khai": .inProgress,
        "chua thuc hien": .notStarted, "chua trien khai": .notStarted,
        "tam dung": .paused, "da tam dung": .paused
    ]

    init(reading raw: String) {
        let key = TextFolding.fold(raw).split(whereSeparator: { $0 == " " || $0 == "." }).joined(separator: " ")
        self = Self.words[key] ?? .other(raw.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
