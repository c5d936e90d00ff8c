import Foundation

/// The open pages of a preview, told over Server-Sent Events what a rebuild did: `reload` (the site
/// changed), `css` (only stylesheets changed: swapped without reloading), `failed` (the rebuild stopped:
/// the page shows its diagnostics over the last good site), `build` (the build a page was served from,
/// sent on connecting, so a page loaded before a change it missed reloads).
final class LiveReload: @unchecked Sendable {
    /// Where the script and the event stream are served; no page of a site can have these paths
    /// (slugs never start with "_").
    static let scriptPath = "/__dtisite/reload.js"
    static let eventsPath = "/__dtisite/events"

    private let lock = NSLock()
    private var clients: [Int: AsyncStream<String>.Continuation] = [:]
    private var nextID = 0
    /// The number of the last good build, and the diagnostics of the last build if it failed.
    private var build = 0
    private var failure: [String]?

    /// A new page's stream of events, starting with the state it should show.
    func subscribe() -> (id: Int, events: AsyncStream<String>) {
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(16))
        lock.lock()
        let id = nextID
        nextID += 1
        clients[id] = continuation
        continuation.yield("retry: 500\nevent: build\ndata: \(build)\n\n")
        if let failure { continuation.yield(Self.event("failed", Self.json(failure))) }
        lock.unlock()
        continuation.onTermination = { [weak self] _ in self?.unsubscribe(id) }
        return (id, stream)
    }

    func unsubscribe(_ id: Int) {
        lock.lock()
        clients[id] = nil
        lock.unlock()
    }

    /// The number of the last good build: the script tag of a page carries it (`reload.js?b=N`).
    var currentBuild: Int {
        lock.lock()
        defer { lock.unlock() }
        return build
    }

    var clientCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return clients.count
    }

    /// After a good build: `css` when only stylesheets changed, else `reload`; nothing when no file changed
    /// and no failure is to be cleared.
    func succeeded(written: Int, onlyStylesheets: Bool) {
        lock.lock()
        let recovered = failure != nil
        failure = nil
        if written > 0 || recovered { build += 1 }
        let message =
            written == 0 && !recovered
            ? nil : Self.event(onlyStylesheets && !recovered ? "css" : "reload", "\(build)")
        let targets = Array(clients.values)
        lock.unlock()
        if let message { for client in targets { client.yield(message) } }
    }

    func failed(_ lines: [String]) {
        lock.lock()
        failure = lines
        let targets = Array(clients.values)
        lock.unlock()
        let message = Self.event("failed", Self.json(lines))
        for client in targets { client.yield(message) }
    }

    /// A comment line every few seconds keeps proxies from closing the stream and shows a closed page.
    func ping() {
        lock.lock()
        let targets = Array(clients.values)
        lock.unlock()
        for client in targets { client.yield(": ping\n\n") }
    }

    static func event(_ name: String, _ data: String) -> String {
        "event: \(name)\n" + data.split(separator: "\n", omittingEmptySubsequences: false).map { "data: \($0)\n" }.joined() + "\n"
    }

    static func json(_ lines: [String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        return (try? String(decoding: encoder.encode(lines), as: UTF8.self)) ?? "[]"
    }

    /// The page's end of it: no inline code (the pages' Content-Security-Policy allows only the site's
    /// own scripts, and EventSource connects to the same origin), styles set through the DOM.
    static let script = """
        // dtisite serve: tải lại trang khi nội dung thay đổi; chỉ có khi xem thử, không bao giờ trong trang xuất bản.
        (function () {
          "use strict";
          if (!window.EventSource) return;
          var me = document.currentScript, overlay = null;
          var loadedBuild = me ? new URL(me.src).searchParams.get("b") : null;
          function showErrors(lines) {
            if (!overlay) {
              overlay = document.createElement("div");
              overlay.id = "dtisite-loi";
              overlay.setAttribute("role", "alert");
              var s = overlay.style;
              s.position = "fixed"; s.inset = "0"; s.zIndex = "2147483647"; s.overflow = "auto";
              s.background = "rgba(20, 20, 20, 0.94)"; s.color = "#fff"; s.padding = "2rem";
              s.font = "14px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace";
              document.body.appendChild(overlay);
            }
            overlay.textContent = "";
            var title = document.createElement("h2");
            title.textContent = "dtisite: lần dựng lại gặp lỗi — trang đang hiển thị là bản dựng tốt gần nhất";
            title.style.font = "bold 18px/1.4 system-ui, sans-serif"; title.style.color = "#ffb4a9";
            overlay.appendChild(title);
            var list = document.createElement("pre");
            list.style.whiteSpace = "pre-wrap";
            list.textContent = lines.join("\\n");
            overlay.appendChild(list);
            var hint = document.createElement("p");
            hint.textContent = "Sửa tệp rồi lưu: trang tự tải lại.";
            overlay.appendChild(hint);
          }
          function swapStylesheets() {
            var links = document.querySelectorAll('link[rel="stylesheet"]');
            Array.prototype.forEach.call(links, function (link) {
              var url = new URL(link.href);
              url.searchParams.set("v", String(Date.now()));
              var next = link.cloneNode();
              next.href = url.toString();
              next.addEventListener("load", function () { link.remove(); });
              link.after(next);
            });
          }
          var source = new EventSource("\(eventsPath)");
          source.addEventListener("build", function (e) {
            if (loadedBuild !== null && loadedBuild !== e.data) location.reload();
            loadedBuild = e.data;
          });
          source.addEventListener("reload", function () { location.reload(); });
          source.addEventListener("css", function (e) { loadedBuild = e.data; swapStylesheets(); });
          source.addEventListener("failed", function (e) { showErrors(JSON.parse(e.data)); });
        })();

        """
}
