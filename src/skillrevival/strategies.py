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

try:
    from hypothesis import strategies as st
except ImportError as error:  # pragma: no cover - exercised in a subprocess test
    raise ImportError(
        "skillrevival.strategies needs hypothesis: pip install 'skillrevival[testing]'"
    ) from error

import pendulum

from ._lookup import CITY_SUFFIXES, PROVINCE_SUFFIXES, normalize, split_suffix
from ._model import (
    Attachment,
    Campaign,
    City,
    Notice,
    Phase,
    Province,
    Roster,
    Source,
    StatedDuration,
    Term,
)

__all__ = [
    "campaigns",
    "cities",
    "dates",
    "notices",
    "phase_sequences",
    "phases",
    "provinces",
    "rosters",
    "terms",
    "texts",
]

_HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
# Stems hold no suffix character, so that no name is another's stem (一一区 beside 一一区自治州).
_STEM = st.characters(
    min_codepoint=0x4E00,
    max_codepoint=0x9FA5,
    exclude_characters="".join(sorted(set("".join(CITY_SUFFIXES + PROVINCE_SUFFIXES)))),
)


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
        str.__add__, st.text(_STEM, min_size=2, max_size=5), st.sampled_from(("", *suffixes))
    )
    return st.lists(
        name,
        min_size=min_size,
        max_size=max_size,
        unique_by=lambda n: split_suffix(normalize(n), suffixes)[0],
    )


def cities(province: str = "江苏", max_size: int = 6) -> st.SearchStrategy[tuple[City, ...]]:
    """The cities of one province, numbered from 1."""
    return _names(CITY_SUFFIXES, 1, max_size).map(
        lambda names: tuple(City(seq=i, name=n, province=province) for i, n in enumerate(names, 1))
    )


def provinces(seq: int = 1) -> st.SearchStrategy[Province]:
    """A province row whose quota equals its number of cities."""

    def build(name: str) -> st.SearchStrategy[Province]:
        return cities(name).map(lambda cs: Province(seq=seq, name=name, quota=len(cs), cities=cs))

    return _names(PROVINCE_SUFFIXES, 1, 1).flatmap(lambda names: build(names[0]))


@st.composite
def rosters(draw: st.DrawFn, max_provinces: int = 6) -> Roster:
    """A roster: provinces numbered from 1, names unique, no city name used twice."""
    province_names = draw(_names(PROVINCE_SUFFIXES, 1, max_provinces))
    sizes = draw(
        st.lists(st.integers(1, 4), min_size=len(province_names), max_size=len(province_names))
    )
    city_names = iter(draw(_names(CITY_SUFFIXES, sum(sizes), sum(sizes))))
    rows = []
    for seq, (name, size) in enumerate(zip(province_names, sizes, strict=True), 1):
        members = tuple(
            City(seq=i, name=next(city_names), province=name) for i in range(1, size + 1)
        )
        rows.append(Province(seq=seq, name=name, quota=size, cities=members))
    return Roster(
        title=draw(terms()),
        clause=draw(texts()),
        provinces=tuple(rows),
        total_quota=sum(p.quota for p in rows),
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
        roster=draw(rosters()),
        anomalies=(),
        sources=(
            Source(id="notice", title=draw(texts()), publisher=draw(texts()), as_of=draw(texts())),
        ),
    )
