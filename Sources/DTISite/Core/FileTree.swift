import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What is in an output directory, read with plain POSIX calls: FileManager's enumerator builds an
/// attribute dictionary per file, which on a national site (thousands of files) costs more than
/// everything a rebuild with one change otherwise does.
enum FileTree {
    /// Regular files under `root` (relative path → size), skipping hidden entries at the top level.
    /// Symbolic links are not followed.
    static func regularFiles(in root: String) -> [String: Int] {
        var result: [String: Int] = [:]
        var visited: Set<[UInt64]> = []
        var others: [String: FileSystem.Kind]? = nil
        walk(root, prefix: "", followLinks: false, visited: &visited, into: &result, others: &others)
        return result
    }

    /// What an output directory holds: its regular files (path → size) and every entry that is
    /// neither a file nor a folder (symbolic links, sockets …), which the writer must not write through.
    /// Hidden entries at the top level are left out.
    static func outputEntries(in root: String) -> (files: [String: Int], others: [String: FileSystem.Kind]) {
        var result: [String: Int] = [:]
        var visited: Set<[UInt64]> = []
        var others: [String: FileSystem.Kind]? = [:]
        walk(root, prefix: "", followLinks: false, visited: &visited, into: &result, others: &others)
        return (result, others ?? [:])
    }

    /// The same for an input directory, following symbolic links as the loader does (each folder
    /// once, so a link loop ends).
    static func inputFiles(in root: String) -> [String: Int] {
        var result: [String: Int] = [:]
        var visited: Set<[UInt64]> = []
        var others: [String: FileSystem.Kind]? = nil
        walk(root, prefix: "", followLinks: true, visited: &visited, into: &result, others: &others)
        return result
    }

    private static func walk(
        _ directory: String, prefix: String, followLinks: Bool, visited: inout Set<[UInt64]>,
        into result: inout [String: Int], others: inout [String: FileSystem.Kind]?
    ) {
        if followLinks {
            var info = stat()
            guard stat(directory, &info) == 0, visited.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted else { return }
        }
        guard let handle = opendir(directory) else { return }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name == "." || name == ".." || (prefix.isEmpty && name.hasPrefix(".")) { continue }
            let path = directory + "/" + name
            var info = stat()
            guard (followLinks ? stat(path, &info) : lstat(path, &info)) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFREG: result[prefix + name] = Int(info.st_size)
            case S_IFDIR:
                walk(path, prefix: prefix + name + "/", followLinks: followLinks, visited: &visited, into: &result, others: &others)
            case S_IFLNK: others?[prefix + name] = .link
            default: others?[prefix + name] = .other
            }
        }
    }

    /// Size of a regular file, nil when it is missing or not a regular file.
    static func size(of path: String) -> Int? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(info.st_size)
    }
}
