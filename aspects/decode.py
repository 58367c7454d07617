"""The only code that touches pixels and samples: one streaming pass over an MP4.

:func:`open_media` validates the file and opens it; :func:`container_facts`
reads what the header says; :func:`stream` demuxes video and audio together
once, yielding each video frame already downscaled (and turned upright) to
the analysis size, and each audio chunk already mixed to mono at the analysis
rate. Nothing is kept: memory does not grow with the video's length.

Times are seconds from the first video frame's presentation time, taken from
each frame's own timestamp (so variable frame rates and rates such as
30000/1001 need no special case).
"""

from __future__ import annotations

import errno
import hashlib
import os
import queue
import stat
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import cast

import av
import cv2
import numpy as np

from aspects.errors import BadInputError
from aspects.paths import display_path

ALPHA_FORMATS = ("yuva", "rgba", "bgra", "argb", "abgr", "ya", "gbrap", "pal8")


@dataclass(frozen=True)
class VideoFrame:
    """One decoded frame at the analysis size.

    ``rgb`` is (H, W, 3) uint8, upright; ``alpha`` is (H, W) uint8 or None.
    ``t`` is seconds from the first video frame; ``duration_s`` the frame's
    nominal duration (from the stream, or 1/fps).
    """

    index: int
    t: float
    duration_s: float
    rgb: np.ndarray
    alpha: np.ndarray | None
    key_frame: bool


@dataclass(frozen=True)
class AudioChunk:
    """Mono float32 samples in [-1, 1] at the analysis rate, starting at ``t`` (seconds from the first video frame)."""

    t: float
    samples: np.ndarray


def sha256_file(path: str | Path, chunk_bytes: int = 1 << 20) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(chunk_bytes):
            digest.update(block)
    return digest.hexdigest()


def file_status(path: Path) -> os.stat_result:
    """``os.stat`` of ``path`` (following links), or :class:`BadInputError` saying why there is no file."""
    try:
        return path.stat()
    except FileNotFoundError:
        reason = "broken symbolic link (its target does not exist)" if path.is_symlink() else "no such file"
        raise BadInputError(path, reason) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise BadInputError(path, "symbolic link loop (too many levels of symbolic links)") from None
        if exc.errno in (errno.EACCES, errno.EPERM):
            raise BadInputError(path, "permission denied") from None
        if exc.errno in (errno.ENAMETOOLONG, errno.ENOTDIR):
            raise BadInputError(path, exc.strerror or str(exc)) from None
        raise


# FFmpeg errors that are the machine's trouble, not the file's: worth retrying.
# ENOMEM is not among them: FFmpeg answers it when corrupt tables ask for absurd allocations.
IO_ERRNOS = frozenset({errno.EIO, errno.EAGAIN, errno.EINTR, errno.ETIMEDOUT, errno.ESTALE})


def is_io_error(exc: BaseException) -> bool:
    """True when a decoder error is real I/O trouble (EIO, EAGAIN…) rather than bad data.

    FFmpeg reports corrupt data with many codes (AVERROR_INVALIDDATA, but also
    EPERM, EINVAL, ENOSYS, AVERROR_PATCHWELCOME… from a decoder's
    ``send_packet``); only the codes in :data:`IO_ERRNOS` are the machine's.
    """
    return getattr(exc, "errno", None) in IO_ERRNOS


def open_media(path: str | Path) -> av.container.InputContainer:
    """Open ``path`` for decoding, or raise :class:`BadInputError` saying what is wrong."""
    path = Path(path)
    st = file_status(path)
    if stat.S_ISDIR(st.st_mode):
        raise BadInputError(path, "is a directory, not a video file")
    if not stat.S_ISREG(st.st_mode):
        raise BadInputError(path, "is not a regular file (a device, socket or pipe)")
    if st.st_size == 0:
        raise BadInputError(path, "file is empty (0 bytes)")
    try:
        container = av.open(str(path), mode="r", metadata_errors="replace")
    except av.error.InvalidDataError:
        raise BadInputError(path, "not a readable MP4: the container is corrupt, truncated (no index) or not a video file") from None
    except av.error.FFmpegError as exc:
        if is_io_error(exc):
            raise OSError(exc.errno, f"{display_path(path)}: cannot read: {exc.strerror or exc}") from None
        raise BadInputError(path, f"cannot be opened as a video: {exc.strerror or exc}") from None
    if not container.streams.video:
        kinds: list[str] = sorted({s.type for s in container.streams}) or ["no streams"]
        container.close()
        raise BadInputError(path, f"has no video stream (contains: {', '.join(kinds)})")
    for kind, streams in (("video", container.streams.video), ("audio", container.streams.audio)):
        if streams and (streams[0].codec_context is None or not streams[0].codec_context.name):
            container.close()
            raise BadInputError(path, f"its {kind} stream has no decodable codec (corrupt or unsupported stream header)")
    return container


def _has_alpha(pix_fmt: str | None) -> bool:
    return bool(pix_fmt and any(pix_fmt.startswith(p) for p in ALPHA_FORMATS))


def _fraction(value) -> float | None:
    return float(value) if value else None


def container_facts(container: av.container.InputContainer, path: str | Path) -> dict:
    """Facts the header states (DESIGN §3 ``video``), before decoding.

    ``frame_count``, ``keyframes_s`` and ``rotation`` are completed by the
    decode pass (:class:`PassTotals`), since headers may lie or omit them.
    """
    path = Path(path)
    vstream = container.streams.video[0]
    vctx = vstream.codec_context
    pix_fmt = vctx.pix_fmt
    rate = vstream.average_rate or vstream.guessed_rate or vstream.base_rate
    dar = vstream.display_aspect_ratio
    if not dar and vctx.width and vctx.height:
        sar = vstream.sample_aspect_ratio or Fraction(1, 1)
        dar = Fraction(vctx.width, vctx.height) * sar
    duration_s = container.duration / av.time_base if container.duration else None
    audio = None
    if container.streams.audio:
        astream = container.streams.audio[0]
        actx = astream.codec_context
        a_duration = float(astream.duration * astream.time_base) if astream.duration and astream.time_base else duration_s
        audio = {
            "codec": actx.codec.canonical_name,  # the format ("mp3", "av1"), not the decoder that reads it ("mp3float", "libdav1d")
            "sample_rate": actx.sample_rate,
            "channels": actx.channels,
            "channel_layout": actx.layout.name if actx.layout else None,
            "duration_s": a_duration,
        }
    chapters = []
    for c in container.chapters():
        assert c["time_base"] is not None  # libavformat gives every chapter a time base
        chapters.append({"start": float(c["start"] * c["time_base"]), "end": float(c["end"] * c["time_base"]), "title": (c.get("metadata") or {}).get("title")})
    v_duration = float(vstream.duration * vstream.time_base) if vstream.duration and vstream.time_base else duration_s
    return {
        "path": display_path(path),
        "size_bytes": path.stat().st_size,
        "duration_s": v_duration if v_duration is not None else duration_s,
        "bitrate": container.bit_rate or None,
        "container": _container_name(container),
        "video": {
            "codec": vctx.codec.canonical_name,
            "width": vctx.width,
            "height": vctx.height,
            "fps": _fraction(rate),
            "fps_fraction": f"{rate.numerator}/{rate.denominator}" if rate else None,
            "frame_count": vstream.frames or None,
            "display_aspect_ratio": f"{dar.numerator}:{dar.denominator}" if dar else None,
            "pix_fmt": pix_fmt,
            "has_alpha": _has_alpha(pix_fmt),
            "rotation": 0,
            "bitrate": vctx.bit_rate or None,
            "keyframes_s": [],
        },
        "audio": audio,
        "chapters": chapters,
        "tags": {k: v for k, v in container.metadata.items()},
    }


def _container_name(container: av.container.InputContainer) -> str:
    """``mp4`` / ``mov`` / … : ffmpeg names the whole ISO-BMFF family "mov,mp4,…", the brand tells which."""
    name = container.format.name
    if not name.startswith("mov"):
        return name.split(",")[0]
    brand = (container.metadata.get("major_brand") or "").strip()
    return "mov" if brand == "qt" else "mp4"


def analysis_size(width: int, height: int, box: tuple[int, int]) -> tuple[int, int]:
    """Largest even (w, h) with the frame's aspect that fits ``box`` (landscape box, turned for portrait)."""
    box_w, box_h = box if width >= height else (min(box), max(box))
    scale = min(box_w / width, box_h / height, 1.0)
    w = max(2, int(round(width * scale / 2)) * 2)
    h = max(2, int(round(height * scale / 2)) * 2)
    return w, h


JPEG_RANGE = 2  # AVCOL_RANGE_JPEG: full-range luma, which the fast path below does not expect


def _shrink(plane: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """Shrink a uint8 plane to ``size`` (w, h): bilinear to twice the size, then a 2×2 area average.

    Much cheaper than a full area filter over the source (OpenCV's area
    resize is fast only for integer factors) and close to it: a mean
    difference of about 3 levels against swscale's area filter on a detailed
    test pattern, where plain bilinear sampling aliases.
    """
    w, h = size
    if plane.shape[1] <= 2 * w or plane.shape[0] <= 2 * h:
        return cv2.resize(plane, size, interpolation=cv2.INTER_AREA)
    return cv2.resize(cv2.resize(plane, (2 * w, 2 * h), interpolation=cv2.INTER_LINEAR), size, interpolation=cv2.INTER_AREA)


def downscale(frame: av.VideoFrame, size: tuple[int, int], fmt: str = "rgb24") -> np.ndarray:
    """The frame at the analysis ``size`` (w, h, both even) as (h, w, 3|4) uint8 in ``fmt`` (rgb24 or rgba).

    Limited-range 8-bit 4:2:0 frames (nearly every H.264/H.265 MP4) are
    shrunk plane by plane without copying the full-size planes, then
    converted to RGB at the small size (BT.601 limited range, as swscale
    does for untagged video); anything else goes through swscale's area filter.
    """
    if fmt != "rgb24" or frame.format.name != "yuv420p" or frame.color_range == JPEG_RANGE:
        return frame.reformat(width=size[0], height=size[1], format=fmt, interpolation="AREA").to_ndarray()
    w, h = size
    small = np.empty(w * h * 3 // 2, np.uint8)
    offset = 0
    for plane, plane_size in zip(frame.planes, ((w, h), (w // 2, h // 2), (w // 2, h // 2))):
        # cast: numpy's stub (Python < 3.12) lists only concrete buffer types; VideoPlane exports the buffer protocol.
        full = np.frombuffer(cast(memoryview, plane), np.uint8).reshape(plane.height, plane.line_size)[:, : plane.width]
        n = plane_size[0] * plane_size[1]
        small[offset : offset + n] = _shrink(full, plane_size).reshape(-1)
        offset += n
    return cv2.cvtColor(small.reshape(h * 3 // 2, w), cv2.COLOR_YUV2RGB_I420)


class PassTotals:
    """What only the full pass can know: exact frame count, keyframes, rotation, audio start."""

    def __init__(self) -> None:
        self.frame_count = 0
        self.keyframes_s: list[float] = []
        self.rotation = 0
        self.audio_start_s: float | None = None
        self.audio_samples = 0
        self.last_t = 0.0
        self.last_duration_s = 0.0


def stream(container: av.container.InputContainer, path: str | Path, **kwargs) -> Iterator[VideoFrame | AudioChunk]:
    """:func:`decode_items` run ahead in a background thread, so decoding and scaling
    (which release the GIL) overlap the caller's measurements. At most
    ``READ_AHEAD`` small items are buffered: memory stays flat."""
    return read_ahead(decode_items(container, path, **kwargs))


READ_AHEAD = 16


def read_ahead(items: Iterator, depth: int = READ_AHEAD) -> Iterator:
    """Iterate ``items`` in a producer thread; exceptions are re-raised in the consumer."""
    buffer: queue.Queue = queue.Queue(maxsize=depth)
    stop = threading.Event()
    done = object()

    def put(item) -> bool:
        """Hand ``item`` over; False once the consumer has gone away."""
        while not stop.is_set():
            try:
                buffer.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            for item in items:
                if not put(item):
                    return
            put(done)
        except BaseException as exc:  # handed to the consumer, which re-raises it
            put(exc)

    worker = threading.Thread(target=produce, name="decode", daemon=True)
    worker.start()
    try:
        while True:
            item = buffer.get()
            if item is done:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        worker.join()


def decode_items(
    container: av.container.InputContainer,
    path: str | Path,
    *,
    box: tuple[int, int] = (256, 144),
    audio_sr: int = 22050,
    threads: int = 0,
    totals: PassTotals | None = None,
) -> Iterator[VideoFrame | AudioChunk]:
    """Demux and decode video and audio in one pass, yielding frames and audio chunks in file order.

    Raises :class:`BadInputError` when the data is corrupt or truncated
    before the first frame, or no frame can be decoded.
    """
    totals = totals if totals is not None else PassTotals()
    vstream = container.streams.video[0]
    vstream.thread_type = "AUTO"
    if threads:
        vstream.codec_context.thread_count = threads
    astream = container.streams.audio[0] if container.streams.audio else None
    streams = [vstream] + ([astream] if astream is not None else [])
    rate = vstream.average_rate or vstream.guessed_rate
    nominal_dt = float(1 / rate) if rate else 1 / 30
    alpha = _has_alpha(vstream.codec_context.pix_fmt)
    fmt = "rgba" if alpha else "rgb24"
    resampler = av.AudioResampler(format="flt", layout="mono", rate=audio_sr) if astream is not None else None
    t0: float | None = None
    kind = "video"
    pending_audio: list[tuple[float, av.AudioFrame]] = []
    size: tuple[int, int] | None = None

    def frame_time(frame) -> float | None:
        return float(frame.pts * frame.time_base) if frame.pts is not None else None

    def audio_chunks(frames) -> Iterator[AudioChunk]:
        for out in frames:
            samples = out.to_ndarray().reshape(-1).astype(np.float32, copy=False)
            if not samples.size:
                continue
            t = frame_time(out)
            if totals.audio_start_s is None:
                totals.audio_start_s = t if t is not None else 0.0
            t_rel = totals.audio_start_s + totals.audio_samples / audio_sr
            totals.audio_samples += samples.size
            yield AudioChunk(t=t_rel, samples=samples)

    position_s: float | None = None  # time of the packet being decoded, for error messages

    try:
        for packet in container.demux(*streams):
            if packet.pts is not None and packet.time_base is not None:
                position_s = float(packet.pts * packet.time_base) - (t0 or 0.0)
            kind = packet.stream.type
            for frame in packet.decode():
                if packet.stream.type == "audio":
                    assert resampler is not None and isinstance(frame, av.AudioFrame)  # only the audio stream is demuxed besides video
                    if t0 is None:
                        # Audio before the first video frame: hold it until t0 is known.
                        pending_audio.extend((frame_time(out) or 0.0, out) for out in resampler.resample(frame))
                        continue
                    for chunk in audio_chunks(resampler.resample(frame)):
                        yield AudioChunk(t=chunk.t - t0, samples=chunk.samples)
                    continue
                assert isinstance(frame, av.VideoFrame)
                t_abs = frame_time(frame)
                if t0 is None:
                    t0 = t_abs if t_abs is not None else 0.0
                    totals.rotation = int(frame.rotation or 0) % 360
                    k = totals.rotation // 90
                    coded = (frame.width, frame.height) if k % 2 == 0 else (frame.height, frame.width)
                    display = analysis_size(*coded, box)
                    size = display if k % 2 == 0 else (display[1], display[0])
                    for _, out in pending_audio:
                        for chunk in audio_chunks([out]):
                            yield AudioChunk(t=chunk.t - t0, samples=chunk.samples)
                    pending_audio.clear()
                t = (t_abs - t0) if t_abs is not None else totals.frame_count * nominal_dt
                assert size is not None  # set at the first video frame
                image = downscale(frame, size, fmt)
                if totals.rotation:
                    image = np.ascontiguousarray(np.rot90(image, k=totals.rotation // 90))
                duration_s = float(frame.duration * frame.time_base) if frame.duration and frame.time_base else nominal_dt
                if frame.key_frame:
                    totals.keyframes_s.append(round(t, 6))
                yield VideoFrame(
                    index=totals.frame_count,
                    t=t,
                    duration_s=duration_s,
                    rgb=image[..., :3] if alpha else image,
                    alpha=image[..., 3] if alpha else None,
                    key_frame=bool(frame.key_frame),
                )
                totals.frame_count += 1
                totals.last_t, totals.last_duration_s = t, duration_s
        if resampler is not None and t0 is not None:
            for chunk in audio_chunks(resampler.resample(None)):
                yield AudioChunk(t=chunk.t - t0, samples=chunk.samples)
    except av.error.EOFError:
        pass
    except (av.error.FFmpegError, ValueError) as exc:
        # ValueError: PyAV's resampler refusing a frame whose format changed mid-stream (corrupt audio).
        if isinstance(exc, av.error.FFmpegError) and is_io_error(exc):
            raise OSError(exc.errno, f"{display_path(path)}: cannot read: {getattr(exc, 'strerror', None) or exc}") from None
        where = f"at {position_s:.2f} s" if position_s is not None else "before the first frame"
        detail = getattr(exc, "strerror", None) or str(exc)
        raise BadInputError(path, f"corrupt or truncated {kind} data {where} ({detail[:120]})") from None
    if totals.frame_count == 0:
        raise BadInputError(path, "no video frame could be decoded (empty or truncated video stream)")
    listed = vstream.frames or 0
    if totals.frame_count < listed - 1:  # one frame of slack for edit lists
        raise BadInputError(path, f"truncated: the index lists {listed} video frames but only {totals.frame_count} could be decoded")
