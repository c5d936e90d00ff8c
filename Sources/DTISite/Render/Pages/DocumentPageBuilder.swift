/// /van-ban/: the plan documents, and a page per document.
enum DocumentPageBuilder: PageBuilder {
    static let reads: Set<SiteInput> = [.documents, .tasks, .targets, .agencies]

    static func pages(_ ctx: inout PageBuildContext) -> [PageSpec] {
        let site = ctx.site, words = ctx.phrases.plans, common = ctx.phrases.site
        guard !site.documents.isEmpty else { return [] }
        var specs: [PageSpec] = []
        var list: [[String: Any]] = []
        let tasksByDocument = Dictionary(grouping: site.tasks) { $0.document ?? "" }
        let targetsByDocument = Dictionary(grouping: site.targets) { $0.document ?? "" }
        for document in site.documents {
            let path = "van-ban/\(document.page.slug)/"
            var meta: [String: Any] = ["title": document.page.title, "summary": document.page.summary, "href": ctx.base + path]
            if let number = document.number { meta["number"] = number }
            if let issued = document.issued {
                meta["issued"] = VietnameseFormat.date(issued)
                meta["issuedISO"] = issued.description
            }
            if let issuer = document.issuer { meta["issuer"] = issuer }
            if let unit = document.unit {
                meta["unit"] = unit
                meta["otherUnit"] = unit != site.config.unit
            }
            list.append(meta)
            var content = meta
            let tasks = tasksByDocument[document.page.slug] ?? []
            if !tasks.isEmpty {
                var table = PlanPageBuilder.taskTable(
                    id: "van-ban-\(document.page.slug)-nhiem-vu", title: words.documentTasks, tasks: tasks, ctx: ctx)
                table.linkColumn = 2
                table.columnLinks = PillarPageBuilder.linkAgencies(table, ctx: ctx)
                content["tasks"] = ctx.table(table)
                content["leads"] = leads(tasks, ctx: ctx)
            }
            let targets = targetsByDocument[document.page.slug] ?? []
            if !targets.isEmpty {
                content["targets"] = ctx.table(
                    PlanPageBuilder.targetTable(
                        id: "van-ban-\(document.page.slug)-muc-tieu", title: words.documentTargets, targets: targets, ctx: ctx))
            }
            let body = ctx.markdown(document.page)
            content["body"] = body
            var spec = PageSpec(
                path: path, title: document.page.title, description: document.page.summary, template: "document",
                content: TemplateContext(content), section: "van-ban",
                breadcrumbs: [(common.documents, "van-ban/"), (document.page.title, path)])
            spec.searchText = ctx.searchText(document.page)
            specs.append(spec)
        }
        specs.append(
            PageSpec(
                path: "van-ban/", title: common.documentsTitle, description: common.documentsDescription,
                template: "documents", content: TemplateContext(["documents": list]), section: "van-ban",
                breadcrumbs: [(common.documents, "van-ban/")]))
        return specs
    }

    /// The agencies that lead the document's tasks, counted from its task table (never from its prose): most
    /// tasks first, each linked to its page; tasks whose lead the document leaves blank counted apart.
    static func leads(_ tasks: [PlanTask], ctx: PageBuildContext) -> [String: Any] {
        var counts: [String: Int] = [:]
        for task in tasks { for lead in task.leads { counts[lead, default: 0] += 1 } }
        let ordered = counts.sorted { $0.value != $1.value ? $0.value > $1.value : Collation.vietnameseOrder($0.key, $1.key) }
        let items: [[String: Any]] = ordered.enumerated().map { index, entry in
            let (name, count) = entry
            var item: [String: Any] = ["name": name, "count": count, "last": index == ordered.count - 1]
            if let agency = ctx.site.agency(named: name) { item["href"] = ctx.base + "co-quan/\(agency.slug)/" }
            return item
        }
        var result: [String: Any] = ["items": items, "taskCount": tasks.count]
        let unnamed = tasks.filter(\.leads.isEmpty).count
        if unnamed > 0 { result["unnamed"] = unnamed }
        return result
    }
}
