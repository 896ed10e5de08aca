"""When the next micro-pause, stress-meter check-in and evening minute are due: pure rules.

The app keeps one ScheduleState; every event (a pause ended, a reminder skipped, missed or
snoozed, reminders paused) makes a new state, and the next due time is computed from it and
`now`. Because there is only ever *one* next time, a laptop that wakes after hours gets at most
one reminder, never a burst of the ones it slept through.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta

from stressbreak.core.settings import Settings
from stressbreak.core.timeutil import add_real, at_local

# Looking further than a week ahead only happens with no working days at all.
_DAYS_AHEAD = 8
# A scheduled stress meter this soon after one the user already answered would be nagging.
RECENT_CHECKIN = timedelta(minutes=45)
# After a tense check-in, one extra pause is offered this much later.
FOLLOWUP_DELAY = timedelta(minutes=20)


@dataclass(frozen=True)
class ScheduleState:
    anchor: datetime  # the interval counts from here: the last pause, skip, miss or app start
    snoozed_until: datetime | None = None
    quiet_until: datetime | None = None
    last_checkin: datetime | None = None  # the last stress meter the user answered
    followup_at: datetime | None = None  # one extra pause offered after a tense check-in
    wind_down_day: date | None = None  # the last evening whose wind-down minute came
    wind_down_snoozed_until: datetime | None = None  # the user asked for it a little later

    def restart_interval(self, now: datetime) -> ScheduleState:
        """A pause happened (or was skipped, or missed): count the next interval from now.

        That also answers a pending follow-up: it is offered once, never repeated.
        """
        return replace(self, anchor=now, snoozed_until=None, followup_at=None)

    def snooze(self, now: datetime, settings: Settings) -> ScheduleState:
        """Later, once: a snoozed follow-up becomes an ordinary snoozed reminder."""
        return replace(self, snoozed_until=add_real(now, timedelta(minutes=settings.snooze_min)),
                       followup_at=None)

    def quiet_for(self, now: datetime, minutes: int) -> ScheduleState:
        return replace(self, quiet_until=add_real(now, timedelta(minutes=minutes)))

    def quiet_until_tomorrow(self, now: datetime) -> ScheduleState:
        midnight = at_local(now.date() + timedelta(days=1), time(0, 0), now.tzinfo)
        return replace(self, quiet_until=midnight)

    def checked_in(
        self, now: datetime, tension: int | None, settings: Settings
    ) -> ScheduleState:
        """A stress meter was answered; a tense one (at or above the threshold) offers one
        extra pause a little later, unless one is already on its way."""
        state = replace(self, last_checkin=now)
        tense = tension is not None and tension >= settings.followup_tension
        if settings.followup_enabled and tense and self.followup_at is None:
            state = replace(state, followup_at=add_real(now, FOLLOWUP_DELAY))
        return state

    def is_followup_day(self, now: datetime) -> bool:
        """The follow-up was offered for today (one from an earlier day has lapsed)."""
        return (self.followup_at is not None
                and self.followup_at.astimezone(now.tzinfo).date() == now.date())

    def is_followup_due(self, now: datetime) -> bool:
        """The offered extra pause is due now (an offer from an earlier day has lapsed)."""
        return (
            self.followup_at is not None
            and _utc(now) >= _utc(self.followup_at)
            and now.date() == self.followup_at.astimezone(now.tzinfo).date()
        )

    def wind_down_came(self, day: date) -> ScheduleState:
        """The evening minute of `day` came (offered, or let pass because the moment did
        not allow it): that evening it never comes again, whatever the clock does. A snoozed
        minute belongs to the evening it was snoozed on, even when it comes after midnight."""
        if self.wind_down_snoozed_until is not None and self.wind_down_day is not None:
            day = self.wind_down_day
        return replace(self, wind_down_day=day, wind_down_snoozed_until=None)

    def snooze_wind_down(self, now: datetime, settings: Settings) -> ScheduleState:
        """The user asked for the evening minute a little later: once, as with a pause."""
        return replace(self, wind_down_snoozed_until=add_real(
            now, timedelta(minutes=settings.snooze_min)))

    def resume(self) -> ScheduleState:
        return replace(self, quiet_until=None)

    def is_quiet(self, now: datetime) -> bool:
        return self.quiet_until is not None and _utc(now) < _utc(self.quiet_until)


def next_pause_at(settings: Settings, state: ScheduleState, now: datetime) -> datetime | None:
    """The moment the next pause reminder is due, or None when no working day is set.

    A due time in the past (the computer slept, the clock jumped) means "now", once.
    """
    interval = timedelta(minutes=settings.interval_min)
    tz = now.tzinfo
    # A clock set back leaves the anchor in the future: the interval then counts from now.
    anchor = min(_utc(state.anchor), _utc(now))
    snoozed = state.snoozed_until
    candidate = _utc(snoozed) if snoozed is not None else anchor + interval
    if state.followup_at is not None and state.is_followup_day(now):
        candidate = min(candidate, _utc(state.followup_at))
    if state.quiet_until is not None:
        candidate = max(candidate, _utc(state.quiet_until))
    # Overdue since before today's work began (the laptop slept overnight): today's first
    # pause comes one interval into the day, not the moment work starts.
    day_start = at_local(now.date(), settings.work_start, tz)
    if candidate < _utc(now) and candidate < _utc(day_start):
        candidate = _utc(add_real(day_start, interval))
    # Local times of the user's zone (records read back carry a fixed offset, which would
    # put later days an hour off across a DST change).
    return _within_working_hours(settings, max(candidate, _utc(now)).astimezone(tz))


def _within_working_hours(settings: Settings, t: datetime) -> datetime | None:
    """`t` itself when it falls in working hours; else the first pause of the next work period.

    A work period's first pause comes one interval after it starts: nobody needs a break at 09:00.
    """
    interval = timedelta(minutes=settings.interval_min)
    tz = t.tzinfo
    for offset in range(_DAYS_AHEAD):
        day = t.date() + timedelta(days=offset)
        if day.weekday() not in settings.work_days:
            continue
        start = at_local(day, settings.work_start, tz)
        end = at_local(day, settings.work_end, tz)
        if offset == 0 and start <= t < end:
            return t
        if offset == 0 and t >= end:
            continue
        first = add_real(start, interval)
        if first < end:
            return first
    return None


def next_checkin_at(settings: Settings, after: datetime) -> datetime | None:
    """The first check-in time strictly after `after`, on a working day."""
    if not settings.checkin_times:
        return None
    tz = after.tzinfo
    for offset in range(_DAYS_AHEAD):
        day = after.date() + timedelta(days=offset)
        if day.weekday() not in settings.work_days:
            continue
        for wall in settings.checkin_times:
            slot = at_local(day, wall, tz)
            # In UTC: in the repeated autumn hour the wall clock shows the slot twice, and
            # the first one, already past, would come back (and fire) at every wake-up.
            if _utc(slot) > _utc(after):
                return slot
    return None


def checkin_wanted(state: ScheduleState, slot: datetime, now: datetime) -> bool:
    """Whether a scheduled stress meter that comes due at `now` should be asked.

    One that fires late (after sleep) is still asked the same day, never the next; none is
    asked during a quiet period or right after the user answered one (say, after a pause).
    """
    if now.date() != slot.astimezone(now.tzinfo).date() or state.is_quiet(now):
        return False
    return state.last_checkin is None or _utc(now) - _utc(state.last_checkin) >= RECENT_CHECKIN


def next_wind_down_at(
    settings: Settings, state: ScheduleState, now: datetime
) -> datetime | None:
    """When the evening wind-down minute comes next, or None while it is off.

    Every day of the week, at `wind_down_at`, strictly after `now`; never on an evening it
    already came (a clock set back does not bring it twice). A quiet period that ends the same
    evening moves it to the end of the quiet; one that lasts into the next day lets that
    evening pass.
    """
    if not settings.wind_down:
        return None
    if state.wind_down_snoozed_until is not None:
        return state.wind_down_snoozed_until
    tz = now.tzinfo
    # Three days: today may have come already, and a quiet period may take tomorrow.
    for offset in range(3):
        day = now.date() + timedelta(days=offset)
        if day == state.wind_down_day:
            continue
        slot = at_local(day, settings.wind_down_at, tz)
        quiet = state.quiet_until
        if quiet is not None and _utc(quiet) > _utc(slot):
            if quiet.astimezone(tz).date() != day:
                continue
            slot = quiet.astimezone(tz)
        if _utc(slot) > _utc(now):
            return slot
    return None


def wind_down_wanted(state: ScheduleState, slot: datetime, now: datetime) -> bool:
    """Whether an evening minute that comes due at `now` (scheduled for `slot`) is offered.

    Like a stress meter: one that fires late (after sleep, a clock jump) is still offered the
    same day, never the next; not during a quiet period; and once an evening, unless the user
    snoozed it.
    """
    if state.is_quiet(now):
        return False
    if state.wind_down_snoozed_until is not None and state.wind_down_day is not None:
        # Snoozed: still that evening's, so not after midnight.
        return now.date() == state.wind_down_day
    day = slot.astimezone(now.tzinfo).date()
    return now.date() == day and state.wind_down_day != day


def _utc(when: datetime) -> datetime:
    """Compare and subtract in UTC: Python does both by wall clock for times in one zone."""
    return when.astimezone(UTC)


def in_working_hours(settings: Settings, now: datetime) -> bool:
    return _within_working_hours(settings, now) == now
