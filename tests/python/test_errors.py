"""Errors as Python exceptions with the library's messages: dictionaries that do not load,
documents that break a limit, bad arguments."""

import pytest

import nerkit


def test_bad_dictionary_line(tmp_path):
    extra = tmp_path / "mine.tsv"
    extra.write_text("# my places\nSirte\tLOCATION\t-\t-\t0\tLY\t-\nTobruk\tCITY\t-\t-\t0\tLY\t-\n",
                     encoding="utf-8")
    with pytest.raises(nerkit.DictionaryError) as info:
        nerkit.Extractor(extra=[extra])
    e = info.value
    assert isinstance(e, nerkit.Error)
    assert e.path == str(extra) and e.line == 3 and e.column == 8  # the type column
    assert e.message.startswith('unknown type "CITY"')
    assert str(e) == f"{extra}:3:8: {e.message}"


def test_wrong_column_count(tmp_path):
    extra = tmp_path / "short.tsv"
    extra.write_text("Sirte\tLOCATION\t-\n", encoding="utf-8")
    expected = r"short\.tsv:1:1: expected 7 tab-separated columns"
    with pytest.raises(nerkit.DictionaryError, match=expected) as info:
        nerkit.Extractor(extra=str(extra))  # one path, not a list
    assert info.value.line == 1


def test_bad_rule(tmp_path):
    rules = tmp_path / "mine.rules"
    rules.write_text("loc.broken\tLOCATION\ttokens\t1\t60\t(C(unclosed\n", encoding="utf-8")
    with pytest.raises(nerkit.DictionaryError) as info:
        nerkit.Extractor(extra=[rules])
    assert info.value.path == str(rules) and info.value.line == 1


def test_missing_folder(tmp_path):
    with pytest.raises(nerkit.DictionaryError, match="dictionary folder not found") as info:
        nerkit.Extractor(tmp_path / "nowhere")
    assert info.value.line is None and info.value.column is None


def test_unknown_kind_of_file(tmp_path):
    other = tmp_path / "names.txt"
    other.write_text("Sirte\n", encoding="utf-8")
    with pytest.raises(nerkit.DictionaryError, match="unknown kind of file"):
        nerkit.Extractor(extra=[other])


def test_extra_dictionary_is_used(tmp_path):
    extra = tmp_path / "mine.tsv"
    extra.write_text("Zawiyat Qarnadah\tLOCATION\t-\tmine:1\t10\tLY\t-\n", encoding="utf-8")
    extractor = nerkit.Extractor(extra=[extra], cache=tmp_path / "cache")
    [e] = [e for e in extractor.extract("They met in Zawiyat Qarnadah.") if e.id == "mine:1"]
    assert e.text == "Zawiyat Qarnadah" and e.source.startswith(f"dictionary:{extra}:1")
    assert extractor.info["files"][-1] == str(extra)


def test_oversized_document():
    extractor = nerkit.Extractor(max_document_bytes=100)
    assert extractor.max_document_bytes == 100
    extractor.extract("é" * 50)  # 100 bytes
    with pytest.raises(nerkit.InputError, match=r"document of 101 bytes exceeds the limit of 100"):
        extractor.extract("é" * 50 + "a")
    with pytest.raises(ValueError):  # InputError is also a ValueError
        extractor.extract_result("a" * 101)


def test_oversized_by_default(extractor):
    text = "a" * ((128 << 20) + 1)
    with pytest.raises(nerkit.InputError, match="max_document_bytes"):
        extractor.extract(text)


def test_bad_arguments(tmp_path):
    with pytest.raises(TypeError):
        nerkit.Extractor(cache=3)
    with pytest.raises(TypeError):
        nerkit.Extractor(extra=[3])
