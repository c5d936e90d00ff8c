import Foundation

/// A strict checker for the HTML dtisite writes (tests only): every element closed in order, attribute
/// values quoted, ids unique, no stray "<"; collects ids and the href/src of links for link checking.
/// SVG inside HTML may self-close elements ("<path … />").
struct HTMLInspector {
    struct Tag {
        var name: String
        var attributes: [String: String]
    }

    var problems: [String] = []
    var ids: Set<String> = []
    var links: [String] = []
    var tags: [Tag] = []
    var text = ""

    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"
    ]
    static let rawTextElements: Set<String> = ["script", "style"]

    init(_ html: String) {
        let scalars = Array(html.unicodeScalars)
        var i = 0
        var stack: [String] = []
        func peek(_ s: String) -> Bool {
            let u = Array(s.unicodeScalars)
            return i + u.count <= scalars.count && Array(scalars[i..<(i + u.count)]) == u
        }
        if peek("<!doctype html>") || peek("<!DOCTYPE html>") { i += 15 }
        while i < scalars.count {
            if scalars[i] != "<" {
                text.unicodeScalars.append(scalars[i])
                i += 1
                continue
            }
            if peek("<!--") {
                guard let end = find("-->", in: scalars, from: i) else {
                    problems.append("unclosed comment")
                    break
                }
                i = end + 3
                continue
            }
            // Parse a tag.
            var j = i + 1
            let closing = j < scalars.count && scalars[j] == "/"
            if closing { j += 1 }
            var name = ""
            while j < scalars.count, scalars[j].properties.isAlphabetic || ("0"..."9").contains(scalars[j]) || scalars[j] == "-" {
                name.unicodeScalars.append(scalars[j])
                j += 1
            }
            if name.isEmpty {
                problems.append("stray '<' at offset \(i)")
                i += 1
                continue
            }
            name = name.lowercased()
            var attributes: [String: String] = [:]
            var selfClosing = false
            while j < scalars.count {
                while j < scalars.count, scalars[j].properties.isWhitespace { j += 1 }
                guard j < scalars.count else { break }
                if scalars[j] == ">" {
                    j += 1
                    break
                }
                if scalars[j] == "/", j + 1 < scalars.count, scalars[j + 1] == ">" {
                    selfClosing = true
                    j += 2
                    break
                }
                var key = ""
                while j < scalars.count, !scalars[j].properties.isWhitespace, scalars[j] != "=", scalars[j] != ">", scalars[j] != "/" {
                    key.unicodeScalars.append(scalars[j])
                    j += 1
                }
                if key.isEmpty {
                    problems.append("bad attribute in <\(name)>")
                    j += 1
                    continue
                }
                var value = ""
                if j < scalars.count, scalars[j] == "=" {
                    j += 1
                    guard j < scalars.count, scalars[j] == "\"" else {
                        problems.append("unquoted attribute \(key) in <\(name)>")
                        continue
                    }
                    j += 1
                    while j < scalars.count, scalars[j] != "\"" {
                        if scalars[j] == "<" { problems.append("'<' inside attribute \(key) of <\(name)>") }
                        value.unicodeScalars.append(scalars[j])
                        j += 1
                    }
                    j += 1
                }
                if attributes[key] != nil { problems.append("duplicate attribute \(key) in <\(name)>") }
                attributes[key] = value
            }
            i = j
            if closing {
                if let top = stack.last, top == name {
                    stack.removeLast()
                } else {
                    problems.append("</\(name)> closes <\(stack.last ?? "nothing")>")
                    if let index = stack.lastIndex(of: name) { stack.removeSubrange(index...) }
                }
                continue
            }
            tags.append(Tag(name: name, attributes: attributes))
            if let id = attributes["id"] {
                if !ids.insert(id).inserted { problems.append("duplicate id \"\(id)\"") }
            }
            for key in ["href", "src"] { if let link = attributes[key] { links.append(link) } }
            for key in attributes.keys where key.lowercased().hasPrefix("on") {
                problems.append("event handler attribute \(key) on <\(name)>")
            }
            if Self.voidElements.contains(name) || selfClosing { continue }
            if Self.rawTextElements.contains(name) {
                guard let end = find("</\(name)>", in: scalars, from: i) else {
                    problems.append("unclosed <\(name)>")
                    break
                }
                i = end + name.count + 3
                continue
            }
            stack.append(name)
        }
        if !stack.isEmpty { problems.append("unclosed elements: \(stack.joined(separator: ", "))") }
    }

    private func find(_ needle: String, in scalars: [Unicode.Scalar], from start: Int) -> Int? {
        let n = Array(needle.unicodeScalars)
        guard scalars.count >= n.count else { return nil }
        var k = start
        while k + n.count <= scalars.count {
            if scalars[k] == n[0], Array(scalars[k..<(k + n.count)]) == n { return k }
            k += 1
        }
        return nil
    }
}
