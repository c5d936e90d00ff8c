import ArgumentParser
import DTISite
import Foundation

/// The entry point: the commands that build run on the main thread as plain functions; only `serve`
/// is asynchronous, and it runs as a task while the main thread waits for it. (An asynchronous
/// `main` parks the main thread in the dispatch library even for `build`, which valgrind cannot
/// follow: `Benchmarks/profile.sh` counts a build's instructions.)
@main
enum Entry {
    static func main() {
        let command: ParsableCommand
        do {
            command = try DTISiteCommand.parseAsRoot()
        } catch {
            DTISiteCommand.exit(withError: error)
        }
        if let asynchronous = command as? AsyncParsableCommand {
            let outcome = Outcome(asynchronous)
            let done = DispatchSemaphore(value: 0)
            Task.detached {
                await outcome.run()
                done.signal()
            }
            done.wait()
            if let failure = outcome.failure { DTISiteCommand.exit(withError: failure) }
        } else {
            var command = command
            do {
                try command.run()
            } catch {
                DTISiteCommand.exit(withError: error)
            }
        }
    }

    /// An asynchronous command and how it ended, handed from the main thread to its task and back
    /// (the main thread reads it only after the task signalled).
    private final class Outcome: @unchecked Sendable {
        var command: AsyncParsableCommand
        var failure: Error?
        init(_ command: AsyncParsableCommand) { self.command = command }
        func run() async {
            do {
                try await command.run()
            } catch {
                failure = error
            }
        }
    }
}

/// Argument parsing only: every command calls the library.
struct DTISiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dtisite",
        abstract: "Dựng trang chuyên đề chuyển đổi số (DTI) tĩnh từ Content/ và Theme/ vào public/.",
        subcommands: [Build.self, Check.self, New.self, Serve.self],
        defaultSubcommand: Build.self)
}

/// Where a project's inputs are: what `build`, `check` and `serve` share.
struct SourceOptions: ParsableArguments {
    @Option(name: .long, help: "Thư mục dự án (chứa Content/ và Theme/; đầu ra mặc định nằm trong đó).")
    var root: String = "."
    @Option(name: .long, help: "Thư mục nội dung (mặc định <root>/Content).")
    var content: String?
    @Option(name: .long, help: "Thư mục giao diện (mặc định <root>/Theme).")
    var theme: String?

    /// A path given on the command line, relative to the working directory.
    static func url(_ path: String) -> URL {
        URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL
    }

    /// The build options these paths give; the output is the root's `public/` until it is set.
    var options: SiteBuilder.Options {
        var options = SiteBuilder.Options(root: Self.url(root))
        if let content { options.contentDirectory = Self.url(content) }
        if let theme { options.themeDirectory = Self.url(theme) }
        return options
    }
}

struct ProjectOptions: ParsableArguments {
    @OptionGroup var source: SourceOptions
    @Option(name: .shortAndLong, help: "Thư mục đầu ra (mặc định <root>/public).")
    var output: String?
    @Option(name: [.customShort("b"), .long], help: "Thay base_url của site.toml, ví dụ http://localhost:8000/.")
    var baseURL: String?
    @Flag(name: .long, help: "Coi cảnh báo là lỗi.")
    var strict = false
    @Flag(name: .long, help: "Cho phép dựng vào thư mục đã có tệp mà dtisite chưa từng dựng (tệp trùng tên bị thay, tệp khác giữ nguyên).")
    var force = false
    // Spelt out: the name derived from `relativeURLs` would be "--relative-ur-ls".
    @Flag(
        name: .customLong("relative-urls"),
        help:
            "Liên kết tương đối theo từng trang, để mở thư mục đầu ra không cần máy chủ (USB, trình quản lý tệp). Không dùng cho trang xuất bản."
    )
    var relativeURLs = false

    var options: SiteBuilder.Options {
        var options = source.options
        if let output { options.outputDirectory = SourceOptions.url(output) }
        options.baseURL = baseURL
        options.strict = strict
        options.force = force
        options.relativeURLs = relativeURLs
        return options
    }
}

func printDiagnostics(_ report: SiteBuilder.Report) {
    let lines = report.replayedWarnings.isEmpty ? report.diagnostics.map(\.description) : report.replayedWarnings
    for line in lines {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

extension DTISiteCommand {
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Dựng toàn bộ trang vào thư mục đầu ra (mặc định).")
        @OptionGroup var project: ProjectOptions

        func run() throws {
            let report = SiteBuilder.build(project.options)
            printDiagnostics(report)
            print(report.summary)
            if !report.succeeded { throw ExitCode(1) }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Chỉ kiểm tra nội dung, không ghi gì; thoát với mã 1 nếu có lỗi.")
        @OptionGroup var project: ProjectOptions

        func run() throws {
            let report = SiteBuilder.check(project.options)
            printDiagnostics(report)
            print("dtisite check: \(report.errorCount) lỗi, \(report.warningCount) cảnh báo")
            if !report.succeeded { throw ExitCode(1) }
        }
    }
}

extension DTISiteCommand {
    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Tạo một trang mới cho một tỉnh, thành phố từ số liệu DTI đi kèm (63 tỉnh trước 2025 và 34 đơn vị sau sáp nhập).")
        @Argument(help: "Thư mục của trang mới (chưa có hoặc trống).")
        var directory: String
        @Option(name: .long, help: "Tỉnh, thành phố của trang, ví dụ \"Sơn La\".")
        var unit: String
        @Option(name: .customLong("as-of"), help: "Ngày xét số liệu (as_of), YYYY-MM-DD; mặc định là ngày của số liệu mới nhất đi kèm.")
        var asOf: String?
        @Option(name: .long, help: "Thư mục giao diện để chép vào thay giao diện mặc định.")
        var theme: String?

        func run() throws {
            let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            var options = SiteSkeleton.Options(
                directory: URL(fileURLWithPath: directory, relativeTo: cwd).standardizedFileURL, unit: unit)
            options.asOf = asOf
            options.themeDirectory = theme.map { URL(fileURLWithPath: $0, relativeTo: cwd).standardizedFileURL }
            do {
                let created = try SiteSkeleton.create(options)
                print(
                    "dtisite new: đã tạo trang của \(created.unit) (vùng \(created.peerGroup), as_of = \(created.asOf)) trong \(directory), \(created.files.count) tệp."
                )
                print("Tiếp theo: sửa base_url trong \(directory)/Content/site.toml, rồi chạy dtisite serve --root \(directory)")
            } catch {
                FileHandle.standardError.write(Data("dtisite new: error: \(error.message)\n".utf8))
                throw ExitCode(1)
            }
        }
    }
}
