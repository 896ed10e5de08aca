"""A due reminder through the real app and its gate, with made-up idle and presence
sources on fake time: held during a call (and offered after it), held in full screen, waiting
for a lull in typing, and replaced by a natural pause when the person stepped away."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import timedelta
from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from stressbreak.core.commands import Request
from stressbreak.core.model import PauseOutcome, PauseRecord
from stressbreak.core.presence import (
    AWAY_AFTER_S,
    LULL_S,
    OPEN_TRUSTED,
    RECHECK_S,
    RENEW_OPEN,
    ActiveSpan,
)
from stressbreak.services.idle import IdleProbe
from stressbreak.services.presence import Backends, Check
from tests.fakes import TUESDAY_10, FakeClock, make_app


@dataclass
class FakeIdle:
    """Seconds since the last input, as the test says; `now` moves it along with the clock."""

    clock: FakeClock
    last_input: object = None
    name: str = "fake"
    asked: int = 0
    watching: list[float | None] = field(default_factory=list)  # what notice_within was told

    def idle_seconds(self) -> float | None:
        self.asked += 1
        if self.last_input is None:
            return 0.0
        return (self.clock.now() - self.last_input).total_seconds()  # type: ignore[operator]

    def type_now(self) -> None:
        self.last_input = self.clock.now()

    def notice_within(self, seconds: float | None) -> None:
        self.watching.append(seconds)

    def close(self) -> None:
        pass


@dataclass
class FakeSource:
    name: str
    active: bool | None = False
    detail: str = ""
    asked: list[int] = field(default_factory=list)

    def check(self) -> Check:
        self.asked.append(1)
        return Check(self.name, self.active, self.detail)


@pytest.fixture
def gated(qtbot, tmp_path: Path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"native_notifications": False}))
    clock = FakeClock(TUESDAY_10)
    idle = FakeIdle(clock)
    idle.type_now()
    sources = {name: FakeSource(name) for name in
               ("fullscreen", "desktop-dnd", "microphone", "camera")}
    presence = Backends(sources["fullscreen"], sources["desktop-dnd"], sources["microphone"],
                        sources["camera"], {})
    app = make_app(data, clock, [], idle=IdleProbe(idle, ""), presence=presence)
    app.pauses.duration_override_s = 60.0  # the default one-minute pause
    app.start()
    yield app, clock, idle, sources
    app.stop()


def _due(app, clock, idle, *, typing: bool = False) -> None:
    """The interval is over; the person last touched the keyboard 10 s ago (or just now)."""
    clock.advance(timedelta(hours=1))
    idle.last_input = clock.now() - timedelta(seconds=0 if typing else 10)
    app.scheduler.pause_due.emit(clock.now())


def _look_after(app, clock, idle, seconds: float, *, typing: bool = False) -> None:
    clock.advance(timedelta(seconds=seconds))
    if typing:
        idle.type_now()
    app.gate.look()  # what its timer does after `seconds`


def test_a_reminder_waits_during_a_call_and_offers_a_pause_after_it(gated):
    app, clock, idle, sources = gated
    sources["microphone"].active = True
    sources["microphone"].detail = "Jitsi Meet"
    _due(app, clock, idle)
    assert app.reminders.window is None
    assert app.scheduler.next_pause_at() is None  # nothing fires again meanwhile
    assert app.reminders.holding_reasons() == ["a call (microphone in use) — Jitsi Meet"]
    assert ("A reminder waits because of a call (microphone in use) — Jitsi Meet."
            in app.tray.tooltip())
    facts = app.commands.handle(Request("status", details=True)).data
    assert facts["holding"] == ["a call (microphone in use) — Jitsi Meet"]
    assert app.gate.looks_again_in_ms == RECHECK_S * 1000
    _look_after(app, clock, idle, RECHECK_S)
    assert app.reminders.window is None  # still in the call
    sources["microphone"].active = False  # the call ends
    _look_after(app, clock, idle, RECHECK_S)
    # No key was touched during the call (idle 70 s): that is listening, not being away.
    assert app.reminders.window is not None
    assert app.reminders.holding_reasons() == []
    assert app.gate.held_by_a_call is False


def test_while_a_reminder_waits_status_says_it_is_due_not_a_time_gone_by(gated):
    app, clock, idle, sources = gated
    sources["microphone"].active = True
    _due(app, clock, idle)  # due at 11:00, held by the call
    _look_after(app, clock, idle, 5 * 60)  # 11:05, still in the call
    first, second = app.notices.status_text().splitlines()[:2]
    assert first == "StressBreak: a pause is due since 11:00"
    assert "next pause at 11:00" not in app.notices.status_text()
    assert second.startswith("A reminder waits because of a call")
    sources["microphone"].active = False
    _look_after(app, clock, idle, RECHECK_S)
    assert app.reminders.window is not None  # the reminder came; status no longer says "due"
    assert "is due since" not in app.notices.status_text()


def test_after_a_call_the_reminder_says_so(gated):
    app, clock, idle, sources = gated
    sources["camera"].active = True
    _due(app, clock, idle)
    sources["camera"].active = False
    _look_after(app, clock, idle, RECHECK_S)
    labels = [label.text() for label in app.reminders.window.findChildren(QLabel)]
    assert "Your call just ended" in labels


def test_full_screen_holds_only_when_the_setting_wants_it(gated):
    app, clock, idle, sources = gated
    sources["fullscreen"].active = True
    _due(app, clock, idle)
    assert app.reminders.window is None
    assert app.reminders.holding_reasons() == ["a full-screen window"]
    app.settings.apply(replace(app.settings.current, dnd_fullscreen=False))
    _look_after(app, clock, idle, RECHECK_S)
    assert app.reminders.window is not None  # no longer held, and not "after a call"


def test_a_source_that_cannot_tell_holds_nothing(gated):
    app, clock, idle, sources = gated
    sources["desktop-dnd"].active = None
    _due(app, clock, idle)
    assert app.reminders.window is not None


def test_meeting_checks_are_not_asked_when_the_setting_is_off(gated):
    app, clock, idle, sources = gated
    app.settings.apply(replace(app.settings.current, meeting_aware=False))
    sources["microphone"].active = True
    _due(app, clock, idle)
    assert app.reminders.window is not None
    assert sources["microphone"].asked == []  # not even run: it costs a subprocess


def test_a_reminder_waits_for_a_lull_in_typing_but_not_for_ever(gated):
    app, clock, idle, _sources = gated
    _due(app, clock, idle, typing=True)
    assert app.reminders.window is None  # mid-sentence
    assert app.gate.looks_again_in_ms == 1000
    _look_after(app, clock, idle, 1, typing=True)
    assert app.reminders.window is None
    _look_after(app, clock, idle, LULL_S)  # a few seconds without a key
    assert app.reminders.window is not None


def test_the_idle_source_watches_for_a_lull_only_while_a_reminder_waits_for_one(gated):
    # A source told by the compositor (Wayland) watches short spells only when asked: each
    # pause in typing would otherwise wake the app.
    app, clock, idle, _sources = gated
    assert idle.watching == []
    _due(app, clock, idle, typing=True)
    assert idle.watching == [LULL_S]
    app.gate.cancel()  # e.g. a pause started by hand
    assert idle.watching == [LULL_S, None]
    _due(app, clock, idle, typing=True)
    _look_after(app, clock, idle, 1, typing=True)
    assert idle.watching == [LULL_S, None, LULL_S]  # asked once while it waits
    _look_after(app, clock, idle, LULL_S)  # the lull: the reminder shows
    assert app.reminders.window is not None
    assert idle.watching == [LULL_S, None, LULL_S, None]


def test_a_reminder_held_by_a_call_awaits_no_pause_in_typing(gated):
    app, clock, idle, sources = gated
    sources["microphone"].active = True
    _due(app, clock, idle, typing=True)
    _look_after(app, clock, idle, RECHECK_S, typing=True)
    assert app.gate.held_by_a_call
    assert idle.watching == []  # the call decides, not the keys


def test_gentle_timing_gives_up_waiting_after_its_limit(gated):
    app, clock, idle, _sources = gated
    limit = app.settings.current.gentle_max_wait_s
    _due(app, clock, idle, typing=True)
    _look_after(app, clock, idle, limit - 1, typing=True)
    assert app.reminders.window is None
    _look_after(app, clock, idle, 1, typing=True)  # still typing, but waited enough
    assert app.reminders.window is not None


def test_stepping_away_is_a_natural_pause_and_no_reminder_comes(gated):
    app, clock, idle, _sources = gated
    clock.advance(timedelta(minutes=50))
    idle.type_now()  # working until 10:50
    clock.advance(timedelta(minutes=10))
    app.scheduler.pause_due.emit(clock.now())  # due at 11:00, away since 10:50
    assert app.reminders.window is None
    assert app.gate.looks_again_in_ms == RECHECK_S * 1000
    clock.advance(timedelta(minutes=5))
    idle.type_now()  # back at 11:05
    _look_after(app, clock, idle, 2)
    assert app.reminders.window is None
    natural = [r for r in app.journal.all_records()
               if isinstance(r, PauseRecord) and r.outcome is PauseOutcome.NATURAL]
    assert len(natural) == 1
    assert natural[0].started_at == TUESDAY_10 + timedelta(minutes=50)
    assert natural[0].ended_at == TUESDAY_10 + timedelta(hours=1, minutes=5)
    # The interval starts again from the return, not from 10:00.
    assert app.scheduler.next_pause_at() == TUESDAY_10 + timedelta(hours=2, minutes=5)


def test_time_away_between_reminders_restarts_the_interval(gated):
    app, clock, idle, _sources = gated
    assert app.gate.reads_idle_in_ms is not None
    clock.advance(timedelta(minutes=20))
    idle.type_now()  # 10:20, then away for 15 minutes
    clock.advance(timedelta(minutes=2))
    app.gate.read_idle()  # a reading at 10:22: just two minutes idle
    clock.advance(timedelta(minutes=13))
    idle.type_now()  # back at 10:35
    clock.advance(timedelta(seconds=30))
    app.gate.read_idle()  # the reading after the return
    assert app.scheduler.next_pause_at() == TUESDAY_10 + timedelta(hours=1, minutes=35)


def test_a_short_absence_is_not_a_natural_pause(gated):
    app, clock, idle, _sources = gated
    app.pauses.duration_override_s = 300.0  # a five-minute pause setting
    clock.advance(timedelta(minutes=20))
    idle.type_now()
    clock.advance(timedelta(seconds=AWAY_AFTER_S + 30))
    app.gate.read_idle()  # away for 1.5 minutes
    idle.type_now()
    clock.advance(timedelta(seconds=10))
    app.gate.read_idle()
    assert [r for r in app.journal.all_records()
            if r.outcome is PauseOutcome.NATURAL] == []
    assert app.scheduler.next_pause_at() == TUESDAY_10 + timedelta(hours=1)


def test_without_sources_the_settings_say_why(qtbot, tmp_path: Path):
    data = tmp_path / "data"
    data.mkdir()
    app = make_app(data, FakeClock(TUESDAY_10), [],
                                 idle=IdleProbe(None, "No idle source here."),
                                 presence=Backends(None, None, None, None, {
                                     "fullscreen": "No X11.", "desktop-dnd": "No bus.",
                                     "microphone": "No pactl.", "camera": "No /proc."}))
    reasons = app.settings.unavailable()
    assert reasons["natural_breaks"] == "No idle source here."
    assert reasons["gentle_timing"] == "No idle source here."
    assert reasons["dnd_fullscreen"] == "No X11."
    assert reasons["dnd_desktop"] == "No bus."
    assert reasons["meeting_aware"] == "No pactl. No /proc."


def test_a_call_between_reminders_is_not_a_natural_pause(gated):
    app, clock, idle, sources = gated
    clock.advance(timedelta(minutes=10))
    idle.type_now()  # 10:10: the call starts, no typing for 30 minutes
    sources["microphone"].active = True
    for _ in range(30):
        clock.advance(timedelta(minutes=1))
        app.gate.read_idle()
    assert app.reminders.window is None  # nothing during the call
    sources["microphone"].active = False
    idle.type_now()  # 10:40: the call is over, typing again
    clock.advance(timedelta(seconds=20))
    app.gate.read_idle()
    assert [r for r in app.journal.all_records()
            if r.outcome is PauseOutcome.NATURAL] == []
    # The end of the call is a moment to offer a pause, though none was due yet.
    labels = [label.text() for label in app.reminders.window.findChildren(QLabel)]
    assert "Your call just ended" in labels


def test_no_call_seen_means_no_microphone_question_while_typing(gated):
    app, clock, idle, sources = gated
    for _ in range(10):
        clock.advance(timedelta(minutes=1))
        idle.type_now()  # working: a key at least every minute
        app.gate.read_idle()
    assert sources["microphone"].asked == []  # a subprocess each time would cost CPU all day
    assert app.reminders.window is None


def test_the_tray_icon_shows_paused_reminders_and_follows_its_setting(gated):
    app, _clock, _idle, _sources = gated
    tray = app.tray
    normal = tray.icon().pixmap(22, 22).toImage()
    app.reminders.quiet_for(30)
    assert tray.quiet
    paused = tray.icon().pixmap(22, 22).toImage()
    assert paused != normal
    app.reminders.resume()
    assert tray.icon().pixmap(22, 22).toImage() == normal
    app.settings.apply(replace(app.settings.current, tray_icon="light"))
    light = tray.icon().pixmap(22, 22).toImage()
    # One colour: every visible pixel of the light icon is white.
    colours = {light.pixelColor(x, y).name() for x in range(22) for y in range(22)
               if light.pixelColor(x, y).alpha() > 0}
    assert colours == {"#ffffff"}


def test_quiet_or_a_pause_by_hand_ends_a_waiting_reminder(gated):
    app, clock, idle, sources = gated
    sources["microphone"].active = True
    _due(app, clock, idle)
    assert app.gate.waiting
    app.reminders.quiet_for(60)
    assert not app.gate.waiting
    assert app.reminders.holding_reasons() == []
    app.reminders.resume()
    _due(app, clock, idle)
    assert app.gate.waiting
    app.pauses.start()
    assert not app.gate.waiting
    assert app.pauses.window is not None


def test_idle_is_read_every_three_minutes_at_the_desk_and_every_minute_when_leaving(gated):
    app, clock, idle, _sources = gated
    assert app.gate.reads_idle_in_ms == 180_000  # the first reading
    clock.advance(timedelta(minutes=3))
    idle.type_now()
    app.gate.read_idle()
    assert app.gate.reads_idle_in_ms == 180_000  # at the desk
    clock.advance(timedelta(seconds=30))  # nothing touched for 30 s: maybe leaving
    app.gate.read_idle()
    assert app.gate.reads_idle_in_ms == 60_000


def test_sources_are_found_when_first_needed_not_at_construction(qtbot, tmp_path: Path):
    data = tmp_path / "data"
    data.mkdir()
    found: list[int] = []

    def detect():
        found.append(1)
        return IdleProbe(None, "No idle source here."), Backends(None, None, None, None, {})

    app = make_app(data, FakeClock(TUESDAY_10), [], detect_sources=detect)
    assert found == []
    app.start()
    assert found == []  # not during start either: the tray icon comes first
    assert app.settings.unavailable()["natural_breaks"] == "No idle source here."
    assert found == [1]
    app.settings.unavailable()
    assert found == [1]  # once
    app.stop()


# -- several computers (issue 18): the person's activity on the others --------------------


@pytest.fixture
def shared(qtbot, tmp_path: Path):
    """The gated app with other computers whose activity spans the test sets, and the spans
    this computer announces."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"native_notifications": False}))
    clock = FakeClock(TUESDAY_10)
    idle = FakeIdle(clock)
    idle.type_now()
    others: list[ActiveSpan] = []
    app = make_app(data, clock, [], idle=IdleProbe(idle, ""),
                   presence=Backends(None, None, None, None, {}), elsewhere=lambda: others)
    app.pauses.duration_override_s = 60.0
    announced: list[ActiveSpan] = []
    app.gate.activity.connect(announced.append)
    app.start()
    yield app, clock, idle, others, announced
    app.stop()


def _natural(app) -> list[PauseRecord]:
    return [r for r in app.journal.all_records()
            if isinstance(r, PauseRecord) and r.outcome is PauseOutcome.NATURAL]


def _away_from_here(app, clock, idle, *, left_at: int, back_at: int) -> None:
    """Away from this computer from 10:`left_at` to 10:`back_at`, read as the timer would."""
    clock.set(TUESDAY_10 + timedelta(minutes=left_at))
    idle.type_now()
    clock.advance(timedelta(minutes=2))
    app.gate.read_idle()
    clock.set(TUESDAY_10 + timedelta(minutes=back_at))
    idle.type_now()
    clock.advance(timedelta(seconds=30))
    app.gate.read_idle()


def test_away_from_here_while_typing_on_another_computer_is_no_natural_pause(shared):
    app, clock, idle, others, _announced = shared
    others.append(ActiveSpan("b", TUESDAY_10 + timedelta(minutes=21),
                             TUESDAY_10 + timedelta(minutes=34, seconds=50)))
    _away_from_here(app, clock, idle, left_at=20, back_at=35)
    assert _natural(app) == []
    assert app.scheduler.next_pause_at() == TUESDAY_10 + timedelta(hours=1)


def test_a_quiet_stretch_after_the_other_computer_is_a_natural_pause_of_that_stretch(shared):
    app, clock, idle, others, _announced = shared
    others.append(ActiveSpan("b", TUESDAY_10 + timedelta(minutes=21),
                             TUESDAY_10 + timedelta(minutes=25)))
    _away_from_here(app, clock, idle, left_at=20, back_at=35)
    natural = _natural(app)
    assert [(r.started_at, r.ended_at) for r in natural] == [
        (TUESDAY_10 + timedelta(minutes=25), TUESDAY_10 + timedelta(minutes=35))]
    assert app.scheduler.next_pause_at() == TUESDAY_10 + timedelta(hours=1, minutes=35)


def test_a_due_reminder_waits_while_the_person_is_at_another_computer_then_shows(shared):
    app, clock, idle, others, _announced = shared
    clock.advance(timedelta(minutes=50))
    idle.type_now()  # here until 10:50, then on the laptop
    others.append(ActiveSpan("b", TUESDAY_10 + timedelta(minutes=51)))
    clock.advance(timedelta(minutes=10))
    app.scheduler.pause_due.emit(clock.now())
    assert app.reminders.window is None  # not at this desk: not shown here
    assert app.gate.waiting
    clock.advance(timedelta(minutes=5))
    idle.type_now()  # back here at 11:05, the laptop still said "in use"
    _look_after(app, clock, idle, LULL_S)
    assert _natural(app) == []  # no pause was had: the reminder comes
    assert app.reminders.window is not None


def test_this_computer_announces_its_use_twice_per_time_away_and_never_between(shared):
    app, clock, idle, _others, announced = shared
    for _ in range(3):  # at the desk, read every three minutes
        clock.advance(timedelta(minutes=3))
        idle.type_now()
        app.gate.read_idle()
    here_since = TUESDAY_10 + timedelta(minutes=3)
    assert announced == [ActiveSpan("", here_since)]
    clock.advance(timedelta(seconds=30))
    app.gate.read_idle()  # nothing touched for 30 s: maybe leaving, not gone yet
    assert len(announced) == 1
    left_at = clock.now() - timedelta(seconds=30)
    for _ in range(10):  # gone: read every minute
        clock.advance(timedelta(minutes=1))
        app.gate.read_idle()
    assert announced[1:] == [ActiveSpan("", here_since, left_at)]
    idle.type_now()
    back_at = clock.now()
    clock.advance(timedelta(seconds=20))
    app.gate.read_idle()
    assert announced[2:] == [ActiveSpan("", back_at)]
    assert len(announced) == 3


def test_short_spells_while_a_reminder_waits_for_a_lull_announce_nothing(shared):
    app, clock, idle, _others, announced = shared
    _due(app, clock, idle, typing=True)
    assert len(announced) == 1  # here
    for spell in (1, 2, 1, 2, 1, 2, 1, 2):  # typing, with pauses of a second or two
        _look_after(app, clock, idle, spell, typing=spell == 1)
    assert len(announced) == 1
    assert app.reminders.window is None  # no lull yet either
    assert all(span.end is None for span in announced)


def test_without_readings_this_computer_stops_saying_it_is_in_use(shared):
    app, clock, idle, _others, announced = shared
    clock.advance(timedelta(minutes=3))
    idle.type_now()
    app.gate.read_idle()
    clock.advance(timedelta(minutes=1))
    app.settings.apply(replace(app.settings.current, natural_breaks=False))
    here_since = TUESDAY_10 + timedelta(minutes=3)
    assert announced == [ActiveSpan("", here_since),
                         ActiveSpan("", here_since, here_since + timedelta(minutes=1))]


def test_a_long_stay_renews_the_open_span_before_the_others_stop_believing_it(shared):
    app, clock, idle, _others, announced = shared
    for _ in range(40):  # two hours at the desk, in a call or typing, read every 3 minutes
        clock.advance(timedelta(minutes=3))
        idle.type_now()
        app.gate.read_idle()
    opened = [span.start for span in announced if span.end is None]
    assert len(opened) > 1
    assert all(b - a < OPEN_TRUSTED for a, b in pairwise(opened))
    assert all(b - a >= RENEW_OPEN for a, b in pairwise(opened))
    closed = [span for span in announced if span.end is not None]
    assert [span.end for span in closed] == opened[1:]  # no gap between them
    assert len(announced) == 2 * len(opened) - 1
