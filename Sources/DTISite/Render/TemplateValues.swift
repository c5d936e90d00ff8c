import Mustache

/// Render: the values a page's template sees, in the form the template engine reads fastest, with a
/// hash of them for the render cache — both from a single walk over the page's values.

/// A text value of a template context. Mustache renders it as it renders a string (escaped in
/// `{{…}}`, raw in `{{{…}}}`), but without the engine's generic look-up of how to print a value,
/// and a section opened on it (`{{#href}}…{{/href}}`) looks names up in the enclosing values,
/// as it does for a string.
struct TemplateText: MustacheCustomRenderable, MustacheParent, Sendable, Equatable {
    let text: String
    var renderText: String { text }
    var isNull: Bool { false }
    func child(named: String) -> Any? { nil }
}

/// A dictionary of a template context. The engine looks every name up level by level of its context
/// stack, asking each level whether it is a `MustacheParent`: for a dictionary that is a conditional
/// conformance (`Key == String`), which the runtime checks on every look-up; for this final class it
/// is a plain one.
final class TemplateObject: MustacheParent, @unchecked Sendable {
    // Only read after it is made (pages render on several threads).
    let values: [String: Any]
    init(_ values: [String: Any]) { self.values = values }
    func child(named name: String) -> Any? { values[name] }
}

/// `{{value}}` in HTML: the same characters escaped as everywhere else in dtisite (`Escape.html`).
struct HTMLEscaping: MustacheContentType {
    static let name = "DTISITE_HTML"
    func escapeText(_ text: String) -> String { Escape.html(text) }
}

enum TemplateValues {
    /// A value converted for the template engine, and the hash of what it was.
    struct Prepared: @unchecked Sendable {
        // Only read after it is made (pages render on several threads).
        let value: Any
        let digest: UInt64
    }

    /// Converts a page's values (strings and integers to `TemplateText`, nested dictionaries and
    /// arrays likewise) and hashes them. Dictionaries hash the same whatever their order, so equal
    /// values give an equal hash on every run.
    static func prepare(_ value: Any) -> Prepared {
        var hasher = ContentHasher()
        let converted = prepare(value, into: &hasher)
        return Prepared(value: converted, digest: hasher.digest)
    }

    /// The top level of a page's values, with entries prepared before and shared by many pages
    /// (the site, the navigation); a shared entry wins over a page's own of the same name.
    static func prepare(_ values: [String: Any], shared: [String: Prepared]) -> Prepared {
        var out = [String: Any](minimumCapacity: values.count + shared.count)
        var sum: UInt64 = 0
        for (key, entry) in shared {
            out[key] = entry.value
            sum &+= entryDigest(key, entry.digest)
        }
        for (key, value) in values where shared[key] == nil {
            let entry = prepare(value)
            out[key] = entry.value
            sum &+= entryDigest(key, entry.digest)
        }
        var hasher = ContentHasher()
        hasher.add("{")
        hasher.add(UInt64(out.count))
        hasher.add(sum)
        return Prepared(value: TemplateObject(out), digest: hasher.digest)
    }

    /// The digest `prepare(values, shared:)` gives, without converting the values: what a rebuild
    /// compares with the previous build's before it decides to render a page.
    static func digest(_ values: [String: Any], shared: [String: Prepared]) -> UInt64 {
        var sum: UInt64 = 0
        var count = shared.count
        for (key, entry) in shared { sum &+= entryDigest(key, entry.digest) }
        for (key, value) in values where shared[key] == nil {
            var hasher = ContentHasher()
            hash(value, into: &hasher)
            sum &+= entryDigest(key, hasher.digest)
            count += 1
        }
        var hasher = ContentHasher()
        hasher.add("{")
        hasher.add(UInt64(count))
        hasher.add(sum)
        return hasher.digest
    }

    /// What `prepare(_:into:)` adds to the hasher, case for case.
    private static func hash(_ value: Any, into hasher: inout ContentHasher) {
        switch value {
        case let text as String:
            hasher.add("s")
            hasher.add(text)
        case let flag as Bool:
            hasher.add(flag ? "T" : "F")
        case let dictionary as [String: Any]:
            hash(dictionary: dictionary, into: &hasher)
        case let rows as [[String: Any]]:
            hasher.add("[")
            hasher.add(UInt64(rows.count))
            for row in rows { hash(dictionary: row, into: &hasher) }
        case let array as [Any]:
            hasher.add("[")
            hasher.add(UInt64(array.count))
            for element in array { hash(element, into: &hasher) }
        case let number as Int:
            hasher.add("s")
            hasher.add(String(number))
        case let text as TemplateText:
            hasher.add("s")
            hasher.add(text.text)
        case let context as TemplateContext:
            hash(dictionary: context.values, into: &hasher)
        case let object as TemplateObject:
            hash(dictionary: object.values, into: &hasher)
        default:
            hasher.add("?\(value);")
        }
    }

    private static func hash(dictionary: [String: Any], into hasher: inout ContentHasher) {
        var sum: UInt64 = 0
        for (key, element) in dictionary {
            var inner = ContentHasher()
            hash(element, into: &inner)
            sum &+= entryDigest(key, inner.digest)
        }
        hasher.add("{")
        hasher.add(UInt64(dictionary.count))
        hasher.add(sum)
    }

    private static func entryDigest(_ key: String, _ digest: UInt64) -> UInt64 {
        var hasher = ContentHasher()
        hasher.add(key)
        hasher.add(digest)
        return hasher.digest
    }

    private static func prepare(_ value: Any, into hasher: inout ContentHasher) -> Any {
        // Cases in order of how often they occur: every failed cast costs.
        switch value {
        case let text as String:
            hasher.add("s")
            hasher.add(text)
            return TemplateText(text: text)
        case let flag as Bool:
            hasher.add(flag ? "T" : "F")
            return flag
        case let dictionary as [String: Any]:
            return prepare(dictionary: dictionary, into: &hasher)
        case let rows as [[String: Any]]:
            hasher.add("[")
            hasher.add(UInt64(rows.count))
            return rows.map { prepare(dictionary: $0, into: &hasher) } as [Any]
        case let array as [Any]:
            hasher.add("[")
            hasher.add(UInt64(array.count))
            return array.map { prepare($0, into: &hasher) }
        case let number as Int:
            let text = String(number)
            hasher.add("s")
            hasher.add(text)
            return TemplateText(text: text)
        case let text as TemplateText:
            hasher.add("s")
            hasher.add(text.text)
            return text
        case let context as TemplateContext:
            return prepare(dictionary: context.values, into: &hasher)
        case let object as TemplateObject:
            return prepare(dictionary: object.values, into: &hasher)
        default:
            hasher.add("?\(value);")
            return value
        }
    }

    private static func prepare(dictionary: [String: Any], into hasher: inout ContentHasher) -> Any {
        var out = [String: Any](minimumCapacity: dictionary.count)
        var sum: UInt64 = 0
        for (key, element) in dictionary {
            let entry = prepare(element)
            out[key] = entry.value
            sum &+= entryDigest(key, entry.digest)
        }
        hasher.add("{")
        hasher.add(UInt64(dictionary.count))
        hasher.add(sum)
        return TemplateObject(out)
    }
}
