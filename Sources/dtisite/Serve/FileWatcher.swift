import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Watches folders recursively and reports the paths that changed, a batch at a time, once the file
/// system has been quiet for `settle` (an editor's save is often a write, a rename and a delete).
/// Linux: inotify, one watch per folder, folders created later watched as they appear. Elsewhere:
/// polling of sizes and modification times.
final class FileWatcher: @unchecked Sendable {
    let roots: [String]
    let settle: Duration

    init(roots: [String], settle: Duration = .milliseconds(15)) {
        self.roots = roots.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        self.settle = settle
    }

    /// Hidden files (never inputs: the loader leaves them out; atomic saves write one first) and
    /// editors' temporary files.
    static func ignored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx") || name == "4913"
            || name.hasPrefix(".~lock.") || name.hasPrefix("~$") || Self.isSedTemporary(name)
    }

    /// `sed -i` writes "sedXXXXXX" beside the file, then renames it over the file.
    static func isSedTemporary(_ name: String) -> Bool {
        name.count == 9 && name.hasPrefix("sed") && !name.contains(".")
    }

    /// Runs for ever on the calling thread, calling `onChange` with each batch of changed paths (nil:
    /// events were lost, anything may have changed).
    func run(_ onChange: (Set<String>?) -> Void) {
        #if os(Linux)
            if let inotify = Inotify(roots: roots) {
                inotify.run(settle: settle, onChange)
                return
            }
        #endif
        poll(onChange)
    }

    /// The portable way: compare each file's size and modification time every 300 ms.
    func poll(_ onChange: (Set<String>?) -> Void) {
        func scan() -> [String: [Double]] {
            var state: [String: [Double]] = [:]
            for root in roots {
                let enumerator = FileManager.default.enumerator(atPath: root)
                while let relative = enumerator?.nextObject() as? String {
                    let path = root + "/" + relative
                    guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                        attributes[.type] as? FileAttributeType == .typeRegular
                    else { continue }
                    state[path] = [
                        (attributes[.size] as? NSNumber)?.doubleValue ?? 0,
                        (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                    ]
                }
            }
            return state
        }
        var known = scan()
        while true {
            Thread.sleep(forTimeInterval: 0.3)
            let now = scan()
            let changed = Set(now.keys.filter { now[$0] != known[$0] }).union(known.keys.filter { now[$0] == nil })
            known = now
            if !changed.isEmpty { onChange(changed) }
        }
    }
}

#if os(Linux)
    /// inotify(7) through Glibc: inotify_init1, inotify_add_watch on every folder, read and poll.
    final class Inotify {
        // The event bits of <sys/inotify.h>.
        static let closeWrite: UInt32 = 0x8, movedFrom: UInt32 = 0x40, movedTo: UInt32 = 0x80, create: UInt32 = 0x100
        static let delete: UInt32 = 0x200, deleteSelf: UInt32 = 0x400, moveSelf: UInt32 = 0x800
        static let overflow: UInt32 = 0x4000, ignored: UInt32 = 0x8000, isDirectory: UInt32 = 0x4000_0000
        static let mask = closeWrite | movedFrom | movedTo | create | delete | deleteSelf | moveSelf

        let fd: Int32
        let roots: [String]
        /// Watch descriptor → the folder it watches.
        var folders: [Int32: String] = [:]

        init?(roots: [String]) {
            fd = inotify_init1(Int32(O_CLOEXEC))
            guard fd >= 0 else { return nil }
            self.roots = roots
            for root in roots { watchTree(root) }
        }

        deinit { close(fd) }

        /// Watches `folder` and every folder below it; returns the files found in it (a folder moved in
        /// brings its files).
        @discardableResult
        func watchTree(_ folder: String) -> [String] {
            var files: [String] = []
            let wd = inotify_add_watch(fd, folder, Self.mask)
            if wd >= 0 { folders[wd] = folder }
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return files }
            for name in entries {
                let path = folder + "/" + name
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
                if isDirectory.boolValue { files += watchTree(path) } else { files.append(path) }
            }
            return files
        }

        /// Reads what is ready into `changed`; a lost event (the queue overflowed) adds "".
        func drain(into changed: inout Set<String>) {
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard count > 0 else { return }
            var offset = 0
            buffer.withUnsafeBytes { raw in
                while offset + 16 <= count {
                    let wd = raw.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                    let mask = raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                    let length = Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                    let nameBytes = raw[(offset + 16)..<(offset + 16 + length)].prefix { $0 != 0 }
                    offset += 16 + length
                    if mask & Self.overflow != 0 {
                        changed.insert("")
                        continue
                    }
                    if mask & Self.ignored != 0 {
                        folders[wd] = nil
                        continue
                    }
                    guard let folder = folders[wd] else { continue }
                    let name = String(decoding: nameBytes, as: UTF8.self)
                    if name.isEmpty || FileWatcher.ignored(name) { continue }
                    let path = folder + "/" + name
                    if mask & Self.isDirectory != 0 {
                        if mask & (Self.create | Self.movedTo) != 0 { changed.formUnion(watchTree(path)) }
                        changed.insert(path + "/")
                    } else if mask & Self.create == 0 {
                        // A file is reported when written and closed, moved or deleted; a new empty
                        // file when it is closed.
                        changed.insert(path)
                    }
                }
            }
        }

        func wait(milliseconds: Int32) -> Bool {
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            return Glibc.poll(&descriptor, 1, milliseconds) > 0
        }

        func run(settle: Duration, _ onChange: (Set<String>?) -> Void) {
            let quiet = Int32(settle.components.seconds * 1000 + settle.components.attoseconds / 1_000_000_000_000_000)
            while true {
                guard wait(milliseconds: -1) else { continue }
                var changed: Set<String> = []
                drain(into: &changed)
                while wait(milliseconds: quiet) { drain(into: &changed) }
                if changed.contains("") {
                    // Events were lost: watch every folder again, and anything may have changed.
                    for root in roots { watchTree(root) }
                    onChange(nil)
                } else if !changed.isEmpty {
                    onChange(changed)
                }
            }
        }
    }
#endif
