# Type stub of the nerkit package (the extension module nerkit._nerkit, re-exported by nerkit).
import datetime
import os
from collections.abc import Iterable, Iterator
from typing import Final, Literal, overload

_Label = Literal["PERSON", "LOCATION", "ORGANIZATION", "DATE", "TIME", "DURATION", "SET"]
_Path = str | bytes | os.PathLike[str] | os.PathLike[bytes]
_Date = datetime.date | str | None
_Labels = str | Iterable[str] | None

__version__: Final[str]
LABELS: Final[tuple[_Label, ...]]

class Error(Exception):
    """Base of the exceptions nerkit raises; str(e) says what is wrong and where."""

class InputError(Error, ValueError):
    """A document that breaks a limit (longer than max_document_bytes); also a ValueError."""
    index: int  # set on the errors extract_many() returns or raises

class DictionaryError(Error):
    """Loading the dictionaries or rules failed: str(e) is "path:line:column: message"."""
    path: str
    line: int | None
    column: int | None
    message: str

class Entity:
    """One mention; start/end in code points, byte_start/byte_end in UTF-8 bytes."""
    @property
    def label(self) -> _Label: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def byte_start(self) -> int: ...
    @property
    def byte_end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def canonical(self) -> str | None: ...
    @property
    def id(self) -> str | None: ...
    @property
    def value(self) -> str | None: ...
    @property
    def anchor(self) -> Literal["absolute", "reference"] | None: ...
    @property
    def source(self) -> str: ...
    @property
    def confidence(self) -> float: ...
    @property
    def cluster(self) -> int | None: ...
    def to_dict(self) -> dict[str, object]: ...
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

class Cluster:
    """The mentions of one person, place or organisation in a document."""
    @property
    def label(self) -> _Label: ...
    @property
    def name(self) -> str: ...
    @property
    def canonical(self) -> str | None: ...
    @property
    def id(self) -> str | None: ...
    @property
    def mentions(self) -> list[int]: ...
    def __eq__(self, other: object) -> bool: ...

class Rejected:
    """A candidate that did not become an entity (explain=True)."""
    @property
    def candidate(self) -> Entity: ...
    @property
    def reason(self) -> str: ...

class Result:
    """Everything extraction found in one document."""
    @property
    def entities(self) -> list[Entity]: ...
    @property
    def clusters(self) -> list[Cluster]: ...
    @property
    def rejected(self) -> list[Rejected]: ...
    @property
    def evidence(self) -> list[dict[str, float]]: ...
    @property
    def reference_date(self) -> datetime.date | None: ...
    @property
    def reference_date_source(self) -> Literal["caller", "document"] | None: ...
    @property
    def invalid_utf8_bytes(self) -> int: ...
    @property
    def text(self) -> str: ...
    def to_dict(self) -> dict[str, object]: ...
    def to_json(self, id: str | int | None = None, line: int = 0, pretty: bool = False) -> str:
        """The record nerkit-extract writes (offsets in UTF-8 bytes), without a final newline."""
    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[Entity]: ...
    @overload
    def __getitem__(self, index: int) -> Entity: ...
    @overload
    def __getitem__(self, index: slice) -> list[Entity]: ...
    def __eq__(self, other: object) -> bool: ...

class JsonlOutput:
    """What Extractor.extract_jsonl() returns."""
    @property
    def records(self) -> bytes: ...
    @property
    def documents(self) -> int: ...
    @property
    def failed(self) -> int: ...
    @property
    def errors(self) -> list[str]: ...

class Extractor:
    """A loaded, immutable set of dictionaries and rules; thread-safe, not picklable."""
    def __init__(
        self,
        dictionaries: _Path | None = None,
        extra: _Path | Iterable[_Path] = (),
        cache: bool | _Path = True,
        *,
        confidence_model: _Path | None = None,
        max_document_bytes: int = 134217728,
    ) -> None: ...
    def extract(
        self,
        text: str,
        reference_date: _Date = None,
        labels: _Labels = None,
        explain: bool = False,
        min_confidence: float = 0.0,
    ) -> list[Entity]: ...
    def extract_result(
        self,
        text: str,
        reference_date: _Date = None,
        labels: _Labels = None,
        explain: bool = False,
        min_confidence: float = 0.0,
    ) -> Result: ...
    def extract_many(
        self,
        texts: Iterable[str],
        threads: int | None = None,
        reference_dates: Iterable[_Date] | None = None,
        labels: _Labels = None,
        explain: bool = False,
        min_confidence: float = 0.0,
        raise_errors: bool = False,
    ) -> list[Result | Exception]: ...
    def extract_jsonl(
        self,
        data: bytes | bytearray | memoryview,
        threads: int | None = None,
        reference_date: _Date = None,
        labels: _Labels = None,
        explain: bool = False,
        min_confidence: float = 0.0,
        strict_utf8: bool = False,
        first_line: int = 1,
    ) -> JsonlOutput: ...
    @property
    def info(self) -> dict[str, object]: ...
    @property
    def max_document_bytes(self) -> int: ...

def default_dictionary_dir() -> str:
    """The folder Extractor() loads when no dictionaries are named."""

def shared_extractor(
    dictionaries: _Path | None = None,
    extra: _Path | Iterable[_Path] = (),
    cache: bool | _Path = True,
    *,
    confidence_model: _Path | None = None,
    max_document_bytes: int = 134217728,
) -> Extractor:
    """The one Extractor of these arguments in this process, loaded by the first call."""
