import Dispatch
import Foundation

/// What a write will do, worked out before anything is touched: which files changed, which of the
/// previous build's files go, which folders are needed — and whether anything in the output stands in
/// the way (a symbolic link where the site needs a folder, a file of the user's where the site puts one).
/// Every refusal happens here, so a refused write has changed nothing.
struct OutputPlan {
    static let temporarySuffix = ".dtisite-tmp"

    var changed: [OutputFile] = []
    var unchanged = 0
    /// Files of the previous build that this one does not make.
    var removed: [String] = []
    /// Temporary files of an interrupted build.
    var leftovers: [String] = []
    /// Every folder the files need, parents first.
    var folders: [String] = []
    /// Files dtisite wrote before (from the manifest).
    var owned: Set<String> = []
    /// The output holds nothing but dtisite's files and is worth swapping whole.
    var canSwap = false

    init(files: [OutputFile], writer: SiteWriter, previous: Previous) throws {
        let shown = writer.shown
        let root = writer.root
        var paths: Set<String> = []
        for file in files {
            guard OutputPath.isSafe(file.path) else {
                throw DiagnosticError(
                    .error(
                        SourceLocation(file: shown), "đường dẫn đầu ra không hợp lệ \"\(file.path)\" (không được ra ngoài thư mục đầu ra)"))
            }
            guard paths.insert(file.path).inserted else {
                throw DiagnosticError(
                    .error(SourceLocation(file: shown), "hai trang cùng ghi vào \"\(file.path)\"; hãy đổi slug của một trong hai"))
            }
        }
        var folderSet: Set<String> = []
        for path in paths { for folder in FileSystem.ancestors(of: path) { folderSet.insert(folder) } }
        if let clash = folderSet.intersection(paths).sorted().first {
            throw DiagnosticError(
                .error(SourceLocation(file: shown), "\"\(clash)\" vừa là một tệp vừa là thư mục của trang khác; hãy đổi slug"))
        }
        folders = folderSet.sorted {
            ($0.utf8.count(where: { $0 == UInt8(ascii: "/") }), $0) < ($1.utf8.count(where: { $0 == UInt8(ascii: "/") }), $1)
        }

        let exists = FileSystem.kind(root) == .directory
        let (existing, others) = exists ? FileTree.outputEntries(in: root) : ([:], [:])
        owned = Set(previous.manifest?.files.keys ?? [:].keys)

        // Nothing of the user's may be written through or over.
        for folder in folders {
            if let kind = others[folder] {
                throw DiagnosticError(.error(SourceLocation(file: shown + "/" + folder), Self.obstacle(kind, needs: "thư mục")))
            }
            if existing[folder] != nil, !owned.contains(folder) {
                throw DiagnosticError(
                    .error(
                        SourceLocation(file: shown + "/" + folder),
                        "tệp này không do dtisite ghi nhưng nằm đúng chỗ trang cần một thư mục; hãy đổi tên hoặc chuyển nó đi"))
            }
        }
        for path in paths.sorted() {
            if let kind = others[path], !owned.contains(path) {
                throw DiagnosticError(.error(SourceLocation(file: shown + "/" + path), Self.obstacle(kind, needs: "tệp")))
            }
            if existing[path] != nil, !owned.contains(path), !writer.force {
                throw DiagnosticError(
                    .error(
                        SourceLocation(file: shown + "/" + path),
                        "tệp này không do dtisite ghi; dtisite không ghi đè. Hãy đổi tên hoặc chuyển nó đi, hoặc dựng lại với --force"))
            }
        }

        // Which files differ from what is there: compared concurrently. A kept page (render cache)
        // is the previous build's file, still intact.
        let intact = previous.intact
        let same = Concurrent.map(files) { file -> Bool in
            guard let size = existing[file.path], size == file.size else { return false }
            if file.keptSize != nil {
                return intact[file.path] == size && previous.manifest?.isIntact(file.path, in: root) == true
            }
            return FileSystem.contents(of: root + "/" + file.path, equal: file.contents)
        }
        for (file, isSame) in zip(files, same) {
            if isSame {
                unchanged += 1
            } else if file.keptSize != nil {
                throw DiagnosticError(
                    .error(
                        SourceLocation(file: shown + "/" + file.path),
                        "tệp đã bị thay đổi hoặc xoá trong lúc dựng trang; hãy chạy lại lệnh dựng"))
            } else {
                changed.append(file)
            }
        }
        removed = owned.filter { !paths.contains($0) && (existing[$0] != nil || others[$0] == .link) }.sorted()
        leftovers = existing.keys.filter { name in
            guard name.hasSuffix(Self.temporarySuffix) else { return false }
            let base = String(name.dropLast(Self.temporarySuffix.count))
            return owned.contains(base) || paths.contains(base)
        }.sorted()

        // Swapping the whole directory would drop entries that are not dtisite's: only when there are none.
        let hidden = exists ? FileSystem.entries(of: root).filter { $0.hasPrefix(".") && $0 != BuildManifest.fileName } : []
        let onlyOwn = others.isEmpty && hidden.isEmpty && existing.keys.allSatisfy { owned.contains($0) }
        let big = (changed.count + removed.count) * 10 > files.count
        let parent = FileSystem.identity(writer.outputDirectory.deletingLastPathComponent().path)
        let sameDevice = !exists || FileSystem.identity(root).device == parent.device
        canSwap = (!exists || (onlyOwn && big)) && sameDevice
    }

    static func obstacle(_ kind: FileSystem.Kind, needs: String) -> String {
        switch kind {
        case .link:
            return
                "đây là liên kết tượng trưng (symlink) nằm đúng chỗ trang cần một \(needs); dtisite không ghi qua liên kết để khỏi ghi ra ngoài thư mục đầu ra. Hãy xoá liên kết rồi dựng lại"
        default:
            return "đây không phải tệp thường (thiết bị, socket…) nằm đúng chỗ trang cần một \(needs); hãy chuyển nó đi"
        }
    }
}

typealias Previous = SiteWriter.Previous
