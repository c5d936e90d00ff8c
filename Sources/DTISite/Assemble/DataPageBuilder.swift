/// /du-lieu/: every table the page builders offered for download, with its CSV and JSON.
enum DataPageBuilder {
    static func pages(tables all: [DataTable], base: String) -> [PageSpec] {
        let tables = all.map { table -> [String: Any] in
            [
                "title": table.title, "csv": base + "du-lieu/\(table.id).csv", "json": base + "du-lieu/\(table.id).json",
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
