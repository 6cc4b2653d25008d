#!/usr/bin/env python3
"""Speed of the Python module against the C++ library on one thread, on the same corpus.

usage: PYTHONPATH=build/python /usr/bin/python3 bench/python_bench.py --corpus CORPUS.jsonl
           [--repeat 3] [--nerkit-bench build/bench/nerkit-bench]

The corpus is JSON Lines {"id", "text"}, as ../shared/eval/make_bench_corpus.py writes it. Prints
the MB/s (UTF-8 bytes of the texts over the time) of

  extract_many(texts, threads=1)     every Result's entities built as Python objects
  extract(text) for each text        one call per document
  extract_jsonl(corpus, threads=1)   the corpus's bytes in, the tool's records out

and, with --nerkit-bench, the "Extract(), 1 thread(s)" row of `nerkit-bench --threads 1` (the
C++ library through its public API, a Workspace reused), then the ratios to it. Each figure is
the best of --repeat runs; the library's run comes between two rounds of the Python ones, so
that a machine whose speed drifts is seen in both.
"""

import argparse
import json
import re
import subprocess
import sys
import time

import nerkit


def best_of(repeat, fn):
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", required=True, help="JSON Lines corpus {\"id\", \"text\"}")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (best kept)")
    parser.add_argument("--nerkit-bench", help="the nerkit-bench binary, for the C++ figure")
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

    rows = {"extract_many(threads=1)": many, "extract() per document": one_by_one,
            "extract_jsonl(threads=1)": jsonl}
    seconds = {name: best_of(args.repeat, fn) for name, fn in rows.items()}
    library = None
    if args.nerkit_bench:
        run = subprocess.run([args.nerkit_bench, "--corpus", args.corpus, "--repeat",
                              str(args.repeat), "--threads", "1"],
                             capture_output=True, text=True, check=True)
        match = re.search(r"\| Extract\(\), 1 thread\(s\) +\| +([\d.]+) \|", run.stdout)
        if not match:
            sys.exit("python_bench: no 'Extract(), 1 thread(s)' row in nerkit-bench's output")
        library = float(match.group(1))
        for name, fn in rows.items():
            seconds[name] = min(seconds[name], best_of(args.repeat, fn))

    print(f"| {'run (1 thread)':<34} | {'MB/s':>6} | {'of C++':>7} |")
    print(f"|{'-' * 36}|{'-' * 8}|{'-' * 9}|")
    if library is not None:
        print(f"| {'C++ Extract() (nerkit-bench)':<34} | {library:6.2f} | {'100.0%':>7} |")
    for name, s in seconds.items():
        rate = mb / s
        share = f"{100 * rate / library:6.1f}%" if library else "-"
        print(f"| {'Python ' + name:<34} | {rate:6.2f} | {share:>7} |")


if __name__ == "__main__":
    main()
