import Foundation

/// Targets as tables and progress rows: each value with the decimals and comparator the plan wrote, one
/// value never shown as a range, an undated target "không ghi năm", what the level above assigned, the
/// source's misspellings marked "[sic]".
extension PlanPageBuilder {
    static func targetTable(id: String, title: String, targets: [PlanTarget], ctx: PageBuildContext) -> DataTable {
        targetTable(id: id, title: title, targets: targets, site: ctx.site, phrases: ctx.phrases)
    }

    static func targetTable(id: String, title: String, targets: [PlanTarget], site: Site, phrases: Phrases) -> DataTable {
        let words = phrases.plans
        var table = DataTable(
            id: id, title: title,
            columns: [
                .init("code", phrases.site.code), .init("target", words.target), .init("goal", words.goal),
                .init("year", phrases.site.year), .init("baseline", words.baseline), .init("actual", words.actual),
                .init("progress", words.progress), .init("agency", words.agency)
            ],
            rows: [])
        // Columns shown only when some target of the table has something for them.
        let assigned = targets.contains { $0.assigned != nil }
        let documents = Set(targets.map { $0.document ?? "" }).count > 1
        let elsewhere = targets.contains { !$0.statedElsewhere.isEmpty }
        let notes = targets.contains { $0.note != nil || !$0.typos.isEmpty }
        if assigned { table.columns.insert(.init("assigned", words.assigned), at: 3) }
        if documents { table.columns.append(.init("document", words.document)) }
        if elsewhere { table.columns.append(.init("stated_elsewhere", words.statedElsewhere)) }
        if notes { table.columns.append(.init("note", words.note)) }
        for target in targets {
            let p = progress(target)
            var row: [DataTable.Cell] = [
                .text(target.code), .text(SourceTypo.marked(target.text, target.typos)), .text(goal(target)),
                .text(target.year.map(String.init) ?? words.undated),
                .text(target.baseline.map { number($0) + unitSuffix(target) + (target.baselineYear.map { " (\($0))" } ?? "") } ?? "—"),
                .text(
                    target.actual.map { number($0) + unitSuffix(target) + (target.actualYear.map { " (\($0))" } ?? "") }
                        ?? phrases.status.noData),
                .text(p.map { $0.met ? phrases.status.met : phrases.status.notMet } ?? phrases.status.noData),
                .text(target.agencies.joined(separator: "; "))
            ]
            if assigned { row.insert(.text(assignedText(target) ?? "—"), at: 3) }
            if documents { row.append(.text(documentTitle(target.document, site: site))) }
            if elsewhere { row.append(.text(target.statedElsewhere.joined(separator: "; "))) }
            if notes {
                row.append(.text([target.note, words.typoNote(target.typos)].compactMap { $0 }.joined(separator: "; ")))
            }
            table.rows.append(row)
        }
        return table
    }

    static func documentTitle(_ slug: String?, site: Site) -> String {
        slug.flatMap { slug in site.documents.first { $0.page.slug == slug }.map { $0.shortTitle ?? $0.page.title } } ?? ""
    }

    /// What the level above assigned: "80%" for a percent target written "80", otherwise as written.
    static func assignedText(_ t: PlanTarget) -> String? {
        guard let raw = t.assigned else { return nil }
        guard let value = t.assignedValue else { return raw }
        return number(value) + unitAfter(t)
    }

    /// Rows for the progress list of /muc-tieu/: text, goal, and a bar where an actual is known.
    static func targetRows(_ targets: [PlanTarget], ctx: PageBuildContext) -> [[String: Any]] {
        targets.compactMap { target in
            guard let p = progress(target) else { return nil }
            return [
                "text": SourceTypo.marked(target.text, target.typos), "goal": goal(target),
                "actual": target.actual.map { number($0) + unitSuffix(target) } ?? "",
                "actualYear": target.actualYear.map(String.init) ?? "", "met": p.met,
                "status": p.met ? ctx.phrases.status.met : ctx.phrases.status.notMet, "statusClass": p.met ? "dat" : "chua-dat",
                "fill": SVGWriter.number(min(100, max(0, p.fraction * 100)))
            ]
        }
    }

    /// A value with the decimals it was written with: "0,623", "37,6", "100".
    static func number(_ d: Decimal) -> String { VietnameseFormat.decimal(d, fractionDigits: PlanRules.writtenDigits(d)) }

    static func unitSuffix(_ t: PlanTarget) -> String { t.unit.hasPrefix("%") ? "%" : "" }

    /// The unit after a target's value: a percent with the few words that say of what ("20% GRDP", "99% dân số",
    /// "7% tăng/năm"); a longer description after the % is the target's own text, and is left to it
    /// ("90%" for "% hồ sơ công việc xử lý trên môi trường mạng (cấp tỉnh)"); any other unit after a space.
    static func unitAfter(_ t: PlanTarget) -> String {
        guard t.unit.hasPrefix("%") else { return t.unit.isEmpty ? "" : " " + t.unit }
        let words = t.unit.dropFirst().split(separator: " ")
        return words.isEmpty || words.count > 3 ? "%" : "% " + words.joined(separator: " ")
    }

    /// "≥ 80%", "> 0,623 Chỉ số phát triển con người (HDI)", "9–10% GRDP", "100%" (a range with equal ends).
    static func goal(_ t: PlanTarget) -> String {
        switch t.comparator {
        case .text: return SourceTypo.marked(t.rawValue, t.typos)
        case .range where t.value == t.upper:
            // A range whose ends are equal is one value ("100 %", never "100–100 %").
            var single = t
            single.comparator = .equal
            return goal(single)
        case .range:
            return "\(t.value.map(number) ?? "")–\(t.upper.map(number) ?? "")" + unitAfter(t)
        default:
            let value = t.value.map(number) ?? ""
            return (t.comparator.symbol.isEmpty ? "" : t.comparator.symbol + " ") + value + unitAfter(t)
        }
    }

    /// Whether the latest actual meets the target, and how far along it is (0…1). Rank targets count down;
    /// "> 0,623" is met only above 0,623.
    static func progress(_ t: PlanTarget) -> (met: Bool, fraction: Double)? {
        guard let actual = t.actual, let value = t.value else { return nil }
        let a = NSDecimalNumber(decimal: actual).doubleValue, v = NSDecimalNumber(decimal: value).doubleValue
        switch t.comparator {
        case .atMost: return (actual <= value, a == 0 ? 1 : min(1, v / a))
        case .below: return (actual < value, a == 0 ? 1 : min(1, v / a))
        case .range: return (actual >= value && actual <= (t.upper ?? value), v == 0 ? 1 : min(1, a / v))
        case .atLeast, .equal: return (actual >= value, v == 0 ? 1 : min(1, a / v))
        case .above: return (actual > value, v == 0 ? 1 : min(1, a / v))
        case .text: return nil
        }
    }
}
