import Foundation

/// Headless Chromium driven through the DevTools protocol over a pipe (`--remote-debugging-pipe`:
/// commands on the browser's descriptor 3, answers on 4, each one JSON text ended by a NUL byte), for
/// tests that type into a page as a reader does. Started with posix_spawn and stopped with SIGKILL,
/// for the reasons given in `Spawned`.
final class DevTools {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let pid: pid_t
    /// Our ends of the pipes: commands are written to `commands`, answers read from `answers`.
    private let commands: Int32
    private let answers: Int32
    private var buffer: [UInt8] = []
    private var lastID = 0
    private var session: String?

    init(chromium: String, profile: String) throws {
        var toBrowser: [Int32] = [0, 0]
        var fromBrowser: [Int32] = [0, 0]
        guard pipe(&toBrowser) == 0, pipe(&fromBrowser) == 0 else { throw Failure(description: "pipe") }
        // Above 9, so that putting them at 3 and 4 in the child overwrites none of them; closed on exec,
        // but for the two copies made at 3 and 4.
        let fds = (toBrowser + fromBrowser).map { fd -> Int32 in
            let high = fcntl(fd, F_DUPFD_CLOEXEC, 10)
            close(fd)
            return high
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, fds[0], 3)
        posix_spawn_file_actions_adddup2(&actions, fds[3], 4)
        let arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--remote-debugging-pipe", "--user-data-dir=\(profile)",
            "about:blank"
        ]
        var pid: pid_t = 0
        let spawned = Spawned.spawn(&pid, chromium, arguments, actions: &actions)
        close(fds[0])
        close(fds[3])
        guard spawned == 0 else {
            close(fds[1])
            close(fds[2])
            throw Failure(description: "posix_spawn \(spawned)")
        }
        self.pid = pid
        commands = fds[1]
        answers = fds[2]
    }

    func stop() {
        close(commands)
        close(answers)
        kill(pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    }

    /// Sends one command (to the page once `open` attached to one) and returns its result.
    @discardableResult
    func send(_ method: String, _ params: [String: Any] = [:], timeout: Double = 20) throws -> [String: Any] {
        lastID += 1
        var message: [String: Any] = ["id": lastID, "method": method, "params": params]
        if let session { message["sessionId"] = session }
        var bytes = [UInt8](try JSONSerialization.data(withJSONObject: message))
        bytes.append(0)
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { write(commands, $0.baseAddress, $0.count) }
            guard n > 0 else { throw Failure(description: "write to the browser failed") }
            sent += n
        }
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let answer = try read(until: deadline)
            guard answer["id"] as? Int == lastID else { continue }  // an event, or an earlier answer
            if let error = answer["error"] { throw Failure(description: "\(method): \(error)") }
            return answer["result"] as? [String: Any] ?? [:]
        }
    }

    private func read(until deadline: Date) throws -> [String: Any] {
        while true {
            if let end = buffer.firstIndex(of: 0) {
                let text = Array(buffer[..<end])
                buffer.removeSubrange(...end)
                return try JSONSerialization.jsonObject(with: Data(text)) as? [String: Any] ?? [:]
            }
            var poller = pollfd(fd: answers, events: Int16(POLLIN), revents: 0)
            let left = Int32(max(0, deadline.timeIntervalSinceNow) * 1000)
            guard poll(&poller, 1, left) > 0 else { throw Failure(description: "no answer from the browser") }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let n = chunk.withUnsafeMutableBytes { Glibc.read(answers, $0.baseAddress, $0.count) }
            guard n > 0 else { throw Failure(description: "the browser closed its pipe") }
            buffer += chunk[..<n]
        }
    }

    /// Opens `url` in a new tab, which the next commands address.
    func open(_ url: String) throws {
        session = nil
        let target = try send("Target.createTarget", ["url": url])
        let attached = try send("Target.attachToTarget", ["targetId": target["targetId"] ?? "", "flatten": true])
        session = attached["sessionId"] as? String
    }

    /// The value of a JavaScript expression in the page.
    func evaluate(_ expression: String) throws -> Any? {
        let result = try send("Runtime.evaluate", ["expression": expression, "returnByValue": true])
        return (result["result"] as? [String: Any])?["value"]
    }

    /// Waits until `expression` gives something other than null, false or "": returns it.
    func wait(for expression: String, timeout: Double = 15) throws -> Any {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let value = try evaluate(expression), !(value is NSNull), (value as? Bool) != false, (value as? String) != "" {
                return value
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw Failure(description: "timed out waiting for \(expression)")
    }

    /// Types `text` into the focused element, one key press a character, `pause` seconds apart.
    func type(_ text: String, pause: Double) throws {
        for character in text {
            let key = String(character)
            try send("Input.dispatchKeyEvent", ["type": "keyDown", "key": key, "text": key, "unmodifiedText": key])
            try send("Input.dispatchKeyEvent", ["type": "keyUp", "key": key])
            Thread.sleep(forTimeInterval: pause)
        }
    }
}
