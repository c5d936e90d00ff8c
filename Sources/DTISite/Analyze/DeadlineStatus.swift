import Foundation

/// A task's standing on `as_of`, from its deadline and its status cell (the words are in Phrases).
enum DeadlineStatus: String, Sendable, CaseIterable {
    case done, overdue, dueSoon, open, recurring, conditional, unspecified, unclear, paused

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
}
