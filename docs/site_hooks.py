"""MkDocs hooks for the site around the pages: the version, Chinese text marked, the downloads.

- :func:`on_files` adds the data as files to download (``downloads/``), written from the
  package when the site is built: the roster's cities and provinces as CSV and JSON, the
  campaign document as the package bundles it, and the places through time once the package
  has :func:`skillrevival.geography`. The data tables page links to them.
- :func:`on_page_markdown` writes the version where a page says ``@VERSION@`` and the row of
  the places' download where the data tables page holds it.
- :func:`on_post_page` shows the package's version in the header of every page, and marks each
  run of Chinese text of an English page ``lang="zh-CN"``, so that the browser draws it with
  Simplified Chinese glyphs (an English page is ``lang="en"``, and without the mark a browser may
  pick the Japanese forms of 直, 令, 门). Text inside ``code``, ``pre``, scripts and attributes is
  left as it is; a Chinese page (``lang="zh..."``) is Chinese throughout.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from importlib import resources
from typing import Any

import attrs
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

import skillrevival
from skillrevival._campaign.tables import city_rows, province_rows

DOWNLOADS = "downloads"

# --- the downloads ------------------------------------------------------------------------------


def _csv(rows: list[dict[str, Any]]) -> str:
    """CSV with a byte-order mark, so that Excel reads the Chinese as UTF-8."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return "\ufeff" + out.getvalue()


def _json(rows: list[dict[str, Any]]) -> str:
    return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return ";".join(str(_plain(item)) for item in value)
    return getattr(value, "value", value)


def place_rows() -> list[dict[str, Any]] | None:
    """Every record of the places through time, or None while the package has no geography."""
    geography = getattr(skillrevival, "geography", None)
    if geography is None:
        return None
    geo = geography()
    seen: dict[int, Any] = {}
    for year in geo.years:
        for place in geo.places(year):
            seen.setdefault(id(place), place)
    records = sorted(seen.values(), key=lambda p: (p.code, p.start))
    names = [field.name for field in attrs.fields(type(records[0]))]
    return [{name: _plain(getattr(place, name)) for name in names} for place in records]


def downloads() -> dict[str, str]:
    """The files to download, by name, as text."""
    campaign = skillrevival.campaign()
    cities = list(city_rows(campaign))
    provinces = list(province_rows(campaign))
    document = resources.files("skillrevival").joinpath("data", "campaign.json")
    files = {
        "skillrevival-cities.csv": _csv(cities),
        "skillrevival-cities.json": _json(cities),
        "skillrevival-provinces.csv": _csv(provinces),
        "skillrevival-provinces.json": _json(provinces),
        "skillrevival-campaign.json": document.read_text(encoding="utf-8"),
    }
    places = place_rows()
    if places is not None:
        files["skillrevival-places.csv"] = _csv(places)
    return files


@event_priority(-200)  # after mkdocs-static-i18n sorts the files, which needs a source path
def on_files(files: Files, config: Any) -> Files:
    """Add the downloads to the site, so that pages link to them as to any other file.

    Both editions link to the same files: the Chinese edition's build adds them again, at the
    same place, with the same content.
    """
    for name, text in downloads().items():
        files.append(File.generated(config, f"{DOWNLOADS}/{name}", content=text.encode("utf-8")))
    return files


# --- the version in the pages and in the header ---------------------------------------------


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """The package's version where a page says ``@VERSION@``, the year for ``@YEAR@``."""
    del page, config, files
    year = str(dt.date.today().year)
    markdown = markdown.replace("@VERSION@", skillrevival.__version__).replace("@YEAR@", year)
    return markdown.replace("<!-- places-download -->\n", places_download_row())


def places_download_row() -> str:
    """The downloads table's row for the places through time, once the package has them."""
    if not hasattr(skillrevival, "geography"):
        return ""
    return (
        "| [skillrevival-places.csv](../downloads/skillrevival-places.csv) | every county-level "
        "and higher unit through time, one row per state of a unit with the years it held "
        "([`geography()`](api/geography.md#skillrevival.geography)) |\n"
    )


HEADER_TOPIC = re.compile(
    r'(<div class="md-header__topic">\s*<span class="md-ellipsis">\s*)([^<]*?)(\s*</span>)'
)


def with_version(output: str) -> str:
    """The page with the package's version after the site's name in the header."""
    version = f' <span class="sr-version">{skillrevival.__version__}</span>'
    new, count = HEADER_TOPIC.subn(lambda m: m[1] + m[2] + version + m[3], output, count=1)
    if count != 1:
        raise PluginError("the theme's header changed: cannot show the version in it")
    return new


# --- Chinese text in English pages --------------------------------------------------------------

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Full-width and CJK punctuation belongs to the run it touches (〔2015〕, 《》, ，。).
PUNCT = "\u3000-\u303f\uff00-\uffef\u2018\u2019\u201c\u201d"
HAN_RUN = re.compile(f"[{HAN}{PUNCT}]*[{HAN}][{HAN}{PUNCT}]*")
TOKEN = re.compile(r"<!--.*?-->|<[^>]*>|[^<]+", re.S)
TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)")
# Elements whose text is left alone: code keeps its characters, scripts and styles are not
# text, and the document head is not drawn.
SKIP = {"code", "pre", "script", "style", "textarea", "title", "head", "svg", "kbd"}
BREAK_AFTER = re.compile(r"((?<=\w)\.(?=[A-Za-z_])|[(,/=](?=[^\s.(,/=]))")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


def mark_chinese(html: str, *, mark: bool = True) -> str:
    """Wrap each run of Han characters in the text of ``html`` in ``<span lang="zh-CN">``.

    Inline code (``code`` outside ``pre``) gets a break opportunity (``<wbr>``) after each
    ``.``, ``(``, ``,``, ``/`` and ``=``: a long dotted name may wrap there on a phone, never
    inside a word. With ``mark`` false, only that.
    """
    out = []
    skipping: list[str] = []
    for token in TOKEN.findall(html):
        if token.startswith("<"):
            tag = TAG.match(token)
            if tag and not token.startswith("<!"):
                closing, name = tag[1] == "/", tag[2].lower()
                if name in SKIP and name not in VOID:
                    if closing:
                        if skipping and skipping[-1] == name:
                            skipping.pop()
                    elif not token.endswith("/>"):
                        skipping.append(name)
            out.append(token)
        elif skipping == ["code"]:  # inline code: a line may break after . ( , / but not in a word
            out.append(BREAK_AFTER.sub(r"\1<wbr>", token))
        elif skipping or not mark:
            out.append(token)
        else:
            out.append(HAN_RUN.sub(lambda m: f'<span lang="zh-CN">{m[0]}</span>', token))
    return "".join(out)


HTML_LANG = re.compile(r'<html[^>]*\blang="([^"]*)"')


def on_post_page(output: str, page: Any, config: Any) -> str:
    """The version in the header; Chinese runs of an English page marked zh-CN."""
    del page, config
    output = with_version(output)
    lang = HTML_LANG.search(output)
    chinese_page = bool(lang and lang[1].lower().startswith("zh"))
    return mark_chinese(output, mark=not chinese_page)
