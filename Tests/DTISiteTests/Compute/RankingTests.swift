import Foundation
import Testing

@testable import DTISite

@Suite struct RankingTests {
    @Test func tiesShareTheBestRank() {
        let ranks = Ranking.competitionRanks([
            "a": Decimal(string: "0.80")!, "b": Decimal(string: "0.75")!, "c": Decimal(string: "0.75")!, "d": Decimal(string: "0.70")!
        ])
        #expect(ranks == ["a": 1, "b": 2, "c": 2, "d": 4])
    }

    @Test func consistentRanksAllowAnyPlaceWithinATie() {
        let values: [Decimal] = [0.8, 0.75, 0.75, 0.7]
        #expect(Ranking.consistentRanks(for: 0.75, among: values) == 2...3)
        #expect(Ranking.consistentRanks(for: 0.8, among: values) == 1...1)
        #expect(Ranking.consistentRanks(for: 0.7, among: values) == 4...4)
    }

    @Test func rankChangeReadsInVietnamese() {
        let up = RankChange(fromYear: 2023, fromRank: 54, toYear: 2024, toRank: 36)
        #expect(up.places == 18)
        #expect(Phrases.vietnamese.status.rankChange(up) == "tăng 18 bậc")
        #expect(Phrases.vietnamese.status.rankChangeSigned(up) == "+18 bậc")
        #expect(Phrases.vietnamese.status.rankChange(RankChange(fromYear: 2022, fromRank: 53, toYear: 2023, toRank: 54)) == "giảm 1 bậc")
        #expect(Phrases.vietnamese.status.rankChange(RankChange(fromYear: 2022, fromRank: 5, toYear: 2023, toRank: 5)) == "giữ nguyên")
    }
}

@Suite struct LeaderTests {
    @Test func tiesAtTheTopAreAllNamed() {
        let two = ScoreAnalysis.Leader.of([("Thái Nguyên", 1), ("Lạng Sơn", 1), ("Lai Châu", Decimal(string: "0.869")!)])
        #expect(two.map { Phrases.vietnamese.status.leaders($0.units) } == "Lạng Sơn, Thái Nguyên")
        let many = ScoreAnalysis.Leader.of((1...5).map { ("Tỉnh \($0)", Decimal(1)) })
        #expect(many.map { Phrases.vietnamese.status.leaders($0.units) } == "Tỉnh 1, Tỉnh 2 và 3 đơn vị khác")
        #expect(ScoreAnalysis.Leader.of([]) == nil)
    }
}
