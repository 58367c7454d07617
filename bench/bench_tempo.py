"""Whole-track tempo per split of the wide corpus and on the real loops: librosa's prior alone, the rules alone, now.

Renders :data:`tests.audio_corpus.TEMPO_SPLITS` in one FluidSynth pass (as
tests/test_tempo_corpus.py does) and the real loops of
:data:`tests.audio_corpus.REAL_LOOPS`, reads each in-process
(:class:`~aspects.measure.sound.AudioAnalyzer`'s envelope) and prints, per
split, how many clips are within 2 % and within 4 % (MIREX accuracy 1) of the
truth with librosa's prior alone, with the metrical-level rules alone (the
level score and the meter check not computed: :func:`~aspects.dynamic.audio_semantic.rule_level` in place of ``metrical_level``) and as now (issue
11t, sessions 5 and 6). Then the CPU time of ``tempo()`` on 5 min of envelope (a band
clip and a drumless one, tiled), rules alone and now, side by side in the same
run (min of 7; the ratio is what to read on a shared machine).

Usage: ``.venv/bin/python bench/bench_tempo.py [--out DIR] [--cache DIR] [--splits A,B] [--alone] [--no-cost]`` (needs
fluidsynth and fluid-soundfont-gm: ``make bootstrap``). ``--cache``: the envelopes are kept there (one .npz a clip,
rendered in the one pass once) and read back on later runs, so a rule can be read on every split in a minute; clips
not there yet (a new split) are rendered in the one pass with the rest and only they are measured;
``--splits``: only those splits are rendered and read (``real`` for the loops; the one pass then holds only them).
The bench-only splits (``tests.audio_corpus.BENCH_SPLITS``, issue 11t session 13) are not in the tests' one render:
read them with ``--alone``. Truths are the corpus's (:func:`tests.audio_corpus.true_tempo`: an uneven metre's mean beat
since issue 11t, session 14), not the cache's; ``--recipe-truths`` scores every clip against the recipe's quarter (the
truths before session 14).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from aspects.dynamic import audio_semantic  # noqa: E402
from aspects.measure.sound import ENVELOPE_HOP, AudioAnalyzer  # noqa: E402
from bench.versions import versions_line  # noqa: E402
from tests.audio_corpus import MP4_CLIPS, REAL_LOOPS, SR, TEMPO_SPLITS, Clip, _read_wav, build_corpus, missing_tools, mux, real_loop_clip, real_loop_source, tempo_corpus  # noqa: E402

METHODS = ("prior alone", "rules alone", "now")


def envelope(wav: Path) -> dict[str, np.ndarray]:
    """The analyser's envelope columns of a WAV."""
    analyzer = AudioAnalyzer(SR)
    analyzer.add(0.0, _read_wav(wav))
    analyzer.finish()
    return {k: np.asarray(v, float) for k, v in analyzer.envelope.items()}


def mp4_envelope(clip: Clip) -> dict[str, np.ndarray]:
    """The envelope columns of a clip's WAV muxed to H.264 + AAC (:func:`tests.audio_corpus.mux`) and measured through
    the CLI's decoder (:func:`aspects.pipeline.measure_video`; issue 11t, session 22: :data:`MP4_CLIPS`)."""
    from aspects.pipeline import measure_video
    from aspects.settings import Settings

    clip.path = Path(clip.wav).with_suffix(".mp4")
    mux(clip)
    envelope = measure_video(clip.path, Settings(sound_process=False)).envelope or {}
    return {k: np.asarray(v, float) for k, v in envelope.items()}


def read(env: dict[str, np.ndarray], method: str) -> float | None:
    """Whole-track tempo (BPM) of an envelope by one of :data:`METHODS`."""
    hop = ENVELOPE_HOP / SR
    if method == "prior alone":
        return audio_semantic.tempo(env["onset"], hop)
    level = audio_semantic.metrical_level
    if method == "rules alone":
        audio_semantic.metrical_level = audio_semantic.rule_level  # type: ignore[assignment]  # the level score not computed
    try:
        return audio_semantic.tempo(
            env["onset"],
            hop,
            centroid=env["centroid_hz"],
            bands=(env["onset_low"], env["onset_mid"], env["onset_high"]),
            chroma_change=env.get("chroma_change"),
            chroma_change_slow=env.get("chroma_change_slow"),
        )
    finally:
        audio_semantic.metrical_level = level  # type: ignore[assignment]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="where to render (default: a temporary folder)")
    parser.add_argument("--cache", type=Path, help="keep the envelopes here and read them back on later runs")
    parser.add_argument("--splits", help="comma-separated splits to read (default: all, and the real loops)")
    parser.add_argument("--alone", action="store_true", help="render the clips not cached in a pass of their own (faster; a clip can read otherwise than in the tests' one pass)")
    parser.add_argument("--no-cost", action="store_true", help="skip the cost of tempo()")
    parser.add_argument("--recipe-truths", action="store_true", help="score against the recipe's quarter (the truths before issue 11t, session 14) instead of the corpus's")
    args = parser.parse_args()
    print(versions_line(), flush=True)  # first line of the output: the versions these numbers were read with
    if reason := missing_tools():
        print(f"bench_tempo: {reason}", file=sys.stderr)
        return 2
    only = set(args.splits.split(",")) if args.splits else None
    rows = envelopes(args.out or Path(tempfile.mkdtemp(prefix="bench_tempo_")), args.cache, alone=args.alone, only=only)
    # the truth of a corpus clip is the corpus's (the cache may hold one from before a definition changed); the loops' stay
    truths = {c.name: (float(c.tempo_bpm or 0.0), float(bpm)) for split in TEMPO_SPLITS for c, (bpm, *_) in zip(tempo_corpus(split), TEMPO_SPLITS[split])}
    rows = [(split, name, truths[name][1 if args.recipe_truths else 0] if name in truths else truth, env) for split, name, truth, env in rows]
    counts: dict[str, list[int]] = {}
    print("clip, truth, then each method's read (X: more than 4 % off)")
    for split, name, truth, env in rows:
        reads = [read(env, m) for m in METHODS]
        errors = [None if b is None else abs(b / truth - 1) for b in reads]
        c = counts.setdefault(split, [0] * (2 * len(METHODS) + 1))
        for i, e in enumerate(errors):
            c[2 * i] += e is not None and e <= 0.02
            c[2 * i + 1] += e is not None and e <= 0.04
        c[-1] += 1
        print(f"  {split:10s} {name:44s} {truth:7.2f}  " + "  ".join(f"{'—' if b is None else f'{b:7.2f}'}{'' if e is not None and e <= 0.04 else ' X'}" for b, e in zip(reads, errors)))
    print("\nwithin 2 % / 4 %: " + " | ".join(METHODS))
    for split, c in counts.items():
        print(f"  {split:10s} " + " | ".join(f"{c[2 * i]}/{c[-1]} {c[2 * i + 1]}/{c[-1]}" for i in range(len(METHODS))))
    if not args.no_cost:
        cost(rows)
    return 0


def envelopes(out: Path, cache: Path | None, *, alone: bool = False, only: set[str] | None = None) -> list[tuple[str, str, float, dict[str, np.ndarray]]]:
    """(split, clip, true BPM, envelope) of every clip of every split (rendered in one pass) and of the real loops;
    from ``cache`` where it holds them, the rest rendered (and saved there). ``only``: those splits alone (``real``
    for the loops), nothing of the others rendered or read (a blind split stays unread until it is asked for)."""
    clips = [(split, c) for split in TEMPO_SPLITS if only is None or split in only for c in tempo_corpus(split)]
    mp4 = {c.name for split in {s for s, _ in clips} if split in MP4_CLIPS for c, row in zip(tempo_corpus(split), TEMPO_SPLITS[split]) if row[0] in MP4_CLIPS.get(split, ())}
    real = [n for n in REAL_LOOPS if real_loop_source(n).exists() and (only is None or "real" in only)]
    split_of = {c.name: split for split, c in clips} | dict.fromkeys(real, "real")
    cached = {n for n in split_of if cache is not None and (cache / f"{n}.npz").exists()}
    # Every clip is rendered in the one pass the tests use (a clip rendered alone can read otherwise), but only the
    # clips not cached yet are measured: a split appended to TEMPO_SPLITS is read in a minute or two.
    todo = {c.name for _, c in clips if c.name not in cached}
    built = build_corpus(out / "corpus", [c for _, c in clips if alone is False or c.name in todo], video=False) if todo else []
    fresh = {c.name: (float(c.tempo_bpm or 0.0), mp4_envelope(c) if c.name in mp4 else envelope(c.wav)) for c in built if c.name in todo}
    for n in real:
        if n not in cached:
            c = real_loop_clip(n, out / "real")
            fresh[n] = (float(c.tempo_bpm or 0.0), envelope(c.wav))
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        for n, (truth, env) in fresh.items():
            np.savez(cache / f"{n}.npz", truth=truth, **env)
    rows = []
    for n in split_of:
        if n in fresh:
            truth, env = fresh[n]
        else:
            data = np.load(cache / f"{n}.npz")  # type: ignore[operator]
            truth, env = float(data["truth"]), {k: data[k] for k in data.files if k != "truth"}
        rows.append((split_of[n], n, truth, env))
    return rows


def cost(rows: list) -> None:
    """CPU time of tempo() on 5 min of envelope (a band clip and a drumless one, tiled), rules alone vs now."""
    for name in ("tempo_130_rock_swing_band", "tempo_102_rock_straight_nodrums"):
        env = next(r[3] for r in rows if r[1] == name)
        reps = int(np.ceil(300.0 / (env["onset"].size * ENVELOPE_HOP / SR)))
        long = {k: np.tile(v, reps) for k, v in env.items()}
        times: dict[str, list[float]] = {m: [] for m in METHODS[1:]}
        for _ in range(7):
            for m in METHODS[1:]:
                t0 = time.process_time()
                read(long, m)
                times[m].append(time.process_time() - t0)
        a, b = (min(times[m]) for m in METHODS[1:])
        print(
            f"\ncost of tempo() on 5 min of {name} (CPU s, min of 7): rules alone {a:.3f}, now {b:.3f}, ratio {b / a:.2f} (medians {np.median(times['rules alone']):.3f} / {np.median(times['now']):.3f})"
        )


if __name__ == "__main__":
    sys.exit(main())
