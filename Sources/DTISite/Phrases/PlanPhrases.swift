/// The plans: tasks, targets, agencies and the documents they come from.
struct PlanPhrases: Sendable {
    var documentTasks, documentTargets: String
    var pillarTargets: @Sendable (_ pillar: String) -> String
    /// /muc-tieu/.
    var targetsTitle, targetsDescription, ownTargets: String
    var otherUnitsTargets: @Sendable (_ units: [String]) -> String
    /// /co-quan/ and an agency's page.
    var agenciesTitle, agenciesDescription, agencyList: String
    var agencyDescription: @Sendable (_ agency: String) -> String
    var agencyLeads: @Sendable (_ agency: String) -> String
    var agencyPartners: @Sendable (_ agency: String) -> String
    var agencyTargets: @Sendable (_ agency: String) -> String
    /// Column names of the agency, task and target tables.
    var agency, shortName, lead, partner, overdue, unclear, task, deadline, status, document, note: String
    var target, goal, assigned, baseline, actual, progress, statedElsewhere: String
    /// A task whose plan names no lead.
    var noLead: String
    /// A target without a year.
    var undated: String
    /// A source's misspellings: `nguyên văn: "Phần đầu" (đúng là "Phấn đấu")`.
    var typoNote: @Sendable ([SourceTypo]) -> String?
}

extension PlanPhrases {
    static let vietnamese = PlanPhrases(
        documentTasks: "Nhiệm vụ trong văn bản", documentTargets: "Mục tiêu trong văn bản",
        pillarTargets: { "Mục tiêu thuộc trụ cột \($0)" },
        targetsTitle: "Mục tiêu và tiến độ",
        targetsDescription: "Các mục tiêu của kế hoạch chuyển đổi số, với tiến độ nơi đã có số liệu",
        ownTargets: "Các mục tiêu trong kế hoạch của tỉnh",
        otherUnitsTargets: { "Mục tiêu trong văn bản của đơn vị khác (\($0.joined(separator: ", ")))" },
        agenciesTitle: "Cơ quan thực hiện", agenciesDescription: "Các cơ quan chủ trì và phối hợp thực hiện nhiệm vụ chuyển đổi số",
        agencyList: "Cơ quan và nhiệm vụ",
        agencyDescription: { "Nhiệm vụ, thời hạn và mục tiêu của \($0) trong các kế hoạch chuyển đổi số" },
        agencyLeads: { "Nhiệm vụ \($0) chủ trì" }, agencyPartners: { "Nhiệm vụ \($0) phối hợp" },
        agencyTargets: { "Mục tiêu \($0) chịu trách nhiệm" },
        agency: "Cơ quan", shortName: "Viết tắt", lead: "Chủ trì", partner: "Phối hợp", overdue: "Quá hạn",
        unclear: "Chưa rõ thời hạn", task: "Nhiệm vụ", deadline: "Thời hạn", status: "Tình trạng", document: "Văn bản",
        note: "Ghi chú", target: "Mục tiêu", goal: "Chỉ tiêu", assigned: "Cấp trên giao", baseline: "Hiện trạng",
        actual: "Thực hiện", progress: "Tiến độ", statedElsewhere: "Văn bản khác ghi",
        noLead: "văn bản không ghi", undated: "không ghi năm",
        typoNote: { typos in
            guard !typos.isEmpty else { return nil }
            return "nguyên văn: "
                + typos.map { "\"\($0.written)\"" + ($0.meant.map { " (đúng là \"\($0)\")" } ?? "") }.joined(separator: ", ")
        })
}
