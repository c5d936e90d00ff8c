/// /nhung/<id>/: a chart alone, for an iframe in a news article — no site header, menu or footer;
/// the chart, its source and a link back to the page it comes from.
enum EmbedPageBuilder {
    static func pages(charts: [PublishedChart], config: SiteConfig) -> [PageSpec] {
        var seen: Set<String> = []
        var specs: [PageSpec] = []
        for chart in charts where seen.insert(chart.id).inserted {
            var spec = PageSpec(
                path: "nhung/\(chart.id)/", title: chart.title, description: chart.summary, template: "embed",
                content: TemplateContext([
                    "id": chart.id, "title": chart.title, "summary": chart.summary,
                    "svg": chart.svg, "overYears": chart.overYears,
                    "source": config.sourceNote ?? "", "home": config.baseURL
                ]),
                section: "")
            spec.inSitemap = false
            spec.image = ChartRasters.path(chart.id)
            specs.append(spec)
        }
        return specs
    }
}
