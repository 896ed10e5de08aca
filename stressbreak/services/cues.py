"""Optional cues at the turns of a breath: a soft chime, and spoken words for eyes-closed
breathing.

Sounds are played by the platform's own player (winsound on Windows, afplay on macOS, the
PipeWire/PulseAudio/ALSA players on Linux) rather than QtMultimedia. PySide6-Addons is
installed anyway (for the overview's charts), but importing QtMultimedia costs 5.9 MB of
resident memory and loads its FFmpeg backend (libavcodec alone is 15 MB), and shipping it
would add about 21 MB to the bundle, all for two short WAV chimes that every desktop's own
player plays without a codec. Speech uses espeak(-ng) on Linux, with the voice of
the app's language (plyer's espeak backend has no voice choice, so Dutch would be read with an
English voice), and plyer's text-to-speech elsewhere. What is not there is switched off with a
stated reason, never an error.
"""

from __future__ import annotations

import logging
import shutil
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

log = logging.getLogger(__name__)

SOUNDS = Path(__file__).resolve().parent.parent / "assets" / "sounds"
_LINUX_PLAYERS = (("pw-play",), ("paplay",), ("aplay", "-q"))
_SPEAKERS = ("espeak-ng", "espeak")

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
        self.sound_enabled = False
        self.speech_enabled = False

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
        if self._platform == "win32" or self.sound_player() is not None:
            return None
        return "no audio player found (pw-play, paplay or aplay)"

    def speech_unavailable_reason(self) -> str | None:
        if self._platform.startswith("linux"):
            if any(self._which(name) for name in _SPEAKERS):
                return None
            return "no speech synthesiser found (install espeak-ng)"
        return None  # plyer's backend; a failure at the first use switches speech off

    def configure(self, sound: bool, speech: bool) -> None:
        """Switch the cues on as the settings ask, where this machine can; say once why not."""
        self.sound_enabled = sound
        self.speech_enabled = speech
        for wanted, reason, what in (
            (sound, self.sound_unavailable_reason(), "sound cues"),
            (speech, self.speech_unavailable_reason(), "spoken cues"),
        ):
            if wanted and reason is not None:
                log.warning("%s are off: %s", what, reason)
                if what == "sound cues":
                    self.sound_enabled = False
                else:
                    self.speech_enabled = False

    # -- cues -----------------------------------------------------------------------------

    def chime(self, rising: bool) -> None:
        """A soft chime: the higher one as a breath in begins, the lower one for out."""
        if not self.sound_enabled:
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
        if not self.speech_enabled or not self._speaking.acquire(blocking=False):
            return
        threading.Thread(target=self._speak, args=(text,), daemon=True).start()

    def _speak(self, text: str) -> None:
        try:
            speaker = next((s for s in _SPEAKERS if self._which(s)), None)
            if speaker is not None:
                self._run([speaker, "-v", self._language, "-s", "140", text])
            else:
                from plyer import tts  # noqa: PLC0415  (rarely used, costly import)

                tts.speak(message=text)
        except Exception as exc:  # noqa: BLE001  (any backend failure: speech off, said once)
            self.speech_enabled = False
            log.warning("spoken cues are off: %s: %s", type(exc).__name__, exc)
        finally:
            self._speaking.release()

    def _in_background(self, command: list[str]) -> None:
        threading.Thread(target=self._run, args=(command,), daemon=True).start()


def _play_on_windows(path: Path) -> None:
    if sys.platform == "win32":  # spelled out so type checkers on other systems skip it
        import winsound  # noqa: PLC0415

        winsound.PlaySound(str(path), winsound.SND_FILENAME | winsound.SND_ASYNC)
