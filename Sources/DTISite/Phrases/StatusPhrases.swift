/// How pages name a standing in words (never colour alone): a task's deadline status, a commune's VNeID
/// status, a move in a ranking, how a rank or an average came to be.
struct StatusPhrases: Sendable {
    var deadline: @Sendable (DeadlineStatus) -> String
    /// A task whose period ended without a status: the site does not know that it is unfinished.
    var overdueWithoutReport: String
    /// The standing joined with what the status cell reports: "quá hạn, đang thực hiện".
    var withProgress: @Sendable (String, TaskProgress) -> String
    var vneid: @Sendable (VNeIDProgress.Status) -> String
    /// A target against its goal.
    var met, notMet, noData: String
    /// "tăng 18 bậc", "giảm 1 bậc", "giữ nguyên".
    var rankChange: @Sendable (RankChange) -> String
    /// "+18 bậc", "−1 bậc", "giữ nguyên".
    var rankChangeSigned: @Sendable (RankChange) -> String
    /// "công bố", "suy ra".
    var rankBasis: @Sendable (RankBasis) -> String
    /// "tính theo quy tắc trung bình cộng các tỉnh trước sáp nhập".
    var mergerRule: String
    /// "Trung bình cả nước" for the provinces' ranking, "Trung bình <group>" otherwise.
    var averageLabel: @Sendable (_ group: String, _ isNational: Bool) -> String
    /// "Hồ Chí Minh", "Lạng Sơn, Thái Nguyên", "Bà Rịa - Vũng Tàu, Lạng Sơn và 2 đơn vị khác".
    var leaders: @Sendable ([String]) -> String
    /// The unit's rank in another ranking of the year: "trong 34 đơn vị sau sáp nhập xếp 18/34 (…)".
    var otherRank: @Sendable (_ group: String, _ size: Int, _ rank: Int, _ afterMerger: Bool, _ derived: Bool) -> String
}

extension StatusPhrases {
    static let vietnamese = StatusPhrases(
        deadline: { status in
            switch status {
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
        },
        overdueWithoutReport: "đã quá hạn, chưa có báo cáo hoàn thành",
        withProgress: { standing, progress in
            switch progress {
            case .inProgress: return standing + ", đang thực hiện"
            case .notStarted: return standing + ", chưa thực hiện"
            case .other(let text): return standing + " (tình trạng ghi: \(text))"
            default: return standing
            }
        },
        vneid: { status in
            switch status {
            case .met: return "đạt"
            case .near: return "gần đạt"
            case .behind: return "chưa đạt"
            }
        },
        met: "đạt", notMet: "chưa đạt", noData: "chưa có số liệu",
        rankChange: { change in
            switch change.direction {
            case .up: return "tăng \(change.places) bậc"
            case .down: return "giảm \(-change.places) bậc"
            case .same: return "giữ nguyên"
            }
        },
        rankChangeSigned: { change in change.places == 0 ? "giữ nguyên" : VietnameseFormat.signed(change.places) + " bậc" },
        rankBasis: { basis in
            switch basis {
            case .stated: return "công bố"
            case .derived: return "suy ra"
            }
        },
        mergerRule: "tính theo quy tắc trung bình cộng các tỉnh trước sáp nhập",
        averageLabel: { group, isNational in isNational ? "Trung bình cả nước" : "Trung bình \(group)" },
        leaders: { units in
            switch units.count {
            case 0, 1, 2, 3: return units.joined(separator: ", ")
            default: return units.prefix(2).joined(separator: ", ") + " và \(units.count - 2) đơn vị khác"
            }
        },
        otherRank: { group, size, rank, afterMerger, derived in
            (afterMerger ? "trong \(size) đơn vị sau sáp nhập xếp \(rank)/\(size)" : "trong bảng \(group) xếp \(rank)/\(size)")
                + (derived ? " (tính theo quy tắc trung bình cộng các tỉnh trước sáp nhập)" : "")
        })
}

extension StatusPhrases {
    /// The "Tình trạng" of a task as a page shows it: its standing on `as_of` with what its status cell reports.
    func standing(of task: PlanTask, asOf: LocalDate) -> String {
        let status = DeadlineStatus.of(task, asOf: asOf)
        guard let progress = task.progress else { return status == .overdue ? overdueWithoutReport : deadline(status) }
        return withProgress(deadline(status), progress)
    }
}
