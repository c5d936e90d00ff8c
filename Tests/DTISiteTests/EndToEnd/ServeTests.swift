import Foundation
import Testing

@testable import DTISite

/// `dtisite serve`, driven as a browser would: pages over HTTP with the live-reload script, an event
/// stream that says when to reload, an error overlay's diagnostics when a CSV breaks while the last good
/// site stays served, recovery when it is fixed, and a stylesheet swapped without a reload.
@Suite(.serialized) struct ServeTests {
    static let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("dtisite")
        .path

    static func waitForServer(port: Int, timeout: Double = 120) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let response = try? HTTPProbe.get(port: port, "/", timeout: 5), response.status == 200 { return true }
            Thread.sleep(forTimeInterval: 0.2)
        }
        return false
    }

    static func edit(_ url: URL, _ change: (String) -> String) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        try change(text).write(to: url, atomically: true, encoding: .utf8)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary)), .timeLimit(.minutes(5)))
    func servesReloadsShowsErrorsAndRecovers() throws {
        let root = try BuildTests.copyFixture("mini")
        defer { try? FileManager.default.removeItem(at: root) }
        let port = HTTPProbe.freePort()
        let log = root.appendingPathComponent("serve.log").path
        let server = try Spawned(Self.binary, ["serve", "--root", root.path, "--port", String(port)], output: log)
        defer { server.stop() }
        try #require(Self.waitForServer(port: port), "\((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")")

        // Pages come from the preview folder, with the base URL of the local address and the script.
        let home = try HTTPProbe.get(port: port, "/")
        #expect(home.body.contains("/__dtisite/reload.js?b=") && home.body.contains("href=\"/gioi-thieu/\""))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(".preview/index.html").path))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("public").path))
        #expect(try HTTPProbe.get(port: port, "/khong-co/").status == 404)
        #expect(try HTTPProbe.get(port: port, "/../../etc/passwd").status != 200)
        let script = try HTTPProbe.get(port: port, "/__dtisite/reload.js")
        #expect(script.status == 200 && script.body.contains("EventSource"))

        let events = try EventStreamProbe(port: port, path: "/__dtisite/events")
        #expect(events.next("build") != nil)

        // An edited page: a reload event, and the page has the new text.
        try Self.edit(root.appendingPathComponent("Content/gioi-thieu.md")) { $0 + "\nĐoạn mới viết khi xem thử.\n" }
        #expect(events.next("reload") != nil)
        #expect(try HTTPProbe.get(port: port, "/gioi-thieu/").body.contains("Đoạn mới viết khi xem thử."))

        // A broken CSV: the diagnostics with file:line:col, the last good site still served.
        let dti = root.appendingPathComponent("Content/data/dti.csv")
        let good = try String(contentsOf: dti, encoding: .utf8)
        try Self.edit(dti) { $0.replacingOccurrences(of: "0.8000", with: "1.8000") }
        let failure = try #require(events.next("failed"))
        #expect(failure.contains("Content/data/dti.csv:2:5: error"), "\(failure)")
        #expect(try HTTPProbe.get(port: port, "/gioi-thieu/").body.contains("Đoạn mới viết khi xem thử."))
        // A page opened now learns of the failure at once.
        let late = try EventStreamProbe(port: port, path: "/__dtisite/events")
        #expect(late.next("failed")?.contains("dti.csv") == true)

        // Fixed: the pages reload.
        try good.write(to: dti, atomically: true, encoding: .utf8)
        #expect(events.next("reload") != nil)
        #expect(try HTTPProbe.get(port: port, "/").status == 200)

        // A stylesheet: swapped in place, no reload.
        try Self.edit(root.appendingPathComponent("Theme/static/assets/site.css")) { $0 + "\n.xem-thu { color: #123456; }\n" }
        #expect(events.next("css") != nil, "\((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")")
        let css = try HTTPProbe.get(port: port, "/assets/site.css")
        #expect(css.body.contains(".xem-thu"))
    }
}
