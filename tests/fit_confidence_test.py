#!/usr/bin/python3
"""tools/fit_confidence.py on the golden articles: it fits, writes a weights file that
nerkit-extract loads, and reports calibration on held-out documents.

usage: fit_confidence_test.py NERKIT_EXTRACT SOURCE_DIR
Gold is made from the golden articles' expected entities with every third one left out (so that
the model has right and wrong entities to tell apart). Exit status 77 (skipped) without numpy.
"""

import json
import os
import subprocess
import sys
import tempfile


def main():
    tool, source = sys.argv[1], sys.argv[2]
    try:
        import numpy  # noqa: F401
    except ImportError:
        print("skipped: the fit needs numpy (Debian: python3-numpy), which is not installed")
        return 77
    golden = os.path.join(source, "tests", "data", "golden")
    articles = {"article": os.path.join(source, "examples", "data", "article.txt")}
    for name in sorted(os.listdir(golden)):
        if name.endswith(".txt"):
            articles[name[:-4]] = os.path.join(golden, name)
    work = tempfile.mkdtemp(prefix="nerkit-fit-")
    gold_path = os.path.join(work, "gold.jsonl")
    with open(gold_path, "w", encoding="utf-8") as gold:
        for name, path in sorted(articles.items()):
            data = open(path, "rb").read()
            text = data.decode("utf-8", "surrogateescape")
            entities = []
            with open(os.path.join(golden, name + ".expected.tsv"), encoding="utf-8") as f:
                rows = [l.rstrip("\n").split("\t") for l in f if l.strip() and not l.startswith("#")]
            for k, row in enumerate(rows):
                if k % 3 == 2:
                    continue
                start = len(data[:int(row[0])].decode("utf-8", "surrogateescape"))
                end = len(data[:int(row[1])].decode("utf-8", "surrogateescape"))
                entities.append({"start": start, "end": end, "label": row[2]})
            gold.write(json.dumps({"id": name, "text": text, "dct": None, "entities": entities},
                                  ensure_ascii=False) + "\n")
    weights = os.path.join(work, "models", "confidence.tsv")
    script = os.path.join(source, "tools", "fit_confidence.py")
    fit = subprocess.run([sys.executable, script, "--extract", tool, "--train", gold_path + ":even",
                          "--test", gold_path + ":odd", "--out", weights],
                         stdout=subprocess.PIPE, text=True, check=False)
    print(fit.stdout)
    assert fit.returncode == 0, f"fit_confidence.py exited with {fit.returncode}"
    assert "wrote " + weights in fit.stdout
    assert "ECE" in fit.stdout.splitlines()[-1], "no report of the held-out half"
    lines = [l for l in open(weights, encoding="utf-8") if not l.startswith("#")]
    assert lines and lines[0].startswith("bias\t"), lines[:3]

    # The weights load, and give every entity a confidence in [0, 1], not all the same.
    run = subprocess.run([tool, "--confidence-model", weights, articles["article"]],
                         stdout=subprocess.PIPE, text=True, check=True)
    confidences = [e["confidence"] for e in json.loads(run.stdout)["entities"]]
    assert confidences and all(0 <= c <= 1 for c in confidences), confidences
    assert len(set(confidences)) > 1, confidences
    # A weights file with an unknown feature is refused with its line.
    with open(weights, "a", encoding="utf-8") as f:
        f.write("label=CITY\t1\n")
    bad = subprocess.run([tool, "--confidence-model", weights, articles["article"]],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, check=False)
    assert bad.returncode == 2, bad.returncode
    assert f'{weights}:{len(open(weights).readlines())}:1: unknown feature "label=CITY"' in bad.stderr, bad.stderr
    print("fit_confidence_test: 1 passed, 0 failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
