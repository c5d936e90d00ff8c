/// "Did you mean …?" for names people type: the closest candidate by edit distance on the
/// diacritic-free form, so "Lai Chau" suggests "Lai Châu" and "Thế chế số" suggests "Thể chế số".
enum Suggest {
    static func closest(to input: String, in candidates: [String]) -> String? {
        let key = Slug.matchKey(input)
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let d = distance(key, Slug.matchKey(candidate))
            if best == nil || d < best!.distance || (d == best!.distance && candidate < best!.name) {
                best = (candidate, d)
            }
        }
        guard let best else { return nil }
        // A truncated name ("ha-tang" for "ha-tang-so") is plausible too.
        if key.count >= 4, let prefixed = candidates.first(where: { Slug.matchKey($0).hasPrefix(key) }) {
            return best.distance <= max(2, key.count / 3) ? best.name : prefixed
        }
        // Only suggest what is plausibly a typo.
        return best.distance <= max(2, key.count / 3) ? best.name : nil
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
