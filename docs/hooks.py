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
implementation steps), ``anomalies`` and ``sources``.
"""

from __future__ import annotations

import datetime as dt
import enum
import html
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

import skillrevival
from skillrevival._loader import LOADABLE

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
    """Replace each marker of the page with what it names."""
    del config, files

    def render(match: re.Match[str]) -> str:
        name = match.group(1)
        renderer = RENDERERS.get(name)
        if renderer is None:
            known = ", ".join(sorted(RENDERERS))
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


def _records_table(name: str, records: tuple[Any, ...], *, numbered: bool) -> str:
    """A table with the record's name first (the column kept in view), then every other field.

    A value's note (``OtherCode.note``, a paragraph) goes to a footnote under the table, so that
    no cell holds a paragraph.
    """
    columns = [field.name for field in attrs.fields(type(records[0]))]
    if "name" in columns:  # the column a reader follows along a row, kept in view
        columns = ["name"] + [c for c in columns if c != "name"]
    if "cities" in columns:  # the longest cell reads best at the end of the row
        columns = [c for c in columns if c != "cities"] + ["cities"]
    header = [f"`{columns[0]}`"] + (["#"] if numbered else []) + [f"`{c}`" for c in columns[1:]]
    notes: list[str] = []
    rows = [
        [_cell(getattr(record, columns[0]), notes, name)]
        + ([str(index)] if numbered else [])
        + [_cell(getattr(record, c), notes, name) for c in columns[1:]]
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
    from skillrevival._vocabulary import VOCABULARIES

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
    "_loader": ("Loading and validating", "Read the bundled campaign, or a document of your own."),
    "_converter": ("Loading and validating", ""),
    "_errors": ("Errors", "Every error the library raises on bad input or a miss."),
    "_model": ("The model", "Frozen, slotted attrs classes; every collection is a tuple."),
    "_geography": (
        "Geography and matching",
        "Kinds of units, codes other lists give them, and matching other people's lists.",
    ),
    "_matching": ("Geography and matching", ""),
    "_lookup": ("Geography and matching", ""),
    "_vocabulary": (
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
            module = "_converter"
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
}
