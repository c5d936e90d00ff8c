import Foundation
import Testing
@testable import DTISite

@Suite struct DataTableTests {
    let table = DataTable(
        id: "t", title: "Bảng",
        columns: [.init("unit", "Đơn vị"), .init("index", "Chỉ số", .decimal, fractionDigits: 4), .init("rank", "Hạng", .integer)],
        rows: [[.text("=HYPERLINK(\"http://x\")"), .number(Decimal(string: "0.7056")!), .number(36)],
               [.text("Lai Châu"), .missing, .missing]])

    @Test func csvNeutralisesFormulasAndKeepsMachineNumbers() {
        let csv = table.csv()
        #expect(csv.hasPrefix("\u{FEFF}unit,index,rank\r\n"))
        #expect(csv.contains("\"'=HYPERLINK(\"\"http://x\"\")\",0.7056,36\r\n"))
        #expect(csv.contains("Lai Châu,,\r\n"))
    }

    @Test func jsonHasSchemaAndNulls() throws {
        let object = try JSONSerialization.jsonObject(with: Data(table.json().utf8)) as? [String: Any]
        let rows = object?["rows"] as? [[String: Any]]
        #expect((rows?[0]["index"] as? NSNumber)?.doubleValue == 0.7056)
        #expect(rows?[1]["index"] is NSNull)
        #expect(table.json().contains("\"index\" : 0.7056"))
        let columns = object?["columns"] as? [[String: String]]
        #expect(columns?.map { $0["type"] ?? "" } == ["string", "number", "number"])
    }

    @Test func missingReadsChuaCongBo() {
        #expect(DataTable.display(.missing, column: table.columns[1]) == "chưa công bố")
        #expect(DataTable.display(.number(Decimal(string: "0.7056")!), column: table.columns[1]) == "0,7056")
    }
}
