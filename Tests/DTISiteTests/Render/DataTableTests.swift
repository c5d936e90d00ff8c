import Foundation
import Testing

@testable import DTISite

@Suite struct DataTableTests {
    let table = DataTable(
        id: "t", title: "Bảng",
        columns: [.init("unit", "Đơn vị"), .init("index", "Chỉ số", .decimal, fractionDigits: 4), .init("rank", "Hạng", .integer)],
        rows: [
            [.text("=HYPERLINK(\"http://x\")"), .number(Decimal(string: "0.7056")!), .number(36)],
            [.text("Lai Châu"), .missing, .missing]
        ])

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

    @Test func bodyRowsAreEscapedLinkedAndMarked() {
        var linked = table
        linked.rows.append([.text("<script>alert(1)</script>"), .number(Decimal(string: "0.5")!), .number(1234)])
        linked.links = [1: "/tru-cot/ha-tang-so/?a=1&b=\"2\""]
        linked.highlighted = [1]
        linked.linkColumn = 2
        linked.columnLinks = [2: "/xep-hang/2024/"]
        let lines = linked.bodyHTML(phrases: .vietnamese).split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(
            lines[0]
                == "<tr><th scope=\"row\">=HYPERLINK(&quot;http://x&quot;)</th><td class=\"num\" data-label=\"Chỉ số\">0,7056</td><td class=\"num\" data-label=\"Hạng\">36</td></tr>"
        )
        #expect(
            lines[1]
                == "<tr class=\"highlight\"><th scope=\"row\"><a href=\"/tru-cot/ha-tang-so/?a=1&amp;b=&quot;2&quot;\">Lai Châu</a></th><td class=\"num missing\" data-label=\"Chỉ số\">chưa công bố</td><td class=\"num missing\" data-label=\"Hạng\">chưa công bố</td></tr>"
        )
        #expect(
            lines[2]
                == "<tr><th scope=\"row\">&lt;script&gt;alert(1)&lt;/script&gt;</th><td class=\"num\" data-label=\"Chỉ số\">0,5000</td><td class=\"num\" data-label=\"Hạng\"><a href=\"/xep-hang/2024/\">1.234</a></td></tr>"
        )
        #expect(DataTable(id: "e", title: "", columns: table.columns, rows: []).bodyHTML(phrases: .vietnamese) == "")
    }

    @Test func missingReadsChuaCongBo() {
        #expect(DataTable.display(.missing, column: table.columns[1], phrases: .vietnamese) == "chưa công bố")
        #expect(DataTable.display(.number(Decimal(string: "0.7056")!), column: table.columns[1], phrases: .vietnamese) == "0,7056")
    }
}
