"""Sound of each frame (static) and a fine audio envelope (for dynamic aspects).

Pure functions classify one frame's audio; :class:`AudioAnalyzer` is the
streaming driver that the decode pass feeds with mono chunks and asks for
one row per video frame. It keeps only a few seconds of samples, so memory
does not grow with the video's length.

Vocabularies (DESIGN §3): ``tone`` silent | low (< 250 Hz) | mid (250–4000 Hz)
| high (> 4000 Hz); ``timbre`` tonal | noisy | percussive | mixed | silent;
``primitive`` the seed's beat-level vocabulary (:mod:`aspects.measure.primitive`).
"""

from __future__ import annotations

from array import array
from collections import deque

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from aspects.measure import filterbanks
from aspects.measure.arrays import median
from aspects.measure.primitive import Context, HeldBeforeLine, frame_primitive, onsets, pitch_changes, pitch_class_starts, pitch_classes, pure_noise

SILENCE_RMS = 10 ** (-55 / 20)  # below −55 dBFS a frame is silent
LOW_HZ, HIGH_HZ = 250.0, 4000.0
SPECTRUM_N = filterbanks.CHROMA_N_FFT  # 2048: analysis window centred on the frame: ≥ 93 ms at 22.05 kHz, so an 80 Hz hum has 7 periods
TONAL_PEAK_SHARE = 0.5  # share of power within ±3 bins of the strongest peak for a tonal sound
NOISY_PEAK_SHARE = 0.12
TRANSIENT_RATIO = 12.0  # loudest 128-sample block vs the median block
LOUDNESS_FLOOR_LUFS = -70.0
BS1770_OFFSET_LU = -0.691  # ITU-R BS.1770: loudness (LUFS) = −0.691 + 10·log10(mean square of the K-weighted signal)
ENVELOPE_HOP = 128  # fine envelope hop: 5.8 ms at 22.05 kHz, enough to resolve tempo to ±1 BPM
PARTIALS_N = 4096  # 186 ms, 5.4 Hz bins: the spectrum in which the partials of low notes and chords are followed (see frame_primitive)
ENVELOPE_N = filterbanks.MEL_N_FFT  # 1024 samples, 46 ms
# Band-split onset envelopes (the flux of the mel bands whose centres fall in each band, dB per hop): kicks and bass
# (under ONSET_LOW_HZ), snares, claps and chords (between), hi-hats and shakers (ONSET_HIGH_HZ and up), so the tempo's
# accents can be weighed per band (aspects.dynamic.audio_semantic.metrical_level).
ONSET_LOW_HZ, ONSET_HIGH_HZ = 180.0, 4000.0
# Chord changes (issue 11t, session 7): legato music (an organ chorale, a string section) changes its harmony on the
# beat with hardly any onset flux. Every CHROMA_BLOCK_HOPS envelope hops (23 ms) the pitch-class profile of a
# CHROMA_N-sample window (librosa's chroma filters; 93 ms: a 1024-sample window's 21.5 Hz bins blur the chords) is
# taken, each scaled to its largest class; ``chroma_change`` is the cosine distance between the sums of the
# CHROMA_CHANGE_BLOCKS profiles before and the CHROMA_CHANGE_BLOCKS up to now (70 ms each side), 0 unless every block
# of both is above CHROMA_LOUD_DB (the first sound after silence is no change of chord).
CHROMA_N = filterbanks.CHROMA_N_FFT
CHROMA_BLOCK_HOPS = 4
CHROMA_CHANGE_BLOCKS = 3
# ``chroma_change_slow`` (issue 11t, session 10): the same distance over CHROMA_SLOW_BLOCKS blocks each side (232 ms):
# slow-attack pads, choirs and bowed strings blur a chord change over a few hundred ms, which 70 ms sums do not span.
CHROMA_SLOW_BLOCKS = 10
CHROMA_LOUD_DB = -50.0  # dBFS of a block's window (Hann-corrected mean square)
CONTEXT_BEFORE_S = 2.0  # fine envelope kept before a pending frame: the note under it started at most this long ago
CONTEXT_AFTER_S = 0.6  # a frame's row waits for this much audio after it: drum decay, note shape, syllables
# Frames are named in batches at least this long (s of frames): every batch builds one Context over the 2.6–3.6 s of fine
# envelope kept, whose onsets, band levels and cues are read over all of it, so batches of the envelope's 64 hops (0.37 s)
# read each hop ~8 times; 1.0 s batches ~3.5 times (issue perf, session 17: 10-15 % of the streaming analysis). A batch's
# earlier frames see more of the envelope after them than CONTEXT_AFTER_S.
FRAME_BATCH_S = 1.0
# A DC offset and drifts below hearing (issue 11, sessions 38-39): FluidR3 renders some programs with an offset that
# follows their notes (up to 0.2 of full scale), and an offset reads as a 1 Hz pitch, as `hum` in silence, and blurs the
# drums' low band. Each frame's own measurements read the samples high-passed by a linear-phase FIR (Kaiser window): no
# delay and no phase change at any frequency, so onsets and the low band's timing stay where they were (a causal
# Butterworth moved them); the fine envelope still reads them as received (docs/audio.md, "A DC offset").
SUBSONIC_CUTOFF_HZ = 12.0  # −6 dB point
SUBSONIC_WIDTH_HZ = 16.0  # transition band: ≤ 4 Hz stopped, ≥ 20 Hz passed (ripple 0.01 dB)
SUBSONIC_STOP_DB = 60.0
SUBSONIC_BLOCK = 16384  # samples filtered at once (0.74 s at 22.05 kHz): each FFT convolution long enough to be cheap


class SubsonicFilter:
    """Streaming linear-phase high-pass (SUBSONIC_*): :meth:`add` takes input chunks and returns the filtered samples
    it can give so far, :meth:`finish` the rest. Output sample n is input sample n filtered, with no delay; the track's
    two ends are continued by their odd reflection (as ``scipy.signal.filtfilt`` pads), so an offset already present at
    the first sample does not ring in as a step."""

    def __init__(self, sr: int):
        from scipy.signal import firwin, kaiserord, oaconvolve

        taps, beta = kaiserord(SUBSONIC_STOP_DB, SUBSONIC_WIDTH_HZ / (sr / 2))
        taps |= 1
        self._h = firwin(taps, SUBSONIC_CUTOFF_HZ, window=("kaiser", beta), pass_zero=False, fs=sr)
        self._half = taps // 2
        self._convolve = oaconvolve
        self._in = np.zeros(0)  # input from the next output's first tap on (once started; before: the first samples)
        self._started = False

    def add(self, samples: np.ndarray) -> np.ndarray:
        self._in = np.concatenate([self._in, samples.astype(np.float64)])
        half = self._half
        if not self._started:
            if self._in.size <= half:
                return np.zeros(0, np.float32)
            self._in = np.concatenate([2 * self._in[0] - self._in[half:0:-1], self._in])
            self._started = True
        if self._in.size - 2 * half < SUBSONIC_BLOCK:
            return np.zeros(0, np.float32)
        return self._flush(self._in)

    def finish(self) -> np.ndarray:
        half, x = self._half, self._in
        if not self._started:
            if x.size < 2:
                return (x - x.mean()).astype(np.float32) if x.size else np.zeros(0, np.float32)
            x = np.pad(x, half, mode="reflect", reflect_type="odd")
        else:
            x = np.concatenate([x, 2 * x[-1] - x[-2 : -half - 2 : -1]])
        self._started = True
        return self._flush(x)

    def _flush(self, x: np.ndarray) -> np.ndarray:
        out = self._convolve(x, self._h, mode="valid")
        self._in = x[out.size :]
        return out.astype(np.float32)


def rms(x: np.ndarray) -> float:
    """Root mean square of ``x`` (full scale = 1), 0 for an empty slice."""
    return float(np.sqrt(np.mean(np.square(x, dtype=np.float64)))) if x.size else 0.0


def k_weighting_filters(sr: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """The K-weighting stages at ``sr`` Hz as ``[(b, a), ...]`` biquad coefficients, applied in order
    (pyloudnorm's, see :mod:`aspects.measure.filterbanks`)."""
    t = filterbanks.tables(sr)
    return [(t["k_shelf_b"], t["k_shelf_a"]), (t["k_highpass_b"], t["k_highpass_a"])]


def lufs_of_mean_square(ms):
    """Loudness in LUFS of a K-weighted mean square (a float or an array; must be > 0)."""
    return BS1770_OFFSET_LU + 10 * np.log10(ms)


def loudness_weight(k_weighted: np.ndarray) -> float:
    """Perceived loudness of a K-weighted slice, mapped from [−70, 0] LUFS to [0, 1]."""
    ms = float(np.mean(np.square(k_weighted, dtype=np.float64))) if k_weighted.size else 0.0
    if ms <= 0:
        return 0.0
    lufs = lufs_of_mean_square(ms)
    return float(np.clip((lufs - LOUDNESS_FLOOR_LUFS) / -LOUDNESS_FLOOR_LUFS, 0.0, 1.0))


def peak_frequencies(power: np.ndarray, freqs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Strongest frequency of each spectrum in ``power`` [shape=(n, bins)] and its share of the power.

    Returns ``(hz, share)``, each [shape=(n,)]: the peak in Hz with parabolic
    interpolation (on log power) between bins, and the fraction (0–1) of the
    spectrum's power within ±3 bins of it (0 for an all-zero spectrum).
    """
    n, bins = power.shape
    k = np.argmax(power[:, 1:], axis=1) + 1
    rows = np.arange(n)
    total = power.sum(axis=1)
    cumulative = np.concatenate([np.zeros((n, 1)), np.cumsum(power, axis=1)], axis=1)
    near = cumulative[rows, np.minimum(k + 4, bins)] - cumulative[rows, np.maximum(k - 3, 0)]
    share = np.where(total > 0, near / np.maximum(total, 1e-30), 0.0)
    inner = np.clip(k, 1, bins - 2)
    a, b, c = (np.log(power[rows, inner + d] + 1e-20) for d in (-1, 0, 1))
    denom = a - 2 * b + c
    offset = np.where((denom != 0) & (inner == k), 0.5 * (a - c) / np.where(denom != 0, denom, 1.0), 0.0)
    hz = np.where(total > 0, freqs[k] + offset * (freqs[1] - freqs[0]), 0.0)
    return hz, share


def spectral_centroid(power: np.ndarray, freqs: np.ndarray) -> np.ndarray:
    """Power-weighted mean frequency (Hz) of each spectrum in ``power`` [shape=(..., bins)]; 0 for silence."""
    total = power.sum(axis=-1)
    return np.where(total > 0, (power * freqs).sum(axis=-1) / np.maximum(total, 1e-20), 0.0)


def spectral_flatness(power: np.ndarray, amin: float = 1e-10) -> np.ndarray:
    """Geometric over arithmetic mean of each spectrum in ``power`` [shape=(..., bins)], in [0, 1].

    The same definition as ``librosa.feature.spectral_flatness(S=power, power=1)``,
    written out because librosa's per-call checks cost more than the maths
    on the short spectra measured here for every frame.
    """
    p = np.maximum(power, amin)
    return np.exp(np.mean(np.log(p), axis=-1)) / np.mean(p, axis=-1)


def tone_band(pitch_hz: float, silent: bool) -> str:
    if silent:
        return "silent"
    if pitch_hz < LOW_HZ:
        return "low"
    if pitch_hz <= HIGH_HZ:
        return "mid"
    return "high"


def timbre_of(*, silent: bool, peak_share: float, transient_ratio: float) -> str:
    if silent:
        return "silent"
    if transient_ratio >= TRANSIENT_RATIO:
        return "percussive"
    if peak_share >= TONAL_PEAK_SHARE:
        return "tonal"
    if peak_share <= NOISY_PEAK_SHARE:
        return "noisy"
    return "mixed"


def transient_ratio(x: np.ndarray, block: int = 128) -> float:
    """Energy of the loudest ``block``-sample block over the median block's (≥ 1): high for clicks and hits."""
    n = x.size // block
    if n < 4:
        return 1.0
    energy = np.square(x[: n * block].reshape(n, block), dtype=np.float64).mean(axis=1)
    floor = max(float(median(energy)), 1e-10)
    return float(max(energy.max() / floor, 1.0))


def window_level_db(windowed: np.ndarray, window: np.ndarray) -> np.ndarray:
    """[shape=(rows,)] dBFS of each row of ``windowed`` (samples times ``window``), the window's own loss made good (mean square over the window's)."""
    return 10.0 * np.log10(np.maximum(np.mean(np.square(windowed), axis=1) / np.mean(np.square(window)), 1e-12))


def chroma_change(profiles: np.ndarray, loud: np.ndarray, n: int) -> np.ndarray:
    """[shape=(blocks,)] 0–1: for each block, the cosine distance between the sum of the ``n`` pitch-class profiles
    before it and that of the ``n`` up to it (``profiles`` [shape=(blocks, 12)]); 0 where fewer than 2·``n`` blocks
    precede or one of them is not ``loud`` [shape=(blocks,), bool]."""
    out = np.zeros(profiles.shape[0])
    if profiles.shape[0] < 2 * n:
        return out
    cum = np.concatenate([np.zeros((1, 12)), np.cumsum(profiles, axis=0)])
    i = np.arange(2 * n, profiles.shape[0] + 1)
    before, after = cum[i - n] - cum[i - 2 * n], cum[i] - cum[i - n]
    cos = (before * after).sum(axis=1) / np.maximum(np.linalg.norm(before, axis=1) * np.linalg.norm(after, axis=1), 1e-30)
    all_loud = np.convolve(loud.astype(float), np.ones(2 * n), mode="valid") >= 2 * n - 0.5
    out[i - 1] = np.where(all_loud, np.clip(1.0 - cos, 0.0, 1.0), 0.0)
    return out


class AudioAnalyzer:
    """Streaming per-frame sound measurement.

    Feed mono chunks with :meth:`add`, register each video frame's interval
    with :meth:`request`, collect finished rows with :meth:`ready`; call
    :meth:`finish` at the end of the stream. Rows come out in frame order.

    Per-frame row: ``amplitude`` (RMS of the frame's slice, 0–1), ``weight``
    (K-weighted loudness 0–1), ``pitch_hz``, ``tone``, ``timbre``, ``primitive``,
    ``centroid_hz``, ``flatness`` (0–1), ``peak_share`` (0–1),
    ``transient`` (≥ 1), ``chroma_0..11`` (0–1).
    Envelope rows (every ``ENVELOPE_HOP`` samples): ``t``, ``rms``, ``onset``
    (spectral flux of the log-mel spectrum, dB per hop, ≥ 0), ``onset_low`` / ``onset_mid`` /
    ``onset_high`` (the same flux over the mel bands under ONSET_LOW_HZ, between, and from
    ONSET_HIGH_HZ up), ``centroid_hz``, ``flatness``, ``zcr``, ``chroma_change`` (0–1: the change of
    the pitch-class profile, :func:`chroma_change`, of the latest CHROMA_BLOCK_HOPS block, held until the next; its
    window ends where the hop's own does, so it lags the hop by up to 93 ms), ``chroma_change_slow`` (the same over
    CHROMA_SLOW_BLOCKS blocks each side).
    """

    def __init__(self, sr: int):
        # scipy.signal takes a second to import: only a video with sound pays for it.
        from scipy.signal import lfilter, lfilter_zi

        self._lfilter = lfilter
        self.sr = sr
        self._subsonic = SubsonicFilter(sr)
        self._k_filters = k_weighting_filters(sr)
        self._k_state = [lfilter_zi(b, a) * 0.0 for b, a in self._k_filters]
        self._raw = np.zeros(0, np.float32)
        self._hp = np.zeros(0, np.float32)  # the same samples high-passed (SubsonicFilter), lagging behind _raw
        self._kw = np.zeros(0, np.float32)
        self._base = 0  # absolute sample index of _raw[0]
        self._end = 0  # absolute sample index one past the last sample received
        self._start_s: float | None = None
        self._requests: deque[tuple[int, float, float]] = deque()  # (frame index, t0, t1) seconds
        self._done = False
        self._next_t = 0.0  # start of the next frame still to be requested (seconds)
        self._freqs = filterbanks.fft_frequencies(sr, SPECTRUM_N)
        self._window = np.hanning(SPECTRUM_N).astype(np.float32)
        self._partials_window = np.hanning(PARTIALS_N).astype(np.float32)
        self._chroma_fb = filterbanks.tables(sr)["chroma"]
        self._env_window = np.hanning(ENVELOPE_N).astype(np.float32)
        self._mel_fb = filterbanks.tables(sr)["mel"]
        self._env_freqs = filterbanks.fft_frequencies(sr, ENVELOPE_N)
        self._env_next = 0  # next envelope hop index to compute
        self._prev_logmel: np.ndarray | None = None
        # Per-hop context for the frame primitives (hop index self._hop_base onwards), trimmed with the samples.
        self._hop_base = 0
        self._notes: dict[float, list[int]] = {}  # onset time (s) → notes struck there (see frame_primitive)
        self._series: list[float | None] = [None]  # the frame before's harmonic series (see frame_primitive)
        self._partials: list = []  # the recent frames' spectral peaks (see frame_primitive)
        self._lows: list = []  # the registers of the recent bass-shaped frames (see frame_primitive)
        self._legato: list = []  # where a legato line's note started after its onset (see frame_primitive)
        self._lines = HeldBeforeLine()  # a held note's frames wait for the line that may follow (see HeldBeforeLine)
        self._drums: dict[int, str | None] = {}  # drum_of by absolute hop, shared by the contexts (Context.drum_at)
        self._hop_power = np.zeros((0, ENVELOPE_N // 2 + 1), np.float32)
        self._env_chroma = pitch_classes(self._env_freqs.size, float(self._env_freqs[1]))
        self._hop_chroma = np.zeros((0, 12), np.float32)
        self._hop_cols = {k: np.zeros(0) for k in ("level_db", "flux", "flatness", "centroid_hz", "slice_db")}
        self.envelope: dict[str, array] = {
            k: array("d") for k in ("t", "rms", "onset", "onset_low", "onset_mid", "onset_high", "centroid_hz", "flatness", "zcr", "chroma_change", "chroma_change_slow")
        }
        self._chroma_window = np.hanning(CHROMA_N).astype(np.float32)
        self._blocks = np.zeros((0, 12))  # the last 2·CHROMA_SLOW_BLOCKS − 1 blocks' profiles (the chord changes' history)
        self._blocks_loud = np.zeros(0, bool)
        self._block_change = (0.0, 0.0)  # chroma_change and chroma_change_slow of the latest block
        mel_hz = self._env_freqs[np.argmax(self._mel_fb, axis=1)]  # each mel band's peak frequency (Hz)
        self._onset_bands = {"onset_low": mel_hz < ONSET_LOW_HZ, "onset_mid": (mel_hz >= ONSET_LOW_HZ) & (mel_hz < ONSET_HIGH_HZ), "onset_high": mel_hz >= ONSET_HIGH_HZ}

    # -- input -------------------------------------------------------------
    def add(self, t: float, samples: np.ndarray) -> None:
        """Append a chunk that starts ``t`` seconds after the first video frame."""
        if self._start_s is None:
            self._start_s = t
        weighted = samples.astype(np.float64)
        for i, (b, a) in enumerate(self._k_filters):
            weighted, self._k_state[i] = self._lfilter(b, a, weighted, zi=self._k_state[i])
        self._raw = np.concatenate([self._raw, samples])
        self._kw = np.concatenate([self._kw, weighted.astype(np.float32)])
        self._end += samples.size
        self._hp = np.concatenate([self._hp, self._subsonic.add(samples)])

    def request(self, index: int, t0: float, t1: float) -> None:
        """Ask for the sound of frame ``index`` covering [t0, t1) seconds."""
        self._requests.append((index, t0, t1))
        self._next_t = t1

    def _samples(self, t0: float, t1: float) -> tuple[int, int]:
        assert self._start_s is not None  # set by the first samples, or by ready() once the stream ended without any
        s0 = int(round((t0 - self._start_s) * self.sr))
        return s0, max(int(round((t1 - self._start_s) * self.sr)), s0 + 1)

    @property
    def start_s(self) -> float | None:
        return self._start_s

    # -- output ------------------------------------------------------------
    def ready(self) -> list[tuple[int, dict]]:
        """Rows for every requested frame whose audio (plus analysis context) has arrived."""
        self._compute_envelope(final=False)
        if self._start_s is None and not self._done:
            return []
        if self._start_s is None:  # the stream ended without a single sample
            self._start_s = 0.0
        # A frame is named once its own spectrum window and CONTEXT_AFTER_S of fine envelope after it are in.
        horizon = 1 << 62 if self._done else min(self._base + self._hp.size, self._env_next * ENVELOPE_HOP - int(CONTEXT_AFTER_S * self.sr))
        spans = []
        for index, t0, t1 in self._requests:
            s0, s1 = self._samples(t0, t1)
            if max(s1, (s0 + s1) // 2 + SPECTRUM_N // 2) > horizon:
                break
            spans.append((index, s0, s1))
        if not self._done and spans and spans[-1][2] - spans[0][1] < FRAME_BATCH_S * self.sr:
            spans = []  # wait for a longer batch: one Context (its onsets, bands and cues over the whole window) for all of it
        for _ in spans:
            self._requests.popleft()
        out: list[tuple[int, dict]] = []
        if spans:
            for (i, s0, s1), (row, series_hz) in zip(spans, self._frame_rows([(s0, s1) for _, s0, s1 in spans])):
                out += self._lines.feed(i, row, s0 / self.sr, s1 / self.sr, series_hz)
        self._trim()
        return out

    def finish(self) -> list[tuple[int, dict]]:
        self._done = True
        self._hp = np.concatenate([self._hp, self._subsonic.finish()])
        self._compute_envelope(final=True)
        return self.ready() + self._lines.flush()

    # -- internals ---------------------------------------------------------
    def _slice(self, buf: np.ndarray, s0: int | np.integer, s1: int | np.integer) -> np.ndarray:
        """Samples [s0, s1) absolute, zero outside what was received."""
        out = np.zeros(max(s1 - s0, 0), np.float32)
        lo, hi = max(s0, self._base), min(s1, self._base + buf.size)
        if hi > lo:
            out[lo - s0 : hi - s0] = buf[lo - self._base : hi - self._base]
        return out

    def _windows(self, buf: np.ndarray, starts: np.ndarray, n: int) -> np.ndarray:
        """[shape=(starts, n)] the samples [s, s + n) of ``buf`` for each absolute start ``s`` (increasing): what
        :meth:`_slice` gives for each, zero outside what was received, cut from one padded copy of the span at once."""
        if starts.size == 0:
            return np.zeros((0, n), np.float32)
        lo, hi = int(starts[0]), int(starts[-1]) + n
        span = self._slice(buf, lo, hi)
        return sliding_window_view(span, n)[starts - lo]

    def _frame_rows(self, spans: list[tuple[int, int]]) -> list[tuple[dict, float | None]]:
        """One row per (first, end) sample span, with the lowest fundamental (Hz) of the harmonic series its primitive
        read (frame_primitive's ``last_series``; None for a chord or none: :class:`~aspects.measure.primitive.HeldBeforeLine`);
        the spectra of all of them in one batch."""
        half = SPECTRUM_N // 2
        centres = [(s0 + s1) // 2 for s0, s1 in spans]
        windows = np.stack([self._slice(self._hp, c - half, c + half) for c in centres])
        power = np.abs(np.fft.rfft(windows * self._window, axis=1)) ** 2
        wide = np.stack([self._slice(self._hp, c - PARTIALS_N // 2, c + PARTIALS_N // 2) for c in centres])
        fine = np.abs(np.fft.rfft(wide * self._partials_window, axis=1)) ** 2
        pitch, share = peak_frequencies(power, self._freqs)
        centroid = spectral_centroid(power, self._freqs)
        flatness = np.where(power.sum(axis=1) > 0, spectral_flatness(power), 0.0)
        chroma = power @ self._chroma_fb.T
        chroma = chroma / np.maximum(chroma.max(axis=1, keepdims=True), 1e-30)
        low_share = power[:, self._freqs < LOW_HZ].sum(axis=1) / np.maximum(power.sum(axis=1), 1e-30)
        ctx = self._context()
        rows = []
        for j, ((s0, s1), centre) in enumerate(zip(spans, centres)):
            # The lesser of the two: the filter removes level that is only offset, and cannot make sound where there was
            # none (a hard-gated low sine's ringing before and after it; tests/test_audio_voices.py's 35 Hz tone).
            amplitude = min(rms(self._slice(self._raw, s0, s1)), rms(self._slice(self._hp, s0, s1)), 1.0)
            silent = amplitude < SILENCE_RMS
            transient = transient_ratio(self._slice(self._hp, min(s0, centre - half), max(s1, centre + half)))
            band = tone_band(float(pitch[j]), silent)
            timbre = timbre_of(silent=silent, peak_share=float(share[j]), transient_ratio=transient)
            row = {
                "amplitude": round(amplitude, 6),
                "weight": round(loudness_weight(self._slice(self._kw, s0, s1)), 6),
                "tone": band,
                "pitch_hz": None if silent else round(float(pitch[j]), 2),
                "timbre": timbre,
                "primitive": self._primitive(ctx, timbre, band, float(centroid[j]), float(low_share[j]), power[j], s0, s1, fine[j]),
                "centroid_hz": round(float(centroid[j]), 2),
                "flatness": round(float(flatness[j]), 6),
                "peak_share": round(float(share[j]), 6),
                "transient": round(transient, 3),
            }
            row.update({f"chroma_{i}": round(float(c), 4) for i, c in enumerate(chroma[j])})
            rows.append((row, self._series[0] if row["primitive"] != "silence" else None))
        return rows

    def _context(self) -> Context:
        hops = np.arange(self._hop_base, self._hop_base + self._hop_power.shape[0])
        start = self._start_s or 0.0
        flux = self._hop_cols["flux"]
        hop_s = ENVELOPE_HOP / self.sr
        return Context(
            t=start + hops * hop_s,
            power=self._hop_power,
            freqs=self._env_freqs,
            level_db=self._hop_cols["level_db"],
            flux=flux,
            flatness=self._hop_cols["flatness"],
            centroid_hz=self._hop_cols["centroid_hz"],
            slice_db=self._hop_cols["slice_db"],
            onsets=onsets(flux, hop_s),
            hop_s=hop_s,
            changes=pitch_changes(self._hop_chroma, self._hop_cols["level_db"], hop_s),
            class_starts=pitch_class_starts(self._hop_chroma, self._hop_cols["level_db"], hop_s),
            drum_memo=self._drums,
            hop_base=self._hop_base,
        )

    def _primitive(self, ctx: Context, timbre: str, band: str, centroid_hz: float, low_share: float, spectrum: np.ndarray, s0: int, s1: int, fine: np.ndarray | None = None) -> str:
        if ctx.t.size == 0:
            return pure_noise(timbre=timbre, band=band, centroid_hz=centroid_hz)
        start = self._start_s or 0.0
        t0, t1 = start + s0 / self.sr, start + s1 / self.sr
        return frame_primitive(
            timbre=timbre,
            band=band,
            centroid_hz=centroid_hz,
            low_share=low_share,
            spectrum=spectrum,
            spectrum_freqs=self._freqs,
            ctx=ctx,
            t0=t0,
            t1=t1,
            notes=self._notes,
            last_series=self._series,
            partials=self._partials,
            fine_spectrum=fine,
            lows=self._lows,
            legato=self._legato,
        )

    def _compute_envelope(self, *, final: bool) -> None:
        """Envelope rows for every hop whose window has fully arrived (all of them when ``final``)."""
        if self._start_s is None:
            return
        last = (self._end - ENVELOPE_N // 2) // ENVELOPE_HOP if not final else self._end // ENVELOPE_HOP
        if last < self._env_next or (not final and last - self._env_next < 64):  # batch ≥ 64 hops per call
            return
        hops = np.arange(self._env_next, last + 1)
        starts = hops * ENVELOPE_HOP - ENVELOPE_N // 2
        frames = self._windows(self._raw, starts, ENVELOPE_N)
        power = np.abs(np.fft.rfft(frames * self._env_window, axis=1)) ** 2  # (n, bins)
        logmel = 10.0 * np.log10(np.maximum(self._mel_fb @ power.T, 1e-10))  # dB, (mels, n)
        prev = self._prev_logmel if self._prev_logmel is not None else logmel[:, :1]
        rise = np.maximum(0.0, np.diff(np.concatenate([prev, logmel], axis=1), axis=1))
        flux = rise.mean(axis=0)
        self._prev_logmel = logmel[:, -1:]
        centroid = spectral_centroid(power, self._env_freqs)
        flatness = spectral_flatness(power)
        hop_slices = frames[:, ENVELOPE_N // 2 - ENVELOPE_HOP // 2 : ENVELOPE_N // 2 + ENVELOPE_HOP // 2]
        env = self.envelope
        env["t"].extend((self._start_s + hops * ENVELOPE_HOP / self.sr).round(6).tolist())
        env["rms"].extend(np.sqrt(np.mean(np.square(hop_slices), axis=1)).round(6).tolist())
        env["onset"].extend(flux.round(5).tolist())
        for key, band in self._onset_bands.items():
            env[key].extend(rise[band].mean(axis=0).round(5).tolist())
        env["centroid_hz"].extend(centroid.round(2).tolist())
        env["flatness"].extend(flatness.round(6).tolist())
        env["zcr"].extend((np.abs(np.diff(np.signbit(hop_slices), axis=1)).mean(axis=1)).round(5).tolist())
        for key, values in zip(("chroma_change", "chroma_change_slow"), self._chroma_changes(hops)):
            env[key].extend(values.round(5).tolist())
        self._env_next = last + 1
        level_db = window_level_db(frames * self._env_window, self._env_window)
        slice_db = 10.0 * np.log10(np.maximum(np.mean(np.square(hop_slices), axis=1), 1e-12))  # the hop's own 5.8 ms (issue 11d)
        self._hop_power = np.concatenate([self._hop_power, power.astype(np.float32)])
        self._hop_chroma = np.concatenate([self._hop_chroma, (power @ self._env_chroma.T).astype(np.float32)])
        for key, values in (("level_db", level_db), ("flux", flux), ("flatness", flatness), ("centroid_hz", centroid), ("slice_db", slice_db)):
            self._hop_cols[key] = np.concatenate([self._hop_cols[key], values])

    def _chroma_changes(self, hops: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """``chroma_change`` and ``chroma_change_slow`` of each envelope hop in ``hops`` (absolute hop indices,
        consecutive): the blocks starting in them (every CHROMA_BLOCK_HOPS-th hop) are measured, every hop holds its
        latest block's values."""
        starts = hops[hops % CHROMA_BLOCK_HOPS == 0]
        out = np.full(hops.size, self._block_change[0])
        slow = np.full(hops.size, self._block_change[1])
        if starts.size == 0:
            return out, slow
        ends = starts * ENVELOPE_HOP + ENVELOPE_N // 2  # where the hop's own window ends: no sample still to come
        windows = self._windows(self._raw, ends - CHROMA_N, CHROMA_N) * self._chroma_window
        profile = (np.abs(np.fft.rfft(windows, axis=1)) ** 2) @ self._chroma_fb.T
        level_db = window_level_db(windows, self._chroma_window)
        blocks = np.concatenate([self._blocks, profile / np.maximum(profile.max(axis=1, keepdims=True), 1e-30)])
        loud = np.concatenate([self._blocks_loud, level_db >= CHROMA_LOUD_DB])
        changes = chroma_change(blocks, loud, CHROMA_CHANGE_BLOCKS)[-starts.size :]
        slow_changes = chroma_change(blocks, loud, CHROMA_SLOW_BLOCKS)[-starts.size :]
        keep = 2 * CHROMA_SLOW_BLOCKS - 1
        self._blocks, self._blocks_loud = blocks[-keep:], loud[-keep:]
        idx = np.searchsorted(starts, hops, side="right") - 1  # each hop's latest block in this batch (−1: an earlier one)
        out[idx >= 0] = changes[idx[idx >= 0]]
        slow[idx >= 0] = slow_changes[idx[idx >= 0]]
        self._block_change = (float(changes[-1]), float(slow_changes[-1]))
        return out, slow

    def _trim(self) -> None:
        """Drop samples no pending frame or envelope hop can still need."""
        keep_from = self._env_next * ENVELOPE_HOP - max(ENVELOPE_N, CHROMA_N)  # a chord block's window reaches back CHROMA_N
        # Frames not requested yet start where the last requested one ends.
        t_next = self._requests[0][1] if self._requests else self._next_t
        next_sample = self._samples(t_next, t_next)[0]
        keep_from = max(min(keep_from, next_sample - SPECTRUM_N), self._base)
        drop = min(keep_from, self._end, self._base + self._hp.size) - self._base  # _hp lags: never past its end
        if drop > self.sr:  # trim in large steps: concatenation cost stays small
            self._raw = self._raw[drop:]
            self._hp = self._hp[drop:]
            self._kw = self._kw[drop:]
            self._base += drop
        keep_hop = (next_sample - int(CONTEXT_BEFORE_S * self.sr)) // ENVELOPE_HOP
        hop_drop = min(keep_hop - self._hop_base, self._hop_power.shape[0])
        if hop_drop * ENVELOPE_HOP > self.sr:
            self._hop_power = self._hop_power[hop_drop:]
            self._hop_chroma = self._hop_chroma[hop_drop:]
            self._hop_cols = {k: v[hop_drop:] for k, v in self._hop_cols.items()}
            self._hop_base += hop_drop
            self._drums = {k: v for k, v in self._drums.items() if k >= self._hop_base}
