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


DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"
VALUE = {c: i for i, c in enumerate(DIGITS)}


def numbers(text):
    """SearchEncoding's numbers: base 32, 0-9A-V end a number, the other digits come before."""
    out, v = [], 0
    for ch in text:
        c = VALUE.get(ch)
        if c is None:
            continue
        if c >= 32:
            v = v * 32 + c - 32
        else:
            out.append(v * 32 + c)
            v = 0
    return out


class Reader:
    """The script's state: what it has fetched so far."""

    def __init__(self, public):
        self.dir = os.path.join(public, "tim-kiem", "chi-muc")
        self.fetched = set()
        self.bytes = 0
        self.contents = None

    def get(self, path):
        full = os.path.join(self.dir, path)
        if path not in self.fetched:
            self.fetched.add(path)
            self.bytes += os.path.getsize(full)
        with open(full, encoding="utf-8") as f:
            return json.load(f)

    def load_contents(self):
        c = self.get("muc-luc.json")
        starts, n = [], 0
        for count in numbers(c["c"]):
            starts.append(n)
            n += count
        self.contents = {"k": c["k"].split(","), "t": c["t"], "w": c["w"], "starts": starts}

    @staticmethod
    def floor(keys, key):
        return max(0, bisect.bisect_right(keys, key) - 1)

    def lookup(self, low, high, exact):
        c = self.contents
        hits, capped = {}, False
        w = c["w"]
        for i in range(self.floor(c["k"], low), self.floor(c["k"], high) + 1):
            chunk = self.get("tu/" + c["t"][i * w:(i + 1) * w] + ".json")
            for term, text in chunk.items():
                if term < low or term > high:
                    continue
                if term != exact and low[0] != "~" and " " in term[len(low):]:
                    continue
                capped = capped or text.startswith("!")
                scale = 4 if term == exact else 3
                p = numbers(text)
                k = 0
                while k < len(p):
                    weight, count, doc = -(-p[k] * scale // 4), p[k + 1], 0
                    k += 2
                    for _ in range(count):
                        doc += p[k]
                        k += 1
                        hits[doc] = max(hits.get(doc, 0), weight)
        return hits, capped

    def search(self, query):
        ws, joined = words(query)
        if not ws:
            return []
        if self.contents is None:
            self.load_contents()
        typing = len(ws) - 1 if not query.endswith(" ") and len(ws[-1]) >= 2 else -1
        score, matched, open_words = {}, {}, []
        for i, w in enumerate(ws):
            asks = [(w, w + "\x7f" if i == typing else w, w, 1, True)]
            if i > 0:
                pair = "~" + ws[i - 1] + " " + w
                asks.append((pair, pair + "\x7f" if i == typing else pair, pair, 2, False))
            for low, high, exact, factor, counts in asks:
                hits, capped = self.lookup(low, high, exact)
                for doc, w8 in hits.items():
                    score[doc] = score.get(doc, 0) + w8 * factor
                    if counts:
                        matched[doc] = matched.get(doc, 0) + 1
                if counts and capped:
                    open_words.append(hits)
        for w in joined:
            hits, _ = self.lookup(w, w, w)
            for doc, w8 in hits.items():
                score[doc] = score.get(doc, 0) + w8
                matched[doc] = matched.get(doc, 0) + 1
        for hits in open_words:
            for doc in score:
                if doc not in hits:
                    matched[doc] = matched.get(doc, 0) + 1
        need = len(ws)
        pool = [d for d in score if matched.get(d, 0) >= need - len(joined)]
        partial = not pool
        pool = pool or list(score)
        pool.sort(key=lambda d: (-matched.get(d, 0) if partial else 0, -score[d], d))
        shown = []
        c = self.contents
        for doc in pool[:PAGE]:
            i = self.floor(c["starts"], doc)
            fragment = self.get(f"trang/{i}.json")
            shown.append(fragment[doc - c["starts"][i]])
        return shown


def main():
    public = sys.argv[1]
    queries = sys.argv[2:] or ["ha tang so", "luong son", "so khoa hoc va cong nghe", "lai chau", "van ban so 1234",
                               "dich vu cong truc tuyen",
                               # The most common syllables of the national site, alone and together.
                               "so", "xa", "cap", "tinh", "huyen", "xa so", "tinh tinh", "so thong tin va truyen thong",
                               "chuyen doi so", "thong tin", "an toan thong tin mang", "ke hoach nhiem vu muc tieu"]
    index = os.path.join(public, "tim-kiem", "chi-muc")
    chunks = sum(os.path.getsize(os.path.join(index, "tu", f)) for f in os.listdir(os.path.join(index, "tu")))
    fragments = sum(os.path.getsize(os.path.join(index, "trang", f)) for f in os.listdir(os.path.join(index, "trang")))
    contents = os.path.getsize(os.path.join(index, "muc-luc.json"))
    page = os.path.getsize(os.path.join(public, "tim-kiem", "index.html"))
    script = os.path.getsize(os.path.join(public, "assets", "search.js"))
    print(f"/tim-kiem/: {page / 1000:.1f} KB, search.js {script / 1000:.1f} KB; index: table of contents {contents / 1000:.1f} KB, "
          f"{len(os.listdir(os.path.join(index, 'tu')))} term chunks {chunks / 1e6:.1f} MB, "
          f"{len(os.listdir(os.path.join(index, 'trang')))} fragments {fragments / 1e6:.1f} MB")
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
    verdict = "met" if worst_first <= 300_000 and worst_next <= 50_000 else "NOT MET"
    print(f"worst first query {worst_first / 1000:.1f} KB (target ≤ 300), worst next keystroke {worst_next / 1000:.1f} KB "
          f"(target ≤ 50): targets {verdict}")


if __name__ == "__main__":
    main()
