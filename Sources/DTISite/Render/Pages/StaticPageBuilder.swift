/// Free Markdown pages (/<slug>/) and the 404 page.
enum StaticPageBuilder: PageBuilder {
    static let reads: Set<SiteInput> = [.pages]

    static func pages(_ ctx: inout PageBuildContext) -> [PageSpec] {
        var specs: [PageSpec] = []
        for page in ctx.site.pages {
            let body = ctx.markdown(page)
            var spec = PageSpec(
                path: page.slug + "/", title: page.title, description: page.summary, template: "page",
                content: TemplateContext(["title": page.title, "summary": page.summary, "body": body]),
                section: page.slug, breadcrumbs: [(page.title, page.slug + "/")])
            spec.searchText = ctx.searchText(page)
            specs.append(spec)
        }
        var notFound = PageSpec(
            path: "404.html", title: ctx.phrases.site.notFoundTitle, description: ctx.phrases.site.notFoundDescription,
            template: "404", content: TemplateContext([:]), section: "")
        notFound.inSitemap = false
        specs.append(notFound)
        return specs
    }
}
