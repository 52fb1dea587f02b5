"""The roster's geography against values typed by hand, and the lookups that use it.

The tables below were typed from the Ministry of Civil Affairs list of April 2015 (GB/T 2260
codes and official names) and from the English names checked one by one, not from the data file.
"""

import attrs
import pytest

import skillrevival
from skillrevival import AdminLevel, CodeKind, MissReason

# printed name | adcode | official name | English name
CITIES = """
丰台区 110106 丰台区 Fengtai
大兴区 110115 大兴区 Daxing
门头沟区 110109 门头沟区 Mentougou
滨海新区 120116 滨海新区 Binhai_New_Area
津南区 120112 津南区 Jinnan
宝坻区 120115 宝坻区 Baodi
唐山市 130200 唐山市 Tangshan
保定市 130600 保定市 Baoding
秦皇岛市 130300 秦皇岛市 Qinhuangdao
定州市 130682 定州市 Dingzhou
运城市 140800 运城市 Yuncheng
临汾市 141000 临汾市 Linfen
朔州市 140600 朔州市 Shuozhou
呼和浩特市 150100 呼和浩特市 Hohhot
鄂尔多斯市 150600 鄂尔多斯市 Ordos
沈阳市 210100 沈阳市 Shenyang
阜新市 210900 阜新市 Fuxin
朝阳市 211300 朝阳市 Chaoyang
辽源市 220400 辽源市 Liaoyuan
通化市 220500 通化市 Tonghua
白山市 220600 白山市 Baishan
牡丹江市 231000 牡丹江市 Mudanjiang
佳木斯市 230800 佳木斯市 Jiamusi
伊春市 230700 伊春市 Yichun
嘉定区 310114 嘉定区 Jiading
虹口区 310109 虹口区 Hongkou
宝山区 310113 宝山区 Baoshan
无锡市 320200 无锡市 Wuxi
苏州市 320500 苏州市 Suzhou
南通市 320600 南通市 Nantong
盐城市 320900 盐城市 Yancheng
宿迁市 321300 宿迁市 Suqian
温州市 330300 温州市 Wenzhou
湖州市 330500 湖州市 Huzhou
嘉兴市 330400 嘉兴市 Jiaxing
台州市 331000 台州市 Taizhou
舟山市 330900 舟山市 Zhoushan
蚌埠市 340300 蚌埠市 Bengbu
芜湖市 340200 芜湖市 Wuhu
宣城市 341800 宣城市 Xuancheng
铜陵市 340700 铜陵市 Tongling
厦门市 350200 厦门市 Xiamen
泉州市 350500 泉州市 Quanzhou
龙岩市 350800 龙岩市 Longyan
三明市 350400 三明市 Sanming
九江市 360400 九江市 Jiujiang
景德镇市 360200 景德镇市 Jingdezhen
鹰谭市 360600 鹰潭市 Yingtan
丰城市 360981 丰城市 Fengcheng
东营市 370500 东营市 Dongying
烟台市 370600 烟台市 Yantai
济宁市 370800 济宁市 Jining
泰安市 370900 泰安市 Tai'an
德州市 371400 德州市 Dezhou
开封市 410200 开封市 Kaifeng
焦作市 410800 焦作市 Jiaozuo
漯河市 411100 漯河市 Luohe
鹤壁市 410600 鹤壁市 Hebi
济源市 419001 济源市 Jiyuan
咸宁市 421200 咸宁市 Xianning
荆州市 421000 荆州市 Jingzhou
黄石市 420200 黄石市 Huangshi
孝感市 420900 孝感市 Xiaogan
郴州市 431000 郴州市 Chenzhou
益阳市 430900 益阳市 Yiyang
岳阳市 430600 岳阳市 Yueyang
娄底市 431300 娄底市 Loudi
汕头市 440500 汕头市 Shantou
梅州市 441400 梅州市 Meizhou
惠州市 441300 惠州市 Huizhou
茂名市 440900 茂名市 Maoming
云浮市 445300 云浮市 Yunfu
钦州市 450700 钦州市 Qinzhou
百色市 451000 百色市 Baise
玉林市 450900 玉林市 Yulin
海口市 460100 海口市 Haikou
江北区 500105 江北区 Jiangbei
九龙坡区 500107 九龙坡区 Jiulongpo
北碚区 500109 北碚区 Beibei
绵阳市 510700 绵阳市 Mianyang
内江市 511000 内江市 Neijiang
雅安市 511800 雅安市 Ya'an
凉山州 513400 凉山彝族自治州 Liangshan
安顺市 520400 安顺市 Anshun
铜仁市 520600 铜仁市 Tongren
玉溪市 530400 玉溪市 Yuxi
大理州 532900 大理白族自治州 Dali
日喀则市 540200 日喀则市 Shigatse
渭南市 610500 渭南市 Weinan
安康市 610900 安康市 Ankang
汉中市 610700 汉中市 Hanzhong
宝鸡市 610300 宝鸡市 Baoji
天水市 620500 天水市 Tianshui
金昌市 620300 金昌市 Jinchang
海西州 632800 海西蒙古族藏族自治州 Haixi
吴忠市 640300 吴忠市 Wuzhong
乌鲁木齐市 650100 乌鲁木齐市 Urumqi
克拉玛依市 650200 克拉玛依市 Karamay
巴州 652800 巴音郭楞蒙古自治州 Bayingolin
第一师阿拉尔市 659002 阿拉尔市 Aral
"""

# printed name | code (- for none) | official name | English name
PROVINCES = """
北京 11 北京市 Beijing
天津 12 天津市 Tianjin
河北 13 河北省 Hebei
山西 14 山西省 Shanxi
内蒙古 15 内蒙古自治区 Inner_Mongolia
辽宁 21 辽宁省 Liaoning
吉林 22 吉林省 Jilin
黑龙江 23 黑龙江省 Heilongjiang
上海 31 上海市 Shanghai
江苏 32 江苏省 Jiangsu
浙江 33 浙江省 Zhejiang
安徽 34 安徽省 Anhui
福建 35 福建省 Fujian
江西 36 江西省 Jiangxi
山东 37 山东省 Shandong
河南 41 河南省 Henan
湖北 42 湖北省 Hubei
湖南 43 湖南省 Hunan
广东 44 广东省 Guangdong
广西 45 广西壮族自治区 Guangxi
海南 46 海南省 Hainan
重庆 50 重庆市 Chongqing
四川 51 四川省 Sichuan
贵州 52 贵州省 Guizhou
云南 53 云南省 Yunnan
西藏 54 西藏自治区 Tibet
陕西 61 陕西省 Shaanxi
甘肃 62 甘肃省 Gansu
青海 63 青海省 Qinghai
宁夏 64 宁夏回族自治区 Ningxia
新疆 65 新疆维吾尔自治区 Xinjiang
新疆兵团 - 新疆生产建设兵团 Xinjiang_Production_and_Construction_Corps
"""

# Units that are not prefecture-level, with the code of the unit that holds them.
BELOW_PREFECTURE = {
    "丰台区": ("municipal_district", "110000"),
    "大兴区": ("municipal_district", "110000"),
    "门头沟区": ("municipal_district", "110000"),
    "滨海新区": ("municipal_district", "120000"),
    "津南区": ("municipal_district", "120000"),
    "宝坻区": ("municipal_district", "120000"),
    "嘉定区": ("municipal_district", "310000"),
    "虹口区": ("municipal_district", "310000"),
    "宝山区": ("municipal_district", "310000"),
    "江北区": ("municipal_district", "500000"),
    "九龙坡区": ("municipal_district", "500000"),
    "北碚区": ("municipal_district", "500000"),
    "定州市": ("county_city", "130600"),
    "丰城市": ("county_city", "360900"),
    "济源市": ("county_city", "410000"),
    "第一师阿拉尔市": ("xpcc_city", "650000"),
}
AUTONOMOUS_PREFECTURES = {"凉山州", "大理州", "海西州", "巴州"}


def _rows(table: str) -> list[list[str]]:
    return [[f.replace("_", " ") for f in line.split()] for line in table.strip().splitlines()]


def test_golden_tables_are_whole() -> None:
    assert len(_rows(CITIES)) == 100
    assert len(_rows(PROVINCES)) == 32


@pytest.mark.parametrize(("name", "adcode", "official", "english"), _rows(CITIES))
def test_city_geography(
    roster: skillrevival.Roster, name: str, adcode: str, official: str, english: str
) -> None:
    city = roster.city(name)
    assert city.name == name
    assert (city.adcode, city.official_name, city.name_en) == (adcode, official, english)
    level, parent = BELOW_PREFECTURE.get(name, (None, None))
    if level is None:
        expected = "autonomous_prefecture" if name in AUTONOMOUS_PREFECTURES else "prefecture_city"
        assert city.level is AdminLevel(expected)
        assert city.level.prefecture_level
        assert city.parent is None
    else:
        assert city.level is AdminLevel(level)
        assert city.parent == parent


@pytest.mark.parametrize(("name", "code", "official", "english"), _rows(PROVINCES))
def test_province_geography(
    roster: skillrevival.Roster, name: str, code: str, official: str, english: str
) -> None:
    province = roster.province(name)
    assert (province.official_name, province.name_en) == (official, english)
    if code == "-":
        assert (province.code, province.adcode, province.within) == (None, None, "65")
    else:
        assert (province.code, province.adcode, province.within) == (code, code + "0000", None)


def test_every_city_code_starts_with_its_province_code(roster: skillrevival.Roster) -> None:
    for province in roster.provinces:
        prefix = province.code or province.within
        assert prefix is not None
        assert all(city.adcode.startswith(prefix) for city in province.cities), province.name


def test_dingzhou_keeps_both_codes(roster: skillrevival.Roster) -> None:
    dingzhou = roster.city("定州")
    assert dingzhou.adcode == "130682"
    [statistical] = dingzhou.other_codes
    assert (statistical.code, statistical.kind) == ("139001", CodeKind.STATISTICAL)
    assert roster.city("139001") is dingzhou


def test_prefecture_aggregation_counts_baoding_once(roster: skillrevival.Roster) -> None:
    baoding, dingzhou = roster.city("保定"), roster.city("定州")
    assert baoding.prefecture_code == dingzhou.prefecture_code == "130600"
    assert roster.city("丰台").prefecture_code == "110000"
    assert roster.city("济源").prefecture_code == "419001"
    assert roster.city("丰城").prefecture_code == "360900"
    # 100 units; Beijing, Tianjin, Shanghai and Chongqing 3 districts each; 保定 + 定州.
    assert len({city.prefecture_code for city in roster.cities}) == 100 - 4 * 2 - 1


def test_codes_as_of_names_the_notice_date(roster: skillrevival.Roster) -> None:
    assert roster.codes_as_of.startswith("2015-04")


def test_sources_cited_by_records_are_listed(campaign: skillrevival.Campaign) -> None:
    ids = {source.id for source in campaign.sources}
    assert {"gb2260-201504", "nbs-statistical-codes", "romanization"} <= ids
    for province in campaign.roster.provinces:
        assert province.source in ids
        assert all(city.source in ids for city in province.cities)


@pytest.mark.parametrize(
    ("key", "printed"),
    [
        ("鹰潭", "鹰谭市"),
        ("鹰谭", "鹰谭市"),
        ("鹰潭市", "鹰谭市"),
        ("YINGTAN", "鹰谭市"),
        ("360600", "鹰谭市"),
        ("凉山彝族自治州", "凉山州"),
        ("Liangshan Yi Autonomous Prefecture", "凉山州"),
        ("巴音郭楞蒙古自治州", "巴州"),
        ("海西蒙古族藏族自治州", "海西州"),
        ("Xigazê", "日喀则市"),
        ("xigaze", "日喀则市"),
        ("Ürümqi", "乌鲁木齐市"),
        ("suzhou city", "苏州市"),
        ("ＳＵＺＨＯＵ", "苏州市"),
        (" 苏 州 ", "苏州市"),
        ("Beibei District", "北碚区"),
        ("Binhai", "滨海新区"),
        ("阿拉尔市", "第一师阿拉尔市"),
        ("第一师", "第一师阿拉尔市"),
        ("139001", "定州市"),
    ],
)
def test_city_found_by_other_names_and_codes(
    roster: skillrevival.Roster, key: str, printed: str
) -> None:
    assert roster.city(key).name == printed


@pytest.mark.parametrize(
    ("key", "printed"),
    [
        ("内蒙古自治区", "内蒙古"),
        ("inner mongolia", "内蒙古"),
        ("15", "内蒙古"),
        ("150000", "内蒙古"),
        ("Shaanxi", "陕西"),
        ("Shanxi", "山西"),
        ("新疆生产建设兵团", "新疆兵团"),
        ("XPCC", "新疆兵团"),
        ("65", "新疆"),
        ("Guangxi Zhuang Autonomous Region", "广西"),
    ],
)
def test_province_found_by_other_names_and_codes(
    roster: skillrevival.Roster, key: str, printed: str
) -> None:
    assert roster.province(key).name == printed


def test_match_lines_up_with_input_and_says_why(roster: skillrevival.Roster) -> None:
    report = roster.match(["Suzhou", "朝阳区", 130682, None, "鹰谭", "Nowhere", "南京"])
    names = [city.name if city else None for city in report.matches]
    assert names == [None, None, "定州市", None, "鹰谭市", None, None]
    assert [(m.position, m.reason) for m in report.misses] == [
        (0, MissReason.AMBIGUOUS),  # 苏州, 宿州 and 肃州区 are all Suzhou
        (1, MissReason.AMBIGUOUS),  # 北京's and 长春's
        (3, MissReason.UNKNOWN),
        (5, MissReason.UNKNOWN),
        (6, MissReason.NOT_IMPLEMENTING),
    ]
    assert {p.code for p in report.misses[1].places} == {"110105", "220104"}
    nanjing = report.places[6]
    assert nanjing is not None
    assert nanjing.code == "320100"
    assert report.matched == 2
    assert not report.complete


def test_match_reports_ambiguity_among_the_rosters_own_names() -> None:
    # Give 津南区 and 江北区 one made-up name that no place of the geography carries.
    # Validation refuses such a roster (a key must name one city), so it is built directly.
    bundled = skillrevival.campaign().roster
    provinces = list(bundled.provinces)
    for row, seq in ((1, 1), (21, 0)):
        cities = list(provinces[row].cities)
        cities[seq] = attrs.evolve(cities[seq], other_names=("Twin Rivers",))
        provinces[row] = attrs.evolve(provinces[row], cities=tuple(cities))
    roster = attrs.evolve(bundled, provinces=tuple(provinces))
    report = roster.match(["Twin Rivers", "twin rivers district"])
    assert report.matches == (None, None)
    for miss in report.misses:
        assert miss.reason is MissReason.AMBIGUOUS
        assert {p.code for p in miss.places} == {"120112", "500105"}


def test_empty_match_is_complete(roster: skillrevival.Roster) -> None:
    report = roster.match([])
    assert (report.matches, report.misses, report.complete) == ((), (), True)


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("保定", True),
        ("130600", True),
        ("定州市", True),
        (130682, True),
        ("139001", True),
        ("鹰谭", True),
        ("Urumqi", True),
        ("130602", False),  # a district of 保定: not itself on the roster
        ("110000", False),  # Beijing as a whole: only three of its districts are
        ("北京", False),
        ("320000", False),
        ("朝阳区", False),
        ("", False),
    ],
)
def test_is_implementing(key: str | int, expected: bool) -> None:
    assert skillrevival.is_implementing(key) is expected


def test_is_implementing_rejects_other_types() -> None:
    with pytest.raises(skillrevival.ValidationError) as caught:
        skillrevival.is_implementing(13.0)  # type: ignore[arg-type]
    assert caught.value.problems[0].path == "code_or_name"


def test_level_terms_are_bilingual() -> None:
    assert AdminLevel.COUNTY_CITY.zh == "县级市"
    assert AdminLevel.COUNTY_CITY.en == "county-level city"
    assert all(level.zh and level.en for level in AdminLevel)
    assert AdminLevel("xpcc_city").en == "XPCC division-city"
