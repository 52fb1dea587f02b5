"""The roster and a treatment panel as pandas DataFrames (optional extra ``skillrevival[pandas]``).

Column names are a stable contract, shared with the command line's ``export`` and the labels of
the files (one registry of columns, ``skillrevival._campaign.tables``): snake_case, the code
column is ``adcode``, the province frame has ``quota``. ``province`` and ``level`` are pandas
Categoricals, ``province`` ordered as the notice orders its rows, so sorting by it gives 附件2's
order.

:func:`treatment_panel` builds the unit-by-year frame that evaluation studies of the campaign
start from; its definitions are stated in its docstring and in the docs' how-to page.
:func:`flag` flags a column of other people's place names or codes, once per distinct value.
:func:`write` puts any of these frames in a file for Stata, Excel, Parquet or plain text.

One missing value everywhere: text columns are pandas' ``string`` dtype and whole-number columns
that can be missing are ``Int64``, so a missing value is always ``pd.NA`` (``pd.isna`` finds it;
:func:`flag`'s Categoricals hold it as a missing category code, which ``pd.isna`` finds too);
the files write it the way each format does (see :func:`write`).
"""

from __future__ import annotations

import numbers
import os
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import Executor
from typing import TYPE_CHECKING, Any, Literal, TextIO, TypeGuard

import attrs

try:
    import numpy as np
    import pandas as pd
except ImportError:  # pragma: no cover - tested in a subprocess that hides pandas
    raise ImportError(
        "skillrevival.frames needs pandas: install it with pip install 'skillrevival[pandas]'"
    ) from None

from . import _files
from ._campaign.join import Level as Tier
from ._campaign.join import check_level
from ._campaign.loader import campaign
from ._campaign.tables import CITIES, FLAGS, PANEL, PROVINCES, Table, city_rows, province_rows
from ._errors import Problem, ValidationError
from ._geo.geography import Geography, geography
from ._geo.levels import AdminLevel, is_code
from ._geo.lineage import Units, prefecture_tier
from ._geo.names import check_year, year_in
from ._geo.records import Place
from ._text import shown

if TYPE_CHECKING:
    from ._campaign.join import RosterLinks
    from ._campaign.model import Campaign, City

__all__ = ["FLAG_COLUMNS", "FORMATS", "cities", "flag", "provinces", "treatment_panel", "write"]

FORMATS = _files.FORMATS
"""The file formats that :func:`write` and the command line know (csv ... parquet)."""

Level = Literal["unit", "prefecture", "county"]


def cities() -> pd.DataFrame:
    """One row per implementing unit (100), in the notice's order.

    Columns, in order: ``province_seq``, ``province``, ``seq``, ``name`` (as printed, 鹰谭市),
    ``official_name`` (鹰潭市), ``name_en``, ``adcode`` (6-digit GB/T 2260 code as of the
    notice), ``level`` (an :class:`~skillrevival.AdminLevel` value), ``parent`` (the code of
    the unit that holds it, None for prefecture-level units), ``prefecture_code`` (what it rolls
    up into, :attr:`~skillrevival.City.prefecture_code`), ``province_code`` (2 digits, None for
    新疆兵团), ``province_official_name``, ``province_name_en``, ``source``.
    ``province`` and ``level`` are Categoricals; codes are strings, so leading digits survive.
    """
    c = campaign()
    frame = pd.DataFrame(list(city_rows(c)), columns=list(CITIES.names))
    frame["province"] = _province_categorical(c, frame["province"])
    frame["level"] = pd.Categorical(
        frame["level"], categories=[level.value for level in AdminLevel], ordered=False
    )
    return _finish(frame, CITIES, c)


def provinces() -> pd.DataFrame:
    """One row per row of 附件2 (32: 31 provinces and 新疆兵团), in the notice's order.

    Columns, in order: ``seq``, ``name`` (as printed, padding removed: 内蒙古), ``official_name``
    (内蒙古自治区), ``name_en``, ``code`` (2 digits), ``adcode`` (6 digits), ``within`` (for
    新疆兵团, which has no code: 65, the province its units lie in), ``quota`` (数量), ``source``.
    ``name`` is an ordered Categorical in the notice's order, with the same categories as the
    ``province`` column of :func:`cities`, so the two frames join on it.
    """
    c = campaign()
    frame = pd.DataFrame(list(province_rows(c)), columns=list(PROVINCES.names))
    frame["name"] = _province_categorical(c, frame["name"])
    return _finish(frame, PROVINCES, c)


def write(
    tables: pd.DataFrame | Mapping[str, pd.DataFrame],
    path: str | os.PathLike[str] | TextIO,
    format: str | None = None,
    *,
    about: Mapping[str, Any] | None = None,
    bom: bool = False,
) -> None:
    """Write a frame of this module (or any DataFrame) to a file that other tools open as is.

    ``format`` is one of :data:`FORMATS`; by default the suffix of ``path`` names it
    (``panel.dta``). ``tables`` is one DataFrame, or for Excel a dict of them by sheet name
    (``{"cities": frames.cities(), "provinces": frames.provinces()}``). ``about`` adds lines to
    what the file says about itself (its ``title`` replaces the frame's). ``bom`` starts a CSV
    file with a UTF-8 byte order mark, which older Excel needs to read Chinese.

    Why each choice, format by format:

    - Codes stay text everywhere (``"110000"``), since a number loses leading zeros and invites
      arithmetic on identifiers.
    - Stata ``.dta`` is version 118, the first that holds Unicode (older versions fail on
      Chinese); each variable has a label in English with the Chinese term; categorical columns
      (``level``, ``province``) become value labels; text that is missing is ``""`` (Stata's
      only missing string) and a missing number is ``.``.
    - Excel ``.xlsx`` (extra ``skillrevival[excel]``): one sheet per table, text cells in text
      format; a last sheet ``about`` says what the file is, each column, and the sources and
      their licences. pandas' ``read_excel`` turns digit-only text into numbers unless told:
      read with ``dtype={"adcode": str}`` (or ``dtype=str``).
    - Parquet (extra ``skillrevival[parquet]``): each field carries its description in its
      metadata (``description``), and the schema metadata holds the ``about`` as JSON under
      ``skillrevival``.
    - CSV (UTF-8), JSON (an array of records) and JSON Lines: a missing value is an empty cell
      or ``null``.

    Raises :class:`~skillrevival.ValidationError` for a format it cannot tell or several tables
    for a one-table format, and ImportError naming the extra to install when openpyxl or pyarrow
    is missing.
    """
    _files.write(tables, path, format, about=about, bom=bom)


PANEL_COLUMNS: tuple[str, ...] = PANEL.names
"""The treatment panel's columns, in order (a stable contract, like the city table's):
``adcode``, ``code_in_year``, ``year``, ``province_code``, ``treated``, ``first_treated``,
``event_time``, ``phase``, ``exposure_months``, ``unit_id``, ``roster_adcode``."""


def treatment_panel(
    years: Iterable[int],
    level: Level = "unit",
    units: Iterable[str | int] | None = None,
    controls: Literal["all"] | None = None,
) -> pd.DataFrame:
    """One row per unit and year: the frame a difference-in-differences study starts from.

    Years are those of the bundled division lists (1980-2025; a year means the list in force at
    its 31 December). A unit has a row only in the years it existed: one that was created,
    merged away or split has no row outside its years (江北区 500105 has none in 2025).

    Columns (:data:`PANEL_COLUMNS`), sorted by unit (in the order of ``units``, the notice's,
    or by ``adcode`` with ``controls="all"``) and then by year:

    - ``adcode`` (``string``): the unit's stable code, the same in every year: for a roster
      unit its code as of the notice (2015-04), for any other unit its newest code. A unit is
      followed across a change of code or name when one record of its tier replaces it and
      no other from the next year on (铜仁地区 522200 became 铜仁市 520600 in 2011).
    - ``code_in_year`` (``string``): the code of the unit in that year's list, for joins to
      yearbooks of that year.
    - ``year`` (int): the year.
    - ``province_code`` (``string``): the first two digits of ``code_in_year`` (``65`` for the
      units of 新疆兵团, which lie in Xinjiang); cluster on it for province-level clustering.
    - ``treated`` (bool): a treated unit (see Units below), in a year from 2015 on, the year
      the campaign began (its phase 1 starts in March 2015; the notice is dated 2015-04-20). It
      stays True after the campaign ended in 2016: the absorbing "treated and after" indicator
      of event studies. To keep the campaign's own years, filter on ``phase`` or
      ``exposure_months``.
    - ``first_treated`` (``Int64``): 2015 for a treated unit, missing (``pd.NA``) for a
      never-treated one, as staggered-adoption estimators (Callaway-Sant'Anna's ``gname``)
      want it; write 0 in its place where an estimator asks for 0.
    - ``event_time`` (``Int64``): ``year - first_treated``; missing for never-treated units.
    - ``phase`` (``string``): the numbers of the plan's phases (附件1 五) that touch the year,
      joined by commas: ``"1,2"`` for 2015 (phase 1, March to May 2015, and phase 2 from June
      2015), ``"2,3"`` for 2016, missing (``pd.NA``) in every other year. The same for every
      unit: it is the calendar of the campaign.
    - ``exposure_months`` (int): for a treated unit, the months of the year that lie in the
      campaign's phases (10 in 2015: March to December; 12 in 2016; 0 in other years), read
      from :attr:`Campaign.phases`; 0 for a never-treated unit.
    - ``unit_id`` (int): 1, 2, 3 ... in the panel's order of units, a numeric panel id, since
      Stata's ``xtset`` and ``csdid`` need a number, and codes are text.
    - ``roster_adcode`` (``string``): the code, as of the notice, of the implementing unit
      that the unit is or lies within (吴中区 320506: 320500, 苏州); missing for a unit that is
      neither (at prefecture level a prefecture treated because it holds an implementing unit,
      北京 110000 or 宜春 360900, is neither, and has it missing).

    Units: ``level="unit"`` (the default) uses the roster's 100 implementing units, each under
    its own code; districts of municipalities (丰台区) and county-level cities (定州市, 丰城市)
    are units of their own. A code treats a unit only if it names an implementing unit itself
    (under its 2015 code or another code the data gives it, such as 定州's statistical 139001):
    北京 110000 and 江苏 320000 are not treated. ``level="prefecture"`` rolls units up to the
    prefecture-level unit that holds them (:attr:`~skillrevival.City.prefecture_code`), and a
    prefecture is treated when it holds at least one implementing unit: districts roll up to
    their municipality (北京's three to 110000), county-level cities to their prefecture (丰城
    to 宜春 360900; 定州 to 保定 130600, which is itself on the roster and counts once), and
    units that a province holds directly stand alone (济源 419001, 第一师阿拉尔市 659002). The
    roster gives 91 such units.

    ``level="county"`` uses the county-level units in force each year: districts, counties,
    county-level cities, banners, the districts and counties of the municipalities, and the
    county-level units a province holds directly (济源 419001, 仙桃 429004, the XPCC's cities).
    A prefecture-level city that holds no county-level unit in a year's list (东莞 441900,
    中山 442000, 嘉峪关 620200, 儋州 460400 from 2015, 三沙 460300 until its districts of 2020)
    is a unit of the county panel itself in that year, since nothing below it is. A unit is
    treated when, in the list of 2015, it is an implementing unit (嘉定区 310114, 定州市
    130682) or lies within one (吴中区 320506 and 昆山市 320583 in 苏州 320500, whose code is
    then its ``roster_adcode``); a unit not in the 2015 list is untreated (one made later from
    a treated unit is a new unit: 两江新区 500157). By default the panel holds the treated
    units (in the notice's order of the units they are or lie in, then by code).

    ``units`` are the codes of the panel's units (6-digit strings, or integers), for instance the
    roster's units and your own untreated controls; by default the roster's units, all treated.
    A code of any year's list is understood (522200 is 铜仁; 110100, how yearbooks code 北京's
    districts together, is 北京); a code in no list (999999) is an error, never a silent
    control. At prefecture level a unit below it (定州 130682, a district) is refused, naming the
    unit that holds it; at county level a unit above it (苏州 320500, a province) is refused.

    ``controls="all"`` (with ``level="prefecture"`` or ``level="county"``) adds every unit of
    that level in force in each year: at prefecture level the prefecture-level units, the four
    municipalities, and the county-level units a province holds directly (济源, 仙桃, Hainan's,
    the XPCC's), 366 units at the end of 2015; at county level every unit described above. The
    notice is the second batch and the first batch's cities are unknown here: some controls
    may have been treated before. Bad input raises :class:`~skillrevival.ValidationError`
    naming every problem.
    """
    c = campaign()
    geo = geography()
    problems: list[Problem] = []
    year_list = _years(years, problems, geo.years)
    if level not in ("unit", "prefecture", "county"):
        message = f"expected 'unit', 'prefecture' or 'county', got {shown(level)}"
        problems.append(Problem("level", message))
        raise ValidationError(problems, what="argument")
    if controls not in (None, "all"):
        problems.append(Problem("controls", f"expected None or 'all', got {shown(controls)}"))
    elif controls == "all" and level == "unit":
        message = (
            "'all' needs level='prefecture' or level='county': the roster's units are of "
            "several levels (prefectures, districts, county-level cities) that overlap, so no "
            "set of units of one level holds them all; give units= for a unit-level panel"
        )
        problems.append(Problem("controls", message))
    elif controls == "all" and units is not None:
        problems.append(Problem("controls", "give units= or controls='all', not both"))
    tiers = _Tiers(geo)
    roster = _roster_units(c, geo, level, tiers)
    chosen = roster if units is None else _units(c, geo, units, level, problems, tiers)
    if problems:
        raise ValidationError(problems, what="argument")
    lin = geo.units()
    if controls == "all":
        treated_units = {unit: (treated, code) for unit, _, treated, code in roster}
        stable = {unit: code for unit, code, _, _ in roster}
        every = {
            lin.unit(p)
            for year in year_list
            for p in geo.places(year)
            if tiers.holds(level, p, year)
        }
        found = [
            (
                unit,
                stable.get(unit) or lin.records(unit)[-1].code,
                *treated_units.get(unit, (False, None)),
            )
            for unit in every | set(treated_units)
        ]
        chosen = sorted(found, key=lambda item: item[1])
    rows = []
    for unit_id, (unit, code, treated, roster_code) in enumerate(chosen, start=1):
        for year in year_list:
            record = lin.in_year(unit, year)
            if record is None or not tiers.holds(level, record, year):
                continue  # the unit did not exist (at this level) that year: no row
            rows.append((code, record.code, year, record.code[:2], treated, unit_id, roster_code))
    return _panel(c, rows)


class _Tiers:
    """Which records are units of a panel's level in a year (the prefecture tier; the county
    tier, with the prefecture-level cities that hold no county-level unit that year)."""

    def __init__(self, geo: Geography) -> None:
        self._geo = geo
        self._lonely: dict[int, frozenset[str]] = {}

    def holds(self, level: Level, place: Place, year: int) -> bool:
        """Whether ``place`` is a unit of a ``level`` panel in ``year`` (any place, at unit
        level)."""
        if level == "prefecture":
            return prefecture_tier(self._geo, place)
        if level == "county":
            return place.level.county_level or place.code in self.lonely(year)
        return True

    def lonely(self, year: int) -> frozenset[str]:
        """The prefecture-level cities of ``year`` that hold no county-level unit (东莞)."""
        found = self._lonely.get(year)
        if found is None:
            places = self._geo.places(year)
            parents = {p.parent for p in places if p.level.county_level}
            found = frozenset(
                p.code for p in places if p.level.prefecture_level and p.code not in parents
            )
            self._lonely[year] = found
        return found


PanelRow = tuple[str, str, int, str, bool, int, "str | None"]
"""(adcode, code_in_year, year, province_code, treated unit, unit_id, roster_adcode)."""


def _panel(c: Campaign, rows: list[PanelRow]) -> pd.DataFrame:
    """The panel from :data:`PanelRow` rows."""
    first = c.start.year
    frame = pd.DataFrame(
        rows,
        columns=[
            "adcode",
            "code_in_year",
            "year",
            "province_code",
            "unit",
            "unit_id",
            "roster_adcode",
        ],
    )
    years = frame["year"].astype("int64")
    implementing = frame["unit"].astype(bool)
    phases = {year: _phases_touching(c, year) for year in years.unique().tolist()}
    months = {year: _months_in_phases(c, year) for year in phases}
    first_treated = pd.Series(pd.NA, index=frame.index, dtype="Int64").mask(implementing, first)
    out = pd.DataFrame(
        {
            "adcode": frame["adcode"].astype("string"),
            "code_in_year": frame["code_in_year"].astype("string"),
            "year": years,
            "province_code": frame["province_code"].astype("string"),
            "treated": implementing & (years >= first),
            "first_treated": first_treated,
            "event_time": (years - first_treated).astype("Int64"),
            "phase": years.map(phases).astype("string"),
            "exposure_months": years.map(months).where(implementing, 0).astype("int64"),
            "unit_id": frame["unit_id"].astype("int64"),
            "roster_adcode": frame["roster_adcode"].astype("string"),
        },
        columns=list(PANEL_COLUMNS),
    )
    geo_sources = [
        {
            "id": s.id,
            "title": s.title,
            "publisher": f"{s.package} {s.version} ({s.url}); licence {s.licence}; {s.attribution}",
            "as_of": s.covers,
        }
        for s in geography().sources
    ]
    out.attrs.update(table=PANEL.name, title=PANEL.title, sources=_sources(c) + geo_sources)
    return out


FLAG_COLUMNS: tuple[str, ...] = FLAGS.names
"""The columns of :func:`flag`, in order: ``code``, ``name``, ``level``, ``implementing``,
``adcode``, ``status``, ``treated``."""


def flag(
    series: pd.Series | Iterable[object],
    year: int | pd.Series | Iterable[object] | None = None,
    provinces: pd.Series | Iterable[object] | None = None,
    level: Literal["province", "prefecture", "county"] | None = None,
    *,
    workers: int | None = None,
) -> pd.DataFrame:
    """Flag a column of other people's place names or codes: which place, and is it implementing.

    For a column of a firm or household survey (10 million city names, a few thousand distinct),
    each distinct value (or distinct name, province and year) is matched once, through
    :meth:`Roster.match` against the whole national geography, and the answers are spread back
    over the rows, so the cost grows with the distinct values, not the rows.

    Returns a DataFrame with the index of ``series`` and columns :data:`FLAG_COLUMNS`:

    - ``code``: the code of the place the entry names, in the list of its year (None: the
      newest record of that place), missing where it names none or several;
    - ``name``: that place's official name; ``level``: its kind (an
      :class:`~skillrevival.AdminLevel` value);
    - ``implementing`` (``boolean``): whether the place is itself an implementing unit; missing
      when the entry is ambiguous or unknown, since the library cannot tell;
    - ``adcode``: the roster unit's code as of the notice, where the place is one
      (implementing) or lies in one (within: 320500 for 昆山市);
    - ``status``: a :class:`~skillrevival.MatchStatus` value (implementing, within, contains,
      not_implementing, ambiguous, unknown), missing for a missing entry;
    - ``treated`` (``boolean``): whether the place is or lies in an implementing unit, the
      treatment of county-level data: True exactly for implementing and within, False for
      contains (上海: it holds implementing units, but the entry does not say which) and
      not_implementing, missing for ambiguous, unknown and missing entries.

    ``code``, ``name``, ``level``, ``adcode`` and ``status`` are Categoricals (few distinct
    values over many rows). ``provinces`` (a column aligned with ``series``, names or codes,
    blank where unknown) settles names that several places share (Suzhou: 苏州 or 宿州), and
    so does ``level`` (``"province"``, ``"prefecture"`` or ``"county"``: the tier the column
    names; 长沙 is then 长沙市, not 长沙县).

    ``year`` is one year for every row, or a column aligned with ``series`` (a firm panel's year
    per row; whole floats such as 2015.0 are read as years, a missing year as None); each
    distinct name, province and year is matched once. ``series``, ``year`` and ``provinces``
    may be pandas or polars Series or any sequence; they line up by position.

    ``workers=N`` (N > 1) spreads the distinct values over N worker processes (started with
    ``spawn``: a script that calls it needs the ``if __name__ == "__main__":`` guard) and gives
    exactly the frame one process gives. Each worker builds the geography once and keeps it;
    only the distinct values and their answers cross between processes. Worth it from some
    hundred thousand distinct values (see the how-to "Flag a national registry").
    """
    c = campaign()
    values = _column(series)
    count = _workers(workers)
    tier = check_level(level)
    province_column = None if provinces is None else _aligned(provinces, "provinces", values)
    per_row = _is_polars(year) or (isinstance(year, Iterable) and not isinstance(year, str | bytes))
    year_column = _aligned(year, "year", values) if per_row else None
    one_year = None if per_row else check_year(geography(), year)

    # A long column: the workers start now and build the geography while this process
    # gathers the distinct values.
    early = _pool(count) if count > 1 and len(values) >= _EARLY else None
    try:
        keys, answers = _answers(values, count, tier, province_column, year_column, one_year, early)
    finally:
        if early is not None:
            early.shutdown()
    codes, place_names, levels, adcodes, statuses = (
        [answer[i] for answer in answers] for i in range(5)
    )
    implementing = np.array([s == "implementing" for s in statuses] + [False])
    treated = np.array([s in _TREATED for s in statuses] + [False])
    mask = np.array([s not in _KNOWN for s in statuses] + [True])
    at = np.where(keys < 0, len(statuses), keys)  # the extra last slot: a missing entry
    frame = pd.DataFrame(
        {
            "code": _spread(codes, at),
            "name": _spread(place_names, at),
            "level": _spread(levels, at),
            "implementing": pd.arrays.BooleanArray(implementing[at], mask[at]),
            "adcode": _spread(adcodes, at),
            "status": _spread(statuses, at),
            "treated": pd.arrays.BooleanArray(treated[at], mask[at]),
        },
        index=values.index,
        columns=list(FLAG_COLUMNS),
    )
    frame.attrs.update(table=FLAGS.name, title=FLAGS.title, sources=_sources(c))
    return frame


_EARLY = 100_000
"""From this many rows, :func:`flag` starts its worker processes before it gathers the distinct
values (they build the geography meanwhile); for fewer, only when there are values to share."""


def _answers(
    values: pd.Series,
    count: int,
    tier: Tier | None,
    province_column: pd.Series | None,
    year_column: pd.Series | None,
    one_year: int | None,
    pool: Executor | None,
) -> tuple[np.ndarray[Any, Any], list[Answer]]:
    """The row keys of the column (each row's distinct entry, -1 for a missing one) and each
    distinct entry's answer."""
    keys, distinct = pd.factorize(values, use_na_sentinel=True)
    names = list(distinct)
    province_of: list[object] | None = None
    year_of: list[int | None] | None = None
    if province_column is not None:
        province_keys, province_distinct = pd.factorize(province_column, use_na_sentinel=True)
        keys, firsts, seconds = _pairs(keys, province_keys, len(province_distinct))
        names = [names[i] for i in firsts]
        province_of = ["" if j < 0 else province_distinct[j] for j in seconds]
    if year_column is not None:
        year_keys, year_distinct = pd.factorize(year_column, use_na_sentinel=True)
        known = _row_years(year_distinct, year_keys)
        keys, firsts, seconds = _pairs(keys, year_keys, len(year_distinct))
        names = [names[i] for i in firsts]
        if province_of is not None:
            province_of = [province_of[i] for i in firsts]
        year_of = [None if j < 0 else known[j] for j in seconds]
    queries = _Queries(names, province_of, year_of or [one_year] * len(names), tier)
    return keys, queries.answer_in(count, pool)


_TREATED = frozenset({"implementing", "within"})
"""The statuses :func:`flag` calls treated."""
_KNOWN = frozenset({"implementing", "within", "contains", "not_implementing"})
"""The statuses whose ``implementing`` and ``treated`` are known (the place was found)."""

Answer = tuple[str | None, str | None, str | None, str | None, str]
"""What :func:`flag` says of one distinct entry: code, name, level, adcode, status."""


@attrs.frozen
class _Queries:
    """The distinct entries of a column, each a name, its province ("" for none) and its year,
    and the tier the column names.

    The unit of work that :func:`flag` matches, in this process or spread over workers; each
    year's entries go to :meth:`Roster.match` together.
    """

    names: list[object]
    provinces: list[object] | None
    years: list[int | None]
    level: Tier | None = None

    def answer(self) -> list[Answer]:
        """Every entry's answer, in order, from this process's roster and geography."""
        roster = campaign().roster
        answers: list[Answer | None] = [None] * len(self.names)
        by_year: dict[int | None, list[int]] = {}
        for position, year in enumerate(self.years):
            by_year.setdefault(year, []).append(position)
        for year, positions in by_year.items():
            names = [self.names[i] for i in positions]
            provinces = None if self.provinces is None else [self.provinces[i] for i in positions]
            report = roster.match(names, provinces=provinces, year=year, level=self.level)
            for position, place, city, status in zip(
                positions, report.places, report.matches, report.statuses, strict=True
            ):
                answers[position] = (
                    None if place is None else place.code,
                    None if place is None else place.name,
                    None if place is None else place.level.value,
                    None if city is None else city.adcode,
                    status.value,
                )
        return [answer for answer in answers if answer is not None]

    def chunks(self, count: int) -> list[_Queries]:
        """The entries cut into ``count`` runs of nearly equal length, in order."""
        size = -(-len(self.names) // count) if self.names else 1
        return [
            _Queries(
                self.names[i : i + size],
                None if self.provinces is None else self.provinces[i : i + size],
                self.years[i : i + size],
                self.level,
            )
            for i in range(0, len(self.names), size)
        ]

    def answer_in(self, workers: int, pool: Executor | None = None) -> list[Answer]:
        """:meth:`answer`, here (one worker) or spread over ``workers`` processes (those of
        ``pool`` when given)."""
        if workers == 1 or len(self.names) < 2:
            return self.answer()
        return [answer for _, _, part in _in_workers(self, workers, pool) for answer in part]


def _in_workers(
    queries: _Queries, workers: int, pool: Executor | None = None
) -> list[tuple[int, int, list[Answer]]]:
    """Each chunk's answers from ``pool``, or from a pool of ``workers`` fresh processes, with
    the process id and how many times that process had built the geography when it answered."""
    # A few chunks per worker, so that a worker that finishes early takes another.
    chunks = queries.chunks(min(len(queries.names), workers * 4))
    if pool is not None:
        return list(pool.map(_answer_chunk, chunks))
    with _pool(min(workers, len(chunks))) as started:
        return list(started.map(_answer_chunk, chunks))


def _pool(workers: int) -> Executor:
    """``workers`` fresh processes (``spawn``), started now, each building what it matches with
    before it takes any work."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start_worker)
    for _ in range(workers):  # a process is spawned for each task that finds none idle
        pool.submit(int)
    return pool


def _start_worker() -> None:
    """A worker's start: build the geography, its address reader and the roster once, before
    any chunk comes."""
    campaign()
    geography()._address_reader()


def _answer_chunk(queries: _Queries) -> tuple[int, int, list[Answer]]:
    """A chunk's answers, with the process id and how many times the process has built the
    geography (``geography`` reads the bundled file on its first call only: one)."""
    answers = queries.answer()
    return os.getpid(), geography.builds, answers


def _column(values: object) -> pd.Series:
    """A pandas Series of a pandas or polars Series (its values as Python objects) or any
    iterable of entries; a lone string is left for :meth:`Roster.match` to refuse."""
    if isinstance(values, pd.Series):
        return values
    if _is_polars(values):
        items: list[object] = values.to_list()  # type: ignore[attr-defined]
    else:
        items = list(values)  # type: ignore[call-overload]
    return pd.Series(items, dtype=object)


def _is_polars(values: object) -> bool:
    """Whether ``values`` is a polars Series, told without importing polars."""
    return type(values).__module__.partition(".")[0] == "polars" and hasattr(values, "to_list")


def _aligned(values: object, path: str, names: pd.Series) -> pd.Series:
    if isinstance(values, str | bytes):
        message = f"expected a column aligned with the names, got the lone string {values!r}"
        raise ValidationError.single(path, message)
    if not (isinstance(values, Iterable) or _is_polars(values)):
        message = f"expected a column aligned with the names, got {values!r}"
        raise ValidationError.single(path, message)
    column = _column(values)
    if len(column) != len(names):
        message = f"must line up with the names: {len(column)} entries for {len(names)}"
        raise ValidationError.single(path, message)
    return column


def _workers(workers: object) -> int:
    if workers is None:
        return 1
    if _is_whole(workers) and int(workers) >= 1:
        return int(workers)
    raise ValidationError.single("workers", f"expected a whole number from 1, got {workers!r}")


def _row_years(distinct: Any, keys: np.ndarray[Any, Any]) -> list[int]:
    """The distinct years of a year column as ints, each checked; a problem names the first row
    that holds a bad value."""
    geo = geography()
    known: list[int] = []
    problems: list[Problem] = []
    for position, value in enumerate(distinct):
        number = value
        if isinstance(value, float) and value.is_integer():
            number = int(value)
        try:
            known.append(year_in(geo, number))
        except ValidationError as error:
            row = int(np.flatnonzero(keys == position)[0])
            problems.extend(Problem(f"year[{row}]", p.message) for p in error.problems)
            known.append(0)
    if problems:
        raise ValidationError(problems, what="value")
    return known


def _pairs(
    keys: np.ndarray[Any, Any], other: np.ndarray[Any, Any], other_count: int
) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """The distinct pairs of two factorized columns: each row's pair key (-1 where the first
    is missing), and for each pair its first key and its second (-1 where missing)."""
    present = keys >= 0
    combined = keys[present].astype("int64") * (other_count + 1) + (other[present] + 1)
    pair_keys, pairs = pd.factorize(combined)
    out = np.full(len(keys), -1, dtype="int64")
    out[present] = pair_keys
    pairs = np.asarray(pairs, dtype="int64")
    return out, pairs // (other_count + 1), pairs % (other_count + 1) - 1


def _spread(per_value: Sequence[str | None], at: np.ndarray[Any, Any]) -> pd.Categorical:
    """A value per distinct entry spread over the rows (``at``; the last slot is missing), its
    categories sorted; None (and an empty string) missing. The values are hashed and only the
    distinct ones sorted: a million distinct entries hold a few thousand values."""
    inverse, categories = pd.factorize(
        np.asarray(per_value, dtype=object), sort=True, use_na_sentinel=True
    )
    categories = np.asarray(categories, dtype=object)
    if len(categories) and categories[0] == "":  # an empty string is missing, as None is
        inverse = np.where(inverse == 0, -1, inverse - 1)
        categories = categories[1:]
    codes = np.append(inverse.astype("int64"), -1)[at]
    dtype = pd.CategoricalDtype(pd.Index(categories, dtype=object))
    return pd.Categorical.from_codes(codes, dtype=dtype)


def _finish(frame: pd.DataFrame, table: Table, c: Campaign) -> pd.DataFrame:
    """Text columns as ``string`` (one missing value, ``pd.NA``); what the frame is, in attrs."""
    for column in frame.columns:
        dtype = frame[column].dtype
        text = pd.api.types.is_object_dtype(dtype) or pd.api.types.is_string_dtype(dtype)
        if text and not isinstance(dtype, pd.CategoricalDtype):
            frame[column] = frame[column].astype("string")
    frame.attrs.update(table=table.name, title=table.title, sources=_sources(c))
    return frame


def _sources(c: Campaign) -> list[dict[str, str]]:
    return [
        {"id": s.id, "title": s.title, "publisher": s.publisher, "as_of": s.as_of}
        for s in c.sources
    ]


def _province_categorical(c: Campaign, values: pd.Series) -> pd.Categorical:
    order = [province.name for province in c.roster.provinces]
    return pd.Categorical(values, categories=order, ordered=True)


def _years(years: Iterable[int], problems: list[Problem], known: tuple[int, ...]) -> list[int]:
    if isinstance(years, str | bytes) or not isinstance(years, Iterable):
        problems.append(Problem("years", f"expected years as integers, got {shown(years)}"))
        return []
    seen: set[int] = set()
    for position, year in enumerate(years):
        path = f"years[{position}]"
        if not _is_whole(year):
            problems.append(Problem(path, f"expected a year as an integer, got {shown(year)}"))
        elif int(year) in seen:
            problems.append(Problem(path, f"repeats the year {year}"))
        elif not known[0] <= int(year) <= known[-1]:
            message = (
                f"{shown(int(year))} is outside the years whose division lists the library holds "
                f"({known[0]}-{known[-1]}), so which units existed is unknown"
            )
            problems.append(Problem(path, message))
        else:
            seen.add(int(year))
    if not seen and not problems:
        problems.append(Problem("years", "no years given"))
    return sorted(seen)


Chosen = tuple[int, str, bool, "str | None"]
"""A unit of the panel: its lineage key, its stable code (``adcode``), whether it is treated,
and the code of the implementing unit it is or lies within (``roster_adcode``)."""


def _roster_units(c: Campaign, geo: Geography, level: Level, tiers: _Tiers) -> list[Chosen]:
    """The roster's units at ``level``, each treated, by 2015 code: in the notice's order, and
    at county level the units that are or lie in each roster unit, by code."""
    lin = geo.units()
    year = c.start.year
    if level == "county":
        order = {id(city): n for n, city in enumerate(c.roster.cities)}
        found = []
        for place in geo.places(year):
            if tiers.holds("county", place, year):
                city = _roster_unit_of(c, place, year)
                if city is not None:
                    unit = lin.unit(place)
                    stable = _stable_code(c, lin, unit)
                    found.append((order[id(city)], stable, unit, city.adcode))
        return [(unit, stable, True, code) for _, stable, unit, code in sorted(found)]
    if level == "unit":
        codes: dict[str, str | None] = {city.adcode: city.adcode for city in c.roster.cities}
    else:
        own = {city.adcode for city in c.roster.cities}
        codes = {}
        for city in c.roster.cities:
            prefecture = city.prefecture_code
            codes.setdefault(prefecture, prefecture if prefecture in own else None)
    return [
        (lin.unit(geo.by_code(code, year)[0]), code, True, roster_code)
        for code, roster_code in codes.items()
    ]


def _roster_unit_of(c: Campaign, place: Place, year: int) -> City | None:
    """The implementing unit that ``place`` is, or lies within in ``year``, or None."""
    roster = c.roster
    city = roster.unit_of(place)
    if city is None:
        links: RosterLinks = roster._links
        city = links.within(place, year)
    return city


def _stable_code(c: Campaign, lin: Units, unit: int) -> str:
    """A unit's ``adcode``: its code as of the notice if it is a roster unit, else its newest."""
    records = lin.records(unit)
    for record in records:
        city = c.roster.unit_of(record)
        if city is not None:
            return city.adcode
    return records[-1].code


def _units(
    c: Campaign,
    geo: Geography,
    units: Iterable[str | int],
    level: Level,
    problems: list[Problem],
    tiers: _Tiers,
) -> list[Chosen]:
    """The user's codes, each as a unit with whether it is treated; problems as found.

    A code of any year's list is understood (an old code means its unit; 110100, how yearbooks
    code 北京's districts as a whole, means 北京); a code in no list is a problem, never a
    silent control.
    """
    if isinstance(units, str | bytes) or not isinstance(units, Iterable):
        problems.append(Problem("units", f"expected a list of codes, got {shown(units)}"))
        return []
    lin = geo.units()
    by_code: dict[str, City] = {}
    for roster_city in c.roster.cities:
        by_code[roster_city.adcode] = roster_city
        for other in roster_city.other_codes:
            by_code[other.code] = roster_city
    roster = {
        unit: (code, roster_code)
        for unit, code, _, roster_code in _roster_units(c, geo, level, tiers)
    }
    chosen: list[Chosen] = []
    first_at: dict[int, int] = {}
    for position, given in enumerate(units):
        path = f"units[{position}]"
        code = f"{int(given):06d}" if _is_whole(given) and 0 <= int(given) < 10**6 else given
        if not is_code(code, 6):
            problems.append(Problem(path, f"expected a 6-digit code, got {shown(given)}"))
            continue
        city = by_code.get(code)
        if level == "prefecture" and city is not None and city.prefecture_code != city.adcode:
            message = (
                f"{code} is {city.name}, an implementing unit below prefecture level; "
                f"at level 'prefecture' it counts within {city.prefecture_code}"
            )
            problems.append(Problem(path, message))
            continue
        found = geo.by_code(city.adcode, c.start.year) if city is not None else geo.by_code(code)
        if not found:
            first, last = geo.years[0], geo.years[-1]
            problems.append(Problem(path, f"{code} is in no division list of {first}-{last}"))
            continue
        place = found[0]
        if level == "prefecture" and not prefecture_tier(geo, place):
            message = f"{code} is {place.name}, a {place.level.en} ({place.level.zh}); " + (
                "at level 'prefecture' give its prefecture-level units"
                if place.parent is None
                else f"at level 'prefecture' give the unit that holds it ({place.parent})"
            )
            problems.append(Problem(path, message))
            continue
        if level == "county" and not _county_unit_ever(geo, tiers, place):
            message = (
                f"{code} is {place.name}, a {place.level.en} ({place.level.zh}) that holds "
                "county-level units; at level 'county' give those units"
            )
            problems.append(Problem(path, message))
            continue
        unit = lin.unit(place)
        # 定州 under 130682 and under 139001 is one unit, as are 110100 and 110000: name it once.
        if unit in first_at:
            problems.append(Problem(path, f"{code} names the same unit as units[{first_at[unit]}]"))
            continue
        first_at[unit] = position
        if unit in roster:
            stable, roster_code = roster[unit]
            chosen.append((unit, stable, True, roster_code))
        else:
            chosen.append((unit, _stable_code(c, lin, unit), False, None))
    if not chosen and not problems:
        problems.append(Problem("units", "no units given"))
    return chosen


def _county_unit_ever(geo: Geography, tiers: _Tiers, place: Place) -> bool:
    """Whether ``place`` is a unit of the county panel in some year of its record."""
    if place.level.county_level:
        return True
    last = geo.newest if place.end is None else place.end
    return any(place.code in tiers.lonely(year) for year in range(place.start, last + 1))


def _is_whole(value: object) -> TypeGuard[numbers.Integral]:
    """An integer, numpy's included (a column's values), but not a bool."""
    return isinstance(value, numbers.Integral) and not isinstance(value, bool | np.bool_)


def _months_in_phases(c: Campaign, year: int) -> int:
    """Months of ``year`` whose first day lies in one of the campaign's phases."""
    return sum(
        any(
            p.start.year * 12 + p.start.month <= year * 12 + m <= p.end.year * 12 + p.end.month
            for p in c.phases
        )
        for m in range(1, 13)
    )


def _phases_touching(c: Campaign, year: int) -> str | None:
    numbers = [str(p.number) for p in c.phases if p.start.year <= year <= p.end.year]
    return ",".join(numbers) or None
