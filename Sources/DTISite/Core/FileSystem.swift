import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The POSIX calls the writer makes, each one named so that a test can stop the writer right before
/// it (`FaultHook`), as a kill at that point would, and each failure reported with its reason in
/// Vietnamese. Nothing here follows a symbolic link: files are opened with O_NOFOLLOW, entries are
/// examined with lstat, and a tree is removed without descending into links.
enum FileSystem {
    /// What is at a path, without following a link there.
    enum Kind: Equatable {
        case missing, file, directory, link, other
    }

    struct Identity: Equatable {
        var kind: Kind
        var size: Int = 0
        var modified: Int64 = 0
        var inode: UInt64 = 0
        var device: UInt64 = 0
    }

    static func identity(_ path: String) -> Identity {
        var info = stat()
        guard lstat(path, &info) == 0 else { return Identity(kind: .missing) }
        let kind: Kind
        switch info.st_mode & S_IFMT {
        case S_IFREG: kind = .file
        case S_IFDIR: kind = .directory
        case S_IFLNK: kind = .link
        default: kind = .other
        }
        let modified = Int64(info.st_mtim.tv_sec) &* 1_000_000_000 &+ Int64(info.st_mtim.tv_nsec)
        return Identity(
            kind: kind, size: Int(info.st_size), modified: modified,
            inode: UInt64(info.st_ino), device: UInt64(info.st_dev))
    }

    static func kind(_ path: String) -> Kind { identity(path).kind }

    /// Writes a new file (or replaces a regular one) without following a link at `path`.
    /// Whether the file holds exactly `bytes` (compared as memory, not byte by byte through `Data`).
    static func contents(of path: String, equal bytes: [UInt8]) -> Bool {
        guard let data = FileManager.default.contents(atPath: path), data.count == bytes.count else { return false }
        return data.withUnsafeBytes { found in
            bytes.withUnsafeBytes { wanted in
                wanted.isEmpty || memcmp(found.baseAddress!, wanted.baseAddress!, wanted.count) == 0
            }
        }
    }

    static func writeFile(_ path: String, _ bytes: [UInt8]) -> Int32? {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return errno }
        let failure: Int32? = bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 { return errno }
                if n == 0 { return ENOSPC }
                offset += n
            }
            return nil
        }
        if close(fd) != 0, failure == nil { return errno }
        return failure
    }

    /// `renameat2(…, RENAME_EXCHANGE)`: swaps two directories in one step, so that a reader sees the
    /// old site or the new one and never neither. Looked up at run time: older C libraries lack it.
    /// Returns nil on success, the errno otherwise (ENOSYS where the call does not exist).
    static func exchange(_ a: String, _ b: String) -> Int32? {
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = renameAt2 else { return ENOSYS }
        let call = unsafeBitCast(symbol, to: RenameAt2.self)
        return call(AT_FDCWD, a, AT_FDCWD, b, 2 /* RENAME_EXCHANGE */) == 0 ? nil : errno
    }

    private nonisolated(unsafe) static let renameAt2 = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2")

    /// Removes a tree that dtisite made itself (a staging directory), never following a link:
    /// a link inside is removed as a link, its target is not touched.
    static func removeOwnTree(_ path: String) {
        switch kind(path) {
        case .directory:
            for name in entries(of: path) { removeOwnTree(path + "/" + name) }
            rmdir(path)
        case .missing: return
        default: unlink(path)
        }
    }

    static func entries(of directory: String) -> [String] {
        guard let handle = opendir(directory) else { return [] }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// The folder part of a relative path ("a/b/c.html" → "a/b", "c.html" → ""), cut on the bytes:
    /// NSString's path helpers trap on some one-character strings on Linux.
    static func parent(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[..<slash])
    }

    /// Every folder above a relative path, nearest last ("a/b/c" → ["a", "a/b"]).
    static func ancestors(of path: String) -> [String] {
        var result: [String] = []
        var directory = parent(of: path)
        while !directory.isEmpty {
            result.append(directory)
            directory = parent(of: directory)
        }
        return result.reversed()
    }

    /// The reason of a failed call, for a person: what happened and what to do.
    static func reason(_ code: Int32) -> String {
        switch code {
        case ENOSPC: return "ổ đĩa đã đầy; hãy giải phóng dung lượng rồi dựng lại"
        case EDQUOT: return "đã vượt hạn mức dung lượng của tài khoản; hãy giải phóng dung lượng rồi dựng lại"
        case EACCES, EPERM: return "không có quyền ghi; hãy kiểm tra quyền của thư mục đầu ra"
        case EROFS: return "hệ thống tệp chỉ cho đọc (read-only); hãy chọn thư mục đầu ra khác"
        case ENAMETOOLONG: return "tên tệp hoặc đường dẫn quá dài"
        case ENOTDIR: return "một phần của đường dẫn là tệp chứ không phải thư mục"
        case EISDIR: return "đường dẫn là một thư mục"
        case ELOOP: return "đường dẫn là liên kết tượng trưng; dtisite không ghi qua liên kết"
        case EMFILE, ENFILE: return "mở quá nhiều tệp cùng lúc; hãy thử lại"
        case EIO: return "lỗi đọc/ghi của ổ đĩa"
        case EBUSY: return "thư mục đang được dùng (điểm gắn kết)"
        case EXDEV: return "nằm trên hai hệ thống tệp khác nhau"
        default: return "lỗi hệ thống: " + String(cString: strerror(code))
        }
    }
}

/// A failed file operation of the writer: which file, and why.
struct WriteFailure: Error {
    var path: String
    var code: Int32
    var action: String

    var diagnostic: Diagnostic {
        .error(SourceLocation(file: path), "\(action): \(FileSystem.reason(code))")
    }
}
