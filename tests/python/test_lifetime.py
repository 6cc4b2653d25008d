"""Many extractors created and dropped, and many results: memory stays bounded."""

import ctypes
import gc
import os

import nerkit
from conftest import STORY


def resident_mb():
    """Resident memory after a garbage collection, with the C heap's free pages given back (the
    threads' malloc arenas otherwise keep them for a while)."""
    gc.collect()
    ctypes.CDLL("libc.so.6").malloc_trim(0)
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def floor_growth(one_round, settle, rounds):
    """How much the lowest resident memory of the last rounds exceeds that of the first: memory
    that leaks never comes back, memory that an allocator keeps for a while does."""
    first = []
    for _ in range(settle):
        one_round()
        first.append(resident_mb())
    last = []
    for _ in range(rounds):
        one_round()
        last.append(resident_mb())
    return min(last[-5:]) - min(first)


def test_many_extractors_do_not_leak():
    def one_round():
        extractor = nerkit.Extractor()
        results = extractor.extract_many([STORY] * 20, threads=2)
        assert all(len(r) > 5 for r in results)
        assert extractor.extract(STORY) == results[0].entities
        del extractor, results

    # One extractor holds about 100 MB: a leaked one per round would add 2 GB.
    grown = floor_growth(one_round, settle=3, rounds=20)
    assert grown < 40, f"resident memory grew by {grown:.0f} MB over 20 extractors"


def test_many_results_do_not_leak(extractor):
    texts = [STORY + f" Story {i} from Sirte." for i in range(200)]

    def one_round():
        for r in extractor.extract_many(texts, threads=2):
            r.to_dict()
            r.to_json()
        for t in texts[:50]:
            extractor.extract(t)

    grown = floor_growth(one_round, settle=3, rounds=15)
    assert grown < 20, f"resident memory grew by {grown:.0f} MB over 3000 results"


def test_shared_extractor_is_loaded_once_per_process(tmp_path):
    import threading

    got = []
    threads = [threading.Thread(target=lambda: got.append(nerkit.shared_extractor()))
               for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(got) == 4 and all(e is got[0] for e in got)
    assert nerkit.shared_extractor(cache=True) is got[0]
    other = nerkit.shared_extractor(max_document_bytes=10)
    assert other is not got[0] and other.max_document_bytes == 10
    assert nerkit.shared_extractor(max_document_bytes=10) is other
