"""The user's files through the real app (issue 7, cases 2, 3 and 8): a full disk or a
folder that refuses writes, damaged files at start-up, private modes, logs without journal text,
and 'delete all data'."""

from __future__ import annotations

import errno
import json
import logging
import os
import stat
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from stressbreak.core.model import SCHEMA_VERSION, CheckIn, CheckInOrigin, PauseOutcome, PauseRecord
from stressbreak.core.prefs import Prefs
from stressbreak.core.settings import Settings, settings_to_dict
from stressbreak.services.journal import Journal
from stressbreak.ui import data_dialogs
from stressbreak.ui.data_dialogs import ExportChoice
from stressbreak.ui.profile_dialog import ProfileDialog
from tests.fakes import AMS, TUESDAY_10, FakeClock, Harness, make_app
from tests.folders import unwritable

SECRET = "my-manager-again"  # journal text that must never reach a log


@pytest.fixture(autouse=True)
def no_modal_offer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ProfileDialog, "offer", classmethod(lambda cls, parent=None: False))


class Told:
    """What reached the user: tray notices (the tray is made visible) and the log."""

    def __init__(self, app: Harness, monkeypatch: pytest.MonkeyPatch) -> None:
        self.tray: list[str] = []
        monkeypatch.setattr(app.tray, "is_visible", lambda: True)
        monkeypatch.setattr(app.tray, "tell",
                            lambda title, message: self.tray.append(message))


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "settings.json").write_text(json.dumps({"native_notifications": False}))
    return folder


@pytest.fixture
def running(qtbot, data: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[
        tuple[Harness, FakeClock, Told]]:
    clock = FakeClock(TUESDAY_10)
    app = make_app(data, clock, [], tell_problems=True)
    told = Told(app, monkeypatch)
    app.start()
    yield app, clock, told
    app.stop()


def skip_a_reminder(app: Harness, clock: FakeClock) -> datetime:
    clock.advance(timedelta(hours=1))
    shown = clock.now()
    app.scheduler.pause_due.emit(shown)
    assert app.reminders.window is not None
    app.reminders.window.skip_button.click()
    return shown


def refuse(code: int) -> object:
    def fail(*_args: object, **_kwargs: object) -> None:
        raise OSError(code, os.strerror(code))
    return fail


# --- case 2: full disk, read-only folder, missing permissions --------------------------------


@pytest.mark.parametrize("refusal", [
    (errno.ENOSPC, "the disk is full"),
    (errno.EDQUOT, "the disk is full"),
    (errno.EROFS, "cannot be written to"),
    (errno.EACCES, "cannot be written to"),
], ids=["ENOSPC", "EDQUOT", "EROFS", "EACCES"])
def test_a_refused_write_is_told_in_tray_and_log_and_writing_resumes_by_itself(
    running, data: Path, monkeypatch: pytest.MonkeyPatch, caplog, refusal: tuple[int, str]
) -> None:
    code, words = refusal
    app, clock, told = running
    first = skip_a_reminder(app, clock)
    month = data / "journal-2026-11.json"
    before = month.read_bytes()

    with monkeypatch.context() as disk:
        # EACCES/EROFS come when the temp file is created, ENOSPC/EDQUOT when it is flushed.
        if code in (errno.ENOSPC, errno.EDQUOT):
            disk.setattr(os, "fsync", refuse(code))
        else:
            disk.setattr(tempfile, "mkstemp", refuse(code))
        with caplog.at_level(logging.WARNING):
            skip_a_reminder(app, clock)  # this entry cannot be saved
        assert len(told.tray) == 1 and words in told.tray[0]
        assert "Earlier entries are safe" in told.tray[0]
        assert any(words in r.getMessage() for r in caplog.records)
        assert words in app.notices.status_text()
        assert month.read_bytes() == before  # the earlier data is intact
        assert not [p for p in data.iterdir() if p.name.endswith(".tmp")]
        assert app.reminders.window is None and app.scheduler.pause_at is not None

    # Space is back: the next entry is saved without a restart or anything else from the user.
    third = skip_a_reminder(app, clock)
    starts = [r.at for r in app.journal.all_records()]
    assert starts == [first, third]
    assert len(told.tray) == 1  # nothing more to tell


def test_choices_that_cannot_be_saved_are_told_and_saved_at_the_next_change(
    running, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app, _clock, told = running
    with monkeypatch.context() as disk:
        disk.setattr(os, "fsync", refuse(errno.ENOSPC))
        assert app.choices.save(app.choices.prefs.with_values(["kindness"])) is False
    assert len(told.tray) == 1
    assert app.choices.prefs.values == ("kindness",)  # kept while the running runs
    assert app.choices.save(app.choices.prefs.with_values(["kindness", "courage"]))
    assert json.loads((data / "prefs.json").read_text())["values"] == ["kindness", "courage"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root ignores folder permissions (the seams above cover it)")
def test_a_read_only_folder_for_real(running, data: Path) -> None:
    app, clock, told = running
    skip_a_reminder(app, clock)
    data.chmod(0o500)
    try:
        skip_a_reminder(app, clock)
    finally:
        data.chmod(0o700)
    assert "cannot be written to" in told.tray[0]
    skip_a_reminder(app, clock)
    assert len(app.journal.all_records()) == 2


def test_a_data_folder_that_cannot_be_written_is_told_at_start_and_saved_to_once_it_can(
    qtbot, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Issue 14, case 3, through the controller: told in the tray and `status` at start (not
    # at the first pause, maybe an hour later), reminders go on, a refused entry is told, and
    # the next one is saved once the folder can be written. Written for real: tests/folders.py.
    data.chmod(0o700)
    clock = FakeClock(TUESDAY_10)
    app = make_app(data, clock, [], tell_problems=True)
    told = Told(app, monkeypatch)
    with unwritable(data, own=True) as refusing:
        app.start()
        try:
            assert len(told.tray) == 1
            assert "cannot write to its journal folder" in told.tray[0]
            assert str(data) in told.tray[0] and refusing.reason in told.tray[0]
            assert told.tray[0] in app.notices.status_text()
            assert app.scheduler.next_pause_at() is not None  # reminding
            skip_a_reminder(app, clock)  # refused, and said
            assert len(told.tray) == 2 and "could not save this entry" in told.tray[1]
            refusing.undo()
            saved = skip_a_reminder(app, clock)
            assert [r.at for r in app.journal.all_records()] == [saved]
            assert len(told.tray) == 2
        finally:
            app.stop()


def test_a_data_folder_that_cannot_be_opened_is_told_in_the_tray(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    data = tmp_path / "settings-here"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"native_notifications": False}))
    app = make_app(data, FakeClock(TUESDAY_10), [], journal_dir=blocker / "journal",
                          tell_problems=True)
    told = Told(app, monkeypatch)
    try:
        app.start()
        assert told.tray and "journal folder" in told.tray[0]
        # The running goes on; an entry that cannot be saved is told, not a crash.
        at = TUESDAY_10
        app.controller.records.add(
            PauseRecord(at, at + timedelta(minutes=1), PauseOutcome.COMPLETED))
        assert len(told.tray) >= 2
        assert app.scheduler.next_pause_at() is not None  # still reminding
    finally:
        app.stop()


# --- case 3: damaged files at start-up -------------------------------------------------------


def _pause(at: datetime) -> PauseRecord:
    return PauseRecord(at, at + timedelta(minutes=1), PauseOutcome.COMPLETED)


def _truncated() -> bytes:
    whole = json.dumps({"records": {"1": _pause(TUESDAY_10).to_dict()}}).encode()
    return whole[: len(whole) // 2]


JOURNAL_DAMAGE = {
    "truncated": _truncated(),
    "binary": bytes(range(256)),
    "wrong-shape": b'{"records": [1, 2, 3]}',
    "not-an-object": b'"records"',
}


@pytest.mark.parametrize("content", JOURNAL_DAMAGE.values(), ids=JOURNAL_DAMAGE.keys())
def test_the_app_starts_on_a_damaged_month_moves_it_aside_tells_once_and_keeps_the_rest(
    qtbot, data: Path, monkeypatch: pytest.MonkeyPatch, caplog, content: bytes
) -> None:
    october = _pause(datetime(2026, 10, 20, 10, 0, tzinfo=AMS))
    journal = Journal(data, lambda m: None)
    journal.start()
    journal.append(october)
    journal.stop()
    (data / "journal-2026-11.json").write_bytes(content)  # the month of today

    app = make_app(data, FakeClock(TUESDAY_10), [], tell_problems=True)
    told = Told(app, monkeypatch)
    with caplog.at_level(logging.WARNING):
        app.start()
    try:
        [moved] = data.glob("journal-2026-11.json.damaged-*")
        assert moved.read_bytes() == content
        assert len(told.tray) == 1 and str(moved) in told.tray[0]
        assert app.scheduler.next_pause_at() is not None  # running as usual
        skip_a_reminder(app, app.clock)
        records = app.journal.all_records()
        assert records[0].at == october.at
        assert len(records) == 2
        app.data.open_overview()  # reading again tells nothing new
        assert len(told.tray) == 1
    finally:
        app.stop()


SETTINGS_DAMAGE = {
    "truncated": b'{"interval_min": 30, "work_da',
    "empty": b"",
    "binary": bytes(range(256)),
    "wrong-shape": b'["interval_min", 30]',
    "wrong-types": b'{"interval_min": "often", "work_days": "weekdays"}',
}


# What each damaged file still gives: every key that can be read.
SETTINGS_READ = {
    "truncated": Settings(interval_min=30),
    "empty": Settings(),
    "binary": Settings(),
    "wrong-shape": Settings(),
    "wrong-types": Settings(),
}


@pytest.mark.parametrize("content", SETTINGS_DAMAGE.values(), ids=SETTINGS_DAMAGE.keys())
def test_a_damaged_settings_file_gives_what_can_be_read_is_told_and_left_as_it_is(
    qtbot, data: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest,
    content: bytes
) -> None:
    """A bad settings file gives defaults and a message, and is kept: it starts with every key that
    can be read and the defaults for the rest, tells, and leaves the file for the user to
    mend (until Save, below)."""
    (data / "settings.json").write_bytes(content)
    app = make_app(data, FakeClock(TUESDAY_10), [], tell_problems=True)
    told = Told(app, monkeypatch)
    app.start()
    try:
        assert app.settings.current == SETTINGS_READ[request.node.callspec.id]
        assert 1 <= len(told.tray) <= 2  # one per wrong key, or for the place that was cut
        assert all("settings.json" in message for message in told.tray)
        assert (data / "settings.json").read_bytes() == content
        assert app.scheduler.next_pause_at() is not None
    finally:
        app.stop()


ONE_BAD_BYTE = json.dumps({"interval_min": 45, "snooze_min": 10, "language": "nl"},
                          indent=2).replace('"nl"', '"n\x00l"').encode()


@pytest.mark.parametrize("content", [SETTINGS_DAMAGE["truncated"], SETTINGS_DAMAGE["binary"],
                                     ONE_BAD_BYTE], ids=["truncated", "binary", "one-bad-byte"])
def test_a_damaged_settings_file_is_kept_aside_with_a_timestamp_before_save_writes_over_it(
    qtbot, data: Path, content: bytes
) -> None:
    """The issue: a damaged file is moved aside with a timestamp, like a journal month. The
    settings file is the one people edit by hand, so at the start it stays where it is (see
    above); the first Save, which would write over it, keeps it aside first and says where."""
    (data / "settings.json").write_bytes(content)
    told: list[str] = []
    app = make_app(data, FakeClock(TUESDAY_10), told, tell_problems=True)
    app.start()
    try:
        assert list(data.glob("settings.json.damaged-*")) == []
        chosen = replace(app.settings.current, work_days=(0, 1, 2), sound_cues=True)
        app.settings.apply(chosen)  # what Save in the settings window does
        [kept] = data.glob("settings.json.damaged-*")
        assert kept.name == "settings.json.damaged-20261124T100000"
        assert kept.read_bytes() == content
        assert stat.S_IMODE(kept.stat().st_mode) == 0o600
        assert json.loads((data / "settings.json").read_text()) == settings_to_dict(chosen)
        # `told`: the harness has no sound player, so status also names the chimes just
        # switched on (a standing problem, after the ones told).
        [where] = [message for message in app.notices.told if str(kept) in message]
        assert where == app.notices.told[-1]
        app.settings.apply(replace(chosen, sound_cues=False))  # a file that is fine: no copy
        assert list(data.glob("settings.json.damaged-*")) == [kept]
        assert app.notices.told[-1] == where
    finally:
        app.stop()


def test_save_in_the_settings_window_keeps_a_hand_edited_damaged_file(
    qtbot, data: Path
) -> None:
    content = ONE_BAD_BYTE
    (data / "settings.json").write_bytes(content)
    app = make_app(data, FakeClock(TUESDAY_10), [], tell_problems=True)
    app.start()
    try:
        assert (app.settings.current.interval_min, app.settings.current.snooze_min) == (45, 10)
        app.settings.open()
        dialog = app.settings.dialog
        assert dialog is not None
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        [kept] = data.glob("settings.json.damaged-*")
        assert kept.read_bytes() == content
        saved = json.loads((data / "settings.json").read_text())
        assert (saved["interval_min"], saved["snooze_min"], saved["language"]) == (
            45, 10, "system")
        assert str(kept) in app.notices.problems[-1]
    finally:
        app.stop()


def test_settings_from_a_newer_version_keep_what_is_understood(
    qtbot, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    newer = {"version": 99, "interval_min": 45, "native_notifications": False,
             "hologram_mode": True}
    (data / "settings.json").write_text(json.dumps(newer))
    app = make_app(data, FakeClock(TUESDAY_10), [], tell_problems=True)
    told = Told(app, monkeypatch)
    app.start()
    try:
        assert app.settings.current.interval_min == 45
        assert any("99" in message for message in told.tray)
        assert json.loads((data / "settings.json").read_text()) == newer
    finally:
        app.stop()


def _checkin_doc(record_id: str, at: str) -> dict[str, object]:
    return CheckIn(datetime.fromisoformat(at), CheckInOrigin.MANUAL, tension=3,
                   id=record_id).to_dict()


def _told_recovery(problems: list[str], data: Path, count: str) -> Path:
    """The one notice of a salvaged month: how many records came back, and where the
    original is; returns that original."""
    [moved] = data.glob("journal-2026-11.json.damaged-*")
    assert len(problems) == 1
    assert f"recovered {count}" in problems[0] and str(moved) in problems[0]
    return moved


def test_readable_records_beside_a_malformed_document_are_kept(data: Path) -> None:
    good = _checkin_doc("good", "2026-11-20T10:00:00+01:00")
    content = json.dumps({"records": {"1": good, "2": 5}}).encode()
    (data / "journal-2026-11.json").write_bytes(content)
    problems: list[str] = []
    journal = Journal(data, problems.append)
    journal.start()
    try:
        assert [r.id for r in journal.all_records()] == ["good"]
        moved = _told_recovery(problems, data, "1 entry")
        assert moved.read_bytes() == content  # the original, byte for byte
    finally:
        journal.stop()


def test_complete_records_before_a_truncation_are_kept(data: Path) -> None:
    docs = {str(n): _checkin_doc(f"r{n}", f"2026-11-{n + 10}T10:00:00+01:00") for n in (1, 2)}
    whole = json.dumps({"records": docs})
    cut = whole[: whole.index('"2":') + 10]
    (data / "journal-2026-11.json").write_text(cut)
    problems: list[str] = []
    journal = Journal(data, problems.append)
    journal.start()
    try:
        assert [r.id for r in journal.all_records()] == ["r1"]
        moved = _told_recovery(problems, data, "1 entry")
        assert moved.read_text() == cut
    finally:
        journal.stop()
    # Kept for good: the month file holds the recovered record; a new start tells nothing.
    problems.clear()
    again = Journal(data, problems.append)
    again.start()
    try:
        assert [r.id for r in again.all_records()] == ["r1"]
        assert problems == []
    finally:
        again.stop()


def test_a_record_with_invalid_utf8_is_left_out_and_the_others_are_kept(
    qtbot, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One record's text holds bytes that are not UTF-8 (a bad sector, a tool that wrote
    Latin-1): the app starts with the other records in the journal, tells how many came back
    and where the original is, and goes on writing to that month."""
    docs = {str(n): _checkin_doc(f"r{n}", f"2026-11-{n + 10}T10:00:00+01:00") for n in (1, 2, 3)}
    docs["2"]["trigger"] = "MARKER"
    content = json.dumps({"records": docs}).encode().replace(b"MARKER", b"caf\xe9 \xff")
    with pytest.raises(UnicodeDecodeError):
        content.decode("utf-8")
    (data / "journal-2026-11.json").write_bytes(content)

    app = make_app(data, FakeClock(TUESDAY_10), [], tell_problems=True)
    told = Told(app, monkeypatch)
    app.start()
    try:
        assert [r.id for r in app.journal.all_records()] == ["r1", "r3"]
        moved = _told_recovery(told.tray, data, "2 entries")
        assert moved.read_bytes() == content
        shown = skip_a_reminder(app, app.clock)  # the month takes new records as before
        assert [r.at for r in app.journal.all_records()][-1] == shown
        stored = json.loads((data / "journal-2026-11.json").read_bytes())["records"]
        assert [doc["id"] for doc in stored.values()][:2] == ["r1", "r3"]
        assert len(told.tray) == 1
    finally:
        app.stop()


def test_a_newer_record_is_kept_and_the_rest_read_at_start(
    qtbot, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    newer = {**_checkin_doc("from-the-future", "2026-11-24T09:00:00+01:00"),
             "v": SCHEMA_VERSION + 1, "mood": "new"}
    good = _checkin_doc("good", "2026-11-24T09:30:00+01:00")
    (data / "journal-2026-11.json").write_text(json.dumps({"records": {"1": newer, "2": good}}))
    app = make_app(data, FakeClock(TUESDAY_10), [], tell_problems=True)
    told = Told(app, monkeypatch)
    app.start()
    try:
        skip_a_reminder(app, app.clock)
        assert app.journal.all_records()[0].id == "good"
        assert len(told.tray) == 1 and "1 entry" in told.tray[0]
        stored = json.loads((data / "journal-2026-11.json").read_text())["records"]
        assert stored["1"] == newer  # kept, untouched, for the newer StressBreak
    finally:
        app.stop()


# --- case 8: privacy ----------------------------------------------------------------------


@pytest.fixture
def open_umask() -> Iterator[None]:
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


@pytest.mark.usefixtures("open_umask")
def test_every_file_the_app_writes_is_private_even_with_an_open_umask(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from stressbreak.services.notify import Notifier

    # Settings are created with the defaults, which turn native notifications on.
    monkeypatch.setattr(Notifier, "notify", lambda self, title, message: None)
    data = tmp_path / "fresh"  # nothing there yet: the running creates it all
    app = make_app(data, FakeClock(TUESDAY_10), [], tell_problems=True)
    app.start()
    try:
        skip_a_reminder(app, app.clock)
        app.choices.save(Prefs().with_values(["kindness"]))
        app.data.open_overview()
        exported = tmp_path / "exports" / "all.csv"
        exported.parent.mkdir(mode=0o777)
        monkeypatch.setattr(data_dialogs, "ask_export",
                            lambda parent, week, today: ExportChoice("csv", None, None, exported))
        assert app.data.overview is not None
        app.data.overview.export_action.trigger()
    finally:
        app.stop()
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in data.iterdir()}
    assert set(modes) >= {"journal-2026-11.json", "prefs.json", "settings.json"}
    assert set(modes.values()) == {0o600}, modes
    assert stat.S_IMODE(exported.stat().st_mode) == 0o600


def test_problems_with_damaged_or_unwritable_journal_files_log_no_journal_text(
    qtbot, data: Path, monkeypatch: pytest.MonkeyPatch, caplog
) -> None:
    secret = CheckIn(TUESDAY_10 - timedelta(hours=1), CheckInOrigin.MANUAL, trigger=SECRET,
                     next_step=SECRET, id="s1").to_dict()
    newer = {**secret, "id": "s2", "v": SCHEMA_VERSION + 1}
    (data / "journal-2026-11.json").write_text(json.dumps({"records": {"1": secret,
                                                                       "2": newer}}))
    # A damaged month that holds journal text, as a truncated file would.
    (data / "journal-2026-10.json").write_text(json.dumps({"records": {"1": secret}})[:-3])
    app = make_app(data, FakeClock(TUESDAY_10), [], tell_problems=True)
    with caplog.at_level(logging.DEBUG):
        app.start()
        try:
            app.journal.all_records()
            app.data.open_overview()
            with monkeypatch.context() as disk:
                disk.setattr(os, "fsync", refuse(errno.ENOSPC))
                skip_a_reminder(app, app.clock)
        finally:
            app.stop()
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "damaged-" in logged and "disk is full" in logged  # the problems were logged ...
    assert SECRET not in logged  # ... without what the user wrote


def _leftovers(data: Path, words: tuple[str, ...]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in data.iterdir():
        text = path.read_bytes().decode("utf-8", "replace")
        hits = [w for w in words if w in text]
        if hits:
            found[path.name] = hits
    return found


def _fill(app: Harness, data: Path) -> tuple[str, ...]:
    words = (SECRET, "my-value-kindness")
    app.journal.append(CheckIn(TUESDAY_10, CheckInOrigin.MANUAL, trigger=words[0]))
    app.journal.append(CheckIn(TUESDAY_10 - timedelta(days=40), CheckInOrigin.MANUAL,
                                       trigger=words[0]))
    app.choices.save(Prefs().with_values([words[1]]))
    assert _leftovers(data, words)
    return words


def test_delete_all_data_leaves_no_journal_text_or_values_behind(running, data: Path,
                                                                  monkeypatch) -> None:
    app, _clock, _told = running
    words = _fill(app, data)
    # A damaged month copy and the temp file of an interrupted write hold journal text too.
    (data / "journal-2026-09.json.damaged-20260901T000000").write_text(words[0])
    (data / ".journal-2026-11.json.abc123.tmp").write_text(words[0])
    app.data.open_overview()
    assert app.data.overview is not None
    monkeypatch.setattr(data_dialogs, "confirm_delete_all", lambda parent: True)
    app.data.overview.delete_action.trigger()
    assert _leftovers(data, words) == {}
    assert sorted(p.name for p in data.iterdir()) == ["prefs.json", "settings.json"]
    assert app.journal.all_records() == []


def test_delete_all_data_also_removes_damaged_and_temp_copies_of_the_choices(
    running, data: Path, monkeypatch
) -> None:
    app, _clock, _told = running
    words = _fill(app, data)
    (data / "prefs.json.damaged-20260901T000000").write_text(json.dumps({"values": [words[1]]}))
    (data / ".prefs.json.abc123.tmp").write_text(words[1])
    app.data.open_overview()
    assert app.data.overview is not None
    monkeypatch.setattr(data_dialogs, "confirm_delete_all", lambda parent: True)
    app.data.overview.delete_action.trigger()
    assert _leftovers(data, words) == {}
