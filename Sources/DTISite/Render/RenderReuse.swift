import Foundation

/// What a build may take over from the one before instead of doing it again.
///
/// - Pages: each page's input is everything its template sees — the values and the templates — reduced
///   to a hash (`TemplateValues.prepare`). When the previous build recorded the same hash for the same
///   output file and the writer found that file intact, the file is kept without rendering it.
/// - Markdown (a build session only): the rendered result of each Markdown text, by file and text,
///   valid while `markdownGeneration` (the data and settings a text's charts and links depend on) stays.
struct RenderReuse: Sendable {
    /// Output path → input hash, from the previous build's manifest.
    var previous: [String: String] = [:]
    /// The previous build's files that are still as it wrote them, and their sizes (the writer checked
    /// them: the renderer never looks at the output directory).
    var previousSizes: [String: Int] = [:]
    /// Output path → input hash of this build, for the next manifest.
    var current: [String: String] = [:]
    /// Pages whose template was run in this build (the others were reused).
    var rendered = 0

    /// Markdown results by `markdownKey`, and what they were rendered against.
    var markdown: [String: MarkdownRenderer.Result] = [:]
    var markdownGeneration = ""
    /// Markdown texts rendered in this build (the others were reused).
    var markdownRendered = 0

    init(previous: [String: String] = [:], sizes: [String: Int] = [:]) {
        self.previous = previous
        self.previousSizes = sizes
    }

    static func markdownKey(_ page: MarkdownPage) -> String {
        var hasher = ContentHasher()
        hasher.add(page.body)
        return "\(page.file)|\(page.bodyLine)|\(hasher.hex)"
    }
}
