import Foundation
import TOMLKit

/// Config: Content/site.toml → SiteConfig. TOML, as Hugo and Zola use: explicit types (a date is a
/// date, a string is quoted), so nobody's "NO" turns into false, and errors carry line and column.
struct SiteConfig: Sendable {
    var title: String
    var description: String
    /// Absolute URL of the site root, always ending in "/": "https://cds.laichau.gov.vn/cds/".
    var baseURL: String
    var language: Language
    /// The day the data is judged against ("overdue", "latest"): never the clock.
    var asOf: LocalDate
    /// Name of the unit the site is about, as in data/units.csv: "Lai Châu".
    var unit: String
    /// Region of data/units.csv whose units are the unit's peers: "Trung du và miền núi phía Bắc".
    var peerGroup: String?
    var publisher: String?
    var sourceNote: String?
    /// Raw HTML inside Markdown is dropped unless this is true.
    var unsafeHTML: Bool
    /// `chart_png`: every chart also drawn as a PNG (link previews, "Tải ảnh PNG", the image-and-table
    /// snippet). On by default; about 20–40 ms a chart on a first build, reused afterwards.
    var chartPNG = true
    var vneid: VNeIDThresholds
    /// Where each key was written, for messages about values that are valid TOML but wrong for the data.
    var keyLocations: [String: SourceLocation] = [:]
    var file: String = "Content/site.toml"
    /// Set from the `--relative-urls` option (not a key of site.toml): the pages' links are relative.
    var relativeURLs = false

    func location(of key: String) -> SourceLocation {
        keyLocations[key] ?? SourceLocation(file: file, line: 1, column: 1)
    }

    struct VNeIDThresholds: Sendable {
        /// Percent of the year's target reached at or above which a commune is "đạt".
        var met: Decimal = 100
        /// At or above this (and below `met`): "gần đạt"; below: "chưa đạt".
        var near: Decimal = 90
    }

    /// Path part of the base URL: "/cds/" (or "/"). Internal links start with it.
    var basePath: String {
        // A checked base URL: its path as written (percent escapes stay escaped, so "%2F" never becomes "/").
        if case .success(let url) = Self.checkBaseURL(baseURL),
            let slash = url.utf8.dropFirst(url.hasPrefix("https") ? 8 : 7).firstIndex(of: UInt8(ascii: "/"))
        {
            return String(url[slash...])
        }
        guard let url = URL(string: baseURL) else { return "/" }
        var path = url.path
        if !path.hasPrefix("/") { path = "/" + path }
        if !path.hasSuffix("/") { path += "/" }
        return path
    }

    /// Why a base URL was refused, in words for the person who wrote it.
    struct BaseURLProblem: Error, Sendable {
        var reason: String
    }

    /// The one check of a base URL, for site.toml's `base_url` and the `-b/--base-url` option alike:
    /// http or https, a host of letters, digits, dots and hyphens (with an optional :port, without
    /// "user@"), and a path of plain segments — no "//", ".", "..", "\", spaces, control characters,
    /// "?" or "#" —, so that every link made from it stays on the site. Returns it ending in "/".
    static func checkBaseURL(_ text: String) -> Result<String, BaseURLProblem> {
        func fail(_ reason: String) -> Result<String, BaseURLProblem> {
            .failure(BaseURLProblem(reason: "phải là địa chỉ đầy đủ như \"https://cds.laichau.gov.vn/cds/\": \(reason)"))
        }
        let scalars = Array(text.unicodeScalars)
        let lower = text.lowercased()
        let schemeLength = lower.hasPrefix("https://") ? 8 : lower.hasPrefix("http://") ? 7 : 0
        guard schemeLength > 0 else { return fail("cần bắt đầu bằng http:// hoặc https://") }
        let rest = scalars[schemeLength...]
        let authority = rest.prefix { $0 != "/" }
        let path = rest[authority.endIndex...]
        if authority.isEmpty { return fail("thiếu tên miền sau \"\(String(lower.prefix(schemeLength)))\"") }
        if authority.contains("@") { return fail("không được có \"tên@\" trước tên miền") }
        var host = authority[...]
        if let colon = authority.firstIndex(of: ":") {
            host = authority[..<colon]
            let port = authority[(colon + 1)...]
            guard !port.isEmpty, port.count <= 5, port.allSatisfy({ ("0"..."9").contains($0) }),
                let number = Int(String(String.UnicodeScalarView(port))),
                (1...65535).contains(number)
            else { return fail("cổng sau dấu \":\" phải là số từ 1 đến 65535") }
        }
        let hostIsPlain = host.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "-"
        }
        let labels = String(String.UnicodeScalarView(host)).split(separator: ".", omittingEmptySubsequences: false)
        guard hostIsPlain, !host.isEmpty, !labels.contains(where: \.isEmpty) else {
            return fail("tên miền chỉ gồm chữ không dấu, số, dấu chấm và dấu gạch ngang")
        }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        for (index, segment) in segments.enumerated() {
            if segment.isEmpty {
                if index == segments.count - 1 { break }
                return fail("đường dẫn không được có \"//\"")
            }
            let name = String(String.UnicodeScalarView(segment))
            // Browsers read "%2e" as "." in a path.
            let dots = name.lowercased().replacingOccurrences(of: "%2e", with: ".")
            if dots == "." || dots == ".." { return fail("đường dẫn không được có đoạn \"\(name)\"") }
            if segment.contains("\\") { return fail("đường dẫn không được có dấu \"\\\"") }
            if segment.contains("?") || segment.contains("#") { return fail("địa chỉ gốc không được có \"?\" hoặc \"#\"") }
            if segment.contains(where: {
                $0.properties.isWhitespace || $0.value < 0x20 || (0x7F...0x9F).contains($0.value)
                    || $0.properties.generalCategory == .format
            }) {
                return fail("đường dẫn không được có dấu cách hay ký tự điều khiển")
            }
            if segment.contains(where: { "\"<>`{}|^'".unicodeScalars.contains($0) }) {
                return fail("đường dẫn không được có các ký tự \" < > ` { } | ^ '")
            }
        }
        return .success(text.hasSuffix("/") ? text : text + "/")
    }

    static let knownKeys = [
        "title", "description", "base_url", "language", "as_of", "unit", "peer_group",
        "publisher", "source_note", "unsafe_html", "chart_png", "vneid"
    ]
    static let knownVNeIDKeys = ["met", "near"]

    static func load(_ url: URL, displayPath: String) throws(DiagnosticError) -> SiteConfig {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw DiagnosticError(.error(SourceLocation(file: displayPath), "không đọc được tệp cấu hình: \(error.localizedDescription)"))
        }
        return try parse(TextDecoding.decode(data, file: displayPath), file: displayPath)
    }

    static func parse(_ text: String, file: String) throws(DiagnosticError) -> SiteConfig {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw DiagnosticError(
                .error(
                    SourceLocation(file: file, line: error.source.begin.line, column: error.source.begin.column),
                    "site.toml không hợp lệ: \(error.description)"))
        } catch {
            throw DiagnosticError(.error(SourceLocation(file: file, line: 1, column: 1), "site.toml không hợp lệ: \(error)"))
        }
        var diagnostics = Diagnostics()
        let reader = TOMLReader(text: text, file: file)

        for key in table.keys.sorted() where !knownKeys.contains(key) {
            var message = "khoá \"\(key)\" không được hỗ trợ"
            if let near = Suggest.closest(to: key, in: knownKeys) { message += "; có phải \"\(near)\"?" }
            diagnostics.error(reader.location(ofKey: key), message)
        }

        func string(_ key: String, required: Bool) -> String? {
            guard let value = table[key] else {
                if required { diagnostics.error(SourceLocation(file: file, line: 1, column: 1), "thiếu khoá \"\(key)\" trong site.toml") }
                return nil
            }
            guard let text = value.string else {
                diagnostics.error(reader.location(ofKey: key), "\"\(key)\" phải là chuỗi trong ngoặc kép")
                return nil
            }
            return text
        }

        let title = string("title", required: true) ?? ""
        let description = string("description", required: false) ?? ""
        var baseURL = string("base_url", required: true) ?? "/"
        if table["base_url"]?.string != nil {
            switch checkBaseURL(baseURL) {
            case .success(let url): baseURL = url
            case .failure(let problem): diagnostics.error(reader.location(ofKey: "base_url"), "\"base_url\" \(problem.reason)")
            }
        }
        var language = Language.vi
        if let code = string("language", required: false) {
            if let known = Language(code: code) {
                language = known
            } else {
                diagnostics.error(
                    reader.location(ofKey: "language"), "\"language\" = \"\(code)\" chưa được hỗ trợ (ngôn ngữ có: \(Language.accepted))")
            }
        }
        let unit = string("unit", required: true) ?? ""

        var asOf = LocalDate(year: 1970, month: 1, day: 1)
        if let value = table["as_of"] {
            if let date = value.date {
                asOf = LocalDate(year: date.year, month: date.month, day: date.day)
            } else if let text = value.string, let date = LocalDate(iso: text) {
                asOf = date
            } else {
                diagnostics.error(reader.location(ofKey: "as_of"), "\"as_of\" phải là ngày dạng 2025-11-20 (không có ngoặc kép)")
            }
        } else {
            diagnostics.error(
                SourceLocation(file: file, line: 1, column: 1), "thiếu khoá \"as_of\": ngày số liệu được chốt, ví dụ as_of = 2025-11-20")
        }

        var unsafeHTML = false
        if let value = table["unsafe_html"] {
            if let flag = value.bool {
                unsafeHTML = flag
            } else {
                diagnostics.error(reader.location(ofKey: "unsafe_html"), "\"unsafe_html\" phải là true hoặc false")
            }
        }

        var chartPNG = true
        if let value = table["chart_png"] {
            if let flag = value.bool {
                chartPNG = flag
            } else {
                diagnostics.error(reader.location(ofKey: "chart_png"), "\"chart_png\" phải là true hoặc false")
            }
        }

        var thresholds = VNeIDThresholds()
        if let value = table["vneid"] {
            if let section = value.table {
                for key in section.keys.sorted() where !knownVNeIDKeys.contains(key) {
                    diagnostics.error(reader.location(ofKey: key), "khoá \"\(key)\" không được hỗ trợ trong [vneid] (dùng: met, near)")
                }
                func percent(_ key: String) -> Decimal? {
                    guard let v = section[key] else { return nil }
                    if let d = v.double { return Decimal(string: String(d)) }
                    if let i = v.int { return Decimal(i) }
                    diagnostics.error(reader.location(ofKey: key), "\"vneid.\(key)\" phải là số phần trăm, ví dụ 90.0")
                    return nil
                }
                if let met = percent("met") { thresholds.met = met }
                if let near = percent("near") { thresholds.near = near }
                if thresholds.near > thresholds.met {
                    diagnostics.error(
                        reader.location(ofKey: "near"),
                        "\"vneid.near\" (\(thresholds.near)) phải nhỏ hơn hoặc bằng \"vneid.met\" (\(thresholds.met))")
                }
            } else {
                diagnostics.error(reader.location(ofKey: "vneid"), "\"vneid\" phải là một bảng [vneid]")
            }
        }

        if diagnostics.hasErrors { throw DiagnosticError(diagnostics.sorted) }
        var keyLocations: [String: SourceLocation] = [:]
        for key in knownKeys where table[key] != nil { keyLocations[key] = reader.location(ofKey: key) }
        var config = SiteConfig(
            title: title, description: description, baseURL: baseURL, language: language, asOf: asOf, unit: unit,
            peerGroup: string("peer_group", required: false), publisher: string("publisher", required: false),
            sourceNote: string("source_note", required: false), unsafeHTML: unsafeHTML, vneid: thresholds,
            keyLocations: keyLocations, file: file)
        config.chartPNG = chartPNG
        return config
    }
}

/// TOMLKit does not keep positions of values; find a key's line in the text for messages.
struct TOMLReader {
    let text: String
    let file: String

    func location(ofKey key: String) -> SourceLocation {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.hasPrefix(key), trimmed.dropFirst(key.count).drop(while: { $0 == " " || $0 == "\t" }).first == "=" {
                return SourceLocation(file: file, line: index + 1, column: line.count - trimmed.count + 1)
            }
            if trimmed.hasPrefix("[\(key)]") {
                return SourceLocation(file: file, line: index + 1, column: line.count - trimmed.count + 1)
            }
        }
        return SourceLocation(file: file, line: 1, column: 1)
    }
}
