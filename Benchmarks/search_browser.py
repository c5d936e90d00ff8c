#!/usr/bin/env python3
"""Time to first results of the search page in headless Chromium, on a built dtisite site.

Serves the site on 127.0.0.1, drives Chromium through the DevTools protocol on a pipe, and for each
query measures, with the browser's cache off:
- shared link: from opening /tim-kiem/?q=… to the first result shown;
- typed: the query typed key by key (150 ms apart, so the script searches after each), from the last
  key press to the results of the whole query (the script waits 120 ms after a key press before it
  searches);
and the bytes the page fetched from the index (encodedBodySize of the requests; the server does not
compress). Usage: Benchmarks/search_browser.py <public directory> <base path, e.g. /cds/> ["query" …]
"""
import functools
import http.server
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import threading
import time


class Browser:
    """Chromium with --remote-debugging-pipe: commands on its fd 3, answers on fd 4, NUL-terminated."""

    def __init__(self, profile):
        to_browser, self.commands = os.pipe()
        self.answers, from_browser = os.pipe()

        def descriptors():
            os.dup2(to_browser, 3)
            os.dup2(from_browser, 4)
        chromium = shutil.which("chromium") or "/usr/bin/chromium"
        self.process = subprocess.Popen(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--remote-debugging-pipe",
             f"--user-data-dir={profile}", "about:blank"],
            pass_fds=(3, 4), preexec_fn=descriptors, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser)
        os.close(from_browser)
        self.buffer, self.last, self.session = b"", 0, None

    def send(self, method, params=None, timeout=30):
        self.last += 1
        message = {"id": self.last, "method": method, "params": params or {}}
        if self.session:
            message["sessionId"] = self.session
        os.write(self.commands, json.dumps(message).encode() + b"\0")
        deadline = time.time() + timeout
        while True:
            while b"\0" not in self.buffer:
                ready, _, _ = select.select([self.answers], [], [], max(0, deadline - time.time()))
                if not ready:
                    raise TimeoutError(method)
                self.buffer += os.read(self.answers, 1 << 16)
            text, self.buffer = self.buffer.split(b"\0", 1)
            answer = json.loads(text)
            if answer.get("id") == self.last:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer.get("result", {})

    def open(self, url):
        self.session = None
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.send("Network.enable")
        self.send("Network.setCacheDisabled", {"cacheDisabled": True})
        self.send("Page.navigate", {"url": url})

    def evaluate(self, expression):
        return self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})["result"].get("value")

    def wait(self, expression, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            value = self.evaluate(expression)
            if value:
                return value
            time.sleep(0.005)
        raise TimeoutError(expression)

    def stop(self):
        self.process.kill()
        self.process.wait()


def results_for(query):
    """An expression: the first result's link once the status names the whole query, else null."""
    quoted = json.dumps("“" + query + "”")
    return ("(function () { var s = document.getElementById('search-status').textContent;"
            " var a = document.querySelector('#search-results a');"
            f" return s.indexOf({quoted}) >= 0 && a ? a.getAttribute('href') : null; }})()")


FETCHED = ("performance.getEntriesByType('resource').filter(e => e.name.includes('/chi-muc/'))"
           ".reduce((n, e) => n + e.encodedBodySize, 0)")


def main():
    public, base = sys.argv[1], sys.argv[2]
    queries = sys.argv[3:] or ["ha tang so", "so khoa hoc va cong nghe", "lai chau", "dich vu cong truc tuyen", "xa so"]
    root = tempfile.mkdtemp(prefix="dtisite-search-browser-")
    os.makedirs(os.path.dirname(os.path.join(root, base.strip("/"))), exist_ok=True)
    os.symlink(os.path.abspath(public), os.path.join(root, base.strip("/")))

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=root))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    browser = Browser(os.path.join(root, "profile"))
    try:
        # A first page, so that starting the browser is not counted.
        browser.open(f"{origin}{base}tim-kiem/")
        browser.wait("document.readyState === 'complete'")
        print("Search in headless Chromium (cache off, no compression), time to first results:")
        for query in queries:
            start = time.time()
            browser.open(f"{origin}{base}tim-kiem/?q={query.replace(' ', '+')}")
            top = browser.wait(results_for(query))
            shared = time.time() - start
            shared_bytes = browser.evaluate(FETCHED)

            browser.open(f"{origin}{base}tim-kiem/")
            browser.wait("document.readyState === 'complete'")
            browser.evaluate("document.getElementById('q').focus()")
            for i, key in enumerate(query):
                if i:
                    time.sleep(0.15)
                browser.send("Input.dispatchKeyEvent", {"type": "keyDown", "key": key, "text": key})
                browser.send("Input.dispatchKeyEvent", {"type": "keyUp", "key": key})
                last = time.time()
            browser.wait(results_for(query))
            typed = time.time() - last
            typed_bytes = browser.evaluate(FETCHED)
            print(f"  {query!r}: shared link {shared * 1000:.0f} ms ({shared_bytes / 1000:.1f} KB of index); "
                  f"typed, after the last key {typed * 1000:.0f} ms ({typed_bytes / 1000:.1f} KB over the whole typing); "
                  f"top: {top}")
    finally:
        browser.stop()
        server.shutdown()
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
