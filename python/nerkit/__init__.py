"""Named entities (people, places, organisations, dates) in news text.

    import nerkit
    extractor = nerkit.Extractor()          # load the dictionaries once
    for e in extractor.extract("BENGHAZI, Libya (AP) - Fighters entered Sirte on Friday."):
        print(e.label, e.start, e.end, e.text, e.value)

Entity offsets are Python string offsets (code points): text[e.start:e.end] == e.text for every
entity of any str. Result.to_json() writes the record the nerkit-extract tool writes, whose
offsets are UTF-8 bytes (Entity.byte_start and Entity.byte_end give them too).

An Extractor is loaded once and shared: its methods release the GIL and may be called from any
number of threads; extract_many() runs C++ threads over a list of texts.
"""

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
]
