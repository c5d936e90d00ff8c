import CRSVG

/// PNG files from cairo's RGB pixels, written by dtisite with zlib: cairo's own writer (libpng at its
/// default compression) took longer than drawing the chart. Each row is stored with the "Sub" filter
/// (a byte minus the same colour's byte one pixel to the left), which turns a chart's flat runs of
/// colour into zeros, and zlib's fastest level compresses those almost as well as its slowest.
enum PNGEncoder {
    /// The PNG of `width` × `height` pixels in cairo's RGB24 layout (4 bytes a pixel, blue first on a
    /// little-endian machine, `stride` bytes a row).
    static func encode(pixels: UnsafePointer<UInt8>, width: Int, height: Int, stride: Int) -> [UInt8]? {
        let rowBytes = 1 + width * 3
        var raw = [UInt8](repeating: 0, count: rowBytes * height)
        raw.withUnsafeMutableBufferPointer { out in
            for y in 0..<height {
                let row = pixels + y * stride
                var o = y * rowBytes
                out[o] = 1  // filter: Sub
                o += 1
                var left: (UInt8, UInt8, UInt8) = (0, 0, 0)
                for x in 0..<width {
                    let p = row + x * 4
                    let pixel = (p[2], p[1], p[0])  // BGRX → RGB
                    out[o] = pixel.0 &- left.0
                    out[o + 1] = pixel.1 &- left.1
                    out[o + 2] = pixel.2 &- left.2
                    left = pixel
                    o += 3
                }
            }
        }
        var compressedSize = compressBound(uLong(raw.count))
        var compressed = [UInt8](repeating: 0, count: Int(compressedSize))
        let status = compressed.withUnsafeMutableBufferPointer { out in
            raw.withUnsafeBufferPointer { compress2(out.baseAddress, &compressedSize, $0.baseAddress, uLong($0.count), 1) }
        }
        guard status == Z_OK else { return nil }
        compressed.removeSubrange(Int(compressedSize)...)
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header: [UInt8] = []
        header += bigEndian(UInt32(width)) + bigEndian(UInt32(height))
        header += [8, 2, 0, 0, 0]  // 8 bits, RGB, deflate, adaptive filters, no interlace
        chunk("IHDR", header, into: &png)
        chunk("IDAT", compressed, into: &png)
        chunk("IEND", [], into: &png)
        return png
    }

    private static func chunk(_ type: String, _ data: [UInt8], into png: inout [UInt8]) {
        let typeBytes = Array(type.utf8)
        png += bigEndian(UInt32(data.count))
        png += typeBytes
        png += data
        var crc = crc32(0, typeBytes, uInt(typeBytes.count))
        crc = data.withUnsafeBufferPointer { crc32(crc, $0.baseAddress, uInt($0.count)) }
        png += bigEndian(UInt32(crc))
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }
}
