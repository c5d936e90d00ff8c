import Foundation
import Testing

@testable import DTISite

/// The line chart's labels keep apart: in the wide drawing the latest value of the unit's line goes
/// into its end label ("Lai Châu 0,8690") instead of over the point next to the name; in both
/// drawings a value label is put below its point when another line passes where it would be above.
@Suite struct ChartLabelTests {
    /// Hạ tầng số of Lai Châu: in 2024 the unit (0,8690) is just under the average (0,8746).
    static let pillar = LineChart(
        id: "gia-tri-ha-tang-so-lai-chau", title: "Hạ tầng số", summary: "Hạ tầng số của Lai Châu năm 2024 đạt 0,8690",
        years: [2022, 2023, 2024],
        series: [
            .init(label: "Lai Châu", values: [2022: 0.324, 2023: 0.5659, 2024: 0.869], role: .main),
            .init(label: "Trung bình", values: [2022: 0.6168, 2023: 0.6879, 2024: 0.8746], role: .average),
            .init(label: "Cao nhất", values: [2022: 0.8258, 2023: 0.8364, 2024: 1], role: .best)
        ])

    /// Each text's box, estimated as `PhoneLayoutTests.textFits` does (0.56 of the size a character),
    /// from 0.8 of its size above the baseline to 0.2 below.
    static func boxes(_ svg: String) throws -> [(text: String, x: ClosedRange<Double>, y: ClosedRange<Double>)] {
        let parsed = try #require(ChartTests.parse(svg))
        return parsed.elements.filter { $0.name == "text" }.map { text in
            let x = Double(text.attributes["x"] ?? "0") ?? 0, y = Double(text.attributes["y"] ?? "0") ?? 0
            let cls = text.attributes["class"] ?? ""
            let size = cls.contains("heading") ? 15.0 : cls.contains("value") || ["tick", "axis-label"].contains(cls) ? 12.0 : 13.0
            let length = Double(text.text.count) * size * 0.56
            let from =
                switch text.attributes["text-anchor"] {
                case "end": x - length
                case "middle": x - length / 2
                default: x
                }
            return (text.text, from...(from + length), (y - size * 0.8)...(y + size * 0.2))
        }
    }

    static func overlaps(_ svg: String) throws -> [String] {
        let all = try boxes(svg)
        var found: [String] = []
        for (i, a) in all.enumerated() {
            for b in all[(i + 1)...] where a.x.overlaps(b.x) && a.y.overlaps(b.y) {
                found.append("\"\(a.text)\" \(a.x) \(a.y) and \"\(b.text)\" \(b.x) \(b.y)")
            }
        }
        return found
    }

    @Test func theLatestValueIsInTheEndLabelAndNoLabelsTouch() throws {
        for chart in [Self.pillar, ChartTests.line] {
            let wide = chart.svg()
            let overlaps = try Self.overlaps(wide)
            #expect(overlaps.isEmpty, "\(chart.id): \(overlaps)")
            let main = chart.series.first { $0.role == .main }
            let value = VietnameseFormat.decimal(main?.values[2024] ?? 0, fractionDigits: 4)
            let texts = try Self.boxes(wide).map(\.text)
            #expect(texts.contains("Lai Châu " + value) && !texts.contains(value), "\(texts)")
            var narrow = chart
            narrow.compact = true
            let narrowOverlaps = try Self.overlaps(narrow.svg(inline: true))
            #expect(narrowOverlaps.isEmpty, "\(chart.id), narrow: \(narrowOverlaps)")
        }
    }

    @Test func aValueLabelGoesBelowWhenAnotherLinePassesAbove() {
        var narrow = ChartTests.line
        narrow.compact = true
        // 2022: 0,5032 with the average at 0,5787 just above it in the short narrow plot.
        let y = narrow.yScale(0.5032)
        #expect(narrow.valueLabelY(year: 2022, value: 0.5032) == y + 22)
        // The wide drawing: in 2023 the average (0,6783) passes 16 units over 0,6185, where its label would be;
        // Hạ tầng số's average (0,6879) is 33 units over 0,5659, clear of it: that label stays above.
        #expect(ChartTests.line.valueLabelY(year: 2023, value: 0.6185) == ChartTests.line.yScale(0.6185) + 22)
        #expect(Self.pillar.valueLabelY(year: 2023, value: 0.5659) == Self.pillar.yScale(0.5659) - 11)
    }

    @Test func aLongNameKeepsTheValueBesideThePoint() throws {
        var chart = Self.pillar
        chart.series[0].label = "Thành phố Hồ Chí Minh mới sau sáp nhập"
        #expect(!chart.valueAtEnd(chart.series[0]))
        let boxes = try Self.boxes(chart.svg())
        let value = try #require(boxes.first { $0.text == "0,8690" })
        #expect(value.x.upperBound <= chart.x(2024))
        #expect(try Self.overlaps(chart.svg()).isEmpty)
    }
}
