import CRSVG
import Foundation
import Testing

@testable import DTISite

/// The PNG copies of the charts, drawn by librsvg: a real PNG at twice the chart's size, on white, in
/// the light palette, with the chart's marks and text in it.
@Suite struct ChartRasterTests {
    static let heading = ChartHeading(title: "Thứ hạng DTI", source: "Nguồn: dti.gov.vn")

    @Test func aStandaloneChartBecomesAPNGOfTwiceItsSize() throws {
        let svg = ChartTests.rank.svg(heading: Self.heading)
        let png = try #require(ChartRaster.png(standalone: svg))
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let (width, height) = try #require(ChartRaster.viewBox(svg))
        #expect(Self.size(png) == (Int(width * 2), Int(height * 2)))
        #expect(Self.size(png).0 >= 1200)
        // A blank image compresses to almost nothing; a drawn chart does not.
        #expect(png.count > 8_000, "\(png.count) bytes")
    }

    @Test func theLightPaletteIsWrittenOut() {
        #expect(!ChartStyle.resolved.contains("var("))
        #expect(!ChartStyle.resolved.contains("@media"))
        #expect(ChartStyle.resolved.contains(".dti-chart .main{fill:none;stroke:#0072b2;"))
        #expect(ChartStyle.resolved.contains(".dti-chart .bg{fill:#ffffff;}"))
        let printable = ChartRaster.printable(ChartTests.bars.svg(heading: Self.heading))
        #expect(!printable.contains("var(--") && printable.contains("#0072b2"))
    }

    @Test func eachKindOfChartIsDrawn() throws {
        for svg in [ChartTests.line.svg(heading: Self.heading), ChartTests.bars.svg(heading: Self.heading)] {
            let png = try #require(ChartRaster.png(standalone: svg))
            #expect(png.count > 5_000)
        }
        #expect(ChartRaster.png(standalone: "<svg") == nil)
    }

    /// A PNG is drawn again only when its SVG changed or its file is not intact; otherwise kept.
    @Test func aPNGWhoseSVGDidNotChangeIsKept() throws {
        func chart(_ summary: String) -> PublishedChart {
            let svg = ChartTests.line.svg(heading: ChartHeading(title: summary, source: nil))
            return PublishedChart(id: "chi-so", title: "Chỉ số", summary: summary, svg: svg, standalone: svg, table: nil)
        }
        var diagnostics = Diagnostics()
        var first = RenderReuse()
        let drawn = ChartRasters.files(for: [chart("A"), chart("A")], reuse: &first, into: &diagnostics)
        #expect(drawn.count == 1 && drawn[0].keptSize == nil && drawn[0].contents.count > 1_000)
        let hash = try #require(first.current["bieu-do/chi-so.png"])

        var same = RenderReuse(previous: first.current, sizes: ["bieu-do/chi-so.png": drawn[0].contents.count])
        let kept = ChartRasters.files(for: [chart("A")], reuse: &same, into: &diagnostics)
        #expect(kept[0].keptSize == drawn[0].contents.count && kept[0].contents.isEmpty)
        #expect(same.current["bieu-do/chi-so.png"] == hash)

        var changed = RenderReuse(previous: first.current, sizes: ["bieu-do/chi-so.png": drawn[0].contents.count])
        let redrawn = ChartRasters.files(for: [chart("B")], reuse: &changed, into: &diagnostics)
        #expect(redrawn[0].keptSize == nil && changed.current["bieu-do/chi-so.png"] != hash)

        // The previous file is not intact (the writer did not vouch for it): drawn again.
        var damaged = RenderReuse(previous: first.current, sizes: [:])
        #expect(ChartRasters.files(for: [chart("A")], reuse: &damaged, into: &diagnostics)[0].keptSize == nil)
        #expect(diagnostics.all.isEmpty)
    }

    /// The encoder's PNG reads back: its pixels, unfiltered, are the chart on white with the unit's blue line.
    @Test func thePixelsReadBack() throws {
        let png = try #require(ChartRaster.png(standalone: ChartTests.line.svg(heading: Self.heading)))
        let (width, height) = Self.size(png)
        let pixels = try Self.pixels(png, width: width, height: height)
        #expect(pixels[0] == (255, 255, 255) && pixels[pixels.count - 1] == (255, 255, 255))
        #expect(pixels.contains { $0 == (0x00, 0x72, 0xB2) })
        #expect(pixels.filter { $0 != (255, 255, 255) }.count > width * 20)
    }

    /// The RGB pixels of a PNG of one IDAT chunk with "Sub" filtered rows, as dtisite writes them.
    static func pixels(_ png: [UInt8], width: Int, height: Int) throws -> [(UInt8, UInt8, UInt8)] {
        func int(_ at: Int) -> Int { png[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        var at = 8
        var data: [UInt8] = []
        while at < png.count {
            let length = int(at)
            if String(decoding: png[at + 4..<at + 8], as: UTF8.self) == "IDAT" { data += png[at + 8..<at + 8 + length] }
            at += 12 + length
        }
        var raw = [UInt8](repeating: 0, count: (1 + width * 3) * height)
        var size = uLong(raw.count)
        #expect(uncompress(&raw, &size, data, uLong(data.count)) == Z_OK)
        var pixels: [(UInt8, UInt8, UInt8)] = []
        for y in 0..<height {
            let row = y * (1 + width * 3)
            #expect(raw[row] == 1)
            var left: (UInt8, UInt8, UInt8) = (0, 0, 0)
            for x in 0..<width {
                let o = row + 1 + x * 3
                left = (raw[o] &+ left.0, raw[o + 1] &+ left.1, raw[o + 2] &+ left.2)
                pixels.append(left)
            }
        }
        return pixels
    }

    /// Width and height from the PNG's IHDR chunk.
    static func size(_ png: [UInt8]) -> (Int, Int) {
        func int(_ at: Int) -> Int { png[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (int(16), int(20))
    }
}
