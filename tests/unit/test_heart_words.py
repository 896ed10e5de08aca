"""What the pause says about the heart: the quiet line during it and the sentence after it."""

from __future__ import annotations

import pytest

from stressbreak.core.heart import HeartFigures, SensorState
from stressbreak.core.heart_words import (
    BEGAN,
    CLOSELY,
    after_words,
    figure_rows,
    live_words,
    not_medical,
    rate_words,
    state_words,
)
from stressbreak.core.messages import Message
from stressbreak.core.model import PauseHeart

STEADY = HeartFigures(artefact_fraction=0.0, poor=False, mean_heart_rate=62.0, rmssd_ms=40.0,
                      coherence=None)
POOR = HeartFigures(artefact_fraction=0.3, poor=True, mean_heart_rate=None, rmssd_ms=None,
                    coherence=None)


@pytest.mark.parametrize(("coherence", "words"), [
    (0.95, "Your heart followed your breath closely this time."),
    (CLOSELY, "Your heart followed your breath closely this time."),
    (CLOSELY - 0.01, "Your heart began to follow your breath."),
    (BEGAN, "Your heart began to follow your breath."),
    (BEGAN - 0.01, "Your heart kept its own rhythm this time; that is fine to notice."),
    (0.0, "Your heart kept its own rhythm this time; that is fine to notice."),
])
def test_the_sentence_after_the_pause_follows_the_coherence(coherence, words):
    said = after_words(PauseHeart(mean_heart_rate=64, rmssd_ms=50, coherence=coherence,
                                  pace_per_min=6.0))
    assert said == words
    assert isinstance(said, Message) and said.context == "heart"


def test_a_poor_signal_is_said_instead_of_any_figure():
    heart = PauseHeart(poor=True)
    assert "too unsteady" in after_words(heart)
    assert figure_rows(heart) == []


def test_too_few_beats_for_coherence_says_so_and_keeps_the_other_figures():
    heart = PauseHeart(mean_heart_rate=61.6, rmssd_ms=42.4)
    assert "half a minute" in after_words(heart)
    assert [(str(what), str(value)) for what, value in figure_rows(heart)] == [
        ("Mean heart rate", "62 beats a minute"),
        ("Beat-to-beat variation (RMSSD)", "42 ms")]


def test_the_figures_are_the_rate_rmssd_coherence_and_pace():
    rows = figure_rows(PauseHeart(mean_heart_rate=64.2, rmssd_ms=50.4, coherence=0.951,
                                  pace_per_min=5.94))
    assert [str(value) for _, value in rows] == [
        "64 beats a minute", "50 ms", "0.95", "5.9 breaths a minute"]
    assert not_medical() == "StressBreak is not a medical device."


def test_without_a_wave_its_pace_is_left_out():
    rows = figure_rows(PauseHeart(mean_heart_rate=72, rmssd_ms=36, coherence=BEGAN - 0.01,
                                  pace_per_min=2.6))
    assert [str(what) for what, _ in rows] == [
        "Mean heart rate", "Beat-to-beat variation (RMSSD)", "Coherence (0 to 1)"]


def test_a_wave_away_from_the_breathing_pace_is_the_hearts_own():
    wander = PauseHeart(mean_heart_rate=72, rmssd_ms=36, coherence=0.4, pace_per_min=2.6)
    assert after_words(wander, breathed_per_min=6.0) == (
        "Your heart kept its own rhythm this time; that is fine to notice.")
    assert "Breathing pace of the wave" not in [str(w) for w, _ in figure_rows(wander, 6.0)]
    near = PauseHeart(mean_heart_rate=64, rmssd_ms=50, coherence=0.9, pace_per_min=6.0 + 1.4)
    assert after_words(near, breathed_per_min=6.0) == (
        "Your heart followed your breath closely this time.")
    # An exercise without a paced breath: the wave's strength alone.
    assert after_words(wander) == "Your heart began to follow your breath."


def test_the_rate_is_a_counted_text():
    said = rate_words(61.7)
    assert said == "62 beats a minute"
    assert said.n == 62


@pytest.mark.parametrize(("state", "words"), [
    (SensorState.SEARCHING, "Looking for your heart-rate strap…"),
    (SensorState.ABSENT, "No strap found; the pause goes on as usual."),
    (SensorState.LOST, "The strap's signal has gone; the pause goes on as usual."),
    (SensorState.UNAVAILABLE, "Bluetooth is not available; the pause goes on as usual."),
    (SensorState.ENDED, "The recording has ended; the pause goes on as usual."),
])
def test_each_state_without_beats_has_its_quiet_line(state, words):
    assert state_words(state) == words
    assert live_words(state, 62.0, STEADY) == words


def test_while_beats_come_the_line_is_the_rate_or_an_unsteady_signal():
    assert state_words(SensorState.RECEIVING) is None
    assert live_words(SensorState.RECEIVING, 62.0, STEADY) == "62 beats a minute"
    assert live_words(SensorState.RECEIVING, 62.0, None) == "62 beats a minute"
    assert live_words(SensorState.RECEIVING, 62.0, POOR) == (
        "The strap's signal is unsteady just now.")
    assert live_words(SensorState.RECEIVING, None, None) == "Waiting for the first beats…"
