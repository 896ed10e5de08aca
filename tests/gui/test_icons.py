"""The app's icons come from PNGs that match their SVG artwork, in every size a panel asks
for, and drawing them does not load Qt's SVG icon engine (memory held all day)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtSvg import QSvgRenderer

from stressbreak.ui.icons import PNG_DIR, PNG_SIZES, tray_icons

# packaging/ is a folder of scripts (and "packaging" is also a PyPI package's name).
_spec = importlib.util.spec_from_file_location(
    "make_icons", Path(__file__).resolve().parents[2] / "packaging" / "make_icons.py")
assert _spec is not None and _spec.loader is not None
make_icons = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_icons)
APP_PNG_SIZES, APP_PNG_SOURCES = make_icons.APP_PNG_SIZES, make_icons.APP_PNG_SOURCES
SOURCE, render_png = make_icons.SOURCE, make_icons.render_png


def test_the_app_and_the_packaging_agree_on_the_sizes() -> None:
    assert PNG_SIZES == APP_PNG_SIZES
    assert sorted(p.name for p in PNG_DIR.iterdir()) == sorted(
        f"{name}-{size}.png" for name in APP_PNG_SOURCES for size in APP_PNG_SIZES)


@pytest.mark.parametrize("name", APP_PNG_SOURCES)
def test_every_png_is_its_svg_as_rendered_today(qapp, name: str) -> None:
    """A changed SVG without `python packaging/make_icons.py` fails here."""
    renderer = QSvgRenderer(str(SOURCE / f"{name}.svg"))
    for size in APP_PNG_SIZES:
        fresh = QImage.fromData(render_png(renderer, size))
        stored = QImage(str(PNG_DIR / f"{name}-{size}.png"))
        assert stored.size() == QSize(size, size), (name, size)
        assert _largest_difference(fresh, stored) <= 2, (name, size)


def _largest_difference(a: QImage, b: QImage) -> int:
    a = a.convertToFormat(QImage.Format.Format_ARGB32)
    b = b.convertToFormat(QImage.Format.Format_ARGB32)
    worst = 0
    for y in range(a.height()):
        for x in range(a.width()):
            pa, pb = a.pixel(x, y), b.pixel(x, y)
            worst = max(worst, *(abs(((pa >> s) & 255) - ((pb >> s) & 255))
                                 for s in (0, 8, 16, 24)))
    return worst


@pytest.mark.parametrize("style", ["colour", "light", "dark"])
def test_each_tray_style_has_every_panel_size_drawn(qapp, style: str) -> None:
    for icon in tray_icons(style, sys.platform):
        for size in (16, 22, 24, 32, 48, 64):
            image = icon.pixmap(QSize(size, size)).toImage()
            assert image.size() == QSize(size, size)
            # Something is drawn, and not the whole square: the round icon on transparency.
            alphas = [image.pixelColor(x, y).alpha()
                      for y in range(size) for x in range(size)]
            assert 0 < sum(a > 128 for a in alphas) < size * size


def test_the_tray_and_window_icons_load_no_svg_engine() -> None:
    code = textwrap.dedent("""
        import json, os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtCore import QSize
        from PySide6.QtWidgets import QApplication
        from stressbreak.ui.icons import app_icon, tray_icons
        qapp = QApplication([])
        qapp.setWindowIcon(app_icon())
        for style in ("colour", "light", "dark"):
            for icon in tray_icons(style, sys.platform):
                icon.pixmap(QSize(22, 22))
        maps = open("/proc/self/maps").read()
        print(json.dumps({"svg": "libQt6Svg" in maps or "qsvgicon" in maps,
                          "drawn": not app_icon().pixmap(QSize(64, 64)).isNull()}))
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == {"svg": False, "drawn": True}
