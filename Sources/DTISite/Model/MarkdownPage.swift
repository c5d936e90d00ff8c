/// A page written in Markdown: a pillar text, a plan document, or a free page like "Giới thiệu".
public struct MarkdownPage: Sendable, Hashable {
    public var file: String
    public var slug: String
    public var title: String
    public var summary: String
    /// Position in navigation, lowest first; nil keeps the page out of the menu.
    public var order: Int?
    public var body: String
    public var bodyLine: Int
    /// Pillars the page is about (front matter `pillars`); the pillar pages link back to it.
    public var pillars: [String] = []

    public static func == (a: MarkdownPage, b: MarkdownPage) -> Bool { a.file == b.file }
    public func hash(into hasher: inout Hasher) { hasher.combine(file) }
}
