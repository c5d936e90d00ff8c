import Foundation
import Testing

@testable import DTISite

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The SVG charts: golden files, well-formed XML, the rank axis, escaping, determinism, findings.
@Suite struct ChartTests {
    static let rank = RankChart(
        id: "xep-hang-lai-chau", title: "Thứ hạng DTI", summary: "Lai Châu xếp hạng 36/63 năm 2024, tăng 18 bậc so với năm 2023",
        groupSize: 63, years: [2022, 2023, 2024],
        series: [
            .init(label: "Điện Biên", ranks: [2022: 30, 2023: 36, 2024: 9], role: .peer),
            .init(label: "Lào Cai", ranks: [2022: 36, 2024: 42], role: .peer),  // 2023 missing: a gap
            .init(label: "Sơn La", ranks: [2022: 45, 2023: 36, 2024: 47], role: .peer),  // tie with Điện Biên in 2023
            .init(label: "Lai Châu", ranks: [2022: 53, 2023: 54, 2024: 36], role: .highlight)
        ])

    static let line = LineChart(
        id: "chi-so-lai-chau", title: "Chỉ số DTI", summary: "Chỉ số DTI của Lai Châu năm 2024 là 0,7056", years: [2022, 2023, 2024],
        series: [
            .init(label: "Lai Châu", values: [2022: 0.5032, 2023: 0.6185, 2024: 0.7056], role: .main),
            .init(label: "Trung bình", values: [2022: 0.5787, 2023: 0.6783, 2024: 0.6961], role: .average),
            .init(label: "Cao nhất", values: [2022: 0.8002, 2023: 0.834, 2024: 0.8373], role: .best)
        ])

    static let bars = BarChart(
        id: "tru-cot-lai-chau-2024", title: "Các trụ cột", summary: "Năm 2024",
        rows: [
            .init(label: "Hạ tầng số", value: 0.869, reference: 0.8746), .init(label: "Nhận thức số", value: nil, reference: nil),
            .init(label: "Hoạt động xã hội số", value: 0.351, reference: 0.5575)
        ],
        valueLabel: "Lai Châu", referenceLabel: "Trung bình cả nước")

    @Test func goldenFiles() throws {
        try Golden.check(Self.rank.svg(), named: "charts/rank.svg")
        try Golden.check(Self.line.svg(), named: "charts/line.svg")
        try Golden.check(Self.bars.svg(), named: "charts/bars.svg")
        try Golden.check(
            Self.rank.svg(heading: ChartHeading(title: "Thứ hạng DTI", source: "Nguồn: dti.gov.vn")), named: "charts/rank-standalone.svg")
    }

    /// Parses an SVG, returning its elements in order with their attributes and text.
    final class Collector: NSObject, XMLParserDelegate {
        var elements: [(name: String, attributes: [String: String], text: String)] = []
        var open: [Int] = []
        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]
        ) {
            open.append(elements.count)
            elements.append((name, attributes, ""))
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            open.removeLast()
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let current = open.last { elements[current].text += string }
        }
    }

    static func parse(_ svg: String) -> Collector? {
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = Collector()
        parser.delegate = collector
        return parser.parse() ? collector : nil
    }

    @Test func everyChartIsWellFormedAndAccessible() throws {
        for svg in [Self.rank.svg(), Self.line.svg(), Self.bars.svg()] {
            let parsed = try #require(Self.parse(svg))
            let root = try #require(parsed.elements.first)
            #expect(root.name == "svg" && root.attributes["role"] == "img")
            let title = root.attributes["aria-labelledby"] ?? "", desc = root.attributes["aria-describedby"] ?? ""
            #expect(parsed.elements.contains { $0.name == "title" && $0.attributes["id"] == title })
            #expect(parsed.elements.contains { $0.name == "desc" && $0.attributes["id"] == desc && !$0.text.isEmpty })
            #expect(root.attributes["viewBox"] != nil && root.attributes["width"] == "100%")
        }
    }

    @Test func rankOneIsAtTheTop() {
        let scale = Self.rank.yScale
        #expect(scale(1) < scale(36))
        #expect(scale(36) < scale(63))
        #expect(scale(1) == Self.rank.plot.top && scale(63) == Self.rank.plot.bottom)
    }

    @Test func tiesShareAHeightAndMissingYearsBreakTheLine() throws {
        let parsed = try #require(Self.parse(Self.rank.svg()))
        let paths = parsed.elements.filter { $0.name == "path" && $0.attributes["class"] == "peer" }.map { $0.attributes["d"] ?? "" }
        // Lào Cai has 2022 and 2024 only: no line for it (each run is a single point), two dots instead.
        let y2023 = { (d: String) -> String in String(d.split(separator: "L")[1].split(separator: ",")[1]) }
        #expect(paths.count == 2 && y2023(paths[0]) == y2023(paths[1]), "tied ranks are drawn at the same height")
        #expect(parsed.elements.filter { $0.name == "circle" && $0.attributes["class"] == "peer" }.count == 2)
    }

    @Test func labelsAreEscaped() throws {
        var chart = Self.rank
        chart.title = "<script>alert(\"x\")</script> & 'y'"
        chart.series[0].label = "A<b>&\"'"
        let svg = chart.svg()
        #expect(!svg.contains("<script>") && !svg.contains("<b>"))
        let parsed = try #require(Self.parse(svg))
        #expect(parsed.elements.contains { $0.name == "title" && $0.text == chart.title })
        #expect(parsed.elements.contains { $0.name == "text" && $0.text == "A<b>&\"'" })
        #expect(!parsed.elements.contains { $0.name == "script" || $0.name == "b" })
    }

    @Test func outputIsDeterministic() {
        #expect(Self.rank.svg() == Self.rank.svg())
        #expect(Self.line.svg() == Self.line.svg())
    }

    @Test func missingValuesReadChuaCongBo() {
        #expect(Self.bars.svg().contains(">chưa công bố<"))
    }

    @Test func findingsSayTheDirectionInWords() {
        #expect(
            RankChart.finding(unit: "Lai Châu", year: 2024, rank: 36, groupSize: 63, previousYear: 2023, previousRank: 54)
                == "Lai Châu xếp hạng 36/63 năm 2024, tăng 18 bậc so với năm 2023")
        #expect(
            RankChart.finding(unit: "Lai Châu", year: 2023, rank: 54, groupSize: 63, previousYear: 2022, previousRank: 53)
                == "Lai Châu xếp hạng 54/63 năm 2023, giảm 1 bậc so với năm 2022")
        #expect(
            RankChart.finding(unit: "X", year: 2023, rank: 5, groupSize: 34, previousYear: 2022, previousRank: 5).hasSuffix(
                "giữ nguyên thứ hạng so với năm 2022"))
        #expect(
            RankChart.finding(unit: "X", year: 2022, rank: 5, groupSize: 63, previousYear: nil, previousRank: nil)
                == "X xếp hạng 5/63 năm 2022")
    }

    @Test func ticksEndAtTheGroupSize() {
        #expect(RankChart.ticks(groupSize: 63) == [1, 10, 20, 30, 40, 50, 63])
        #expect(RankChart.ticks(groupSize: 34) == [1, 5, 10, 15, 20, 25, 30, 34])
        #expect(RankChart.ticks(groupSize: 9) == Array(1...9))
    }

    @Test func labelsAtLineEndsDoNotOverlap() {
        let placed = LabelPlacer.spread([100, 101, 102, 300], minimumGap: 14, within: 0...400)
        #expect(placed[1] - placed[0] >= 14 && placed[2] - placed[1] >= 14 && placed[3] == 300)
        let bottom = LabelPlacer.spread([395, 396], minimumGap: 14, within: 0...400)
        #expect(bottom[1] <= 400 && bottom[1] - bottom[0] >= 14)
    }
}
