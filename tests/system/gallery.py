"""A screenshot gallery of every StressBreak window, in English and Dutch, light and dark.

    python -m tests.system.gallery docs/screenshots/gallery

Needs Debian's xvfb, trayer, xdotool, x11-utils and imagemagick. It starts its own X display
with a tray host (see xdisplay.py) and, for each language and colour scheme, one child Python
process that shows every window in turn, with realistic content, centred on the screen, and
grabs the screen around it. The tray menu comes from the real app (light only: the app itself
chooses no palette). Everything the windows show is fixed (a seeded week, fixed moments in each
pause), so running it again gives the same pictures on the same machine.

Dark: Qt's generic X11 platform theme ignores `QStyleHints.setColorScheme()` (the scheme stays
Unknown and Fusion's palette stays light), so after asking for it the child sets Fusion's own
dark palette explicitly (the colours of Qt's `qt_fusionPalette(dark)`).

The child is this module too: `python -m tests.system.gallery --child LANG SCHEME RAW_DIR`.

Under Wayland (where sway, waybar and grim are installed, as root: see sway.py): the real app
under headless sway with waybar's tray, taken with grim, English and light only, as
`wayland-*.png`. `python -m tests.system.gallery --wayland docs/screenshots/gallery` makes
only these again.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, tzinfo
from datetime import time as clock_time
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QEventLoop, QLocale, Qt, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from stressbreak.app.heart import Heart
from stressbreak.app.your_data import build_week_view
from stressbreak.core.breathing import PATTERNS, Pattern, Phase, plan_pause
from stressbreak.core.content import BODY_SIGNALS, QUESTIONS
from stressbreak.core.exercises import BREATHING, EXERCISES, Exercise
from stressbreak.core.heart import SensorState, parse_rr_text
from stressbreak.core.helps import day_scores, what_helps
from stressbreak.core.model import (
    CheckIn,
    CheckInOrigin,
    DayRating,
    PauseHeart,
    PauseOutcome,
    PauseRecord,
    Record,
)
from stressbreak.core.over_time import OverTime, over_time
from stressbreak.core.profiles import GENERAL_TIPS
from stressbreak.core.profiles import ORDER as PROFILE_ORDER
from stressbreak.core.report import DEFAULT_WEEKS, build_report
from stressbreak.core.resonance import Recording, analyse, session_plan
from stressbreak.core.settings import Group, Settings
from stressbreak.core.sharing import ComputerSeen, FolderState, SharingStatus
from stressbreak.core.timeutil import week_start
from stressbreak.core.week_view import TREND_WEEKS, WeekView
from stressbreak.services.heart_replay import beats_by_second
from stressbreak.services.i18n import Translations, translate_message
from stressbreak.services.report_pdf import report_pdf
from stressbreak.ui.checkin import CheckInDialog
from stressbreak.ui.data_dialogs import DeleteAllDialog, ExportDialog
from stressbreak.ui.day_rating import DayAnswers, DayRatingDialog
from stressbreak.ui.first_run import FirstRunWindow
from stressbreak.ui.no_tray import NoTrayWindow
from stressbreak.ui.overview import OverviewWindow
from stressbreak.ui.pace_finder import PaceFinderWindow
from stressbreak.ui.pause_window import PauseWindow
from stressbreak.ui.profile_dialog import ProfileDialog
from stressbreak.ui.reminder import ReminderWindow
from stressbreak.ui.report_dialog import ReportDialog
from stressbreak.ui.sensor_picker import SensorPicker
from stressbreak.ui.settings_dialog import SettingsDialog
from stressbreak.ui.values_dialog import ValuesDialog
from stressbreak.ui.why_page import WhyPage
from tests.fakes import FakeHeartSource
from tests.pdf import pdf_page_image
from tests.system.xdisplay import (
    click,
    geometry,
    run,
    seed_due_pause,
    tray_panel,
    virtual_desktop,
    wait_for,
)

REPO = Path(__file__).resolve().parents[2]
HEART_DATA = REPO / "tests" / "data" / "heart"
LOCALES = {"en": "en_GB.UTF-8", "nl": "nl_NL.UTF-8"}
SCHEMES = ("light", "dark")
SCREEN = "1366x768x24"  # a common small laptop screen
SMALL_SCREEN = "1024x768x24"  # the smallest we design for: the whole screen is shown
DESK = "#5c6b73"  # a quiet desktop colour, the one the crops trim against
MARGIN_PX = 12
SETTLE_MS = 300
TZ = ZoneInfo("Europe/Amsterdam")
TODAY = date(2025, 11, 29)  # a Saturday: the whole working week lies behind it

# What a user would have typed, in the language they use the app in.
USER_TEXT: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "values": ("patience", "being honest", "play"),
        "breathing_note": ("after the stand-up", "caught myself holding it while typing"),
        "body_note": ("a knot before the one-to-one", "lighter after lunch"),
        "need_note": ("close the laptop at five", "ask Sam to help with the report",
                      "a walk round the block"),
        "trigger": ("a message from my manager", "the planning meeting",
                    "too many tabs open", "a customer on the phone"),
        "next_step": ("answer one mail, then stand up", "tell Sam I need until Friday"),
    },
    "nl": {
        "values": ("geduld", "eerlijk zijn", "spelen"),
        "breathing_note": ("na de stand-up", "merkte dat ik hem inhield tijdens het typen"),
        "body_note": ("een knoop voor het één-op-ééngesprek", "lichter na de lunch"),
        "need_note": ("om vijf uur de laptop dicht", "Sam om hulp vragen bij het rapport",
                      "een rondje om het blok"),
        "trigger": ("een bericht van mijn leidinggevende", "het planningsoverleg",
                    "te veel tabbladen open", "een klant aan de telefoon"),
        "next_step": ("één mail beantwoorden, dan even staan",
                      "Sam zeggen dat ik tot vrijdag nodig heb"),
    },
}


# --- the parent: a desktop, one child per language and scheme, the tray menu, the files -----


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.png"):
        if not old.name.startswith(WAYLAND_PREFIX):
            old.unlink()
    manifest: dict[str, dict[str, dict[str, str]]] = {}  # name -> "lang-scheme" -> facts
    with tempfile.TemporaryDirectory() as tmp_name, virtual_desktop(SCREEN) as env:
        tmp = Path(tmp_name)
        run(env, "xsetroot", "-solid", DESK, check=False)
        for lang in LOCALES:
            for scheme in SCHEMES:
                raw = tmp / f"{lang}-{scheme}"
                raw.mkdir()
                _run_child(env, lang, scheme, raw)
                shots = json.loads((raw / "manifest.json").read_text())
                for name, facts in shots.items():
                    manifest.setdefault(name, {})[f"{lang}-{scheme}"] = facts
                    _store(raw / f"{name}.png", out / f"{lang}-{scheme}-{name}.png")
            for name, facts in _tray_menu(env, lang, tmp).items():
                manifest.setdefault(name, {})[f"{lang}-light"] = facts
                _store(tmp / f"{lang}-{name}.png", out / f"{lang}-light-{name}.png")
    with tempfile.TemporaryDirectory() as tmp_name, virtual_desktop(SMALL_SCREEN) as env:
        run(env, "xsetroot", "-solid", DESK, check=False)
        for lang in LOCALES:
            raw = Path(tmp_name) / lang
            raw.mkdir()
            _run_child(env, lang, "small", raw)
            shots = json.loads((raw / "manifest.json").read_text())
            for name, facts in shots.items():
                manifest.setdefault(name, {})[f"{lang}-light"] = facts
                _store(raw / f"{name}.png", out / f"{lang}-light-{name}.png")
    _write_index(out, manifest)
    wayland(out)
    pictures = sorted(out.glob("*.png"))
    size = sum(p.stat().st_size for p in pictures)
    print(f"{len(pictures)} pictures, {size / 1024:.0f} KiB, in {out}")
    return 0


def _run_child(env: dict[str, str], lang: str, scheme: str, raw: Path) -> None:
    child = subprocess.run(
        [sys.executable, "-m", "tests.system.gallery", "--child", lang, scheme, str(raw)],
        env=_language_env(env, lang), cwd=REPO, capture_output=True, text=True,
        timeout=300, check=False,
    )
    if child.returncode != 0:
        print(child.stdout, child.stderr, sep="\n", file=sys.stderr)
        raise RuntimeError(f"the {lang}-{scheme} child failed")


def _language_env(env: dict[str, str], lang: str) -> dict[str, str]:
    child = dict(env, LANGUAGE=lang, LANG=LOCALES[lang])
    for name in ("LC_ALL", "LC_MESSAGES"):  # these would outrank LANG
        child.pop(name, None)
    return child


def _store(raw: Path, final: Path) -> None:
    """An 8-bit palette PNG without time stamps, so a rerun gives the same bytes."""
    subprocess.run(
        ["convert", str(raw), "-strip", "-dither", "None", "-colors", "256",
         "-define", "png:exclude-chunks=date,time", f"PNG8:{final}"],
        check=True, timeout=60,
    )


def _tray_menu(env: dict[str, str], lang: str, tmp: Path) -> dict[str, dict[str, str]]:
    """Right-click the real app's icon in trayer: the menu, then its submenu."""
    data = tmp / f"app-{lang}"
    data.mkdir(mode=0o700)
    # No reminder and no scheduled stress meter may pop up while the menu is open.
    (data / "settings.json").write_text(json.dumps({
        "language": lang, "native_notifications": False, "interval_min": 240,
        "checkin_times": [],
    }))
    app = [sys.executable, "-m", "stressbreak", "--data-dir", str(data)]
    app_env = _language_env(env, lang)
    process = subprocess.Popen(app, env=app_env, cwd=REPO, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    captions = {
        "tray-menu": "The tray icon's menu (right-click), from the real app.",
        "tray-menu-reminders": "The tray menu with *Silence reminders* open.",
    }
    try:
        panel = tray_panel(env)
        wait_for(lambda: '"StressBreak"' in run(env, "xwininfo", "-tree", "-id", panel))
        time.sleep(1.0)
        box = geometry(env, panel)
        click(env, box["X"] + box["WIDTH"] - 13, box["Y"] + box["HEIGHT"] // 2, button=3)
        time.sleep(1.0)
        _grab_trimmed(env, tmp / f"{lang}-tray-menu.png")
        # Down to "Silence reminders" (the seventh: separators and the greyed "Show hidden
        # exercises again" are skipped), then open it.
        for key in ("Down",) * 7 + ("Right",):
            run(env, "xdotool", "key", key)
            time.sleep(0.15)
        time.sleep(0.8)
        _grab_trimmed(env, tmp / f"{lang}-tray-menu-reminders.png")
        run(env, "xdotool", "key", "Escape")
        run(env, "xdotool", "key", "Escape")
        subprocess.run([*app, "quit"], env=app_env, cwd=REPO, check=True,
                       capture_output=True, timeout=30)
        process.wait(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    return {name: {"caption": caption, "title": ""} for name, caption in captions.items()}


def _grab_trimmed(env: dict[str, str], path: Path) -> None:
    """The whole screen, cut to what is not desktop (the panel and the menu) plus a margin."""
    full = path.with_suffix(".full.png")
    run(env, "import", "-window", "root", str(full))
    subprocess.run(
        ["convert", str(full), "-bordercolor", DESK, "-border", "1", "-trim", "+repage",
         "-bordercolor", DESK, "-border", str(MARGIN_PX), str(path)],
        check=True, timeout=60,
    )


def _write_index(out: Path, manifest: dict[str, dict[str, dict[str, str]]]) -> None:
    variants = [f"{lang}-{scheme}" for lang in LOCALES for scheme in SCHEMES]
    lines = [
        "# Screenshot gallery",
        "",
        "Every window in English and Dutch, light and dark (Fusion style), made by",
        "`python -m tests.system.gallery docs/screenshots/gallery` under Xvfb with trayer.",
        "Files are `{lang}-{scheme}-{name}.png`. No window manager runs, so windows have no",
        "title bar; their titles are listed here instead (a title bar adds “ — StressBreak”",
        "unless the title ends with the name). The tray menu is light only.",
        "",
        "| Window | " + " | ".join(variants) + " |",
        "|---|" + "---|" * len(variants),
    ]
    for name, per_variant in manifest.items():
        first = next(iter(per_variant.values()))
        titles = {v.split("-")[0]: f["title"] for v, f in per_variant.items() if f["title"]}
        title = " / ".join(f"{lang}: “{t}”" for lang, t in titles.items())
        cells = []
        for variant in variants:
            file = f"{variant}-{name}.png"
            cells.append(f'<a href="{file}"><img src="{file}" width="160" alt="{file}"></a>'
                         if variant in per_variant else "–")
        caption = f"**{name}**: {first['caption']}"
        sizes = {v.split("-")[0]: f["size"] for v, f in per_variant.items() if "size" in f}
        if sizes:
            caption += " Window " + (
                next(iter(sizes.values())) if len(set(sizes.values())) == 1
                else ", ".join(f"{size} ({lang})" for lang, size in sizes.items())) + " px."
        if title:
            caption += f"<br>Title {title}"
        lines.append(f"| {caption} | " + " | ".join(cells) + " |")
    lines.append("")
    (out / "index.md").write_text("\n".join(lines) + _wayland_section(out))


# --- under Wayland: the real app on headless sway with waybar's tray ------------------------

WAYLAND_PREFIX = "wayland-"
WAYLAND_HEADING = "## Under Wayland"
WAYLAND_SHOTS = {
    "reminder": "A due reminder under sway 1.7 with waybar's tray (the icon at the top right). "
                "A Wayland window cannot place itself: sway puts it in the middle, floating at "
                "its own size. The window being worked in keeps the keyboard because of the "
                "`no_focus` line README gives for sway; without it sway gives the keyboard to "
                "every new window.",
    "tray-menu": "The tray menu as waybar shows it (right click on the icon), read over D-Bus "
                 "from the app's StatusNotifierItem.",
    "pause": "After a click on the reminder: the pause, floating at its own size.",
    "overview": "The weekly overview (`stressbreak overview`, a few pauses this week): sway "
                "tiles it beside the work; in half a screen its charts stand one under the "
                "other and it scrolls down, never sideways.",
    "stress-meter": "The stress meter (`stressbreak checkin`), floating at its own size over "
                    "the work.",
}


def _wayland_section(out: Path) -> str:
    shots = [name for name in WAYLAND_SHOTS if (out / f"{WAYLAND_PREFIX}{name}.png").exists()]
    if not shots:
        return ""
    lines = ["", WAYLAND_HEADING, "",
             "The real app under headless sway 1.7 with waybar's tray, taken with grim (the "
             "whole 1280×720 output; English, light). Made where sway, waybar and grim are "
             "installed, as root; `--wayland` makes only these again.", "",
             "| Picture | |", "|---|---|"]
    for name in shots:
        file = f"{WAYLAND_PREFIX}{name}.png"
        lines.append(f'| **{WAYLAND_PREFIX}{name}**: {WAYLAND_SHOTS[name]} | '
                     f'<a href="{file}"><img src="{file}" width="320" alt="{file}"></a> |')
    return "\n".join(lines) + "\n"


def _seed_pauses(data: Path) -> None:
    """A data folder with some pauses taken this week, so that the overview has its charts."""
    data.mkdir(parents=True, mode=0o700)
    (data / "settings.json").write_text(json.dumps({
        "native_notifications": False, "language": "en", "checkin_times": [],
        "interval_min": 240}))
    now = datetime.now().astimezone()
    monday = (now - timedelta(days=now.weekday())).replace(hour=9, minute=0, second=0,
                                                            microsecond=0)
    months: dict[str, dict[str, object]] = {}
    for number, (day, hour, outcome) in enumerate(
            [(0, 10, "completed"), (0, 14, "completed"), (0, 16, "skipped"),
             (1, 11, "completed"), (1, 15, "natural"), (2, 10, "completed")], start=1):
        start = monday + timedelta(days=min(day, now.weekday()), hours=hour - 9)
        if start > now:
            continue
        months.setdefault(f"{start:%Y-%m}", {})[str(number)] = {
            "kind": "pause", "v": 2, "id": f"seed{number}", "started_at": start.isoformat(),
            "ended_at": (start + timedelta(minutes=1)).isoformat(), "outcome": outcome,
            "duration_s": 60.0, "exercise": "coherent"}
    for month, records in months.items():  # the journal keeps a file a month
        (data / f"journal-{month}.json").write_text(json.dumps({"records": records}))


def wayland(out: Path) -> None:
    """The Wayland pictures, where sway, waybar and grim can run; else say why not and keep
    the ones there are."""
    # Imported here: sway.py is a test helper that imports pytest.
    from tests.system.sway import (
        OUTPUT_SIZE,
        REMINDER_NO_FOCUS,
        WAYBAR_HEIGHT_PX,
        start_app,
        start_sway,
        why_not,
        work_window,
    )

    reason = why_not(waybar=True) or (
        "needs grim (Debian: grim)" if shutil.which("grim") is None else None)
    if reason:
        print(f"no Wayland pictures: {reason}", file=sys.stderr)
        return
    for old in out.glob(f"{WAYLAND_PREFIX}*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        data = tmp / "data"
        seed_due_pause(data)
        settings = data / "settings.json"
        settings.write_text(json.dumps(json.loads(settings.read_text())
                                       | {"gentle_timing": False, "natural_breaks": False}))
        with start_sway(tmp, waybar=True) as sway:
            sway.swaymsg(REMINDER_NO_FOCUS)
            with work_window(sway), start_app(sway, tmp, data_dir=data) as app:
                reminder, _floating = sway.wait_for_window(
                    lambda title: title.startswith("Pause reminder"), app)
                time.sleep(1.0)  # painted, and the tray icon in the bar
                shoot = tmp / "shot.png"
                sway.screenshot(shoot)
                _store(shoot, out / f"{WAYLAND_PREFIX}reminder.png")
                icon_x, icon_y = OUTPUT_SIZE[0] - 11, WAYBAR_HEIGHT_PX // 2
                sway.swaymsg("seat", "seat0", "cursor", "set", str(icon_x), str(icon_y))
                sway.swaymsg("seat", "seat0", "cursor", "press", "button3")
                sway.swaymsg("seat", "seat0", "cursor", "release", "button3")
                time.sleep(1.0)
                sway.screenshot(shoot)
                _store(shoot, out / f"{WAYLAND_PREFIX}tray-menu.png")
                box = reminder["rect"]
                sway.click(box["x"] + 24, box["y"] + 16)  # closes the menu
                if sway.window(lambda title: title.startswith("Pause reminder"),
                               app.process.pid):
                    sway.click(box["x"] + 24, box["y"] + 16)
                sway.wait_for_window(lambda title: title.startswith("A minute "), app)
                sway.swaymsg("seat", "seat0", "cursor", "set", "40", str(OUTPUT_SIZE[1] - 40))
                time.sleep(1.5)
                sway.screenshot(shoot)
                _store(shoot, out / f"{WAYLAND_PREFIX}pause.png")
            # The other windows from a second start without a due reminder (the pause above
            # would run on for a minute).
            later = tmp / "later"
            _seed_pauses(later / "data")
            with work_window(sway), start_app(sway, later, data_dir=later / "data") as app:
                for command, title, name in (("overview", "Your week", "overview"),
                                             ("checkin", "Stress meter", "stress-meter")):
                    app.send(command)
                    sway.wait_for_window(lambda found, title=title: found.startswith(title),
                                         app)
                    time.sleep(1.5)  # painted (the overview's charts come a moment later)
                    sway.screenshot(shoot)
                    _store(shoot, out / f"{WAYLAND_PREFIX}{name}.png")
    index = out / "index.md"
    if index.exists():
        kept = index.read_text().split("\n" + WAYLAND_HEADING)[0].rstrip("\n") + "\n"
        index.write_text(kept + _wayland_section(out))


# --- the child: one language and scheme, every window in turn --------------------------------


@dataclass
class Shooter:
    app: QApplication
    raw: Path
    shots: dict[str, dict[str, str]]

    def settle(self, ms: int = SETTLE_MS) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def show_centred(self, widget: QWidget) -> None:
        widget.show()
        self.settle(50)
        area = self.app.primaryScreen().availableGeometry()
        widget.move(area.center() - widget.rect().center())

    def shoot(self, widget: QWidget, name: str, caption: str) -> None:
        """Grab the screen around `widget` once it is exposed and has painted."""
        handle = widget.windowHandle()
        deadline = time.monotonic() + 10
        while handle is None or not handle.isExposed():
            if time.monotonic() > deadline:
                raise TimeoutError(f"{name} never appeared")
            self.settle(20)
            handle = widget.windowHandle()
        widget.repaint()
        self.settle()
        screen = self.app.primaryScreen()
        box = widget.frameGeometry().adjusted(-MARGIN_PX, -MARGIN_PX, MARGIN_PX, MARGIN_PX)
        box = box.intersected(screen.geometry())
        picture = screen.grabWindow(0, box.x(), box.y(), box.width(), box.height())
        if not picture.save(str(self.raw / f"{name}.png")):
            raise OSError(f"could not save {name}")
        size = widget.frameGeometry()
        self.shots[name] = {"caption": caption, "title": widget.windowTitle(),
                            "size": f"{size.width()}×{size.height()}"}

    def shoot_screen(self, widget: QWidget, name: str, caption: str) -> None:
        """The whole (small) screen with `widget` on it, so one sees that it fits."""
        self.shoot(widget, name, caption)
        screen = self.app.primaryScreen()
        if not screen.grabWindow(0).save(str(self.raw / f"{name}.png")):
            raise OSError(f"could not save {name}")
        size = screen.geometry()
        self.shots[name]["caption"] += f" The whole {size.width()}×{size.height()} screen."

    def done(self, widget: QWidget) -> None:
        widget.close()
        widget.deleteLater()
        self.settle(50)


def fusion_palette(dark: bool) -> QPalette:
    """Fusion's standard palette as Qt builds it (qt_fusionPalette in qplatformtheme.cpp)."""
    window_text = QColor(240, 240, 240) if dark else QColor(Qt.GlobalColor.black)
    background = QColor(50, 50, 50) if dark else QColor(239, 239, 239)
    light = background.lighter(150)
    mid = background.darker(130)
    base = background.darker(140) if dark else QColor(Qt.GlobalColor.white)
    dark_shade = background.darker(150)
    text = window_text if dark else QColor(Qt.GlobalColor.black)
    highlight = QColor(48, 140, 198)
    disabled_text = QColor(130, 130, 130) if dark else QColor(190, 190, 190)
    shadow = dark_shade.darker(135)
    placeholder = QColor(text)
    placeholder.setAlpha(128)
    role = QPalette.ColorRole
    group = QPalette.ColorGroup
    palette = QPalette(window_text, background, light, dark_shade, mid, text, base)
    for name, colour in (
        (role.Midlight, mid.lighter(110)), (role.Button, background), (role.Shadow, shadow),
        (role.HighlightedText, window_text if dark else QColor(Qt.GlobalColor.white)),
        (role.ButtonText, window_text), (role.PlaceholderText, placeholder),
        (role.Highlight, highlight), (role.Accent, highlight),
        (role.AlternateBase, base.darker(110) if not dark else background),
    ):
        palette.setColor(name, colour)
    for name, colour in (
        (role.Text, disabled_text), (role.WindowText, disabled_text),
        (role.ButtonText, disabled_text), (role.Base, background),
        (role.Dark, QColor(209, 209, 209).darker(110)), (role.Shadow, shadow.lighter(150)),
        (role.Highlight, QColor(145, 145, 145)), (role.Accent, QColor(145, 145, 145)),
    ):
        palette.setColor(group.Disabled, name, colour)
    if dark:
        palette.setColor(role.Link, highlight)
    return palette


def child(lang: str, scheme: str, raw: Path) -> int:
    app = QApplication(["stressbreak"])
    app.setStyle("Fusion")
    if scheme == "dark":
        app.styleHints().setColorScheme(Qt.ColorScheme.Dark)
        app.processEvents()
        if app.palette().color(QPalette.ColorRole.Window).lightness() > 128:
            app.setPalette(fusion_palette(dark=True))
    translations = Translations(app, "system", QLocale.system())
    shown = translations.install()
    if shown != lang:
        raise RuntimeError(f"asked for {lang}, the interface speaks {shown}")
    shooter = Shooter(app, raw, {})
    user = USER_TEXT[lang]
    if scheme == "small":
        _small_screen(shooter, user)
        (raw / "manifest.json").write_text(json.dumps(shooter.shots, ensure_ascii=False,
                                                      indent=1))
        del translations
        return 0
    _reminders(shooter)
    _welcome(shooter)
    _pauses(shooter)
    _heart(shooter)
    _exercises(shooter, user["values"])
    _checkin(shooter, user)
    _day_ratings(shooter, user)
    _values(shooter, user["values"])
    _profile(shooter)
    _overview(shooter, lang)
    if scheme == "light":  # the PDF is paper: the same in every scheme
        _report(shooter, lang)
    _settings(shooter)
    (raw / "manifest.json").write_text(json.dumps(shooter.shots, ensure_ascii=False, indent=1))
    del translations
    return 0


def _reminders(shooter: Shooter) -> None:
    for followup, name, caption in (
        (False, "reminder", "The reminder near the tray (bottom right)."),
        (True, "reminder-followup",
         "The follow-up reminder offered after a tense stress meter."),
    ):
        reminder = ReminderWindow(60, 5, followup=followup)
        reminder.show_near(None)
        shooter.shoot(reminder, name, caption)
        reminder.dismiss()
        shooter.settle(50)


def _welcome(shooter: Shooter) -> None:
    window = FirstRunWindow(Settings(), tray_available=True)
    shooter.show_centred(window)
    shooter.shoot(window, "welcome", "The welcome on a new user's first start.")
    shooter.done(window)
    window = FirstRunWindow(Settings(), tray_available=False)
    shooter.show_centred(window)
    shooter.shoot(window, "welcome-no-tray",
                  "The welcome where there is no tray: where StressBreak is found then.")
    shooter.done(window)
    note = NoTrayWindow()
    shooter.show_centred(note)
    shooter.shoot(note, "no-tray", "Once, where there is no system tray: how to reach "
                  "StressBreak without one.")
    shooter.done(note)
    # The coordinator's words before any keys are bound (app/shortcuts.py, KeyShortcuts.note).
    note = NoTrayWindow(shortcut_note=QCoreApplication.translate(
        "KeyShortcuts", "Choose keys that start a micro-pause or open the stress meter from "
        "anywhere. Your desktop shows them to you first and may ask you to confirm."))
    shooter.show_centred(note)
    shooter.shoot(note, "no-tray-shortcut", "The same note where the desktop binds keys for "
                  "apps (its GlobalShortcuts portal): a keyboard shortcut through the desktop.")
    shooter.done(note)
    page = WhyPage()
    shooter.show_centred(page)
    shooter.shoot(page, "why-this-works", "Why this works, from the welcome and the menu.")
    shooter.done(page)


def _filled_checkin(user: dict[str, tuple[str, ...]]) -> CheckInDialog:
    dialog = CheckInDialog(values=user["values"], trigger_suggestions=user["trigger"])
    for question, chips in (("breathing", ("shallow", "held")), ("body", ("tight",)),
                            ("need", ("quiet", "boundary")), ("signals", ("jaw", "shoulders"))):
        for chip in chips:
            dialog.rows[question].buttons[chip].setChecked(True)
    dialog.notes["breathing"].setText(user["breathing_note"][1])
    dialog.tension.buttons[6].setChecked(True)
    dialog.trigger.setText(user["trigger"][0])
    return dialog


def _small_screen(shooter: Shooter, user: dict[str, tuple[str, ...]]) -> None:
    window = FirstRunWindow(Settings(), tray_available=True)
    shooter.show_centred(window)
    shooter.shoot_screen(window, "small-welcome", "The welcome on a 1024×768 screen.")
    shooter.done(window)
    dialog = _filled_checkin(user)
    shooter.show_centred(dialog)
    shooter.shoot_screen(dialog, "small-checkin",
                         "The stress meter's first question on a 1024×768 screen.")
    dialog.show_step(3)
    shooter.shoot_screen(dialog, "small-checkin-more",
                         "The stress meter's optional last step on a 1024×768 screen.")
    shooter.done(dialog)


def _phase_moments(pattern: Pattern) -> list[tuple[Phase, float]]:
    """The middle of each step of the first breath."""
    moments = []
    start = 0.0
    for step in pattern.steps:
        moments.append((step.phase, start + step.duration_s / 2))
        start += step.duration_s
    return moments


def _slug(phase: Phase) -> str:
    return phase.value.replace("_", "-")


def _pause(pattern: Pattern, *, reduced_motion: bool = False, tip: str = "") -> PauseWindow:
    """A breathing pause as the app makes it: whole breaths, close to one minute."""
    duration = plan_pause(pattern, 60.0).duration_s
    return PauseWindow(pattern, duration, reduced_motion=reduced_motion, tip=tip)


def _pauses(shooter: Shooter) -> None:
    for pattern in PATTERNS.values():
        for phase, moment in _phase_moments(pattern):
            window = _pause(pattern)
            window.seek(moment)
            shooter.show_centred(window)
            shooter.shoot(window, f"pause-{pattern.id}-{_slug(phase)}",
                          f"Breathing pause, pattern `{pattern.id}`, {moment:g} s in: "
                          f"{phase.value.replace('_', ' ')}.")
            shooter.done(window)
    for pattern_id, step in (("coherent", 0), ("box", 1)):
        pattern = PATTERNS[pattern_id]
        phase, moment = _phase_moments(pattern)[step]
        window = _pause(pattern, reduced_motion=True)
        window.seek(moment)
        shooter.show_centred(window)
        shooter.shoot(window, f"pause-reduced-{pattern_id}-{_slug(phase)}",
                      f"Reduced motion, pattern `{pattern_id}`, {moment:g} s in: a ring fills "
                      f"round a still circle ({phase.value.replace('_', ' ')}).")
        shooter.done(window)
    coherent = PATTERNS["coherent"]
    cycles = plan_pause(coherent, 60.0).cycles
    window = _pause(coherent, tip=GENERAL_TIPS[0])
    moment = (cycles - 1) * coherent.cycle_s + 2.75
    window.seek(moment)
    shooter.show_centred(window)
    shooter.shoot(window, "pause-tip",
                  f"Breathing pause near its end ({moment:g} s in) with a general tip shown.")
    shooter.done(window)
    window = _pause(coherent, tip=GENERAL_TIPS[0])
    window.start()
    window.seek(window.duration_s)
    shooter.shoot(window, "pause-end",
                  "After the last out-breath the window stays a while: a closing line, the "
                  "tip and Done.")
    shooter.done(window)


def _heart_pause(shooter: Shooter, recording: str, seconds: int,
                 reduced_motion: bool = False) -> tuple[PauseWindow, Heart]:
    """A breathing pause with a strap, `seconds` in, through the app's own Heart coordinator:
    each second the beats a strap sends then (a recording from tests/data/heart)."""
    pattern = PATTERNS["coherent"]
    source = FakeHeartSource(on_start=SensorState.RECEIVING)
    heart = Heart(lambda: source)
    heart.prepare()
    window = PauseWindow(pattern, plan_pause(pattern, 60.0).duration_s, heart=True,
                         reduced_motion=reduced_motion)
    shooter.show_centred(window)
    window.start()  # as Pauses does: the window first, then the heart
    heart.begin(window, 60 / pattern.cycle_s)
    rr = parse_rr_text((HEART_DATA / recording).read_text(encoding="utf-8"))
    for second, beats in enumerate(beats_by_second(rr)[:seconds], start=1):
        window.seek(second)
        if beats:
            source.send(beats, heart_rate=round(60 / beats[-1]))
    heart.refresh()
    return window, heart


def _heart(shooter: Shooter) -> None:
    window, heart = _heart_pause(shooter, "rr-resonance-6min.csv", 40)
    shooter.shoot(window, "pause-heart", "A pause with a heart-rate strap (a replayed "
                  "recording, 40 s in): the heart rate as a line under the circle, rising on "
                  "the in-breath and falling on the out-breath, and the rate in words.")
    window.seek(window.duration_s)
    heart.finish(True)
    shooter.shoot(window, "pause-heart-end", "The pause with a strap is over: one sentence "
                  "about how the heart followed the breath, and Figures for those who want them.")
    wave = window.heart_wave
    assert wave is not None
    wave.figures_button.click()
    shooter.shoot(window, "pause-heart-figures", "Figures opened: heart rate, RMSSD, coherence "
                  "and the pace at the peak; StressBreak is not a medical device.")
    shooter.done(window)
    window, heart = _heart_pause(shooter, "rr-resonance-6min.csv", 40, reduced_motion=True)
    shooter.shoot(window, "pause-heart-reduced", "The same with less motion: no moving line, "
                  "the heart rate in words.")
    heart.finish(False)
    shooter.done(window)
    window, heart = _heart_pause(shooter, "rr-poor-contact.csv", 40)
    shooter.shoot(window, "pause-heart-poor", "A strap with poor contact: the pause says the "
                  "signal is unsteady instead of showing a number.")
    heart.finish(False)
    shooter.done(window)
    _pace_finder(shooter)


def _pace_finder(shooter: Shooter) -> None:
    plan = session_plan()
    window = PaceFinderWindow(plan)
    shooter.show_centred(window)
    shooter.shoot(window, "pace-finder-intro", "Find my breathing pace (tray menu): what the "
                  "ten minutes are, before they start.")
    window.begin()
    window.seek(130)
    window.set_heart_rate(64)
    shooter.shoot(window, "pace-finder-step", "Find my breathing pace, step 2 of 5: the pacer "
                  "at 6 breaths a minute, the time left and the heart rate.")
    recording = Recording(plan)
    at = 0.0
    for interval in parse_rr_text((HEART_DATA / "rr-pace-finder.csv").read_text(
            encoding="utf-8")):
        at += interval
        recording.add(at, (interval,))
    window.show_result(analyse(recording))
    shooter.shoot(window, "pace-finder-result", "The result: the heart's swing at each pace, "
                  "the suggested pace, and the choice to make it the pause's pattern.")
    window.close()
    window = PaceFinderWindow(plan)
    shooter.show_centred(window)
    window.show_no_sensor(SensorState.ABSENT)
    shooter.shoot(window, "pace-finder-no-strap", "Find my breathing pace when the strap does "
                  "not come: said plainly, nothing else happens.")
    shooter.done(window)


def _longest_step(exercise: Exercise) -> int:
    """The step with the longest (English) prompt: the same step in every language."""
    return max(range(len(exercise.steps)), key=lambda i: len(exercise.steps[i]))


def _exercises(shooter: Shooter, values: Sequence[str]) -> None:
    duration = 60.0
    for exercise in EXERCISES.values():
        if exercise.id == BREATHING:
            continue
        step = _longest_step(exercise)
        moment = (step + 0.4) * duration / len(exercise.steps)
        window = PauseWindow(PATTERNS["coherent"], duration, exercise=exercise, values=values,
                             favourite=exercise.id == "defusion")
        window.seek(moment)
        shooter.show_centred(window)
        shooter.shoot(window, f"exercise-{exercise.id.replace('_', '-')}",
                      f"Guided exercise `{exercise.id}` at its longest prompt "
                      f"(step {step + 1} of {len(exercise.steps)})"
                      + (", marked favourite." if exercise.id == "defusion" else "."))
        shooter.done(window)
    window = PauseWindow(PATTERNS["coherent"], duration, exercise=EXERCISES["values"],
                         values=values, tip=GENERAL_TIPS[0])
    window.seek(52.0)
    shooter.show_centred(window)
    shooter.shoot(window, "exercise-values-tip",
                  "The values exercise near its end, with the user's values and a tip.")
    shooter.done(window)


def _checkin(shooter: Shooter, user: dict[str, tuple[str, ...]]) -> None:
    dialog = _filled_checkin(user)
    shooter.show_centred(dialog)
    shooter.shoot(dialog, "checkin",
                  "The stress meter's first question: two chips chosen and a note; the "
                  "heading says why noticing is enough.")
    dialog.show_step(3)
    shooter.shoot(dialog, "checkin-more",
                  "The stress meter's optional last step: body signals, tension 6 and a "
                  "trigger filled in; the next step still empty (its placeholder shows).")
    shooter.done(dialog)


def _day_ratings(shooter: Shooter, user: dict[str, tuple[str, ...]]) -> None:
    dialog = CheckInDialog(values=user["values"], trigger_suggestions=user["trigger"],
                           ask_day=True)
    assert dialog.day is not None
    dialog.day.rows["sleep"].set_value(4)
    dialog.day.rows["energy"].set_value(2)
    shooter.show_centred(dialog)
    shooter.shoot(dialog, "checkin-day", "The day's first stress meter starts with sleep, "
                  "energy and focus (optional, skipped with one key); two of three chosen.")
    shooter.done(dialog)
    window = DayRatingDialog(DayAnswers(sleep=3, energy=4, focus=None))
    shooter.show_centred(window)
    shooter.shoot(window, "day-rating", "Sleep, energy and focus from the tray menu "
                  "(`stressbreak rate`), with today's ratings; focus left open.")
    shooter.done(window)


def _values(shooter: Shooter, values: Sequence[str]) -> None:
    dialog = ValuesDialog(tuple(values[:2]))
    shooter.show_centred(dialog)
    shooter.shoot(dialog, "values", "My values: two filled in, three placeholders.")
    shooter.done(dialog)


def _profile(shooter: Shooter) -> None:
    dialog = ProfileDialog()
    answers = {"pleaser": (1, 2, 1, 0), "perfectionist": (3, 2, 3, 2), "rescuer": (2, 1, 0, 1)}
    for pattern_id, ratings in answers.items():
        rows = [row for sid, row in dialog.rows.items() if sid.startswith(pattern_id)]
        for row, rating in zip(rows, ratings, strict=True):
            row.buttons[rating].setChecked(True)
    shooter.show_centred(dialog)
    shooter.shoot(dialog, "profile-intro", "The stress-pattern reflection: its intro page.")
    page = PROFILE_ORDER.index("perfectionist") + 1
    dialog.go_to(page)
    shooter.shoot(dialog, "profile-statements",
                  f"Reflection part {page} of {len(PROFILE_ORDER)}, all four statements answered.")
    dialog.go_to(dialog.last_page)
    shooter.shoot(dialog, "profile-result",
                  "The reflection's result: the perfectionist pattern stands out (10 of 12).")
    shooter.done(dialog)


def _settings(shooter: Shooter) -> None:
    # A real reason, as a machine without pactl gives it.
    dialog = SettingsDialog(Settings(), {"meeting_aware": QCoreApplication.translate(
        "presence", "pactl was not found (Debian: pulseaudio-utils)")})
    shooter.show_centred(dialog)
    for index in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(index)
        name = f"settings-{index + 1}"
        shooter.shoot(dialog, name, f"Settings, tab {index + 1}: "
                      f"{dialog.tabs.tabText(index).replace('&', '')}.")
    shooter.done(dialog)
    # The same page while a folder is shared with two other computers.
    now = datetime.now().astimezone()
    sharing = SharingStatus(
        folder="~/Sync", state=FolderState.IN_USE, problem=None,
        computer_id="0123456789abcdef", computer_name="laptop", host_name="laptop",
        checked_at=now, computers=(
            ComputerSeen("fedcba9876543210", "desk at home", now - timedelta(minutes=4)),
            ComputerSeen("00112233aabbccdd", "office", now - timedelta(days=2, hours=3))))
    dialog = SettingsDialog(Settings(shared_folder="~/Sync", computer_name="laptop"),
                            sharing=sharing)
    shooter.show_centred(dialog)
    dialog.tabs.setCurrentIndex(dialog.tabs.count() - 1)
    shooter.shoot(dialog, "settings-sharing", "Settings, Other computers, while a folder is "
                  "shared: in use, and the two other computers with when each was last heard "
                  "of.")
    shooter.done(dialog)
    # Settings, Pause, with a strap chosen; Choose… opens the picker over it.
    dialog = SettingsDialog(Settings(heart_sensor="A0:9E:1A:12:34:56 Polar H10 1A2B3C4D"),
                            choose_sensor=lambda parent, current, chosen: None)
    shooter.show_centred(dialog)
    dialog.tabs.setCurrentIndex(list(Group).index(Group.PAUSE))
    picker = SensorPicker("A0:9E:1A:12:34:56 Polar H10 1A2B3C4D", dialog)
    for address, name in (("C4:7C:8D:6A:01:02", "TICKR 3F21"),
                          ("A0:9E:1A:12:34:56", "Polar H10 1A2B3C4D")):
        picker.add_found(address, name)
    shooter.show_centred(picker)
    shooter.shoot(picker, "sensor-picker", "Settings, Pause, Choose… beside the heart-rate "
                  "strap: the straps a scan found nearby, the one chosen before ready to take.")
    picker.list.clear()
    picker.scan_failed(QCoreApplication.translate(
        "AppSettings", "Bluetooth is not available here: no adapter was found, or it is "
                       "switched off. Switch it on and choose Look again."))
    shooter.shoot(picker, "sensor-picker-no-bluetooth",
                  "The strap picker where this computer has no Bluetooth.")
    picker.close()
    shooter.done(dialog)


def week_records(lang: str, monday: date, tz: tzinfo) -> list[Record]:
    """A plausible working week: 6–8 reminders a day with mixed outcomes, 2–3 check-ins."""
    rng = random.Random(f"stressbreak-gallery-{monday}")
    user = USER_TEXT[lang]
    outcomes = [PauseOutcome.COMPLETED] * 5 + [
        PauseOutcome.ENDED_EARLY, PauseOutcome.MISSED, PauseOutcome.SKIPPED]
    records: list[Record] = []
    for offset in range(5):
        day = monday + timedelta(days=offset)
        for number in range(rng.randint(6, 8)):
            started = datetime.combine(day, clock_time(9, 10), tz) + timedelta(
                minutes=number * 62 + rng.randint(0, 20))
            outcome = rng.choice(outcomes)
            seconds = {PauseOutcome.COMPLETED: 66, PauseOutcome.ENDED_EARLY: rng.randint(12, 40)}
            records.append(PauseRecord(
                started_at=started, ended_at=started + timedelta(seconds=seconds.get(outcome, 0)),
                outcome=outcome, exercise=rng.choice(("coherent", "body_check", "anchor"))))
        for at in sorted(rng.sample([(10, 30), (13, 30), (16, 0), (11, 45)], rng.randint(2, 3))):

            def chips(question_id: str, most: int) -> tuple[str, ...]:
                question = next(q for q in (*QUESTIONS, BODY_SIGNALS) if q.id == question_id)
                ids = [chip.id for chip in question.chips]
                return tuple(rng.sample(ids, rng.randint(0, most)))

            def note(key: str) -> str:
                return rng.choice(user[key]) if rng.random() < 0.35 else ""

            records.append(CheckIn(
                at=datetime.combine(day, clock_time(*at), tz),
                origin=rng.choice(list(CheckInOrigin)),
                breathing=chips("breathing", 2), breathing_note=note("breathing_note"),
                body=chips("body", 2), body_note=note("body_note"),
                need=chips("need", 2), need_note=note("need_note"),
                tension=rng.choice((None, 2, 3, 4, 5, 6, 7, 8)),
                signals=chips("signals", 3), trigger=note("trigger"),
                next_step=note("next_step"),
            ))
    return records


def _overview(shooter: Shooter, lang: str) -> None:
    monday = week_start(TODAY)
    # Four generated weeks, so the four-week view has data.
    records = [record for back in range(TREND_WEEKS - 1, -1, -1)
               for record in week_records(lang, monday - timedelta(weeks=back), TZ)]

    def load_week(first: date) -> WeekView:
        return build_week_view([r for r in records if r.at.date() >= first - timedelta(
            weeks=TREND_WEEKS)], first, TZ)

    window = OverviewWindow(load_week, lambda: TODAY, TZ)
    window.show_week(monday)
    shooter.show_centred(window)
    shooter.shoot(window, "overview",
                  "Your week: charts, what stands out, and the summary of a generated week.")
    window.tabs.setCurrentIndex(1)
    shooter.shoot(window, "overview-trend", "The last four weeks side by side.")
    window.tabs.setCurrentIndex(2)
    shooter.shoot(window, "overview-answers", "Every stress-meter answer of the week.")
    window.tabs.setCurrentIndex(0)
    window.show_week(monday + timedelta(weeks=-10))
    shooter.shoot(window, "overview-empty", "A week with nothing recorded reads kindly.")
    shooter.done(window)
    _over_time(shooter, lang)
    export = ExportDialog((monday, monday + timedelta(days=6)), TODAY)
    shooter.show_centred(export)
    shooter.shoot(export, "export", "Export: JSON or CSV, everything or some days.")
    shooter.done(export)
    report = ReportDialog()
    shooter.show_centred(report)
    shooter.shoot(report, "report-dialog",
                  "The report for a coach: how many weeks, and your own words only if ticked.")
    shooter.done(report)
    delete = DeleteAllDialog()
    delete.understood.setChecked(True)
    shooter.show_centred(delete)
    shooter.shoot(delete, "delete-all", "Deleting everything asks for a tick first.")
    shooter.done(delete)


def _over_time(shooter: Shooter, lang: str) -> None:
    """Over time: six generated months, sleep, energy and focus rated most days and slowly
    rising, and What helps me worked out from them (in the app it comes from a thread)."""
    monday = week_start(TODAY)
    rng = random.Random("stressbreak-gallery-over-time")
    records: list[Record] = []
    for back in range(25, -1, -1):
        if back in (9, 10):
            continue  # a fortnight's holiday: a gap, not a zero
        first = monday - timedelta(weeks=back)
        records += [r for r in week_records(lang, first, TZ) if r.at.date() <= TODAY]
        lift = (25 - back) / 25
        records += [DayRating(datetime.combine(first + timedelta(days=d), clock_time(8, 30), TZ),
                              sleep=min(5, round(2 + 2 * lift + rng.random())),
                              energy=min(5, round(2 + 1.5 * lift + rng.random())),
                              focus=min(5, round(2 + 2 * lift + rng.random())))
                    for d in range(5) if first + timedelta(days=d) <= TODAY]
    records = _with_a_strap(records, rng, since=monday - timedelta(weeks=11))
    locale = QLocale()

    def load_week(first: date) -> WeekView:
        return build_week_view([r for r in records if first - timedelta(weeks=TREND_WEEKS)
                                <= r.at.date()], first, TZ)

    def load_over_time(months: int) -> OverTime:
        return over_time(records, TODAY, months, TZ)

    def load_helps(asked: int) -> None:
        found = what_helps(records, TZ, TODAY, ratings=day_scores(records, TZ),
                           number=lambda value: locale.toString(value, "f", 1))
        window.show_helps([translate_message(item.text) for item in found], asked)

    window = OverviewWindow(load_week, lambda: TODAY, TZ, load_over_time=load_over_time,
                            load_helps=load_helps)
    window.show_week(monday)
    shooter.show_centred(window)
    window.tabs.setCurrentIndex(window.tabs.count() - 1)
    window.range_box.setCurrentIndex(1)  # six months
    shooter.settle(300)
    shooter.shoot(window, "overview-over-time", "Over time: six generated months week by "
                  "week (a fortnight's holiday is a gap), this week drawn apart as 'so far', "
                  "and What helps me below.")
    area = window.findChild(QScrollArea)
    assert area is not None
    area.ensureWidgetVisible(window.helps_method)
    shooter.shoot(window, "overview-helps", "Over time scrolled down: sleep, energy and focus "
                  "week by week, and What helps me with the days behind each observation.")
    area.ensureWidgetVisible(window.over_time_heart_label)
    shooter.shoot(window, "overview-heart", "Over time with a heart-rate strap for the last "
                  "eleven weeks: the weekly mean coherence of the pauses with it (heart rate "
                  "and RMSSD in each week's tooltip and for a screen reader).")
    shooter.done(window)


def _with_a_strap(records: list[Record], rng: random.Random, since: date) -> list[Record]:
    """The pauses taken since `since` with a strap's figures, the heart following the breath
    a little more closely week by week; now and then a poor contact."""
    def strapped(record: Record) -> Record:
        if (not isinstance(record, PauseRecord) or record.outcome is not PauseOutcome.COMPLETED
                or record.at.date() < since):
            return record
        if rng.random() < 0.06:
            return replace(record, heart=PauseHeart(poor=True))
        weeks_in = (record.at.date() - since).days / 7
        return replace(record, heart=PauseHeart(
            mean_heart_rate=72 - weeks_in * 0.6 + rng.gauss(0, 3),
            rmssd_ms=max(8.0, 32 + weeks_in * 1.5 + rng.gauss(0, 6)),
            coherence=min(0.98, max(0.05, 0.35 + weeks_in * 0.035 + rng.gauss(0, 0.1))),
            pace_per_min=round(rng.uniform(5.2, 6.2), 2)))

    return [strapped(record) for record in records]


def _report(shooter: Shooter, lang: str) -> None:
    """Page 1 of the coach's PDF of four generated weeks with day ratings, as the report is
    made by default: without the user's own words."""
    monday = week_start(TODAY)
    records: list[Record] = []
    rng = random.Random("stressbreak-gallery-report")
    for back in range(DEFAULT_WEEKS - 1, -1, -1):
        first = monday - timedelta(weeks=back)
        records += week_records(lang, first, TZ)
        records += [DayRating(datetime.combine(first + timedelta(days=d), clock_time(8, 30), TZ),
                              sleep=rng.randint(2, 5), energy=rng.randint(2, 4),
                              focus=rng.randint(2, 5)) for d in range(5)]
    locale = QLocale()
    report = build_report(records, TODAY, DEFAULT_WEEKS, TZ,
                          number=lambda value: locale.toString(value, "f", 1))
    pdf = shooter.raw / "report.pdf"
    pdf.write_bytes(report_pdf(report, TODAY))
    page = pdf_page_image(pdf)
    if not page.save(str(shooter.raw / "report.png")):
        raise OSError("could not save report")
    shooter.shots["report"] = {
        "caption": "Page 1 of the PDF for a coach (stressbreak report, or Your data in the "
                   "overview): four generated weeks, without free text.",
        "title": "report.pdf", "size": f"{page.width()}×{page.height()}"}


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        sys.exit(child(sys.argv[2], sys.argv[3], Path(sys.argv[4])))
    only_wayland = len(sys.argv) > 1 and sys.argv[1] == "--wayland"
    arguments = sys.argv[2:] if only_wayland else sys.argv[1:]
    target = Path(arguments[0] if arguments else "docs/screenshots/gallery")
    if shutil.which("convert") is None:
        sys.exit("needs imagemagick (convert, import)")
    if only_wayland:
        target.mkdir(parents=True, exist_ok=True)
        wayland(target)
        sys.exit(0)
    sys.exit(main(target))
