from __future__ import annotations

import logging
import threading

import pytest

from stressbreak.services.notify import Notifier


def _wait_for_threads() -> None:
    for thread in threading.enumerate():
        if thread is not threading.current_thread() and thread.daemon:
            thread.join(timeout=5)


def test_a_broken_backend_is_logged_once_and_breaks_nothing(monkeypatch, caplog):
    from plyer import notification

    calls: list[str] = []

    def broken(**kwargs: object) -> None:
        calls.append(str(kwargs["title"]))
        raise NotImplementedError("No usable implementation found!")

    monkeypatch.setattr(notification, "notify", broken)
    notifier = Notifier("StressBreak", enabled=True)
    with caplog.at_level(logging.WARNING, logger="stressbreak.services.notify"):
        for title in ("one", "two", "three"):
            notifier.notify(title, "message")
            _wait_for_threads()
    assert calls == ["one"]  # after the first failure the channel stays quiet
    warnings = [r for r in caplog.records if "unavailable" in r.getMessage()]
    assert len(warnings) == 1
    assert "own reminder window" in warnings[0].getMessage()


@pytest.mark.parametrize("enabled", [True, False])
def test_enabled_setting_is_respected(monkeypatch, enabled: bool):
    from plyer import notification

    sent: list[dict[str, object]] = []
    monkeypatch.setattr(notification, "notify", lambda **kwargs: sent.append(kwargs))
    Notifier("StressBreak", enabled=enabled).notify("Time for a pause", "body")
    _wait_for_threads()
    assert len(sent) == (1 if enabled else 0)
    if enabled:
        assert sent[0]["title"] == "Time for a pause"
        assert sent[0]["app_name"] == "StressBreak"
