"""MkDocs hooks: pages generated from the package when the site builds, never typed by hand.

A page asks for generated content with a marker on a line of its own::

    <!-- skillrevival: provinces -->

and :func:`on_page_markdown` replaces the marker with markdown rendered from
``skillrevival.campaign()`` and the model classes, in the page's language. An unknown marker
fails the build. The tables take their columns from the attrs fields of the records, so a field
added to ``City`` or ``Province`` (``adcode``, ``name_en`` ...) appears in the tables without a
change here.

Each marker has one renderer, which takes the language (``"en"`` or ``"zh"``). Its words come
from the labels table of that language, ``docs/words/en.toml`` or ``docs/words/zh.toml``; the
column labels of the roster's tables from the registry ``skillrevival._campaign.tables``, which
labels the Stata and Excel files. The two labels tables hold the same keys, and the Chinese one
translates the data's English texts: a key, a column label or a text without its Chinese fails
the build, naming what to add.

Markers: ``provinces``, ``cities`` and ``levels`` (the roster and its kinds of unit),
``fields`` (the data format, one section per class), ``enumerations`` (the stable values of
every :class:`enum.Enum` that ``skillrevival`` exports), ``vocabulary`` (the work plan's
enumerations with zh, en, clause and level), ``glossary`` (the same terms as a bilingual
glossary), ``plan`` (objectives, main tasks and safeguards), ``phases`` and ``timeline`` (the
implementation steps), ``anomalies`` and ``sources``, ``place_changes`` (the changes of
1980-2025 that touch a roster unit), ``geography_sources`` (the geography's sources and
licences), ``zones`` (the zones the address reader knows), ``api_overview`` and
``api_<page>`` (the API reference: its overview and a page per main class, listed in
:data:`API_PAGES`), ``benchmarks`` (the figures of ``make bench``) and ``bench_locate``
(those of ``make bench-locate``: reading addresses beside the peers).
"""

from __future__ import annotations

import datetime as dt
import enum
import html
import itertools
import json
import logging
import re
import tomllib
import types
import typing
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

import skillrevival
from skillrevival._campaign.loader import LOADABLE
from skillrevival._campaign.tables import column as registry_column

MARKER = re.compile(r"^<!-- skillrevival: ([a-z_]+) -->$", re.M)
LANGUAGES = ("en", "zh")
WORDS_DIR = Path(__file__).resolve().parent / "words"

# What only a translation holds: the Chinese of the classes' and enumerations' summaries (the
# English is their docstrings), of the data's English texts, and of the pictures' descriptions.
TRANSLATIONS = ("classes", "vocabularies", "data", "patterns", "pictures")


def load_words(folder: Path = WORDS_DIR) -> dict[str, dict[str, Any]]:
    """The labels table of each language, checked to hold the same keys as the English one."""
    words = {
        language: tomllib.loads((folder / f"{language}.toml").read_text(encoding="utf-8"))
        for language in LANGUAGES
    }
    for language in LANGUAGES[1:]:
        check_keys(words["en"], words[language], language)
    return words


def check_keys(
    english: dict[str, Any], other: dict[str, Any], language: str, where: str = ""
) -> None:
    """Fail the build when the two labels tables differ in their keys (translations aside)."""
    keys = set(english) | set(other)
    if not where:
        keys -= set(TRANSLATIONS)
    for key in sorted(keys):
        path = f"{where}.{key}" if where else key
        if key not in other:
            raise PluginError(f"docs/words/{language}.toml has no {path}: translate it")
        if key not in english:
            raise PluginError(f"docs/words/{language}.toml has {path}, which en.toml has not")
        if isinstance(english[key], dict) != isinstance(other[key], dict):
            raise PluginError(f"docs/words/{language}.toml: {path} is not of en.toml's kind")
        if isinstance(english[key], dict):
            check_keys(english[key], other[key], language, path)
        elif isinstance(english[key], list) and len(english[key]) != len(other[key]):
            raise PluginError(f"docs/words/{language}.toml: {path} has not en.toml's length")


WORDS = load_words()


def translation(language: str, section: str, key: str, english: str) -> str:
    """The ``language`` text of ``key`` in a translation section; English is ``english`` itself."""
    if language == "en":
        return english
    found = WORDS[language].get(section, {}).get(key)
    if found is None:
        raise PluginError(
            f"no {language} for {section} {key!r}: add it to [{section}] in "
            f"docs/words/{language}.toml"
        )
    return str(found)


def text(english: str, language: str, where: str) -> str:
    """A text of the data in ``language``: English as it is, else its translation or a failure.

    A text written in Chinese alone (no Latin letter, such as the notice's title) is its own
    translation.
    """
    if language == "en" or not re.search(r"[A-Za-z]", english):
        return english
    translated = WORDS[language].get("data", {}).get(english)
    if translated is not None:
        return str(translated)
    for pattern, template in WORDS[language].get("patterns", {}).items():
        match = re.fullmatch(pattern, english)
        if match:
            return match.expand(template)
    # A note of several parts ("successor by ...; sources disagree: ..."): each part translated.
    parts = english.split("; ")
    for cut in range(1, len(parts)):
        try:
            head = text("; ".join(parts[:cut]), language, where)
            tail = text("; ".join(parts[cut:]), language, where)
        except PluginError:
            continue
        return f"{head}；{tail}"
    raise PluginError(
        f"{where}: no {language} for {english!r}: add it to [data] in docs/words/{language}.toml"
    )


# The rules of each field beyond its JSON type (a test checks that every key names a real field).
RULES: dict[str, str] = WORDS["en"]["fields"]["rules"]


def on_startup(command: str, dirty: bool) -> None:
    """Quiet jieba (which the search plugin uses to cut Chinese into words) to warnings only."""
    del command, dirty
    logging.getLogger("jieba").setLevel(logging.WARNING)


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Replace each marker of the page with what it names, in the page's language."""
    del files
    language = page_language(page, config)
    if language == "zh":
        markdown = zh_places_download(markdown)

    def render(match: re.Match[str]) -> str:
        name = match.group(1)
        renderer = RENDERERS.get(name)
        if renderer is None:
            known = ", ".join(sorted(RENDERERS))
            where = page.file.src_uri
            raise PluginError(f"{where}: unknown marker {name!r}; known markers: {known}")
        return renderer(language)

    return MARKER.sub(render, markdown)


# --- the roster ---------------------------------------------------------------------------------


def provinces_table(language: str = "en") -> str:
    """One row per province: every scalar field, then its cities by name."""
    roster = skillrevival.campaign().roster
    return _records_table("provinces", roster.provinces, numbered=False, language=language)


def cities_table(language: str = "en") -> str:
    """One row per city, numbered through the roster: every field of City."""
    roster = skillrevival.campaign().roster
    return _records_table("cities", roster.cities, numbered=True, language=language)


def _records_table(
    name: str, records: tuple[Any, ...], *, numbered: bool, language: str = "en"
) -> str:
    """A table with the record's name first (the column kept in view), then every other field.

    A column's heading is the language's ``roster.heading``, which may show the field's label:
    the registry's (the same as the files'), else the labels table's ``roster.labels``. A value's
    note (``OtherCode.note``, a paragraph) goes to a footnote under the table, so that no cell
    holds a paragraph.
    """
    words = WORDS[language]
    columns = [field.name for field in attrs.fields(type(records[0]))]
    if "name" in columns:  # the column a reader follows along a row, kept in view
        columns = ["name"] + [c for c in columns if c != "name"]
    if "cities" in columns:  # the longest cell reads best at the end of the row
        columns = [c for c in columns if c != "cities"] + ["cities"]

    def heading(field: str) -> str:
        template = words["roster"]["heading"]
        if "{label}" not in template:
            return str(template.format(field=field))
        known = registry_column(field, name)
        label = getattr(known, language, None) or words["roster"]["labels"].get(field)
        if label is None:
            raise PluginError(
                f"the field {field!r} of the {name} table has no {language} label: add a column "
                f"to skillrevival._campaign.tables or a label to [roster.labels] in "
                f"docs/words/{language}.toml"
            )
        return str(template.format(field=field, label=label))

    header = [heading(columns[0])] + (["#"] if numbered else []) + [heading(c) for c in columns[1:]]
    notes: list[str] = []
    rows = [
        [_cell(getattr(record, columns[0]), language, notes, name)]
        + ([str(index)] if numbered else [])
        + [_cell(getattr(record, c), language, notes, name) for c in columns[1:]]
        for index, record in enumerate(records, start=1)
    ]
    footnotes = [f"[^{name}-{n}]: {note}" for n, note in enumerate(notes, start=1)]
    table = _wrap(name, _table(header, rows))
    return "\n\n".join([table, *footnotes]) if footnotes else table


def _cell(value: object, language: str, notes: list[str] | None = None, table: str = "") -> str:
    """A value as one table cell: names for records, terms as the language shows them, '—' for
    None, yes or no for booleans.

    A record's ``note`` is added to ``notes`` and the cell points to it as a footnote.
    """
    words = WORDS[language]
    if value is None:
        return "—"
    if isinstance(value, bool):
        return str(words["yes"] if value else words["no"])
    if isinstance(value, enum.Enum):
        if hasattr(value, "zh"):
            return _term(value, language, "term_cell")
        return f"`{value.value}`"
    if isinstance(value, tuple):
        return "、".join(
            _cell(getattr(item, "name", item), language, notes, table) for item in value
        )
    if attrs.has(type(value)):
        if hasattr(value, "zh"):
            return _term(value, language)
        fields = attrs.asdict(value, recurse=False)
        note = fields.pop("note", None)
        text = ", ".join(f"{k}: {_cell(v, language)}" for k, v in fields.items())
        if note and notes is not None:
            notes.append(_escape(note))
            return f"{text}[^{table}-{len(notes)}]"
        return text + (f", note: {_escape(note)}" if note else "")
    return _escape(str(value))


def _term(value: Any, language: str, template: str = "term") -> str:
    """A term of the notice (``zh``, ``en``) as the language shows it: both, or the notice's."""
    en = getattr(value, "en", None)
    if not en:
        return _escape(value.zh)
    return str(WORDS[language][template].format(zh=_escape(value.zh), en=_escape(en)))


def levels_table(language: str = "en") -> str:
    """The kinds of administrative unit, with the roster's units of each kind."""
    words = WORDS[language]
    cities = skillrevival.campaign().roster.cities
    rows = []
    for level in skillrevival.AdminLevel:
        units = [city.name for city in cities if city.level is level]
        listed = (
            words["levels"]["listed"].format(count=len(units), units="、".join(units))
            if 0 < len(units) <= 4
            else str(len(units))
        )
        prefecture = words["yes"] if level.prefecture_level else words["no"]
        rows.append([f"`{level.value}`", level.zh, level.en, prefecture, listed])
    return _wrap("levels", _table(words["levels"]["header"], rows))


# --- the implementation steps -------------------------------------------------------------------


def phases_table(language: str = "en") -> str:
    """The phases with their printed period, dates and length, then each phase's tasks."""
    words = WORDS[language]["phases"]
    campaign = skillrevival.campaign()
    rows = [
        [
            _term(phase.name, language),
            _escape(phase.printed_period),
            str(phase.start),
            str(phase.end),
            str((phase.end - phase.start).days + 1),
        ]
        for phase in campaign.phases
    ]
    parts = [_wrap("phases", _table(words["header"], rows)), ""]
    for phase in campaign.phases:
        name = _term(phase.name, language)
        parts += [words["section"].format(name=name, clause=phase.clause), ""]
        parts += [words["task"].format(zh=task.zh, en=task.en) for task in phase.tasks]
        parts.append("")
    return "\n".join(parts)


def timeline(language: str = "en") -> str:
    """The phases as bars on a time axis, with the notice date and the plan deadline marked."""
    words = WORDS[language]["timeline"]
    campaign = skillrevival.campaign()
    first, last = campaign.start, campaign.end
    span = (last - first).days + 1

    def left(day: dt.date) -> float:
        return 100 * (day - first).days / span

    label = html.escape(words["label"])
    parts = [f'<div class="sr-timeline" role="img" aria-label="{label}">']
    for phase in campaign.phases:
        width = 100 * ((phase.end - phase.start).days + 1) / span
        title = words["phase"].format(
            number=phase.number, name=phase.name.zh, start=phase.start, end=phase.end
        )
        parts.append(
            f'<div class="sr-phase sr-phase-{phase.number}" '
            f'style="left: {left(phase.start):.2f}%; width: {width:.2f}%" '
            f'title="{html.escape(title)}">'
            f'<span class="sr-long">{html.escape(phase.name.zh)}</span>'
            f'<span class="sr-short">{phase.number}</span></div>'
        )
    notice = campaign.notice
    for css, day, key in (
        ("sr-issued", notice.issued_on, "issued"),
        ("sr-deadline", notice.plan_deadline, "deadline"),
    ):
        title = words[key].format(date=day)
        parts.append(
            f'<div class="sr-mark {css}" style="left: {left(day):.2f}%" '
            f'title="{html.escape(title)}"></div>'
        )
    parts.append("</div>")
    axis = [f"<span>{first:%Y-%m}</span>", f"<span>{last:%Y-%m}</span>"]
    parts.append(f'<div class="sr-axis">{"".join(axis)}</div>')
    issued = words["legend_issued"].format(date=notice.issued_on)
    deadline = words["legend_deadline"].format(
        date=notice.plan_deadline, printed=notice.plan_deadline_printed
    )
    legend = (
        f'<p class="sr-legend"><span class="sr-key sr-issued"></span> {html.escape(issued)} '
        f'<span class="sr-key sr-deadline"></span> {html.escape(deadline)}</p>'
    )
    parts.append(legend)
    return "\n".join(parts)


def plan_table(language: str = "en") -> str:
    """The work plan's objectives, main tasks and safeguards, as the campaign carries them."""
    words = WORDS[language]["plan"]
    campaign = skillrevival.campaign()
    parts = []
    for attribute in ("objectives", "main_tasks", "safeguards"):
        rows = [
            [
                str(item.number),
                item.clause,
                words["title"].format(zh=_escape(item.title.zh), en=_escape(item.title.en)),
            ]
            for item in getattr(campaign, attribute)
        ]
        parts += [
            words["intro"].format(heading=words[attribute], attribute=attribute),
            "",
            _wrap(attribute, _table(words["header"], rows)),
            "",
        ]
    return "\n".join(parts)


# --- anomalies and sources ----------------------------------------------------------------------


def anomalies_table(language: str = "en") -> str:
    """Each anomaly of the source: where, as printed, as corrected, and why."""
    lines = WORDS[language]["anomalies"]["lines"]
    sections = []
    for number, anomaly in enumerate(skillrevival.campaign().anomalies, start=1):
        facts = {
            "clause": anomaly.clause,
            "printed": anomaly.printed,
            "corrected": anomaly.corrected,
            "where": anomaly.where,
        }
        explanation = text(anomaly.explanation, language, f"anomaly {anomaly.where}")
        sections.append(
            "\n".join(
                [
                    f"### {anomaly.printed} → {anomaly.corrected} {{#anomaly-{number}}}",
                    "",
                    *(line.format(**facts) for line in lines),
                    "",
                    explanation,
                    "",
                ]
            )
        )
    return "\n".join(sections)


def sources_table(language: str = "en") -> str:
    """The documents and datasets that the bundled data names as its sources."""
    rows = []
    for s in skillrevival.campaign().sources:
        title = text(s.title, language, f"source {s.id}")
        publisher = text(s.publisher, language, f"source {s.id}")
        rows.append([f"`{s.id}`", _escape(title), _escape(publisher), _escape(s.as_of)])
    return _wrap("sources", _table(WORDS[language]["sources"]["header"], rows))


# --- the national geography --------------------------------------------------------------------


def place_changes(language: str = "en") -> str:
    """Every change of 1980-2025 that touches a roster unit, from the geography's records."""
    from skillrevival._geo.lineage import unit_records

    words = WORDS[language]["place_changes"]
    geo = skillrevival.geography()
    rows: list[list[str]] = []

    def note(place: Any) -> str:
        return text(place.note, language, "place changes") if place.note else ""

    for city in skillrevival.campaign().roster.cities:
        records = unit_records(geo, city.place)
        for before, after in itertools.pairwise(records):
            change = words["became"].format(before=_place(before), after=_place(after))
            rows.append([city.name, str(after.start), change, after.source, note(before)])
        for record in records:
            for gone in geo.predecessors(record):
                if gone in records:
                    continue
                kept = record.start <= (gone.end or 0)  # it stood before: it took land in
                change = words["took_in" if kept else "made_from"].format(
                    place=_place(record), other=_place(gone)
                )
                rows.append([city.name, str((gone.end or 0) + 1), change, record.source, ""])
        last = records[-1]
        if last.end is not None:
            after = ", ".join(_place(p) for p in geo.successors(last)) or words["nothing"]
            change = words["replaced"].format(place=_place(last), after=after)
            rows.append([city.name, str(last.end + 1), change, last.source, note(last)])
    rows.sort(key=lambda row: (row[1], row[0]))
    cells = [[_escape(cell) for cell in row] for row in rows]
    return _wrap("place_changes", _table(words["header"], cells))


def _place(place: Any) -> str:
    return f"{place.name} {place.code}"


def geography_sources(language: str = "en") -> str:
    """The geography's sources with their licences and the attribution each asks for.

    A copyright line is kept as the package prints it, in every language.
    """
    rows = []
    for s in skillrevival.geography().sources:
        where = f"geography source {s.id}"
        attribution = s.attribution
        if not attribution.startswith("Copyright"):
            attribution = text(attribution, language, where)
        rows.append(
            [
                f"`{s.id}`",
                f"[{_escape(s.package)} {_escape(s.version)}]({s.url})",
                _escape(s.licence),
                _escape(attribution),
                _escape(text(s.covers, language, where)),
            ]
        )
    return _wrap("geography_sources", _table(WORDS[language]["geography_sources"]["header"], rows))


def zones_table(language: str = "en") -> str:
    """The zones the address reader knows (``data/zones.json``): each with its code, the unit
    that holds it, the years it is a zone in, and its source."""
    from importlib import resources

    words = WORDS[language]["zones"]
    path = resources.files("skillrevival").joinpath("data", "zones.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    fields = data["fields"]
    geo = skillrevival.geography()
    rows = []
    for row in data["zones"]:
        zone = dict(zip(fields, row, strict=True))
        holder = geo.by_code(zone["holder"])[-1]
        years = words["every_year"] if zone["until"] is None else words["until"]
        rows.append(
            [
                zone["name"],
                zone["code"],
                f"{holder.name} {holder.code}",
                years.format(until=zone["until"]),
                f"`{zone['source']}`",
            ]
        )
    return _wrap("zones", _table(words["header"], rows))


# --- the data format ----------------------------------------------------------------------------


def data_format(language: str = "en") -> str:
    """One section per class a document can describe, with every field's JSON type and rules."""
    words = WORDS[language]["fields"]
    parts = [words["general"]]
    for cls in document_classes():
        summary = " ".join((cls.__doc__ or "").strip().split("\n\n")[0].split())
        summary = translation(language, "classes", cls.__name__, summary)
        parts += [f"### {cls.__name__}", "", summary, ""]
        hints = typing.get_type_hints(cls)
        rows = []
        for field in attrs.fields(cls):
            rule = words["rules"].get(f"{cls.__name__}.{field.name}", "")
            if field.default is not attrs.NOTHING:
                default = json.dumps(field.default, ensure_ascii=False)  # () is written []
                rule = words["optional"].format(default=default, rule=rule).strip()
            rows.append([f"`{field.name}`", json_type(hints[field.name], language), rule])
        parts += [_table(words["header"], rows), ""]
    return "\n".join(parts)


def document_classes() -> list[type]:
    """The loadable classes, as a reader meets them walking down from Campaign."""
    order: list[type] = []

    def visit(cls: type) -> None:
        if cls in order or not attrs.has(cls):
            return
        order.append(cls)
        for hint in typing.get_type_hints(cls).values():
            for inner in _inner_types(hint):
                visit(inner)

    for cls in LOADABLE:
        visit(cls)
    return order


def _inner_types(hint: Any) -> Iterator[type]:
    args = typing.get_args(hint)
    if args:
        for arg in args:
            yield from _inner_types(arg)
    elif isinstance(hint, type):
        yield hint


def json_type(hint: Any, language: str = "en") -> str:
    """How a field of this Python type is written in JSON, in the language's words."""
    words = WORDS[language]["fields"]
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is tuple:
        return str(words["array"].format(item=json_type(args[0], language)))
    if origin in (typing.Union, types.UnionType):
        named = [json_type(arg, language) for arg in args if arg is not type(None)]
        return words["or"].join(named) + (words["or_null"] if type(None) in args else "")
    if origin is typing.Literal:
        return str(words["literal"].format(values=words["values"].join(f"`{a!r}`" for a in args)))
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        values = words["values"].join(f"`{member.value}`" for member in hint)
        return str(words["enumeration"].format(values=values))
    if isinstance(hint, type) and attrs.has(hint):
        return str(words["object"].format(name=hint.__name__, anchor=hint.__name__.lower()))
    if isinstance(hint, type) and issubclass(hint, dt.date):
        return str(words["date"])
    names = {str: "string", int: "integer", bool: "boolean", float: "number"}
    if hint in names:
        return str(words[names[hint]])
    return f"`{hint}`"


# --- enumerations and the vocabulary ----------------------------------------------------------


def exported_enumerations() -> list[type[enum.Enum]]:
    """Every enumeration that ``skillrevival`` exports and that has members, in ``__all__`` order.

    The bases (``Vocabulary``, ``NoticeVocabulary``) have no members and are left out.
    """
    return [
        value
        for name in skillrevival.__all__
        if isinstance(value := getattr(skillrevival, name), type)
        and issubclass(value, enum.Enum)
        and len(value) > 0
    ]


def vocabularies() -> list[type[enum.Enum]]:
    """The work plan's enumerations, in the notice's order."""
    from skillrevival._campaign.vocabulary import VOCABULARIES

    return list(VOCABULARIES)


def enumerations(language: str = "en") -> str:
    """The data format's enumerations: each one's stable values, and where documents use it."""
    words = WORDS[language]["enumerations"]
    users: dict[type, list[str]] = {}
    for cls in document_classes():
        for field, hint in typing.get_type_hints(cls).items():
            for inner in _inner_types(hint):
                if issubclass(inner, enum.Enum):
                    users.setdefault(inner, []).append(
                        f"[{cls.__name__}](#{cls.__name__.lower()}).`{field}`"
                    )
    in_vocabulary = set(vocabularies())
    rows = []
    for kind in exported_enumerations():
        name = kind.__name__
        if kind in users:
            where = ", ".join(users[kind])
        elif kind in in_vocabulary:
            where = words["in_vocabulary"].format(anchor=name.lower())
        else:
            where = words["elsewhere"].format(name=name)
        values = ", ".join(f"`{member.value}`" for member in kind)
        rows.append([f"`{name}`", values, where])
    return _wrap("enumerations", _table(words["header"], rows))


def vocabulary_tables(language: str = "en") -> str:
    """One section per enumeration of the work plan: value, zh, en, clause (and level)."""
    value, *labels = WORDS[language]["vocabulary"]["header"]
    heading = dict(zip(("zh", "en", "clause", "level"), labels, strict=True))
    parts = []
    for kind in vocabularies():
        members = list(kind)
        columns = [c for c in heading if hasattr(members[0], c)]
        rows = [
            [f"`{member.value}`", *(_escape(str(getattr(member, c))) for c in columns)]
            for member in members
        ]
        summary = " ".join((kind.__doc__ or "").strip().split("\n\n")[0].split())
        summary = translation(language, "vocabularies", kind.__name__, summary)
        header = [value, *(heading[c] for c in columns)]
        parts += [
            f"## `{kind.__name__}` {{#{kind.__name__.lower()}}}",
            "",
            summary,
            "",
            _wrap(kind.__name__, _table(header, rows)),
            "",
        ]
    return "\n".join(parts)


def glossary(language: str = "en") -> str:
    """The work plan's terms as one bilingual table, each linked to its enumeration."""
    words = WORDS[language]["glossary"]
    rows = [
        [
            _escape(member.zh),
            words["entry"].format(
                en=_escape(member.en), kind=kind.__name__, anchor=kind.__name__.lower()
            ),
            _escape(member.clause),
        ]
        for kind in vocabularies()
        for member in kind
    ]
    return _wrap("glossary", _table(words["header"], rows))


# --- the API reference ---------------------------------------------------------------------------
#
# An overview (reference/api.md: every public name, by topic, with the page it is on) and a page
# per main class (reference/api/<page>.md, in both editions), so that a reader lands on the class
# asked for. Each entry keeps its anchor (skillrevival.City.code_in) on its new page; links in
# the docs name entries through autorefs ([City][skillrevival.City]), so that they follow an
# entry wherever it lives, and the overview forwards the old one-page anchors to the new pages.

# The public names, grouped by the private module that defines them, each module's topic named
# by its key under [api] in the labels tables: the overview's sections, whose anchors are those
# of the former one-page reference. A name from a module not listed here fails the build, so
# that a new module gets a section instead of going missing.
API_SECTIONS: dict[str, str] = {
    "_campaign.loader": "loading",
    "_campaign.converter": "loading",
    "_errors": "errors",
    "_campaign.model": "model",
    "_geo.levels": "matching",
    "_campaign.join": "matching",
    "_index": "matching",
    "_geo.geography": "places",
    "_geo.records": "places",
    "_geo.locate": "places",
    "_campaign.vocabulary": "vocabulary",
    "skillrevival": "package",
}

# The pages of the reference, each with the names it documents, in the page's order; the file
# is docs/reference/api/<key>.md (and .zh.md), whose first heading is its title.
# A public name on no page, or on two, fails the build.
API_PAGES: dict[str, tuple[str, ...]] = {
    "campaign": (
        "campaign",
        "Campaign",
        "Notice",
        "Attachment",
        "StatedDuration",
        "Phase",
        "PlanItem",
        "Term",
        "Source",
        "Anomaly",
    ),
    "roster": ("Roster", "is_implementing"),
    "province": ("Province",),
    "city": ("City", "OtherCode", "CodeKind"),
    "match": ("MatchReport", "MatchStatus", "Miss", "MissReason", "normalize"),
    "geography": ("geography", "Geography", "GeoSource"),
    "place": ("Place", "AdminLevel"),
    "location": ("Location", "LocateStatus"),
    "loading": ("load", "loads", "validate", "structure", "converter", "__version__"),
    "errors": ("SkillRevivalError", "ValidationError", "NotFoundError", "Problem"),
    "enumerations": (
        "Vocabulary",
        "NoticeVocabulary",
        "Allowance",
        "ApprenticeshipElement",
        "AwardGiver",
        "CareerSystem",
        "Competition",
        "CompetitionReward",
        "EnterpriseEvaluationMethod",
        "EvaluationChannel",
        "ExceptionalEvaluation",
        "MinistrySupport",
        "TargetGroup",
        "TechnicalSchool",
        "TrainingDuration",
        "TrainingProvider",
        "TrainingScheme",
        "TrainingTier",
        "TrainingType",
    ),
    # the optional modules, each documented whole on its page
    "frames": ("frames",),
    "plots": ("plots",),
    "strategies": ("strategies",),
    "engines": ("dask", "spark"),
}
OPTIONAL_MODULES = ("frames", "plots", "strategies", "dask", "spark")


def _module_of(name: str) -> str:
    if name == "converter":
        return "_campaign.converter"
    module = getattr(getattr(skillrevival, name), "__module__", "skillrevival")
    return str(module).removeprefix("skillrevival.")


def api_page_of() -> dict[str, str]:
    """Each documented name (public names and optional modules) and the key of its page."""
    pages: dict[str, str] = {}
    for key, names in API_PAGES.items():
        for name in names:
            if name in pages:
                raise PluginError(f"skillrevival.{name} is on two API pages: {pages[name]}, {key}")
            pages[name] = key
    missing = [name for name in skillrevival.__all__ if name not in pages]
    if missing:
        raise PluginError(f"no API page for {', '.join(missing)}: add them to API_PAGES")
    stale = [n for n in pages if n not in skillrevival.__all__ and n not in OPTIONAL_MODULES]
    if stale:
        raise PluginError(f"API_PAGES names what skillrevival does not export: {stale}")
    return pages


def api_page_title(key: str, language: str) -> str:
    """The title of a page of the reference: its file's first heading, in ``language``."""
    suffix = ".zh.md" if language == "zh" else ".md"
    path = Path(__file__).resolve().parent / "reference" / "api" / f"{key}{suffix}"
    return path.read_text(encoding="utf-8").splitlines()[0].removeprefix("# ")


def api_page(key: str) -> Callable[[str], str]:
    """The renderer of one page: one ``:::`` directive per name, for mkdocstrings."""

    def render(language: str = "en") -> str:
        del language  # the entries are the docstrings, in English in both editions
        api_page_of()  # every public name on exactly one page
        parts = []
        for name in API_PAGES[key]:
            parts += [f"::: skillrevival.{name}", "    options:", "      heading_level: 2"]
            if name in OPTIONAL_MODULES:
                parts += ["      show_root_full_path: true", "      filters: public"]
            parts.append("")
        return "\n".join(parts)

    return render


def _summary(name: str) -> str:
    """A name's summary: the first paragraph of its docstring, in English (the entries' own
    language, in both editions)."""
    # attributes and modules, whose docstrings the package does not keep or import here
    doc = API_SUMMARIES.get(name) or getattr(skillrevival, name).__doc__ or ""
    first = " ".join(doc.strip().split("\n\n")[0].split())
    first = re.sub(r":\w+:`~?([^`]+)`", r"`\1`", first).replace("``", "`")
    return _escape(first)


API_SUMMARIES = {
    "__version__": "The version of the package.",
    "converter": "The converter for every public class: `converter.unstructure(obj)` and back.",
    "frames": "The roster and a treatment panel as pandas data frames; `flag` flags a column of "
    "place names or codes; `write` puts a frame in a file for Stata, Excel or Parquet. "
    "Extra `pandas`.",
    "plots": "The quota chart, the phases' timeline and the map of the implementing units "
    "(matplotlib). Extra `plot`.",
    "strategies": "Hypothesis strategies for valid campaigns, rosters and their parts, for your "
    "own tests. Extra `testing`.",
    "dask": "`frames.flag` over a Dask series, partition by partition. Extra `dask`.",
    "spark": "`frames.flag` over a Spark data frame (`mapInPandas`). Extra `spark`.",
}


def api_overview(language: str = "en") -> str:
    """Every public name by topic (the former single page's sections and anchors), each with
    its summary and its page; then a script that sends an old one-page anchor to its page."""
    sections: dict[str, list[str]] = {key: [] for key in API_SECTIONS.values()}
    sections["modules"] = list(OPTIONAL_MODULES)
    for name in skillrevival.__all__:
        module = _module_of(name)
        if module not in API_SECTIONS:
            raise PluginError(f"skillrevival.{name} comes from {module}: add it to API_SECTIONS")
        sections[API_SECTIONS[module]].append(name)
    pages = api_page_of()
    words = WORDS[language]["api_overview"]
    parts = []
    for key, names in sections.items():
        section = WORDS[language]["api"][key]
        anchor = re.sub(r"[^a-z0-9]+", "-", WORDS["en"]["api"][key]["title"].lower()).strip("-")
        parts += [f"## {section['title']} {{#{anchor}}}", ""]
        if section["intro"]:
            parts += [section["intro"], ""]
        rows = []
        for name in names:
            page = pages[name]
            title = api_page_title(page, language)
            # the former page's anchor, so that a link to it lands on this row without scripts
            cell = f'<span id="skillrevival.{name}"></span>[`{name}`][skillrevival.{name}]'
            rows.append([cell, f"[{title}](api/{page}.md)", _summary(name)])
        parts += [_wrap("api", _table(words["header"], rows)), ""]
    forward = {f"skillrevival.{name}": f"{page}/" for name, page in sorted(pages.items())}
    parts += [API_FORWARD.replace("PAGES", json.dumps(forward, sort_keys=True)), ""]
    return "\n".join(parts)


# An anchor of the former single page (#skillrevival.City.code_in) opens that entry on its page.
API_FORWARD = """<script>
(function () {
  var pages = PAGES;
  var parts = decodeURIComponent(location.hash.slice(1)).split(".");
  for (var n = parts.length; n > 1; n--) {
    var page = pages[parts.slice(0, n).join(".")];
    if (page) { location.replace(page + location.hash); return; }
  }
})();
</script>"""


# --- performance ---------------------------------------------------------------------------------


def benchmarks_table(language: str = "en") -> str:
    """The figures of the last ``make bench`` (benchmarks/results.json): what, and how much.

    The suite's own targets and verdicts are for the developers; a reader gets the measurement
    and its median, and the machine they were taken on.
    """
    words = WORDS[language]["benchmarks"]
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "results.json"
    results = json.loads(path.read_text(encoding="utf-8"))
    machine = results["machine"]
    versions = ", ".join(f"{name} {v}" for name, v in machine["versions"].items())
    lines = [line for line in results["table"].splitlines() if line.startswith("|")]
    rows = [[cell.strip() for cell in line.strip("|").split("|")][:2] for line in lines[2:]]
    table = _table(words["header"], [[_escape(a), _escape(b)] for a, b in rows])
    where = words["machine"].format(
        nproc=machine["nproc"],
        implementation=machine["implementation"],
        python=machine["python"],
        platform=machine["platform"],
        versions=versions,
    )
    return "\n\n".join([where, _wrap("benchmarks", table)])


def bench_scale_table(language: str = "en") -> str:
    """The figures of the last ``make bench-scale`` (benchmarks/scale.json), one row an engine,
    then the CSV larger than the Dask workers' memory."""
    words = WORDS[language]["bench_scale"]
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "scale.json"
    report = json.loads(path.read_text(encoding="utf-8"))
    base = next(r["seconds"] for r in report["results"] if r["engine"] == "pandas")
    rows = []
    for r in report["results"]:
        if "seconds" not in r:
            rows.append([f"`{r['engine']}`", words["failed"], "", "", "", ""])
            continue
        worker = "-" if r["engine"] == "pandas" else f"{r['worker_mb']:,.0f}"
        if r.get("jvm_mb"):
            worker += f" (JVM {r['jvm_mb']:,.0f})"
        rows.append(
            [
                f"`{r['engine']}`",  # a name as the code writes it: pandas, workers=2, dask
                f"{r['seconds']:,.1f}",
                f"{report['rows'] / r['seconds']:,.0f}",
                f"{r['main_mb']:,.0f}",
                worker,
                f"{base / r['seconds']:.2f}x",
            ]
        )
    what = words["what"].format(
        rows=report["rows"],
        distinct=report["distinct"],
        csv_mb=report["csv_mb"],
        load=report["load_average"][0],
        cpus=report["cpus"],
    )
    parts = [what, _wrap("bench_scale", _table(words["header"], rows))]
    big = report.get("big") or {}
    if "seconds" in big:
        parts.append(
            words["big"].format(
                csv_mb=big["csv_mb"],
                rows=big["result"]["rows"],
                limit=big["worker_memory"],
                seconds=big["seconds"],
                worker_mb=big["worker_mb"],
                restarted=big["result"]["workers_restarted"],
            )
        )
    return "\n\n".join(parts)


def bench_locate_table(language: str = "en") -> str:
    """The figures of the last ``make bench-locate`` (the ``locate`` part of
    benchmarks/results.json): one row a reader, its accuracy on the same addresses and its time
    per address, then roster.match and the first lookup by name in a fresh process."""
    words = WORDS[language]["bench_locate"]
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "results.json"
    found = json.loads(path.read_text(encoding="utf-8")).get("locate")
    if not found or not (found.get("run") or {}).get("date"):
        raise PluginError(
            "benchmarks/results.json has no dated locate figures: run `make bench-locate`"
        )
    run, machine = found["run"], found["machine"]
    rows = []
    skipped = []
    for name, row in found["readers"].items():
        if "skipped" in row:
            skipped.append(name)
            continue
        first = row["import_ms"] + row["first_call_ms"]
        rows.append(
            [
                f"`{name}`",
                f"{row['right_pct']:.2f}%",
                f"{row['partial_pct']:.2f}%",
                f"{row['abstained_pct']:.2f}%",
                f"{row['wrong_pct']:.2f}%",
                f"{row['us_per_address']:,.1f}",
                f"{row['import_ms']:,.0f} + {row['first_call_ms']:,.0f} = {first:,.0f}",
            ]
        )
    forms = found["forms"]
    what = words["what"].format(
        count=found["addresses"],
        year=found["year"],
        ambiguous=found["ambiguous"],
        rounds=found["rounds"],
        **{f"n_{form}": number for form, number in forms.items()},
    )
    versions = ", ".join(f"{name} {v}" for name, v in machine["versions"].items())
    when = words["when"].format(
        date=run["date"].replace("T", " ").removesuffix("Z")[:16] + " UTC",
        commit=(run["commit"] or "-")[:12],
        nproc=machine["nproc"],
        python=f"{machine['implementation']} {machine['python']}",
        versions=versions,
    )
    parts = [what, when, _wrap("bench_locate", _table(words["header"], rows))]
    once = [name for name, row in found["readers"].items() if row.get("passes") == 1]
    if once and found["rounds"] > 1:
        parts.append(words["once"].format(names=", ".join(f"`{n}`" for n in once)))
    if skipped:
        parts.append(words["skipped"].format(names=", ".join(f"`{n}`" for n in skipped)))
    match = found.get("roster_match")
    if match:
        counts = (", " if language == "en" else "、").join(
            f"`{status}` {n:,}" for status, n in match["statuses"].items()
        )
        line = words["match"].format(us=match["us_per_address"], statuses=counts, **found)
        if "right_pct" in match:
            line += (" " if language == "en" else "") + words["match_places"].format(
                right=match["right_pct"], wrong=match["wrong_pct"]
            )
        parts.append(line)
    cold = found.get("cold_start") or {}
    if "place_vs_floor" in cold:
        line = words["cold"].format(
            place=cold["place_vs_floor"], place_ms=cold["place_ms"], floor_ms=cold["floor_ms"]
        )
        if "locate_vs_floor" in cold:
            line += (" " if language == "en" else "") + words["cold_locate"].format(
                locate=cold["locate_vs_floor"], locate_ms=cold["locate_ms"]
            )
        parts.append(line)
    return "\n\n".join(parts)


# --- markdown helpers ---------------------------------------------------------------------------


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def _wrap(name: str, table: str) -> str:
    """A table in a div that the site test finds by name."""
    return f'<div class="sr-table" data-table="{name}" markdown>\n\n{table}\n\n</div>'


def _escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


RENDERERS: dict[str, Callable[[str], str]] = {
    "provinces": provinces_table,
    "cities": cities_table,
    "levels": levels_table,
    "fields": data_format,
    "phases": phases_table,
    "timeline": timeline,
    "plan": plan_table,
    "anomalies": anomalies_table,
    "sources": sources_table,
    "enumerations": enumerations,
    "vocabulary": vocabulary_tables,
    "glossary": glossary,
    "api_overview": api_overview,
    **{f"api_{key}": api_page(key) for key in API_PAGES},
    "benchmarks": benchmarks_table,
    "bench_scale": bench_scale_table,
    "bench_locate": bench_locate_table,
    "place_changes": place_changes,
    "geography_sources": geography_sources,
    "zones": zones_table,
}
"""Each marker's renderer: a function of the language (``"en"`` or ``"zh"``)."""


# --- the two editions ---------------------------------------------------------------------------
#
# mkdocs-static-i18n builds docs/page.zh.md under /zh/, a second build with the same hooks.


def page_language(page: Any, config: Any) -> str:
    """The language of the page being built: its file's i18n locale, or the theme's."""
    locale = getattr(getattr(page, "file", None), "locale", None)
    if not locale and config is not None:
        locale = config["theme"]["language"]
    return "zh" if str(locale or "en").lower().startswith("zh") else "en"


def on_pre_build(config: Any) -> None:
    """Forget the anchors of the previous language's build before the next one starts.

    mkdocs-static-i18n builds /zh/ as a second build with the same plugins; autorefs would keep
    the English API page's anchors and find every identifier twice (a strict-mode warning), so
    each build starts from empty maps, as a build of one language does.
    """
    autorefs = config["plugins"].get("autorefs")
    for name in ("_primary_url_map", "_secondary_url_map", "_abs_url_map"):
        url_map = getattr(autorefs, name, None)
        if isinstance(url_map, dict):
            url_map.clear()


ZH_PREFIX = "zh/"
HREFLANG_LINK = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')
CONFIG_BASE = re.compile(
    r'(<script id="__config" type="application/json">[^<]*?"base": ")([^"]*)(")'
)


def on_post_page(output: str, page: Any, config: Any) -> str:
    """Point a Chinese page's search at the Chinese edition's own index (/zh/search/).

    Material's search reads ``search/search_index.json`` under the page's ``base`` and resolves
    each result's location against it; a Chinese page's base is the Chinese edition's root.

    The head's ``<link rel="alternate" hreflang>`` tags go: Material takes each for the root of
    a language and fetches ``sitemap.xml`` under it, and the i18n plugin points them at the
    page's counterpart, so every page asked for two sitemaps that do not exist. The language
    selector's links still lead to the counterpart, and sitemap.xml lists every page with its
    alternates for search engines.
    """
    output = HREFLANG_LINK.sub("", output)
    if page_language(page, config) != "zh":
        return output
    output = PICTURE_ALT.sub(
        lambda m: f'{m[1]}alt="{html.escape(ZH_PICTURES[m[2]])}"' if m[2] in ZH_PICTURES else m[0],
        output,
    )
    return CONFIG_BASE.sub(lambda m: f"{m[1]}{m[2].rstrip('/')}/{ZH_PREFIX}{m[3]}", output, 1)


_NOT_FOUND: dict[str, str] = {}
SELECT_LINK = re.compile(r'<a href="[^"]*" hreflang="([a-z-]+)" class="md-select__link"')


def on_post_template(output: str, template_name: str, config: Any) -> str:
    """The 404 page of each edition: English at /404.html, Chinese at /zh/404.html.

    Both builds write the site's root 404.html; the Chinese one is moved to /zh/ and the
    English one kept. Its language links lead to each edition's home (the i18n plugin left them
    on the last page built), and the head loses its hreflang links (see :func:`on_post_page`).
    """
    if template_name != "404.html":
        return output
    output = HREFLANG_LINK.sub("", output)
    output = SELECT_LINK.sub(
        lambda m: (
            f'<a href="/{"" if m[1] == "en" else m[1] + "/"}" hreflang="{m[1]}" '
            'class="md-select__link"'
        ),
        output,
    )
    language = "zh" if str(config["theme"]["language"]).startswith("zh") else "en"
    _NOT_FOUND[language] = output
    if language == "zh":
        where = Path(config["site_dir"]) / ZH_PREFIX / "404.html"
        where.parent.mkdir(parents=True, exist_ok=True)
        where.write_text(output, encoding="utf-8")
        return _NOT_FOUND.get("en", output)
    return output


# The pictures that docs/hooks_pictures.py draws, described in the Chinese edition by
# [pictures] of its labels table (the pictures themselves are drawn once, with English labels:
# no CJK font is assumed).
PICTURE_ALT = re.compile(r'(<img src="[^"]*images/generated/([a-z_]+)\.png" )alt="[^"]*"')
ZH_PICTURES: dict[str, str] = WORDS["zh"]["pictures"]


@event_priority(-200)  # after mkdocs-static-i18n has written one index of both editions
def on_post_build(config: Any) -> None:
    """Split the search index: English pages in /search/, Chinese pages in /zh/search/."""
    split_search_index(Path(config["site_dir"]))


def split_search_index(site: Path) -> None:
    """Write each edition's own search index, with the same search configuration."""
    path = site / "search" / "search_index.json"
    if not path.is_file():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    english = [doc for doc in index["docs"] if not doc["location"].startswith(ZH_PREFIX)]
    chinese = [
        {**doc, "location": doc["location"][len(ZH_PREFIX) :]}
        for doc in index["docs"]
        if doc["location"].startswith(ZH_PREFIX)
    ]
    if not chinese:
        return  # already split, or a build of one edition only
    for where, docs in (
        (path, english),
        (site / ZH_PREFIX / "search" / "search_index.json", chinese),
    ):
        where.parent.mkdir(parents=True, exist_ok=True)
        where.write_text(json.dumps({**index, "docs": docs}, ensure_ascii=False), encoding="utf-8")
    # Material also reads sitemap.xml under a page's base: the Chinese edition's is the site's.
    sitemap = site / "sitemap.xml"
    if sitemap.is_file():
        (site / ZH_PREFIX / "sitemap.xml").write_bytes(sitemap.read_bytes())


def zh_places_download(markdown: str) -> str:
    """The downloads table's row for the places through time, in Chinese (before site_hooks)."""
    marker = "<!-- places-download -->\n"
    if marker not in markdown:
        return markdown
    row = ""
    if hasattr(skillrevival, "geography"):
        row = (
            "| [skillrevival-places.csv](../downloads/skillrevival-places.csv) | 县级及以上每个单位"
            "的历年状态，每种状态一行，注明其存续年份"
            "（[`geography()`](api/geography.md#skillrevival.geography)） |\n"
        )
    return markdown.replace(marker, row)
