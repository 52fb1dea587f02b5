"""Kinds of administrative units (GB/T 2260 levels), and what a code is.

The roster's units are of several kinds (地级市, 直辖市的区, 县级市, 自治州, 兵团师市), and an
analyst who joins the roster to yearbooks must know which, to aggregate without counting a place
twice.
These enums are not the notice's vocabulary: the notice calls every unit a 城市, so they carry no
clause. Their values are stable snake_case strings, the form in which the data files hold them.
No ``from __future__ import annotations``: the fields' types are objects (see ``_model``).
"""

import enum
import numbers
from typing import TypeGuard

from .._text import whole_text


class AdminLevel(enum.Enum):
    """What kind of administrative unit a roster entry or a place is (GB/T 2260 hierarchy).

    The first seven are the kinds the roster's units are of; the others complete the national
    geography (:func:`~skillrevival.geography`): the provincial level, the county-level kinds
    no roster unit is, and three kinds found only in the lists of the 1980s: 海南行政区
    (1980-1987, prefecture-level), 畹町镇 (a county-level town, 1980-1984) and 井冈山 (named
    with no suffix in the 1980 list).
    """

    PREFECTURE_CITY = "prefecture_city"
    PREFECTURE = "prefecture"
    LEAGUE = "league"
    AUTONOMOUS_PREFECTURE = "autonomous_prefecture"
    MUNICIPAL_DISTRICT = "municipal_district"
    COUNTY_CITY = "county_city"
    XPCC_CITY = "xpcc_city"
    PROVINCE = "province"
    AUTONOMOUS_REGION = "autonomous_region"
    MUNICIPALITY = "municipality"
    DISTRICT = "district"
    COUNTY = "county"
    AUTONOMOUS_COUNTY = "autonomous_county"
    BANNER = "banner"
    AUTONOMOUS_BANNER = "autonomous_banner"
    FOREST_AREA = "forest_area"
    SPECIAL_DISTRICT = "special_district"
    ADMINISTRATIVE_REGION = "administrative_region"
    COUNTY_TOWN = "county_town"
    COUNTY_LEVEL_OTHER = "county_level_other"

    @property
    def zh(self) -> str:
        """The Chinese term for this kind of unit."""
        return _TERMS[self][0]

    @property
    def en(self) -> str:
        """The English term for this kind of unit."""
        return _TERMS[self][1]

    @property
    def prefecture_level(self) -> bool:
        """Whether units of this kind are themselves prefecture-level (地级) units."""
        return self in _PREFECTURE_LEVEL

    @property
    def province_level(self) -> bool:
        """Whether units of this kind are provincial-level (省级): province, autonomous region,
        municipality."""
        return self in _PROVINCE_LEVEL

    @property
    def county_level(self) -> bool:
        """Whether units of this kind are county-level (县级), districts of municipalities and
        XPCC division-cities included."""
        return not (self in _PREFECTURE_LEVEL or self in _PROVINCE_LEVEL)


_TERMS: dict[AdminLevel, tuple[str, str]] = {
    AdminLevel.PREFECTURE_CITY: ("地级市", "prefecture-level city"),
    AdminLevel.PREFECTURE: ("地区", "prefecture"),
    AdminLevel.LEAGUE: ("盟", "league"),
    AdminLevel.AUTONOMOUS_PREFECTURE: ("自治州", "autonomous prefecture"),
    AdminLevel.MUNICIPAL_DISTRICT: ("直辖市市辖区", "district of a municipality"),
    AdminLevel.COUNTY_CITY: ("县级市", "county-level city"),
    AdminLevel.XPCC_CITY: ("兵团师市", "XPCC division-city"),
    AdminLevel.PROVINCE: ("省", "province"),
    AdminLevel.AUTONOMOUS_REGION: ("自治区", "autonomous region"),
    AdminLevel.MUNICIPALITY: ("直辖市", "municipality"),
    AdminLevel.DISTRICT: ("市辖区", "district"),
    AdminLevel.COUNTY: ("县", "county"),
    AdminLevel.AUTONOMOUS_COUNTY: ("自治县", "autonomous county"),
    AdminLevel.BANNER: ("旗", "banner"),
    AdminLevel.AUTONOMOUS_BANNER: ("自治旗", "autonomous banner"),
    AdminLevel.FOREST_AREA: ("林区", "forest area"),
    AdminLevel.SPECIAL_DISTRICT: ("特区", "special district"),
    AdminLevel.ADMINISTRATIVE_REGION: ("行政区", "administrative region"),
    AdminLevel.COUNTY_TOWN: ("县级镇", "county-level town"),
    AdminLevel.COUNTY_LEVEL_OTHER: ("其他县级单位", "county-level unit of no named kind"),
}

_PREFECTURE_LEVEL = frozenset(
    {
        AdminLevel.PREFECTURE_CITY,
        AdminLevel.PREFECTURE,
        AdminLevel.LEAGUE,
        AdminLevel.AUTONOMOUS_PREFECTURE,
        AdminLevel.ADMINISTRATIVE_REGION,
    }
)

_PROVINCE_LEVEL = frozenset(
    {AdminLevel.PROVINCE, AdminLevel.AUTONOMOUS_REGION, AdminLevel.MUNICIPALITY}
)


def is_code(text: object, digits: int) -> TypeGuard[str]:
    """Whether ``text`` is a string of exactly ``digits`` ASCII digits."""
    return isinstance(text, str) and len(text) == digits and text.isascii() and text.isdigit()


def as_query(value: object) -> str | None:
    """The text to look up for one value: a string as it is, an integer or a whole float as a code.

    Integers of any kind (numpy's included, through :class:`numbers.Integral`) and floats that
    are whole (320500.0, as a spreadsheet column of codes arrives) become their digits; anything
    else (None, NaN, 3.5, True) is None: not a query.
    """
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, numbers.Integral):
        return whole_text(int(value), "query")
    if isinstance(value, numbers.Real):
        number = float(value)
        if number.is_integer() and number >= 0:
            return str(int(number))
    return None


def code_of(value: object) -> str | None:
    """A code as six digits, as :meth:`Geography.by_code` reads it: a str as it is, an int from 0
    to 999999 zero-padded (5 is ``"000005"``); None for anything else.

    The one place where a key becomes a code; a name is read by :func:`as_query` instead.
    """
    if type(value) is str:
        return value
    if type(value) is int and 0 <= value <= 999_999:
        return f"{value:06d}"
    return None
