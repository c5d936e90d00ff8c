/// Validate: the rules that turn loaded tables and documents into the model, and the diagnostics they report.
/// Diagnostics read like a compiler's, `Content/data/dti.csv:14:3: error: …`, with the message in Vietnamese
/// for the people who edit Content/.

/// A place in a content file. For CSV files `line` is the spreadsheet row (the header is row 1) and
/// `column` the spreadsheet column (A = 1); for text files, line and column of the character.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String {
        guard line > 0 else { return file }
        return "\(file):\(line):\(max(column, 1))"
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}

public struct Diagnostic: Sendable, Hashable, CustomStringConvertible, Comparable {
    public enum Severity: String, Sendable, Hashable {
        case error, warning
    }

    /// What a diagnostic is about, for code that treats some of them apart (a page shows the data-quality
    /// findings of its table), instead of matching message text.
    public enum Kind: String, Sendable, Hashable {
        case general
        /// Figures of the source that contradict each other: the data is published, the finding with it.
        case dataQuality
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    public var kind: Kind = .general

    /// Invisible characters in the message (values quoted from content: "Lai Châu\u{200B}") are
    /// shown by their code ("Lai Châu<U+200B>"), so a message never reads "Lai Châu … có phải Lai Châu?".
    public init(_ severity: Severity, _ location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = Quote.visible(message)
    }

    public static func error(_ location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.error, location, message)
    }

    public static func warning(_ location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.warning, location, message)
    }

    /// A data-quality finding, a warning said in the words the page shows.
    static func dataQuality(_ location: SourceLocation, _ message: String) -> Diagnostic {
        var diagnostic = Diagnostic(.warning, location, message)
        diagnostic.kind = .dataQuality
        return diagnostic
    }

    public var description: String {
        "\(location): \(severity.rawValue): " + (kind == .dataQuality ? "chất lượng số liệu: " : "") + message
    }

    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        (a.location, a.severity.rawValue, a.message) < (b.location, b.severity.rawValue, b.message)
    }
}

/// Diagnostics collected over a stage: a stage reports everything it finds, the build stops after the stage.
public struct Diagnostics: Sendable {
    public private(set) var all: [Diagnostic] = []

    public init() {}

    public mutating func error(_ location: SourceLocation, _ message: String) {
        all.append(.error(location, message))
    }

    public mutating func warning(_ location: SourceLocation, _ message: String) {
        all.append(.warning(location, message))
    }

    public mutating func append(_ diagnostic: Diagnostic) { all.append(diagnostic) }
    public mutating func append(contentsOf other: Diagnostics) { all += other.all }
    public mutating func append(contentsOf list: [Diagnostic]) { all += list }

    public var hasErrors: Bool { all.contains { $0.severity == .error } }
    public var errors: [Diagnostic] { all.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { all.filter { $0.severity == .warning } }

    /// Sorted by file, line, column, and without repeats: stable output for people and tests.
    public var sorted: [Diagnostic] { Array(Set(all)).sorted() }
}

/// Thrown by a loader when a file cannot be read at all; carries the diagnostics that say why.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public init(_ diagnostic: Diagnostic) { self.diagnostics = [diagnostic] }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Text from content as a message shows it.
public enum Quote {
    /// Characters a reader cannot see or tell from a space — zero-width and other format characters,
    /// spaces other than " " (no-break space U+00A0 …), control characters other than a line break,
    /// byte order marks, noncharacters — written as "<U+200B>"; the rest as it is.
    public static func visible(_ text: String) -> String {
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
