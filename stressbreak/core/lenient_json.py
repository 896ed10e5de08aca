"""What can still be read from a damaged JSON object, one `"key": value` pair at a time.

A hand-edited file with one slip in it (a bad byte in one value, a missing comma, an end cut
off) is still mostly good. `salvage_object` reads the top-level object pair by pair with the
standard JSON decoder; after a pair it cannot read, it goes on at the next place that looks
like the start of a key (a `"name":` after a space, a comma or a brace). A pair is kept
only when its whole value was read and is followed by what may follow a value, so a value cut
short (the `12` of a `120` whose last digit was lost) is never taken for the real one.

No eval, nothing but `json` and `re`; the work is bounded: a text longer than `MAX_CHARS` is
not searched, and at most `MAX_PAIRS` pairs are tried.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

MAX_CHARS = 64 * 1024  # a settings file is about 1 KB
MAX_PAIRS = 512

_DECODER = json.JSONDecoder()
_SPACE = " \t\r\n"
# A key and its colon. The name is bounded so that a search never runs along a long line for
# each of its quotes.
_KEY = r'"(?:[^"\\\x00-\x1f]|\\.){0,200}"[ \t\r\n]*:'
_KEY_HERE = re.compile(_KEY)
# Where reading can start again: at a key after a space, a line break, a comma or a brace.
# (Inside a string that is read whole a quote is always escaped, so no key is found there.)
_NEXT_KEY = re.compile(r"(?<=[ \t\r\n,{])(?=" + _KEY + ")")


@dataclass(frozen=True)
class Lost:
    """A pair that could not be read: its key when that much could be read, and its line."""

    key: str | None
    line: int


@dataclass(frozen=True)
class Salvage:
    pairs: dict[str, Any]  # every pair read whole; a key given twice keeps the last, as in JSON
    lost: tuple[Lost, ...]  # in the order found; none for a key that was read whole later


class _UnreadableError(Exception):
    def __init__(self, key: str | None) -> None:
        super().__init__(key)
        self.key = key


def salvage_object(text: str) -> Salvage:
    """The pairs of the JSON object in `text` that can still be read; nothing when `text` is
    too long or is not an object at all. Never raises."""
    pos = _skip_space(text, 0, extra="\ufeff")
    if len(text) > MAX_CHARS or not text.startswith("{", pos):
        return Salvage({}, ())
    pos += 1
    pairs: dict[str, Any] = {}
    lost: list[Lost] = []
    for _ in range(MAX_PAIRS):
        pos = _skip_space(text, pos)
        if pos >= len(text):
            break
        if text[pos] == "}":
            if _skip_space(text, pos + 1) >= len(text):
                break
            resumed = _resume(text, pos + 1)  # more after the end: perhaps more pairs
        elif text[pos] == ",":  # a comma too many
            pos += 1
            continue
        else:
            try:
                key, value, pos = _read_pair(text, pos)
            except _UnreadableError as unreadable:
                lost.append(Lost(unreadable.key, text.count("\n", 0, pos) + 1))
                resumed = _resume(text, pos + 1)
            else:
                pairs[key] = value
                continue
        if resumed is None:
            break
        pos = resumed
    else:
        if _skip_space(text, pos) < len(text):
            lost.append(Lost(None, text.count("\n", 0, pos) + 1))
    return Salvage(pairs, tuple(item for item in lost
                                if item.key is None or item.key not in pairs))


def _read_pair(text: str, pos: int) -> tuple[str, Any, int]:
    """The pair at `pos` and where reading goes on; _UnreadableError if it is not whole."""
    if not text.startswith('"', pos):
        raise _UnreadableError(None)
    try:
        key, pos = _DECODER.raw_decode(text, pos)
    except ValueError:
        raise _UnreadableError(None) from None
    pos = _skip_space(text, pos)
    if not text.startswith(":", pos):
        raise _UnreadableError(key)
    pos = _skip_space(text, pos + 1)
    try:
        value, end = _DECODER.raw_decode(text, pos)
    # RecursionError: brackets nested deeper than the decoder goes.
    except (ValueError, RecursionError):
        raise _UnreadableError(key) from None
    after = _skip_space(text, end)
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if after >= len(text):
        # A number right at the end may be the first digits of a longer one.
        if number and after == end:
            raise _UnreadableError(key)
        return key, value, after
    if text[after] == ",":
        return key, value, after + 1
    if text[after] == "}":
        return key, value, after
    # A comma left out between two pairs; after a number only at a line break, as `1 "` may
    # be what is left of `1x"`.
    if _KEY_HERE.match(text, after) and (not number or "\n" in text[end:after]):
        return key, value, after
    raise _UnreadableError(key)


def _resume(text: str, start: int) -> int | None:
    found = _NEXT_KEY.search(text, start)
    return None if found is None else found.start()


def _skip_space(text: str, pos: int, extra: str = "") -> int:
    while pos < len(text) and (text[pos] in _SPACE or text[pos] in extra):
        pos += 1
    return pos
