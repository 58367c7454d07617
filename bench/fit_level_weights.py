"""Refit the weights of the tempo level score (aspects.dynamic.audio_semantic.LEVEL_WEIGHTS) and cross-validate them.

How the constants were obtained (issue 11t, session 5): every seen split of
:data:`tests.audio_corpus.TEMPO_SPLITS` (all but ``held_out_8`` and
``held_out_9``, which judge the result), the older rendered grooves and the
real loops are read in-process; for each clip the candidates of
:func:`~aspects.dynamic.audio_semantic.metrical_level` (librosa's refined pick
times LEVEL_RATIOS) get their :func:`~aspects.dynamic.audio_semantic.level_terms`;
a pairwise logistic regression (the candidate within 4 % of the truth against
each other one; L2 penalty 1 / (2 C), C = 0.6) with the prior's weight fixed
at LEVEL_WEIGHTS["prior"] gives the other weights. Printed: the refitted
weights beside the constants (the constants were fitted on candidates from
librosa's raw pick, so they differ slightly) and the clips whose best-scored
candidate is within 4 %, in-sample and with each split (each loop) left out
of the fit in turn. Issue 11t, session 8 refitted them (the low_on_beat term bounded) with ``--blind
held_out_15,held_out_16``: every split up to held_out_14 in the fit.

Usage: ``.venv/bin/python bench/fit_level_weights.py [--out DIR] [--cache DIR] [--blind A,B]`` (needs fluidsynth,
fluid-soundfont-gm and the loops: ``make bootstrap``). ``--cache``: the envelopes are kept there and read back (as
bench/bench_tempo.py keeps them); ``--blind``: the splits left out of the fit (default: held_out_8, held_out_9).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import numpy as np
from scipy.ndimage import gaussian_filter1d
from scipy.optimize import minimize

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from aspects.dynamic import audio_semantic as A  # noqa: E402
from aspects.measure.sound import ENVELOPE_HOP  # noqa: E402
from bench.bench_tempo import envelope, envelopes  # noqa: E402
from bench.versions import versions_line  # noqa: E402
from tests.audio_corpus import SR, build_corpus, corpus, missing_tools  # noqa: E402

BLIND = ("held_out_8", "held_out_9")
C = 0.6  # inverse L2 strength (scikit-learn's C = 0.3 with each pair counted both ways, as the constants were fitted)
TOLERANCE = 0.04


def candidates(env: dict[str, np.ndarray], hop_s: float) -> list[dict[str, float]]:
    """The level candidates of a clip as ``tempo()`` forms them, each its terms plus ``bpm``."""
    onset = env["onset"]
    bpm = A._librosa_tempo(onset, hop_s, 120.0, 1.0)
    if bpm is None:
        return []
    period = A._refined_period(A.autocorrelation(gaussian_filter1d(onset, A.GATE_SMOOTH_S / hop_s)), 60.0 / bpm, hop_s, 0.05) or 60.0 / bpm
    bands = (env["onset_low"], env["onset_mid"], env["onset_high"])
    # As metrical_level builds it: the thirds read too where the rules' level is subdivided in three (issue 11t, session 7).
    rules = A.rule_level(onset, env["centroid_hz"], hop_s, period, bands=bands)
    context = A.LevelContext.build(onset, hop_s, bands, triple=A.triple_subdivided(onset, hop_s, rules))
    periods = [period / r for r in A.LEVEL_RATIOS if A.TEMPO_RANGE_BPM[0] * 0.96 <= 60.0 * r / period <= A.TEMPO_RANGE_BPM[1] * 1.04]
    return [A.level_terms(context, p) | {"bpm": 60.0 / p} for p in periods]


def fit(clips: list[tuple[str, str, float, list[dict[str, float]]]]) -> dict[str, float]:
    """Weights by pairwise logistic regression (prior fixed)."""
    names = [k for k in A.LEVEL_WEIGHTS if k != "prior"]
    diffs, priors = [], []
    for _, _, truth, cands in clips:
        good = [c for c in cands if abs(c["bpm"] / truth - 1) <= TOLERANCE]
        for bad in (c for c in cands if abs(c["bpm"] / truth - 1) > TOLERANCE) if good else ():
            diffs.append([good[0][k] - bad[k] for k in names])
            priors.append(A.LEVEL_WEIGHTS["prior"] * (good[0]["prior"] - bad["prior"]))
    x, offset = np.array(diffs), np.array(priors)

    def loss(w: np.ndarray) -> float:
        margin = x @ w + offset
        return float(np.logaddexp(0.0, -margin).sum() + 0.5 / C * (w @ w))

    w = minimize(loss, np.zeros(len(names)), method="L-BFGS-B").x
    return {"prior": A.LEVEL_WEIGHTS["prior"]} | dict(zip(names, map(float, w)))


def right(weights: dict[str, float], clip: tuple[str, str, float, list[dict[str, float]]]) -> bool:
    """Whether the best-scored candidate of ``clip`` is within TOLERANCE of its truth."""
    cands = clip[3]
    best = max(cands, key=lambda c: sum(weights[k] * c[k] for k in weights)) if cands else None
    return best is not None and abs(best["bpm"] / clip[2] - 1) <= TOLERANCE


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="where to render (default: a temporary folder)")
    parser.add_argument("--cache", type=Path, help="keep the envelopes here and read them back on later runs")
    parser.add_argument("--blind", default=",".join(BLIND), help="comma-separated splits left out of the fit")
    args = parser.parse_args()
    print(versions_line(), flush=True)  # first line of the output: the versions these numbers were read with
    blind = set(args.blind.split(",")) if args.blind else set()
    if reason := missing_tools():
        print(f"fit_level_weights: {reason}", file=sys.stderr)
        return 2
    out = args.out or Path(tempfile.mkdtemp(prefix="fit_level_"))
    hop_s = ENVELOPE_HOP / SR
    rows = [r for r in envelopes(out, args.cache) if r[0] not in blind]
    grooves = [c for c in corpus() if c.tempo_bpm is not None]
    if args.cache is not None and all((args.cache / f"groove_{c.name}.npz").exists() for c in grooves):
        rows += [("grooves", c.name, float(c.tempo_bpm or 0.0), {k: d[k] for k in d.files}) for c in grooves for d in [np.load(args.cache / f"groove_{c.name}.npz")]]
    else:
        for c in build_corpus(out / "grooves", grooves, video=False):
            env = envelope(c.wav)
            rows.append(("grooves", c.name, float(c.tempo_bpm or 0.0), env))
            if args.cache is not None:
                np.savez(args.cache / f"groove_{c.name}.npz", **env)
    clips = [(split, name, truth, candidates(env, hop_s)) for split, name, truth, env in rows]
    weights = fit(clips)
    print("term                 refit  constant")
    for k, v in weights.items():
        print(f"  {k:20s} {v:6.2f}  {A.LEVEL_WEIGHTS[k]:6.2f}")
    print(f"in-sample: {sum(right(weights, c) for c in clips)}/{len(clips)} within 4 % (constants: {sum(right(A.LEVEL_WEIGHTS, c) for c in clips)})")
    folds = sorted({c[0] for c in clips} - {"real"})
    held = {split: sum(right(fit([c for c in clips if c[0] != split]), c) for c in clips if c[0] == split) for split in folds}
    real = [c for c in clips if c[0] == "real"]
    held["real (each loop left out)"] = sum(right(fit([c for c in clips if c is not loop]), loop) for loop in real)
    total = {split: sum(c[0] == split for c in clips) for split in folds} | {"real (each loop left out)": len(real)}
    print("cross-validated (each split left out of the fit in turn): " + ", ".join(f"{s} {held[s]}/{total[s]}" for s in held))
    print(f"  total {sum(held.values())}/{len(clips)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
