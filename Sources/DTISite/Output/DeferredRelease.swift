import Dispatch

/// Lets the structures of one build (every page's values, the site model) be freed on a background
/// thread: freeing hundreds of thousands of small objects takes a noticeable part of a national
/// build, and writing the files does not need to wait for it. In a command that exits right after,
/// the memory is simply returned with the process.
enum DeferredRelease {
    private final class Box: @unchecked Sendable {
        // Only touched again when released, on the queue.
        var values: [Any]
        init(_ values: [Any]) { self.values = values }
    }

    private static let queue = DispatchQueue(label: "dtisite.release", qos: .utility)

    /// Keeps `values` alive a moment longer than the caller's own references, then frees them on a
    /// background queue.
    static func release(_ values: Any...) {
        let box = Box(values)
        // The caller's references end when it returns; by then the box holds the last one.
        queue.asyncAfter(deadline: .now() + .milliseconds(20)) { box.values.removeAll() }
    }
}
