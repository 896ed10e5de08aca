"""The welcome on a new user's first start, and the "Why this works" page: both can be opened
again from the tray menu. And, once, where a desktop has no tray: the note that StressBreak
runs without its icon and how to reach it (the welcome, when it is on screen, says so itself).

Who is new: nothing in the prefs says the welcome was shown, the settings are the defaults and
the journal holds nothing of the last months. Someone who used StressBreak before the welcome
existed has a prefs file (read as welcomed), settings of their own or a journal, and is not
greeted as a stranger.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from stressbreak.app.choices import Choices
from stressbreak.app.pauses import Pauses
from stressbreak.app.ports import Tray
from stressbreak.app.records import Records
from stressbreak.app.settings import AppSettings
from stressbreak.app.windows import WindowSlot
from stressbreak.core.clock import Clock
from stressbreak.core.settings import Settings
from stressbreak.services.journal import JournalError

if TYPE_CHECKING:
    from stressbreak.app.shortcuts import KeyShortcuts
    from stressbreak.ui.first_run import FirstRunWindow, Schedule
    from stressbreak.ui.no_tray import NoTrayWindow
    from stressbreak.ui.why_page import WhyPage

# A journal with entries in this time means StressBreak is in use (reading further back would
# cost a long-time user's start for nothing).
_IN_USE_WITHIN = timedelta(days=92)


class Welcome(QObject):
    def __init__(self, *, clock: Clock, settings: AppSettings, choices: Choices,
                 records: Records, pauses: Pauses, tray: Tray,
                 shortcuts: KeyShortcuts | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._settings = settings
        self._choices = choices
        self._records = records
        self._pauses = pauses
        self._tray = tray
        self._shortcuts = shortcuts
        self._first_run: WindowSlot[FirstRunWindow] = WindowSlot(self)
        self._why: WindowSlot[WhyPage] = WindowSlot(self)
        self._no_tray: WindowSlot[NoTrayWindow] = WindowSlot(self)

    @property
    def window(self) -> FirstRunWindow | None:
        return self._first_run.window

    @property
    def why_page(self) -> WhyPage | None:
        return self._why.window

    @property
    def no_tray_window(self) -> NoTrayWindow | None:
        return self._no_tray.window

    def greet_if_new(self) -> None:
        """At start: the welcome for a new user, once. A running pause keeps the keyboard."""
        prefs = self._choices.prefs
        if prefs.welcomed:
            return
        # Kept before it shows: once seen, never again, even if StressBreak stops meanwhile.
        self._choices.save(prefs.mark_welcomed(), quietly=True)
        if self._in_use():
            return
        self._show(activate=self._pauses.window is None)

    def open(self) -> None:
        """The welcome again (from the tray menu)."""
        self._show(activate=True)

    def tray_appeared(self) -> None:
        """The tray icon came after the welcome: it says so now; a note that there is no
        tray is no longer true and goes."""
        if self.window is not None:
            self.window.set_tray_available(True)
        if self.no_tray_window is not None:
            self.no_tray_window.close()

    def tray_missing(self) -> None:
        """No tray came: say once how to reach StressBreak. A running pause keeps the
        keyboard."""
        prefs = self._choices.prefs
        if prefs.told_no_tray:
            return
        # Kept before it shows, as the welcome: once seen, never again.
        self._choices.save(prefs.mark_told_no_tray(), quietly=True)
        if self.window is not None:
            return  # the welcome on screen says where StressBreak lives without a tray
        activate = self._pauses.window is None
        self._no_tray.open(self._make_no_tray, show=lambda window: window.open_for(activate),
                           forward=activate)

    def open_why(self) -> None:
        self._why.open(self._make_why)

    def _in_use(self) -> bool:
        if self._settings.current != Settings():
            return True
        now = self._clock.now()
        try:
            return bool(self._records.journal.all_records(now - _IN_USE_WITHIN))
        except JournalError:
            return False  # unreadable: said by the journal itself; a welcome does no harm

    def _show(self, *, activate: bool) -> None:
        self._first_run.open(self._make_first_run,
                             show=lambda window: window.open_for(activate), forward=activate)

    def _make_first_run(self) -> FirstRunWindow:
        from stressbreak.ui.first_run import FirstRunWindow  # noqa: PLC0415

        window = FirstRunWindow(self._settings.current, self._tray.available())
        window.schedule_chosen.connect(self._keep_schedule)
        window.pause_requested.connect(self._pauses.start)
        window.why_requested.connect(self.open_why)
        window.finished.connect(self._first_run.forget)
        return window

    def _keep_schedule(self, chosen: Schedule) -> None:
        """Saved as the settings window saves, so the schedule follows at once."""
        current = self._settings.current
        wanted = replace(current, work_days=chosen.work_days, work_start=chosen.work_start,
                         work_end=chosen.work_end, interval_min=chosen.interval_min)
        if wanted != current:
            self._settings.apply(wanted)

    def _make_no_tray(self) -> NoTrayWindow:
        from stressbreak.ui.no_tray import NoTrayWindow  # noqa: PLC0415

        shortcuts = self._shortcuts
        # Keys through the desktop only where it binds them for apps.
        offered = shortcuts is not None and shortcuts.offered()
        window = NoTrayWindow(shortcut_note=shortcuts.note() if shortcuts and offered else None)
        window.pause_requested.connect(self._pauses.start)
        window.settings_requested.connect(self._settings.open)
        window.finished.connect(self._no_tray.forget)
        if shortcuts is not None and offered:
            window.shortcut_requested.connect(lambda: shortcuts.choose(window))
            shortcuts.note_changed.connect(window.set_shortcut_note)
        return window

    def _make_why(self) -> WhyPage:
        from stressbreak.ui.why_page import WhyPage  # noqa: PLC0415

        page = WhyPage()
        page.finished.connect(self._why.forget)
        return page
