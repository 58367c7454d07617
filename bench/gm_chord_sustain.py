"""How fast each General MIDI program's held chord loses level: the chord/pad boundary by a measured sustain
(docs/audio.md, "Chord or pad: the measured sustain"; issue 11c, session 16).

A physical measure of the rendered sound, independent of the classifier (as bench/gm_decay.py is for the plucks):
every program holds a chord (key down) for each of ``HOLD_S`` at each of ``ROOTS`` (``VOICING`` on the root), alone
through FluidSynth + FluidR3. The level is the RMS over ``WINDOW_S`` windows every ``HOP_S``; as the chord rule reads
it (``note_level_course`` in aspects/measure/primitive.py), the *fall* is the least-squares slope (dB/s) of the level
from the peak (where the level first comes within 3 dB of its maximum) to ``HOLD_SHARE`` of the way to the note's end
(the key's release, or where it has fallen ``NOTE_GONE_DB`` under its peak), and the *attack* is onset → peak. Prints
one row per program: its class by the measured pluck list (``DECAYING_PROGRAMS``: dies away or sustains), its median
attack and, per hold, the median fall over the roots; last, per hold, the steepest fall among the sustaining programs
that strike (attack < ``CHORD_ATTACK_S``, the only ones the chord rule reads) and the gentlest among the dying ones.

Usage: .venv/bin/python bench/gm_chord_sustain.py [--out DIR] [--wav DIR/gm_chord_sustain.wav]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from aspects.measure.primitive import CHORD_ATTACK_S, HOLD_SHARE, NOTE_GONE_DB  # noqa: E402
from bench.gm_decay import HOP_S, SILENT_DB, levels_db, render_args  # noqa: E402
from bench.versions import versions_line  # noqa: E402
from tests.audio_corpus import SR, _read_wav, note, program, render_midi  # noqa: E402
from tests.voice_corpus import DECAYING_PROGRAMS  # noqa: E402

ROOTS = (43, 52, 60)  # the struck chords' and pads' roots in the voice splits (MIDI 36-63)
VOICING = (0, 4, 7, 12)  # a major triad with the octave
HOLD_S = (0.6, 1.2, 2.4)  # a short struck chord, a long one, a pad's (trial 11's organ held 2.3 s)
VELOCITY = 90
GAP_S = 2.0  # silence after each chord: release and reverb die out before the next


def fall_db_s(x: np.ndarray, hold_s: float) -> tuple[float, float]:
    """(attack s, fall dB/s) of one chord starting at sample 0 and held ``hold_s`` s; NaNs when it did not sound."""
    lev = levels_db(x)
    end = min(int(hold_s / HOP_S), lev.size)
    head = lev[: min(int(1.5 / HOP_S), end)]
    if head.size < 3 or head.max() < SILENT_DB:
        return float("nan"), float("nan")
    peak = int(np.argmax(head >= head.max() - 3.0))
    gone = np.flatnonzero(lev[peak:end] < head.max() - NOTE_GONE_DB)
    if gone.size:
        end = peak + int(gone[0])
    body = lev[peak : peak + int(HOLD_SHARE * (end - peak))]
    if body.size < 3:
        return peak * HOP_S, float("nan")
    x_ = np.arange(body.size) - (body.size - 1) / 2.0
    return peak * HOP_S, float((x_ * (body - body.mean())).sum() / (x_ * x_).sum() / HOP_S)


def measure(workdir: Path, wav: Path | None = None) -> dict[int, dict[float, list[tuple[float, float]]]]:
    """Per program, per hold: (attack, fall) at each root, from one FluidSynth render (or ``wav``, an earlier one)."""
    events, starts, t = [], [], 0.0
    for prog in range(128):
        for hold in HOLD_S:
            for root in ROOTS:
                events.append(program(0, prog, t))
                for v in VOICING:
                    events += note(0, root + v, t + 0.05, t + 0.05 + hold, VELOCITY)
                starts.append((prog, hold, t + 0.05))
                t += 0.05 + hold + GAP_S
    audio = _read_wav(wav) if wav else render_midi(events, workdir / "gm_chord_sustain.wav")
    out: dict[int, dict[float, list[tuple[float, float]]]] = {}
    for prog, hold, t0 in starts:
        x = audio[int(round(t0 * SR)) : int(round(t0 * SR)) + int((hold + 0.1) * SR)]
        out.setdefault(prog, {}).setdefault(hold, []).append(fall_db_s(x, hold))
    return out


def main() -> int:
    args = render_args(__doc__ or "")
    print(versions_line(), flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        res = measure(args.out or Path(tmp), args.wav)
    print(f"program  class     attack s  fall dB/s held {'  '.join(f'{h} s' for h in HOLD_S)} (median over roots {ROOTS})")
    worst: dict[str, dict[float, tuple[float, int]]] = {"sustains": {}, "dies away": {}}
    for prog, by_hold in res.items():
        kind = "dies away" if prog in DECAYING_PROGRAMS else "sustains"
        attack = float(np.nanmedian([a for v in by_hold.values() for a, _ in v]))
        falls = {h: float(np.nanmedian([f for _, f in v])) if any(np.isfinite(f) for _, f in v) else float("nan") for h, v in by_hold.items()}
        print(f"{prog:7d}  {kind:9s} {attack:7.3f}   " + "  ".join(f"{falls[h]:7.1f}" for h in HOLD_S))
        if not attack < CHORD_ATTACK_S:
            continue
        for h, f in falls.items():
            if not np.isfinite(f):
                continue
            best = worst[kind].get(h)
            steeper = best is None or (f < best[0] if kind == "sustains" else f > best[0])
            if steeper:
                worst[kind][h] = (f, prog)
    for h in HOLD_S:
        s, d = worst["sustains"].get(h), worst["dies away"].get(h)
        print(f"held {h} s: steepest fall of a sustaining program {s[0]:.1f} dB/s (program {s[1]}), gentlest of a dying one {d[0]:.1f} dB/s (program {d[1]})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
