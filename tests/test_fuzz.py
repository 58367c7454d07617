"""Fuzz: mutated MP4s through ``aspects analyze`` are analysed or refused, never a crash.

A few hundred mutants of two tiny clips (64×36, 1 s, H.264 + AAC; one with a
fragmented layout) — bit flips, garbage in ``mdat``, truncations, swapped,
duplicated, resized and removed atoms — go through ``aspects.cli.main`` in
ONE long-lived child process (imports paid once). Every case must exit 0, or
exit 2 with one line on stderr: never a traceback, exit 1, or a hang. The
child reports each case as a JSON line; the parent gives each case
:data:`CASE_TIMEOUT_S` and, on a hang, kills the child, records the case and
starts a new child for the rest. The RNG is seeded, so a failure names the
case and its mutation and reproduces.
"""

from __future__ import annotations

import json
import os
import random
import select
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.media import ffmpeg, make_video

REPO = Path(__file__).resolve().parent.parent
SEED = int(os.environ.get("FUZZ_SEED", 14))  # FUZZ_SEED / FUZZ_CASES: explore further by hand
CASES = int(os.environ.get("FUZZ_CASES", 300))
CASE_TIMEOUT_S = 20.0  # one 1 s clip analyses in well under a second; a loaded 2-core machine may take a few

CHILD = r"""
import contextlib, io, json, os, sys
from aspects.cli import main
cases = json.load(open(sys.argv[1]))
for case in cases:
    err, junk = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(junk):
            rc = main(["analyze", case["path"]])
    except SystemExit as exc:
        rc = exc.code if isinstance(exc.code, int) else 1
    except BaseException as exc:  # anything main let through is a failure to report, not to die of
        rc, err = 99, io.StringIO(f"escaped main: {type(exc).__name__}: {exc}")
    os.write(1, (json.dumps({"i": case["i"], "rc": rc, "err": err.getvalue()}) + "\n").encode())
"""


def atoms(data: bytes, start: int = 0, end: int | None = None) -> list[tuple[int, int, bytes]]:
    """``(offset, size, type)`` of the ISO-BMFF boxes in ``data[start:end]`` (stops at the first malformed one)."""
    end = len(data) if end is None else end
    out, pos = [], start
    while pos + 8 <= end:
        size, kind = struct.unpack(">I4s", data[pos : pos + 8])
        if size == 1 and pos + 16 <= end:
            size = struct.unpack(">Q", data[pos + 8 : pos + 16])[0]
        elif size == 0:
            size = end - pos
        if size < 8 or pos + size > end:
            break
        out.append((pos, size, kind))
        pos += size
    return out


CONTAINERS = {b"moov", b"trak", b"mdia", b"minf", b"stbl", b"edts", b"dinf", b"moof", b"traf", b"mvex", b"udta"}


def all_atoms(data: bytes) -> list[tuple[int, int, bytes]]:
    """Every box, nested ones included (for the container types above)."""
    found, todo = [], [(0, len(data))]
    while todo:
        start, end = todo.pop()
        for offset, size, kind in atoms(data, start, end):
            found.append((offset, size, kind))
            if kind in CONTAINERS:
                todo.append((offset + 8, offset + size))
    return sorted(found)


def mutate(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    """One seeded mutation of an MP4 and a description of it."""
    data = bytearray(data)
    boxes = all_atoms(bytes(data))
    top = atoms(bytes(data))
    mdat = next(((o, s) for o, s, k in top if k == b"mdat"), (0, len(data)))
    kind = rng.choice(["bitflip", "bitflip", "mdat_garbage", "mdat_garbage", "truncate", "swap_top", "duplicate", "swap_nested", "resize", "drop", "zero_run"])
    if kind == "bitflip":
        n = rng.randint(1, 24)
        for _ in range(n):
            i = rng.randrange(len(data))
            data[i] ^= 1 << rng.randrange(8)
        return bytes(data), f"{n} bit flips"
    if kind == "mdat_garbage":
        offset, size = mdat
        start = offset + 8 + rng.randrange(max(1, size - 8))
        length = rng.randint(1, 400)
        data[start : start + length] = rng.randbytes(min(length, len(data) - start))
        return bytes(data), f"{length} garbage bytes in mdat at {start}"
    if kind == "truncate":
        cut = rng.randrange(8, len(data))
        return bytes(data[:cut]), f"truncated at {cut} of {len(data)}"
    if kind == "swap_top" and len(top) >= 2:
        a, b = sorted(rng.sample(range(len(top)), 2))
        (oa, sa, ka), (ob, sb, kb) = top[a], top[b]
        out = data[:oa] + data[ob : ob + sb] + data[oa + sa : ob] + data[oa : oa + sa] + data[ob + sb :]
        return bytes(out), f"swapped top-level {ka.decode(errors='replace')} and {kb.decode(errors='replace')}"
    if kind == "duplicate" and boxes:
        o, s, k = rng.choice(boxes)
        return bytes(data[: o + s] + data[o : o + s] + data[o + s :]), f"duplicated {k.decode(errors='replace')} at {o}"
    if kind == "swap_nested":
        siblings = [(o, s, k) for o, s, k in boxes if k in (b"trak", b"stts", b"stsz", b"stco", b"stsc", b"stss", b"ctts", b"mdhd", b"hdlr", b"stsd")]
        if len(siblings) >= 2:
            (oa, sa, ka), (ob, sb, kb) = sorted(rng.sample(siblings, 2))
            if oa + sa <= ob:
                out = data[:oa] + data[ob : ob + sb] + data[oa + sa : ob] + data[oa : oa + sa] + data[ob + sb :]
                return bytes(out), f"swapped {ka.decode(errors='replace')} and {kb.decode(errors='replace')}"
    if kind == "resize" and boxes:
        o, s, k = rng.choice(boxes)
        new = rng.choice([0, 1, 7, 8, s - 1, s + 1, s * 2, 0xFFFFFFFF])
        data[o : o + 4] = struct.pack(">I", new & 0xFFFFFFFF)
        return bytes(data), f"size of {k.decode(errors='replace')} at {o} set to {new}"
    if kind == "drop" and boxes:
        o, s, k = rng.choice(boxes)
        return bytes(data[:o] + data[o + s :]), f"removed {k.decode(errors='replace')} at {o}"
    start = rng.randrange(len(data))
    length = rng.randint(1, 64)
    data[start : start + length] = bytes(min(length, len(data) - start))
    return bytes(data), f"{length} zero bytes at {start}"


@pytest.fixture(scope="session")
def fuzz_cases(tmp_path_factory) -> list[dict]:
    root = tmp_path_factory.mktemp("fuzz")
    plain = make_video(root / "plain.mp4", "testsrc2=s=64x36:r=25", duration_s=1, audio="sine=f=330:d=1")
    fragmented = root / "fragmented.mp4"
    ffmpeg("-i", str(plain), "-c", "copy", "-movflags", "frag_keyframe+empty_moov+default_base_moof", str(fragmented))
    sources = [plain.read_bytes(), fragmented.read_bytes()]
    rng = random.Random(SEED)
    cases = []
    for i in range(CASES):
        source = sources[i % 2]
        data, how = mutate(source, rng)
        path = root / f"case{i:03d}.mp4"
        path.write_bytes(data)
        cases.append({"i": i, "path": str(path), "how": f"{'fragmented' if i % 2 else 'plain'}: {how}"})
    return cases


def run_cases(cases: list[dict], env: dict, work: Path) -> dict[int, dict]:
    """Run ``cases`` in one child (a new one after a hang); ``{i: {"rc", "err"}}`` (rc ``"hang"`` on timeout).

    The child reads its cases from a file and answers one JSON line per case
    on an unbuffered pipe, so the parent never blocks on a hung child.
    """
    results: dict[int, dict] = {}
    todo = list(cases)
    while todo:
        batch = work / f"cases-{todo[0]['i']}.json"
        batch.write_text(json.dumps(todo))
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(batch)], cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        fd, buffer = child.stdout.fileno(), b""
        timeout = CASE_TIMEOUT_S + 60  # the first case also pays the imports
        try:
            while todo:
                while b"\n" not in buffer:
                    ready, _, _ = select.select([fd], [], [], timeout)
                    chunk = os.read(fd, 1 << 16) if ready else b""
                    if not chunk:
                        break
                    buffer += chunk
                if b"\n" not in buffer:  # a hang (nothing within the time) or the child died
                    case = todo.pop(0)
                    results[case["i"]] = {"rc": "hang" if child.poll() is None else f"child died ({child.poll()})", "err": ""}
                    break
                line, buffer = buffer.split(b"\n", 1)
                answer = json.loads(line)
                results[answer["i"]] = answer
                todo = [c for c in todo if c["i"] != answer["i"]]
                timeout = CASE_TIMEOUT_S
        finally:
            child.kill()
            child.wait()
            child.stdout.close()
    return results


def test_mutated_mp4s_are_analysed_or_refused_cleanly(fuzz_cases, tmp_path):
    env = {**os.environ, "ASPECTS_DATA_DIR": str(tmp_path / "data"), "PYTHONPATH": str(REPO)}
    started = time.monotonic()
    results = run_cases(fuzz_cases, env, tmp_path)
    seconds = time.monotonic() - started
    bad = []
    for case in fuzz_cases:
        result = results[case["i"]]
        rc, err = result["rc"], result["err"].strip()
        lines = err.splitlines()
        clean = rc == 0 or (rc == 2 and len(lines) == 1 and lines[0].startswith("aspects: error: ") and case["path"] in lines[0])
        if not clean or "Traceback" in err:
            bad.append(f"case {case['i']} ({case['how']}): rc {rc}: {err[:300]}")
    outcomes = {"analysed": sum(r["rc"] == 0 for r in results.values()), "refused": sum(r["rc"] == 2 for r in results.values())}
    print(f"fuzz: {len(fuzz_cases)} cases in {seconds:.1f} s: {outcomes}")
    assert not bad, "\n".join(bad)
    assert outcomes["analysed"] >= 10 and outcomes["refused"] >= 10  # the mutations reach both outcomes
