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
import itertools
import operator
from functools import cache
from typing import Any, NamedTuple, TypeVar

try:
    from hypothesis import strategies as st
except ImportError as error:  # pragma: no cover - exercised in a subprocess test
    raise ImportError(
        "skillrevival.strategies needs hypothesis: pip install 'skillrevival[testing]'"
    ) from error

import attrs
import pendulum

from ._campaign.breakage import breakages
from ._campaign.model import (
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
from ._campaign.vocabulary import Vocabulary
from ._geo.levels import AdminLevel
from ._index import CITY_SUFFIXES, PROVINCE_SUFFIXES, normalize, split_suffix

V = TypeVar("V", bound=Vocabulary)

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
    "plan_items",
    "provinces",
    "rosters",
    "terms",
    "texts",
    "vocabulary",
]

_HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
_SUFFIX_CHARACTERS = frozenset("".join(CITY_SUFFIXES + PROVINCE_SUFFIXES))
# Stems hold no suffix character, so that no name is another's stem (一一区 beside 一一区自治州).
_STEM_ALPHABET = "".join(
    ch for ch in map(chr, range(0x4E00, 0x9FA6)) if ch not in _SUFFIX_CHARACTERS
)
_STEM = st.characters(
    min_codepoint=0x4E00,
    max_codepoint=0x9FA5,
    exclude_characters="".join(sorted(_SUFFIX_CHARACTERS)),
)
# Every value is made valid by construction, not drawn and filtered: filtered draws are wasted
# work, and hypothesis fails a test whose data is too often filtered away or too slow to make.
# Text fields: a first and last character that str.strip() keeps (no white space, no control
# character), anything in between.
_STEM_HEAD = st.text(_STEM, min_size=1, max_size=4)
_EDGE = st.characters(codec="utf-8", exclude_categories=("Z", "Cc"))
_ANY = st.characters(codec="utf-8")


@cache  # strategies are built once: composites draw from them many times per example
def texts(min_size: int = 1, max_size: int = 12) -> st.SearchStrategy[str]:
    """Non-blank text without surrounding white space, as every text field of the data requires.

    ``min_size`` is at least 1 (the data has no empty text) and ``max_size`` at least
    ``min_size``.
    """
    if not 1 <= min_size <= max_size:
        raise ValueError(f"need 1 <= min_size <= max_size, got {min_size} and {max_size}")
    single = [_EDGE] if min_size == 1 else []
    inner = st.text(_ANY, min_size=max(min_size - 2, 0), max_size=max_size - 2)
    framed = st.builds(_concatenate, _EDGE, inner, _EDGE)
    return st.one_of(*single, framed) if max_size >= 2 else _EDGE


@cache
def terms() -> st.SearchStrategy[Term]:
    """Bilingual terms."""
    return st.builds(Term, zh=st.text(_HAN, min_size=1, max_size=8), en=texts())


def dates(
    min_value: dt.date = dt.date(1990, 1, 1), max_value: dt.date = dt.date(2040, 12, 31)
) -> st.SearchStrategy[pendulum.Date]:
    """Calendar dates as :class:`pendulum.Date`."""
    return st.dates(min_value, max_value).map(_pendulum_date)


# Named functions, not lambdas, in strategies: older hypothesis versions read a lambda's source
# to describe it, on every draw, which made campaigns() several times slower.
def _concatenate(*parts: str) -> str:
    return "".join(parts)


def _pendulum_date(day: dt.date) -> pendulum.Date:
    return pendulum.Date(day.year, day.month, day.day)


@st.composite
def _names(draw: st.DrawFn, suffixes: tuple[str, ...], min_size: int, max_size: int) -> list[str]:
    """Place names, unique by stem, so that each is found by its name and by its stem.

    The i-th stem ends in its own character (the i-th of the stem alphabet, from a drawn
    offset), so no two stems are equal; stems hold no suffix character, so no name's key is
    another's stem. Unique by construction: nothing is drawn twice or filtered.
    """
    count = draw(st.integers(min_size, max_size))
    offset = draw(st.integers(0, len(_STEM_ALPHABET) - 1))
    heads = draw(st.lists(_STEM_HEAD, min_size=count, max_size=count))
    ends = draw(st.lists(st.sampled_from(("", *suffixes)), min_size=count, max_size=count))
    marks = (_STEM_ALPHABET[(offset + i) % len(_STEM_ALPHABET)] for i in range(count))
    return [head + mark + end for head, mark, end in zip(heads, marks, ends, strict=True)]


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

# English names end in two letters that number them (unique once case is folded) taken from
# letters that end no generic word (City, District, Province, New Area, Region: y t e a n), so
# no name is taken for another's stem.
_MARK_LETTERS = "bcdfghjklmopqrsuvwxz"
_ENGLISH_HEAD = st.text(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=8
)


@st.composite
def _english(draw: st.DrawFn, count: int) -> list[str]:
    """English names, unique once normalised, none ending in a generic word (City, District)."""
    offset = draw(st.integers(0, len(_MARK_LETTERS) ** 2 - 1))
    heads = draw(st.lists(_ENGLISH_HEAD, min_size=count, max_size=count))
    names = []
    for i, head in enumerate(heads):
        first, second = divmod((offset + i) % len(_MARK_LETTERS) ** 2, len(_MARK_LETTERS))
        names.append(head + _MARK_LETTERS[first] + _MARK_LETTERS[second])
    return names


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


@st.composite
def _cities(draw: st.DrawFn, province: str, max_size: int, code: str) -> tuple[City, ...]:
    return draw(_members(draw(_names(CITY_SUFFIXES, 1, max_size)), province, code))


def cities(
    province: str = "江苏", max_size: int = 6, code: str = "32"
) -> st.SearchStrategy[tuple[City, ...]]:
    """The cities of one province (2-digit ``code``), numbered from 1, with consistent codes."""
    return _cities(province, max_size, code)


def _province(seq: int, name: str, code: str, en: str, members: tuple[City, ...]) -> Province:
    return Province(seq, name, len(members), members, code, name, en, None, "notice")


@st.composite
def _provinces(draw: st.DrawFn, seq: int) -> Province:
    name = draw(_names(PROVINCE_SUFFIXES, 1, 1))[0]
    code = str(draw(st.integers(11, 99)))
    english = "P" + draw(_english(1))[0]
    return _province(seq, name, code, english, draw(cities(name, code=code)))


def provinces(seq: int = 1) -> st.SearchStrategy[Province]:
    """A province row whose quota equals its number of cities."""
    return _provinces(seq)


@st.composite
def rosters(draw: st.DrawFn, max_provinces: int = 6) -> Roster:
    """A roster: provinces numbered from 1, names unique, no city name used twice."""
    if not 1 <= max_provinces <= 88:
        raise ValueError(f"max_provinces must be 1 to 88 (2-digit codes), got {max_provinces}")
    province_names = draw(_names(PROVINCE_SUFFIXES, 1, max_provinces))
    sizes = draw(
        st.lists(st.integers(1, 4), min_size=len(province_names), max_size=len(province_names))
    )
    city_names = draw(_names(CITY_SUFFIXES, sum(sizes), sum(sizes)))
    count = len(province_names)
    # Distinct province codes without retries: increasing by drawn gaps, then shuffled.
    gaps = draw(st.lists(st.integers(1, 88 // max_provinces), min_size=count, max_size=count))
    codes = draw(st.permutations(list(itertools.accumulate(gaps, initial=10))[1:]))
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


def vocabulary(kind: type[V]) -> st.SearchStrategy[V]:
    """Members of one enumeration, such as ``vocabulary(TrainingTier)``."""
    return st.sampled_from(kind)


def plan_items(max_size: int = 4) -> st.SearchStrategy[tuple[PlanItem, ...]]:
    """Objectives, main tasks or safeguards: numbered from 1 in order."""
    return st.lists(st.tuples(texts(), terms()), max_size=max_size).map(_numbered_items)


def _numbered_items(pairs: list[tuple[str, Term]]) -> tuple[PlanItem, ...]:
    return tuple(
        PlanItem(number=i, clause=clause, title=title) for i, (clause, title) in enumerate(pairs, 1)
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
        City: cities().map(operator.itemgetter(0)),
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
    from ._campaign.converter import converter

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
