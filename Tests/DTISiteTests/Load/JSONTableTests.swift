import Foundation
import Testing

@testable import DTISite

@Suite struct JSONTableTests {
    @Test func arrayOfObjectsBecomesATableWithLines() throws {
        let text = """
            [
              {"year": 2024, "group": "G", "unit": "Lai Châu", "rank": 36, "index": 0.7056},
              {"year": 2023, "group": "G", "unit": "Lai Châu", "rank": 54, "index": 0.6185, "ha-tang-so": null}
            ]
            """
        let table = try JSONTable.parse(text, file: "dti.json")
        #expect(table.rows.map(\.line) == [2, 3])
        var d = Diagnostics()
        let reader = TableReader(table, required: ["year", "index"], optional: ["group", "unit", "rank", "ha-tang-so"], into: &d)
        #expect(d.all.isEmpty)
        #expect(reader.decimal(table.rows[0], "index", into: &d) == Decimal(string: "0.7056"))
        #expect(reader.int(table.rows[1], "rank", into: &d) == 54)
        #expect(reader.text(table.rows[1], "ha-tang-so") == nil)
    }

    @Test func notAnArrayIsAnError() {
        #expect(throws: DiagnosticError.self) { try JSONTable.parse("{\"a\": 1}", file: "x.json") }
        #expect(throws: DiagnosticError.self) { try JSONTable.parse("[1, 2]", file: "x.json") }
        #expect(throws: DiagnosticError.self) { try JSONTable.parse("[{\"a\": ", file: "x.json") }
    }
}
