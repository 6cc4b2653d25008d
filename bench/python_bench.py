#!/usr/bin/env python3
"""Speed of the Python module against the C++ library on one thread, on the same corpus.

usage: PYTHONPATH=build/python /usr/bin/python3 bench/python_bench.py --corpus CORPUS.jsonl
           [--repeat 5] [--nerkit-bench build/bench/nerkit-bench]

The corpus is JSON Lines {"id", "text"}, as ../shared/eval/make_bench_corpus.py writes it. Prints
the MB/s (UTF-8 bytes of the texts over the time, wall clock and CPU) of

  C++ library                        Extract() over the texts' UTF-8, one workspace, results
                                     dropped: nerkit-bench's "Extract(), 1 thread(s)" row, run
                                     inside this process
  extract_many(texts, threads=1)     every Result's entities built as Python objects
  extract(text) for each text        one call per document
  extract_jsonl(corpus, threads=1)   the corpus's bytes in, the tool's records out

and their ratios to the library. The runs take turns, round after round, and each figure is the
median of --repeat rounds, so that on a machine whose speed drifts (a shared virtual machine) all
rows see the same conditions; the CPU-time ratio is the steadier one there. With --nerkit-bench,
also the wall-clock row of that program on the same corpus, run before and after.
"""

import argparse
import json
import re
import statistics
import subprocess
import sys
import time

import nerkit


def nerkit_bench_row(binary, corpus):
    run = subprocess.run([binary, "--corpus", corpus, "--repeat", "1", "--threads", "1"],
                         capture_output=True, text=True, check=True)
    match = re.search(r"\| Extract\(\), 1 thread\(s\) +\| +([\d.]+) \|", run.stdout)
    if not match:
        sys.exit("python_bench: no 'Extract(), 1 thread(s)' row in nerkit-bench's output")
    return float(match.group(1))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", required=True, help="JSON Lines corpus {\"id\", \"text\"}")
    parser.add_argument("--repeat", type=int, default=5, help="rounds (the median is kept)")
    parser.add_argument("--nerkit-bench", help="also run this nerkit-bench binary")
    args = parser.parse_args()

    with open(args.corpus, "rb") as f:
        data = f.read()
    texts = [json.loads(line)["text"] for line in data.splitlines() if line.strip()]
    mb = sum(len(t.encode("utf-8", "surrogatepass")) for t in texts) / 1e6
    extractor = nerkit.Extractor()
    print(f"corpus: {len(texts)} documents, {mb:.1f} MB of text; {extractor!r}")

    def many():
        for result in extractor.extract_many(texts, threads=1):
            result.entities  # noqa: B018 (builds the Entity objects)

    def one_by_one():
        for text in texts:
            extractor.extract(text)

    def jsonl():
        extractor.extract_jsonl(data, threads=1)

    def timed(fn):
        wall, cpu = time.perf_counter(), time.process_time()
        fn()
        return time.perf_counter() - wall, time.process_time() - cpu

    rows = {"Python extract_many(threads=1)": many, "Python extract() per document": one_by_one,
            "Python extract_jsonl(threads=1)": jsonl}
    library = "C++ library Extract()"
    runs = {name: [] for name in [library, *rows]}
    bench_rows = []
    if args.nerkit_bench:
        bench_rows.append(nerkit_bench_row(args.nerkit_bench, args.corpus))
    for _ in range(args.repeat):
        runs[library].append(extractor._library_seconds(texts))
        for name, fn in rows.items():
            runs[name].append(timed(fn))
    if args.nerkit_bench:
        bench_rows.append(nerkit_bench_row(args.nerkit_bench, args.corpus))
    best = {name: (statistics.median(w for w, _ in r), statistics.median(c for _, c in r))
            for name, r in runs.items()}

    base_wall, base_cpu = (mb / s for s in best[library])
    print(f"| {'run (1 thread)':<34} | {'MB/s wall':>9} | {'of C++':>7} | {'MB/s CPU':>8} "
          f"| {'of C++':>7} |")
    print(f"|{'-' * 36}|{'-' * 11}|{'-' * 9}|{'-' * 10}|{'-' * 9}|")
    for name, (wall, cpu) in best.items():
        print(f"| {name:<34} | {mb / wall:9.2f} | {100 * mb / wall / base_wall:6.1f}% "
              f"| {mb / cpu:8.2f} | {100 * mb / cpu / base_cpu:6.1f}% |")
    for when, rate in zip(("before", "after"), bench_rows):
        print(f"nerkit-bench Extract(), 1 thread(s), {when}: {rate:.2f} MB/s wall")


if __name__ == "__main__":
    main()
