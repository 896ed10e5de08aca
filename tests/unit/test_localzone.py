"""The computer's time zone from the TZ variable or the /etc/localtime link, and tzlocal's
answer for everything else (services/localzone.py)."""

from __future__ import annotations

import zoneinfo
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import tzlocal

from stressbreak.services.localzone import local_zone

ZONES = Path(zoneinfo.TZPATH[0]) if zoneinfo.TZPATH else None
pytestmark = pytest.mark.skipif(
    ZONES is None or not (ZONES / "Europe" / "Amsterdam").is_file(),
    reason="needs the system's zone files (Debian: tzdata)")


def _link(tmp_path: Path, target: str) -> Path:
    etc = tmp_path / "etc"
    etc.mkdir(exist_ok=True)
    link = etc / "localtime"
    link.symlink_to(target)
    return link


def test_the_tz_variable_names_the_zone(tmp_path: Path) -> None:
    zone = local_zone({"TZ": "Europe/Amsterdam"}, tmp_path / "none", "linux")
    assert zone == ZoneInfo("Europe/Amsterdam")
    assert local_zone({"TZ": ":America/New_York"}, tmp_path / "none", "linux") == ZoneInfo(
        "America/New_York")


def test_an_absolute_link_names_the_zone(tmp_path: Path) -> None:
    link = _link(tmp_path, str(ZONES / "America" / "New_York"))
    assert local_zone({}, link, "linux") == ZoneInfo("America/New_York")


def test_a_relative_link_names_the_zone(tmp_path: Path) -> None:
    # As systemd writes it: /etc/localtime -> ../usr/share/zoneinfo/Europe/Amsterdam
    (tmp_path / "usr" / "share" / "zoneinfo" / "Europe").mkdir(parents=True)
    (tmp_path / "usr" / "share" / "zoneinfo" / "Europe" / "Amsterdam").write_bytes(
        (ZONES / "Europe" / "Amsterdam").read_bytes())
    link = _link(tmp_path, "../usr/share/zoneinfo/Europe/Amsterdam")
    assert local_zone({}, link, "linux") == ZoneInfo("Europe/Amsterdam")


@pytest.mark.parametrize("case", ["no link", "copied file", "not a zone folder", "no zone",
                                  "not a zone file", "escapes", "on windows"])
def test_what_is_not_a_known_zone_is_left_to_tzlocal(tmp_path: Path, case: str) -> None:
    environ: dict[str, str] = {}
    platform = "linux"
    if case == "no link":
        link = tmp_path / "missing"
    elif case == "copied file":
        link = tmp_path / "localtime"
        link.write_bytes((ZONES / "Europe" / "Amsterdam").read_bytes())
    elif case == "not a zone folder":
        link = _link(tmp_path, "/opt/elsewhere/Europe/Amsterdam")
    elif case == "no zone":
        link = _link(tmp_path, str(ZONES / "Mars" / "Olympus_Mons"))
    elif case == "not a zone file":
        link = _link(tmp_path, str(ZONES / "zone.tab"))
    elif case == "escapes":
        link = tmp_path / "missing"
        environ = {"TZ": "../../etc/passwd"}
    else:
        link = _link(tmp_path, str(ZONES / "Europe" / "Amsterdam"))
        platform = "win32"
    # tzlocal reads this machine's own settings: whatever it says is what we say.
    assert local_zone(environ, link, platform) == tzlocal.get_localzone()
