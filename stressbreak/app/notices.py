"""What the user must hear about: a problem is told in the tray (now, or once a tray appears),
written to the log in English, and repeated by `stressbreak status`. Beside those, standing
problems (a setting that is on but cannot work here, no tray to show the icon in) are asked for
whenever status is, so they go as soon as their cause does."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer, Signal

from stressbreak.app.ports import Tray
from stressbreak.services.i18n import translate_message

log = logging.getLogger(__name__)

_TRAY_WAIT_TRIES = 30  # at login the panel may come late: look every 2 s for a minute
_TRAY_WAIT_MS = 2000


class Notices(QObject):
    tray_shown = Signal()  # the icon is in the tray now (at login it may come late)
    tray_missing = Signal()  # a minute of looking found no tray: StressBreak runs without one

    def __init__(self, tray: Tray, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tray = tray
        self.told: list[str] = []  # told this session; `status` repeats them
        self.untold: list[str] = []  # waiting for a tray to show them
        self._standing: list[Callable[[], Sequence[str]]] = []
        self._tray_tries = 0
        self._tray_found = False
        # One timer, not a chain of single shots: stopping the app stops the looking.
        self._look_for_tray = QTimer(self)
        self._look_for_tray.setSingleShot(True)
        self._look_for_tray.setInterval(_TRAY_WAIT_MS)
        self._look_for_tray.timeout.connect(self.show_tray)

    @property
    def problems(self) -> list[str]:
        """No tray (while there is none), every problem told this session, then each standing
        one as it is now."""
        return [*self._tray_problem(), *self.told,
                *(problem for source in self._standing for problem in source())]

    @property
    def looks_for_tray_in_ms(self) -> int | None:
        """When the app looks for a tray again (None: it found one, or stopped looking)."""
        return self._look_for_tray.interval() if self._look_for_tray.isActive() else None

    def add_standing(self, source: Callable[[], Sequence[str]]) -> None:
        """`source` gives the standing problems, in the user's language, whenever asked."""
        self._standing.append(source)

    def show_tray(self) -> None:
        """Show the icon, or look again every 2 s for a minute: at login the panel may come
        after us. Without a tray StressBreak keeps running, used from the command line."""
        if self._tray.available():
            self._look_for_tray.stop()
            self._tray.show()
            self._tray_found = True
            if self.untold:
                self._tray.tell(self.tr("StressBreak"), "\n".join(self.untold))
                self.untold.clear()
            self.tray_shown.emit()
            return
        self._tray_tries += 1
        if self._tray_tries == 1:
            log.info("no system tray yet; waiting for one to appear")
        if self._tray_tries <= _TRAY_WAIT_TRIES:
            self._look_for_tray.start()
        else:
            self._look_for_tray.stop()  # a look asked for besides the timer's ends it too
            log.warning(
                "no system tray found; StressBreak keeps running. Use `stressbreak pause`, "
                "`stressbreak checkin`, `stressbreak overview` or `stressbreak quit`."
            )
            self.tray_missing.emit()

    def stop(self) -> None:
        self._look_for_tray.stop()

    def _tray_problem(self) -> list[str]:
        # Only once the app has looked: before start nothing is known yet.
        if self._tray_found or self._tray_tries == 0:
            return []
        return [self.tr(
            "There is no system tray here, so StressBreak runs without its icon. Reach it "
            "through your app launcher (right-click StressBreak) or with the commands "
            "stressbreak pause, checkin, overview, settings and quit.")]

    def tell(self, english: str) -> None:
        """A problem the user must hear about once: tray notice (now, or as soon as there is a
        tray), log (in English), and `status` — in the user's language where it is a Message."""
        log.warning("%s", english)
        message = translate_message(english)
        self.told.append(message)
        if self._tray.is_visible():
            self._tray.tell(self.tr("StressBreak"), message)
        else:
            self.untold.append(message)

    def status_text(self) -> str:
        """The tray's tooltip and every problem told this session."""
        return "\n".join([self._tray.tooltip(), *self.problems])
