"""Administrative geography: kinds of units and the codes they carry besides their own.

The roster's units are of several kinds (地级市, 直辖市的区, 县级市, 自治州, 兵团师市), and an
analyst who joins the roster to yearbooks must know which, to aggregate without counting a place
twice.
These enums are not the notice's vocabulary: the notice calls every unit a 城市, so they carry no
clause. Their values are stable snake_case strings, the form in which the data files hold them.
No ``from __future__ import annotations``: the fields' types are objects (see ``_model``).
"""

import enum
from typing import TypeGuard

import attrs


class AdminLevel(enum.Enum):
    """What kind of administrative unit a roster entry or a place is (GB/T 2260 hierarchy).

    The first seven are the kinds the roster's units are of; the others complete the national
    geography (:func:`~skillrevival.geography`): the provincial level, and the county-level
    kinds no roster unit is.
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
}

_PREFECTURE_LEVEL = frozenset(
    {
        AdminLevel.PREFECTURE_CITY,
        AdminLevel.PREFECTURE,
        AdminLevel.LEAGUE,
        AdminLevel.AUTONOMOUS_PREFECTURE,
    }
)

_PROVINCE_LEVEL = frozenset(
    {AdminLevel.PROVINCE, AdminLevel.AUTONOMOUS_REGION, AdminLevel.MUNICIPALITY}
)


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


def is_code(text: object, digits: int) -> TypeGuard[str]:
    """Whether ``text`` is a string of exactly ``digits`` ASCII digits."""
    return isinstance(text, str) and len(text) == digits and text.isascii() and text.isdigit()
