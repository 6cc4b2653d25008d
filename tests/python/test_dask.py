"""examples/python/dask_extract.py on a local cluster of two worker processes: every input line
has exactly one record, in order, the same bytes as nerkit-extract writes for the shard."""

import json
import os
import random
import subprocess
import sys

import pytest

from conftest import SOURCE_DIR

SCRIPT = SOURCE_DIR / "examples" / "python" / "dask_extract.py"

SENTENCES = [
    "BENGHAZI, Libya (AP) — Fighters entered Sirte on Friday.",
    "A spokesman, Ahmed Hadiya, told Reuters the talks in Geneva would resume next week.",
    "Kämpfe in Misurata dauerten bis März 2024.",
    "😀 The United Nations said on Monday that 北京 had agreed.",
    "Brig. Gen. Mohammed al-Ghasri said the offensive began in 2016.",
]


def write_shards(folder):
    """Four shards: 120, 95 (with two bad lines) and 80 documents, and an empty one."""
    rng = random.Random(7)
    folder.mkdir()
    shards = {}
    number = 0
    for name, count in (("part-000.jsonl", 120), ("part-001.jsonl", 95),
                        ("part-002.jsonl", 80), ("part-003.jsonl", 0)):
        lines = []
        for i in range(count):
            number += 1
            doc = {"id": f"doc-{number}",
                   "text": " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(1, 8))),
                   "dct": "2024-04-26" if i % 2 else None}
            lines.append(json.dumps(doc, ensure_ascii=bool(i % 3)))
        if name == "part-001.jsonl":
            lines[10] = '{"id": "broken", "text": '
            lines[50] = '{"id": "no-text"}'
        (folder / name).write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        shards[name] = lines
    return shards


def test_dask_extract_two_workers(tmp_path, tool):
    shards = write_shards(tmp_path / "in")
    out = tmp_path / "out"
    run = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path / "in"), str(out), "--workers", "2",
         "--threads-per-worker", "1"],
        capture_output=True, text=True, timeout=300)
    assert run.returncode == 1, run.stderr  # two lines are not documents
    summary = run.stdout
    assert "295 documents (2 with errors, 0 lost) in 4 shards" in summary, summary
    # One extractor per worker process, whatever the number of tasks.
    assert "2 workers;" in summary
    assert "extractor(s) in" in summary
    used = int(summary.split("workers; ")[1].split(" extractor")[0])
    processes = int(summary.split("extractor(s) in ")[1].split(" worker")[0])
    assert 1 <= used == processes <= 2, summary
    assert sorted(os.listdir(out)) == sorted(shards)
    for name, lines in shards.items():
        records = (out / name).read_bytes()
        parsed = [json.loads(line) for line in records.splitlines()]
        assert len(parsed) == len(lines)
        assert [r["line"] for r in parsed] == list(range(1, len(lines) + 1))
        for record, line in zip(parsed, lines):
            if "error" in record:
                assert line.startswith(('{"id": "broken"', '{"id": "no-text"}'))
            else:
                assert record["id"] == json.loads(line)["id"]
        # The same bytes as the tool's for the shard.
        tool_run = subprocess.run([tool, "--input", "jsonl", "--format", "jsonl",
                                   str(tmp_path / "in" / name)], capture_output=True)
        assert tool_run.stdout == records
    assert "part-001.jsonl:11: invalid JSON" in run.stderr
    assert 'part-001.jsonl:51: missing "text" field' in run.stderr


def test_dask_extract_usage(tmp_path):
    (tmp_path / "empty").mkdir()
    run = subprocess.run([sys.executable, str(SCRIPT), str(tmp_path / "empty"),
                          str(tmp_path / "out")], capture_output=True, text=True, timeout=60)
    assert run.returncode == 2 and "no *.jsonl shard" in run.stderr
