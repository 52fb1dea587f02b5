"""MkDocs hook: search that finds Chinese words whole and the API reference in both editions.

Runs after the search index is written and split by edition (``docs/hooks.py``):

- **Chinese words whole.** The theme cuts a Chinese query into the words of the index, longest
  first (``segment`` of its search worker), but never tries the query as a whole word: its
  loop stops one character short, so 两江新区 became 两江 and 新, and 名单 became 名. The
  worker the site serves gets the one-character fix. A theme whose worker no longer has that
  loop fails the build, so that the fix is looked at again rather than silently lost.
- **Numbers in the index.** lunr (inside the theme's worker) merges the states of its word
  automaton by a key that writes each edge's character and target id one after the other, with
  nothing between: with digits for characters (1 then state 23, or 12 then state 3) two
  different states get one key, the automaton then yields words the index does not hold, and a
  query such as "phase 2" fails in the worker ("Cannot read properties of undefined") and finds
  nothing. The worker the site serves puts a separator after each id. A theme whose worker no
  longer has that key fails the build.
- **Readers' words.** :data:`SYNONYMS` tags an entry with words readers search for that its
  text does not use; each main class's entry is tagged with its name, so that a class's name
  finds its page of the API reference first.
- **The API reference in the Chinese edition.** The Chinese index held only the API page's
  section headings: its entries for each class, function and attribute (the same docstrings,
  in English, at the same anchors) are added from the English index.

The query side of pasted text is ``docs/javascripts/search-input.js``; API names stay whole
(``code_in``) because the index's separator in mkdocs.yml does not cut at ``_``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

# for(let o=s+1;o<t.length;o++)t.slice(s,o)in e  ->  o<=t.length
SEGMENT_LOOP = re.compile(r"for\(let (\w+)=(\w+)\+1;\1<(\w+)\.length;\1\+\+\)\3\.slice\(\2,\1\)in ")
FIXED_LOOP = re.compile(r"for\(let (\w+)=(\w+)\+1;\1<=(\w+)\.length;\1\+\+\)\3\.slice\(\2,\1\)in ")
# lunr's TokenSet.prototype.toString: e=e+s+o.id  ->  e=e+s+o.id+","
STATE_KEY = re.compile(r"(\w+)=\1\+(\w+)\+(\w+)\.id\}return \1\}")
API = "reference/api/"  # the overview and a page per main class
# Words readers search with that the entry itself does not use, as the entry's tags (the index
# weighs a tag above a title): "lookup by code" finds Roster.city, whose text says "key names".
# Xiong'an: the English name of 雄安新区, a zone of the address reader (data/zones.json).
SYNONYMS = {
    API + "roster/#skillrevival.Roster.city": ["lookup"],
    "how-to/read-addresses/#zones": ["xiong'an", "xiongan"],
}


def patch_worker(site: Path) -> int:
    """Let the worker's segmenter try a query's last character too, and give lunr's automaton
    states keys that numbers cannot confuse; how many files changed."""
    changed = 0
    for worker in sorted((site / "assets" / "javascripts" / "workers").glob("search.*.js")):
        if worker.name.endswith(".map"):
            continue
        code = worker.read_text(encoding="utf-8")
        fixed, count = SEGMENT_LOOP.subn(
            lambda m: m[0].replace(f"{m[1]}<{m[3]}.length", f"{m[1]}<={m[3]}.length"), code
        )
        if count == 0 and len(FIXED_LOOP.findall(code)) == 1:
            continue  # fixed already: both editions' builds write into the same site
        if count != 1:
            raise PluginError(
                f"{worker.name}: the theme's query segmenter changed (found {count} loops to "
                "fix); check whether Chinese words are still cut short (docs/hooks_search.py)"
            )
        fixed, keys = STATE_KEY.subn(lambda m: m[0].replace(".id}", '.id+","}'), fixed)
        if keys != 1:
            raise PluginError(
                f"{worker.name}: lunr's state key changed (found {keys}); check whether a query "
                "for a number still finds it (docs/hooks_search.py)"
            )
        worker.write_text(fixed, encoding="utf-8")
        changed += 1
    return changed


def add_api_entries(site: Path) -> int:
    """The English index's API entries, added to the Chinese index where it lacks them."""
    english_path = site / "search" / "search_index.json"
    chinese_path = site / "zh" / "search" / "search_index.json"
    if not (english_path.is_file() and chinese_path.is_file()):
        return 0
    english = json.loads(english_path.read_text(encoding="utf-8"))
    chinese = json.loads(chinese_path.read_text(encoding="utf-8"))
    have = {doc["location"] for doc in chinese["docs"]}
    extra = [
        doc
        for doc in english["docs"]
        if doc["location"].startswith(API)
        and "#skillrevival." in doc["location"]
        and doc["location"] not in have
    ]
    chinese["docs"] += extra
    chinese_path.write_text(json.dumps(chinese, ensure_ascii=False), encoding="utf-8")
    return len(extra)


def tag_main_classes(path: Path) -> int:
    """Tag each main class's entry with its name, so that the class's name finds its entry first.

    A page of the API reference titled with a class's name (Roster) documents that class: its
    entry (reference/api/roster/#skillrevival.Roster) gets the name as a tag. Without it, the
    trailing wildcard ranks rarer words first (roster* finds roster_map_html above Roster).
    """
    if not path.is_file():
        return 0
    index = json.loads(path.read_text(encoding="utf-8"))
    titles = {
        doc["location"]: doc["title"]
        for doc in index["docs"]
        if doc["location"].startswith(API) and doc["location"].endswith("/")
    }
    tagged = 0
    for doc in index["docs"]:
        page, _, anchor = doc["location"].partition("#")
        title = titles.get(page)
        if title and anchor == f"skillrevival.{title}":
            doc["tags"] = sorted({*doc.get("tags", []), title})
            tagged += 1
    path.write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")
    return tagged


def add_synonyms(path: Path) -> int:
    """Tag each entry of :data:`SYNONYMS` with its readers' words; how many were tagged."""
    if not path.is_file():
        return 0
    index = json.loads(path.read_text(encoding="utf-8"))
    tagged = 0
    for doc in index["docs"]:
        words = SYNONYMS.get(doc["location"])
        if words:
            doc["tags"] = sorted({*doc.get("tags", []), *words})
            tagged += 1
    path.write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")
    return tagged


@event_priority(-300)  # after docs/hooks.py has split the index by edition (-200)
def on_post_build(config: Any) -> None:
    site = Path(config["site_dir"])
    patch_worker(site)
    add_api_entries(site)
    for edition in (site, site / "zh"):
        add_synonyms(edition / "search" / "search_index.json")
        tag_main_classes(edition / "search" / "search_index.json")
