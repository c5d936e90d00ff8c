/// What a build or a check reports: diagnostics that read like a compiler's,
/// `Content/data/dti.csv:14:3: error: …`, with the message in Vietnamese for the people who edit Content/.

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
