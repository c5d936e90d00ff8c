import Foundation
import Testing
@testable import DTISite

@Suite struct SiteWriterTests {
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dtisite-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func unchangedFilesAreNotRewritten() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("public")
        let writer = SiteWriter(outputDirectory: out)
        let files = [OutputFile(path: "index.html", text: "a"), OutputFile(path: "x/index.html", text: "b")]
        let first = try writer.write(files)
        #expect(first.written == 2)
        let inode = try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent("index.html").path)[.systemFileNumber] as? Int
        let second = try writer.write(files)
        #expect(second.written == 0 && second.unchanged == 2 && second.removed == 0)
        let third = try writer.write([OutputFile(path: "index.html", text: "a"), OutputFile(path: "y.html", text: "c")])
        #expect(third.written == 1 && third.unchanged == 1 && third.removed == 1)
        let inodeAfter = try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent("index.html").path)[.systemFileNumber] as? Int
        #expect(inode == inodeAfter, "an unchanged file keeps its inode (hard link), so it was not rewritten")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("x/index.html").path))
    }

    @Test func aSmallChangeIsWrittenInPlace() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("public")
        let writer = SiteWriter(outputDirectory: out)
        var files = (0..<30).map { OutputFile(path: "p\($0)/index.html", text: "page \($0)") }
        _ = try writer.write(files)
        let inode = { (path: String) in
            try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent(path).path)[.systemFileNumber] as? Int
        }
        let before = try inode("p1/index.html")
        files[0] = OutputFile(path: "p0/index.html", text: "changed")
        files.removeLast()
        let report = try writer.write(files)
        #expect(report.written == 1 && report.removed == 1 && report.unchanged == 28)
        #expect(try inode("p1/index.html") == before, "the rest of the site stays as it was")
        #expect(try String(contentsOf: out.appendingPathComponent("p0/index.html"), encoding: .utf8) == "changed")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("p29").path), "the emptied directory is removed")
    }

    @Test func pathsThatLeaveTheOutputAreRefused() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let writer = SiteWriter(outputDirectory: root.appendingPathComponent("public"))
        for bad in ["../evil.html", "/etc/x", "a/../../b", "a//b", ""] {
            #expect(throws: DiagnosticError.self) { try writer.write([OutputFile(path: bad, text: "x")]) }
        }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("evil.html").path))
    }

    @Test func hiddenEntriesOfTheOutputAreKept() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("public")
        try FileManager.default.createDirectory(at: out.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: out.appendingPathComponent(".gitkeep"))
        _ = try SiteWriter(outputDirectory: out).write([OutputFile(path: "index.html", text: "a")])
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(".git").path))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(".gitkeep").path))
    }
}
