import Foundation

/// `.dtisite-build` in the output directory: a fingerprint of everything a build reads (Content/,
/// Theme/, the options, the dtisite binary) and the files it wrote. When the next build finds the same
/// fingerprint and every file still there with its size, it has nothing to do and stops at once.
struct BuildManifest {
    static let fileName = ".dtisite-build"

    var fingerprint: String
    var pages: Int
    var files: [String: Int]
    var warnings: [String]
    /// Output path → hash of the page's inputs (RenderCache).
    var pageHashes: [String: String] = [:]

    /// Hash of the inputs: every file under the content and theme directories (path and bytes),
    /// the options that change output, and the running executable's size and date.
    static func fingerprint(_ options: SiteBuilder.Options) -> String {
        var hasher = FNV1a()
        hasher.add("dtisite-manifest-1|\(options.baseURL ?? "")|\(options.strict)")
        for directory in [options.contentDirectory, options.themeDirectory] {
            hasher.add("|dir|" + directory.lastPathComponent)
            guard let enumerator = FileManager.default.enumerator(atPath: directory.path) else { continue }
            var paths: [String] = []
            while let relative = enumerator.nextObject() as? String { paths.append(relative) }
            for relative in paths.sorted() {
                let url = directory.appendingPathComponent(relative)
                guard let data = FileManager.default.contents(atPath: url.resolvingSymlinksInPath().path) else { continue }
                hasher.add("|" + relative + "|")
                data.withUnsafeBytes { hasher.add($0) }
            }
        }
        if let executable = Bundle.main.executableURL,
           let attributes = try? FileManager.default.attributesOfItem(atPath: executable.resolvingSymlinksInPath().path) {
            hasher.add("|exe|\((attributes[.size] as? NSNumber)?.intValue ?? 0)|\((attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)")
        }
        return hasher.hex
    }

    static func read(from output: URL) -> BuildManifest? {
        guard let text = try? String(contentsOf: output.appendingPathComponent(fileName), encoding: .utf8) else { return nil }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= 2, let pages = Int(lines[1]) else { return nil }
        let fingerprint = lines[0]
        lines.removeFirst(2)
        var files: [String: Int] = [:]
        var warnings: [String] = []
        var pageHashes: [String: String] = [:]
        for line in lines where !line.isEmpty {
            if line.hasPrefix("W ") { warnings.append(String(line.dropFirst(2))); continue }
            if line.hasPrefix("P ") {
                let parts = line.dropFirst(2).split(separator: " ")
                if parts.count == 2 { pageHashes[String(parts[0])] = String(parts[1]) }
                continue
            }
            guard let space = line.lastIndex(of: " "), let size = Int(line[line.index(after: space)...]) else { return nil }
            files[String(line[..<space])] = size
        }
        return BuildManifest(fingerprint: fingerprint, pages: pages, files: files, warnings: warnings, pageHashes: pageHashes)
    }

    func write(to output: URL) {
        var text = fingerprint + "\n\(pages)\n"
        for warning in warnings { text += "W " + warning.replacingOccurrences(of: "\n", with: " ") + "\n" }
        for (path, hash) in pageHashes.sorted(by: { $0.key < $1.key }) { text += "P \(path) \(hash)\n" }
        for (path, size) in files.sorted(by: { $0.key < $1.key }) { text += "\(path) \(size)\n" }
        try? text.write(to: output.appendingPathComponent(Self.fileName), atomically: true, encoding: .utf8)
    }

    /// Every file the manifest lists is still in the output with its size.
    func isIntact(in output: URL) -> Bool {
        files.allSatisfy { path, size in
            let attributes = try? FileManager.default.attributesOfItem(atPath: output.appendingPathComponent(path).path)
            return (attributes?[.size] as? NSNumber)?.intValue == size
        }
    }
}

/// 64-bit FNV-1a, enough to notice that an input changed.
struct FNV1a {
    private var hash: UInt64 = 0xcbf29ce484222325

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var h = hash
        for byte in bytes {
            h ^= UInt64(byte)
            h = h &* 0x100000001b3
        }
        hash = h
    }

    mutating func add(_ text: String) {
        var copy = text
        copy.withUTF8 { add(UnsafeRawBufferPointer($0)) }
    }

    var hex: String { String(hash, radix: 16) }
}
