"""The computer's time zone from the TZ variable or the /etc/localtime link, and tzlocal's
answer for everything else (services/localzone.py)."""

from __future__ import annotations

import time
import zoneinfo
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import tzlocal

from stressbreak.services.localzone import CLibraryZone, local_zone

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
                                  "not a zone file", "on windows"])
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
    else:
        link = _link(tmp_path, str(ZONES / "Europe" / "Amsterdam"))
        platform = "win32"
    # tzlocal reads this machine's own settings: whatever it says is what we say.
    assert local_zone(environ, link, platform) == tzlocal.get_localzone()


@pytest.mark.parametrize("named", ["Bogus/Zone", "../../etc/passwd", "Mars/Olympus_Mons"])
def test_a_tz_that_names_no_known_zone_falls_back_to_the_system_zone_and_says_so(
    tmp_path: Path, named: str
) -> None:
    told: list[str] = []
    link = _link(tmp_path, str(ZONES / "Europe" / "Amsterdam"))
    assert local_zone({"TZ": named}, link, "linux", told.append) == ZoneInfo("Europe/Amsterdam")
    assert told == [f'The time zone "{named}" (the TZ variable) is not known on this computer; '
                    "StressBreak uses Europe/Amsterdam instead."]
    told.clear()
    assert local_zone({"TZ": named}, tmp_path / "missing", "linux", told.append) is UTC
    assert told[0].endswith("StressBreak uses UTC instead.")


def test_an_empty_tz_is_utc_as_the_c_library_reads_it(tmp_path: Path) -> None:
    told: list[str] = []
    assert local_zone({"TZ": ""}, tmp_path / "missing", "linux", told.append) is UTC
    assert told == []


AMSTERDAM_RULE = "CET-1CEST,M3.5.0,M10.5.0/3"  # what Europe/Amsterdam is, as a POSIX rule


@pytest.fixture
def c_library_tz(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The C library of this process follows AMSTERDAM_RULE while the test runs."""
    monkeypatch.setenv("TZ", AMSTERDAM_RULE)
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize("rule", [AMSTERDAM_RULE, "CET-1CEST", "UTC0", "<+0530>-5:30",
                                  "EST5EDT,M3.2.0,M11.1.0"])
def test_a_posix_rule_in_tz_is_followed_as_the_c_library_does(tmp_path: Path, rule: str) -> None:
    told: list[str] = []
    assert isinstance(local_zone({"TZ": rule}, tmp_path / "missing", "linux", told.append),
                      CLibraryZone)
    assert told == []


@pytest.mark.usefixtures("c_library_tz")
def test_the_c_library_zone_gives_the_same_times_as_the_zone_file() -> None:
    zone, amsterdam = CLibraryZone(), ZoneInfo("Europe/Amsterdam")
    start = datetime(2026, 1, 1, tzinfo=UTC)
    for hour in range(0, 366 * 24, 1):  # every hour of a year, both DST changes included
        instant = start + timedelta(hours=hour, minutes=30)
        ours, theirs = instant.astimezone(zone), instant.astimezone(amsterdam)
        assert (ours.replace(tzinfo=None), ours.fold) == (theirs.replace(tzinfo=None),
                                                          theirs.fold), instant
        assert ours.utcoffset() == theirs.utcoffset(), instant
        assert ours.tzname() == theirs.tzname()
        # And back: a wall time with its fold names the same instant.
        assert ours.astimezone(UTC) == instant


@pytest.mark.usefixtures("c_library_tz")
def test_wall_times_in_the_gap_and_the_repeated_hour_read_as_zoneinfo_reads_them() -> None:
    zone, amsterdam = CLibraryZone(), ZoneInfo("Europe/Amsterdam")
    # In the spring gap, in the repeated autumn hour, and on an ordinary summer day.
    for wall in ((2026, 3, 29, 2, 30), (2026, 10, 25, 2, 30), (2026, 7, 1, 12, 0)):
        for fold in (0, 1):
            ours = datetime(*wall, tzinfo=zone, fold=fold)
            theirs = datetime(*wall, tzinfo=amsterdam, fold=fold)
            assert ours.utcoffset() == theirs.utcoffset(), (wall, fold)
