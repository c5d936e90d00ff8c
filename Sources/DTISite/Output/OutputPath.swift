/// Output: rendered files → the output directory, atomically and without rewriting unchanged files.

/// Paths of output files come partly from user data (slugs, ids). Whatever a slug holds, a path that
/// could leave the output directory is refused here, the one place every file passes through.
enum OutputPath {
    static func isSafe(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\"), !path.contains("\0"),
            !path.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F })
        else { return false }
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        return components.allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }
}
