"""Check that the analysis documents of this checkout equal those of another git revision.

    python scripts/compare_documents.py [--base REV] [--keep DIR]

Analyses the included sample (with its spec) and a few generated fixtures
(a silent video without audio, a rotated phone clip, a wipe between
moving shots over a tone, a cut between moving shots over noise) twice: with
the code of ``REV`` (exported with ``git archive`` into a temporary
directory, run in a subprocess) and with this checkout's. Documents must be
equal key for key, value for value and in the same key order, apart from
the schema metadata (``spec_audio``, added in schema_version 1 as null).
Exit status 1 and one line per difference when they are not.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.media import make_video  # noqa: E402

METADATA_KEYS = ("spec_audio",)  # keys of the current schema a base revision may lack

RUN = """
import json, sys
from aspects.analyze import analyze_video
from aspects.settings import Settings
jobs = json.loads(sys.argv[1])
out = {}
for name, video, spec in jobs:
    out[name] = analyze_video(video, settings=Settings(), spec_path=spec)
json.dump(out, sys.stdout)
"""


def fixtures(folder: Path) -> list[tuple[str, str, str | None]]:
    """``(name, video, spec)`` of the videos compared."""
    folder.mkdir(parents=True, exist_ok=True)
    sample = ROOT / "data" / "samples"
    jobs = [("sample", str(sample / "sample.mp4"), str(sample / "sample.json"))]
    made = {
        "silent_no_audio": make_video(folder / "silent.mp4", "testsrc2=s=160x90:r=25", duration_s=2.0),
        "wipe_tone": make_video(
            folder / "wipe.mp4",
            "testsrc2=s=320x240:r=25",
            "mandelbrot=s=320x240:r=25",
            duration_s=3.0,
            filter_complex="[0:v]trim=duration=3,format=yuv420p[a];[1:v]trim=duration=3,format=yuv420p[b];[a][b]xfade=transition=wipeup:duration=1:offset=1[v]",
            audio="sine=frequency=440:sample_rate=22050:duration=3",
        ),
        "cut_noise": make_video(
            folder / "cut.mp4",
            "testsrc2=s=160x90:r=30",
            "mandelbrot=s=160x90:r=30",
            duration_s=3.0,
            fps=30,
            filter_complex="[0]trim=duration=1.5,setpts=PTS-STARTPTS[a];[1]trim=duration=1.5,setpts=PTS-STARTPTS[b];[a][b]concat=n=2[v]",
            audio="anoisesrc=color=pink:sample_rate=22050:duration=3",
        ),
    }
    jobs += [(name, str(path), None) for name, path in made.items()]
    rotated = folder / "rotated.mp4"
    from tests.media import ffmpeg

    ffmpeg("-display_rotation", "90", "-i", str(made["silent_no_audio"]), "-c", "copy", str(rotated))
    jobs.append(("rotated", str(rotated), None))
    return jobs


def export_revision(rev: str, target: Path) -> None:
    """The project's packages at ``rev`` under ``target``."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "aspects", "registries"], check=True, capture_output=True).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")


def analyse(code_root: Path, jobs: list, data_dir: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=str(code_root), ASPECTS_DATA_DIR=str(data_dir))
    result = subprocess.run([sys.executable, "-c", RUN, json.dumps(jobs)], cwd=code_root, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"analysis with the code in {code_root} failed:\n{result.stderr}")
    return json.loads(result.stdout)


def differences(base: object, new: object, where: str = "") -> list[str]:
    """Every place where ``new`` differs from ``base`` (values, types, keys and key order)."""
    if isinstance(base, dict) and isinstance(new, dict):
        out = []
        if list(base) != [k for k in new if k in base]:
            out.append(f"{where}: key order {list(base)} != {list(new)}")
        out += [f"{where}.{k}: missing" for k in base if k not in new]
        out += [f"{where}.{k}: added" for k in new if k not in base]
        for k in base:
            if k in new:
                out += differences(base[k], new[k], f"{where}.{k}")
        return out
    if isinstance(base, list) and isinstance(new, list):
        if len(base) != len(new):
            return [f"{where}: {len(base)} items != {len(new)}"]
        return [d for i, (a, b) in enumerate(zip(base, new)) for d in differences(a, b, f"{where}[{i}]")]
    if type(base) is not type(new) or base != new:
        return [f"{where}: {base!r} != {new!r}"]
    return []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default="e4c3a05", help="git revision to compare with (default: e4c3a05, before the typed models)")
    parser.add_argument("--keep", help="keep the fixtures here (default: a temporary directory)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="compare-docs-") as tmp:
        tmp_path = Path(tmp)
        jobs = fixtures(Path(args.keep) if args.keep else tmp_path / "media")
        export_revision(args.base, tmp_path / "base")
        before = analyse(tmp_path / "base", jobs, tmp_path / "data-base")
        after = analyse(ROOT, jobs, tmp_path / "data-new")
    problems = []
    for name, *_ in jobs:
        new = {k: v for k, v in after[name].items() if k not in METADATA_KEYS or k in before[name]}
        found = differences(before[name], new, name)
        problems += found
        print(f"{name}: {'identical' if not found else f'{len(found)} differences'} "
              f"({len(before[name]['frames'])} frames, {len(before[name]['windows'])} windows, {len(before[name]['transitions'])} transitions)")
    for line in problems[:50]:
        print("  " + line)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
