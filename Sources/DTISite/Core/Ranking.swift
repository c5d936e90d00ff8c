import Foundation

/// Compute: pure functions over the model — ranks and ties, changes, averages, totals.

/// Ranks from values, higher is better, ties share the best rank ("standard competition ranking":
/// 0,80 0,75 0,75 0,70 → 1 2 2 4), as the DTI tables publish them.
enum Ranking {
    static func competitionRanks<Key: Hashable>(_ values: [Key: Decimal]) -> [Key: Int] {
        let sorted = values.values.sorted(by: >)
        var result: [Key: Int] = [:]
        for (key, value) in values {
            // Rank = 1 + how many are strictly better.
            result[key] = 1 + countGreater(than: value, inDescending: sorted)
        }
        return result
    }

    /// The ranks a value may hold among `values` without contradicting their order: from
    /// 1 + (number strictly greater) to (number greater or equal). A published rank outside this
    /// range contradicts the published index. A range wider than one value means a tie at the
    /// published precision. In a group of `groupSize` units of which only `values` are known (a
    /// partial ranking), the absent units may stand anywhere: the range runs to groupSize − (number smaller).
    static func consistentRanks(for value: Decimal, among values: [Decimal], groupSize: Int? = nil) -> ClosedRange<Int> {
        let greater = values.filter { $0 > value }.count
        let greaterOrEqual = values.filter { $0 >= value }.count
        let upper = groupSize.map { max($0 - values.filter { $0 < value }.count, greaterOrEqual) } ?? greaterOrEqual
        return (greater + 1)...max(greater + 1, upper)
    }

    /// The mean of exact decimals, rounded half away from zero to `places` decimals (4 for DTI values):
    /// 0,7561 and 0,8152 → 0,78565 → 0,7857. Nil for no values.
    static func mean(_ values: [Decimal], places: Int = 4) -> Decimal? {
        guard !values.isEmpty else { return nil }
        var quotient = values.reduce(0, +) / Decimal(values.count)
        var result = Decimal()
        NSDecimalRound(&result, &quotient, places, .plain)
        return result
    }

    private static func countGreater(than value: Decimal, inDescending sorted: [Decimal]) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] > value { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
