/// Title and source line of a standalone chart file.
struct ChartHeading: Sendable {
    var title: String
    var source: String?
    init(title: String, source: String?) {
        self.title = title
        self.source = source
    }
}

/// What every chart shares: the root element with its accessible name and description, the inline
/// style, and the background.
struct ChartFrame {
    var id: String
    var title: String
    /// The finding in one sentence, then what is drawn: read by screen readers as the description.
    var description: String
    var width: Double
    var height: Double
    /// For the standalone file that travels alone (an `<img>` in a news article): the title above the
    /// chart and the source below it, since no page around it says them.
    var heading: ChartHeading?
    /// For a page: no XML declaration and no <style> (the page's stylesheet has the rules, and its
    /// Content-Security-Policy allows no inline style).
    var inline = false
    /// The narrow drawing for phones: its own ids, so that both drawings can share a page.
    var compact = false

    init(
        id: String, title: String, description: String, width: Double, height: Double, heading: ChartHeading?, inline: Bool,
        compact: Bool = false
    ) {
        self.id = compact ? id + "-hep" : id
        self.title = title
        self.description = description
        self.width = width
        self.height = height
        self.heading = heading
        self.inline = inline
        self.compact = compact
    }

    func wrap(_ body: String) -> String {
        let top = heading == nil ? 0.0 : 40.0
        let bottom = heading?.source == nil ? 0.0 : 28.0
        let height = self.height + top + bottom
        var svg = SVGWriter()
        if !inline { svg.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n") }
        svg.open(
            "svg",
            [
                ("xmlns", "http://www.w3.org/2000/svg"),
                ("class", inline ? (compact ? "dti-chart chart-narrow" : "dti-chart chart-wide") : "dti-chart"), ("id", id),
                ("viewBox", "0 0 \(SVGWriter.number(width)) \(SVGWriter.number(height))"),
                ("width", "100%"), ("preserveAspectRatio", "xMidYMid meet"), ("role", "img"),
                ("aria-labelledby", id + "-title"), ("aria-describedby", id + "-desc")
            ])
        svg.newline()
        svg.element("title", [("id", id + "-title")], text: title)
        svg.newline()
        svg.element("desc", [("id", id + "-desc")], text: description)
        svg.newline()
        if !inline { svg.raw("<style>" + ChartStyle.css + "</style>\n") }
        svg.element(
            "rect", [("class", "bg"), ("x", "0"), ("y", "0"), ("width", SVGWriter.number(width)), ("height", SVGWriter.number(height))])
        svg.newline()
        if let heading {
            svg.element("text", [("class", "heading"), ("x", "12"), ("y", "26")], text: heading.title)
            svg.newline()
            svg.raw("<g transform=\"translate(0,\(SVGWriter.number(top)))\">")
            svg.raw(body)
            svg.raw("</g>\n")
            if let source = heading.source {
                svg.element("text", [("class", "caption"), ("x", "12"), ("y", SVGWriter.number(height - 10))], text: source)
                svg.newline()
            }
        } else {
            svg.raw(body)
        }
        svg.close("svg")
        svg.newline()
        return svg.text
    }
}
