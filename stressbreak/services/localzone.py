"""The computer's time zone, as an IANA zone.

Linux and macOS name it where the C library looks: the TZ variable, or the link
/etc/localtime → …/zoneinfo/Europe/Amsterdam. Read here directly rather than through tzlocal,
because tzlocal 5 also reads the distributions' /etc/sysconfig/clock and /etc/conf.d/clock and
raises when one of them disagrees with the link ("Multiple conflicting time zone
configurations found", regebro/tzlocal#127): the app would not start on a machine whose clock,
going by the link, shows the right time. Windows, a copied /etc/localtime and /etc/timezone
are left to tzlocal.

TZ may also hold a POSIX rule ("CET-1CEST,M3.5.0,M10.5.0/3"), which the C library follows and
no zone file names: the zone is then the C library's own local time (`CLibraryZone`), so the
app shows the same clock as `date`. A TZ that names no zone known here ("Bogus/Zone"), or a
system whose zone nothing can name, falls back to the system's zone, then to UTC, and the user
is told (`on_problem`) rather than the app failing to start.

Memory is no longer a reason: the tray app imports tzlocal anyway with APScheduler. The
`stressbreak export` command, which does not, is spared tzlocal and its first lookup of the
link's full path, which misses and loads the `tzdata` machinery (importlib.resources, tempfile).
"""

from __future__ import annotations

import calendar
import os
import re
import sys
import time
import zoneinfo
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from stressbreak.core.messages import QT_TRANSLATE_NOOP, Message

_LOCALTIME = Path("/etc/localtime")
_MARKER = "/zoneinfo/"
# std offset [dst [offset] [,start[/time],end[/time]]], names as letters or <quoted>.
_NAME = r"(?:[A-Za-z]{3,}|<[A-Za-z0-9+-]{3,}>)"
_OFFSET = r"[+-]?\d{1,2}(?::\d{2}){0,2}"
_POSIX_RULE = re.compile(rf"{_NAME}{_OFFSET}(?:{_NAME}(?:{_OFFSET})?(?:,[^,]+,[^,]+)?)?")
_DAY_S = 86_400


def local_zone(environ: Mapping[str, str] | None = None, localtime: Path = _LOCALTIME,
               platform: str = sys.platform,
               on_problem: Callable[[str], None] | None = None) -> tzinfo:
    """The computer's zone; what could not be followed is told to `on_problem`."""
    env = os.environ if environ is None else environ
    tell = on_problem or _ignore
    if platform != "win32":
        named = env.get("TZ")
        if named is not None and named.strip() != "":
            key = _known(named.removeprefix(":"))
            if key is not None:
                return _zone_or_none(key) or _fallback(localtime, named, tell)
            if _POSIX_RULE.fullmatch(named):
                return CLibraryZone()
            return _fallback(localtime, named, tell)
        if named is not None:
            return UTC  # an empty TZ is UTC, as the C library reads it
        key = _link_key(localtime)
        zone = _zone_or_none(key) if key is not None else None
        if zone is not None:
            return zone
    return _from_tzlocal(platform, tell)


def _fallback(localtime: Path, named: str, tell: Callable[[str], None]) -> tzinfo:
    """TZ names no zone known here: the system's own zone (the link), else UTC."""
    key = _link_key(localtime)
    zone = _zone_or_none(key) if key is not None else None
    tell(Message("localzone", QT_TRANSLATE_NOOP(
        "localzone", "The time zone \"{name}\" (the TZ variable) is not known on this "
        "computer; StressBreak uses {zone} instead."),
        name=named, zone=key if zone is not None else "UTC"))
    return zone if zone is not None else UTC


def _from_tzlocal(platform: str, tell: Callable[[str], None]) -> tzinfo:
    import tzlocal  # noqa: PLC0415  (see the module docstring)

    try:
        zone: tzinfo = tzlocal.get_localzone()
    # tzlocal raises its own errors (conflicting settings) and zoneinfo's, all of them
    # ValueErrors or LookupErrors; the app must start whatever the system says.
    except (ValueError, LookupError, OSError) as exc:
        fallback: tzinfo = UTC if platform == "win32" else CLibraryZone()
        tell(Message("localzone", QT_TRANSLATE_NOOP(
            "localzone", "The computer's time zone could not be read ({reason}); StressBreak "
            "follows {zone}."), reason=str(exc) or type(exc).__name__,
            zone="UTC" if platform == "win32" else Message("localzone", QT_TRANSLATE_NOOP(
                "localzone", "the local time of the system clock"))))
        return fallback
    return zone


def _ignore(message: str) -> None:
    del message


def _zone_or_none(key: str) -> tzinfo | None:
    try:
        return ZoneInfo(key)
    except (ValueError, OSError, ZoneInfoNotFoundError):
        return None  # a file there that is no zone (zone.tab...)


def _link_key(localtime: Path) -> str | None:
    """The zone's name when the /etc/localtime link gives one that this system's zone files
    have."""
    try:
        target = localtime.parent / localtime.readlink()  # the link may be relative
    except OSError:  # no link (a copied file, or none): tzlocal compares the files
        return None
    _, marker, key = os.path.normpath(target).rpartition(_MARKER)
    return _known(key) if marker else None


def _known(key: str) -> str | None:
    if not key or key.startswith("/") or ".." in key.split("/"):
        return None
    # The files on disk, not ZoneInfo(): a miss there falls back to the tzdata package and
    # loads what this module avoids.
    return key if any(Path(base, key).is_file() for base in zoneinfo.TZPATH) else None


class CLibraryZone(tzinfo):
    """The C library's local time (it follows TZ, POSIX rules included) as a tzinfo.

    Offsets come from `time.localtime` for each instant. A wall time that happens twice (the
    autumn hour) is the first with fold=0 and the second with fold=1; one that never happens
    (the spring gap) is read with the offset from before the gap (fold=0) or after it
    (fold=1), as zoneinfo does.
    """

    def utcoffset(self, dt: datetime | None) -> timedelta:
        if dt is None:
            return timedelta(seconds=time.localtime().tm_gmtoff)
        return timedelta(seconds=self._offset(dt)[1])

    def dst(self, dt: datetime | None) -> timedelta | None:
        stamp = time.time() if dt is None else self._offset(dt)[0]
        return timedelta(hours=1) if time.localtime(stamp).tm_isdst > 0 else timedelta(0)

    def tzname(self, dt: datetime | None) -> str:
        stamp = time.time() if dt is None else self._offset(dt)[0]
        return time.localtime(stamp).tm_zone

    def fromutc(self, dt: datetime) -> datetime:
        naive = dt.replace(tzinfo=None)  # aware, utctimetuple() would ask utcoffset(), i.e. us
        stamp = calendar.timegm(naive.timetuple()) + naive.microsecond / 1e6
        wall = naive + timedelta(seconds=time.localtime(stamp).tm_gmtoff)
        # The later of two equal wall times is fold=1.
        instants = self._stamps(wall)
        return wall.replace(tzinfo=self, fold=int(len(instants) > 1 and stamp >= instants[-1]))

    def _offset(self, dt: datetime) -> tuple[float, int]:
        """The instant the wall time `dt` names, and the UTC offset it is read with."""
        naive = dt.replace(tzinfo=None)  # an aware timetuple() would ask dst(), i.e. us
        candidates = self._stamps(naive)
        if candidates:
            stamp = candidates[-1] if dt.fold and len(candidates) > 1 else candidates[0]
            return stamp, time.localtime(stamp).tm_gmtoff
        # In a gap: read with the offset in force before it (fold=0) or after it (fold=1).
        as_utc = calendar.timegm(naive.timetuple()) + naive.microsecond / 1e6
        offset = time.localtime(as_utc + (_DAY_S if dt.fold else -_DAY_S)).tm_gmtoff
        return as_utc - offset, offset

    @staticmethod
    def _stamps(wall: datetime) -> list[float]:
        """The instants at which the local clock shows `wall` (none, one or two)."""
        as_utc = calendar.timegm(wall.timetuple()) + wall.microsecond / 1e6
        offsets = {time.localtime(as_utc + shift).tm_gmtoff for shift in (-_DAY_S, 0, _DAY_S)}
        return sorted(as_utc - offset for offset in offsets
                      if time.localtime(as_utc - offset).tm_gmtoff == offset)

    def __repr__(self) -> str:
        return "CLibraryZone()"

    # One C library, one local time: every instance is the same zone.
    def __eq__(self, other: object) -> bool:
        return isinstance(other, CLibraryZone)

    def __hash__(self) -> int:
        return hash(CLibraryZone)
