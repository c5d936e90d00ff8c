import Foundation

/// A minimal HTTP/1.1 client over a POSIX socket, for the tests that drive `dtisite serve`: plain GETs
/// (chunked bodies decoded) and a Server-Sent Events stream read as it arrives.
final class HTTPProbe {
    let fd: Int32

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            throw POSIXError(.ECONNREFUSED)
        }
    }

    deinit { close(fd) }

    func send(_ request: String) {
        let bytes = Array(request.utf8)
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n <= 0 { return }
            sent += n
        }
    }

    /// What arrives within `timeout` seconds (nil: the connection closed).
    func read(timeout: Double) -> [UInt8]? {
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, Int32(timeout * 1000)) > 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
        return n > 0 ? Array(buffer[..<n]) : nil
    }

    /// A port nobody listens on now.
    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length)
                return getsockname(fd, pointer, &length)
            }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    struct Response {
        var status: Int
        var headers: String
        var body: String
    }

    static func get(port: Int, _ path: String, timeout: Double = 10) throws -> Response {
        let probe = try HTTPProbe(port: port)
        probe.send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n")
        var data: [UInt8] = []
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline, let chunk = probe.read(timeout: 1) { data += chunk }
        let text = String(decoding: data, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { throw POSIXError(.EBADMSG) }
        let headers = String(text[..<split.lowerBound])
        var body = String(text[split.upperBound...])
        if headers.lowercased().contains("transfer-encoding: chunked") { body = dechunk(body) }
        let status = Int(headers.split(separator: " ").dropFirst().first ?? "") ?? 0
        return Response(status: status, headers: headers, body: body)
    }

    static func dechunk(_ text: String) -> String {
        var rest = Substring(text), out = ""
        while let line = rest.range(of: "\r\n"), let size = Int(rest[..<line.lowerBound], radix: 16), size > 0 {
            let start = line.upperBound
            let utf8 = rest.utf8
            let end = utf8.index(start, offsetBy: size, limitedBy: utf8.endIndex) ?? utf8.endIndex
            out += String(rest[start..<end])
            rest = rest[end...].dropFirst(2)
        }
        return out
    }
}

/// An open Server-Sent Events stream: `next(_:)` waits for an event of that name and returns its data.
final class EventStreamProbe {
    let probe: HTTPProbe
    private var text = ""

    init(port: Int, path: String) throws {
        probe = try HTTPProbe(port: port)
        probe.send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
    }

    /// The data of the next event named `name` (events before it are skipped), or nil after `timeout` seconds.
    func next(_ name: String, timeout: Double = 30) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let found = text.range(of: "event: \(name)\n") {
                let rest = text[found.upperBound...]
                if let end = rest.range(of: "\n\n") {
                    let data = rest[..<end.lowerBound].split(separator: "\n").filter { $0.hasPrefix("data: ") }.map { $0.dropFirst(6) }
                        .joined(separator: "\n")
                    text = String(rest[end.upperBound...])
                    return data
                }
            }
            guard Date() < deadline, let chunk = probe.read(timeout: 0.5) else { return nil }
            text += String(decoding: chunk, as: UTF8.self)
        }
    }
}
