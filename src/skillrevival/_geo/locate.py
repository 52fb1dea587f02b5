"""Reading places out of the text people's data holds: addresses, names run together, English.

A firm's registered address (江苏省苏州市吴中区木渎镇金枫路216号), a job posting's city
(北京朝阳), a court record's party (Harbin) name places as chains of names, largest first in
Chinese (省, 市, 区/县) and smallest first in English. :func:`locate` reads such a chain from
the start of the text and says which unit it names, in which year's list, and what it could not
settle. It never guesses:

- each name is a unit's official name (苏州市), its short name (苏州), or another name the
  geography lists for it (a traditional form 蘇州市; the roster's 巴州), and every name must lie
  inside the one before it: 海南同德县 is 同德县 of 青海's 海南州, not of the province 海南, and
  南京鼓楼区 is 南京's 鼓楼区, not 福州's;
- a short name followed by a street word (路, 街, 大道 ...: 重庆路, 中山北路) or by another
  administrative suffix (苏州区) is not the place; the chain stops before it;
- when the text reads several ways that end in different units (鼓楼区 alone; 朝阳), the answer
  is ambiguous with every candidate; when a later name contradicts an earlier one (江苏杭州),
  it is ambiguous between the two;
- a development zone or new area that no list holds as a unit (苏州工业园区, 雄安新区; 两江新区
  before 2025) gives the unit that holds it, from ``data/zones.json`` (cited there), and names
  the zone.

Readings are made per year: with a year, only the units of that year's list; without, every
year's, then the newest record of each unit (as :meth:`Geography.place` does).
"""

from __future__ import annotations

import enum
import json
import re
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

from .._errors import ValidationError
from .._reading import read_bundled
from .._text import shown
from .levels import is_code
from .lineage import prefecture_tier
from .names import (
    at_level,
    check_level,
    check_year,
    find_places,
    narrow,
    others_for,
    province_code,
)

if TYPE_CHECKING:
    from .geography import Geography
    from .names import PlaceNames
    from .records import Place

ZONES = "zones.json"
ZONES_FORMAT = 1
READER = "geography-reader.json"
READER_FORMAT = 1


class LocateStatus(enum.Enum):
    """What :meth:`Geography.locate` made of a text."""

    FOUND = "found"
    """The text names one unit: :attr:`Location.place`."""
    AMBIGUOUS = "ambiguous"
    """The text reads as several units, or its names contradict each other:
    :attr:`Location.candidates`."""
    UNKNOWN = "unknown"
    """The text begins with no name of a unit of that year's list."""


@attrs.frozen
class Location:
    """What a text names, tier by tier: the result of :meth:`Geography.locate`.

    The tiers are those of a panel: ``province`` the province-level unit; ``prefecture`` the
    prefecture-level unit, a municipality as a whole (北京), or a county-level unit that a
    province holds directly (济源, which is then its ``county`` too); ``county`` the county-level
    unit (district, county, county-level city, banner ...). A tier the text names or implies is
    given (吴中区 implies 苏州 and 江苏); an ambiguous text keeps the tiers its readings share.

    Examples:
        >>> import skillrevival
        >>> where = skillrevival.geography().locate("江苏省苏州市吴中区木渎镇金枫路216号", 2015)
        >>> where.status.value, where.place.code, where.prefecture.name, where.rest
        ('found', '320506', '苏州市', '木渎镇金枫路216号')
    """

    text: str
    """The text as given."""
    year: int | None
    """The year whose list it was read in (None: every year's, the newest record kept)."""
    status: LocateStatus
    """Found, ambiguous or unknown."""
    place: Place | None = None
    """The most specific unit the text names (for a zone, the unit that holds it), when found."""
    province: Place | None = None
    """The province-level unit named or implied."""
    prefecture: Place | None = None
    """The prefecture-tier unit named or implied (see the class)."""
    county: Place | None = None
    """The county-level unit named, if any."""
    candidates: tuple[Place, ...] = ()
    """The units an ambiguous text may name (both, when its names contradict each other)."""
    rest: str = ""
    """The text after the names read (street, number, building); all of it when unknown."""
    zone: str | None = None
    """The development zone or new area the text names (苏州工业园区), whose holder is
    :attr:`place`."""

    @property
    def found(self) -> bool:
        """Whether the text names one unit."""
        return self.status is LocateStatus.FOUND


# What may stand between names, or before the first: spaces and punctuation of both widths.
_SEPARATORS = frozenset(" \t\r\n\u3000,，、.。;；:：·・-—–_/|\\()（）[]【】<>《》\"'“”‘’#")
# What an address may begin with before its first name.
_PREFIXES = ("中华人民共和国", "中國", "中国", "地址", "住所地", "住所", "住址", "注册地址")
# Words of the lists that name no unit: 北京市市辖区朝阳区, 河南省省直辖县级行政区划济源市.
_FILLERS = ("自治区直辖县级行政区划", "省直辖县级行政区划", "市辖区")
_FILLER_FIRSTS = frozenset(filler[0] for filler in _FILLERS)
_SKIPPED = _SEPARATORS | _FILLER_FIRSTS  # where _skip may move
# Where _start may move: the first characters of what may come before the first name.
_BEFORE_FIRST = _SKIPPED | frozenset(prefix[0] for prefix in _PREFIXES)
# After a short name, these make it a street, a building or a landmark, not the place:
# 重庆路, 中山北路, 人民二路, 南京东路, 黄河道, 天津大厦. Single characters that begin town and
# district names (山, 河, 桥: 太原河西, 石家庄桥东) are not among them.
_STREET = re.compile(
    "(?:[东西南北中]?[一二三四五六七八九十0-9]{0,2}(?:大道|大街|路|街|巷|弄|胡同)"
    "|道|里|广场|花园|小区|新村|大厦|大楼|大学|学院|医院|公司|银行|饭店|酒店|宾馆|中学|小学|机场"
    "|火车站|公园|大桥)"
)
# After a short name, an administrative suffix that is not its own (苏州区, 铜仁地区 in a year
# of 铜仁市) makes it no reading unless a full name inside it follows: 济南市中区 is 济南's
# 市中区, but 济南市中山北路 is 济南市 and a street (市中 is no name there).
_SUFFIXES = frozenset(("地区", "自治", *"省市区县州旗盟"))
_SUFFIX_FIRSTS = frozenset(suffix[0] for suffix in _SUFFIXES)
# How autonomous units are written short: the short name with the kind's last character, or
# with the kind without the peoples' names (恩施州, 恩施自治州; 长阳县; 鄂温克旗).
_AUTONOMOUS = (
    ("自治州", ("州", "自治州")),
    ("自治县", ("县", "自治县")),
    ("自治旗", ("旗", "自治旗")),
)
# What follows a short name: nothing that matters, a street word, an administrative suffix that
# makes a full name with it (济南|市), one that makes none (山东|市: the next name's first
# character, 市中区).
FREE, STREET, SUFFIX, SUFFIX_OPEN = 0, 1, 2, 3
# English: pieces that name the country, and digits (a postcode) around a piece.
_COUNTRY = frozenset(
    {"china", "prchina", "p.r.china", "peoplesrepublicofchina", "thepeoplesrepublicofchina", "prc"}
)
_HAN = re.compile("[\u3400-\u9fff\uf900-\ufaff]")


@attrs.frozen
class _Zone:
    name: str
    code: str
    holder: str
    until: int | None
    source: str


def reader_table(geography: Geography) -> dict[str, Any]:
    """What the reader reads names with, as the build script writes it for the bundled data
    (``data/geography-reader.json``; any other geography makes it on its first address):

    - ``names``: each name, with the rows (positions in ``geography.records``) of the records
      it is the full name of and of those it is the short name of, as ``"1508,1616|"``: official
      names; short names of two characters or more; autonomous units' short forms (恩施州,
      恩施自治州 for 恩施土家族苗族自治州; 长阳县 for 长阳土家族自治县); the other names in Han
      characters, full or short by the name they are a form of;
    - ``heads``: for each pair of first characters, the lengths of the names that begin with
      it, longest first (every name has two characters at least).
    """
    full: dict[str, list[int]] = {}
    stems: dict[str, list[int]] = {}
    for row, place in enumerate(geography.records):
        full.setdefault(place.name, []).append(row)
        if place.short_name != place.name and len(place.short_name) >= 2:
            stems.setdefault(place.short_name, []).append(row)
            for suffix, short_forms in _AUTONOMOUS:
                if place.name.endswith(suffix):
                    for form in short_forms:
                        full.setdefault(place.short_name + form, []).append(row)
        for other in others_for(geography, place):
            if not _HAN.search(other) or other in (place.name, place.short_name):
                continue
            of = _form_of(geography, place, other)
            table = stems if of == place.short_name and of != place.name else full
            table.setdefault(other, []).append(row)
    names = {
        name: "|".join(",".join(map(str, dict.fromkeys(rows))) for rows in (pair))
        for name, pair in sorted(
            (name, (full.get(name, ()), stems.get(name, ()))) for name in {*full, *stems}
        )
    }
    heads: dict[str, set[int]] = {}
    for name in names:
        heads.setdefault(name[:2], set()).add(len(name))
    return {
        "names": names,
        "heads": {head: sorted(found, reverse=True) for head, found in sorted(heads.items())},
    }


def _bundled_table(records: int) -> dict[str, Any]:
    """:func:`reader_table` as the build script wrote it for the bundled data."""
    data = json.loads(read_bundled(READER))
    if data.get("format") != READER_FORMAT or data.get("records") != records:
        message = f"this version reads format {READER_FORMAT} for {records} records"
        raise ValidationError.single(f"skillrevival/data/{READER}", message)
    return {"names": data["names"], "heads": data["heads"]}


class Reader:
    """The tables :func:`locate` reads with, made from one geography on its first address: its
    names (for the bundled data, read from the table the build script made), each name's
    records made when the name is first met."""

    __slots__ = (
        "_geography",
        "_heads",
        "_holders",
        "_made",
        "_names",
        "_views",
        "_zones",
        "tiers",
        "views_by_argument",
    )

    def __init__(self, geography: Geography) -> None:
        if geography._ready is not None:  # the bundled geography: its tables made at build time
            table = _bundled_table(len(geography._rows))
        else:
            table = reader_table(geography)
        names: dict[str, str] = table["names"]  # see reader_table
        heads: dict[str, list[int]] = table["heads"]
        zones: dict[str, list[_Zone]] = {}
        for zone in _read_zones():
            zones.setdefault(zone.name, []).append(zone)
        # A zone's holders: every record of each holder's code.
        holders: dict[str, list[int]] = {}
        for name, found in zones.items():
            rows = (row for zone in found for row in geography._by_code.get(zone.holder, ()))
            holders[name] = list(dict.fromkeys(rows))
            names.setdefault(name, "|")
            lengths = heads.setdefault(name[:2], [])
            if len(name) not in lengths:
                lengths.append(len(name))
                lengths.sort(reverse=True)
        self._geography = geography
        self._names = names
        self._heads = heads
        self._holders = holders
        self._zones = {name: tuple(found) for name, found in zones.items()}
        self._made: dict[str, _Entry] = {}
        self._views: dict[tuple[int | None, str | None], _View] = {}
        # The views by the arguments given (an int year, a province as written), checked once.
        self.views_by_argument: dict[tuple[object, object], _View] = {}
        self.tiers: dict[tuple[int, int | None], tuple[Place, _Tiers]] = {}  # see _tiers

    def entry(self, name: str) -> _Entry:
        """The records of the name ``name`` (one of the reader's): see :data:`_Entry`."""
        made = self._made.get(name)
        if made is None:
            records_at = self._geography.records_at
            full, _, short = self._names[name].partition("|")
            holders = self._holders.get(name)
            made = self._made[name] = (
                records_at([int(row) for row in full.split(",")]) if full else None,
                records_at([int(row) for row in short.split(",")]) if short else None,
                records_at(holders) if holders else None,
            )
        return made

    def is_full(self, name: str) -> bool:
        """Whether ``name`` is the full name of a record (of any year)."""
        found = self._names.get(name)
        return found is not None and not found.startswith("|")

    def view(self, year: int | None, province: str | None) -> _View:
        """The names as ``year``'s list within ``province`` has them (checked arguments)."""
        key = (year, province)
        view = self._views.get(key)
        if view is None:
            view = self._views[key] = _View(self, year, province)
        return view

    def names_at(self, text: str, at: int) -> bool:
        """Whether a name of any year begins at ``at``."""
        lengths = self._heads.get(text[at : at + 2])
        return lengths is not None and any(text[at : at + n] in self._names for n in lengths)

    def zone_applies(self, name: str, place: Place, year: int | None) -> bool:
        """Whether the zone ``name`` is held by ``place`` in ``year``'s list (its years: to
        ``until``, or every year)."""
        for zone in self._zones.get(name, ()):
            if zone.holder != place.code:
                continue
            if zone.until is None:
                return True
            if year is not None:
                return year <= zone.until
            return place.start <= zone.until
        return False


# A name's records: full name, short name, zone holders (None for none), as in Reader._names.
_Entry = tuple["tuple[Place, ...] | None", "tuple[Place, ...] | None", "tuple[Place, ...] | None"]


class _View:
    """The reader's names as one year's list within one province has them: each name's records
    kept to those in force that year inside the province, worked out the first time the name
    is met (a name none of whose records is kept yields no token)."""

    __slots__ = ("_entries", "_heads", "_index", "_names", "_reader", "keep", "year")

    def __init__(self, reader: Reader, year: int | None, province: str | None) -> None:
        self._reader = reader
        self._names = reader._names
        self._heads = reader._heads
        self._entries: dict[str, _Entry] = {}
        # Per tuple of records of an entry (known by its id; the entry keeps it alive): see
        # _index.
        self._index: dict[int, _Index] = {}
        self.keep = _Keep(year, province)
        self.year = year

    def _entry(self, name: str) -> _Entry:
        keep = self.keep
        full, stems, holders = self._reader.entry(name)
        if keep.year is not None or keep.province is not None:
            full = _kept(full, keep)
            stems = _kept(stems, keep)
            holders = _kept(holders, keep)
        if holders is not None:
            zone_applies = self._reader.zone_applies
            holders = tuple(p for p in holders if zone_applies(name, p, keep.year)) or None
        entry = self._entries[name] = (full, stems, holders)
        return entry

    def within(
        self, held: tuple[Place, ...], chosen: tuple[Place, ...], zone: bool
    ) -> tuple[tuple[Place, ...], tuple[Place, ...]]:
        """The units of ``held`` that ``chosen`` (a name's records) names again, and the
        records of ``chosen`` inside a unit of ``held`` (for a zone, also those of ``held``)."""
        if len(held) == 1 and not zone:
            [one] = held
            index = self._index.get(id(chosen))
            if index is None:
                index = self._index[id(chosen)] = _index(chosen)
            again: tuple[Place, ...] = held if id(one) in index[2] else ()
            inside = index[1].get(one.code, ())
            if inside and self.year is None:  # records of several years: in a common one
                inside = tuple(p for p in inside if _inside(p, one))
            return again, inside
        again = tuple(h for h in held if any(h is p for p in chosen))
        inside = tuple(p for p in chosen if any(_inside(p, h) or (zone and p is h) for h in held))
        return again, inside

    def tokens(self, text: str, at: int) -> list[_Token]:
        """The names that begin at ``at`` with records this view keeps, longest first: (end,
        the records, the zone's name or None, and for a short name what follows it:
        :data:`FREE`, :data:`STREET`, :data:`SUFFIX` or :data:`SUFFIX_OPEN`; None for a full
        name or a zone)."""
        lengths = self._heads.get(text[at : at + 2])
        if lengths is None:
            return []
        found: list[_Token] = []
        size = len(text)
        entries = self._entries
        names = self._names
        for length in lengths:
            end = at + length
            if end > size:
                continue
            name = text[at:end]
            entry = entries.get(name)
            if entry is None:
                if name not in names:
                    continue
                entry = self._entry(name)
            full, stems, holders = entry
            if full is not None:
                found.append((end, full, None, None))
            if stems is not None:
                if text[end : end + 1] in _SUFFIX_FIRSTS and (
                    text[end] in _SUFFIXES or text[end : end + 2] in _SUFFIXES
                ):
                    # 济南 before 市: 济南市 is a name, so only a full name may follow the stem
                    # (济南市中区 is 济南's 市中区; 济南市中山北路 is 济南市 and a street).
                    # 山东 before 市: 山东市 is none, so the 市 begins the next name (市中).
                    suffix = text[end] if text[end] in _SUFFIXES else text[end : end + 2]
                    whole = name + suffix
                    after = SUFFIX if self._reader.is_full(whole) else SUFFIX_OPEN
                else:
                    after = STREET if _STREET.match(text, end) is not None else FREE
                found.append((end, stems, None, after))
            if holders is not None:
                found.append((end, holders, name, None))
        return found


# A name's records, by the code of each unit they lie in (parent and province), and the ids
# of the records themselves.
_Index = tuple["tuple[Place, ...]", "dict[str, tuple[Place, ...]]", "frozenset[int]"]


def _index(records: tuple[Place, ...]) -> _Index:
    by_holder: dict[str, list[Place]] = {}
    for place in records:
        if place.parent is None:
            continue
        by_holder.setdefault(place.parent, []).append(place)
        if place.province != place.parent:
            by_holder.setdefault(place.province, []).append(place)
    held = {code: tuple(found) for code, found in by_holder.items()}
    return records, held, frozenset(id(place) for place in records)


def _kept(records: tuple[Place, ...] | None, keep: _Keep) -> tuple[Place, ...] | None:
    """The records ``keep`` keeps (the very tuple when it keeps all), None for none."""
    if records is None:
        return None
    kept = tuple(filter(keep, records))
    if len(kept) == len(records):
        return records
    return kept or None


def _form_of(geography: Geography, place: Place, other: str) -> str | None:
    for name, of in geography.others_of.get(place.code, ()):
        if name == other:
            return of
    return None


def _read_zones() -> list[_Zone]:
    data = json.loads(read_bundled(ZONES))
    if data.get("format") != ZONES_FORMAT or data.get("fields") != [
        "name",
        "code",
        "holder",
        "until",
        "source",
    ]:
        message = f"this version reads format {ZONES_FORMAT} (name, code, holder, until, source)"
        raise ValidationError.single(f"skillrevival/data/{ZONES}", message)
    return [_Zone(*row) for row in data["zones"]]


def _skip(text: str, at: int) -> int:
    """``at`` moved past separators and the words that name no unit."""
    size = len(text)
    if at < size and text[at] not in _SEPARATORS and text[at] not in _FILLER_FIRSTS:
        return at  # the usual case: a name or the street begins here
    while at < size:
        if text[at] in _SEPARATORS:
            at += 1
            continue
        for filler in _FILLERS:
            if text.startswith(filler, at):
                at += len(filler)
                break
        else:
            return at
    return at


def _start(text: str) -> int:
    if text[:1] not in _BEFORE_FIRST:
        return 0  # the usual case: the text begins with its first name
    at = _skip(text, 0)
    moved = True
    while moved:
        moved = False
        for prefix in _PREFIXES:
            if text.startswith(prefix, at):
                at = _skip(text, at + len(prefix))
                moved = True
    return at


def _inside(inner: Place, outer: Place) -> bool:
    """Whether ``inner`` lies in ``outer`` (its parent or its province) in a common year."""
    if inner.parent is None or outer.code == inner.code:
        return False
    if outer.code != inner.parent and outer.code != inner.province:
        return False
    outer_end = 10_000 if outer.end is None else outer.end
    inner_end = 10_000 if inner.end is None else inner.end
    return outer.start <= inner_end and inner.start <= outer_end


_Token = tuple[int, tuple["Place", ...], "str | None", "int | None"]
_Reading = tuple[int, tuple["Place", ...], "str | None"]


def _readings(
    view: _View,
    text: str,
    at: int,
    held: tuple[Place, ...] | None,
    full_first: bool = False,
) -> list[_Reading]:
    """Every longest way to read names from ``at`` on, each inside the one before it (``held``:
    the units the name before may be; None for the first name; ``full_first``: the first name
    read must be a full one)."""
    best: list[_Reading] = []
    named_at = -1  # the end of a name read as a unit: a zone of that name (next in line) waits
    heads = view._heads
    for end, chosen, zone, street in view.tokens(text, at):
        if full_first and street is not None:
            continue
        after = _skip(text, end) if text[end : end + 1] in _SKIPPED else end
        if street and text[after : after + 2] not in heads:
            # A street (重庆路) or another unit's suffix (铜仁地区 once 铜仁市), unless a name
            # inside it follows (哈尔滨道里, 唐山路南; a full one after a suffix: 济南市中区).
            continue
        if held is not None:
            again, inside = view.within(held, chosen, zone is not None)
            if again and street is None and zone is None:  # 北京市北京市东城区
                further = (
                    _readings(view, text, after, again) if text[after : after + 2] in heads else []
                )
                best.extend(further or [(end, again, None)])
                named_at = end
                continue
            chosen = inside  # a zone may be held by the name before it: 苏州市苏州工业园区
            if not chosen:
                continue
        if zone is not None and end == named_at:
            continue
        if text[after : after + 2] in heads:
            further = _readings(view, text, after, chosen, street == SUFFIX)
        else:
            further = []
        if street and not further:
            continue  # a street or another unit's suffix, as above
        if zone is None:
            named_at = end
        if not further:
            best.append((end, chosen, zone))
        elif zone is None:
            best.extend(further)
        else:
            best.extend((e, places, z or zone) for e, places, z in further)
    if len(best) < 2:
        return best
    longest = max(end for end, _, _ in best)
    return [reading for reading in best if reading[0] == longest]


class _Keep:
    """Which records a reading may use: those of the year, within the province."""

    __slots__ = ("province", "year")

    def __init__(self, year: int | None, province: str | None) -> None:
        self.year = year
        self.province = province

    def __call__(self, place: Place) -> bool:
        if self.province is not None and place.province != self.province:
            return False
        return self.year is None or place.in_force(self.year)


def locate(
    geography: Geography,
    reader: Reader,
    text: object,
    year: object = None,
    province: object = None,
    level: object = None,
) -> Location:
    """See :meth:`Geography.locate`."""
    if not isinstance(text, str):
        message = (
            f"expected the text of an address or a name, got {type(text).__name__} {shown(text)}"
        )
        raise ValidationError.single("text", message)
    view = _view(geography, reader, year, province)
    checked = view.year
    tier_asked = None if level is None else check_level(level)
    if not _HAN.search(text):
        code = text.strip()
        if is_code(code, 6):  # a code of any year's list, as Geography.place reads it
            found = find_places(geography, None, code, checked, view.keep.province)
            found = at_level(geography, found, tier_asked)
            if len(found) == 1:
                return _found(reader, geography, text, checked, found[0], "", None)
            return Location(text, checked, LocateStatus.UNKNOWN, rest=text)
        return _locate_latin(geography, reader, view, text, tier_asked)
    at = _start(text)
    readings = _readings(view, text, at, None)
    if not readings:
        return Location(text, checked, LocateStatus.UNKNOWN, rest=text[at:])
    end = readings[0][0]
    if len(readings) == 1:
        finals = readings[0][1]
        zone = readings[0][2]
    else:
        finals = _distinct(p for _, places, _ in readings for p in places)
        zones = {zone for _, _, zone in readings}
        zone = zones.pop() if len(zones) == 1 else None
    rest_at = _skip(text, end)
    # With a year, every record read is in force in it already: narrowing keeps them all.
    chosen = finals if checked is not None else narrow(geography, finals, None, None)
    if tier_asked is not None:
        chosen = at_level(geography, chosen, tier_asked)
    # A name right after the chain that lies outside it contradicts it: 江苏杭州.
    if text[rest_at : rest_at + 2] in reader._heads:
        contradiction = _contradiction(view, geography, text, rest_at, chosen)
        if contradiction:
            candidates = _distinct((*chosen, *contradiction))
            return _ambiguous(reader, geography, text, checked, candidates, text[rest_at:])
    if len(chosen) == 1:
        return _found(reader, geography, text, checked, chosen[0], text[rest_at:], zone)
    return _ambiguous(reader, geography, text, checked, chosen, text[rest_at:])


def _view(geography: Geography, reader: Reader, year: object, province: object) -> _View:
    """The reader's view for the arguments as given, each kind of argument checked once."""
    key = (year, province)
    if (year is None or type(year) is int) and (province is None or type(province) is str):
        view = reader.views_by_argument.get(key)
        if view is None:
            view = reader.views_by_argument[key] = _checked_view(geography, reader, year, province)
        return view
    return _checked_view(geography, reader, year, province)


def _checked_view(geography: Geography, reader: Reader, year: object, province: object) -> _View:
    checked = check_year(geography, year)
    within = None if province is None else province_code(geography, province)
    return reader.view(checked, within)


def _distinct(places: Iterable[Place]) -> tuple[Place, ...]:
    """``places`` without repeats, in order (by identity: records are made once)."""
    return tuple({id(p): p for p in places}.values())


def _contradiction(
    view: _View,
    geography: Geography,
    text: str,
    at: int,
    chain: Iterable[Place],
) -> tuple[Place, ...]:
    """The units a name at ``at`` gives that lie outside every unit of ``chain`` and hold none
    of them: a full name (杭州市) anywhere, a short name (杭州) at the end of the text, before a
    separator or before a name of any year."""
    held = tuple(chain)
    for end, chosen, _, street in view.tokens(text, at):
        if street:
            continue
        stem = street is not None
        if any(p is h or _inside(p, h) or _inside(h, p) for p in chosen for h in held):
            continue
        if (
            not stem
            or end >= len(text)
            or text[end] in _SEPARATORS
            or view._reader.names_at(text, end)
        ):
            return narrow(geography, chosen, view.year, None)
    return ()


_Tiers = tuple["Place | None", "Place | None", "Place | None"]


def _tiers(reader: Reader, geography: Geography, place: Place, year: int | None) -> _Tiers:
    """:func:`_tiers_of`, remembered per record and year by the reader (known by the record's
    id, and checked to be that very record)."""
    cache = reader.tiers
    key = (id(place), year)
    entry = cache.get(key)
    if entry is None or entry[0] is not place:
        entry = cache[key] = (place, _tiers_of(geography, place, year))
    return entry[1]


def _tiers_of(
    geography: Geography, place: Place, year: int | None
) -> tuple[Place | None, Place | None, Place | None]:
    """The province, prefecture-tier and county-level units of ``place`` in ``year`` (None: the
    last year of the record)."""
    when = year if year is not None else (place.end if place.end is not None else geography.newest)
    province = place if place.parent is None else _record(geography, place.province, when)
    county = place if place.parent is not None and place.level.county_level else None
    if prefecture_tier(geography, place):
        prefecture: Place | None = place
    elif place.parent is None:
        prefecture = None
    else:
        prefecture = _record(geography, place.parent, when)
        if prefecture is not None and not prefecture_tier(geography, prefecture):
            prefecture = None
    return province, prefecture, county


def _record(geography: Geography, code: str, year: int) -> Place | None:
    found = geography.by_code(code, year)
    return found[0] if found else None


def _found(
    reader: Reader,
    geography: Geography,
    text: str,
    year: int | None,
    place: Place,
    rest: str,
    zone: str | None,
) -> Location:
    province, prefecture, county = _tiers(reader, geography, place, year)
    return Location(
        text, year, LocateStatus.FOUND, place, province, prefecture, county, (), rest, zone
    )


def _ambiguous(
    reader: Reader,
    geography: Geography,
    text: str,
    year: int | None,
    candidates: tuple[Place, ...],
    rest: str,
) -> Location:
    tiers = [_tiers(reader, geography, place, year) for place in candidates]
    shared = [tiers[0][i] if all(t[i] == tiers[0][i] for t in tiers) else None for i in range(3)]
    return Location(
        text,
        year,
        LocateStatus.AMBIGUOUS,
        None,
        shared[0],
        shared[1],
        shared[2],
        candidates,
        rest,
    )


def _locate_latin(
    geography: Geography, reader: Reader, view: _View, text: str, level: str | None
) -> Location:
    """An English text: pieces between commas, smallest first ("Haidian District, Beijing");
    within a piece, names in either order ("Shanghai Pudong", "Pudong Shanghai")."""
    names = geography.names()
    keep, year = view.keep, view.year
    pieces = [piece.strip() for piece in re.split("[,;，；]", text)]
    while pieces and _latin_key(pieces[-1]) in _COUNTRY | {""}:
        pieces.pop()
    held: tuple[Place, ...] | None = None
    used = 0
    for piece in reversed(pieces):
        found = _latin_piece(names, piece, keep, held)
        if found is None:
            break
        if not found:  # names, but outside what the text named before: it contradicts it
            if held is not None:
                other = _latin_names(names, piece, keep)
                if other:
                    both = _distinct((*narrow(geography, held, year, None), *other))
                    return _ambiguous(
                        reader, geography, text, year, both, ", ".join(pieces[:-used])
                    )
            break
        held = found
        used += 1
    rest = ", ".join(pieces[: len(pieces) - used])
    if held is None:
        return Location(text, year, LocateStatus.UNKNOWN, rest=text)
    chosen = at_level(geography, narrow(geography, held, year, None), level)
    if len(chosen) == 1:
        return _found(reader, geography, text, year, chosen[0], rest, None)
    return _ambiguous(reader, geography, text, year, chosen, rest)


# English words that make the name before them a street's: "Zhongshan Road", "Renmin Lu".
_LATIN_STREETS = frozenset(
    [
        "road",
        "rd",
        "street",
        "st",
        "avenue",
        "ave",
        "boulevard",
        "blvd",
        "lane",
        "alley",
        "hutong",
        "lu",
        "jie",
        "dadao",
        "xiang",
        "highway",
    ]
)


def _latin_piece(
    names: PlaceNames, piece: str, keep: _Keep, held: tuple[Place, ...] | None
) -> tuple[Place, ...] | None:
    """The records a piece names inside ``held``: None when it names nothing (a street), an
    empty tuple when it names places outside ``held`` only."""
    words = [w for w in piece.split() if not w.strip(".#-").isdigit()]
    runs = _latin_runs(names, words, keep)
    if not runs:
        return None
    for order in (runs, runs[::-1]):  # largest first (Shanghai Pudong) or smallest first
        current = held
        for records in order:
            inside = [p for p in records if current is None or any(_inside(p, h) for h in current)]
            if not inside:
                break
            current = tuple(inside)
        else:
            if current is not None:
                return current
    return ()


def _latin_runs(names: PlaceNames, words: list[str], keep: _Keep) -> list[tuple[Place, ...]]:
    """The piece's words cut into names, longest runs first; [] unless every word is in one
    (and no name is followed by a street word)."""
    runs: list[tuple[Place, ...]] = []
    at = 0
    while at < len(words):
        for size in range(min(4, len(words) - at), 0, -1):
            records = tuple(p for p in names.find(" ".join(words[at : at + size])) if keep(p))
            if records:
                break
        else:
            return []
        after = words[at + size] if at + size < len(words) else ""
        if _latin_key(after) in _LATIN_STREETS:
            return []
        runs.append(records)
        at += size
    return runs


def _latin_names(names: PlaceNames, piece: str, keep: _Keep) -> tuple[Place, ...]:
    runs = _latin_runs(names, piece.split(), keep)
    return runs[-1] if len(runs) == 1 else ()


def _latin_key(piece: str) -> str:
    folded = unicodedata.normalize("NFKC", piece).casefold()
    return "".join(ch for ch in folded if ch.isalnum() or ch == ".").replace("'", "")
