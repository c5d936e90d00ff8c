/// The two layouts of a chart. A page carries both and its stylesheet shows one by the width of the
/// screen (no script): the wide one from 600 px up, the narrow one on phones. The narrow viewBox is
/// no wider than the chart's box on the narrowest phone (294 px at 320 px), so its 12–13 px text is
/// drawn at 12 px or more from 320 px up (about 15 px at 390) — text that shrinks with the chart
/// would be 7 px on a phone.
enum ChartLayout {
    static let compactWidth = 290.0

    /// Every year when they are far enough apart; otherwise every k-th, counted back from the
    /// latest, so the latest year always keeps its label.
    static func thinned(_ years: [Int], spacing: Double, minimum: Double) -> [Int] {
        guard spacing > 0, spacing < minimum, years.count > 2 else { return years }
        let step = Int((minimum / spacing).rounded(.up))
        let last = years.count - 1
        return years.indices.filter { (last - $0) % step == 0 }.map { years[$0] }
    }

    /// A chart's page form: the wide and the narrow drawing, one after the other.
    static func both(wide: String, narrow: String) -> String { wide + narrow }
}
