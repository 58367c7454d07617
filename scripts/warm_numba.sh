#!/usr/bin/env bash
# librosa's rhythm code (onset strength, tempo, beat tracking) compiles numba functions on first use and caches them
# on disk inside the environment. Do it once per environment, so that test workers and the first analysis load them
# instead of compiling them side by side. Skipped when done for this pyproject.toml (the stamp bootstrap keys by).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=.venv
STAMP=$VENV/.numba-stamp
want=$(cat pyproject.toml | sha256sum | cut -c1-16)
if [ "$(cat "$STAMP" 2>/dev/null)" != "$want" ]; then
  "$VENV/bin/python" -c "import numpy as np, librosa, librosa.feature; y = np.random.default_rng(0).normal(size=22050 * 4) * np.repeat(np.arange(16) % 2, 5513)[:22050 * 4]; oe = librosa.onset.onset_strength(y=y, sr=22050); librosa.feature.tempo(onset_envelope=oe, sr=22050); librosa.beat.beat_track(onset_envelope=oe, sr=22050)"
  echo "$want" > "$STAMP"
fi
# A venv bootstrap has just built, now complete: kept for the next fresh clone on this machine (scripts/machine_cache.sh).
scripts/machine_cache.sh venv-save "$VENV" || echo "warm_numba: $VENV not kept in this machine's cache (a fresh clone will install its own)" >&2
