import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What a build killed in the middle of a staged swap leaves beside the output, and how the next
/// build puts it right before doing anything else:
///
/// - `.public.staging` with the marker: an unfinished staging directory, dtisite's files only: removed.
/// - `.public.staging` without the marker while the output is missing: a complete new site whose
///   swap was cut between its two renames: it becomes the output.
/// - `.public.old` while the output is missing: the previous site: it becomes the output again.
/// - any other leftover: the files its manifest lists (dtisite's) are removed, then the folders they
///   leave empty. Anything else in it is not dtisite's and is left where it is, with a warning.
struct OutputRecovery {
    static let marker = ".dtisite-staging"

    let writer: SiteWriter

    static func sibling(of output: URL, _ role: String) -> String {
        output.deletingLastPathComponent().path + "/." + output.lastPathComponent + "." + role
    }

    func recover() throws -> [Diagnostic] {
        let root = writer.root
        let staging = Self.sibling(of: writer.outputDirectory, "staging")
        let old = Self.sibling(of: writer.outputDirectory, "old")
        var warnings: [Diagnostic] = []
        if FileSystem.kind(staging) == .directory {
            let unfinished = FileSystem.kind(staging + "/" + Self.marker) == .file
            if FileSystem.kind(root) == .missing, !unfinished, BuildManifest.read(from: staging)?.clean == true {
                try writer.step(.rename, root)
                if rename(staging, root) != 0 {
                    throw WriteFailure(path: writer.shown, code: errno, action: "không khôi phục được thư mục đầu ra")
                }
            } else if unfinished {
                try writer.step(.rmdir, staging)
                FileSystem.removeOwnTree(staging)
            } else {
                warnings += try removeLeftover(staging)
            }
        }
        if FileSystem.kind(old) == .directory {
            if FileSystem.kind(root) == .missing {
                try writer.step(.rename, root)
                if rename(old, root) != 0 {
                    throw WriteFailure(path: writer.shown, code: errno, action: "không khôi phục được thư mục đầu ra")
                }
            } else {
                warnings += try removeLeftover(old)
            }
        }
        return warnings
    }

    /// Removes dtisite's files from a leftover directory (those its manifest lists), and the directory
    /// if that empties it. Returns a warning when something else remains.
    func removeLeftover(_ directory: String) throws -> [Diagnostic] {
        let shown = URL(fileURLWithPath: directory).lastPathComponent
        // A staging folder killed right after it was made is still empty.
        if rmdir(directory) == 0 { return [] }
        guard let manifest = BuildManifest.read(from: directory) else {
            return [
                .warning(
                    SourceLocation(file: shown),
                    "thư mục còn sót lại từ một lần dựng bị ngắt nhưng không có danh sách tệp của dtisite; dtisite để nguyên, hãy xem rồi tự xoá"
                )
            ]
        }
        for path in manifest.files.keys.sorted() {
            for candidate in [path, path + OutputPlan.temporarySuffix] {
                let kind = FileSystem.kind(directory + "/" + candidate)
                if kind == .file || kind == .link {
                    try writer.step(.unlink, directory + "/" + candidate)
                    unlink(directory + "/" + candidate)
                }
            }
        }
        for name in [BuildManifest.fileName, BuildManifest.fileName + OutputPlan.temporarySuffix, Self.marker] {
            unlink(directory + "/" + name)
        }
        removeEmptyFolders(directory)
        if FileSystem.kind(directory) == .missing { return [] }
        return [
            .warning(
                SourceLocation(file: shown),
                "thư mục còn sót lại từ một lần dựng bị ngắt có tệp không do dtisite ghi; dtisite để nguyên, hãy xem rồi tự xoá")
        ]
    }

    /// Removes every empty folder of a tree, deepest first, and the root if it ends empty; links are not followed.
    private func removeEmptyFolders(_ directory: String) {
        for name in FileSystem.entries(of: directory) where FileSystem.kind(directory + "/" + name) == .directory {
            removeEmptyFolders(directory + "/" + name)
        }
        rmdir(directory)
    }
}
