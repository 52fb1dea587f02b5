"""Every problem in a document, each with its path.

Two layers, both run on every document:

* *shape*: the converter structures the data with detailed validation; each exception it
  collects becomes a :class:`Problem` at the path of the field, item or key it concerns;
* *rules*: checks that span several fields (a quota against its cities, phases in order, the
  plan deadline inside the campaign). They read the plain parsed data, not the structured
  object, so that they still run, and still report, where the shape is wrong somewhere else.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError

from ._dates import parse_iso_date
from ._errors import Problem
from ._lookup import normalize
from ._model import Campaign, City, Notice, Phase, Province, Roster

Rule = Callable[[object, str], Iterator[Problem]]


def problems_from_exception(error: BaseException, path: str = "") -> list[Problem]:
    """Flatten what cattrs raised into problems, one per leaf, each with its path."""
    if isinstance(error, ForbiddenExtraKeysError):
        return [Problem(_join(path, key), "unknown field") for key in sorted(error.extra_fields)]
    if isinstance(error, ClassValidationError):
        with_notes, without = error.group_exceptions()
        found = [p for e, n in with_notes for p in problems_from_exception(e, _join(path, n.name))]
        return found + [p for e in without for p in problems_from_exception(e, path)]
    if isinstance(error, IterableValidationError):
        items, without = error.group_exceptions()
        found = [p for e, n in items for p in problems_from_exception(e, f"{path}[{n.index}]")]
        return found + [p for e in without for p in problems_from_exception(e, path)]
    if isinstance(error, KeyError):
        return [Problem(path, "required field is missing")]
    if isinstance(error, RecursionError):
        return [Problem(path, "nested too deeply")]
    return [Problem(path, str(error))]


def check_rules(data: object, cls: type, path: str = "") -> list[Problem]:
    """Every cross-field rule for a document meant to become ``cls``."""
    problems = list(_check_text(data, path))
    rule = _RULES.get(cls)
    if rule is not None:
        problems.extend(rule(data, path))
    return problems


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _field(data: object, name: str) -> object:
    """``data[name]`` where data is an object holding it, else None (the shape check reports)."""
    return data.get(name) if isinstance(data, dict) else None


def _items(data: object) -> list[Any]:
    return data if isinstance(data, list) else []


def _whole(value: object) -> int | None:
    return value if type(value) is int else None


def _date(value: object) -> Any:
    if not isinstance(value, str):
        return None
    try:
        return parse_iso_date(value)
    except ValueError:
        return None


def _check_text(data: object, path: str) -> Iterator[Problem]:
    """No string in a document may be empty, blank, or padded with white space."""
    stack: list[tuple[object, str]] = [(data, path)]
    while stack:
        value, where = stack.pop()
        if isinstance(value, str):
            if not value.isascii() and _has_surrogate(value):
                yield Problem(where, "holds a lone surrogate (an escape such as \\ud800), not text")
            elif not value.strip():
                yield Problem(where, "must not be empty or blank")
            elif value != value.strip():
                yield Problem(where, f"has white space at its start or end: {value!r}")
        elif isinstance(value, dict):
            stack.extend((item, _join(where, str(key))) for key, item in value.items())
        elif isinstance(value, list):
            stack.extend((item, f"{where}[{i}]") for i, item in enumerate(value))


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _check_numbered(items: list[Any], key: str, path: str, what: str) -> Iterator[Problem]:
    for position, item in enumerate(items, start=1):
        number = _whole(_field(item, key))
        if number is not None and number != position:
            where = f"{path}[{position - 1}].{key}"
            yield Problem(
                where, f"{what} is numbered {number}, but it stands at position {position}"
            )


def _check_duplicates(names: list[tuple[str, object]], what: str) -> Iterator[Problem]:
    first_at: dict[str, str] = {}
    for where, name in names:
        if not isinstance(name, str) or not name.strip():
            continue
        key = normalize(name)
        if key in first_at:
            yield Problem(where, f"{what} {name!r} is already listed at {first_at[key]}")
        else:
            first_at[key] = where


def _check_city(data: object, path: str) -> Iterator[Problem]:
    yield from _check_positive(data, "seq", path)


def _check_positive(data: object, key: str, path: str) -> Iterator[Problem]:
    number = _whole(_field(data, key))
    if number is not None and number < 1:
        yield Problem(_join(path, key), f"must be 1 or more, got {number}")


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
    yield from _check_numbered(cities, "seq", cities_path, "city")
    name = _field(data, "name")
    for index, city in enumerate(cities):
        where = f"{cities_path}[{index}]"
        yield from _check_city(city, where)
        held_by = _field(city, "province")
        if isinstance(name, str) and isinstance(held_by, str) and held_by != name:
            message = f"names province {held_by!r}, but it is listed under {name!r}"
            yield Problem(_join(where, "province"), message)


def _check_province_alone(data: object, path: str) -> Iterator[Problem]:
    """A province on its own: its rules, and no city listed twice in it."""
    yield from _check_province(data, path)
    cities = _items(_field(data, "cities"))
    names = [
        (f"{_join(path, 'cities')}[{i}].name", _field(c, "name")) for i, c in enumerate(cities)
    ]
    yield from _check_duplicates(names, "city")


def _check_roster(data: object, path: str) -> Iterator[Problem]:
    provinces_path = _join(path, "provinces")
    provinces = _items(_field(data, "provinces"))
    yield from _check_numbered(provinces, "seq", provinces_path, "province")
    for index, province in enumerate(provinces):
        yield from _check_province(province, f"{provinces_path}[{index}]")
    names = [(f"{provinces_path}[{i}].name", _field(p, "name")) for i, p in enumerate(provinces)]
    yield from _check_duplicates(names, "province")
    cities = [
        (f"{provinces_path}[{i}].cities[{j}].name", _field(city, "name"))
        for i, province in enumerate(provinces)
        for j, city in enumerate(_items(_field(province, "cities")))
    ]
    yield from _check_duplicates(cities, "city")
    total = _whole(_field(data, "total_quota"))
    quotas = [_whole(_field(p, "quota")) for p in provinces]
    if total is not None and quotas and all(q is not None for q in quotas):
        counted = sum(q for q in quotas if q is not None)
        if total != counted:
            message = f"total_quota is {total}, but the provinces' quotas add up to {counted}"
            yield Problem(_join(path, "total_quota"), message)


def _check_phase(data: object, path: str) -> Iterator[Problem]:
    yield from _check_positive(data, "number", path)
    start, end = _date(_field(data, "start")), _date(_field(data, "end"))
    if start is not None and end is not None and end < start:
        yield Problem(_join(path, "end"), f"phase ends ({end}) before it starts ({start})")


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
    yield from _check_roster(_field(data, "roster"), _join(path, "roster"))
    sources = _items(_field(data, "sources"))
    ids = [(f"{_join(path, 'sources')}[{i}].id", _field(s, "id")) for i, s in enumerate(sources)]
    yield from _check_duplicates(ids, "source")


_RULES: dict[type, Rule] = {
    Campaign: _check_campaign,
    Notice: _check_notice,
    Phase: _check_phase,
    Roster: _check_roster,
    Province: _check_province_alone,
    City: _check_city,
}
