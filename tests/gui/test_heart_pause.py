"""The heart in a pause (issue 19): a replayed recording arrives as a strap's notifications,
its wave shows under the pacer, the pause's end says one sentence and keeps the figures behind a
toggle, and the record carries them. A source that is not there, or goes, never stops a pause;
without a source the window is as it always was."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from stressbreak.core.breathing import PATTERNS
from stressbreak.core.commands import Request
from stressbreak.core.heart import HeartRateMeasurement, SensorState
from stressbreak.core.model import PauseRecord
from stressbreak.services.heart_replay import ReplaySource, beats_by_second, read_recording
from stressbreak.ui.heart_wave import HeartWave
from stressbreak.ui.pause_window import PauseWindow
from tests.fakes import TUESDAY_10, FakeClock, FakeHeartSource, Harness, make_app

DATA = Path(__file__).parent.parent / "data" / "heart"
RESONANCE = DATA / "rr-resonance-6min.csv"
# Fast enough that a minute of recording takes a fraction of a second; nothing else differs.
SPEED = 400.0


def pauses_of(app: Harness) -> list[PauseRecord]:
    return [r for r in app.journal.records_between(TUESDAY_10 - timedelta(days=1),
                                                   TUESDAY_10 + timedelta(days=1))
            if isinstance(r, PauseRecord)]


def started_app(tmp_path: Path, reduced_motion: str = "off", **extra) -> Harness:
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({
        "native_notifications": False, "checkin_after_pause": False,
        "reduced_motion": reduced_motion}))
    app = make_app(data, FakeClock(TUESDAY_10), [], pause_duration_s=600.0, **extra)
    app.start()
    return app


def run_to_end(qtbot, window: PauseWindow) -> None:
    with qtbot.waitSignal(window.finished, timeout=5000):
        window.seek(window.duration_s)


# -- the source ------------------------------------------------------------------------------


def test_a_replay_sends_each_seconds_beats_as_a_strap_would_then_ends(qtbot):
    rr = [0.8, 0.9, 1.1, 0.45, 0.5, 1.0]  # beats end at 0.8, 1.7, 2.8, 3.25, 3.75, 4.75 s
    source = ReplaySource(rr, speed=1000)
    got: list[HeartRateMeasurement] = []
    states: list[str] = []
    source.measured.connect(got.append)
    source.state_changed.connect(states.append)
    source.start()
    qtbot.waitUntil(lambda: source.state is SensorState.ENDED, timeout=5000)
    assert states == ["searching", "receiving", "ended"]
    assert [m.rr_intervals for m in got] == beats_by_second(rr)
    assert [m.rr_intervals for m in got] == [(0.8,), (0.9,), (1.1,), (0.45, 0.5), (1.0,)]
    assert all(m.contact_supported and m.contact_detected for m in got)
    # Worked out from the second's own beats: 60 / 0.8 s; two beats in 0.95 s.
    assert [m.heart_rate for m in got] == [75, 67, 55, 126, 60]


def test_a_second_without_a_beat_repeats_the_last_rate_and_stop_ends_it(qtbot):
    source = ReplaySource([1.5, 1.5, 1.5, 1.5], speed=1000)
    got: list[HeartRateMeasurement] = []
    source.measured.connect(got.append)
    source.start()
    qtbot.waitUntil(lambda: len(got) >= 2, timeout=5000)
    assert got[0].rr_intervals == () and got[0].heart_rate == 40
    assert got[1].rr_intervals == (1.5,) and got[1].heart_rate == 40
    source.stop()
    assert source.state is SensorState.OFF


# -- the pause -------------------------------------------------------------------------------


def test_without_a_source_the_pause_window_is_as_it_always_was(qtbot, tmp_path):
    app = started_app(tmp_path)
    try:
        app.pauses.start()
        window = app.pauses.window
        assert window.heart_wave is None
        assert window.findChildren(HeartWave) == []
        plain = PauseWindow(PATTERNS["coherent"], 60.0)
        qtbot.addWidget(plain)
        assert ([type(w).__name__ for w in window.findChildren(object)]
                == [type(w).__name__ for w in plain.findChildren(object)])
        run_to_end(qtbot, window)
        [record] = pauses_of(app)
        assert record.heart is None
        assert "heart" not in record.to_dict()
    finally:
        app.stop()


def test_a_replayed_recording_shows_the_wave_and_at_the_end_the_sentence(qtbot, tmp_path):
    app = started_app(tmp_path, replay_speed=SPEED)
    try:
        reply = app.commands.handle(Request("pause", heart_rate_file=str(RESONANCE)))
        assert reply.ok, reply.message
        qtbot.waitUntil(lambda: app.pauses.window is not None)
        window = app.pauses.window
        wave = window.heart_wave
        assert wave is not None and wave.isVisible() and wave.line.isVisible()
        heart = app.controller.heart
        qtbot.waitUntil(lambda: sum(heart.rr) > 70, timeout=5000)
        assert wave.line.beats > 20
        assert wave.words.endswith("beats a minute")
        assert wave.accessibleDescription() == wave.words
        run_to_end(qtbot, window)
        assert wave.after_label.text() == "Your heart followed your breath closely this time."
        assert not wave.line.isVisible()
        assert wave.note_label.text() == "StressBreak is not a medical device."
        assert wave.figures_button.isVisible() and not wave.figures_box.isVisible()
        [record] = pauses_of(app)
        assert record.heart is not None
        assert record.heart.coherence > 0.8
        assert record.heart.pace_per_min == pytest.approx(6.0, abs=0.5)
        assert 55 < record.heart.mean_heart_rate < 75
    finally:
        app.stop()


def test_the_recording_is_for_that_one_pause(qtbot, tmp_path):
    app = started_app(tmp_path, replay_speed=SPEED)
    try:
        app.commands.handle(Request("pause", heart_rate_file=str(RESONANCE)))
        qtbot.waitUntil(lambda: app.pauses.window is not None)
        first = app.pauses.window
        run_to_end(qtbot, first)
        first.close()
        app.pauses.start()
        assert app.pauses.window.heart_wave is None
    finally:
        app.stop()


def test_a_recording_that_cannot_be_read_is_refused_and_no_pause_starts(qtbot, tmp_path):
    app = started_app(tmp_path)
    bad = tmp_path / "rr.csv"
    bad.write_text("812\nnot a beat\n", encoding="utf-8")
    try:
        reply = app.commands.handle(Request("pause", heart_rate_file=str(bad)))
        assert not reply.ok
        assert str(bad) in reply.message and "line 2" in reply.message
        missing = app.commands.handle(Request("pause", heart_rate_file=str(tmp_path / "no")))
        assert not missing.ok and "could not be read" in missing.message
        QApplication.processEvents()  # where a pause asked for would have opened
        assert app.pauses.window is None
    finally:
        app.stop()


@pytest.fixture
def strap(qtbot, tmp_path):
    source = FakeHeartSource()
    app = started_app(tmp_path, heart_source=lambda: source)
    app.pauses.start()
    window = app.pauses.window
    yield app, source, window
    app.stop()


def test_a_strap_not_found_lets_the_pause_go_on_and_says_so(qtbot, strap):
    app, source, window = strap
    assert source.started == 1
    assert window.heart_wave.words == "Looking for your heart-rate strap…"
    source.set(SensorState.ABSENT)
    assert window.heart_wave.words == "No strap found; the pause goes on as usual."
    assert app.pauses.window is window and window.isVisible()
    run_to_end(qtbot, window)
    assert source.stopped == 1
    [record] = pauses_of(app)
    assert record.heart is None  # no beat came: nothing to record
    assert not window.heart_wave.after_label.isVisible()


def test_a_strap_lost_mid_pause_lets_the_pause_go_on(qtbot, strap):
    app, source, window = strap
    for _ in range(10):
        source.send((0.95,))
    assert window.heart_wave.words == "63 beats a minute"
    source.set(SensorState.LOST)
    assert window.heart_wave.words == "The strap's signal has gone; the pause goes on as usual."
    assert app.pauses.window is window
    run_to_end(qtbot, window)
    [record] = pauses_of(app)
    # Beats came, though too few for the wave: the figures there are, and the sentence says so.
    assert record.heart is not None and record.heart.coherence is None
    assert "half a minute" in window.heart_wave.after_label.text()


def test_a_poor_signal_is_said_instead_of_figures(qtbot, strap):
    app, source, window = strap
    for n in range(60):
        source.send((0.4 if n % 2 else 1.9,))
    app.controller.heart.refresh()
    assert window.heart_wave.words == "The strap's signal is unsteady just now."
    run_to_end(qtbot, window)
    [record] = pauses_of(app)
    assert record.heart is not None and record.heart.poor
    assert "too unsteady" in window.heart_wave.after_label.text()
    assert not window.heart_wave.figures_button.isVisible()


def test_ended_early_records_the_figures_and_stops_the_source(qtbot, strap):
    app, source, window = strap
    for _ in range(40):
        source.send((1.0,))
    window.end_button.click()
    assert source.stopped == 1
    [record] = pauses_of(app)
    assert record.heart is not None and record.heart.mean_heart_rate == pytest.approx(60)


def test_keyboard_reaches_the_figures_and_reading_them_keeps_the_window(qtbot, strap):
    _app, source, window = strap
    rr = read_recording(RESONANCE)
    for group in beats_by_second(rr)[:70]:
        source.send(group)
    run_to_end(qtbot, window)
    wave = window.heart_wave
    assert window.done_button.hasFocus()
    button = wave.figures_button
    for _ in range(8):
        if button.hasFocus():
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert button.hasFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert button.isChecked() and wave.figures_box.isVisible()
    assert not window._closing_timer.isActive()  # someone is reading: no closing by itself
    # The window makes room for them rather than squeeze them over the circle.
    assert window.height() >= window.layout().minimumHeightForWidth(window.width())
    texts = [label.text() for label in wave.figures_box.findChildren(type(wave.words_label))]
    assert "Mean heart rate" in texts and "Coherence (0 to 1)" in texts


def test_with_reduced_motion_the_heart_is_in_words_only(qtbot, tmp_path):
    source = FakeHeartSource()
    app = started_app(tmp_path, reduced_motion="on", heart_source=lambda: source)
    try:
        app.pauses.start()
        window = app.pauses.window
        wave = window.heart_wave
        assert not wave.line.isVisible() and wave.words_label.isVisible()
        source.send((1.0,))
        assert wave.words == "60 beats a minute"
        assert wave.line.beats == 0  # nothing moves
        for _ in range(5):
            source.send((0.9,))
        assert wave.words == "60 beats a minute"  # said again every few seconds, not per beat
        app.controller.heart.refresh()
        assert wave.words == "67 beats a minute"
        assert wave.accessibleDescription() == "67 beats a minute"
    finally:
        app.stop()


def test_a_strap_that_sends_no_beat_times_is_said_after_the_pause(qtbot, strap):
    """Some optical bands send a heart rate only: the live rate shows, and at the end the
    pause says why it has nothing more (not the last rate as if it were the answer)."""
    app, source, window = strap
    for _ in range(30):
        source.send((), heart_rate=62)
    app.controller.heart.refresh()
    assert window.heart_wave.words == "62 beats a minute"
    run_to_end(qtbot, window)
    [record] = pauses_of(app)
    assert record.heart is None
    assert window.heart_wave.after_label.text().startswith(
        "Your strap sent its heart rate but not the time between beats")
    assert not window.heart_wave.figures_button.isVisible()


def test_one_strap_one_connection_a_pause_during_find_my_pace_has_none(qtbot, tmp_path):
    made: list[FakeHeartSource] = []

    def strap() -> FakeHeartSource:
        made.append(FakeHeartSource())
        return made[-1]

    app = started_app(tmp_path, heart_source=strap)
    try:
        app.controller.pace_finder.open()
        finder = app.controller.pace_finder.window
        finder.start_button.click()
        assert len(made) == 1 and made[0].started == 1
        app.pauses.start()  # from the tray while the session breathes
        assert len(made) == 1  # no second connection to the same strap
        assert app.pauses.window.heart_wave is None  # this pause is as without a strap
        app.pauses.window.end_early()
        assert made[0].stopped == 0  # the session keeps its strap
    finally:
        app.stop()
    assert made[0].stopped == 1  # quitting lets it go, as closing the window does
    assert app.controller.pace_finder.window is None


def test_a_recording_that_runs_out_mid_pause_says_so_in_its_own_words(qtbot, tmp_path):
    app = started_app(tmp_path)
    try:
        assert app.commands.handle(
            Request("pause", heart_rate_file=str(write_short(tmp_path)))).ok
        qtbot.waitUntil(lambda: app.pauses.window is not None, timeout=2000)
        window = app.pauses.window
        source = app.controller.heart.source
        assert isinstance(source, ReplaySource)
        qtbot.waitUntil(lambda: source.state is SensorState.ENDED, timeout=10_000)
        assert window.heart_wave.words == "The recording has ended; the pause goes on as usual."
        assert app.pauses.window is window
    finally:
        app.stop()


def write_short(folder: Path) -> Path:
    path = folder / "short.csv"
    path.write_text("0.9\n0.9\n")  # two beats: done within two seconds
    return path
