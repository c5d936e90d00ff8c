import Foundation

/// data/agencies.csv, data/tasks.csv and data/targets.csv → agencies, tasks, targets.
/// Agencies are matched by name, short name or alias, ignoring case, spacing and a final period.
enum PlanRules {
    static func key(_ name: String) -> String {
        name.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: ".;,")))
            .split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
            .replacingOccurrences(of: "uỷ", with: "ủy").replacingOccurrences(of: "hoá", with: "hóa")
    }

    static func agencies(_ table: RawTable, into diagnostics: inout Diagnostics) -> [Agency] {
        let reader = TableReader(table, required: ["name"], optional: ["short_name", "aliases"], into: &diagnostics)
        var result: [Agency] = []
        var owner: [String: String] = [:]
        var slugs: Set<String> = []
        for row in table.rows {
            guard let name = reader.required(row, "name", into: &diagnostics) else { continue }
            let short = reader.text(row, "short_name")
            let aliases = reader.list(row, "aliases")
            var slug = Slug.make(short.map { _ in name } ?? name)
            if slugs.contains(slug) { slug += "-\(row.line)" }
            slugs.insert(slug)
            for spelling in aliases where changesResponsibility(spelling, name) {
                diagnostics.warning(
                    reader.location(row, "aliases"),
                    "cách viết \"\(spelling)\" chỉ một cơ quan khác với \"\(name)\" (\(difference(spelling, name))); một cách viết không được đổi cơ quan chịu trách nhiệm: hãy bỏ nó khỏi cột aliases và thêm một dòng riêng cho cơ quan đó"
                )
            }
            for spelling in [name] + (short.map { [$0] } ?? []) + aliases {
                let k = key(spelling)
                if let other = owner[k], other != name {
                    diagnostics.error(
                        reader.location(row, "aliases"),
                        "cách viết \"\(spelling)\" đã thuộc về cơ quan \"\(other)\"; mỗi cách viết chỉ được chỉ một cơ quan")
                } else {
                    owner[k] = name
                }
            }
            result.append(Agency(name: name, shortName: short, aliases: aliases, slug: slug, location: reader.location(row, "name")))
        }
        return result
    }

    /// Name → canonical name, for every spelling.
    static func resolver(_ agencies: [Agency]) -> [String: String] {
        var map: [String: String] = [:]
        for agency in agencies {
            for spelling in [agency.name] + (agency.shortName.map { [$0] } ?? []) + agency.aliases { map[key(spelling)] = agency.name }
        }
        return map
    }

    static func resolve(
        _ names: [String], map: [String: String], agencies: [Agency], at location: SourceLocation,
        into diagnostics: inout Diagnostics
    ) -> [String] {
        var result: [String] = []
        for name in names {
            if let canonical = map[key(name)] {
                result.append(canonical)
                continue
            }
            // "Các Sở, ban, ngành, UBND các huyện, thành phố": several agencies in one cell, separated by commas.
            let list = name.contains(",") ? commaList(name, map: map) : nil
            if let list, list.unknown.isEmpty {
                for part in list.parts where !result.contains(part) { result.append(part) }
                continue
            }
            if !agencies.isEmpty {
                var message = "cơ quan \"\(name)\" chưa có trong data/agencies.csv"
                if let list {
                    message +=
                        "; nếu ô ghi nhiều cơ quan, hãy ngăn cách chúng bằng dấu chấm phẩy (;), ví dụ \"Sở Tài chính; UBND các huyện, thành phố\" — phần chưa nhận ra: "
                        + list.unknown.map { "\"\($0)\"" }.joined(separator: ", ")
                } else {
                    let spellings = agencies.flatMap { [$0.name] + $0.aliases + ($0.shortName.map { [$0] } ?? []) }.filter {
                        !changesResponsibility(name, $0) && !changesResponsibility(name, map[key($0)] ?? $0)
                    }
                    if let near = Suggest.closest(to: name, in: spellings) {
                        message += "; có phải \"\(near)\" (\(map[key(near)] ?? near))? Hãy thêm cách viết này vào cột aliases"
                    }
                }
                diagnostics.warning(location, message)
            }
            result.append(name)
        }
        return result
    }

    /// Names of groups of agencies that plans write with commas inside ("Các sở, ban, ngành", "UBND các huyện,
    /// thành phố"), folded: a part of a comma list may be one of them without being in data/agencies.csv.
    static let collectives: Set<String> = [
        "cac so, ban, nganh", "so, ban, nganh", "cac so, ban, nganh tinh", "cac so, nganh", "cac so", "cac ban, nganh",
        "cac so, ban, nganh, doan the", "cac so, ban, nganh, doan the tinh", "cac co quan, don vi", "cac co quan lien quan",
        "cac don vi lien quan", "cac co quan, don vi lien quan", "dia phuong", "cac dia phuong", "doan the", "cac doan the",
        "cac to chuc chinh tri - xa hoi", "ubnd cac huyen, thanh pho", "ubnd cac huyen", "ubnd cac huyen, thi xa, thanh pho",
        "ubnd huyen, thanh pho", "uy ban nhan dan cac huyen, thanh pho", "ubnd cap huyen", "ubnd cac xa, phuong, thi tran",
        "ubnd cac xa, thi tran", "ubnd cap xa", "cac huyen, thanh pho", "cac doanh nghiep", "cac don vi, dia phuong",
        "cac co quan, don vi, dia phuong"
    ]

    static func collectiveKey(_ name: String) -> String {
        TextFolding.fold(name).split(separator: ",").map { $0.split(separator: " ").joined(separator: " ") }
            .filter { !$0.isEmpty }.joined(separator: ", ").trimmingCharacters(in: CharacterSet(charactersIn: ". "))
    }

    /// A cell such as "Các Sở, ban, ngành, UBND các huyện, thành phố" read as a list: the longest run of
    /// comma-separated pieces that names a known agency or a group of agencies, then the next.
    /// `parts` are canonical names (groups not in data/agencies.csv keep their text); `unknown` the pieces left over.
    static func commaList(_ name: String, map: [String: String]) -> (parts: [String], unknown: [String]) {
        let pieces = name.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        var parts: [String] = []
        var unknown: [String] = []
        var i = 0
        while i < pieces.count {
            var found = false
            for j in stride(from: pieces.count - 1, through: i, by: -1) {
                let candidate = pieces[i...j].joined(separator: ", ")
                if let canonical = map[key(candidate)] {
                    parts.append(canonical)
                } else if collectives.contains(collectiveKey(candidate)) {
                    parts.append(candidate)
                } else {
                    continue
                }
                i = j + 1
                found = true
                break
            }
            if !found {
                unknown.append(pieces[i])
                i += 1
            }
        }
        return (parts, unknown)
    }

    /// Whether calling `a` by the name `b` (or the reverse) would change who is responsible: a national body and
    /// a provincial branch ("Ngân hàng Nhà nước Việt Nam", "Ngân hàng Nhà nước chi nhánh tỉnh"), or some units and all of
    /// them ("Các huyện đủ điều kiện", "UBND các huyện").
    static func changesResponsibility(_ a: String, _ b: String) -> Bool {
        !difference(a, b).isEmpty
    }

    static func difference(_ a: String, _ b: String) -> String {
        let x = " " + collectiveKey(a).replacingOccurrences(of: ",", with: " ") + " "
        let y = " " + collectiveKey(b).replacingOccurrences(of: ",", with: " ") + " "
        func has(_ text: String, _ words: [String]) -> Bool { words.contains { text.contains(" \($0) ") } }
        let branch = ["chi nhanh", "chi cuc"]
        if has(x, branch) != has(y, branch) { return "một bên là cơ quan trung ương, một bên là chi nhánh ở địa phương" }
        func national(_ t: String) -> Bool {
            (t.hasPrefix(" bo ") && !t.hasPrefix(" bo chi huy ")) || has(t, ["viet nam", "trung uong", "chinh phu", "quoc gia"])
        }
        let local = ["tinh", "huyen", "xa", "thanh pho", "thi xa", "dia phuong", "chi nhanh", "chi cuc"]
        if national(x) != national(y), has(x, local) || has(y, local) {
            return "một bên là cơ quan trung ương, một bên là cơ quan ở địa phương"
        }
        let some = ["du dieu kien", "duoc chon", "thi diem"]
        if has(x, some) != has(y, some) { return "một bên chỉ gồm các đơn vị đủ điều kiện, một bên là tất cả" }
        return ""
    }

    static func tasks(_ table: RawTable, site: Site, agencies: [Agency], into diagnostics: inout Diagnostics) -> [PlanTask] {
        let reader = TableReader(
            table, required: ["code", "task", "lead"],
            optional: ["pillar", "indicators", "partners", "product", "deadline", "status", "document", "note", "sic"], into: &diagnostics)
        let map = resolver(agencies)
        let pillarIDs = site.pillars.map(\.id)
        let documents = Dictionary(site.documents.map { ($0.page.slug, $0) }, uniquingKeysWith: { first, _ in first })
        var seen: [String: SourceLocation] = [:]
        var result: [PlanTask] = []
        for row in table.rows {
            guard let code = reader.required(row, "code", into: &diagnostics),
                let text = reader.required(row, "task", into: &diagnostics)
            else { continue }
            if let earlier = seen[code] {
                diagnostics.error(reader.location(row, "code"), "mã nhiệm vụ \"\(code)\" đã dùng ở \(earlier)")
                continue
            }
            seen[code] = reader.location(row, "code")
            let pillar = reader.known(row, "pillar", among: pillarIDs, what: "trụ cột", home: "Content/tru-cot/", into: &diagnostics)
            let indicators = reader.list(row, "indicators")
            for code in indicators {
                let known = site.indicators.filter { pillar == nil || $0.pillar == pillar }.map(\.code)
                if !known.contains(code) {
                    var message =
                        "\(reader.cellName(row, "indicators")): chỉ tiêu \"\(code)\" không có trong data/indicators.csv"
                        + (pillar.map { " (trụ cột \($0))" } ?? "")
                    if let near = Suggest.closest(to: code, in: known) { message += "; có phải \"\(near)\"?" }
                    diagnostics.warning(reader.location(row, "indicators"), message)
                }
            }
            let document = reader.text(row, "document")
            if let slug = document, documents[slug] == nil {
                var message = "\(reader.cellName(row, "document")): văn bản \"\(slug)\" không có trong Content/van-ban/"
                if let near = Suggest.closest(to: slug, in: Array(documents.keys)) { message += "; có phải \"\(near)\"?" }
                diagnostics.error(reader.location(row, "document"), message)
            }
            let planYear = document.flatMap { documents[$0]?.issued?.year } ?? site.config.asOf.year
            let deadline = DeadlineParser.parse(reader.text(row, "deadline") ?? "", planYear: planYear)
            if case .unknown = deadline.meaning {
                diagnostics.warning(
                    reader.location(row, "deadline"),
                    "\(reader.cellName(row, "deadline")): không đọc được thời hạn \"\(deadline.raw)\"; trang ghi nguyên văn và xếp nhiệm vụ vào nhóm \"chưa rõ thời hạn\". Các cách viết đọc được: 31/12/2025, Trước ngày 31/12/2025, 12/2025, Tháng 6/2025, Quý II/2025, Quý 4/2025, Năm 2025, 2026-2030, Giai đoạn 2021-2025, 6 tháng đầu năm 2025, Cuối năm 2024, Từ năm 2023, Đến năm 2025, Hằng năm, Hằng quý, Hằng tháng, 6 tháng/lần, Trước ngày 15/11 hằng năm, Thường xuyên, Liên tục, Sau khi …, Khi có hướng dẫn …"
                )
            }
            let status = reader.text(row, "status")
            if let status, case .other = TaskProgress(reading: status) {
                diagnostics.warning(
                    reader.location(row, "status"),
                    "\(reader.cellName(row, "status")): không hiểu tình trạng \"\(status)\"; trang ghi nguyên văn và không coi nhiệm vụ là đã hoàn thành. Các từ được hiểu (viết hoa hay thường, có dấu hay không dấu đều được): "
                        + TaskProgress.acceptedWords.joined(separator: ", ")
                )
            }
            var task = PlanTask(
                code: code, pillar: pillar, indicators: indicators, text: text,
                leads: resolve(
                    reader.list(row, "lead"), map: map, agencies: agencies, at: reader.location(row, "lead"), into: &diagnostics),
                partners: resolve(
                    reader.list(row, "partners"), map: map, agencies: agencies, at: reader.location(row, "partners"), into: &diagnostics
                ),
                product: reader.text(row, "product"), deadline: deadline, status: status, document: document,
                location: reader.location(row, "code"), note: reader.text(row, "note"))
            task.typos = typos(row, reader: reader, in: [text, task.product ?? ""], into: &diagnostics)
            result.append(task)
        }
        return result
    }
}
