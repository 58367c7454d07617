"""A picture and a summary per learned video.

:func:`timeline_png` draws one PNG: the dominant colour of every frame as a
strip, the motion level (mean absolute luma change, 0–255) and the loudness
(perceived weight, 0–1) over time, transitions marked across every row, and
the camera move of each window. :func:`markdown_summary` writes the video's
aspects (palette, transitions, camera moves, tempo, narrative, what was new)
as Markdown. The :func:`report` task stores both: the PNG under
``settings.reports_dir`` and the Markdown as a Prefect artifact.
"""

from __future__ import annotations

import base64
import hashlib
import time
from collections import Counter
from pathlib import Path

import numpy as np
from prefect import task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE

from aspects.pipeline import Measurements
from aspects.settings import get_settings
from registries.annotation import annotate
from tasks import cache
from tasks.stages import assemble_document, forget_measurements, growth_output, load_measurements, run_name

TRANSITION_COLORS = {"cut": "#d62728", "fade_in": "#2ca02c", "fade_out": "#7f7f7f", "dissolve": "#9467bd", "wipe": "#ff7f0e"}
CAMERA_COLORS = {
    "static": "#dddddd",
    "pan_left": "#1f77b4",
    "pan_right": "#17becf",
    "tilt_up": "#2ca02c",
    "tilt_down": "#bcbd22",
    "zoom_in": "#d62728",
    "zoom_out": "#ff7f0e",
    "handheld": "#9467bd",
}


def markdown_key(sha256: str) -> str:
    """Artifact key of a video's summary (lowercase letters, digits and dashes, as Prefect requires)."""
    return f"video-{sha256[:12]}"


def timeline_path(sha256: str, video: str | Path) -> Path:
    stem = "".join(c if c.isalnum() or c in "-_" else "-" for c in Path(video).stem)[:40]
    return get_settings().reports_dir / f"{stem}-{sha256[:12]}-timeline.png"


def timeline_png(m: Measurements, document: dict, path: str | Path) -> Path:
    """Draw the video's timeline into ``path`` (PNG, 12 × 5 in at 100 dpi); returns ``path``."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    t = m.column("t")
    duration = float(document["video"].get("duration_s") or (t[-1] if len(t) else 1.0)) or 1.0
    from matplotlib.figure import Figure  # imported when a picture is drawn: the flow module loads faster

    # A bare Figure (no pyplot): reports are drawn on worker threads, and pyplot's global state is not thread-safe.
    fig = Figure(figsize=(12, 5))
    axes = fig.subplots(4, 1, sharex=True, gridspec_kw={"height_ratios": [1, 2, 2, 1]})
    strip, motion, loud, camera = axes

    rgb = np.stack([m.column("color_r"), m.column("color_g"), m.column("color_b")], axis=-1) / 255.0
    if len(t):
        edges = np.append(t, duration)
        strip.pcolormesh(edges, [0, 1], np.nan_to_num(rgb)[np.newaxis, :, :], shading="flat")
    strip.set_yticks([])
    strip.set_ylabel("colour", rotation=0, ha="right", va="center")

    motion.plot(t, m.column("diff_mean"), color="#333333", lw=0.8, label="per frame")
    levels = [(w["start"], w["end"], (w.get("motion") or {}).get("level")) for w in document["windows"]]
    for start, end, level in levels:
        if level is not None:
            motion.hlines(level, start, end, color="#1f77b4", lw=2)
    motion.set_ylabel("motion\n(0–255)", rotation=0, ha="right", va="center")

    if m.sound is not None and "weight" in m.sound:
        loud.fill_between(t, m.column("weight"), color="#2ca02c", alpha=0.6, step="mid")
        loud.set_ylim(0, 1)
    else:
        loud.text(0.5, 0.5, "no audio", transform=loud.transAxes, ha="center", va="center", color="#888888")
    loud.set_ylabel("loudness\n(0–1)", rotation=0, ha="right", va="center")

    for w in document["windows"]:
        move = (w.get("camera") or {}).get("motion_type")
        if move:
            camera.axvspan(w["start"], w["end"], color=CAMERA_COLORS.get(move, "#cccccc"), alpha=0.8)
            camera.text((w["start"] + w["end"]) / 2, 0.5, move.replace("_", " "), ha="center", va="center", fontsize=7)
    camera.set_yticks([])
    camera.set_ylabel("camera", rotation=0, ha="right", va="center")
    camera.set_xlabel("time (s)")

    for tr in document["transitions"]:
        color = TRANSITION_COLORS.get(tr["type"], "#000000")
        for ax in axes:
            if tr["end"] > tr["start"]:
                ax.axvspan(tr["start"], tr["end"], color=color, alpha=0.25)
            else:
                ax.axvline(tr["start"], color=color, lw=1.2)
        strip.text(tr["start"], 1.05, tr["type"], color=color, fontsize=7, transform=strip.get_xaxis_transform())
    camera.set_xlim(0, duration)
    fig.suptitle(f"{Path(document['video']['path']).name}  ·  sha256 {document['video']['sha256'][:12]}", fontsize=10)
    fig.subplots_adjust(left=0.1, right=0.99, bottom=0.1, top=0.88, hspace=0.12)  # fixed: tight_layout would draw the figure twice
    fig.savefig(path, dpi=100)
    return path


def _hex(color: dict) -> str:
    return "#{:02x}{:02x}{:02x}".format(*(int(color.get(c, 0)) for c in ("r", "g", "b")))


def markdown_summary(document: dict, grown: dict | None, png: Path | None) -> str:
    """The video's aspects as Markdown: facts, palette, transitions, camera moves, tempo, narrative, new entries."""
    v = document["video"]
    vv = v.get("video") or {}
    lines = [
        f"# {Path(v['path']).name}",
        "",
        f"sha256 `{v['sha256']}` · {v.get('duration_s') or 0:.2f} s · {vv.get('width')}×{vv.get('height')} @ {vv.get('fps') or 0:.2f} fps"
        + (f" · audio {v['audio']['sample_rate']} Hz" if v.get("audio") else " · no audio"),
        "",
    ]
    if png is not None:  # inlined: a browser does not open file:// links from the Prefect UI
        lines += [f"![timeline of {Path(v['path']).name}](data:image/png;base64,{base64.b64encode(Path(png).read_bytes()).decode('ascii')})", "", f"Timeline file: `{png}`", ""]
    palette = (document.get("blends") or {}).get("palette") or []
    if palette:
        lines += ["## Palette", "", "| colour | name | share of frames |", "|---|---|---|"]
        lines += [f"| `{_hex(c)}` | {c.get('name') or ''} | {100 * (c.get('share') or 0):.0f} % |" for c in palette if isinstance(c, dict)]
    else:
        colours = Counter(f["color"].get("name") or _hex(f["color"]) for f in document["frames"] if f.get("color"))
        lines += ["## Palette", "", ", ".join(f"{c} ×{n}" for c, n in colours.most_common(6)) or "—"]
    lines += ["", "## Transitions", ""]
    if document["transitions"]:
        lines += ["| type | start (s) | end (s) |", "|---|---|---|"]
        lines += [f"| {tr['type']} | {tr['start']:.2f} | {tr['end']:.2f} |" for tr in document["transitions"]]
    else:
        lines.append("none")
    moves = Counter((w.get("camera") or {}).get("motion_type") for w in document["windows"] if w.get("camera"))
    lines += ["", "## Camera moves", "", ", ".join(f"{m} ×{n} windows" for m, n in moves.most_common()) or "—"]
    tempi = [w["audio_semantic"]["tempo_bpm"] for w in document["windows"] if (w.get("audio_semantic") or {}).get("tempo_bpm")]
    lines += ["", "## Tempo", "", f"{float(np.median(tempi)):.0f} BPM (median of {len(tempi)} windows)" if tempi else "no beat"]
    narrative = {k: vals for k, vals in (document.get("narrative") or {}).items() if vals}
    lines += ["", "## Narrative", ""]
    lines += [f"- **{k}**: {', '.join(vals)}" for k, vals in narrative.items()] or ["no spec or prompt"]
    if grown is not None:
        lines += ["", f"## New in the registries ({len(grown['new'])} new, {grown['known']} known)", ""]
        lines += [f"- {aspect}: **{name}** (`{key}`)" for aspect, key, name in grown["new"][:50]]
        if len(grown["new"]) > 50:
            lines.append(f"- … and {len(grown['new']) - 50} more")
    return "\n".join(lines) + "\n"


# The report's version: its own code (the stage outputs it draws are in its key through their keys).
REPORT_VERSION = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:8]


@task(name="report", task_run_name=run_name("report"), cache_policy=NO_CACHE, persist_result=False, retries=2, retry_delay_seconds=2)
def report(video: str, decoded: dict, static_ref: dict, dynamic_ref: dict, narrative_ref: dict, growth_ref: dict) -> dict:
    """Write the timeline PNG and the Markdown artifact of one learned video; returns ``{"timeline", "markdown_key"}``.

    Cached like a stage: when the same stage outputs were reported before and
    the PNG on disk is still the one drawn then, the stored Markdown is posted
    again without drawing anything.
    """
    started = time.perf_counter()
    db = get_settings().duckdb_path
    png = timeline_path(decoded["sha256"], video)
    refs = [decoded, static_ref, dynamic_ref, narrative_ref, growth_ref]
    key = cache.stage_key(decoded["sha256"], "report", REPORT_VERSION, {"video": video, "png": str(png)}, [ref["key"] for ref in refs])
    stored = cache.load(db, key) if png.is_file() else None
    if stored is None or stored["png_sha256"] != hashlib.sha256(png.read_bytes()).hexdigest():
        document = annotate(assemble_document(video, decoded, static_ref, dynamic_ref, narrative_ref))  # registry names, e.g. of the palette
        timeline_png(load_measurements(decoded), document, png)
        stored = {"markdown": markdown_summary(document, growth_output(growth_ref), png), "png_sha256": hashlib.sha256(png.read_bytes()).hexdigest()}
        cache.store(db, key, stored, seconds=time.perf_counter() - started)
    create_markdown_artifact(markdown=stored["markdown"], key=markdown_key(decoded["sha256"]), description=f"Aspects of {Path(video).name}")
    forget_measurements(decoded)  # the video's last reader
    return {"timeline": str(png), "markdown_key": markdown_key(decoded["sha256"])}
