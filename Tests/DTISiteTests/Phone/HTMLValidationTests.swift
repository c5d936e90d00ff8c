import Foundation
import Testing

@testable import DTISite

/// Every HTML page of the default site passes the Nu HTML checker (vnu.jar, where it and Java are
/// installed), in one Java run over the whole site: no page is skipped.
@Suite struct HTMLValidationTests {
    @Test(.enabled(if: BrowserTools.java != nil && BrowserTools.vnu != nil), .timeLimit(.minutes(4)))
    func everyPageOfTheDefaultSiteIsValidHTML() throws {
        let root = try PhoneSiteTests.build()
        defer { try? FileManager.default.removeItem(at: root) }
        let site = root.appendingPathComponent("site")
        let pages = (FileManager.default.subpaths(atPath: site.path) ?? []).filter { $0.hasSuffix(".html") }
        #expect(pages.count > 100, "\(pages.count) pages")
        let report = root.appendingPathComponent("vnu.json")
        let java = try Spawned(
            BrowserTools.java!,
            ["-Xss4m", "-jar", BrowserTools.vnu!, "--errors-only", "--format", "json", "--stdout", "--skip-non-html", site.path],
            output: report.path)
        java.wait()
        let data = try Data(contentsOf: report)
        let parsed = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "vnu wrote no JSON")
        let messages = parsed["messages"] as? [[String: Any]] ?? []
        let errors = messages.filter { ($0["type"] as? String) != "info" }
        let listed = errors.prefix(20).map { message -> String in
            let url = (message["url"] as? String ?? "").replacingOccurrences(of: site.absoluteString, with: "/")
            return "\(url):\(message["lastLine"] ?? "?"): \(message["message"] ?? "")"
        }
        #expect(errors.isEmpty, "\(errors.count) errors:\n\(listed.joined(separator: "\n"))")
    }
}
