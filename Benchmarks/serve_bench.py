"""The `serve` scenario of the benchmark: from saving a file to the served page having the change.

Starts `dtisite serve` (and `hugo server` on the same 2,000 documents), edits a file, and polls the
page over HTTP until it shows the edit; the time from just before the save to the first response
with the edit is what a writer waits for (the browser's own reload adds the same to both). Between
two edits the server is left to finish its work (dtisite writes the page first, then updates the
search index behind it; the next edit is timed only after that)."""
import csv
import os
import queue
import re
import shutil
import socket
import statistics
import subprocess
import threading
import time
import urllib.request


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode("utf-8", "replace")
    except Exception:
        return None


def wait_for(url, marker, timeout=60):
    """Seconds until `url` shows `marker` (polled every millisecond or so), or None."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        body = fetch(url)
        if body is not None and marker in body:
            return time.perf_counter() - start
        time.sleep(0.001)
    return None


class Server:
    """A server process whose standard output is read line by line in the background."""

    def __init__(self, command, cwd=None):
        self.lines = queue.Queue()
        self.process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            self.lines.put(line.decode("utf-8", "replace").rstrip())

    def drain(self):
        out = []
        while not self.lines.empty():
            out.append(self.lines.get())
        return out

    def wait_line(self, pattern, timeout=120):
        """The next line matching `pattern`, skipping the others."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                line = self.lines.get(timeout=0.5)
            except queue.Empty:
                continue
            if re.search(pattern, line):
                return line
        return None

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def first_served(page, started, timeout=300):
    """Seconds from `started` to the first response of a starting server, or None after `timeout`."""
    while time.perf_counter() - started < timeout:
        if fetch(page) is not None:
            return time.perf_counter() - started
        time.sleep(0.005)
    return None


def edit_append(path, text):
    with open(path, "a", encoding="utf-8") as f:
        f.write(text)


def edit_replace(path, old, new):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    assert old in text, (path, old)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace(old, new, 1))


def dtisite_serve(dtisite, root, runs, kinds=("markdown", "data", "template")):
    """Edit-to-served times of a Markdown text, a data table and a template on a dtisite site, and the
    time from starting serve to the first page served."""
    port = free_port()
    started = time.perf_counter()
    server = Server([dtisite, "serve", "--root", root, "--port", str(port)])
    base = f"http://127.0.0.1:{port}"
    page = base + "/van-ban/van-ban-0007/"
    first = first_served(page, started)
    server.drain()
    content = os.path.join(root, "Content")
    results = {"markdown": [], "data": [], "template": []}
    # Markers never seen before: the trees may be copies of one another.
    token = f"{os.getpid()}-{time.time_ns() % 10**9}"
    try:
        for n in range(runs):
            # A Markdown text: the page is written at once, the rest follows (two lines of output).
            marker = f"Đoạn đo số {n}-{token} của bài."
            edit_append(os.path.join(content, "van-ban", "van-ban-0007.md"), f"\n{marker}\n")
            results["markdown"].append(wait_for(page, marker))
            server.wait_line(r"van-ban-0007\.md: dtisite: .* ms\)$")
            server.drain()
            if "data" not in kinds:
                continue
            # A data table: the task of this document gets a new product.
            marker = f"Nhiệm vụ đo {n}-{token}"
            tasks = os.path.join(content, "data", "tasks.csv")
            with open(tasks, encoding="utf-8", newline="") as f:
                rows = list(csv.reader(f))
            # The text of the task of van-ban-0007 (its document's page lists it).
            row = next(r for r in rows if r[-1] == "van-ban-0007")
            row[3] = marker + " " + row[3].split(" ", 4)[-1] if n else marker + " " + row[3]
            with open(tasks, "w", encoding="utf-8", newline="") as f:
                csv.writer(f, lineterminator="\n").writerows(rows)
            results["data"].append(wait_for(page, marker))
            server.wait_line(r"tasks\.csv: dtisite: .* ms\)$")
            server.drain()
            # The template of document pages.
            marker = f"mau-do-{n}-{token}"
            template = os.path.join(root, "Theme", "templates", "document.mustache")
            edit_replace(template, "</article>\n{{/main}}" if n == 0 else f"<p class=\"mau-do-{n - 1}-{token}\"></p></article>\n{{{{/main}}}}",
                         f"<p class=\"{marker}\"></p></article>\n{{{{/main}}}}")
            results["template"].append(wait_for(page, marker))
            server.wait_line(r"document\.mustache: dtisite: .* ms\)$")
            server.drain()
    finally:
        server.stop()
    return first, results


def serve_first(dtisite, root):
    """Seconds from starting `dtisite serve` on a site without a preview to its first page served."""
    shutil.rmtree(os.path.join(root, ".preview"), ignore_errors=True)
    port = free_port()
    started = time.perf_counter()
    server = Server([dtisite, "serve", "--root", root, "--port", str(port)])
    try:
        return first_served(f"http://127.0.0.1:{port}/", started)
    finally:
        server.stop()


def dtisite_serve_markdown(dtisite, root, runs):
    first, results = dtisite_serve(dtisite, root, runs, kinds=("markdown",))
    return first, results["markdown"]


def hugo_serve(hugo, site, runs):
    """Edit-to-served times of one Markdown document on `hugo server` (rendering to memory, its default)."""
    port = free_port()
    started = time.perf_counter()
    server = Server([hugo, "server", "--source", site, "--port", str(port), "--bind", "127.0.0.1",
                     "--appendPort=false", "--baseURL", f"http://127.0.0.1:{port}/"])
    page = f"http://127.0.0.1:{port}/van-ban/van-ban-0007/"
    first = first_served(page, started)
    times = []
    try:
        for n in range(runs):
            marker = f"Đoạn đo số {n} của bài."
            edit_append(os.path.join(site, "content", "van-ban", "van-ban-0007.md"), f"\n{marker}\n")
            times.append(wait_for(page, marker))
            time.sleep(1.5)
    finally:
        server.stop()
    return first, times


def ms(values):
    values = [v for v in values if v is not None]
    if not values:
        return "  (no result)"
    return f"{statistics.median(values) * 1000:8.0f} ms   (runs {min(values) * 1000:.0f}–{max(values) * 1000:.0f} ms)"
