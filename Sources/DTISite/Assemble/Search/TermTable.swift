/// An open-addressing table from a term's 64-bit hash (already well mixed: FNV-1a, `pairHash`) to a
/// small number, the term's place in an array. Swift's Dictionary hashes each key again with SipHash
/// and grew as it filled, which made most of the index's time on a national site.
struct TermTable {
    /// A key and its number; -1 marks a free slot. One array: one bounds check and one uniqueness check a probe.
    private struct Slot {
        var key: UInt64 = 0
        var value: Int32 = -1
    }

    private var slots: [Slot]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: Slot(), count: size)
        mask = size - 1
    }

    /// The number stored for `key`; if there is none, stores `value` and returns nil.
    mutating func find(_ key: UInt64, orInsert value: Int) -> Int? {
        if (count + 1) * 2 > slots.count { grow() }
        let mask = mask
        let found = slots.withUnsafeMutableBufferPointer { slots -> Int? in
            var i = Int(truncatingIfNeeded: key ^ key >> 29) & mask
            while slots[i].value >= 0 {
                if slots[i].key == key { return Int(slots[i].value) }
                i = (i + 1) & mask
            }
            slots[i] = Slot(key: key, value: Int32(value))
            return nil
        }
        if found == nil { count += 1 }
        return found
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(), count: old.count * 2)
        mask = slots.count - 1
        for slot in old where slot.value >= 0 {
            var i = Int(truncatingIfNeeded: slot.key ^ slot.key >> 29) & mask
            while slots[i].value >= 0 { i = (i + 1) & mask }
            slots[i] = slot
        }
    }
}
