"""Start at login: the exact content for each platform, and the XDG entry for real."""

from __future__ import annotations

import plistlib
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from stressbreak.services.autostart import (
    BUNDLE_ID,
    LaunchAgentAutostart,
    WindowsAutostart,
    XdgAutostart,
    autostart_command,
    desktop_entry,
    exec_line,
    launch_agent_plist,
    platform_autostart,
    windows_run_value,
    xdg_config_home,
)

COMMAND = ["/usr/bin/python3", "-m", "stressbreak"]


def test_the_desktop_entry_exactly():
    assert desktop_entry(COMMAND) == (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Version=1.4\n"
        "Name=StressBreak\n"
        "Comment=One-minute pauses and a stress meter, from the system tray\n"
        "Comment[nl]=Pauzes van een minuut en een stressmeter, vanuit het systeemvak\n"
        "Exec=/usr/bin/python3 -m stressbreak\n"
        "Icon=org.stressbreak.StressBreak\n"
        "Terminal=false\n"
        "StartupNotify=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


@pytest.mark.parametrize(
    ("argument", "written"),
    [
        ("plain", "plain"),
        ("/home/an ne/.venv/bin/python", '"/home/an ne/.venv/bin/python"'),
        ("100%", "100%%"),  # a lone % would be a field code
        ("it's", '"it\'s"'),
        ('say "hi"', r'"say \\"hi\\""'),  # quoted, then the string escape doubles the \
        ("C:\\x", r'"C:\\\\x"'),
        ("$HOME", r'"\\$HOME"'),
        ("", '""'),
    ],
)
def test_exec_quoting_follows_the_desktop_entry_spec(argument: str, written: str):
    assert exec_line(["prog", argument]) == f"prog {written}"


def test_a_line_break_or_no_program_is_refused():
    with pytest.raises(ValueError, match="line break"):
        exec_line(["prog", "a\nb"])
    with pytest.raises(ValueError, match="program"):
        desktop_entry([])


def test_the_windows_run_value_exactly():
    command = [r"C:\Program Files\Python312\pythonw.exe", "-m", "stressbreak"]
    assert windows_run_value(command) == r'"C:\Program Files\Python312\pythonw.exe" -m stressbreak'
    assert windows_run_value([r"C:\Apps\StressBreak.exe"]) == r'"C:\Apps\StressBreak.exe"'
    assert windows_run_value([r"C:\p.exe", "a b", 'q"t']) == r'"C:\p.exe" "a b" q\"t'


def test_the_launch_agent_exactly():
    data = launch_agent_plist(COMMAND)
    assert plistlib.loads(data) == {
        "Label": BUNDLE_ID,
        "ProgramArguments": COMMAND,
        "RunAtLoad": True,
        "ProcessType": "Interactive",
    }
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist')
    assert b"<key>RunAtLoad</key>\n\t<true/>" in data
    assert b"KeepAlive" not in data  # quitting StressBreak must keep it quit


def _validate(path: Path) -> None:
    validator = shutil.which("desktop-file-validate")
    if validator is None:
        return  # not installed here: the exact content above is still checked
    result = subprocess.run([validator, str(path)], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_xdg_enable_disable_for_real(tmp_path: Path):
    config = tmp_path / "config"
    command = [str(tmp_path / "my venv" / "python"), "-m", "stressbreak"]
    autostart = platform_autostart("linux", {"XDG_CONFIG_HOME": str(config)}, tmp_path)
    assert isinstance(autostart, XdgAutostart)
    assert not autostart.is_enabled()
    autostart.disable()  # nothing there: nothing to do, no error

    autostart.enable(command)
    path = config / "autostart" / "stressbreak.desktop"
    assert autostart.is_enabled()
    assert path.read_text(encoding="utf-8") == desktop_entry(command)
    assert path.stat().st_mode & 0o777 in (0o600, 0o644)
    assert [p.name for p in path.parent.iterdir()] == ["stressbreak.desktop"]  # no temp left
    exec_value = next(line for line in path.read_text().splitlines() if line.startswith("Exec="))
    # Unescaped (string escape, then quotes) the line gives back the very same command.
    assert shlex.split(exec_value.removeprefix("Exec=").replace("\\\\", "\\")) == command
    _validate(path)

    autostart.enable(command)  # again: replaced, still one file
    assert autostart.is_enabled()
    autostart.disable()
    assert not path.exists()
    assert not autostart.is_enabled()


def test_an_entry_switched_off_by_the_desktop_counts_as_off(tmp_path: Path):
    autostart = XdgAutostart(tmp_path)
    autostart.enable(COMMAND)
    text = autostart.path.read_text()
    autostart.path.write_text(text.replace("X-GNOME-Autostart-enabled=true",
                                           "X-GNOME-Autostart-enabled=false"))
    assert not autostart.is_enabled()
    autostart.path.write_text(text + "Hidden=true\n")
    assert not autostart.is_enabled()


def test_a_failure_to_write_is_an_oserror(tmp_path: Path):
    blocked = tmp_path / "autostart"
    blocked.write_text("a file where the folder should be")
    with pytest.raises(OSError):  # noqa: PT011 - the caller catches exactly OSError
        XdgAutostart(tmp_path).enable(COMMAND)


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "home/.config"),
        ({"XDG_CONFIG_HOME": ""}, "home/.config"),
        ({"XDG_CONFIG_HOME": "relative/conf"}, "home/.config"),  # invalid by the spec
        ({"XDG_CONFIG_HOME": "/etc/xdg-user"}, "/etc/xdg-user"),
    ],
)
def test_xdg_config_home(environ: dict[str, str], expected: str):
    home = Path("home")
    got = xdg_config_home(environ, home)
    assert got == Path(expected)


def test_launch_agent_for_real_in_a_fake_home(tmp_path: Path):
    autostart = platform_autostart("darwin", {}, tmp_path)
    assert isinstance(autostart, LaunchAgentAutostart)
    assert not autostart.is_enabled()
    autostart.enable(COMMAND)
    path = tmp_path / "Library" / "LaunchAgents" / f"{BUNDLE_ID}.plist"
    assert path.read_bytes() == launch_agent_plist(COMMAND)
    assert autostart.is_enabled()
    autostart.disable()
    assert not path.exists() and not autostart.is_enabled()


class FakeRegistry:
    def __init__(self) -> None:
        self.values: dict[str, str] = {}

    def get(self, name: str) -> str | None:
        return self.values.get(name)

    def set(self, name: str, value: str) -> None:
        self.values[name] = value

    def delete(self, name: str) -> None:
        self.values.pop(name, None)


def test_windows_writes_and_removes_its_run_value():
    registry = FakeRegistry()
    registry.values["Other"] = "other.exe"
    autostart = WindowsAutostart(registry)
    assert not autostart.is_enabled()
    autostart.enable([r"C:\Apps\StressBreak.exe"])
    assert registry.values == {"Other": "other.exe", "StressBreak": r'"C:\Apps\StressBreak.exe"'}
    assert autostart.is_enabled()
    autostart.disable()
    autostart.disable()
    assert registry.values == {"Other": "other.exe"}


def test_windows_registry_is_not_touched_elsewhere():
    autostart = platform_autostart("win32", {}, Path("home"))
    assert isinstance(autostart, WindowsAutostart)  # building it touches nothing
    if sys.platform != "win32":
        with pytest.raises(OSError, match="only on Windows"):
            autostart.is_enabled()


def test_the_command_to_start(tmp_path: Path):
    assert autostart_command("/venv/bin/python", frozen=False, platform="linux") == [
        "/venv/bin/python", "-m", "stressbreak"]
    assert autostart_command("/Apps/StressBreak", frozen=True, platform="linux") == [
        "/Apps/StressBreak"]
    python = tmp_path / "python.exe"
    assert autostart_command(str(python), frozen=False, platform="win32")[0] == str(python)
    (tmp_path / "pythonw.exe").write_bytes(b"")
    assert autostart_command(str(python), frozen=False, platform="win32") == [
        str(tmp_path / "pythonw.exe"), "-m", "stressbreak"]
