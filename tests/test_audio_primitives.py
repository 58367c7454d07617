"""Per-frame sound primitives and tempo against ground truth rendered here (tests/audio_corpus.py).

The corpus (MIDI through FluidSynth + FluidR3 GM, espeak-ng speech, Sonic Pi's
recorded loops) is rendered once per session and every clip is measured once,
through the real decoder (H.264 + AAC MP4s). Targets (issue 11): drum hits,
bass, pad, pluck, lead and chord named as such on ≥ 90 % of hits and
segments; tempo within 2 % on rendered music and 4 % (MIREX accuracy 1) on
real recordings.
"""

from __future__ import annotations

from collections import Counter

import pytest

from aspects.dynamic import dynamic_aspects
from aspects.pipeline import measure_video
from tests.audio_corpus import REAL_LOOPS, build_corpus, hit_results, missing_tools, real_loop_clip, real_loop_source, segment_results

TARGET = 0.9  # share of hits / segments named right
FLOOR = 0.7  # no targeted kind of segment may fall below this on its own
RENDERED_TEMPO_TOLERANCE = 0.02
REAL_TEMPO_TOLERANCE = 0.04  # MIREX "accuracy 1"

# Known tempo misses on this corpus (see docs/audio.md), strict xfails so a fix shows up as an unexpected pass;
# none left since the metrical level (issue 11b). The wide rendered corpus is in tests/test_tempo_corpus.py.
RENDERED_TEMPO_MISSES: dict[str, str] = {}  # 60 -> 120, 180 -> 90, 72 -> 144 fixed by the metrical level (issue 11b)
# compus 148 -> 98.7, garzul no beat, electric/mehackit1/safari 4/3 errors fixed (11b)
# pygame house_lo 67.5 -> 135 fixed by the band-split accents (11c: its kick is in the low band, its 3x louder snare is not)
REAL_TEMPO_MISSES: dict[str, str] = {}  # lmms_jungle01 (read 112, 0.65x) reads 172.7 since issue 11t, session 6 (the meter check, the bar's division)


@pytest.fixture(scope="session")
def measured(tmp_path_factory):
    """Every corpus clip rendered, muxed and measured once: name → (clip, measurements)."""
    if reason := missing_tools():
        pytest.skip(reason)
    out = tmp_path_factory.mktemp("audio_corpus")
    clips = build_corpus(out)
    clips += [real_loop_clip(name, out / "real") for name in REAL_LOOPS if real_loop_source(name).exists()]
    return {clip.name: (clip, measure_video(clip.path)) for clip in clips}


def _scored(measured, score, kinds: set[str] | None = None) -> list[tuple[str, str, str]]:
    rows = []
    for clip, m in measured.values():
        if kinds is None or clip.kind in kinds:
            rows += [(clip.name, truth, answer) for _, truth, answer in score(clip, m.frames["t"], m.sound["primitive"])]
    return rows


def _share(rows) -> float:
    return sum(truth == answer for _, truth, answer in rows) / len(rows)


def test_isolated_drum_hits_are_named(measured):
    """Kick, snare, closed hi-hat and hand clap struck alone at known times: named at the onset frame or the next."""
    rows = [r for r in _scored(measured, hit_results) if r[0].startswith("hits_")]
    by_drum = Counter(truth for _, truth, _ in rows)
    assert set(by_drum) == {"kick", "snare", "hihat", "clap"} and len(rows) >= 30
    for drum in by_drum:
        mine = [r for r in rows if r[1] == drum]
        assert _share(mine) >= TARGET, (drum, [r for r in mine if r[1] != r[2]])


def test_drum_hits_in_grooves_and_arrangements(measured):
    """Every hit of the grooves (60–180 BPM, 3/4 and 4/4, swing) and of the drums + bass + piano clips: ≥ 90 % named."""
    rows = _scored(measured, hit_results, {"drums", "band"})
    assert len(rows) > 300
    wrong = Counter((truth, answer) for _, truth, answer in rows if truth != answer)
    assert _share(rows) >= TARGET, wrong.most_common(8)


def test_no_drums_where_none_were_struck(measured):
    """Pads, plucks, leads, chords, bass lines, melodies and speech: at most 2 % of their frames named as a drum."""
    frames = drums = 0
    for clip, m in measured.values():
        if not clip.hits and clip.kind != "real":
            frames += len(m.sound["primitive"])
            drums += sum(p in ("kick", "snare", "hihat", "clap") for p in m.sound["primitive"])
    assert frames > 1000 and drums <= 0.02 * frames, (drums, frames)


def test_tonal_segments_are_named(measured):
    """Bass lines, pads, plucks (guitar, harp, pizzicato), synth leads and piano/guitar chords: ≥ 90 % of segments together."""
    rows = [r for r in _scored(measured, segment_results, {"tonal"}) if r[1] in ("bass", "pad", "pluck", "lead", "chord")]
    assert {truth for _, truth, _ in rows} == {"bass", "pad", "pluck", "lead", "chord"}
    wrong = Counter((truth, answer) for _, truth, answer in rows if truth != answer)
    assert _share(rows) >= TARGET, wrong
    for kind in ("bass", "pad", "pluck", "lead", "chord"):
        assert _share([r for r in rows if r[1] == kind]) >= FLOOR, (kind, wrong)


def test_speech_alone_and_over_a_pad(measured):
    """espeak-ng speech, alone and over a pad, is speech; plucks, leads, chords and a swung groove are not."""
    if "speech" not in measured:
        pytest.skip("espeak-ng missing (scripts/bootstrap.sh installs it)")
    for name in ("speech", "speech_over_pad"):
        clip, m = measured[name]
        rows = segment_results(clip, m.frames["t"], m.sound["primitive"])
        assert all(truth == answer for _, truth, answer in rows), (name, Counter(m.sound["primitive"]))
    for name in ("pluck_nylon", "lead_saw", "chords_piano", "groove_128_44_swing"):
        _, m = measured[name]
        assert Counter(m.sound["primitive"])["speech"] <= 2, (name, Counter(m.sound["primitive"]))


def _tempo_cases(kinds: set[str], misses: dict[str, str]):
    from tests.audio_corpus import corpus

    names = [c.name for c in corpus() if c.tempo_bpm is not None and c.kind in kinds] if "real" not in kinds else list(REAL_LOOPS)
    return [pytest.param(n, marks=pytest.mark.xfail(reason=misses[n], strict=True)) if n in misses else n for n in names]


def _tempo_error(measured, name: str) -> tuple[float | None, float, list]:
    clip, m = measured[name]
    d = dynamic_aspects(m, 1.0).model_dump(mode="json")
    return d["blends"]["audio"]["tempo_bpm"], clip.tempo_bpm, [w["audio_semantic"]["tempo_bpm"] for w in d["windows"]]


@pytest.mark.parametrize("name", _tempo_cases({"drums", "band"}, RENDERED_TEMPO_MISSES))
def test_tempo_of_rendered_music(measured, name):
    """Whole-video tempo within 2 %, and so are most windows that report one."""
    bpm, truth, windows = _tempo_error(measured, name)
    assert bpm is not None and abs(bpm / truth - 1) <= RENDERED_TEMPO_TOLERANCE, (bpm, truth)
    read = [w for w in windows if w is not None]
    assert len(read) >= len(windows) // 2 and sum(abs(w / truth - 1) <= RENDERED_TEMPO_TOLERANCE for w in read) >= 0.8 * len(read), windows


@pytest.mark.parametrize("name", _tempo_cases({"real"}, REAL_TEMPO_MISSES))
def test_tempo_of_real_recordings(measured, name):
    """Sonic Pi's, pygame's and LMMS's recorded loops, repeated: tempo = beats in the loop / its length, within 4 %; so are 80 % of
    the windows that report one (a window's own pick may be a figure across the beats: it follows the video's metre)."""
    if name not in measured:
        pytest.skip(f"{real_loop_source(name)} missing (scripts/bootstrap.sh installs it)")
    bpm, truth, windows = _tempo_error(measured, name)
    assert bpm is not None and abs(bpm / truth - 1) <= REAL_TEMPO_TOLERANCE, (bpm, truth)
    read = [w for w in windows if w is not None]
    assert sum(abs(w / truth - 1) <= REAL_TEMPO_TOLERANCE for w in read) >= 0.8 * len(read), windows


def test_vocabulary_is_one_list():
    """The document's closed vocabulary, the measurement's and the registry's seeds are the same words."""
    from typing import get_args

    from aspects.document import SoundPrimitive
    from aspects.measure.primitive import PRIMITIVES
    from registries.seeds import WORD_PRIMITIVES

    assert get_args(SoundPrimitive) == PRIMITIVES == WORD_PRIMITIVES["static.sound"][1]
    assert len(set(PRIMITIVES)) == 24


def test_cli_start_up_loads_no_numba():
    """librosa's rhythm code (numba) is imported only when a tempo is measured, not to start the CLI."""
    import subprocess
    import sys

    code = "import sys, aspects.cli, aspects.stages; assert 'numba' not in sys.modules, 'numba imported'"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
