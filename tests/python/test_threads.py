"""Many documents: extract_many on C++ threads gives what extract gives, in order, with an error
object for a bad document; extract_jsonl writes the tool's records; Python threads share one
extractor."""

import concurrent.futures
import datetime
import json
import random
import subprocess

import pytest

import nerkit
from conftest import STORY

SENTENCES = [
    "Fighters entered Sirte on Friday, a spokesman, Ahmed Hadiya, said.",
    "The United Nations said on Monday that talks in Geneva would resume next week.",
    "Kämpfe in Sirte, Libya, dauerten bis März 2024.",
    "😀 Protesters gathered in Tahrir Square in Cairo last year.",
    "北京 officials met Barack Obama in Washington on 3 May 2021.",
    "Brig. Gen. Mohammed al-Ghasri told Reuters the offensive began in 2016.",
    "Lone \ud800 surrogates and NUL\x00 bytes do not move Misurata.",
    "",
]


def corpus(n, seed=1):
    rng = random.Random(seed)
    return [" ".join(rng.choice(SENTENCES) for _ in range(rng.randint(0, 12))) for _ in range(n)]


@pytest.mark.parametrize("threads", [1, 2, 4, None])
def test_many_equals_one_by_one(extractor, threads):
    texts = corpus(150) + [STORY]
    dates = [None if i % 3 else datetime.date(2024, 4, 26) for i in range(len(texts))]
    results = extractor.extract_many(texts, threads=threads, reference_dates=dates)
    assert len(results) == len(texts)
    for text, date, result in zip(texts, dates, results):
        assert isinstance(result, nerkit.Result)
        assert result.text is text
        assert result.entities == extractor.extract(text, reference_date=date)
        assert result == extractor.extract_result(text, reference_date=date)


def test_many_options(extractor):
    texts = corpus(20, seed=2)
    for result, text in zip(extractor.extract_many(texts, threads=2, labels="DATE",
                                                   explain=True), texts):
        assert result == extractor.extract_result(text, labels="DATE", explain=True)
        assert {e.label for e in result} <= {"DATE"}
    assert extractor.extract_many([]) == []
    assert len(extractor.extract_many(iter(texts), threads=3)) == len(texts)  # any iterable
    with pytest.raises(ValueError, match="reference_dates"):
        extractor.extract_many(texts, reference_dates=[None])
    with pytest.raises(ValueError, match="threads"):
        extractor.extract_many(texts, threads=0)


def test_bad_documents_in_place():
    extractor = nerkit.Extractor(max_document_bytes=1000)
    texts = corpus(30, seed=3)
    texts[4] = "x" * 1001
    texts[9] = b"bytes are not str"
    texts[17] = "y" * 5000
    results = extractor.extract_many(texts, threads=2)
    assert len(results) == len(texts)
    assert isinstance(results[4], nerkit.InputError) and results[4].index == 4
    assert "document of 1001 bytes exceeds the limit of 1000 bytes" in str(results[4])
    assert isinstance(results[9], TypeError) and results[9].index == 9
    assert isinstance(results[17], nerkit.InputError) and results[17].index == 17
    for i, (text, result) in enumerate(zip(texts, results)):
        if i not in (4, 9, 17):
            assert result == extractor.extract_result(text)
    with pytest.raises(nerkit.InputError, match=r"^texts\[4\]: document of 1001 bytes") as info:
        extractor.extract_many(texts, threads=2, raise_errors=True)
    assert info.value.index == 4


def test_python_threads_share_one_extractor(extractor):
    texts = corpus(80, seed=4)
    expected = [extractor.extract(t) for t in texts]
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        got = list(pool.map(extractor.extract, texts))
        many = list(pool.map(lambda chunk: extractor.extract_many(chunk, threads=2),
                             [texts[i:i + 10] for i in range(0, len(texts), 10)]))
    assert got == expected
    assert [r.entities for chunk in many for r in chunk] == expected


def test_results_outlive_the_extractor():
    extractor = nerkit.Extractor()
    results = extractor.extract_many(corpus(5, seed=5), threads=2)
    del extractor
    for r in results:
        for e in r:
            assert r.text[e.start:e.end] == e.text
        r.to_json()


def jsonl_lines(docs):
    """JSON Lines, non-ASCII as UTF-8 except in documents with lone surrogates, which only an
    escape can hold (and which the tool's JSON reader refuses)."""
    lines = []
    for d in docs:
        try:
            lines.append((json.dumps(d, ensure_ascii=False) + "\n").encode("utf-8"))
        except UnicodeEncodeError:
            lines.append((json.dumps(d) + "\n").encode("ascii"))
    return b"".join(lines)


def test_extract_jsonl_is_the_tool(extractor, tool, tmp_path):
    docs = [{"id": str(i), "text": t, "dct": "2024-04-26" if i % 2 else None}
            for i, t in enumerate(corpus(40, seed=6))]
    data = bytearray(jsonl_lines(docs))
    data += b'{"id": "no text"}\n'                       # not a document
    data += b"not json at all\n"
    data += b"\n"                                        # empty line
    data += b'{"id": 5, "text": "Sirte\xff\xfe, Libya"}\r\n'  # bad bytes, CRLF
    data += b'{"id": "last", "text": "Geneva", "dct": "2024-13-01"}'  # no final newline
    path = tmp_path / "in.jsonl"
    path.write_bytes(bytes(data))
    for threads in (1, 3):
        run = subprocess.run([tool, "--input", "jsonl", "--format", "jsonl", "--threads",
                              str(threads), str(path)], capture_output=True)
        assert run.returncode == 1  # some documents failed
        out = extractor.extract_jsonl(bytes(data), threads=threads)
        assert out.records == run.stdout
        # The tool's JSON reader refuses an escaped lone surrogate: those lines fail too.
        refused = sum("\ud800" in d["text"] for d in docs)
        assert out.documents == len(docs) + 5 and out.failed == refused + 4
        assert f"line {len(docs) + 1}: missing \"text\" field" in out.errors
        # The tool reports "nerkit-extract: PATH:LINE: message".
        prefix = f"nerkit-extract: {path}:"
        assert ["line " + line.removeprefix(prefix) for line in
                run.stderr.decode().splitlines()] == out.errors
    records = [json.loads(line) for line in out.records.splitlines()]
    assert [r["line"] for r in records] == list(range(1, len(docs) + 6))
    assert [r["id"] for r in records[:len(docs)] if "error" not in r] == [
        d["id"] for d in docs if "\ud800" not in d["text"]]


def test_extract_jsonl_options(extractor, tool, tmp_path):
    data = jsonl_lines([{"id": "a", "text": "On Friday, Ahmed Hadiya left Sirte."}])
    path = tmp_path / "a.jsonl"
    path.write_bytes(data)
    run = subprocess.run([tool, "--input", "jsonl", "--format", "jsonl", "--reference-date",
                          "2024-04-26", "--labels", "DATE,PERSON", "--explain", str(path)],
                         capture_output=True, check=True)
    out = extractor.extract_jsonl(data, reference_date="2024-04-26", labels="DATE,PERSON",
                                  explain=True)
    assert out.records == run.stdout
    assert extractor.extract_jsonl(b"").documents == 0
    shifted = extractor.extract_jsonl(data, first_line=41)
    assert json.loads(shifted.records)["line"] == 41
