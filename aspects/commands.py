"""``aspects analyze`` (measure one video and write its analysis document), ``aspects schema`` (its JSON Schema)
and ``aspects export`` (frames, windows and transitions of analyses as Parquet)."""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections import Counter
from pathlib import Path

# Every command imports what it needs when it runs: the measurement stack
# (PyAV, OpenCV, SciPy, the registries) costs seconds that ``aspects --help``
# and the other commands should not pay (tests/test_startup.py).
from aspects.errors import AspectsError
from aspects.limits import WINDOW_MAX_S, WINDOW_MIN_S, check_frame_step, check_window_s
from aspects.paths import path_text


def window_arg(text: str) -> float:
    """argparse type of ``--window``: the settings' own check (finite, WINDOW_MIN_S..WINDOW_MAX_S seconds)."""
    try:
        return check_window_s(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def frame_step_arg(text: str) -> int:
    """argparse type of ``--frame-step``: the settings' own check (a whole number >= 1)."""
    try:
        return check_frame_step(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


WINDOW_HELP = f"window length in seconds, {WINDOW_MIN_S:g}–{WINDOW_MAX_S:g} (default: settings, 1.0)"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("analyze", help="measure every aspect of one video and write the analysis document")
    p.add_argument("video", help="path to an MP4 file")
    p.add_argument("--spec", help="spec JSON sidecar (narrative aspects)")
    p.add_argument("--prompt", help="the prompt the video was generated from")
    p.add_argument("--window", type=window_arg, help=WINDOW_HELP)
    p.add_argument("--frame-step", type=frame_step_arg, default=None, help="measure every Nth frame only (default 1: every frame)")
    p.add_argument("--json", dest="json_path", metavar="PATH|-", help="write the JSON document here ('-' for stdout)")
    add_progress_option(p)
    p.set_defaults(func=run_analyze)
    p = sub.add_parser("schema", help="print the analysis document's JSON Schema (docs/analysis.schema.json)")
    p.set_defaults(func=run_schema)
    p = sub.add_parser("export", help="write the frames, windows and transitions of analyses to Parquet files")
    p.add_argument("inputs", nargs="+", metavar="ANALYSIS.json|VIDEO", help="analysis documents (aspects analyze --json), or videos to analyse")
    p.add_argument("--out", required=True, metavar="DIR", help="folder for frames.parquet, windows.parquet, transitions.parquet")
    p.add_argument("--window", type=window_arg, help=WINDOW_HELP)
    p.set_defaults(func=run_export)


def add_progress_option(parser: argparse.ArgumentParser) -> None:
    """``--no-progress``: no progress bar on stderr (there is none anyway when stderr is not a terminal)."""
    parser.add_argument("--no-progress", dest="progress", action="store_false", help="do not show a progress bar on stderr")


class _EncodedAsList(list):
    """A sequence that ``json.JSONEncoder.iterencode`` encodes as a list, reading its items one by one as it goes.

    Only for ``iterencode``, which always runs json's pure-Python encoder (``for item in lst``);
    the C encoder of ``json.dumps`` would see an empty list.
    """

    def __init__(self, items) -> None:
        super().__init__()
        self.items = items

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


def write_json(document: dict, target: str) -> None:
    """Write ``document`` to ``target`` (a path, written atomically, or ``-`` for stdout), as it is encoded:
    the text of a long video's document is never whole in memory."""
    from aspects.files import write_chunks_atomic

    frames = document.get("frames")
    if frames is not None and not isinstance(frames, list):  # FrameRows: each frame's dict is made as it is encoded
        document = dict(document, frames=_EncodedAsList(frames))
    chunks = itertools.chain(json.JSONEncoder(indent=1, ensure_ascii=False, allow_nan=False).iterencode(document), ["\n"])
    if target == "-":
        sys.stdout.writelines(chunks)
        return
    try:
        write_chunks_atomic(target, chunks)
    except OSError as exc:
        raise AspectsError(f"{path_text(target)}: cannot write the analysis document: {exc.strerror or exc}") from None


def run_analyze(args: argparse.Namespace) -> int:
    from aspects.progress import frame_bar
    from aspects.settings import get_settings
    from aspects.stages import analyze_video

    settings = get_settings()
    if args.frame_step is not None:
        settings = settings.model_copy(update={"frame_step": args.frame_step})
    with frame_bar(args.progress and args.json_path != "-", description=Path(args.video).name) as bar:
        progress = bar.track(_expected_frames(args.video)) if bar is not None else None
        doc = analyze_video(args.video, settings=settings, spec_path=args.spec, prompt=args.prompt, window_s=args.window, progress=progress, frame_rows=True)
    if args.json_path:
        write_json(doc, args.json_path)
    if args.json_path != "-":
        print(summary(doc))
        if args.json_path:
            print(f"analysis written to {args.json_path}")
    return 0


def _expected_frames(video: str) -> int:
    """The frame count a progress bar expects (from the header; bad input raises its clear error here)."""
    from aspects import decode
    from aspects.progress import expected_frames

    container = decode.open_media(video)
    try:
        return expected_frames(decode.container_facts(container, video))
    finally:
        container.close()


def run_schema(args: argparse.Namespace) -> int:
    from aspects.document import json_schema_text

    print(json_schema_text(), end="")
    return 0


def run_export(args: argparse.Namespace) -> int:
    from aspects.api import analyze
    from aspects.export import load_document, write_parquet

    documents = [load_document(p) if p.lower().endswith(".json") else analyze(p, window_s=args.window) for p in args.inputs]
    for name, path in write_parquet(documents, args.out).items():
        print(f"{name:12} {path}")
    return 0


def summary(doc: dict) -> str:
    """A short human-readable summary of an analysis document."""
    v = doc["video"]
    vv = v["video"]
    lines = [
        f"{v['path']}  sha256 {v['sha256'][:12]}…",
        f"  video  {vv['codec']} {vv['width']}x{vv['height']} @ {vv['fps']:.3f} fps, {vv['frame_count']} frames, {v['duration_s']:.2f} s" + (f", rotation {vv['rotation']}°" if vv["rotation"] else ""),
    ]
    a = v["audio"]
    lines.append(f"  audio  {a['codec']} {a['sample_rate']} Hz, {a['channels']} ch ({a['channel_layout']})" if a else "  audio  none")
    colors = Counter((f["color"]["name"] or "#{r:02x}{g:02x}{b:02x}".format(**f["color"])) for f in doc["frames"])
    lines.append("  colour " + ", ".join(f"{c} ×{n}" for c, n in colors.most_common(4)))
    sounds = Counter(f["sound"]["primitive"] for f in doc["frames"] if f["sound"])
    if sounds:
        lines.append("  sound  " + ", ".join(f"{s} ×{n}" for s, n in sounds.most_common(4)))
    roles = Counter("+".join(w["audio_semantic"]["layers"]) for w in doc["windows"] if w.get("audio_semantic"))
    if roles:
        lines.append("  audio roles " + ", ".join(f"{r} ×{n}" for r, n in roles.most_common(4)))
    if doc.get("spec_audio"):
        stated = {k: doc["spec_audio"][k] for k in ("role", "mood", "tempo_bpm", "presence") if doc["spec_audio"][k] is not None}
        lines.append("  spec audio " + ", ".join(f"{k} {v}" for k, v in stated.items()))
    if doc["transitions"]:
        lines.append("  transitions " + ", ".join(f"{t['type']}@{t['start']:.2f}s" for t in doc["transitions"][:8]))
    if doc["windows"]:
        moves = Counter((w.get("camera") or {}).get("motion_type") for w in doc["windows"])
        lines.append("  camera " + ", ".join(f"{m} ×{n}" for m, n in moves.most_common(4)))
    narrative = "; ".join(f"{k}: {', '.join(v)}" for k, v in doc["narrative"].items() if v)
    if narrative:
        lines.append("  narrative " + narrative)
    return "\n".join(lines)
