import Testing

@testable import DTISite

@Suite struct MarkdownRendererTests {
    let renderer = MarkdownRenderer(basePath: "/cds/", allowRawHTML: false)

    @Test func headingsGetStableVietnameseIDs() {
        let result = renderer.render("## Mục tiêu đến năm 2025\n\n## Mục tiêu đến năm 2025\n", file: "a.md")
        #expect(result.headings.map(\.id) == ["muc-tieu-den-nam-2025", "muc-tieu-den-nam-2025-2"])
        #expect(result.html.contains("<h2><span class=\"anchor\" id=\"muc-tieu-den-nam-2025\"></span>Mục tiêu đến năm 2025</h2>"))
    }

    @Test func rawHTMLIsDroppedUnlessAllowed() {
        let text = "Trước\n\n<script>alert(1)</script>\n\nvà <b onclick=\"x()\">đậm</b>\n"
        let result = renderer.render(text, file: "h.md")
        #expect(!result.html.contains("<script"))
        #expect(!result.html.contains("onclick"))
        #expect(result.diagnostics.contains { $0.severity == .warning && $0.location.line == 3 })
        let allowed = MarkdownRenderer(basePath: "/", allowRawHTML: true).render(text, file: "h.md")
        #expect(allowed.html.contains("<b onclick"))
    }

    @Test func dangerousLinksAreRemovedAndInternalOnesGetTheBasePath() {
        let result = renderer.render(
            "[a](javascript:alert(1)) [b](/tru-cot/ha-tang-so/) [c](https://dti.gov.vn) [d](JaVaScRiPt:x)", file: "l.md")
        #expect(!result.html.lowercased().contains("javascript"))
        #expect(result.html.contains("href=\"/cds/tru-cot/ha-tang-so/\""))
        #expect(result.html.contains("href=\"https://dti.gov.vn\""))
        #expect(result.diagnostics.filter { $0.message.contains("không an toàn") }.count == 2)
    }

    @Test func pipeTablesAreReportedWithAdvice() {
        let result = renderer.render("Đoạn\n\n| Xã | Tỷ lệ |\n|---|---|\n| A | 1 |\n", file: "t.md", firstLine: 10)
        let warning = result.diagnostics.first { $0.message.contains("CSV") }
        #expect(warning?.location.line == 12)
    }

    @Test func customElementsAreParsed() {
        let element = CustomElement.parse("<dti-chart kind=\"rank\" unit='lai-chau'></dti-chart>\n")
        #expect(element == CustomElement(name: "dti-chart", attributes: ["kind": "rank", "unit": "lai-chau"]))
        #expect(CustomElement.parse("<div>") == nil)
        #expect(CustomElement.parse("<dti-chart kind=\"rank\"><script>") == nil)
    }

    @Test func deepNestingDoesNotCrash() {
        let deep = String(repeating: ">", count: 10_000) + " x\n" + String(repeating: "[", count: 10_000)
        let result = renderer.render(deep, file: "deep.md")
        #expect(result.html.contains("x"))
    }
}

@Suite struct HeadingIDTests {
    @Test func headingsDoNotTakeTheThemesIDs() {
        let result = MarkdownRenderer(basePath: "/", allowRawHTML: false).render("## Nội dung\n", file: "a.md")
        #expect(result.headings.first?.id == "noi-dung-2")
    }
}
