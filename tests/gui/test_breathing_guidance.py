"""What the pause says about its breathing: each pattern named and explained in a line, the
sigh's nose and mouth, and box breathing's caution as it starts."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from stressbreak.core.breathing import PATTERNS
from stressbreak.core.exercises import EXERCISES
from stressbreak.ui.pause_window import PauseWindow


def _window(qtbot, pattern_id: str, **kwargs) -> PauseWindow:
    window = PauseWindow(PATTERNS[pattern_id], duration_s=64.0, **kwargs)
    qtbot.addWidget(window)
    return window


def _labels_top_down(window: PauseWindow) -> list[QLabel]:
    layout = window.layout()
    items = (layout.itemAt(i).widget() for i in range(layout.count()))
    return [w for w in items if isinstance(w, QLabel) and w.isVisibleTo(window)]


@pytest.mark.parametrize("pattern_id", list(PATTERNS))
def test_each_pattern_is_named_and_explained_under_the_title(qtbot, pattern_id):
    window = _window(qtbot, pattern_id)
    window.show()
    label = window.description_label
    assert label.isVisible() and label.text() == PATTERNS[pattern_id].description
    texts = [w.text() for w in _labels_top_down(window)]
    assert texts.index("Breathing") + 1 == texts.index(label.text())


def test_a_guided_exercise_has_no_breathing_line(qtbot):
    window = PauseWindow(PATTERNS["box"], 60.0, exercise=EXERCISES["anchor"])
    qtbot.addWidget(window)
    window.show()
    assert not window.description_label.isVisible()
    assert not window.caution_label.isVisible()


def test_the_sigh_says_nose_and_mouth_and_says_it_aloud(qtbot):
    window = _window(qtbot, "sigh")
    heard: list[tuple[str, str]] = []
    window.cue.connect(lambda kind, words: heard.append((kind, words)))
    window.start()
    shown = [window.phase_label.text()]
    for moment in (3.0, 5.0):  # the top-up, then the long out-breath
        window.seek(moment)
        shown.append(window.phase_label.text())
    assert shown == ["In through the nose", "A little more, through the nose",
                     "Slowly out through the mouth"]
    # The one-second top-up is said short, so the out-breath's words are not swallowed.
    assert heard == [("in", "In through the nose"), ("top_up", "A little more"),
                     ("out", "Slowly out through the mouth")]
    window.end_early()


def test_other_patterns_keep_the_plain_phase_words(qtbot):
    window = _window(qtbot, "longexhale")
    window.show()
    assert window.phase_label.text() == "Breathe in"
    window.seek(5.0)
    assert window.phase_label.text() == "Breathe out"


def test_box_breathing_says_its_caution_at_the_top_as_it_starts(qtbot):
    window = _window(qtbot, "box")
    window.start()
    caution = window.caution_label
    assert caution.isVisible()
    assert caution.text() == "Skip the holds if you feel light-headed; just breathe normally."
    assert _labels_top_down(window)[0] is caution
    # The general line at the bottom would say the same again.
    texts = [w.text() for w in _labels_top_down(window)]
    assert not any(text.startswith("Feeling light-headed") for text in texts)
    window.end_early()


@pytest.mark.parametrize("pattern_id", ["coherent", "sigh", "longexhale"])
def test_patterns_without_holds_have_no_caution_but_the_general_line(qtbot, pattern_id):
    window = _window(qtbot, pattern_id)
    window.show()
    assert not window.caution_label.isVisible()
    texts = [w.text() for w in _labels_top_down(window)]
    assert "Feeling light-headed? Stop and breathe as you normally do." in texts
