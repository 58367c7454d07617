"""A DC offset or a drift below hearing must not change the sound's names (issue 11, sessions 38-39).

FluidR3 renders several programs with an offset that follows their notes' envelopes (the sweep pad GM 95 up to 0.2 of
full scale, 0.75-0.78 of its RMS; docs/audio.md, "A DC offset"), and real recordings carry DC too. A listener does not
hear it; the analyser did. Ground truth made here: clean FluidR3 renders (a flute line, a piano line, string-ensemble
chords, a drum groove) analysed as rendered and again with an offset added: a constant 0.1 of full scale, one that
follows the clip's own level at 0.8 of its RMS, and a 2 Hz drift of 0.1. Each offset clip's frames should be named as
the clean clip's (``SAME_SHARE``) and its silence before the first note should stay ``silence``; FluidR3's own sweep
pad's frames should never read a pitch under the bottom of hearing. Main 77618d3 failed 11 of these 13 (0.15-0.94 of
the frames named the same; a constant offset named the silence `hum`; the sweep pad's pitch read 1.0 Hz on 139 of
157 frames). Session 39: each frame's spectra and level are read on the samples high-passed by a linear-phase FIR
(aspects.measure.sound.SubsonicFilter), which passes 7 of them; the 4 left (``ENVELOPE_GAP``) are the fine envelope's:
a struck note's decay and the drums are read over hop spectra and levels that still carry the offset. Reading those
high-passed too passed all 13 but, with the envelope columns filtered, 17 held-out tempo clips read at the other
octave; with the tempo's columns left as received all 13 passed, but a blind speech split's frames named a drum rose
8.3 -> 8.9 % (and tests/test_audio_consonants.py's 19 -> 21 of 247, bound 19.8, without the step's test read as
received): not landed (docs/audio.md, "A DC offset"). bench/dc_offsets.py reads the same on drawn clips and offsets.
"""

from __future__ import annotations

import numpy as np
import pytest

from tests.audio_corpus import SR, Clip, _chords, _line, drum_clip, groove, missing_tools, render_midi, tonal_clip, with_offset
from tests.voice_corpus import FPS, analyse, analysed_rows

pytestmark = pytest.mark.skipif(missing_tools() is not None, reason=str(missing_tools()))

SAME_SHARE = 0.95  # frames named as in the clean clip, per clip and offset (session 39: 1.00 on the passing cases but the groove's level-following offset, 0.96)
HEARING_HZ = 20.0  # the bottom of hearing: no pitch is read under it
# (clip, offset) cases still named otherwise: a struck note's decay and the drums are read on the unfiltered envelope
ENVELOPE_GAP = {("piano line", "constant"), ("piano line", "drift"), ("drum groove", "constant"), ("drum groove", "drift")}
DC_GAP = "an offset still moves the fine envelope's note shapes and drums (module docstring; docs/audio.md, 'A DC offset')"
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


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, np.ndarray]:
    out = tmp_path_factory.mktemp("subsonic")
    return {name: render_midi(clip.events, out / f"{clip.name}.wav")[: int(clip.duration_s * SR)] for name, clip in clean_clips().items()}


@pytest.mark.parametrize(
    ("name", "kind"),
    [pytest.param(n, k, marks=pytest.mark.xfail(reason=DC_GAP, strict=True)) if (n, k) in ENVELOPE_GAP else (n, k) for n in clean_clips() for k in OFFSETS],
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


def test_fluidr3_sweep_pad_offset_is_not_its_pitch(sweep_pad) -> None:
    rows, _ = analysed_rows(sweep_pad)
    pitches = [row["pitch_hz"] for k, row in enumerate(rows) if row["pitch_hz"] is not None and FIRST_NOTE_S <= k / FPS < SWEEP_END_S]
    assert len(pitches) >= 0.8 * (SWEEP_END_S - FIRST_NOTE_S) * FPS
    assert min(pitches) >= HEARING_HZ, f"pitch read at {min(pitches):.2f} Hz on {sum(p < HEARING_HZ for p in pitches)} of {len(pitches)} frames"


def filtered(x: np.ndarray, chunks: int) -> np.ndarray:
    from aspects.measure.sound import SubsonicFilter

    f = SubsonicFilter(SR)
    return np.concatenate([f.add(c) for c in np.array_split(x, chunks)] + [f.finish()])


def test_the_subsonic_filter_streams_without_delay() -> None:
    """The filter gives every sample back, the same whatever the chunks, with no delay: a 40 Hz tone comes out as it
    went in (within 0.12 % — the pass band's ripple — away from the track's ends, 2 % within the kernel's half-length of
    them, where the track is continued by its reflection), a constant offset is 50 dB down, and an offset
    present from the first sample does not ring in."""
    t = np.arange(int(3.0 * SR)) / SR
    tone = 0.5 * np.sin(2 * np.pi * 40.0 * t)
    x = tone + 0.1 * np.sin(2 * np.pi * 2.0 * t) + 0.2
    one, streamed = filtered(x, 1), filtered(x, 731)
    assert one.size == x.size and np.allclose(one, streamed, atol=1e-6)
    edge = int(0.12 * SR)
    inner = np.abs(one - tone)[edge:-edge]
    assert np.max(inner) <= 0.0012 * 0.5, np.max(inner)
    assert np.max(np.abs(one - tone)) <= 0.02 * 0.5, np.max(np.abs(one - tone))
    for n in (0, 1, 5, 300):
        assert filtered(np.full(n, 0.2), 1).size == n
    assert np.max(np.abs(filtered(np.full(SR, 0.2), 3))) <= 0.2 * 10 ** (-50 / 20)  # 50 dB down at every sample (−56 measured)
