import Dispatch

/// Validate: takes `LoadedContent`; returns the `Site` model and the diagnostics of every rule (file,
/// row, column, in Vietnamese). Runs the rules of every data kind and collects what they report.
enum SiteValidator {
    /// First URL segments that dtisite generates itself; a free page may not take them.
    static let reservedSlugs: Set<String> = [
        "tru-cot", "van-ban", "xep-hang", "du-lieu", "bieu-do", "nhung", "vneid",
        "co-quan", "muc-tieu", "assets", "404", "tim-kiem", "sitemap", "feed"
    ]

    /// The tables each data table is checked against.
    static let dependencies: [String: Set<String>] = [
        "dti": ["units"], "vneid": ["units"], "aggregates": ["units"],
        "tasks": ["indicators", "agencies"], "targets": ["agencies"]
    ]

    /// The `Site` model of the loaded content: every table read and checked by its rules, what does not
    /// hold reported in `diagnostics` (the model keeps what can be kept, so `check` reports everything).
    static func site(from content: LoadedContent, into diagnostics: inout Diagnostics, memo: ValidationMemo? = nil) -> Site {
        let config = content.config
        let errorsBefore = diagnostics.errors.count
        let units = content.tables["units"].map { UnitRules.read($0, into: &diagnostics) } ?? []
        if let table = content.tables["units"], units.isEmpty, diagnostics.errors.count == errorsBefore {
            diagnostics.error(
                SourceLocation(file: table.file, line: 1, column: 1),
                "tệp danh sách đơn vị không có đơn vị nào (cột: name, level, slug, parent, region)")
        } else if content.tables["units"] == nil, !content.unreadableTables.contains("units") {
            diagnostics.error(
                SourceLocation(file: "Content/data/units.csv"), "thiếu tệp danh sách đơn vị (cột: name, level, slug, parent, region)")
        }
        if !units.isEmpty, !units.contains(where: { $0.name == config.unit }) {
            var message = "đơn vị \"\(config.unit)\" (khoá unit trong site.toml) không có trong data/units.csv"
            if let near = Suggest.closest(to: config.unit, in: units.map(\.name)) { message += "; có phải \"\(near)\"?" }
            diagnostics.error(config.location(of: "unit"), message)
        }
        if let peer = config.peerGroup, !units.isEmpty, !units.contains(where: { $0.region == peer }) {
            diagnostics.warning(
                config.location(of: "peer_group"),
                "nhóm so sánh \"\(peer)\" (peer_group) không khớp cột region của đơn vị nào trong data/units.csv")
        }

        var pillars: [Pillar] = []
        var pillarFiles: [String: String] = [:]
        for source in content.pillarSources {
            guard let pillar = PageRules.pillar(source, into: &diagnostics) else { continue }
            if let other = pillarFiles[pillar.id] {
                diagnostics.error(source.frontMatter.location("id"), "trụ cột \"\(pillar.id)\" đã được khai báo trong \(other)")
                continue
            }
            pillarFiles[pillar.id] = source.file
            pillars.append(pillar)
        }
        pillars.sort { ($0.order, $0.id) < ($1.order, $1.id) }

        // The tables and documents below depend only on the units and pillars: read concurrently,
        // each into its own diagnostics (they are sorted before anyone sees them).
        // A table that could not be read (or gave no units) has its own error; the tables that name
        // its entries are not checked against it, or every row would repeat that one error.
        var unusable = content.unreadableTables
        if units.isEmpty { unusable.insert("units") }
        var content = content
        for (table, needs) in dependencies where !unusable.isDisjoint(with: needs) { content.tables[table] = nil }
        let groups = content.tables["groups"].map { ScoreRules.groups($0, into: &diagnostics) } ?? [:]
        let independent = Independent.read(content, units: units, pillars: pillars, groups: groups, memo: memo)
        diagnostics.append(contentsOf: independent.diagnostics)
        var scores = independent.scores
        let indicators = independent.indicators, vneid = independent.vneid
        let documents = independent.documents
        for document in documents {
            if let unit = document.unit, !units.isEmpty, !units.contains(where: { $0.name == unit }) {
                var message = "đơn vị \"\(unit)\" không có trong data/units.csv"
                if let near = Suggest.closest(to: unit, in: units.map(\.name)) { message += "; có phải \"\(near)\"?" }
                diagnostics.error(SourceLocation(file: document.page.file, line: 1, column: 1), message)
            }
        }
        let pages = content.pageSources.compactMap { PageRules.freePage($0, into: &diagnostics) }
        let home = content.homeSource.map { PageRules.home($0, into: &diagnostics) }

        checkSlugs(pages: pages, documents: documents, into: &diagnostics)
        let pillarIDs = pillars.map(\.id)
        for page in pages + documents.map(\.page) {
            for id in page.pillars where !pillarIDs.contains(id) {
                var message = "trang nhắc đến trụ cột \"\(id)\" nhưng không có Content/tru-cot/ nào có id này"
                if let near = Suggest.closest(to: id, in: pillarIDs) { message += "; có phải \"\(near)\"?" }
                let source = (content.pageSources + content.documentSources).first { $0.file == page.file }
                diagnostics.error(source?.frontMatter.location("pillars") ?? SourceLocation(file: page.file, line: 1, column: 1), message)
            }
        }
        let derived = SuccessorDerivation.derive(scores: scores, units: units, groups: groups, pillars: pillars.map(\.id))
        scores += derived.records
        for finding in derived.mismatches { diagnostics.warning(finding.location, finding.message) }
        var site = Site(
            config: config, units: units, pillars: pillars, scores: scores, indicators: indicators,
            documents: documents, pages: pages, home: home, vneid: vneid)
        site.groups = groups
        site.aggregates =
            content.tables["aggregates"].map { ScoreRules.aggregates($0, units: units, pillars: pillars, into: &diagnostics) } ?? []
        site.agencies = independent.agencies
        site.tasks = content.tables["tasks"].map { PlanRules.tasks($0, site: site, agencies: site.agencies, into: &diagnostics) } ?? []
        site.targets =
            content.tables["targets"].map { PlanRules.targets($0, site: site, agencies: site.agencies, into: &diagnostics) } ?? []
        site.publishedTables = PublishedTableRules.read(content, into: &diagnostics)
        return site
    }

    /// What can be read once the units and pillars are known, each part on its own thread.
    struct Independent: Sendable {
        var scores: [ScoreRecord] = []
        var indicators: [Indicator] = []
        var documents: [PlanDocument] = []
        var vneid: [DistrictProgress] = []
        var agencies: [Agency] = []
        var diagnostics = Diagnostics()

        /// The groups of inputs each part reads besides those every part reads (`SiteInput.everywhere`).
        static let reads: [String: [String]] = [
            "scores": ["data:dti", "data:groups"], "indicators": ["data:indicators"], "documents": ["documents"],
            "agencies": ["data:agencies"], "vneid": ["data:vneid"]
        ]

        static func read(
            _ content: LoadedContent, units: [Unit], pillars: [Pillar], groups: [String: RankingGroup], memo: ValidationMemo? = nil
        ) -> Independent {
            // A part whose inputs did not change since the session's previous build is taken over, with
            // the diagnostics it gave.
            var keys: [String: UInt64] = [:]
            for (part, groups) in reads { keys[part] = memo?.key(part, reads: groups) }
            let kept = memo?.entries ?? [:]
            func taken(_ part: String) -> ValidationMemo.Entry? {
                guard let key = keys[part], let entry = kept[part], entry.key == key else { return nil }
                return entry
            }
            // One level of concurrency for all of it — the four tables and documents, and each VNeID
            // district — so that the two cores stay busy to the end.
            var all = Independent()
            var vneidDiagnostics = Diagnostics()
            let keptVNeID = taken("vneid").flatMap { $0.value is [DistrictProgress] ? $0 : nil }
            let vneid = keptVNeID == nil ? content.tables["vneid"].map { VNeIDRules.Plan($0, into: &vneidDiagnostics) } : nil
            let fixed = 4
            let districts = vneid?.districts.count ?? 0
            enum Piece {
                case part(Independent)
                case district(DistrictProgress?, Diagnostics)
            }
            let parts = ["scores", "indicators", "documents", "agencies"]
            let known = parts.map(taken)
            let pieces = Concurrent.map(count: fixed + districts) { i -> Piece in
                if i >= fixed, let vneid {
                    var local = Diagnostics()
                    return .district(vneid.readDistrict(i - fixed, units: units, into: &local), local)
                }
                if let entry = known[i], let part = entry.value as? Independent { return .part(part) }
                var part = Independent()
                switch i {
                case 0:
                    part.scores =
                        content.tables["dti"].map {
                            ScoreRules.read(
                                $0, units: units, pillars: pillars, siteUnit: content.config.unit, groups: groups,
                                into: &part.diagnostics)
                        } ?? []
                case 1:
                    part.indicators =
                        content.tables["indicators"].map { IndicatorRules.read($0, pillars: pillars, into: &part.diagnostics) } ?? []
                case 2:
                    part.documents = content.documentSources.map { PageRules.document($0, into: &part.diagnostics) }
                    part.documents.sort { $0.page.slug < $1.page.slug }
                default:
                    part.agencies = content.tables["agencies"].map { PlanRules.agencies($0, into: &part.diagnostics) } ?? []
                }
                return .part(part)
            }
            var results: [Independent] = []
            var districtResults: [(district: DistrictProgress?, diagnostics: Diagnostics)] = []
            for piece in pieces {
                switch piece {
                case .part(let part): results.append(part)
                case .district(let district, let local): districtResults.append((district, local))
                }
            }
            all.scores = results[0].scores
            all.indicators = results[1].indicators
            all.documents = results[2].documents
            all.agencies = results[3].agencies
            for part in results { all.diagnostics.append(contentsOf: part.diagnostics) }
            if let keptVNeID, let progress = keptVNeID.value as? [DistrictProgress] {
                all.vneid = progress
                vneidDiagnostics = keptVNeID.diagnostics
            } else {
                all.vneid = vneid?.combine(districtResults, into: &vneidDiagnostics) ?? []
            }
            all.diagnostics.append(contentsOf: vneidDiagnostics)
            if let memo {
                for (part, result) in zip(parts, results) {
                    if let key = keys[part] { memo.entries[part] = .init(key: key, value: result, diagnostics: result.diagnostics) }
                }
                if let key = keys["vneid"] { memo.entries["vneid"] = .init(key: key, value: all.vneid, diagnostics: vneidDiagnostics) }
            }
            return all
        }
    }

    /// What parts of validation made in a session's previous build, by part, with the key of the inputs
    /// they read (`SiteInput.key`): a part is taken over while its key stays.
    final class ValidationMemo: @unchecked Sendable {
        // Used by one build at a time; read (not written) by the parts running concurrently.
        struct Entry: @unchecked Sendable {
            // A part's value (Sendable), only read once stored.
            var key: UInt64
            var value: Any
            var diagnostics: Diagnostics
        }
        var versions: [String: UInt64] = [:]
        var entries: [String: Entry] = [:]

        func key(_ part: String, reads groups: [String]) -> UInt64? {
            SiteInput.key("validate:" + part, groups: groups, versions: versions)
        }
    }

    /// Two pages may not end up at the same URL, also when their names differ only by accents or case.
    static func checkSlugs(pages: [MarkdownPage], documents: [PlanDocument], into diagnostics: inout Diagnostics) {
        var taken: [String: String] = [:]
        for page in pages {
            if reservedSlugs.contains(page.slug) {
                diagnostics.error(
                    SourceLocation(file: page.file, line: 1, column: 1),
                    "đường dẫn /\(page.slug)/ do dtisite tạo; hãy đặt slug khác cho trang này")
            } else if let other = taken[page.slug] {
                diagnostics.error(
                    SourceLocation(file: page.file, line: 1, column: 1),
                    "trang này và \(other) cùng đường dẫn /\(page.slug)/; hãy đặt slug khác")
            }
            taken[page.slug] = page.file
        }
        var documentSlugs: [String: String] = [:]
        for document in documents {
            if let other = documentSlugs[document.page.slug] {
                diagnostics.error(
                    SourceLocation(file: document.page.file, line: 1, column: 1),
                    "văn bản này và \(other) cùng đường dẫn /van-ban/\(document.page.slug)/; hãy đặt slug khác")
            }
            documentSlugs[document.page.slug] = document.page.file
        }
    }
}
