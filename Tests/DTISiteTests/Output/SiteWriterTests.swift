import Foundation
import Testing

@testable import DTISite

extension SiteWriter {
    /// What a build does with the writer: open the output, then write the files.
    func build(_ files: [OutputFile]) throws -> Report {
        let previous = try open()
        do {
            return try write(files, record: Record(fingerprint: "test", pages: files.count), previous: previous)
        } catch {
            throw DiagnosticError(error.diagnostics)
        }
    }
}

@Suite struct SiteWriterTests {
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dtisite-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func inode(_ url: URL) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? Int
    }

    func exists(_ url: URL) -> Bool { FileSystem.kind(url.path) != .missing }

    @Test func unchangedFilesAreNotRewritten() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("public")
        let writer = SiteWriter(outputDirectory: out)
        let files = [OutputFile(path: "index.html", text: "a"), OutputFile(path: "x/index.html", text: "b")]
        let first = try writer.build(files)
        #expect(first.written == 2)
        let before = try inode(out.appendingPathComponent("index.html"))
        let second = try writer.build(files)
        #expect(second.written == 0 && second.unchanged == 2 && second.removed == 0)
        let third = try writer.build([OutputFile(path: "index.html", text: "a"), OutputFile(path: "y.html", text: "c")])
        #expect(third.written == 1 && third.unchanged == 1 && third.removed == 1)
        #expect(
            try inode(out.appendingPathComponent("index.html")) == before,
            "an unchanged file keeps its inode (hard link), so it was not rewritten")
        #expect(!exists(out.appendingPathComponent("x/index.html")))
        #expect(!exists(out.appendingPathComponent("x")), "the emptied folder goes too")
    }

    @Test func aSmallChangeIsWrittenInPlace() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("public")
        let writer = SiteWriter(outputDirectory: out)
        var files = (0..<30).map { OutputFile(path: "p\($0)/index.html", text: "page \($0)") }
        _ = try writer.build(files)
        let before = try inode(out.appendingPathComponent("p1/index.html"))
        files[0] = OutputFile(path: "p0/index.html", text: "changed")
        files.removeLast()
        let report = try writer.build(files)
        #expect(report.written == 1 && report.removed == 1 && report.unchanged == 28)
        #expect(try inode(out.appendingPathComponent("p1/index.html")) == before, "the rest of the site stays as it was")
        #expect(try String(contentsOf: out.appendingPathComponent("p0/index.html"), encoding: .utf8) == "changed")
        #expect(!exists(out.appendingPathComponent("p29")), "the emptied directory is removed")
    }

    /// A page in a one-letter folder removed in place (NSString's path helpers trapped on these).
    @Test func removingAFileInAOneLetterFolder() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("public")
        let writer = SiteWriter(outputDirectory: out)
        var files = (0..<30).map { OutputFile(path: "p\($0).html", text: "\($0)") }
        files.append(OutputFile(path: "a/index.html", text: "a"))
        files.append(OutputFile(path: "b/c/index.html", text: "c"))
        _ = try writer.build(files)
        let report = try writer.build(Array(files.dropLast(2)))
        #expect(report.removed == 2)
        #expect(!exists(out.appendingPathComponent("a")) && !exists(out.appendingPathComponent("b")))
    }

    @Test func pathsThatLeaveTheOutputAreRefused() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let writer = SiteWriter(outputDirectory: root.appendingPathComponent("public"))
        for bad in ["../evil.html", "/etc/x", "a/../../b", "a//b", "", "a\nb"] {
            #expect(throws: DiagnosticError.self) { try writer.build([OutputFile(path: bad, text: "x")]) }
        }
        #expect(!exists(root.appendingPathComponent("evil.html")))
    }

    @Test func hiddenEntriesAndTheUsersFilesAreKept() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("public")
        let writer = SiteWriter(outputDirectory: out)
        _ = try writer.build([OutputFile(path: "index.html", text: "a"), OutputFile(path: "assets/site.css", text: "b")])
        try FileManager.default.createDirectory(at: out.appendingPathComponent(".git/objects"), withIntermediateDirectories: true)
        try Data("ref".utf8).write(to: out.appendingPathComponent(".git/HEAD"))
        try Data("".utf8).write(to: out.appendingPathComponent(".nojekyll"))
        try Data("cds.example.vn".utf8).write(to: out.appendingPathComponent("CNAME"))
        try Data("mine".utf8).write(to: out.appendingPathComponent("assets/custom.css"))
        // A big change (everything new) and a small one: neither may drop what the user put there.
        _ = try writer.build((0..<20).map { OutputFile(path: "n\($0).html", text: "\($0)") })
        _ = try writer.build((0..<20).map { OutputFile(path: "n\($0).html", text: $0 == 3 ? "x" : "\($0)") })
        for kept in [".git/HEAD", ".nojekyll", "CNAME", "assets/custom.css"] {
            #expect(exists(out.appendingPathComponent(kept)), "\(kept) is the user's")
        }
        #expect(!exists(out.appendingPathComponent("index.html")) && !exists(out.appendingPathComponent("assets/site.css")))
    }

    @Test func aFolderDtisiteNeverBuiltIsRefusedUnlessForced() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let docs = root.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        try Data("report".utf8).write(to: docs.appendingPathComponent("bao-cao.docx"))
        try Data("old".utf8).write(to: docs.appendingPathComponent("index.html"))
        #expect(throws: DiagnosticError.self) { try SiteWriter(outputDirectory: docs).build([OutputFile(path: "index.html", text: "a")]) }
        #expect(try String(contentsOf: docs.appendingPathComponent("index.html"), encoding: .utf8) == "old")
        _ = try SiteWriter(outputDirectory: docs, force: true).build([OutputFile(path: "index.html", text: "a")])
        #expect(try String(contentsOf: docs.appendingPathComponent("index.html"), encoding: .utf8) == "a")
        #expect(exists(docs.appendingPathComponent("bao-cao.docx")), "--force replaces files of the same name only")
        // A later build without --force: the folder is now dtisite's; the .docx is still not touched.
        _ = try SiteWriter(outputDirectory: docs).build([OutputFile(path: "other.html", text: "b")])
        #expect(exists(docs.appendingPathComponent("bao-cao.docx")))
        // An empty folder, or one with only hidden entries (a fresh deploy checkout), needs no --force.
        let fresh = root.appendingPathComponent("fresh")
        try FileManager.default.createDirectory(at: fresh.appendingPathComponent(".git"), withIntermediateDirectories: true)
        _ = try SiteWriter(outputDirectory: fresh).build([OutputFile(path: "index.html", text: "a")])
    }

    @Test func aFileOfTheUsersIsNotOverwritten() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("public")
        let writer = SiteWriter(outputDirectory: out)
        _ = try writer.build([OutputFile(path: "index.html", text: "a")])
        try Data("mine".utf8).write(to: out.appendingPathComponent("lien-he.html"))
        #expect(throws: DiagnosticError.self) {
            try writer.build([OutputFile(path: "index.html", text: "a"), OutputFile(path: "lien-he.html", text: "site")])
        }
        #expect(try String(contentsOf: out.appendingPathComponent("lien-he.html"), encoding: .utf8) == "mine")
    }

    /// public/assets as a link to another folder: the writer refuses to write through it.
    @Test func aLinkInsideTheOutputIsNotWrittenThrough() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("public"), elsewhere = root.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let writer = SiteWriter(outputDirectory: out)
        var files = (0..<20).map { OutputFile(path: "p\($0).html", text: "\($0)") }
        files.append(OutputFile(path: "assets/site.css", text: "css"))
        _ = try writer.build(files)
        try FileManager.default.removeItem(at: out.appendingPathComponent("assets"))
        try FileManager.default.createSymbolicLink(at: out.appendingPathComponent("assets"), withDestinationURL: elsewhere)
        files[files.count - 1] = OutputFile(path: "assets/site.css", text: "css 2")
        #expect(throws: DiagnosticError.self) { try writer.build(files) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty, "nothing lands outside the output")

        // A link where dtisite's own file was: replaced by the file, its target untouched.
        try FileManager.default.removeItem(at: out.appendingPathComponent("assets"))
        _ = try writer.build(files)
        let secret = elsewhere.appendingPathComponent("secret")
        try Data("secret".utf8).write(to: secret)
        try FileManager.default.removeItem(at: out.appendingPathComponent("p1.html"))
        try FileManager.default.createSymbolicLink(at: out.appendingPathComponent("p1.html"), withDestinationURL: secret)
        _ = try writer.build(files)
        #expect(FileSystem.kind(out.appendingPathComponent("p1.html").path) == .file)
        #expect(try String(contentsOf: secret, encoding: .utf8) == "secret")
    }

    @Test func leftoversOfAnInterruptedSwapAreCleanedUp() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("public")
        let writer = SiteWriter(outputDirectory: out)
        let files = (0..<5).map { OutputFile(path: "p\($0).html", text: "\($0)") }
        _ = try writer.build(files)
        // An unfinished staging folder and a previous site left by a kill.
        let staging = root.appendingPathComponent(".public.staging"), old = root.appendingPathComponent(".public.old")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        try Data().write(to: staging.appendingPathComponent(OutputRecovery.marker))
        try Data("half".utf8).write(to: staging.appendingPathComponent("p0.html"))
        try FileManager.default.copyItem(at: out, to: old)
        _ = try writer.build(files)
        #expect(!exists(staging) && !exists(old))
        // A kill between the two renames of a swap: the output is missing, the previous site is beside it.
        try FileManager.default.moveItem(at: out, to: old)
        let report = try writer.build(files)
        #expect(report.written == 0, "the previous site is put back, not rebuilt")
        #expect(exists(out.appendingPathComponent("p4.html")) && !exists(old))
    }

    @Test func writeErrorsSayWhy() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        // The output's parent is a file.
        try Data("x".utf8).write(to: root.appendingPathComponent("file"))
        let blocked = SiteWriter(outputDirectory: root.appendingPathComponent("file/public"))
        do {
            _ = try blocked.build([OutputFile(path: "index.html", text: "a")])
            Issue.record("expected an error")
        } catch let error as DiagnosticError {
            #expect(error.description.contains("không phải thư mục"), "\(error)")
        }
        // A full disk, in place and staged.
        let out = root.appendingPathComponent("public")
        _ = try SiteWriter(outputDirectory: out).build((0..<20).map { OutputFile(path: "p\($0).html", text: "\($0)") })
        let full: FaultHook = { step in if step.action == .write { throw SimulatedFailure(code: ENOSPC) } }
        for count in [1, 20] {
            let files = (0..<20).map { OutputFile(path: "p\($0).html", text: $0 < count ? "new" : "\($0)") }
            do {
                _ = try SiteWriter(outputDirectory: out, hook: full).build(files)
                Issue.record("expected an error")
            } catch let error as DiagnosticError {
                #expect(error.description.contains("ổ đĩa đã đầy") && error.description.contains("public"), "\(error)")
            }
        }
    }

    /// A mount point (Docker volume) cannot be swapped: the writer updates it in place instead.
    @Test func anUnswappableOutputIsUpdatedInPlace() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("public")
        _ = try SiteWriter(outputDirectory: out).build([OutputFile(path: "a.html", text: "a")])
        let busy: FaultHook = { step in if step.action == .exchange { throw SimulatedFailure(code: EBUSY) } }
        let report = try SiteWriter(outputDirectory: out, hook: busy).build((0..<5).map { OutputFile(path: "p\($0).html", text: "\($0)") })
        #expect(report.written == 5 && report.removed == 1)
        #expect(exists(out.appendingPathComponent("p4.html")) && !exists(out.appendingPathComponent("a.html")))
        #expect(!exists(root.appendingPathComponent(".public.staging")))
    }
}
