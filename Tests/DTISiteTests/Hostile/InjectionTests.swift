import Foundation
import Testing

@testable import DTISite

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Plants script, event attributes and javascript: URLs in every text field of a site's content, builds
/// it, and parses the output: no element or attribute may have been injected anywhere.
@Suite struct InjectionTests {
    static let payload = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'&"

    /// Rewrites every content file of a copied fixture so each text value carries the payload.
    static func poison(_ content: URL) throws {
        let fm = FileManager.default
        let enumerator = fm.enumerator(atPath: content.path)
        // The payload as one quoted CSV cell.
        let q = "\"" + payload.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        while let relative = enumerator?.nextObject() as? String {
            let url = content.appendingPathComponent(relative)
            var text: String
            do { text = try String(contentsOf: url, encoding: .utf8) } catch { continue }
            switch url.pathExtension {
            case "md":
                let yamlPayload = "'" + payload.replacingOccurrences(of: "'", with: "''") + "'"
                for key in ["title", "summary", "number", "issuer"] {
                    text = text.replacingOccurrences(
                        of: #"(?m)^\#(key): (.*)$"#, with: "\(key): " + yamlPayload, options: .regularExpression)
                }
                text += "\n\n\(payload)\n\n[bấm](javascript:alert(3)) <a href=\"javascript:alert(4)\">x</a>\n\n## \(payload)\n"
            case "toml":
                let tomlPayload = "\"" + payload.replacingOccurrences(of: "\"", with: "\\\"") + "\""
                text = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
                    for key in ["title", "description", "publisher", "source_note"] where line.hasPrefix(key + " = ") {
                        return key + " = " + tomlPayload
                    }
                    return String(line)
                }.joined(separator: "\n")
                if !text.contains("publisher") { text = "publisher = \"<script>p</script>\"\n" + text }
            case "csv" where url.lastPathComponent == "tasks.csv":
                text += "XSS.1,,,\(q),\(q),\(q),\(q),\(q),\(q),,\(q),\n"
            case "csv" where url.lastPathComponent == "targets.csv":
                text += "XSS.2,\(q),text,\(q),\(q),2025,,,,,,\(q),,,\(q),,\(q)\n"
            case "csv" where url.lastPathComponent == "agencies.csv":
                text += "\(q),\(q),\n"
            case "csv" where url.lastPathComponent == "vneid.csv":
                text +=
                    "Lào Cai,Bảo Yên,\(q),99,commune,2023,1000,500,400,50,40,,,,\nLào Cai,Bảo Yên,\(q),99,commune,2024,,,,,,60,10,50,10\nLào Cai,Bảo Yên,\(q),99,commune,2025,,,,,,70,10,60,10\n"
            case "csv":
                // Unit names must match across files: poison one consistently, and every free-text column.
                text = text.replacingOccurrences(of: "Điện Biên", with: "Điện Biên<script>x</script>\"")
                text = text.replacingOccurrences(of: "Tỷ lệ hộ gia đình có cáp quang", with: "<b onmouseover=alert(5)>cáp</b>")
            default: continue
            }
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
    }

    /// The fixture site, and the default Lai Châu site of the repository.
    static func copy(_ which: String) throws -> URL {
        if which == "mini" { return try BuildTests.copyFixture("mini") }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dtisite-default-poison-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for name in ["Content", "Theme"] {
            try FileManager.default.copyItem(
                at: Fixtures.repositoryRoot.appendingPathComponent(name), to: root.appendingPathComponent(name))
        }
        return root
    }

    @Test(arguments: ["mini", "default"])
    func plantedMarkupIsEscapedEverywhere(site: String) throws {
        let root = try Self.copy(site)
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.poison(root.appendingPathComponent("Content"))
        // Quoted CSV cells: the payload contains a quote, so rewrite those rows with proper quoting.
        let units = root.appendingPathComponent("Content/data/units.csv")
        try String(contentsOf: units, encoding: .utf8).replacingOccurrences(
            of: "dien-bien,Điện Biên<script>x</script>\"", with: "dien-bien,\"Điện Biên<script>x</script>\"\"\""
        )
        .write(to: units, atomically: true, encoding: .utf8)
        let dti = root.appendingPathComponent("Content/data/dti.csv")
        try String(contentsOf: dti, encoding: .utf8).replacingOccurrences(
            of: "Điện Biên<script>x</script>\"", with: "\"Điện Biên<script>x</script>\"\"\""
        )
        .write(to: dti, atomically: true, encoding: .utf8)

        let report = SiteBuilder.build(SiteBuilder.Options(root: root))
        #expect(report.succeeded, "\(report.diagnostics.filter { $0.severity == .error })")
        let output = root.appendingPathComponent("public")
        let checker = try SiteChecker(output: output, basePath: "/cds/")
        #expect(checker.pages.count > 10)
        #expect(checker.parseProblems == [])
        for (path, page) in checker.pages {
            for tag in page.tags {
                if tag.name == "script" { #expect((tag.attributes["src"] ?? "").hasPrefix("/cds/assets/"), "\(path): injected <script>") }
                #expect(tag.name != "img" || tag.attributes["src"] != "x", "\(path): injected <img>")
                #expect(!tag.attributes.keys.contains { $0.hasPrefix("on") }, "\(path): event handler")
                for key in ["href", "src"] {
                    #expect(!(tag.attributes[key] ?? "").lowercased().hasPrefix("javascript:"), "\(path): javascript: URL")
                }
            }
        }
        let home = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(home.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the payload shows as text")
        let peers = try String(contentsOf: output.appendingPathComponent("tru-cot/ha-tang-so/index.html"), encoding: .utf8)
        #expect(peers.contains("Điện Biên&lt;script&gt;x&lt;/script&gt;&quot;"), "a poisoned unit name shows as text")
        if site == "default" {
            for page in ["vneid/bao-yen/index.html", "muc-tieu/index.html", "co-quan/index.html", "van-ban/ke-hoach-2025/index.html"] {
                let html = try String(contentsOf: output.appendingPathComponent(page), encoding: .utf8)
                #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(page) shows the planted text, escaped")
            }
        }

        // JSON, XML and SVG outputs parse, and CSV text cells that could be formulas are prefixed.
        let enumerator = FileManager.default.enumerator(atPath: output.path)
        while let relative = enumerator?.nextObject() as? String {
            let url = output.appendingPathComponent(relative)
            switch url.pathExtension {
            case "json": #expect((try? JSONSerialization.jsonObject(with: Data(contentsOf: url))) != nil, "\(relative)")
            case "xml", "svg":
                let parser = XMLParser(data: try Data(contentsOf: url))
                #expect(parser.parse(), "\(relative): \(parser.parserError.map { "\($0)" } ?? "")")
                #expect(!(try String(contentsOf: url, encoding: .utf8)).contains("<script"), "\(relative)")
            default: break
            }
        }
    }
}
