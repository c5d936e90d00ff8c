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
    /// The narrow drawing as a standalone file, /bieu-do/<id>-hep.svg: the image snippet's choice on
    /// phones (the wide file's text would be 7 px there).
    var narrowStandalone: String? = nil
    var table: DataTable?
    var overYears = false

    init(
        id: String, title: String, summary: String, svg: String, standalone: String, narrowStandalone: String? = nil, table: DataTable?,
        overYears: Bool = false
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.svg = svg
        self.standalone = standalone
        self.narrowStandalone = narrowStandalone
        self.table = table
        self.overYears = overYears
    }
}

extension PageBuildContext {
    /// Registers the chart's files and embed page; returns the context of the `chart` partial.
    mutating func publish(_ chart: PublishedChart) -> [String: Any] {
        let svgPath = "bieu-do/\(chart.id).svg"
        let embedPath = "nhung/\(chart.id)/"
        extraFiles.append(OutputFile(path: svgPath, text: chart.standalone))
        let narrowPath = chart.narrowStandalone.map { _ in "bieu-do/\(chart.id)-hep.svg" }
        if let narrowPath, let narrow = chart.narrowStandalone { extraFiles.append(OutputFile(path: narrowPath, text: narrow)) }
        var context: [String: Any] = [
            "id": chart.id, "title": chart.title, "summary": chart.summary,
            "svg": chart.svg,
            "svgHref": base + svgPath, "pngHref": site.config.chartPNG ? base + ChartRasters.path(chart.id) : false,
            "embedHref": base + embedPath,
            "overYears": chart.overYears
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
        context["imgSnippet"] = ChartPublisher.imgSnippet(
            svgURL: absolute + svgPath, narrowURL: narrowPath.map { absolute + $0 }, alt: chart.summary, pageURL: absolute + embedPath)
        if let table = chart.table {
            context["tableSnippet"] = ChartPublisher.tableSnippet(
                table, svgURL: absolute + (site.config.chartPNG ? ChartRasters.path(chart.id) : narrowPath ?? svgPath), alt: chart.summary,
                pageURL: absolute + embedPath,
                site: site.config.title, phrases: phrases.site)
        }
        embeds.append(chart)
        return context
    }
}

enum ChartPublisher {
    /// The height an iframe keeps until the embed page reports its own (a script that never runs, a
    /// newsroom that strips scripts): enough for the chart, its caption, source and link at any width.
    static let fallbackHeight = 560

    /// An iframe that follows its content's height (the embed page posts it on load, on every size
    /// change and when asked), as chart publishers do.
    static func iframeSnippet(embedURL: String, scriptURL: String, title: String) -> String {
        "<iframe src=\"\(Escape.html(embedURL))\" title=\"\(Escape.html(title))\" data-dtisite-embed width=\"100%\" height=\"\(fallbackHeight)\" style=\"border:0;width:100%;\" loading=\"lazy\"></iframe>\n<script src=\"\(Escape.html(scriptURL))\" async></script>"
    }

    /// For newsroom systems that strip iframes: the SVG as an image, linked to the embed page; the
    /// narrow drawing on phones where the system keeps `<picture>`.
    static func imgSnippet(svgURL: String, narrowURL: String? = nil, alt: String, pageURL: String) -> String {
        let img = "<img src=\"\(Escape.html(svgURL))\" alt=\"\(Escape.html(alt))\" style=\"width:100%;height:auto;\">"
        guard let narrowURL else { return "<a href=\"\(Escape.html(pageURL))\">\(img)</a>" }
        return
            "<a href=\"\(Escape.html(pageURL))\"><picture><source media=\"(max-width: 600px)\" srcset=\"\(Escape.html(narrowURL))\">\(img)</picture></a>"
    }

    /// For systems that keep only `<img>` and `<table>` (no iframe, script, figure or CSS): the image,
    /// the chart's numbers as a plain table, and the source with a link back.
    static func tableSnippet(
        _ table: DataTable, svgURL: String, alt: String, pageURL: String, site: String, phrases: SitePhrases
    ) -> String {
        var out =
            "<p><a href=\"\(Escape.html(pageURL))\"><img src=\"\(Escape.html(svgURL))\" alt=\"\(Escape.html(alt))\" width=\"640\"></a></p>\n"
        out += "<table>\n<caption>\(Escape.html(table.title))</caption>\n<thead><tr>"
        out += table.columns.map { "<th scope=\"col\">\(Escape.html($0.title))</th>" }.joined()
        out += "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            out += "<tr>"
            for (i, pair) in zip(table.columns, row).enumerated() {
                let text = Escape.html(DataTable.display(pair.1, column: pair.0, phrases: phrases))
                out += i == 0 ? "<th scope=\"row\">\(text)</th>" : "<td>\(text)</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n<p>"
        if let source = table.source, !source.isEmpty { out += Escape.html(source) + " · " }
        out += "<a href=\"\(Escape.html(pageURL))\">\(Escape.html(site))</a></p>"
        return out
    }
}
