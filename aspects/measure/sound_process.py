"""The sound side of the decode pass in a second process, beside the picture's.

The decode pass is GIL-bound: the picture's measurements and the sound's
spectra share one interpreter, and on two cores the decoder's threads want
the rest. :class:`SoundProcess` runs the sound side (:class:`LocalSound`: the per-frame
:class:`~aspects.measure.sound.AudioAnalyzer` and the AudioSet
:class:`~aspects.measure.tagger.TagStream`) in a child process instead: the parent sends it the very calls it would
have made in-process (each audio chunk, then each frame's interval), in
the same order, batched; the child replays them, so its rows are the same
values, and sends back the rows, the envelope, the audio start and the tags when the
stream ends. The child also pays SciPy's import (seconds) while the parent
decodes. Memory stays flat: the pipe blocks the parent when the child falls
behind, and the analyser keeps only a few seconds of samples.

With ``ASPECTS_SOUND_PROCESS=false`` (:attr:`~aspects.settings.Settings.sound_process`)
:func:`sound_analyzer` returns the in-process analyser instead.
"""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
import traceback
from array import array
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import numpy as np

from aspects.errors import AspectsError
from aspects.measure.columns import Columns

# Shorter videos keep their sound in this process: the child imports the sound libraries (librosa with numba,
# ONNX Runtime, SciPy) again, which costs more than it saves on a short clip (8 s sample: 3.9 s of CPU against 2.95 s).
MIN_DURATION_S = 60.0
BATCH_CALLS = 64  # calls sent to the child in one message: few pipe round trips, little buffered
QUEUED_BATCHES = 64  # batches (about 2 s of audio each) held for the child while it starts: the decode pass does not wait for its imports


class LocalSound:
    """The sound side of the decode pass in this process: the per-frame :class:`~aspects.measure.sound.AudioAnalyzer`
    and the AudioSet :class:`~aspects.measure.tagger.TagStream` (the same interface as :class:`SoundProcess`)."""

    def __init__(self, sr: int, model_dir: str | Path | None = None) -> None:
        from aspects.measure.sound import AudioAnalyzer
        from aspects.measure.tagger import TagStream

        self._audio = AudioAnalyzer(sr)
        self._tagger = TagStream(sr, model_dir)
        self._model_dir = model_dir
        self._rows = Columns()
        self._mid_s: list[float] = []  # each requested frame's middle (s), in request order: the order rows come in

    def add(self, t: float, samples: np.ndarray) -> None:
        self._audio.add(t, samples)
        self._tagger.add(t, samples)
        for _, row in self._audio.ready():  # rows come in frame order
            self._rows.append(row)

    def request(self, index: int, t0: float, t1: float) -> None:
        self._audio.request(index, t0, t1)
        self._mid_s.append((t0 + t1) / 2)

    def finish(self) -> tuple[dict, dict, float | None, dict | None]:
        """``(sound columns, envelope columns, audio start s, tags row)`` once the stream has ended
        (the tags row: :meth:`aspects.measure.tagger.Tags.as_row`, None without audio). Lines the tagger hears
        as struck instruments, and chords it hears as a bell, are plucks (:func:`aspects.measure.heard.tagged_struck`)."""
        from aspects.measure.heard import tagged_struck

        for _, row in self._audio.finish():
            self._rows.append(row)
        tags = self._tagger.finish()
        columns = self._rows.columns
        if "primitive" in columns:
            named = tagged_struck(np.asarray(self._mid_s[: len(columns["primitive"])]), np.asarray(columns["primitive"], dtype=object), tags, self._model_dir)
            columns["primitive"] = list(named)
        return columns, self._audio.envelope, self._audio.start_s, None if tags is None else tags.as_row()

    def close(self) -> None:
        pass


def serve(calls_fd: int, results_fd: int, sr: int, model_dir: str = "") -> None:
    """The child: replay the parent's calls (read from ``calls_fd``) on a :class:`LocalSound`,
    answer ``finish`` with its results (on ``results_fd``)."""
    from threadpoolctl import threadpool_limits

    calls, results = Connection(calls_fd, writable=False), Connection(results_fd, readable=False)
    try:
        with threadpool_limits(limits=1, user_api="blas"):  # as in the parent's measuring pass
            sound = LocalSound(sr, model_dir or None)
            while True:
                for call, *args in calls.recv():
                    if call == "add":
                        sound.add(*args)
                    elif call == "request":
                        sound.request(*args)
                    else:
                        send_result(results, sound.finish())
                        return
    except EOFError:  # the parent went away
        return
    except BaseException as exc:
        # The project's own errors (a missing tagger model, ...) are re-raised as they are in the parent.
        results.send(("error", exc if isinstance(exc, AspectsError) else f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}"))
    finally:
        calls.close()
        results.close()


def send_result(conn: Connection, result: tuple) -> None:
    """Send :meth:`LocalSound.finish`'s result: its number columns (``array('d')`` and NumPy arrays, an hour of
    envelope is ~30 MB) each as raw bytes after a small pickled header, so neither side ever holds a pickled copy
    of the whole result beside the arrays themselves."""
    buffers: list = []

    def strip(table: dict | None) -> dict | None:
        if table is None:
            return None
        out = {}
        for key, value in table.items():
            if isinstance(value, (array, np.ndarray)):
                data = np.frombuffer(value, dtype=np.float64) if isinstance(value, array) else np.ascontiguousarray(value)
                out[key] = _Raw(len(buffers), data.dtype.str, data.shape)
                buffers.append(data)
            else:
                out[key] = value
        return out

    rows, envelope, start_s, tags = result
    conn.send(("ok", (strip(rows), strip(envelope), start_s, strip(tags))))
    for data in buffers:
        conn.send_bytes(data.data.cast("B") if data.nbytes else b"")


def receive_arrays(conn: Connection, header: tuple) -> tuple:
    """The result :func:`send_result` sent: its header with each raw column read back as a (writable) NumPy array."""
    parts: list[Any] = [None if part is None else dict(part) if isinstance(part, dict) else part for part in header]
    raws = sorted((value.index, table, key) for table in (0, 1, 3) for key, value in (parts[table] or {}).items() if isinstance(value, _Raw))
    for _, table, key in raws:  # in the order they were sent
        raw = parts[table][key]
        data = np.empty(raw.shape, dtype=np.dtype(raw.dtype))
        if data.nbytes:
            conn.recv_bytes_into(data.data.cast("B"))
        else:
            conn.recv_bytes()
        parts[table][key] = data
    return tuple(parts)


@dataclass(frozen=True)
class _Raw:
    """Where a column sent as raw bytes goes back: its place in the sending order, dtype and shape."""

    index: int
    dtype: str
    shape: tuple


# A plain interpreter started on this module's ``serve`` (not multiprocessing's spawn, which would re-run the
# caller's main script, breaking any script that calls ``aspects.analyze`` without an ``if __name__`` guard).
# It leaves through os._exit once its results are sent: tearing down SciPy's modules only delays the parent.
CHILD = "import os, sys; from aspects.measure.sound_process import serve; serve(*map(int, sys.argv[1:4])); os._exit(0)"


class SoundProcess:
    """:class:`LocalSound` run in a child process (see the module docstring)."""

    def __init__(self, sr: int, model_dir: str | Path | None = None) -> None:
        calls_read, calls_write = os.pipe()
        results_read, results_write = os.pipe()
        root = str(Path(__file__).resolve().parents[2])  # the folder holding the ``aspects`` package
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")])))
        try:
            self._process = subprocess.Popen(
                [sys.executable, "-c", CHILD, str(calls_read), str(results_write), str(sr), str(model_dir or "")], pass_fds=(calls_read, results_write), env=env, stdin=subprocess.DEVNULL
            )
        finally:
            os.close(calls_read)
            os.close(results_write)
        self._calls_out = Connection(calls_write, readable=False)
        self._results_in = Connection(results_read, writable=False)
        self._calls: list[tuple] = []
        # A sender thread writes the batches (the write releases the GIL), so a child still starting up,
        # or busy, does not stall the decode pass until this queue is full.
        self._queue: queue.Queue = queue.Queue(maxsize=QUEUED_BATCHES)
        self._send_failed = False
        self._sender = threading.Thread(target=self._send_batches, name="aspects-sound-sender", daemon=True)
        self._sender.start()

    def _send_batches(self) -> None:
        while (batch := self._queue.get()) is not None:
            if self._send_failed:
                continue  # drain: the parent learns of the failure at its next call
            try:
                self._calls_out.send(batch)
            except OSError:
                self._send_failed = True

    def _call(self, *call) -> None:
        self._calls.append(call)
        if len(self._calls) >= BATCH_CALLS:
            self._flush()

    def _flush(self) -> None:
        if self._send_failed:  # the child stopped: say why
            self._raise_child_error()
        if self._calls:
            self._queue.put(self._calls)
            self._calls = []

    def _raise_child_error(self):
        try:
            status, result = self._results_in.recv()
        except (EOFError, OSError):
            raise RuntimeError(f"the sound analysis process ended unexpectedly (exit code {self._process.poll()})") from None
        self._raise(result)

    def _raise(self, error):
        if isinstance(error, AspectsError):
            raise error
        raise RuntimeError(f"the sound analysis process failed: {error}")

    def add(self, t: float, samples: np.ndarray) -> None:
        self._call("add", t, samples)

    def request(self, index: int, t0: float, t1: float) -> None:
        self._call("request", index, t0, t1)

    def finish(self) -> tuple[dict, dict, float | None, dict | None]:
        """:meth:`LocalSound.finish`, from the child."""
        self._call("finish")
        self._flush()
        self._queue.put(None)
        self._sender.join()
        try:
            status, result = self._results_in.recv()
        except (EOFError, OSError):
            raise RuntimeError(f"the sound analysis process ended unexpectedly (exit code {self._process.poll()})") from None
        if status != "ok":
            self._raise(result)
        return receive_arrays(self._results_in, result)

    def close(self) -> None:
        """Stop the child (at once if it is still working: the pass was abandoned)."""
        if self._sender.is_alive():  # abandoned mid-pass: stop the child, then the sender (its writes now fail)
            self._send_failed = True
            self._process.kill()
            while True:
                try:
                    self._queue.put(None, timeout=0.1)
                    break
                except queue.Full:
                    continue
            self._sender.join()
        self._calls_out.close()
        self._results_in.close()
        try:
            self._process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()


def sound_analyzer(sr: int, model_dir: str | Path | None = None, *, separate_process: bool = True, duration_s: float | None = None) -> LocalSound | SoundProcess:
    """The sound side of the decode pass at ``sr`` Hz (tagger model in ``model_dir``, default: the bootstrap's):
    in a child process when asked and the video lasts at least :data:`MIN_DURATION_S` (unknown: yes), else in this one."""
    if separate_process and (duration_s is None or duration_s >= MIN_DURATION_S):
        return SoundProcess(sr, model_dir)
    return LocalSound(sr, model_dir)
