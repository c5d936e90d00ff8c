/// Text built from many small pieces — SVG drawings, table rows, data downloads — kept as UTF-8
/// bytes until it is done: appending bytes costs a fraction of appending to a `String`, which checks
/// its storage and flags on every piece.
struct TextBuilder {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func append(_ piece: String) {
        var piece = piece
        piece.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func append(bytes piece: [UInt8]) { bytes += piece }

    /// User text for HTML or SVG, through `Escape.html`.
    mutating func appendEscaped(_ text: String) { Escape.html(text, into: &bytes) }

    static func += (builder: inout TextBuilder, piece: String) { builder.append(piece) }
}
