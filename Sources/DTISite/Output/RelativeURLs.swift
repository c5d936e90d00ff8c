/// `--relative-urls`: every link of a page that starts with the site's base path (`href="/cds/tru-cot/"`)
/// is written relative to that page (`href="../tru-cot/index.html"` on `/cds/van-ban/`), as Hugo's
/// `relativeURLs` does, so the output opens from a USB stick or the file manager. A link (`href`) to a
/// folder gets its `index.html`, which a file browser does not add. Only attribute values are touched (text
/// content never holds `="` unescaped); absolute URLs (canonical, feed, sitemap) stay absolute.
enum RelativeURLs {
    /// The HTML files of the build rewritten; other files and kept files as they are.
    static func apply(_ files: [OutputFile], base: String) -> [OutputFile] {
        Concurrent.map(files) { file in
            guard file.keptSize == nil, file.path.hasSuffix(".html") else { return file }
            var rewritten = file
            rewritten.contents = rewrite(file.contents, path: file.path, base: base)
            return rewritten
        }
    }

    /// The prefix that leads from the file at `path` (relative to the output) back to the site root:
    /// "./" at the root, "../../" two folders down.
    static func prefix(for path: String) -> String {
        let depth = path.utf8.count { $0 == UInt8(ascii: "/") }
        return depth == 0 ? "./" : String(repeating: "../", count: depth)
    }

    static func rewrite(_ bytes: [UInt8], path: String, base: String) -> [UInt8] {
        let base = Array(base.utf8)
        let prefix = Array(prefix(for: path).utf8)
        let equals = UInt8(ascii: "="), double = UInt8(ascii: "\""), single = UInt8(ascii: "'")
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 16)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            out.append(byte)
            i += 1
            guard byte == equals, i < bytes.count, bytes[i] == double || bytes[i] == single,
                bytes.count - (i + 1) >= base.count, bytes[(i + 1)..<(i + 1 + base.count)].elementsEqual(base)
            else { continue }
            let quote = bytes[i]
            let isLink = bytes[..<(i - 1)].suffix(4).elementsEqual("href".utf8)
            out.append(quote)
            i += 1 + base.count
            // The value's path, up to its query, fragment or closing quote.
            var end = i
            while end < bytes.count, bytes[end] != quote, bytes[end] != UInt8(ascii: "?"), bytes[end] != UInt8(ascii: "#") {
                end += 1
            }
            out += prefix
            out += bytes[i..<end]
            if isLink, end == i || bytes[end - 1] == UInt8(ascii: "/") { out += Array("index.html".utf8) }
            i = end
        }
        return out
    }
}
