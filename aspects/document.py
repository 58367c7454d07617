"""The analysis document (DESIGN §3) as typed models: the one definition of its shape.

``aspects analyze --json`` writes an :class:`AnalysisDocument`; ``aspects
schema`` prints the JSON Schema generated from these models
(``docs/analysis.schema.json``). Every block forbids fields it does not
declare, so a measurement that adds a key must add it here too (with its
unit in the description), and the schema follows.

Units: times and durations in seconds from the first video frame; colours
0–255; shares, levels and strengths 0–1 unless a description says otherwise.
Closed vocabularies are ``Literal`` types: a value outside them fails
validation, which is a bug in the measurement.

``schema_version`` is raised when a key is renamed or removed, or a value
changes meaning; adding a key (or a block) is free.

Layout (add a field to the class of its block, in the order it should
appear in the JSON):

- :class:`AnalysisDocument`: ``schema_version``, ``video``, ``frames``,
  ``windows``, ``transitions``, ``blends``, ``narrative``, ``spec_audio``
- ``video``: :class:`VideoFacts` with :class:`VideoStream`, :class:`AudioStream`, :class:`Chapter`
- ``frames[]``: :class:`Frame` with :class:`FrameColor`, :class:`FrameSound`
- ``windows[]``: :class:`Window` with :class:`TimeBlock`, :class:`MotionBlock`,
  :class:`CameraBlock`, :class:`GradientBlock`, :class:`LightingBlock`,
  :class:`CompositionBlock`, :class:`GraphicsBlock`, :class:`TemporalBlock`,
  :class:`TechnicalBlock`, :class:`DepthBlock`, :class:`AudioSemanticBlock`
- ``transitions[]``: :class:`Transition`
- ``blends``: :class:`Blends` with :class:`PaletteColor`, :class:`ScriptColor`,
  :class:`MotionBlend`, :class:`AudioBlend`, :class:`PacingBlend`
- ``narrative``: :class:`Narrative`; ``spec_audio``: :class:`SpecAudio`
- the dynamic stage's output (windows, transitions, blends together): :class:`DynamicAspects`

:meth:`AnalysisDocument.frames_frame` (and ``windows_frame``, ``transitions_frame``)
flatten the blocks into pandas columns named ``block.field``.
"""

from __future__ import annotations

import json
import types
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal, Union, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field, model_serializer

if TYPE_CHECKING:
    import pandas as pd

SCHEMA_VERSION: Literal[2] = 2  # 2: frames[].sound.noise renamed primitive

# Closed vocabularies (DESIGN §3, docs/dynamic.md).
Tone = Literal["silent", "low", "mid", "high"]
Timbre = Literal["tonal", "noisy", "percussive", "mixed", "silent"]
SoundPrimitive = Literal[
    "silence", "kick", "snare", "hihat", "clap", "bass", "pad", "lead", "pluck", "chord", "melody", "vocal", "speech", "pulse", "sustain",
    "hum", "tone", "rumble", "hiss", "click", "buzz", "ambient", "music", "sfx",
]  # fmt: skip  # aspects.measure.primitive.PRIMITIVES (docs/audio.md)
SpecSoundPrimitive = Literal["silence", "speech", "vocal", "music", "ambient", "sfx"]  # a frame's sound taken from the spec (no audio track)
Trend = Literal["increasing", "decreasing", "steady"]
MotionDirection = Literal["horizontal", "vertical", "radial", "neutral"]
Rhythm = Literal["still", "steady", "pulsing"]
CameraMove = Literal["static", "pan_left", "pan_right", "tilt_up", "tilt_down", "zoom_in", "zoom_out", "handheld"]
GradientType = Literal["none", "vertical", "horizontal", "diagonal", "radial"]
ColorTemperature = Literal["warm", "neutral", "cool"]
KeyIntensity = Literal["low-key", "normal", "high-key"]
AudioRole = Literal["silence", "speech", "singing", "music", "ambient", "sfx"]
InstrumentFamily = Literal["drums", "mallets", "bass", "guitar", "keyboard", "synthesizer", "strings", "brass", "wind", "voice"]
AudioMood = Literal["energetic", "tense", "calm", "melancholic", "quiet"]
TransitionType = Literal["cut", "fade_in", "fade_out", "dissolve", "wipe"]
WipeDirection = Literal["left", "right", "up", "down", "up-left", "up-right", "down-left", "down-right", "out", "in", "clockwise", "counterclockwise"]

Key = Annotated[str | None, Field(description="registry key: the canonical, quantised form of the value (filled by the registries; null before)")]
Name = Annotated[str | None, Field(description="registry name of that key (filled by the registries; null before)")]
Seconds = Annotated[float, Field(description="seconds from the first video frame")]
Share = Annotated[float, Field(ge=0.0, le=1.0)]
Channel = Annotated[int, Field(ge=0, le=255)]


class Model(BaseModel):
    """Base of every block: unknown fields are an error; fields in ``OMIT_IF_NONE`` are left out of the JSON when null."""

    model_config = ConfigDict(extra="forbid")
    OMIT_IF_NONE: ClassVar[frozenset[str]] = frozenset()

    @model_serializer(mode="wrap")
    def _omit_absent(self, handler: Any) -> Any:
        data = handler(self)
        for name in self.OMIT_IF_NONE:
            if data.get(name, 0) is None:
                del data[name]
        return data


# ---------------------------------------------------------------- video


class VideoStream(Model):
    """The first video stream: header facts completed by the decode pass."""

    OMIT_IF_NONE = frozenset({"coded_width", "coded_height"})
    codec: str | None = Field(description="codec name (ffmpeg), e.g. h264")
    width: int | None = Field(description="displayed width, pixels (after rotation)")
    height: int | None = Field(description="displayed height, pixels (after rotation)")
    fps: float | None = Field(description="nominal frame rate, frames per second")
    fps_fraction: str | None = Field(description="nominal frame rate as num/den, e.g. 30000/1001")
    frame_count: int | None = Field(description="frames decoded")
    display_aspect_ratio: str | None = Field(description="display aspect ratio as W:H")
    pix_fmt: str | None = Field(description="pixel format (ffmpeg), e.g. yuv420p")
    has_alpha: bool = Field(description="whether the pixel format carries alpha")
    rotation: int = Field(description="display rotation from the stream's metadata, degrees (0, 90, 180, 270)")
    bitrate: int | None = Field(description="stream bitrate, bits per second")
    keyframes_s: list[float] = Field(description="presentation times of the key frames, seconds")
    coded_width: int | None = Field(default=None, description="coded width, pixels; present only when a 90/270° rotation swapped width and height")
    coded_height: int | None = Field(default=None, description="coded height, pixels; present only when a 90/270° rotation swapped width and height")


class AudioStream(Model):
    """The first audio stream."""

    OMIT_IF_NONE = frozenset({"decoded_duration_s"})
    codec: str | None = Field(description="codec name (ffmpeg), e.g. aac")
    sample_rate: int | None = Field(description="samples per second, Hz")
    channels: int | None = Field(description="channel count")
    channel_layout: str | None = Field(description="channel layout (ffmpeg), e.g. stereo")
    duration_s: float | None = Field(description="stream duration from the header, seconds")
    decoded_duration_s: float | None = Field(default=None, description="audio actually decoded, seconds; present when any was")


class Chapter(Model):
    start: float = Field(description="seconds")
    end: float = Field(description="seconds")
    title: str | None


class VideoFacts(Model):
    """Container facts: what the MP4 itself says (DESIGN §1)."""

    path: str = Field(description="path of the analysed file as given")
    sha256: str = Field(description="SHA-256 of the file's bytes, hex", pattern="^[0-9a-f]{64}$")
    size_bytes: int = Field(ge=0, description="file size, bytes")
    duration_s: float | None = Field(description="video duration, seconds")
    bitrate: int | None = Field(description="container bitrate, bits per second")
    container: str = Field(description="container format: mp4, mov, …")
    video: VideoStream
    audio: AudioStream | None = Field(description="null without an audio stream")
    chapters: list[Chapter]
    tags: dict[str, str] = Field(description="container metadata tags")


# ---------------------------------------------------------------- frames (static)


class FrameColor(Model):
    """The colour of the frame's largest colour region (not the mean of all pixels)."""

    r: Channel = Field(description="red, 0–255")
    g: Channel = Field(description="green, 0–255")
    b: Channel = Field(description="blue, 0–255")
    opacity: Share = Field(description="mean alpha of that region, 0–1 (1.0 without alpha)")
    key: Key = None
    name: Name = None


class FrameSound(Model):
    """The sound under one frame (its slice of the mono mix); for a video without an audio track, the sound its spec states (``source: spec``, measured fields null)."""

    OMIT_IF_NONE = frozenset({"source"})
    amplitude: float | None = Field(description="RMS of the slice, 0–1 full scale")
    weight: float | None = Field(description="K-weighted loudness mapped from −70…0 LUFS to 0–1")
    tone: Tone | None = Field(description="band of the strongest frequency: low < 250 Hz ≤ mid ≤ 4000 Hz < high; silent below −55 dBFS; null from the spec")
    pitch_hz: float | None = Field(description="the strongest frequency, Hz; null when silent")
    timbre: Timbre | None = Field(description="null from the spec")
    primitive: SoundPrimitive = Field(
        description="what the sound is: a drum hit at its onset, bass, pad, lead, pluck, chord, melody, speech, … or a pure noise (docs/audio.md); from the spec: the stated role's"
    )
    source: Literal["spec"] | None = Field(default=None, description="present (``spec``) when the sound comes from the spec, not the audio")
    key: Key = None
    name: Name = None


class Frame(Model):
    index: int = Field(ge=0, description="frame number in decode order (0-based)")
    t: Seconds = Field(description="presentation time, seconds from the first video frame")
    color: FrameColor
    sound: FrameSound | None = Field(description="null without audio (or past its end)")


# ---------------------------------------------------------------- windows (dynamic)


class TimeBlock(Model):
    duration: float = Field(description="seconds covered")
    fps: float = Field(description="1 / median timestamp step of the window's frames, frames per second")
    frame_count: int = Field(ge=0, description="frames with start ≤ t < end")
    sync_offset_s: float | None = Field(description="audio start − video start, seconds (null without audio)")
    key: Key = None
    name: Name = None


class MotionBlock(Model):
    level: float = Field(description="mean absolute luma change per frame, 0–255")
    std: float = Field(description="standard deviation of that change, 0–255")
    trend: Trend = Field(description="trend of the level (±1 level over the window)")
    direction: MotionDirection = Field(description="dominant axis of the scene's motion")
    rhythm: Rhythm
    speed: float = Field(description="mean point flow, frame widths per second")
    key: Key = None
    name: Name = None


class CameraBlock(Model):
    motion_type: CameraMove = Field(description="how the camera moves (a camera panning right makes the picture slide left)")
    speed: float = Field(description="frame widths per second (pan, tilt), or relative scale change per second (zoom)")
    steadiness: float = Field(description="1 / (1 + jitter / 0.05), 0–1")
    jitter: float = Field(description="frame-to-frame shake around the window's mean move beyond the measurement noise, frame widths per second")
    pan_speed: float = Field(description="signed pan rate, frame widths per second (camera moving right positive)")
    tilt_speed: float = Field(description="signed tilt rate, frame widths per second (camera moving down positive)")
    zoom_speed: float = Field(description="d ln(scale)/dt, per second (zoom in positive)")
    key: Key = None
    name: Name = None


class GradientBlock(Model):
    gradient_type: GradientType
    strength: float = Field(description="colour change across the frame / 255, 0–1 (0 when none)")
    angle_deg: float = Field(description="direction of the linear colour change, degrees (0 = left to right, 90 = top to bottom)")
    smoothness: float = Field(description="share of the colour variance the smooth fit explains, 0–1")
    key: Key = None
    name: Name = None


class LightingBlock(Model):
    brightness: float = Field(description="mean luma / 255, 0–1")
    contrast: float = Field(description="luma standard deviation / 127.5, 0–1")
    saturation: float = Field(description="mean HSV saturation, 0–1")
    color_temperature: ColorTemperature = Field(description="warm < 4500 K ≤ neutral ≤ 7000 K < cool")
    color_temperature_k: int | None = Field(description="correlated colour temperature of the window's mean colour, kelvin (null for black)")
    key_intensity: KeyIntensity = Field(description="low-key < 0.3 ≤ normal ≤ 0.7 < high-key brightness")
    trend: Trend = Field(description="brightness trend (±0.04 over the window)")
    key: Key = None
    name: Name = None


class CompositionBlock(Model):
    center_x: float = Field(description="visual centre of mass, 0–1 from the left")
    center_y: float = Field(description="visual centre of mass, 0–1 from the top")
    balance: float = Field(description="1 − 2·distance of that centre from the frame centre, 0–1")
    balance_lr: float = Field(description="right − left mass share, −1–1")
    balance_tb: float = Field(description="bottom − top mass share, −1–1")
    symmetry: float = Field(description="left–right mirror similarity, 0–1")
    thirds: float = Field(description="share of mass within 1/12 frame of the rule-of-thirds points, 0–1")
    key: Key = None
    name: Name = None


class GraphicsBlock(Model):
    edge_density: float = Field(description="Canny edge share, 0–1")
    spatial_variance: float = Field(description="luma variance / 127.5², 0–1")
    busyness: float = Field(description="share of 8×8 blocks with edges, 0–1")
    detail: float = Field(description="share of variance at the finest scale, 0–1")
    gradient_mean: float = Field(description="mean luma gradient, levels per pixel at half the analysis size")
    key: Key = None
    name: Name = None


class TemporalBlock(Model):
    cut_count: int = Field(ge=0, description="transitions starting in the window")
    pacing: float = Field(description="transitions per minute within ±10 s")
    shot_length_s: float = Field(description="length of the shot holding the window's middle, seconds")
    motion_trend: Trend = Field(description="trend of the motion level within ±3 s")
    key: Key = None
    name: Name = None


class TechnicalBlock(Model):
    width: int | None = Field(description="pixels")
    height: int | None = Field(description="pixels")
    fps: float | None = Field(description="measured from the window's timestamps (two frames or more), else nominal; frames per second")
    aspect_ratio: float | None = Field(description="width / height")
    display_aspect_ratio: str | None = Field(description="W:H")
    codec: str | None
    bitrate: int | None = Field(description="bits per second")
    key: Key = None
    name: Name = None


class DepthBlock(Model):
    parallax_strength: float = Field(description="how differently the 3×3 regions move from one rigid motion (grows with a foreground's speed difference), frame widths per second")
    layer_count: int = Field(ge=1, description="median number of motion layers")
    focus: float = Field(description="Laplacian variance of the analysis-size luma")
    sharpness: float = Field(description="focus / (focus + 100), 0–1")
    key: Key = None
    name: Name = None


class AudioEvent(Model):
    label: str = Field(description="AudioSet class name (YAMNet's class map)")
    score: float = Field(ge=0.0, le=1.0, description="the tagger's probability over the window, 0–1")


class AudioSemanticBlock(Model):
    role: AudioRole
    layers: list[AudioRole] = Field(description="every role present, the role first: [speech, music] for a voice over music")
    events: list[AudioEvent] = Field(description="the strongest AudioSet labels (at most 5, score ≥ 0.1), strongest first")
    instruments: list[InstrumentFamily] = Field(description="instrument families heard (in music), strongest first")
    presence: float = Field(description="share of the window's time above −55 dBFS, 0–1")
    tempo_bpm: float | None = Field(description="beats per minute when the window holds a beat, else null")
    mood: AudioMood
    arousal: float = Field(description="loudness and onset density, 0–1")
    valence: float = Field(description="major (1) vs minor (−1) harmony, 0 without tonal content")
    key: Key = None
    name: Name = None


class Window(Model):
    """Window k covers [k·W, (k+1)·W) seconds (the last one ends at the video's end)."""

    index: int = Field(ge=0)
    start: Seconds
    end: Seconds
    time: TimeBlock
    motion: MotionBlock
    camera: CameraBlock
    gradient: GradientBlock
    lighting: LightingBlock
    composition: CompositionBlock
    graphics: GraphicsBlock
    temporal: TemporalBlock
    technical: TechnicalBlock
    depth: DepthBlock
    audio_semantic: AudioSemanticBlock | None = Field(description="null without an audio stream")


# ---------------------------------------------------------------- transitions, blends


class Transition(Model):
    """A cut has start == end = the first frame of the new shot; a gradual transition runs from the last frame before the change to the first after it."""

    OMIT_IF_NONE = frozenset({"direction"})
    type: TransitionType
    start: Seconds
    end: Seconds
    duration: float = Field(description="end − start, seconds")
    direction: WipeDirection | None = Field(default=None, description="where a wipe's edge travels (out of / into the centre, or round it, for a shaped wipe); present for wipes only")
    key: Key = None
    name: Name = None


class PaletteColor(Model):
    r: Channel
    g: Channel
    b: Channel
    share: Share = Field(description="share of screen time × region area")
    key: Key = None
    name: Name = None


class ScriptColor(Model):
    """The top colour of one shot."""

    start: Seconds
    end: Seconds
    r: Channel
    g: Channel
    b: Channel


class MotionBlend(Model):
    level: float = Field(description="mean motion level of the windows, 0–255")
    camera: CameraMove = Field(description="the most common camera move")
    camera_share: dict[CameraMove, float] = Field(description="share of windows per camera move")
    direction: MotionDirection = Field(description="the most common motion direction")
    speed: float = Field(description="mean point flow, frame widths per second")


class AudioBlend(Model):
    integrated_lufs: float | None = Field(description="integrated loudness (ITU-R BS.1770 gating), LUFS; null for silence")
    tempo_bpm: float | None = Field(description="whole-video tempo, beats per minute; null without a beat")
    role: AudioRole = Field(description="the most common window role")
    role_share: dict[AudioRole, float] = Field(description="share of windows per role")
    instruments: list[InstrumentFamily] = Field(description="instrument families heard, in most windows first")


class PacingBlend(Model):
    cuts_per_minute: float
    transitions_per_minute: float
    shot_count: int = Field(ge=0)
    mean_shot_length_s: float = Field(description="seconds")
    transition_types: dict[TransitionType, int] = Field(description="transition count per type")


class Blends(Model):
    """Whole-video summaries."""

    palette: list[PaletteColor] = Field(description="top colours of the frames' dominant regions, by share")
    dominant_color: PaletteColor | None = Field(description="the first palette colour")
    color_script: list[ScriptColor]
    motion: MotionBlend
    audio: AudioBlend | None = Field(description="null without an audio stream")
    pacing: PacingBlend
    key: Key = None
    name: Name = None


class DynamicAspects(Model):
    """The dynamic stage's output: the document's ``windows``, ``transitions`` and ``blends``."""

    windows: list[Window]
    transitions: list[Transition]
    blends: Blends | None


# ---------------------------------------------------------------- narrative, spec audio


class Narrative(Model):
    """From the spec and the prompt: normalised words, spec values first, deduplicated."""

    genre: list[str] = []
    mood: list[str] = []
    themes: list[str] = []
    plots: list[str] = []
    settings: list[str] = []
    style: list[str] = []
    scene_type: list[str] = []


class SpecAudio(Model):
    """What the spec and prompt say about the sound (docs/audio.md); null when they say nothing."""

    role: AudioRole | None = None
    mood: str | None = Field(default=None, description="a mood word (synonyms of calm/energetic/tense/melancholic mapped to them)")
    tempo_bpm: float | None = Field(default=None, description="beats per minute (slow 70, medium 110, fast 150)")
    presence: float | None = Field(default=None, ge=0.0, le=1.0, description="how much sound, 0–1")
    source: Literal["spec"] = "spec"
    key: Key = None
    name: Name = None


# ---------------------------------------------------------------- the document


class AnalysisDocument(Model):
    """One video's analysis (``aspects analyze --json``)."""

    model_config = ConfigDict(extra="forbid", title="mp4-aspects analysis document")

    schema_version: Literal[2] = Field(default=SCHEMA_VERSION, description="raised when a key is renamed or removed; additions are free")
    video: VideoFacts
    frames: list[Frame]
    windows: list[Window]
    transitions: list[Transition]
    blends: Blends | None = Field(description="null only for a video without frames")
    narrative: Narrative
    spec_audio: SpecAudio | None = None

    def to_dict(self) -> dict:
        """The JSON-ready document (what ``aspects analyze --json`` writes)."""
        return self.model_dump(mode="json")

    def frames_frame(self) -> pd.DataFrame:
        """One row per frame, one column per measured field (``color.r``, ``sound.pitch_hz``, …; null where there is no sound)."""
        return _table(Frame, self.frames)

    def windows_frame(self) -> pd.DataFrame:
        """One row per window, one column per measured field (``camera.motion_type``, ``lighting.brightness``, …)."""
        return _table(Window, self.windows)

    def transitions_frame(self) -> pd.DataFrame:
        """One row per transition: ``type``, ``start``, ``end``, ``duration``, ``direction``, ``key``, ``name``."""
        return _table(Transition, self.transitions)


def json_schema() -> dict:
    """The JSON Schema (draft 2020-12) of :class:`AnalysisDocument`."""
    schema = AnalysisDocument.model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def json_schema_text() -> str:
    """:func:`json_schema` as the text of ``docs/analysis.schema.json``."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def _block_type(annotation: Any) -> type[BaseModel] | None:
    """The model class inside ``annotation`` (``X`` or ``X | None``), else None."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if get_origin(annotation) in (Union, types.UnionType):
        found = [a for a in get_args(annotation) if isinstance(a, type) and issubclass(a, BaseModel)]
        return found[0] if len(found) == 1 else None
    return None


def flat_columns(model: type[BaseModel], prefix: str = "") -> dict[str, str]:
    """Dotted column names of ``model``'s fields, nested blocks flattened (``camera.motion_type``), with their pandas dtype."""
    out: dict[str, str] = {}
    for name, field in model.model_fields.items():
        block = _block_type(field.annotation)
        if block:
            out.update(flat_columns(block, f"{prefix}{name}."))
        else:
            out[f"{prefix}{name}"] = _pandas_dtype(field.annotation)
    return out


def _pandas_dtype(annotation: Any) -> str:
    """Nullable pandas dtype of a scalar field (``Int64``, ``Float64``, ``boolean``, ``string``); ``object`` for anything else."""
    if get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        annotation = args[0] if len(args) == 1 else object
    if get_origin(annotation) is Literal:
        return "string"
    return {int: "Int64", float: "Float64", bool: "boolean", str: "string"}.get(annotation, "object")


def flat_row(model: type[BaseModel], item: BaseModel | None, prefix: str = "") -> dict[str, Any]:
    """``item``'s values under :func:`flat_columns` names; a null block gives nulls in all its columns."""
    out: dict[str, Any] = {}
    for name, field in model.model_fields.items():
        value = getattr(item, name) if item is not None else None
        block = _block_type(field.annotation)
        if block:
            out.update(flat_row(block, value, f"{prefix}{name}."))
        else:
            out[f"{prefix}{name}"] = value
    return out


def _table(model: type[BaseModel], items: list) -> pd.DataFrame:
    import pandas as pd

    columns = flat_columns(model)
    return pd.DataFrame([flat_row(model, item) for item in items], columns=list(columns)).astype(columns)
