from __future__ import annotations

import logging
import threading
import wave

import pytest

from stressbreak.core.messages import Message
from stressbreak.services.cues import SOUNDS, Cues


class Recorder:
    def __init__(self) -> None:
        self.commands: list[list[str]] = []
        self.done = threading.Event()

    def __call__(self, command) -> None:
        self.commands.append(list(command))
        self.done.set()

    def wait(self) -> None:
        assert self.done.wait(5)
        self.done.clear()


def which_of(*present: str):
    return lambda name: f"/usr/bin/{name}" if name in present else None


def test_our_chimes_are_short_quiet_wav_files():
    for name in ("in.wav", "out.wav"):
        with wave.open(str(SOUNDS / name)) as sound:
            assert sound.getnchannels() == 1
            assert 0.3 < sound.getnframes() / sound.getframerate() < 1.5


def test_chimes_through_the_first_linux_player_found():
    run = Recorder()
    cues = Cues("en", which=which_of("paplay", "aplay"), run=run, platform="linux")
    cues.configure(sound=True, speech=False)
    cues.chime(rising=True)
    run.wait()
    cues.chime(rising=False)
    run.wait()
    assert run.commands == [["paplay", str(SOUNDS / "in.wav")],
                            ["paplay", str(SOUNDS / "out.wav")]]


def test_speech_uses_the_app_language_voice():
    run = Recorder()
    cues = Cues("nl", which=which_of("espeak-ng"), run=run, platform="linux")
    cues.configure(sound=False, speech=True)
    cues.say("Adem in")
    run.wait()
    assert run.commands == [["espeak-ng", "-v", "nl", "-s", "140", "Adem in"]]


def test_switched_off_cues_stay_silent():
    run = Recorder()
    cues = Cues("en", which=which_of("paplay", "espeak"), run=run, platform="linux")
    cues.configure(sound=False, speech=False)
    cues.chime(rising=True)
    cues.say("Breathe in")
    assert not run.done.wait(0.2)


def test_missing_backends_switch_the_cue_off_with_a_reason(caplog):
    cues = Cues("en", which=which_of(), run=Recorder(), platform="linux")
    with caplog.at_level(logging.WARNING):
        cues.configure(sound=True, speech=True)
    assert not cues.sound_enabled
    assert not cues.speech_enabled
    messages = " ".join(r.getMessage() for r in caplog.records)
    assert "sound cues are off: No sound player found" in messages
    assert "spoken cues are off: No speech engine found" in messages


@pytest.mark.parametrize(("platform", "on_path", "speaker"), [
    ("linux", ("espeak-ng", "espeak", "spd-say"), "espeak-ng"),
    ("linux", ("espeak", "spd-say"), "espeak"),
    ("linux", ("spd-say",), "spd-say"),
    ("darwin", ("say", "espeak"), "say"),
    ("darwin", ("espeak",), "espeak"),
    ("win32", ("espeak",), "espeak"),
    ("freebsd14", ("espeak-ng",), "espeak-ng"),
])
def test_the_speech_engine_is_found_on_path(platform: str, on_path: tuple[str, ...],
                                            speaker: str):
    cues = Cues("en", which=which_of(*on_path), run=Recorder(), platform=platform)
    assert cues.speaker() == speaker
    assert cues.speech_unavailable_reason() is None


@pytest.mark.parametrize(("platform", "words"), [
    ("linux", "install speech-dispatcher or espeak-ng"),
    ("win32", "install eSpeak NG"),
    ("darwin", "say command is missing"),
])
def test_without_a_speech_engine_the_reason_says_what_to_install(platform: str, words: str):
    # flite and espeak.exe's own spelling are not ours: only what this module would run counts.
    cues = Cues("en", which=which_of("flite", "paplay", "afplay"), run=Recorder(),
                platform=platform)
    reason = cues.speech_unavailable_reason()
    assert isinstance(reason, Message)
    assert reason.context == "cues"
    assert reason.startswith("No speech engine found")
    assert words in reason


def test_without_a_sound_player_the_reason_says_what_to_install():
    cues = Cues("en", which=which_of("espeak"), run=Recorder(), platform="linux")
    reason = cues.sound_unavailable_reason()
    assert isinstance(reason, Message)
    assert "pulseaudio-utils" in reason
    assert Cues("en", which=which_of("aplay"), platform="linux").sound_unavailable_reason() is None
    assert Cues("en", which=which_of(), platform="win32").sound_unavailable_reason() is None


def test_speech_dispatcher_speaks_in_the_app_language_and_waits_until_done():
    run = Recorder()
    cues = Cues("nl", which=which_of("spd-say"), run=run, platform="linux")
    cues.configure(sound=False, speech=True)
    cues.say("Adem in")
    run.wait()
    assert run.commands == [["spd-say", "-w", "-l", "nl", "-r", "-30", "Adem in"]]


def test_macos_speaks_with_say():
    run = Recorder()
    cues = Cues("en", which=which_of("say"), run=run, platform="darwin")
    cues.configure(sound=False, speech=True)
    cues.say("Breathe out")
    run.wait()
    assert run.commands == [["say", "-r", "140", "Breathe out"]]


def _join_workers() -> None:
    for thread in threading.enumerate():
        if thread.daemon and thread is not threading.current_thread():
            thread.join(5)


def test_the_speech_engine_is_looked_for_at_each_cue(caplog):
    present = {"espeak"}
    run = Recorder()
    cues = Cues("en", which=lambda name: f"/usr/bin/{name}" if name in present else None,
                run=run, platform="linux")
    cues.configure(sound=False, speech=True)
    assert cues.speech_enabled
    present.clear()  # uninstalled while the app runs
    with caplog.at_level(logging.WARNING):
        for words in ("Breathe in", "Breathe out"):
            cues.say(words)
            _join_workers()
    assert run.commands == []
    assert not cues.speech_enabled
    assert caplog.text.count("No speech engine found") == 1  # said once
    present.add("spd-say")  # installed while the app runs
    assert cues.speech_enabled
    cues.say("Breathe in")
    run.wait()
    assert run.commands[0][0] == "spd-say"


def test_a_speech_program_that_fails_switches_speech_off_until_configured_again(caplog):
    def failing(command) -> None:
        raise OSError("no audio device")

    cues = Cues("en", which=which_of("espeak"), run=failing, platform="linux")
    cues.configure(sound=False, speech=True)
    with caplog.at_level(logging.WARNING):
        cues.say("Breathe in")
        _join_workers()
    assert not cues.speech_enabled
    assert "no audio device" in caplog.text
    cues.configure(sound=False, speech=True)
    assert cues.speech_enabled


def test_words_are_never_queued_while_speaking():
    release = threading.Event()
    spoken: list[str] = []

    def slow(command) -> None:
        spoken.append(command[-1])
        release.wait(5)

    cues = Cues("en", which=which_of("espeak"), run=slow, platform="linux")
    cues.configure(sound=False, speech=True)
    cues.say("Breathe in")
    cues.say("Breathe out")  # the first is still being spoken: dropped, not queued
    release.set()
    for thread in threading.enumerate():
        if thread.daemon and thread is not threading.current_thread():
            thread.join(5)
    assert spoken == ["Breathe in"]


@pytest.mark.parametrize("platform", ["darwin"])
def test_macos_uses_afplay(platform: str):
    run = Recorder()
    cues = Cues("en", which=which_of("afplay"), run=run, platform=platform)
    cues.configure(sound=True, speech=False)
    cues.chime(rising=False)
    run.wait()
    assert run.commands == [["afplay", str(SOUNDS / "out.wav")]]
