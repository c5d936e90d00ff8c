import Foundation
import Testing

@testable import DTISite

@Suite struct TemplateValuesTests {
    static func templates(_ files: [String: String]) throws -> TemplateSet {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dtisite-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: directory.appendingPathComponent(name + ".mustache"), atomically: true, encoding: .utf8)
        }
        var diagnostics = Diagnostics()
        let set = TemplateSet.compile(Theme.templates(in: directory, shown: "Theme/templates", into: &diagnostics), into: &diagnostics)
        #expect(diagnostics.errors.isEmpty, "\(diagnostics.errors)")
        try? FileManager.default.removeItem(at: directory)
        return set
    }

    @Test func textValuesRenderLikeStrings() throws {
        let set = try Self.templates([
            "t":
                "{{name}}|{{{html}}}|{{count}}|{{#href}}<a href=\"{{href}}\">{{name}}</a>{{/href}}{{^missing}}-{{/missing}}|{{#rows}}[{{cell}}]{{/rows}}|{{#flag}}yes{{/flag}}"
        ])
        let html = set.render(
            TemplateContext([
                "name": "Sở <Nội vụ> & \"Lai Châu\"", "html": "<b>đậm</b>", "count": 3, "href": "/co-quan/so-noi-vu/",
                "rows": [["cell": "a"], ["cell": "b'"]], "flag": true
            ]), template: "t")
        #expect(
            html
                == "Sở &lt;Nội vụ&gt; &amp; &quot;Lai Châu&quot;|<b>đậm</b>|3|<a href=\"/co-quan/so-noi-vu/\">Sở &lt;Nội vụ&gt; &amp; &quot;Lai Châu&quot;</a>-|[a][b&#39;]|yes"
        )
    }

    @Test func partialsAndInheritedBlocksEscapeTheSameWay() throws {
        let set = try Self.templates([
            "layout": "<main>{{$main}}{{/main}}</main>{{>footer}}",
            "footer": "<footer>{{site}}</footer>",
            "page": "{{<layout}}{{$main}}{{title}}{{/main}}{{/layout}}"
        ])
        #expect(
            set.render(TemplateContext(["title": "a<b", "site": "c&d"]), template: "page") == "<main>a&lt;b</main><footer>c&amp;d</footer>")
    }

    @Test func parseErrorsOnTheFirstLineKeepTheirColumn() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dtisite-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "abc{{#open}}".write(to: directory.appendingPathComponent("bad.mustache"), atomically: true, encoding: .utf8)
        var diagnostics = Diagnostics()
        _ = TemplateSet.compile(Theme.templates(in: directory, shown: "Theme/templates", into: &diagnostics), into: &diagnostics)
        let error = try #require(diagnostics.errors.first)
        #expect(error.location.file == "Theme/templates/bad.mustache")
        #expect(error.location.line == 1)
        #expect(error.message.contains("chưa có thẻ đóng"))
        #expect(error.location.column >= 1 && error.location.column <= "abc{{#open}}".count + 1)
    }

    @Test func hashIgnoresDictionaryOrderAndSeesEveryChange() {
        var forward: [String: Any] = [:], backward: [String: Any] = [:]
        let keys = (0..<50).map { "k\($0)" }
        for key in keys { forward[key] = key + "-value" }
        for key in keys.reversed() { backward[key] = key + "-value" }
        let page: [String: Any] = ["title": "Hạ tầng số", "rows": [["a": "1", "b": true], ["a": "2", "b": false]], "meta": forward]
        let same: [String: Any] = ["meta": backward, "rows": [["b": true, "a": "1"], ["b": false, "a": "2"]], "title": "Hạ tầng số"]
        #expect(TemplateValues.prepare(page).digest == TemplateValues.prepare(same).digest)
        var changed = page
        changed["rows"] = [["a": "1", "b": true], ["a": "2", "b": true]]
        #expect(TemplateValues.prepare(page).digest != TemplateValues.prepare(changed).digest)
        // Values moved between keys, or rows swapped, are a different page.
        #expect(TemplateValues.prepare(["a": "x", "b": "y"]).digest != TemplateValues.prepare(["a": "y", "b": "x"]).digest)
        #expect(TemplateValues.prepare(["rows": ["x", "y"]]).digest != TemplateValues.prepare(["rows": ["y", "x"]]).digest)
        #expect(TemplateValues.prepare(["a": ["b": "c"]]).digest != TemplateValues.prepare(["a": "c", "b": ""]).digest)
    }

    @Test func sharedValuesWinAndHashLikePageValues() {
        let shared = ["site": TemplateValues.prepare(["title": "Cổng"])]
        let mixed = TemplateValues.prepare(["page": "p", "site": "ignored"], shared: shared)
        let plain = TemplateValues.prepare(["page": "p", "site": ["title": "Cổng"]] as [String: Any])
        #expect(mixed.digest == plain.digest)
        let values = mixed.value as? TemplateObject
        #expect((values?.child(named: "site") as? TemplateObject)?.child(named: "title") as? TemplateText == TemplateText(text: "Cổng"))
    }

    @Test func contentHashIsStableAndSensitive() {
        func hex(_ text: String) -> String {
            var h = ContentHasher()
            h.add(text)
            return h.hex
        }
        #expect(hex("Lai Châu") == hex("Lai Châu"))
        #expect(hex("Lai Châu") != hex("Lai Chau"))
        #expect(hex("") != hex("\u{0}"))
        // Bytes past a multiple of eight count too.
        #expect(hex("12345678a") != hex("12345678b"))
        #expect(hex(String(repeating: "x", count: 1000)) != hex(String(repeating: "x", count: 1001)))
    }
}
