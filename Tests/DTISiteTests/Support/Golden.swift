import Foundation
import Testing

/// Golden files: expected output committed under Tests/DTISiteTests/Golden/.
/// Regenerate them with `DTISITE_UPDATE_GOLDEN=1 swift test`, then review the diff with git.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Golden")

    static var updating: Bool { ProcessInfo.processInfo.environment["DTISITE_UPDATE_GOLDEN"] == "1" }

    /// Compares `actual` with Golden/<name>; writes it instead when updating.
    static func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if updating {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden file \(name): run DTISITE_UPDATE_GOLDEN=1 swift test", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
            let want = first < a.count ? String(a[first]) : "<end of file>"
            let got = first < b.count ? String(b[first]) : "<end of file>"
            Issue.record(
                "\(name) differs from golden at line \(first + 1):\n  expected: \(want)\n  actual:   \(got)\n(DTISITE_UPDATE_GOLDEN=1 swift test regenerates it)",
                sourceLocation: sourceLocation)
        }
    }
}

/// Paths to test inputs.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// The repository's own root, for tests that build the default Content/.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func url(_ name: String) -> URL { directory.appendingPathComponent(name) }
}
