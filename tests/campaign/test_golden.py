"""The bundled data against the notice, typed by hand from 附件2 and 附件1 五, not from the data."""

import datetime as dt
from pathlib import Path

import pendulum

import skillrevival

# 附件2, one row per line: 序号 地区 数量 实施城市 (as printed, 鹰谭市 included).
ROSTER = """
1 北京 3 丰台区 大兴区 门头沟区
2 天津 3 滨海新区 津南区 宝坻区
3 河北 4 唐山市 保定市 秦皇岛市 定州市
4 山西 3 运城市 临汾市 朔州市
5 内蒙古 2 呼和浩特市 鄂尔多斯市
6 辽宁 3 沈阳市 阜新市 朝阳市
7 吉林 3 辽源市 通化市 白山市
8 黑龙江 3 牡丹江市 佳木斯市 伊春市
9 上海 3 嘉定区 虹口区 宝山区
10 江苏 5 无锡市 苏州市 南通市 盐城市 宿迁市
11 浙江 5 温州市 湖州市 嘉兴市 台州市 舟山市
12 安徽 4 蚌埠市 芜湖市 宣城市 铜陵市
13 福建 4 厦门市 泉州市 龙岩市 三明市
14 江西 4 九江市 景德镇市 鹰谭市 丰城市
15 山东 5 东营市 烟台市 济宁市 泰安市 德州市
16 河南 5 开封市 焦作市 漯河市 鹤壁市 济源市
17 湖北 4 咸宁市 荆州市 黄石市 孝感市
18 湖南 4 郴州市 益阳市 岳阳市 娄底市
19 广东 5 汕头市 梅州市 惠州市 茂名市 云浮市
20 广西 3 钦州市 百色市 玉林市
21 海南 1 海口市
22 重庆 3 江北区 九龙坡区 北碚区
23 四川 4 绵阳市 内江市 雅安市 凉山州
24 贵州 2 安顺市 铜仁市
25 云南 2 玉溪市 大理州
26 西藏 1 日喀则市
27 陕西 4 渭南市 安康市 汉中市 宝鸡市
28 甘肃 2 天水市 金昌市
29 青海 1 海西州
30 宁夏 1 吴忠市
31 新疆 3 乌鲁木齐市 克拉玛依市 巴州
32 新疆兵团 1 第一师阿拉尔市
"""
NOTICE = Path(__file__).parents[1] / "data" / "notice-2015-67.txt"  # a copy of the notice's text
ROWS = [line.split() for line in ROSTER.strip().splitlines()]


def test_provinces_in_order_with_quotas(campaign: skillrevival.Campaign) -> None:
    got = [(p.seq, p.name, p.quota) for p in campaign.roster.provinces]
    assert got == [(int(row[0]), row[1], int(row[2])) for row in ROWS]


def test_every_city_in_order(campaign: skillrevival.Campaign) -> None:
    assert [[c.name for c in p.cities] for p in campaign.roster.provinces] == [r[3:] for r in ROWS]
    assert [c.name for c in campaign.roster.cities] == [name for r in ROWS for name in r[3:]]


def test_cities_know_their_province_and_position(campaign: skillrevival.Campaign) -> None:
    for row, province in zip(ROWS, campaign.roster.provinces, strict=True):
        assert [(c.seq, c.province) for c in province.cities] == [
            (i, row[1]) for i in range(1, len(row) - 2)
        ]


def test_totals(campaign: skillrevival.Campaign) -> None:
    assert len(campaign.roster.provinces) == 32
    assert len(campaign.roster.cities) == 100
    assert campaign.roster.total_quota == 100


def test_notice(campaign: skillrevival.Campaign) -> None:
    notice = campaign.notice
    assert campaign.batch == 2
    assert notice.number == "人社部函〔2015〕67号"
    assert notice.issued_on == pendulum.Date(2015, 4, 20)
    assert notice.issuer.zh == "人力资源和社会保障部"
    assert notice.title.zh == "人力资源社会保障部关于开展第二批百城技能振兴专项活动的通知"
    assert [a.number for a in notice.attachments] == [1, 2]
    assert notice.attachments[1].title.zh == "全国第二批百城技能振兴专项活动城市名单"
    assert campaign.plan_deadline == pendulum.Date(2015, 5, 31)
    assert notice.plan_deadline_printed == "2015年5月底前"
    assert notice.plans_submitted_to.zh == "职业能力建设司"
    assert campaign.stated_duration.printed == "为时两年"
    assert campaign.stated_duration.years == 2


def test_phases(campaign: skillrevival.Campaign) -> None:
    got = [(p.number, p.name.zh, p.start, p.end) for p in campaign.phases]
    assert got == [
        (1, "第一阶段", dt.date(2015, 3, 1), dt.date(2015, 5, 31)),
        (2, "第二阶段", dt.date(2015, 6, 1), dt.date(2016, 9, 30)),
        (3, "第三阶段", dt.date(2016, 10, 1), dt.date(2016, 12, 31)),
    ]
    assert [p.printed_period for p in campaign.phases] == [
        "2015年3-5月",
        "2015年6月-2016年9月",
        "2016年10-12月",
    ]
    assert all(p.clause == "附件1 五" for p in campaign.phases)


def test_every_date_is_a_pendulum_date(campaign: skillrevival.Campaign) -> None:
    days = [campaign.notice.issued_on, campaign.plan_deadline]
    days += [d for p in campaign.phases for d in (p.start, p.end)]
    assert all(type(d) is pendulum.Date for d in days)


def test_anomalies_keep_printed_and_corrected(campaign: skillrevival.Campaign) -> None:
    pairs = {(a.printed, a.corrected) for a in campaign.anomalies}
    assert ("鹰谭市", "鹰潭市") in pairs
    assert any(a.printed == "为时两年" for a in campaign.anomalies)
    yingtan = next(a for a in campaign.anomalies if a.printed == "鹰谭市")
    assert yingtan.where == "roster.provinces[13].cities[2].name"
    assert campaign.roster.provinces[13].cities[2].name == "鹰谭市"


def test_every_term_of_the_notice_occurs_in_it(campaign: skillrevival.Campaign) -> None:
    text = NOTICE.read_text(encoding="utf-8")
    terms = [campaign.notice.number, campaign.notice.title.zh, campaign.notice.issuer.zh]
    terms += [t.zh for p in campaign.phases for t in (p.name, *p.tasks)]
    terms += [p.printed_period for p in campaign.phases]
    terms += [campaign.stated_duration.printed, campaign.notice.plan_deadline_printed]
    terms += [c.name for c in campaign.roster.cities]
    assert [t for t in terms if t not in text] == []
