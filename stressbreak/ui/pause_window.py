"""The one-minute pause: breathe along with the pacer; a countdown; End early.

When the breathing has run its course the window stays a moment: the last out-breath is
finished, a closing line and the tip stay with a focused Done, and it closes on Done, Enter or
Esc, or by itself after `closing_s`. The pause is over (`finished`) when the breathing ends;
the window is gone (`closed`) when the user, or the time, says so.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6 import QtGui
from PySide6.QtCore import QEasingCurve, QRect, Qt, QTimer, QVariantAnimation, Signal
from PySide6.QtGui import QAccessible, QCloseEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from stressbreak.core.breathing import CONTEXT as BREATHING_CONTEXT
from stressbreak.core.breathing import Pattern, Phase
from stressbreak.core.exercises import BREATHING, EXERCISES, Exercise
from stressbreak.core.profiles import CONTEXT as PROFILES_CONTEXT
from stressbreak.ui.floating import float_at_width
from stressbreak.ui.pacer import Pacer
from stressbreak.ui.style import bold, quieter, translated

if TYPE_CHECKING:
    from stressbreak.ui.heart_wave import HeartWave

_TIP_SHOWN_S = 15.0  # the tip shows for the last quarter minute (or third of a short pause)
# Long enough to read the tip twice at an easy pace, short enough not to linger on screen
# when the user has already turned back to work.
CLOSING_S = 15.0
_MIN_WIDTH_PX = 340  # a two-line closing line, and no line wrapped word by word
# Qt 6.8+ (AT-SPI "object:announcement", UIA notifications, NSAccessibility announcements).
_CAN_ANNOUNCE = hasattr(QtGui, "QAccessibleAnnouncementEvent")


class PauseWindow(QWidget):
    """One pause: the breathing pacer, or a guided exercise's prompts one after another."""

    # The breathing (or the prompts) is over: completed (ran to the end) and the seconds
    # actually spent. A completed pause's window stays a moment longer; see `closed`.
    finished = Signal(bool, float)
    # The window has gone: whether the pause ran to its end, and where the window was (its
    # frame geometry), so what follows can open in the same place.
    closed = Signal(bool, QRect)
    favourite_toggled = Signal(str)  # exercise id
    hide_requested = Signal(str)  # exercise id: never show this one again
    cue = Signal(str, str)  # a new phase or prompt began: (phase id or "prompt", its words)

    def __init__(
        self,
        pattern: Pattern,
        duration_s: float,
        *,
        reduced_motion: bool = False,
        exercise: Exercise = EXERCISES[BREATHING],
        values: Sequence[str] = (),
        favourite: bool = False,
        tip: str = "",
        closing_s: float | None = None,  # None: CLOSING_S
        heart: bool = False,  # a heart-rate source is there: show its wave and words
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.exercise = exercise
        # Asked once here, not on every tick of the animation (60 a second).
        guided = self._guided = bool(exercise.steps)
        self.setWindowTitle(self.tr("A minute for you") if guided
                            else self.tr("A minute to breathe"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._duration_s = duration_s
        # The end itself is the start of the next breath: the last moment shown is just
        # before it, with the out-breath finished.
        self._last_moment_s = max(0.0, duration_s - 0.001)
        self._done = False  # the breathing is over (completed or not)
        self._completed = False
        self._closing_s = CLOSING_S if closing_s is None else closing_s
        self._words = {} if guided else _own_words(pattern)

        # What the pattern asks of the body comes first, as it starts (box breathing's holds).
        self.caution_label = _centred(
            "" if guided else translated(pattern.caution, BREATHING_CONTEXT))
        title = bold(_centred(translated(exercise.title, "exercises")))
        self.description_label = _centred(
            "" if guided else translated(pattern.description, BREATHING_CONTEXT))
        intro = _centred(
            self.tr("Breathe with the words; the ring fills once per breath step.")
            if not guided and reduced_motion else translated(exercise.intro, "exercises"))
        self.pacer = Pacer(pattern, reduced_motion)
        self.phase_label = QLabel()
        self.phase_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.phase_label.setWordWrap(True)
        font = self.phase_label.font()
        font.setPointSizeF(font.pointSizeF() * (1.25 if guided else 1.6))
        self.phase_label.setFont(font)
        # Room for two lines from the start, so a longer prompt never resizes the circle.
        self.phase_label.setMinimumHeight(2 * self.phase_label.fontMetrics().lineSpacing() + 4)
        # No accessible name of its own: then the text itself is the name, and every change
        # ("Breathe in", "Breathe out", a new prompt) is announced to screen readers.
        self.phase_label.setAccessibleDescription(
            self.tr("Prompt") if guided else self.tr("Breathing phase"))
        self.values_label = self._build_values(exercise, values)
        self.tip_label = self._build_tip(tip, duration_s)
        self.countdown_label = QLabel()
        self.countdown_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # A label's own name would hide its text: a screen reader gets only the name (Qt's
        # labels have no text interface over AT-SPI). So the time is the name, and what it
        # is the description ("0:42, Time left").
        self.countdown_label.setAccessibleDescription(self.tr("Time left"))
        keep_room(self.countdown_label)  # hidden at the end, without moving the circle
        # Not with a pattern's own caution at the top: that says it already.
        safety = quieter(_centred(
            "" if guided or self.caution_label.text()
            else self.tr("Feeling light-headed? Stop and breathe as you normally do.")))

        buttons = self._build_buttons(exercise, favourite)

        layout = QVBoxLayout(self)
        layout.addWidget(self.caution_label)
        layout.addWidget(title)
        layout.addWidget(self.description_label)
        layout.addWidget(intro)
        self.heart_wave = self._add_pacer(layout, heart, reduced_motion)
        layout.addWidget(self.phase_label)
        layout.addWidget(self.values_label)
        layout.addWidget(self.tip_label)
        layout.addWidget(self.countdown_label)
        layout.addWidget(safety)
        layout.addLayout(buttons)

        self._animation = self._build_animation(duration_s)
        self._closing_timer = self._build_closing_timer()
        self._text_shown: Phase | int | None = None
        self._seconds_shown = -1
        self._on_tick(0.0)
        self._set_sizes(layout)

    def _set_sizes(self, layout: QVBoxLayout) -> None:
        # Never so small that wrapped lines (a pattern's description, its caution, a tip)
        # run into the circle: the window's height follows from its narrowest width.
        self.setMinimumSize(_MIN_WIDTH_PX, max(layout.minimumHeightForWidth(_MIN_WIDTH_PX),
                                               layout.minimumSize().height()))
        float_at_width(self, 460)
        self.resize(460, max(560, self.minimumHeight()))

    def _add_pacer(self, layout: QVBoxLayout, heart: bool,
                   reduced_motion: bool) -> HeartWave | None:
        """The pacer, and under it the heart's wave: only with a heart-rate source, without
        one the window is as it always was."""
        layout.addWidget(self.pacer, 1)
        if not heart:
            return None
        # Imported only for a pause with a strap: without one, nothing of the heart loads.
        from stressbreak.ui.heart_wave import HeartWave  # noqa: PLC0415

        wave = HeartWave(reduced_motion)
        layout.addWidget(wave)
        # Someone reading the figures is not hurried away by the closing timer.
        wave.figures_toggled.connect(self._on_figures_toggled)
        return wave

    def _build_values(self, exercise: Exercise, values: Sequence[str]) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        if exercise.uses_values and values:
            label.setText(self.tr("Your values: {values}").format(values=" · ".join(values)))
        label.setVisible(bool(label.text()))
        return label

    def _build_tip(self, tip: str, duration_s: float) -> QLabel:
        """A tip to take along, shown near the end, when the breathing has settled."""
        label = QLabel(translated(tip, PROFILES_CONTEXT) if tip else "")
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setAccessibleDescription(self.tr("A thought to take with you"))
        label.setVisible(False)
        # Its room is kept while hidden, so the circle does not shrink when it appears.
        policy = label.sizePolicy()
        policy.setRetainSizeWhenHidden(bool(tip))
        label.setSizePolicy(policy)
        self._tip_from_s = max(0.0, duration_s - min(_TIP_SHOWN_S, duration_s / 3))
        self._tip_waiting = bool(label.text())  # checked per tick: a flag, not a Qt call
        return label

    def _build_buttons(self, exercise: Exercise, favourite: bool) -> QGridLayout:
        self.favourite_button = QPushButton()
        self.favourite_button.setCheckable(True)
        self.favourite_button.setChecked(favourite)
        self.favourite_button.setAutoDefault(False)
        self._show_favourite(favourite)
        self.favourite_button.toggled.connect(self._on_favourite)
        self.end_button = QPushButton(self.tr("End early"))
        self.end_button.setToolTip(self.tr("Stop the pause now (Esc)"))
        self.end_button.clicked.connect(self.end_early)
        keep_room(self.end_button)
        # In End early's place once the breathing is over.
        self.done_button = QPushButton(self.tr("Done"))
        self.done_button.setToolTip(self.tr("Close this window (Enter or Esc)"))
        self.done_button.clicked.connect(self.close)
        self.done_button.setVisible(False)
        self.hide_button = QPushButton(self.tr("Don't show this one again"))
        self.hide_button.setAutoDefault(False)
        self.hide_button.setToolTip(
            self.tr("This exercise will not come back in the rotation"))
        self.hide_button.clicked.connect(self._on_hide)
        # Breathing is the one exercise that always stays available.
        self.hide_button.setVisible(exercise.id != BREATHING)
        # Esc closes: while breathing that is ending early, afterwards it is Done.
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        # Enter is Done only once the breathing is over, wherever the focus is then; before,
        # a stray Enter must not end the pause.
        self._enter_shortcuts = [QShortcut(QKeySequence(key), self, self.close)
                                 for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)]
        for shortcut in self._enter_shortcuts:
            shortcut.setEnabled(False)

        # Three equal columns keep "End early" in the middle whatever sits beside it.
        buttons = QGridLayout()
        for column in range(3):
            buttons.setColumnStretch(column, 1)
        buttons.addWidget(self.favourite_button, 0, 0, Qt.AlignmentFlag.AlignLeft)
        buttons.addWidget(self.end_button, 0, 1, Qt.AlignmentFlag.AlignHCenter)
        buttons.addWidget(self.done_button, 0, 1, Qt.AlignmentFlag.AlignHCenter)
        buttons.addWidget(self.hide_button, 0, 2, Qt.AlignmentFlag.AlignRight)
        return buttons

    def _build_animation(self, duration_s: float) -> QVariantAnimation:
        # One animation drives the whole pause: it runs on Qt's animation timer (vsync-paced)
        # only while the pause is on screen, and it stops by itself at the end.
        animation = QVariantAnimation(self)
        animation.setStartValue(0.0)
        animation.setEndValue(float(duration_s))
        animation.setDuration(int(duration_s * 1000))
        animation.setEasingCurve(QEasingCurve.Type.Linear)
        animation.valueChanged.connect(self._on_tick)
        animation.finished.connect(self._on_breathing_done)
        return animation

    def _build_closing_timer(self) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(round(self._closing_s * 1000))
        timer.timeout.connect(self.close)
        return timer

    def start(self) -> None:
        screen = QGuiApplication.primaryScreen().availableGeometry()
        self.move(screen.center() - self.rect().center())
        self.show()
        self.raise_()
        self.activateWindow()
        self.end_button.setFocus()
        if self.caution_label.text():
            self._announce(self.caution_label.text())
        self._text_shown = None  # so the first phase is cued too, now that it is heard
        self._on_tick(0.0)
        self._animation.start()

    def elapsed_s(self) -> float:
        return self._animation.currentTime() / 1000.0

    def seek(self, elapsed_s: float) -> None:
        """Show the pause as it is `elapsed_s` into it, and go on from there (the end
        finishes it). Screenshots and tests show a moment this way without waiting."""
        self._animation.setCurrentTime(round(elapsed_s * 1000))

    @property
    def duration_s(self) -> float:
        return self._duration_s

    @property
    def tip_shown_from_s(self) -> float:
        """When the thought to take along appears (the last part of the pause)."""
        return self._tip_from_s

    @property
    def closing_s(self) -> float:
        """How long the window stays after the breathing, unless closed before."""
        return self._closing_s

    @property
    def completed(self) -> bool:
        """The breathing ran to its end (the window then stays a moment with Done)."""
        return self._completed

    def end_early(self) -> None:
        """Stop now (once the breathing is over: close the window)."""
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closing the window while breathing is ending early; the journal hears about it
        # either way. Afterwards it is only the window going.
        self._end_breathing(completed=False)
        self._closing_timer.stop()
        super().closeEvent(event)
        self.closed.emit(self._completed, self.frameGeometry())

    def _on_tick(self, elapsed: float) -> None:
        # Texts change a few times a minute; only touch them then (no relayout per frame).
        moment = min(elapsed, self._last_moment_s)
        shown: Phase | int
        if self._guided:
            shown, progress = self.exercise.step_at(moment, self._duration_s)
            self.pacer.set_prompt_progress(progress)
        else:
            shown = self.pacer.set_elapsed(moment).phase
        if shown != self._text_shown:
            self._text_shown = shown
            if isinstance(shown, Phase):
                text, spoken = self._words.get(shown) or (self._phase_text(shown),) * 2
            else:
                text = spoken = translated(self.exercise.steps[shown], "exercises")
            self.phase_label.setText(text)
            self._announce(text)
            self.cue.emit(shown if isinstance(shown, Phase) else "prompt", spoken)
        if self.heart_wave is not None:
            self.heart_wave.set_time(moment)
        if self._tip_waiting and elapsed >= self._tip_from_s:
            self._tip_waiting = False
            self.tip_label.setVisible(True)
        left = max(0, math.ceil(self._duration_s - elapsed))
        if left != self._seconds_shown:
            self._seconds_shown = left
            self.countdown_label.setText(f"{left // 60}:{left % 60:02d}")

    def _on_figures_toggled(self) -> None:
        self._closing_timer.stop()
        # The figures take room the window may not have: it grows rather than crowd the
        # circle, and never shrinks under the reader.
        layout = self.layout()
        if layout is None:
            return
        needed = (layout.minimumHeightForWidth(self.width()) if layout.hasHeightForWidth()
                  else layout.minimumSize().height())
        if needed > self.minimumHeight():
            self.setMinimumHeight(needed)
        if needed > self.height():
            self.resize(self.width(), needed)

    def _announce(self, text: str) -> None:
        """Say the new phase or prompt to a screen reader. The label's name change alone is
        not enough: Orca speaks a changed name only for the object that has the focus, and
        the focus stays on End early. An announcement is spoken wherever the focus is."""
        if _CAN_ANNOUNCE and self.isVisible():  # not while built: start() says the first
            QAccessible.updateAccessibility(
                QtGui.QAccessibleAnnouncementEvent(self.phase_label, text))

    def _phase_text(self, phase: Phase) -> str:
        texts = {
            Phase.IN: self.tr("Breathe in"),
            Phase.TOP_UP: self.tr("A little more in"),
            Phase.HOLD_FULL: self.tr("Hold gently"),
            Phase.OUT: self.tr("Breathe out"),
            Phase.HOLD_EMPTY: self.tr("Rest"),
        }
        return texts[phase]

    def _show_favourite(self, on: bool) -> None:
        self.favourite_button.setText(self.tr("★ Favourite") if on else self.tr("☆ Favourite"))
        self.favourite_button.setAccessibleName(self.tr("Favourite exercise"))
        self.favourite_button.setToolTip(
            self.tr("When exercises take turns, only your favourites come"))

    def _on_favourite(self, on: bool) -> None:
        self._show_favourite(on)
        self.favourite_toggled.emit(self.exercise.id)

    def _on_hide(self) -> None:
        self.hide_button.setEnabled(False)
        self.hide_button.setText(self.tr("It won't come back"))
        self.favourite_button.setEnabled(False)
        self.hide_requested.emit(self.exercise.id)

    def _end_breathing(self, completed: bool) -> bool:
        """Stop the breathing and say so, once; False when it had ended already."""
        if self._done:
            return False
        self._done = True
        self._completed = completed
        elapsed = self._duration_s if completed else self.elapsed_s()
        self._animation.stop()
        self.finished.emit(completed, elapsed)
        return True

    def _on_breathing_done(self) -> None:
        if not self._end_breathing(completed=True):
            return
        # The window stays: a closing line, the tip (if any) and Done, which takes the
        # keyboard so Enter closes it; nothing else opens until it has gone.
        text = self.tr("That was your pause. Go on at your own pace.")
        self.phase_label.setText(text)
        self.pacer.rest()
        self.tip_label.setVisible(bool(self.tip_label.text()))
        self.countdown_label.setVisible(False)
        self.end_button.setVisible(False)
        self.done_button.setVisible(True)
        self.done_button.setFocus()
        for shortcut in self._enter_shortcuts:
            shortcut.setEnabled(True)
        self._announce(text)
        self.cue.emit("done", text)
        self._closing_timer.start()


def _centred(text: str) -> QLabel:
    """A centred, wrapping line of text; hidden when there is none."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setVisible(bool(text))
    return label


def _own_words(pattern: Pattern) -> dict[Phase, tuple[str, str]]:
    """Per phase, the words shown and spoken where the pattern has its own (the sigh's nose
    and mouth), translated."""
    return {
        step.phase: (translated(step.words, BREATHING_CONTEXT),
                     translated(step.spoken or step.words, BREATHING_CONTEXT))
        for step in pattern.steps if step.words
    }


def keep_room(widget: QWidget) -> None:
    """Keep a widget's room in the layout while it is hidden, so nothing else moves."""
    policy = widget.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    widget.setSizePolicy(policy)
