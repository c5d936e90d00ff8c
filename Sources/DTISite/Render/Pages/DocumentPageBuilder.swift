/// /van-ban/: the plan documents, and a page per document.
enum DocumentPageBuilder: PageBuilder {
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
}
