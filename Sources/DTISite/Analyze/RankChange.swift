/// A move in a ranking between two years. Rank 54 → 36 is a rise of 18 places: lower is better.
struct RankChange: Sendable, Hashable {
    var fromYear: Int
    var fromRank: Int
    var toYear: Int
    var toRank: Int

    /// Places gained (positive) or lost (negative).
    var places: Int { fromRank - toRank }

    enum Direction: String, Sendable { case up, down, same }

    var direction: Direction { places > 0 ? .up : places < 0 ? .down : .same }
}
