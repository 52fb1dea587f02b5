"""Hypothesis strategies for valid campaigns, rosters and their parts, for your own tests.

Needs the ``testing`` extra (``pip install skillrevival[testing]``), which brings hypothesis.
Every value drawn passes :func:`skillrevival.validate` once unstructured, and every city and
province in a drawn roster can be found by its name and by its stem (no two share one)::

    from hypothesis import given
    from skillrevival import strategies

    @given(strategies.rosters())
    def test_total(roster):
        assert roster.total_quota == len(roster.cities)

:func:`invalid_documents` draws documents that break exactly one rule, with the rule's name and
the path where a problem must be reported; :func:`json_values` draws any JSON value::

    @given(strategies.invalid_documents(skillrevival.Roster))
    def test_my_checker_rejects(bad):
        assert any(p.path.startswith(bad.path) for p in my_checker(bad.document))
"""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

try:
    from hypothesis import strategies as st
except ImportError as error:  # pragma: no cover - exercised in a subprocess test
    raise ImportError(
        "skillrevival.strategies needs hypothesis: pip install 'skillrevival[testing]'"
    ) from error

import pendulum

from ._breakage import breakages
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
    "InvalidDocument",
    "campaigns",
    "cities",
    "dates",
    "invalid_documents",
    "json_values",
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
        result.append(
            Phase(
                number=number,
                name=draw(terms()),
                printed_period=draw(texts()),
                start=start,
                end=end,
                tasks=tuple(draw(st.lists(terms(), max_size=3))),
                clause=draw(texts()),
            )
        )
        day = end
    return tuple(result)


@st.composite
def notices(draw: st.DrawFn, within: tuple[pendulum.Date, pendulum.Date] | None = None) -> Notice:
    """A notice; with ``within``, issued and with its plan deadline inside that span."""
    # A composite, not a flatmap: building strategies per draw made campaigns() slow.
    low, high = within if within else (pendulum.Date(1990, 1, 1), pendulum.Date(2040, 12, 31))
    span = (high - low).days
    offsets = sorted(draw(st.lists(st.integers(0, span), min_size=2, max_size=2)))
    titles = draw(st.lists(terms(), max_size=3))
    return Notice(
        number=draw(texts()),
        title=draw(terms()),
        issuer=draw(terms()),
        issued_on=low.add(days=offsets[0]),
        addressees=tuple(draw(st.lists(terms(), max_size=2))),
        attachments=tuple(Attachment(number=i, title=t) for i, t in enumerate(titles, 1)),
        plan_deadline=low.add(days=offsets[1]),
        plan_deadline_printed=draw(texts()),
        plans_submitted_to=draw(terms()),
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


class InvalidDocument(NamedTuple):
    """A document (parsed JSON) that breaks ``rule``; validation reports a problem at ``path``.

    ``path`` is written as :class:`skillrevival.Problem` paths are (``roster.provinces[3].quota``);
    the problem may also sit inside it (a ``wrong_type:object`` Term is reported at its fields).
    Rules: ``missing_field``, ``wrong_type:<kind>``, ``unknown_field``, ``blank_text``,
    ``whitespace_text``, ``padded_text``, ``malformed_date``, ``impossible_date``, ``misnumbered``,
    ``nonpositive_number``, ``negative_number``, ``enormous_number``, ``quota_disagrees``,
    ``total_disagrees``, ``duplicate_province``, ``duplicate_city``, ``city_in_wrong_province``,
    ``phase_ends_before_start``, ``phases_overlap``, ``no_phases``, ``deadline_before_issue``,
    ``deadline_outside_campaign``, ``duplicate_source``.
    """

    rule: str
    path: str
    document: Any


def _valid(cls: type) -> st.SearchStrategy[Any]:
    strategies: dict[type, st.SearchStrategy[Any]] = {
        Campaign: campaigns(),
        Roster: rosters(),
        Province: provinces(),
        City: cities().map(lambda cs: cs[0]),
        Phase: phases(),
        Notice: notices(),
        Term: terms(),
    }
    if cls not in strategies:
        names = ", ".join(sorted(kind.__name__ for kind in strategies))
        raise ValueError(f"no strategy for valid {cls.__name__} documents; try one of {names}")
    return strategies[cls]


def invalid_documents(
    cls: type = Campaign, *, base: Any = None, rules: tuple[str, ...] = ()
) -> st.SearchStrategy[InvalidDocument]:
    """Documents for ``cls`` that break one rule each, made by breaking a valid one.

    The valid document is ``base`` (parsed JSON, such as the bundled campaign unstructured) or,
    by default, one drawn from this module's strategy for ``cls``. ``rules`` keeps only the
    breakages whose rule starts with one of those names (``("wrong_type", "duplicate_city")``).
    """

    def pick(document: Any) -> st.SearchStrategy[InvalidDocument]:
        found = [b for b in breakages(document, cls) if not rules or b.rule.startswith(rules)]
        if not found:
            return st.nothing()
        return st.sampled_from(found).map(
            lambda b: InvalidDocument(b.rule, b.path, b.apply(document))
        )

    if base is not None:
        return pick(base)
    from ._converter import converter

    return _valid(cls).map(converter.unstructure).flatmap(pick)


def json_values(max_leaves: int = 30) -> st.SearchStrategy[Any]:
    """Any JSON value: null, booleans, numbers, strings, arrays and objects, nested."""
    scalars = (
        st.none()
        | st.booleans()
        | st.integers()
        | st.floats(allow_nan=False, allow_infinity=False)
        | st.text()
    )
    return st.recursive(
        scalars,
        lambda children: st.lists(children) | st.dictionaries(st.text(), children),
        max_leaves=max_leaves,
    )
