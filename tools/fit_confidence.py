#!/usr/bin/python3
"""Fit nerkit's confidence model on gold-annotated documents, and report how well it is calibrated.

usage: fit_confidence.py --extract build/examples/nerkit-extract \\
           --train GOLD[:even|:odd][@LABELS] ... [--test GOLD[:even|:odd][@LABELS] ...] \\
           [--out dictionaries/models/confidence.tsv] [--labels PERSON,LOCATION,...]

GOLD files are JSON Lines documents {"id", "text", "dct", "entities": [{"start", "end", "label",
"optional"}]} with code point offsets (the format of nerkit-extract --evaluate). ":even" or ":odd"
after a path takes every other document only, so that one file can give a training half and a
test half; "@DATE" or "@PERSON,LOCATION" after it scores only those labels of that file (dates
from a set whose time expressions are annotated, names from another). Each text is extracted with `nerkit-extract --explain`, which gives every entity the
evidence its confidence is computed from; an entity is right when a gold entity has exactly its
span and label. Only entities of the labels scored (--labels, by default the labels the gold file
uses among PERSON, LOCATION, ORGANIZATION, DATE, TIME, DURATION, SET) count; optional gold
entities count neither way.

The model is an L2-regularised logistic regression over the evidence features, fitted by Newton's
method (numpy). It writes the weights file that nerkit loads (LoadOptions::confidence_model, or a
dictionary folder's models/confidence.tsv), then for every --test set prints the expected
calibration error (10 equal-width bins) and precision and recall at thresholds 0.5, 0.7 and 0.9.
"""

import argparse
import datetime
import json
import os
import subprocess
import sys

try:
    import numpy as np
except ImportError:  # pragma: no cover - a clear message instead of a traceback
    sys.exit("fit_confidence.py: needs numpy (Debian: apt-get install python3-numpy)")

LABELS = ("PERSON", "LOCATION", "ORGANIZATION", "DATE", "TIME", "DURATION", "SET")


def read_gold(spec):
    """The documents of PATH[:even|:odd] (without any @LABELS)."""
    spec = spec.split("@")[0]
    path, _, half = spec.partition(":") if spec.endswith((":even", ":odd")) else (spec, "", "")
    docs = []
    with open(path, encoding="utf-8") as f:
        for index, line in enumerate(f):
            if not line.strip():
                continue
            if half == "even" and index % 2 == 1:
                continue
            if half == "odd" and index % 2 == 0:
                continue
            docs.append(json.loads(line))
    return docs


def byte_to_code_point(text):
    """A list mapping each UTF-8 byte offset of text (and its end) to a code point offset."""
    table = []
    for i, ch in enumerate(text):
        table.extend([i] * len(ch.encode("utf-8", "surrogatepass")))
    table.append(len(text))
    return table


def extract(tool, docs, extra):
    """Runs the tool over the documents; returns one result record per document, in order."""
    lines = "".join(
        json.dumps({"id": i, "text": d["text"], "dct": d.get("dct")}, ensure_ascii=False) + "\n"
        for i, d in enumerate(docs))
    run = subprocess.run([tool, "--input", "jsonl", "--format", "jsonl", "--explain"] + extra,
                         input=lines.encode("utf-8"), stdout=subprocess.PIPE, check=False)
    if run.returncode not in (0, 1):
        sys.exit(f"fit_confidence.py: {tool} failed with exit status {run.returncode}")
    records = [json.loads(l) for l in run.stdout.decode("utf-8").splitlines() if l.strip()]
    if len(records) != len(docs):
        sys.exit(f"fit_confidence.py: {len(docs)} documents in, {len(records)} records out")
    return records


def examples(tool, spec, labels, extra):
    """(feature dicts, right or wrong, confidence the tool gave, gold count) of one gold set."""
    docs = read_gold(spec)
    if "@" in spec:
        labels = [l for l in spec.split("@", 1)[1].split(",") if l]
    gold_labels = {e["label"] for d in docs for e in d.get("entities", [])}
    scored = set(labels) if labels else {l for l in LABELS if l in gold_labels}
    feats, right, given = [], [], []
    gold_count = 0
    for doc, record in zip(docs, extract(tool, docs, extra)):
        gold = {(e["start"], e["end"], e["label"]): bool(e.get("optional"))
                for e in doc.get("entities", []) if e["label"] in scored}
        gold_count += sum(1 for optional in gold.values() if not optional)
        table = byte_to_code_point(doc["text"])
        evidence = record.get("evidence", [])
        for k, e in enumerate(record.get("entities", [])):
            if e["label"] not in scored:
                continue
            key = (table[e["start"]], table[e["end"]], e["label"])
            if gold.get(key) is True:  # an optional gold entity: neither right nor wrong
                continue
            feats.append(evidence[k] if k < len(evidence) else {})
            right.append(1.0 if key in gold else 0.0)
            given.append(e.get("confidence", 1.0))
    return feats, np.array(right), np.array(given), gold_count, sorted(scored)


def design(feats, names):
    index = {n: i for i, n in enumerate(names)}
    x = np.zeros((len(feats), len(names)))
    for row, f in enumerate(feats):
        for name, value in f.items():
            if name in index:
                x[row, index[name]] = value
    return x


def fit(x, y, l2=1.0, iterations=50):
    """L2-regularised logistic regression by Newton's method (the bias is not penalised)."""
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        gradient = x.T @ (p - y) + penalty * w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return w


def calibration(p, y, bins=10):
    """Expected calibration error over equal-width bins of the predicted probability."""
    if len(p) == 0:
        return float("nan")
    which = np.minimum((p * bins).astype(int), bins - 1)
    error = 0.0
    for b in range(bins):
        members = which == b
        if members.any():
            error += members.sum() / len(p) * abs(p[members].mean() - y[members].mean())
    return error


def report(name, p, y, gold_count):
    line = [f"{name:<34} ECE {calibration(p, y):.3f}"]
    for threshold in (0.0, 0.5, 0.7, 0.9):
        kept = p >= threshold
        tp = float(y[kept].sum())
        precision = 100 * tp / kept.sum() if kept.any() else float("nan")
        recall = 100 * tp / gold_count if gold_count else float("nan")
        line.append(f"@{threshold:.1f} P {precision:5.1f} R {recall:5.1f}")
    print("  ".join(line))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--extract", required=True, help="the nerkit-extract program")
    parser.add_argument("--train", action="append", required=True, help="GOLD[:even|:odd]")
    parser.add_argument("--test", action="append", default=[], help="GOLD[:even|:odd]")
    parser.add_argument("--out", default=None, help="weights file to write (default: none)")
    parser.add_argument("--labels", default="", help="labels to score, comma-separated")
    parser.add_argument("--l2", type=float, default=1.0, help="L2 penalty (default 1)")
    parser.add_argument("--tool-option", action="append", default=[],
                        help="an option passed on to nerkit-extract (e.g. --dictionaries=DIR)")
    args = parser.parse_args()
    labels = [l for l in args.labels.split(",") if l]
    # Fitting must not see an earlier model's confidence: the features are the same either way.
    extra = list(args.tool_option)

    feats, ys = [], []
    for spec in args.train:
        f, y, _, _, scored = examples(args.extract, spec, labels, extra)
        feats += f
        ys.append(y)
        print(f"train {spec}: {len(f)} entities of {','.join(scored)}, {int(y.sum())} right")
    names = ["bias"] + sorted({n for f in feats for n in f if n != "bias"})
    x = design(feats, names)
    y = np.concatenate(ys)
    w = fit(x, y, args.l2)
    report("train (all)", 1 / (1 + np.exp(-(x @ w))), y, int(y.sum()))

    if args.out:
        os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
        with open(args.out, "w", encoding="utf-8") as out:
            out.write("# nerkit confidence model: logistic regression weights, feature<TAB>weight.\n")
            out.write("# Written by tools/fit_confidence.py on "
                      f"{datetime.date.today().isoformat()}, fitted on "
                      f"{len(y)} entities ({int(y.sum())} right) of: "
                      f"{' '.join(os.path.basename(s) for s in args.train)}.\n")
            out.write("# Refit on your own gold with the same script (see README, Confidence).\n")
            for name, weight in zip(names, w):
                out.write(f"{name}\t{weight:.6f}\n")
        print(f"wrote {args.out}")

    for spec in args.test:
        f, y, given, gold_count, scored = examples(args.extract, spec, labels, extra)
        p = 1 / (1 + np.exp(-(design(f, names) @ w)))
        name = os.path.basename(spec.split("@")[0])
        report(f"{name} ({','.join(l[:3] for l in scored)})", p, y, gold_count)


if __name__ == "__main__":
    main()
