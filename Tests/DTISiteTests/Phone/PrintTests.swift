import Foundation
import Testing

@testable import DTISite

/// The overview and the VNeID page printed by headless Chromium (where it is installed), with the
/// stylesheet's page size: A4 paper, a bounded number of pages, nothing wider than the printed line,
/// and no toggle or button on paper.
@Suite struct PrintTests {
    /// Pages measured: the overview 4 (5 before its print fixes, and its 12-column table was cut at
    /// the right edge), the VNeID page of Bảo Yên (17 communes, 23 notes) 5; one page of slack each.
    static let pages: [(path: String, most: Int)] = [("", 5), ("vneid/bao-yen/", 6)]
    /// What a reader clicks, which paper cannot: the data and embed toggles, the copy buttons, the
    /// menu (with its search link), the skip link and the search field.
    static let hidden = [
        "details.chart-data", "details.chart-embed-code", ".copy-button", ".site-nav", ".skip-link", ".search-form", ".chart-links"
    ]
    /// A4 at 72 points an inch: 595.28 × 841.89.
    static let a4 = (width: 595.28, height: 841.89)

    /// The page boxes and the page count of a PDF that Chromium wrote (its dictionaries are not compressed).
    static func pdfPages(_ data: Data) -> (boxes: [[Double]], count: Int?) {
        let text = String(decoding: data, as: UTF8.self)
        let boxes = text.components(separatedBy: "/MediaBox").dropFirst().compactMap { piece -> [Double]? in
            guard let open = piece.firstIndex(of: "["), let close = piece.firstIndex(of: "]") else { return nil }
            return piece[piece.index(after: open)..<close].split(separator: " ").compactMap { Double($0) }
        }
        let count = text.components(separatedBy: "/Count ").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }.max()
        return (boxes, count)
    }

    @Test(.enabled(if: BrowserTools.chromium != nil), .timeLimit(.minutes(4)))
    func printsOnA4WithoutTogglesOrButtons() throws {
        let served = try ServedSite("print")
        defer { served.stop() }
        let browser = served.browser
        for (path, most) in Self.pages {
            try browser.emulate(width: 1280)
            try browser.navigate(served.url(path))
            let pdf = try browser.send("Page.printToPDF", ["preferCSSPageSize": true], timeout: 120)
            let data = try #require(Data(base64Encoded: pdf["data"] as? String ?? ""))
            let (boxes, count) = Self.pdfPages(data)
            #expect(!boxes.isEmpty, "/cds/\(path): no page box in the PDF")
            for box in boxes {
                #expect(
                    box.count == 4 && abs(box[2] - box[0] - Self.a4.width) <= 2 && abs(box[3] - box[1] - Self.a4.height) <= 2,
                    "/cds/\(path): page box \(box), not A4")
            }
            let pages = try #require(count, "/cds/\(path): no page count in the PDF")
            #expect(pages >= 1 && pages <= most, "/cds/\(path): \(pages) pages (at most \(most))")

            // The same page as paper sees it: the line of A4 between the margins (174 mm, 658 px).
            try browser.emulate(width: 658, print: true)
            _ = try browser.wait(for: "matchMedia('print').matches")
            let copyButtons = try browser.evaluate("document.querySelectorAll('.copy-button').length") as? Int ?? 0
            #expect(copyButtons > 0 || !path.isEmpty, "/cds/\(path): the copy buttons were not made")
            let selectors = String(decoding: try JSONSerialization.data(withJSONObject: Self.hidden), as: UTF8.self)
            let shown =
                try browser.evaluate(
                    """
                    \(selectors).flatMap(s => Array.from(document.querySelectorAll(s))
                      .filter(e => getComputedStyle(e).display !== 'none' && !e.closest('[hidden]'))
                      .filter(e => { let p = e.parentElement; while (p) { if (getComputedStyle(p).display === 'none') return false; p = p.parentElement; } return true; })
                      .map(e => s))
                    """) as? [String] ?? []
            #expect(shown.isEmpty, "/cds/\(path): printed although it is a control: \(shown)")
            let width = try browser.evaluate("document.scrollingElement.scrollWidth") as? Int ?? 0
            #expect(width <= 658, "/cds/\(path): \(width) px wide on a 658 px printed line")
        }
    }
}
