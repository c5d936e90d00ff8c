import Foundation

/// The library's public face: build a site, or check it, with a few options; read the report.
/// Everything else is internal (the stages in `Build.swift`).
public enum SiteBuilder {
    public struct Options: Sendable {
        public var contentDirectory: URL
        public var themeDirectory: URL
        public var outputDirectory: URL
        /// Warnings fail the build too.
        public var strict: Bool = false
        /// Replaces site.toml's base_url (for previews: "http://localhost:8000/").
        public var baseURL: String?
        /// The project directory: the output may lie in it, but may not be it or hold it.
        public var projectRoot: URL?
        /// Build into a non-empty directory that dtisite did not make (files of the same name are replaced;
        /// nothing else in it is touched).
        public var force: Bool = false
        /// Links relative to each page (`--relative-urls`), for opening the output without a server.
        /// Never for the published site: its canonical links and feed stay absolute anyway.
        public var relativeURLs: Bool = false
        /// Called before every change the writer makes (fault-injection tests).
        var faultHook: FaultHook?

        /// The usual layout of a project: Content/, Theme/ and public/ in `root`.
        public init(root: URL) {
            projectRoot = root
            contentDirectory = root.appendingPathComponent("Content")
            themeDirectory = root.appendingPathComponent("Theme")
            outputDirectory = root.appendingPathComponent("public")
        }
    }

    public struct Report: Sendable {
        public var diagnostics: [Diagnostic]
        public var succeeded: Bool
        public var pages: Int = 0
        public var files: Int = 0
        public var written: Int = 0
        public var unchanged: Int = 0
        public var removed: Int = 0
        public var seconds: Double = 0
        /// Pages whose template ran (the others were unchanged and reused).
        public var rendered: Int = 0
        /// Warnings of the previous build, repeated when nothing changed since (already formatted).
        public var replayedWarnings: [String] = []
        /// The build failed after it had begun to change the output directory.
        public var outputTouched = false

        public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
        public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }

        /// The one summary line `build` ends with.
        public var summary: String {
            let time = String(format: "%.0f ms", seconds * 1000)
            if !succeeded, outputTouched {
                return
                    "dtisite: dừng khi đang ghi, \(errorCount) lỗi, \(warningCount) cảnh báo; thư mục đầu ra mới được ghi một phần, lần dựng sau sẽ hoàn tất (\(time))"
            }
            if !succeeded {
                return "dtisite: dừng, \(errorCount) lỗi, \(warningCount) cảnh báo; thư mục đầu ra giữ nguyên (\(time))"
            }
            return
                "dtisite: \(pages) trang (\(rendered) dựng lại), \(written) tệp được ghi, \(unchanged) tệp không đổi, \(removed) tệp bị xoá, \(warningCount) cảnh báo (\(time))"
        }
    }

    /// load → validate → analyze → render → write, into the output directory (see `BuildSession`).
    public static func build(_ options: Options) -> Report {
        BuildSession(options).build()
    }

    /// Validation only: loads, validates and renders in memory; writes nothing.
    public static func check(_ options: Options) -> Report {
        let clock = ContinuousClock()
        let start = clock.now
        let (files, pages, diagnostics) = Pipeline.prepare(options)
        let failed = diagnostics.hasErrors || (options.strict && !diagnostics.warnings.isEmpty)
        var report = Report(diagnostics: diagnostics.sorted, succeeded: !failed, pages: pages, files: files.count)
        report.seconds = seconds(clock.now - start)
        return report
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
