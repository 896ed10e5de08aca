"""Sharing the journal through a folder the user's own sync tool keeps in step (issue 18).

Pure rules, no files: how the journals of several computers merge into one, and which file
names in the shared folder are ours (each computer's month segments and its computer file,
and the conflict copies that sync tools make of them).

Why a merge of sets and not a log: a sync tool delivers files in any order, twice, or as
conflict copies, so the merge must give the same journal whatever it is given and however
often (commutative, associative, idempotent; tests/unit/test_sync_merge.py checks it with
hypothesis). Deletions travel as tombstones (`Deletion`), never as missing records: a
missing record cannot be told from one that has not arrived yet.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from stressbreak.core.model import Deletion, Record

SEGMENT_FORMAT = 1  # the "format" of a segment and of a computer file

_CID = r"[0-9a-f]{16}"
_BASE = (rf"(?:journal-(?P<jcid>{_CID})-(?P<year>\d{{4}})-(?P<month>\d{{2}})"
         rf"|computer-(?P<ccid>{_CID}))")
# What a sync tool puts between the base name and ".json" when it keeps both versions of a
# file that changed on two sides. OneDrive's "-<MACHINE>" suffix cannot be told from a name
# of ours safely, so it is not read (see docs/ARCHITECTURE.md).
_CONFLICT = "|".join((
    # Syncthing: .sync-conflict-20261203-101500-ABCDEFG
    r"\.sync-conflict-\d{8}-\d{6}-[A-Z0-9]{7}",
    # Dropbox: " (conflicted copy 2026-12-03)", " (Anna's conflicted copy 2026-12-03)";
    # newer Nextcloud: " (conflicted copy 2026-12-03 101500)"
    r" \((?:[^()/\\]+['’]s )?conflicted copy \d{4}-\d{2}-\d{2}(?: \d{6})?\)",
    # Nextcloud: _conflict-20261203-101500
    r"_conflict-\d{8}-\d{6}",
))
_SHARED_NAME_RE = re.compile(rf"{_BASE}(?P<conflict>{_CONFLICT})?\.json")


@dataclass(frozen=True)
class SharedName:
    """What a file name in the shared folder says: whose file of which kind, and whether it
    is a sync tool's conflict copy of it."""

    kind: Literal["journal", "computer"]
    cid: str
    year: int | None  # journal segments only
    month: int | None
    conflict_copy: bool


def segment_name(cid: str, year: int, month: int) -> str:
    """The file that holds the records computer `cid` made in that month."""
    return f"journal-{cid}-{year:04d}-{month:02d}.json"


def computer_file_name(cid: str) -> str:
    """The file that holds computer `cid`'s name and its recent activity."""
    return f"computer-{cid}.json"


def parse_shared_name(name: str) -> SharedName | None:
    """The meaning of a file name in the shared folder, or None when it is not ours to read
    (a sync tool's temp file, our own temp file, anything else)."""
    match = _SHARED_NAME_RE.fullmatch(name)
    if match is None:
        return None
    conflict = match["conflict"] is not None
    if match["ccid"] is not None:
        return SharedName("computer", match["ccid"], None, None, conflict)
    month = int(match["month"])
    if not 1 <= month <= 12:
        return None
    return SharedName("journal", match["jcid"], int(match["year"]), month, conflict)


def latest_deletion(records: Iterable[Record]) -> datetime | None:
    """The latest `before` among the Deletions in `records`, or None."""
    befores = [record.before for record in records if isinstance(record, Deletion)]
    return max(befores) if befores else None


def merge_records(*sets: Iterable[Record]) -> list[Record]:
    """The one journal that `sets` make together: each record once, every record covered by
    a Deletion (at < its before) left out, the Deletions kept; oldest first, by `at` then id.

    Ids are random (122 bits), so one id is one record. Two different records under one id
    (never made by StressBreak; a hand-edited file) are both kept: dropping either would let
    the order in which files arrive decide what is lost.
    """
    by_id: dict[str, list[Record]] = {}
    for records in sets:
        for record in records:
            same = by_id.setdefault(record.id, [])
            if record not in same:
                same.append(record)
    every = [record for same in by_id.values() for record in same]
    before = latest_deletion(every)
    kept = [record for record in every
            if before is None or isinstance(record, Deletion) or not record.at < before]
    kept.sort(key=lambda record: (record.at, record.id))
    return _settle_ties(kept)


def _settle_ties(records: list[Record]) -> list[Record]:
    """Records with the same time and id (only ever a hand-edited file) in the order of their
    stored form, so that the order they came in does not show."""
    out: list[Record] = []
    start = 0
    while start < len(records):
        end = start + 1
        key = (records[start].at, records[start].id)
        while end < len(records) and (records[end].at, records[end].id) == key:
            end += 1
        group = records[start:end]
        out.extend(group if len(group) == 1 else sorted(group, key=_canonical))
        start = end
    return out


def _canonical(record: Record) -> str:
    return json.dumps(record.to_dict(), sort_keys=True, ensure_ascii=False)
