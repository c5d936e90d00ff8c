import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Output: rendered files → the output directory. Takes the files of a build and what the manifest
/// should record; returns what changed. The rules it keeps:
///
/// - It removes or replaces only files it wrote itself (listed in `.dtisite-build`); everything else in
///   the output — `.git` of a deploy checkout, `.nojekyll`, a CNAME, a user's folder — stays where it is.
/// - It never writes through a symbolic link inside the output, and never follows one when removing.
/// - Every interruption is recoverable: the manifest is marked dirty before the first change and made
///   clean after the last, leftovers of a staged swap are cleaned up (or put back) by the next build,
///   so the next build always ends with exactly what a clean build writes.
/// - Unchanged files are not rewritten, so a rebuild that changes nothing writes nothing.
///
/// Two ways to apply a change. A site that is new, or changes in more than a tenth of its files, and
/// whose output holds only dtisite's files, is written to a staging directory beside the output and
/// swapped in at once (`renameat2(RENAME_EXCHANGE)`), so a reader sees the old site or the new one.
/// Otherwise — a small change, an output that holds the user's entries, a mount point — files are
/// replaced one by one, each atomically (a temporary file and a rename).
struct SiteWriter {
    struct Report: Sendable {
        var written = 0
        var unchanged = 0
        var removed = 0
        /// The output directory was changed (so a failure may have left it part old, part new).
        var touched = false
    }

    /// What the manifest records besides the files.
    struct Record {
        var fingerprint: String
        var pages: Int
        var warnings: [String] = []
        var pageHashes: [String: String] = [:]
    }

    /// The output as the previous build left it, read before rendering.
    struct Previous {
        var manifest: BuildManifest?
        /// Files of the previous build still as it wrote them: path → size. Only a clean manifest's.
        /// Checked on another thread while the build reads and renders (`intactSizes`); reading it waits.
        var intact: [String: Int] { intactSizes?.value ?? [:] }
        var intactSizes: Pending<[String: Int]>?
        /// Warnings of recovering from an interrupted build.
        var diagnostics: [Diagnostic] = []

        /// Nothing needs doing: the inputs are those of the previous, complete build and its files are intact.
        func isCurrent(fingerprint: String) -> Bool {
            guard let manifest, manifest.clean, manifest.fingerprint == fingerprint else { return false }
            return intact.count == manifest.files.count
        }
    }

    let outputDirectory: URL
    /// Build into a non-empty directory dtisite did not make, replacing files of the same name.
    var force = false
    var hook: FaultHook?
    /// A session's copy of the manifest, kept up to date with what is written.
    var manifests: ManifestCache?

    init(outputDirectory: URL, force: Bool = false, hook: FaultHook? = nil) {
        self.outputDirectory = outputDirectory.standardizedFileURL
        self.force = force
        self.hook = hook
    }

    var root: String { outputDirectory.path }
    var shown: String { outputDirectory.lastPathComponent }

    func step(_ action: WriterStep.Action, _ path: String) throws {
        try hook?(WriterStep(action: action, path: path))
    }

    /// Runs a call after its step; a hook may make the call fail with an errno instead (`SimulatedFailure`).
    func attempt(_ action: WriterStep.Action, _ path: String, _ call: () -> Int32?) throws -> Int32? {
        do {
            try step(action, path)
        } catch let failure as SimulatedFailure {
            return failure.code
        }
        return call()
    }

    /// Puts back or removes what an interrupted build left, then reads the previous build's manifest
    /// and checks which of its files are still intact.
    func open() throws(DiagnosticError) -> Previous {
        var previous = Previous()
        do {
            previous.diagnostics = try OutputRecovery(writer: self).recover()
        } catch {
            throw Self.diagnostics(error, shown: shown)
        }
        switch FileSystem.kind(root) {
        case .missing: return previous
        case .directory: break
        default:
            throw DiagnosticError(.error(SourceLocation(file: shown), "đường dẫn đầu ra không phải là thư mục; hãy chọn một thư mục"))
        }
        previous.manifest = manifests?.read(from: root) ?? BuildManifest.read(from: root)
        guard let manifest = previous.manifest else {
            let visible = FileSystem.entries(of: root).filter { !$0.hasPrefix(".") }
            if let first = visible.first, !force {
                throw DiagnosticError(
                    .error(
                        SourceLocation(file: shown),
                        "thư mục đầu ra đã có \(visible.count) mục (ví dụ \"\(first)\") mà dtisite chưa từng dựng ở đây (không có tệp \(BuildManifest.fileName)); dtisite không ghi vào để khỏi mất tệp của bạn. Hãy chọn một thư mục trống, hoặc thêm --force nếu chắc chắn muốn dựng vào đây (tệp cùng tên sẽ bị thay)"
                    ))
            }
            return previous
        }
        if manifest.clean {
            let root = self.root
            let files = manifest.files
            previous.intactSizes = Pending {
                let paths = Array(files.keys)
                let intact = Concurrent.map(paths) { path -> Bool in
                    let entry = files[path]!
                    let found = FileSystem.identity(root + "/" + path)
                    return found.kind == .file && found.size == entry.size && found.modified == entry.modified
                        && found.inode == entry.inode
                }
                var sizes: [String: Int] = [:]
                for (path, ok) in zip(paths, intact) where ok { sizes[path] = files[path]!.size }
                return sizes
            }
        }
        return previous
    }

    /// A write that failed: why, and whether the output was already changed.
    struct Failure: Error {
        var diagnostics: [Diagnostic]
        var touched: Bool
    }

    func write(_ files: [OutputFile], record: Record, previous: Previous) throws(Failure) -> Report {
        var report = Report()
        do {
            return try write(files, record: record, previous: previous, report: &report)
        } catch {
            var diagnostics = Self.diagnostics(error, shown: shown).diagnostics
            if report.touched {
                diagnostics.append(
                    .error(
                        SourceLocation(file: shown),
                        "thư mục đầu ra đã được ghi một phần; lần dựng sau sẽ tự hoàn tất, cho đúng như một lần dựng mới"))
            }
            throw Failure(diagnostics: diagnostics, touched: report.touched)
        }
    }

    private func write(_ files: [OutputFile], record: Record, previous: Previous, report: inout Report) throws -> Report {
        let plan = try OutputPlan(files: files, writer: self, previous: previous)
        report.unchanged = plan.unchanged
        report.written = plan.changed.count
        report.removed = plan.removed.count

        let current = previous.manifest
        if plan.changed.isEmpty, plan.removed.isEmpty, plan.leftovers.isEmpty, current != nil {
            // Nothing in the site changed; the manifest is rewritten only if what it records did.
            let manifest = try finalManifest(files: files, record: record, in: root)
            if current?.text != manifest.text {
                report.touched = true
                try writeManifest(manifest, in: root)
            }
            return report
        }
        report.touched = true
        if plan.canSwap, try writeStaged(files, plan: plan, record: record) { return report }
        try updateInPlace(files, plan: plan, record: record)
        return report
    }

    // MARK: In place

    private func updateInPlace(_ files: [OutputFile], plan: OutputPlan, record: Record) throws {
        if FileSystem.kind(root) == .missing {
            try step(.mkdir, root)
            try createParent()
            guard mkdir(root, 0o755) == 0 else { throw WriteFailure(path: shown, code: errno, action: "không tạo được thư mục đầu ra") }
        }
        // From here until the clean manifest, the output is dirty: everything named is dtisite's.
        var dirty = BuildManifest(clean: false, fingerprint: "", pages: 0, files: [:])
        for path in plan.owned { dirty.files[path] = .init(size: 0) }
        for file in files { dirty.files[file.path] = .init(size: file.size) }
        try writeManifest(dirty, in: root)

        for path in (plan.leftovers + plan.removed.sorted()) {
            try step(.unlink, path)
            let kind = FileSystem.kind(root + "/" + path)
            if kind == .file || kind == .link, unlink(root + "/" + path) != 0, errno != ENOENT {
                throw WriteFailure(path: shown + "/" + path, code: errno, action: "không xoá được tệp cũ")
            }
            try pruneEmptyFolders(above: path)
        }
        for directory in plan.folders {
            let path = root + "/" + directory
            switch FileSystem.kind(path) {
            case .directory: continue
            case .missing:
                try step(.mkdir, directory)
                guard mkdir(path, 0o755) == 0 || errno == EEXIST else {
                    throw WriteFailure(path: shown + "/" + directory, code: errno, action: "không tạo được thư mục")
                }
            default:
                throw WriteFailure(path: shown + "/" + directory, code: ELOOP, action: "không tạo được thư mục")
            }
        }
        for file in plan.changed {
            let target = root + "/" + file.path
            let temporary = target + OutputPlan.temporarySuffix
            unlink(temporary)
            if let code = try attempt(.write, file.path + OutputPlan.temporarySuffix, { FileSystem.writeFile(temporary, file.contents) }) {
                unlink(temporary)
                throw WriteFailure(path: shown + "/" + file.path, code: code, action: "không ghi được tệp")
            }
            try step(.rename, file.path)
            guard rename(temporary, target) == 0 else {
                let code = errno
                unlink(temporary)
                throw WriteFailure(path: shown + "/" + file.path, code: code, action: "không ghi được tệp")
            }
        }
        try writeManifest(try finalManifest(files: files, record: record, in: root), in: root)
    }

    /// Removes the folders a removed file leaves empty, up to (not including) the output directory.
    private func pruneEmptyFolders(above path: String) throws {
        for directory in FileSystem.ancestors(of: path).reversed() {
            guard FileSystem.entries(of: root + "/" + directory).isEmpty, FileSystem.kind(root + "/" + directory) == .directory else {
                return
            }
            try step(.rmdir, directory)
            guard rmdir(root + "/" + directory) == 0 else { return }
        }
    }

    // MARK: Staged

    /// Writes the whole site beside the output and swaps it in. Returns false when the output cannot
    /// be swapped (a mount point, another file system): the caller then updates it in place.
    private func writeStaged(_ files: [OutputFile], plan: OutputPlan, record: Record) throws -> Bool {
        let staging = OutputRecovery.sibling(of: outputDirectory, "staging")
        let old = OutputRecovery.sibling(of: outputDirectory, "old")
        guard FileSystem.kind(staging) == .missing, FileSystem.kind(old) == .missing else { return false }
        try step(.mkdir, staging)
        try createParent()
        guard mkdir(staging, 0o755) == 0 else { return false }
        // The marker says "only dtisite's files, unfinished": a kill before it goes leaves a folder
        // the next build removes whole.
        if let code = try attempt(
            .write, staging + "/" + OutputRecovery.marker, { FileSystem.writeFile(staging + "/" + OutputRecovery.marker, []) })
        {
            throw WriteFailure(path: URL(fileURLWithPath: staging).lastPathComponent, code: code, action: "không ghi được thư mục tạm")
        }
        try step(.mkdir, staging + "/…")
        for directory in plan.folders where mkdir(staging + "/" + directory, 0o755) != 0 && errno != EEXIST {
            throw WriteFailure(path: directory, code: errno, action: "không tạo được thư mục")
        }
        // Files are written concurrently: on a national site most of the time is the file system's.
        if let code = try attempt(.write, staging + "/…", { nil }) {
            throw WriteFailure(path: shown + "/" + (files.first?.path ?? ""), code: code, action: "không ghi được tệp")
        }
        let changed = Set(plan.changed.map(\.path))
        let outputPath = root
        let failures = Concurrent.map(files) { file -> Int32 in
            let target = staging + "/" + file.path
            // Unchanged files are carried over as hard links: same bytes, same inode, not rewritten.
            if !changed.contains(file.path), link(outputPath + "/" + file.path, target) == 0 { return 0 }
            let bytes =
                file.keptSize == nil
                ? file.contents : FileManager.default.contents(atPath: outputPath + "/" + file.path).map { [UInt8]($0) }
            return bytes.map { FileSystem.writeFile(target, $0) ?? 0 } ?? ENOENT
        }
        if let failed = failures.firstIndex(where: { $0 != 0 }) {
            throw WriteFailure(path: shown + "/" + files[failed].path, code: failures[failed], action: "không ghi được tệp")
        }
        try writeManifest(try finalManifest(files: files, record: record, in: staging), in: staging)
        try step(.unlink, staging + "/" + OutputRecovery.marker)
        unlink(staging + "/" + OutputRecovery.marker)

        let recovery = OutputRecovery(writer: self)
        guard FileSystem.kind(root) == .directory else {
            try step(.rename, root)
            guard rename(staging, root) == 0 else {
                throw WriteFailure(path: shown, code: errno, action: "không đặt được trang vào thư mục đầu ra")
            }
            return true
        }
        switch try attempt(.exchange, root, { FileSystem.exchange(staging, root) }) {
        case nil:
            // The staging path now holds the previous site: only dtisite's files, removed as such.
            try step(.rmdir, staging)
            _ = try recovery.removeLeftover(staging)
            return true
        case ENOSYS?, EINVAL?:
            // No atomic exchange here: two renames; a kill between them is put right by the next build.
            try step(.rename, old)
            guard rename(root, old) == 0 else { break }
            try step(.rename, root)
            guard rename(staging, root) == 0 else {
                throw WriteFailure(path: shown, code: errno, action: "không đặt được trang vào thư mục đầu ra")
            }
            try step(.rmdir, old)
            _ = try recovery.removeLeftover(old)
            return true
        default: break
        }
        // A mount point or an unrenameable folder: the staged copy goes, the change is made in place.
        FileSystem.removeOwnTree(staging)
        return false
    }

    /// The folders above the output, as `mkdir -p` makes them (`--output site/2025/public`).
    private func createParent() throws {
        let parent = outputDirectory.deletingLastPathComponent()
        guard FileSystem.kind(parent.path) == .missing else { return }
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw WriteFailure(
                path: parent.path, code: ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError).map { Int32($0.code) } ?? EACCES,
                action: "không tạo được thư mục chứa thư mục đầu ra")
        }
    }

    // MARK: Manifest

    private func finalManifest(files: [OutputFile], record: Record, in directory: String) throws -> BuildManifest {
        let entries = Concurrent.map(files) { FileSystem.identity(directory + "/" + $0.path) }
        var manifest = BuildManifest(
            clean: true, fingerprint: record.fingerprint, pages: record.pages, files: [:],
            warnings: record.warnings, pageHashes: record.pageHashes)
        for (file, found) in zip(files, entries) {
            guard found.kind == .file else {
                throw WriteFailure(path: shown + "/" + file.path, code: ENOENT, action: "tệp vừa ghi đã biến mất")
            }
            manifest.files[file.path] = .init(size: found.size, modified: found.modified, inode: found.inode)
        }
        return manifest
    }

    /// Replaces the manifest atomically: a temporary file and a rename.
    func writeManifest(_ manifest: BuildManifest, in directory: String) throws {
        let path = directory + "/" + BuildManifest.fileName
        let temporary = path + OutputPlan.temporarySuffix
        try step(.manifest, path)
        unlink(temporary)
        if let code = FileSystem.writeFile(temporary, Array(manifest.text.utf8)) {
            unlink(temporary)
            throw WriteFailure(path: shown + "/" + BuildManifest.fileName, code: code, action: "không ghi được tệp")
        }
        guard rename(temporary, path) == 0 else {
            throw WriteFailure(path: shown + "/" + BuildManifest.fileName, code: errno, action: "không ghi được tệp")
        }
        manifests?.store(manifest, at: path)
    }

    static func diagnostics(_ error: Error, shown: String) -> DiagnosticError {
        switch error {
        case let error as DiagnosticError: return error
        case let error as WriteFailure: return DiagnosticError(error.diagnostic)
        default: return DiagnosticError(.error(SourceLocation(file: shown), "việc ghi bị ngắt: \(error)"))
        }
    }
}

/// One change the writer makes to the file system, named for the fault-injection tests: a hook that
/// throws at a step stops the writer right before it, as a kill at that moment would.
struct WriterStep: Sendable, CustomStringConvertible {
    enum Action: String, Sendable {
        case mkdir, write, rename, unlink, rmdir, exchange, manifest
    }

    var action: Action
    var path: String
    var description: String { "\(action.rawValue) \(path)" }
}

typealias FaultHook = @Sendable (WriterStep) throws -> Void

/// Thrown by a fault hook to make the step's call fail with `code`, as a full disk or a mount point would.
struct SimulatedFailure: Error {
    var code: Int32
}
