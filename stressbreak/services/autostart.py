"""Start at login: an XDG autostart entry on Linux, a per-user Run value on Windows, a
LaunchAgent on macOS.

What each platform gets written is a pure function (`desktop_entry`, `windows_run_value`,
`launch_agent_plist`), so its exact content is tested on any machine; the classes only put it in
place and take it away. Constructors touch nothing; every method that does raises OSError,
which the caller turns into a sentence for the user.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Protocol

from stressbreak.services.files import make_private_dirs, write_atomic

APP_NAME = "StressBreak"
DESKTOP_FILE_NAME = "stressbreak.desktop"
# The reverse-DNS name of the app: the LaunchAgent's Label and file name, the macOS bundle's
# CFBundleIdentifier and the icon name the Linux packages install (packaging/validate.py
# checks they agree).
BUNDLE_ID = "org.stressbreak.StressBreak"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
RUN_VALUE_NAME = APP_NAME

_COMMENT_EN = "One-minute pauses and a stress meter, from the system tray"
_COMMENT_NL = "Pauzes van een minuut en een stressmeter, vanuit het systeemvak"


class Autostart(Protocol):
    """Whether StressBreak starts when the user logs in; each method may raise OSError."""

    def is_enabled(self) -> bool: ...

    def enable(self, command: list[str]) -> None: ...

    def disable(self) -> None: ...


def autostart_command(
    executable: str | None = None, *, frozen: bool | None = None, platform: str | None = None
) -> list[str]:
    """The command that starts this StressBreak: the bundle itself when frozen, else this
    Python with `-m stressbreak` (the same interpreter, so the same installed package).

    On Windows `pythonw.exe` is preferred beside `python.exe`, so no console window opens at
    every login.
    """
    executable = sys.executable if executable is None else executable
    frozen = bool(getattr(sys, "frozen", False)) if frozen is None else frozen
    platform = sys.platform if platform is None else platform
    if frozen:
        return [executable]
    if platform == "win32":
        program = Path(executable)
        windowless = program.with_name("pythonw.exe")
        if program.name.lower() == "python.exe" and windowless.is_file():
            executable = str(windowless)
    return [executable, "-m", "stressbreak"]


# --- Linux and other XDG desktops --------------------------------------------------------------

# Characters that make the Desktop Entry spec's Exec key require double quotes around an argument.
_EXEC_RESERVED = frozenset(" \t\n\"'\\><~|&;$*?#()`")
# Inside the quotes these four need a backslash (the spec's "quoting rule").
_EXEC_ESCAPED = re.compile(r'(["`$\\])')


def _exec_argument(argument: str) -> str:
    if "\n" in argument or "\r" in argument:
        raise ValueError(f"an autostart command cannot hold a line break: {argument!r}")
    argument = argument.replace("%", "%%")  # a lone % would start a field code such as %f
    if argument and not _EXEC_RESERVED & set(argument):
        return argument
    return '"' + _EXEC_ESCAPED.sub(r"\\\1", argument) + '"'


def exec_line(command: Sequence[str]) -> str:
    """The value of the Exec key for `command`, as the Desktop Entry spec wants it written.

    First each argument is quoted (the quoting rule), then the whole value is escaped as any
    string value is (the escape rule doubles each backslash): readers undo them in reverse.
    """
    if not command:
        raise ValueError("an autostart command needs at least the program")
    quoted = " ".join(_exec_argument(argument) for argument in command)
    return quoted.replace("\\", "\\\\")


def desktop_entry(command: Sequence[str]) -> str:
    """The autostart desktop entry that runs `command` at login."""
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.4",  # 1.5 adds nothing used here, and older validators reject it
        f"Name={APP_NAME}",
        f"Comment={_COMMENT_EN}",
        f"Comment[nl]={_COMMENT_NL}",
        f"Exec={exec_line(command)}",
        f"Icon={BUNDLE_ID}",  # the name packaging/ installs the hicolor icons under
        "Terminal=false",
        "StartupNotify=false",
        "X-GNOME-Autostart-enabled=true",
        "",
    ])


def xdg_config_home(environ: Mapping[str, str], home: Path) -> Path:
    """$XDG_CONFIG_HOME, or ~/.config when it is unset, empty or relative (the Base Directory
    spec says a relative path is invalid and must be ignored)."""
    configured = environ.get("XDG_CONFIG_HOME", "")
    if configured and Path(configured).is_absolute():
        return Path(configured)
    return home / ".config"


class XdgAutostart:
    def __init__(self, config_home: Path) -> None:
        self.path = config_home / "autostart" / DESKTOP_FILE_NAME

    def is_enabled(self) -> bool:
        """The entry is there and not switched off: desktops' own start-up settings (GNOME
        Tweaks, KDE) may set Hidden or X-GNOME-Autostart-enabled instead of deleting it."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return False
        except UnicodeDecodeError as exc:
            raise OSError(f"{self.path}: {exc}") from exc
        lines = {line.strip().replace(" ", "") for line in text.splitlines()}
        return not {"Hidden=true", "X-GNOME-Autostart-enabled=false"} & lines

    def enable(self, command: list[str]) -> None:
        # A folder made here is 0700 and the entry 0600 whatever the umask: the session reads
        # it as this user. An autostart folder that exists is the desktop's, left as it is.
        make_private_dirs(self.path.parent)
        write_atomic(self.path, desktop_entry(command).encode("utf-8"))

    def disable(self) -> None:
        self.path.unlink(missing_ok=True)


# --- Windows ---------------------------------------------------------------------------------


def windows_run_value(command: Sequence[str]) -> str:
    """The Run value for `command`: the program always in double quotes (an unquoted path with
    spaces, such as C:\\Program Files\\..., is split by Windows at the first space), the
    arguments quoted by the C runtime's rules."""
    if not command:
        raise ValueError("an autostart command needs at least the program")
    program, *arguments = command
    if '"' in program:
        raise ValueError(f"a Windows program path cannot hold a double quote: {program!r}")
    # Here, not at the top: the tray app on Linux should not keep subprocess (and locale)
    # loaded all day for a Windows quoting rule.
    import subprocess  # noqa: PLC0415

    return " ".join([f'"{program}"', *([subprocess.list2cmdline(arguments)] if arguments else [])])


class RunRegistry(Protocol):
    """The user's Run key: one named string value each (a fake stands in for it in tests)."""

    def get(self, name: str) -> str | None: ...

    def set(self, name: str, value: str) -> None: ...

    def delete(self, name: str) -> None: ...


class WinregRunRegistry:
    """HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run, through winreg."""

    def get(self, name: str) -> str | None:
        if sys.platform != "win32":  # spelled out so type checkers elsewhere skip the rest
            raise OSError("the Windows registry exists only on Windows")
        import winreg  # noqa: PLC0415 - only Windows has it

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
                value, _kind = winreg.QueryValueEx(key, name)
        except FileNotFoundError:
            return None
        return str(value)

    def set(self, name: str, value: str) -> None:
        if sys.platform != "win32":
            raise OSError("the Windows registry exists only on Windows")
        import winreg  # noqa: PLC0415 - only Windows has it

        with winreg.CreateKeyEx(
            winreg.HKEY_CURRENT_USER, RUN_KEY, 0, winreg.KEY_SET_VALUE
        ) as key:
            winreg.SetValueEx(key, name, 0, winreg.REG_SZ, value)

    def delete(self, name: str) -> None:
        if sys.platform != "win32":
            raise OSError("the Windows registry exists only on Windows")
        import winreg  # noqa: PLC0415 - only Windows has it

        try:
            with winreg.OpenKey(
                winreg.HKEY_CURRENT_USER, RUN_KEY, 0, winreg.KEY_SET_VALUE
            ) as key:
                winreg.DeleteValue(key, name)
        except FileNotFoundError:
            return  # already gone: that is what was asked for


class WindowsAutostart:
    def __init__(self, registry: RunRegistry) -> None:
        self._registry = registry

    def is_enabled(self) -> bool:
        return bool(self._registry.get(RUN_VALUE_NAME))

    def enable(self, command: list[str]) -> None:
        self._registry.set(RUN_VALUE_NAME, windows_run_value(command))

    def disable(self) -> None:
        self._registry.delete(RUN_VALUE_NAME)


# --- macOS -----------------------------------------------------------------------------------


def launch_agent_plist(command: Sequence[str]) -> bytes:
    """The LaunchAgent that runs `command` once at login (RunAtLoad, no KeepAlive: quitting
    StressBreak must keep it quit). launchd reads the arguments as a list, so no quoting."""
    if not command:
        raise ValueError("an autostart command needs at least the program")
    # Here, not at the top: plistlib loads the XML parser (pyexpat), which the tray app on
    # Linux and Windows would otherwise keep for the whole day.
    import plistlib  # noqa: PLC0415

    return plistlib.dumps({
        "Label": BUNDLE_ID,
        "ProgramArguments": list(command),
        "RunAtLoad": True,
        "ProcessType": "Interactive",  # a window the user works with: don't throttle it
    })


class LaunchAgentAutostart:
    """~/Library/LaunchAgents/<bundle id>.plist. launchd reads the folder at the next login;
    nothing is loaded now, so enabling does not start a second StressBreak."""

    def __init__(self, home: Path) -> None:
        self.path = home / "Library" / "LaunchAgents" / f"{BUNDLE_ID}.plist"

    def is_enabled(self) -> bool:
        return self.path.is_file()

    def enable(self, command: list[str]) -> None:
        make_private_dirs(self.path.parent)
        write_atomic(self.path, launch_agent_plist(command))

    def disable(self) -> None:
        self.path.unlink(missing_ok=True)


def platform_autostart(
    platform: str | None = None,
    environ: Mapping[str, str] | None = None,
    home: Path | None = None,
) -> Autostart:
    """The autostart of this platform (or the one named). Reads only the environment."""
    platform = sys.platform if platform is None else platform
    environ = os.environ if environ is None else environ
    if home is None:
        home = Path.home()
    if platform == "win32":
        return WindowsAutostart(WinregRunRegistry())
    if platform == "darwin":
        return LaunchAgentAutostart(home)
    return XdgAutostart(xdg_config_home(environ, home))

