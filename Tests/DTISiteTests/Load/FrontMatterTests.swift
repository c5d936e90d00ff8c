import Testing

@testable import DTISite

@Suite struct FrontMatterTests {
    @Test func splitsFrontMatterAndBody() throws {
        let source = try MarkdownSource.parse("---\ntitle: Hạ tầng số\norder: 3\n---\n# Nội dung\n", file: "p.md")
        var d = Diagnostics()
        #expect(source.frontMatter.string("title", into: &d) == "Hạ tầng số")
        #expect(source.frontMatter.int("order", into: &d) == 3)
        #expect(source.body == "# Nội dung\n")
        #expect(source.bodyLine == 5)
        #expect(source.frontMatter.location("order") == SourceLocation(file: "p.md", line: 3, column: 1))
    }

    @Test func invalidYAMLReportsItsLine() {
        #expect {
            try MarkdownSource.parse("---\ntitle: a\nsummary: [unclosed\n---\nx", file: "y.md")
        } throws: { error in
            let d = (error as? DiagnosticError)?.diagnostics.first
            return d?.location.file == "y.md" && (d?.location.line ?? 0) >= 3 && d!.message.contains("YAML")
        }
    }

    @Test func aRepeatedKeyIsAnErrorOnItsLine() {
        #expect {
            try MarkdownSource.parse("---\ntitle: Hạ tầng số\norder: 3\ntitle: Thể chế số\n---\nx", file: "lap.md")
        } throws: { error in
            let d = (error as? DiagnosticError)?.diagnostics.first
            return d?.location.file == "lap.md" && d!.message.contains("khoá lặp lại: title")
        }
    }

    @Test func valuesStayTextAsWritten() throws {
        // Read as text and interpreted by dtisite: "yes", "0123" and dates are not changed by YAML typing.
        let source = try MarkdownSource.parse("---\ntitle: yes\nnumber: 0123/KH-UBND\ncode: 0123\nissued: 2025-02-01\n---\n", file: "t.md")
        var d = Diagnostics()
        #expect(source.frontMatter.string("title", into: &d) == "yes")
        #expect(source.frontMatter.string("code", into: &d) == "0123")
        #expect(source.frontMatter.string("issued", into: &d) == "2025-02-01")
    }

    @Test func unclosedFrontMatterIsAnError() {
        #expect(throws: DiagnosticError.self) { try MarkdownSource.parse("---\ntitle: a\n", file: "u.md") }
    }

    @Test func aliasesAreRefused() {
        #expect(throws: DiagnosticError.self) {
            try MarkdownSource.parse("---\na: &x [1, 2]\nb: *x\n---\n", file: "alias.md")
        }
    }

    @Test func unknownAndMissingKeysAreReportedWithSuggestion() throws {
        let source = try MarkdownSource.parse("---\ntitel: X\n---\n", file: "k.md")
        var d = Diagnostics()
        source.frontMatter.checkKeys(known: ["title", "summary"], required: ["title"], into: &d)
        #expect(d.errors.count == 2)
        #expect(d.errors.contains { $0.message.contains("\"titel\"") && $0.message.contains("\"title\"") && $0.location.line == 2 })
        #expect(d.errors.contains { $0.message.contains("thiếu khoá \"title\"") })
    }
}
