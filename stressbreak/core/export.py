"""The journal as a file the user takes away: JSON (complete, and importable again) or CSV.

JSON holds every record exactly as the journal stores it (`Record.to_dict`), in an envelope that
names the format and its version, so an import can refuse what is not ours or too new instead
of guessing. CSV is for spreadsheets and is export-only: list answers are joined into one cell
and cells that a spreadsheet would run as a formula get a leading apostrophe, so it cannot be
read back without loss. Nothing here touches files; the caller writes the bytes (privately).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from stressbreak.core.messages import QT_TRANSLATE_N_NOOP, QT_TRANSLATE_NOOP, Message
from stressbreak.core.model import (
    DayRating,
    Deletion,
    Entry,
    PauseHeart,
    PauseRecord,
    Record,
    entries,
    record_from_dict,
)

EXPORT_FORMAT = "stressbreak-export"
EXPORT_VERSION = 1

# "; " and not "," or "|": readable in a cell, and not the CSV delimiter, so no extra quoting.
LIST_SEPARATOR = "; "

CSV_COLUMNS = (
    "kind",
    "id",
    "at",  # a pause's start, or the moment of a check-in or day rating
    "ended_at",
    "outcome",
    "duration_s",
    "exercise",
    "origin",
    "breathing",
    "breathing_note",
    "body",
    "body_note",
    "need",
    "need_note",
    "tension",
    "signals",
    "trigger",
    "next_step",
    "sleep",  # a day rating's three, each 1–5 or empty
    "energy",
    "focus",
    "computer",  # the name of the computer it was made on (its id where no name is known)
    # A pause's heart figures (issue 19), after the older columns so that their places stay:
    # empty for a pause without a strap, and "true" in poor_signal when there was one but
    # its signal gave no figures.
    "heart_rate",
    "rmssd_ms",
    "coherence",
    "pace",
    "poor_signal",
)

# Excel, LibreOffice and Google Sheets run a cell that starts with one of these as a formula
# (tab and carriage return are the variants OWASP lists for "CSV injection"). A note typed as
# "=HYPERLINK(...)" must stay text when the user opens the export, so it gets an apostrophe,
# which spreadsheets hide and treat as "this is text".
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class ExportFormat(StrEnum):
    CSV = "csv"
    JSON = "json"


class ImportFileError(ValueError):
    """The text is not an export this version can import; args[0] is a Message for the user."""


@dataclass(frozen=True)
class ImportResult:
    records: list[Record]
    skipped: int  # records in the file this version cannot read (newer schema, damaged)


def sorted_oldest_first(records: Sequence[Record]) -> list[Entry]:
    """The entries, oldest first. A Deletion (a tombstone of shared folders) is no entry and
    is never exported: imported elsewhere it would delete that journal's older entries."""
    # Aware datetimes compare as instants, so mixed offsets sort in real order; stable for ties.
    return sorted(entries(records), key=lambda record: record.at)


def to_json(records: Sequence[Record], *, exported_at: datetime, app_version: str,
            computers: Mapping[str, str] | None = None) -> str:
    """The records (oldest first) in an importable JSON document. Each record keeps the id
    of the computer it was made on; `computers` names them (id -> name), and the document
    carries the names of the ids its records use."""
    if exported_at.tzinfo is None:
        raise ValueError("exported_at must be timezone-aware")
    chosen = sorted_oldest_first(records)
    document = {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported_at": exported_at.isoformat(),
        "app_version": app_version,
        "computers": _names_used(chosen, computers or {}),
        "records": [record.to_dict() for record in chosen],
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def to_csv(records: Sequence[Record], computers: Mapping[str, str] | None = None) -> str:
    """One row per record (oldest first) under the fixed CSV_COLUMNS header.

    Times are ISO 8601 with their UTC offset; list answers are joined with LIST_SEPARATOR;
    cells a spreadsheet would take for a formula start with an apostrophe. Rows end in CRLF
    (RFC 4180); a cell with a line break, comma or quote is quoted by the csv module.
    `computer` is the name `computers` gives the record's computer id, else the id; empty
    for a record made before its computer shared a folder.
    """
    names = computers or {}
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for record in sorted_oldest_first(records):
        row = _csv_row(record)
        if record.computer is not None:
            row["computer"] = names.get(record.computer) or record.computer
        writer.writerow([_csv_cell(row.get(column)) for column in CSV_COLUMNS])
    return buffer.getvalue()


def _names_used(records: Sequence[Entry], computers: Mapping[str, str]) -> dict[str, str]:
    # Only the computers these records name: an export of one month says nothing of others.
    used = {record.computer for record in records if record.computer is not None}
    return {cid: computers[cid] for cid in sorted(used) if computers.get(cid)}


def export_bytes(
    records: Sequence[Record], fmt: ExportFormat, *, exported_at: datetime, app_version: str,
    computers: Mapping[str, str] | None = None,
) -> bytes:
    """What goes into the export file (or onto stdout), the same from the menu and the CLI.

    CSV starts with a UTF-8 byte order mark: without it Excel reads the file in the Windows
    code page and mangles every accented letter; LibreOffice and csv readers opened with
    "utf-8-sig" skip it. JSON is plain UTF-8 (RFC 8259 forbids the mark). `computers`
    (id -> name) says which computer each record came from, where a shared folder told it.
    """
    if fmt is ExportFormat.CSV:
        return to_csv(records, computers).encode("utf-8-sig")
    return to_json(records, exported_at=exported_at, app_version=app_version,
                   computers=computers).encode("utf-8")


def default_file_name(fmt: ExportFormat, day: date) -> str:
    return f"stressbreak-export-{day.isoformat()}.{fmt.value}"


def parse_import(text: str) -> ImportResult:
    """The records in a JSON export; ImportFileError when the text is not one we can read.

    A single record this version cannot read (a newer schema, a damaged entry) does not stop
    the import: it is counted in `skipped` and the rest are imported.
    """
    try:
        # An editor may have saved the file with a byte order mark; json refuses it.
        document = json.loads(text.removeprefix("\ufeff"))
    except (ValueError, RecursionError) as exc:
        raise ImportFileError(Message("export", QT_TRANSLATE_NOOP(
            "export", "This file cannot be imported: it is not a StressBreak export (it is "
            "not JSON)."))) from exc
    if not isinstance(document, dict) or document.get("format") != EXPORT_FORMAT:
        raise ImportFileError(Message("export", QT_TRANSLATE_NOOP(
            "export", "This file cannot be imported: it is not a StressBreak export.")))
    version = document.get("version")
    records = document.get("records")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1 or not isinstance(
        records, list
    ):
        raise ImportFileError(Message("export", QT_TRANSLATE_NOOP(
            "export", "This file cannot be imported: the StressBreak export in it is "
            "incomplete or damaged.")))
    if version > EXPORT_VERSION:
        raise ImportFileError(Message("export", QT_TRANSLATE_NOOP(
            "export", "This file was exported by a newer StressBreak (export version "
            "{version}). Update StressBreak to import it."), version=version))
    found: list[Record] = []
    skipped = 0
    for raw in records:
        record = _readable_record(raw)
        if record is None:
            skipped += 1
        elif not isinstance(record, Deletion):
            # A Deletion is never exported; one put into a file by hand is not the user's
            # entry, and an import only ever adds: it is left out without a word.
            found.append(record)
    return ImportResult(records=found, skipped=skipped)


def _readable_record(raw: Any) -> Record | None:
    try:
        record = record_from_dict(raw)
        # A JSON escape can carry a lone surrogate ("\ud800"); the journal stores UTF-8 and
        # could never write it, so such a record is refused here rather than on saving.
        json.dumps(record.to_dict(), ensure_ascii=False).encode("utf-8")
    except (ValueError, OverflowError):
        # ValueError covers RecordError and UnicodeEncodeError; OverflowError is a time at the
        # very edge of the calendar that cannot be moved to UTC. A file is untrusted input:
        # one odd record is skipped, it does not end the import.
        return None
    return record


def _csv_row(record: Entry) -> dict[str, object]:
    if isinstance(record, PauseRecord):
        return {
            "kind": record.KIND,
            "id": record.id,
            "at": record.started_at.isoformat(),
            "ended_at": record.ended_at.isoformat(),
            "outcome": record.outcome.value,
            "duration_s": round(record.duration_s, 3),
            "exercise": record.exercise,
            **_heart_cells(record.heart),
        }
    if isinstance(record, DayRating):
        return {
            "kind": record.KIND,
            "id": record.id,
            "at": record.at.isoformat(),
            "sleep": record.sleep,
            "energy": record.energy,
            "focus": record.focus,
        }
    return {
        "kind": record.KIND,
        "id": record.id,
        "at": record.at.isoformat(),
        "origin": record.origin.value,
        "breathing": LIST_SEPARATOR.join(record.breathing),
        "breathing_note": record.breathing_note,
        "body": LIST_SEPARATOR.join(record.body),
        "body_note": record.body_note,
        "need": LIST_SEPARATOR.join(record.need),
        "need_note": record.need_note,
        "tension": record.tension,
        "signals": LIST_SEPARATOR.join(record.signals),
        "trigger": record.trigger,
        "next_step": record.next_step,
    }


def _heart_cells(heart: PauseHeart | None) -> dict[str, object]:
    if heart is None:
        return {}
    return {"heart_rate": heart.mean_heart_rate, "rmssd_ms": heart.rmssd_ms,
            "coherence": heart.coherence, "pace": heart.pace_per_min,
            "poor_signal": "true" if heart.poor else "false"}


def _csv_cell(value: object) -> object:
    # Every text cell is guarded, ids and list answers too: an imported file can put anything
    # there. Our own times never start with a formula character; numbers stay numbers.
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return "" if value is None else value


def import_report(file: str, added: int, already: int, skipped: int, *,
                  deleted: tuple[int, date] | None = None) -> list[Message]:
    """What an import did, a sentence each: the overview's status line and `stressbreak
    import` say the same (context "YourData", where the overview said it first).

    `deleted`: how many of the added entries are older than the latest *delete all data*
    that came through a shared folder, and that day. The other computers drop such entries
    as deleted, so they stay on this computer only, and the report says so."""
    said = [Message.counted("YourData", QT_TRANSLATE_N_NOOP(
        "YourData", "Imported %n new entries from {file}."), added, file=file)]
    if already:
        said.append(Message.counted("YourData", QT_TRANSLATE_N_NOOP(
            "YourData", "%n were already in your journal."), already))
    if skipped:
        said.append(Message.counted("YourData", QT_TRANSLATE_N_NOOP(
            "YourData", "%n entries could not be read and were left out (written by a newer "
                        "StressBreak?)."), skipped))
    if deleted is not None and deleted[0]:
        said.append(Message.counted("YourData", QT_TRANSLATE_N_NOOP(
            "YourData", "%n of these entries are older than when all data was deleted on "
                        "{date}; they stay on this computer only."), deleted[0],
            date=deleted[1].isoformat()))
    return said


def older_than_deletion(records: Sequence[Record], before: datetime | None
                        ) -> tuple[int, date] | None:
    """How many of `records` a Deletion with that `before` covers, and its day (for
    import_report), or None when there is no Deletion."""
    if before is None:
        return None
    return (sum(1 for record in records
                if not isinstance(record, Deletion) and record.at < before), before.date())
