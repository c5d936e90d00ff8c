import Foundation

/// The plans as pages: /co-quan/ (agencies with their counts), /co-quan/<slug>/ (what an agency leads,
/// where it helps, its deadlines and targets), /muc-tieu/ (targets with progress where an actual is known),
/// plus the task and target tables of pillar and document pages.
enum PlanPageBuilder: PageBuilder {
    static func pages(_ ctx: inout PageBuildContext) -> [PageSpec] {
        let site = ctx.site
        var specs: [PageSpec] = []
        if !site.agencies.isEmpty, !site.tasks.isEmpty || !site.targets.isEmpty {
            specs += agencyPages(&ctx)
        }
        if !site.targets.isEmpty {
            let table = targetTable(id: "muc-tieu", title: "Các mục tiêu trong kế hoạch của tỉnh", targets: site.targets, ctx: ctx)
            let met = site.targets.filter { progress($0)?.met == true }.count
            let known = site.targets.filter { progress($0) != nil }.count
            specs.append(
                PageSpec(
                    path: "muc-tieu/", title: "Mục tiêu và tiến độ",
                    description: "Các mục tiêu của kế hoạch chuyển đổi số, với tiến độ nơi đã có số liệu",
                    template: "targets",
                    content: TemplateContext([
                        "table": ctx.table(table), "rows": targetRows(site.targets, ctx: ctx),
                        "count": site.targets.count, "known": known, "met": met
                    ]),
                    section: "muc-tieu", breadcrumbs: [("Mục tiêu", "muc-tieu/")]))
        }
        return specs
    }

    static func agencyPages(_ ctx: inout PageBuildContext) -> [PageSpec] {
        let site = ctx.site
        let asOf = site.config.asOf
        var specs: [PageSpec] = []
        var list = DataTable(
            id: "co-quan", title: "Cơ quan và nhiệm vụ",
            columns: [
                .init("agency", "Cơ quan"), .init("short_name", "Viết tắt"), .init("leads", "Chủ trì", .integer),
                .init("partners", "Phối hợp", .integer), .init("overdue", "Quá hạn", .integer), .init("targets", "Mục tiêu", .integer)
            ],
            rows: [])
        list.sortable = true
        // Tasks whose deadline could not be read are counted apart, in a column shown only when there are some.
        let anyUnclear = site.tasks.contains { DeadlineStatus.of($0, asOf: asOf) == .unclear }
        if anyUnclear { list.columns.insert(.init("unclear", "Chưa rõ thời hạn", .integer), at: 5) }
        let ordered = site.agencies.sorted { Collation.vietnameseOrder($0.name, $1.name) }
        for agency in ordered {
            let leads = site.tasks.filter { $0.leads.contains(agency.name) }
            let partners = site.tasks.filter { $0.partners.contains(agency.name) }
            let targets = site.targets.filter { $0.agencies.contains(agency.name) }
            guard !leads.isEmpty || !partners.isEmpty || !targets.isEmpty else { continue }
            let statuses = leads.map { DeadlineStatus.of($0, asOf: asOf) }
            let overdue = statuses.filter { $0 == .overdue }.count
            let unclear = statuses.filter { $0 == .unclear }.count
            let path = "co-quan/\(agency.slug)/"
            list.links[list.rows.count] = ctx.base + path
            var row: [DataTable.Cell] = [
                .text(agency.name), .string(agency.shortName), .int(leads.count), .int(partners.count), .int(overdue), .int(targets.count)
            ]
            if anyUnclear { row.insert(.int(unclear), at: 5) }
            list.rows.append(row)

            var content: [String: Any] = [
                "name": agency.name, "shortName": agency.shortName ?? "", "aliases": agency.aliases.joined(separator: "; "),
                "leadCount": leads.count, "partnerCount": partners.count, "overdue": overdue,
                "asOf": VietnameseFormat.date(asOf)
            ]
            if unclear > 0 { content["unclear"] = unclear }
            if !leads.isEmpty {
                content["leads"] = ctx.table(
                    taskTable(
                        id: "co-quan-\(agency.slug)-chu-tri", title: "Nhiệm vụ \(agency.name) chủ trì", tasks: leads, ctx: ctx,
                        showLead: false))
            }
            if !partners.isEmpty {
                content["partners"] = ctx.table(
                    taskTable(
                        id: "co-quan-\(agency.slug)-phoi-hop", title: "Nhiệm vụ \(agency.name) phối hợp", tasks: partners, ctx: ctx,
                        showLead: true))
            }
            if !targets.isEmpty {
                content["targets"] = ctx.table(
                    targetTable(
                        id: "co-quan-\(agency.slug)-muc-tieu", title: "Mục tiêu \(agency.name) chịu trách nhiệm", targets: targets, ctx: ctx
                    ))
            }
            specs.append(
                PageSpec(
                    path: path, title: agency.name,
                    description: "Nhiệm vụ, thời hạn và mục tiêu của \(agency.name) trong các kế hoạch chuyển đổi số",
                    template: "agency", content: TemplateContext(content), section: "co-quan",
                    breadcrumbs: [("Cơ quan", "co-quan/"), (agency.name, path)]))
        }
        specs.append(
            PageSpec(
                path: "co-quan/", title: "Cơ quan thực hiện",
                description: "Các cơ quan chủ trì và phối hợp thực hiện nhiệm vụ chuyển đổi số",
                template: "agencies", content: TemplateContext(["table": ctx.table(list), "asOf": VietnameseFormat.date(asOf)]),
                section: "co-quan", breadcrumbs: [("Cơ quan", "co-quan/")]))
        return specs
    }

    /// Tasks with their lead (linked to its agency page), deadline as written and its status on as_of.
    static func taskTable(id: String, title: String, tasks: [PlanTask], ctx: PageBuildContext, showLead: Bool = true) -> DataTable {
        let asOf = ctx.site.config.asOf
        var columns: [DataTable.Column] = [.init("code", "Mã"), .init("task", "Nhiệm vụ")]
        if showLead { columns.append(.init("lead", "Chủ trì")) }
        columns += [
            .init("partners", "Phối hợp"), .init("deadline", "Thời hạn"), .init("status", "Tình trạng"), .init("document", "Văn bản")
        ]
        // The plan's notes, in a column of their own when any task of the table has one.
        let notes = tasks.contains { !($0.note ?? "").isEmpty }
        if notes { columns.append(.init("note", "Ghi chú")) }
        var table = DataTable(id: id, title: title, columns: columns, rows: [])
        // Each task's status worked out once, then sorted: overdue first.
        let rank: (DeadlineStatus) -> Int = {
            [.overdue, .dueSoon, .unclear, .open, .recurring, .conditional, .unspecified, .paused, .done].firstIndex(of: $0) ?? 9
        }
        let order = tasks.map { (task: $0, rank: rank(DeadlineStatus.of($0, asOf: asOf))) }
            .sorted { ($0.rank, $0.task.code) < ($1.rank, $1.task.code) }.map(\.task)
        for task in order {
            var row: [DataTable.Cell] = [.text(task.code), .text(task.text)]
            if showLead { row.append(.text(task.leads.joined(separator: "; "))) }
            let status = DeadlineStatus.of(task, asOf: asOf)
            // The text as written; a condition ("… và khi có hướng dẫn của Bộ") is already part of it.
            let deadline = task.deadline.raw.isEmpty ? "—" : task.deadline.raw
            row += [
                .text(task.partners.joined(separator: "; ")), .text(deadline), .text(ctx.phrases.status.standing(of: task, asOf: asOf)),
                .text(
                    task.document.flatMap { slug in ctx.site.documents.first { $0.page.slug == slug }.map { $0.shortTitle ?? $0.page.title }
                    } ?? "")
            ]
            if notes { row.append(.string(task.note)) }
            table.rows.append(row)
            if status == .overdue { table.highlighted.insert(table.rows.count - 1) }
        }
        return table
    }

    static func targetTable(id: String, title: String, targets: [PlanTarget], ctx: PageBuildContext) -> DataTable {
        var table = DataTable(
            id: id, title: title,
            columns: [
                .init("code", "Mã"), .init("target", "Mục tiêu"), .init("goal", "Chỉ tiêu"), .init("year", "Năm"),
                .init("baseline", "Hiện trạng"), .init("actual", "Thực hiện"), .init("progress", "Tiến độ"), .init("agency", "Cơ quan")
            ],
            rows: [])
        // Where another document states the same target with another value, the table says so.
        let elsewhere = targets.contains { !$0.statedElsewhere.isEmpty }
        if elsewhere { table.columns.append(.init("stated_elsewhere", "Văn bản khác ghi")) }
        for target in targets {
            let p = progress(target)
            table.rows.append([
                .text(target.code), .text(target.text), .text(goal(target)), .string(target.year.map(String.init)),
                .text(
                    target.baseline.map {
                        VietnameseFormat.decimal($0, fractionDigits: fraction($0)) + unitSuffix(target)
                            + (target.baselineYear.map { " (\($0))" } ?? "")
                    } ?? "—"),
                .text(
                    target.actual.map {
                        VietnameseFormat.decimal($0, fractionDigits: fraction($0)) + unitSuffix(target)
                            + (target.actualYear.map { " (\($0))" } ?? "")
                    } ?? "chưa có số liệu"),
                .text(p.map { $0.met ? "đạt" : "chưa đạt" } ?? "chưa có số liệu"),
                .text(target.agencies.joined(separator: "; "))
            ])
            if elsewhere { table.rows[table.rows.count - 1].append(.text(target.statedElsewhere.joined(separator: "; "))) }
        }
        return table
    }

    /// Rows for the progress list of /muc-tieu/: text, goal, and a bar where an actual is known.
    static func targetRows(_ targets: [PlanTarget], ctx: PageBuildContext) -> [[String: Any]] {
        targets.filter { progress($0) != nil }.map { target in
            let p = progress(target)!
            return [
                "text": target.text, "goal": goal(target),
                "actual": target.actual.map { VietnameseFormat.decimal($0, fractionDigits: fraction($0)) + unitSuffix(target) } ?? "",
                "actualYear": target.actualYear.map(String.init) ?? "", "met": p.met,
                "status": p.met ? "đạt" : "chưa đạt", "statusClass": p.met ? "dat" : "chua-dat",
                "fill": SVGWriter.number(min(100, max(0, p.fraction * 100)))
            ]
        }
    }

    static func fraction(_ d: Decimal) -> Int { d == Decimal(NSDecimalNumber(decimal: d).intValue) ? 0 : 1 }

    static func unitSuffix(_ t: PlanTarget) -> String { t.unit.hasPrefix("%") ? "%" : "" }

    /// "≥ 80%", "45 (thứ hạng)", "9–10% GRDP".
    static func goal(_ t: PlanTarget) -> String {
        switch t.comparator {
        case .text: return t.rawValue
        case .range where t.value == t.upper:
            // A range whose ends are equal is one value ("100 %", never "100–100 %").
            var single = t
            single.comparator = .equal
            return goal(single)
        case .range:
            return
                "\(t.value.map { VietnameseFormat.decimal($0, fractionDigits: fraction($0)) } ?? "")–\(t.upper.map { VietnameseFormat.decimal($0, fractionDigits: fraction($0)) } ?? "") \(t.unit)"
        default:
            let value = t.value.map { VietnameseFormat.decimal($0, fractionDigits: fraction($0)) } ?? ""
            let unit = t.unit.hasPrefix("%") ? "%" : (t.unit.isEmpty ? "" : " " + t.unit)
            return (t.comparator.symbol.isEmpty ? "" : t.comparator.symbol + " ") + value + unit
        }
    }

    /// Whether the latest actual meets the target, and how far along it is (0…1). Rank targets count down.
    static func progress(_ t: PlanTarget) -> (met: Bool, fraction: Double)? {
        guard let actual = t.actual, let value = t.value else { return nil }
        let a = NSDecimalNumber(decimal: actual).doubleValue, v = NSDecimalNumber(decimal: value).doubleValue
        switch t.comparator {
        case .atMost: return (actual <= value, a == 0 ? 1 : min(1, v / a))
        case .range: return (actual >= value && actual <= (t.upper ?? value), v == 0 ? 1 : min(1, a / v))
        case .atLeast, .equal: return (actual >= value, v == 0 ? 1 : min(1, a / v))
        case .text: return nil
        }
    }
}
