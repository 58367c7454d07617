"""The DAG's stages as plain functions, and the DAG wired once (DESIGN §2).

This module sits above the measurement core and the registries: it is the
only place where a stage's work is defined. ``aspects analyze`` (through
:func:`analyze_video`) and the Prefect tasks (``tasks/stages.py``, thin
wrappers that add the stage cache and retries) call exactly these
functions, and both chain them through :func:`wire_analysis` (and :func:`wire_growth`).

```
decode ──┬──► static ───┐
         └──► dynamic ──┼──► growth
spec/prompt ► narrative ┘
```
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from aspects.assemble import document_dict, static_aspects
from aspects.document import DynamicAspects, Frame
from aspects.dynamic import dynamic_json
from aspects.frame_rows import FrameRows
from aspects.narrative import load_spec, narrative_from
from aspects.paths import path_text
from aspects.pipeline import Measurements, ProgressFn, measure_video, release_freed_memory
from aspects.settings import Settings, check_window_s, get_settings
from aspects.spec_audio import spec_audio
from registries.annotation import annotate
from registries.growth import grow
from registries.store import discoveries_of

ANALYSIS_STAGES = ("decode", "static", "dynamic", "narrative")
STAGES = (*ANALYSIS_STAGES, "growth")


def decode(video: str | Path, settings: Settings, *, progress: ProgressFn | None = None, sha256: str | None = None) -> Measurements:
    """Decode stage: one streaming pass measuring every frame (see :func:`aspects.pipeline.measure_video`)."""
    return measure_video(video, settings, progress=progress, sha256=sha256)


def static(m: Measurements) -> FrameRows:
    """Static stage: one ``frames[]`` item per measured frame (dominant colour, sound), kept as columns."""
    return static_aspects(m)


def dynamic(m: Measurements, window_s: float) -> dict:
    """Dynamic stage: ``{"windows", "transitions", "blends"}`` for windows of ``window_s`` seconds, in their JSON form (validated)."""
    return dynamic_json(m, float(window_s))


def narrative(spec: dict | None, prompt: str | None) -> dict:
    """Narrative stage: ``{"narrative": block, "spec_audio": what the spec says of the sound (or None), "prompt": the effective prompt}``.

    The effective prompt (``prompt``, else the spec's own) travels with the
    narrative: growth keeps an excerpt of it in the entries' sources.
    """
    return {
        "narrative": narrative_from(spec, prompt),
        "spec_audio": spec_audio(spec, prompt),
        "prompt": prompt or (spec or {}).get("prompt"),
    }


def document(m: Measurements, frames: FrameRows | dict | list[Frame] | list[dict], dynamic_output: DynamicAspects | dict, narrative_output: dict, *, path: str | Path | None = None) -> dict:
    """The analysis document (DESIGN §3, JSON form, validated) from the four analysis stages' outputs; ``path`` overrides ``video.path``.

    ``frames`` is a :class:`~aspects.frame_rows.FrameRows`: a sequence whose items (the frames' dicts) are made when read.
    """
    doc = document_dict(m, frames, dynamic_output, narrative_output["narrative"], narrative_output.get("spec_audio"))
    if path is not None:
        doc["video"]["path"] = path_text(path)
    return doc


def growth(doc: dict, narrative_output: dict, settings: Settings) -> dict:
    """Growth stage: grow the registries with ``doc`` (idempotent).

    Returns ``{"new": [[aspect, key, name], ...], "known", "items", "changed"}``; ``new``
    is what the video discovered as DuckDB records it, so a growth retried
    after its first attempt committed (and, say, the JSON export failed)
    still reports the discoveries.
    """
    result = grow(doc, settings=settings, prompt=narrative_output["prompt"])
    new = discoveries_of(settings, doc["video"]["sha256"])
    return {"new": [list(n) for n in new], "known": result.known, "items": result.items, "changed": result.changed}


Runner = Callable[..., Any]


def wire_analysis(run: Runner, *, window_s: float, spec: Any, prompt: str | None) -> dict[str, Any]:
    """Chain the analysis stages once, for every way of running them.

    ``run(stage, *inputs)`` runs (or submits) one stage and returns its
    result (or a future of it); it knows the video. ``inputs`` are the
    upstream stages' results, then the stage's parameters. Returns each
    analysis stage's result by name.
    """
    decoded = run("decode")
    return {
        "decode": decoded,
        "static": run("static", decoded),
        "dynamic": run("dynamic", decoded, window_s),
        "narrative": run("narrative", decoded, spec, prompt),
    }


def wire_growth(run: Runner, analysis: dict[str, Any]) -> Any:
    """Chain growth after the analysis stages (:func:`wire_analysis`'s results)."""
    return run("growth", *(analysis[stage] for stage in ANALYSIS_STAGES))


def analyze_video(
    path: str | Path,
    *,
    settings: Settings | None = None,
    spec_path: str | Path | None = None,
    prompt: str | None = None,
    window_s: float | None = None,
    progress: ProgressFn | None = None,
    frame_rows: bool = False,
) -> dict:
    """Measure ``path`` and return its full analysis document, keys and names filled in (``aspects analyze``).

    ``progress(frames_done, t_s)`` is called as the decode stage goes (see :func:`aspects.pipeline.measure_video`).

    With ``frame_rows``, ``frames`` is a :class:`~aspects.frame_rows.FrameRows` (items made when read: a long
    video's frames never sit in memory as objects; ``aspects analyze`` writes them so), else a list of dicts.

    Nothing is written: names are the registry's where it knows a key, else
    the name the key would get (see :func:`registries.annotation.annotate`).
    """
    settings = settings or get_settings()
    window_s = settings.window_s if window_s is None else check_window_s(window_s)  # a bad window fails before the long decode
    spec = load_spec(spec_path) if spec_path else None  # so does a malformed spec
    here: dict[str, Runner] = {
        "decode": lambda: decode(path, settings, progress=progress),
        "static": static,
        "dynamic": dynamic,
        "narrative": lambda _decoded, spec, prompt: narrative(spec, prompt),
    }
    out = wire_analysis(lambda stage, *inputs: here[stage](*inputs), window_s=window_s, spec=spec, prompt=prompt)
    doc = document(out["decode"], out["static"], out["dynamic"], out["narrative"])
    out.clear()  # ``doc`` holds what it needs of the stages' outputs: free the rest before keys and names are added
    release_freed_memory()
    annotate(doc, settings=settings)
    if not frame_rows:
        doc["frames"] = list(doc["frames"])
    return doc
