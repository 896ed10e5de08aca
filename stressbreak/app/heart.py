"""The heart during a pause: a source's beats into the pause window, and its figures into the
pause's record.

A source (a strap, or a recording replayed by `stressbreak pause --heart-rate-file`) comes
from `source_factory` as each pause opens; None means there is none and the pause is as it
always was. It is started when the window shows and stopped when the breathing ends. Whatever
the source does (not found, gone, no Bluetooth), the pause simply goes on: the window says so
in its quiet line. The record carries the figures only when beats came (core.heart).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject, QTimer

from stressbreak.services.i18n import translate_message

if TYPE_CHECKING:
    from stressbreak.core.heart import HeartFigures, HeartRateMeasurement
    from stressbreak.core.model import PauseHeart
    from stressbreak.services.heart_source import HeartSource
    from stressbreak.ui.pause_window import PauseWindow

# The heart's modules (and `statistics`) load with the first pause that has a source: a user
# without a strap never loads them (tests/unit/test_lean_imports.py).

# How often the figures (and the words under the wave) are worked out again: often enough to
# follow a breath or two, rarely enough that a screen reader's description does not chatter.
# heart_figures takes about a millisecond (docs/HEART.md).
UPDATE_S = 5.0


class Heart(QObject):
    """One source per pause: `prepare` as the window is made, `begin` as it shows, `finish`
    as the breathing ends."""

    def __init__(self, source_factory: Callable[[], HeartSource | None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._factory = source_factory
        self._source: HeartSource | None = None
        self._window: PauseWindow | None = None
        self._rr: list[float] = []
        self._rate: float | None = None
        self._rate_came = False  # a notification with a heart rate came in this pause
        self._figures: HeartFigures | None = None
        self._breathed_per_min: float | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(round(UPDATE_S * 1000))
        self._timer.timeout.connect(self.refresh)

    @property
    def source(self) -> HeartSource | None:
        return self._source

    @property
    def rr(self) -> list[float]:
        """The RR intervals (seconds) received in this pause so far."""
        return list(self._rr)

    def prepare(self) -> bool:
        """A pause's window is about to be made: whether there is a source for it."""
        self._drop_source()
        self._source = self._factory()
        return self._source is not None

    def begin(self, window: PauseWindow, breathed_per_min: float | None = None) -> None:
        """The window shows: the source starts and the window hears from it.
        `breathed_per_min`: the pace the pause breathes at (None: prompts, no paced breath)."""
        source = self._source
        if source is None or window.heart_wave is None:
            return
        self._window = window
        self._breathed_per_min = breathed_per_min
        self._rr = []
        self._rate = None
        self._rate_came = False
        self._figures = None
        source.measured.connect(self._on_measured)
        source.state_changed.connect(self._on_state)
        self._say()
        source.start()
        self._timer.start()

    def finish(self, completed: bool) -> PauseHeart | None:
        """The breathing is over: the source stops; the figures for the record (None when no
        beat came), and after a completed pause the window's closing sentence."""
        window, self._window = self._window, None
        if window is None:
            self._drop_source()
            return None
        self._timer.stop()
        self._drop_source()
        from stressbreak.core.heart import heart_figures, pause_heart  # noqa: PLC0415
        from stressbreak.core.heart_words import (  # noqa: PLC0415
            after_words,
            figure_rows,
            not_medical,
            rate_only_words,
        )

        if not self._rr:
            # A rate came but no beat times: said, so the last live rate does not stay as
            # if it were the answer; nothing for the record.
            if completed and self._rate_came and window.heart_wave is not None:
                window.heart_wave.show_after(translate_message(rate_only_words()), [],
                                             translate_message(not_medical()))
            return None

        heart = pause_heart(heart_figures(self._rr))
        if completed and window.heart_wave is not None:
            window.heart_wave.show_after(
                translate_message(after_words(heart, self._breathed_per_min)),
                [(translate_message(what), translate_message(value))
                 for what, value in figure_rows(heart, self._breathed_per_min, _number)],
                translate_message(not_medical()))
        return heart

    def refresh(self) -> None:
        """The figures over the last minute or so, and the words under the wave."""
        if self._rr:
            from stressbreak.core.heart import heart_figures  # noqa: PLC0415

            self._figures = heart_figures(self._rr)
        self._say()

    def _on_measured(self, measurement: HeartRateMeasurement) -> None:
        window = self._window
        if window is None or window.heart_wave is None:
            return
        first = not self._rr and self._rate is None
        self._rr.extend(measurement.rr_intervals)
        if measurement.heart_rate > 0:
            self._rate = float(measurement.heart_rate)
            self._rate_came = True
        window.heart_wave.add_beats(measurement.rr_intervals, window.elapsed_s())
        if first:
            self._say()  # the rate from the first notification, then every few seconds

    def _on_state(self, state: str) -> None:
        from stressbreak.core.heart import SensorState  # noqa: PLC0415

        if state != SensorState.RECEIVING:
            self._rate = None
        self._say()

    def _say(self) -> None:
        window, source = self._window, self._source
        if window is None or window.heart_wave is None or source is None:
            return
        from stressbreak.core.heart import SensorState  # noqa: PLC0415
        from stressbreak.core.heart_words import live_words  # noqa: PLC0415

        state = source.state
        if state is SensorState.OFF:
            state = SensorState.SEARCHING  # about to start
        window.heart_wave.set_words(translate_message(live_words(state, self._rate,
                                                                 self._figures)))

    def _drop_source(self) -> None:
        source, self._source = self._source, None
        if source is None:
            return
        # Stopped first, then let go: nothing it says while stopping reaches a window.
        # Parented before deleteLater: this may run inside the source's own signal, and an
        # unparented object would go with its last Python name, mid-emit.
        source.stop()
        source.setParent(self)
        source.deleteLater()


def _number(value: float, places: int) -> str:
    """A figure with its decimals as the user's language writes them (6,0 in Dutch)."""
    return QLocale().toString(value, "f", places)
