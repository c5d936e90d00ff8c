import DTISite
import Foundation
import Hummingbird

/// The preview's HTTP side, on Hummingbird: the files of the preview folder (folders as their
/// index.html, unknown paths as 404.html with status 404, never a path outside the folder), every HTML
/// page with the live-reload script added before `</head>`, the script, and the event stream.
struct PreviewServer: Sendable {
    let folder: URL
    let reload: LiveReload

    static let types: [String: String] = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
        "json": "application/json", "svg": "image/svg+xml", "xml": "application/xml; charset=utf-8",
        "csv": "text/csv; charset=utf-8", "txt": "text/plain; charset=utf-8", "png": "image/png", "jpg": "image/jpeg",
        "jpeg": "image/jpeg", "webp": "image/webp", "ico": "image/x-icon", "woff2": "font/woff2", "pdf": "application/pdf"
    ]

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        let reload = self.reload
        router.get(RouterPath(LiveReload.scriptPath)) { _, _ in
            Response(
                status: .ok, headers: [.contentType: Self.types["js"]!, .cacheControl: "no-store"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: LiveReload.script)))
        }
        router.get(RouterPath(LiveReload.eventsPath)) { _, _ in
            let (id, events) = reload.subscribe()
            return Response(
                status: .ok, headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"],
                body: ResponseBody { writer in
                    defer { reload.unsubscribe(id) }
                    for await event in events { try await writer.write(ByteBuffer(string: event)) }
                    try await writer.finish(nil)
                })
        }
        for path in ["/", "**"] {
            router.get(RouterPath(path)) { request, _ in try await respond(path: request.uri.path) }
            router.head(RouterPath(path)) { request, _ in try await respond(path: request.uri.path) }
        }
        return router
    }

    /// The file for a URL path, as a static host serves a published site.
    func respond(path: String) async throws -> Response {
        let decoded = path.removingPercentEncoding ?? path
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true)
        guard !segments.contains(where: { $0 == ".." || $0 == "." || $0.contains("\0") }) else {
            return Response(status: .badRequest)
        }
        var url = folder
        for segment in segments { url.appendPathComponent(String(segment)) }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
        if exists, isDirectory.boolValue {
            guard path.hasSuffix("/") else { return Response(status: .movedPermanently, headers: [.location: path + "/"]) }
            url.appendPathComponent("index.html")
        }
        guard !segments.contains(where: { $0.hasPrefix(".") }), let data = FileManager.default.contents(atPath: url.path) else {
            let page = FileManager.default.contents(atPath: folder.appendingPathComponent("404.html").path) ?? Data("404".utf8)
            return file(Array(page), type: "html", status: .notFound)
        }
        return file(Array(data), type: url.pathExtension.lowercased(), status: .ok)
    }

    func file(_ bytes: [UInt8], type: String, status: HTTPResponse.Status) -> Response {
        var bytes = bytes
        if type == "html" { bytes = Self.inject(bytes, build: reload.currentBuild) }
        return Response(
            status: status,
            headers: [.contentType: Self.types[type] ?? "application/octet-stream", .cacheControl: "no-cache"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The page with the live-reload script before `</head>` (or at its end). An external script of the
    /// same origin: the pages' Content-Security-Policy (script-src 'self') allows it.
    static func inject(_ bytes: [UInt8], build: Int) -> [UInt8] {
        let tag = Array("<script src=\"\(LiveReload.scriptPath)?b=\(build)\" defer></script>".utf8)
        let head = Array("</head>".utf8)
        if let index = bytes.indices.first(where: { bytes[$0...].starts(with: head) }) {
            return Array(bytes[..<index]) + tag + Array(bytes[index...])
        }
        return bytes + tag
    }
}
