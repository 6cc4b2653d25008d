#!/usr/bin/env python3
"""Entities of a folder of JSON Lines shards on a Dask cluster, one output shard per input shard.

usage: dask_extract.py INPUT_DIR OUTPUT_DIR [--scheduler ADDRESS] [--workers N]
                       [--threads-per-worker T] [--dictionaries DIR] [--extra FILE ...]

Every *.jsonl file of INPUT_DIR holds documents {"id": ..., "text": ..., "dct": "YYYY-MM-DD"}, one
a line, as `nerkit-extract --input jsonl` reads them. Each shard is one task; OUTPUT_DIR gets a
file of the same name with one record per input line, in order: the record `nerkit-extract
--input jsonl --format jsonl SHARD` writes, byte for byte (UTF-8 byte offsets), or for a line that
is not a document its error record {"id", "line", "error", "entities": []}.

The work runs on a distributed.LocalCluster of N worker processes with T threads each (the
defaults: one process per core, one thread each), or on the running cluster at ADDRESS, whose
workers must have the nerkit module and see both folders at the same paths. Each worker process
loads one nerkit.Extractor, once, when it joins (a WorkerPlugin), and every task on that worker
uses it; extraction releases the GIL, so the threads of a worker run in parallel.

At the end it prints the documents, the MB of input and the MB/s (input bytes over the time from
the first task submitted to the last shard written; starting the cluster and loading the
dictionaries are reported apart). Exit status: 0 every document has its record; 1 some records
are error records (lines that are not documents, as nerkit-extract reports them); 2 bad usage or
dictionaries that do not load; 3 documents were lost (a shard failed, or its output does not hold
one record per input line).
"""

import argparse
import glob
import logging
import os
import sys
import time

import distributed


class NerkitPlugin(distributed.WorkerPlugin):
    """Loads one nerkit.Extractor in each worker process, when the worker starts or joins."""

    name = "nerkit"

    def __init__(self, dictionaries=None, extra=()):
        self.dictionaries = dictionaries
        self.extra = tuple(extra)
        self.extractor = None

    def setup(self, worker):
        import nerkit

        self.extractor = nerkit.Extractor(self.dictionaries, self.extra)


def process_shard(input_path, output_path):
    """Writes the records of one shard (through a temporary file, so that a shard that fails
    leaves no partial output) and returns its counts."""
    extractor = distributed.get_worker().plugins[NerkitPlugin.name].extractor
    with open(input_path, "rb") as f:
        data = f.read()
    out = extractor.extract_jsonl(data, threads=1)
    partial = output_path + ".partial"
    with open(partial, "wb") as f:
        f.write(out.records)
    os.replace(partial, output_path)
    return {"documents": out.documents, "failed": out.failed, "errors": out.errors[:5],
            "extractor": (os.getpid(), id(extractor))}


def count_lines(path):
    """Lines as nerkit-extract reads them: a last line without a newline counts."""
    lines = 0
    last = b"\n"
    with open(path, "rb") as f:
        while block := f.read(1 << 20):
            lines += block.count(b"\n")
            last = block[-1:]
    return lines + (last != b"\n")


def main(argv=None):
    parser = argparse.ArgumentParser(
        description="Entities of JSON Lines shards on a Dask cluster (one output shard per "
        "input shard, the records of nerkit-extract --input jsonl --format jsonl).")
    parser.add_argument("input_dir", help="folder of *.jsonl shards")
    parser.add_argument("output_dir", help="folder for the output shards (created if missing)")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="address of a running Dask scheduler (default: a local cluster)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, metavar="N",
                        help="worker processes of the local cluster (default: one per core)")
    parser.add_argument("--threads-per-worker", type=int, default=1, metavar="T",
                        help="threads of each local worker (default 1)")
    parser.add_argument("--dictionaries", metavar="DIR",
                        help="dictionary folder (default: the module's)")
    parser.add_argument("--extra", action="append", default=[], metavar="FILE",
                        help="extra .tsv or .rules file (repeatable)")
    args = parser.parse_args(argv)
    if args.workers < 1 or args.threads_per_worker < 1:
        parser.error("--workers and --threads-per-worker must be at least 1")

    shards = sorted(glob.glob(os.path.join(args.input_dir, "*.jsonl")))
    if not shards:
        print(f"dask_extract: no *.jsonl shard in {args.input_dir}", file=sys.stderr)
        return 2
    os.makedirs(args.output_dir, exist_ok=True)
    outputs = [os.path.join(args.output_dir, os.path.basename(s)) for s in shards]
    expected = [count_lines(s) for s in shards]
    input_bytes = sum(os.path.getsize(s) for s in shards)

    started = time.perf_counter()
    if args.scheduler:
        cluster = None
        client = distributed.Client(args.scheduler)
    else:
        cluster = distributed.LocalCluster(
            n_workers=args.workers, threads_per_worker=args.threads_per_worker, processes=True,
            dashboard_address=None, silence_logs=logging.ERROR)
        client = distributed.Client(cluster)
    try:
        try:
            client.register_worker_plugin(NerkitPlugin(args.dictionaries, args.extra))
        except Exception as e:  # the workers' DictionaryError, as the tool reports it
            print(f"dask_extract: {e}", file=sys.stderr)
            return 2
        workers = len(client.scheduler_info()["workers"])
        ready = time.perf_counter()

        futures = client.map(process_shard, shards, outputs, pure=False)
        index = {f.key: i for i, f in enumerate(futures)}
        documents = failed = 0
        lost_shards = []
        extractors = set()  # (process, object) of the extractors that did the work
        for future in distributed.as_completed(futures):
            i = index[future.key]
            try:
                counts = future.result()
            except Exception as e:
                print(f"dask_extract: {shards[i]}: {type(e).__name__}: {e}", file=sys.stderr)
                lost_shards.append(i)
                continue
            documents += counts["documents"]
            failed += counts["failed"]
            extractors.add(counts["extractor"])
            for message in counts["errors"]:
                print(f"dask_extract: {shards[i]}:{message.removeprefix('line ')}",
                      file=sys.stderr)
        finished = time.perf_counter()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

    # Every input line must have its record in the output shard.
    lost = 0
    for i, (output, want) in enumerate(zip(outputs, expected)):
        got = count_lines(output) if i not in lost_shards and os.path.exists(output) else 0
        if got != want:
            print(f"dask_extract: {output}: {got} records for {want} input lines",
                  file=sys.stderr)
            lost += abs(want - got)
    seconds = finished - ready
    mb = input_bytes / 1e6
    processes = len({pid for pid, _ in extractors})
    print(f"{documents} documents ({failed} with errors, {lost} lost) in {len(shards)} shards, "
          f"{mb:.1f} MB in {seconds:.2f} s: {mb / seconds:.2f} MB/s")
    print(f"{workers} workers; {len(extractors)} extractor(s) in {processes} worker "
          f"process(es) did the work; cluster start and dictionary load {ready - started:.2f} s")
    if lost:
        return 3
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
