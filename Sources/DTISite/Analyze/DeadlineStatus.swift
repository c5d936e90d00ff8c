import Foundation

enum DeadlineStatus: String, Sendable, CaseIterable {
    case done, overdue, dueSoon, open, recurring, conditional, unspecified, unclear, paused

    var vietnamese: String {
        switch self {
        case .done: return "đã hoàn thành"
        case .overdue: return "quá hạn"
        case .dueSoon: return "sắp đến hạn"
        case .open: return "còn hạn"
        case .recurring: return "định kỳ"
        case .conditional: return "có điều kiện"
        case .unspecified: return "không ghi thời hạn"
        case .unclear: return "chưa rõ thời hạn"
        case .paused: return "tạm dừng"
        }
    }

    var cssClass: String {
        switch self {
        case .done: return "dat"
        case .overdue: return "chua-dat"
        case .dueSoon: return "gan-dat"
        default: return "trung-tinh"
        }
    }

    /// Days before the end of its period from which a task is "sắp đến hạn".
    static let soonDays = 90

    static func of(_ task: PlanTask, asOf: LocalDate) -> DeadlineStatus {
        switch task.progress {
        case .done?: return .done
        case .paused?: return .paused
        default: break
        }
        switch task.deadline.meaning {
        case .period(_, let to), .by(let to):
            // The last day of the period is still in time; the day after it is not.
            if to < asOf { return .overdue }
            return LocalDate.days(from: asOf, to: to) <= soonDays ? .dueSoon : .open
        case .since: return .open
        case .recurring:
            if let until = task.deadline.until, until < asOf { return .overdue }
            return .recurring
        case .condition: return .conditional
        case .none: return .unspecified
        case .unknown: return .unclear
        }
    }

    /// The "Tình trạng" of a task as a page shows it: its standing on `as_of` with what its status cell reports.
    /// The site does not know that a task whose period ended without a status is unfinished, so it says so.
    static func label(_ task: PlanTask, asOf: LocalDate) -> String {
        let status = of(task, asOf: asOf)
        let progress = task.progress
        if status == .overdue, progress == nil { return "đã quá hạn, chưa có báo cáo hoàn thành" }
        switch progress {
        case .inProgress?: return status.vietnamese + ", đang thực hiện"
        case .notStarted?: return status.vietnamese + ", chưa thực hiện"
        case .other(let text)?: return status.vietnamese + " (tình trạng ghi: \(text))"
        default: return status.vietnamese
        }
    }
}
