"""The stress meter, and what it leads to: the values the user acts from and the stress-pattern
profile (offered once, after the first stress meter). The day ratings (sleep, energy, focus)
are asked here too: in the day's first stress meter, or alone from the tray menu."""

from __future__ import annotations

from collections.abc import Callable
from datetime import time, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRect, QTimer, Signal

from stressbreak.app.choices import Choices
from stressbreak.app.ports import Notifier
from stressbreak.app.records import Records
from stressbreak.app.windows import WindowSlot, centre_on
from stressbreak.core.clock import Clock
from stressbreak.core.model import CheckIn, CheckInOrigin, DayRating
from stressbreak.core.settings import Settings
from stressbreak.core.timeutil import at_local
from stressbreak.services.journal import JournalError

if TYPE_CHECKING:
    from stressbreak.ui.checkin import Answers, CheckInDialog
    from stressbreak.ui.day_rating import DayAnswers, DayRatingDialog
    from stressbreak.ui.profile_dialog import ProfileDialog
    from stressbreak.ui.values_dialog import ValuesDialog

_TRIGGER_HISTORY = timedelta(days=92)  # suggestions come from about the last three months


class CheckIns(QObject):
    saved = Signal(object, object)  # at (datetime), tension (0-10 or None): for the schedule

    def __init__(self, clock: Clock, choices: Choices, records: Records, notifier: Notifier,
                 settings: Callable[[], Settings], *, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._settings = settings
        self._choices = choices
        self._records = records
        self._notifier = notifier
        self._meter: WindowSlot[CheckInDialog] = WindowSlot(self)
        self._values: WindowSlot[ValuesDialog] = WindowSlot(self)
        self._profile: WindowSlot[ProfileDialog] = WindowSlot(self)
        self._offer_when_closed = False  # the profile, once the first stress meter has gone
        self._day: WindowSlot[DayRatingDialog] = WindowSlot(self)

    @property
    def dialog(self) -> CheckInDialog | None:
        return self._meter.window

    @property
    def day_dialog(self) -> DayRatingDialog | None:
        return self._day.window

    @property
    def values_dialog(self) -> ValuesDialog | None:
        return self._values.window

    @property
    def profile_dialog(self) -> ProfileDialog | None:
        return self._profile.window

    def open(self, origin: CheckInOrigin, activate: bool, place: QRect | None = None) -> None:
        """The stress meter; one that is open already comes forward only when `activate`.
        A new one opens centred on `place` (on screen), when given, else where the window
        manager puts it."""
        def show(dialog: CheckInDialog) -> None:
            if place is not None:
                centre_on(dialog, place)
            dialog.open_for(activate)

        self._meter.open(lambda: self._make_meter(origin), show=show, forward=activate)

    def open_by_hand(self) -> None:
        self.open(CheckInOrigin.MANUAL, activate=True)

    def ask_as_scheduled(self) -> None:
        """The schedule's stress meter: it comes quietly, without taking the keyboard."""
        if self.dialog is not None:
            return
        self.open(CheckInOrigin.SCHEDULED, activate=False)
        self._notifier.notify(self.tr("Stress meter"),
                              self.tr("Three short questions: how are you, really?"))

    def _make_meter(self, origin: CheckInOrigin) -> CheckInDialog:
        from stressbreak.ui.checkin import CheckInDialog  # noqa: PLC0415

        ask_day = self._ask_day_ratings()
        if ask_day:
            # Skipped or answered, they are offered once a day (Prefs keeps the day).
            self._choices.save(
                self._choices.prefs.offered_day_ratings(self._clock.now().date()))
        dialog = CheckInDialog(self._choices.prefs.values, self._trigger_suggestions(),
                               ask_day=ask_day)
        dialog.values_requested.connect(self.open_values)
        dialog.saved.connect(lambda answers: self._on_saved(origin, answers))
        # Done once saved or dismissed: after Save it still thanks the user for a moment, and
        # a stress meter asked for meanwhile is a new one (its `finished` comes too late).
        dialog.saved.connect(lambda _answers: self._meter.forget())
        dialog.dismissed.connect(self._meter.forget)
        # "Not now" on the questions keeps the day ratings already given: they were offered
        # once today and will not be asked again.
        dialog.day_left.connect(self._keep_day)
        dialog.finished.connect(self._on_meter_closed)
        return dialog

    def _keep_day(self, day: DayAnswers) -> None:
        # The step is offered only while today is unrated, and starts open: all left open is
        # a skip, nothing to keep (and not a clearing of a rating given meanwhile from the
        # menu); the day can still be rated later.
        if day.given:
            self._records.add(DayRating(self._clock.now(), day.sleep, day.energy, day.focus))

    def _on_meter_closed(self) -> None:
        # A stress meter opened during the first one's thank-you is answered first.
        if self._offer_when_closed and self.dialog is None:
            self._offer_when_closed = False
            QTimer.singleShot(0, self._offer_profile)

    def _on_saved(self, origin: CheckInOrigin, answers: Answers) -> None:
        self.saved.emit(self._clock.now(), answers.tension)
        if not self._choices.prefs.profile_offered:
            # Offered once, after the first stress meter: the user is already reflecting. Not
            # over its thank-you: once that window has gone.
            self._choices.save(self._choices.prefs.offered_profile())
            self._offer_when_closed = True
        self._records.add(
            CheckIn(
                at=self._clock.now(),
                origin=origin,
                breathing=answers.chips.get("breathing", ()),
                breathing_note=answers.notes.get("breathing", ""),
                body=answers.chips.get("body", ()),
                body_note=answers.notes.get("body", ""),
                need=answers.chips.get("need", ()),
                need_note=answers.notes.get("need", ""),
                tension=answers.tension,
                signals=answers.chips.get("signals", ()),
                trigger=answers.trigger,
                next_step=answers.next_step,
            )
        )
        self._keep_day(answers.day)

    def _ask_day_ratings(self) -> bool:
        """Whether this stress meter begins with the day ratings: on in the settings, not
        offered yet today, and nothing rated today (from the tray menu, say)."""
        today = self._clock.now().date()
        return (self._settings().day_ratings
                and self._choices.prefs.day_ratings_offered != today
                and self._todays_rating() is None)

    def _todays_rating(self) -> DayRating | None:
        """Today's rating (local), if today is rated: the latest of the day counts, and one
        with all three open (cleared from the menu) leaves the day unrated."""
        now = self._clock.now()
        start = at_local(now.date(), time(0), now.tzinfo)
        try:
            records = self._records.journal.records_between(start, start + timedelta(days=1))
        except JournalError:
            return None  # the stress meter and the ratings work without it
        ratings = [r for r in records if isinstance(r, DayRating)]  # oldest first
        return ratings[-1] if ratings and not ratings[-1].empty else None

    def open_day_rating(self) -> None:
        """The day ratings alone (the tray menu's "Sleep, energy and focus…"), with today's if
        given."""
        self._day.open(self._make_day_rating, show=lambda dialog: dialog.open_for_user())

    def _make_day_rating(self) -> DayRatingDialog:
        from stressbreak.ui.day_rating import DayAnswers, DayRatingDialog  # noqa: PLC0415

        rated = self._todays_rating()
        start = None if rated is None else DayAnswers(rated.sleep, rated.energy, rated.focus)
        dialog = DayRatingDialog(start)
        dialog.saved.connect(lambda answers: self._on_day_rated(start, answers))
        dialog.finished.connect(self._day.forget)
        return dialog

    def _on_day_rated(self, before: DayAnswers | None, answers: DayAnswers) -> None:
        # A change is a new record, and the latest of the day counts (the journal only ever
        # adds): all three cleared after a rating is kept too, as a rating with none given,
        # so the day is unrated again. Unchanged, or nothing given on an unrated day: nothing.
        if answers != before and (answers.given or before is not None):
            self._records.add(
                DayRating(self._clock.now(), answers.sleep, answers.energy, answers.focus))

    def _trigger_suggestions(self) -> list[str]:
        now = self._clock.now()
        try:
            records = self._records.journal.records_between(now - _TRIGGER_HISTORY, now)
        except JournalError:
            return []  # only suggestions: the stress meter works without them
        # Here, not at the top: the statistics are for the stress meter and the overview, and
        # the tray app sitting idle needs none of them.
        from stressbreak.core.stats import frequent_triggers  # noqa: PLC0415

        return frequent_triggers(r for r in records if isinstance(r, CheckIn))

    def open_values(self) -> None:
        self._values.open(self._make_values)

    def _make_values(self) -> ValuesDialog:
        from stressbreak.ui.values_dialog import ValuesDialog  # noqa: PLC0415

        # Above the stress meter when it asked for it (that one stays on top).
        dialog = ValuesDialog(self._choices.prefs.values, parent=self.dialog)
        dialog.saved.connect(self._on_values_saved)
        dialog.finished.connect(self._values.forget)
        return dialog

    def _on_values_saved(self, values: list[str]) -> None:
        saved = self._choices.save(self._choices.prefs.with_values(values))
        if saved and self.dialog is not None:
            self.dialog.set_values(self._choices.prefs.values)

    def _offer_profile(self) -> None:
        from stressbreak.ui.profile_dialog import ProfileDialog  # noqa: PLC0415

        if ProfileDialog.offer():
            self.open_profile()

    def open_profile(self) -> None:
        self._profile.open(self._make_profile)

    def _make_profile(self) -> ProfileDialog:
        from stressbreak.ui.profile_dialog import ProfileDialog  # noqa: PLC0415

        dialog = ProfileDialog(self._choices.prefs.profile_scores or None)
        dialog.completed.connect(
            lambda scores: self._choices.save(self._choices.prefs.with_profile(scores)))
        dialog.finished.connect(self._profile.forget)
        return dialog
