#!/usr/bin/env python3
"""Precision of each source (dictionary file or rule) on a gold set: for every entity nerkit
returns, which sources decided it and whether it is right (exact span and label).

usage: rule_precision.py GOLD.jsonl [--extract build/examples/nerkit-extract]
                         [--labels PERSON,LOCATION,ORGANIZATION]
"""
import argparse
import collections
import json
import re
import subprocess


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("--extract", default="build/examples/nerkit-extract")
    ap.add_argument("--labels", default="PERSON,LOCATION,ORGANIZATION")
    a = ap.parse_args()
    labels = set(a.labels.split(","))
    docs = [json.loads(l) for l in open(a.gold, encoding="utf-8")]
    inp = "".join(json.dumps({"id": d["id"], "text": d["text"], "dct": d.get("dct")}) + "\n"
                  for d in docs)
    out = subprocess.run([a.extract, "--input", "jsonl", "--format", "jsonl"],
                         input=inp.encode(), capture_output=True, check=False).stdout.decode()
    pred = {json.loads(l)["id"]: json.loads(l).get("entities", []) for l in out.splitlines()}
    right, wrong = collections.Counter(), collections.Counter()
    for d in docs:
        t = d["text"]
        gold = {(len(t[:e["start"]].encode()), len(t[:e["end"]].encode()), e["label"])
                for e in d["entities"]}
        optional = [(len(t[:e["start"]].encode()), len(t[:e["end"]].encode()))
                    for e in d["entities"] if e.get("optional")]
        for e in pred.get(d["id"], []):
            if e["label"] not in labels:
                continue
            if any(s < e["end"] and e["start"] < x for s, x in optional):
                continue
            ok = (e["start"], e["end"], e["label"]) in gold
            for src in e["source"].split(" + "):
                src = re.sub(r" \(.*", "", src)
                src = re.sub(r":\d+$", "", src)
                (right if ok else wrong)[src] += 1
    rows = sorted(set(right) | set(wrong), key=lambda s: -(right[s] + wrong[s]))
    print(f"{'source':<44}{'right':>8}{'wrong':>8}{'precision':>10}")
    for s in rows:
        n = right[s] + wrong[s]
        print(f"{s:<44}{right[s]:>8}{wrong[s]:>8}{100 * right[s] / n:>9.1f}%")


if __name__ == "__main__":
    main()
