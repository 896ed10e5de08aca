"""Check everything in packaging/ that can be checked without building it on its platform.

    python packaging/validate.py            # exit 1 on any problem

- one version: stressbreak/__init__.py's __version__ is the newest <release> of the metainfo;
  the spec, the .iss and Info.plist take it from there (and say so);
- one identity: the app id is the same in the desktop file name, the metainfo, the Flatpak
  manifest, Info.plist, the .iss AppUserModelID and services/autostart.py's BUNDLE_ID;
- desktop-file-validate and appstreamcli validate (--no-net) pass;
- Info.plist loads and has LSUIElement, the bundle id and the notification text;
- the Inno Setup script's sections and entries are well formed and complete;
- the Flatpak manifest is valid JSON, pins every download by sha256 and names files that exist;
- the icons exist at every size, and the PNGs are the size their folder says.
"""

from __future__ import annotations

import argparse
import ast
import json
import plistlib
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

PACKAGING = Path(__file__).resolve().parent
ROOT = PACKAGING.parent
APP_ID = "org.stressbreak.StressBreak"
DESKTOP = PACKAGING / "linux" / f"{APP_ID}.desktop"
METAINFO = PACKAGING / "linux" / f"{APP_ID}.metainfo.xml"
FLATPAK = PACKAGING / "flatpak" / f"{APP_ID}.json"
ISS = PACKAGING / "windows" / "stressbreak.iss"
PLIST = PACKAGING / "macos" / "Info.plist"
ICONS = PACKAGING / "icons"
HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def module_constant(path: Path, name: str) -> str:
    """A string constant of a module, read without importing it (no Qt needed)."""
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(
            getattr(target, "id", None) == name for target in node.targets
        ):
            return str(ast.literal_eval(node.value))
    raise LookupError(f"{name} not found in {path}")


def version() -> str:
    return module_constant(ROOT / "stressbreak" / "__init__.py", "__version__")


class Checks:
    def __init__(self, skip_missing_tools: bool) -> None:
        self.failures: list[str] = []
        self.skip_missing_tools = skip_missing_tools

    def expect(self, ok: bool, what: str) -> None:
        print(("  ok    " if ok else "  FAIL  ") + what)
        if not ok:
            self.failures.append(what)

    def tool(self, name: str, *args: str) -> None:
        if shutil.which(name) is None:
            if self.skip_missing_tools:
                print(f"  skip  {name} is not installed")
                return
            self.expect(False, f"{name} is installed (Debian: see packaging/README.md)")
            return
        result = subprocess.run([name, *args], capture_output=True, text=True, check=False)
        output = (result.stdout + result.stderr).strip()
        print(f"  $ {name} {' '.join(Path(a).name if '/' in a else a for a in args)}")
        for line in output.splitlines():
            print(f"    {line}")
        self.expect(result.returncode == 0, f"{name} exits 0 (got {result.returncode})")


def check_linux(checks: Checks, app_version: str) -> None:
    print("Linux desktop integration")
    checks.tool("desktop-file-validate", str(DESKTOP))
    checks.tool("appstreamcli", "validate", "--no-net", "--explain", str(METAINFO))
    entry = dict(
        line.split("=", 1) for line in DESKTOP.read_text(encoding="utf-8").splitlines()
        if "=" in line and not line.startswith("#")
    )
    checks.expect(entry.get("Icon") == APP_ID, f"desktop file Icon={APP_ID}")
    checks.expect(entry.get("Exec", "").split()[0] == "stressbreak",
                  "desktop file runs stressbreak")
    root = ET.parse(METAINFO).getroot()
    checks.expect(root.findtext("id") == APP_ID, f"metainfo id is {APP_ID}")
    checks.expect(root.findtext("launchable") == DESKTOP.name, "metainfo launches the desktop file")
    releases = root.findall("releases/release")
    newest = releases[0].get("version") if releases else None
    checks.expect(newest == app_version,
                  f"metainfo's newest release is {app_version} (found {newest})")
    checks.expect(bool(releases and releases[0].find("description") is not None),
                  "the newest release has release notes")
    checks.expect(len(root.findall("screenshots/screenshot")) >= 1, "metainfo has screenshots")
    for shot in root.findall("screenshots/screenshot/image"):
        local = ROOT / "docs" / "screenshots" / Path(shot.text or "").name
        checks.expect(local.is_file(), f"screenshot {local.name} exists in docs/screenshots")


def check_icons(checks: Checks) -> None:
    print("Icons (made by packaging/make_icons.py)")
    hicolor = ICONS / "hicolor"
    checks.expect((hicolor / "scalable" / "apps" / f"{APP_ID}.svg").is_file(), "scalable SVG")
    checks.expect((hicolor / "symbolic" / "apps" / f"{APP_ID}-symbolic.svg").is_file(),
                  "symbolic SVG")
    for size in HICOLOR_SIZES:
        png = hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        if not png.is_file():
            checks.expect(False, f"{png.relative_to(PACKAGING)} exists")
            continue
        head = png.read_bytes()[:24]
        width, height = struct.unpack(">II", head[16:24])
        checks.expect(head[:8] == b"\x89PNG\r\n\x1a\n" and (width, height) == (size, size),
                      f"{size}x{size} PNG")
    ico = (ICONS / "stressbreak.ico").read_bytes()
    checks.expect(ico[:4] == b"\0\0\1\0" and struct.unpack("<H", ico[4:6])[0] >= 5,
                  "Windows .ico with several sizes")
    icns = (ICONS / "StressBreak.icns").read_bytes()
    checks.expect(icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns),
                  "macOS .icns")


def check_flatpak(checks: Checks) -> None:
    print("Flatpak manifest")
    try:
        manifest = json.loads(FLATPAK.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        checks.expect(False, f"{FLATPAK.name} is valid JSON: {exc}")
        return
    checks.expect(manifest.get("id") == APP_ID, f"id is {APP_ID}")
    checks.expect(manifest.get("command") == "stressbreak", "command is stressbreak")
    checks.expect(manifest.get("runtime") in ("org.kde.Platform", "org.freedesktop.Platform"),
                  "a KDE or freedesktop runtime")
    checks.expect(manifest.get("base-version") in (None, manifest.get("runtime-version")),
                  "the base app's version is the runtime's")
    names = [module.get("name") for module in manifest.get("modules", [])]
    for package in ("apscheduler", "tzlocal", "plyer", "tinydb", "platformdirs"):
        checks.expect(f"python3-{package}" in names, f"Python dependency {package} is a module")
    for module in manifest.get("modules", []):
        for source in module.get("sources", []):
            if source.get("type") == "file":
                checks.expect(bool(re.fullmatch(r"[0-9a-f]{64}", source.get("sha256", ""))),
                              f"{module['name']}: download pinned by sha256")
            if source.get("type") == "dir":
                folder = (FLATPAK.parent / source["path"]).resolve()
                checks.expect(folder == ROOT, f"{module['name']}: builds this repository")
        for command in module.get("build-commands", []):
            for word in command.split():
                if word.startswith("packaging/"):
                    checks.expect((ROOT / word).exists(), f"{module['name']}: {word} exists")


ISS_SECTIONS = ("Setup", "Languages", "CustomMessages", "Tasks", "Files", "Icons", "Registry",
                "Run", "UninstallRun", "UninstallDelete", "Code")
# One [Files]/[Icons]/... entry: `Name: value; Name: "quoted ""value"""; ...`.
_VALUE = r'("[^"]*(""[^"]*)*"|[^;"]*)'
_ENTRY = re.compile(rf"^\s*\w+:\s*{_VALUE}(;\s*\w+:\s*{_VALUE})*;?\s*$")


def iss_sections(text: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = ""
    for raw in text.splitlines():
        line = raw.strip()
        if current != "Code" and (not line or line.startswith(";")):
            continue
        if line.startswith("#"):  # preprocessor
            continue
        match = re.fullmatch(r"\[(\w+)\]", line)
        if match:
            current = match.group(1)
            sections.setdefault(current, [])
            continue
        sections.setdefault(current, []).append(raw)
    return sections


def check_windows(checks: Checks) -> None:
    print("Windows installer (Inno Setup script; built on Windows)")
    text = ISS.read_text(encoding="utf-8")
    sections = iss_sections(text)
    checks.expect(not sections.get(""), "nothing outside a section but preprocessor lines")
    for name in sections:
        checks.expect(name in ISS_SECTIONS, f"[{name}] is a known section")
    for name in ("Setup", "Files", "Icons", "UninstallRun", "Code"):
        checks.expect(name in sections, f"[{name}] is there")
    setup = {
        key.strip(): value.strip()
        for key, _, value in (line.partition("=") for line in sections.get("Setup", []))
    }
    checks.expect(all("=" in line for line in sections.get("Setup", [])), "[Setup] is key=value")
    checks.expect(setup.get("PrivilegesRequired") == "lowest", "per-user install (no admin)")
    checks.expect(setup.get("AppVersion") == "{#AppVersion}", "version comes from /DAppVersion")
    checks.expect("#error" in text, "iscc stops when no version is passed")
    for name in ("Files", "Icons", "Registry", "Run", "UninstallRun", "Tasks", "Languages",
                 "UninstallDelete"):
        for line in sections.get(name, []):
            checks.expect(bool(_ENTRY.match(line)), f"[{name}] entry is well formed: {line[:60]}")
    checks.expect('AppUserModelID: "{#AppUserModelID}"' in text
                  and f'#define AppUserModelID "{APP_ID}"' in text,
                  f"Start-menu shortcut carries AppUserModelID {APP_ID}")
    code = "\n".join(sections.get("Code", []))
    code_words = re.findall(r"\b(begin|end)\b", re.sub(r"//.*|'[^']*'", "", code), re.IGNORECASE)
    checks.expect(code_words.count("begin") == code_words.count("end"), "[Code] begin/end balance")
    checks.expect("UninstallSilent" in code and "MB_DEFBUTTON2" in code and "DelTree" in code,
                  "uninstall keeps the journal unless the user says Yes (default No)")
    stressbreak_dir = "{localappdata}\\stressbreak"
    checks.expect(stressbreak_dir in code, "the journal folder is platformdirs' one")
    for line in sections.get("CustomMessages", []):
        checks.expect(bool(re.match(r"^\w+\.\w+=", line)), f"custom message: {line[:40]}")
    for found in re.findall(r'(?:Source|SetupIconFile)[:=][ \t]*"?([^";\r\n]+)', text):
        source = found.strip()
        if "dist" in source:
            continue  # made by the build
        checks.expect((ISS.parent / source.replace("\\", "/")).exists(), f"{source} exists")


def check_macos(checks: Checks) -> None:
    print("macOS bundle (Info.plist; built on macOS)")
    with PLIST.open("rb") as handle:
        info = plistlib.load(handle)
    autostart_id = module_constant(ROOT / "stressbreak" / "services" / "autostart.py",
                                   "BUNDLE_ID")
    checks.expect(info.get("CFBundleIdentifier") == APP_ID == autostart_id,
                  f"bundle id {APP_ID} = autostart.BUNDLE_ID (the LaunchAgent's label)")
    checks.expect(info.get("LSUIElement") is True, "LSUIElement: menu bar only, no Dock icon")
    checks.expect(bool(info.get("NSUserNotificationsUsageDescription")),
                  "notification usage description")
    checks.expect(info.get("CFBundleIconFile") == "StressBreak.icns", "icon set")
    spec = (PACKAGING / "stressbreak.spec").read_text(encoding="utf-8")
    checks.expect('info["CFBundleShortVersionString"] = VERSION' in spec,
                  "the spec sets the bundle version from __version__")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-missing-tools", action="store_true",
                        help="skip (not fail) when desktop-file-validate or appstreamcli is absent")
    args = parser.parse_args(argv)
    checks = Checks(args.skip_missing_tools)
    app_version = version()
    print(f"StressBreak {app_version} (stressbreak/__init__.py)")
    check_linux(checks, app_version)
    check_icons(checks)
    check_flatpak(checks)
    check_windows(checks)
    check_macos(checks)
    if checks.failures:
        print(f"packaging/validate.py: {len(checks.failures)} problem(s):")
        for failure in checks.failures:
            print(f"  - {failure}")
        return 1
    print("packaging/validate.py: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
