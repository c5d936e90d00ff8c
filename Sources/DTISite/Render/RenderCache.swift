import Foundation

/// Lets a rebuild render only the pages whose inputs changed. Each page's input is everything its
/// template sees — the values and the templates — reduced to a hash; when the previous build recorded
/// the same hash for the same output file and that file is still there, its bytes are reused.
public struct RenderCache: Sendable {
    /// Output path → input hash, from the previous build's manifest.
    public var previous: [String: String] = [:]
    /// Where the previous build's files are.
    public var directory: URL?
    /// Output path → input hash of this build, for the next manifest.
    public var current: [String: String] = [:]
    /// Pages whose template was run in this build (the others were reused).
    public var rendered = 0

    public init(previous: [String: String] = [:], directory: URL? = nil) {
        self.previous = previous
        self.directory = directory
    }

    /// Hash of a template context: keys in order, values by type, so equal contexts hash equally.
    static func hash(_ values: [String: Any], templates: String) -> String {
        var hasher = FNV1a()
        hasher.add(templates)
        add(values, to: &hasher)
        return hasher.hex
    }

    private static func add(_ value: Any, to hasher: inout FNV1a) {
        switch value {
        case let text as String: hasher.add("s\(text.utf8.count):"); hasher.add(text)
        case let flag as Bool: hasher.add(flag ? "T" : "F")
        case let number as Int: hasher.add("i\(number);")
        case let context as TemplateContext: add(context.values, to: &hasher)
        case let dictionary as [String: Any]:
            hasher.add("{")
            for key in dictionary.keys.sorted() {
                hasher.add("k\(key.utf8.count):"); hasher.add(key)
                add(dictionary[key]!, to: &hasher)
            }
            hasher.add("}")
        case let array as [Any]:
            hasher.add("[")
            for element in array { add(element, to: &hasher) }
            hasher.add("]")
        default: hasher.add("?\(value);")
        }
    }
}
