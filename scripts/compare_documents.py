"""Show that a change left the analysis documents as they were.

Analyses the included sample (with its spec) and a few generated fixtures
with the code of a base git revision (extracted with ``git archive`` into a
temporary folder) and with the working tree, each in a fresh process with an
empty data folder, and compares the documents value by value, ignoring the
schema metadata (``schema_version`` and any top-level key naming a schema).
Exit status 0 when every document is identical, 1 otherwise.

    .venv/bin/python scripts/compare_documents.py [--base e4c3a05] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.media import click_track, make_video, pan_video, texture  # noqa: E402  (after the repo is on the path)

METADATA_KEYS = ("schema_version", "$schema", "schema", "schema_url", "spec_audio")

# Runs inside the tree under test: analyse every (video, spec) and print the documents as JSON.
ANALYZE = """
import json, sys
import aspects
assert aspects.__file__.startswith(sys.argv[1]), f"imported {aspects.__file__}, not the tree under test"
try:
    from aspects.stages import analyze_video
except ImportError:
    from aspects.analyze import analyze_video
docs = [analyze_video(video, spec_path=spec or None) for video, spec in json.loads(sys.argv[2])]
print(json.dumps(docs, allow_nan=False))
"""


def fixtures(folder: Path) -> list[tuple[str, str]]:
    """The sample with its spec, and small fixtures with known content: (video, spec or '')."""
    s = "s=256x144:r=25"
    tex = texture(folder / "texture.png", size=(640, 360))
    videos = [
        make_video(
            folder / "cut_click.mp4",
            f"testsrc2={s}",
            f"color=c=red:{s}",
            filter_complex="[0:v]trim=0:2,setpts=PTS-STARTPTS[a];[1:v]trim=0:1,setpts=PTS-STARTPTS[b];[a][b]concat=n=2:v=1[v]",
            duration_s=3,
            audio=click_track(120, duration_s=3),
        ),
        make_video(folder / "fade_sine.mp4", f"color=c=orange:{s}", filter_complex="[0:v]fade=t=out:st=1:d=1[v]", duration_s=3, audio="sine=f=220:d=3"),
        make_video(
            folder / "wipe_noise.mp4",
            f"mandelbrot={s}",
            f"color=c=teal:{s}",
            filter_complex="[0:v]format=yuv420p[a];[1:v]format=yuv420p[b];[a][b]xfade=transition=wipeleft:duration=1:offset=1[v]",
            duration_s=3,
            audio="anoisesrc=d=3:c=pink:a=0.3",
        ),
        pan_video(folder / "pan.mp4", tex, speed_px_s=(80.0, 0.0), duration_s=2, size=(256, 144)),
    ]
    return [(str(REPO / "data/samples/sample.mp4"), str(REPO / "data/samples/sample.json"))] + [(str(v), "") for v in videos]


def analyse(tree: Path, inputs: list[tuple[str, str]], data_dir: Path) -> list[dict]:
    env = {**os.environ, "PYTHONPATH": str(tree), "ASPECTS_DATA_DIR": str(data_dir)}
    out = subprocess.run([sys.executable, "-c", ANALYZE, str(tree), json.dumps(inputs)], cwd=tree, env=env, capture_output=True, text=True, check=False)
    if out.returncode:
        raise SystemExit(f"analysis failed in {tree}:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout)


def differences(a, b, path: str = "") -> list[str]:
    """Paths where ``a`` and ``b`` differ (exact comparison, floats included)."""
    if isinstance(a, dict) and isinstance(b, dict):
        found = [f"{path}.{k}: only in {'base' if k in a else 'working tree'}" for k in sorted(set(a) ^ set(b))]
        for k in sorted(set(a) & set(b)):
            found += differences(a[k], b[k], f"{path}.{k}")
        return found
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return [f"{path}: {len(a)} items vs {len(b)}"]
        return [d for i, (x, y) in enumerate(zip(a, b)) for d in differences(x, y, f"{path}[{i}]")]
    return [] if a == b and type(a) is type(b) else [f"{path}: {a!r} vs {b!r}"]


def without_metadata(doc: dict) -> dict:
    return {k: v for k, v in doc.items() if k not in METADATA_KEYS}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default="e4c3a05", help="git revision to compare against (default e4c3a05)")
    parser.add_argument("--keep", type=Path, help="also write both sides' documents here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="compare-documents-") as tmp:
        tmp = Path(tmp)
        base = tmp / "base"
        base.mkdir()
        archive = subprocess.run(["git", "-C", str(REPO), "archive", args.base], capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(base)], input=archive, check=True)
        (tmp / "media").mkdir()
        inputs = fixtures(tmp / "media")
        before = analyse(base, inputs, tmp / "data-base")
        after = analyse(REPO, inputs, tmp / "data-tree")
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            (args.keep / "base.json").write_text(json.dumps(before, indent=1))
            (args.keep / "tree.json").write_text(json.dumps(after, indent=1))
        failed = 0
        for (video, _), old, new in zip(inputs, before, after):
            found = differences(without_metadata(old), without_metadata(new))
            frames, windows = len(new["frames"]), len(new["windows"])
            print(f"{Path(video).name:<16} {frames:>4} frames {windows:>3} windows: " + ("identical" if not found else f"{len(found)} differences"))
            for line in found[:20]:
                print("   ", line)
            failed += bool(found)
    print(f"base {args.base} vs working tree: " + ("all documents identical (schema metadata ignored)" if not failed else f"{failed} document(s) differ"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
