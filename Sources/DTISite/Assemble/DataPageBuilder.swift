/// /du-lieu/: every table the page builders offered for download, with its CSV and JSON.
enum DataPageBuilder {
    static func pages(tables all: [DataTable], base: String, phrases: SitePhrases) -> [PageSpec] {
        let tables = all.map { table -> [String: Any] in
            [
                "title": table.title, "csv": base + "du-lieu/\(table.id).csv", "json": base + "du-lieu/\(table.id).json",
                "rows": table.rows.count
            ]
        }
        return [
            PageSpec(
                path: "du-lieu/", title: phrases.dataTitle, description: phrases.dataDescription,
                template: "data", content: TemplateContext(["tables": tables]), section: "du-lieu",
                breadcrumbs: [(phrases.data, "du-lieu/")])
        ]
    }
}
