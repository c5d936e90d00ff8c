import Dispatch
import Foundation

/// `.dtisite-build` in the output directory: what dtisite wrote there and how it left it.
///
/// - the files it owns (path, size, modification time, inode): dtisite removes or replaces only these;
///   anything else in the output is the user's and is never touched;
/// - whether the output is complete (`clean`) or being written (`dirty`): the manifest is marked dirty
///   before the first change to the output and rewritten clean after the last, so a build that was
///   interrupted leaves a dirty manifest, and the next build trusts nothing of the previous one;
/// - the fingerprint of everything the build read (`InputFingerprint`, handed over by the build), the
///   warnings, and each page's input hash
///   (`RenderReuse`), so that a rebuild with nothing changed stops at once and one with a few
///   changes renders only the pages they touch.
///
/// A file counts as still the one dtisite wrote only when its size, modification time and inode are
/// those recorded: a damaged file of the same size is noticed and written again.
struct BuildManifest {
    static let fileName = ".dtisite-build"
    static let header = "dtisite-manifest 2"

    struct Entry: Equatable {
        var size: Int
        var modified: Int64 = 0
        var inode: UInt64 = 0
    }

    var clean: Bool
    var fingerprint: String
    var pages: Int
    var files: [String: Entry]
    var warnings: [String] = []
    /// Output path → hash of the page's inputs (RenderReuse).
    var pageHashes: [String: String] = [:]

    static func read(from directory: String) -> BuildManifest? {
        guard let data = FileManager.default.contents(atPath: directory + "/" + fileName),
            FileSystem.kind(directory + "/" + fileName) == .file
        else { return nil }
        return parse(String(decoding: data, as: UTF8.self))
    }

    static func parse(_ text: String) -> BuildManifest? {
        // Split on the bytes: the manifest of a national site has thousands of lines.
        let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { String(Substring($0)) }
        guard let first = lines.first else { return nil }
        if first != header { return parseVersion1(lines) }
        var manifest = BuildManifest(clean: false, fingerprint: "", pages: 0, files: [:])
        for line in lines.dropFirst() where !line.isEmpty {
            let tag = line.prefix(2)
            let rest = String(line.dropFirst(2))
            switch tag {
            case "S ": manifest.clean = rest == "clean"
            case "H ": manifest.fingerprint = rest
            case "N ": manifest.pages = Int(rest) ?? 0
            case "W ": manifest.warnings.append(rest)
            case "P ":
                guard let space = rest.utf8.lastIndex(of: UInt8(ascii: " ")) else { return nil }
                manifest.pageHashes[String(rest[..<space])] = String(rest[rest.utf8.index(after: space)...])
            case "F ":
                // "F size modified inode path": the path last, as it may hold spaces.
                // Split on the bytes, as the lines are: thirteen thousand of them on a national site.
                let parts = rest.utf8.split(separator: UInt8(ascii: " "), maxSplits: 3, omittingEmptySubsequences: false)
                guard parts.count == 4, let size = Int(Substring(parts[0])), let modified = Int64(Substring(parts[1])),
                    let inode = UInt64(Substring(parts[2])), !parts[3].isEmpty
                else { return nil }
                manifest.files[String(Substring(parts[3]))] = Entry(size: size, modified: modified, inode: inode)
            default: return nil
            }
        }
        return manifest
    }

    /// The format of dtisite before the manifest recorded more than sizes: kept for the list of
    /// files it owns, and never trusted as clean.
    private static func parseVersion1(_ lines: [String]) -> BuildManifest? {
        guard lines.count >= 2, let pages = Int(lines[1]) else { return nil }
        var manifest = BuildManifest(clean: false, fingerprint: lines[0], pages: pages, files: [:])
        for line in lines.dropFirst(2) where !line.isEmpty && !line.hasPrefix("W ") && !line.hasPrefix("P ") {
            guard let space = line.utf8.lastIndex(of: UInt8(ascii: " ")),
                let size = Int(line[line.utf8.index(after: space)...])
            else { return nil }
            manifest.files[String(line[..<space])] = Entry(size: size)
        }
        return manifest
    }

    var text: String {
        var text = Self.header + "\n" + "S " + (clean ? "clean" : "dirty") + "\nH \(fingerprint)\nN \(pages)\n"
        for warning in warnings { text += "W " + warning.replacingOccurrences(of: "\n", with: " ") + "\n" }
        for (path, hash) in pageHashes.sorted(by: { $0.key < $1.key }) { text += "P \(path) \(hash)\n" }
        for (path, entry) in files.sorted(by: { $0.key < $1.key }) {
            text += "F \(entry.size) \(entry.modified) \(entry.inode) \(path)\n"
        }
        return text
    }

    /// The file still is the one this manifest recorded (same size, time and inode, a regular file).
    func isIntact(_ path: String, in root: String) -> Bool {
        guard let entry = files[path] else { return false }
        let found = FileSystem.identity(root + "/" + path)
        return found.kind == .file && found.size == entry.size && found.modified == entry.modified && found.inode == entry.inode
    }
}

/// The manifest a session read last, parsed, and the identity (size, time, inode) of the file it was
/// read from: while the file is the same, it is not read and parsed again (a national site's manifest
/// has thirteen thousand lines). The manifest is always replaced by a rename, so a new one has a new inode.
final class ManifestCache: @unchecked Sendable {
    // Used by one build at a time.
    private var identity: FileSystem.Identity?
    private var manifest: BuildManifest?

    func read(from directory: String) -> BuildManifest? {
        let path = directory + "/" + BuildManifest.fileName
        let found = FileSystem.identity(path)
        guard found.kind == .file else { return nil }
        if let identity, let manifest, identity == found { return manifest }
        let manifest = BuildManifest.read(from: directory)
        (self.identity, self.manifest) = (found, manifest)
        return manifest
    }

    /// The manifest just written at `path`.
    func store(_ manifest: BuildManifest, at path: String) {
        (identity, self.manifest) = (FileSystem.identity(path), manifest)
    }
}
