import Foundation

/// Theme/ as read from disk: the Mustache templates' texts and the static files' bytes (CSS, scripts,
/// images, copied as they are). Compiling the templates is the renderer's job.
struct Theme: Sendable {
    struct Template: Sendable {
        var name: String
        /// The file as messages name it: "Theme/templates/page.mustache".
        var shown: String
        var text: String
    }

    struct StaticFile: Sendable {
        /// Path relative to Theme/static/, which is also its path in the output.
        var path: String
        var bytes: [UInt8]
    }

    var templates: [Template] = []
    var staticFiles: [StaticFile] = []

    /// Files that are symbolic links out of Theme/ are refused (as in Content/): a cloned theme cannot
    /// publish other files of the machine (a private key) in every page.
    static func load(_ directory: URL, displayPrefix: String = "Theme", into diagnostics: inout Diagnostics) -> Theme {
        let containment = FolderContainment(root: directory, shownRoot: displayPrefix)
        var theme = Theme()
        theme.templates = templates(
            in: directory.appendingPathComponent("templates"), shown: displayPrefix + "/templates", containment: containment,
            into: &diagnostics)
        for (relative, url) in containment.tree(
            directory.appendingPathComponent("static"), shown: displayPrefix + "/static", into: &diagnostics)
        {
            if let data = FileManager.default.contents(atPath: url.path) {
                theme.staticFiles.append(StaticFile(path: relative, bytes: [UInt8](data)))
            }
        }
        return theme
    }

    /// The templates of a folder (*.mustache), by file name; links out of `containment`'s folder are refused.
    static func templates(in directory: URL, shown: String, containment: FolderContainment, into diagnostics: inout Diagnostics)
        -> [Template]
    {
        let errorsBefore = diagnostics.errors.count
        let files = containment.files(in: directory, shown: shown, into: &diagnostics) { name in
            name.hasSuffix(".mustache")
        }.map(\.lastPathComponent)
        if files.isEmpty && diagnostics.errors.count == errorsBefore {
            diagnostics.error(SourceLocation(file: shown), "không tìm thấy mẫu trang (*.mustache) trong \(shown)")
        }
        var result: [Template] = []
        for file in files {
            guard let text = try? String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8) else {
                diagnostics.error(SourceLocation(file: shown + "/" + file), "không đọc được mẫu trang (cần UTF-8)")
                continue
            }
            result.append(Template(name: String(file.dropLast(".mustache".count)), shown: shown + "/" + file, text: text))
        }
        return result
    }

    /// The templates of a folder alone (tests, and themes checked on their own), contained in the folder above it.
    static func templates(in directory: URL, shown: String, into diagnostics: inout Diagnostics) -> [Template] {
        let parent = directory.deletingLastPathComponent()
        let shownParent = shown.split(separator: "/").dropLast().joined(separator: "/")
        let containment = FolderContainment(root: parent, shownRoot: shownParent.isEmpty ? shown : shownParent)
        return templates(in: directory, shown: shown, containment: containment, into: &diagnostics)
    }
}
