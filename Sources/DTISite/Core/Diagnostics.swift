/// Diagnostics collected over a stage: a stage reports everything it finds, the build stops after the stage.
struct Diagnostics: Sendable {
    private(set) var all: [Diagnostic] = []

    init() {}

    mutating func error(_ location: SourceLocation, _ message: String) {
        all.append(.error(location, message))
    }

    mutating func warning(_ location: SourceLocation, _ message: String) {
        all.append(.warning(location, message))
    }

    mutating func append(_ diagnostic: Diagnostic) { all.append(diagnostic) }
    mutating func append(contentsOf other: Diagnostics) { all += other.all }
    mutating func append(contentsOf list: [Diagnostic]) { all += list }

    var hasErrors: Bool { all.contains { $0.severity == .error } }
    var errors: [Diagnostic] { all.filter { $0.severity == .error } }
    var warnings: [Diagnostic] { all.filter { $0.severity == .warning } }

    /// Sorted by file, line, column, and without repeats: stable output for people and tests.
    var sorted: [Diagnostic] { Array(Set(all)).sorted() }
}

/// Thrown by a loader when a file cannot be read at all; carries the diagnostics that say why.
struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    var diagnostics: [Diagnostic]
    init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    init(_ diagnostic: Diagnostic) { self.diagnostics = [diagnostic] }
    var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Text from content as a message shows it.
enum Quote {
    /// Characters a reader cannot see or tell from a space — zero-width and other format characters,
    /// spaces other than " " (no-break space U+00A0 …), control characters other than a line break,
    /// byte order marks, noncharacters — written as "<U+200B>"; the rest as it is.
    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isInvisible) else { return text }
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 8)
        for scalar in text.unicodeScalars {
            if isInvisible(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (value < 0x20 && value != 0x0A) || value == 0x7F }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator, .unassigned, .privateUse, .surrogate:
            return true
        default:
            return properties.isDefaultIgnorableCodePoint || properties.isNoncharacterCodePoint
        }
    }
}
