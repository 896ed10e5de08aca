"""Schedule rules with a fake clock: no test waits for real time."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from stressbreak.core.schedule import (
    ScheduleState,
    checkin_wanted,
    in_working_hours,
    next_checkin_at,
    next_pause_at,
    next_wind_down_at,
    wind_down_wanted,
)
from stressbreak.core.settings import Settings
from tests.fakes import FakeClock

AMS = ZoneInfo("Europe/Amsterdam")
NY = ZoneInfo("America/New_York")
DEFAULT = Settings()


def ams(y: int, mo: int, d: int, h: int, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=AMS)


# 2026-11-23 is a Monday.
MON = (2026, 11, 23)
FRI = (2026, 11, 27)
SAT = (2026, 11, 28)


def test_next_pause_is_one_interval_after_the_anchor():
    now = ams(*MON, 10, 15)
    state = ScheduleState(anchor=now)
    assert next_pause_at(DEFAULT, state, now) == ams(*MON, 11, 15)


def test_before_work_the_first_pause_is_one_interval_after_the_start():
    now = ams(*MON, 7, 50)
    assert next_pause_at(DEFAULT, ScheduleState(anchor=now), now) == ams(*MON, 10, 0)


def test_a_pause_due_exactly_at_work_end_moves_to_the_next_working_day():
    anchor = ams(*MON, 16, 30)
    # 17:30 is the end of work: not inside; Tuesday starts 09:00, first pause 10:00.
    assert next_pause_at(DEFAULT, ScheduleState(anchor=anchor), anchor) == ams(2026, 11, 24, 10)


def test_a_pause_due_one_minute_before_the_end_still_comes():
    anchor = ams(*MON, 16, 29)
    assert next_pause_at(DEFAULT, ScheduleState(anchor=anchor), anchor) == ams(*MON, 17, 29)


def test_friday_evening_skips_the_weekend():
    now = ams(*FRI, 17, 0)
    assert next_pause_at(DEFAULT, ScheduleState(anchor=now), now) == ams(2026, 11, 30, 10)


def test_weekend_is_quiet_unless_it_is_a_working_day():
    now = ams(*SAT, 11, 0)
    assert next_pause_at(DEFAULT, ScheduleState(anchor=now), now) == ams(2026, 11, 30, 10)
    weekend_worker = Settings(work_days=(5, 6))
    assert next_pause_at(weekend_worker, ScheduleState(anchor=now), now) == ams(*SAT, 12, 0)


def test_no_working_days_means_no_pause():
    now = ams(*MON, 10)
    assert next_pause_at(Settings(work_days=()), ScheduleState(anchor=now), now) is None


def test_snooze_overrides_the_interval():
    clock = FakeClock(ams(*MON, 11, 0))
    state = ScheduleState(anchor=ams(*MON, 10, 0)).snooze(clock.now(), DEFAULT)
    assert next_pause_at(DEFAULT, state, clock.now()) == ams(*MON, 11, 5)
    # After the snoozed reminder leads to a pause, the interval counts from then again.
    clock.advance(timedelta(minutes=7))
    state = state.restart_interval(clock.now())
    assert state.snoozed_until is None
    assert next_pause_at(DEFAULT, state, clock.now()) == ams(*MON, 12, 7)


@pytest.mark.parametrize("minutes", [30, 60])
def test_pause_reminders_for_a_while(minutes: int):
    now = ams(*MON, 10, 50)
    state = ScheduleState(anchor=ams(*MON, 10, 0)).quiet_for(now, minutes)
    assert state.is_quiet(now)
    assert next_pause_at(DEFAULT, state, now) == now + timedelta(minutes=minutes)
    assert not state.is_quiet(now + timedelta(minutes=minutes))


def test_quiet_period_shorter_than_the_interval_changes_nothing():
    now = ams(*MON, 10, 0)
    state = ScheduleState(anchor=now).quiet_for(now, 30)
    assert next_pause_at(DEFAULT, state, now) == ams(*MON, 11, 0)


def test_until_tomorrow_and_resume():
    now = ams(*MON, 14, 0)
    state = ScheduleState(anchor=now).quiet_until_tomorrow(now)
    assert state.quiet_until == ams(2026, 11, 24, 0, 0)
    assert next_pause_at(DEFAULT, state, now) == ams(2026, 11, 24, 10, 0)
    assert next_pause_at(DEFAULT, state.resume(), now) == ams(*MON, 15, 0)


def test_waking_after_eight_hours_asleep_gives_one_reminder_now():
    clock = FakeClock(ams(*MON, 9, 30))
    state = ScheduleState(anchor=clock.now())
    clock.advance(timedelta(hours=8))  # 17:30 - the laptop slept through 7 reminders
    now = clock.now()
    assert next_pause_at(DEFAULT, state, now) == ams(2026, 11, 24, 10, 0)  # after hours: none
    clock.set(ams(*MON, 15, 0))  # woke during work instead
    due = next_pause_at(DEFAULT, state, clock.now())
    assert due == clock.now()  # exactly one, now, not one per missed interval
    after = state.restart_interval(clock.now())
    assert next_pause_at(DEFAULT, after, clock.now()) == ams(*MON, 16, 0)


def test_interval_is_real_time_across_the_dst_change_in_amsterdam():
    # 2026-03-29: 02:00 becomes 03:00 in Europe/Amsterdam.
    always = Settings(work_days=tuple(range(7)), work_start=time(0, 0), work_end=time(23, 59))
    anchor = datetime(2026, 3, 29, 1, 30, tzinfo=AMS)
    due = next_pause_at(always, ScheduleState(anchor=anchor), anchor)
    assert due is not None
    assert due.astimezone(AMS).hour == 3 and due.minute == 30
    # Python subtracts same-zone times by wall clock; elapsed time needs UTC.
    assert due.astimezone(UTC) - anchor.astimezone(UTC) == timedelta(hours=1)


def test_working_hours_are_wall_clock_on_a_dst_day():
    # Sunday 2026-10-25 the clocks go back; the first pause is still 10:00 local on Monday.
    sunday = datetime(2026, 10, 25, 12, 0, tzinfo=AMS)
    due = next_pause_at(DEFAULT, ScheduleState(anchor=sunday), sunday)
    assert due == datetime(2026, 10, 26, 10, 0, tzinfo=AMS)
    assert due.utcoffset() == timedelta(hours=1)


def test_new_york_dst_day_work_start():
    monday = datetime(2026, 3, 9, 7, 0, tzinfo=NY)  # the day after US DST started
    due = next_pause_at(DEFAULT, ScheduleState(anchor=monday), monday)
    assert due == datetime(2026, 3, 9, 10, 0, tzinfo=NY)


def test_in_working_hours():
    assert in_working_hours(DEFAULT, ams(*MON, 9, 0))
    assert not in_working_hours(DEFAULT, ams(*MON, 8, 59))
    assert not in_working_hours(DEFAULT, ams(*MON, 17, 30))
    assert not in_working_hours(DEFAULT, ams(*SAT, 12, 0))


def test_checkins_three_times_a_working_day():
    now = ams(*MON, 8, 0)
    first = next_checkin_at(DEFAULT, now)
    assert first == ams(*MON, 10, 30)
    second = next_checkin_at(DEFAULT, first)
    assert second == ams(*MON, 13, 30)
    third = next_checkin_at(DEFAULT, second)
    assert third == ams(*MON, 16, 0)
    assert next_checkin_at(DEFAULT, third) == ams(2026, 11, 24, 10, 30)
    assert next_checkin_at(DEFAULT, ams(*FRI, 16, 0)) == ams(2026, 11, 30, 10, 30)


def test_no_checkin_times_means_none():
    assert next_checkin_at(Settings(checkin_times=()), ams(*MON, 8)) is None


def test_a_late_checkin_is_asked_the_same_day_only():
    slot = ams(*MON, 16, 0)
    state = ScheduleState(anchor=ams(*MON, 9, 0))
    assert checkin_wanted(state, slot, ams(*MON, 21, 0))
    assert not checkin_wanted(state, slot, ams(2026, 11, 24, 8, 0))


def test_no_checkin_right_after_one_or_while_quiet():
    slot = ams(*MON, 10, 30)
    answered = ScheduleState(anchor=ams(*MON, 9, 0)).checked_in(ams(*MON, 10, 0), None, DEFAULT)
    assert not checkin_wanted(answered, slot, slot)
    assert checkin_wanted(answered, slot, ams(*MON, 10, 45))  # 45 minutes later it is fine
    quiet = ScheduleState(anchor=ams(*MON, 9, 0)).quiet_for(ams(*MON, 10, 0), 60)
    assert not checkin_wanted(quiet, slot, slot)


def test_fake_clock_needs_an_aware_time():
    with pytest.raises(ValueError, match="timezone-aware"):
        FakeClock(datetime(2026, 1, 1))  # noqa: DTZ001


def test_a_tense_checkin_offers_one_extra_pause_in_twenty_minutes():
    clock = FakeClock(ams(*MON, 10, 30))
    state = ScheduleState(anchor=ams(*MON, 10, 0))
    calm = state.checked_in(clock.now(), tension=6, settings=DEFAULT)
    assert next_pause_at(DEFAULT, calm, clock.now()) == ams(*MON, 11, 0)
    tense = state.checked_in(clock.now(), tension=7, settings=DEFAULT)
    assert next_pause_at(DEFAULT, tense, clock.now()) == ams(*MON, 10, 50)
    # A second tense check-in does not push or add another follow-up.
    clock.advance(timedelta(minutes=10))
    again = tense.checked_in(clock.now(), tension=9, settings=DEFAULT)
    assert again.followup_at == ams(*MON, 10, 50)
    clock.advance(timedelta(minutes=10))
    assert again.is_followup_due(clock.now())
    # Taken (or skipped, or missed): it was offered once, the normal interval goes on.
    after = again.restart_interval(clock.now())
    assert after.followup_at is None
    assert next_pause_at(DEFAULT, after, clock.now()) == ams(*MON, 11, 50)


def test_followup_threshold_and_switch_come_from_settings():
    now = ams(*MON, 10, 30)
    state = ScheduleState(anchor=ams(*MON, 10, 0))
    assert state.checked_in(now, 4, Settings(followup_tension=4)).followup_at is not None
    assert state.checked_in(now, 9, Settings(followup_enabled=False)).followup_at is None
    assert state.checked_in(now, None, DEFAULT).followup_at is None


def test_followup_waits_for_quiet_and_working_hours():
    now = ams(*MON, 17, 20)
    tense = ScheduleState(anchor=now).checked_in(now, 8, DEFAULT)
    # 17:40 is after work: the next pause is tomorrow's first, not a late-evening one.
    assert next_pause_at(DEFAULT, tense, now) == ams(2026, 11, 24, 10, 0)
    quiet = ScheduleState(anchor=ams(*MON, 10, 0)).checked_in(ams(*MON, 10, 30), 8, DEFAULT)
    quiet = quiet.quiet_for(ams(*MON, 10, 30), 30)
    assert next_pause_at(DEFAULT, quiet, ams(*MON, 10, 30)) == ams(*MON, 11, 0)


def test_an_unused_followup_lapses_overnight():
    now = ams(*MON, 17, 20)
    tense = ScheduleState(anchor=now).checked_in(now, 8, DEFAULT)
    tuesday = ams(2026, 11, 24, 10, 0)
    assert not tense.is_followup_due(tuesday)
    assert next_pause_at(DEFAULT, tense, tuesday) == tuesday  # the ordinary first pause


def test_a_snoozed_followup_comes_back_after_the_snooze_not_at_once():
    now = ams(*MON, 10, 50)
    tense = ScheduleState(anchor=ams(*MON, 10, 0)).checked_in(ams(*MON, 10, 30), 8, DEFAULT)
    assert tense.is_followup_due(now)
    snoozed = tense.snooze(now, DEFAULT)
    assert next_pause_at(DEFAULT, snoozed, now) == ams(*MON, 10, 55)


def test_overdue_since_last_night_gives_the_first_pause_one_interval_into_the_day():
    # Suspended at 17:00 with a pause due at 17:20; woken at 09:01 the next morning.
    state = ScheduleState(anchor=ams(*MON, 16, 20))
    assert next_pause_at(DEFAULT, state, ams(2026, 11, 24, 9, 1)) == ams(2026, 11, 24, 10, 0)
    assert next_pause_at(DEFAULT, state, ams(2026, 11, 24, 7, 0)) == ams(2026, 11, 24, 10, 0)
    # Woken in the afternoon instead: one reminder now.
    afternoon = ams(2026, 11, 24, 15, 0)
    assert next_pause_at(DEFAULT, state, afternoon) == afternoon


def test_a_clock_set_back_does_not_delay_the_next_pause():
    now = ams(*MON, 10, 0)
    future_anchor = ScheduleState(anchor=now + timedelta(hours=3))  # from before the jump
    assert next_pause_at(DEFAULT, future_anchor, now) == ams(*MON, 11, 0)


def test_an_anchor_read_back_with_a_fixed_offset_still_gives_local_times_after_dst():
    # The journal gives times with a fixed +01:00 offset; on Monday Amsterdam is at +02:00.
    friday = datetime.fromisoformat("2026-03-27T17:00:00+01:00")
    friday_evening = datetime(2026, 3, 27, 17, 10, tzinfo=AMS)  # work ends before 18:00
    due = next_pause_at(DEFAULT, ScheduleState(anchor=friday), friday_evening)
    assert due == datetime(2026, 3, 30, 10, 0, tzinfo=AMS)
    assert due.utcoffset() == timedelta(hours=2)


# --- the evening wind-down minute ------------------------------------------------------------

EVENING = Settings(wind_down=True, wind_down_at=time(21, 30))


def test_the_evening_minute_is_off_by_default():
    now = ams(*MON, 20, 0)
    assert next_wind_down_at(DEFAULT, ScheduleState(anchor=now), now) is None


def test_the_evening_minute_comes_every_evening_weekends_too():
    state = ScheduleState(anchor=ams(*MON, 9))
    assert next_wind_down_at(EVENING, state, ams(*MON, 10)) == ams(*MON, 21, 30)
    assert next_wind_down_at(EVENING, state, ams(*SAT, 22)) == ams(2026, 11, 29, 21, 30)


def test_the_evening_minute_comes_once_an_evening_even_when_the_clock_goes_back():
    slot = ams(*MON, 21, 30)
    state = ScheduleState(anchor=ams(*MON, 9))
    assert wind_down_wanted(state, slot, slot)
    state = state.wind_down_came(slot.date())
    assert not wind_down_wanted(state, slot, slot + timedelta(minutes=1))
    # The clock set back an hour after it came: not today again, tomorrow as usual.
    assert next_wind_down_at(EVENING, state, ams(*MON, 20, 30)) == ams(2026, 11, 24, 21, 30)


def test_a_late_evening_minute_is_offered_the_same_day_only():
    slot = ams(*MON, 21, 30)
    state = ScheduleState(anchor=ams(*MON, 9))
    assert wind_down_wanted(state, slot, ams(*MON, 23, 50))  # the laptop woke late
    assert not wind_down_wanted(state, slot, ams(2026, 11, 24, 7, 0))  # not at breakfast


def test_a_snoozed_evening_minute_comes_back_once():
    slot = ams(*MON, 21, 30)
    state = ScheduleState(anchor=ams(*MON, 9)).wind_down_came(slot.date())
    state = state.snooze_wind_down(slot, EVENING)
    later = slot + timedelta(minutes=EVENING.snooze_min)
    assert next_wind_down_at(EVENING, state, slot) == later
    assert wind_down_wanted(state, later, later)
    state = state.wind_down_came(later.date())
    assert next_wind_down_at(EVENING, state, later) == ams(2026, 11, 24, 21, 30)


def test_quiet_moves_the_evening_minute_to_its_end_or_lets_the_evening_pass():
    state = ScheduleState(anchor=ams(*MON, 9)).quiet_for(ams(*MON, 21, 0), 60)
    assert next_wind_down_at(EVENING, state, ams(*MON, 21, 0)) == ams(*MON, 22, 0)
    assert not wind_down_wanted(state, ams(*MON, 21, 30), ams(*MON, 21, 30))
    tomorrow = ScheduleState(anchor=ams(*MON, 9)).quiet_until_tomorrow(ams(*MON, 20, 0))
    assert next_wind_down_at(EVENING, tomorrow, ams(*MON, 20, 0)) == ams(2026, 11, 24, 21, 30)


def test_the_evening_minute_keeps_its_wall_clock_time_across_dst():
    # 2026-10-25: clocks go back in Amsterdam; the minute stays at 21:30 local time.
    state = ScheduleState(anchor=ams(2026, 10, 24, 9))
    state = state.wind_down_came(date(2026, 10, 24))
    assert next_wind_down_at(EVENING, state, ams(2026, 10, 24, 22)) == ams(2026, 10, 25, 21, 30)
