import Foundation

/// data/targets.csv → targets: the comparator and value as the plan writes them, what the level above
/// assigned, the source's own spellings, and every place where two statements of a target disagree.
extension PlanRules {
    static func targets(_ table: RawTable, site: Site, agencies: [Agency], into diagnostics: inout Diagnostics) -> [PlanTarget] {
        let reader = TableReader(
            table, required: ["code", "text", "comparator", "value"],
            optional: [
                "unit", "year", "baseline", "baseline_year", "actual", "actual_year", "pillar", "agency", "document", "same_as",
                "assigned", "sic", "note"
            ],
            into: &diagnostics)
        let map = resolver(agencies)
        let pillarIDs = site.pillars.map(\.id)
        let documents = Set(site.documents.map(\.page.slug))
        var result: [PlanTarget] = []
        for row in table.rows {
            guard let code = reader.required(row, "code", into: &diagnostics),
                let text = reader.required(row, "text", into: &diagnostics)
            else { continue }
            let comparatorText = reader.text(row, "comparator") ?? "text"
            guard let comparator = PlanTarget.Comparator(reading: comparatorText) else {
                diagnostics.error(
                    reader.location(row, "comparator"),
                    "\(reader.cellName(row, "comparator")): so sánh \"\(comparatorText)\" không hợp lệ; dùng >=, >, <=, <, =, range hoặc text"
                )
                continue
            }
            let raw = reader.text(row, "value") ?? ""
            var value: Decimal?, upper: Decimal?
            switch comparator {
            case .text: break
            case .range:
                let parts = raw.split(separator: "-").map { NumberParser.decimal(String($0)) }
                guard parts.count == 2, let low = parts[0], let high = parts[1], low <= high else {
                    diagnostics.error(
                        reader.location(row, "value"), "\(reader.cellName(row, "value")): khoảng \"\(raw)\" không hợp lệ; viết dạng 9-10")
                    continue
                }
                value = low
                upper = high
            default:
                guard let number = NumberParser.decimal(raw) else {
                    diagnostics.error(
                        reader.location(row, "value"),
                        "\(reader.cellName(row, "value")): giá trị \"\(raw)\" không phải số; với mục tiêu định tính hãy đặt comparator là text"
                    )
                    continue
                }
                value = number
            }
            let pillar = reader.known(row, "pillar", among: pillarIDs, what: "trụ cột", home: "Content/tru-cot/", into: &diagnostics)
            let document = reader.text(row, "document")
            if let slug = document, !documents.contains(slug) {
                diagnostics.error(
                    reader.location(row, "document"),
                    "\(reader.cellName(row, "document")): văn bản \"\(slug)\" không có trong Content/van-ban/")
            }
            var target = PlanTarget(
                code: code, text: text, comparator: comparator, value: value, upper: upper, rawValue: raw,
                unit: reader.text(row, "unit") ?? "",
                year: reader.int(row, "year", into: &diagnostics), baseline: reader.decimal(row, "baseline", into: &diagnostics),
                baselineYear: reader.int(row, "baseline_year", into: &diagnostics),
                actual: reader.decimal(row, "actual", into: &diagnostics),
                actualYear: reader.int(row, "actual_year", into: &diagnostics), pillar: pillar,
                agencies: resolve(
                    reader.list(row, "agency"), map: map, agencies: agencies, at: reader.location(row, "agency"), into: &diagnostics),
                document: document, location: reader.location(row, "code"), sameAs: reader.text(row, "same_as"))
            target.note = reader.text(row, "note")
            target.typos = typos(row, reader: reader, in: [text, raw, target.unit], into: &diagnostics)
            if let assigned = reader.text(row, "assigned") {
                target.assigned = assigned
                target.assignedValue = NumberParser.decimal(assigned)
                checkAssigned(target, at: reader.location(row, "assigned"), into: &diagnostics)
            }
            result.append(target)
        }
        let byDocument = Dictionary(site.documents.map { ($0.page.slug, $0) }, uniquingKeysWith: { first, _ in first })
        checkConflicts(&result, documents: byDocument, table: reader, into: &diagnostics)
        return result
    }

    /// The `sic` cell: each spelling it lists must be in the row's text, or the mark would say nothing.
    static func typos(
        _ row: RawTable.Row, reader: TableReader, in texts: [String], into diagnostics: inout Diagnostics
    ) -> [SourceTypo] {
        guard let cell = reader.text(row, "sic") else { return [] }
        let list = SourceTypo.list(cell)
        for typo in list where !texts.contains(where: { $0.contains(typo.written) }) {
            diagnostics.warning(
                reader.location(row, "sic"),
                "\(reader.cellName(row, "sic")): cách viết \"\(typo.written)\" không có trong nội dung của dòng; cột sic ghi đúng những chữ văn bản gốc viết sai, như \"Phần đầu=Phấn đấu\""
            )
        }
        return list
    }

    /// A target that asks for less than the level above assigned ("KH huyện giao 65%, KH tỉnh giao 80%").
    static func checkAssigned(_ target: PlanTarget, at location: SourceLocation, into diagnostics: inout Diagnostics) {
        guard let assigned = target.assignedValue, let raw = target.assigned, target.asksLess(than: assigned) == true else { return }
        let shown = raw.contains("%") ? raw : raw + unitText(target)
        diagnostics.warning(
            location,
            "mục tiêu \"\(target.text)\": văn bản đặt \(describe(target))\(unitText(target)), thấp hơn mức cấp trên giao (\(shown)); trang ghi cả hai mức"
        )
    }

    /// One target stated with different values in two places: the same code, the same text and year, or a
    /// `same_as` link from one document's target to another's. Each is a warning naming both, and each
    /// target keeps what the other place says, for its pages.
    static func checkConflicts(
        _ targets: inout [PlanTarget], documents: [String: PlanDocument], table reader: TableReader, into diagnostics: inout Diagnostics
    ) {
        var byKey: [String: Int] = [:]
        var byCode: [String: Int] = [:]
        for (i, target) in targets.enumerated() where byCode[target.code] == nil { byCode[target.code] = i }
        func differ(_ a: PlanTarget, _ b: PlanTarget) -> Bool {
            a.value != b.value || a.upper != b.upper || a.comparator != b.comparator || (a.comparator == .text && a.rawValue != b.rawValue)
        }
        func source(_ t: PlanTarget) -> String {
            t.document.flatMap { documents[$0].map { $0.shortTitle ?? $0.page.title } } ?? t.document ?? "?"
        }
        func report(_ i: Int, _ j: Int) {
            let other = targets[j], target = targets[i]
            diagnostics.warning(
                target.location,
                "mục tiêu \"\(target.text)\" được nêu với giá trị khác nhau: \(describe(other))\(unitText(other)) (\(source(other)), \(other.location)) và \(describe(target))\(unitText(target)) (\(source(target))); trang của cả hai văn bản ghi rõ sự khác nhau"
            )
            targets[i].statedElsewhere.append("\(describe(other))\(unitText(other)) (\(source(other)))")
            targets[j].statedElsewhere.append("\(describe(target))\(unitText(target)) (\(source(target)))")
        }
        for i in targets.indices {
            let target = targets[i]
            for k in ["code:" + target.code, "text:\(key(target.text))|\(target.year ?? 0)"] {
                if let j = byKey[k] {
                    if differ(targets[j], target) { report(i, j) }
                } else {
                    byKey[k] = i
                }
            }
            guard let code = target.sameAs, !code.isEmpty else { continue }
            guard let j = byCode[code], j != i else {
                var message = "same_as: không có mục tiêu mã \"\(code)\" trong targets.csv"
                if let near = Suggest.closest(to: code, in: Array(byCode.keys)) { message += "; có phải \"\(near)\"?" }
                diagnostics.error(reader.location(RawTable.Row(line: target.location.line, fields: []), "same_as"), message)
                continue
            }
            if differ(targets[j], target) { report(i, j) }
        }
    }

    static func unitText(_ t: PlanTarget) -> String {
        t.unit.isEmpty || t.comparator == .text ? "" : " " + t.unit
    }

    /// The value in a message, with its decimals as written: "≥95", "> 0,623", "9–10", "100".
    static func describe(_ t: PlanTarget) -> String {
        func number(_ d: Decimal?) -> String { d.map { VietnameseFormat.decimal($0, fractionDigits: writtenDigits($0)) } ?? "" }
        switch t.comparator {
        case .text: return t.rawValue
        case .range where t.value == t.upper: return number(t.value)
        case .range: return "\(number(t.value))–\(number(t.upper))"
        default: return t.comparator.symbol + number(t.value)
        }
    }

    /// Decimals a value was written with (3 for 0.623, 1 for 37.6, 0 for 100): shown as written, never rounded away.
    static func writtenDigits(_ d: Decimal) -> Int { max(0, -d.exponent) }
}
