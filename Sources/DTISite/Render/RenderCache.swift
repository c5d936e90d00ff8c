import Foundation

/// Lets a rebuild render only the pages whose inputs changed. Each page's input is everything its
/// template sees — the values and the templates — reduced to a hash (`TemplateValues.prepare`); when the previous build recorded
/// the same hash for the same output file and that file is still there, its bytes are reused.
struct RenderCache: Sendable {
    /// Output path → input hash, from the previous build's manifest.
    var previous: [String: String] = [:]
    /// The previous build's files that are still as it wrote them, and their sizes (the writer checked
    /// them: the renderer never looks at the output directory).
    var previousSizes: [String: Int] = [:]
    /// Output path → input hash of this build, for the next manifest.
    var current: [String: String] = [:]
    /// Pages whose template was run in this build (the others were reused).
    var rendered = 0

    init(previous: [String: String] = [:], sizes: [String: Int] = [:]) {
        self.previous = previous
        self.previousSizes = sizes
    }
}
