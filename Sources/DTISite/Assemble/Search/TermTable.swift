/// An open-addressing table from a term's 64-bit hash (already well mixed: FNV-1a, `pairHash`) to a
/// small number, the term's place in an array. Swift's Dictionary hashes each key again with SipHash
/// and grew as it filled, which made most of the index's time on a national site.
struct TermTable {
    private var keys: [UInt64]
    private var values: [Int32]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: 0, count: size)
        values = Array(repeating: -1, count: size)
        mask = size - 1
    }

    /// The number stored for `key`; if there is none, stores `value` and returns nil.
    mutating func find(_ key: UInt64, orInsert value: Int) -> Int? {
        if (count + 1) * 2 > keys.count { grow() }
        var i = Int(truncatingIfNeeded: key ^ key >> 29) & mask
        while values[i] >= 0 {
            if keys[i] == key { return Int(values[i]) }
            i = (i + 1) & mask
        }
        keys[i] = key
        values[i] = Int32(value)
        count += 1
        return nil
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        values = Array(repeating: -1, count: oldKeys.count * 2)
        mask = keys.count - 1
        for (key, value) in zip(oldKeys, oldValues) where value >= 0 {
            var i = Int(truncatingIfNeeded: key ^ key >> 29) & mask
            while values[i] >= 0 { i = (i + 1) & mask }
            keys[i] = key
            values[i] = value
        }
    }
}
