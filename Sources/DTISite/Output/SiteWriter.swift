import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a complete site into the output directory in one step: the files go to a staging directory
/// beside it, which then replaces it. A build that fails before this point leaves the previous site
/// as it was. Files whose bytes did not change are carried over as hard links, so they keep their
/// timestamps and a rebuild that changes nothing writes nothing at all.
public struct SiteWriter {
    public struct Report: Sendable {
        public var written: Int = 0
        public var unchanged: Int = 0
        public var removed: Int = 0
    }

    public let outputDirectory: URL

    public init(outputDirectory: URL) {
        self.outputDirectory = outputDirectory.standardizedFileURL
    }

    public func write(_ files: [OutputFile]) throws(DiagnosticError) -> Report {
        let shown = outputDirectory.lastPathComponent
        var seen: Set<String> = []
        for file in files {
            guard OutputPath.isSafe(file.path) else {
                throw DiagnosticError(.error(SourceLocation(file: shown), "đường dẫn đầu ra không hợp lệ \"\(file.path)\" (không được ra ngoài thư mục đầu ra)"))
            }
            guard seen.insert(file.path).inserted else {
                throw DiagnosticError(.error(SourceLocation(file: shown), "hai trang cùng ghi vào \"\(file.path)\"; hãy đổi slug của một trong hai"))
            }
        }

        let fm = FileManager.default
        let existing = existingFiles()
        var report = Report()
        // Which files differ from what is there: compared concurrently; a kept file (render cache)
        // is unchanged by definition, as long as it is still there with its size.
        let root = outputDirectory.path
        var same = [Bool](repeating: false, count: files.count)
        same.withUnsafeMutableBufferPointer { buffer in
            let slots = UnsafeSendableBuffer(buffer)
            DispatchQueue.concurrentPerform(iterations: files.count) { i in
                let file = files[i]
                guard let size = existing[file.path], size == file.size else { return }
                if file.keptSize != nil { slots[i] = true; return }
                slots[i] = fm.contents(atPath: root + "/" + file.path)?.elementsEqual(file.contents) ?? false
            }
        }
        var changed: [OutputFile] = []
        for (file, isSame) in zip(files, same) {
            if isSame {
                report.unchanged += 1
            } else if file.keptSize != nil {
                throw DiagnosticError(.error(SourceLocation(file: shown + "/" + file.path),
                    "tệp đã bị thay đổi hoặc xoá trong lúc dựng trang; hãy chạy lại lệnh dựng"))
            } else {
                changed.append(file)
            }
        }
        report.removed = Set(existing.keys).subtracting(seen).count
        report.written = changed.count
        if changed.isEmpty, report.removed == 0, fm.fileExists(atPath: outputDirectory.path) { return report }

        // A few changed files in a large site: replace them one by one (each atomically, by rename)
        // instead of rebuilding the whole tree in a staging directory. Build errors stop before this
        // point either way, so the previous site is never left half-built by bad content.
        let removedPaths = Set(existing.keys).subtracting(seen)
        if fm.fileExists(atPath: outputDirectory.path), (changed.count + removedPaths.count) * 10 <= files.count {
            try updateInPlace(changed: changed, removed: removedPaths)
            return report
        }

        let parent = outputDirectory.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(shown).staging")
        let old = parent.appendingPathComponent(".\(shown).old")
        do {
            try? fm.removeItem(at: staging)
            try? fm.removeItem(at: old)
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            try Self.createDirectories(for: files.map(\.path), in: staging.path)
            // Files are written concurrently: on a national site most of the time is the file system's.
            let changedPaths = Set(changed.map(\.path))
            let stagingPath = staging.path, outputPath = outputDirectory.path
            var failures = [Bool](repeating: false, count: files.count)
            failures.withUnsafeMutableBufferPointer { buffer in
                let slots = UnsafeSendableBuffer(buffer)
                DispatchQueue.concurrentPerform(iterations: files.count) { i in
                    let file = files[i]
                    let target = stagingPath + "/" + file.path
                    if !changedPaths.contains(file.path), link(outputPath + "/" + file.path, target) == 0 { return }
                    // A kept file whose link failed (another file system): copied.
                    let bytes = file.keptSize == nil ? file.contents : FileManager.default.contents(atPath: outputPath + "/" + file.path).map { [UInt8]($0) }
                    slots[i] = !(bytes.map { Self.writeFile(target, $0) } ?? false)
                }
            }
            if let failed = failures.firstIndex(of: true) {
                throw DiagnosticError(.error(SourceLocation(file: shown + "/" + files[failed].path), "không ghi được tệp"))
            }
            // Hidden entries at the top (.git of a deploy checkout, .gitkeep, .nojekyll) are not ours: keep them.
            for name in (try? fm.contentsOfDirectory(atPath: outputDirectory.path)) ?? [] where name.hasPrefix(".") {
                try fm.moveItem(at: outputDirectory.appendingPathComponent(name), to: staging.appendingPathComponent(name))
            }
            if fm.fileExists(atPath: outputDirectory.path) {
                try fm.moveItem(at: outputDirectory, to: old)
            }
            try fm.moveItem(at: staging, to: outputDirectory)
            try? fm.removeItem(at: old)
        } catch let error as DiagnosticError {
            throw error
        } catch {
            throw DiagnosticError(.error(SourceLocation(file: shown), "không ghi được trang web: \(error.localizedDescription)"))
        }
        return report
    }

    func updateInPlace(changed: [OutputFile], removed: Set<String>) throws(DiagnosticError) {
        let root = outputDirectory.path
        try Self.createDirectories(for: changed.map(\.path), in: root)
        for file in changed {
            let target = root + "/" + file.path
            let temporary = target + ".dtisite-tmp"
            guard Self.writeFile(temporary, file.contents), rename(temporary, target) == 0 else {
                unlink(temporary)
                throw DiagnosticError(.error(SourceLocation(file: outputDirectory.lastPathComponent + "/" + file.path), "không ghi được tệp"))
            }
        }
        for path in removed.sorted() {
            unlink(root + "/" + path)
            // Remove directories left empty, up to the root.
            var directory = (path as NSString).deletingLastPathComponent
            while !directory.isEmpty, rmdir(root + "/" + directory) == 0 {
                directory = (directory as NSString).deletingLastPathComponent
            }
        }
    }

    /// Every directory the files need, parents first; siblings are made concurrently.
    static func createDirectories(for paths: [String], in root: String) throws(DiagnosticError) {
        // Each file's folder and the folders above it, cut at "/" on the UTF-8 bytes.
        var directories: Set<Substring> = []
        for path in paths {
            var directory = path[...]
            while let slash = directory.utf8.lastIndex(of: UInt8(ascii: "/")) {
                directory = directory[..<slash]
                if !directories.insert(directory).inserted { break }
            }
        }
        let byDepth = Dictionary(grouping: directories.map(String.init)) { $0.utf8.count(where: { $0 == UInt8(ascii: "/") }) }
        for depth in byDepth.keys.sorted() {
            let level = byDepth[depth]!.sorted()
            var failed = [Bool](repeating: false, count: level.count)
            failed.withUnsafeMutableBufferPointer { buffer in
                let slots = UnsafeSendableBuffer(buffer)
                DispatchQueue.concurrentPerform(iterations: level.count) { i in
                    slots[i] = mkdir(root + "/" + level[i], 0o755) != 0 && errno != EEXIST
                }
            }
            if let index = failed.firstIndex(of: true) {
                throw DiagnosticError(.error(SourceLocation(file: level[index]), "không tạo được thư mục"))
            }
        }
    }

    /// Plain POSIX write: the staging directory is swapped in as a whole, so per-file atomic writes
    /// (a temporary file and a rename each) would only cost time.
    static func writeFile(_ path: String, _ bytes: [UInt8]) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
    }

    /// Regular files under the output directory (not hidden ones), path → size.
    /// The files already in the output (path → size); hidden entries at the top are not ours.
    func existingFiles() -> [String: Int] {
        FileTree.regularFiles(in: outputDirectory.path)
    }
}
