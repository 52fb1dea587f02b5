"""Hypothesis strategies for valid campaigns, rosters and their parts, for your own tests.

Needs the ``testing`` extra (``pip install skillrevival[testing]``), which brings hypothesis.
Every value drawn passes :func:`skillrevival.validate` once unstructured, and every city and
province in a drawn roster can be found by its name and by its stem (no two share one)::

    from hypothesis import given
    from skillrevival import strategies

    @given(strategies.rosters())
    def test_total(roster):
        assert roster.total_quota == len(roster.cities)
"""

from __future__ import annotations

import datetime as dt
from typing import TypeVar

try:
    from hypothesis import strategies as st
except ImportError as error:  # pragma: no cover - exercised in a subprocess test
    raise ImportError(
        "skillrevival.strategies needs hypothesis: pip install 'skillrevival[testing]'"
    ) from error

import attrs
import pendulum

from ._geography import AdminLevel
from ._lookup import (
    CITY_SUFFIXES,
    CITY_SUFFIXES_EN,
    PROVINCE_SUFFIXES,
    PROVINCE_SUFFIXES_EN,
    normalize,
    split_suffix,
)
from ._model import (
    Attachment,
    Campaign,
    City,
    Notice,
    Phase,
    PlanItem,
    Province,
    Roster,
    Source,
    StatedDuration,
    Term,
)
from ._vocabulary import Vocabulary

V = TypeVar("V", bound=Vocabulary)

__all__ = [
    "campaigns",
    "cities",
    "dates",
    "notices",
    "phase_sequences",
    "phases",
    "plan_items",
    "provinces",
    "rosters",
    "terms",
    "texts",
    "vocabulary",
]

_HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)


def texts(min_size: int = 1, max_size: int = 12) -> st.SearchStrategy[str]:
    """Non-blank text without surrounding white space, as every text field of the data requires."""
    return st.text(min_size=min_size, max_size=max_size).map(str.strip).filter(bool)


def terms() -> st.SearchStrategy[Term]:
    """Bilingual terms."""
    return st.builds(Term, zh=st.text(_HAN, min_size=1, max_size=8), en=texts())


def dates(
    min_value: dt.date = dt.date(1990, 1, 1), max_value: dt.date = dt.date(2040, 12, 31)
) -> st.SearchStrategy[pendulum.Date]:
    """Calendar dates as :class:`pendulum.Date`."""
    return st.dates(min_value, max_value).map(lambda d: pendulum.Date(d.year, d.month, d.day))


def _names(suffixes: tuple[str, ...], min_size: int, max_size: int) -> st.SearchStrategy[list[str]]:
    """Place names, unique by stem, so that each is found by its name and by its stem."""
    name = st.builds(
        str.__add__, st.text(_HAN, min_size=2, max_size=5), st.sampled_from(("", *suffixes))
    )
    return st.lists(
        name,
        min_size=min_size,
        max_size=max_size,
        unique_by=lambda n: split_suffix(normalize(n), suffixes)[0],
    ).filter(lambda names: _apart(names, suffixes))


def _apart(names: list[str], suffixes: tuple[str, ...]) -> bool:
    """No name's key or stem is another's (一一市 and 一一市自治州, whose stem is 一一市)."""
    keys = [{normalize(n), split_suffix(normalize(n), suffixes)[0]} for n in names]
    return all(not (a & b) for i, a in enumerate(keys) for b in keys[i + 1 :])


_LEVELS = (
    AdminLevel.PREFECTURE_CITY,
    AdminLevel.AUTONOMOUS_PREFECTURE,
    AdminLevel.MUNICIPAL_DISTRICT,
    AdminLevel.COUNTY_CITY,
)


def _english(count: int) -> st.SearchStrategy[list[str]]:
    """English names, unique once normalised, none ending in a generic word (City, District)."""
    name = st.text("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=3, max_size=10)
    generic = CITY_SUFFIXES_EN + PROVINCE_SUFFIXES_EN
    plain = name.filter(lambda n: not split_suffix(normalize(n), generic)[1])
    return st.lists(plain, min_size=count, max_size=count, unique_by=normalize)


def _city(seq: int, name: str, province: str, code: str, level: AdminLevel, en: str) -> City:
    """A city whose code, level and parent agree: the i-th unit of province ``code``."""
    if level is AdminLevel.MUNICIPAL_DISTRICT:
        adcode, parent = f"{code}01{seq:02d}", f"{code}0000"
    elif level is AdminLevel.COUNTY_CITY:
        adcode, parent = f"{code}90{seq:02d}", f"{code}0000"
    else:
        adcode, parent = f"{code}{seq:02d}00", None
    return City(seq, name, province, adcode, name, level, parent, en, "notice")


@st.composite
def _members(draw: st.DrawFn, names: list[str], province: str, code: str) -> tuple[City, ...]:
    levels = draw(st.lists(st.sampled_from(_LEVELS), min_size=len(names), max_size=len(names)))
    english = draw(_english(len(names)))
    rows = zip(names, levels, english, strict=True)
    return tuple(_city(i, n, province, code, lv, en) for i, (n, lv, en) in enumerate(rows, 1))


def cities(
    province: str = "江苏", max_size: int = 6, code: str = "32"
) -> st.SearchStrategy[tuple[City, ...]]:
    """The cities of one province (2-digit ``code``), numbered from 1, with consistent codes."""
    return _names(CITY_SUFFIXES, 1, max_size).flatmap(lambda ns: _members(ns, province, code))


def _province(seq: int, name: str, code: str, en: str, members: tuple[City, ...]) -> Province:
    return Province(seq, name, len(members), members, code, name, en, None, "notice")


def provinces(seq: int = 1) -> st.SearchStrategy[Province]:
    """A province row whose quota equals its number of cities."""

    def build(name: str, code: int, en: str) -> st.SearchStrategy[Province]:
        return cities(name, code=str(code)).map(lambda cs: _province(seq, name, str(code), en, cs))

    return st.tuples(_names(PROVINCE_SUFFIXES, 1, 1), st.integers(11, 99), _english(1)).flatmap(
        lambda drawn: build(drawn[0][0], drawn[1], "P" + drawn[2][0])
    )


@st.composite
def rosters(draw: st.DrawFn, max_provinces: int = 6) -> Roster:
    """A roster: provinces numbered from 1, names unique, no city name used twice."""
    province_names = draw(_names(PROVINCE_SUFFIXES, 1, max_provinces))
    sizes = draw(
        st.lists(st.integers(1, 4), min_size=len(province_names), max_size=len(province_names))
    )
    city_names = draw(_names(CITY_SUFFIXES, sum(sizes), sum(sizes)))
    count = len(province_names)
    codes = draw(st.lists(st.integers(11, 99), min_size=count, max_size=count, unique=True))
    english = draw(_english(count + sum(sizes)))
    rows = []
    for seq, (name, size, code) in enumerate(zip(province_names, sizes, codes, strict=True), 1):
        members = draw(_members(city_names[:size], name, str(code)))
        # English names unique across the roster: the drawn ones, in order.
        members = tuple(attrs.evolve(c, name_en=english.pop()) for c in members)
        city_names = city_names[size:]
        rows.append(_province(seq, name, str(code), english.pop(), members))
    return Roster(
        title=draw(terms()),
        clause=draw(texts()),
        provinces=tuple(rows),
        total_quota=sum(p.quota for p in rows),
        codes_as_of=draw(texts()),
    )


def phases(number: int = 1) -> st.SearchStrategy[Phase]:
    """One phase whose end is not before its start."""
    return st.tuples(dates(), st.integers(0, 800)).flatmap(
        lambda pair: st.builds(
            Phase,
            number=st.just(number),
            name=terms(),
            printed_period=texts(),
            start=st.just(pair[0]),
            end=st.just(pair[0].add(days=pair[1])),
            tasks=st.lists(terms(), max_size=3).map(tuple),
            clause=texts(),
        )
    )


@st.composite
def phase_sequences(draw: st.DrawFn, max_size: int = 4) -> tuple[Phase, ...]:
    """Phases numbered from 1, in order, none overlapping the next."""
    count = draw(st.integers(1, max_size))
    day = draw(dates(max_value=dt.date(2030, 1, 1)))
    result = []
    for number in range(1, count + 1):
        start = day.add(days=draw(st.integers(1, 60)))
        end = start.add(days=draw(st.integers(0, 400)))
        phase = draw(phases(number))
        result.append(
            Phase(
                phase.number,
                phase.name,
                phase.printed_period,
                start,
                end,
                phase.tasks,
                phase.clause,
            )
        )
        day = end
    return tuple(result)


def notices(within: tuple[pendulum.Date, pendulum.Date] | None = None) -> st.SearchStrategy[Notice]:
    """A notice; with ``within``, issued and with its plan deadline inside that span."""
    low, high = within if within else (pendulum.Date(1990, 1, 1), pendulum.Date(2040, 12, 31))
    span = (high - low).days
    return st.tuples(st.integers(0, span), st.integers(0, span)).flatmap(
        lambda offsets: st.builds(
            Notice,
            number=texts(),
            title=terms(),
            issuer=terms(),
            issued_on=st.just(low.add(days=min(offsets))),
            addressees=st.lists(terms(), max_size=2).map(tuple),
            attachments=st.lists(terms(), max_size=3).map(
                lambda ts: tuple(Attachment(number=i, title=t) for i, t in enumerate(ts, 1))
            ),
            plan_deadline=st.just(low.add(days=max(offsets))),
            plan_deadline_printed=texts(),
            plans_submitted_to=terms(),
        )
    )


def vocabulary(kind: type[V]) -> st.SearchStrategy[V]:
    """Members of one enumeration, such as ``vocabulary(TrainingTier)``."""
    return st.sampled_from(kind)


def plan_items(max_size: int = 4) -> st.SearchStrategy[tuple[PlanItem, ...]]:
    """Objectives, main tasks or safeguards: numbered from 1 in order."""
    return st.lists(st.tuples(texts(), terms()), max_size=max_size).map(
        lambda pairs: tuple(
            PlanItem(number=i, clause=clause, title=title)
            for i, (clause, title) in enumerate(pairs, 1)
        )
    )


@st.composite
def campaigns(draw: st.DrawFn) -> Campaign:
    """A whole campaign that passes every rule."""
    steps = draw(phase_sequences())
    return Campaign(
        batch=draw(st.integers(1, 10)),
        name=draw(terms()),
        notice=draw(notices(within=(steps[0].start, steps[-1].end))),
        stated_duration=StatedDuration(
            printed=draw(texts()),
            en=draw(texts()),
            years=draw(st.integers(1, 5)),
            clause=draw(texts()),
        ),
        phases=steps,
        objectives=draw(plan_items()),
        main_tasks=draw(plan_items()),
        safeguards=draw(plan_items()),
        roster=draw(rosters()),
        anomalies=(),
        sources=(
            Source(id="notice", title=draw(texts()), publisher=draw(texts()), as_of=draw(texts())),
        ),
    )
