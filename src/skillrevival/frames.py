"""The roster and a treatment panel as pandas DataFrames (optional extra ``skillrevival[pandas]``).

Column names are a stable contract, shared with the command line's ``export`` and the labels of
the files (one registry of columns in ``skillrevival._tables``): snake_case, the code column is
``adcode``, the province frame has ``quota``. ``province`` and ``level`` are pandas
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
from typing import TYPE_CHECKING, Any, Literal, TextIO, TypeGuard

try:
    import numpy as np
    import pandas as pd
except ImportError:  # pragma: no cover - tested in a subprocess that hides pandas
    raise ImportError(
        "skillrevival.frames needs pandas: install it with pip install 'skillrevival[pandas]'"
    ) from None

from . import _files
from ._campaign.loader import campaign
from ._campaign.tables import CITIES, FLAGS, PANEL, PROVINCES, Table, city_rows, province_rows
from ._errors import Problem, ValidationError
from ._geo.geography import Geography, geography
from ._geo.levels import AdminLevel, is_code
from ._geo.lineage import prefecture_tier

if TYPE_CHECKING:
    from ._campaign.model import Campaign, City

__all__ = ["FLAG_COLUMNS", "FORMATS", "cities", "flag", "provinces", "treatment_panel", "write"]

FORMATS = _files.FORMATS
"""The file formats that :func:`write` and the command line know (csv ... parquet)."""

Level = Literal["unit", "prefecture"]


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
``event_time``, ``phase``, ``exposure_months``, ``unit_id``."""


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
    - ``treated`` (bool): an implementing unit, in a year from 2015 on, the year the campaign
      began (its phase 1 starts in March 2015; the notice is dated 2015-04-20). It stays True
      after the campaign ended in 2016: the absorbing "treated and after" indicator of event
      studies. To keep the campaign's own years, filter on ``phase`` or ``exposure_months``.
    - ``first_treated`` (``Int64``): 2015 for an implementing unit, missing (``pd.NA``) for a
      never-treated one, as staggered-adoption estimators (Callaway-Sant'Anna's ``gname``)
      want it; write 0 in its place where an estimator asks for 0.
    - ``event_time`` (``Int64``): ``year - first_treated``; missing for never-treated units.
    - ``phase`` (``string``): the numbers of the plan's phases (附件1 五) that touch the year,
      joined by commas: ``"1,2"`` for 2015 (phase 1, March to May 2015, and phase 2 from June
      2015), ``"2,3"`` for 2016, missing (``pd.NA``) in every other year. The same for every
      unit: it is the calendar of the campaign.
    - ``exposure_months`` (int): for an implementing unit, the months of the year that lie in
      the campaign's phases (10 in 2015: March to December; 12 in 2016; 0 in other years),
      read from :attr:`Campaign.phases`; 0 for a never-treated unit.
    - ``unit_id`` (int): 1, 2, 3 ... in the panel's order of units, a numeric panel id, since
      Stata's ``xtset`` and ``csdid`` need a number, and codes are text.

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

    ``units`` are the codes of the panel's units (6-digit strings, or integers), for instance the
    roster's units and your own untreated controls; by default the roster's units, all treated.
    A code of any year's list is understood (522200 is 铜仁; 110100, how yearbooks code 北京's
    districts together, is 北京); a code in no list (999999) is an error, never a silent
    control. At prefecture level a unit below it (定州 130682, a district) is refused, naming the
    unit that holds it.

    ``controls="all"`` (with ``level="prefecture"`` only) adds every unit of the prefecture
    level in force in each year: prefecture-level units, the four municipalities, and the
    county-level units a province holds directly (济源, 仙桃, Hainan's, the XPCC's); 366 units
    at the end of 2015. The notice is the second batch and the first batch's cities are unknown
    here: some controls may have been treated before. Bad input raises
    :class:`~skillrevival.ValidationError` naming every problem.
    """
    c = campaign()
    geo = geography()
    problems: list[Problem] = []
    year_list = _years(years, problems, geo.years)
    if level not in ("unit", "prefecture"):
        problems.append(Problem("level", f"expected 'unit' or 'prefecture', got {level!r}"))
        raise ValidationError(problems, what="argument")
    if controls not in (None, "all"):
        problems.append(Problem("controls", f"expected None or 'all', got {controls!r}"))
    elif controls == "all" and level == "unit":
        message = (
            "'all' needs level='prefecture': the roster's units are of several levels "
            "(prefectures, districts, county-level cities) that overlap, so no set of units of "
            "one level holds them all; give units= for a unit-level panel"
        )
        problems.append(Problem("controls", message))
    elif controls == "all" and units is not None:
        problems.append(Problem("controls", "give units= or controls='all', not both"))
    roster = _roster_units(c, geo, level)
    chosen = roster if units is None else _units(c, geo, units, level, problems)
    if problems:
        raise ValidationError(problems, what="argument")
    lin = geo.units()
    if controls == "all":
        treated_units = {unit for unit, _, _ in roster}
        stable = {unit: code for unit, code, _ in roster}
        every = {
            lin.unit(p) for year in year_list for p in geo.places(year) if prefecture_tier(geo, p)
        }
        found = [
            (unit, stable.get(unit) or lin.records(unit)[-1].code, unit in treated_units)
            for unit in every | treated_units
        ]
        chosen = sorted(found, key=lambda item: item[1])
    rows = []
    for unit_id, (unit, code, treated) in enumerate(chosen, start=1):
        for year in year_list:
            record = lin.in_year(unit, year)
            if record is None or (level == "prefecture" and not prefecture_tier(geo, record)):
                continue  # the unit did not exist (at this level) that year: no row
            rows.append((code, record.code, year, record.code[:2], treated, unit_id))
    return _panel(c, rows)


def _panel(c: Campaign, rows: list[tuple[str, str, int, str, bool, int]]) -> pd.DataFrame:
    """The panel from (adcode, code_in_year, year, province_code, implementing, unit_id) rows."""
    first = c.start.year
    frame = pd.DataFrame(
        rows, columns=["adcode", "code_in_year", "year", "province_code", "unit", "unit_id"]
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
``adcode``, ``status``."""


def flag(
    series: pd.Series | Iterable[object],
    year: int | None = None,
    provinces: pd.Series | Iterable[object] | None = None,
) -> pd.DataFrame:
    """Flag a column of other people's place names or codes: which place, and is it implementing.

    For a column of a firm or household survey (10 million city names, a few thousand distinct),
    each distinct value (or distinct name and province pair) is matched once, through
    :meth:`Roster.match` against the whole national geography, and the answers are spread back
    over the rows, so the cost grows with the distinct values, not the rows.

    Returns a DataFrame with the index of ``series`` and columns :data:`FLAG_COLUMNS`:

    - ``code``: the code of the place the entry names, in the list of ``year`` (None: the
      newest record of that place), missing where it names none or several;
    - ``name``: that place's official name; ``level``: its kind (an
      :class:`~skillrevival.AdminLevel` value);
    - ``implementing`` (``boolean``): whether the place is itself an implementing unit; missing
      when the entry is ambiguous or unknown, since the library cannot tell;
    - ``adcode``: the roster unit's code as of the notice, where implementing;
    - ``status``: a :class:`~skillrevival.MatchStatus` value (implementing, not_implementing,
      ambiguous, unknown), missing for a missing entry.

    ``code``, ``name``, ``level``, ``adcode`` and ``status`` are Categoricals (few distinct
    values over many rows). ``provinces`` (a column aligned with ``series``, names or codes,
    blank where unknown) settles names that several places share (Suzhou: 苏州 or 宿州).
    """
    c = campaign()
    values = series if isinstance(series, pd.Series) else pd.Series(list(series), dtype=object)
    keys, distinct = pd.factorize(values, use_na_sentinel=True)
    province_of: list[object] | None = None
    if provinces is not None:
        column = (
            provinces
            if isinstance(provinces, pd.Series)
            else pd.Series(list(provinces), dtype=object)
        )
        if len(column) != len(values):
            message = f"must line up with the names: {len(column)} entries for {len(values)}"
            raise ValidationError.single("provinces", message)
        province_keys, province_distinct = pd.factorize(column, use_na_sentinel=True)
        pair = keys.astype("int64") * (len(province_distinct) + 1) + (province_keys + 1)
        pair[keys < 0] = -1
        keys, pairs = pd.factorize(pair, use_na_sentinel=True)
        firsts = (pairs // (len(province_distinct) + 1)).astype("int64")
        seconds = (pairs % (len(province_distinct) + 1)).astype("int64") - 1
        names = [distinct[i] for i in firsts]
        province_of = ["" if j < 0 else province_distinct[j] for j in seconds]
        keys = np.where(pair < 0, -1, keys)
    else:
        names = list(distinct)
    report = c.roster.match(names, provinces=province_of, year=year)
    codes = [p.code if p is not None else None for p in report.places]
    place_names = [p.name if p is not None else None for p in report.places]
    levels = [p.level.value if p is not None else None for p in report.places]
    adcodes = [city.adcode if city is not None else None for city in report.matches]
    statuses = [status.value for status in report.statuses]
    known = [status in ("implementing", "not_implementing") for status in statuses]
    implementing = np.array([s == "implementing" for s in statuses] + [False])
    mask = np.array([not k for k in known] + [True])
    at = np.where(keys < 0, len(statuses), keys)  # the extra last slot: a missing entry
    frame = pd.DataFrame(
        {
            "code": _spread(codes, at),
            "name": _spread(place_names, at),
            "level": _spread(levels, at),
            "implementing": pd.arrays.BooleanArray(implementing[at], mask[at]),
            "adcode": _spread(adcodes, at),
            "status": _spread(statuses, at),
        },
        index=values.index,
        columns=list(FLAG_COLUMNS),
    )
    frame.attrs.update(table=FLAGS.name, title=FLAGS.title, sources=_sources(c))
    return frame


def _spread(per_value: Sequence[str | None], at: np.ndarray[Any, Any]) -> pd.Categorical:
    """A value per distinct entry spread over the rows (``at``; the last slot is missing)."""
    text = np.array([v if v is not None else "" for v in per_value], dtype=object)
    categories, inverse = np.unique(text, return_inverse=True)
    inverse = inverse.astype("int64")
    if len(categories) and categories[0] == "":  # None became "": missing, not a category
        inverse = np.where(inverse == 0, -1, inverse - 1)
        categories = categories[1:]
    codes = np.append(inverse, -1)[at]
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
        problems.append(Problem("years", f"expected years as integers, got {years!r}"))
        return []
    seen: set[int] = set()
    for position, year in enumerate(years):
        path = f"years[{position}]"
        if not _is_whole(year):
            problems.append(Problem(path, f"expected a year as an integer, got {year!r}"))
        elif int(year) in seen:
            problems.append(Problem(path, f"repeats the year {year}"))
        elif not known[0] <= int(year) <= known[-1]:
            message = (
                f"{year} is outside the years whose division lists the library holds "
                f"({known[0]}-{known[-1]}), so which units existed is unknown"
            )
            problems.append(Problem(path, message))
        else:
            seen.add(int(year))
    if not seen and not problems:
        problems.append(Problem("years", "no years given"))
    return sorted(seen)


Chosen = tuple[int, str, bool]
"""A unit of the panel: its lineage key, its stable code (``adcode``), whether it is treated."""


def _roster_units(c: Campaign, geo: Geography, level: Level) -> list[Chosen]:
    """The roster's units at ``level``, in the notice's order, each treated, by 2015 code."""
    lin = geo.units()
    if level == "unit":
        codes = dict.fromkeys(city.adcode for city in c.roster.cities)
    else:
        codes = dict.fromkeys(city.prefecture_code for city in c.roster.cities)
    year = c.start.year
    return [(lin.unit(geo.by_code(code, year)[0]), code, True) for code in codes]


def _units(
    c: Campaign, geo: Geography, units: Iterable[str | int], level: Level, problems: list[Problem]
) -> list[Chosen]:
    """The user's codes, each as a unit with whether it is treated; problems as found.

    A code of any year's list is understood (an old code means its unit; 110100, how yearbooks
    code 北京's districts as a whole, means 北京); a code in no list is a problem, never a
    silent control.
    """
    if isinstance(units, str | bytes) or not isinstance(units, Iterable):
        problems.append(Problem("units", f"expected a list of codes, got {units!r}"))
        return []
    lin = geo.units()
    by_code: dict[str, City] = {}
    for roster_city in c.roster.cities:
        by_code[roster_city.adcode] = roster_city
        for other in roster_city.other_codes:
            by_code[other.code] = roster_city
    roster = {unit: code for unit, code, _ in _roster_units(c, geo, level)}
    chosen: list[Chosen] = []
    first_at: dict[int, int] = {}
    for position, given in enumerate(units):
        path = f"units[{position}]"
        code = f"{int(given):06d}" if _is_whole(given) else given
        if not is_code(code, 6):
            problems.append(Problem(path, f"expected a 6-digit code, got {given!r}"))
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
        unit = lin.unit(place)
        # 定州 under 130682 and under 139001 is one unit, as are 110100 and 110000: name it once.
        if unit in first_at:
            problems.append(Problem(path, f"{code} names the same unit as units[{first_at[unit]}]"))
            continue
        first_at[unit] = position
        stable = roster.get(unit) or lin.records(unit)[-1].code
        chosen.append((unit, stable, unit in roster))
    if not chosen and not problems:
        problems.append(Problem("units", "no units given"))
    return chosen


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
