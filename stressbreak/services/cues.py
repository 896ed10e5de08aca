"""Optional cues at the turns of a breath: a soft chime, and spoken words for eyes-closed
breathing.

Sounds are played by the platform's own player (winsound on Windows, afplay on macOS, the
PipeWire/PulseAudio/ALSA players on Linux) rather than QtMultimedia. PySide6-Addons is
installed anyway (for the overview's charts), but importing QtMultimedia costs 5.9 MB of
resident memory and loads its FFmpeg backend (libavcodec alone is 15 MB), and shipping it
would add about 21 MB to the bundle, all for two short WAV chimes that every desktop's own
player plays without a codec.

Speech runs a speech program found on PATH, with the voice of the app's language where the
program can choose one: espeak-ng or espeak, then speech-dispatcher's spd-say on Linux; `say`
on macOS; espeak-ng or espeak on Windows. That is what plyer's text-to-speech would run too
(espeak or flite on Linux, `say` on macOS, espeak.exe on Windows), but plyer cannot choose a
voice, so Dutch would be read with an English one, and calling the program ourselves means
that the program found is the one used: the settings window and `stressbreak status` say
exactly when there is none (`speech_unavailable_reason`). Finding out is a few look-ups on
PATH, done when asked. What is not there is switched off with a stated reason, never an error.
"""

from __future__ import annotations

import logging
import shutil
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from stressbreak.core.messages import QT_TRANSLATE_NOOP, Message

log = logging.getLogger(__name__)

SOUNDS = Path(__file__).resolve().parent.parent / "assets" / "sounds"
_LINUX_PLAYERS = (("pw-play",), ("paplay",), ("aplay", "-q"))
_SPEAKERS: dict[str, tuple[str, ...]] = {  # per platform, in the order tried
    "linux": ("espeak-ng", "espeak", "spd-say"),
    "darwin": ("say", "espeak-ng", "espeak"),
    "win32": ("espeak-ng", "espeak"),
}

Runner = Callable[[Sequence[str]], None]


def _run_quietly(command: Sequence[str]) -> None:
    # subprocess, not QProcess: this runs in a worker thread. Imported here, at the first cue,
    # so that a tray app without sound cues never loads it (see services/processes.py).
    import subprocess  # noqa: PLC0415

    subprocess.run(list(command), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   check=False, timeout=30)


class Cues:
    def __init__(
        self,
        language: str,
        which: Callable[[str], str | None] = shutil.which,
        run: Runner = _run_quietly,
        platform: str = sys.platform,
    ) -> None:
        self._language = language
        self._which = which
        self._run = run
        self._platform = platform
        self._speaking = threading.Lock()
        self._sound_wanted = False
        self._speech_wanted = False
        self._speech_failed = False  # the program ran and failed: off until configured again
        self._told_missing_speaker = False

    # -- what this machine can do ---------------------------------------------------------

    def sound_player(self) -> list[str] | None:
        """The command that plays a WAV file here, or None."""
        if self._platform == "darwin":
            return ["afplay"] if self._which("afplay") else None
        for player in _LINUX_PLAYERS:
            if self._which(player[0]):
                return list(player)
        return None

    def sound_unavailable_reason(self) -> str | None:
        """Why no chime can be played here (a Message), or None."""
        if self._platform == "win32" or self.sound_player() is not None:
            return None
        if self._platform == "darwin":
            return Message("cues", QT_TRANSLATE_NOOP(
                "cues", "No sound player found (afplay is missing)."))
        return Message("cues", QT_TRANSLATE_NOOP(
            "cues", "No sound player found (install pipewire-bin, pulseaudio-utils or "
                    "alsa-utils)."))

    def speaker(self) -> str | None:
        """The speech program found on PATH, or None."""
        return next((name for name in self._speakers() if self._which(name)), None)

    def speech_unavailable_reason(self) -> str | None:
        """Why nothing can be spoken here (a Message), or None."""
        if self.speaker() is not None:
            return None
        if self._platform == "darwin":
            return Message("cues", QT_TRANSLATE_NOOP(
                "cues", "No speech engine found (the say command is missing)."))
        if self._platform == "win32":
            return Message("cues", QT_TRANSLATE_NOOP(
                "cues", "No speech engine found (install eSpeak NG)."))
        return Message("cues", QT_TRANSLATE_NOOP(
            "cues", "No speech engine found (install speech-dispatcher or espeak-ng)."))

    def _speakers(self) -> tuple[str, ...]:
        for prefix, speakers in _SPEAKERS.items():
            if self._platform.startswith(prefix):
                return speakers
        return _SPEAKERS["linux"]  # the BSDs: the same programs where they are installed

    @property
    def sound_enabled(self) -> bool:
        """Chimes are on and can be played here now."""
        return self._sound_wanted and self.sound_unavailable_reason() is None

    @property
    def speech_enabled(self) -> bool:
        """Spoken cues are on and can be spoken here now."""
        return (self._speech_wanted and not self._speech_failed
                and self.speech_unavailable_reason() is None)

    def configure(self, sound: bool, speech: bool) -> None:
        """Switch the cues on as the settings ask; say once why one cannot work here. What is
        missing is looked for again at each cue: a player or voice installed while the app
        runs is used from then on (and `status` stops naming it)."""
        self._sound_wanted = sound
        self._speech_wanted = speech
        self._speech_failed = False
        self._told_missing_speaker = False
        for wanted, reason, what in (
            (sound, self.sound_unavailable_reason(), "sound cues"),
            (speech, self.speech_unavailable_reason(), "spoken cues"),
        ):
            if wanted and reason is not None:
                log.warning("%s are off: %s", what, reason)
                if what == "spoken cues":
                    self._told_missing_speaker = True

    # -- cues -----------------------------------------------------------------------------

    def chime(self, rising: bool) -> None:
        """A soft chime: the higher one as a breath in begins, the lower one for out."""
        if not self._sound_wanted:
            return
        path = SOUNDS / ("in.wav" if rising else "out.wav")
        if self._platform == "win32":
            _play_on_windows(path)
            return
        player = self.sound_player()
        if player is not None:
            self._in_background([*player, str(path)])

    def say(self, text: str) -> None:
        """Speak `text`, unless the previous words are still being spoken (never a queue)."""
        if not self._speech_wanted or self._speech_failed:
            return
        if not self._speaking.acquire(blocking=False):
            return
        threading.Thread(target=self._speak, args=(text,), daemon=True).start()

    def _speak(self, text: str) -> None:
        try:
            speaker = self.speaker()
            if speaker is None:  # gone since the settings were applied: said once, not an error
                if not self._told_missing_speaker:
                    self._told_missing_speaker = True
                    log.warning("spoken cues are off: %s", self.speech_unavailable_reason())
                return
            self._run(self._speech_command(speaker, text))
        except Exception as exc:  # noqa: BLE001  (any backend failure: speech off, said once)
            self._speech_failed = True
            log.warning("spoken cues are off: %s: %s", type(exc).__name__, exc)
        finally:
            self._speaking.release()

    def _speech_command(self, speaker: str, text: str) -> list[str]:
        if speaker == "spd-say":
            # -w: return once spoken, so that words are never queued (see `say`).
            return ["spd-say", "-w", "-l", self._language, "-r", "-30", text]
        if speaker == "say":
            return ["say", "-r", "140", text]  # macOS's voice is the system's own
        return [speaker, "-v", self._language, "-s", "140", text]

    def _in_background(self, command: list[str]) -> None:
        threading.Thread(target=self._run, args=(command,), daemon=True).start()


def _play_on_windows(path: Path) -> None:
    if sys.platform == "win32":  # spelled out so type checkers on other systems skip it
        import winsound  # noqa: PLC0415

        winsound.PlaySound(str(path), winsound.SND_FILENAME | winsound.SND_ASYNC)
