"""``skillrevival locate``: exact output, typed by hand.

Facts from the Ministry of Civil Affairs' lists and 附件2 of 人社部函〔2015〕67号: 吴中区 320506 is
a district of 苏州市 320500 in 江苏省 320000, and 苏州 is on the roster; 上海 310000 holds the
roster's 嘉定区 310114, 虹口区 310109 and 宝山区 310113; 杭州市 330100 lies in 浙江, not 江苏;
长沙 names 长沙市 430100 and 长沙县 430121; 苏州工业园区 is a zone of 苏州, in no list itself.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable

# The ``run`` fixture of conftest.py: the console script with these arguments, in a subprocess.
Run = Callable[..., subprocess.CompletedProcess[str]]


WUZHONG = """\
text        江苏省苏州市吴中区木渎镇金枫路216号
year        2015
status      found
province    320000 江苏省
prefecture  320500 苏州市
county      320506 吴中区
place       320506 吴中区
rest        木渎镇金枫路216号
zone
candidates
roster      within: 苏州市 (江苏), roster code 320500
"""


def test_an_address_inside_an_implementing_prefecture(run: Run) -> None:
    done = run("locate", "江苏省苏州市吴中区木渎镇金枫路216号", "--year", "2015")
    assert done.stdout == WUZHONG


def test_a_place_that_holds_roster_units(run: Run) -> None:
    done = run("locate", "上海", "--year", "2015")
    lines = dict(line.split(maxsplit=1) for line in done.stdout.splitlines() if " " in line)
    assert lines["status"] == "found"
    assert lines["place"] == "310000 上海市"
    assert lines["roster"] == "contains: 嘉定区 310114、虹口区 310109、宝山区 310113"


def test_a_zone_gives_the_unit_that_holds_it(run: Run) -> None:
    done = run("locate", "苏州工业园区星湖街328号", "--year", "2015")
    lines = dict(line.split(maxsplit=1) for line in done.stdout.splitlines() if " " in line)
    assert (lines["place"], lines["zone"], lines["rest"]) == (
        "320500 苏州市",
        "苏州工业园区",
        "星湖街328号",
    )
    assert lines["roster"] == "implementing: 苏州市 (江苏), roster code 320500"


def test_names_that_contradict_each_other_are_ambiguous_and_exit_1(run: Run) -> None:
    done = run("locate", "江苏杭州", "--year", "2015", check_code=1)
    lines = dict(line.split(maxsplit=1) for line in done.stdout.splitlines() if " " in line)
    assert lines["status"] == "ambiguous"
    assert lines["candidates"] == "江苏省 320000 (1980-); 杭州市 330100 (浙江, 1980-)"
    assert lines["roster"] == "ambiguous"
    assert "place" not in lines  # no one place: the line is left empty


def test_a_level_settles_a_name_shared_across_tiers(run: Run) -> None:
    done = run("locate", "长沙", "--year", "2015", check_code=1)
    assert "长沙市 430100 (湖南, 1980-); 长沙县 430121 (湖南, 1980-)" in done.stdout
    done = run("locate", "长沙", "--year", "2015", "--level", "prefecture")
    assert "place       430100 长沙市\n" in done.stdout
    assert done.stdout.endswith("roster      not_implementing\n")  # 湖南's are others


def test_json(run: Run) -> None:
    done = run("locate", "江苏省苏州市吴中区木渎镇金枫路216号", "--year", "2015", "--json")
    data = json.loads(done.stdout)
    assert data == {
        "text": "江苏省苏州市吴中区木渎镇金枫路216号",
        "year": 2015,
        "status": "found",
        "place": {"code": "320506", "name": "吴中区", "level": "district"},
        "province": {"code": "320000", "name": "江苏省", "level": "province"},
        "prefecture": {"code": "320500", "name": "苏州市", "level": "prefecture_city"},
        "county": {"code": "320506", "name": "吴中区", "level": "district"},
        "rest": "木渎镇金枫路216号",
        "zone": None,
        "candidates": [],
        "roster": {
            "status": "within",
            "unit": {"adcode": "320500", "name": "苏州市"},
            "holds": [],
        },
    }
    again = run(
        "locate", "江苏省苏州市吴中区木渎镇金枫路216号", "--year", "2015", "--format", "json"
    )
    assert again.stdout == done.stdout


def test_json_of_an_ambiguous_text(run: Run) -> None:
    done = run("locate", "江苏杭州", "--year", "2015", "--json", check_code=1)
    data = json.loads(done.stdout)
    assert data["status"] == "ambiguous"
    assert data["place"] is None
    assert [c["code"] for c in data["candidates"]] == ["320000", "330100"]
    assert data["candidates"][1]["as"] == "杭州市 330100 (浙江, 1980-)"
    assert data["roster"] == {"status": "ambiguous", "unit": None, "holds": []}


def test_unknown_text_and_bad_arguments(run: Run) -> None:
    done = run("locate", "南京路", "--year", "2015", check_code=1)  # a street, not 南京
    assert "status      unknown\n" in done.stdout
    assert "rest        南京路\n" in done.stdout
    done = run("locate", "苏州", "--year", "1979", check_code=1)
    assert done.stderr == (
        "skillrevival: invalid value: 1 problem\n"
        "  year: expected a year from 1980 to 2025 (each year's list), got 1979\n"
    )
    done = run("locate", "苏州", "--level", "city", check_code=2)
    assert "invalid choice: 'city'" in done.stderr
