"""The roster and a treatment panel as pandas DataFrames (optional extra ``skillrevival[pandas]``).

Column names are a stable contract, shared with the command line's ``export`` (one list of
columns in ``skillrevival._tables``): snake_case, the code column is ``adcode``, the province
frame has ``quota``. ``province`` and ``level`` are pandas Categoricals, ``province`` ordered as
the notice orders its rows, so sorting by it gives 附件2's order.

:func:`treatment_panel` builds the unit-by-year frame that evaluation studies of the campaign
start from; its definitions are stated in its docstring and in the docs' how-to page.
"""

from __future__ import annotations

import numbers
from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal, TypeGuard

try:
    import numpy as np
    import pandas as pd
except ImportError:  # pragma: no cover - tested in a subprocess that hides pandas
    raise ImportError(
        "skillrevival.frames needs pandas: install it with pip install 'skillrevival[pandas]'"
    ) from None

from ._errors import Problem, ValidationError
from ._geography import AdminLevel, is_code
from ._loader import campaign
from ._tables import CITY_COLUMNS, PROVINCE_COLUMNS, city_rows, province_rows

if TYPE_CHECKING:
    from ._model import Campaign, City

__all__ = ["cities", "provinces", "treatment_panel"]

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
    frame = pd.DataFrame(list(city_rows(c)), columns=[name for name, _ in CITY_COLUMNS])
    frame["province"] = _province_categorical(c, frame["province"])
    frame["level"] = pd.Categorical(
        frame["level"], categories=[level.value for level in AdminLevel], ordered=False
    )
    return frame


def provinces() -> pd.DataFrame:
    """One row per row of 附件2 (32: 31 provinces and 新疆兵团), in the notice's order.

    Columns, in order: ``seq``, ``name`` (as printed, padding removed: 内蒙古), ``official_name``
    (内蒙古自治区), ``name_en``, ``code`` (2 digits), ``adcode`` (6 digits), ``within`` (for
    新疆兵团, which has no code: 65, the province its units lie in), ``quota`` (数量), ``source``.
    ``name`` is an ordered Categorical in the notice's order, with the same categories as the
    ``province`` column of :func:`cities`, so the two frames join on it.
    """
    c = campaign()
    frame = pd.DataFrame(list(province_rows(c)), columns=[name for name, _ in PROVINCE_COLUMNS])
    frame["name"] = _province_categorical(c, frame["name"])
    return frame


def treatment_panel(
    years: Iterable[int],
    level: Level = "unit",
    units: Iterable[str | int] | None = None,
) -> pd.DataFrame:
    """One row per unit and year: the frame a difference-in-differences study starts from.

    Columns: ``adcode`` (str), ``year`` (int), ``phase`` (str or None) and ``treated`` (bool),
    sorted by unit (in the order of ``units``, or the notice's) and then by year.

    - ``phase`` lists the numbers of the plan's phases (附件1 五) that touch the year, joined by
      commas: ``"1,2"`` for 2015 (phase 1, March to May 2015, and phase 2 from June 2015),
      ``"2,3"`` for 2016, None for every other year.
    - ``treated`` is True for a treated unit in every year from 2015 on, the year the campaign
      began (its phase 1 starts in March 2015; the notice is dated 2015-04-20), and False before.
      It stays True after the campaign ended in 2016: it is the absorbing "treated and after"
      indicator of event studies. To keep the campaign's own years only, filter on ``phase``.
    - ``level="unit"`` (the default): the panel's units are the roster's 100 implementing units,
      each under its own code; districts of municipalities (丰台区) and county-level cities
      (定州市, 丰城市) are units of their own. A code treats a unit only if it names an
      implementing unit itself (under its 2015 code or another code the data gives it, such as
      定州's statistical 139001): 北京 110000 and 江苏 320000 are not treated.
    - ``level="prefecture"``: units are rolled up to the prefecture-level unit that holds them
      (:attr:`~skillrevival.City.prefecture_code`), and a prefecture is treated when it holds
      at least one implementing unit. Districts roll up to their municipality (北京's three to
      110000), county-level cities to their prefecture (丰城 to 宜春 360900; 定州 to 保定
      130600, which is itself on the roster and counts once), and units that a province holds
      directly stand alone (济源 419001, 第一师阿拉尔市 659002). The roster gives 91 such units.

    ``units`` are the codes of the panel's units (6-digit strings, or integers), for instance the
    roster's units and your own untreated controls; by default the roster's units, all treated.
    At prefecture level a code of an implementing unit below prefecture level (定州 130682) is
    refused, since the unit holding it stands for it. Bad input raises
    :class:`~skillrevival.ValidationError` naming every problem.
    """
    c = campaign()
    problems: list[Problem] = []
    year_list = _years(years, problems)
    if level not in ("unit", "prefecture"):
        problems.append(Problem("level", f"expected 'unit' or 'prefecture', got {level!r}"))
        raise ValidationError(problems, what="argument")
    units_treated = _roster_units(c, level) if units is None else _units(c, units, level, problems)
    if problems:
        raise ValidationError(problems, what="argument")
    phases = {year: _phases_touching(c, year) for year in year_list}
    first = c.start.year
    rows = [
        (code, year, phases[year], treated and year >= first)
        for code, treated in units_treated
        for year in year_list
    ]
    frame = pd.DataFrame(rows, columns=["adcode", "year", "phase", "treated"])
    return frame.astype({"year": "int64", "treated": "bool"})


def _province_categorical(c: Campaign, values: pd.Series) -> pd.Categorical:
    order = [province.name for province in c.roster.provinces]
    return pd.Categorical(values, categories=order, ordered=True)


def _years(years: Iterable[int], problems: list[Problem]) -> list[int]:
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
        else:
            seen.add(int(year))
    if not seen and not problems:
        problems.append(Problem("years", "no years given"))
    return sorted(seen)


def _roster_units(c: Campaign, level: Level) -> list[tuple[str, bool]]:
    """The roster's units at ``level``, in the notice's order, each treated."""
    if level == "unit":
        codes = dict.fromkeys(city.adcode for city in c.roster.cities)
    else:
        codes = dict.fromkeys(city.prefecture_code for city in c.roster.cities)
    return [(code, True) for code in codes]


def _units(
    c: Campaign, units: Iterable[str | int], level: Level, problems: list[Problem]
) -> list[tuple[str, bool]]:
    """The user's codes, each with whether it is treated at ``level``; problems as found."""
    if isinstance(units, str | bytes) or not isinstance(units, Iterable):
        problems.append(Problem("units", f"expected a list of codes, got {units!r}"))
        return []
    by_code: dict[str, City] = {}
    for unit in c.roster.cities:
        by_code[unit.adcode] = unit
        for other in unit.other_codes:
            by_code[other.code] = unit
    prefectures = {city.prefecture_code for city in c.roster.cities}
    chosen: list[tuple[str, bool]] = []
    first_at: dict[str, int] = {}
    for position, given in enumerate(units):
        path = f"units[{position}]"
        code = str(int(given)) if _is_whole(given) else given
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
        # 定州 under 130682 and under 139001 is one unit: name it once.
        key = city.adcode if city is not None else code
        if key in first_at:
            problems.append(Problem(path, f"{code} names the same unit as units[{first_at[key]}]"))
            continue
        first_at[key] = position
        treated = city is not None if level == "unit" else code in prefectures
        chosen.append((code, treated))
    if not chosen and not problems:
        problems.append(Problem("units", "no units given"))
    return chosen


def _is_whole(value: object) -> TypeGuard[numbers.Integral]:
    """An integer, numpy's included (a column's values), but not a bool."""
    return isinstance(value, numbers.Integral) and not isinstance(value, bool | np.bool_)


def _phases_touching(c: Campaign, year: int) -> str | None:
    numbers = [str(p.number) for p in c.phases if p.start.year <= year <= p.end.year]
    return ",".join(numbers) or None
