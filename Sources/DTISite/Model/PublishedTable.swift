/// A CSV of Content/data/ that is none of the tables dtisite knows (dti, units, tasks …) and that a
/// Markdown page publishes with `<dti-table src="ten-bang.csv" title="…"></dti-table>`: an appendix of a
/// plan (who provides the data of each indicator), a budget table. Shown as written, every cell text.
struct PublishedTable: Sendable {
    /// The file name without extension: "phu-luc-chi-tieu".
    var name: String
    /// As messages name the file: "Content/data/phu-luc-chi-tieu.csv".
    var file: String
    var header: [String]
    var rows: [[String]]
}
