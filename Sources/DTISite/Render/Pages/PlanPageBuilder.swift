import Foundation

/// The plans as pages: /co-quan/ (agencies with their counts), /co-quan/<slug>/ (what an agency leads,
/// where it helps, its deadlines and targets), /muc-tieu/ (targets with progress where an actual is known),
/// plus the task and target tables of pillar and document pages.
enum PlanPageBuilder: PageBuilder {
    static let reads: Set<SiteInput> = [.agencies, .tasks, .targets, .documents]

    static func pages(_ ctx: inout PageBuildContext) -> [PageSpec] {
        let site = ctx.site
        var specs: [PageSpec] = []
        if !site.agencies.isEmpty, !site.tasks.isEmpty || !site.targets.isEmpty {
            specs += agencyPages(&ctx)
        }
        if !site.targets.isEmpty {
            specs.append(targetsPage(&ctx))
        }
        return specs
    }

    /// /muc-tieu/: the targets of the site's own documents, counted; those of another unit's documents
    /// (a district of another province published as an example) in a table of their own, not counted.
    static func targetsPage(_ ctx: inout PageBuildContext) -> PageSpec {
        let site = ctx.site, words = ctx.phrases.plans
        let own = site.targets.filter { site.isOwn(document: $0.document) }
        let others = site.targets.filter { !site.isOwn(document: $0.document) }
        let met = own.filter { progress($0)?.met == true }.count
        let known = own.filter { progress($0) != nil }.count
        var content: [String: Any] = [
            "table": ctx.table(targetTable(id: "muc-tieu", title: words.ownTargets, targets: own, ctx: ctx)),
            "rows": targetRows(own, ctx: ctx), "count": own.count, "known": known, "met": met
        ]
        if !others.isEmpty {
            let units = others.compactMap { t in site.documents.first { $0.page.slug == t.document }?.unit }
            let names = units.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            content["otherCount"] = others.count
            content["otherUnits"] = names.joined(separator: ", ")
            content["otherTable"] = ctx.table(
                targetTable(
                    id: "muc-tieu-don-vi-khac", title: words.otherUnitsTargets(names),
                    targets: others, ctx: ctx))
        }
        return PageSpec(
            path: "muc-tieu/", title: words.targetsTitle, description: words.targetsDescription, template: "targets",
            content: TemplateContext(content), section: "muc-tieu", breadcrumbs: [(ctx.phrases.site.targets, "muc-tieu/")])
    }

    static func agencyPages(_ ctx: inout PageBuildContext) -> [PageSpec] {
        let site = ctx.site, words = ctx.phrases.plans
        let asOf = site.config.asOf
        var specs: [PageSpec] = []
        var list = DataTable(
            id: "co-quan", title: words.agencyList,
            columns: [
                .init("agency", words.agency), .init("short_name", words.shortName), .init("leads", words.lead, .integer),
                .init("partners", words.partner, .integer), .init("overdue", words.overdue, .integer),
                .init("targets", words.target, .integer)
            ],
            rows: [])
        list.sortable = true
        // Tasks whose deadline could not be read are counted apart, in a column shown only when there are some.
        let anyUnclear = site.tasks.contains { DeadlineStatus.of($0, asOf: asOf) == .unclear }
        if anyUnclear { list.columns.insert(.init("unclear", words.unclear, .integer), at: 5) }
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
                        id: "co-quan-\(agency.slug)-chu-tri", title: words.agencyLeads(agency.name), tasks: leads, ctx: ctx,
                        showLead: false))
            }
            if !partners.isEmpty {
                content["partners"] = ctx.table(
                    taskTable(
                        id: "co-quan-\(agency.slug)-phoi-hop", title: words.agencyPartners(agency.name), tasks: partners, ctx: ctx,
                        showLead: true))
            }
            if !targets.isEmpty {
                content["targets"] = ctx.table(
                    targetTable(
                        id: "co-quan-\(agency.slug)-muc-tieu", title: words.agencyTargets(agency.name), targets: targets, ctx: ctx
                    ))
            }
            specs.append(
                PageSpec(
                    path: path, title: agency.name,
                    description: words.agencyDescription(agency.name),
                    template: "agency", content: TemplateContext(content), section: "co-quan",
                    breadcrumbs: [(ctx.phrases.site.agencies, "co-quan/"), (agency.name, path)]))
        }
        specs.append(
            PageSpec(
                path: "co-quan/", title: words.agenciesTitle, description: words.agenciesDescription,
                template: "agencies", content: TemplateContext(["table": ctx.table(list), "asOf": VietnameseFormat.date(asOf)]),
                section: "co-quan", breadcrumbs: [(ctx.phrases.site.agencies, "co-quan/")]))
        return specs
    }

    /// Tasks with their lead (linked to its agency page), deadline as written and its status on as_of.
    static func taskTable(id: String, title: String, tasks: [PlanTask], ctx: PageBuildContext, showLead: Bool = true) -> DataTable {
        let asOf = ctx.site.config.asOf, words = ctx.phrases.plans
        var columns: [DataTable.Column] = [.init("code", ctx.phrases.site.code), .init("task", words.task)]
        if showLead { columns.append(.init("lead", words.lead)) }
        columns += [
            .init("partners", words.partner), .init("deadline", words.deadline), .init("status", words.status),
            .init("document", words.document)
        ]
        // The plan's notes, in a column of their own when any task of the table has one.
        let notes = tasks.contains { !($0.note ?? "").isEmpty || !$0.typos.isEmpty }
        if notes { columns.append(.init("note", words.note)) }
        var table = DataTable(id: id, title: title, columns: columns, rows: [])
        // Each task's status worked out once, then sorted: overdue first.
        let rank: (DeadlineStatus) -> Int = {
            [.overdue, .dueSoon, .unclear, .open, .recurring, .conditional, .unspecified, .paused, .done].firstIndex(of: $0) ?? 9
        }
        let order = tasks.map { (task: $0, rank: rank(DeadlineStatus.of($0, asOf: asOf))) }
            .sorted { ($0.rank, $0.task.code) < ($1.rank, $1.task.code) }.map(\.task)
        for task in order {
            var row: [DataTable.Cell] = [.text(task.code), .text(SourceTypo.marked(task.text, task.typos))]
            // A plan may name no lead for a task; the page says so rather than leave the cell blank.
            if showLead { row.append(.text(task.leads.isEmpty ? words.noLead : task.leads.joined(separator: "; "))) }
            let status = DeadlineStatus.of(task, asOf: asOf)
            // The text as written; a condition ("… và khi có hướng dẫn của Bộ") is already part of it.
            let deadline = task.deadline.raw.isEmpty ? "—" : task.deadline.raw
            row += [
                .text(task.partners.joined(separator: "; ")), .text(deadline), .text(ctx.phrases.status.standing(of: task, asOf: asOf)),
                .text(documentTitle(task.document, site: ctx.site))
            ]
            if notes { row.append(.text([task.note, words.typoNote(task.typos)].compactMap { $0 }.joined(separator: "; "))) }
            table.rows.append(row)
            if status == .overdue { table.highlighted.insert(table.rows.count - 1) }
        }
        return table
    }
}
