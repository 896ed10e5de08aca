"""CI proof that the Linux bundle works: build it, run it on a virtual desktop, quit it.

    python packaging/ci_bundle_check.py [--out build/bundle] [--skip-build] [--runs 3]

1. packaging/validate.py (desktop file, metainfo, icons, Flatpak/Inno/Info.plist, one version);
2. builds the one-folder bundle with PyInstaller (packaging/build_linux.py) into --out;
3. `stressbreak --version` of the bundle is stressbreak.__version__;
4. on Xvfb with trayer (tests/system/xdisplay.py): starts the bundle, waits for its tray icon
   to be embedded, runs the bundle's `status`, opens the weekly overview (QtCharts must be in
   the bundle), takes a screenshot (`import -window root`; skipped with a reason when
   ImageMagick is missing), runs `quit` and expects exit code 0 and no traceback;
5. measures start -> tray icon shown for the bundle and for `python -m stressbreak`
   (median of --runs each, alternating, observed from outside with benchmarks/xenv.py);
6. prints the bundle's size (du) and the times. Exits 1 on any failure.

Needs the bundle extra (pip install -e '.[bundle]') and Debian xvfb xauth trayer xdotool
x11-utils (already in .ci/run), imagemagick for the screenshot.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PACKAGING = Path(__file__).resolve().parent
ROOT = PACKAGING.parent
sys.path[:0] = [str(ROOT), str(PACKAGING)]

from build_linux import DEFAULT_OUT, build, size_text  # noqa: E402
from validate import main as validate  # noqa: E402
from validate import version  # noqa: E402

from benchmarks.xenv import TrayWatcher  # noqa: E402
from tests.system.xdisplay import (  # noqa: E402
    find_window,
    missing_tools,
    run,
    seed_due_pause,
    tray_panel,
    virtual_desktop,
    wait_for,
)

ICON_TIMEOUT_S = 60.0
OVERVIEW_TITLE = "^Your week"  # Qt adds " — StressBreak"; xdotool matches the words


class CheckFailedError(Exception):
    pass


class Report:
    def __init__(self) -> None:
        self.passed = 0
        self.failed = 0

    def check(self, ok: bool, what: str, detail: str = "") -> None:
        print(("ok    " if ok else "FAIL  ") + what + (f"\n{detail}" if detail and not ok else ""),
              flush=True)
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            raise CheckFailedError("counted")


def data_dir(parent: Path, name: str) -> Path:
    """A fresh data folder: English (windows are found by their English titles), no native
    notifications (no notification daemon on the virtual desktop)."""
    folder = parent / name
    folder.mkdir(mode=0o700)
    (folder / "settings.json").write_text(json.dumps(
        {"language": "en", "native_notifications": False}))
    return folder


def cli(command: list[str], env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*command, *args], env=env, capture_output=True, text=True,
                          timeout=60, check=False)


def start(command: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as out:
        return subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT)


def stop(process: subprocess.Popen[bytes], command: list[str], env: dict[str, str]) -> int:
    """Ask the app to quit through its own command line; its exit code (kill if it hangs).
    Asked again while it says "not running": its command server may not listen yet."""
    deadline = time.monotonic() + 15
    while cli(command, env, "quit").returncode == 1 and process.poll() is None \
            and time.monotonic() < deadline:
        time.sleep(0.2)
    try:
        return process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        return -9


def functional_run(report: Report, exe: Path, env: dict[str, str], tmp: Path,
                   screenshot: Path) -> float:
    """The bundle on the virtual desktop: icon, status, overview, screenshot, quit."""
    # A journal with a pause an hour ago (tests/system/xdisplay.py): the week has a bar to
    # chart, so the overview really draws with QtCharts.
    folder = tmp / "functional"
    seed_due_pause(folder)
    command = [str(exe), "--data-dir", str(folder)]
    log = tmp / "functional.log"
    watcher = TrayWatcher(env["DISPLAY"])
    try:
        watcher.drain()
        began = time.monotonic()
        process = start(command, env, log)
        try:
            try:
                shown = watcher.wait_icon_shown(ICON_TIMEOUT_S)
            except TimeoutError:
                report.check(False, "the bundle's tray icon is shown",
                             log.read_text(errors="replace"))
            report.check(True, f"the bundle's tray icon is shown ({(shown - began) * 1000:.0f} ms)")
            tree = run(env, "xwininfo", "-tree", "-id", tray_panel(env))
            report.check('"StressBreak"' in tree, "the icon is embedded in trayer", tree)
            # The icon shows a moment before the command server listens (app/startup.py shows the
            # tray first): ask again for a few seconds while the answer is "not running".
            deadline = time.monotonic() + 15
            status = cli(command, env, "status")
            while status.returncode == 1 and time.monotonic() < deadline:
                time.sleep(0.2)
                status = cli(command, env, "status")
            report.check(status.returncode == 0 and "StressBreak" in status.stdout,
                         f"`stressbreak status` answers: {status.stdout.strip()!r}",
                         status.stdout + status.stderr)
            overview = cli(command, env, "overview")
            report.check(overview.returncode == 0, "`stressbreak overview` is accepted",
                         overview.stdout + overview.stderr)
            try:
                wait_for(lambda: find_window(env, OVERVIEW_TITLE) is not None, 30)
                opened = True
            except TimeoutError:
                opened = False
            report.check(opened, "the weekly overview opens", log.read_text(errors="replace"))
            maps = Path(f"/proc/{process.pid}/maps").read_text()
            report.check("libQt6Charts.so" in maps and "/stressbreak/_internal/" in maps,
                         "its charts run on the bundle's own libQt6Charts")
            time.sleep(1.5)  # let the charts paint before the picture is taken
            if shutil.which("import") is None:
                print("skip  screenshot: ImageMagick's `import` is not installed "
                      "(Debian: imagemagick)")
            else:
                screenshot.parent.mkdir(parents=True, exist_ok=True)
                shot = subprocess.run(["import", "-window", "root", str(screenshot)], env=env,
                                      capture_output=True, text=True, timeout=60, check=False)
                report.check(shot.returncode == 0 and screenshot.is_file(),
                             f"screenshot {screenshot}", shot.stderr)
        finally:
            code = stop(process, command, env)
    finally:
        watcher.close()
    output = log.read_text(errors="replace")
    report.check(code == 0, "`stressbreak quit` ends the bundle with exit code 0", output)
    report.check("Traceback" not in output and "ModuleNotFoundError" not in output,
                 "no Python error in the bundle's output", output)
    return (shown - began) * 1000


def time_to_icon(command: list[str], env: dict[str, str], folder: Path) -> float:
    """Milliseconds from process start to its tray icon embedded and viewable."""
    command = [*command, "--data-dir", str(folder)]
    watcher = TrayWatcher(env["DISPLAY"])
    try:
        watcher.drain()
        began = time.monotonic()
        process = start(command, env, folder.with_suffix(".log"))
        try:
            shown = watcher.wait_icon_shown(ICON_TIMEOUT_S)
        finally:
            code = stop(process, command, env)
    finally:
        watcher.close()
    if code != 0:
        log = folder.with_suffix(".log").read_text(errors="replace")
        raise CheckFailedError(f"{command[0]} quit with {code}: {log}")
    return (shown - began) * 1000


def main(argv: list[str] | None = None) -> int:  # noqa: PLR0915  (one check after another)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help="build folder (default build/bundle; nothing is cached there)")
    parser.add_argument("--skip-build", action="store_true",
                        help="use the bundle already in --out")
    parser.add_argument("--runs", type=int, default=3,
                        help="start-up runs of each program for the medians (default 3)")
    parser.add_argument("--screenshot", type=Path, default=None,
                        help="where the screenshot goes (default <out>/bundle-run.png)")
    args = parser.parse_args(argv)
    out = args.out.resolve()
    screenshot = (args.screenshot or out / "bundle-run.png").resolve()
    report = Report()
    started = time.monotonic()
    try:
        print("== packaging/validate.py", flush=True)
        report.check(validate([]) == 0, "packaging metadata validates")

        missing = missing_tools()
        report.check(not missing, "Xvfb, trayer and xdotool are installed",
                     "missing: " + ", ".join(missing))

        print("== build", flush=True)
        exe = out / "dist" / "stressbreak" / "stressbreak"
        if args.skip_build and exe.is_file():
            build_s = None
        else:
            _bundle, build_s = build(out)
        report.check(exe.is_file(), f"bundle built: {exe}")
        app_version = version()
        shown = subprocess.run([str(exe), "--version"], capture_output=True, text=True,
                               timeout=60, check=False)
        report.check(shown.stdout.strip() == f"StressBreak {app_version}",
                     f"bundle --version is {app_version}: {shown.stdout.strip()!r}",
                     shown.stdout + shown.stderr)

        print("== the bundle on a virtual desktop (Xvfb + trayer)", flush=True)
        with tempfile.TemporaryDirectory(prefix="stressbreak-bundle-") as name, \
                virtual_desktop() as env:
            tmp = Path(name)
            env.pop("DBUS_SESSION_BUS_ADDRESS", None)  # the XEmbed tray (trayer), as benchmarks
            wait_for(lambda: bool(run(env, "xdotool", "search", "--name", "^panel$",
                                      check=False).strip()))
            first_ms = functional_run(report, exe, env, tmp, screenshot)

            print("== start-up: process start -> tray icon shown", flush=True)
            bundle_ms: list[float] = []
            python_ms: list[float] = []
            for index in range(args.runs):
                bundle_ms.append(time_to_icon([str(exe)], env, data_dir(tmp, f"b{index}")))
                python_ms.append(time_to_icon([sys.executable, "-m", "stressbreak"], env,
                                              data_dir(tmp, f"p{index}")))
            report.check(True, f"{args.runs} timed runs of each quit cleanly")
    except CheckFailedError as failure:
        if not failure.args or failure.args[0] != "counted":
            report.failed += 1
            print(f"FAIL  {failure}")
    except Exception as exc:  # noqa: BLE001  (any error is a failed check, said plainly)
        report.failed += 1
        print(f"FAIL  {type(exc).__name__}: {exc}")
    if report.failed == 0:
        print("== summary")
        print(f"bundle size: {size_text(out / 'dist' / 'stressbreak')}")
        if build_s is not None:
            print(f"build time: {build_s:.0f} s")
        print(f"first start of the bundle (cold): {first_ms:.0f} ms to the tray icon")
        print(f"start -> tray icon, median of {args.runs}: bundle "
              f"{statistics.median(bundle_ms):.0f} ms "
              f"({', '.join(f'{ms:.0f}' for ms in bundle_ms)}), python -m stressbreak "
              f"{statistics.median(python_ms):.0f} ms "
              f"({', '.join(f'{ms:.0f}' for ms in python_ms)})")
        if screenshot.is_file():
            print(f"screenshot: {screenshot}")
    print(f"whole check: {time.monotonic() - started:.0f} s")
    print(f"bundle check: {report.passed} passed, {report.failed} failed")
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
