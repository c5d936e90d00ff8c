import Foundation

/// What the search index holds: every page with its whole text, and the rows of tables a reader
/// looks for by name — units in the rankings, communes of the VNeID tables, tasks, targets and
/// indicators — each pointing to its page, the table's anchor (`#bang-…`, already on the page) and a
/// text fragment (`:~:text=…`) that browsers which support it scroll to and highlight.
enum SearchDocuments {
    static func documents(pages: [PageSpec], site: Site, analysis: ScoreAnalysis, base: String, phrases: Phrases) -> [SearchIndex.Document]
    {
        let paths = Set(pages.map(\.path))
        let province = siteProvince(site)
        var documents = Self.pages(pages, site: site, base: base, phrases: phrases)
        documents += units(site: site, analysis: analysis, base: base, paths: paths, phrases: phrases)
        documents += communes(site: site, province: province, base: base, paths: paths, phrases: phrases)
        documents += plans(site: site, base: base, paths: paths, phrases: phrases)
        return documents
    }

    static func siteProvince(_ site: Site) -> String? {
        site.unit.map { unit in unit.level == .province ? unit.name : (site.unit(slug: unit.parent ?? "")?.name ?? unit.name) }
    }

    /// Every page of the sitemap but the search page: its title, description, headings (and an
    /// agency's short name and aliases) and its whole text.
    static func pages(_ pages: [PageSpec], site: Site, base: String, phrases: Phrases) -> [SearchIndex.Document] {
        var sources: [String: MarkdownPage] = [:]
        for document in site.documents { sources["van-ban/\(document.page.slug)/"] = document.page }
        for page in site.pages { sources["\(page.slug)/"] = page }
        for pillar in site.pillars { sources["tru-cot/\(pillar.id)/"] = pillar.source }
        if let home = site.home { sources[""] = home }
        var otherUnit: Set<String> = []
        for document in site.documents where document.unit != nil && document.unit != site.config.unit {
            otherUnit.insert("van-ban/\(document.page.slug)/")
        }
        var agencies: [String: Agency] = [:]
        for agency in site.agencies { agencies["co-quan/\(agency.slug)/"] = agency }
        // Concurrently: the headings of every document are read here.
        let (pageSources, pageAgencies, others) = (sources, agencies, otherUnit)
        return Concurrent.map(pages.filter { $0.inSitemap && $0.path != "tim-kiem/" }) { page in
            var context = page.description
            if let source = pageSources[page.path] { context += "\n" + headings(source.body) }
            if let agency = pageAgencies[page.path] {
                context += "\n" + ([agency.shortName ?? ""] + agency.aliases).joined(separator: "\n")
            }
            // Only the start of the text is shown (`SearchIndex.textLimit`).
            let start = SearchPageBuilder.excerpt(page.searchText, limit: SearchIndex.textLimit)
            let text = page.searchText.isEmpty ? page.description : page.description + "\n" + start
            return SearchIndex.Document(
                title: page.title, url: base + page.path, section: page.breadcrumbs.first?.title ?? phrases.site.overview, name: page.title,
                context: context, body: page.searchText, text: text, own: !others.contains(page.path), key: "0 " + page.path)
        }
    }

    /// The headings of a Markdown text (ATX headings: lines starting with "#").
    static func headings(_ markdown: String) -> String {
        // On bytes, a line at a time with memchr: a national site has thousands of documents.
        var copy = markdown
        return copy.withUTF8 { bytes -> String in
            guard let base = bytes.baseAddress else { return "" }
            var out: [UInt8] = []
            var start = 0
            while start < bytes.count {
                let end =
                    memchr(base + start, 10, bytes.count - start).map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base }
                    ?? bytes.count
                if bytes[start] == UInt8(ascii: "#") {
                    var text = start
                    while text < end, bytes[text] == UInt8(ascii: "#") { text += 1 }
                    out += bytes[text..<end]
                    out.append(UInt8(ascii: "\n"))
                }
                start = end + 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// A link to the row of a table: the page, the table's anchor, and the row's text as a text fragment.
    static func link(_ base: String, _ path: String, table: String, text: String) -> String {
        let words = text.split(separator: " ").prefix(8).joined(separator: " ")
        let encoded = percentEncoded(words)
        return base + path + "#bang-" + table + (encoded.isEmpty ? "" : ":~:text=" + encoded)
    }

    /// Every byte but ASCII letters and digits as %XX: what a text directive may hold.
    static func percentEncoded(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count * 3)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                out.append(byte)
            default:
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 15)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// One document per ranked unit: its row in the latest ranking it is part of (the main ranking of
    /// that year first), with its rank in every year.
    static func units(
        site: Site, analysis: ScoreAnalysis, base: String, paths: Set<String>, phrases: Phrases
    ) -> [SearchIndex.Document] {
        let words = phrases.search
        var byUnit: [String: [(group: ScoreAnalysis.GroupYear, record: ScoreRecord)]] = [:]
        for group in analysis.allGroups {
            for record in group.records { byUnit[record.unit, default: []].append((group, record)) }
        }
        return byUnit.keys.sorted().compactMap { name in
            let rows = byUnit[name]!.sorted { a, b in
                let mainA = analysis.groups[a.group.year]?.group == a.group.group
                let mainB = analysis.groups[b.group.year]?.group == b.group.group
                return (a.group.year, mainA ? 1 : 0, a.group.group) > (b.group.year, mainB ? 1 : 0, b.group.group)
            }
            guard let latest = rows.first else { return nil }
            let isMain = analysis.groups[latest.group.year]?.group == latest.group.group
            let group = Slug.make(latest.group.group)
            let path = isMain ? "xep-hang/\(latest.group.year)/" : "xep-hang/\(latest.group.year)/\(group)/"
            guard paths.contains(path) else { return nil }
            func rank(_ row: (group: ScoreAnalysis.GroupYear, record: ScoreRecord)) -> String {
                words.rankRow(
                    row.group.year, row.record.rank.map(String.init) ?? "—", row.group.size,
                    row.record.index.map { VietnameseFormat.decimal($0, fractionDigits: 4) }, row.group.group)
            }
            let level = site.unit(named: name).map { words.level($0.level) } ?? ""
            return SearchIndex.Document(
                title: words.unitTitle(name, latest.record.rank.map(String.init) ?? "—", latest.group.size, latest.group.year),
                url: link(base, path, table: "xep-hang-\(latest.group.year)-\(group)", text: name), section: phrases.site.rankings,
                name: name, context: words.unitContext(level, name), body: "", text: words.unitText(name, rows.map(rank)),
                own: name == site.config.unit,
                key: "1 xep-hang \(name)")
        }
    }

    /// One document per commune of the VNeID tables, pointing to its district's page.
    static func communes(
        site: Site, province: String?, base: String, paths: Set<String>, phrases: Phrases
    ) -> [SearchIndex.Document] {
        let words = phrases.search
        return site.vneid.flatMap { district -> [SearchIndex.Document] in
            let path = "vneid/\(district.slug)/"
            guard paths.contains(path) else { return [] }
            let place = words.communePlace(district.district, district.province)
            return district.communes.filter { !$0.isTotal }.enumerated().map { order, commune in
                let encoded = percentEncoded(commune.name)
                // Joined as bytes: String's + checks grapheme breaks at each join, 10,600 rows × 8 joins.
                return SearchIndex.Document(
                    title: words.communeTitle(commune.name, place), url: joined(base, path, "#bang-xa:~:text=", encoded),
                    section: phrases.site.vneid, name: commune.name, context: place,
                    body: "", text: words.communeText(commune.name, place),
                    own: province != nil && district.province == province,
                    key: joined("2 ", path, String(100_000 + order)))
            }
        }
    }

    /// Texts joined on their UTF-8 bytes.
    static func joined(_ parts: String...) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(parts.reduce(0) { $0 + $1.utf8.count })
        for part in parts { bytes += part.utf8 }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Tasks, targets and indicators: each in the table of the page that lists it.
    static func plans(site: Site, base: String, paths: Set<String>, phrases: Phrases) -> [SearchIndex.Document] {
        let words = phrases.search
        var documents: [SearchIndex.Document] = []
        let pillars = Dictionary(site.pillars.map { ($0.id, $0.title) }) { first, _ in first }
        for (order, task) in site.tasks.enumerated() {
            var place: (path: String, table: String)?
            // A pillar page lists the site's own tasks only; another unit's are on their document's page.
            let own = site.isOwn(document: task.document)
            if own, let pillar = task.pillar, paths.contains("tru-cot/\(pillar)/") {
                place = ("tru-cot/\(pillar)/", "tru-cot-\(pillar)-nhiem-vu")
            } else if let document = task.document, paths.contains("van-ban/\(document)/") {
                place = ("van-ban/\(document)/", "van-ban-\(document)-nhiem-vu")
            } else if let lead = task.leads.first.flatMap(site.agency(named:)), paths.contains("co-quan/\(lead.slug)/") {
                place = ("co-quan/\(lead.slug)/", "co-quan-\(lead.slug)-chu-tri")
            }
            guard let place else { continue }
            let agencies = (task.leads + task.partners).joined(separator: "; ")
            documents.append(
                SearchIndex.Document(
                    title: words.taskTitle(task.code, task.text), url: link(base, place.path, table: place.table, text: task.text),
                    section: words.tasks, name: task.text,
                    context: [task.code, task.leads.joined(separator: "; "), task.pillar.flatMap { pillars[$0] } ?? ""].joined(
                        separator: "\n"),
                    body: [task.partners.joined(separator: "; "), task.product ?? "", task.deadline.raw].joined(separator: "\n"),
                    text: words.taskText(agencies, task.deadline.raw),
                    own: own, key: "3 nhiem-vu " + String(100_000 + order)))
        }
        if paths.contains("muc-tieu/") {
            for (order, target) in site.targets.enumerated() {
                // /muc-tieu/ lists another unit's targets in a table of their own.
                let own = site.isOwn(document: target.document)
                let table = own ? "muc-tieu" : "muc-tieu-don-vi-khac"
                documents.append(
                    SearchIndex.Document(
                        title: words.targetTitle(target.text), url: link(base, "muc-tieu/", table: table, text: target.text),
                        section: phrases.site.targets, name: target.text,
                        context: ([target.code] + target.agencies).joined(separator: "\n"),
                        body: target.unit, text: words.targetText(target.agencies),
                        own: own, key: "4 muc-tieu " + String(100_000 + order)))
            }
        }
        for (order, indicator) in site.indicators.enumerated() where paths.contains("tru-cot/\(indicator.pillar)/") {
            let pillar = pillars[indicator.pillar] ?? indicator.pillar
            documents.append(
                SearchIndex.Document(
                    title: words.indicatorTitle(indicator.code, indicator.name),
                    url: link(base, "tru-cot/\(indicator.pillar)/", table: "tru-cot-\(indicator.pillar)-chi-tieu", text: indicator.name),
                    section: words.indicators, name: indicator.name, context: words.indicatorContext(indicator.code, pillar),
                    body: indicator.scoringRule ?? "", text: words.indicatorText(pillar, indicator.code), own: true,
                    key: "5 chi-tieu " + String(100_000 + order)))
        }
        return documents
    }
}
