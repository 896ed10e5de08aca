"""Reading what can still be read of a damaged month file (issue 14, "Salvage damaged months").

A month file is `{"records": {"<id>": {record}, ...}}` as `json.dumps` wrote it. When the whole
file does not parse (cut short, a byte that is not UTF-8, a stray character typed into it, one
document of the wrong shape), each entry of the records object is read on its own with the
standard JSON decoder, and kept when it is an object that `record_from_dict` accepts and that
can be written back as UTF-8. After an entry that does not parse, reading goes on at the next
`, "<key>": {` — the start of the next entry in a file `json.dumps` wrote.

Plain code, no eval, and bounded work, however the file is made: the entries read cost their
own length; each one that fails costs up to where it failed, as that is what the decoder's
error goes over to tell its line and column (measured: 50,000 failures in a 1.8 MB file took
2.3 s before this was counted). Reading stops when the total passes a fixed multiple of the
file's length, or after a fixed number of entries.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from stressbreak.core.model import RecordError, record_from_dict

# The records object, wherever it starts: not preceded by a backslash, so a record's text
# that quotes it (escaped inside a JSON string) is never taken for it.
_TABLE_RE = re.compile(r'(?<!\\)"records"\s*:\s*\{')
# One entry's key: a JSON string (escapes allowed), then the colon.
_KEY_RE = re.compile(r'\s*"(?:[^"\\]|\\.)*"\s*:\s*')
# Where reading may resume after damage: the comma before the next entry whose value is an
# object. Inside a damaged record it may also find one of the record's own nested objects;
# that is read, refused by record_from_dict, and reading goes on after it.
_RESUME_RE = re.compile(r',\s*"(?:[^"\\]|\\.)*"\s*:\s*(?=\{)')

MAX_ATTEMPTS = 20_000  # entries tried in one file, read or not (a month holds hundreds)
WORK_PER_CHARACTER = 64  # the decoder's total work, in characters, per character of the file
_NESTING_COST = 1_000  # what a value nested past the decoder's depth costs it at most
_DECODER = json.JSONDecoder()


def salvage_documents(raw: bytes) -> list[dict[str, Any]]:
    """The readable records of a damaged month file's bytes, in file order, as stored.

    Bytes that are not UTF-8 are carried through decoding as lone surrogates
    ("surrogateescape"), so one bad byte spoils only the record around it: that record can
    no longer be encoded as UTF-8 and is left out.
    """
    text = raw.decode("utf-8", errors="surrogateescape")
    table = _TABLE_RE.search(text)
    if table is None:
        return []
    found: list[dict[str, Any]] = []
    budget = WORK_PER_CHARACTER * len(text) + 1_000_000
    position = table.end()
    for _attempt in range(MAX_ATTEMPTS):
        result = _read_entry(text, position, found)
        if isinstance(result, tuple):  # read; the next entry follows the comma
            position, cost = result
            budget -= cost
        else:
            failed_at, cost = result.position, result.cost
            budget -= cost
            resume = _RESUME_RE.search(text, failed_at)
            if resume is None:
                break
            position = resume.start() + 1
        if budget <= 0:
            break
    return found


@dataclass(frozen=True)
class _Failure:
    position: int  # where reading failed: look for the next entry from here
    cost: int  # the work it took, in characters


def _read_entry(text: str, start: int, found: list[dict[str, Any]]
                ) -> tuple[int, int] | _Failure:
    """Read the entry at `start` into `found` if it is a readable record.

    Returns (where the next entry starts, the work it took) when the entry parsed and a comma
    follows it; otherwise a _Failure (the end of the records object is one too, so that
    reading goes on after it in case that was not the real end).
    """
    key = _KEY_RE.match(text, start)
    if key is None:
        return _Failure(start, 1)
    try:
        value, end = _DECODER.raw_decode(text, key.end())
    except json.JSONDecodeError as exc:
        # Making the error counted the lines up to exc.pos: that is its cost.
        return _Failure(max(exc.pos, key.end()), max(exc.pos, 1))
    except RecursionError:  # brackets nested deeper than the decoder goes
        return _Failure(key.end(), _NESTING_COST)
    document = _readable(value)
    if document is not None:
        found.append(document)
    after = end
    while after < len(text) and text[after] in " \t\r\n":
        after += 1
    if text.startswith(",", after):
        return (after + 1, end - start)
    return _Failure(after, end - start)


def _readable(value: Any) -> dict[str, Any] | None:
    if not isinstance(value, dict):
        return None
    try:
        record_from_dict(value)
        # The journal writes UTF-8: a record holding a byte that was not UTF-8 (a lone
        # surrogate now) could not be written back, and its text is not what was saved.
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except (RecordError, UnicodeEncodeError):
        return None
    return value
