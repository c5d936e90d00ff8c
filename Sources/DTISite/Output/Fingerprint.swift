/// A short content hash (64 bit) for cache-busting asset URLs: the same bytes give the same
/// URL on every build, a changed stylesheet a new one.
enum Fingerprint {
    static func short(_ bytes: [UInt8]) -> String {
        var hasher = ContentHasher()
        bytes.withUnsafeBytes { hasher.add($0) }
        return String(hasher.hex.prefix(8))
    }
}
