"""The name index: records found by the names people type, one normaliser and one suffix rule.

A key is normalised one way everywhere (:func:`normalize`): Unicode NFKC (full-width to
half-width), accents dropped (Ürümqi as Urumqi), every space removed, case folded. An index
maps each normalised name of a record to the record, and the *stem* of each name (the name
without its administrative suffix, 苏州 for 苏州市) to the record and the suffix it dropped. A
query that misses the names is tried as a stem, and accepted only where its own suffix is the
record's, or the record's name has none: 苏州 and 苏州市 find 苏州市, but 朝阳区 does not find
朝阳市. English generic words count as suffixes: "Suzhou City" finds Suzhou.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from types import MappingProxyType
from typing import Generic, TypeVar

from ._errors import NotFoundError, ValidationError
from ._text import whole_text

T = TypeVar("T")

# Longest first, so that 自治州 is dropped whole rather than as 州. English generic words are
# suffixes too, compared without spaces: "Suzhou City" finds Suzhou.
PROVINCE_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市")
CITY_SUFFIXES = ("自治州", "地区", "市", "区", "州", "盟", "县", "旗")
PROVINCE_SUFFIXES_EN = (
    "uyghurautonomousregion",
    "uygurautonomousregion",
    "zhuangautonomousregion",
    "huiautonomousregion",
    "autonomousregion",
    "municipality",
    "province",
)
CITY_SUFFIXES_EN = ("autonomousprefecture", "prefecture", "newarea", "district", "city")
# Units below prefecture level carry these as well (长阳土家族自治县, 神农架林区, 六枝特区).
COUNTY_SUFFIXES = ("自治县", "自治旗", "林区", "特区", "新区")
COUNTY_SUFFIXES_EN = ("autonomouscounty", "autonomousbanner", "county", "banner", "league")
# Every suffix of every level, for the national geography: longest first, as above.
PLACE_SUFFIXES = tuple(
    sorted(
        dict.fromkeys(
            PROVINCE_SUFFIXES
            + CITY_SUFFIXES
            + COUNTY_SUFFIXES
            + PROVINCE_SUFFIXES_EN
            + CITY_SUFFIXES_EN
            + COUNTY_SUFFIXES_EN
        ),
        key=len,
        reverse=True,
    )
)
_HAN = re.compile("[\u4e00-\u9fff]+")  # CJK Unified Ideographs, all their own normal form
_MIN_STEM = 2  # 巴州 keeps its suffix: a one-character stem would match too much


def normalize(text: str) -> str:
    """The form in which names are compared: NFKC, no white space, case folded, accents dropped.

    Accents go so that Xigaze finds Xigazê; folding case or dropping spaces can leave a string
    that NFKC changes again (C + cedilla), so the steps repeat until nothing changes, and
    normalising twice is normalising once.
    """
    if text.isascii():  # NFKC and NFKD leave ASCII alone, and it has no accents to drop
        return "".join(text.casefold().split())
    bare = "".join(text.split())
    if _HAN.fullmatch(bare):  # Chinese characters alone: NFKC, case and accents leave them be
        return bare
    if is_key(bare):  # most names are keys once their spaces go (" 苏州　市 "): no copies
        return bare
    for _ in range(4):
        if is_key(text):  # most names already are keys: cheap checks, no copies
            return text
        folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold())
        if any(map(unicodedata.combining, folded)):  # most text has no accents to drop
            folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
        text = "".join(unicodedata.normalize("NFKC", folded).split())
    return text


def is_key(text: str) -> bool:
    """Whether ``text`` is its own normal form (so normalising it changes nothing)."""
    return (
        text.casefold() == text
        and text.split() == [text]  # no white space anywhere, and not empty
        and unicodedata.is_normalized("NFKC", text)
        and unicodedata.is_normalized("NFKD", text)
        and not any(map(unicodedata.combining, text))
    )


def split_suffix(key: str, suffixes: tuple[str, ...]) -> tuple[str, str]:
    """Split a normalised key into (stem, suffix); the suffix is '' when none applies."""
    if not key.endswith(suffixes):  # one test for the usual case
        return key, ""
    grouped = _by_last_character(suffixes)
    for suffix in suffixes if grouped is None else grouped[key[-1]]:
        if key.endswith(suffix) and len(key) - len(suffix) >= _MIN_STEM:
            return key[: -len(suffix)], suffix
    return key, ""


@cache
def _by_last_character(suffixes: tuple[str, ...]) -> dict[str, tuple[str, ...]] | None:
    """The suffixes grouped by their last character, each group in the given order.

    Only a suffix that ends with a key's last character can end the key, so split_suffix tries
    those alone. None when a suffix is empty (it ends every key).
    """
    if "" in suffixes:
        return None
    grouped: dict[str, list[str]] = {}
    for suffix in suffixes:
        grouped.setdefault(suffix[-1], []).append(suffix)
    return {last: tuple(group) for last, group in grouped.items()}


class Index(Generic[T]):
    """Normalised names of records, built once; lookups by exact name, then by stem.

    A record's full name outranks another record's stem: with 一一区 and 一一区自治州 both
    listed, 一一区 finds the first. Read-only once built (read-only mappings of tuples, no
    attribute may be set), like the records it indexes.
    """

    __slots__ = ("_direct", "_exact", "_hits", "_kind", "_label", "_names", "_stems", "_suffixes")

    _kind: str
    _label: Callable[[T], str]
    _suffixes: tuple[str, ...]
    _exact: Mapping[str, tuple[T, ...]]
    _stems: Mapping[str, tuple[tuple[str, T], ...]]
    _hits: Mapping[str, tuple[T, ...]]
    _direct: Mapping[str, tuple[T, ...]]
    _names: Mapping[int, tuple[str, ...]]  # id(record) -> its names, in the order given

    def __init__(
        self,
        kind: str,
        entries: Iterable[tuple[Iterable[str], T]],
        label: Callable[[T], str],
        suffixes: tuple[str, ...],
    ) -> None:
        exact: dict[str, list[T]] = {}
        short: dict[str, list[T]] = {}
        stems: dict[str, list[tuple[str, T]]] = {}
        given: dict[str, str] = {}  # names as the data spells them (Suzhou), to their keys
        listed: dict[int, tuple[str, ...]] = {}
        for names, record in entries:
            names = tuple(names)
            listed[id(record)] = names
            for name in names:
                key = normalize(name)
                given[name] = key
                _add(exact, key, record)
                stem, suffix = split_suffix(key, suffixes)
                if suffix:
                    _add(stems, stem, (suffix, record))
                    _add(short, stem, record)
        # What find() returns for each key, ready-made (most queries are one): a full name
        # answers for itself; a stem answers only where no record has it as its full name.
        hits = {key: _unique(records) for key, records in short.items()}
        hits.update((key, _unique(records)) for key, records in exact.items())
        # A name typed as the data spells it is answered at once too: what its key answers.
        direct = {name: hits[key] for name, key in given.items() if name not in hits}
        direct.update(hits)
        built = {
            "_kind": kind,
            "_label": label,
            "_suffixes": suffixes,
            "_exact": MappingProxyType({k: tuple(v) for k, v in exact.items()}),
            "_stems": MappingProxyType({k: tuple(v) for k, v in stems.items()}),
            "_hits": MappingProxyType(hits),
            "_direct": MappingProxyType(direct),
            "_names": MappingProxyType(listed),
        }
        for name, value in built.items():
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"an index is read-only; cannot set {name!r}")

    def find(self, key: str | int) -> tuple[T, ...]:
        """Every record that ``key`` names: none, one, or several when it is ambiguous.

        ``key`` is a name or a code, as a string or an integer; anything else raises
        :class:`ValidationError` naming the argument.
        """
        if type(key) is not str:
            key = as_text(key)
        # A key found as given is a normalised name, or a name as the data spells it, whose
        # answer is its normal form's: skip normalising.
        ready = self._direct.get(key)
        if ready is not None:
            return ready
        query = normalize(key)
        ready = self._hits.get(query)
        if ready is not None:
            return ready
        stem, suffix = split_suffix(query, self._suffixes)
        if not suffix:
            return ()
        # A record that drops the same suffix is found above, by its full name. What is left:
        # 江苏省 finds 江苏 only if a record is named the stem bare; 朝阳区 does not find 朝阳市.
        named_bare = self._exact.get(stem, ())
        if not named_bare:  # the usual case
            return ()
        candidates = self._stems.get(stem, ())
        if not candidates:  # no record drops a suffix to this stem; one has it as its name
            return named_bare if len(named_bare) == 1 else _unique(named_bare)
        return _unique(r for r in named_bare if not any(r is c for _, c in candidates))

    def by_name(self, key: str | int) -> tuple[T, ...]:
        """The records that ``key`` names as it is (one of their names or codes, or the stem of
        one of their names), without :meth:`find`'s last resort of dropping the query's own
        suffix (巴州区 to 巴州)."""
        if type(key) is not str:
            key = as_text(key)
        ready = self._direct.get(key)
        return ready if ready is not None else self._hits.get(normalize(key), ())

    def get(self, key: str | int) -> T | None:
        """The one record that ``key`` names, or None when there is none or more than one."""
        hits = self.find(key)
        return hits[0] if len(hits) == 1 else None

    def lookup(self, key: str | int) -> T:
        """The one record that ``key`` names; raise NotFoundError, with suggestions, otherwise.

        The error's ``suggestions`` are keys that find one record each (so they can be passed
        back); its ``candidates`` are the records an ambiguous key names. The message names
        records by their labels.
        """
        hits = self.find(key)
        if len(hits) == 1:
            return hits[0]
        shown = key if isinstance(key, str) else str(key)
        if hits:
            labels = [self._label(hit) for hit in hits]
            message = f"{self._kind} {shown!r} is ambiguous: it names {', '.join(labels)}"
            raise NotFoundError(message, shown, [self.key_of(hit) for hit in hits], hits)
        raise self.miss(shown)

    def miss(self, shown: str) -> NotFoundError:
        """The error for a key that names no record, with the closest records' keys."""
        close = self.closest(shown)
        hint = f"; did you mean {', '.join(map(self._label, close))}?" if close else ""
        keys = [self.key_of(record) for record in close]
        return NotFoundError(f"no {self._kind} named {shown!r}{hint}", shown, keys)

    def key_of(self, record: T) -> str:
        """A key that finds ``record`` alone: the first of its names that does, else its label."""
        for name in self._names.get(id(record), ()):
            if len(hits := self.find(name)) == 1 and hits[0] is record:
                return name
        return self._label(record)

    def ready(self) -> tuple[dict[str, tuple[T, ...]], dict[str, tuple[T, ...]]]:
        """What :meth:`find` answers, made beforehand: for each normalised key (a name or a
        stem) its records, and for each stem that the stem rule answers (a key with a suffix
        that no record has as its name) what it answers. A key not in the first and whose
        stem is not in the second (with a suffix split off) names nothing."""
        bare = {}
        for stem in self._exact:
            named_bare = self._exact[stem]
            candidates = self._stems.get(stem, ())
            if not candidates:
                found = named_bare if len(named_bare) == 1 else _unique(named_bare)
            else:
                found = _unique(r for r in named_bare if not any(r is c for _, c in candidates))
            if found:
                bare[stem] = found
        return dict(self._hits), bare

    def closest(self, key: str, limit: int = 3) -> list[T]:
        """The records whose names are closest to ``key``, the closest first."""
        import difflib  # only a miss needs it

        close = difflib.get_close_matches(normalize(key), self._hits, n=limit * 2, cutoff=0.5)
        found: list[T] = []
        for name in close:
            for record in self._hits[name]:
                if not any(record is kept for kept in found):
                    found.append(record)
        return found[:limit]


def as_text(key: object) -> str:
    """A lookup's key as text: integers are codes (130682); any other type is refused."""
    if isinstance(key, int) and not isinstance(key, bool):
        return whole_text(key, "key")
    if isinstance(key, str):
        return key
    message = f"expected a name or a code (str or int), got {type(key).__name__}"
    raise ValidationError.single("key", message)


def _add(mapping: dict[str, list[T]], key: str, value: T) -> None:
    mapping.setdefault(key, []).append(value)


def _unique(records: Iterable[T]) -> tuple[T, ...]:
    seen: list[T] = []
    for record in records:
        if not any(record is kept for kept in seen):
            seen.append(record)
    return tuple(seen)
