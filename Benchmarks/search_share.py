#!/usr/bin/env python3
"""The search index's share of a full build, in instructions: runs one build under callgrind with a
profile per thread, and adds up, thread by thread, the search index's work — on the threads that call
it, its outermost functions (`SearchPageBuilder.pages`, the `Pending` that builds the index); on the
worker threads, the closures of `SearchIndex` and `SearchDocuments` they ran for it. A single profile
cannot tell this: the work that `Concurrent.map` gives other threads is not counted under its caller.
Usage: Benchmarks/search_share.py <dtisite binary without debug info> <national root> <work directory>
"""
import glob
import os
import re
import subprocess
import sys


def count(out):
    """(search, total) instructions of the profiles `out`-01, `out`-02, … (one a thread)."""
    total = search = 0
    for path in sorted(glob.glob(out + "-*")):
        text = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100", path],
                              capture_output=True, text=True).stdout
        rows = []
        for line in text.splitlines():
            if "PROGRAM TOTALS" in line:
                total += int(line.split()[0].replace(",", ""))
            m = re.match(r"\s*([\d,]+) \(\s*[\d.]+%\)\s+\S*?:(\S+)", line)
            if m:
                rows.append((int(m.group(1).replace(",", "")), m.group(2)))
        pages = [c for c, s in rows if re.search(r"SearchPageBuilderO5pages8indexing.*Tf4nn?d_n$", s)]
        pending = [c for c, s in rows if re.search(r"^\$s7DTISite7PendingC.*OutputFile.*_Tg5$", s)]
        # The closures Concurrent.map runs: the documents' pages, the index's weights, entries and
        # fragments, its shards of terms (none of them runs inside another).
        documents = [c for c, s in rows if re.search(r"^\$s7DTISite15SearchDocumentsO5pages.*fU\d*_$", s)]
        index = [c for c, s in rows if re.search(r"^\$s7DTISite11SearchIndexV(9documents.*fU\d_|8postings.*fU_)$", s)]
        if pages:  # the main thread: everything under SearchPageBuilder.pages
            search += sum(pages)
        elif pending:  # the index's own thread, which may have helped with the documents before
            search += sum(pending) + sum(documents)
        else:
            search += sum(documents) + sum(index)
    return search, total


def main():
    binary, root, work = sys.argv[1:4]
    out = os.path.join(work, "threads")
    subprocess.run(["valgrind", "--tool=callgrind", "--separate-threads=yes", f"--callgrind-out-file={out}", binary,
                    "build", "--root", root, "--output", os.path.join(work, "public-threads")],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    search, total = count(out)
    print(f"search index: {search / 1e9:.2f} of {total / 1e9:.2f} billion instructions, {search * 100 / total:.1f} % "
          "(target < 10 %)")


if __name__ == "__main__":
    main()
