import Foundation
import Testing

@testable import DTISite

@Suite struct PageRulesTests {
    /// `_index.md` is checked like every page: a misspelt key is an error with the key it meant.
    @Test func theOverviewTextHasItsKeysChecked() throws {
        let source = try MarkdownSource.parse("---\ntitle: Trang chủ\nsumary: Giới thiệu\n---\nNội dung.\n", file: "Content/_index.md")
        var diagnostics = Diagnostics()
        let page = PageRules.home(source, into: &diagnostics)
        #expect(page.title == "Trang chủ")
        let errors = diagnostics.errors
        #expect(errors.count == 1)
        #expect(errors.first?.location == SourceLocation(file: "Content/_index.md", line: 3, column: 1))
        #expect(errors.first?.message.contains("có phải \"summary\"?") == true, "\(errors)")
    }
}
