/// /du-lieu/: every table of the site with its CSV and JSON download. Built last, so it lists the
/// tables the other builders registered.
enum DataPageBuilder {
    static func pages(_ ctx: inout PageBuildContext) -> [PageSpec] {
        let tables = ctx.tables.values.sorted { $0.id < $1.id }.map { table -> [String: Any] in
            [
                "title": table.title, "csv": ctx.base + "du-lieu/\(table.id).csv", "json": ctx.base + "du-lieu/\(table.id).json",
                "rows": table.rows.count
            ]
        }
        return [
            PageSpec(
                path: "du-lieu/", title: "Dữ liệu mở", description: "Tải về các bảng số liệu của trang dưới dạng CSV và JSON",
                template: "data", content: TemplateContext(["tables": tables]), section: "du-lieu",
                breadcrumbs: [("Dữ liệu", "du-lieu/")])
        ]
    }
}
