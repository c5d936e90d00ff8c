import Foundation
import Testing

@testable import DTISite

/// The default site as headless Chromium draws it (where Chromium is installed): axe-core finds no
/// serious or critical accessibility problem on the main kinds of page, in light and dark mode, on a
/// phone and a desktop; and on 390 px, 360 px and 320 px phones every chart fits its box and the
/// screen, its smallest text is drawn at 12 px or more, nothing scrolls sideways and every table's
/// first column is on screen.
@Suite(.serialized) struct BrowserAuditTests {
    static let axePages =
        BrowserTools.phonePages + ["nhung/xep-hang-lai-chau/", "nhung/chi-so-lai-chau/?theme=dark", "404.html", "tim-kiem/?q=ha+tang+so"]

    @Test(.enabled(if: BrowserTools.chromium != nil && BrowserTools.axe != nil), .timeLimit(.minutes(8)))
    func axeFindsNoSeriousViolations() throws {
        let axe = try String(contentsOfFile: BrowserTools.axe!, encoding: .utf8)
        let served = try ServedSite("axe")
        defer { served.stop() }
        let browser = served.browser
        // axe is put into each page through the protocol, which the pages' Content-Security-Policy allows.
        try browser.send("Page.setBypassCSP", ["enabled": true])
        var problems: [String] = []
        var audits = 0
        for width in [390, 1280] {
            for dark in [false, true] {
                try browser.emulate(width: width, dark: dark)
                for page in Self.axePages {
                    try browser.navigate(served.url(page))
                    let scheme = try browser.evaluate("matchMedia('(prefers-color-scheme: dark)').matches") as? Bool
                    #expect(scheme == dark, "\(page): the dark mode was not applied")
                    if page.hasPrefix("tim-kiem/") {
                        _ = try browser.wait(for: "document.querySelectorAll('#search-results a').length > 0")
                    }
                    // The data tables and embed snippets behind each chart's toggles are audited too.
                    _ = try browser.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; }); true")
                    if try browser.evaluate("!!window.axe") as? Bool != true { _ = try browser.evaluate(axe + ";true") }
                    let found =
                        try browser.evaluate(
                            awaiting: """
                                axe.run(document, {resultTypes: ['violations']}).then(r => r.violations
                                  .filter(v => v.impact === 'serious' || v.impact === 'critical')
                                  .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(', ')))
                                """) as? [String] ?? []
                    audits += 1
                    problems += found.map { "\(width) px, \(dark ? "dark" : "light"), /cds/\(page): \($0)" }
                    let faint = try browser.evaluate(Self.chartTextContrast) as? [String] ?? []
                    problems += faint.map { "\(width) px, \(dark ? "dark" : "light"), /cds/\(page): chart text \($0)" }
                }
            }
        }
        #expect(audits == Self.axePages.count * 4)
        #expect(problems.isEmpty, "\(problems.count) serious violations:\n\(problems.joined(separator: "\n"))")
    }

    /// axe leaves the contrast of SVG text undecided ("incomplete"): the chart text shown is checked
    /// here, its fill against the background of the chart's box, at 4.5:1 (WCAG AA for text under 18 px).
    static let chartTextContrast = """
        (() => {
          const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
          const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
            .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
          const background = e => {
            for (let p = e; p; p = p.parentElement) { const c = rgb(getComputedStyle(p).backgroundColor); if (c.length === 3 || c[3] > 0) return c; }
            return [255, 255, 255];
          };
          const low = [];
          for (const t of document.querySelectorAll('svg.dti-chart text')) {
            if (!t.getClientRects().length || !t.textContent.trim()) continue;
            const a = lum(rgb(getComputedStyle(t).fill)), b = lum(background(t.closest('svg').parentElement));
            const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
            if (ratio < 4.5) low.push('"' + t.textContent + '" (' + t.getAttribute('class') + ') at ' + ratio.toFixed(2) + ':1');
          }
          return low.slice(0, 5);
        })()
        """

    /// Measures the page in the browser: the rendered charts (box, container, smallest text as drawn),
    /// the width the document scrolls to and the first cell of each table. Every table's `<details>`
    /// is opened first, so that the chart data tables are measured too. Returns the problems found and
    /// the numbers.
    static let measure = """
        (() => {
          document.querySelectorAll('details').forEach(d => { d.open = true; });
          const vw = document.documentElement.clientWidth, problems = [], charts = [];
          for (const svg of document.querySelectorAll('svg.dti-chart')) {
            const r = svg.getBoundingClientRect();
            if (r.width === 0 || getComputedStyle(svg).display === 'none') continue;
            const box = (svg.closest('.chart-svg') || svg.parentElement).getBoundingClientRect();
            const view = svg.viewBox.baseVal, scale = view && view.width ? r.width / view.width : 1;
            let smallest = Infinity, text = '';
            for (const t of svg.querySelectorAll('text')) {
              const size = parseFloat(getComputedStyle(t).fontSize) * scale;
              if (size < smallest) { smallest = size; text = t.textContent; }
            }
            charts.push(svg.id + ' ' + smallest.toFixed(2) + ' px');
            if (r.left < box.left - 0.5 || r.right > box.right + 0.5)
              problems.push(svg.id + ' spans ' + r.left.toFixed(1) + '–' + r.right.toFixed(1) + ', its box ' + box.left.toFixed(1) + '–' + box.right.toFixed(1));
            if (r.left < -0.5 || r.right > vw + 0.5) problems.push(svg.id + ' spans ' + r.left.toFixed(1) + '–' + r.right.toFixed(1) + ' on a ' + vw + ' px screen');
            if (smallest < 12) problems.push(svg.id + ': "' + text + '" drawn at ' + smallest.toFixed(2) + ' px');
          }
          let tables = 0;
          for (const table of document.querySelectorAll('table')) {
            const row = table.querySelector('tbody tr');
            if (!row || table.getBoundingClientRect().width === 0) continue;
            tables += 1;
            const first = row.cells[0].getBoundingClientRect();
            const scroller = table.closest('.table-scroll'), frame = scroller ? scroller.getBoundingClientRect() : { left: 0, right: vw };
            const name = table.caption ? table.caption.textContent.trim().slice(0, 50) : 'table';
            if (first.width === 0 || first.left < Math.max(0, frame.left) - 0.5 || first.right > Math.min(vw, frame.right) + 0.5)
              problems.push('"' + name + '": first cell at ' + first.left.toFixed(1) + '–' + first.right.toFixed(1) + ' on a ' + vw + ' px screen');
          }
          const scrollWidth = document.scrollingElement.scrollWidth;
          if (scrollWidth > vw) problems.push('the page scrolls sideways: ' + scrollWidth + ' px wide on a ' + vw + ' px screen');
          return { problems, charts, tables, scrollWidth };
        })()
        """

    @Test(.enabled(if: BrowserTools.chromium != nil), .timeLimit(.minutes(4)))
    func phonesShowWholeChartsReadableTextAndNoSidewaysScroll() throws {
        let served = try ServedSite("measure")
        defer { served.stop() }
        let browser = served.browser
        var chartsSeen = 0
        var smallest: [Int: Double] = [:]
        for width in [390, 360, 320] {
            try browser.emulate(width: width)
            for page in BrowserTools.phonePages {
                try browser.navigate(served.url(page))
                let result = try #require(try browser.evaluate(Self.measure) as? [String: Any])
                let problems = result["problems"] as? [String] ?? []
                let charts = result["charts"] as? [String] ?? []
                chartsSeen += charts.count
                for chart in charts {
                    let size = chart.split(separator: " ").dropLast().last.flatMap { Double($0) } ?? 0
                    smallest[width] = min(smallest[width] ?? .infinity, size)
                }
                #expect(
                    problems.isEmpty,
                    "\(width) px, /cds/\(page): \(problems.joined(separator: "; ")) (charts: \(charts.joined(separator: ", ")); page \(result["scrollWidth"] ?? "?") px wide)"
                )
                #expect((result["tables"] as? Int ?? 0) > 0 || page.isEmpty, "\(width) px, /cds/\(page): no table measured")
            }
        }
        // The overview has three charts, the pillar page two, the VNeID page one: at each width.
        #expect(chartsSeen >= 18, "\(chartsSeen) charts measured")
        // The smallest chart text of all pages, by screen width: 12 px or more down to 320 px.
        for width in [390, 360, 320] {
            #expect((smallest[width] ?? 0) >= 12, "\(width) px: smallest chart text \(smallest[width] ?? 0) px")
        }
    }
}
