"""A DC offset or a drift below hearing changes the sound's names: strict xfails (issue 11, session 38).

FluidR3 renders several programs with an offset that follows their notes' envelopes (the sweep pad GM 95 up to 0.2 of
full scale, 0.75-0.78 of its RMS; docs/audio.md, "A DC offset"), and real recordings carry DC too. A listener does not
hear it; the analyser does. Ground truth made here: clean FluidR3 renders (a flute line, a piano line, string-ensemble
chords, a drum groove) analysed as rendered and again with an offset added: a constant 0.1 of full scale, one that
follows the clip's own level at 0.8 of its RMS, and a 2 Hz drift of 0.1. Each offset clip's frames should be named as
the clean clip's (``SAME_SHARE``) and its silence before the first note should stay ``silence``; FluidR3's own sweep
pad's frames should never read a pitch under the bottom of hearing. Main 77618d3 fails 11 of these 13 (0.15-0.94 of
the frames named the same; a constant offset names the silence `hum`; the sweep pad's pitch reads 1.0 Hz on 139 of
157 frames). A high-pass before the analyser passes all 13 (1.00 in every case with a 4th-order Butterworth at 15 Hz)
but moves the drum, tempo and speech rules' knife edges (five held-out tempo clips read at the other octave, a 35 Hz
tone, speech consonants named drums; a 1st-order one at 2 Hz still flips three tempo clips), so it was not landed.
"""

from __future__ import annotations

import numpy as np
import pytest

from tests.audio_corpus import SR, Clip, _chords, _line, drum_clip, groove, missing_tools, render_midi, tonal_clip
from tests.voice_corpus import FPS, analyse, analysed_rows

pytestmark = pytest.mark.skipif(missing_tools() is not None, reason=str(missing_tools()))

SAME_SHARE = 0.95  # frames named as in the clean clip, per clip and offset (with the high-pass: 1.00 for every clip and offset)
HEARING_HZ = 20.0  # the bottom of hearing: no pitch is read under it
# (clip, offset) cases main 77618d3 gets right (frames named as the clean clip's: the envelope offsets under long notes)
HOLDS = {("flute line", "envelope"), ("string chords", "envelope")}
DC_GAP = "a DC offset or a drift below hearing moves the names (module docstring; docs/audio.md, 'A DC offset')"
FIRST_NOTE_S = 0.3  # every clip here starts its first note (or hit) here; the frames before are silence
OFFSETS = ("constant", "envelope", "drift")
SWEEP_END_S = 6.6  # the sweep pad's third chord ends here


def clean_clips() -> dict[str, Clip]:
    return {
        "flute line": tonal_clip("flute", 73, _line([72, 74, 76, 77, 79, 77, 76, 74, 72, 71], 0.45), "lead"),
        "piano line": tonal_clip("piano", 0, _line([60, 64, 67, 72, 67, 64, 60, 62], 0.4), "pluck"),
        "string chords": tonal_clip("strings", 48, _chords([[60, 64, 67], [57, 60, 64], [65, 69, 72]], 2.2), "pad"),
        "drum groove": drum_clip("groove", groove(100.0, bars=2, start_s=FIRST_NOTE_S), 5.5, tempo_bpm=100.0),
    }


def with_offset(x: np.ndarray, kind: str) -> np.ndarray:
    """``x`` plus an offset a listener does not hear (see the module docstring)."""
    t = np.arange(x.size) / SR
    if kind == "constant":
        offset = np.full(x.size, 0.1)
    elif kind == "drift":
        offset = 0.1 * np.sin(2 * np.pi * 2.0 * t)
    else:  # the clip's own level (50 ms RMS, smoothed over 0.1 s), scaled to 0.8 of the clip's RMS
        hop = int(0.05 * SR)
        level = np.sqrt(np.convolve(x.astype(np.float64) ** 2, np.ones(hop) / hop, mode="same"))
        level = np.convolve(level, np.ones(2 * hop) / (2 * hop), mode="same")
        offset = level * 0.8 * np.sqrt(np.mean(x.astype(np.float64) ** 2)) / max(float(np.sqrt(np.mean(level**2))), 1e-9)
    return np.clip(x + offset, -1.0, 1.0).astype(np.float32)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, np.ndarray]:
    out = tmp_path_factory.mktemp("subsonic")
    return {name: render_midi(clip.events, out / f"{clip.name}.wav")[: int(clip.duration_s * SR)] for name, clip in clean_clips().items()}


@pytest.mark.parametrize(
    ("name", "kind"),
    [(n, k) if (n, k) in HOLDS else pytest.param(n, k, marks=pytest.mark.xfail(reason=DC_GAP, strict=True)) for n in clean_clips() for k in OFFSETS],
)
def test_an_offset_changes_no_name(rendered, name: str, kind: str) -> None:
    x = rendered[name]
    t, clean = analyse(x)
    _, offset = analyse(with_offset(x, kind))
    same = float(np.mean(clean == offset))
    assert same >= SAME_SHARE, f"{name} + {kind} offset: {same:.2f} of frames named as the clean clip's; {list(zip(t[clean != offset].round(2), clean[clean != offset], offset[clean != offset]))[:8]}"
    before = t + 1 / FPS <= FIRST_NOTE_S
    assert set(offset[before]) == {"silence"}, f"{name} + {kind} offset: the silence before the first note reads {sorted(set(offset[before]))}"


@pytest.fixture(scope="module")
def sweep_pad(tmp_path_factory) -> np.ndarray:
    """Three chords of FluidR3's sweep pad (GM 95), 2.2 s apart from FIRST_NOTE_S."""
    clip = tonal_clip("sweep", 95, _chords([[60, 64, 67], [57, 60, 64], [62, 65, 69]], 2.2), "pad")
    return render_midi(clip.events, tmp_path_factory.mktemp("sweep") / "sweep.wav")


def test_fluidr3_sweep_pad_renders_with_an_offset(sweep_pad) -> None:
    """The premise of the next test: the rendered chords carry an offset of at least half their RMS (0.75-0.78 measured)."""
    sounding = sweep_pad[int(FIRST_NOTE_S * SR) : int(SWEEP_END_S * SR)].astype(np.float64)
    assert abs(sounding.mean()) >= 0.5 * np.sqrt(np.mean(sounding**2))


@pytest.mark.xfail(reason=DC_GAP, strict=True)
def test_fluidr3_sweep_pad_offset_is_not_its_pitch(sweep_pad) -> None:
    rows, _ = analysed_rows(sweep_pad)
    pitches = [row["pitch_hz"] for k, row in enumerate(rows) if row["pitch_hz"] is not None and FIRST_NOTE_S <= k / FPS < SWEEP_END_S]
    assert len(pitches) >= 0.8 * (SWEEP_END_S - FIRST_NOTE_S) * FPS
    assert min(pitches) >= HEARING_HZ, f"pitch read at {min(pitches):.2f} Hz on {sum(p < HEARING_HZ for p in pitches)} of {len(pitches)} frames"
