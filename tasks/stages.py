"""The DAG's stages as Prefect tasks: thin wrappers over the plain functions.

Every task looks its output up in the stage cache (:mod:`tasks.cache`) first
and only computes on a miss. Tasks hand each other a small *reference*
(:class:`dict` with the stage, its cache key, the video's sha256, whether it
was computed or cached, and the seconds the stage body took), never the
measurements themselves: the stage that needs an upstream output reads it
from the cache by key, and Prefect has nothing big to hash or ship to a Dask
worker.

Retries: transient errors (I/O, a DuckDB file locked by another process or a
conflicting transaction) are retried with exponential backoff; bad input
(:class:`~aspects.errors.BadInputError`, :class:`~aspects.errors.SpecError`)
fails once, since the same bytes fail the same way.
"""

from __future__ import annotations

import json
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any
from uuid import UUID

import duckdb
from prefect import get_run_logger, task
from prefect.artifacts import create_progress_artifact, update_progress_artifact
from prefect.cache_policies import NO_CACHE
from prefect.tasks import exponential_backoff

from aspects import decode as decoding
from aspects import progress as terminal_progress
from aspects import stages
from aspects.errors import BadInputError
from aspects.narrative import load_spec
from aspects.paths import text_path
from aspects.pipeline import MEASURE_VERSION, Measurements
from aspects.settings import get_settings
from aspects.store import StoreLockedError
from tasks import cache
from tasks.fingerprint import fingerprint, remembered


def stage_versions(read: Callable[[str], bytes | None] | None = None) -> dict[str, str]:
    """Each stage's version: a number to bump by hand plus the fingerprint of the code it runs.

    The number is for changes outside the code (a model file, a seed list);
    the fingerprint covers the stage function and the project modules it
    imports, so editing a stage's code recomputes that stage and every stage
    after it (their keys include their inputs' keys), and nothing else.
    ``read`` replaces the source reader (tests).
    """
    return {
        "decode": f"{MEASURE_VERSION}.{fingerprint(stages.decode, read=read)}",
        "static": f"1.{fingerprint(stages.static, read=read)}",
        "dynamic": f"1.{fingerprint(stages.dynamic, read=read)}",
        "narrative": f"1.{fingerprint(stages.narrative, read=read)}",
        "growth": f"1.{fingerprint(stages.growth, stages.document, read=read)}",
    }


STAGE_VERSIONS = remembered(stage_versions, Path(__file__).parent / "__pycache__" / "stage-versions.json")
STAGES = stages.STAGES

TRANSIENT_ERRORS = (OSError, StoreLockedError, duckdb.IOException, duckdb.TransactionException)
PROGRESS_EVERY_S = 1.0  # wall-clock seconds between two progress artifact updates


def is_transient(task, task_run, state) -> bool:
    """Prefect ``retry_condition_fn``: retry I/O and lock errors, never bad input."""
    try:
        state.result()
    except BadInputError:
        return False
    except TRANSIENT_ERRORS:
        return True
    except Exception:
        return False
    return False


def run_name(stage: str) -> Callable[[], str]:
    """Task run names that say the stage and the video: ``decode-clip.mp4``."""

    def name() -> str:
        from prefect.runtime import task_run

        return f"{stage}-{Path(task_run.parameters['video']).name}"

    return name


def stage_task(stage: str):
    """``@task`` with the project's retry policy; Prefect's own result caching is off (the DuckDB cache is the cache)."""
    return task(
        name=stage,
        task_run_name=run_name(stage),
        tags=[stage],  # e.g. the "decode" tag's concurrency limit (`aspects prefect-setup`) bounds decodes across runs
        retries=3,
        retry_delay_seconds=exponential_backoff(backoff_factor=2),
        retry_jitter_factor=0.5,
        retry_condition_fn=is_transient,
        cache_policy=NO_CACHE,
        persist_result=False,
    )


def _ref(stage: str, key: str, sha256: str, status: str, seconds: float) -> dict:
    return {"stage": stage, "key": key, "sha256": sha256, "status": status, "seconds": round(seconds, 4)}


def _cached_or_compute(stage: str, video: str, sha256: str, params: dict, inputs: list[dict], compute: Callable[[], Any]) -> dict:
    """Return the reference to this stage's output, computing and storing it on a cache miss.

    A found output other than decode's is read here, once, and kept for the
    stages after it (:func:`load_output`): one DuckDB connection instead of two.
    Whether it is found is always asked of DuckDB, never of that memory (the
    file may have been replaced since, under a long-lived Dask worker).
    """
    started = time.perf_counter()
    db = get_settings().duckdb_path
    key = cache.stage_key(sha256, stage, STAGE_VERSIONS[stage], params, [ref["key"] for ref in inputs])
    log = get_run_logger()
    if stage == "decode":  # its output is big: read only where needed
        found = cache.has(db, key)
    else:
        text = cache.load_text(db, key)
        found = text is not None
        if text is not None:
            _keep_output(key, text)
    if found:
        seconds = time.perf_counter() - started
        log.info("%s %s: cached (%s)", Path(video).name, stage, key)
        return _ref(stage, key, sha256, "cached", seconds)
    text = cache.dumps(compute())
    cache.store(db, key, text, seconds=time.perf_counter() - started)
    if stage != "decode":
        _keep_output(key, text)
    seconds = time.perf_counter() - started
    log.info("%s %s: computed in %.2f s", Path(video).name, stage, seconds)
    return _ref(stage, key, sha256, "computed", seconds)


# Stage outputs other than decode's, as JSON text by (DuckDB file, cache key), so the stages and the report after a
# stage read them from memory; a key's output never changes in a file. Bounded by size, the oldest dropped first:
# the static stage's output holds per-frame columns, megabytes for a long video.
OUTPUTS_KEPT_CHARS = 64_000_000
_outputs: OrderedDict[tuple[str, str], str] = OrderedDict()
_outputs_lock = threading.Lock()


def _keep_output(key: str, text: str) -> None:
    where = (str(get_settings().duckdb_path), key)
    with _outputs_lock:
        _outputs[where] = text
        _outputs.move_to_end(where)
        kept = sum(len(t) for t in _outputs.values())
        while kept > OUTPUTS_KEPT_CHARS and len(_outputs) > 1:
            kept -= len(_outputs.popitem(last=False)[1])


def _read_output(key: str) -> str | None:
    """A non-decode stage output's JSON text: kept in memory, else read from the stage cache (and kept)."""
    db = get_settings().duckdb_path
    with _outputs_lock:
        text = _outputs.get((str(db), key))
    if text is None:
        text = cache.load_text(db, key)
        if text is not None:
            _keep_output(key, text)
    return text


def load_output(ref: dict) -> Any:
    """The output a reference points to (kept in memory after a stage wrote or found it, else read from the stage cache)."""
    if ref["stage"] == "decode":
        output = cache.load(get_settings().duckdb_path, ref["key"])
    else:
        text = _read_output(ref["key"])
        output = None if text is None else json.loads(text)
    if output is None:
        raise LookupError(f"stage cache has no {ref['stage']} output under {ref['key']}")
    return output


# Decoded measurements by cache key, for the stages of this process that read them after decode
# (static, dynamic, growth, report): read from the stage cache once per video, not once per stage.
MEASUREMENTS_KEPT = 8  # videos; a 10-minute video's measurements take about 20 MB
_measurements: OrderedDict[str, Measurements] = OrderedDict()
_measurements_lock = threading.Lock()


def keep_measurements(key: str, m: Measurements) -> None:
    with _measurements_lock:
        _measurements[key] = m
        _measurements.move_to_end(key)
        while len(_measurements) > MEASUREMENTS_KEPT:
            _measurements.popitem(last=False)


def load_measurements(ref: dict) -> Measurements:
    """The decode output a reference points to: kept in memory after decode, else read from the stage cache once."""
    with _measurements_lock:  # one reader at a time, so two stages starting together do not both read it
        m = _measurements.get(ref["key"])
        if m is None:
            m = Measurements(**load_output(ref))
            _measurements[ref["key"]] = m
            while len(_measurements) > MEASUREMENTS_KEPT:
                _measurements.popitem(last=False)
    return m


def forget_measurements(ref: dict) -> None:
    """Drop a video's kept measurements (its last reader is done)."""
    with _measurements_lock:
        _measurements.pop(ref["key"], None)


class DecodeProgress:
    """A ``measure_video`` progress callback that updates one progress artifact, at most once a second,
    and the terminal's progress bar when the command line opened one (:mod:`aspects.progress`)."""

    def __init__(self, video: str, sha256: str, duration_s: float, expected_frames: int = 0) -> None:
        bar = terminal_progress.active()
        self.terminal = bar.track(expected_frames) if bar is not None else None
        self.duration_s = duration_s
        artifact_id = create_progress_artifact(progress=0.0, key=f"decode-{sha256[:12]}", description=f"Decoding {Path(video).name} ({self.duration_s:.1f} s of video)")
        assert isinstance(artifact_id, UUID)  # called from a sync task, never awaited
        self.artifact_id = artifact_id
        self.last = time.monotonic()

    def __call__(self, frames_done: int, t_s: float) -> None:
        if self.terminal is not None:
            self.terminal(frames_done, t_s)
        now = time.monotonic()
        if self.duration_s > 0 and now - self.last >= PROGRESS_EVERY_S:
            update_progress_artifact(self.artifact_id, progress=min(99.0, 100.0 * t_s / self.duration_s))
            self.last = now

    def finish(self) -> None:
        update_progress_artifact(self.artifact_id, progress=100.0)


@stage_task("decode")
def decode(video: str) -> dict:
    """Decode stage: one streaming pass measuring every frame (cached per content and analysis settings)."""
    settings = get_settings()
    path = text_path(video)  # ``video`` is path_text: any file name, as valid UTF-8
    container = decoding.open_media(path)  # a missing or unreadable file is bad input, before it is hashed
    try:
        facts = decoding.container_facts(container, path)
        duration_s = facts["duration_s"] or 0.0
    finally:
        container.close()
    sha256 = decoding.sha256_file(path)
    params = {
        "analysis_width": settings.analysis_width,
        "analysis_height": settings.analysis_height,
        "audio_sr": settings.audio_sr,
        "frame_step": settings.frame_step,
    }

    computed: list[Measurements] = []

    def compute() -> str:
        progress = DecodeProgress(video, sha256, duration_s, terminal_progress.expected_frames(facts))
        computed.append(stages.decode(path, settings, progress=progress, sha256=sha256))
        progress.finish()
        return computed[0].to_json()

    ref = _cached_or_compute("decode", video, sha256, params, [], compute)
    if computed:
        keep_measurements(ref["key"], computed[0])
    return ref


@stage_task("static")
def static(video: str, decoded: dict) -> dict:
    """Static stage: each frame's dominant colour and sound."""
    return _cached_or_compute("static", video, decoded["sha256"], {}, [decoded], lambda: stages.static(load_measurements(decoded)))


@stage_task("dynamic")
def dynamic(video: str, decoded: dict, window_s: float) -> dict:
    """Dynamic stage: per-window aspects, transitions and blends for windows of ``window_s`` seconds."""
    params = {"window_s": float(window_s)}
    return _cached_or_compute("dynamic", video, decoded["sha256"], params, [decoded], lambda: stages.dynamic(load_measurements(decoded), float(window_s)))


@stage_task("narrative")
def narrative(video: str, decoded: dict, spec: str | None = None, prompt: str | None = None) -> dict:
    """Narrative stage: the spec sidecar and the prompt (a malformed spec fails here, once)."""
    spec_dict = load_spec(text_path(spec)) if spec else None
    params = {"spec": spec_dict, "prompt": prompt}
    return _cached_or_compute("narrative", video, decoded["sha256"], params, [], lambda: stages.narrative(spec_dict, prompt))


def assemble_document(video: str, decoded: dict, static_ref: dict, dynamic_ref: dict, narrative_ref: dict) -> dict:
    """The analysis document (DESIGN §3) from the four cached stage outputs; ``video.path`` is this run's path."""
    return stages.document(load_measurements(decoded), load_output(static_ref), load_output(dynamic_ref), load_output(narrative_ref), path=text_path(video))


@stage_task("growth")
def growth(video: str, decoded: dict, static_ref: dict, dynamic_ref: dict, narrative_ref: dict) -> dict:
    """Growth stage: grow the registries with the video's document (idempotent, so a re-run after a crash never double counts)."""
    inputs = [decoded, static_ref, dynamic_ref, narrative_ref]

    def compute() -> dict:
        document = assemble_document(video, decoded, static_ref, dynamic_ref, narrative_ref)
        return stages.growth(document, load_output(narrative_ref), get_settings())

    return _cached_or_compute("growth", video, decoded["sha256"], {}, inputs, compute)


def growth_output(ref: dict) -> dict:
    """What a growth stage found: ``{"new": [[aspect, key, name], ...], "known", "items", "changed"}``."""
    return load_output(ref)
