"""The campaign as frozen, typed records.

Every class here is a frozen, slotted attrs class whose collections are tuples, so nothing a caller
receives can be changed. The classes hold no facts of their own: the facts live in
``data/campaign.json`` and reach these classes through the converter. Rules that span several
fields (quotas, orders, dates) live in :mod:`skillrevival._campaign.rules`, which reports every
problem with its path; they are not attrs validators.

No ``from __future__ import annotations`` here: the fields' types are objects from the start,
so that :func:`attrs.resolve_types` (in the fast pass) has no strings to compile on the first
:func:`~skillrevival.campaign`. Names imported only for type checking are written in quotes.
"""

import datetime as dt
import enum
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

import attrs
import pendulum

from .._errors import NotFoundError, ValidationError
from .._geo.levels import AdminLevel
from .._index import CITY_SUFFIXES, CITY_SUFFIXES_EN, PROVINCE_SUFFIXES, PROVINCE_SUFFIXES_EN, Index
from .dates import parse_iso_date

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from .._geo.records import Place
    from .join import MatchReport, RosterLinks


class CodeKind(enum.Enum):
    """What a code other than a unit's own 2015 ``adcode`` is."""

    CURRENT = "current"
    """The civil-affairs (GB/T 2260) code in force now, where it differs from the 2015 one."""
    STATISTICAL = "statistical"
    """The code the National Bureau of Statistics' 统计用区划代码 gives, where it differs."""


@attrs.frozen
class OtherCode:
    """A code under which other data may know a unit, with what it is and where it comes from.

    ``source`` is the id of a :class:`~skillrevival.Source` of the campaign.
    """

    code: str
    """The other code (定州市: 139001)."""
    kind: CodeKind
    """What kind of code it is: the current civil-affairs code or a statistical one."""
    source: str
    note: str
    """Why the unit has this code as well, and where it stands in that list."""


def province_keys(province: "Province") -> tuple[str, ...]:
    """Every name and code under which a province is found."""
    codes = () if province.code is None else (province.code, province.code + "0000")
    names = (province.name, province.official_name, province.name_en, *province.other_names)
    return (*names, *codes)


def city_keys(city: "City") -> tuple[str, ...]:
    """Every name and code under which a city is found."""
    names = (city.name, city.official_name, city.name_en, *city.other_names)
    return (*names, city.adcode, *(other.code for other in city.other_codes))


@attrs.frozen
class Term:
    """A phrase of the notice in its own words (``zh``, verbatim) with an English rendering.

    Examples:
        >>> import skillrevival
        >>> name = skillrevival.campaign().name
        >>> name.zh
        '全国第二批百城技能振兴专项活动'
    """

    zh: str
    """The notice's own words, verbatim, misprints included."""
    en: str
    """An English rendering, the project's own: the notice has none."""


@attrs.frozen
class Attachment:
    """One of the notice's attachments (附件), by number and title."""

    number: int
    """The attachment's number (附件1 is 1, 附件2 is 2)."""
    title: Term
    """Its title as printed, with an English rendering."""


@attrs.frozen
class Notice:
    """The notice 人社部函〔2015〕67号 itself: who issued it, when, to whom, and what it asks.

    ``plan_deadline`` is the date by which each province reports its cities' implementation plans
    to ``plans_submitted_to``; the notice prints it as ``plan_deadline_printed`` (2015年5月底前,
    "before the end of May 2015"), read as the last day of that month.
    """

    number: str
    """The document number as printed (人社部函〔2015〕67号), full-width brackets kept."""
    title: Term
    """The notice's title."""
    issuer: Term
    """Who issued it: the Ministry of Human Resources and Social Security (人力资源和社会保障部)."""
    issued_on: pendulum.Date
    """The date it was issued (2015-04-20)."""
    addressees: tuple[Term, ...]
    """Whom it is addressed to, as printed."""
    attachments: tuple[Attachment, ...]
    """Its attachments in order: the work plan (附件1) and the roster (附件2)."""
    plan_deadline: pendulum.Date
    plan_deadline_printed: str
    plans_submitted_to: Term


@attrs.frozen
class StatedDuration:
    """How long the plan says the campaign lasts, as printed (为时两年: two years).

    The phases span a different length of time; see :attr:`Campaign.anomalies`.
    """

    printed: str
    """The plan's words for the duration (为时两年)."""
    en: str
    """The same in English (two years)."""
    years: int
    """The duration the words state, in years; the phases span less (see the anomalies)."""
    clause: str
    """Where the plan states it (附件1 五)."""


@attrs.frozen
class Phase:
    """One of the plan's three implementation phases (实施步骤, 附件1 五).

    The notice gives months; ``start`` is the first day of the first month and ``end`` the last
    day of the last month, both inclusive. ``printed_period`` keeps the notice's wording.

    Examples:
        >>> import skillrevival
        >>> phase = skillrevival.campaign().phases[1]
        >>> phase.name.zh, str(phase.start), str(phase.end)
        ('第二阶段', '2015-06-01', '2016-09-30')
        >>> phase.contains("2016-01-05")
        True
    """

    number: int
    """The phase's number, 1 to 3, in the plan's order."""
    name: Term
    """Its name (第一阶段, Phase 1)."""
    printed_period: str
    start: pendulum.Date
    end: pendulum.Date
    tasks: tuple[Term, ...]
    """What the plan asks in this phase, in its own words, one term per task."""
    clause: str
    """Where the plan sets it out (附件1 五)."""

    def contains(self, day: dt.date | str) -> bool:
        """Whether ``day`` falls within this phase, both ends included.

        ``day`` is a date, a datetime (its date counts) or a ``YYYY-MM-DD`` string; anything
        else raises :class:`ValidationError`.
        """
        return self.start <= _as_date(day) <= self.end


@attrs.frozen
class PlanItem:
    """A numbered item of the work plan (附件1): an objective, a main task or a safeguard.

    ``clause`` is where the item stands (``附件1 三（二）``); ``title.zh`` is the notice's own
    words for it, verbatim, and ``title.en`` a short English rendering.
    """

    number: int
    """The item's number within its list, from 1, in the notice's order."""
    clause: str
    title: Term
    """The item in the notice's words (``title.zh``) and in short English (``title.en``)."""


@attrs.frozen
class City:
    """An implementing unit of the roster (实施城市（地区、州、盟）).

    ``name`` is exactly as printed, misprints included (鹰谭市); ``seq`` is its position within
    its province's row, from 1; ``province`` is the name of that province as in
    :attr:`Province.name`.

    The geography comes from a named code list (``source``, the id of a :class:`Source`):
    ``adcode`` is the 6-digit GB/T 2260 code in force at the notice date (see
    :attr:`Roster.codes_as_of`), ``official_name`` the full name in that list (鹰潭市,
    凉山彝族自治州), ``level`` the kind of unit, and ``parent`` the code of the prefecture or
    province-level unit that holds it, for units below prefecture level only (None for
    prefecture-level units).
    ``name_en`` is the standard English name; ``other_names`` are further spellings it is found
    under (Xigazê, Ürümqi); ``other_codes`` are codes other lists give it (定州: 139001 in the
    statistical list), each saying what it is.

    Examples:
        >>> import skillrevival
        >>> city = skillrevival.campaign().roster.city("Yingtan")
        >>> city.name, city.official_name, city.adcode
        ('鹰谭市', '鹰潭市', '360600')
        >>> city.code_in(2025)
        '360600'
    """

    seq: int
    name: str
    province: str
    adcode: str
    official_name: str
    level: AdminLevel
    parent: str | None
    name_en: str
    source: str
    other_names: tuple[str, ...] = ()
    other_codes: tuple[OtherCode, ...] = ()

    @property
    def prefecture_code(self) -> str:
        """The code of the prefecture-level unit to aggregate this unit into.

        Its own code for a prefecture-level unit; the municipality's for a district of one
        (丰台区 → 110000); the prefecture's for a county-level city inside a prefecture (定州市 →
        保定市 130600, so 保定 and 定州 together count once); its own code for a county-level unit
        held directly by a province (济源市 419001, 阿拉尔市 659002).
        """
        if self.level is AdminLevel.MUNICIPAL_DISTRICT and self.parent is not None:
            return self.parent
        if self.parent is not None and not self.parent.endswith("0000"):
            return self.parent
        return self.adcode

    @property
    def place(self) -> "Place":
        """This unit's record in the 2015-04 list the roster was coded against.

        Its ``successors`` say what replaced it (江北区 500105 is gone from the 2025 list), its
        ``start`` and ``end`` the years it stood. Raises :class:`NotFoundError` for a city whose
        code the geography does not hold (a roster read from a file may have any codes).
        """
        # Deferred: only those who ask for a place pay for the geography's modules and data.
        from .._geo.geography import geography
        from .join import place_of

        found = place_of(geography(), self)
        if found is None:
            message = f"the geography has no record of {self.name} ({self.adcode}) in 2015-04"
            raise NotFoundError(message, self.adcode)
        return found

    def code_in(self, year: int) -> str | None:
        """The code of this unit in ``year``'s list, or None when the unit was not in it.

        铜仁 is 522200 (铜仁地区) in 2010 and 520600 from 2011; 江北区 (500105) is None in 2025,
        when :attr:`place`'s ``successors`` say what took its place. A unit continues through a
        change of code, name or level that replaces it by one record (铜仁地区 → 铜仁市); a
        split, a merge or an abolition ends it.
        """
        # Deferred, as in place.
        from .._geo.geography import geography
        from .._geo.lineage import record_in
        from .._geo.names import check_year

        geo = geography()
        checked = check_year(geo, year)
        if checked is None:
            raise ValidationError.single("year", "expected a year, got None")
        record = record_in(geo, self.place, checked)
        return None if record is None else record.code


@attrs.frozen
class Province:
    """A row of the roster: a provincial-level region (地区), its quota (数量) and its cities.

    ``name`` is as printed with the table's padding spaces removed (北京, 内蒙古, 新疆兵团);
    ``seq`` is the row's number (序号).

    ``code`` is the 2-digit GB/T 2260 province code, from the code list ``source`` names.
    新疆兵团 (the Xinjiang Production and Construction Corps) is no province and has no such code:
    its ``code`` is None and ``within`` is the code of the province its units lie in (65,
    Xinjiang). ``official_name`` is the full name (内蒙古自治区), ``name_en`` the English name,
    ``other_names`` further spellings it is found under.

    Examples:
        >>> import skillrevival
        >>> jiangsu = skillrevival.campaign().roster.province("江苏")
        >>> [city.name for city in jiangsu.cities]
        ['无锡市', '苏州市', '南通市', '盐城市', '宿迁市']
        >>> jiangsu.code, jiangsu.adcode
        ('32', '320000')
    """

    seq: int
    name: str
    quota: int
    """How many implementing cities the row names (数量); equal to ``len(cities)``."""
    cities: tuple[City, ...]
    """Its implementing units in the row's order."""
    code: str | None
    official_name: str
    name_en: str
    within: str | None
    source: str
    other_names: tuple[str, ...] = ()

    @property
    def adcode(self) -> str | None:
        """The 6-digit form of :attr:`code` (江苏: 320000), or None where there is no code."""
        return None if self.code is None else self.code + "0000"


@attrs.frozen
class Roster:
    """The list of implementing cities (附件2), province by province in the notice's order.

    Lookups accept a name as printed or without its administrative suffix (江苏 or 江苏省,
    苏州 or 苏州市), the official name, the English name in any case, and the codes; they ignore
    spaces and full-width forms, and are built once per roster. ``codes_as_of`` says which code
    list the cities' codes are taken from, and as of when.

    Examples:
        >>> import skillrevival
        >>> roster = skillrevival.campaign().roster
        >>> roster.city("苏州").adcode, roster.province("江苏省").quota
        ('320500', 5)
        >>> len(roster.cities), roster.total_quota
        (100, 100)
    """

    title: Term
    """The roster's title as printed (全国第二批百城技能振兴专项活动城市名单)."""
    clause: str
    """Where the notice prints it (附件2)."""
    provinces: tuple[Province, ...]
    """The 32 rows in the notice's order (序号 1 to 32)."""
    total_quota: int
    """The sum of the rows' quotas: 100, the number of implementing units."""
    codes_as_of: str

    @cached_property
    def cities(self) -> tuple[City, ...]:
        """All cities in the notice's order, province by province."""
        return tuple(city for province in self.provinces for city in province.cities)

    @cached_property
    def _province_index(self) -> Index[Province]:
        entries = ((province_keys(p), p) for p in self.provinces)
        return Index("province", entries, _province_label, PROVINCE_SUFFIXES + PROVINCE_SUFFIXES_EN)

    @cached_property
    def _city_index(self) -> Index[City]:
        entries = ((city_keys(c), c) for c in self.cities)
        return Index("city", entries, _city_label, CITY_SUFFIXES + CITY_SUFFIXES_EN)

    def province(self, key: str | int) -> Province:
        """The province that ``key`` (a name, or a code as str or int) names.

        Raises :class:`NotFoundError` (a ``LookupError``) on a miss or an ambiguous key; its
        ``suggestions`` are keys this method accepts, its ``candidates`` the provinces an
        ambiguous key names. A ``key`` of any other type raises :class:`ValidationError`.
        """
        return self._province_index.lookup(key)

    def get_province(self, key: str | int) -> Province | None:
        """The province that ``key`` names, or None (a miss, or an ambiguous key)."""
        return self._province_index.get(key)

    def city(self, key: str | int) -> City:
        """The city that ``key`` names: a lookup by name, or by code as str or int (``130682``).

        Raises :class:`NotFoundError` (a ``LookupError``) on a miss or an ambiguous key; its
        ``suggestions`` are keys this method accepts, its ``candidates`` the cities an
        ambiguous key names. A ``key`` of any other type raises :class:`ValidationError`.

        A name or code the roster does not print is tried in the national geography, so that
        a code or name of another year finds its unit: 522200 (铜仁地区, until 2010) finds 铜仁,
        日喀则地区 finds 日喀则市.
        """
        hits = self._find_city(key)
        if len(hits) == 1:
            return hits[0]
        if not hits:
            found = self._through_geography(key)
            if found is not None:
                return found
            if self._city_index.find(key):  # the roster's guess, overruled by the geography
                raise self._city_index.miss(key if isinstance(key, str) else str(key))
        return self._city_index.lookup(key)

    def get_city(self, key: str | int) -> City | None:
        """The city that ``key`` names, or None (a miss, or an ambiguous key)."""
        hits = self._find_city(key)
        if len(hits) == 1:
            return hits[0]
        return None if hits else self._through_geography(key)

    def _find_city(self, key: str | int) -> tuple[City, ...]:
        """The roster's own answer for ``key``, unless it is a guess that the geography
        overrules: a name found only by dropping its own suffix (巴州区 as 巴州, 652800), when
        the geography knows the name as places none of which is that city (巴州区 is 511902, a
        district of 巴中)."""
        index = self._city_index
        hits = index.find(key)
        if len(hits) != 1 or index.by_name(key):
            return hits
        # Deferred: only a name found by its stem pays for reading the geography.
        from .._geo.geography import geography
        from .._geo.names import find_places

        geo = geography()
        text = key if isinstance(key, str) else str(key)
        places = find_places(geo, geo.names(), text, None, None)
        if places and all(self.unit_of(place) is not hits[0] for place in places):
            return ()
        return hits

    def find_cities(self, key: str | int) -> tuple[City, ...]:
        """Every city that ``key`` names among the roster's own names and codes (the geography
        is read only to overrule a name found by dropping its suffix, as :meth:`city` does)."""
        return self._find_city(key)

    def unit_of(self, place: "Place") -> City | None:
        """The city of this roster that ``place`` is a record of (in any year), or None."""
        links: RosterLinks = self._links
        return links.implementing(place)

    def cities_in(self, place: "Place") -> tuple[City, ...]:
        """The cities of this roster that lie inside ``place`` (保定 holds 定州)."""
        links: RosterLinks = self._links
        return links.contained(place)

    @cached_property
    def _links(self) -> Any:  # RosterLinks: named loosely, so that importing the model
        # (cattrs reads these annotations) does not import the geography's modules.
        # Deferred: the geography is read only when asked for.
        from .._geo.geography import geography
        from .join import RosterLinks

        return RosterLinks(geography(), self)

    def _through_geography(self, key: object) -> City | None:
        """The city that a name or code of another year names, found through the geography."""
        # Deferred: only a miss of the roster's own index pays for reading the geography.
        from .._geo.geography import geography
        from .._geo.levels import as_query

        text = as_query(key)
        if text is None:
            return None
        place = geography().get_place(text)
        return None if place is None else self.unit_of(place)

    def __len__(self) -> int:
        """The number of cities."""
        return len(self.cities)

    def __iter__(self) -> "Iterator[City]":
        """The cities, in the notice's order (as :attr:`cities`)."""
        return iter(self.cities)

    def __contains__(self, item: object) -> bool:
        """Whether ``item`` (a :class:`City`, a name or a code) is a city of this roster.

        For a name or a code, exactly when :meth:`get_city` finds it (so :meth:`city` would
        return it); anything else is never in a roster.
        """
        if isinstance(item, City):
            return item in self.cities
        if isinstance(item, str) or (isinstance(item, int) and not isinstance(item, bool)):
            return self.get_city(item) is not None
        return False

    def province_of(self, city: City) -> Province:
        """The province row that holds ``city``."""
        return self._province_index.lookup(city.province)

    def match(
        self,
        names: "Iterable[object]",
        *,
        provinces: "Iterable[object] | None" = None,
        year: "int | Iterable[object] | None" = None,
        level: "Literal['province', 'prefecture', 'county'] | None" = None,
    ) -> "MatchReport":
        """Match many free-text names or codes at once (a column of someone else's table).

        Each entry is looked up in the whole national geography first (so that 宿州, which is
        also Suzhou, is not taken for 苏州), then the report says what the place it names is to
        the roster. ``statuses`` says it for each entry: ``implementing`` (a roster unit),
        ``within`` (inside one: 吴中区 and 昆山市 lie in 苏州), ``contains`` (holds some without
        saying which: 上海, 江苏), ``not_implementing`` (none of these), ``ambiguous``,
        ``unknown`` (:class:`MatchStatus`). ``matches`` lines up with ``names``: the city the
        entry is or lies in, or None; ``places`` the place, or None; ``misses`` every entry
        without a city, with its reason.

        A name that several places share is ambiguous unless ``provinces``, a column aligned
        with ``names`` (names or codes, blank where unknown), settles it, or ``level``
        (``"province"``, ``"prefecture"`` or ``"county"``: the tier the column names) does.
        ``year`` picks the list the names and codes are read in: one year for every entry, a
        sequence aligned with ``names`` (a year per row; None or NaN where unknown, whole floats
        read as years; a bad one is named ``year[i]``), or None: any year's, the newest record
        of each. Whether a place lies in or holds a roster unit is read in the same year.
        Integers (numpy's too) and whole floats (320500.0) are read as codes; a lone string is
        refused, since it would be read as one name per character.
        """
        from .join import match

        return match(self, names, provinces, year, level)


@attrs.frozen
class Anomaly:
    """A place where the notice is wrong or inconsistent, kept as printed beside the correction.

    ``where`` is the path in the data of the value that keeps the printed form.
    """

    where: str
    clause: str
    """Where in the notice the printed form stands (附件2)."""
    printed: str
    """What the notice prints (鹰谭市)."""
    corrected: str
    """What it should say (鹰潭市), from the source that shows it."""
    explanation: str
    """Why the printed form is wrong, and what the data does about it."""


@attrs.frozen
class Source:
    """A document or dataset that facts in the bundled data come from."""

    id: str
    """The id that records cite in their ``source`` field (``notice``, ``gb2260-201504``)."""
    title: str
    """The source's full title, with its edition or vintage."""
    publisher: str
    """Who publishes it."""
    as_of: str
    """The date or vintage of the source the facts are taken from."""


@attrs.frozen
class Campaign:
    """A batch of the Hundred Cities Skills Revitalization Campaign (百城技能振兴专项活动).

    The work plan's structure travels with it: ``objectives`` (目标任务, 附件1 二),
    ``main_tasks`` (主要内容, 附件1 三) and ``safeguards`` (保障措施, 附件1 四), each numbered
    from 1 in the notice's order; the implementation steps (附件1 五) are ``phases``.

    Examples:
        >>> import skillrevival
        >>> campaign = skillrevival.campaign()
        >>> campaign.notice.number, str(campaign.notice.issued_on)
        ('人社部函〔2015〕67号', '2015-04-20')
        >>> campaign.phase_on("2016-01-01").number
        2
    """

    batch: int
    """Which national batch this is: 2, the second."""
    name: Term
    """The campaign's full name (全国第二批百城技能振兴专项活动)."""
    notice: Notice
    """The notice that launched it, 人社部函〔2015〕67号."""
    stated_duration: StatedDuration
    """How long the plan says it lasts (为时两年), as printed."""
    phases: tuple[Phase, ...]
    objectives: tuple[PlanItem, ...]
    main_tasks: tuple[PlanItem, ...]
    safeguards: tuple[PlanItem, ...]
    roster: Roster
    """The implementing cities (附件2): 100 units in 32 provincial-level rows."""
    anomalies: tuple[Anomaly, ...]
    """Where the notice is wrong or inconsistent, printed form beside correction."""
    sources: tuple[Source, ...]
    """Every document and dataset the data's facts come from, by id."""

    @property
    def plan_deadline(self) -> pendulum.Date:
        """The deadline for cities' implementation plans (2015年5月底前), as a date."""
        return self.notice.plan_deadline

    @property
    def start(self) -> pendulum.Date:
        """The first day of the first phase."""
        return self.phases[0].start

    @property
    def end(self) -> pendulum.Date:
        """The last day of the last phase."""
        return self.phases[-1].end

    def phase_on(self, day: dt.date | str) -> Phase | None:
        """The phase that contains ``day``, or None when it falls outside every phase.

        ``day`` is a :class:`pendulum.Date`, a :class:`datetime.date`, a
        :class:`datetime.datetime` (its calendar date is used, in its own time zone) or an ISO
        ``YYYY-MM-DD`` string. Anything else raises :class:`ValidationError`.
        """
        target = _as_date(day)
        for phase in self.phases:
            if phase.start <= target <= phase.end:
                return phase
        return None


def _as_date(day: object) -> dt.date:
    """Reduce the date-like inputs that lookups accept to a plain calendar date."""
    if isinstance(day, dt.datetime):
        return day.date()
    if isinstance(day, dt.date):
        return day
    if isinstance(day, str):
        try:
            return parse_iso_date(day)
        except ValueError as error:
            raise ValidationError.single("date", str(error)) from None
    message = f"expected a date, a datetime or a YYYY-MM-DD string, got {type(day).__name__}"
    raise ValidationError.single("date", message)


def _province_label(province: Province) -> str:
    return province.name


def _city_label(city: City) -> str:
    return f"{city.name} ({city.province})"
