"""Render the app icon for every platform from stressbreak/assets/icons/*.svg.

    python packaging/make_icons.py          # rewrites packaging/icons/

Writes (and the results are committed, so Flatpak, Inno Setup and macOS builds need no Qt to
draw them):
  icons/hicolor/scalable/apps/org.stressbreak.StressBreak.svg            the colour artwork
  icons/hicolor/symbolic/apps/org.stressbreak.StressBreak-symbolic.svg   one-colour variant
  icons/hicolor/<N>x<N>/apps/org.stressbreak.StressBreak.png             N = 16 ... 512
  icons/stressbreak.ico      Windows: 16, 24, 32, 48, 64, 128, 256 (PNG-compressed entries)
  icons/StressBreak.icns     macOS: 16 ... 1024, @1x and @2x (PNG entries)
and, for the app itself, stressbreak/assets/icons/png/<name>-<N>.png: the tray and window
icons in the sizes panels ask for (@1x and @2x). The running app draws its icons from these,
so it never loads Qt's SVG icon engine while it sits in the tray (about 1.4 MB of resident
memory; benchmarks/ measures it).

Drawn with Qt's own SVG renderer (QSvgRenderer, offscreen), the one that draws the tray icon,
so nothing else (rsvg, ImageMagick, iconutil, Pillow) is needed. ICO and ICNS are written here
byte by byte: both are a small header and a table of PNG images.
"""

from __future__ import annotations

import os
import shutil
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

APP_ID = "org.stressbreak.StressBreak"
PACKAGING = Path(__file__).resolve().parent
SOURCE = PACKAGING.parent / "stressbreak" / "assets" / "icons"
OUT = PACKAGING / "icons"
HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
APP_PNG = SOURCE / "png"
# The tray's sizes (16 ... 64) at @1x and @2x, and 128 for window icons.
APP_PNG_SIZES = (16, 22, 24, 32, 44, 48, 64, 96, 128)
APP_PNG_SOURCES = ("stressbreak", "stressbreak-quiet", "stressbreak-symbolic",
                   "stressbreak-symbolic-quiet")
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element types holding PNG data, by pixel size (Apple's "icns" format).
ICNS_TYPES = (
    (b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256),
    (b"ic09", 512), (b"ic10", 1024), (b"ic11", 32), (b"ic12", 64), (b"ic13", 256),
    (b"ic14", 512),
)


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]  # str works, bytes not
        raise RuntimeError(f"could not encode a {size}px PNG")
    return bytes(data.data())


def ico(images: dict[int, bytes]) -> bytes:
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    table, blobs = b"", b""
    for size, png in sorted(images.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory entry
        table += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + table + blobs


def icns(images: dict[int, bytes]) -> bytes:
    body = b"".join(
        kind + struct.pack(">I", 8 + len(images[size])) + images[size] for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def write_app_pngs() -> None:
    if APP_PNG.exists():
        shutil.rmtree(APP_PNG)
    APP_PNG.mkdir()
    for name in APP_PNG_SOURCES:
        source = QSvgRenderer(str(SOURCE / f"{name}.svg"))
        if not source.isValid():
            raise SystemExit(f"cannot read {SOURCE / name}.svg")
        for size in APP_PNG_SIZES:
            path = APP_PNG / f"{name}-{size}.png"
            path.write_bytes(render_png(source, size))
            print(f"{path.relative_to(PACKAGING.parent)}  {path.stat().st_size} bytes")


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SOURCE / "stressbreak.svg"))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SOURCE / 'stressbreak.svg'}")
    hicolor = OUT / "hicolor"
    if hicolor.exists():
        shutil.rmtree(hicolor)
    scalable = hicolor / "scalable" / "apps"
    symbolic = hicolor / "symbolic" / "apps"
    scalable.mkdir(parents=True)
    symbolic.mkdir(parents=True)
    shutil.copyfile(SOURCE / "stressbreak.svg", scalable / f"{APP_ID}.svg")
    shutil.copyfile(SOURCE / "stressbreak-symbolic.svg", symbolic / f"{APP_ID}-symbolic.svg")

    wanted = {*HICOLOR_SIZES, *ICO_SIZES, *(size for _kind, size in ICNS_TYPES)}
    pngs = {size: render_png(renderer, size) for size in sorted(wanted)}
    for size in HICOLOR_SIZES:
        folder = hicolor / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True)
        (folder / f"{APP_ID}.png").write_bytes(pngs[size])
    (OUT / "stressbreak.ico").write_bytes(ico({size: pngs[size] for size in ICO_SIZES}))
    (OUT / "StressBreak.icns").write_bytes(icns(pngs))
    write_app_pngs()
    for path in sorted(OUT.rglob("*")):
        if path.is_file():
            print(f"{path.relative_to(PACKAGING)}  {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
