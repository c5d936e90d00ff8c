/// A pillar of the DTI framework ("Hạ tầng số"), from a Content/tru-cot/*.md page.
/// The list of pillars is data: the framework changed over the years, so nothing assumes eight.
struct Pillar: Sendable, Hashable {
    /// Also the URL segment and the column name in data/dti.csv: "ha-tang-so".
    var id: String
    var title: String
    var order: Int
    var maxPoints: Int?
    var summary: String
    var source: MarkdownPage
    /// Years of the framework the pillar belongs to ("An toàn thông tin mạng" has not always been one).
    var fromYear: Int? = nil
    var untilYear: Int? = nil

    /// A group outside the score ("Đô thị thông minh", max_points 0): listed with its indicators and tasks,
    /// never among the pillars compared by value.
    var isScored: Bool { maxPoints != 0 }

    func applies(in year: Int) -> Bool {
        (fromYear.map { year >= $0 } ?? true) && (untilYear.map { year <= $0 } ?? true)
    }
}
