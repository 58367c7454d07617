"""Which General MIDI programs die away: one long note of each program alone through FluidSynth + FluidR3, its level
measured 1.5-2 s after its peak (docs/audio.md, "Which programs die away").

A physical measure of the rendered sound, independent of the classifier: every program holds one note for
``HOLD_S`` (key down the whole time) at each of ``PITCHES``; the level is the RMS over ``WINDOW_S`` windows every
``HOP_S``; the *drop* is the peak level minus the mean power's level 1.5-2 s after the peak (``LATE_SPAN_S``). A
program *dies away* when its median drop over the pitches is ≥ ``DECAY_DROP_DB``. The drop 0.5-1 s after the peak
(``EARLY_SPAN_S``) is printed beside it: it does not part the two kinds (a synth's or a sample's envelope settles
there: sustaining programs lose up to 9.6 dB by then, dying ones from 6.6 dB). The *attack* (session 37) is the time
from the press to the first 5 ms window within 3 dB of the peak; a program that dies away with a median attack of
``SWELL_ATTACK_S`` or more swells in (a pad's attack, not a pluck's or a chord's strike). Prints one row per program
and, last, the Python frozensets tests/voice_corpus.py's ``DECAYING_PROGRAMS`` and ``SWELLING_PROGRAMS`` must equal
(tests/test_voice_truths.py renders programs from both sides of each line and checks they fall where the lists put them).

Usage: .venv/bin/python bench/gm_decay.py [--out DIR] [--wav DIR/gm_decay.wav]   (one render of 128 x 5 notes, 50 min of audio: ~3 min on a loaded machine)
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.versions import versions_line  # noqa: E402
from tests.audio_corpus import SR, _read_wav, note, program, render_midi  # noqa: E402

PITCHES = (56, 64, 72, 80, 88)  # the lines' register in the voice splits (MIDI 52-91: above BASS_CUT_MIDI, where the list names the truth)
VELOCITY = 100  # a firm note, the middle of the splits' velocities (28-127)
HOLD_S = 4.0  # key held: a sustaining program keeps sounding the whole time, so what falls is the sound itself
GAP_S = 2.0  # silence after each note (release and reverb tail die out before the next program)
WINDOW_S = 0.05  # RMS window (s)
HOP_S = 0.01  # hop between windows (s)
PEAK_WITHIN_S = 1.5  # the peak is looked for in the first 1.5 s of the note (a slow pad swells later: it does not die away anyway)
LATE_SPAN_S = (1.5, 2.0)  # the span after the peak whose level is compared with it
EARLY_SPAN_S = (0.5, 1.0)  # printed only (the brief's first idea; see the docstring)
# A note that has lost ≥ 12 dB (three quarters of its amplitude) 1.5-2 s after its peak, key still down, dies away: a
# plucked or struck string, bar or membrane gets no energy after the strike and keeps falling. A sustaining program
# (bowed, blown, organ, synth) gets energy while the key is held: its envelope settles at a sustain level, measured
# 0-7.2 dB under the peak (FluidR3, session 14: the highest a polysynth 7.2, bass+lead 7.9 among the synth leads), and
# a few sampled basses and electric piano 2 settle 8-11 dB under it and hold (≤ 4 dB/s later); every program that dies
# away by this measure is ≥ 13 dB down and still falling. 12 dB sits in that gap (10.9-13.0 dB; bench output in docs/audio.md).
DECAY_DROP_DB = 12.0
SILENT_DB = -60.0  # a note whose peak stays under this (dBFS) did not sound and is left out of its program's median
# The attack (session 37): the time from the key's press to the first ATTACK_WINDOW_S window within ATTACK_WITHIN_DB of
# the note's peak (in its first PEAK_WITHIN_S). docs/audio.md names a pluck by a fast attack (< 0.1 s) and a chord by a
# strike (< 75 ms), a pad by a swell (>= 0.1 s, the analyser's PAD_ATTACK_S): a program that dies away but whose median
# attack is >= SWELL_ATTACK_S swells in, and its struck-chord and pluck truths would contradict those definitions.
# FluidR3 (session 36, triads held 2 s): every dying program within 3 dB of its peak by 80 ms and peaking within 0.1 s,
# except new age 88, metallic pad 93, atmosphere 99 and sci-fi 103 (3 dB at 80-340 ms, peak at 0.3-0.5 s) and rain 96
# (3 dB at 15 ms, a later peak at 0.29 s: a strike, then a swell of its own; struck by this measure).
# On this bench's single held notes (session 37) the median over the five pitches names metallic pad 93 (0.43 s) and
# sci-fi 103 (0.115 s) and four unpitched effects; new age 88 and atmosphere 99 strike a bell at some pitches (medians
# 0.06 and 0.09 s) and stay struck.
ATTACK_WINDOW_S = 0.005
ATTACK_WITHIN_DB = 3.0
SWELL_ATTACK_S = 0.1


def levels_db(x: np.ndarray) -> np.ndarray:
    """RMS level (dB re full scale) of ``x`` in WINDOW_S windows every HOP_S."""
    w, h = int(WINDOW_S * SR), int(HOP_S * SR)
    n = max(0, (x.size - w) // h + 1)
    energy = np.concatenate([[0.0], np.cumsum(x.astype(np.float64) ** 2)])
    starts = np.arange(n) * h
    return 10 * np.log10((energy[starts + w] - energy[starts]) / w + 1e-12)


def note_drop_db(x: np.ndarray, span_s: tuple[float, float] = LATE_SPAN_S) -> float:
    """Peak level minus the mean power's level ``span_s`` after the peak, of one held note starting at sample 0;
    NaN when the note is silent (a program with no sample at that pitch: FluidR3's basses at MIDI 88)."""
    lev = levels_db(x)
    k = int(np.argmax(lev[: int(PEAK_WITHIN_S / HOP_S)]))
    if lev[k] < SILENT_DB:
        return float("nan")
    a, b = k + int(span_s[0] / HOP_S), k + int(span_s[1] / HOP_S)
    late = 10 * np.log10(np.mean(10 ** (lev[a:b] / 10)))
    return float(lev[k] - late)


def note_attack_s(x: np.ndarray) -> float:
    """Seconds from sample 0 (the key's press) until the level in ATTACK_WINDOW_S windows first comes within
    ATTACK_WITHIN_DB of its peak over the first PEAK_WITHIN_S; NaN when the note is silent."""
    w = int(ATTACK_WINDOW_S * SR)
    n = min(x.size, int(PEAK_WITHIN_S * SR)) // w
    lev = 10 * np.log10(np.mean(x[: n * w].astype(np.float64).reshape(n, w) ** 2, axis=1) + 1e-12)
    if n == 0 or lev.max() < SILENT_DB:
        return float("nan")
    return float(np.argmax(lev >= lev.max() - ATTACK_WITHIN_DB) * ATTACK_WINDOW_S)


def measure(workdir: Path, wav: Path | None = None, programs: Iterable[int] = range(128)) -> dict[int, list[tuple[float, float, float]]]:
    """(early drop dB, late drop dB, attack s) of each of ``programs``' note at each of PITCHES, from one FluidSynth
    render (or ``wav``, a render this script made before of the same programs)."""
    events, starts, t = [], [], 0.0
    for prog in programs:
        for p in PITCHES:
            events += [program(0, prog, t)] + note(0, p, t + 0.05, t + 0.05 + HOLD_S, VELOCITY)
            starts.append((prog, t + 0.05))
            t += 0.05 + HOLD_S + GAP_S
    audio = _read_wav(wav) if wav else render_midi(events, workdir / "gm_decay.wav")
    drops: dict[int, list[tuple[float, float, float]]] = {prog: [] for prog, _ in starts}
    for prog, t0 in starts:
        x = audio[int(round(t0 * SR)) : int(round(t0 * SR)) + int(HOLD_S * SR)]
        drops[prog].append((note_drop_db(x, EARLY_SPAN_S), note_drop_db(x), note_attack_s(x)))
    return drops


def render_args(doc: str) -> argparse.Namespace:
    """The command line of a GM render bench (this one, bench/gm_chord_sustain.py): ``--out`` and ``--wav``; prints the versions line."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--out", type=Path, help="where to render (default: a temporary folder)")
    parser.add_argument("--wav", type=Path, help="read this earlier render of the script instead of rendering again")
    args = parser.parse_args()
    print(versions_line(), flush=True)
    return args


def main() -> int:
    args = render_args(__doc__ or "")
    with tempfile.TemporaryDirectory() as tmp:
        drops = measure(args.out or Path(tmp), args.wav)
    decaying, swelling = [], []
    print(
        f"program  drop dB {LATE_SPAN_S[0]}-{LATE_SPAN_S[1]} s after the peak at MIDI {' '.join(str(p) for p in PITCHES)}  median  dies away (>= {DECAY_DROP_DB} dB)"
        f"  |  median drop {EARLY_SPAN_S[0]}-{EARLY_SPAN_S[1]} s after  |  attack s (to {ATTACK_WITHIN_DB} dB of the peak)  median  swells (>= {SWELL_ATTACK_S} s)"
    )
    for prog, d in drops.items():
        late, attacks = [b for _, b, _ in d], [c for _, _, c in d]
        med, attack = float(np.nanmedian(late)), float(np.nanmedian(attacks))
        if med >= DECAY_DROP_DB:
            decaying.append(prog)
            if attack >= SWELL_ATTACK_S:
                swelling.append(prog)
        print(
            f"{prog:7d}  {' '.join(f'{v:5.1f}' for v in late)}  {med:6.1f}  {'yes' if med >= DECAY_DROP_DB else 'no ':3s}  |  {float(np.nanmedian([a for a, _, _ in d])):5.1f}"
            f"  |  {' '.join(f'{v:5.3f}' for v in attacks)}  {attack:5.3f}  {'yes' if attack >= SWELL_ATTACK_S else 'no'}"
        )
    print(f"DECAYING_PROGRAMS = frozenset({decaying})")
    print(f"SWELLING_PROGRAMS = frozenset({swelling})  # of those, the ones that swell in")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
