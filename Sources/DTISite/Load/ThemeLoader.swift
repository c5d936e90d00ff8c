import Foundation

/// Theme/: the Mustache templates and the static files (CSS, scripts, images) copied as they are.
public struct Theme: Sendable {
    public var templates: TemplateSet
    public var staticFiles: [OutputFile]

    /// Files that are symbolic links out of Theme/ are refused (as in Content/): a cloned theme cannot
    /// publish other files of the machine (a private key) in every page.
    public static func load(_ directory: URL, displayPrefix: String = "Theme", into diagnostics: inout Diagnostics) -> Theme {
        let containment = FolderContainment(root: directory, shownRoot: displayPrefix)
        let templates = TemplateSet.load(
            directory: directory.appendingPathComponent("templates"),
            displayPrefix: displayPrefix + "/templates", containment: containment, into: &diagnostics)
        var files: [OutputFile] = []
        for (relative, url) in containment.tree(
            directory.appendingPathComponent("static"), shown: displayPrefix + "/static", into: &diagnostics)
        {
            if let data = FileManager.default.contents(atPath: url.path) {
                files.append(OutputFile(path: relative, contents: [UInt8](data)))
            }
        }
        return Theme(templates: templates, staticFiles: files)
    }
}
