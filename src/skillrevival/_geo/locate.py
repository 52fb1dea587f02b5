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
from collections.abc import Iterable, Sequence
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
_SUFFIX = re.compile("地区|自治|[省市区县州旗盟]")
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


class Reader:
    """The tables :func:`locate` reads with, made from one geography on its first address."""

    __slots__ = ("_by_code", "_full", "_holders", "_lengths", "_stems", "_zones", "kept", "tiers")

    def __init__(self, geography: Geography) -> None:
        full: dict[str, list[Place]] = {}
        stems: dict[str, list[Place]] = {}
        by_code: dict[str, list[Place]] = {}
        for place in geography.records:
            by_code.setdefault(place.code, []).append(place)
            full.setdefault(place.name, []).append(place)
            if place.short_name != place.name and len(place.short_name) >= 2:
                stems.setdefault(place.short_name, []).append(place)
                # 恩施州, 恩施自治州 for 恩施土家族苗族自治州; 长阳县 for 长阳土家族自治县.
                for suffix, short_forms in _AUTONOMOUS:
                    if place.name.endswith(suffix):
                        for form in short_forms:
                            full.setdefault(place.short_name + form, []).append(place)
            for other in others_for(geography, place):
                if not _HAN.search(other) or other in (place.name, place.short_name):
                    continue
                of = _form_of(geography, place, other)
                table = stems if of == place.short_name and of != place.name else full
                table.setdefault(other, []).append(place)
        zones: dict[str, list[_Zone]] = {}
        for zone in _read_zones():
            zones.setdefault(zone.name, []).append(zone)
        lengths: dict[str, set[int]] = {}
        for name in (*full, *stems, *zones):
            lengths.setdefault(name[0], set()).add(len(name))
        self._by_code = {code: tuple(found) for code, found in by_code.items()}
        self.kept: dict[Any, tuple[tuple[Place, ...], tuple[Place, ...]]] = {}  # _Keep.kept
        self.tiers: dict[tuple[int, int | None], tuple[Place, _Tiers]] = {}  # see _tiers
        self._full = {name: tuple(found) for name, found in full.items()}
        self._stems = {name: tuple(found) for name, found in stems.items()}
        self._zones = {name: tuple(found) for name, found in zones.items()}
        # Made once, like every tuple of records the tables hold: the cache of what a year keeps
        # (:meth:`_Keep.kept`) knows a tuple by its id, which a tuple made per call would lend
        # to the next one made at the same address.
        self._holders = {
            name: tuple(p for zone in found for p in self._by_code.get(zone.holder, ()))
            for name, found in self._zones.items()
        }
        self._lengths = {first: sorted(found, reverse=True) for first, found in lengths.items()}

    def tokens(self, text: str, at: int) -> list[_Token]:
        """The names that begin at ``at``, longest first: (end, the records they name, the
        zone's name or None, and for a short name what follows it: :data:`FREE`,
        :data:`STREET` or :data:`SUFFIX`; None for a full name or a zone)."""
        found: list[_Token] = []
        lengths = self._lengths.get(text[at]) if at < len(text) else None
        if lengths is None:
            return found
        size = len(text)
        for length in lengths:
            end = at + length
            if end > size:
                continue
            name = text[at:end]
            records = self._full.get(name)
            if records is not None:
                found.append((end, records, None, None))
            stems = self._stems.get(name)
            if stems is not None:
                suffix = _SUFFIX.match(text, end)
                if suffix is not None:
                    # 济南 before 市: 济南市 is a name, so only a full name may follow the stem
                    # (济南市中区 is 济南's 市中区; 济南市中山北路 is 济南市 and a street).
                    # 山东 before 市: 山东市 is none, so the 市 begins the next name (市中).
                    whole = text[at : suffix.end()]
                    after = SUFFIX if whole in self._full else SUFFIX_OPEN
                else:
                    after = STREET if _STREET.match(text, end) is not None else FREE
                found.append((end, stems, None, after))
            holders = self._holders.get(name)
            if holders is not None:
                found.append((end, holders, name, None))
        return found

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
    reader: Reader,
    text: str,
    at: int,
    held: tuple[Place, ...] | None,
    keep: _Keep,
    full_first: bool = False,
) -> list[_Reading]:
    """Every longest way to read names from ``at`` on, each inside the one before it (``held``:
    the units the name before may be; None for the first name; ``full_first``: the first name
    read must be a full one)."""
    best: list[_Reading] = []
    named_here: set[int] = set()  # ends of names that a list holds: a zone of that name waits
    cache = reader.kept
    for end, records, zone, street in reader.tokens(text, at):
        if full_first and street is not None:
            continue
        chosen: Sequence[Place] = keep.kept(records, cache)
        if not chosen:
            continue
        if held is not None and street is None and zone is None:
            again = tuple(h for h in held if any(h is p for p in chosen))  # 北京市北京市东城区
            if again:
                further = _readings(reader, text, _skip(text, end), again, keep)
                best.extend(further or [(end, again, None)])
                named_here.add(end)
                continue
        if zone is not None:
            if end in named_here:
                continue
            chosen = [p for p in chosen if reader.zone_applies(zone, p, keep.year)]
        if held is not None:  # a zone may be held by the name before it: 苏州市苏州工业园区
            if len(held) == 1 and zone is None:
                [one] = held
                chosen = [p for p in chosen if _inside(p, one)]
            else:
                chosen = [
                    p for p in chosen if any(_inside(p, h) or (zone and p is h) for h in held)
                ]
        if not chosen:
            continue
        if zone is None:
            named_here.add(end)
        here = tuple(chosen)
        further = _readings(reader, text, _skip(text, end), here, keep, street == SUFFIX)
        if street and not further:
            # A street (重庆路) or another unit's suffix (铜仁地区 once 铜仁市), unless a name
            # inside it follows (哈尔滨道里, 唐山路南; a full one after a suffix: 济南市中区).
            continue
        if further:
            best.extend((e, places, z or zone) for e, places, z in further)
        else:
            best.append((end, here, zone))
    if not best:
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

    def kept(
        self,
        records: tuple[Place, ...],
        cache: dict[Any, tuple[tuple[Place, ...], tuple[Place, ...]]],
    ) -> tuple[Place, ...]:
        """The records this keeps, remembered per tuple of records: known by its id, and
        checked to be that very tuple (an id is lent again once its object is gone)."""
        year, province = self.year, self.province
        if year is None and province is None:
            return records
        key = (id(records), year, province)
        entry = cache.get(key)
        if entry is None or entry[0] is not records:
            entry = cache[key] = (records, tuple(filter(self, records)))
        return entry[1]


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
    checked = check_year(geography, year)
    within = None if province is None else province_code(geography, province)
    tier_asked = check_level(level)
    keep = _Keep(checked, within)
    code = text.strip()
    if is_code(code, 6):  # a code of any year's list, as Geography.place reads it
        found = at_level(geography, find_places(geography, None, code, checked, within), tier_asked)
        if len(found) == 1:
            return _found(geography, text, checked, found[0], "", None)
        return Location(text, checked, LocateStatus.UNKNOWN, rest=text)
    if not _HAN.search(text):
        return _locate_latin(geography, text, checked, within, tier_asked)
    at = _start(text)
    readings = _readings(reader, text, at, None, keep)
    if not readings:
        return Location(text, checked, LocateStatus.UNKNOWN, rest=text[at:])
    end = readings[0][0]
    finals = list(_distinct(p for _, places, _ in readings for p in places))
    zones = {zone for _, _, zone in readings}
    rest_at = _skip(text, end)
    chosen = narrow(geography, finals, checked, None)
    chosen = at_level(geography, chosen, tier_asked)
    # A name right after the chain that lies outside it contradicts it: 江苏杭州.
    contradiction = _contradiction(reader, geography, text, rest_at, chosen, keep)
    if contradiction:
        candidates = _distinct((*chosen, *contradiction))
        return _ambiguous(geography, text, checked, candidates, text[rest_at:])
    zone = zones.pop() if len(zones) == 1 else None
    if len(chosen) == 1:
        return _found(geography, text, checked, chosen[0], text[rest_at:], zone)
    return _ambiguous(geography, text, checked, chosen, text[rest_at:])


def _distinct(places: Iterable[Place]) -> tuple[Place, ...]:
    """``places`` without repeats, in order (by identity: records are made once)."""
    return tuple({id(p): p for p in places}.values())


def _contradiction(
    reader: Reader,
    geography: Geography,
    text: str,
    at: int,
    chain: Iterable[Place],
    keep: _Keep,
) -> tuple[Place, ...]:
    """The units a name at ``at`` gives that lie outside every unit of ``chain`` and hold none
    of them: a full name (杭州市) anywhere, a short name (杭州) at the end of the text, before a
    separator or before another name."""
    held = tuple(chain)
    for end, records, _, street in reader.tokens(text, at):
        if street:
            continue
        stem = street is not None
        chosen = keep.kept(records, reader.kept)  # the reader's own tuples, as in _readings
        if not chosen or any(
            p is h or _inside(p, h) or _inside(h, p) for p in chosen for h in held
        ):
            continue
        if not stem or end >= len(text) or text[end] in _SEPARATORS or reader.tokens(text, end):
            return narrow(geography, chosen, keep.year, None)
    return ()


_Tiers = tuple["Place | None", "Place | None", "Place | None"]


def _tiers(geography: Geography, place: Place, year: int | None) -> _Tiers:
    """:func:`_tiers_of`, remembered per record and year by the geography's reader (known by
    the record's id, and checked to be that very record)."""
    cache = geography._address_reader().tiers
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
    geography: Geography, text: str, year: int | None, place: Place, rest: str, zone: str | None
) -> Location:
    province, prefecture, county = _tiers(geography, place, year)
    return Location(
        text, year, LocateStatus.FOUND, place, province, prefecture, county, (), rest, zone
    )


def _ambiguous(
    geography: Geography, text: str, year: int | None, candidates: tuple[Place, ...], rest: str
) -> Location:
    tiers = [_tiers(geography, place, year) for place in candidates]
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
    geography: Geography, text: str, year: int | None, province: str | None, level: str | None
) -> Location:
    """An English text: pieces between commas, smallest first ("Haidian District, Beijing");
    within a piece, names in either order ("Shanghai Pudong", "Pudong Shanghai")."""
    names = geography.names()
    keep = _Keep(year, province)
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
                    return _ambiguous(geography, text, year, both, ", ".join(pieces[:-used]))
            break
        held = found
        used += 1
    rest = ", ".join(pieces[: len(pieces) - used])
    if held is None:
        return Location(text, year, LocateStatus.UNKNOWN, rest=text)
    chosen = at_level(geography, narrow(geography, held, year, None), level)
    if len(chosen) == 1:
        return _found(geography, text, year, chosen[0], rest, None)
    return _ambiguous(geography, text, year, chosen, rest)


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
