import Foundation
import Testing

@testable import DTISite

/// The stages keep their order: load → validate → analyze → pages/render → assemble → write. A folder
/// of an earlier stage never names a type declared in a later one, so each stage can be understood,
/// tested and rerun (by a dev server) on its own.
@Suite struct ArchitectureTests {
    static let sources = Fixtures.repositoryRoot.appendingPathComponent("Sources/DTISite")

    /// Top-level type names declared in the Swift files of a folder.
    static func declaredTypes(in folder: String) throws -> Set<String> {
        var names: Set<String> = []
        let pattern = try NSRegularExpression(
            pattern: #"^(?:final )?(?:struct|enum|class|protocol|typealias) ([A-Z][A-Za-z0-9]*)"#, options: .anchorsMatchLines)
        for (_, text) in try files(in: folder) {
            let range = NSRange(text.startIndex..., in: text)
            for match in pattern.matches(in: text, range: range) {
                names.insert(String(text[Range(match.range(at: 1), in: text)!]))
            }
        }
        return names
    }

    static func files(in folder: String) throws -> [(String, String)] {
        let root = sources.appendingPathComponent(folder)
        let paths = FileManager.default.subpaths(atPath: root.path) ?? []
        return try paths.filter { $0.hasSuffix(".swift") }.sorted().map { path in
            (folder + "/" + path, try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8))
        }
    }

    @Test func earlierStagesDoNotNameTypesOfLaterOnes() throws {
        var later: Set<String> = []
        for folder in ["Phrases", "Render", "Charts", "Markdown", "Assemble", "Output"] {
            later.formUnion(try Self.declaredTypes(in: folder))
        }
        #expect(
            later.contains("SiteRenderer") && later.contains("SiteWriter") && later.contains("TemplateSet") && later.contains("Phrases"))
        var offences: [String] = []
        for folder in ["Core", "Config", "Load", "Model", "Validate", "Analyze"] {
            for (file, text) in try Self.files(in: folder) {
                let code = text.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }.joined(
                    separator: "\n")
                for name in later where code.range(of: #"\b\#(name)\b"#, options: .regularExpression) != nil {
                    offences.append("\(file) names \(name)")
                }
            }
        }
        #expect(offences.isEmpty, "\(offences.joined(separator: "\n"))")
    }

    @Test func noSourceFileIsLongerThan400Lines() throws {
        var long: [String] = []
        for folder in try FileManager.default.contentsOfDirectory(atPath: Self.sources.path) {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: Self.sources.appendingPathComponent(folder).path, isDirectory: &isDirectory),
                isDirectory.boolValue
            else { continue }
            for (file, text) in try Self.files(in: folder) where text.split(separator: "\n", omittingEmptySubsequences: false).count > 400 {
                long.append(file)
            }
        }
        #expect(long.isEmpty, "\(long)")
    }

    /// The library's public surface is the API/ folder: building, checking, options, the report, diagnostics.
    @Test func onlyTheAPIFolderIsPublic() throws {
        var outside: [String] = []
        for folder in try FileManager.default.contentsOfDirectory(atPath: Self.sources.path)
        where folder != "API" && !folder.hasSuffix(".swift") {
            for (file, text) in try Self.files(in: folder)
            where text.range(of: #"(?m)^\s*(@\w+ )?public "#, options: .regularExpression) != nil {
                outside.append(file)
            }
        }
        #expect(outside.isEmpty, "\(outside)")
    }

    /// What pages, charts, tables and search results say comes from `Phrases`, so that a second language
    /// is a second set of phrases: the page, chart and assemble stages write no Vietnamese text of their
    /// own. Diagnostics keep their text beside their rule (within a few lines of the call that raises
    /// them); TemplateSet and the Markdown stage hold only diagnostics.
    @Test func pageTextComesFromPhrases() throws {
        let vietnamese = try NSRegularExpression(
            pattern: #""[^"\n]*[ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ][^"\n]*""#)
        let diagnosticsOnly: Set<String> = ["Render/TemplateSet.swift"]
        var offences: [String] = []
        for folder in ["Charts", "Render", "Assemble"] {
            for (file, text) in try Self.files(in: folder) where !diagnosticsOnly.contains(file) {
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                for (n, line) in lines.enumerated() {
                    if line.trimmingCharacters(in: .whitespaces).hasPrefix("//") { continue }
                    guard vietnamese.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil else { continue }
                    let nearby = lines[max(0, n - 3)...n].joined(separator: "\n")
                    if nearby.contains(".warning(") || nearby.contains(".error(") { continue }
                    offences.append("\(file):\(n + 1): \(line.trimmingCharacters(in: .whitespaces))")
                }
            }
        }
        #expect(offences.isEmpty, "\(offences.joined(separator: "\n"))")
    }
}
