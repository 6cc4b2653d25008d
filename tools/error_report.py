#!/usr/bin/env python3
"""Where extraction goes wrong on a gold set: the most frequent misses, false alarms, wrong labels
and wrong spans, to find general fixes (not to fit one file).

usage: error_report.py GOLD.jsonl [--extract build/examples/nerkit-extract] [--labels L1,L2]
                       [--top 40] [--context] [-- extra extractor options]
Runs the extractor on the gold texts (JSONL in, JSONL out), converts byte offsets to code points,
and compares exact spans and labels.
"""
import argparse
import collections
import json
import subprocess
import sys


def main():
    argv = sys.argv[1:]
    extra = []
    if "--" in argv:
        i = argv.index("--")
        argv, extra = argv[:i], argv[i + 1:]
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("--extract", default="build/examples/nerkit-extract")
    ap.add_argument("--labels", default="PERSON,LOCATION,ORGANIZATION")
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--context", action="store_true", help="show a sentence for each error kind")
    a = ap.parse_args(argv)
    labels = set(a.labels.split(","))
    docs = [json.loads(l) for l in open(a.gold, encoding="utf-8")]
    inp = "".join(json.dumps({"id": d["id"], "text": d["text"], "dct": d.get("dct")}) + "\n"
                  for d in docs)
    out = subprocess.run([a.extract, "--input", "jsonl", "--format", "jsonl"] + extra,
                         input=inp.encode(), capture_output=True, check=False).stdout.decode()
    pred = {}
    for line in out.splitlines():
        r = json.loads(line)
        pred[r["id"]] = r.get("entities", [])
    kinds = collections.defaultdict(collections.Counter)
    examples = {}
    for d in docs:
        text = d["text"]
        raw = text.encode("utf-8")
        def cp(b):
            return len(raw[:b].decode("utf-8", "replace"))
        gold = {(e["start"], e["end"]): e["label"] for e in d["entities"]
                if e["label"] in labels and not e.get("optional")}
        opt = [(e["start"], e["end"]) for e in d["entities"] if e.get("optional")]
        got = {}
        for e in pred.get(d["id"], []):
            if e["label"] not in labels:
                continue
            s, t = cp(e["start"]), cp(e["end"])
            if (s, t) not in gold and any(s < y and x < t for x, y in opt):
                continue
            got[(s, t)] = (e["label"], e.get("source", ""))
        def ctx(s, t):
            a0 = text.rfind("\n", 0, s) + 1
            b0 = text.find("\n", t)
            b0 = len(text) if b0 < 0 else b0
            return text[a0:s] + "[" + text[s:t] + "]" + text[t:b0]
        for span, lab in gold.items():
            if span in got:
                if got[span][0] != lab:
                    k = (text[span[0]:span[1]], lab + "->" + got[span][0])
                    kinds["wrong label"][k] += 1
                    examples.setdefault(("wrong label", k), (ctx(*span), got[span][1]))
                continue
            over = [(s2, got[s2]) for s2 in got if s2[0] < span[1] and span[0] < s2[1]]
            if over:
                s2, (l2, src) = over[0]
                k = (text[span[0]:span[1]], lab, text[s2[0]:s2[1]], l2)
                kinds["wrong span (gold, got)"][k] += 1
                examples.setdefault(("wrong span (gold, got)", k), (ctx(*span), src))
            else:
                k = (text[span[0]:span[1]], lab)
                kinds["missed"][k] += 1
                examples.setdefault(("missed", k), (ctx(*span), ""))
        for span, (lab, src) in got.items():
            if span in gold:
                continue
            if any(g[0] < span[1] and span[0] < g[1] for g in gold):
                continue  # counted as a wrong span
            k = (text[span[0]:span[1]], lab)
            kinds["false alarm"][k] += 1
            examples.setdefault(("false alarm", k), (ctx(*span), src))
    for kind, c in kinds.items():
        print(f"== {kind}: {sum(c.values())} ({len(c)} distinct)")
        for k, n in c.most_common(a.top):
            print(f"  {n:4d}  {k}")
            if a.context:
                ex, src = examples[(kind, k)]
                print(f"          {ex[:200]!r}  {src}")


if __name__ == "__main__":
    main()
