/// A task's deadline as the plan writes it ("Quý II/2024", "Thường xuyên", "Sau khi …"), and what it
/// means: a period, a recurrence, or a condition. The text as written is always kept and shown.
struct Deadline: Sendable, Hashable {
    enum Recurrence: String, Sendable, Hashable {
        case weekly, yearly, continuous

        var vietnamese: String {
            switch self {
            case .weekly: return "hằng tuần"
            case .yearly: return "hằng năm"
            case .continuous: return "thường xuyên"
            }
        }
    }

    enum Meaning: Sendable, Hashable {
        /// From the first to the last day, inclusive.
        case period(from: LocalDate, to: LocalDate)
        case recurring(Recurrence)
        /// Starts when something happens: "Sau khi có hướng dẫn của Bộ TT&TT".
        case condition
        case none
        /// Text that could not be read as any of the above.
        case unknown
    }

    var raw: String
    var meaning: Meaning
    /// A condition attached to a period ("Năm 2024 - 2025 và khi có hướng dẫn của Bộ TTTT").
    var condition: String?
}
