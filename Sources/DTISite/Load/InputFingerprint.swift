import Foundation

/// A hash of everything a build reads: every file under the content and theme directories (path and
/// bytes, symbolic links followed as the loader follows them), the options that change output, and the
/// running executable's size and date. The build compares it with the one the previous build recorded
/// in the output (`.dtisite-build`): the same fingerprint and intact files mean nothing to do.
///
/// Each file's digest is kept, so a session that knows which files changed rehashes only those.
struct InputFingerprint: Sendable {
    /// Absolute path → digest of the file's bytes.
    private(set) var digests: [String: UInt64] = [:]
    let options: SiteBuilder.Options

    init(_ options: SiteBuilder.Options) {
        self.options = options
    }

    /// The files under the inputs now, hashed unless they are known and not in `changed` (absolute paths).
    mutating func update(changed: Set<String>? = nil) {
        var next: [String: UInt64] = [:]
        var toHash: [String] = []
        for root in roots {
            for relative in FileTree.inputFiles(in: root).keys {
                let path = root + relative
                if let known = digests[path], let changed, !changed.contains(path) {
                    next[path] = known
                } else {
                    toHash.append(path)
                }
            }
        }
        // Files are read and hashed concurrently.
        let hashed = Concurrent.map(toHash) { path -> UInt64? in
            guard let data = FileManager.default.contents(atPath: path) else { return nil }
            var file = ContentHasher()
            data.withUnsafeBytes { file.add($0) }
            return file.digest
        }
        for (path, digest) in zip(toHash, hashed) { next[path] = digest }
        digests = next
    }

    var roots: [String] {
        [options.contentDirectory, options.themeDirectory].map { $0.path.hasSuffix("/") ? $0.path : $0.path + "/" }
    }

    /// The fingerprint: the digests combined in path order, relative to their directory.
    var value: String {
        var hasher = ContentHasher()
        hasher.add("dtisite-manifest-2|\(options.baseURL ?? "")|\(options.strict)|\(options.relativeURLs)")
        for (directory, root) in zip([options.contentDirectory, options.themeDirectory], roots) {
            hasher.add("|dir|" + directory.lastPathComponent)
            for path in digests.keys.filter({ $0.hasPrefix(root) }).sorted() {
                hasher.add("|" + path.dropFirst(root.count) + "|")
                hasher.add(digests[path]!)
            }
        }
        if let executable = Bundle.main.executableURL,
            let attributes = try? FileManager.default.attributesOfItem(atPath: executable.resolvingSymlinksInPath().path)
        {
            hasher.add(
                "|exe|\((attributes[.size] as? NSNumber)?.intValue ?? 0)|\((attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)"
            )
        }
        return hasher.hex
    }
}
