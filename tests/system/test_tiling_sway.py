"""On a real tiling compositor (headless sway 1.7), the pause, the stress meter and a dialog open
floating at their own size, and their titles name the app once (issue 16, item 6).

sway refuses to run as root, so it runs as the unprivileged user `.ci/run` also uses, with its
own runtime folder. The app runs as this test's user with `QT_QPA_PLATFORM=wayland` and reaches
sway's socket by its full path (root may open any socket; the app's own runtime folder stays
its own). `swaymsg -t get_tree` then says which windows float.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.system.sway import APP_NAME, App, Sway, start_app, sway_fixture, wait_for

sway = sway_fixture()


@pytest.fixture
def app(sway: Sway, tmp_path: Path) -> Iterator[App]:
    with start_app(sway, tmp_path) as started:
        yield started


def _ours(sway: Sway, app: App) -> dict[str, tuple[dict[str, Any], bool]]:
    """The app's windows by title (the title bar's text: title and display name)."""
    return {node["name"]: (node, floating) for node, floating in sway.windows(app.process.pid)
            if node.get("name")}


def _shown(sway: Sway, app: App, title: str) -> tuple[dict[str, Any], bool]:
    found: tuple[dict[str, Any], bool] = wait_for(
        f"window {title!r} in sway's tree",
        lambda: _ours(sway, app).get(title),
        lambda: sway.ended() or app.ended())
    return found


def test_the_stress_meter_a_dialog_and_the_pause_float_at_their_own_size(sway, app):
    app.send("checkin")
    meter, floating = _shown(sway, app, f"Stress meter — {APP_NAME}")
    assert floating, "the stress meter was tiled"
    app.send("settings")
    settings, floating = _shown(sway, app, f"Settings — {APP_NAME}")
    assert floating, "the settings dialog was tiled"
    app.send("pause")
    pause, floating = wait_for(
        "the pause in sway's tree",
        lambda: next((found for title, found in _ours(sway, app).items()
                      if title.startswith("A minute ")), None),
        lambda: sway.ended() or app.ended())
    assert floating, "the pause was tiled"
    screen = sway.tree()["rect"]
    for window in (meter, settings, pause):
        # At its own size: well inside the 1280×720 output, not a tile of it.
        rect = window["rect"]
        assert rect["width"] < screen["width"] * 0.8 and rect["height"] < screen["height"], (
            window["name"], rect)
    for title in _ours(sway, app):
        assert title.count(APP_NAME) == 1, title
