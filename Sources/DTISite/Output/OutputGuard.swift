import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Where the output may be, decided before anything is read or written. The output directory is
/// replaced file by file, so it may not be the project, nor hold the project, nor lie inside the
/// content or theme directories (`--output .` or `--output Content` would otherwise replace the
/// user's work with the generated site). A symbolic link as the output directory (to a web server's
/// document root) is followed on purpose: the site is built into its target, the link is kept.
enum OutputGuard {
    /// The output directory to write into (the link's target if it is a link), or the error.
    static func resolve(_ options: SiteBuilder.Options) throws(DiagnosticError) -> URL {
        let given = options.outputDirectory.standardizedFileURL
        let shown = given.path
        var output = given
        if FileSystem.kind(given.path) == .link {
            guard let target = realPath(given.path) else {
                throw DiagnosticError(
                    .error(
                        SourceLocation(file: shown),
                        "thư mục đầu ra là liên kết tượng trưng tới một nơi không tồn tại; hãy tạo thư mục đích hoặc sửa liên kết"))
            }
            output = URL(fileURLWithPath: target)
        }
        let out = resolved(output)
        if out == "/" {
            throw DiagnosticError(.error(SourceLocation(file: shown), "không thể dùng thư mục gốc / làm thư mục đầu ra"))
        }
        var protected: [(String, String)] = []
        if let root = options.projectRoot { protected.append((resolved(root), "thư mục dự án")) }
        protected += [(resolved(options.contentDirectory), "thư mục nội dung"), (resolved(options.themeDirectory), "thư mục giao diện")]
        for (path, role) in protected {
            let name = URL(fileURLWithPath: path).lastPathComponent
            if out == path {
                throw DiagnosticError(
                    .error(
                        SourceLocation(file: shown),
                        "thư mục đầu ra chính là \(role) (\(name)); dtisite sẽ thay nội dung của nó bằng trang dựng ra. Hãy chọn thư mục khác, ví dụ public/"
                    ))
            }
            if isInside(path, out) {
                throw DiagnosticError(
                    .error(
                        SourceLocation(file: shown),
                        "thư mục đầu ra chứa \(role) (\(name)); hãy chọn một thư mục riêng, ví dụ public/"))
            }
            if isInside(out, path), role != "thư mục dự án" {
                throw DiagnosticError(
                    .error(
                        SourceLocation(file: shown),
                        "thư mục đầu ra nằm trong \(role) (\(name)); trang dựng ra sẽ lẫn vào nội dung. Hãy chọn thư mục ngoài nó, ví dụ public/"
                    ))
            }
        }
        return output
    }

    /// `path` lies below `directory`.
    static func isInside(_ path: String, _ directory: String) -> Bool {
        directory == "/" ? path != "/" : path.hasPrefix(directory + "/")
    }

    /// The real path of a directory that may not exist yet: its nearest existing ancestor resolved
    /// (links and all), then the rest of the path as written.
    static func resolved(_ url: URL) -> String {
        var existing = url.standardizedFileURL.path
        var rest: [String] = []
        var base = realPath(existing)
        while base == nil, existing != "/" {
            let parent = FileSystem.parent(of: existing)
            rest.insert(String(existing.dropFirst(parent.count + 1)), at: 0)
            existing = parent.isEmpty ? "/" : parent
            base = realPath(existing)
        }
        return rest.reduce(base ?? existing) { $0 == "/" ? "/" + $1 : $0 + "/" + $1 }
    }

    static func realPath(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
