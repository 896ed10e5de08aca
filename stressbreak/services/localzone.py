"""The computer's time zone, as an IANA zone.

Linux and macOS name it where the C library looks: the TZ variable, or the link
/etc/localtime → …/zoneinfo/Europe/Amsterdam. Read here directly rather than through tzlocal,
because tzlocal 5 also reads the distributions' /etc/sysconfig/clock and /etc/conf.d/clock and
raises when one of them disagrees with the link ("Multiple conflicting time zone
configurations found", regebro/tzlocal#127): the app would not start on a machine whose clock,
going by the link, shows the right time. Everything else (Windows, a copied /etc/localtime,
/etc/timezone only, a POSIX TZ rule) is left to tzlocal, as before.

Memory is no longer a reason: the tray app imports tzlocal anyway with APScheduler. The
`stressbreak export` command, which does not, is spared tzlocal and its first lookup of the
link's full path, which misses and loads the `tzdata` machinery (importlib.resources, tempfile).
"""

from __future__ import annotations

import os
import sys
import zoneinfo
from collections.abc import Mapping
from datetime import tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_LOCALTIME = Path("/etc/localtime")
_MARKER = "/zoneinfo/"


def local_zone(environ: Mapping[str, str] | None = None, localtime: Path = _LOCALTIME,
               platform: str = sys.platform) -> tzinfo:
    env = os.environ if environ is None else environ
    if platform != "win32":
        key = _zone_key(env, localtime)
        if key is not None:
            try:
                return ZoneInfo(key)
            except (ValueError, OSError, ZoneInfoNotFoundError):
                pass  # a file there that is no zone (zone.tab...): tzlocal decides
    import tzlocal  # noqa: PLC0415  (see the module docstring)

    return tzlocal.get_localzone()


def _zone_key(env: Mapping[str, str], localtime: Path) -> str | None:
    """The zone's name when the TZ variable or the /etc/localtime link gives one that this
    system's zone files have; None leaves it to tzlocal."""
    if "TZ" in env:
        return _known(env["TZ"].removeprefix(":"))  # a POSIX rule ("CET-1CEST") is not a key
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

