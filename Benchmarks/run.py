#!/usr/bin/env python3
"""dtisite benchmark: a national-scale build, and a 2,000-document Markdown corpus side by side with Hugo.

Prints wall time (median of several runs), peak memory, pages written and milliseconds per page.
Run it through `Benchmarks/run.sh`, which builds dtisite in release mode first.
"""
import os
import shutil
import serve_bench
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
RUNS = int(os.environ.get("RUNS", "5"))


def measure(command, cwd=None):
    """Runs a command; returns (seconds, peak RSS in MB, stdout, CPU seconds (user + system))."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out = process.stdout.read()
    process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        sys.exit(f"failed: {' '.join(command)}")
    return elapsed, usage.ru_maxrss / 1024, out.decode("utf-8", "replace"), usage.ru_utime + usage.ru_stime


class Runs:
    """Wall times of several runs of one command, with peak memory and CPU time."""

    def __init__(self):
        self.times, self.peaks, self.cpu, self.last = [], [], [], ""

    def add(self, result):
        t, peak, self.last, cpu = result
        self.times.append(t)
        self.peaks.append(peak)
        self.cpu.append(cpu)

    @property
    def median(self):
        return statistics.median(self.times)

    def spread(self):
        """"min–max" of the wall times and the median CPU time: a shared machine's noise shows here."""
        return (f"(runs {min(self.times) * 1000:.0f}–{max(self.times) * 1000:.0f} ms, "
                f"CPU {statistics.median(self.cpu) * 1000:.0f} ms)")


def median_of(runs, command, before=None, cwd=None):
    result = Runs()
    for _ in range(runs):
        if before:
            before()
        result.add(measure(command, cwd))
    return result


def count_pages(directory):
    return sum(1 for _, _, files in os.walk(directory) for f in files if f.endswith(".html"))


def minimal_theme(theme_dir):
    """A theme with the smallest template for every page kind dtisite renders, like the Hugo one below."""
    templates = os.path.join(theme_dir, "templates")
    os.makedirs(templates, exist_ok=True)
    names = [n[:-len(".mustache")] for n in os.listdir(os.path.join(REPO, "Theme", "templates")) if n.endswith(".mustache")]
    for name in names:
        with open(os.path.join(templates, name + ".mustache"), "w", encoding="utf-8") as f:
            f.write("<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>{{page.title}}</title></head>"
                    "<body><h1>{{page.title}}</h1>{{{body}}}</body></html>\n")


def search_index_share(build, public, runs=3):
    """The search index in full builds (DTISITE_STAGE_METRICS, median of `runs`): it is built on its own
    thread while the templates render, so what it adds to a build is the time the build waits for it
    once they are done. Its share of the work is counted in instructions by Benchmarks/profile.sh."""
    own, waited, totals = [], [], []
    for _ in range(runs):
        shutil.rmtree(public, ignore_errors=True)
        start = time.perf_counter()
        out = subprocess.run(build, env=dict(os.environ, DTISITE_STAGE_METRICS="1"), capture_output=True, text=True).stderr
        totals.append(time.perf_counter() - start)
        times = {l.split(":")[0].strip(): float(l.split(":")[1].split()[0]) for l in out.splitlines()
                 if l.strip().startswith("search index")}
        if len(times) < 2:
            return "(no metrics)"
        own.append(times["search index (built beside the templates)"])
        waited.append(times["search index (waited)"])
    return (f"{statistics.median(own) * 1000:8.0f} ms on its own thread beside the templates, the build waited "
            f"{statistics.median(waited) * 1000:.0f} ms for it ({statistics.median(waited) / statistics.median(totals) * 100:.1f} % "
            f"of a {statistics.median(totals) * 1000:.0f} ms build; target < 10 %)")


def main():
    work = sys.argv[1] if len(sys.argv) > 1 else "/tmp/dtisite-bench"
    dtisite = os.path.join(REPO, ".build", "release", "dtisite")
    shutil.rmtree(work, ignore_errors=True)
    national = os.path.join(work, "national")
    subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), national], check=True)
    shutil.copytree(os.path.join(REPO, "Theme"), os.path.join(national, "Theme"))
    public = os.path.join(national, "public")
    build = [dtisite, "build", "--root", national]

    full = median_of(RUNS, build, before=lambda: shutil.rmtree(public, ignore_errors=True))
    pages = count_pages(public)
    noop = median_of(RUNS, build)
    search_share = search_index_share(build, public)
    doc = os.path.join(national, "Content", "van-ban", "van-ban-0007.md")
    counter = [0]

    def touch_one():
        counter[0] += 1
        with open(doc, "a", encoding="utf-8") as f:
            f.write(f"\nThay đổi số {counter[0]}.\n")
    one = median_of(RUNS, build, before=touch_one)

    print("dtisite, national scale (63 provinces x 5 years x 8 pillars, 700 districts, 10,600 communes,"
          " 2,000 documents, 500 tasks), release build, median of", RUNS)
    print(f"  full build         {full.median * 1000:8.0f} ms   peak {max(full.peaks):6.0f} MB   {pages} pages   "
          f"{full.median * 1000 / pages:.2f} ms/page   {full.spread()}")
    print(f"  search index       {search_share}")
    print(f"  rebuild, no change {noop.median * 1000:8.0f} ms   peak {max(noop.peaks):6.0f} MB   {noop.spread()}")
    print(f"                     {noop.last.strip().splitlines()[-1]}")
    print(f"  one file changed   {one.median * 1000:8.0f} ms   peak {max(one.peaks):6.0f} MB   {one.spread()}")
    print(f"                     {one.last.strip().splitlines()[-1]}")

    # `dtisite serve` on the national tree: from saving a file to the served page showing the edit.
    # Its first build against dtisite build of the same tree into a fresh folder, in turns.
    firsts, builds = [], Runs()
    fresh = os.path.join(work, "fresh")
    for _ in range(RUNS):
        firsts.append(serve_bench.serve_first(dtisite, national))
        shutil.rmtree(fresh, ignore_errors=True)
        builds.add(measure([dtisite, "build", "--root", national, "--output", fresh]))
    shutil.rmtree(fresh, ignore_errors=True)
    _, edits = serve_bench.dtisite_serve(dtisite, national, RUNS)
    print("dtisite serve, national scale: from saving a file to the served page with the edit, median of", RUNS)
    print(f"  first build, to the first page served {serve_bench.ms(firsts)}")
    print(f"  dtisite build of the same, in turns   {serve_bench.ms(builds.times)}")
    print(f"  Markdown text edited   {serve_bench.ms(edits['markdown'])}")
    print(f"  data table edited      {serve_bench.ms(edits['data'])}")
    print(f"  template edited        {serve_bench.ms(edits['template'])}")

    # The same 2,000 Markdown documents, with an equally minimal template, in dtisite and in Hugo.
    corpus = os.path.join(work, "markdown")
    os.makedirs(os.path.join(corpus, "Content", "data"))
    shutil.copytree(os.path.join(national, "Content", "van-ban"), os.path.join(corpus, "Content", "van-ban"))
    with open(os.path.join(corpus, "Content", "site.toml"), "w", encoding="utf-8") as f:
        f.write('title = "Markdown"\nbase_url = "https://example.gov.vn/"\nas_of = 2025-11-20\nunit = "Lai Châu"\n')
    with open(os.path.join(corpus, "Content", "data", "units.csv"), "w", encoding="utf-8") as f:
        f.write("name,level\nLai Châu,province\n")
    minimal_theme(os.path.join(corpus, "Theme"))
    corpus_public = os.path.join(corpus, "public")
    md_command = [dtisite, "build", "--root", corpus]

    hugo_bin = shutil.which("hugo")
    if not hugo_bin:
        md = median_of(RUNS, md_command, before=lambda: shutil.rmtree(corpus_public, ignore_errors=True))
        print(f"  markdown corpus    {md.median * 1000:8.0f} ms   peak {max(md.peaks):6.0f} MB   "
              f"{count_pages(corpus_public)} pages   (hugo not installed: no ratio)")
        return
    site = os.path.join(work, "hugo")
    os.makedirs(os.path.join(site, "layouts", "_default"))
    shutil.copytree(os.path.join(national, "Content", "van-ban"), os.path.join(site, "content", "van-ban"))
    with open(os.path.join(site, "config.toml"), "w", encoding="utf-8") as f:
        f.write('baseURL = "https://example.gov.vn/"\ntitle = "Markdown"\nlanguageCode = "vi"\n'
                'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]\n')
    template = ("<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head>"
                "<body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>\n")
    for name in ["single.html", "list.html"]:
        with open(os.path.join(site, "layouts", "_default", name), "w", encoding="utf-8") as f:
            f.write(template)
    hugo_out = os.path.join(site, "public")
    hugo_command = [hugo_bin, "--quiet", "--source", site]
    # The two generators take turns, so that a change in the machine's speed during the benchmark
    # weighs on both alike; the ratio is also taken run by run.
    md, hugo = Runs(), Runs()
    for _ in range(RUNS):
        shutil.rmtree(corpus_public, ignore_errors=True)
        md.add(measure(md_command))
        shutil.rmtree(hugo_out, ignore_errors=True)
        hugo.add(measure(hugo_command))
    md_pages, hugo_pages = count_pages(corpus_public), count_pages(hugo_out)
    ratios = [a / b for a, b in zip(md.times, hugo.times)]
    print("Markdown corpus: 2,000 documents of about 3 KB, minimal template, median of", RUNS, "(runs alternate)")
    print(f"  dtisite            {md.median * 1000:8.0f} ms   peak {max(md.peaks):6.0f} MB   {md_pages} pages   {md.spread()}")
    print(f"  hugo               {hugo.median * 1000:8.0f} ms   peak {max(hugo.peaks):6.0f} MB   {hugo_pages} pages   "
          f"{hugo.spread()}   ({subprocess.run([hugo_bin, 'version'], capture_output=True, text=True).stdout.split()[1]})")
    print(f"  ratio dtisite / hugo: {md.median / hugo.median:.2f} (medians); run by run {min(ratios):.2f}–{max(ratios):.2f}")

    # The servers on the same 2,000 documents: one document edited, until the served page shows it.
    md_first, md_edits = serve_bench.dtisite_serve_markdown(dtisite, corpus, RUNS)
    hugo_first, hugo_edits = serve_bench.hugo_serve(hugo_bin, site, RUNS)
    print("Servers on the 2,000 documents: from saving one document to the served page with the edit, median of", RUNS)
    print(f"  dtisite serve      {serve_bench.ms(md_edits)}   first page after {md_first * 1000:.0f} ms")
    print(f"  hugo server        {serve_bench.ms(hugo_edits)}   first page after {hugo_first * 1000:.0f} ms")
    good = [t for t in md_edits if t] and [t for t in hugo_edits if t]
    if good:
        ratio = statistics.median([t for t in md_edits if t]) / statistics.median([t for t in hugo_edits if t])
        print(f"  ratio dtisite serve / hugo server: {ratio:.2f}")


if __name__ == "__main__":
    main()
