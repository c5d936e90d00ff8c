/// A page written in Markdown: a pillar text, a plan document, or a free page like "Giới thiệu".
struct MarkdownPage: Sendable, Hashable {
    var file: String
    var slug: String
    var title: String
    var summary: String
    /// Position in navigation, lowest first; nil keeps the page out of the menu.
    var order: Int?
    var body: String
    var bodyLine: Int
    /// Pillars the page is about (front matter `pillars`); the pillar pages link back to it.
    var pillars: [String] = []

    static func == (a: MarkdownPage, b: MarkdownPage) -> Bool { a.file == b.file }
    func hash(into hasher: inout Hasher) { hasher.combine(file) }
}
