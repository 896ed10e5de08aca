"""Issue 14, case 8: a loopback, or any recorder of a monitor source (the sound the desktop
plays), is not a call. A call records a microphone.

The samples in `pactl_samples/` are real `pactl` 16.1 output of a private PulseAudio (how they
were made: its README). `pactl` itself is stood in for by `SamplePactl`, which answers each
`pactl list ...` with the sample for it, as that pactl would."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

from stressbreak.services.presence import Check, PactlMicrophone

OWN_PID = 4242
SAMPLES = Path(__file__).parent / "pactl_samples"


class SamplePactl:
    """Answers `pactl [-f json] list source-outputs|sources` from the given texts."""

    def __init__(self, outputs: Mapping[str, str], *, knows_json: bool = True,
                 sources_failure: str = "") -> None:
        self.outputs = outputs  # keyed "source-outputs.json", "sources.txt", ...
        self.knows_json = knows_json
        self.sources_failure = sources_failure
        self.commands: list[list[str]] = []

    def __call__(self, command: Sequence[str], environ: Mapping[str, str]
                 ) -> subprocess.CompletedProcess[str]:
        self.commands.append(list(command))
        if "-f" in command and not self.knows_json:
            return subprocess.CompletedProcess(command, 1, "", "pactl: invalid option -- 'f'")
        what = command[-1]
        if what == "sources" and self.sources_failure:
            return subprocess.CompletedProcess(command, 1, "", self.sources_failure)
        kind = "json" if "-f" in command else "txt"
        return subprocess.CompletedProcess(command, 0, self.outputs[f"{what}.{kind}"], "")


def _samples(streams: str) -> dict[str, str]:
    return {
        "source-outputs.json": (SAMPLES / f"{streams}.json").read_text(),
        "source-outputs.txt": (SAMPLES / f"{streams}.txt").read_text(),
        "sources.json": (SAMPLES / "sources.json").read_text(),
        "sources.txt": (SAMPLES / "sources.txt").read_text(),
    }


FORMATS = pytest.mark.parametrize("knows_json", [True, False], ids=["json", "text"])


@FORMATS
def test_a_loopback_and_a_recorder_of_a_monitor_are_not_a_call(knows_json: bool):
    """`module-loopback source=nullsink.monitor` and a screen recorder of the desktop's sound:
    nothing holds reminders (before, both did, for as long as they ran)."""
    pactl = SamplePactl(_samples("no-call"), knows_json=knows_json)
    source = PactlMicrophone({}, OWN_PID, run=pactl)
    assert source.check() == Check("microphone", False, "")
    # The sources are asked for only when an application records: the recorder here.
    assert [c[-1] for c in pactl.commands][-2:] == ["source-outputs", "sources"]


@FORMATS
def test_a_call_app_recording_the_microphone_beside_them_is_the_call(knows_json: bool):
    """Beside those two, a loopback of the microphone (not a call either) and a call app
    recording the microphone: only the call app holds reminders, and only it is named."""
    pactl = SamplePactl(_samples("call"), knows_json=knows_json)
    assert PactlMicrophone({}, OWN_PID, run=pactl).check() == Check(
        "microphone", True, "ZOOM VoiceEngine")


def _edited_sources(knows_json: bool, sign: str) -> str:
    """The real sources list with the monitor (source 0) showing only one sign of being one."""
    if knows_json:
        sources = json.loads((SAMPLES / "sources.json").read_text())
        monitor = sources[0]
        if sign != "name":
            monitor["name"] = "desktop-sound"
        if sign != "monitor-of-sink":
            monitor["monitor_source"] = ""
        if sign != "device-class":
            monitor["properties"]["device.class"] = "abstract"
        return json.dumps(sources)
    text = (SAMPLES / "sources.txt").read_text()
    if sign != "name":
        text = text.replace("Name: nullsink.monitor", "Name: desktop-sound")
    if sign != "monitor-of-sink":
        text = text.replace("Monitor of Sink: nullsink", "Monitor of Sink: n/a")
    if sign != "device-class":
        text = text.replace('device.class = "monitor"', 'device.class = "abstract"')
    return text


@FORMATS
@pytest.mark.parametrize("sign", ["name", "monitor-of-sink", "device-class"])
def test_each_sign_of_a_monitor_source_is_enough(knows_json: bool, sign: str):
    outputs = _samples("no-call")
    outputs["sources.json" if knows_json else "sources.txt"] = _edited_sources(knows_json, sign)
    pactl = SamplePactl(outputs, knows_json=knows_json)
    assert PactlMicrophone({}, OWN_PID, run=pactl).check() == Check("microphone", False, "")


def test_a_source_that_is_no_monitor_is_a_microphone():
    """The same recorder, with source 0 shown as an ordinary input: it counts."""
    outputs = _samples("no-call")
    for key in ("sources.json", "sources.txt"):
        outputs[key] = _edited_sources(key.endswith("json"), "none")
    for knows_json in (True, False):
        pactl = SamplePactl(outputs, knows_json=knows_json)
        assert PactlMicrophone({}, OWN_PID, run=pactl).check() == Check(
            "microphone", True, "OBS Studio")


def test_sources_that_cannot_be_listed_mean_cannot_tell():
    """Recording streams were seen but which sources they read is unknown: no guess."""
    pactl = SamplePactl(_samples("no-call"), sources_failure="Connection failure: gone\n")
    assert PactlMicrophone({}, OWN_PID, run=pactl).check() == Check(
        "microphone", None, "Connection failure: gone")


# Made up in the shape pipewire-pulse gives (no PipeWire on the machine that made the samples):
# the keys are PipeWire's own. A native PipeWire client that records what plays sets
# `stream.capture.sink`; libpipewire-module-loopback (also behind pipewire-pulse's
# module-loopback) and filter chains set `node.link-group` on their capture side.
PIPEWIRE_STREAMS = json.dumps([
    {"index": 81, "driver": "PipeWire", "owner_module": None, "client": "80", "source": 56,
     "corked": False, "properties": {
         "application.name": "Chromium", "application.process.id": "3001",
         "media.name": "Screen share audio", "stream.capture.sink": "true"}},
    {"index": 91, "driver": "PipeWire", "owner_module": "536870914", "client": "33",
     "source": 56, "corked": False, "properties": {
         "media.name": "loopback-1234-14 input", "node.name": "input.loopback-1234-14",
         "node.link-group": "loopback-1234-14", "node.group": "loopback-2"}},
    {"index": 97, "driver": "PipeWire", "owner_module": None, "client": "96", "source": 57,
     "corked": False, "properties": {
         "application.name": "Firefox", "application.process.id": "3002",
         "media.name": "AudioCallbackDriver", "media.role": "Communication"}},
])
PIPEWIRE_SOURCES = json.dumps([
    {"index": 56, "name": "alsa_output.pci-0000_00_1f.3.analog-stereo.monitor",
     "monitor_source": "alsa_output.pci-0000_00_1f.3.analog-stereo",
     "properties": {"device.class": "monitor"}},
    {"index": 57, "name": "alsa_input.pci-0000_00_1f.3.analog-stereo", "monitor_source": "",
     "properties": {"device.class": "sound"}},
])


def test_pipewire_monitor_captures_and_loopbacks_are_not_a_call():
    pactl = SamplePactl({"source-outputs.json": PIPEWIRE_STREAMS,
                         "sources.json": PIPEWIRE_SOURCES})
    assert PactlMicrophone({}, OWN_PID, run=pactl).check() == Check("microphone", True, "Firefox")
    # Even with the sources unknown, what a stream says of itself is enough.
    recorder_and_loopback = json.dumps(json.loads(PIPEWIRE_STREAMS)[:2])
    pactl = SamplePactl({"source-outputs.json": recorder_and_loopback, "sources.json": "[]"})
    assert PactlMicrophone({}, OWN_PID, run=pactl).check() == Check("microphone", False, "")
