import Foundation
import PropertyBased
import Testing

@testable import DTISite

/// Property-based tests of the parsers that take user files: whatever the bytes, they return a value
/// or a diagnostic with a place in the file — they never crash or hang. Bounded counts keep CI fast.
@Suite struct FuzzTests {
    static let csvAlphabet: [Character] = Array("ab1,;\"\n\r\t =+-@<>&'ăđ\u{FEFF}")
    static let markdownAlphabet: [Character] = Array("ab#*_`[]()<>!-|\n >=\"'/:&ăđ")

    @Test func csvParserReturnsATableOrADiagnostic() async {
        await propertyCheck(count: 300, input: Gen.element(of: Self.csvAlphabet).array(of: 0...120)) { characters in
            let text = String(characters.compactMap { $0 })
            do {
                let table = try RawTable.parse(text: text, file: "f.csv")
                #expect(table.rows.allSatisfy { $0.fields.count == table.header.count })
                #expect(zip(table.rows, table.rows.dropFirst()).allSatisfy { $0.line < $1.line })
            } catch let error as DiagnosticError {
                #expect(error.diagnostics.allSatisfy { $0.location.file == "f.csv" && $0.location.line >= 1 })
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
    }

    @Test func frontMatterParserReturnsASourceOrADiagnostic() async {
        let alphabet: [Character] = Array("ab:-\n &*[]{}'\"#|>!%@`ă")
        await propertyCheck(count: 300, input: Gen.element(of: alphabet).array(of: 0...80)) { characters in
            let yaml = String(characters.compactMap { $0 })
            let text = "---\n" + yaml + "\n---\nthân bài\n"
            do {
                let source = try MarkdownSource.parse(text, file: "f.md")
                #expect(source.body.hasSuffix("thân bài\n"))
            } catch let error as DiagnosticError {
                #expect(error.diagnostics.allSatisfy { $0.location.file == "f.md" && $0.location.line >= 1 })
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
    }

    @Test func markdownNeverLetsRawHTMLOrScriptURLsThrough() async {
        let renderer = MarkdownRenderer(basePath: "/cds/", allowRawHTML: false)
        let pieces = [
            "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))",
            "[x](JAVASCRIPT:alert(1))", "<dti-chart kind=\"rank\" unit=\"<b>\">", "![i](data:text/html,<script>)",
            "## Tiêu đề", "- mục", "| a | b |\n|---|---|", "\n", "văn bản"
        ]
        await propertyCheck(
            count: 300, input: Gen.element(of: pieces).array(of: 0...12), Gen.element(of: Self.markdownAlphabet).array(of: 0...40)
        ) { parts, noiseCharacters in
            let noise = String(noiseCharacters.compactMap { $0 })
            let result = renderer.render(parts.compactMap { $0 }.joined(separator: "\n") + noise, file: "f.md")
            let html = result.html.lowercased()
            #expect(!html.contains("<script"))
            #expect(!html.contains("onerror"))
            #expect(!html.contains("javascript:"))
            #expect(!html.contains("data:text"))
        }
    }

    @Test func customElementParserIsTotal() async {
        let alphabet: [Character] = Array("<>/=\"' dti-chartkindunx")
        await propertyCheck(count: 500, input: Gen.element(of: alphabet).array(of: 0...60)) { characters in
            let text = String(characters.compactMap { $0 })
            if let element = CustomElement.parse(text) { #expect(element.name == "dti-chart") }
        }
    }
}
