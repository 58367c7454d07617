"""The measurement pass (the DAG's *decode* stage) and the pieces after it.

:func:`measure_video` drives the one streaming pass of :mod:`aspects.decode`
and feeds every frame to the per-frame measurers (dominant colour, visual
features) and every audio chunk to the :class:`~aspects.measure.sound.AudioAnalyzer`.
What comes out is :class:`Measurements`: container facts plus compact
per-frame rows and a fine audio envelope, never whole frames.
"""

from __future__ import annotations

import base64
import ctypes
import json
import time
from array import array
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import overload

import cv2
import numpy as np
from threadpoolctl import threadpool_limits

from aspects import decode
from aspects.measure.color import dominant_color
from aspects.measure.columns import Columns
from aspects.measure.sound import ENVELOPE_HOP
from aspects.measure.sound_process import sound_analyzer
from aspects.measure.visual import WIPE_GRID_KEYS, FrameFeatures
from aspects.settings import Settings, get_settings

MEASURE_VERSION = 76  # bump when anything measured per frame changes (3: sound.primitive; 4: AudioSet tags; 5: lead/melody/pad/pure tone rules; 6: bass by octave register, a pluck must not brighten; 7: noise of any colour is noise; 8: line votes, rising onsets, pitch steps, bells; 9: the 8×6 wipe grid; 10: bass/chord/pad by note polyphony and level course; 11: a low note holding its series is no noise; 12: drum hits over a bed, low partials that hold are no noise; 13: even bursts are notes, single-note lines, line steps; 14: drum names across kits; 15: a low line of one harmonic series is a bass; 16: pitch-class starts; 17: a held note's own partial starts no note; 18: the envelope's chroma_change; 19: onsets at an even rate are notes, not syllables; 20: side sticks, drums struck again within 100 ms; 21: low struck chords counted in the longer spectrum; 22: hi-hats over a noise bed's own scatter; 23: ghost snares and kicks over their bands' bed, kicks drowned in noise or speech; 24: a line's note starts hold no pitch cue without a new pitch, ringing notes are not struck again; 25: a kick over its bands' bed is heard, not a narrow noise's flicker; 26: drums over speech by their sharp transient, a side stick under a hi-hat; 27: a note cut off (staccato) does not die away; 28: hats over a bed alone in their bands, soft snares in their own bands, kicks at a clip's start; 29: a note damped at once in a long step dies away; 30: brief closed hats under a bed on the groove's grid; 31: no chord of three notes with two struck inside a line of single notes; 32: ghost snares by the shape of the clip's own snares; 33: the bass is the lowest line with its median pitch at or under 160 Hz; 34: the envelope's slow chord changes; 35: hats under a noise bed by the shape of the clip's own hats; 36: swung ghost snares on the grid, a soft snare's wires over held notes; 37: a note's drop from its body's maximum; 38: a lone click (vinyl crackle) is no drum, by the hops' own 5.8 ms slices; 39: a boomy kick under a clap or snare struck with it is the kick; 40: a note brightens only if it does so while within 20 dB of its maximum too; 41: a sub-sonic step at a note's start is no kick; 42: a kick struck with a snare by a thump that dies within 200 ms with no harmonic series over it; 43: frames named in batches of at least 1 s, one Context per batch; 44: a snare's shell body under a hat struck with it; 45: a legato line's note starts where its single pitch moves and the new pitch's partials rose (its polyphony is its own, not its onset's; a struck chord's note left alone by its dying upper notes starts none); 46: a stroke struck with a hat as loud or louder, by the clip's own hats' share under the hat's band; 47: notes struck together whose notes start every < 0.32 s while the pitch steps are a line, not a pad; 48: notes ringing through a flux onset that struck none of them (no level rise, no pitch change) keep what their own start struck; 49: a hi-hat at a high-band onset read over what rings under it, and onsets all on a groove's grid are no speech veto; 50: a low blown note's series stands without its fundamental by its 3rd, 5th and 7th multiples; 51: a boomy kick struck with a bass note falls by 200 ms with a beater's click; 52: a hat, snare or clap at a flux onset inside speech, not standing over the voice, is a consonant; 53: a soft snare at a flux onset under held notes that reads no drum, by its wires' noise above 4 kHz; 54: a clap under a hat by its band still rising 40 ms after the onset (several claps), not a snare or a hat; 55: a tonal line whose strongest partial holds its pitch flat is no speech; 56: a hat at a high-band onset over held notes that reads no drum, and a hat over a bed under 4 kHz by the little power the lower bands gain; 57: a hat over a bed under 4 kHz is no hat where the lower bands fall under their bed (a sibilant after its vowel); 58: a struck chord falling < 6 dB/s that keeps its partials' balance is held (pad), one falling ≥ 10 dB/s is struck whatever its wobble; 59: a snare whose shell rings over its wires, by the noise of its percussive part over 1 kHz; 60: a hi-hat struck with a note, by its own band's noise over the snare wires' band; 61: a line's notes may be held up to 2 s, HELD_NOTE_S; 62: an open hat ringing on over 5 kHz is a hat, not the snare or clap its lower bins read; 63: a noise burst centred at 3-4.5 kHz with little in 0.8-3 kHz is a hat; 64: a single moving note with under two note starts around it is timed from up to 4 s before it; 65: a hi-hat rising over a dying stroke's tail, read over where the tail was heading; 66: a held note's frames that a line follows, or that go on the line's note, are the line's; 67: "fundamentals" at 1.5 and 3.5 times the lowest (whole multiples of half of it) are one note there, not a chord; 68: a partial 15 dB over a peak that shows no harmonic yet, at its 3rd multiple or higher, is a note of its own; 69: each frame's spectra and level read on the samples high-passed, linear phase, under 12 Hz; 70: a line the tagger hears as struck bars or bells is a pluck; 71: piano, electric piano and harpsichord lines and a bell's chords too; 72: sixteenth hats at fast tempi by flux peaks over the local median and a dense groove's time, a kick's dying boom under the next hit is no kick; 73: sixteenth hats over a band by their own bands' sawtooth on the groove's grid; 74: a line is struck by ear from 0.2 of the tagger's struck classes; 75: a hat struck with a bass note weighs what died away of the 1-4 kHz band only; 76: lines the tagger hears as banjo, sitar, mandolin, zither, ukulele or harp are plucks too)
PROGRESS_VIDEO_STEP_S = 1.0  # seconds of video between two progress callbacks
PACKED_COLUMNS = WIPE_GRID_KEYS  # frame columns of whole levels 0–255 (the wipe grid's cells, uint8 from OpenCV): cached as bytes, not as JSON numbers


def numeric_column(values) -> np.ndarray:
    """A measurement column as float64, NaN where missing (None or ''; a column never measured is stored as empty words)."""
    if isinstance(values, array):
        return np.frombuffer(values, dtype=np.float64)  # a view: the array is complete (no append resizes it), and no second copy of every column
    column = np.asarray(values)
    if column.dtype.kind in "fiu":
        return column.astype(np.float64, copy=False)
    return np.array([np.nan if v is None or v == "" else float(v) for v in column.tolist()], dtype=np.float64)


def _as_column(values) -> np.ndarray:
    """float64 for numbers (NaN = missing), str for words ('' = missing)."""
    if isinstance(values, np.ndarray):
        return values
    if not isinstance(values, array) and any(isinstance(v, str) for v in values):
        return np.asarray(["" if v is None else v for v in values], dtype=str)
    return numeric_column(values)


@overload
def _columns(table: dict) -> dict[str, np.ndarray]: ...
@overload
def _columns(table: None) -> None: ...
def _columns(table: dict | None) -> dict[str, np.ndarray] | None:
    return None if table is None else {k: _as_column(v) for k, v in table.items()}


@dataclass
class Measurements:
    """Output of the decode stage: everything later stages need, nothing bulky.

    ``frames`` and ``sound`` are columns (dict of equal-length arrays, one
    item per measured frame: float64 with NaN for missing numbers, str with
    '' for missing words); ``sound`` is None without audio. ``envelope`` holds
    the fine audio envelope (one row every ``envelope_hop_s`` seconds).
    ``tags`` holds the AudioSet tagger's output (:mod:`aspects.measure.tagger`):
    ``start_s`` (first patch, seconds from the first video frame), ``hop_s``,
    ``patch_s``, ``scale`` / ``zero_point`` (score dequantisation) and
    ``codes``, the model's uint8 class scores [shape=(patches, 521)]: 521
    bytes per 0.48 s (stored as base64). None without audio.
    ``packed``: only while read back from JSON (see ``to_json``).
    A 10-minute 30 fps video's measurements take about 20 MB.
    """

    sha256: str
    facts: dict
    frames: dict[str, np.ndarray]
    sound: dict[str, np.ndarray] | None
    envelope: dict[str, np.ndarray] | None
    envelope_hop_s: float | None
    audio_start_s: float | None
    decode_s: float = 0.0
    extra: dict = field(default_factory=dict)
    tags: dict | None = None
    packed: dict | None = None

    def __post_init__(self) -> None:
        self.frames = _columns(self.frames)
        if self.packed is not None:
            self.frames.update(_unpacked(self.packed))
            self.packed = None
        self.sound = _columns(self.sound)
        self.envelope = _columns(self.envelope)
        if self.tags is not None and isinstance(self.tags["codes"], str):
            codes = np.frombuffer(base64.b64decode(self.tags["codes"]), np.uint8)
            self.tags = dict(self.tags, codes=codes.reshape(-1, self.tags["classes"]))

    @property
    def frame_count(self) -> int:
        return len(self.frames["t"])

    def column(self, name: str) -> np.ndarray:
        """A per-frame numeric column as a float array (NaN where missing)."""
        source = self.frames if name in self.frames else (self.sound or {})
        return numeric_column(source[name])

    def to_json(self) -> str:
        """The stage cache's text: columns as JSON lists, except PACKED_COLUMNS (when they hold whole levels 0–255: one
        byte a value, base64, ``packed``; the wipe grid's 144 values take 192 characters a frame instead of ~960) and the
        tagger's codes (base64)."""

        def plain(table):
            return None if table is None else {k: v.tolist() for k, v in table.items()}

        tags = None if self.tags is None else dict(self.tags, codes=base64.b64encode(np.ascontiguousarray(self.tags["codes"]).tobytes()).decode("ascii"))
        frames, packed = _packed(self.frames)
        data = dict(self.__dict__, frames=plain(frames), sound=plain(self.sound), envelope=plain(self.envelope), tags=tags, packed=packed)
        return json.dumps(data, allow_nan=True)


def _packed(frames: dict[str, np.ndarray]) -> tuple[dict[str, np.ndarray], dict | None]:
    """``frames`` less PACKED_COLUMNS, and those as ``{"columns": names, "codes": base64 of uint8 [frames × columns]}``; ``frames`` and None when any of them is missing or not a whole level 0–255."""
    names = [k for k in PACKED_COLUMNS if k in frames]
    if not names:
        return frames, None
    values = np.stack([frames[k] for k in names], axis=1)
    if not (np.isfinite(values).all() and (values == np.round(values)).all() and values.min(initial=0) >= 0 and values.max(initial=0) <= 255):
        return frames, None
    codes = base64.b64encode(np.ascontiguousarray(values, dtype=np.uint8).tobytes()).decode("ascii")
    return {k: v for k, v in frames.items() if k not in set(names)}, {"columns": names, "codes": codes}


def _unpacked(packed: dict) -> dict[str, np.ndarray]:
    """The float64 columns ``_packed`` stored."""
    names = packed["columns"]
    values = np.frombuffer(base64.b64decode(packed["codes"]), np.uint8).reshape(-1, len(names)).astype(np.float64)
    return {k: np.ascontiguousarray(values[:, j]) for j, k in enumerate(names)}


ProgressFn = Callable[[int, float], None]


def measure_video(path: str | Path, settings: Settings | None = None, *, progress: ProgressFn | None = None, sha256: str | None = None) -> Measurements:
    """Decode ``path`` once and measure every frame (every ``frame_step``-th when asked).

    ``progress(frames_done, t_s)`` is called every :data:`PROGRESS_VIDEO_STEP_S` seconds of video, and once at the end.
    Raises :class:`~aspects.errors.BadInputError` for unreadable input.
    """
    settings = settings or get_settings()
    # Measurements are many small array operations: BLAS and OpenCV worker
    # threads only fight the decoder's threads for the cores (a 64×513 matrix
    # product took 38 ms with OpenBLAS threads busy-waiting, 0.1 ms without).
    with threadpool_limits(limits=1, user_api="blas"), _opencv_threads(1):
        return _measure(Path(path), settings, progress, sha256)


@contextmanager
def _opencv_threads(n: int):
    before = cv2.getNumThreads()
    cv2.setNumThreads(n)
    try:
        yield
    finally:
        cv2.setNumThreads(before)


def release_freed_memory() -> None:
    """Hand the C heap's free pages back to the system (glibc ``malloc_trim``; nothing elsewhere).

    The decode pass frees frame buffers in many small blocks that glibc keeps mapped; trimming after
    it gave back 28 MB of a 10 s 1080p clip's 360 MB (the stages after it need their own memory anyway).
    """
    try:
        ctypes.CDLL(None).malloc_trim(0)  # the process's own symbols include the C library's
    except (OSError, AttributeError):
        pass


def _same_alpha(alpha: np.ndarray | None, last_alpha: np.ndarray | None) -> bool:
    """Whether a frame's opacity equals the last frame's (kept as a copy); both None (no alpha) is equal."""
    if alpha is None or last_alpha is None:
        return alpha is None and last_alpha is None
    return bool(np.array_equal(alpha, last_alpha))


def _measure(path: Path, settings: Settings, progress: ProgressFn | None, sha256: str | None) -> Measurements:
    started = time.perf_counter()
    container = decode.open_media(path)
    audio = None
    try:
        facts = decode.container_facts(container, path)
        totals = decode.PassTotals()
        frames = Columns()
        features = FrameFeatures()
        audio = sound_analyzer(settings.audio_sr, settings.yamnet_dir, separate_process=settings.sound_process, duration_s=facts["duration_s"]) if facts["audio"] else None
        next_progress = 0.0
        last_color: tuple[np.ndarray | None, dict] | None = None  # the last frame's alpha (a copy) and dominant colour
        for item in decode.stream(
            container,
            path,
            box=(settings.analysis_width, settings.analysis_height),
            audio_sr=settings.audio_sr,
            threads=settings.decode_threads,
            totals=totals,
        ):
            if isinstance(item, decode.AudioChunk):
                if audio is not None:
                    audio.add(item.t, item.samples)
                continue
            if item.index % settings.frame_step:
                continue
            measures = features(item.rgb, item.t)
            # A frame equal to the last (a still: FrameFeatures compared the pixels, the opacity is compared here) has the
            # last one's colour: it is read from the frame alone.
            if last_color is None or not features.repeated or not _same_alpha(item.alpha, last_color[0]):
                last_color = (None if item.alpha is None else item.alpha.copy(), dominant_color(item.rgb, item.alpha))
            row = {"index": item.index, "t": round(item.t, 6), "duration_s": item.duration_s, "key_frame": int(item.key_frame)}
            row.update({f"color_{k}": v for k, v in last_color[1].items()})
            row.update(measures)
            frames.append(row)
            if audio is not None:
                audio.request(item.index, item.t, item.t + item.duration_s)
            if progress is not None and item.t >= next_progress:
                progress(totals.frame_count, item.t)
                next_progress = item.t + PROGRESS_VIDEO_STEP_S
        sound, envelope, audio_start_s, tags = audio.finish() if audio is not None else (None, None, None, None)
        if progress is not None:
            progress(totals.frame_count, totals.last_t)
    finally:
        container.close()
        if audio is not None:
            audio.close()
    release_freed_memory()

    video = facts["video"]
    video["frame_count"] = totals.frame_count
    video["rotation"] = totals.rotation
    video["keyframes_s"] = totals.keyframes_s
    if totals.rotation in (90, 270):
        video["coded_width"], video["coded_height"] = video["width"], video["height"]
        video["width"], video["height"] = video["height"], video["width"]
        if video["display_aspect_ratio"]:
            num, den = video["display_aspect_ratio"].split(":")
            video["display_aspect_ratio"] = f"{den}:{num}"
    if not facts["duration_s"]:
        facts["duration_s"] = totals.last_t + totals.last_duration_s
    if facts["audio"] is not None and totals.audio_samples:
        facts["audio"]["decoded_duration_s"] = round(totals.audio_samples / settings.audio_sr, 6)

    return Measurements(
        sha256=sha256 or decode.sha256_file(path),
        facts=facts,
        frames=_columns(frames.columns),
        sound=sound,
        envelope=envelope,
        envelope_hop_s=ENVELOPE_HOP / settings.audio_sr if audio is not None else None,
        audio_start_s=audio_start_s,
        decode_s=round(time.perf_counter() - started, 4),
        extra={"measure_version": MEASURE_VERSION, "frame_step": settings.frame_step},
        tags=tags,
    )
