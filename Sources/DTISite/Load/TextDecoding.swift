import Foundation

/// Bytes of a content file to text, the way Excel and Word users save them: UTF-8 with or without BOM,
/// or UTF-16 with a BOM ("Unicode Text" in Excel). Anything else is an error naming the first bad byte.
enum TextDecoding {
    static func decode(_ data: Data, file: String) throws(DiagnosticError) -> String {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            guard let text = String(data: data, encoding: .utf16) else {
                throw DiagnosticError(
                    .error(
                        SourceLocation(file: file, line: 1, column: 1),
                        "tệp bắt đầu bằng dấu UTF-16 nhưng nội dung không đúng UTF-16; hãy lưu lại dưới dạng \"CSV UTF-8\""))
            }
            return normalize(text)
        }
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        if let text = String(validating: bytes[start...], as: UTF8.self) {
            return normalize(text)
        }
        // Find the first invalid byte to point at it.
        var line = 1, column = 1, index = start
        while index < bytes.count {
            let length = utf8SequenceLength(bytes, at: index)
            if length == 0 { break }
            if bytes[index] == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += length
        }
        throw DiagnosticError(
            .error(
                SourceLocation(file: file, line: line, column: column),
                "tệp không phải văn bản UTF-8 (byte 0x\(String(bytes[min(index, bytes.count - 1)], radix: 16, uppercase: true)) không hợp lệ); trong Excel hãy chọn \"Lưu thành\" → \"CSV UTF-8\""
            ))
    }

    /// Length of a valid UTF-8 sequence at `i`, or 0 if invalid.
    private static func utf8SequenceLength(_ b: [UInt8], at i: Int) -> Int {
        let first = b[i]
        let length: Int
        switch first {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 0
        }
        guard i + length <= b.count else { return 0 }
        for k in 1..<length where b[i + k] & 0xC0 != 0x80 { return 0 }
        return String(validating: b[i..<(i + length)], as: UTF8.self) == nil ? 0 : length
    }

    /// One line ending and no NUL: CRLF and lone CR become LF.
    private static func normalize(_ text: String) -> String {
        var t = text
        if t.hasPrefix("\u{FEFF}") { t.removeFirst() }
        // Byte scan first: almost every file needs no change, and Foundation's search is slow on Linux.
        let needsWork = t.withUTF8 { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
            return memchr(base, 0x0D, bytes.count) != nil || memchr(base, 0x00, bytes.count) != nil
        }
        guard needsWork else { return t }
        var out: [UInt8] = []
        out.reserveCapacity(t.utf8.count)
        var previousCR = false
        for byte in t.utf8 {
            if byte == 0x00 { continue }
            if byte == 0x0D {
                out.append(0x0A)
                previousCR = true
                continue
            }
            if byte == 0x0A, previousCR {
                previousCR = false
                continue
            }
            previousCR = false
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension String {
    /// Whether the text's UTF-8 holds `byte`, found with memchr: the generic `utf8.contains` walks
    /// the view one index at a time, which shows on files of a national site.
    func containsByte(_ byte: UInt8) -> Bool {
        var copy = self
        return copy.withUTF8 { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        }
    }

    /// Whether the text holds `needle`, compared on the UTF-8 bytes (memchr for its first byte, then the
    /// rest): Foundation's `contains` runs through CFString and the generic `firstRange(of:)` walks the
    /// view, either a noticeable part of a national build when run over every Markdown text.
    func containsBytes(of needle: String) -> Bool {
        var copy = self
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return true }
        return copy.withUTF8 { bytes in
            guard let base = bytes.baseAddress, bytes.count >= pattern.count else { return false }
            var offset = 0
            let last = bytes.count - pattern.count
            while offset <= last, let hit = memchr(base + offset, Int32(first), last - offset + 1) {
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if pattern.indices.allSatisfy({ bytes[at + $0] == pattern[$0] }) { return true }
                offset = at + 1
            }
            return false
        }
    }
}
