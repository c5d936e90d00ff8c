import Dispatch
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
        var hasher = ContentHasher()
        hasher.add("dtisite-manifest-1|\(options.baseURL ?? "")|\(options.strict)")
        for directory in [options.contentDirectory, options.themeDirectory] {
            hasher.add("|dir|" + directory.lastPathComponent)
            let root = directory.path.hasSuffix("/") ? directory.path : directory.path + "/"
            let sorted = FileTree.inputFiles(in: root).keys.sorted()
            // Files are read and hashed concurrently, then combined in path order.
            // Symbolic links are followed, as the loader follows them.
            var digests = [UInt64?](repeating: nil, count: sorted.count)
            digests.withUnsafeMutableBufferPointer { buffer in
                let slots = UnsafeSendableBuffer(buffer)
                DispatchQueue.concurrentPerform(iterations: sorted.count) { i in
                    guard let data = FileManager.default.contents(atPath: root + sorted[i]) else { return }
                    var file = ContentHasher()
                    data.withUnsafeBytes { file.add($0) }
                    slots[i] = file.digest
                }
            }
            for (relative, digest) in zip(sorted, digests) {
                guard let digest else { continue }
                hasher.add("|" + relative + "|")
                hasher.add(digest)
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
        // Split on the bytes: the manifest of a national site has thousands of lines.
        var lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { String(Substring($0)) }
        guard lines.count >= 2, let pages = Int(lines[1]) else { return nil }
        let fingerprint = lines[0]
        lines.removeFirst(2)
        var files: [String: Int] = [:]
        var warnings: [String] = []
        var pageHashes: [String: String] = [:]
        for line in lines where !line.isEmpty {
            if line.hasPrefix("W ") { warnings.append(String(line.dropFirst(2))); continue }
            if line.hasPrefix("P ") {
                guard let space = line.utf8.lastIndex(of: UInt8(ascii: " ")), space > line.utf8.index(line.startIndex, offsetBy: 2) else { continue }
                pageHashes[String(line[line.utf8.index(line.startIndex, offsetBy: 2)..<space])] = String(line[line.utf8.index(after: space)...])
                continue
            }
            guard let space = line.utf8.lastIndex(of: UInt8(ascii: " ")), let size = Int(line[line.utf8.index(after: space)...]) else { return nil }
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
        let root = output.path
        return files.allSatisfy { path, size in FileTree.size(of: root + "/" + path) == size }
    }
}

/// A 64-bit hash of bytes, eight at a time, to notice that an input changed (not for security).
/// The same bytes give the same value on every run, unlike Swift's seeded `Hasher`.
struct ContentHasher {
    private var state: UInt64 = 0x9E37_79B9_7F4A_7C15

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var h = state
        var i = 0
        let count = bytes.count
        while i + 8 <= count {
            h = (h ^ bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            i += 8
        }
        var tail: UInt64 = 0, shift: UInt64 = 0
        while i < count { tail |= UInt64(bytes[i]) << shift; shift += 8; i += 1 }
        h = (h ^ tail ^ (UInt64(truncatingIfNeeded: count) << 56)) &* 0xC4CE_B9FE_1A85_EC53
        state = h ^ (h >> 29)
    }

    mutating func add(_ text: String) {
        var copy = text
        copy.withUTF8 { add(UnsafeRawBufferPointer($0)) }
    }

    mutating func add(_ word: UInt64) {
        withUnsafeBytes(of: word.littleEndian) { add($0) }
    }

    /// The hash, mixed so that every input bit reaches every output bit.
    var digest: UInt64 {
        var h = state
        h ^= h >> 33; h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33; h = h &* 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 33)
    }

    var hex: String { String(digest, radix: 16) }
}
