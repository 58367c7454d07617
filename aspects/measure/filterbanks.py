"""The sound analyser's fixed filters: chroma and mel filter banks (librosa), K-weighting biquads (pyloudnorm).

They depend only on the sample rate and the FFT sizes, yet building them
means importing librosa's filter module (which loads numba) and pyloudnorm
(which loads all of ``scipy.signal``): seconds of start-up for arrays that
never change. So the tables for the default analysis rate are shipped,
precomputed by those same functions, in ``filterbanks.npz`` next to this
module; any other rate is computed by librosa and pyloudnorm on first use.
``python -m aspects.measure.filterbanks`` rewrites the file, and
``tests/test_startup.py`` checks that it equals what the libraries give.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

TABLE = Path(__file__).with_name("filterbanks.npz")
SHIPPED_SR = 22050  # the default analysis rate (Settings.audio_sr)
CHROMA_N_FFT = 2048
MEL_N_FFT, MEL_BANDS = 1024, 64
# ITU-R BS.1770 K-weighting as pyloudnorm's Meter builds it (RBJ biquads): a +4 dB high shelf above 1.5 kHz, then a 38 Hz high pass.
K_SHELF_GAIN_DB, K_SHELF_Q, K_SHELF_HZ = 4.0, 1 / np.sqrt(2), 1500.0
K_HIGHPASS_Q, K_HIGHPASS_HZ = 0.5, 38.0


def fft_frequencies(sr: int, n_fft: int) -> np.ndarray:
    """Centre frequency (Hz) of each rfft bin, as ``librosa.fft_frequencies`` [shape=(1 + n_fft // 2,)]."""
    return np.fft.rfftfreq(n=n_fft, d=1.0 / sr)


def compute(sr: int) -> dict[str, np.ndarray]:
    """Every table at ``sr`` Hz, from librosa and pyloudnorm themselves (slow to import: seconds)."""
    import librosa
    import pyloudnorm

    stages = (
        pyloudnorm.IIRfilter(K_SHELF_GAIN_DB, K_SHELF_Q, K_SHELF_HZ, sr, "high_shelf"),
        pyloudnorm.IIRfilter(0.0, K_HIGHPASS_Q, K_HIGHPASS_HZ, sr, "high_pass"),
    )
    return {
        "chroma": librosa.filters.chroma(sr=sr, n_fft=CHROMA_N_FFT),
        "mel": librosa.filters.mel(sr=sr, n_fft=MEL_N_FFT, n_mels=MEL_BANDS),
        "k_shelf_b": stages[0].b,
        "k_shelf_a": stages[0].a,
        "k_highpass_b": stages[1].b,
        "k_highpass_a": stages[1].a,
    }


@lru_cache(maxsize=4)
def tables(sr: int) -> dict[str, np.ndarray]:
    """The tables at ``sr`` Hz: ``chroma`` [shape=(12, 1 + CHROMA_N_FFT // 2)], ``mel`` [shape=(MEL_BANDS, 1 + MEL_N_FFT // 2)],
    and the K-weighting stages' ``k_shelf_b``, ``k_shelf_a``, ``k_highpass_b``, ``k_highpass_a`` (biquad coefficients)."""
    if sr == SHIPPED_SR and TABLE.exists():
        with np.load(TABLE) as shipped:
            return {name: shipped[name] for name in shipped.files}
    return compute(sr)


def write_table(path: Path = TABLE) -> None:
    """Write the shipped tables (at :data:`SHIPPED_SR`) to ``path``."""
    tables: dict[str, Any] = compute(SHIPPED_SR)  # Any: mypy would match the ** arrays against savez_compressed's allow_pickle: bool
    np.savez_compressed(path, **tables)


if __name__ == "__main__":
    write_table()
    print(f"wrote {TABLE}")
