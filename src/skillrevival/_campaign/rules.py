"""Every problem in a document, each with its path.

Two layers, both run on every document:

* *shape*: the converter structures the data with detailed validation; each exception it
  collects becomes a :class:`Problem` at the path of the field, item or key it concerns;
* *rules*: checks that span several fields (a quota against its cities, phases in order, the
  plan deadline inside the campaign). They read the plain parsed data, not the structured
  object, so that they still run, and still report, where the shape is wrong somewhere else.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache
from typing import Any, TypeGuard

import attrs

from .._errors import DroppedError, Problem
from .._geo.levels import AdminLevel, is_code
from .._index import is_key, normalize
from .._text import check_text
from .dates import parse_iso_date
from .model import Campaign, City, Notice, Phase, PlanItem, Province, Roster

Rule = Callable[[object, str], Iterable[Problem]]


def problems_from_exception(error: BaseException, path: str = "") -> list[Problem]:
    """Flatten what cattrs raised into problems, one per leaf, each with its path.

    Built, as :func:`cattrs.transform_error` is, on cattrs' own walk of its exception groups
    (``group_exceptions()`` and the notes that carry each field's name or item's index); the
    function itself is not used, because it cannot give the same paths and words: checked with
    cattrs 26.2, it reports unknown keys once at their object (``extra fields found (extra,
    nmae) @ $``, not ``extra`` and ``nmae`` each at its own path with "did you mean 'name'?"),
    replaces our hooks' messages with its own (``invalid value for type, expected Date``), and
    would report the field a misspelt key was meant for as missing as well.
    """
    return list(iter_problems(error, path))


def iter_problems(error: BaseException, path: str = "") -> Iterator[Problem]:
    """:func:`problems_from_exception`, one problem at a time (a bad document may have
    millions: the loader keeps the first ones and counts the rest)."""
    # Deferred: cattrs is imported only once a document has problems.
    from cattrs.errors import (
        ClassValidationError,
        ForbiddenExtraKeysError,
        IterableValidationError,
    )

    if isinstance(error, DroppedError):
        return  # items past the loader's limit: counted as they were dropped
    if isinstance(error, ForbiddenExtraKeysError):
        fields = [field.name for field in attrs.fields(error.cl)] if attrs.has(error.cl) else []
        for key in sorted(error.extra_fields, key=_key_order):
            shown = key if isinstance(key, str) else str(key)
            yield Problem(_join(path, shown), "unknown field" + _did_you_mean(shown, fields))
        return
    if isinstance(error, ClassValidationError):
        with_notes, without = error.group_exceptions()
        # A misspelt key (qouta) is one mistake: "did you mean 'quota'?" says it, and the
        # field it was meant for is not also reported missing.
        meant = {
            _join(path, close)
            for e in without
            if isinstance(e, ForbiddenExtraKeysError) and attrs.has(e.cl)
            for key in e.extra_fields
            if isinstance(key, str)
            and (close := _closest_field(key, [f.name for f in attrs.fields(e.cl)]))
        }
        for e, field in with_notes:
            for p in iter_problems(e, _join(path, field.name)):
                if not (p.path in meant and p.message == _MISSING):
                    yield p
        for e in without:
            yield from iter_problems(e, path)
        return
    if isinstance(error, IterableValidationError):
        items, rest = error.group_exceptions()
        for e, item in items:
            yield from iter_problems(e, _item(path, item.index))
        for e in rest:
            yield from iter_problems(e, path)
        return
    if isinstance(error, KeyError):
        yield Problem(path, _MISSING)
    elif isinstance(error, RecursionError):
        yield Problem(path, "nested too deeply")
    else:
        yield Problem(path, str(error))


def count_problems(error: BaseException) -> int:
    """How many problems :func:`iter_problems` gives for ``error``, without making them (the
    loader's budget counts every failing item of an array)."""
    return _counter()(error)


@cache
def _counter() -> Callable[[BaseException], int]:
    # Deferred: cattrs is imported only once a document has problems; made once, not per call.
    from cattrs.errors import (
        ClassValidationError,
        ForbiddenExtraKeysError,
        IterableValidationError,
    )

    def count(error: BaseException) -> int:
        if isinstance(error, ClassValidationError):
            with_notes, without = error.group_exceptions()
            meant = {
                close
                for e in without
                if isinstance(e, ForbiddenExtraKeysError) and attrs.has(e.cl)
                for key in e.extra_fields
                if isinstance(key, str)
                and (close := _closest_field(key, [f.name for f in attrs.fields(e.cl)]))
            }
            total = 0
            for e, field in with_notes:
                if not (meant and field.name in meant and isinstance(e, KeyError)):
                    total += count(e)
            return total + sum(count(e) for e in without)
        if isinstance(error, IterableValidationError):
            items, rest = error.group_exceptions()
            return sum(count(e) for e, _ in items) + sum(count(e) for e in rest)
        if isinstance(error, ForbiddenExtraKeysError):
            return len(error.extra_fields)
        return 0 if isinstance(error, DroppedError) else 1

    return count


def _key_order(key: object) -> tuple[bool, str]:
    """Unknown keys in order: strings first, then any other key (parsed YAML's 2015) as text."""
    return (not isinstance(key, str), key if isinstance(key, str) else repr(key))


_MISSING = "required field is missing"


def _did_you_mean(key: str, fields: list[str]) -> str:
    """``; did you mean 'quota'?`` when a field's name is close to ``key`` (a typo), else ''."""
    close = _closest_field(key, fields)
    return f"; did you mean {close!r}?" if close else ""


def _closest_field(key: str, fields: list[str]) -> str | None:
    import difflib  # only a document with an unknown key needs it

    close = difflib.get_close_matches(key, fields, n=1, cutoff=0.75)
    return close[0] if close else None


def check_rules(data: object, cls: type, path: str = "", *, text: bool = True) -> list[Problem]:
    """Every cross-field rule for a document meant to become ``cls``.

    ``text=False`` leaves out the text rule, for a document that the fast pass has structured
    (it checks every string on the way) or that the converter structures (its hooks do).
    """
    return list(iter_rules(data, cls, path, text=text))


def iter_rules(data: object, cls: type, path: str = "", *, text: bool = True) -> Iterator[Problem]:
    """:func:`check_rules`, one problem at a time."""
    if text:
        yield from check_text(data, path)
    rule = _RULES.get(cls)
    if rule is not None:
        yield from rule(data, path)


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _item(path: str, index: object) -> str:
    """The path of an array item (``phases[2]``) or of a value in a mapping (``members.key``)."""
    return f"{path}[{index}]" if isinstance(index, int) else _join(path, str(index))


def _text(value: object) -> TypeGuard[str]:
    """Whether ``value`` is a string. The rules judge strings only where the model holds a
    string, so the converter never reports the same place for its type (it may for the text
    rule, which is reported beside the rules'): a count past the limit of problems is exact."""
    return isinstance(value, str)


def _field(data: object, name: str) -> object:
    """``data[name]`` where data is an object holding it, else None (the shape check reports)."""
    return data.get(name) if isinstance(data, dict) else None


def _items(data: object) -> list[Any]:
    return data if isinstance(data, list) else _NONE


_NONE: list[Any] = []  # shared, never changed: a roster of a million bad rows makes no copies


def _whole(value: object) -> int | None:
    return value if type(value) is int else None


def _date(value: object) -> Any:
    if not isinstance(value, str):
        return None
    try:
        return parse_iso_date(value)
    except ValueError:
        return None


def _check_numbered(items: list[Any], key: str, path: str, what: str) -> Iterator[Problem]:
    for position, item in enumerate(items, start=1):
        number = item.get(key) if isinstance(item, dict) else None
        if type(number) is int and number != position:
            yield _misnumbered(number, position, key, path, what)


def _misnumbered(number: int, position: int, key: str, path: str, what: str) -> Problem:
    where = f"{path}[{position - 1}].{key}"
    return Problem(where, f"{what} is numbered {number}, but it stands at position {position}")


def _check_duplicates(
    names: Sequence[object], where: Callable[[int], str], what: str
) -> Iterator[Problem]:
    """Names listed twice (once normalised); ``where(i)`` is the path of ``names[i]``.

    Paths are made only for the names that repeat: a roster may list many thousand cities.
    """
    if _all_distinct_keys(names):
        return
    first_at: dict[str, int] = {}
    for index, name in enumerate(names):
        if not isinstance(name, str) or not name.strip():
            continue
        key = normalize(name)
        if key in first_at:
            message = f"{what} {name!r} is already listed at {where(first_at[key])}"
            yield Problem(where(index), message)
        else:
            first_at[key] = index


def _paths(head: str, tail: str) -> Callable[[int], str]:
    """where(i) for a list of names: the path ``head[i]tail``."""
    return lambda index: f"{head}[{index}]{tail}"


def _city_paths(provinces_path: str, rows: list[list[Any]]) -> Callable[[int], str]:
    """Path of the n-th city of the roster, counting across its provinces."""
    starts = list(itertools.accumulate((len(row) for row in rows), initial=0))

    def where(index: int) -> str:
        row = bisect.bisect_right(starts, index) - 1
        return f"{provinces_path}[{row}].cities[{index - starts[row]}].name"

    return where


def _all_distinct_keys(names: Sequence[object]) -> bool:
    """True when every name is a string that normalising leaves alone, and none repeats.

    One check of all the names joined by NUL, which neither composes with its neighbours under
    NFKC nor is white space, so the joined text passes only if every name does.
    """
    if not all(type(name) is str for name in names) or len(set(names)) != len(names):
        return False
    joined = "\0".join(names)  # type: ignore[arg-type]  # all str, checked above
    return is_key(joined) if joined else True


def _check_city(data: object, path: str) -> Iterable[Problem]:
    # Runs once per city, so it returns a tuple rather than being a generator: at 100,000
    # cities the generator machinery alone cost more than structuring them.
    return _check_positive(data, "seq", path) + tuple(_check_city_codes(data, path))


def _check_positive(data: object, key: str, path: str) -> tuple[Problem, ...]:
    # A tuple, not a generator: it runs once per city.
    number = _whole(_field(data, key))
    if number is not None and number < 1:
        return (Problem(_join(path, key), f"must be 1 or more, got {number}"),)
    return ()


def _check_province(data: object, path: str) -> Iterator[Problem]:
    yield from _check_positive(data, "seq", path)
    cities_path = _join(path, "cities")
    cities = _items(_field(data, "cities"))
    quota = _whole(_field(data, "quota"))
    if quota is not None and quota < 0:
        yield Problem(_join(path, "quota"), f"must not be negative, got {quota}")
    elif quota is not None and isinstance(_field(data, "cities"), list) and quota != len(cities):
        message = f"quota is {quota}, but {len(cities)} cities are listed"
        yield Problem(_join(path, "quota"), message)
    name = _field(data, "name")
    named = name if isinstance(name, str) else None
    code = _field(data, "code")
    prefix = code if code is not None else _field(data, "within")
    prefix = prefix if is_code(prefix, 2) else None
    misnumbered: list[Problem] = []
    others: list[Problem] = []
    for position, city in enumerate(cities, start=1):  # one pass: a row may be long
        if _plain_city(city, position, named, prefix):
            continue  # nothing below would find a problem
        seq = city.get("seq") if isinstance(city, dict) else None
        held_by = city.get("province") if isinstance(city, dict) else None
        if type(seq) is int and seq != position:
            misnumbered.append(_misnumbered(seq, position, "seq", cities_path, "city"))
        where = f"{cities_path}[{position - 1}]"
        found = _check_city(city, where)
        if found:
            others.extend(found)
        others.extend(_check_city_in_province(city, where, data))
        if named is not None and _text(held_by) and held_by != named:
            message = f"names province {held_by!r}, but it is listed under {named!r}"
            others.append(Problem(_join(where, "province"), message))
    yield from misnumbered  # every numbering problem first, as for any numbered list
    yield from _check_province_code(data, path)
    yield from others


def _plain_city(city: object, seq: int, province: str | None, prefix: str | None) -> bool:
    """True for a city in which the rules of its province's row find nothing: the usual case.

    A quick test of the usual shape, so that a long row is not walked problem by problem: the
    city at position ``seq`` of the row of ``province``, whose code starts with ``prefix``
    (None: no check). False only means "look closer"; the detailed checks decide.
    """
    if type(city) is not dict or province is None or city.get("province") != province:
        return False
    number = city.get("seq")
    return type(number) is int and number == seq and _plain_codes(city, prefix)


def _plain_codes(city: dict[str, Any], prefix: str | None) -> bool:
    """True when :func:`_check_city_codes` finds nothing and the code starts with ``prefix``."""
    adcode, parent, level = city.get("adcode"), city.get("parent"), city.get("level")
    if type(adcode) is not str or not is_code(adcode, 6) or city.get("other_codes"):
        return False
    if prefix is not None and not adcode.startswith(prefix):
        return False
    if parent is None:
        return type(level) is str and level in _LEVELS and level not in _BELOW_PREFECTURE
    if type(parent) is not str or type(level) is not str or not is_code(parent, 6):
        return False
    if level not in _BELOW_PREFECTURE or parent == adcode or parent[:2] != adcode[:2]:
        return False
    tail = "0000" if level in _DISTRICT else "00"
    return parent.endswith(tail)


def _check_province_alone(data: object, path: str) -> Iterator[Problem]:
    """A province on its own: its rules, and no city listed twice in it."""
    yield from _check_province(data, path)
    cities = _items(_field(data, "cities"))
    names = [_field(c, "name") for c in cities]
    yield from _check_duplicates(names, _paths(_join(path, "cities"), ".name"), "city")
    yield from _check_codes_listed_once([cities], lambda _: _join(path, "cities"))
    yield from _check_keys(_city_keys([cities], _join(path, "cities"), alone=True), "city")


def _check_roster(data: object, path: str) -> Iterator[Problem]:
    provinces_path = _join(path, "provinces")
    provinces = _items(_field(data, "provinces"))
    yield from _check_numbered(provinces, "seq", provinces_path, "province")
    for index, province in enumerate(provinces):
        yield from _check_province(province, f"{provinces_path}[{index}]")
    names = [_field(p, "name") for p in provinces]
    yield from _check_duplicates(names, _paths(provinces_path, ".name"), "province")
    rows = [_items(_field(province, "cities")) for province in provinces]
    # No two cities share a key (so no name and no code is listed twice): the usual case,
    # decided in one pass; otherwise the walks below find every clash with its paths.
    clash_free = _clash_free(rows)
    if not clash_free:
        cities = [c.get("name") if isinstance(c, dict) else None for row in rows for c in row]
        yield from _check_duplicates(cities, _city_paths(provinces_path, rows), "city")
    yield from _check_unique_codes(provinces, provinces_path, cities=not clash_free)
    if not _provinces_clash_free(provinces):
        yield from _check_keys(_province_keys(provinces, provinces_path), "province")
    if not clash_free:
        yield from _check_keys(_city_keys(rows, provinces_path), "city")
    listed = isinstance(_field(data, "provinces"), list)
    if listed and not provinces:
        yield Problem(provinces_path, "a roster lists at least one province")
    total = _whole(_field(data, "total_quota"))
    quotas = [_whole(_field(p, "quota")) for p in provinces]
    if total is not None and listed and all(q is not None for q in quotas):
        counted = sum(q for q in quotas if q is not None)
        if total != counted:
            message = f"total_quota is {total}, but the provinces' quotas add up to {counted}"
            yield Problem(_join(path, "total_quota"), message)


def _check_phase(data: object, path: str) -> Iterator[Problem]:
    yield from _check_positive(data, "number", path)
    start, end = _date(_field(data, "start")), _date(_field(data, "end"))
    if start is not None and end is not None and end < start:
        yield Problem(_join(path, "end"), f"phase ends ({end}) before it starts ({start})")


_PLAN_PARTS = (("objectives", "objective"), ("main_tasks", "task"), ("safeguards", "safeguard"))


def _check_plan_item(data: object, path: str) -> Iterator[Problem]:
    yield from _check_positive(data, "number", path)


def _check_plan_items(data: object, path: str, what: str) -> Iterator[Problem]:
    """The plan's objectives, main tasks or safeguards: numbered 1..n in the notice's order."""
    items = _items(data)
    yield from _check_numbered(items, "number", path, what)
    for index, item in enumerate(items):
        yield from _check_plan_item(item, f"{path}[{index}]")


def _check_notice(data: object, path: str) -> Iterator[Problem]:
    issued, deadline = _date(_field(data, "issued_on")), _date(_field(data, "plan_deadline"))
    if issued is not None and deadline is not None and deadline < issued:
        message = f"plan deadline {deadline} is before the notice was issued ({issued})"
        yield Problem(_join(path, "plan_deadline"), message)
    attachments = _items(_field(data, "attachments"))
    yield from _check_numbered(attachments, "number", _join(path, "attachments"), "attachment")


def _check_campaign(data: object, path: str) -> Iterator[Problem]:
    yield from _check_positive(data, "batch", path)
    duration = _field(data, "stated_duration")
    yield from _check_positive(duration, "years", _join(path, "stated_duration"))
    yield from _check_notice(_field(data, "notice"), _join(path, "notice"))
    phases_path = _join(path, "phases")
    phases = _items(_field(data, "phases"))
    if isinstance(_field(data, "phases"), list) and not phases:
        yield Problem(phases_path, "a campaign needs at least one phase")
    yield from _check_numbered(phases, "number", phases_path, "phase")
    previous_end = None
    for index, phase in enumerate(phases):
        where = f"{phases_path}[{index}]"
        yield from _check_phase(phase, where)
        start = _date(_field(phase, "start"))
        if start is not None and previous_end is not None and start <= previous_end:
            message = f"phase starts ({start}) before the previous phase ends ({previous_end})"
            yield Problem(_join(where, "start"), message)
        previous_end = _date(_field(phase, "end")) or previous_end
    first = _date(_field(phases[0], "start")) if phases else None
    last = _date(_field(phases[-1], "end")) if phases else None
    deadline = _date(_field(_field(data, "notice"), "plan_deadline"))
    if first and last and deadline and not first <= deadline <= last:
        message = f"plan deadline {deadline} falls outside the campaign ({first} to {last})"
        yield Problem(_join(path, "notice.plan_deadline"), message)
    for key, what in _PLAN_PARTS:
        yield from _check_plan_items(_field(data, key), _join(path, key), what)
    yield from _check_roster(_field(data, "roster"), _join(path, "roster"))
    sources = _items(_field(data, "sources"))
    ids = [_field(s, "id") for s in sources]
    yield from _check_duplicates(ids, _paths(_join(path, "sources"), ".id"), "source")
    yield from _check_cited(data, {i for i in ids if isinstance(i, str)}, path)


def _check_cited(data: object, known: set[str], path: str) -> Iterator[Problem]:
    """Every ``source`` that a province, city or other code cites is one of the campaign's."""
    provinces_path = _join(path, "roster.provinces")

    def unknown(source: object) -> bool:
        return _text(source) and source not in known

    def problem(where: str, source: object) -> Problem:
        return Problem(where, f"cites source {source!r}, which the campaign does not list")

    for i, province in enumerate(_items(_field(_field(data, "roster"), "provinces"))):
        # A path is made only when its source is unknown: a roster may be long.
        if unknown(source := _field(province, "source")):
            yield problem(f"{provinces_path}[{i}].source", source)
        for j, city in enumerate(_items(_field(province, "cities"))):
            fields = city if isinstance(city, dict) else {}
            if unknown(source := fields.get("source")):
                yield problem(f"{provinces_path}[{i}].cities[{j}].source", source)
            for k, other in enumerate(_items(fields.get("other_codes"))):
                if unknown(source := _field(other, "source")):
                    where = f"{provinces_path}[{i}].cities[{j}].other_codes[{k}].source"
                    yield problem(where, source)


# Geography: codes are digit strings of the right length, a city's code starts with its province's
# (新疆兵团 has no code: its cities lie in the province named by ``within``), a parent is given for
# units below prefecture level only and lies in the same province, and no code is used twice.

# A level is written as its value or its Chinese term (地级市); anything else is the converter's
# to report, and no rule that depends on the level runs on it.
_LEVELS: dict[str, AdminLevel] = {
    **{level.zh: level for level in AdminLevel},
    **{level.value: level for level in AdminLevel},
}
_BELOW_PREFECTURE = frozenset(text for text, level in _LEVELS.items() if level.county_level)
_DISTRICT = frozenset(
    text for text, level in _LEVELS.items() if level is AdminLevel.MUNICIPAL_DISTRICT
)


def _check_province_code(data: object, path: str) -> Iterator[Problem]:
    code, within = _field(data, "code"), _field(data, "within")
    if _text(code) and not is_code(code, 2):
        yield Problem(_join(path, "code"), f"must be 2 digits or null, got {code!r}")
    if _text(within) and not is_code(within, 2):
        yield Problem(_join(path, "within"), f"must be 2 digits or null, got {within!r}")
    if isinstance(data, dict) and "code" in data and code is None and within is None:
        yield Problem(_join(path, "within"), "a region without a code must say where it lies")
    if code is not None and _text(within):  # a within that is not text: the converter's
        yield Problem(_join(path, "within"), "only a region without a code lies within another")


def _check_city_codes(data: object, path: str) -> Iterator[Problem]:
    # A value that is not a string (a code written as a number) is the converter's to report:
    # one problem per mistake. The rules below judge strings only.
    adcode, parent, level = _field(data, "adcode"), _field(data, "parent"), _field(data, "level")
    if _text(adcode) and not is_code(adcode, 6):
        yield Problem(_join(path, "adcode"), f"must be 6 digits, got {adcode!r}")
    if _text(parent) and not is_code(parent, 6):
        yield Problem(_join(path, "parent"), f"must be 6 digits or null, got {parent!r}")
    for index, other in enumerate(_items(_field(data, "other_codes"))):
        code = _field(other, "code")
        where = f"{_join(path, 'other_codes')}[{index}].code"
        if _text(code) and not is_code(code, 6):
            yield Problem(where, f"must be 6 digits, got {code!r}")
        elif _text(code) and code == adcode:
            yield Problem(where, f"repeats the city's own adcode {code}")
    if not isinstance(level, str) or level not in _LEVELS:
        return  # no level (or one the converter rejects): nothing to hold the parent to
    if parent is not None and not is_code(parent, 6):
        return  # a parent that is no code: reported above, or by the converter
    shown = _LEVELS[level].value
    if level in _BELOW_PREFECTURE and parent is None:
        yield Problem(_join(path, "parent"), f"a unit of level {shown!r} needs its parent's code")
    elif level not in _BELOW_PREFECTURE and parent is not None:
        message = f"a prefecture-level unit ({shown!r}) has no parent, got {parent!r}"
        yield Problem(_join(path, "parent"), message)
    elif is_code(parent, 6) and is_code(adcode, 6):
        if parent == adcode:
            yield Problem(_join(path, "parent"), "a unit cannot be its own parent")
        elif parent[:2] != adcode[:2] or not parent.endswith("00"):
            message = f"parent {parent} is not a prefecture or province holding {adcode}"
            yield Problem(_join(path, "parent"), message)
        elif level in _DISTRICT and not parent.endswith("0000"):
            message = f"a district of a municipality has the municipality as parent, not {parent}"
            yield Problem(_join(path, "parent"), message)


def _check_city_in_province(city: object, path: str, province: object) -> Iterator[Problem]:
    adcode = _field(city, "adcode")
    code = _field(province, "code")
    prefix = code if code is not None else _field(province, "within")
    if is_code(adcode, 6) and is_code(prefix, 2) and not adcode.startswith(prefix):
        message = f"code {adcode} does not lie in the province's code {prefix}"
        yield Problem(_join(path, "adcode"), message)


def _check_unique_codes(provinces: list[Any], path: str, *, cities: bool) -> Iterator[Problem]:
    """No province code listed twice; with ``cities``, no city code (own or other) either."""
    coded = [
        (i, _field(p, "code")) for i, p in enumerate(provinces) if _field(p, "code") is not None
    ]
    yield from _check_duplicates(
        [code for _, code in coded], lambda k: f"{path}[{coded[k][0]}].code", "province code"
    )
    if cities:
        rows = [_items(_field(p, "cities")) for p in provinces]
        yield from _check_codes_listed_once(rows, lambda i: f"{path}[{i}].cities")


def _check_codes_listed_once(
    rows: list[list[Any]], row_path: Callable[[int], str]
) -> Iterator[Problem]:
    """No city code, own or other, listed twice among the cities of the rows (the path of row
    ``i``'s cities is ``row_path(i)``, made only for a code that repeats).

    An other code that repeats its own city's adcode is left to the rule that says so.
    """
    # Where each code stands, as (row, city, other code or None): paths are made only for the
    # codes that repeat.
    places: list[tuple[int, int, int | None]] = []
    codes: list[object] = []
    for i, cities in enumerate(rows):
        for j, city in enumerate(cities):
            fields = city if isinstance(city, dict) else {}
            own = fields.get("adcode")
            places.append((i, j, None))
            codes.append(own)
            for k, other in enumerate(_items(fields.get("other_codes"))):
                code = _field(other, "code")
                if code is not None and code != own:
                    places.append((i, j, k))
                    codes.append(code)

    def where(index: int) -> str:
        i, j, k = places[index]
        tail = ".adcode" if k is None else f".other_codes[{k}].code"
        return f"{row_path(i)}[{j}]{tail}"

    yield from _check_duplicates(codes, where, "code")


# Lookups: every key a lookup answers to (a record's printed, official, English and other names,
# its codes) must name one record only; else roster.city(key) would say "ambiguous" about a
# roster that validated. Names against names and codes against codes are the duplicate checks'
# (their own messages); this check reports the clashes across fields (one city's official name
# that is another's printed name). Two records may share a short name (朝阳 of 朝阳区 and
# 朝阳市): a lookup by it says it is ambiguous and names both.

KeyEntry = tuple[int, str, str, str]  # record number, path of the value, kind of field, value


def _check_keys(entries: Iterable[KeyEntry], what: str) -> Iterator[Problem]:
    """One problem per pair of records that share a key (a row copied is one mistake)."""
    first: dict[str, KeyEntry] = {}
    paired: set[tuple[int, int]] = set()
    for entry in entries:
        record, where, kind, value = entry
        seen = first.setdefault(normalize(value), entry)
        pair = (seen[0], record)
        if seen[0] == record or pair in paired:
            continue  # the record's own key again, or a pair already reported
        paired.add(pair)
        if seen[2] == kind != "other":
            continue  # name against name, code against code: the duplicate checks report it
        message = (
            f"{value!r} also names the {what} at {seen[1]} ({seen[3]!r}): a lookup by it "
            "could not tell the two apart"
        )
        yield Problem(where, message)


def _clash_free(rows: list[list[Any]]) -> bool:
    """True when no two cities share a key: a quick test of the usual case.

    The keys of all cities are gathered field by field, folded together (one casefold of them
    all joined by NUL, white space dropped: what :func:`normalize` does to text of ASCII and
    Han characters; the few keys holding anything else are normalised one by one), and must
    stay distinct once each city's repeats (a name that is also its official name) are merged.
    False only means "look closer" (a clash, a blank key, a value of the wrong type).
    """
    cities = [city for row in rows for city in row]
    if any(type(city) is not dict for city in cities):
        return False
    count = len(cities)
    keys: list[Any] = []
    for field in ("name", "official_name", "name_en", "adcode"):
        keys += [city.get(field) for city in cities]
    owners = list(range(count)) * 4
    for number, city in enumerate(cities):
        names, codes = city.get("other_names"), city.get("other_codes")
        if not names and not codes:
            continue
        if (names and type(names) is not list) or (codes and type(codes) is not list):
            return False
        more = [*(names or ()), *(_field(code, "code") for code in codes or ())]
        keys += more
        owners += [number] * len(more)
    return _distinct(keys, owners)


def _provinces_clash_free(provinces: list[Any]) -> bool:
    """As :func:`_clash_free`, for the provinces (found by 32 and by 320000 too)."""
    if any(type(province) is not dict for province in provinces):
        return False
    keys: list[Any] = []
    owners: list[int] = []
    for number, province in enumerate(provinces):
        names = province.get("other_names") or []
        if type(names) is not list:
            return False
        more = [province.get("name"), province.get("official_name"), province.get("name_en")]
        if any(type(key) is not str for key in more):
            return False  # a key missing or of another type: look closer
        more += names
        code = province.get("code")
        if code is not None:
            more += [code, f"{code}0000"]
        keys += more
        owners += [number] * len(more)
    return _distinct(keys, owners)


def _distinct(keys: list[Any], owners: list[int]) -> bool:
    """Whether ``keys`` (of the records numbered ``owners``) are strings that, once normalised,
    no two records share."""
    if set(map(type, keys)) - {str}:
        return False
    joined = "\0".join(keys)
    folded = "".join(joined.casefold().split()).split("\0")
    if len(folded) != len(keys):
        return False  # a key holds NUL
    if _NOT_PLAIN.search(joined):
        ends = list(itertools.accumulate(len(key) + 1 for key in keys))
        for index in {bisect.bisect_right(ends, m.start()) for m in _NOT_PLAIN.finditer(joined)}:
            folded[index] = normalize(keys[index])
    distinct = set(folded)
    return "" not in distinct and len(distinct) == len(set(zip(folded, owners, strict=True)))


# Text of ASCII and Han characters (the CJK Unified Ideographs block) alone is normalised by
# folding case and dropping white space: NFKC and NFKD leave it, and it has no accents.
_NOT_PLAIN = re.compile("[^\x00-\x7f\u4e00-\u9fff]")


def _key_text(value: object) -> TypeGuard[str]:
    return isinstance(value, str) and bool(value.strip())


def _city_keys(
    rows: list[list[Any]], provinces_path: str, *, alone: bool = False
) -> Iterator[KeyEntry]:
    number = 0
    for i, row in enumerate(rows):
        for j, city in enumerate(row):
            number += 1
            if type(city) is not dict:
                continue
            where = f"{provinces_path}[{j}]" if alone else f"{provinces_path}[{i}].cities[{j}]"
            yield from _record_keys(number, where, city, "adcode")
            for k, other in enumerate(_items(city.get("other_codes"))):
                code = _field(other, "code")
                if _key_text(code):
                    yield number, f"{where}.other_codes[{k}].code", "code", code


def _province_keys(provinces: list[Any], path: str) -> Iterator[KeyEntry]:
    for i, province in enumerate(provinces):
        if type(province) is dict:
            yield from _record_keys(i, f"{path}[{i}]", province, "code")


def _record_keys(number: int, where: str, record: dict[str, Any], code: str) -> Iterator[KeyEntry]:
    for field, kind in (("name", "name"), ("official_name", "other"), ("name_en", "other")):
        value = record.get(field)
        if _key_text(value):
            yield number, f"{where}.{field}", kind, value
    for k, value in enumerate(_items(record.get("other_names"))):
        if _key_text(value):
            yield number, f"{where}.other_names[{k}]", "other", value
    value = record.get(code)
    if _key_text(value):
        yield number, f"{where}.{code}", "code", value
        if code == "code" and is_code(value, 2):  # a province is found by 32 and by 320000
            yield number, f"{where}.{code}", "code", value + "0000"


_RULES: dict[type, Rule] = {
    Campaign: _check_campaign,
    Notice: _check_notice,
    Phase: _check_phase,
    PlanItem: _check_plan_item,
    Roster: _check_roster,
    Province: _check_province_alone,
    City: _check_city,
}
