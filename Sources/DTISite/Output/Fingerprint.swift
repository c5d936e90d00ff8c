/// A short content hash (FNV-1a, 64 bit) for cache-busting asset URLs: the same bytes give the same
/// URL on every build, a changed stylesheet a new one.
enum Fingerprint {
    static func short(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100000001b3
        }
        return String(String(hash, radix: 16).prefix(8))
    }
}
