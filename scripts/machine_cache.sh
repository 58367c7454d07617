#!/usr/bin/env bash
# What a fresh clone may take from this machine instead of building again: the virtual environment (with librosa's
# numba functions compiled) and mypy's cache, kept under ~/.cache/mp4-aspects ($XDG_CACHE_HOME if set), next to
# bootstrap's Prefect database template. Both are keyed by KEY, the first 16 hex digits of the sha256 of pyproject.toml
# (the dependencies: bootstrap's own stamp), the Python (version and prefix) and FORMAT below: any change to one of
# them builds and keeps a new copy; the two copies of each kind used last are kept, older ones deleted.
#
#   venv-restore VENV  a clone without VENV: copy venv-KEY there (hard links on the same file system: pip, Python and
#                      numba replace files, they never write into one), point its scripts at VENV and install the
#                      project itself from this clone (editable, no dependencies). Fails (nothing left) without a copy.
#   venv-save VENV     keep VENV as venv-KEY (called by scripts/warm_numba.sh once numba is warm, only for a VENV that
#                      bootstrap has just built: never a venv someone has installed other packages into).
#   mypy-load          a clone without .mypy_cache: seed it from mypy-KEY (mypy re-checks every module whose source hash differs from the
#                      one its cache holds, and whatever imports it; a clone's new paths and mtimes are checked by hash).
#   mypy-keep          after mypy passed: keep .mypy_cache as mypy-KEY.
#   files-restore      a clone without .cache: copy files-FKEY there (the YAMNet model, the reference clips and loops
#                      bootstrap fetched; bootstrap still checks each by its sha256 or name and fetches what is missing).
#   files-save         keep .cache/{models,reference,wheels} as files-FKEY (FKEY: scripts/bootstrap.sh's hash, which
#                      holds every pin, and FORMAT), once bootstrap has fetched and checked them.
set -euo pipefail
cd "$(dirname "$0")/.."

FORMAT=1 # bump when what a copy holds changes
PYTHON=${PYTHON:-python3.11}
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3
ROOT=${XDG_CACHE_HOME:-$HOME/.cache}/mp4-aspects
KEY=$({
  cat pyproject.toml
  "$PYTHON" -c 'import sys; print(sys.version, sys.base_prefix)'
  echo "$FORMAT"
} | sha256sum | cut -c1-16)

FKEY=$({
  cat scripts/bootstrap.sh
  echo "$FORMAT"
} | sha256sum | cut -c1-16)

copy_tree() { # SRC DST: hard links when possible, else a full copy
  cp -al "$1" "$2" 2>/dev/null || {
    rm -rf "$2"
    cp -a "$1" "$2"
  }
}

unshare() { # FILE...: give each its own copy (a hard-linked file written in place would change the cache's too)
  local f
  for f in "$@"; do
    if [ -f "$f" ]; then cp -p "$f" "$f.unshare" && mv -f "$f.unshare" "$f"; fi
  done
}

keep() { # SRC KIND [K]: copy SRC to KIND-K (default KEY) through a temporary name (venv: a copy made meanwhile by another clone wins;
  # mypy: the newest replaces the one there). mypy's cache is SQLite, written in place: always a full copy of it.
  local entry=$ROOT/$2-${3:-$KEY} tmp
  mkdir -p "$ROOT"
  tmp=$(mktemp -d "$ROOT/.$2-${3:-$KEY}.XXXXXX")
  rmdir "$tmp"
  if [ "$2" = mypy ]; then cp -a "$1" "$tmp"; else
    copy_tree "$1" "$tmp"
    unshare "$tmp/.bootstrap-stamp" "$tmp/.numba-stamp" # bootstrap rewrites its stamps in place
  fi
  touch "$tmp/.complete"
  if [ "$2" = mypy ] && [ -d "$entry" ]; then mv -T "$entry" "$tmp.old" 2>/dev/null || true; fi
  mv -T "$tmp" "$entry" 2>/dev/null || rm -rf "$tmp"
  rm -rf "$tmp.old"
  touch "$entry"
  # The two most recently used copies of this kind stay; so do half-made ones of the last hour (another clone's).
  ls -1dt "$ROOT/$2"-* 2>/dev/null | tail -n +3 | xargs -r rm -rf
  find "$ROOT" -maxdepth 1 -name ".$2-*" -mmin +60 -exec rm -rf {} + 2>/dev/null || true
}

case ${1:-} in
  venv-restore)
    venv=$2
    entry=$ROOT/venv-$KEY
    [ ! -e "$venv" ] && [ -f "$entry/.complete" ] || exit 1
    trap 'rm -rf "$venv"' ERR
    copy_tree "$entry" "$venv"
    touch "$entry"
    rm -f "$venv/.complete" "$venv/.origin"
    unshare "$venv/.bootstrap-stamp" "$venv/.numba-stamp"
    # Scripts start with the saved VENV's absolute path (#!/…/.venv/bin/python); activate and pyvenv.cfg name it too.
    from=$(cat "$entry/.origin")
    to=$(cd "$venv" && pwd)
    from_re=$(printf '%s' "$from" | sed 's/[][\.*^$|]/\\&/g')
    for f in "$venv"/bin/* "$venv/pyvenv.cfg"; do
      if [ -f "$f" ] && [ ! -L "$f" ] && grep -qIF "$from" "$f"; then
        sed -i "s|$from_re|$to|g" "$f" # sed -i writes a new file: the cache's stays as it was
      fi
    done
    "$venv/bin/python" -m pip install -q --no-deps -e .
    ;;
  venv-save)
    venv=$2
    [ -f "$venv/.unsaved" ] || exit 0
    rm -f "$venv/.unsaved"
    if [ ! -f "$ROOT/venv-$KEY/.complete" ]; then
      (cd "$venv" && pwd) >"$venv/.origin"
      keep "$venv" venv
      rm -f "$venv/.origin"
    fi
    ;;
  mypy-load)
    entry=$ROOT/mypy-$KEY
    if [ ! -e .mypy_cache ] && [ -f "$entry/.complete" ]; then
      cp -a "$entry" .mypy_cache.part && rm -f .mypy_cache.part/.complete && mv -T .mypy_cache.part .mypy_cache || rm -rf .mypy_cache.part
      touch "$entry"
    fi
    ;;
  mypy-keep)
    if [ -d .mypy_cache ]; then keep .mypy_cache mypy; fi
    ;;
  files-restore)
    entry=$ROOT/files-$FKEY
    [ ! -e .cache ] && [ -f "$entry/.complete" ] || exit 0
    if cp -a "$entry" .cache.part && rm -f .cache.part/.complete && mv -T .cache.part .cache; then touch "$entry"; else rm -rf .cache.part; fi
    ;;
  files-save)
    entry=$ROOT/files-$FKEY
    [ -f "$entry/.complete" ] && exit 0
    mkdir -p "$ROOT"
    stage=$(mktemp -d "$ROOT/.files-stage.XXXXXX")
    chmod 755 "$stage"
    for d in models reference wheels; do if [ -d ".cache/$d" ]; then cp -a ".cache/$d" "$stage/"; fi; done
    keep "$stage" files "$FKEY"
    rm -rf "$stage"
    ;;
  *)
    echo "usage: $0 venv-restore VENV | venv-save VENV | mypy-load | mypy-keep | files-restore | files-save" >&2
    exit 2
    ;;
esac
