import Foundation
import Testing

@testable import DTISite

@Suite struct RawTableTests {
    @Test func readsCommaSeparatedWithHeader() throws {
        let table = try RawTable.parse(text: "year,unit,index\n2024,Lai Châu,0.7056\n", file: "t.csv")
        #expect(table.header == ["year", "unit", "index"])
        #expect(table.rows.count == 1)
        #expect(table.rows[0].fields == ["2024", "Lai Châu", "0.7056"])
        #expect(table.rows[0].line == 2)
    }

    @Test func excelVariants() throws {
        // UTF-8 BOM, semicolon delimiter, Vietnamese decimal comma, CRLF line endings.
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("year;unit;index\r\n2024;Lai Châu;0,7056\r\n2023;\"Điện; Biên\";0,5\r\n".utf8)
        let table = try RawTable.parse(Data(bytes), file: "excel.csv")
        #expect(table.delimiter == ";")
        #expect(table.header == ["year", "unit", "index"])
        #expect(table.rows.map(\.fields) == [["2024", "Lai Châu", "0,7056"], ["2023", "Điện; Biên", "0,5"]])
        #expect(NumberParser.decimal("0,7056") == Decimal(string: "0.7056"))
    }

    @Test func utf16WithBOMIsRead() throws {
        var data = Data([0xFF, 0xFE])
        data.append("a\tb\r\n1\t2\r\n".data(using: .utf16LittleEndian)!)
        let table = try RawTable.parse(data, file: "u16.csv")
        #expect(table.delimiter == "\t")
        #expect(table.rows[0].fields == ["1", "2"])
    }

    @Test func rowNumbersFollowTheSpreadsheetAcrossMultiLineCells() throws {
        let table = try RawTable.parse(text: "a,b\n1,\"two\nlines\"\n3,4\n", file: "m.csv")
        #expect(table.rows.map(\.line) == [2, 4])
    }

    @Test func invalidUTF8NamesTheLine() {
        let bytes: [UInt8] = Array("a,b\n1,2\n".utf8) + [0x41, 0xC3, 0x28] + Array("\n".utf8)
        #expect {
            try RawTable.parse(Data(bytes), file: "bad.csv")
        } throws: { error in
            guard let error = error as? DiagnosticError else { return false }
            return error.diagnostics.first?.location.line == 3 && error.description.contains("UTF-8")
        }
    }

    @Test func unterminatedQuoteIsAnErrorAtTheQuote() {
        #expect {
            try RawTable.parse(text: "a,b\n1,2\n3,\"open\n4,5\n", file: "q.csv")
        } throws: { error in
            let d = (error as? DiagnosticError)?.diagnostics.first
            return d?.location == SourceLocation(file: "q.csv", line: 3, column: 3) && d!.message.contains("ngoặc kép")
        }
    }

    @Test func wrongColumnCountNamesRowAndCounts() {
        #expect {
            try RawTable.parse(text: "a,b,c\n1,2,3\n4,5\n", file: "w.csv")
        } throws: { error in
            let d = (error as? DiagnosticError)?.diagnostics.first
            return d?.location.line == 3 && d!.message.contains("2 ô") && d!.message.contains("3 cột")
        }
    }

    @Test func emptyFileIsAnError() {
        #expect(throws: DiagnosticError.self) { try RawTable.parse(text: "  \n", file: "e.csv") }
    }

    @Test func duplicateHeaderIsAnError() {
        #expect(throws: DiagnosticError.self) { try RawTable.parse(text: "a,a\n1,2\n", file: "d.csv") }
    }

    @Test func cellNamesLikeExcel() {
        #expect(RawTable.cellName(row: 14, column: 2) == "C14")
        #expect(RawTable.cellName(row: 1, column: 26) == "AA1")
    }

    @Test func numbersAsVietnameseTypeThem() {
        #expect(NumberParser.decimal("0.5478") == Decimal(string: "0.5478"))
        #expect(NumberParser.decimal("77%") == 77)
        #expect(NumberParser.decimal("1.234,5") == Decimal(string: "1234.5"))
        #expect(NumberParser.decimal("abc") == nil)
        #expect(NumberParser.decimal("1-2") == nil)
        #expect(NumberParser.integer("5.800") == 5800)
        #expect(NumberParser.integer("5 800") == 5800)
        #expect(NumberParser.integer("5.8") == nil)
    }
}
