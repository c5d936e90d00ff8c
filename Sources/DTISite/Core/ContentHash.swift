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
        while i < count {
            tail |= UInt64(bytes[i]) << shift
            shift += 8
            i += 1
        }
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
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 33)
    }

    var hex: String { String(digest, radix: 16) }
}

/// A short content hash (64 bit) for cache-busting asset URLs: the same bytes give the same
/// URL on every build, a changed stylesheet a new one.
enum Fingerprint {
    static func short(_ bytes: [UInt8]) -> String {
        var hasher = ContentHasher()
        bytes.withUnsafeBytes { hasher.add($0) }
        return String(hasher.hex.prefix(8))
    }
}
