"""Build the Linux one-folder bundle with PyInstaller, and optionally a tarball of it.

    python packaging/build_linux.py                       # -> build/bundle/dist/stressbreak/
    python packaging/build_linux.py --tarball   # + dist/StressBreak-<v>-linux-<arch>.tar.gz

Needs the bundle extra: pip install -e '.[bundle]'. Prints the build time and the size of the
unpacked bundle. The tarball holds the bundle as StressBreak/ and, beside it, share/ with the
desktop file, metainfo and hicolor icons, ready for ~/.local or /usr/local (README "Linux").
"""

from __future__ import annotations

import argparse
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

PACKAGING = Path(__file__).resolve().parent
ROOT = PACKAGING.parent
SPEC = PACKAGING / "stressbreak.spec"
APP_ID = "org.stressbreak.StressBreak"
DEFAULT_OUT = ROOT / "build" / "bundle"


def du_mib(path: Path) -> float:
    """The size on disk as `du -s` counts it (blocks, hard links once), in MiB (`du -sm`)."""
    kib = int(subprocess.run(["du", "-sk", str(path)], capture_output=True, text=True,
                             check=True).stdout.split()[0])
    return kib / 1024


def size_text(path: Path) -> str:
    mib = du_mib(path)
    return f"{mib:.1f} MiB ({mib * 1.048576:.1f} MB) unpacked, du -s"


def build(out: Path = DEFAULT_OUT, python: str = sys.executable) -> tuple[Path, float]:
    """Run PyInstaller on the spec; returns (the bundle folder, seconds it took)."""
    started = time.monotonic()
    subprocess.run(
        [python, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(out / "dist"), "--workpath", str(out / "work"), str(SPEC)],
        cwd=ROOT, check=True,
    )
    bundle = out / "dist" / "stressbreak"
    if not (bundle / "stressbreak").is_file():
        raise RuntimeError(f"PyInstaller made no {bundle / 'stressbreak'}")
    return bundle, time.monotonic() - started


def tarball(bundle: Path, version: str) -> Path:
    target = ROOT / "dist" / f"StressBreak-{version}-linux-{platform.machine()}.tar.gz"
    target.parent.mkdir(parents=True, exist_ok=True)
    share = {
        f"share/applications/{APP_ID}.desktop": PACKAGING / "linux" / f"{APP_ID}.desktop",
        f"share/metainfo/{APP_ID}.metainfo.xml": PACKAGING / "linux" / f"{APP_ID}.metainfo.xml",
    }
    with tarfile.open(target, "w:gz") as archive:
        archive.add(bundle, arcname="StressBreak")
        for name, source in share.items():
            archive.add(source, arcname=name)
        archive.add(PACKAGING / "icons" / "hicolor", arcname="share/icons/hicolor")
    return target


def main(argv: list[str] | None = None) -> int:
    sys.path.insert(0, str(PACKAGING))
    from validate import version  # noqa: PLC0415  (packaging/ is not a package)

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help="PyInstaller's work and dist folders go here (default build/bundle)")
    parser.add_argument("--tarball", action="store_true", help="also pack dist/*.tar.gz")
    args = parser.parse_args(argv)
    if shutil.which("du") is None:
        raise SystemExit("needs du (coreutils)")
    bundle, seconds = build(args.out.resolve())
    print(f"bundle: {bundle}")
    print(f"build time: {seconds:.0f} s")
    print(f"bundle size: {size_text(bundle)}")
    if args.tarball:
        target = tarball(bundle, version())
        print(f"tarball: {target} ({target.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
