"""Named entities (people, places, organisations, dates) in news text.

    import nerkit
    extractor = nerkit.Extractor()          # load the dictionaries once
    for e in extractor.extract("BENGHAZI, Libya (AP) - Fighters entered Sirte on Friday."):
        print(e.label, e.start, e.end, e.text, e.value)

Entity offsets are Python string offsets (code points): text[e.start:e.end] == e.text for every
entity of any str. Result.to_json() writes the record the nerkit-extract tool writes, whose
offsets are UTF-8 bytes (Entity.byte_start and Entity.byte_end give them too).

An Extractor is loaded once and shared: its methods release the GIL and may be called from any
number of threads; extract_many() runs C++ threads over a list of texts. shared_extractor()
gives the one Extractor of a process, for code that a framework runs many times in the same
worker process (Spark's mapPartitions, a Dask task, a multiprocessing pool).
"""

import os
import threading

from nerkit._nerkit import (
    LABELS,
    Cluster,
    DictionaryError,
    Entity,
    Error,
    Extractor,
    InputError,
    JsonlOutput,
    Rejected,
    Result,
    __version__,
    default_dictionary_dir,
)

__all__ = [
    "LABELS",
    "Cluster",
    "DictionaryError",
    "Entity",
    "Error",
    "Extractor",
    "InputError",
    "JsonlOutput",
    "Rejected",
    "Result",
    "default_dictionary_dir",
    "shared_extractor",
]

_shared = {}
_shared_lock = threading.Lock()


def _paths(value):
    if isinstance(value, (str, bytes, os.PathLike)):
        value = [value]
    return tuple(os.fsdecode(v) for v in value)


def shared_extractor(dictionaries=None, extra=(), cache=True, *, confidence_model=None,
                     max_document_bytes=134217728):
    """The Extractor(dictionaries, extra, cache, ...) of this process.

    The first call with a set of arguments loads it; later calls with the same arguments, from any
    thread, return the same object. Use it where a framework calls your function many times in
    one worker process (a Spark partition, a Dask task), so that the dictionaries are loaded
    once per process rather than once per call. Raises what Extractor() raises.
    """
    key = (None if dictionaries is None else os.fsdecode(dictionaries), _paths(extra),
           cache if isinstance(cache, bool) else os.fsdecode(cache),
           None if confidence_model is None else os.fsdecode(confidence_model),
           max_document_bytes)
    with _shared_lock:
        extractor = _shared.get(key)
        if extractor is None:
            extractor = Extractor(dictionaries, extra, cache, confidence_model=confidence_model,
                                  max_document_bytes=max_document_bytes)
            _shared[key] = extractor
        return extractor
