import Foundation

@testable import DTISite

/// A child process for the tests that drive Chromium or a local server: started with posix_spawn (its
/// standard output in `output`), reaped with waitpid. Foundation's Process can wait for ever on Linux
/// under the test runner, and its children inherit the runner's blocked signals (SIGTERM would never
/// stop them): here the child gets an empty signal mask, and `stop` sends SIGKILL.
final class Spawned {
    let pid: pid_t

    init(_ path: String, _ arguments: [String], output: String = "/dev/null") throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var pid: pid_t = 0
        guard Self.spawn(&pid, path, arguments, actions: &actions) == 0 else { throw CocoaError(.executableLoad) }
        self.pid = pid
    }

    /// posix_spawn of `path` with `arguments` and `actions`, the child's signal mask empty; its result.
    static func spawn(_ pid: inout pid_t, _ path: String, _ arguments: [String], actions: inout posix_spawn_file_actions_t) -> Int32 {
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        return posix_spawn(&pid, path, &actions, &attributes, argv, environ)
    }

    /// The default site built into `root`/cds/ with its base URL on `port`, served from `root` by
    /// Python's HTTP server (a second after it starts, so that it listens).
    static func servingDefaultSite(in root: URL, port: Int) throws -> Spawned {
        var options = SiteBuilder.Options(root: Fixtures.repositoryRoot)
        options.outputDirectory = root.appendingPathComponent("cds")
        options.baseURL = "http://127.0.0.1:\(port)/cds/"
        let report = SiteBuilder.build(options)
        guard report.succeeded else { throw CocoaError(.fileWriteUnknown) }
        let server = try Spawned("/usr/bin/python3", ["-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", root.path])
        Thread.sleep(forTimeInterval: 1)
        return server
    }

    /// Waits for the child; its exit code (-1 when a signal ended it).
    @discardableResult
    func wait() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return status & 0x7f == 0 ? (status >> 8) & 0xff : -1
    }

    func stop() {
        kill(pid, SIGKILL)
        wait()
    }
}
