from __future__ import annotations

import logging
import threading
import wave

import pytest

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
    assert "sound cues are off: no audio player found" in messages
    assert "spoken cues are off: no speech synthesiser found" in messages


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
