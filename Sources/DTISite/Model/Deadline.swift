/// A task's deadline as the plan writes it ("Quý II/2024", "Thường xuyên", "Sau khi …"), and what it
/// means: a period, a date to finish by, a start without an end, a recurrence, or a condition. The text
/// as written is always kept and shown.
struct Deadline: Sendable, Hashable {
    enum Recurrence: String, Sendable, Hashable {
        case daily, weekly, monthly, quarterly, halfYearly, yearly, continuous, periodic

        var vietnamese: String {
            switch self {
            case .daily: return "hằng ngày"
            case .weekly: return "hằng tuần"
            case .monthly: return "hằng tháng"
            case .quarterly: return "hằng quý"
            case .halfYearly: return "6 tháng/lần"
            case .yearly: return "hằng năm"
            case .continuous: return "thường xuyên"
            case .periodic: return "định kỳ"
            }
        }
    }

    /// When a recurring task is due in each cycle: "trước ngày 15/11 hằng năm" is month 11, day 15;
    /// "trước ngày 20 hằng tháng" is day 20 of every month; "hằng năm trước Quý IV" is 30/9.
    struct Due: Sendable, Hashable {
        var month: Int?
        var day: Int

        init(month: Int?, day: Int) {
            self.month = month
            self.day = day
        }
    }

    enum Meaning: Sendable, Hashable {
        /// From the first to the last day, inclusive.
        case period(from: LocalDate, to: LocalDate)
        /// To be done by this day, inclusive: "Trước ngày 31/12/2025", "Đến năm 2025" (31/12/2025).
        case by(LocalDate)
        /// Starts on this day and has no end: "Từ năm 2023".
        case since(LocalDate)
        case recurring(Recurrence)
        /// Starts when something happens: "Sau khi có hướng dẫn của Bộ TT&TT".
        case condition
        case none
        /// Text that could not be read as any of the above.
        case unknown
    }

    var raw: String
    var meaning: Meaning
    /// A condition attached to a period ("Năm 2024 - 2025 và khi có hướng dẫn của Bộ TTTT"), as written;
    /// it is part of `raw`, so pages show `raw` alone.
    var condition: String?
    /// For a recurrence: the day in each cycle ("trước ngày 15/11 hằng năm").
    var due: Due?
    /// For a recurrence: its last day, when the plan bounds it ("Hằng năm, giai đoạn 2021-2025").
    var until: LocalDate?

    init(raw: String, meaning: Meaning, condition: String? = nil, due: Due? = nil, until: LocalDate? = nil) {
        self.raw = raw
        self.meaning = meaning
        self.condition = condition
        self.due = due
        self.until = until
    }
}
