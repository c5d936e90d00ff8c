/// Publishes a chart three ways: inline in its page (with its data table and a copy-paste embed
/// snippet), as a standalone /bieu-do/<id>.svg, and as an embed page /nhung/<id>/ without site chrome.
/// Chart ids are derived from what the chart shows (unit, kind, pillar), so they are stable across builds.
struct PublishedChart: Sendable {
    var id: String
    var title: String
    var summary: String
    /// The SVG for pages, without <style> (the page gives title and source; bieu-do.css the rules).
    var svg: String
    /// The standalone SVG document: styles inline, its own title and source line.
    var standalone: String
    var table: DataTable?
    /// Charts over years: on a narrow screen they open scrolled to the latest year.
    var overYears = false
}

extension PageBuildContext {
    /// Registers the chart's files and embed page; returns the context of the `chart` partial.
    mutating func publish(_ chart: PublishedChart) -> [String: Any] {
        let svgPath = "bieu-do/\(chart.id).svg"
        let embedPath = "nhung/\(chart.id)/"
        extraFiles.append(OutputFile(path: svgPath, text: chart.standalone))
        var context: [String: Any] = [
            "id": chart.id, "title": chart.title, "summary": chart.summary,
            "svg": chart.svg,
            "svgHref": base + svgPath, "embedHref": base + embedPath, "overYears": chart.overYears
        ]
        // Explicit false: Mustache would otherwise find the page's own `table` or `csv` further up.
        context["table"] = false
        context["csv"] = false
        if let table = chart.table {
            let tableContext = self.table(table)
            context["table"] = tableContext
            context["csv"] = tableContext["csv"]
        }
        let absolute = site.config.baseURL
        context["iframeSnippet"] = ChartPublisher.iframeSnippet(
            embedURL: absolute + embedPath, scriptURL: absolute + "assets/nhung.js", title: chart.title)
        context["imgSnippet"] = ChartPublisher.imgSnippet(svgURL: absolute + svgPath, alt: chart.summary, pageURL: absolute + embedPath)
        embeds.append(chart)
        return context
    }
}

enum ChartPublisher {
    /// An iframe that follows its content's height (the embed page posts it), as chart publishers do.
    static func iframeSnippet(embedURL: String, scriptURL: String, title: String) -> String {
        "<iframe src=\"\(Escape.html(embedURL))\" title=\"\(Escape.html(title))\" data-dtisite-embed width=\"100%\" height=\"460\" style=\"border:0;width:100%;\" loading=\"lazy\"></iframe>\n<script src=\"\(Escape.html(scriptURL))\" async></script>"
    }

    /// For newsroom systems that strip iframes: the SVG as an image, linked to the embed page.
    static func imgSnippet(svgURL: String, alt: String, pageURL: String) -> String {
        "<a href=\"\(Escape.html(pageURL))\"><img src=\"\(Escape.html(svgURL))\" alt=\"\(Escape.html(alt))\" style=\"width:100%;height:auto;\"></a>"
    }
}
