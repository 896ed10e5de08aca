"""The whole loop through the real app: reminder → pause → journal → stress meter."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel

from stressbreak.core.commands import Request
from stressbreak.core.model import CheckIn, CheckInOrigin, PauseOutcome, PauseRecord
from stressbreak.services.cues import SOUNDS, Cues
from stressbreak.services.journal import Journal
from stressbreak.ui.profile_dialog import ProfileDialog
from tests.fakes import AMS, TUESDAY_10, FakeClock, make_app


@pytest.fixture(autouse=True)
def no_modal_offer(monkeypatch):
    """The profile offer is a modal question; here it is answered "no, thanks" (and counted)."""
    asked: list[bool] = []

    def offer(cls, parent=None):
        asked.append(True)
        return False

    monkeypatch.setattr(ProfileDialog, "offer", classmethod(offer))
    return asked


@pytest.fixture
def loop(qtbot, tmp_path: Path):
    clock = FakeClock(TUESDAY_10)
    told: list[str] = []
    data = tmp_path / "data"
    data.mkdir()
    # Native notifications off: there is no notification daemon in the test machine.
    (data / "settings.json").write_text(json.dumps({"native_notifications": False}))
    app = make_app(data, clock, told)
    journal = app.journal
    app.start()
    yield app, clock, journal, told
    app.stop()


def all_records(journal: Journal):
    return journal.records_between(TUESDAY_10 - timedelta(days=1), TUESDAY_10 + timedelta(days=1))


def test_start_schedules_the_first_pause_one_interval_ahead(loop):
    app, _clock, _journal, told = loop
    assert told == []
    assert app.scheduler.next_pause_at() == TUESDAY_10 + timedelta(hours=1)
    assert app.scheduler.next_checkin_at() == TUESDAY_10.replace(minute=30)
    assert "next pause" in app.notices.status_text()


def test_reminder_click_pause_checkin_all_recorded(qtbot, loop):
    app, clock, journal, _told = loop
    clock.advance(timedelta(hours=1))
    app.scheduler.pause_due.emit(clock.now())
    reminder = app.reminders.window
    assert reminder is not None and reminder.isVisible()
    assert app.scheduler.next_pause_at() is None  # nothing else due while it shows

    qtbot.mouseClick(reminder, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    pause = app.pauses.window
    assert pause is not None
    assert "pause is under way" in app.notices.status_text()
    with qtbot.waitSignal(pause.finished, timeout=5000):
        pass
    assert app.checkins.dialog is None  # not while the pause's window still shows
    qtbot.mouseClick(pause.done_button, Qt.MouseButton.LeftButton)
    [record] = all_records(journal)
    assert isinstance(record, PauseRecord)
    assert record.outcome is PauseOutcome.COMPLETED
    assert record.duration_s == pytest.approx(0.5)
    assert record.started_at == TUESDAY_10 + timedelta(hours=1)
    # The next pause counts from the end of this one.
    assert app.scheduler.next_pause_at() == clock.now() + timedelta(hours=1)

    dialog = app.checkins.dialog  # after a pause the stress meter follows
    assert dialog is not None and dialog.isVisible()
    qtbot.mouseClick(dialog.rows["body"].buttons["tight"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.rows["need"].buttons["move"], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.notes["need"], "stretch my legs")
    qtbot.mouseClick(dialog.tension.buttons[5], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    checkins = [r for r in all_records(journal) if isinstance(r, CheckIn)]
    assert len(checkins) == 1
    saved = checkins[0]
    assert saved.origin is CheckInOrigin.AFTER_PAUSE
    assert (saved.breathing, saved.body, saved.need) == ((), ("tight",), ("move",))
    assert (saved.breathing_note, saved.body_note, saved.need_note) == ("", "", "stretch my legs")
    assert saved.tension == 5
    assert app.checkins.dialog is None


def test_skip_and_snooze_and_missed(qtbot, loop):
    app, clock, journal, _told = loop
    app.settings.current = app.settings.current.__class__(reminder_timeout_s=10)
    clock.advance(timedelta(hours=1))
    app.scheduler.pause_due.emit(clock.now())
    qtbot.mouseClick(app.reminders.window.snooze_button, Qt.MouseButton.LeftButton)
    assert app.scheduler.next_pause_at() == clock.now() + timedelta(minutes=5)
    assert all_records(journal) == []  # a snooze is not an outcome

    clock.advance(timedelta(minutes=5))
    app.scheduler.pause_due.emit(clock.now())
    qtbot.mouseClick(app.reminders.window.skip_button, Qt.MouseButton.LeftButton)
    [skipped] = all_records(journal)
    assert skipped.outcome is PauseOutcome.SKIPPED
    assert app.scheduler.next_pause_at() == clock.now() + timedelta(hours=1)

    clock.advance(timedelta(hours=1))
    app.scheduler.pause_due.emit(clock.now())
    reminder = app.reminders.window
    clock.advance(timedelta(seconds=10))
    with qtbot.waitSignal(reminder.timed_out, timeout=15000):
        pass
    outcomes = [r.outcome for r in all_records(journal)]
    assert outcomes == [PauseOutcome.SKIPPED, PauseOutcome.MISSED]


def test_a_late_reminder_after_hours_is_not_shown(loop):
    app, clock, _journal, _told = loop
    clock.set(datetime(2026, 11, 24, 21, 0, tzinfo=AMS))  # woke up in the evening
    app.scheduler.pause_due.emit(TUESDAY_10 + timedelta(hours=1))
    assert app.reminders.window is None
    assert app.scheduler.next_pause_at() == datetime(2026, 11, 25, 10, 0, tzinfo=AMS)


def test_quiet_for_an_hour_then_resume(loop):
    app, clock, _journal, _told = loop
    app.tray.quiet_requested.emit(60)
    assert "paused until" in app.notices.status_text()
    clock.advance(timedelta(minutes=20))
    app.scheduler.pause_due.emit(clock.now())
    assert app.reminders.window is None
    app.tray.resume_requested.emit()
    assert "next pause" in app.notices.status_text()
    app.tray.quiet_until_tomorrow_requested.emit()
    assert app.scheduler.next_pause_at() == datetime(2026, 11, 25, 10, 0, tzinfo=AMS)
    # Check-ins wait too: the first one after the quiet period is tomorrow's.
    assert app.scheduler.next_checkin_at() == datetime(2026, 11, 25, 10, 30, tzinfo=AMS)


def test_scheduled_checkin_opens_without_taking_focus(loop):
    app, clock, journal, _told = loop
    clock.set(TUESDAY_10.replace(minute=30))
    app.scheduler.checkin_due.emit(clock.now())
    dialog = app.checkins.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    assert app.scheduler.next_checkin_at() == TUESDAY_10.replace(hour=13, minute=30)
    dialog.not_now_button.click()
    assert app.checkins.dialog is None
    assert all_records(journal) == []


def test_no_scheduled_checkin_right_after_one_was_answered(qtbot, loop):
    app, clock, journal, _told = loop
    clock.set(TUESDAY_10.replace(minute=20))
    app.tray.checkin_requested.emit()  # the user opens the stress meter by hand
    qtbot.mouseClick(app.checkins.dialog.save_button, Qt.MouseButton.LeftButton)
    clock.set(TUESDAY_10.replace(minute=30))
    app.scheduler.checkin_due.emit(clock.now())
    assert app.checkins.dialog is None  # ten minutes later would be nagging
    [saved] = all_records(journal)
    assert saved.origin is CheckInOrigin.MANUAL
    # ...and a restart remembers it too.
    app.stop()
    app.start()
    app.scheduler.checkin_due.emit(clock.now())
    assert app.checkins.dialog is None


def test_a_tense_checkin_brings_one_followup_reminder(qtbot, loop):
    app, clock, _journal, _told = loop
    clock.set(TUESDAY_10.replace(minute=30))
    app.scheduler.checkin_due.emit(clock.now())
    qtbot.mouseClick(app.checkins.dialog.tension.buttons[8], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(app.checkins.dialog.save_button, Qt.MouseButton.LeftButton)
    assert app.scheduler.next_pause_at() == TUESDAY_10.replace(minute=50)
    clock.set(TUESDAY_10.replace(minute=50))
    app.scheduler.pause_due.emit(clock.now())
    texts = [label.text() for label in app.reminders.window.findChildren(QLabel)]
    assert "An extra minute for you" in texts
    qtbot.mouseClick(app.reminders.window.skip_button, Qt.MouseButton.LeftButton)
    # Offered once: after it, the ordinary interval from now.
    assert app.scheduler.next_pause_at() == TUESDAY_10.replace(hour=11, minute=50)


def test_rotating_patterns_are_recorded_one_after_another(qtbot, tmp_path):
    data = tmp_path / "rot"
    data.mkdir()
    (data / "settings.json").write_text(
        json.dumps({"breathing_pattern": "rotate", "native_notifications": False}))
    app = make_app(data, FakeClock(TUESDAY_10), [])
    app.start()
    try:
        for _ in range(3):
            app.pauses.start()
            window = app.pauses.window
            with qtbot.waitSignal(window.finished, timeout=5000):
                pass
            window.done_button.click()
            app.checkins.dialog.reject()
        used = [r.exercise for r in all_records(app.journal)]
        assert used == ["coherent", "sigh", "longexhale"]
    finally:
        app.stop()


def test_every_stress_meter_field_reaches_the_journal(qtbot, loop):
    app, clock, journal, _told = loop
    journal.append(CheckIn(clock.now() - timedelta(days=3), CheckInOrigin.MANUAL,
                           trigger="Inbox overflow"))
    app.tray.values_requested.emit()
    values = app.checkins.values_dialog
    qtbot.keyClicks(values.fields[0], "patience")
    qtbot.keyClicks(values.fields[1], "being honest")
    qtbot.mouseClick(values.save_button, Qt.MouseButton.LeftButton)
    assert app.choices.prefs.values == ("patience", "being honest")

    app.tray.checkin_requested.emit()
    dialog = app.checkins.dialog
    assert "patience · being honest" in dialog.values_label.text()
    assert dialog.trigger.completer().model().stringList() == ["Inbox overflow"]
    for question, chip in (("breathing", "held"), ("body", "warm"), ("need", "quiet"),
                           ("signals", "heart"), ("signals", "restless")):
        qtbot.mouseClick(dialog.rows[question].buttons[chip], Qt.MouseButton.LeftButton)
    for question, text in (("breathing", "short"), ("body", "tight chest"), ("need", "a walk")):
        qtbot.keyClicks(dialog.notes[question], text)
    qtbot.mouseClick(dialog.tension.buttons[0], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.trigger, "Inbox overflow")
    qtbot.keyClicks(dialog.next_step, "close the mail for an hour")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = [r for r in all_records(journal) if r.at == clock.now()]
    assert len(saved) == 1
    record = saved[0]
    assert record.to_dict() | {"id": "", "at": ""} == {
        "kind": "checkin", "v": 2, "id": "", "at": "", "origin": "manual",
        "breathing": ["held"], "breathing_note": "short", "body": ["warm"],
        "body_note": "tight chest", "need": ["quiet"], "need_note": "a walk", "tension": 0,
        "signals": ["heart", "restless"], "trigger": "Inbox overflow",
        "next_step": "close the mail for an hour",
    }


def test_exercises_take_turns_and_remember_favourites_and_hidden(qtbot, tmp_path):
    data = tmp_path / "ex"
    data.mkdir()
    (data / "settings.json").write_text(
        json.dumps({"exercise": "rotate", "native_notifications": False}))
    clock = FakeClock(TUESDAY_10)
    app = make_app(data, clock, [])
    app.start()
    try:
        app.pauses.start()
        assert app.pauses.window.exercise.id == "breathing"
        app.pauses.window.end_early()
        app.pauses.start()
        window = app.pauses.window
        assert window.exercise.id == "body_check"
        qtbot.mouseClick(window.hide_button, Qt.MouseButton.LeftButton)
        window.end_early()
        app.pauses.start()
        window = app.pauses.window
        assert window.exercise.id == "anchor"
        qtbot.mouseClick(window.favourite_button, Qt.MouseButton.LeftButton)
        window.end_early()
        saved = json.loads((data / "prefs.json").read_text())
        assert saved["hidden"] == ["body_check"]
        assert saved["favourites"] == ["anchor"]
        unhide = next(a for a in app.tray.menu.actions()
                      if a.text() == "Show hidden exercises again")
        assert unhide.isEnabled()
        # From now on only the favourite comes (it is the only one), also after a restart.
        app.stop()
        app.start()
        app.pauses.start()
        assert app.pauses.window.exercise.id == "anchor"
        app.pauses.window.end_early()
        used = [r.exercise for r in all_records(app.journal)]
        assert used == ["coherent", "body_check", "anchor", "anchor"]
        unhide.trigger()  # "Show hidden exercises again"
        assert json.loads((data / "prefs.json").read_text())["hidden"] == []
        assert not unhide.isEnabled()
    finally:
        app.stop()


def test_the_profile_reflection_is_offered_once_and_shapes_the_tips(qtbot, loop,
                                                                  no_modal_offer):
    app, _clock, _journal, _told = loop
    offered_after: list[int] = []
    for _ in range(2):
        app.tray.checkin_requested.emit()
        meter = app.checkins.dialog
        qtbot.mouseClick(meter.save_button, Qt.MouseButton.LeftButton)
        qtbot.wait(50)
        assert meter.isVisible()  # saying thank you; nothing may come over it
        offered_after.append(len(no_modal_offer))
        with qtbot.waitSignal(meter.finished, timeout=5000):
            pass
        qtbot.wait(10)  # the offer comes just after the stress meter has gone
    assert offered_after == [0, 1]
    assert no_modal_offer == [True]  # once, even after a second stress meter
    assert app.choices.prefs.profile_offered

    app.tray.profile_requested.emit()
    dialog = app.checkins.profile_dialog
    for statement_id, row in dialog.rows.items():
        row.buttons[3 if statement_id.startswith("pleaser") else 0].click()
    with qtbot.waitSignal(dialog.completed, timeout=1000):
        while not dialog.on_result_page():
            dialog.next_button.click()
        dialog.next_button.click()
    assert app.choices.prefs.profile_scores["pleaser"] == 12
    app.pauses.start()
    window = app.pauses.window
    tip = window.tip_label.text()
    assert tip
    from stressbreak.core.profiles import PATTERNS as PROFILE_PATTERNS
    assert tip in PROFILE_PATTERNS["pleaser"].tips
    window.seek(window.tip_shown_from_s + 0.1)
    assert window.tip_label.isVisibleTo(window)
    window.end_early()


def test_restart_keeps_the_interval_of_today(qtbot, tmp_path, loop):
    app, clock, journal, _told = loop
    app.pauses.start()
    window = app.pauses.window
    with qtbot.waitSignal(window.finished, timeout=5000):
        pass
    window.done_button.click()
    app.checkins.dialog.reject()
    clock.advance(timedelta(minutes=20))
    app.stop()
    app.start()  # the same objects, as after a restart of the app
    [pause] = all_records(journal)
    # Counted from the end of today's pause, not from the restart 20 minutes later.
    assert app.scheduler.next_pause_at() == pause.ended_at + timedelta(hours=1)


def test_overview_command_opens_the_week_with_saved_records(qtbot, loop):
    app, clock, journal, _told = loop
    journal.append(PauseRecord(clock.now(), clock.now() + timedelta(minutes=1),
                               PauseOutcome.COMPLETED))
    reply = app.commands.handle(Request("overview"))
    assert reply.ok
    qtbot.waitUntil(lambda: app.data.overview is not None, timeout=2000)
    completed = app.data.overview.pauses_chart.sets[PauseOutcome.COMPLETED]
    assert [completed.at(day) for day in range(7)] == [0, 1, 0, 0, 0, 0, 0]  # Tuesday


def test_a_damaged_settings_file_is_told_and_kept(qtbot, tmp_path: Path):
    data = tmp_path / "d"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"interval_min": "often"}))
    told: list[str] = []
    app = make_app(data, FakeClock(TUESDAY_10), told)
    app.start()
    try:
        assert len(told) == 1 and "'interval_min'" in told[0]
        assert app.settings.current.interval_min == 60
        assert json.loads((data / "settings.json").read_text()) == {"interval_min": "often"}
    finally:
        app.stop()


def test_breathing_cues_chime_and_speak_each_phase(qtbot, tmp_path):
    data = tmp_path / "cues"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps(
        {"sound_cues": True, "spoken_cues": True, "native_notifications": False}))
    heard: list[list[str]] = []
    # A whole minute, so that 6 s into it is an out-breath.
    app = make_app(data, FakeClock(TUESDAY_10), [], pause_duration_s=60.0, cues=Cues(
        "en", which=lambda name: f"/usr/bin/{name}",
        run=lambda command: heard.append(list(command)), platform="linux"))
    app.start()
    try:
        app.pauses.start()
        window = app.pauses.window
        window.seek(6.0)  # breathing out now
        qtbot.waitUntil(lambda: len(heard) >= 3, timeout=3000)
        assert ["pw-play", str(SOUNDS / "in.wav")] in heard
        assert ["pw-play", str(SOUNDS / "out.wav")] in heard
        spoken = [c[-1] for c in heard if c[0] == "espeak-ng"]
        assert spoken[0] == "Breathe in"
        window.end_early()
    finally:
        app.stop()


def test_a_closed_reminder_never_blocks_later_reminders(qtbot, loop):
    app, clock, journal, _told = loop
    clock.advance(timedelta(hours=1))
    app.scheduler.pause_due.emit(clock.now())
    app.reminders.window.close()  # closed by the window manager, no button pressed
    assert app.reminders.window is None
    [missed] = all_records(journal)
    assert missed.outcome is PauseOutcome.MISSED
    assert app.scheduler.next_pause_at() == clock.now() + timedelta(hours=1)
    app.pauses.start()  # the tray's left click still works
    assert app.pauses.window is not None
    app.pauses.window.end_early()


def test_problems_wait_for_a_tray_and_show_in_status(loop):
    app, _clock, _journal, _told = loop
    app.notices.tell("The journal file for March could not be read.")
    assert "could not be read" in app.notices.status_text()
    assert app.notices.untold == ["The journal file for March could not be read."]


@pytest.mark.parametrize("ago_min", [30, 61])
def test_a_restart_just_after_midnight_keeps_the_rhythm_of_the_pause_before_it(
        qtbot, tmp_path, ago_min: int):
    """Working past midnight: a pause at 23:40 (or 23:09) still counts when the app restarts
    at 00:10, as it would at any other hour (CI caught this: the rhythm used to start again
    at every midnight, an hour from the restart)."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({
        "native_notifications": False, "work_start": "00:00", "work_end": "23:59",
        "work_days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]}))
    after_midnight = TUESDAY_10.replace(hour=0, minute=10)
    ended = after_midnight - timedelta(minutes=ago_min)
    before = Journal(data, print)
    before.start()
    before.append(PauseRecord(ended - timedelta(minutes=1), ended, PauseOutcome.COMPLETED))
    before.stop()
    app = make_app(data, FakeClock(after_midnight), [])
    app.start()
    try:
        # Due an hour after it, or at once when that hour has passed.
        assert app.scheduler.next_pause_at() == max(ended + timedelta(hours=1), after_midnight)
    finally:
        app.stop()
