import Foundation

/// Theme/: the Mustache templates and the static files (CSS, scripts, images) copied as they are.
public struct Theme: Sendable {
    public var templates: TemplateSet
    public var staticFiles: [OutputFile]

    public static func load(_ directory: URL, displayPrefix: String = "Theme", into diagnostics: inout Diagnostics) -> Theme {
        let templates = TemplateSet.load(directory: directory.appendingPathComponent("templates"),
                                         displayPrefix: displayPrefix + "/templates", into: &diagnostics)
        var files: [OutputFile] = []
        let staticRoot = directory.appendingPathComponent("static")
        if let enumerator = FileManager.default.enumerator(atPath: staticRoot.path) {
            var paths: [String] = []
            while let relative = enumerator.nextObject() as? String {
                if enumerator.fileAttributes?[.type] as? FileAttributeType == .typeRegular, !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                    paths.append(relative)
                }
            }
            for relative in paths.sorted() {
                if let data = FileManager.default.contents(atPath: staticRoot.appendingPathComponent(relative).path) {
                    files.append(OutputFile(path: relative, contents: [UInt8](data)))
                }
            }
        }
        return Theme(templates: templates, staticFiles: files)
    }
}
