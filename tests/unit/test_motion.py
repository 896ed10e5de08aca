"""Reduced motion: the setting's three values (and the old on/off files), the rule that decides,
and each platform's reader with the outside world replaced through its seams.

The readers' own logic runs for real; only what calls the OS is replaced: the settings portal
(a (namespace, key) → value function), `gsettings` / `defaults` (a command runner), user32 (a
stand-in library whose SystemParametersInfoW writes through the pointer it is given, as
Windows does). kdeglobals is a real file. The portal over a real session bus is in
tests/system/test_motion_portal.py.
"""

from __future__ import annotations

import ctypes
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from stressbreak.core.messages import Message
from stressbreak.core.settings import (
    SPEC_BY_KEY,
    Kind,
    Settings,
    motion_is_reduced,
    parse_settings,
    settings_to_dict,
)
from stressbreak.services.motion import (
    DEFAULTS_COMMAND,
    ENABLE_ANIMATIONS,
    GSETTINGS_COMMAND,
    REDUCED_MOTION,
    SPI_GETCLIENTAREAANIMATION,
    NoPortal,
    kdeglobals_answer,
    platform_motion,
)
from stressbreak.services.settings_store import SettingsStore
from tests.fakes import MotionPlatform

# -- the setting ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("in_file", "meant"), [
    (True, "on"),  # the old switch, ticked: the user asked for less motion
    (False, "system"),  # the old default: no wish either way, so follow the system
    ("system", "system"),
    ("on", "on"),
    ("off", "off"),
])
def test_old_and_new_values_are_read(in_file, meant):
    settings, problems = parse_settings({"reduced_motion": in_file})
    assert problems == []
    assert settings.reduced_motion == meant


def test_the_default_follows_the_system_and_is_offered_as_three_choices():
    assert Settings().reduced_motion == "system"
    spec = SPEC_BY_KEY["reduced_motion"]
    assert spec.kind is Kind.CHOICE
    assert [choice.value for choice in spec.choices] == ["system", "on", "off"]
    assert all(choice.context == "settings" for choice in spec.choices)


@pytest.mark.parametrize("wrong", ["sometimes", "On", "", 1, 0, None, ["on"], {"on": True}])
def test_a_wrong_value_names_the_key_and_the_choices_and_the_default_is_used(wrong):
    settings, problems = parse_settings({"reduced_motion": wrong, "snooze_min": 10})
    assert settings.reduced_motion == "system"
    assert settings.snooze_min == 10  # the rest of the file still counts
    [problem] = problems
    assert isinstance(problem, Message)
    assert problem == (f"'reduced_motion': unknown motion choice {wrong!r}; choose one of "
                       f'system, on, off; the default "system" is used')
    assert problem.params["problem"].context == "settings"  # translated where it is shown


def test_an_old_file_is_read_without_a_word_and_saved_in_the_new_form(tmp_path: Path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"version": 1, "reduced_motion": True}))
    told: list[str] = []
    store = SettingsStore(path, told.append)
    settings = store.load()
    assert told == []
    assert settings.reduced_motion == "on"
    assert json.loads(path.read_text()) == {"version": 1, "reduced_motion": True}  # only read
    store.save(settings)
    assert json.loads(path.read_text())["reduced_motion"] == "on"
    assert store.load() == settings


def test_a_wrong_value_in_the_file_is_told_with_the_path_and_the_key(tmp_path: Path):
    path = tmp_path / "settings.json"
    path.write_text('{"reduced_motion": "yes please"}')
    told: list[str] = []
    assert SettingsStore(path, told.append).load().reduced_motion == "system"
    [message] = told
    assert str(path) in message
    assert "'reduced_motion': unknown motion choice 'yes please'" in message
    assert path.read_text() == '{"reduced_motion": "yes please"}'


def test_every_value_survives_the_file():
    for value in ("system", "on", "off"):
        written = settings_to_dict(Settings(reduced_motion=value))
        assert written["reduced_motion"] == value
        assert parse_settings(written) == (Settings(reduced_motion=value), [])


# -- the rule ------------------------------------------------------------------------------------


Platform = MotionPlatform


@pytest.mark.parametrize(("choice", "platform", "reduced", "asked"), [
    ("on", False, True, 0),
    ("on", None, True, 0),
    ("off", True, False, 0),
    ("system", True, True, 1),
    ("system", False, False, 1),
    ("system", None, False, 1),  # the platform does not say: full motion
])
def test_on_off_and_following_the_system(choice, platform, reduced, asked):
    ask = Platform(platform)
    assert motion_is_reduced(choice, ask) is reduced
    assert ask.asked == asked


# -- Linux and other Unix desktops ---------------------------------------------------------------


class Portal:
    """A settings portal that knows some keys; `running=False`: no portal on the bus."""

    def __init__(self, values: dict[tuple[str, str], object] | None = None,
                 running: bool = True) -> None:
        self.values = dict(values or {})
        self.running = running
        self.asked: list[tuple[str, str]] = []

    def __call__(self, namespace: str, key: str) -> object:
        self.asked.append((namespace, key))
        if not self.running:
            raise NoPortal("org.freedesktop.DBus.Error.ServiceUnknown")
        return self.values.get((namespace, key))


class Runner:
    def __init__(self, output: str | None) -> None:
        self.output = output
        self.commands: list[tuple[str, ...]] = []

    def __call__(self, command) -> str | None:
        self.commands.append(tuple(command))
        return self.output


def no_run(command):
    raise AssertionError(f"nothing should be run here: {command}")


def _unix(portal: Portal, run=no_run, **environ: str):
    return platform_motion(platform="linux", environ={"HOME": "/nonexistent", **environ},
                           run=run, portal=portal)


BOTH = [REDUCED_MOTION, ENABLE_ANIMATIONS]


@pytest.mark.parametrize(("values", "answer", "asked", "gsettings"), [
    ({REDUCED_MOTION: 1}, True, [REDUCED_MOTION], False),  # decided: nothing else is asked
    ({REDUCED_MOTION: 0, ENABLE_ANIMATIONS: False}, True, BOTH, False),
    ({REDUCED_MOTION: 0, ENABLE_ANIMATIONS: True}, False, BOTH, False),
    ({ENABLE_ANIMATIONS: False}, True, BOTH, False),
    ({ENABLE_ANIMATIONS: True}, False, BOTH, False),
    # Unknown values of reduced-motion mean "no preference"; a wrong type is no answer.
    ({REDUCED_MOTION: 2, ENABLE_ANIMATIONS: True}, False, BOTH, False),
    ({REDUCED_MOTION: True, ENABLE_ANIMATIONS: "false"}, None, BOTH, True),
])
def test_the_portal_answers(values, answer, asked, gsettings):
    portal = Portal(values)
    run = Runner(None)  # gsettings, asked only without the portal's enable-animations
    reader = _unix(portal, run=run, XDG_CURRENT_DESKTOP="GNOME")
    assert reader.reduce_motion() is answer
    assert portal.asked == asked
    assert run.commands == ([GSETTINGS_COMMAND] if gsettings else [])


def test_each_read_asks_afresh():
    portal = Portal({ENABLE_ANIMATIONS: True})
    reader = _unix(portal)
    assert reader.reduce_motion() is False
    portal.values[ENABLE_ANIMATIONS] = False  # switched off in the desktop's settings
    assert reader.reduce_motion() is True
    assert len(portal.asked) == 4


@pytest.mark.parametrize(("output", "answer"), [
    ("false\n", True), ("true\n", False), (None, None), ("No such schema\n", None)])
def test_without_a_portal_gsettings_is_asked(output, answer):
    portal = Portal(running=False)
    run = Runner(output)
    assert _unix(portal, run=run, XDG_CURRENT_DESKTOP="XFCE").reduce_motion() is answer
    assert portal.asked == [REDUCED_MOTION]  # no portal: not asked a second time
    assert run.commands == [GSETTINGS_COMMAND]


def test_a_portal_without_gnome_s_key_falls_back_to_gsettings():
    portal = Portal({REDUCED_MOTION: 0})
    run = Runner("false\n")
    assert _unix(portal, run=run).reduce_motion() is True
    assert run.commands == [GSETTINGS_COMMAND]


def test_no_portal_and_no_gsettings_is_no_answer():
    assert _unix(Portal(running=False), run=Runner(None)).reduce_motion() is None


def _kde_home(tmp_path: Path, kdeglobals: str | None) -> dict[str, str]:
    config = tmp_path / "config"
    config.mkdir()
    if kdeglobals is not None:
        (config / "kdeglobals").write_text(kdeglobals)
    return {"XDG_CURRENT_DESKTOP": "KDE", "XDG_CONFIG_HOME": str(config)}


@pytest.mark.parametrize(("kdeglobals", "answer"), [
    ("[KDE]\nAnimationDurationFactor=0\n", True),
    ("[General]\nColorScheme=BreezeDark\n\n[KDE]\nLookAndFeelPackage=org.kde.breeze\n"
     "AnimationDurationFactor=0.0\n", True),
    ("[KDE]\nAnimationDurationFactor=1\n", False),
    ("[KDE]\nAnimationDurationFactor=0.25\n", False),  # only faster, still moving
    ("[KDE]\nSingleClick=false\n", None),  # never changed: no answer
    (None, None),  # no kdeglobals at all
])
def test_kde_animation_speed(tmp_path: Path, kdeglobals, answer):
    portal = Portal()  # the KDE portal has no GNOME key and no reduced-motion of its own
    reader = _unix(portal, **_kde_home(tmp_path, kdeglobals))
    assert reader.reduce_motion() is answer  # and gsettings is never run on KDE (no_run)


def test_on_kde_instant_animations_decide_before_the_bus_is_asked(tmp_path: Path):
    portal = Portal({ENABLE_ANIMATIONS: True})
    reader = _unix(portal, **_kde_home(tmp_path, "[KDE]\nAnimationDurationFactor=0\n"))
    assert reader.reduce_motion() is True
    assert portal.asked == []


def test_on_kde_the_portal_still_counts(tmp_path: Path):
    portal = Portal({REDUCED_MOTION: 1})
    reader = _unix(portal, **_kde_home(tmp_path, "[KDE]\nAnimationDurationFactor=1\n"))
    assert reader.reduce_motion() is True


def test_kdeglobals_is_read_only_in_a_kde_session(tmp_path: Path):
    environ = _kde_home(tmp_path, "[KDE]\nAnimationDurationFactor=0\n")
    environ["XDG_CURRENT_DESKTOP"] = "GNOME"  # a file left over from trying Plasma once
    assert _unix(Portal({ENABLE_ANIMATIONS: True}), **environ).reduce_motion() is False
    environ = {**environ, "XDG_CURRENT_DESKTOP": "", "KDE_FULL_SESSION": "true"}
    assert _unix(Portal(), **environ).reduce_motion() is True


def test_kdeglobals_without_xdg_config_home_is_in_home(tmp_path: Path):
    (tmp_path / ".config").mkdir()
    (tmp_path / ".config" / "kdeglobals").write_text("[KDE]\nAnimationDurationFactor=0\n")
    reader = platform_motion(platform="linux", run=no_run, portal=Portal(),
                             environ={"XDG_CURRENT_DESKTOP": "KDE", "HOME": str(tmp_path),
                                      "XDG_CONFIG_HOME": "relative/is/ignored"})
    assert reader.reduce_motion() is True


@pytest.mark.parametrize(("text", "answer"), [
    ("[KDE][$i]\nAnimationDurationFactor=0\n", True),  # a locked group
    ("[KDE]\nAnimationDurationFactor[$i]=0\n", True),  # a locked key
    ("[KDE]\n  AnimationDurationFactor = 0  \n", True),
    ("[KDE]\nAnimationDurationFactor=0\nAnimationDurationFactor=2\n", False),  # the last counts
    ("[KDE]\n# AnimationDurationFactor=0\n", None),
    ("[KDE]\nAnimationDurationFactor[de]=0\n", None),  # a translation, not the value
    ("[KDE][Other]\nAnimationDurationFactor=0\n", None),  # a subgroup
    ("[Other]\nAnimationDurationFactor=0\n[KDE]\n", None),
    ("[KDE]\nAnimationDurationFactor=slow\n", None),
    ("[KDE]\nAnimationDurationFactor=-1\n", None),
    ("[KDE]\nAnimationDurationFactor=nan\n", None),
    ("", None),
])
def test_kdeglobals_parser(text, answer):
    assert kdeglobals_answer(text) is answer


# -- Windows -------------------------------------------------------------------------------------


class Function:
    """A stand-in for a ctypes function pointer: accepts restype/argtypes, calls `body`."""

    def __init__(self, body) -> None:
        self.body = body

    def __call__(self, *args):
        return self.body(*args)


class User32:
    """SystemParametersInfoW as Windows does it: the answer is written through the pointer."""

    def __init__(self, animations: bool | None) -> None:
        self.animations = animations  # None: the call fails
        self.calls: list[tuple[int, int, int]] = []
        self.SystemParametersInfoW = Function(self._system_parameters_info)

    def _system_parameters_info(self, action, ui_param, pv_param, flags) -> int:
        self.calls.append((action, ui_param, flags))
        if self.animations is None:
            return 0
        target = pv_param._obj  # what ctypes.byref points at: a BOOL
        assert isinstance(target, ctypes.c_int)
        target.value = int(self.animations)
        return 1


@pytest.mark.parametrize(("animations", "answer"), [(False, True), (True, False), (None, None)])
def test_windows_animation_effects(animations, answer):
    user32 = User32(animations)
    loads: list[bool] = []

    def load():
        loads.append(True)
        return user32

    reader = platform_motion(platform="win32", environ={}, run=no_run, load_user32=load)
    assert loads == []  # nothing loaded until the first read
    assert reader.reduce_motion() is answer
    assert reader.reduce_motion() is answer
    assert user32.calls == [(SPI_GETCLIENTAREAANIMATION, 0, 0)] * 2
    assert loads == [True]  # loaded once, kept


def test_windows_without_user32_is_no_answer():
    reader = platform_motion(platform="win32", environ={}, run=no_run, load_user32=lambda: None)
    assert reader.reduce_motion() is None


# -- macOS ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("output", "answer"), [
    ("1\n", True), ("0\n", False),
    (None, None),  # never set: `defaults` fails ("does not exist")
    ("maybe\n", None),
])
def test_macos_reduce_motion(output, answer):
    run = Runner(output)
    reader = platform_motion(platform="darwin", environ={}, run=run)
    assert run.commands == []
    assert reader.reduce_motion() is answer
    assert run.commands == [DEFAULTS_COMMAND]


def test_an_unknown_platform_has_no_preference():
    assert platform_motion(platform="sunos5", environ={}, run=no_run).reduce_motion() is None


# -- cost ----------------------------------------------------------------------------------------


def test_importing_and_building_the_reader_loads_no_qt_or_ctypes_and_touches_nothing():
    # The real defaults: the portal reader on a bus address that does not exist. Building it
    # must not connect (that would fail loudly here) nor load QtDBus.
    code = textwrap.dedent("""
        import json, sys
        from stressbreak.services.motion import platform_motion
        reader = platform_motion(platform="linux", environ={
            "DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent/bus", "HOME": "/nonexistent"})
        print(json.dumps(sorted(m for m in sys.modules
                                if m.split(".")[0] in ("PySide6", "shiboken6", "ctypes"))))
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, check=True)
    assert json.loads(done.stdout) == []
