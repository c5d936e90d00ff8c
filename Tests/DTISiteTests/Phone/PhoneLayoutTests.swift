import Foundation
import Testing

@testable import DTISite

/// Charts and tables on a 320–390 px phone, checked by construction: the narrow drawing of every chart
/// fits its viewBox (every label inside, estimated from its length and size), its viewBox is no wider
/// than the chart's box on a 320 px screen (so 12 px text is drawn at 12 px or more), pages carry
/// both drawings, and table cells name their column for the stacked layout.
@Suite struct PhoneLayoutTests {
    /// The chart's box on a 390 px screen: 390 − 2 × 8 (page) − 2 × 4 (chart padding) − 2 (border), the
    /// page's and the chart's padding under 400 px.
    static let boxAt390 = 364.0
    /// 360 − 2 × 8 − 2 × 4 − 2.
    static let boxAt360 = 334.0
    /// 320 − 2 × 8 − 2 × 4 − 2.
    static let boxAt320 = 294.0
    /// The narrow drawing's largest width on a page (site.css): wider boxes centre it.
    static let narrowMaximum = 380.0

    static func narrow(_ svg: String) -> String? {
        guard let start = svg.range(of: "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"dti-chart chart-narrow\"") else { return nil }
        return String(svg[start.lowerBound...])
    }

    static func viewBoxWidth(_ svg: String) -> Double? {
        guard let parsed = ChartTests.parse(svg), let box = parsed.elements.first?.attributes["viewBox"] else { return nil }
        return Double(box.split(separator: " ")[2])
    }

    /// Checks that every text of a chart lies inside its viewBox, with a generous width per character.
    static func textFits(_ svg: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let parsed = try #require(ChartTests.parse(svg), sourceLocation: sourceLocation)
        let width = try #require(viewBoxWidth(svg), sourceLocation: sourceLocation)
        for text in parsed.elements where text.name == "text" {
            let x = Double(text.attributes["x"] ?? "0") ?? 0
            let cls = text.attributes["class"] ?? ""
            let size = cls.contains("heading") ? 15.0 : ["caption", "tick", "axis-label", "peer-label"].contains(cls) ? 12.0 : 13.0
            let length = Double(text.text.count) * size * 0.56
            let (from, to): (Double, Double) =
                switch text.attributes["text-anchor"] {
                case "end": (x - length, x)
                case "middle": (x - length / 2, x + length / 2)
                default: (x, x + length)
                }
            let message = "\"" + text.text + "\" spans \(from) to \(to) in a \(width) wide chart"
            #expect(from >= -1 && to <= width + 1, Comment(rawValue: message), sourceLocation: sourceLocation)
        }
    }

    @Test func narrowChartsFitAndKeepTheirTextReadable() throws {
        let charts = [
            ChartTests.rank.svg(inline: true), ChartTests.line.svg(inline: true), ChartTests.bars.svg(inline: true),
            MergerRankingTests.crossGroupChart().svg(inline: true)
        ]
        for svg in charts {
            let narrow = try #require(Self.narrow(svg))
            let width = try #require(Self.viewBoxWidth(narrow))
            #expect(width <= Self.boxAt390, "drawn at \(Self.boxAt390 / width)× on a 390 px phone")
            // The smallest text of the stylesheet (12 px), as drawn at 320 and 360 px: at least 12 px.
            #expect(12 * Self.boxAt320 / width >= 12, "12 px text drawn at \(12 * Self.boxAt320 / width) px at 320 px")
            #expect(12 * Self.boxAt360 / width >= 12)
            // …and the largest (15 px bold is for headings only; 13 px here), at most about 17 px on a large phone.
            #expect(13 * Self.narrowMaximum / width <= 17.5, "13 px text drawn at \(13 * Self.narrowMaximum / width) px")
            try Self.textFits(narrow)
            let overlaps = try ChartLabelTests.overlaps(narrow)
            #expect(overlaps.isEmpty, "\(overlaps)")
            // The wide drawing comes first, with its own ids.
            #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"dti-chart chart-wide\""))
            #expect(narrow.contains("-hep-title"))
        }
    }

    @Test func theStylesheetCapsTheNarrowDrawingAtItsMaximum() throws {
        let css = try String(
            contentsOf: Fixtures.repositoryRoot.appendingPathComponent("Theme/static/assets/site.css"), encoding: .utf8)
        #expect(css.contains(".chart-svg svg.chart-narrow { display: block; max-width: \(Int(Self.narrowMaximum))px; }"))
    }

    @Test func smallestChartTextIsTwelvePixels() {
        let sizes = ChartStyle.css.components(separatedBy: "font-size:").dropFirst().compactMap {
            Double($0.prefix { $0.isNumber || $0 == "." })
        }
        #expect(!sizes.isEmpty && sizes.allSatisfy { $0 >= 12 }, "\(sizes)")
    }

    @Test func manyYearsAreThinnedButTheLatestKeepsItsLabel() {
        let years = Array(2015...2025)
        let shown = ChartLayout.thinned(years, spacing: 20, minimum: 40)
        #expect(shown.last == 2025 && shown.count == 6)
        #expect(ChartLayout.thinned(years, spacing: 50, minimum: 40) == years)
    }

    @Test func standaloneFilesStayWide() throws {
        #expect(Self.viewBoxWidth(ChartTests.rank.svg()) == RankChart.width)
        #expect(!ChartTests.rank.svg().contains("chart-narrow"))
    }

    @Test func tableCellsNameTheirColumnAndMissingValuesSortLast() {
        var table = DataTable(
            id: "t", title: "T", columns: [.init("agency", "Cơ quan"), .init("overdue", "Quá hạn", .integer)],
            rows: [[.text("A"), .int(2)], [.text("B"), .missing]])
        table.sortable = true
        let html = table.bodyHTML(phrases: .vietnamese)
        #expect(html.contains("<td class=\"num\" data-label=\"Quá hạn\" data-value=\"2\">2</td>"))
        #expect(html.contains("data-label=\"Quá hạn\" data-value=\"\">chưa công bố</td>"))
        let context = table.context(basePath: "/", phrases: .vietnamese)
        #expect((context["columns"] as? [[String: Any]])?.last?["sort"] as? String == "number")
    }

    @Test func tableSnippetNeedsNoCSS() {
        let table = DataTable(
            id: "t", title: "Chỉ số <DTI>", columns: [.init("year", "Năm"), .init("index", "Chỉ số", .decimal, fractionDigits: 4)],
            rows: [[.text("2024"), .number(Decimal(string: "0.7056")!)]], source: "Nguồn: Bộ TT&TT")
        let snippet = ChartPublisher.tableSnippet(
            table, svgURL: "https://x/a.svg", alt: "A", pageURL: "https://x/nhung/a/", site: "S", phrases: .vietnamese)
        #expect(snippet.contains("<td>0,7056</td>") && snippet.contains("Chỉ số &lt;DTI&gt;") && snippet.contains("Bộ TT&amp;TT"))
        #expect(!snippet.contains("style=") && !snippet.contains("<figure") && !snippet.contains("<script"))
    }
}
