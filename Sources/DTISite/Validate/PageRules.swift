/// Markdown sources → pages, pillars and plan documents, with their front matter checked.
enum PageRules {
    static let pageKeys = ["title", "summary", "order", "slug", "draft", "pillars"]
    static let pillarKeys = ["id", "title", "order", "max_points", "summary", "from_year", "until_year"]
    static let documentKeys = ["title", "short_title", "summary", "number", "issued", "issuer", "unit", "slug", "order", "pillars"]

    static func page(_ source: MarkdownSource, extraKeys: [String] = [], into diagnostics: inout Diagnostics) -> MarkdownPage {
        let fm = source.frontMatter
        let fileSlug = String(source.file.split(separator: "/").last ?? "").replacingOccurrences(of: ".md", with: "")
        let slugText = fm.string("slug", into: &diagnostics) ?? fileSlug
        var slug = Slug.make(slugText)
        if slug.isEmpty { slug = "trang" }
        if slug != slugText, fm.entries["slug"] != nil {
            diagnostics.warning(
                fm.location("slug"), "slug \"\(slugText)\" được đổi thành \"\(slug)\" (chỉ chữ thường không dấu, số và dấu gạch ngang)")
        }
        let title = fm.string("title", into: &diagnostics) ?? ""
        if title.isEmpty { diagnostics.error(fm.fileLocation, "thiếu \"title\" (tiêu đề trang) trong phần đầu") }
        return MarkdownPage(
            file: source.file, slug: slug, title: title, summary: fm.string("summary", into: &diagnostics) ?? "",
            order: fm.int("order", into: &diagnostics), body: source.body, bodyLine: source.bodyLine,
            pillars: fm.strings("pillars", into: &diagnostics))
    }

    static func pillar(_ source: MarkdownSource, into diagnostics: inout Diagnostics) -> Pillar? {
        let fm = source.frontMatter
        fm.checkKeys(known: pillarKeys, required: ["id", "title", "order"], into: &diagnostics)
        var page = page(source, into: &diagnostics)
        guard let idText = fm.string("id", into: &diagnostics) else { return nil }
        let id = Slug.make(idText)
        if id != idText {
            diagnostics.error(
                fm.location("id"), "id \"\(idText)\" chỉ được gồm chữ thường không dấu, số và dấu gạch ngang (ví dụ \"\(id)\")")
        }
        page.slug = id
        let maxPoints = fm.int("max_points", into: &diagnostics)
        if let maxPoints, maxPoints < 0 {
            diagnostics.error(fm.location("max_points"), "\"max_points\" không được âm (0: nhóm không tính điểm)")
        }
        let fromYear = fm.int("from_year", into: &diagnostics), untilYear = fm.int("until_year", into: &diagnostics)
        if let fromYear, let untilYear, fromYear > untilYear {
            diagnostics.error(fm.location("until_year"), "\"until_year\" (\(untilYear)) phải từ \"from_year\" (\(fromYear)) trở đi")
        }
        return Pillar(
            id: id, title: page.title, order: fm.int("order", into: &diagnostics) ?? 0, maxPoints: maxPoints,
            summary: page.summary, source: page, fromYear: fromYear, untilYear: untilYear)
    }

    static func document(_ source: MarkdownSource, into diagnostics: inout Diagnostics) -> PlanDocument {
        let fm = source.frontMatter
        fm.checkKeys(known: documentKeys, required: ["title"], into: &diagnostics)
        return PlanDocument(
            page: page(source, into: &diagnostics), number: fm.string("number", into: &diagnostics),
            issued: fm.date("issued", into: &diagnostics), issuer: fm.string("issuer", into: &diagnostics),
            unit: fm.string("unit", into: &diagnostics), shortTitle: fm.string("short_title", into: &diagnostics))
    }

    /// `_index.md`, the text of the overview page: its keys are checked like a free page's.
    static func home(_ source: MarkdownSource, into diagnostics: inout Diagnostics) -> MarkdownPage {
        source.frontMatter.checkKeys(known: pageKeys, required: ["title"], into: &diagnostics)
        return page(source, into: &diagnostics)
    }

    static func freePage(_ source: MarkdownSource, into diagnostics: inout Diagnostics) -> MarkdownPage? {
        let fm = source.frontMatter
        fm.checkKeys(known: pageKeys, required: ["title"], into: &diagnostics)
        if fm.bool("draft", into: &diagnostics) == true { return nil }
        return page(source, into: &diagnostics)
    }
}
