/// libcmark has no tables: a pipe table in Markdown would show as a paragraph of "|" characters.
/// Tables belong in Content/data/ as CSV; this finds them to say so.
enum PipeTableDetector {
    static func warnings(in markdown: String, file: String, firstLine: Int) -> [Diagnostic] {
        guard markdown.containsByte(UInt8(ascii: "|")) else { return [] }
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        var result: [Diagnostic] = []
        var index = 0
        while index + 1 < lines.count {
            let header = lines[index].trimmingCharacters(in: .whitespaces)
            let rule = lines[index + 1].trimmingCharacters(in: .whitespaces)
            if header.contains("|"), isDelimiterRow(rule) {
                result.append(
                    .warning(
                        SourceLocation(file: file, line: index + firstLine, column: 1),
                        "bảng Markdown (dòng có \"|\") không được hỗ trợ và sẽ hiện thành chữ; hãy chuyển bảng sang tệp CSV trong Content/data/ (mỗi cột một ô, dòng đầu là tiêu đề)"
                    ))
                index += 2
                while index < lines.count, lines[index].contains("|") { index += 1 }
                continue
            }
            index += 1
        }
        return result
    }

    /// "|---|:--:|" or "--- | ---".
    private static func isDelimiterRow(_ line: String) -> Bool {
        guard line.contains("-"), line.contains("|") || line.filter({ $0 == "-" }).count >= 3 else { return false }
        let cells = line.split(separator: "|", omittingEmptySubsequences: true).map { $0.trimmingCharacters(in: .whitespaces) }
        return !cells.isEmpty
            && cells.allSatisfy { cell in
                !cell.isEmpty && cell.allSatisfy { $0 == "-" || $0 == ":" } && cell.contains("-")
            } && line.contains("|")
    }
}
