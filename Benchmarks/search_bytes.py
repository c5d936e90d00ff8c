#!/usr/bin/env python3
"""Bytes a reader downloads to search a built dtisite site, as assets/search.js fetches them.

Replays the script's requests for each query (the table of contents, the term chunks its words and
pairs fall in, the fragments of the first 10 results), keystroke by keystroke with the script's
cache, and prints the bytes of the first query and of each next keystroke (not gzipped).
Usage: Benchmarks/search_bytes.py <public directory> ["query" …]
"""
import bisect
import json
import os
import re
import sys
import unicodedata

PAGE = 10


def fold(text):
    text = text.lower().replace("đ", "d").replace("ð", "d")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not 0x300 <= ord(c) <= 0x36F)


def words(text):
    out, joined = [], []
    for m in re.finditer(r"[a-z0-9]+(?:[&.][a-z0-9]+)*", fold(text)):
        parts = re.split(r"[&.]", m.group(0))
        if len(parts) > 1:
            joined.append("".join(parts))
        out += parts
    return out, joined


class Reader:
    """The script's state: what it has fetched so far."""

    def __init__(self, public):
        self.dir = os.path.join(public, "tim-kiem", "chi-muc")
        self.fetched = set()
        self.bytes = 0
        self.contents = None
        self.chunks = {}

    def get(self, path):
        full = os.path.join(self.dir, path)
        if path not in self.fetched:
            self.fetched.add(path)
            self.bytes += os.path.getsize(full)
        with open(full, encoding="utf-8") as f:
            return json.load(f)

    def floor(self, entries, key):
        keys = [e[0] for e in entries]
        return max(0, bisect.bisect_right(keys, key) - 1)

    def lookup(self, low, high, exact):
        c = self.contents
        hits = {}
        for i in range(self.floor(c["t"], low), self.floor(c["t"], high) + 1):
            chunk = self.get("tu/" + c["t"][i][1] + ".json")
            for term, postings in chunk.items():
                if term < low or term > high:
                    continue
                if term != exact and low[0] != "~" and " " in term[len(low):]:
                    continue
                scale = 4 if term == exact else 3
                doc = 0
                for k in range(0, len(postings), 2):
                    doc += postings[k]
                    w = -(-postings[k + 1] * scale // 4)
                    hits[doc] = max(hits.get(doc, 0), w)
        return hits

    def search(self, query):
        ws, joined = words(query)
        if not ws:
            return []
        if self.contents is None:
            self.contents = self.get("muc-luc.json")
        typing = len(ws) - 1 if not query.endswith(" ") and len(ws[-1]) >= 2 else -1
        score, matched = {}, {}
        for i, w in enumerate(ws):
            asks = [(w, w + "\x7f" if i == typing else w, w, 1, True)]
            if i > 0:
                pair = "~" + ws[i - 1] + " " + w
                asks.append((pair, pair + "\x7f" if i == typing else pair, pair, 2, False))
            for low, high, exact, factor, counts in asks:
                for doc, w8 in self.lookup(low, high, exact).items():
                    score[doc] = score.get(doc, 0) + w8 * factor
                    if counts:
                        matched[doc] = matched.get(doc, 0) + 1
        for w in joined:
            for doc, w8 in self.lookup(w, w, w).items():
                score[doc] = score.get(doc, 0) + w8
                matched[doc] = matched.get(doc, 0) + 1
        need = len(ws)
        pool = [d for d in score if matched.get(d, 0) >= need - len(joined)] or list(score)
        pool.sort(key=lambda d: (-matched.get(d, 0), -score[d], d))
        shown = []
        for doc in pool[:PAGE]:
            i = self.floor(self.contents["p"], doc)
            fragment = self.get("trang/" + self.contents["p"][i][1] + ".json")
            shown.append(fragment[doc - self.contents["p"][i][0]])
        return shown


def main():
    public = sys.argv[1]
    queries = sys.argv[2:] or ["ha tang so", "luong son", "so khoa hoc va cong nghe", "lai chau", "van ban so 1234",
                               "dich vu cong truc tuyen"]
    total = 0
    for f in os.listdir(os.path.join(public, "tim-kiem", "chi-muc", "tu")):
        total += os.path.getsize(os.path.join(public, "tim-kiem", "chi-muc", "tu", f))
    page = os.path.getsize(os.path.join(public, "tim-kiem", "index.html"))
    script = os.path.getsize(os.path.join(public, "assets", "search.js"))
    print(f"/tim-kiem/: {page / 1000:.1f} KB, search.js {script / 1000:.1f} KB, term chunks in all {total / 1e6:.1f} MB")
    worst_first = worst_next = 0
    for query in queries:
        # The whole query at once, as from /tim-kiem/?q=…
        reader = Reader(public)
        results = reader.search(query)
        first = reader.bytes
        # Typed letter by letter: the script searches after each keystroke, keeping what it fetched.
        typed = Reader(public)
        steps = []
        for n in range(1, len(query) + 1):
            before = typed.bytes
            typed.search(query[:n])
            steps.append(typed.bytes - before)
        top = results[0]["t"] if results else "—"
        worst_first = max(worst_first, first)
        worst_next = max(worst_next, max(steps[1:] or [0]))
        print(f"{query!r}: first query {first / 1000:.1f} KB; typed: first keystroke {steps[0] / 1000:.1f} KB, "
              f"next keystrokes max {max(steps[1:] or [0]) / 1000:.1f} KB, all {typed.bytes / 1000:.1f} KB; top: {top}")
    print(f"worst first query {worst_first / 1000:.1f} KB (target ≤ 300), worst next keystroke {worst_next / 1000:.1f} KB (target ≤ 50)")


if __name__ == "__main__":
    main()
