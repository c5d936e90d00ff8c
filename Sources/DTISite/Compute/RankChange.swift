/// A move in a ranking between two years. Rank 54 → 36 is a rise of 18 places: lower is better.
public struct RankChange: Sendable, Hashable {
    public var fromYear: Int
    public var fromRank: Int
    public var toYear: Int
    public var toRank: Int

    /// Places gained (positive) or lost (negative).
    public var places: Int { fromRank - toRank }

    public enum Direction: String, Sendable { case up, down, same }

    public var direction: Direction { places > 0 ? .up : places < 0 ? .down : .same }

    /// "tăng 18 bậc", "giảm 1 bậc", "giữ nguyên".
    public var phrase: String {
        switch direction {
        case .up: return "tăng \(places) bậc"
        case .down: return "giảm \(-places) bậc"
        case .same: return "giữ nguyên"
        }
    }

    /// "+18 bậc", "−1 bậc", "0".
    public var signed: String {
        places == 0 ? "giữ nguyên" : VietnameseFormat.signed(places) + " bậc"
    }
}
