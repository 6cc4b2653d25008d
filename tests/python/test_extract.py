"""Extraction from Python: code point offsets on any str, entity fields, dates, labels, the
tool's JSON."""

import datetime
import json
import pickle
import random
import subprocess

import pytest

import nerkit
from conftest import STORY


def check_offsets(text, entities):
    """Entity text is the str's own slice, and the byte offsets are those of its UTF-8."""
    encoded = text.encode("utf-8", "surrogatepass")
    for e in entities:
        assert 0 <= e.start <= e.end <= len(text)
        assert text[e.start:e.end] == e.text
        assert encoded[e.byte_start:e.byte_end].decode("utf-8", "surrogatepass") == e.text
        assert len(text[:e.start].encode("utf-8", "surrogatepass")) == e.byte_start


def test_readme_example(extractor):
    entities = extractor.extract("Kämpfe in Sirte, Libya.")
    assert [(e.label, e.start, e.end, e.text) for e in entities] == [
        ("LOCATION", 10, 15, "Sirte"), ("LOCATION", 17, 22, "Libya")]
    assert entities[0].byte_start == 11  # "ä" is two bytes
    assert entities[0].id == "geonames:2210554"
    assert "Sirte" in repr(entities)


@pytest.mark.parametrize("prefix", [
    "Kämpfe und Verhandlungen: ",                     # accents (two-byte UTF-8)
    "Café déjà vu, naïve façade — ",                  # accents and a dash
    "😀🎉 Breaking 🌍: ",                              # emoji (four bytes, one code point)
    "北京报道：",                                       # CJK (three bytes)
    "e\u0301e\u0301 combining accents ",              # combining marks
    "مرحبا بالعالم ",                                  # right-to-left script
    "NUL\x00inside\x00 ",                             # NUL characters
    "lone \ud800 surrogate \udfff and a pair \ud83d\ude00 ",  # invalid surrogates
    "\ufeffBOM and \u00a0NBSP\u2009thin space ",
])
def test_offsets_are_code_points(extractor, prefix):
    text = prefix + STORY + prefix + "Ahmed Hadiya met Ban Ki-moon in Geneva."
    entities = extractor.extract(text)
    check_offsets(text, entities)
    texts = [e.text for e in entities]
    assert "Sirte" in texts and "Geneva" in texts and "Ahmed Hadiya" in texts
    # The same entities as for the text without the prefix, moved by its length.
    plain = {(e.start, e.label) for e in extractor.extract(STORY)}
    assert {(e.start - len(prefix), e.label) for e in entities
            if len(prefix) <= e.start < len(prefix) + len(STORY)} == plain


def test_surrogates_are_separators(extractor):
    text = "Sirte\ud800Libya"
    entities = extractor.extract(text)
    check_offsets(text, entities)
    assert [e.text for e in entities] == ["Sirte", "Libya"]
    result = extractor.extract_result(text)
    assert result.invalid_utf8_bytes == 3


def test_random_text_keeps_offsets(extractor):
    pieces = ["Sirte", "Libya", "Ahmed", "Hadiya", "Geneva", "on Friday", "U.N.", " ", " ", ", ",
              ". ", "\n", "é", "ß", "😀", "中", "\x00", "\ud800", "\udc00", "\u0301", "\t", "—",
              "2024", "Mr.", "al-", "‘", "’"]
    rng = random.Random(12)
    for _ in range(200):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        check_offsets(text, extractor.extract(text))


def test_empty_and_blank(extractor):
    assert extractor.extract("") == []
    assert extractor.extract(" \n\t ") == []


def test_entity_fields_and_dict(extractor):
    result = extractor.extract_result(STORY, reference_date="2024-04-26")
    by_text = {e.text: e for e in result}
    sirte = by_text["Sirte"]
    assert sirte.label == "LOCATION" and sirte.canonical and sirte.id.startswith("geonames:")
    assert sirte.value is None and sirte.anchor is None
    assert sirte.source.startswith(("dictionary:", "rule:"))
    assert result.clusters[sirte.cluster].label == "LOCATION"
    assert result.entities.index(sirte) in result.clusters[sirte.cluster].mentions
    friday = by_text["Friday"]
    assert friday.label == "DATE" and friday.cluster is None
    d = friday.to_dict()
    assert list(d) == ["start", "end", "label", "text", "canonical", "id", "value", "anchor",
                       "source", "confidence", "cluster"]
    assert d["value"] == "2024-04-26" and d["anchor"] == "reference" and d["cluster"] is None
    whole = result.to_dict()
    assert whole["reference_date"] == "2024-04-26"
    assert whole["entities"] == [e.to_dict() for e in result.entities]
    assert whole["clusters"][0]["cluster"] == 0
    json.dumps(whole)  # plain data


def test_values_are_immutable_hashable_picklable(extractor):
    result = extractor.extract_result(STORY)
    e = result.entities[0]
    with pytest.raises(AttributeError):
        e.start = 3
    assert len(set(result.entities)) == len(result.entities)
    assert pickle.loads(pickle.dumps(e)) == e
    again = pickle.loads(pickle.dumps(result))
    assert again == result and again.to_json() == result.to_json()
    assert pickle.loads(pickle.dumps(result.clusters)) == result.clusters


def test_reference_date(extractor):
    text = "Talks resumed on Friday and will go on next week, officials said last year."
    for date in ("2024-04-26", datetime.date(2024, 4, 26), datetime.datetime(2024, 4, 26, 9)):
        result = extractor.extract_result(text, reference_date=date)
        assert result.reference_date == datetime.date(2024, 4, 26)
        assert result.reference_date_source == "caller"
        values = {e.text: e.value for e in result if e.label == "DATE"}
        assert values["Friday"] == "2024-04-26"
        assert values["last year"] == "2023"
    # Without one, none is invented.
    result = extractor.extract_result(text)
    assert result.reference_date is None and result.reference_date_source is None
    assert all(e.value is None or not e.value.startswith("2024") for e in result)


def test_reference_date_from_the_dateline(extractor):
    text = "TRIPOLI, Libya, Tuesday 14 May 2024 (AP) — Fighting broke out on Monday."
    result = extractor.extract_result(text)
    assert result.reference_date == datetime.date(2024, 5, 14)
    assert result.reference_date_source == "document"
    assert {e.text: e.value for e in result}["Monday"] == "2024-05-13"


@pytest.mark.parametrize("bad", ["2024-02-30", "26/04/2024", "2024-4-26", ""])
def test_bad_reference_date(extractor, bad):
    with pytest.raises(ValueError, match="reference_date"):
        extractor.extract("On Friday.", reference_date=bad)
    with pytest.raises(TypeError):
        extractor.extract("On Friday.", reference_date=20240426)


def test_labels(extractor):
    for labels in ("PERSON,LOCATION", ["PERSON", "LOCATION"], ("LOCATION", "PERSON")):
        got = {e.label for e in extractor.extract(STORY, labels=labels)}
        assert got == {"PERSON", "LOCATION"}
    assert extractor.extract(STORY, labels=[]) == []
    with pytest.raises(ValueError, match="CITY"):
        extractor.extract(STORY, labels=["CITY"])
    assert nerkit.LABELS == ("PERSON", "LOCATION", "ORGANIZATION", "DATE", "TIME", "DURATION",
                             "SET")


def test_explain(extractor):
    result = extractor.extract_result(STORY, explain=True)
    assert result.rejected
    for r in result.rejected:
        assert STORY[r.candidate.start:r.candidate.end] == r.candidate.text
        assert r.reason
    assert "rejected" in result.to_dict()
    assert extractor.extract_result(STORY).rejected == []


def test_text_must_be_str(extractor):
    with pytest.raises(TypeError, match="str"):
        extractor.extract(STORY.encode())
    with pytest.raises(TypeError):
        extractor.extract(None)


def test_to_json_is_the_tools_record(extractor, tool, tmp_path):
    docs = [
        {"id": "story", "text": STORY, "dct": "2024-04-26"},
        {"id": 7, "text": "😀 Kämpfe in Sirte, Libya. 北京 Ahmed Hadiya said on Monday."},
        {"text": "Nobody\x00here in Geneva \u2014 on 3 May 2021."},
    ]
    path = tmp_path / "docs.jsonl"
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs),
                    encoding="utf-8")
    run = subprocess.run([tool, "--input", "jsonl", "--format", "jsonl", str(path)],
                         capture_output=True, check=True)
    lines = run.stdout.decode("utf-8").splitlines()
    for number, (doc, line) in enumerate(zip(docs, lines), start=1):
        result = extractor.extract_result(doc["text"], reference_date=doc.get("dct"))
        assert result.to_json(id=doc.get("id"), line=number) == line
        record = json.loads(line)
        assert [(e["start"], e["end"]) for e in record["entities"]] == [
            (e.byte_start, e.byte_end) for e in result]
    pretty = extractor.extract_result(STORY).to_json(id="story", pretty=True)
    assert json.loads(pretty)["id"] == "story" and "\n  " in pretty


def test_to_json_ids(extractor):
    result = extractor.extract_result("Sirte")
    assert json.loads(result.to_json())["id"] is None
    assert json.loads(result.to_json(id=2**63))["id"] == 2**63
    assert json.loads(result.to_json(id="x", line=4))["line"] == 4
    with pytest.raises(TypeError):
        result.to_json(id=1.5)


def test_docstrings():
    assert "code points" in nerkit.__doc__
    for obj in (nerkit.Extractor, nerkit.Extractor.extract, nerkit.Extractor.extract_many,
                nerkit.Extractor.extract_result, nerkit.Extractor.extract_jsonl, nerkit.Entity,
                nerkit.Result, nerkit.Cluster, nerkit.DictionaryError, nerkit.InputError):
        assert obj.__doc__ and len(obj.__doc__) > 40, obj
    import inspect
    assert list(inspect.signature(nerkit.Extractor.extract).parameters) == [
        "text", "reference_date", "labels", "explain", "min_confidence"]
    assert nerkit.Extractor.__module__ == "nerkit"
    assert isinstance(nerkit.__version__, str)


def test_build_tree_reads_the_source_dictionaries(extractor):
    from conftest import SOURCE_DIR
    import os
    if os.environ.get("NERKIT_DICTIONARIES"):
        pytest.skip("NERKIT_DICTIONARIES is set")
    assert extractor.info["dictionary_dir"] == str(SOURCE_DIR / "dictionaries")
    assert nerkit.default_dictionary_dir() == str(SOURCE_DIR / "dictionaries")
    assert extractor.info["dictionary_entries"] > 1000


def test_loads_through_the_image_cache(extractor, tmp_path):
    assert extractor.info["cache_file"]  # the session's first load wrote or read the image
    again = nerkit.Extractor()
    assert again.info["loaded_from_cache"] and again.info["cache_file"] == extractor.info[
        "cache_file"]
    assert again.extract(STORY) == extractor.extract(STORY)
    uncached = nerkit.Extractor(cache=False)
    assert not uncached.info["loaded_from_cache"] and uncached.info["cache_file"] is None
    assert uncached.extract(STORY) == extractor.extract(STORY)


def test_stub_matches_the_module():
    import ast
    from conftest import SOURCE_DIR
    tree = ast.parse((SOURCE_DIR / "python" / "nerkit" / "__init__.pyi").read_text())
    top = {n.name for n in tree.body if isinstance(n, (ast.ClassDef, ast.FunctionDef))}
    top |= {n.target.id for n in tree.body if isinstance(n, ast.AnnAssign)}
    assert top == set(nerkit.__all__) | {"__version__"}
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and not issubclass(getattr(nerkit, node.name),
                                                             Exception):
            stubbed = {m.name for m in node.body if isinstance(m, ast.FunctionDef)}
            public = {a for a in dir(getattr(nerkit, node.name)) if not a.startswith("_")}
            assert public == {m for m in stubbed if not m.startswith("_")}, node.name


def test_confidence(extractor, tool, tmp_path):
    result = extractor.extract_result(STORY, explain=True)
    assert all(0 <= e.confidence <= 1 for e in result)
    assert len(result.evidence) == len(result.entities)
    assert all(isinstance(f, dict) and f for f in result.evidence)
    assert result.to_dict()["evidence"] == result.evidence
    assert pickle.loads(pickle.dumps(result)) == result
    threshold = sorted(e.confidence for e in result)[len(result) // 2]
    kept = extractor.extract(STORY, min_confidence=threshold)
    assert kept and all(e.confidence >= threshold for e in kept)
    assert len(kept) < len(result) or threshold == min(e.confidence for e in result)
    with pytest.raises(ValueError, match="min_confidence"):
        extractor.extract(STORY, min_confidence=1.5)
    # The same records as the tool's with --min-confidence and --explain.
    path = tmp_path / "story.jsonl"
    path.write_text(json.dumps({"id": "s", "text": STORY}) + "\n", encoding="utf-8")
    run = subprocess.run([tool, "--input", "jsonl", "--format", "jsonl", "--explain",
                          "--min-confidence", str(threshold), str(path)],
                         capture_output=True, check=True)
    filtered = extractor.extract_result(STORY, explain=True, min_confidence=threshold)
    assert filtered.to_json(id="s", line=1) == run.stdout.decode().rstrip("\n")
