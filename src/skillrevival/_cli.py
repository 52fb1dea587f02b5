"""The ``skillrevival`` command line (also ``python -m skillrevival``).

Exit status: 0 on success, 1 when the answer is "no" (an unknown name, an invalid file) or the
output cannot be written, 2 for a command line that cannot be understood (an unknown option or
table, a date that is no date, years that are no years). A problem is a line of text, never a
traceback: each problem of a file is one line, its control characters and anything that is not
text (a lone surrogate) escaped.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import errno
import json
import os
import sys
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TextIO, cast

import attrs

from . import __version__
from ._campaign.model import Campaign, City, Province, Roster
from ._errors import NotFoundError, Problem, SkillRevivalError, ValidationError

if TYPE_CHECKING:
    from ._geo.records import Place
from ._campaign.tables import FORMATS, ROSTER_TABLES, TEXT_FORMATS, plain

FORMATS_ROSTER = ("table", "csv", "json")
KINDS = ("campaign", "roster", "table")
"""What ``validate`` reads a file as: a campaign or roster document, or the table of cities
that ``export --format json`` writes."""


def display_width(text: str) -> int:
    """Columns that ``text`` takes in a terminal: two for wide (CJK) characters, one otherwise."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, width: int) -> str:
    """``text`` left-aligned in ``width`` terminal columns."""
    return text + " " * max(0, width - display_width(text))


def table(rows: Sequence[dict[str, Any]]) -> str:
    """Rows as an aligned text table, measured in terminal columns, not characters."""
    if not rows:
        return ""
    headers = list(rows[0])
    cells = [[_cell(row[h]) for h in headers] for row in rows]
    widths = [
        max(display_width(x) for x in [h, *(r[i] for r in cells)]) for i, h in enumerate(headers)
    ]
    lines = ["  ".join(pad(h, w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(pad(x, w) for x, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    return "\n".join(lines)


def _cell(value: Any) -> str:
    return "" if value is None else str(value)


def summary(campaign: Campaign) -> str:
    """The campaign in a page of text: the notice, the phases, the roster and its total."""
    notice = campaign.notice
    lines = [
        f"{campaign.name.zh}",
        f"{campaign.name.en}",
        "",
        f"Notice     {notice.number}, issued {notice.issued_on} by {notice.issuer.zh}",
        f"           ({notice.issuer.en})",
        f"Plans due  {campaign.plan_deadline} ({notice.plan_deadline_printed}) to "
        f"{notice.plans_submitted_to.zh} ({notice.plans_submitted_to.en})",
        f"Duration   {campaign.stated_duration.printed} ({campaign.stated_duration.en}) as stated; "
        f"phases span {campaign.start} to {campaign.end}",
        "",
        "Phases",
    ]
    for phase in campaign.phases:
        span = f"{phase.start} to {phase.end}"
        lines.append(f"  {phase.number}  {span}  {phase.name.zh} ({phase.printed_period})")
    roster = campaign.roster
    width = max(display_width(p.name) for p in roster.provinces)
    lines += ["", f"Roster ({roster.clause}): {len(roster.provinces)} provinces"]
    for province in roster.provinces:
        cities = "、".join(city.name for city in province.cities)
        lines.append(
            f"  {province.seq:>2}  {pad(province.name, width)}  {province.quota}  {cities}"
        )
    lines.append(f"  Total quota {roster.total_quota}, {len(roster.cities)} cities")
    return "\n".join(lines)


def _facts(record: Any) -> list[tuple[str, str]]:
    """Every field of a record as (name, text), nested records flattened, cities listed."""
    facts: list[tuple[str, str]] = []
    for field in attrs.fields(type(record)):
        value = getattr(record, field.name)
        if field.name == "cities":
            text = "、".join(city.name for city in value)
        elif isinstance(value, tuple):  # other names, other codes: one item after another
            text = "; ".join(_flat(item) for item in value)
        else:
            text = _flat(value)
        facts.append((field.name, text))
    return facts


def _flat(value: Any) -> str:
    """A nested record as its fields' values joined by slashes, enumerations by value."""
    if attrs.has(type(value)):
        return " / ".join(_flat(getattr(value, f.name)) for f in attrs.fields(type(value)))
    return _cell(plain(value))


def _describe(
    campaign: Campaign, record: City | Province, more: Sequence[tuple[str, str]] = ()
) -> str:
    kind = "City" if isinstance(record, City) else "Province"
    facts = [("kind", kind), *_facts(record)]
    if isinstance(record, City):
        province = campaign.roster.province_of(record)
        facts.append(("province quota", str(province.quota)))
    facts += more
    width = max(display_width(name) for name, _ in facts)
    return "\n".join(f"{pad(name, width)}  {value}".rstrip() for name, value in facts)


def _write_rows(rows: list[dict[str, Any]], fmt: str, out: TextIO, bom: bool = False) -> None:
    if fmt == "table":
        out.write(table(rows) + "\n")
    elif fmt == "csv":
        if bom:
            out.write("\ufeff")
        writer = csv.DictWriter(out, fieldnames=list(rows[0]) if rows else [], lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: _cell(v) for k, v in row.items()} for row in rows)
    elif fmt == "json":
        out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    else:  # jsonl
        out.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors raise instead of exiting, so main() owns every exit status."""

    def error(self, message: str) -> Any:
        raise _UsageError(f"{self.prog}: error: {message}\n{self.format_usage()}")


class _UsageError(Exception):
    """argparse's message for a command line it cannot parse, usage line included."""


class _CommandError(Exception):
    """What a command cannot do, said on one line; ``status`` 2 for a usage problem, else 1."""

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.status = status


def build_parser() -> argparse.ArgumentParser:
    """The command line's grammar, one subcommand per job."""
    parser = _Parser(
        prog="skillrevival",
        description="The second-batch Hundred Cities Skills Revitalization Campaign "
        "(人社部函〔2015〕67号). With no command: a summary of the campaign.",
    )
    parser.add_argument("--version", action="version", version=f"skillrevival {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    roster = commands.add_parser("roster", help="the implementing cities, province by province")
    roster.add_argument("--province", metavar="P", help="only this province (any of its names)")
    roster.add_argument("--format", choices=FORMATS_ROSTER, default="table")
    lookup = commands.add_parser("lookup", help="one city or province with all its facts")
    lookup.add_argument("key", metavar="NAME_OR_CODE")
    lookup.add_argument(
        "--province", metavar="P", help="the place in this province (a name or code)"
    )
    lookup.add_argument("--year", metavar="Y", type=int, help="the place in that year's list")
    locate = commands.add_parser(
        "locate",
        help="read an address or names run together: the place, tier by tier, and the roster",
        description="Read TEXT (an address, names run together, one name, an English name or "
        "a code) with Geography.locate: the province, prefecture and county it names, its "
        "status (found, ambiguous, unknown), the rest of the text, the candidates when it is "
        "ambiguous, and what the place is to the roster (implementing, within, contains, "
        "not_implementing). Exit status 1 when the text names no one place. Example: "
        "skillrevival locate 江苏省苏州市吴中区木渎镇金枫路216号 --year 2015",
    )
    locate.add_argument("text", metavar="TEXT")
    locate.add_argument("--year", metavar="Y", type=int, help="read it in that year's list")
    locate.add_argument("--province", metavar="P", help="only units in this province")
    locate.add_argument(
        "--level",
        choices=("province", "prefecture", "county"),
        default=None,
        help="the tier the text names, to choose among readings (长沙: 长沙市 at prefecture)",
    )
    locate.add_argument("--format", choices=("text", "json"), default="text")
    locate.add_argument(
        "--json", dest="format", action="store_const", const="json", help="--format json"
    )
    phase = commands.add_parser("phase", help="which phase of the campaign a date falls in")
    phase.add_argument("date", nargs="?", metavar="DATE", help="YYYY-MM-DD (default: today)")
    validate = commands.add_parser(
        "validate", help="check a campaign, roster or exported table JSON file"
    )
    validate.add_argument("file", metavar="FILE")
    validate.add_argument(
        "--as",
        dest="kind",
        choices=KINDS,
        default=None,
        help="what the file holds (default: a table when it is an array, a roster when it has "
        "'provinces', else a campaign)",
    )
    export = commands.add_parser(
        "export",
        help="the roster's tables for other tools (Stata, Excel, Parquet, CSV, JSON)",
        description="Write the city table (default) or the province table; xlsx can hold both, "
        "one sheet each. The format is --format, or else the suffix of -o FILE, or else csv. "
        "dta, xlsx and parquet need pandas (and openpyxl or pyarrow) and a file.",
    )
    export.add_argument(
        "tables",
        nargs="*",
        metavar="TABLE",
        help=f"{ROSTER_TABLES[0]} (default), {', '.join(ROSTER_TABLES[1:])}",
    )
    _file_options(export)
    panel = commands.add_parser(
        "panel",
        help="a unit-by-year treatment panel, to a file (needs pandas)",
        description="The panel of skillrevival.frames.treatment_panel, written for other tools. "
        "Example: skillrevival panel --years 2010-2020 --level prefecture --controls all "
        "-o panel.dta",
    )
    panel.add_argument(
        "--years", required=True, metavar="YEARS", help="2010-2020, or a list: 2013,2015,2017"
    )
    panel.add_argument(
        "--level",
        choices=("unit", "prefecture", "county"),
        default="unit",
        help="unit: the roster's units; prefecture: rolled up; county: every county-level unit, "
        "treated when it is or lies in an implementing unit",
    )
    panel.add_argument(
        "--controls", choices=("none", "all"), default="none", help="all: every unit of the level"
    )
    panel.add_argument(
        "--units",
        metavar="CODES",
        help="the panel's units, codes joined by commas (default: roster)",
    )
    _file_options(panel)
    return parser


def _file_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--format", choices=FORMATS, default=None, help="default: from -o FILE, else csv"
    )
    command.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    command.add_argument(
        "--bom", action="store_true", help="start CSV with a UTF-8 BOM (for Excel)"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status.

    Every failure ends here, the one place that turns it into a line on stderr and a status:
    2 for a usage error, 1 when a command cannot do what was asked (nothing found, invalid
    data, a file it cannot write, an extra that is not installed).
    """
    try:
        status = _run(build_parser().parse_args(argv))
        if sys.stdout is not None:
            sys.stdout.flush()  # a full disk (> /dev/full) is found here, not at exit
        return status
    except _UsageError as error:
        sys.stderr.write(str(error))
        return 2
    except BrokenPipeError:
        # The reader went away (skillrevival export | head): not an error, and no traceback
        # when Python flushes stdout at exit.
        _silence_stdout()
        return 0
    except (_CommandError, SkillRevivalError, ImportError) as error:
        sys.stderr.write(f"skillrevival: {error}\n")
        return error.status if isinstance(error, _CommandError) else 1
    except OSError as error:  # only standard output is written outside _writing()
        reason = error.strerror or str(error)
        sys.stderr.write(f"skillrevival: cannot write to standard output: {reason}\n")
        _silence_stdout()
        return 1


def _silence_stdout() -> None:
    """Point standard output at the null device, so that Python's flush at exit (of what could
    not be written) raises nothing more."""
    if sys.stdout is None:
        return
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no file descriptor (a closed or replaced stdout)
        sys.stdout = None


class _ClosedOutput:
    """Standard output when there is none (``skillrevival >&-``): every write fails as a
    write to a closed descriptor does."""

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")

    def writelines(self, lines: Iterable[str]) -> None:
        raise OSError(errno.EBADF, "standard output is closed")

    def flush(self) -> None:
        pass


@contextmanager
def _writing(path: str | None) -> Iterator[None]:
    """Name the file that could not be written, when one could not."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as error:
        reason = error.strerror or str(error) or type(error).__name__
        if reason.startswith("cannot write "):  # said by the writer, file and reason
            raise _CommandError(reason) from None
        raise _CommandError(f"cannot write {path!r}: {reason}") from None


def _run(args: argparse.Namespace) -> int:
    # Deferred: `--help` and a usage error read no data.
    from ._campaign.loader import campaign as bundled

    out = sys.stdout if sys.stdout is not None else cast(TextIO, _ClosedOutput())
    if args.command is None:
        out.write(summary(bundled()) + "\n")
    elif args.command == "roster":
        # Deferred: only the commands that print tables need them.
        from ._campaign.tables import CITY_TABLE_COLUMNS, city_rows

        campaign = bundled()
        province = campaign.roster.province(args.province) if args.province else None
        rows = list(city_rows(campaign, province))
        if args.format == "table":  # a terminal is narrow: the key columns only
            rows = [{name: row[name] for name in CITY_TABLE_COLUMNS} for row in rows]
        _write_rows(rows, args.format, out)
    elif args.command == "lookup":
        return _lookup(bundled(), args.key, out, args.province, args.year)
    elif args.command == "locate":
        return _locate(bundled().roster, args, out)
    elif args.command == "phase":
        return _phase(bundled(), args.date, out)
    elif args.command == "validate":
        return _validate(args.file, args.kind, out)
    elif args.command in ("export", "panel"):
        return _export(args, out)
    return 0


def _export(args: argparse.Namespace, out: TextIO) -> int:
    """``export`` and ``panel``: tables to a file (or stdout), in the format asked or implied."""
    fmt = args.format
    if fmt is None:
        suffix = os.path.splitext(args.output or "")[1].lower().lstrip(".")
        fmt = suffix if suffix in FORMATS else "csv"
    tables = list(dict.fromkeys(getattr(args, "tables", None) or ROSTER_TABLES[:1]))
    unknown = [name for name in tables if name not in ROSTER_TABLES]
    if unknown:
        choose = ", ".join(ROSTER_TABLES)
        raise _CommandError(f"no table {unknown[0]!r}; choose from {choose}", 2)
    if fmt not in ("xlsx",) and len(tables) > 1:
        raise _CommandError(f"a .{fmt} file holds one table; use xlsx for several", 2)
    if fmt not in TEXT_FORMATS and not args.output:
        raise _CommandError(f".{fmt} is a binary format: give -o FILE", 2)
    with _writing(args.output):
        if args.command == "export" and fmt in TEXT_FORMATS:
            rows = _export_rows(tables[0])  # no pandas needed for text
            if args.output:
                from ._writing import replaced_whole

                with (
                    replaced_whole(args.output, fmt) as temporary,
                    open(temporary, "w", encoding="utf-8", newline="") as file,
                ):
                    _write_rows(rows, fmt, file, bom=args.bom)
            else:
                _write_rows(rows, fmt, out, bom=args.bom)
            return 0
        # Deferred: frames imports pandas, which only these formats need.
        from . import frames

        if args.command == "export":
            named = {name: getattr(frames, name)() for name in tables}
        else:
            named = {"panel": _panel(frames, args)}
        target = args.output or out
        frames.write(
            named if fmt == "xlsx" else next(iter(named.values())), target, fmt, bom=args.bom
        )
    return 0


def _export_rows(table: str) -> list[dict[str, Any]]:
    # Deferred: `--help` and a usage error read no data.
    from ._campaign.loader import campaign as bundled
    from ._campaign.tables import rows

    return list(rows(table, bundled()))


def _panel(frames: Any, args: argparse.Namespace) -> Any:
    """The panel that ``skillrevival panel``'s options describe."""
    # Deferred: the geography is read only by the commands that ask about places.
    from ._geo.geography import geography

    known = geography().years
    years: list[int] = []
    for part in args.years.replace(" ", "").split(","):
        first, _, last = part.partition("-")
        if not (_year_text(first) and (not last or _year_text(last))):
            raise _CommandError(f"--years: expected 2010-2020 or 2013,2015, got {part!r}", 2)
        start, end = int(first), int(last or first)
        if start > end:
            raise _CommandError(f"--years: {part!r} runs backwards; write {end}-{start}", 2)
        if start < known[0] or end > known[-1]:
            message = (
                f"--years: {part!r} goes outside {known[0]}-{known[-1]}, the years whose "
                "division lists the library holds"
            )
            raise _CommandError(message, 2)
        years += range(start, end + 1)
    units = args.units.replace(" ", "").split(",") if args.units else None
    controls = "all" if args.controls == "all" else None
    return frames.treatment_panel(years, level=args.level, units=units, controls=controls)


def _year_text(text: str) -> bool:
    """Whether ``text`` is a year written in ASCII digits (not ²⁰¹⁵, not ２０１５)."""
    return 1 <= len(text) <= 4 and text.isascii() and text.isdigit()


def _lookup(campaign: Campaign, key: str, out: TextIO, within: str | None, year: int | None) -> int:
    # Deferred: the geography is read only by the commands that ask about places.
    from ._geo.geography import geography

    roster = campaign.roster
    # A province or a year asks about a place of the geography; otherwise the roster first.
    asked = within is not None or year is not None
    cities = () if asked else roster.find_cities(key)
    province = None if cities or asked else roster.get_province(key)
    if len(cities) == 1:
        [city] = cities
        facts = _city_place_facts(city, key)
        out.write(_describe(campaign, city, facts) + "\n")
        return 0
    if province is not None:
        out.write(_describe(campaign, province) + "\n")
        return 0
    geo = geography()
    try:
        place = geo.place(key, year, province=within)
    except NotFoundError as error:
        if error.candidates or key.strip().isdigit():
            # A name that several places carry (say which, never pick one), or a code: the
            # geography says what it knows of it.
            raise
        suggestions: list[str] = []
        for lookup in (roster.city, roster.province):
            try:
                lookup(key)
            except NotFoundError as miss:
                suggestions += miss.suggestions
        said = {s.split(" (")[0] for s in suggestions}
        suggestions += [s for s in error.suggestions if s not in said]
        hint = f"; did you mean {', '.join(suggestions[:5])}?" if suggestions else ""
        raise _CommandError(f"no place, city or province named {key!r}{hint}") from None
    out.write(_aligned(_place_facts(place)) + "\n")
    return 0


def _aligned(facts: list[tuple[str, str]]) -> str:
    width = max(display_width(name) for name, _ in facts)
    return "\n".join(f"{pad(name, width)}  {value}".rstrip() for name, value in facts)


def _years(place: Place) -> str:
    return f"{place.start}-{'' if place.end is None else place.end}"


def _roster() -> Roster:
    """The bundled roster, which answers for the geography's places (unit_of, cities_in)."""
    from ._campaign.loader import campaign

    return campaign().roster


def _span(place: Place) -> str:
    """The years a record stood, in words: the lists at hand begin in 1980."""
    start = "1980 or earlier" if place.start <= 1980 else str(place.start)
    return f"{start} to {'now' if place.end is None else place.end}"


def _linked(places: Iterable[Place]) -> str:
    """Places as ``code name (years)``, each saying when it is a roster unit's record."""
    parts = []
    for place in places:
        city = _roster().unit_of(place)
        unit = f", implementing: {city.name} ({city.province})" if city is not None else ""
        parts.append(f"{place.code} {place.name} ({_years(place)}{unit})")
    return "; ".join(parts)


def _parent(place: Place) -> str:
    # Deferred: the geography is read only by the commands that ask about places.
    from ._geo.geography import geography

    if place.parent is None:
        return ""
    holders = geography().by_code(place.parent, place.end or geography().newest)
    return place.parent if not holders else f"{place.parent} {holders[0].name}"


def _place_facts(place: Place) -> list[tuple[str, str]]:
    """What a user needs about a place: the unit, its years and changes, and the roster."""
    # Deferred: the geography is read only by the commands that ask about places.
    from ._geo.geography import geography

    geo = geography()
    city = _roster().unit_of(place)
    holders = _holders(place)
    facts = [
        ("kind", "Place"),
        ("code", place.code),
        ("name", place.name),
        ("short_name", place.short_name),
        ("name_en", place.name_en),
        ("level", f"{place.level.value} ({place.level.zh}, {place.level.en})"),
        ("parent", _parent(place)),
        ("in_force", _span(place)),
        ("in_201504", "yes" if place.in_201504 else "no"),
        ("successors", _linked(geo.successors(place))),
        ("predecessors", _linked(geo.predecessors(place))),
        ("source", place.source),
        ("note", place.note or ""),
        (
            "implementing",
            "no"
            if city is None
            else f"yes: {city.name} ({city.province}), roster code {city.adcode}",
        ),
        ("inside", "、".join(f"{c.name} ({c.province})" for c in holders)),
        ("holds", "、".join(c.name for c in _roster().cities_in(place))),
    ]
    return facts


def _holders(place: Place) -> list[City]:
    """The roster units that hold ``place`` (保定 for a district of 保定), in its last year."""
    # Deferred: the geography is read only by the commands that ask about places.
    from ._geo.geography import geography

    geo = geography()
    year = geo.years[-1] if place.end is None else place.end
    found: list[City] = []
    parent = place.parent
    while parent is not None:
        holders = geo.by_code(parent, year)
        if not holders:
            break
        city = _roster().unit_of(holders[0])
        if city is not None and city not in found:
            found.append(city)
        parent = holders[0].parent
    return found


def _city_place_facts(city: City, key: str) -> list[tuple[str, str]]:
    """A roster unit in the geography: its years, what replaced it, its code now, the roster
    units inside it, and the other places that carry the name it was looked up by."""
    # Deferred: the geography is read only by the commands that ask about places.
    from ._geo.geography import geography
    from ._geo.names import describe

    geo = geography()
    place = city.place
    newest = geo.years[-1]
    code = city.code_in(newest)
    others: tuple[Place, ...] = ()
    if not key.strip().isdigit():
        others = tuple(p for p in geo.names().find(key) if _roster().unit_of(p) is not city)
    shown: dict[tuple[str, str], str] = {}
    for other in others:  # each other unit once, as its newest record
        shown.setdefault((other.province, other.name), describe(other, geo))
    return [
        ("in_force", _span(place)),
        ("successors", _linked(geo.successors(place))),
        ("predecessors", _linked(geo.predecessors(place))),
        (f"code_in_{newest}", code if code is not None else f"none: not in the {newest} list"),
        ("holds", "、".join(c.name for c in _roster().cities_in(place))),
        ("also_named", "; ".join(shown.values())),
    ]


def _locate(roster: Roster, args: argparse.Namespace, out: TextIO) -> int:
    """``locate``: what a text names, tier by tier, and what that is to the roster."""
    # Deferred: the geography is read only by the commands that ask about places.
    from ._geo.geography import geography
    from ._geo.names import describe

    geo = geography()
    where = geo.locate(args.text, args.year, province=args.province, level=args.level)
    provinces = None if args.province is None else [args.province]
    report = roster.match([args.text], provinces=provinces, year=args.year, level=args.level)
    status, city = report.statuses[0], report.matches[0]
    held = report.misses[0].cities if report.misses else ()

    def tier(place: Place | None) -> dict[str, str] | None:
        if place is None:
            return None
        return {"code": place.code, "name": place.name, "level": place.level.value}

    if args.format == "json":
        found = {
            "text": where.text,
            "year": where.year,
            "status": where.status.value,
            "place": tier(where.place),
            "province": tier(where.province),
            "prefecture": tier(where.prefecture),
            "county": tier(where.county),
            "rest": where.rest,
            "zone": where.zone,
            "candidates": [
                {**(tier(place) or {}), "years": _years(place), "as": describe(place, geo)}
                for place in where.candidates
            ],
            "roster": {
                "status": status.value,
                "unit": None if city is None else {"adcode": city.adcode, "name": city.name},
                "holds": [{"adcode": c.adcode, "name": c.name} for c in held],
            },
        }
        out.write(json.dumps(found, ensure_ascii=False, indent=2) + "\n")
    else:

        def shown(place: Place | None) -> str:
            return "" if place is None else f"{place.code} {place.name}"

        if city is not None:
            unit = f"{status.value}: {city.name} ({city.province}), roster code {city.adcode}"
        elif held:
            unit = f"{status.value}: " + "、".join(f"{c.name} {c.adcode}" for c in held)
        else:
            unit = status.value
        facts = [
            ("text", where.text),
            ("year", "" if where.year is None else str(where.year)),
            ("status", where.status.value),
            ("province", shown(where.province)),
            ("prefecture", shown(where.prefecture)),
            ("county", shown(where.county)),
            ("place", shown(where.place)),
            ("rest", where.rest),
            ("zone", where.zone or ""),
            ("candidates", "; ".join(describe(place, geo) for place in where.candidates)),
            ("roster", unit),
        ]
        out.write(_aligned(facts) + "\n")
    return 0 if where.found else 1


def _phase(campaign: Campaign, text: str | None, out: TextIO) -> int:
    from ._campaign.dates import parse_iso_date

    day: dt.date | str = text if text is not None else dt.date.today()
    if text is not None:
        try:
            parse_iso_date(text)
        except ValueError as error:
            raise _CommandError(f"DATE: {error}", 2) from None
    phase = campaign.phase_on(day)
    if phase is None:
        when = "before" if str(day) < str(campaign.start) else "after"
        out.write(f"{day}: {when} the campaign ({campaign.start} to {campaign.end})\n")
        return 0
    out.write(
        f"{day}: phase {phase.number}, {phase.name.zh} ({phase.name.en}), "
        f"{phase.start} to {phase.end}\n"
    )
    for task in phase.tasks:
        out.write(f"  - {task.zh} ({task.en})\n")
    return 0


def _validate(path: str, kind: str | None, out: TextIO) -> int:
    # Deferred: only `validate` reads a user's document.
    from ._campaign.loader import validate
    from ._campaign.model import Roster
    from ._reading import parse_json, read_file

    try:
        data = parse_json(read_file(path))
    except ValidationError as error:  # unreadable, too large, not JSON
        _print_problems(error.problems, out)
        return 1
    if kind is None:
        kind, why = _guess_kind(data)
        others = " or ".join(f"--as {other}" for other in KINDS if other != kind)
        sys.stderr.write(f"{path}: read as a {kind} ({why}); {others} reads it as another kind\n")
    if kind == "table":
        problems = _table_problems(data)
    else:
        problems = validate(data, Roster if kind == "roster" else Campaign)
    if problems:
        _print_problems(problems, out)
        return 1
    out.write(f"{path}: a valid {kind}\n")
    return 0


def _guess_kind(data: object) -> tuple[str, str]:
    """What a file seems to hold, and why: the top level decides."""
    if isinstance(data, list):
        return "table", "an array, as `skillrevival export --format json` writes"
    if isinstance(data, dict) and "provinces" in data:
        return "roster", "it has 'provinces'"
    if isinstance(data, dict):
        import difflib

        close = difflib.get_close_matches("provinces", [str(key) for key in data], 1, 0.75)
        if close:
            return "roster", f"it has {close[0]!r}, close to 'provinces'"
    return "campaign", "it has no 'provinces'"


def _table_problems(data: object) -> list[Any]:
    """Problems of a table of cities as ``export --format json`` writes it: an array of objects,
    each with exactly the export's columns, each value text, a number, true/false or null."""
    # Deferred, as for the tables above.
    from ._campaign.tables import CITIES

    if not isinstance(data, list):
        return [Problem("", "a table is an array of rows, one object per city")]
    columns = CITIES.names
    problems = []
    for index, row in enumerate(data):
        if not isinstance(row, dict):
            problems.append(Problem(f"[{index}]", "a row is an object, one key per column"))
            continue
        for name in columns:
            if name not in row:
                problems.append(Problem(f"[{index}].{name}", "column is missing"))
            elif isinstance(row[name], list | dict):
                problems.append(Problem(f"[{index}].{name}", "a cell holds one value"))
        for name in row:
            if name not in columns:
                problems.append(Problem(f"[{index}].{name}", "unknown column"))
    return problems


def _print_problems(problems: Iterable[Any], out: TextIO) -> None:
    for problem in problems:
        out.write(escaped(str(problem)) + "\n")


def escaped(text: str) -> str:
    """``text`` on one line that any terminal can print: control and format characters, line
    and paragraph separators and lone surrogates written as Python escapes (``\\n``,
    ``\\x1b``, ``\\u202e``, ``\\ud800``); the rest as it is."""
    if text.isprintable():
        return text
    return "".join(_escape(ch) for ch in text)


_ESCAPED = frozenset(("Cc", "Cf", "Cs", "Zl", "Zp"))
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(ch: str) -> str:
    if ch.isprintable() or unicodedata.category(ch) not in _ESCAPED:
        return ch
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"
