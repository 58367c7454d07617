"""Ground-truth music made here: MIDI written by hand, rendered by FluidSynth, muxed into MP4.

The corpus is a list of :class:`Clip`: each has MIDI events at known times,
the labels a listener would give (drum hits at their onset times, tonal
segments with their primitive) and, for rhythmic clips, the true tempo.
:func:`build_corpus` renders every clip's MIDI in one FluidSynth run (the
141 MB FluidR3 GM soundfont is loaded once), cuts the result into clips and
muxes each with a small still picture into an H.264 + AAC MP4, so analysis
goes through the real decoder. espeak-ng gives speech, alone and over music.

Needs the Debian packages ``fluidsynth`` and ``fluid-soundfont-gm`` and
``espeak-ng`` (``scripts/bootstrap.sh`` installs them); :func:`missing_tools`
names what is absent so tests can skip with a clear reason.

Times are seconds. MIDI drums are on channel 10 (index 9): kick 36,
snare 38, hand clap 39, closed hi-hat 42 (General MIDI percussion map).
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import wave
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from tests.media import ffmpeg, mux_wav
from tests.media import write_wav as _write_wav

SOUNDFONT = Path("/usr/share/sounds/sf2/FluidR3_GM.sf2")
SR = 22050  # rendering rate: the analysis rate, so no resampling blurs onsets
CLIP_GAP_S = 1.5  # silence between clips in the one long render (reverb tails die out)
RENDER_TIMEOUT_S = 900  # one FluidSynth render: the tempo corpus (406 clips, 80 min of audio) took ~6 min on 2 loaded cores (issue 11t, session 11; 300 s timed out)
DRUM_CH = 9
DRUM_NOTES = {"kick": 36, "snare": 38, "clap": 39, "hihat": 42, "rim": 37, "openhat": 46, "ride": 51, "tom": 45, "tambourine": 54, "cowbell": 56, "conga": 64, "shaker": 70}
DRUM_NOTES |= {"pedalhat": 44, "ridebell": 53, "timbale": 65, "agogo": 67, "hibongo": 60}  # issue 11t, session 5 (held_out_9)
DRUM_NOTES |= {"crash": 49, "hitom": 50, "floortom": 41, "bongo": 61, "claves": 75, "woodblock": 76, "triangle": 81}  # issue 11t, session 5
PATTERN_KITS: dict[str, int] = {}  # pattern → the GM drum kit (program of the drum channel) it is played on (issue 11t, session 9)
HIT_PRIORITY = ("kick", "snare", "clap", "hihat")  # the label of simultaneous hits, by priority: a kick struck with anything is the kick (docs/audio.md)
PICTURE = "color=c=0x204060:s=160x90:r=25"

# General MIDI programs (0-based).
PIANO, NYLON_GUITAR, STEEL_GUITAR, HARP, PIZZICATO = 0, 24, 25, 46, 45
FINGER_BASS, PICK_BASS, SYNTH_BASS = 33, 34, 38
SQUARE_LEAD, SAW_LEAD, CHIFF_LEAD = 80, 81, 83
NEW_AGE_PAD, WARM_PAD, POLYSYNTH_PAD, HALO_PAD = 88, 89, 90, 94
FLUTE, VIOLIN = 73, 40


def missing_tools() -> str | None:
    """Why the corpus cannot be rendered here (a sentence), or None when everything is installed."""
    if shutil.which("fluidsynth") is None:
        return "fluidsynth binary missing (scripts/bootstrap.sh installs the Debian package fluidsynth)"
    if not SOUNDFONT.exists():
        return f"{SOUNDFONT} missing (scripts/bootstrap.sh installs the Debian package fluid-soundfont-gm)"
    return None


# ---------------------------------------------------------------- MIDI bytes


def _varlen(n: int) -> bytes:
    out = [n & 0x7F]
    n >>= 7
    while n:
        out.append(0x80 | (n & 0x7F))
        n >>= 7
    return bytes(reversed(out))


def smf_bytes(events: list[tuple[float, bytes]]) -> bytes:
    """A format-0 Standard MIDI File holding ``events`` (``(time_s, message bytes)``), 1 tick = 1 ms.

    Tempo is fixed at 60 BPM (1 000 000 µs a quarter) with 1000 ticks a
    quarter, so event times need no musical grid.
    """
    track = bytearray(b"\x00\xff\x51\x03" + (1_000_000).to_bytes(3, "big"))
    now = 0
    # Note-offs before note-ons at the same tick, so a repeated note is re-struck, not cut.
    for t, msg in sorted(events, key=lambda e: (round(e[0] * 1000), (e[1][0] & 0xF0) != 0x80)):
        tick = max(int(round(t * 1000)), now)
        track += _varlen(tick - now) + msg
        now = tick
    track += b"\x00\xff\x2f\x00"
    return b"MThd" + struct.pack(">IHHH", 6, 0, 1, 1000) + b"MTrk" + struct.pack(">I", len(track)) + bytes(track)


def note(ch: int, pitch: int, t0: float, t1: float, velocity: int = 100) -> list[tuple[float, bytes]]:
    return [(t0, bytes([0x90 | ch, pitch, velocity])), (t1, bytes([0x80 | ch, pitch, 0]))]


def program(ch: int, prog: int, t: float) -> tuple[float, bytes]:
    return (t, bytes([0xC0 | ch, prog]))


# ---------------------------------------------------------------- clips


@dataclass
class Clip:
    """One clip: MIDI events (times from the clip's start), ground truth, and where it was rendered."""

    name: str
    duration_s: float
    events: list[tuple[float, bytes]] = field(default_factory=list)
    hits: list[tuple[float, str]] = field(default_factory=list)  # (onset s, kick|snare|hihat|clap)
    segments: list[tuple[float, float, str]] = field(default_factory=list)  # (start s, end s, primitive)
    tempo_bpm: float | None = None
    kind: str = "music"
    speech_text: str | None = None  # espeak-ng text mixed in (speech clips)
    path: Path | None = None  # the MP4, once built
    wav: Path | None = None


def add_sixteenths(clip: Clip, beat_s: float, count: int, stroke_at: Callable[[int], str | None], hat_velocity: Callable[[], int], stroke_velocity: int) -> None:
    """A closed hat on each of ``count`` sixteenths of ``clip`` from 0.3 s (a beat ``beat_s`` s), the drum
    ``stroke_at(sixteenth in the bar)`` (or None) struck with it at ``stroke_velocity``, each hat at ``hat_velocity()``;
    each step a hit named by HIT_PRIORITY (a hat struck with a kick or snare is the stroke)."""
    for q in range(count):
        t = round(0.3 + q * beat_s / 4, 4)
        stroke = stroke_at(q % 16)
        clip.events += note(DRUM_CH, DRUM_NOTES["hihat"], t, t + 0.05, hat_velocity())
        if stroke:
            clip.events += note(DRUM_CH, DRUM_NOTES[stroke], t, t + 0.1, stroke_velocity)
        clip.hits.append((t, stroke or "hihat"))


def drum_clip(name: str, pattern: list[tuple[float, list[str]]], duration_s: float, *, tempo_bpm: float | None = None, velocity: int = 110) -> Clip:
    """Drum hits ``(time s, [drum names])``; the ground truth of each onset is its dominant drum."""
    clip = Clip(name, duration_s, tempo_bpm=tempo_bpm, kind="drums")
    for t, drums in pattern:
        for d in drums:
            clip.events += note(DRUM_CH, DRUM_NOTES[d], t, t + 0.1, velocity)
        clip.hits.append((t, next((d for d in HIT_PRIORITY if d in drums), drums[0])))
    return clip


def groove(bpm: float, *, bars: int, meter: int = 4, swing: float = 0.5, start_s: float = 0.25) -> list[tuple[float, list[str]]]:
    """A drum groove: kick on beat 1 (and 3 in 4/4), snare on the backbeats, closed hi-hat on eighths.

    ``swing`` is where the off-beat eighth falls within the beat (0.5 straight, 2/3 triplet swing).
    """
    beat = 60.0 / bpm
    out = []
    for b in range(bars * meter):
        t = start_s + b * beat
        pos = b % meter
        drums = ["hihat"]
        if pos == 0 or (meter == 4 and pos == 2):
            drums.append("kick")
        elif meter == 4 or pos == 1 or pos == 2:
            drums.append("snare")
        out.append((round(t, 4), drums))
        out.append((round(t + swing * beat, 4), ["hihat"]))
    return out


def tonal_clip(name: str, prog: int, notes: list[tuple[float, float, list[int]]], label: str, *, velocity: int = 100, ch: int = 0, duration_s: float | None = None) -> Clip:
    """Notes or chords ``(start s, end s, [MIDI pitches])`` on one instrument, each a segment named ``label``."""
    end = max(n[1] for n in notes)
    clip = Clip(name, duration_s or end + 0.8, kind="tonal")
    clip.events.append(program(ch, prog, 0.0))
    for t0, t1, pitches in notes:
        for p in pitches:
            clip.events += note(ch, p, t0, t1, velocity)
        clip.segments.append((t0, t1, label))
    return clip


def _line(pitches: list[int], step_s: float, start_s: float = 0.3, legato: float = 0.95) -> list[tuple[float, float, list[int]]]:
    return [(start_s + i * step_s, start_s + (i + legato) * step_s, [p]) for i, p in enumerate(pitches)]


def _chords(chords: list[list[int]], step_s: float, start_s: float = 0.3, legato: float = 0.95) -> list[tuple[float, float, list[int]]]:
    return [(start_s + i * step_s, start_s + (i + legato) * step_s, c) for i, c in enumerate(chords)]


TRIADS = [[60, 64, 67], [57, 60, 64], [65, 69, 72], [67, 71, 74, 77], [62, 65, 69], [64, 67, 71]]


def band_clip(name: str, bpm: float, *, meter: int = 4, bars: int = 4, swing: float = 0.5) -> Clip:
    """Drums, a bass on the beat and piano chords on each bar: a small arrangement with a known tempo."""
    beat = 60.0 / bpm
    start = 0.25
    clip = drum_clip(name, groove(bpm, bars=bars, meter=meter, swing=swing, start_s=start), start + bars * meter * beat + 1.0, tempo_bpm=bpm)
    clip.kind = "band"
    clip.events += [program(1, FINGER_BASS, 0.0), program(2, PIANO, 0.0)]
    roots = [40, 45, 41, 43]
    for bar in range(bars):
        t_bar = start + bar * meter * beat
        root = roots[bar % 4]
        for b in range(meter):
            clip.events += note(1, root + (7 if b == meter - 1 else 0), t_bar + b * beat, t_bar + (b + 0.9) * beat, 95)
        for p in TRIADS[bar % len(TRIADS)]:
            clip.events += note(2, p, t_bar, t_bar + meter * beat * 0.95, 70)
    return clip


def corpus() -> list[Clip]:
    """The whole ground-truth corpus (about two minutes of audio)."""
    rng = np.random.default_rng(11)
    clips: list[Clip] = []
    # Single hits at irregular, known times; every drum at two loudnesses.
    for drum in ("kick", "snare", "hihat", "clap"):
        times = np.round(0.3 + np.cumsum(rng.uniform(0.45, 0.8, 5)), 3)
        pattern = [(float(t), [drum]) for t in times]
        clips.append(drum_clip(f"hits_{drum}", pattern, float(times[-1]) + 0.8, velocity=int(rng.choice([80, 115]))))
    order = [d for d in ("kick", "snare", "hihat", "clap") for _ in range(3)]
    rng.shuffle(order)
    times = np.round(0.3 + np.arange(len(order)) * 0.55, 3)
    clips.append(drum_clip("hits_mixed", [(float(t), [d]) for t, d in zip(times, order)], float(times[-1]) + 0.8))
    # Grooves: 60–180 BPM, 4/4 and 3/4, straight and swung.
    for bpm, meter, swing in ((60, 4, 0.5), (84, 4, 0.5), (100, 3, 0.5), (120, 4, 0.5), (138, 4, 0.5), (150, 3, 0.5), (180, 4, 0.5), (96, 4, 2 / 3), (128, 4, 2 / 3)):
        bars = max(2, int(np.ceil(7.0 * bpm / 60.0 / meter)))
        beat = 60.0 / bpm
        feel = "swing" if swing != 0.5 else "straight"
        clips.append(drum_clip(f"groove_{bpm}_{meter}4_{feel}", groove(bpm, bars=bars, meter=meter, swing=swing), 0.25 + bars * meter * beat + 0.8, tempo_bpm=bpm))
    # Small arrangements: drums + bass + piano chords.
    for bpm, meter, swing in ((72, 4, 0.5), (110, 3, 0.5), (129, 4, 0.5), (165, 4, 2 / 3)):
        bars = max(2, int(np.ceil(7.0 * bpm / 60.0 / meter)))
        clips.append(band_clip(f"band_{bpm}_{meter}4", bpm, meter=meter, bars=bars, swing=swing))
    # Tonal parts.
    bass_line = [28, 31, 33, 35, 36, 33, 31, 40]
    clips.append(tonal_clip("bass_finger", FINGER_BASS, _line(bass_line, 0.5), "bass"))
    clips.append(tonal_clip("bass_synth", SYNTH_BASS, _line([36, 36, 43, 41, 39, 38, 36, 31], 0.4), "bass"))
    clips.append(tonal_clip("pad_warm_chords", WARM_PAD, _chords(TRIADS[:3], 2.0), "pad", velocity=90))
    clips.append(tonal_clip("pad_newage_chords", NEW_AGE_PAD, _chords(TRIADS[3:], 2.0), "pad", velocity=90))
    clips.append(tonal_clip("pad_halo_note", HALO_PAD, _chords([[64], [69]], 2.5), "pad", velocity=90))
    clips.append(tonal_clip("pluck_nylon", NYLON_GUITAR, _line([64, 67, 69, 71, 72, 71, 69, 67], 0.45, legato=0.9), "pluck"))
    clips.append(tonal_clip("pluck_harp", HARP, _line([72, 76, 79, 84, 79, 76, 72, 67], 0.4, legato=0.9), "pluck"))
    clips.append(tonal_clip("pluck_pizzicato", PIZZICATO, _line([67, 69, 71, 72, 74, 72, 71, 69], 0.45, legato=0.9), "pluck"))
    clips.append(tonal_clip("lead_square", SQUARE_LEAD, _line([72, 74, 76, 79, 76, 74, 72, 67], 0.4), "lead", velocity=90))
    clips.append(tonal_clip("lead_saw", SAW_LEAD, _line([69, 72, 74, 76, 74, 72, 69, 64], 0.35), "lead", velocity=90))
    clips.append(tonal_clip("chords_piano", PIANO, _chords(TRIADS, 0.8), "chord", velocity=90))
    clips.append(tonal_clip("chords_guitar", STEEL_GUITAR, _chords(TRIADS[1:5], 0.9), "chord", velocity=100))
    # Lead vs melody is note length (docs/audio.md): held notes of 0.4 s and more make a lead, short ones a melody.
    clips.append(tonal_clip("melody_flute", FLUTE, _line([72, 74, 76, 77, 79, 77, 76, 74], 0.4), "lead", velocity=100))
    clips.append(tonal_clip("melody_violin", VIOLIN, _line([67, 69, 71, 72, 74, 72, 71, 69], 0.45), "lead", velocity=100))
    clips.append(tonal_clip("melody_flute_short", FLUTE, _line([72, 74, 76, 77, 79, 77, 76, 74, 72, 71, 72, 74], 0.2, legato=0.85), "melody", velocity=100))
    clips.append(tonal_clip("melody_violin_short", VIOLIN, _line([67, 69, 71, 72, 74, 72, 71, 69, 67, 66, 67, 69], 0.22, legato=0.85), "melody", velocity=100))
    if shutil.which("espeak-ng") is None:
        return clips
    # Speech, and speech over a pad.
    text = "Every frame of sound gets a name: a kick, a snare, a bass note, a pad, or a voice like this one."
    clips.append(Clip("speech", 5.0, kind="speech", speech_text=text, segments=[(0.4, 4.0, "speech")]))
    over = tonal_clip("speech_over_pad", WARM_PAD, _chords(TRIADS[:2], 2.4), "pad", velocity=60, duration_s=5.0)
    over.kind, over.speech_text = "speech_over_music", text
    over.segments = [(0.4, 4.0, "speech")]  # the voice is the foreground; the pad is a layer under it
    clips.append(over)
    return clips


# ---------------------------------------------------------------- rendering


def _read_wav(path: Path) -> np.ndarray:
    """Mono float32 samples of a 16-bit PCM WAV (channels averaged)."""
    with wave.open(str(path)) as w:
        data = np.frombuffer(w.readframes(w.getnframes()), dtype=np.int16).astype(np.float32) / 32768.0
        return data.reshape(-1, w.getnchannels()).mean(axis=1)


def with_offset(x: np.ndarray, kind: str, *, level: float = 0.1, share: float = 0.8, drift_hz: float = 2.0) -> np.ndarray:
    """``x`` plus an offset a listener does not hear (tests/test_subsonic.py, bench/dc_offsets.py): ``constant`` (``level``
    of full scale), ``drift`` (a sine of ``level`` at ``drift_hz``), ``envelope`` (the clip's own level — 50 ms RMS
    smoothed over 0.1 s — scaled to ``share`` of the clip's RMS: what FluidR3 puts under several programs)."""
    t = np.arange(x.size) / SR
    if kind == "constant":
        offset = np.full(x.size, level)
    elif kind == "drift":
        offset = level * np.sin(2 * np.pi * drift_hz * t)
    else:
        hop = int(0.05 * SR)
        own = np.sqrt(np.convolve(x.astype(np.float64) ** 2, np.ones(hop) / hop, mode="same"))
        own = np.convolve(own, np.ones(2 * hop) / (2 * hop), mode="same")
        offset = own * share * np.sqrt(np.mean(x.astype(np.float64) ** 2)) / max(float(np.sqrt(np.mean(own**2))), 1e-9)
    return np.clip(x + offset, -1.0, 1.0).astype(np.float32)


def render_midi(events: list[tuple[float, bytes]], out_wav: Path, *, gain: float = 0.7) -> np.ndarray:
    """Render MIDI events through FluidSynth with FluidR3 GM at :data:`SR`; return the mono samples."""
    mid = out_wav.with_suffix(".mid")
    mid.write_bytes(smf_bytes(events))
    subprocess.run(["fluidsynth", "-ni", "-q", "-g", str(gain), "-F", str(out_wav), "-r", str(SR), str(SOUNDFONT), str(mid)], check=True, capture_output=True, timeout=RENDER_TIMEOUT_S)
    return _read_wav(out_wav)


def speech_samples(text: str, workdir: Path) -> np.ndarray:
    """espeak-ng speech of ``text`` resampled to :data:`SR` (mono float)."""
    raw = workdir / "speech_raw.wav"
    subprocess.run(["espeak-ng", "-s", "150", "-w", str(raw), text], check=True, capture_output=True)
    out = workdir / "speech.wav"
    ffmpeg("-i", str(raw), "-ar", str(SR), "-ac", "1", "-c:a", "pcm_s16le", str(out))
    return _read_wav(out)


def build_corpus(workdir: Path, clips: list[Clip] | None = None, *, video: bool = True) -> list[Clip]:
    """Render ``clips`` (default :func:`corpus`) in one FluidSynth pass and mux each into ``workdir/NAME.mp4``
    (``video=False``: the WAVs only).

    Clip k's audio starts exactly at its offset in the long render (events
    are placed at offset + their time), so ground-truth times stay exact.
    """
    workdir.mkdir(parents=True, exist_ok=True)
    clips = clips if clips is not None else corpus()
    offsets, events, t = [], [], 0.0
    for clip in clips:
        offsets.append(t)
        events += [(t + et, msg) for et, msg in clip.events]
        t += clip.duration_s + CLIP_GAP_S
    # Reset every channel's program to piano at each clip start so no program leaks between clips.
    events = [(o, bytes([0xC0 | ch, 0])) for o in offsets for ch in range(16) if ch != DRUM_CH and o > 0] + events
    audio = render_midi(events, workdir / "corpus.wav") if events else np.zeros(int(t * SR), np.float32)
    speech = None
    for clip, offset in zip(clips, offsets):
        s0 = int(round(offset * SR))
        samples = np.zeros(int(round(clip.duration_s * SR)), np.float32)
        part = audio[s0 : s0 + samples.size]
        samples[: part.size] = part
        if clip.speech_text:
            speech = speech if speech is not None else speech_samples(clip.speech_text, workdir)
            lead = int(0.4 * SR)
            voice = speech[: samples.size - lead]
            samples[lead : lead + voice.size] += 0.8 * voice / max(float(np.abs(voice).max()), 1e-6)
        peak = float(np.abs(samples).max())
        if peak > 0.98:
            samples *= 0.98 / peak
        clip.wav = _write_wav(workdir / f"{clip.name}.wav", samples)
        if video:
            clip.path = workdir / f"{clip.name}.mp4"
            mux(clip)
    return clips


# ---------------------------------------------------------------- real recordings

SONIC_PI_SAMPLES = Path("/usr/share/sonic-pi/samples")
# Sonic Pi's loops (Debian sonic-pi-samples, CC0 recordings from freesound.org, see the package's
# copyright file) are cut to whole bars, so beats in the loop / its length is the true tempo.
# Beats counted by hand on a plot of each loop's onset strength against a 16-part grid: amen has
# 16 even sixteenths, amen_full four repeats of that bar, breakbeat 8 eighths with the kick and
# snare on the beats, compus and garzul bars of 1.62 s and 2 s with eighths / sixteenths, mika
# 2 s bars accented on their first beat, tabla four 2.67 s cycles of 16 strokes.
REAL_LOOPS = {
    "loop_amen": 4,  # 1.7533 s: 136.89 BPM
    "loop_amen_full": 16,  # 6.8571 s: 139.98 BPM
    "loop_breakbeat": 4,  # 1.9048 s: 126.00 BPM
    "loop_compus": 16,  # 6.4865 s: 147.99 BPM
    "loop_garzul": 16,  # 8.0000 s: 120.00 BPM
    "loop_mika": 16,  # 8.0000 s: 120.00 BPM
    "loop_tabla": 16,  # 10.674 s: 89.94 BPM
    # Issue 11b, counted on the onset peaks of one loop: electric has 16 evenly spaced strokes (0.155 s apart: sixteenths);
    # mehackit1's strokes fall on that same 0.1546 s grid (steps 0, 1, 3, 5-10 of 16); safari's on a 0.125 s grid
    # (0, 0.25, 0.375, 0.75, 1.0, 1.125, ...) whose pattern repeats after 4.0 s, so 0.5 s beats.
    "loop_electric": 4,  # 2.4742 s: 97.00 BPM
    "loop_mehackit1": 4,  # 2.4742 s: 97.00 BPM
    "loop_safari": 16,  # 8.0051 s: 119.92 BPM
    # pygame 2.6.1's example house_lo.wav (scripts/bootstrap.sh extracts it from the wheel): 32 eighths of kick,
    # hat, snare, hat (kick centroid ~190 Hz on eighths 3, 7, ...; the loudest onset, mid ~600 Hz, on 1, 5, ...):
    # kick and snare alternate every 0.444 s, so 16 beats in 7.1049 s.
    "pygame_house_lo": 16,  # 7.1049 s: 135.12 BPM
    # Issue 11t: LMMS's sample loops (Debian lmms-common, GPL-2+; scripts/bootstrap.sh extracts them), beats counted on a
    # plot of each loop's low / mid / high band onsets against a grid of its length / (beats x 4):
    # house_loop01: a kick (low band) on each of 4 grid beats (0, 0.42, 0.85, 1.27 s), an open hat (high) on each "and".
    "lmms_house_loop01": 4,  # 1.6902 s: 142.00 BPM
    # 909beat01: two bars of a drum machine's kick on every beat (0.494 s apart), hats on the "and"s, claps on 2 and 4.
    "lmms_909beat01": 8,  # 3.9519 s: 121.46 BPM
    # jungle01: a breakbeat with a strong onset on each of 8 grid beats 0.347 s apart (two bars; jungle is counted
    # at 160-180 BPM), sixteenth ghost notes between.
    "lmms_jungle01": 8,  # 2.7799 s: 172.67 BPM
    # electro_beat01: exactly 4 s, two 4/4 bars at 120; the strongest onsets on the beats (0.5, 1.5, 2.5, 3.5 s).
    "lmms_electro_beat01": 8,  # 4.0000 s: 120.00 BPM
    # latin_guitar03: a real guitar, strummed on each of 16 grid beats 0.503 s apart (and on some "and"s); played by
    # hand, so it drifts by a few per cent.
    "lmms_latin_guitar03": 16,  # 8.0457 s: 119.32 BPM
    # Issue 11t, session 6 (read once with main's rules and with the session's: both right), counted alike:
    # electro_beat02: exactly 2 s (one bar of electro_beat01's 120), onsets on every eighth (0.25 s).
    "lmms_electro_beat02": 4,  # 2.0000 s: 120.00 BPM
    # tb303_01: an acid bass line alone, a note on most of 32 sixteenths (0.1203 s apart: 0, 0.12, 0.25, 0.37, ...).
    "lmms_tb303_01": 8,  # 3.8480 s: 124.74 BPM
    # techno_synth01: a synth alone, three sixteenths (0.107 s apart) starting every 0.428 s (each beat), 8 times.
    "lmms_techno_synth01": 8,  # 3.4220 s: 140.27 BPM
    # techno_synth03: a synth alone on the eighths of a 16-step grid (0.2286 s), its low notes on every other (beats).
    "lmms_techno_synth03": 8,  # 3.6571 s: 131.25 BPM
    # briff01: a bass riff with a high onset on each of 16 sixteenths (0.108 s apart): one bar.
    "lmms_briff01": 4,  # 1.7319 s: 138.58 BPM
    # Sonic Pi's loop_industrial: a kick at 0 and at half the loop (0.435 s), hats on the sixteenths (0.11 s) between.
    "loop_industrial": 2,  # 0.8838 s: 135.78 BPM
    # Sonic Pi's loop_mehackit2: onsets on steps 2, 3, 6, 8, 10, 12 of a 16-step grid (0.1546 s), the grid of
    # mehackit1 and electric (and of loop_drone_g_97, named for its 97 BPM): 4 beats.
    "loop_mehackit2": 4,  # 2.4742 s: 97.00 BPM
}
# Loops that are not Sonic Pi's: where scripts/bootstrap.sh puts them.
_REFERENCE = Path(__file__).resolve().parent.parent / ".cache/reference"
REAL_LOOP_FILES = {"pygame_house_lo": _REFERENCE / "pygame_house_lo.wav"} | {n: _REFERENCE / f"{n}.ogg" for n in REAL_LOOPS if n.startswith("lmms_")}


def real_loop_source(name: str) -> Path:
    """The audio file of the real loop ``name`` (:data:`REAL_LOOPS`); it may be missing (see :func:`missing_tools`)."""
    return REAL_LOOP_FILES.get(name, SONIC_PI_SAMPLES / f"{name}.flac")


def real_loop_clip(name: str, workdir: Path, *, min_duration_s: float = 9.0) -> Clip:
    """A real loop (:func:`real_loop_source`) repeated to at least ``min_duration_s`` and muxed into an MP4; its tempo from its length."""
    workdir.mkdir(parents=True, exist_ok=True)
    wav = workdir / f"{name}.wav"
    ffmpeg("-i", str(real_loop_source(name)), "-ac", "1", "-ar", str(SR), "-c:a", "pcm_s16le", str(wav))
    loop = _read_wav(wav)
    loop_s = loop.size / SR
    reps = int(np.ceil(min_duration_s / loop_s))
    clip = Clip(name, loop_s * reps, tempo_bpm=60.0 * REAL_LOOPS[name] / loop_s, kind="real")
    clip.wav = _write_wav(workdir / f"{name}_x{reps}.wav", np.tile(loop, reps))
    clip.path = workdir / f"{name}.mp4"
    mux(clip)
    return clip


def mux(clip: Clip) -> None:
    """Wrap ``clip.wav`` under a still test picture into ``clip.path`` (H.264 + AAC), so the real decoder path is tested."""
    mux_wav(f"{PICTURE}:d={clip.duration_s}", clip.wav, clip.path, clip.duration_s)


# ---------------------------------------------------------------- scoring


def hit_results(clip: Clip, frame_t: np.ndarray, primitive: np.ndarray) -> list[tuple[float, str, str]]:
    """``(onset s, truth, answer)`` per drum hit: right when the onset frame or the next says the drum."""
    out = []
    for t, truth in clip.hits:
        k = int(np.searchsorted(frame_t, t, side="right") - 1)
        said = [str(p) for p in primitive[max(k, 0) : k + 2]]
        out.append((t, truth, truth if truth in said else (said[0] if said else "")))
    return out


def segment_results(clip: Clip, frame_t: np.ndarray, primitive: np.ndarray) -> list[tuple[float, str, str]]:
    """``(start s, truth, answer)`` per tonal segment: the answer is the primitive most of its frames have (a tie goes to
    the one heard first: a set's order would change with PYTHONHASHSEED, and with it the scores, from run to run)."""
    out = []
    for s0, s1, truth in clip.segments:
        said = [str(p) for p in primitive[(frame_t >= s0) & (frame_t < s1)]]
        out.append((s0, truth, Counter(said).most_common(1)[0][0] if said else ""))
    return out


# ---------------------------------------------------------------- tempo corpus (issue 11b)

# Drum patterns: one bar as (position in beats, [drums]); ``beats`` per bar. A 6/8 bar is two dotted-quarter
# beats of three eighths each (its tempo is the dotted quarter's, as musicians count it above ~60 BPM).
DRUM_PATTERNS: dict[str, tuple[int, list[tuple[float, list[str]]]]] = {
    # kick 1 and 3, snare 2 and 4, closed hi-hat eighths (the plain rock beat)
    "rock": (4, [(b + h, ["hihat"] + (["kick"] if b in (0, 2) and h == 0 else ["snare"] if h == 0 else [])) for b in range(4) for h in (0.0, 0.5)]),
    # waltz: kick on 1, snare on 2 and 3, hi-hat eighths
    "waltz": (3, [(b + h, ["hihat"] + (["kick"] if b == 0 and h == 0 else ["snare"] if h == 0 else [])) for b in range(3) for h in (0.0, 0.5)]),
    # sixteenth hi-hats, syncopated kick (1, the "and" of 2, 3), snare 2 and 4
    "dense": (4, [(q / 4, ["hihat"] + (["kick"] if q in (0, 6, 8) else ["snare"] if q in (4, 12) else [])) for q in range(16)]),
    # no hi-hat: kick 1 and 3, snare 2 and 4 only
    "sparse": (4, [(0.0, ["kick"]), (1.0, ["snare"]), (2.0, ["kick"]), (3.0, ["snare"])]),
    # 6/8: hi-hat every eighth, kick on the first dotted quarter, snare on the second
    "six8": (2, [(e / 3, ["hihat"] + (["kick"] if e == 0 else ["snare"] if e == 3 else [])) for e in range(6)]),
    # held out: four on the floor, off-beat hi-hats, clap on 2 and 4
    "floor": (4, [(float(b), ["kick"] + (["clap"] if b in (1, 3) else [])) for b in range(4)] + [(b + 0.5, ["hihat"]) for b in range(4)]),
    # held out: kick 1 and the "and" of 2 and 3, rim-like clap on 2 and 4, hi-hat quarters
    "funk": (4, [(0.0, ["kick", "hihat"]), (1.0, ["clap", "hihat"]), (1.5, ["kick"]), (2.0, ["hihat"]), (2.5, ["kick"]), (3.0, ["clap", "hihat"])]),
    # second held-out set: shuffle (hi-hat on every triplet eighth, kick 1 and 3, snare 2 and 4)
    "shuffle": (4, [(b + k / 3, ["hihat"] + (["kick"] if b in (0, 2) and k == 0 else ["snare"] if k == 0 else [])) for b in range(4) for k in range(3)]),
    # second held-out set: bossa (kick 1, "and" of 2, 3, "and" of 4; 3-2 son clave on the clap; hi-hat eighths)
    "bossa": (
        4,
        [(b + h, ["hihat"] + (["kick"] if b + h in (0.0, 1.5, 2.0, 3.5) else []) + (["clap"] if b + h in (0.0, 1.5, 2.5, 3.0) else [])) for b in range(4) for h in (0.0, 0.5)] + [(0.75, ["clap"])],
    ),
}


# Issue 11c, for held_out_4 (drums not used before: rim shot, open hi-hat, ride cymbal, low tom).
DRUM_PATTERNS |= {
    # disco: kick on every beat, open hi-hat on every off-beat, rim shot on 2 and 4
    "disco": (4, [(float(b), ["kick"] + (["rim"] if b in (1, 3) else [])) for b in range(4)] + [(b + 0.5, ["openhat"]) for b in range(4)]),
    # jazz ride: ride on 1, 2, the "and" of 2, 3, 4, the "and" of 4; kick 1 and 3; rim 2 and 4
    "ride": (4, [(0.0, ["ride", "kick"]), (1.0, ["ride", "rim"]), (1.5, ["ride"]), (2.0, ["ride", "kick"]), (3.0, ["ride", "rim"]), (3.5, ["ride"])]),
    # tom groove: kick 1 and 3, low tom 2 and 4, ride eighths
    "toms": (4, [(b + h, ["ride"] + (["kick"] if b in (0, 2) and h == 0 else ["tom"] if h == 0 else [])) for b in range(4) for h in (0.0, 0.5)]),
}


# Issue 11t, for held_out_5 (patterns, meters and drums no split had before: 2/4 and 5/4, shaker, tambourine, cowbell, conga).
DRUM_PATTERNS |= {
    # boom bap: kick 1 and the "and" of 3, snare 2 and 4, hi-hat eighths
    "boombap": (4, [(b + h, ["hihat"] + (["kick"] if b + h in (0.0, 2.5) else ["snare"] if h == 0 and b in (1, 3) else [])) for b in range(4) for h in (0.0, 0.5)]),
    # march in 2/4: kick and tambourine on 1, snare on 2 and on both off-beats, tambourine on 2
    "march": (2, [(0.0, ["kick", "tambourine"]), (0.5, ["snare"]), (1.0, ["snare", "tambourine"]), (1.5, ["snare"])]),
    # 5/4: kick on 1 and 4, snare on 3 and 5, hi-hat eighths
    "five": (5, [(b + h, ["hihat"] + (["kick"] if h == 0 and b in (0, 3) else ["snare"] if h == 0 and b in (2, 4) else [])) for b in range(5) for h in (0.0, 0.5)]),
    # dembow: kick on every beat, snare on the sixteenth before 2 and on the "and" of 2 (and again in the bar's second half)
    "dembow": (4, [(float(b), ["kick"]) for b in range(4)] + [(0.75, ["snare"]), (1.5, ["snare"]), (2.75, ["snare"]), (3.5, ["snare"])]),
    # drum and bass two-step: kick 1 and the "and" of 3, snare 2 and 4, shaker sixteenths
    "dnb": (4, [(q / 4, ["shaker"] + (["kick"] if q in (0, 10) else ["snare"] if q in (4, 12) else [])) for q in range(16)]),
    # cha-cha: cowbell on every beat, kick on 1, conga on 4 and its "and"
    "chacha": (4, [(float(b), ["cowbell"] + (["kick"] if b == 0 else ["conga"] if b == 3 else [])) for b in range(4)] + [(3.5, ["conga"])]),
}


def pattern_clip(name: str, bpm: float, pattern: str, *, swing: float = 0.5, min_s: float = 8.0, accompaniment: bool | str = False, drums: bool = True) -> Clip:
    """A clip of whole bars of ``pattern`` (:data:`DRUM_PATTERNS`) at ``bpm`` (the beat the pattern counts), at least ``min_s`` long.

    ``swing`` moves every off-beat eighth to that fraction of its beat (2/3: triplet swing).
    ``accompaniment`` adds a bass note on every beat and a piano chord on every bar (True or "piano"; another key of
    :data:`ACCOMPANIMENTS` names another arrangement); ``drums=False`` leaves only that accompaniment (drumless music).
    """
    beats, bar = DRUM_PATTERNS[pattern]
    beat = 60.0 / bpm
    bars = int(np.ceil(min_s / (beats * beat)))
    start = 0.25
    hits = []
    for k in range(bars):
        # A pattern with a fill (:data:`FILLS`, issue 11t): its fill bar ends every 4 bars, a crash starts the next.
        fill = pattern in FILLS and k % 4 == 3
        for pos, names in FILLS[pattern] if fill else bar + ([(0.0, ["crash"])] if pattern in FILLS and k and k % 4 == 0 else []):
            whole, frac = divmod(pos, 1.0)
            frac = swing if abs(frac - 0.5) < 1e-9 else frac
            hits.append((round(start + (k * beats + whole + frac) * beat, 4), list(names)))
    # the truth: the quarter, or an uneven metre's mean beat (issue 11t, session 14: :func:`true_tempo`)
    clip = drum_clip(name, hits if drums else [], start + bars * beats * beat + 1.0, tempo_bpm=true_tempo(bpm, pattern, drums=drums))
    if drums and pattern in PATTERN_KITS:  # issue 11t, session 9: the pattern's GM kit (program of the drum channel)
        clip.events.insert(0, program(DRUM_CH, PATTERN_KITS[pattern], 0.0))
    if not drums:
        clip.hits = []
    if accompaniment or not drums:
        clip.kind = "band"
        style = accompaniment if isinstance(accompaniment, str) else "piano"
        (bass, keys), bar_events = ACCOMPANIMENTS[style]
        clip.events += [program(1, bass, 0.0), program(2, keys, 0.0)]
        for k in range(bars):
            clip.events += bar_events(k, start + k * beats * beat, beats, beat, swing)
    return clip


ROOTS = [40, 45, 41, 43]  # E, A, F, G: a bar's bass root (MIDI), cycling


def _piano_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """A finger bass note on every beat (the fifth on the last) and a piano chord held over the bar."""
    ev: list[tuple[float, bytes]] = []
    for b in range(beats):
        ev += note(1, ROOTS[k % 4] + (7 if b == beats - 1 else 0), t_bar + b * beat, t_bar + (b + 0.9) * beat, 95)
    for p in TRIADS[k % len(TRIADS)]:
        ev += note(2, p, t_bar, t_bar + beats * beat * 0.95, 70)
    return ev


def _walking_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t: a walking acoustic bass (a new note every beat: root, third, fifth, a step up) and short piano chords
    on the beats after the first (jazz comping)."""
    ev: list[tuple[float, bytes]] = []
    steps = [0, 4, 7, 9, 11]
    for b in range(beats):
        ev += note(1, ROOTS[k % 4] + steps[b % len(steps)], t_bar + b * beat, t_bar + (b + 0.85) * beat, 100)
        if b > 0 and b % 2 == 1:
            for p in TRIADS[k % len(TRIADS)]:
                ev += note(2, p, t_bar + b * beat, t_bar + (b + 0.3) * beat, 75)
    return ev


def _arpeggio_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t: a nylon guitar arpeggio, a low chord tone on each beat and a high one on each off-beat (at
    ``swing``), over a fretless bass note held for the bar."""
    ev: list[tuple[float, bytes]] = []
    ev += note(1, ROOTS[k % 4], t_bar, t_bar + beats * beat * 0.95, 90)
    chord = TRIADS[k % len(TRIADS)]
    for b in range(beats):
        ev += note(2, chord[0] - 12 + (7 if b % 2 else 0), t_bar + b * beat, t_bar + (b + swing) * beat, 95)
        ev += note(2, chord[(b % 2) + 1], t_bar + (b + swing) * beat, t_bar + (b + 1) * beat, 80)
    return ev


def _oompah_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t: a tuba on the bar's first beat (and the middle one of a 4/4 bar), short accordion chords on the others."""
    ev: list[tuple[float, bytes]] = []
    for b in range(beats):
        if b == 0 or (beats == 4 and b == 2):
            ev += note(1, ROOTS[k % 4] - 12 + (7 if b else 0), t_bar + b * beat, t_bar + (b + 0.7) * beat, 100)
        else:
            for p in TRIADS[k % len(TRIADS)]:
                ev += note(2, p, t_bar + b * beat, t_bar + (b + 0.4) * beat, 80)
    return ev


def _strings_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t: pizzicato strings on every beat (bass root, then chord tones) under a string ensemble holding the chord."""
    ev: list[tuple[float, bytes]] = []
    chord = TRIADS[k % len(TRIADS)]
    for b in range(beats):
        ev += note(1, ROOTS[k % 4] + 12 if b == 0 else chord[b % 3] - 12, t_bar + b * beat, t_bar + (b + 0.5) * beat, 100)
    for p in chord:
        ev += note(2, p, t_bar, t_bar + beats * beat * 0.98, 60)
    return ev


# An accompaniment: the GM programs of channels 1 and 2, and its bar k (0-based, starting at t_bar s) as MIDI events.
ACCOMPANIMENTS = {
    "piano": ((FINGER_BASS, PIANO), _piano_bar),
    "walking": ((32, PIANO), _walking_bar),  # acoustic bass
    "arpeggio": ((35, NYLON_GUITAR), _arpeggio_bar),  # fretless bass
    "oompah": ((58, 21), _oompah_bar),  # tuba, accordion
    "strings": ((PIZZICATO, 48), _strings_bar),  # string ensemble 1
}


# Tempos and patterns tuned on ("tune") and kept apart ("held_out": other tempos, two other patterns and a
# different mix of swing and accompaniment), so the tempo rules can be judged on cases they were not set on.
TEMPO_SPLITS: dict[str, list[tuple[float, str, float, bool | str, bool]]] = {
    # (bpm, pattern, swing, accompaniment, drums)
    "tune": [
        (60, "rock", 0.5, False, True),
        (65, "sparse", 0.5, False, True),
        (70, "six8", 0.5, False, True),
        (76, "dense", 0.5, True, True),
        (82, "waltz", 0.5, False, True),
        (88, "rock", 2 / 3, False, True),
        (95, "six8", 0.5, True, True),
        (102, "rock", 0.5, True, False),
        (108, "sparse", 0.5, True, True),
        (115, "dense", 0.5, False, True),
        (122, "waltz", 0.5, True, False),
        (130, "rock", 2 / 3, True, True),
        (136, "dense", 0.5, False, True),
        (144, "waltz", 0.5, False, True),
        (155, "rock", 0.5, False, True),
        (162, "sparse", 0.5, False, True),
        (170, "rock", 0.5, True, False),
        (176, "waltz", 2 / 3, False, True),
    ],
    "held_out": [
        (62, "floor", 0.5, False, True),
        (68, "waltz", 2 / 3, True, True),
        (74, "funk", 0.5, False, True),
        (79, "six8", 0.5, False, True),
        (86, "floor", 0.5, True, True),
        (92, "dense", 2 / 3, False, True),
        (99, "funk", 0.5, True, True),
        (105, "six8", 0.5, False, True),
        (112, "waltz", 0.5, False, False),
        (118, "floor", 0.5, False, True),
        (126, "sparse", 0.5, False, False),
        (133, "funk", 2 / 3, False, True),
        (140, "rock", 0.5, False, False),
        (148, "floor", 0.5, True, True),
        (158, "dense", 0.5, True, True),
        (166, "funk", 0.5, False, True),
        (174, "sparse", 0.5, True, True),
        (180, "floor", 0.5, False, True),
    ],
    # Made after the first reading of "held_out" (which had steered a change): read once, at the end.
    "held_out_2": [
        (64, "shuffle", 0.5, False, True),
        (71, "bossa", 0.5, True, True),
        (77, "rock", 0.5, True, True),
        (83, "sparse", 0.5, False, True),
        (90, "shuffle", 0.5, True, True),
        (97, "waltz", 0.5, True, True),
        (103, "bossa", 0.5, False, True),
        (109, "six8", 0.5, False, False),
        (114, "funk", 0.5, True, True),
        (120, "shuffle", 0.5, False, True),
        (124, "floor", 0.5, False, False),
        (131, "bossa", 0.5, True, True),
        (137, "waltz", 2 / 3, False, True),
        (143, "dense", 0.5, False, False),
        (152, "shuffle", 0.5, False, True),
        (160, "rock", 2 / 3, False, True),
        (168, "bossa", 0.5, False, True),
        (178, "sparse", 0.5, False, True),
    ],
    # Made once the rules were frozen, after "held_out" and "held_out_2" had steered changes: read once, at the end.
    "held_out_3": [
        (61, "waltz", 0.5, False, True),
        (67, "dense", 0.5, True, True),
        (73, "rock", 2 / 3, True, True),
        (80, "funk", 0.5, False, True),
        (87, "bossa", 0.5, False, True),
        (94, "sparse", 0.5, True, False),
        (101, "floor", 0.5, True, True),
        (107, "shuffle", 0.5, True, True),
        (113, "six8", 0.5, True, True),
        (119, "rock", 0.5, False, True),
        (127, "waltz", 2 / 3, True, True),
        (134, "dense", 0.5, False, True),
        (141, "funk", 0.5, True, False),
        (149, "sparse", 0.5, False, True),
        (157, "waltz", 0.5, False, True),
        (164, "floor", 0.5, False, True),
        (171, "dense", 2 / 3, False, True),
        (177, "rock", 0.5, False, True),
    ],
}


# Issue 11c: made before the band-split accents were tried and read once, after they were frozen (tempos no other
# split has; three drum patterns and four drums no other split has).
TEMPO_SPLITS["held_out_4"] = [
    (63, "disco", 0.5, False, True),
    (69, "toms", 0.5, True, True),
    (75, "ride", 2 / 3, False, True),
    (84, "disco", 0.5, True, True),
    (91, "waltz", 0.5, True, False),
    (98, "ride", 2 / 3, True, True),
    (104, "toms", 0.5, False, True),
    (110, "shuffle", 0.5, False, True),
    (116, "disco", 0.5, False, True),
    (123, "six8", 0.5, True, True),
    (129, "toms", 0.5, True, True),
    (138, "funk", 0.5, False, False),
    (146, "ride", 2 / 3, False, True),
    (153, "disco", 0.5, True, True),
    (161, "dense", 0.5, True, True),
    (167, "toms", 2 / 3, False, True),
    (173, "rock", 0.5, False, True),
    (179, "disco", 0.5, False, True),
]


# Issue 11t, for held_out_6 (two patterns no split had before).
DRUM_PATTERNS |= {
    # gallop: a kick on each beat and its "and" and "a" (eighth + two sixteenths), snare 2 and 4, ride on every beat
    "gallop": (4, [(b + q, ["kick"] + (["ride"] if q == 0 else []) + (["snare"] if q == 0 and b in (1, 3) else [])) for b in range(4) for q in (0.0, 0.5, 0.75)]),
    # tresillo: kicks 3 + 3 + 2 sixteenths (0, 0.75, 1.5 of each half bar), snare 2 and 4, hi-hat eighths
    "tresillo": (
        4,
        [(b + h, ["hihat"] + (["kick"] if b + h in (0.0, 2.0) else []) + (["snare"] if h == 0 and b in (1, 3) else [])) for b in range(4) for h in (0.0, 0.5)]
        + [(0.75, ["kick"]), (1.5, ["kick"]), (2.75, ["kick"]), (3.5, ["kick"])],
    ),
}


# Issue 11t: made before any 11t rule was tried and read once with the 11c rules (tempos no other split has, 55–190 BPM;
# 2/4 and 5/4; new drum patterns and four accompaniments no split had; five drumless clips).
TEMPO_SPLITS["held_out_5"] = [
    (56, "rock", 0.5, "arpeggio", False),
    (66, "boombap", 2 / 3, False, True),
    (72, "waltz", 0.5, "oompah", False),
    (78, "dembow", 0.5, "strings", True),
    (85, "boombap", 0.5, "walking", True),
    (93, "march", 0.5, False, True),
    (106, "five", 0.5, "walking", True),
    (111, "chacha", 0.5, True, True),
    (117, "rock", 2 / 3, "walking", False),
    (125, "dembow", 0.5, False, True),
    (135, "five", 2 / 3, False, True),
    (142, "march", 0.5, "oompah", False),
    (147, "dnb", 0.5, "strings", True),
    (154, "chacha", 0.5, False, True),
    (163, "waltz", 0.5, "strings", False),
    (172, "dnb", 0.5, False, True),
    (183, "rock", 0.5, "arpeggio", True),
    (189, "waltz", 2 / 3, "oompah", True),
]


# Issue 11t: made after the 11t rules were frozen and read once (tempos no split and no older groove has, some between
# whole BPM; two new patterns; new mixes of pattern, swing and accompaniment; four drumless clips).
TEMPO_SPLITS["held_out_6"] = [
    (57, "sparse", 0.5, "strings", True),
    (59, "waltz", 0.5, "arpeggio", False),
    (66.5, "tresillo", 0.5, "walking", True),
    (74.5, "five", 0.5, "oompah", False),
    (81, "dense", 2 / 3, "arpeggio", True),
    (89, "gallop", 0.5, False, True),
    (97.5, "six8", 0.5, "walking", True),
    (106.5, "march", 2 / 3, False, True),
    (115.5, "tresillo", 0.5, False, True),
    (121, "shuffle", 0.5, "strings", False),
    (132, "ride", 0.5, "oompah", True),
    (139, "boombap", 0.5, "arpeggio", True),
    (145, "toms", 0.5, "walking", True),
    (151, "gallop", 0.5, True, True),
    (159, "disco", 0.5, "strings", True),
    (169, "chacha", 0.5, "walking", True),
    (181, "rock", 2 / 3, "walking", False),
    (188, "tresillo", 0.5, "oompah", True),
]


# Issue 11t: made after held_out_6 was read and one more rule was changed on it (a beat in any one band passes the
# gate): read once (tempos between whole BPM no split has; new mixes; four drumless clips).
TEMPO_SPLITS["held_out_7"] = [
    (55, "waltz", 0.5, "strings", True),
    (58, "rock", 2 / 3, "oompah", False),
    (63.5, "gallop", 0.5, "arpeggio", True),
    (70.5, "six8", 0.5, "strings", False),
    (77.5, "tresillo", 0.5, True, True),
    (85.5, "five", 2 / 3, "arpeggio", True),
    (92.5, "chacha", 0.5, "oompah", True),
    (101.5, "dnb", 0.5, "walking", True),
    (109.5, "waltz", 2 / 3, "walking", False),
    (118.5, "disco", 0.5, "arpeggio", True),
    (126.5, "march", 0.5, "strings", True),
    (135.5, "sparse", 2 / 3, "oompah", True),
    (143.5, "boombap", 2 / 3, False, True),
    (154.5, "dembow", 0.5, "walking", True),
    (162.5, "five", 0.5, "arpeggio", False),
    (171.5, "gallop", 0.5, "strings", True),
    (182, "funk", 0.5, "walking", True),
    (186, "tresillo", 2 / 3, False, True),
]


# Issue 11t, session 5, for held_out_8 (made before any session-5 rule was tried; patterns, drums, meters,
# accompaniments and tempos no split had, fills every 4 bars; four drumless clips).
DRUM_PATTERNS |= {
    # reggae one drop: hi-hat eighths, kick and rim shot together on beat 3 only
    "onedrop": (4, [(b + h, ["hihat"]) for b in range(4) for h in (0.0, 0.5)] + [(2.0, ["kick", "rim"])]),
    # samba in 2/4: shaker sixteenths, kick on both beats, the surdo (floor tom) on 2, rim on the "a" of 1 and "and" of 2
    "samba": (2, [(q / 4, ["shaker"] + (["kick"] if q in (0, 4) else []) + (["floortom"] if q == 4 else [])) for q in range(8)] + [(0.75, ["rim"]), (1.5, ["rim"])]),
    # 7/4 counted 4 + 3: hi-hat eighths, kick on 1 and 5, snare on 3 and 6
    "seven": (7, [(b + h, ["hihat"] + (["kick"] if h == 0 and b in (0, 4) else ["snare"] if h == 0 and b in (2, 5) else [])) for b in range(7) for h in (0.0, 0.5)]),
    # slow 12/8 blues: ride on every triplet eighth, kick on 1 and the last triplet of 2, snare on 2 and 4
    "twelve8": (4, [(b + k / 3, ["ride"] + (["kick"] if (b, k) in ((0, 0), (1, 2), (2, 0)) else []) + (["snare"] if k == 0 and b in (1, 3) else [])) for b in range(4) for k in range(3)]),
    # train beat: snare on every sixteenth, clap on 2 and 4, kick on 1 and 3
    "trainbeat": (4, [(q / 4, ["snare"] + (["kick"] if q in (0, 8) else []) + (["clap"] if q in (4, 12) else [])) for q in range(16)]),
    # breakbeat: hi-hat eighths, kick on 1, the "a" of 2 and the "and" of 3, snare on 2 and 4, a woodblock on the "e" of 4
    "breakfill": (
        4,
        [(b + h, ["hihat"] + (["kick"] if b + h in (0.0, 2.5) else ["snare"] if h == 0 and b in (1, 3) else [])) for b in range(4) for h in (0.0, 0.5)] + [(1.75, ["kick"]), (3.25, ["woodblock"])],
    ),
    # rock with a crash and a fill: kick 1 and 3, snare 2 and 4, hi-hat quarters, a triangle on each "and"
    "rockfill": (4, [(float(b), ["hihat"] + (["kick"] if b in (0, 2) else ["snare"])) for b in range(4)] + [(b + 0.5, ["triangle"]) for b in range(4)]),
}
# A pattern's fill bar (issue 11t, session 5): every 4th bar, toms in sixteenths on the last two beats (bongos and claves
# on the breakbeat's).
FILLS: dict[str, list[tuple[float, list[str]]]] = {
    "rockfill": [(0.0, ["kick", "hihat"]), (1.0, ["snare", "hihat"])] + [(2 + q / 4, ["hitom" if q < 4 else "floortom"]) for q in range(8)],
    "breakfill": [(0.0, ["kick", "hihat"]), (0.5, ["hihat"]), (1.0, ["snare", "hihat"]), (1.5, ["hihat"])] + [(2 + q / 4, ["bongo" if q % 2 else "claves"]) for q in range(8)],
}


def _skank_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 5: reggae: short organ chords on every off-beat (at ``swing``), a picked bass on 1 and the "and" of 2."""
    ev: list[tuple[float, bytes]] = []
    for b in range(beats):
        for p in TRIADS[k % len(TRIADS)]:
            ev += note(2, p, t_bar + (b + swing) * beat, t_bar + (b + swing + 0.25) * beat, 80)
    ev += note(1, ROOTS[k % 4], t_bar, t_bar + 1.2 * beat, 100)
    ev += note(1, ROOTS[k % 4] + 7, t_bar + 1.5 * beat, t_bar + 2.2 * beat, 90)
    return ev


def _synth_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 5: a synth bass on every eighth (root and octave alternating, at ``swing``) under a warm pad."""
    ev: list[tuple[float, bytes]] = []
    for b in range(beats):
        ev += note(1, ROOTS[k % 4], t_bar + b * beat, t_bar + (b + 0.4) * beat, 100)
        ev += note(1, ROOTS[k % 4] + 12, t_bar + (b + swing) * beat, t_bar + (b + swing + 0.4) * beat, 85)
    for p in TRIADS[k % len(TRIADS)]:
        ev += note(2, p, t_bar, t_bar + beats * beat * 0.98, 65)
    return ev


def _brass_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 5: slap bass on 1, the "a" of 1 and the "and" of 2; brass stabs on the "and" of 2 and on 4."""
    ev: list[tuple[float, bytes]] = []
    for pos in (0.0, 0.75, 1.5):
        if pos < beats:
            ev += note(1, ROOTS[k % 4] + (12 if pos else 0), t_bar + pos * beat, t_bar + (pos + 0.3) * beat, 100)
    for pos in (1.5, beats - 1.0):
        for p in TRIADS[k % len(TRIADS)]:
            ev += note(2, p, t_bar + pos * beat, t_bar + (pos + 0.3) * beat, 90)
    return ev


def _harp_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 5: a harp arpeggio up the chord on every eighth (at ``swing``) over a contrabass held for the bar."""
    ev: list[tuple[float, bytes]] = []
    chord = TRIADS[k % len(TRIADS)]
    ev += note(1, ROOTS[k % 4], t_bar, t_bar + beats * beat * 0.95, 85)
    for b in range(beats):
        ev += note(2, chord[(2 * b) % len(chord)], t_bar + b * beat, t_bar + (b + 1) * beat, 90)
        ev += note(2, chord[(2 * b + 1) % len(chord)] + 12, t_bar + (b + swing) * beat, t_bar + (b + 1) * beat, 75)
    return ev


def _rhodes_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 5: electric-piano chords on every beat, the last one pushed to the "and" before; a contrabass on 1."""
    ev: list[tuple[float, bytes]] = []
    for b in range(beats):
        t = t_bar + (b - (1 - swing) if b == beats - 1 else b) * beat
        for p in TRIADS[k % len(TRIADS)]:
            ev += note(2, p, t, t + 0.6 * beat, 70)
    ev += note(1, ROOTS[k % 4], t_bar, t_bar + 1.8 * beat, 95)
    return ev


def _stride_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 5: stride piano: a low bass note on the odd beats, a chord in the middle on the even ones."""
    ev: list[tuple[float, bytes]] = []
    for b in range(beats):
        if b % 2 == 0:
            ev += note(1, ROOTS[k % 4] - 12 + (7 if b % 4 == 2 else 0), t_bar + b * beat, t_bar + (b + 0.5) * beat, 95)
        else:
            for p in TRIADS[k % len(TRIADS)]:
                ev += note(2, p - 12, t_bar + b * beat, t_bar + (b + 0.4) * beat, 85)
    return ev


ACCOMPANIMENTS |= {
    "skank": ((PICK_BASS, 16), _skank_bar),  # drawbar organ
    "synth": ((39, WARM_PAD), _synth_bar),  # synth bass 2
    "brass": ((36, 61), _brass_bar),  # slap bass 1, brass section
    "harp": ((43, HARP), _harp_bar),  # contrabass
    "rhodes": ((43, 4), _rhodes_bar),  # electric piano 1
    "stride": ((PIANO, PIANO), _stride_bar),
}


TEMPO_SPLITS["held_out_8"] = [
    (55.5, "twelve8", 0.5, "rhodes", True),
    (61.5, "onedrop", 2 / 3, "skank", True),
    (64.5, "seven", 0.5, "harp", False),
    (71.5, "breakfill", 0.5, "synth", True),
    (76.5, "samba", 0.5, False, True),
    (79.5, "waltz", 2 / 3, "harp", False),
    (88.5, "rockfill", 2 / 3, "brass", True),
    (96.5, "samba", 0.5, "brass", True),
    (102.5, "twelve8", 0.5, False, True),
    (112.5, "seven", 0.5, "synth", True),
    (124.5, "rock", 0.5, "stride", False),
    (131.5, "breakfill", 2 / 3, "skank", True),
    (138.5, "trainbeat", 0.5, "rhodes", True),
    (146.5, "dense", 0.5, "synth", False),
    (156.5, "rockfill", 0.5, "harp", True),
    (166.5, "samba", 0.5, "stride", True),
    (177.5, "trainbeat", 0.5, False, True),
    (197.5, "rockfill", 0.5, "skank", True),
]


# Issue 11t, session 5, for held_out_9 (made after the session's rules were frozen: five patterns, five
# accompaniments and five drums no split had; read once).
DRUM_PATTERNS |= {
    # polka in 2/4: kick on the beats, snare and pedal hi-hat on the off-beats
    "polka": (2, [(0.0, ["kick"]), (0.5, ["snare", "pedalhat"]), (1.0, ["kick"]), (1.5, ["snare", "pedalhat"])]),
    # bembe 12/8 (four dotted-quarter beats of three triplet eighths): the 7-stroke bell on the ride bell, a kick on every beat
    "bembe": (
        4,
        [
            (k / 3, (["ridebell"] if k in (0, 2, 4, 5, 7, 9, 11) else []) + (["kick"] if k % 3 == 0 else []) + (["hibongo"] if k in (2, 8) else []))
            for k in range(12)
            if k in (0, 2, 3, 4, 5, 6, 7, 8, 9, 11)
        ],
    ),
    # motown: snare and tambourine on every beat, kick on 1, the "and" of 2 and 3, hi-hat on the "and"s
    "motown": (4, [(float(b), ["snare", "tambourine"] + (["kick"] if b in (0, 2) else [])) for b in range(4)] + [(b + 0.5, ["hihat"] + (["kick"] if b == 1 else [])) for b in range(4)]),
    # bolero: kick on 1 and 3, a bongo triplet on 1, bongos on 3 and the "and" of 4, conga on 2 and 4
    "bolero": (4, [(0.0, ["kick", "hibongo"]), (1 / 3, ["hibongo"]), (2 / 3, ["hibongo"]), (1.0, ["conga"]), (2.0, ["kick", "hibongo"]), (3.0, ["conga"]), (3.5, ["hibongo"])]),
    # surf: floor tom on every eighth, kick 1 and 3, snare 2 and 4, agogo on the "and" of 4
    "surf": (4, [(b + h, ["floortom"] + (["kick"] if h == 0 and b in (0, 2) else ["snare"] if h == 0 else [])) for b in range(4) for h in (0.0, 0.5)] + [(3.5, ["agogo"])]),
}
FILLS["surf"] = [(0.0, ["kick", "floortom"]), (1.0, ["snare", "floortom"])] + [(2 + q / 4, ["timbale"]) for q in range(8)]


def _organ_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 5: an organ chord held over the bar, a slap bass on the odd beats (1 and 3)."""
    ev: list[tuple[float, bytes]] = []
    for p in TRIADS[k % len(TRIADS)]:
        ev += note(2, p, t_bar, t_bar + beats * beat * 0.97, 70)
    for b in range(0, beats, 2):
        ev += note(1, ROOTS[k % 4] + (7 if b % 4 == 2 else 0), t_bar + b * beat, t_bar + (b + 0.8) * beat, 100)
    return ev


def _strum_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 5: a steel guitar strummed down on each beat and up on each "and" (at ``swing``; strings 12 ms
    apart), a picked bass on 1."""
    ev: list[tuple[float, bytes]] = []
    chord = [p - 12 for p in TRIADS[k % len(TRIADS)]] + [TRIADS[k % len(TRIADS)][0]]
    for b in range(beats):
        for i, p in enumerate(chord):
            ev += note(2, p, t_bar + b * beat + 0.012 * i, t_bar + (b + swing) * beat, 90)
        for i, p in enumerate(reversed(chord)):
            ev += note(2, p, t_bar + (b + swing) * beat + 0.012 * i, t_bar + (b + 1) * beat, 60)
    ev += note(1, ROOTS[k % 4], t_bar, t_bar + 0.9 * beat, 95)
    return ev


def _marimba_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 5: a marimba ostinato on every eighth (chord tones up and down, at ``swing``), an acoustic bass on 1."""
    ev: list[tuple[float, bytes]] = []
    chord = TRIADS[k % len(TRIADS)]
    tones = [chord[0], chord[1], chord[2], chord[1]]
    for b in range(beats):
        ev += note(2, tones[(2 * b) % 4], t_bar + b * beat, t_bar + (b + swing) * beat, 85)
        ev += note(2, tones[(2 * b + 1) % 4] + 12, t_bar + (b + swing) * beat, t_bar + (b + 1) * beat, 70)
    ev += note(1, ROOTS[k % 4], t_bar, t_bar + 0.9 * beat, 90)
    return ev


def _choir_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 5: a choir holding the chord, a tuba on 1 and on the last beat."""
    ev: list[tuple[float, bytes]] = []
    for p in TRIADS[k % len(TRIADS)]:
        ev += note(2, p, t_bar, t_bar + beats * beat * 0.97, 65)
    for b in (0, beats - 1):
        ev += note(1, ROOTS[k % 4] - 12 + (7 if b else 0), t_bar + b * beat, t_bar + (b + 0.7) * beat, 100)
    return ev


def _bassline_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 5: a synth bass line alone: the root on 1, the octave on the "and" of 2, the fifth on the last
    beat and a step below the next root on its "and" (at ``swing``)."""
    ev: list[tuple[float, bytes]] = []
    root = ROOTS[k % 4]
    for pos, pitch in ((0.0, root), (1.0 + swing, root + 12), (beats - 1.0, root + 7), (beats - 1.0 + swing, ROOTS[(k + 1) % 4] - 1)):
        ev += note(1, pitch, t_bar + pos * beat, t_bar + (pos + 0.4) * beat, 100)
    return ev


ACCOMPANIMENTS |= {
    "organ": ((37, 17), _organ_bar),  # slap bass 2, percussive organ
    "strum": ((PICK_BASS, STEEL_GUITAR), _strum_bar),
    "marimba": ((32, 12), _marimba_bar),  # acoustic bass, marimba
    "choir": ((58, 52), _choir_bar),  # tuba, choir aahs
    "bassline": ((SYNTH_BASS, PIANO), _bassline_bar),  # (channel 2 unused)
}


TEMPO_SPLITS["held_out_9"] = [
    (57.5, "bembe", 0.5, "choir", True),
    (62.5, "motown", 2 / 3, "organ", True),
    (67.5, "surf", 0.5, "strum", False),
    (72.5, "bolero", 0.5, "strum", True),
    (81.5, "surf", 2 / 3, "bassline", True),
    (86.5, "motown", 0.5, False, True),
    (94.5, "bembe", 0.5, "marimba", False),
    (99.5, "bolero", 0.5, "bassline", True),
    (114.5, "surf", 0.5, "organ", True),
    (122.5, "polka", 0.5, "oompah", True),
    (128.5, "motown", 0.5, "strum", True),
    (136.5, "waltz", 0.5, "organ", False),
    (144.5, "bembe", 0.5, False, True),
    (152.5, "polka", 0.5, "marimba", True),
    (164.5, "bolero", 0.5, "choir", True),
    (174.5, "funk", 2 / 3, "bassline", False),
    (192.5, "motown", 0.5, "strum", True),
    (107.5, "polka", 0.5, "choir", False),
]


def tempo_corpus(split: str, *, min_s: float = 8.0) -> list[Clip]:
    """The rendered tempo corpus of one split of :data:`TEMPO_SPLITS` (60–180 BPM; 4/4, 3/4, 6/8; swing; sparse and dense; with and without drums)."""
    out = []
    for bpm, pattern, swing, acc, drums in TEMPO_SPLITS[split]:  # acc: True (bass + piano) or a key of ACCOMPANIMENTS
        feel = "swing" if swing != 0.5 else "straight"
        texture = ("drums" if drums and not acc else "band" if drums else "nodrums") + (f"_{acc}" if isinstance(acc, str) else "")
        clip = pattern_clip(f"tempo_{bpm}_{pattern}_{feel}_{texture}", bpm, pattern, swing=swing, min_s=min_s, accompaniment=acc, drums=drums)
        if split in OWN_KIT_SPLITS and drums and pattern not in PATTERN_KITS:  # the Standard kit, not the clip before's
            clip.events.insert(0, program(DRUM_CH, 0, 0.0))
        if drums and bpm in SPLIT_KITS.get(split, {}):  # issue 11t, session 20: a kit drawn for the clip, not its pattern's
            own = program(DRUM_CH, PATTERN_KITS.get(pattern, 0), 0.0)
            clip.events = [program(DRUM_CH, SPLIT_KITS[split][bpm], 0.0)] + [e for e in clip.events if e != own]
        out.append(clip)
    return out


# Issue 11t, session 18: build_corpus resets every channel's program at each clip start but the drums', so a clip of a
# pattern without its own kit (:data:`PATTERN_KITS`) plays on the kit of the clip before it. The splits made since
# give such clips the Standard kit (program 0); the older splits keep their renders (the tests' truths were read so).
OWN_KIT_SPLITS = frozenset({"held_out_36", "held_out_37", "held_out_38", "held_out_39"})
# Issue 11t, session 20: split → {recipe BPM: GM kit} — drummed clips played on a kit drawn by seed, not the one
# their pattern was written for (new pattern × kit pairs); held_out_40 and held_out_41 (below).
SPLIT_KITS: dict[str, dict[float, int]] = {}


def wav_tempos(wav: Path, *, prior: bool = True) -> tuple[float | None, float | None]:
    """Whole-track tempo (BPM) of a WAV read in-process as the dynamic stage reads it: librosa's prior alone, and with
    the metrical level (the envelope of :class:`~aspects.measure.sound.AudioAnalyzer`, then
    :func:`~aspects.dynamic.audio_semantic.tempo` without and with the centroid, the band onsets and the chord changes).
    ``prior=False`` leaves the first out (None): the tests read only the second (it saves ~8 % of a clip's reading)."""
    from aspects.dynamic.audio_semantic import tempo
    from aspects.measure.sound import ENVELOPE_HOP, AudioAnalyzer

    analyzer = AudioAnalyzer(SR)
    analyzer.add(0.0, _read_wav(wav))
    analyzer.finish()
    env = {k: np.asarray(v) for k, v in analyzer.envelope.items()}
    bands = (env["onset_low"], env["onset_mid"], env["onset_high"])
    return tempo(env["onset"], ENVELOPE_HOP / SR) if prior else None, tempo(
        env["onset"], ENVELOPE_HOP / SR, centroid=env["centroid_hz"], bands=bands, chroma_change=env["chroma_change"], chroma_change_slow=env["chroma_change_slow"]
    )


def wav_tempo_with_snares(wav: Path, fps: float = 25.0) -> tuple[float | None, float | None]:
    """Whole-track tempo (BPM) of a WAV read as :func:`wav_tempos` reads it, then as the dynamic stage reads a video's
    (issue 11t, session 16): with the snares and claps its per-frame primitives name at ``fps`` frames a second
    (:func:`~aspects.dynamic.audio_semantic.snare_onsets`). The primitives cost ~4 CPU-s a clip: the tempo corpus
    reads the envelope alone, this is for the few clips the snares' rule is tested on."""
    from aspects.dynamic.audio_semantic import snare_onsets, tempo
    from aspects.measure.sound import ENVELOPE_HOP
    from tests.voice_corpus import analysed

    frame_t, primitive, env = analysed(_read_wav(wav), fps)
    kw = {"centroid": env["centroid_hz"], "bands": (env["onset_low"], env["onset_mid"], env["onset_high"]), "chroma_change": env["chroma_change"], "chroma_change_slow": env["chroma_change_slow"]}
    hop = ENVELOPE_HOP / SR
    return tempo(env["onset"], hop, **kw), tempo(env["onset"], hop, snares=snare_onsets(frame_t, primitive, float(env["t"][0])), **kw)


# Issue 11t, session 6, for held_out_10 (made before any session-6 rule was tried, read once with main's rules: meters
# 3/4, 6/8, 12/8, 5/4 and 7/8, five patterns and two accompaniments no split had, 52.5–187.5 BPM; six drumless clips).
DRUM_PATTERNS |= {
    # jazz waltz (3/4): ride on 1, 2, the "and" of 2 and 3; kick on 1; pedal hi-hat on 2 and 3
    "jazzwaltz": (3, [(0.0, ["ride", "kick"]), (1.0, ["ride", "pedalhat"]), (1.5, ["ride"]), (2.0, ["ride", "pedalhat"])]),
    # 6/8 folk (two dotted-quarter beats): tambourine on every eighth, kick on 1 and the last eighth, snare on 2
    "six8folk": (2, [(e / 3, ["tambourine"] + (["kick"] if e in (0, 5) else ["snare"] if e == 3 else [])) for e in range(6)]),
    # 12/8 shuffle (four beats of triplets): hi-hat on the first and last triplet, kick 1 and 3 (and their last triplet), snare 2 and 4
    "twelve8shuffle": (
        4,
        [(b + k / 3, ["hihat"] + (["kick"] if b in (0, 2) and k in (0, 2) else []) + (["snare"] if b in (1, 3) and k == 0 else [])) for b in range(4) for k in (0, 2)],
    ),
    # 5/4 counted 2 + 3: shaker eighths, kick on 1 and 3, snare on 2 and 5
    "five23": (5, [(b + h, ["shaker"] + (["kick"] if h == 0 and b in (0, 2) else ["snare"] if h == 0 and b in (1, 4) else [])) for b in range(5) for h in (0.0, 0.5)]),
    # 7/8 counted 2 + 2 + 3 eighths (its tempo is the quarter's, as written): closed hi-hat on every eighth, kick on
    # eighths 0 and 4, snare on eighth 2, a rim shot on eighth 6
    "seven8": (3.5, [(e / 2, ["hihat"] + (["kick"] if e in (0, 4) else ["snare"] if e == 2 else ["rim"] if e == 6 else [])) for e in range(7)]),  # type: ignore[dict-item]
}


def _chorale_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 6: a church organ chord changing on every beat, held legato (no rhythm but the harmony's), a
    contrabass on 1."""
    ev: list[tuple[float, bytes]] = []
    for b in range(int(np.ceil(beats))):
        for p in TRIADS[(k * 3 + b) % len(TRIADS)]:
            ev += note(2, p, t_bar + b * beat, t_bar + (b + 0.98) * beat, 75)
    ev += note(1, ROOTS[k % 4], t_bar, t_bar + 0.9 * beat, 90)
    return ev


def _triplets_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 6: a bright piano arpeggio on every triplet eighth (the chord's tones up, loudest on the beat)
    over an acoustic bass on every beat."""
    ev: list[tuple[float, bytes]] = []
    chord = TRIADS[k % len(TRIADS)]
    for b in range(int(np.ceil(beats))):
        ev += note(1, ROOTS[k % 4] + (7 if b % 2 else 0), t_bar + b * beat, t_bar + (b + 0.8) * beat, 90)
        for i in range(3):
            ev += note(2, chord[i % 3] + (12 if i == 2 else 0), t_bar + (b + i / 3) * beat, t_bar + (b + (i + 1) / 3) * beat, 90 if i == 0 else 70)
    return ev


ACCOMPANIMENTS |= {
    "chorale": ((43, 19), _chorale_bar),  # contrabass, church organ
    "triplets": ((32, 1), _triplets_bar),  # acoustic bass, bright piano
}


TEMPO_SPLITS["held_out_10"] = [
    (52.5, "six8folk", 0.5, "chorale", True),
    (58.5, "jazzwaltz", 2 / 3, "walking", True),
    (65.5, "twelve8shuffle", 0.5, "organ", True),
    (69.5, "seven8", 0.5, False, True),
    (75.5, "five23", 2 / 3, "marimba", True),
    (83.5, "six8folk", 0.5, "chorale", False),
    (90.5, "jazzwaltz", 0.5, "chorale", False),
    (96.25, "twelve8shuffle", 0.5, "triplets", False),
    (108.5, "five23", 0.5, "harp", True),
    (117.25, "jazzwaltz", 0.5, "triplets", False),
    (123.75, "six8folk", 0.5, "strum", True),
    (134.5, "twelve8shuffle", 0.5, "triplets", True),
    (141.5, "seven8", 0.5, False, True),
    (150.5, "five23", 0.5, "chorale", False),
    (158.5, "jazzwaltz", 2 / 3, False, True),
    (166.25, "six8folk", 0.5, "triplets", False),
    (174.75, "jazzwaltz", 0.5, "brass", True),
    (187.5, "twelve8shuffle", 0.5, "synth", True),
]


# Issue 11t, session 6, for held_out_11 (made after the session's rules were frozen, read once with main's rules and
# once with the session's: four patterns and one accompaniment no split had; 9/8, 6/8, 5/4, 7/8, 3/4, 12/8; six drumless).
DRUM_PATTERNS |= {
    # 9/8 (three dotted-quarter beats of three eighths): ride on every eighth, kick on 1, rim on 2, snare on 3
    "nine8": (3, [(e / 3, ["ride"] + (["kick"] if e == 0 else ["rim"] if e == 3 else ["snare"] if e == 6 else [])) for e in range(9)]),
    # 6/8 bell (two dotted-quarter beats): shaker on every eighth, cowbell on eighths 1, 3, 5 and 6, kick on both beats
    "afro68": (2, [(e / 3, ["shaker"] + (["cowbell"] if e in (0, 2, 4, 5) else []) + (["kick"] if e in (0, 3) else [])) for e in range(6)]),
    # 5/4 four on the floor: kick on every beat, closed hi-hat on every "and", clap on 3 and 5
    "fivefloor": (5, [(float(b), ["kick"] + (["clap"] if b in (2, 4) else [])) for b in range(5)] + [(b + 0.5, ["hihat"]) for b in range(5)]),
    # 7/8 counted 3 + 2 + 2 eighths (its tempo is the quarter's): hi-hat on every eighth, kick on eighths 0 and 5, snare on 3
    "seven8b": (3.5, [(e / 2, ["hihat"] + (["kick"] if e in (0, 5) else ["snare"] if e == 3 else [])) for e in range(7)]),  # type: ignore[dict-item]
}


def _celesta_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 6: a celesta on every beat (the chord's tones in turn, the first louder) over a fretless bass
    held for the bar."""
    ev: list[tuple[float, bytes]] = []
    chord = TRIADS[k % len(TRIADS)]
    ev += note(1, ROOTS[k % 4], t_bar, t_bar + beats * beat * 0.95, 85)
    for b in range(int(np.ceil(beats))):
        ev += note(2, chord[b % len(chord)] + 12, t_bar + b * beat, t_bar + (b + 0.7) * beat, 100 if b == 0 else 80)
    return ev


ACCOMPANIMENTS |= {"celesta": ((35, 8), _celesta_bar)}  # fretless bass, celesta


TEMPO_SPLITS["held_out_11"] = [
    (53.5, "twelve8shuffle", 0.5, "chorale", True),
    (57.25, "nine8", 0.5, "walking", True),
    (60.5, "afro68", 0.5, "celesta", False),
    (68.75, "fivefloor", 0.5, "synth", True),
    (73.25, "seven8b", 0.5, False, True),
    (80.75, "jazzwaltz", 2 / 3, "celesta", False),
    (87.25, "nine8", 0.5, False, True),
    (93.75, "afro68", 0.5, "strum", True),
    (100.25, "fivefloor", 0.5, False, True),
    (110.25, "rock", 2 / 3, "celesta", True),
    (119.75, "six8folk", 0.5, "walking", False),
    (129.25, "afro68", 0.5, False, True),
    (137.75, "seven8b", 0.5, False, True),
    (147.25, "fivefloor", 0.5, "celesta", False),
    (156.75, "nine8", 0.5, "triplets", False),
    (165.75, "waltz", 0.5, "celesta", True),
    (178.25, "twelve8shuffle", 0.5, "triplets", True),
    (193.25, "rock", 0.5, "chorale", False),
]


# Issue 11t, session 7, for held_out_12 (made before any session-7 rule was tried, read once with main's rules: four
# patterns and four accompaniments no split had; slow 12/8 blues, 3/4 mazurka, 5/4 as 3 + 2, 7/8 as 2 + 3 + 2;
# legato strings and a reed organ without drums, synth-bass eighths under odd meters, horn stabs in 3/4; 51–185 BPM).
DRUM_PATTERNS |= {
    # slow 12/8 blues (four beats of triplets): ride on every triplet, kick on 1 and 3, snare on 2 and 4
    "slowblues": (4, [(b + t / 3, ["ride"] + (["kick"] if t == 0 and b in (0, 2) else ["snare"] if t == 0 else [])) for b in range(4) for t in range(3)]),
    # mazurka (3/4, the accent on 2): kick on 1, snare and open hi-hat on 2, closed hi-hat on 3
    "mazurka": (3, [(0.0, ["kick"]), (1.0, ["snare", "openhat"]), (2.0, ["hihat"])]),
    # 5/4 counted 3 + 2: closed hi-hat on every beat, kick on 1 and 4, rim shot on 3 and 5, a cowbell on the "and" of 5
    "five32": (5, [(float(b), ["hihat"] + (["kick"] if b in (0, 3) else ["rim"] if b in (2, 4) else [])) for b in range(5)] + [(4.5, ["cowbell"])]),
    # 7/8 counted 2 + 3 + 2 eighths (its tempo is the quarter's): shaker on every eighth, kick on eighths 0 and 2, snare on 5
    "seven8c": (3.5, [(e / 2, ["shaker"] + (["kick"] if e in (0, 2) else ["snare"] if e == 5 else [])) for e in range(7)]),  # type: ignore[dict-item]
}


def _hymn_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 7: a string section's chord changing on every beat, held legato, over a bassoon line moving
    on every beat (legato: no rhythm but the harmony's)."""
    ev: list[tuple[float, bytes]] = []
    for b in range(int(np.ceil(beats))):
        chord = TRIADS[(k * 2 + b) % len(TRIADS)]
        for p in chord:
            ev += note(2, p + 12, t_bar + b * beat, t_bar + (b + 0.99) * beat, 70)
        ev += note(1, chord[0] - 24, t_bar + b * beat, t_bar + (b + 0.99) * beat, 75)
    return ev


def _reedorgan_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 7: a reed organ's chord changing on every beat (inversions in turn), legato, over a trombone
    holding the bar's root."""
    ev: list[tuple[float, bytes]] = []
    for b in range(int(np.ceil(beats))):
        chord = TRIADS[(k + 2 * b) % len(TRIADS)]
        for i, p in enumerate(chord):
            ev += note(2, p + (12 if i < b % 3 else 0), t_bar + b * beat, t_bar + (b + 0.97) * beat, 80)
    ev += note(1, ROOTS[k % 4] - 12, t_bar, t_bar + beats * beat * 0.97, 80)
    return ev


def _synthseq_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 7: a synth bass on every eighth (root, root, fifth, octave in turn, at ``swing``) and a
    sawtooth lead's short stab on the bar's first beat."""
    ev: list[tuple[float, bytes]] = []
    steps = [0, 0, 7, 12]
    for e in range(int(round(2 * beats))):
        b, h = divmod(e, 2)
        t = t_bar + (b + (swing if h else 0.0)) * beat
        ev += note(1, ROOTS[k % 4] + steps[e % 4], t, t + 0.4 * beat, 100 if h == 0 else 85)
    for p in TRIADS[k % len(TRIADS)][:2]:
        ev += note(2, p + 12, t_bar, t_bar + 0.3 * beat, 85)
    return ev


def _horns_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 7: a finger bass on 1 and on the last beat, trumpet stabs (the chord) on the "and" of 1 (at
    ``swing``) and on every beat after the second."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    ev += note(1, ROOTS[k % 4], t_bar, t_bar + 0.8 * beat, 95)
    ev += note(1, ROOTS[k % 4] + 7, t_bar + (n - 1) * beat, t_bar + (n - 0.2) * beat, 90)
    chord = TRIADS[k % len(TRIADS)]
    for pos in [swing] + [float(b) for b in range(2, n)]:
        for p in chord:
            ev += note(2, p, t_bar + pos * beat, t_bar + (pos + 0.25) * beat, 95)
    return ev


ACCOMPANIMENTS |= {
    "hymn": ((70, 49), _hymn_bar),  # bassoon, string ensemble 2
    "reedorgan": ((57, 20), _reedorgan_bar),  # trombone, reed organ
    "synthseq": ((SYNTH_BASS, SAW_LEAD), _synthseq_bar),
    "horns": ((FINGER_BASS, 56), _horns_bar),  # trumpet
}


TEMPO_SPLITS["held_out_12"] = [
    (51.25, "slowblues", 0.5, "synthseq", True),
    (54.25, "mazurka", 0.5, "hymn", False),
    (59.75, "slowblues", 0.5, "horns", True),
    (64.25, "five32", 0.5, "synthseq", True),
    (72.25, "seven8c", 0.5, "synthseq", True),
    (78.25, "mazurka", 0.5, "reedorgan", False),
    (84.25, "slowblues", 0.5, False, True),
    (91.75, "five32", 0.5, "hymn", False),
    (98.75, "jazzwaltz", 0.5, "horns", True),
    (105.25, "twelve8shuffle", 0.5, "synthseq", True),
    (113.75, "seven8c", 0.5, "reedorgan", True),
    (121.75, "mazurka", 0.5, "horns", True),
    (132.25, "five32", 0.5, False, True),
    (140.75, "rock", 0.5, "reedorgan", False),
    (151.75, "slowblues", 0.5, "triplets", True),
    (163.75, "jazzwaltz", 2 / 3, "horns", True),
    (176.25, "seven8c", 0.5, "synthseq", True),
    (184.75, "twelve8shuffle", 0.5, "hymn", False),
]


# Issue 11t, session 7, for held_out_13 (made after the session's chord changes were frozen, read once with main's rules
# and once with the session's: four patterns and four accompaniments no split had; 2/4 habanera, 6/8 ballad, 11/8 as
# 3 + 3 + 3 + 2, a 12/8 shuffle on the ride; a choir hymn and an accordion without drums, synth-bass eighths, brass stabs).
DRUM_PATTERNS |= {
    # habanera (2/4): shaker on every eighth, kick on 1, the "a" of 1 and 2, a rim shot on the "and" of 2
    "habanera": (2, [(0.0, ["kick", "shaker"]), (0.5, ["shaker"]), (0.75, ["kick"]), (1.0, ["kick", "shaker"]), (1.5, ["shaker", "rim"])]),
    # 6/8 ballad (two dotted-quarter beats): closed hi-hat on every eighth, ride bell on both beats, kick on 1, snare on 2
    "ballad68": (2, [(e / 3, ["hihat"] + (["ridebell", "kick"] if e == 0 else ["ridebell", "snare"] if e == 3 else [])) for e in range(6)]),
    # 11/8 counted 3 + 3 + 3 + 2 eighths (its tempo is the quarter's): hi-hat on every eighth, kick on eighths 0 and 6,
    # snare on 3 and 9, a woodblock on every group's start
    "eleven8": (
        5.5,  # type: ignore[dict-item]
        [(e / 2, ["hihat"] + (["kick"] if e in (0, 6) else ["snare"] if e in (3, 9) else []) + (["woodblock"] if e in (0, 3, 6, 9) else [])) for e in range(11)],
    ),
    # 12/8 shuffle on the ride: ride on the first and last triplet of each beat, kick on 1 and 3, snare on 2 and 4, a
    # pedal hi-hat on 2 and 4
    "shuffle12b": (4, [(b + k / 3, ["ride"] + (["kick"] if k == 0 and b in (0, 2) else ["snare", "pedalhat"] if k == 0 else [])) for b in range(4) for k in (0, 2)]),
}


def _choirhymn_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 7 (held_out_13): a choir's chord changing on every beat, legato, over a cello line moving on
    every other beat."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    for b in range(n):
        chord = TRIADS[(k * n + b) % len(TRIADS)]
        for p in chord:
            ev += note(2, p, t_bar + b * beat, t_bar + (b + 0.99) * beat, 80)
        if b % 2 == 0:
            ev += note(1, chord[0] - 12, t_bar + b * beat, t_bar + (b + min(2, n - b) - 0.02) * beat, 75)
    return ev


def _accordion_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 7 (held_out_13): an accordion's chord held legato for each beat (the chord moving every beat)
    over a tuba on the bar's first beat."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    for b in range(n):
        for p in TRIADS[(k + b * 5) % len(TRIADS)]:
            ev += note(2, p, t_bar + b * beat, t_bar + (b + 0.98) * beat, 85)
    ev += note(1, ROOTS[k % 4] - 12, t_bar, t_bar + 0.8 * beat, 90)
    return ev


def _arpsynth_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 7 (held_out_13): a synth bass on every eighth (root and fifth, at ``swing``) under a square
    lead on every beat (the chord's tones in turn)."""
    ev: list[tuple[float, bytes]] = []
    chord = TRIADS[k % len(TRIADS)]
    for e in range(int(round(2 * beats))):
        b, h = divmod(e, 2)
        t = t_bar + (b + (swing if h else 0.0)) * beat
        ev += note(1, ROOTS[k % 4] + (7 if h else 0), t, t + 0.45 * beat, 100 if h == 0 else 90)
    for b in range(int(np.ceil(beats))):
        ev += note(2, chord[b % len(chord)] + 12, t_bar + b * beat, t_bar + (b + 0.5) * beat, 75)
    return ev


def _stabs_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 7 (held_out_13): slap bass on 1 and the last beat, a brass section's stabs on every beat after
    the first and on the "and" of the last (at ``swing``)."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    ev += note(1, ROOTS[k % 4], t_bar, t_bar + 0.6 * beat, 100)
    ev += note(1, ROOTS[k % 4] + 12, t_bar + (n - 1) * beat, t_bar + (n - 0.5) * beat, 90)
    for pos in [float(b) for b in range(1, n)] + [n - 1 + swing]:
        for p in TRIADS[(k + 1) % len(TRIADS)]:
            ev += note(2, p, t_bar + pos * beat, t_bar + (pos + 0.2) * beat, 95)
    return ev


ACCOMPANIMENTS |= {
    "choirhymn": ((42, 52), _choirhymn_bar),  # cello, choir aahs
    "accordion": ((58, 21), _accordion_bar),  # tuba, accordion
    "arpsynth": ((39, SQUARE_LEAD), _arpsynth_bar),  # synth bass 2
    "stabs": ((36, 61), _stabs_bar),  # slap bass 1, brass section
}


TEMPO_SPLITS["held_out_13"] = [
    (50.75, "shuffle12b", 0.5, "arpsynth", True),
    (53.75, "habanera", 0.5, "choirhymn", False),
    (57.75, "ballad68", 0.5, "accordion", True),
    (62.75, "eleven8", 0.5, "arpsynth", True),
    (67.25, "jazzwaltz", 2 / 3, "stabs", True),
    (74.75, "ballad68", 0.5, "choirhymn", False),
    (81.25, "habanera", 0.5, False, True),
    (86.75, "eleven8", 0.5, False, True),
    (95.25, "shuffle12b", 0.5, "accordion", False),
    (103.75, "five", 0.5, "arpsynth", True),
    (111.25, "waltz", 0.5, "choirhymn", False),
    (118.25, "ballad68", 0.5, "stabs", True),
    (127.75, "habanera", 0.5, "arpsynth", True),
    (136.25, "eleven8", 0.5, "accordion", True),
    (145.75, "shuffle12b", 0.5, False, True),
    (157.25, "rock", 0.5, "choirhymn", False),
    (169.25, "jazzwaltz", 0.5, "stabs", True),
    (181.75, "shuffle12b", 0.5, "accordion", True),
]


# Issue 11t, session 7 (second round), for held_out_14 (made after the triple-subdivision cue was frozen, read once with
# the lead's rules and once with the round's): two patterns and one accompaniment no split had (a 12/8 shuffle with a
# shaker on every triplet, a 3/4 stomp with claps on 2 and 3; a bass-and-lead synth on every eighth, octaves apart).
DRUM_PATTERNS |= {
    # 12/8 shuffle, every triplet filled: shaker on all three triplets of each beat, kick on 1 and 3, rim shot on 2 and 4
    "shuffle12c": (4, [(b + k / 3, ["shaker"] + (["kick"] if k == 0 and b in (0, 2) else ["rim"] if k == 0 else [])) for b in range(4) for k in range(3)]),
    # 3/4 stomp: kick on 1, claps on 2 and 3, a closed hi-hat on every eighth
    "stomp": (3, [(b + h, ["hihat"] + (["kick"] if b == 0 and h == 0 else ["clap"] if h == 0 else [])) for b in range(3) for h in (0.0, 0.5)]),
}


def _octbass_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 7 (held_out_14): a bass-and-lead synth on every eighth (the root, then its octave, at
    ``swing``) under an electric piano's short chord on every other beat from the second."""
    ev: list[tuple[float, bytes]] = []
    for e in range(int(round(2 * beats))):
        b, h = divmod(e, 2)
        t = t_bar + (b + (swing if h else 0.0)) * beat
        ev += note(1, ROOTS[k % 4] + (12 if h else 0), t, t + 0.4 * beat, 100 if h == 0 else 92)
    for b in range(1, int(np.ceil(beats)), 2):
        for p in TRIADS[(k + 2) % len(TRIADS)]:
            ev += note(2, p, t_bar + b * beat, t_bar + (b + 0.3) * beat, 80)
    return ev


ACCOMPANIMENTS |= {"octbass": ((87, 4), _octbass_bar)}  # bass & lead, electric piano 1

TEMPO_SPLITS["held_out_14"] = [
    (58.25, "shuffle12c", 0.5, "octbass", True),
    (66.75, "fivefloor", 0.5, "octbass", True),
    (77.25, "habanera", 0.5, True, True),
    (84.75, "stomp", 0.5, "stabs", True),
    (97.25, "rock", 0.5, "octbass", True),
    (108.75, "shuffle12c", 0.5, "walking", True),
    (119.25, "stomp", 0.5, False, True),
    (133.75, "bossa", 0.5, "octbass", True),
    (149.25, "habanera", 0.5, "organ", True),
    (162.75, "stomp", 0.5, "strum", True),
    (179.75, "shuffle12c", 0.5, "stabs", True),
    (189.25, "twelve8shuffle", 0.5, "octbass", True),
]


# Issue 11t, session 8, for held_out_15 (made first, before any session-8 rule was tried, read once with main's rules):
# five patterns and five accompaniments no split had: a fast two-step, a 6/8 on a rim and shaker, a swung jazz ride,
# 5/4 as 3 + 2 with a tambourine, a 12/8 with claps on a woodblock's triplets; a synth bass repeating one note on every
# eighth under a warm pad, slow-attack pads and voices without drums, a sawtooth pluck on sixteenths, tremolo strings.
DRUM_PATTERNS |= {
    # two-step: kick on every beat, snare on 2 and 4, closed hi-hat on every "and"
    "twostep": (4, [(float(b), ["kick"] + (["snare"] if b in (1, 3) else [])) for b in range(4)] + [(b + 0.5, ["hihat"]) for b in range(4)]),
    # 6/8 (two dotted-quarter beats): shaker on every eighth, kick on 1, rim shot on the second beat, conga on eighths 2 and 5
    "six8rim": (2, [(e / 3, ["shaker"] + (["kick"] if e == 0 else ["rim"] if e == 3 else ["conga"] if e in (2, 5) else [])) for e in range(6)]),
    # jazz swing: ride on every beat and on the "and" of 2 and 4, pedal hi-hat on 2 and 4, kick on 1
    "swingjazz": (4, [(0.0, ["ride", "kick"]), (1.0, ["ride", "pedalhat"]), (1.5, ["ride"]), (2.0, ["ride"]), (3.0, ["ride", "pedalhat"]), (3.5, ["ride"])]),
    # 5/4 as 3 + 2: tambourine eighths, kick on 1 and 4, snare on 3 and 5
    "five41": (5, [(b + h, ["tambourine"] + (["kick"] if h == 0 and b in (0, 3) else ["snare"] if h == 0 and b in (2, 4) else [])) for b in range(5) for h in (0.0, 0.5)]),
    # 12/8: woodblock on every triplet, kick on 1 and 3, clap on 2 and 4
    "twelve8clap": (4, [(b + k / 3, ["woodblock"] + (["kick"] if k == 0 and b in (0, 2) else ["clap"] if k == 0 else [])) for b in range(4) for k in range(3)]),
}
WARM_PAD, VOICE_OOHS, SLOW_STRINGS, TREMOLO_STRINGS = 89, 53, 49, 44


def _sawbass_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 8 (held_out_15): a synth bass repeating the bar's root on every eighth (at ``swing``, even
    velocities) under a warm pad's chord held over the bar."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    for e in range(2 * n):
        b, h = divmod(e, 2)
        t = t_bar + (b + (swing if h else 0.0)) * beat
        ev += note(1, ROOTS[k % 4], t, t + 0.42 * beat, 100)
    for p in TRIADS[k % len(TRIADS)]:
        ev += note(2, p, t_bar, t_bar + (n - 0.05) * beat, 70)
    return ev


def _slowpad_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 8 (held_out_15): slow strings in the low register and a warm pad, the chord changing on
    every beat, legato (slow attacks, no drums)."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    for b in range(n):
        chord = TRIADS[(k * n + 2 * b) % len(TRIADS)]
        ev += note(1, chord[0] - 12, t_bar + b * beat, t_bar + (b + 0.98) * beat, 85)
        for p in chord:
            ev += note(2, p, t_bar + b * beat, t_bar + (b + 0.98) * beat, 80)
    return ev


def _voiceoohs_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 8 (held_out_15): a choir's chord on the bar's first beat, held, and voice oohs singing a
    note of it on every beat (legato)."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    chord = TRIADS[(k * 3) % len(TRIADS)]
    for p in chord:
        ev += note(1, p - 12, t_bar, t_bar + (n - 0.05) * beat, 70)
    for b in range(n):
        ev += note(2, chord[b % len(chord)] + 12, t_bar + b * beat, t_bar + (b + 0.97) * beat, 90)
    return ev


def _synthpluck_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 8 (held_out_15): a synth bass on 1 and on the "and" of 2 (at ``swing``), a sawtooth pluck
    on every sixteenth running up and down the chord."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    ev += note(1, ROOTS[k % 4], t_bar, t_bar + 0.8 * beat, 100)
    if n > 2:
        ev += note(1, ROOTS[k % 4] + 7, t_bar + (1 + swing) * beat, t_bar + (1 + swing + 0.4) * beat, 95)
    chord = TRIADS[k % len(TRIADS)]
    order = chord + chord[-2:0:-1]
    for q in range(4 * n):
        t = t_bar + q * beat / 4
        ev += note(2, order[q % len(order)] + 12, t, t + 0.2 * beat, 80 if q % 4 else 95)
    return ev


def _tremstrings_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 8 (held_out_15): pizzicato bass on every beat (the fifth on the last) under tremolo strings
    holding the bar's chord."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    for b in range(n):
        ev += note(1, ROOTS[k % 4] + (7 if b == n - 1 else 0), t_bar + b * beat, t_bar + (b + 0.5) * beat, 100)
    for p in TRIADS[(k + 3) % len(TRIADS)]:
        ev += note(2, p, t_bar, t_bar + (n - 0.05) * beat, 75)
    return ev


ACCOMPANIMENTS |= {
    "sawbass": ((SYNTH_BASS, WARM_PAD), _sawbass_bar),
    "slowpad": ((SLOW_STRINGS, WARM_PAD), _slowpad_bar),
    "voiceoohs": ((52, VOICE_OOHS), _voiceoohs_bar),  # choir aahs
    "synthpluck": ((39, SAW_LEAD), _synthpluck_bar),  # synth bass 2
    "tremstrings": ((45, TREMOLO_STRINGS), _tremstrings_bar),  # pizzicato
}

TEMPO_SPLITS["held_out_15"] = [
    (50.4, "six8rim", 0.5, "slowpad", False),
    (52.8, "rock", 0.5, "sawbass", True),
    (56.6, "swingjazz", 2 / 3, "tremstrings", True),
    (61.2, "twelve8clap", 0.5, "sawbass", True),
    (67.8, "five41", 0.5, "sawbass", True),
    (73.4, "waltz", 0.5, "voiceoohs", False),
    (79.6, "twostep", 0.5, "synthpluck", True),
    (88.2, "six8rim", 0.5, "sawbass", True),
    (94.6, "swingjazz", 2 / 3, "walking", True),
    (101.8, "five41", 0.5, "slowpad", False),
    (112.4, "twelve8clap", 0.5, "voiceoohs", True),
    (124.6, "rock", 0.5, "synthpluck", True),
    (138.2, "twostep", 0.5, "sawbass", True),
    (151.4, "rock", 0.5, "tremstrings", True),
    (158.6, "twostep", 0.5, False, True),
    (167.2, "funk", 0.5, "slowpad", False),
    (176.8, "disco", 0.5, "synthpluck", True),
    (186.4, "twostep", 0.5, "voiceoohs", True),
]


# Issue 11t, session 8, for held_out_16 (made after the session's level score was frozen, read once with main's rules
# and once with the session's): four patterns and four accompaniments no split had: a half-time backbeat (snare on 3),
# an afrobeat on shaker sixteenths, a 3/4 on a ride bell, a 12/8 on a floor tom; an acid synth bass on sixteenths under
# polysynth stabs, a string section without drums, an organ skank over a fretless bass, a flute over a nylon guitar.
DRUM_PATTERNS |= {
    # half time: kick on 1 (and the "and" of 2), snare on 3, closed hi-hat on every eighth
    "halftime": (4, [(b + h, ["hihat"] + (["kick"] if b + h in (0.0, 1.5) else ["snare"] if b + h == 2.0 else [])) for b in range(4) for h in (0.0, 0.5)]),
    # afrobeat: shaker sixteenths, kick on 1, the "and" of 2 and 3, rim shot on 2 and 4, cowbell on 1, 2 and the "a" of 3
    "afrobeat": (
        4,
        [(q / 4, ["shaker"] + (["kick"] if q in (0, 6, 8) else []) + (["rim"] if q in (4, 12) else []) + (["cowbell"] if q in (0, 4, 11) else [])) for q in range(16)],
    ),
    # 3/4 on a ride bell: ride bell on every beat, kick on 1, clap on 3, tambourine on every "and"
    "waltzbell": (3, [(float(b), ["ridebell"] + (["kick"] if b == 0 else ["clap"] if b == 2 else [])) for b in range(3)] + [(b + 0.5, ["tambourine"]) for b in range(3)]),
    # 12/8 on a floor tom: floor tom on every beat, closed hi-hat on the third triplet, kick on 1, snare on 3
    "twelve8tom": (4, [(b + k / 3, (["floortom"] if k == 0 else ["hihat"]) + (["kick"] if k == 0 and b == 0 else ["snare"] if k == 0 and b == 2 else [])) for b in range(4) for k in (0, 2)]),
}


def _acidbass_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 8 (held_out_16): a synth bass on every sixteenth (octave jumps, the beat's louder; its "and"
    at ``swing``) under a polysynth's short chord on every other beat from the second."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    for q in range(4 * n):
        b, s = divmod(q, 4)
        t = t_bar + (b + (swing if s == 2 else s / 4)) * beat
        ev += note(1, ROOTS[k % 4] + (12 if s in (1, 3) else 0), t, t + 0.18 * beat, 105 if s == 0 else 80)
    for b in range(1, n, 2):
        for p in TRIADS[(k + 4) % len(TRIADS)]:
            ev += note(2, p, t_bar + b * beat, t_bar + (b + 0.25) * beat, 80)
    return ev


def _stringpad_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 8 (held_out_16): a string section's chord changing on every beat, legato, over a contrabass
    holding the bar's root (no drums)."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    ev += note(1, ROOTS[k % 4] - 12, t_bar, t_bar + (n - 0.05) * beat, 80)
    for b in range(n):
        for p in TRIADS[(k * n + b) % len(TRIADS)]:
            ev += note(2, p, t_bar + b * beat, t_bar + (b + 0.99) * beat, 85)
    return ev


def _organbass_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 8 (held_out_16): a fretless bass on 1 and on the bar's middle beat, a drawbar organ's chord
    on every "and" (at ``swing``)."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    for b in sorted({0, n // 2}):
        ev += note(1, ROOTS[k % 4] + (7 if b else 0), t_bar + b * beat, t_bar + (b + 0.9) * beat, 100)
    for b in range(n):
        for p in TRIADS[(k + 1) % len(TRIADS)]:
            ev += note(2, p, t_bar + (b + swing) * beat, t_bar + (b + swing + 0.2) * beat, 85)
    return ev


def _flutes_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 8 (held_out_16): a nylon guitar's arpeggio on every eighth (at ``swing``) under a flute
    holding a chord tone for each beat (legato)."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    chord = TRIADS[(k + 5) % len(TRIADS)]
    for e in range(2 * n):
        b, h = divmod(e, 2)
        t = t_bar + (b + (swing if h else 0.0)) * beat
        ev += note(1, chord[e % len(chord)] - 12, t, t + 0.45 * beat, 85)
    for b in range(n):
        ev += note(2, chord[(b + 1) % len(chord)] + 12, t_bar + b * beat, t_bar + (b + 0.97) * beat, 80)
    return ev


ACCOMPANIMENTS |= {
    "acidbass": ((39, 90), _acidbass_bar),  # synth bass 2, polysynth pad
    "stringpad": ((43, 48), _stringpad_bar),  # contrabass, string ensemble 1
    "organbass": ((35, 16), _organbass_bar),  # fretless bass, drawbar organ
    "flutes": ((24, 73), _flutes_bar),  # nylon guitar, flute
}

TEMPO_SPLITS["held_out_16"] = [
    (51.7, "halftime", 0.5, "acidbass", True),
    (54.3, "waltzbell", 0.5, "stringpad", False),
    (58.7, "afrobeat", 0.5, "organbass", True),
    (69.3, "twelve8tom", 0.5, "flutes", False),
    (83.7, "halftime", 0.5, "stringpad", True),
    (96.3, "waltzbell", 2 / 3, "acidbass", True),
    (109.7, "afrobeat", 0.5, "flutes", True),
    (121.3, "twelve8tom", 0.5, "acidbass", True),
    (142.7, "waltzbell", 0.5, "organbass", True),
    (156.3, "halftime", 0.5, False, True),
    (171.7, "afrobeat", 0.5, "stringpad", False),
    (184.3, "rock", 0.5, "acidbass", True),
]


# Issue 11t, session 9, for held_out_17 (made first, before any session-9 rule was tried, read once with main's rules):
# drums from GM kits no split had (Room, Power, Electronic, TR-808, Jazz, Brush: the program of the drum channel) and
# drum sounds not used before (acoustic bass drum, electric snare, toms, cabasa, guiro, congas, low timbale, splash);
# accompaniments on GM programs no split had: clavinet over a baritone sax, vibraphone over a jazz guitar, a bowed pad
# over synth strings (drumless, slow attacks), a harpsichord over a cello-like timpani roll, a steel drum over a
# kalimba, a choir pad over a synth voice.
DRUM_NOTES |= {"bassdrum": 35, "esnare": 40, "hifloortom": 43, "lowmidtom": 47, "himidtom": 48, "splash": 55, "ride2": 59}
DRUM_NOTES |= {"mutehiconga": 62, "openhiconga": 63, "lowtimbale": 66, "cabasa": 69, "shortguiro": 73, "lowwoodblock": 77}

DRUM_PATTERNS |= {
    # 808: bass drum on 1, the "a" of 2 and 3, electric snare on 2 and 4, closed hi-hat on every sixteenth
    "eight08": (4, [(q / 4, ["hihat"] + (["bassdrum"] if q in (0, 7, 8) else ["esnare"] if q in (4, 12) else [])) for q in range(16)]),
    # brushes: snare on every beat and every "and" (swung), bass drum on 1 and 3, pedal hi-hat on 2 and 4
    "brushes": (4, [(b + h, ["snare"] + (["bassdrum"] if h == 0 and b in (0, 2) else ["pedalhat"] if h == 0 else [])) for b in range(4) for h in (0.0, 0.5)]),
    # 6/8 (two dotted-quarter beats): cabasa on every eighth, bass drum on 1, low timbale on the second beat, congas between
    "six8cabasa": (2, [(e / 3, ["cabasa"] + (["bassdrum"] if e == 0 else ["lowtimbale"] if e == 3 else ["mutehiconga"] if e in (1, 4) else ["openhiconga"])) for e in range(6)]),
    # 3/4: short guiro on every beat, bass drum on 1, low woodblock on 2 and 3, splash on the bar's first beat every bar
    "guirowaltz": (3, [(0.0, ["shortguiro", "bassdrum"]), (1.0, ["shortguiro", "lowwoodblock"]), (2.0, ["shortguiro", "lowwoodblock"])]),
    # power rock: kick on 1, 3 and the "and" of 3, snare on 2 and 4, ride 2 on every eighth
    "powerrock": (4, [(b + h, ["ride2"] + (["kick"] if b + h in (0.0, 2.0, 2.5) else ["snare"] if h == 0 and b in (1, 3) else [])) for b in range(4) for h in (0.0, 0.5)]),
    # toms: high floor tom on every beat, low-mid and hi-mid toms on the "and"s, kick on 1
    "tomgroove": (4, [(float(b), ["hifloortom"] + (["kick"] if b == 0 else [])) for b in range(4)] + [(b + 0.5, ["lowmidtom" if b % 2 else "himidtom"]) for b in range(4)]),
}
PATTERN_KITS |= {"eight08": 25, "brushes": 40, "six8cabasa": 8, "guirowaltz": 32, "powerrock": 16, "tomgroove": 24}


def _clav_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 9 (held_out_17): a baritone sax on 1 and on the "and" of 2 and 3 (at ``swing``), a
    clavinet's short chord on every beat's second sixteenth and on the "and"."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    for b, h in [(0, 0.0)] + [(b, swing) for b in (1, 2) if b < n]:
        ev += note(1, ROOTS[k % 4] + 12, t_bar + (b + h) * beat, t_bar + (b + h + 0.4) * beat, 100)
    for b in range(n):
        for off in (0.25, swing):
            for p in TRIADS[(k + 2) % len(TRIADS)]:
                ev += note(2, p, t_bar + (b + off) * beat, t_bar + (b + off + 0.12) * beat, 80)
    return ev


def _vibes_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 9 (held_out_17): a jazz guitar walking a note on every beat, a vibraphone's chord on the
    bar's even beats and on the "and" of the last (at ``swing``)."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    walk = [0, 4, 7, 9, 12, 9, 7, 4]
    for b in range(n):
        ev += note(1, ROOTS[k % 4] + 12 + walk[b % len(walk)], t_bar + b * beat, t_bar + (b + 0.85) * beat, 95)
    chord = TRIADS[(k + 3) % len(TRIADS)]
    for t in [b for b in range(1, n, 2)] + [n - 1 + swing]:
        for p in chord:
            ev += note(2, p + 12, t_bar + t * beat, t_bar + (t + 0.4) * beat, 75)
    return ev


def _bowedpad_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 9 (held_out_17): synth strings holding the bar's root, a bowed pad's chord changing on every
    beat, legato (slow attacks, no drums)."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    ev += note(1, ROOTS[k % 4], t_bar, t_bar + (n - 0.05) * beat, 80)
    for b in range(n):
        for p in TRIADS[(k * n + 3 * b) % len(TRIADS)]:
            ev += note(2, p, t_bar + b * beat, t_bar + (b + 0.98) * beat, 85)
    return ev


def _harpsichord_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 9 (held_out_17): a harpsichord's broken chord on every eighth (at ``swing``) over a cello
    note on every beat."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    chord = TRIADS[(k + 1) % len(TRIADS)]
    for b in range(n):
        ev += note(1, ROOTS[k % 4] + (7 if b % 2 else 0), t_bar + b * beat, t_bar + (b + 0.9) * beat, 90)
        for h in (0.0, swing):
            ev += note(2, chord[(2 * b + (h > 0)) % len(chord)] + 12, t_bar + (b + h) * beat, t_bar + (b + h + 0.3) * beat, 85)
    return ev


def _steeldrum_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 9 (held_out_17): a kalimba's ostinato on every eighth (at ``swing``), a steel drum's melody
    on the beats 1 and 3 and on the "and" of 2."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    chord = TRIADS[(k + 4) % len(TRIADS)]
    for e in range(2 * n):
        b, h = divmod(e, 2)
        t = t_bar + (b + (swing if h else 0.0)) * beat
        ev += note(1, chord[e % 2] - 12, t, t + 0.3 * beat, 85)
    for t in (0.0, 1.0 + swing, 2.0):
        if t < n:
            ev += note(2, chord[int(t) % len(chord)] + 12, t_bar + t * beat, t_bar + (t + 0.45) * beat, 95)
    return ev


def _choirpad_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 9 (held_out_17): a choir pad's chord on the bar, a synth voice singing a chord tone on
    every beat, legato (no drums)."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    chord = TRIADS[(k * 2 + 1) % len(TRIADS)]
    for p in chord:
        ev += note(1, p - 12, t_bar, t_bar + (n - 0.05) * beat, 75)
    for b in range(n):
        ev += note(2, chord[(b + 1) % len(chord)] + 12, t_bar + b * beat, t_bar + (b + 0.97) * beat, 90)
    return ev


ACCOMPANIMENTS |= {
    "clav": ((67, 7), _clav_bar),  # baritone sax, clavinet
    "vibes": ((26, 11), _vibes_bar),  # jazz guitar, vibraphone
    "bowedpad": ((50, 92), _bowedpad_bar),  # synth strings 1, bowed pad
    "harpsichord": ((42, 6), _harpsichord_bar),  # cello, harpsichord
    "steeldrum": ((108, 114), _steeldrum_bar),  # kalimba, steel drums
    "choirpad": ((91, 54), _choirpad_bar),  # choir pad, synth voice
}

TEMPO_SPLITS["held_out_17"] = [
    (50.9, "guirowaltz", 0.5, "choirpad", False),
    (53.6, "eight08", 0.5, "clav", True),
    (57.4, "brushes", 2 / 3, "vibes", True),
    (63.7, "six8cabasa", 0.5, "harpsichord", True),
    (66.1, "powerrock", 0.5, False, True),
    (71.3, "eight08", 0.5, "steeldrum", True),
    (77.9, "tomgroove", 0.5, "bowedpad", False),
    (86.6, "brushes", 2 / 3, False, True),
    (92.3, "guirowaltz", 0.5, "vibes", True),
    (103.9, "six8cabasa", 0.5, "bowedpad", False),
    (117.1, "powerrock", 0.5, "clav", True),
    (126.8, "tomgroove", 0.5, "steeldrum", False),
    (133.3, "eight08", 0.5, False, True),
    (147.9, "brushes", 2 / 3, "harpsichord", True),
    (161.6, "powerrock", 0.5, "vibes", True),
    (172.2, "guirowaltz", 0.5, "choirpad", False),
    (183.8, "tomgroove", 0.5, "clav", True),
    (196.1, "powerrock", 0.5, "steeldrum", True),
]


# Issue 11t, session 9, for held_out_18 (made after the session's rules were frozen, read once with main's rules and
# once with the session's): kits and drums no split had (the Orchestra kit, a chinese cymbal, cuica, long guiro,
# agogo bells, mute triangle, vibraslap) and GM programs no split had: a muted guitar under a harmonica, a distortion
# guitar over a rock organ, a koto under a french horn, a sweep pad over a viola (drumless, slow attacks), a banjo
# under a fiddle, a xylophone under synth brass.
DRUM_NOTES |= {"chinese": 52, "vibraslap": 58, "hiagogo": 67, "lowagogo": 68, "longguiro": 74, "mutecuica": 78, "opencuica": 79, "mutetriangle": 80}
DRUM_PATTERNS |= {
    # march on the Orchestra kit: bass drum on 1 and 3, snare on every "and", crash on 1
    "orchmarch": (4, [(float(b), ["bassdrum"] + (["crash"] if b == 0 else [])) for b in (0, 2)] + [(b + 0.5, ["snare"]) for b in range(4)] + [(1.0, ["snare"]), (3.0, ["snare"])]),
    # cuica samba: bass drum on 1 and the "and" of 2, long guiro on 2 and 4, cuica on the sixteenths around them
    "cuicasamba": (
        4,
        [
            (q / 4, (["bassdrum"] if q in (0, 6, 8, 14) else []) + (["longguiro"] if q in (4, 12) else []) + (["opencuica"] if q in (3, 11) else ["mutecuica"] if q in (2, 10) else []))
            for q in range(16)
            if q in (0, 2, 3, 4, 6, 8, 10, 11, 12, 14)
        ],
    ),
    # 12/8 bell: the seven-stroke bell on the agogo (high on the bell's strokes, low on the beats' first), bass drum on every beat
    "agogo128": (4, [(t / 3, (["hiagogo"] if t in (0, 2, 4, 5, 7, 9, 11) else []) + (["bassdrum", "lowagogo"] if t % 3 == 0 else [])) for t in range(12) if t in (0, 2, 3, 4, 5, 6, 7, 9, 11)]),
    # china rock: chinese cymbal on every beat, kick on 1 and the "and" of 3, snare on 2 and 4, vibraslap at the bar's end
    "chinarock": (4, [(float(b), ["chinese"] + (["kick"] if b == 0 else ["snare"] if b in (1, 3) else [])) for b in range(4)] + [(2.5, ["kick"]), (3.5, ["vibraslap"])]),
    # 2/4 trot: mute triangle on every eighth, kick on 1, snare on 2
    "triangletrot": (2, [(b + h, ["mutetriangle"] + (["kick"] if b + h == 0.0 else ["snare"] if b + h == 1.0 else [])) for b in range(2) for h in (0.0, 0.5)]),
}
PATTERN_KITS |= {"orchmarch": 48, "cuicasamba": 0, "agogo128": 8, "chinarock": 0, "triangletrot": 32}


def _harmonica_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 9 (held_out_18): a muted guitar on every eighth (at ``swing``), the root on the beat, under
    a harmonica holding a chord tone for each beat."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    chord = TRIADS[(k + 2) % len(TRIADS)]
    for e in range(2 * n):
        b, h = divmod(e, 2)
        t = t_bar + (b + (swing if h else 0.0)) * beat
        ev += note(1, ROOTS[k % 4] + (12 if h else 0), t, t + 0.3 * beat, 95 if h == 0 else 75)
    for b in range(n):
        ev += note(2, chord[b % len(chord)] + 12, t_bar + b * beat, t_bar + (b + 0.95) * beat, 85)
    return ev


def _distortion_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 9 (held_out_18): a distortion guitar's power chord on 1, the "and" of 2 (at ``swing``) and 4,
    over a rock organ holding the bar's chord."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    for t in [0.0, 1.0 + swing, 3.0]:
        if t < n:
            for p in (ROOTS[k % 4] + 12, ROOTS[k % 4] + 19):
                ev += note(1, p, t_bar + t * beat, t_bar + (t + 0.7) * beat, 100)
    for p in TRIADS[(k + 5) % len(TRIADS)]:
        ev += note(2, p, t_bar, t_bar + (n - 0.05) * beat, 65)
    return ev


def _koto_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 9 (held_out_18): a koto's broken chord on every eighth (at ``swing``) under a french horn
    changing note on every other beat."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    chord = TRIADS[(k + 3) % len(TRIADS)]
    for e in range(2 * n):
        b, h = divmod(e, 2)
        t = t_bar + (b + (swing if h else 0.0)) * beat
        ev += note(1, chord[e % len(chord)], t, t + 0.4 * beat, 90)
    for b in range(0, n, 2):
        ev += note(2, chord[0] - 12 + (7 if b else 0), t_bar + b * beat, t_bar + (b + min(2, n - b) - 0.05) * beat, 75)
    return ev


def _sweep_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 9 (held_out_18): a viola's line, a note on every beat (legato), over a sweep pad's chord
    held for the bar (slow attacks, no drums)."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    chord = TRIADS[(k + 1) % len(TRIADS)]
    for p in chord:
        ev += note(1, p - 12, t_bar, t_bar + (n - 0.05) * beat, 70)
    for b in range(n):
        ev += note(2, chord[(b + 2) % len(chord)], t_bar + b * beat, t_bar + (b + 0.98) * beat, 90)
    return ev


def _banjo_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 9 (held_out_18): a banjo roll on every eighth (at ``swing``), a fiddle's double stop on every
    beat's "and"."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    chord = TRIADS[k % len(TRIADS)]
    roll = [chord[0], chord[1], chord[2] + 12 if len(chord) < 4 else chord[3], chord[1]]
    for e in range(2 * n):
        b, h = divmod(e, 2)
        t = t_bar + (b + (swing if h else 0.0)) * beat
        ev += note(1, roll[e % len(roll)], t, t + 0.35 * beat, 90)
    for b in range(n):
        for p in chord[:2]:
            ev += note(2, p + 12, t_bar + (b + swing) * beat, t_bar + (b + swing + 0.3) * beat, 80)
    return ev


def _xylo_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 9 (held_out_18): a xylophone on every beat and on the last "and" (at ``swing``), synth brass
    stabs on 1 and on the bar's middle beat."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    chord = TRIADS[(k + 4) % len(TRIADS)]
    for t in [float(b) for b in range(n)] + [n - 1 + swing]:
        ev += note(1, chord[int(t) % len(chord)] + 12, t_bar + t * beat, t_bar + (t + 0.2) * beat, 90)
    for b in sorted({0, n // 2}):
        for p in chord:
            ev += note(2, p - 12, t_bar + b * beat, t_bar + (b + 0.3) * beat, 95)
    return ev


ACCOMPANIMENTS |= {
    "harmonica": ((28, 22), _harmonica_bar),  # muted guitar, harmonica
    "distortion": ((30, 18), _distortion_bar),  # distortion guitar, rock organ
    "koto": ((107, 60), _koto_bar),  # koto, french horn
    "sweep": ((95, 41), _sweep_bar),  # sweep pad, viola
    "banjo": ((105, 110), _banjo_bar),  # banjo, fiddle
    "xylo": ((13, 62), _xylo_bar),  # xylophone, synth brass 1
}

TEMPO_SPLITS["held_out_18"] = [
    (52.2, "agogo128", 0.5, "sweep", True),
    (56.9, "chinarock", 0.5, "harmonica", True),
    (62.4, "cuicasamba", 0.5, False, True),
    (68.7, "orchmarch", 0.5, "xylo", True),
    (74.1, "triangletrot", 0.5, "banjo", True),
    (81.3, "agogo128", 0.5, "koto", False),
    (89.8, "chinarock", 0.5, "distortion", True),
    (98.4, "cuicasamba", 0.5, "koto", True),
    (108.6, "orchmarch", 0.5, "sweep", False),
    (119.2, "triangletrot", 2 / 3, "harmonica", True),
    (131.7, "chinarock", 0.5, "banjo", False),
    (143.9, "agogo128", 0.5, "xylo", True),
    (158.1, "cuicasamba", 0.5, "distortion", True),
    (169.4, "orchmarch", 0.5, False, True),
    (181.6, "triangletrot", 0.5, "banjo", True),
    (194.8, "chinarock", 0.5, False, True),
]


# Issue 11t, session 10, for held_out_19 (made first, before any session-10 rule was tried, read once with main's
# rules): six patterns no split had (a 3/4 bongo groove on the Room kit with a second crash, four on the floor on the
# TR-808 kit, a breakbeat on the Electronic kit, 6/8 claves, a swung jazz ride on the Jazz kit, a half-time shuffle on
# the Power kit) and seven accompaniments on GM programs no split had: a honky-tonk piano under a tango accordion,
# a halo pad under a new age pad (drumless, slow attacks), a clarinet under an oboe (legato), an overdriven guitar's
# low eighths under synth brass 2, a dulcimer's three-note figure under a pan flute, timpani under a shamisen, a
# music box over synth strings 2.
DRUM_NOTES |= {"crash2": 57}
DRUM_PATTERNS |= {
    # 3/4: high bongo on every eighth, low bongo on 2 and 3, kick on 1, a second crash on the bar's first beat
    "bongo34": (3, [(b + h, ["hibongo"] + (["kick", "crash2"] if b + h == 0.0 else ["bongo"] if h == 0.0 else [])) for b in range(3) for h in (0.0, 0.5)]),
    # four on the floor: kick on every beat, open hi-hat on every "and", clap on 2 and 4
    "fourfloor": (4, [(float(b), ["kick"] + (["clap"] if b % 2 else [])) for b in range(4)] + [(b + 0.5, ["openhat"]) for b in range(4)]),
    # breakbeat: kick on 1 and the "and" of 2, snare on 2 and 4, closed hi-hat on every eighth
    "breakbeat": (4, [(b + h, ["hihat"] + (["kick"] if b + h in (0.0, 1.5) else ["snare"] if h == 0 and b % 2 else [])) for b in range(4) for h in (0.0, 0.5)]),
    # 6/8 (two dotted-quarter beats): claves on eighths 1, 3, 4 and 6, bass drum on both beats, ride bell on every eighth
    "claves68": (2, [(e / 3, ["ridebell"] + (["claves"] if e in (0, 2, 3, 5) else []) + (["bassdrum"] if e % 3 == 0 else [])) for e in range(6)]),
    # jazz ride: ride on every beat and on the "and" of 2 and 4 (swung), pedal hi-hat on 2 and 4
    "jazzride": (4, [(float(b), ["ride"] + (["pedalhat"] if b % 2 else [])) for b in range(4)] + [(1.5, ["ride"]), (3.5, ["ride"])]),
    # half-time shuffle: closed hi-hat on the first and third triplet of every beat, kick on 1 and the last triplet of 2, snare on 3
    "halfshuffle": (4, [(t / 3, (["hihat"] if t % 3 != 1 else []) + (["kick"] if t in (0, 5) else ["snare"] if t == 6 else [])) for t in range(12) if t % 3 != 1 or t == 5]),
}
PATTERN_KITS |= {"bongo34": 8, "fourfloor": 25, "breakbeat": 24, "jazzride": 32, "halfshuffle": 16}


def _tango_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 10 (held_out_19): a honky-tonk piano's root on the odd beats and chord on the even ones, a
    tango accordion's short chord tone on every beat."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    chord = TRIADS[(k + 1) % len(TRIADS)]
    for b in range(n):
        for p in [ROOTS[k % 4]] if b % 2 == 0 else chord:
            ev += note(1, p, t_bar + b * beat, t_bar + (b + 0.5) * beat, 95 if b % 2 == 0 else 75)
        ev += note(2, chord[b % len(chord)] + 12, t_bar + b * beat, t_bar + (b + 0.45) * beat, 85)
    return ev


def _halopad_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 10 (held_out_19): a halo pad holding the bar's root and fifth, a new age pad's chord
    changing on every beat, legato (slow attacks, no drums)."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    for p in (ROOTS[k % 4] + 12, ROOTS[k % 4] + 19):
        ev += note(1, p, t_bar, t_bar + (n - 0.05) * beat, 75)
    for b in range(n):
        for p in TRIADS[(k * n + 2 * b + 1) % len(TRIADS)]:
            ev += note(2, p + 12, t_bar + b * beat, t_bar + (b + 0.98) * beat, 85)
    return ev


def _woodwinds_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 10 (held_out_19): a clarinet's line, a note on every beat (legato), under an oboe changing
    note on every other beat."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    chord = TRIADS[(k + 2) % len(TRIADS)]
    for b in range(n):
        ev += note(1, chord[b % len(chord)] - 12, t_bar + b * beat, t_bar + (b + 0.97) * beat, 90)
    for b in range(0, n, 2):
        ev += note(2, chord[(b // 2 + 1) % len(chord)] + 12, t_bar + b * beat, t_bar + (b + min(2, n - b) - 0.05) * beat, 80)
    return ev


def _overdrive_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 10 (held_out_19): an overdriven guitar's low root on every eighth (at ``swing``), the beat's
    a little louder, under synth brass 2 stabs on 1 and on the "and" of 3."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    for e in range(2 * n):
        b, h = divmod(e, 2)
        t = t_bar + (b + (swing if h else 0.0)) * beat
        ev += note(1, ROOTS[k % 4], t, t + 0.4 * beat, 100 if h == 0 else 85)
    for t in (0.0, 2.0 + swing):
        if t < n:
            for p in TRIADS[(k + 3) % len(TRIADS)]:
                ev += note(2, p, t_bar + t * beat, t_bar + (t + 0.3) * beat, 90)
    return ev


def _dulcimer_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 10 (held_out_19): a dulcimer repeating a three-note figure on every eighth (at ``swing``;
    the figure runs across the beats), a pan flute holding a chord tone for two beats."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    chord = TRIADS[(k + 5) % len(TRIADS)]
    for e in range(2 * n):
        b, h = divmod(e, 2)
        t = t_bar + (b + (swing if h else 0.0)) * beat
        ev += note(1, chord[e % 3], t, t + 0.35 * beat, 90)
    for b in range(0, n, 2):
        ev += note(2, chord[(b // 2) % len(chord)] + 12, t_bar + b * beat, t_bar + (b + min(2, n - b) - 0.05) * beat, 80)
    return ev


def _timpani_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 10 (held_out_19): timpani on the bar's first beat (the root) and middle beat (the fifth), a
    shamisen on every eighth (at ``swing``), the beat's louder."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    for b, iv in sorted({0: 0, n // 2: 7}.items()):
        ev += note(1, ROOTS[k % 4] + iv, t_bar + b * beat, t_bar + (b + 0.8) * beat, 100)
    chord = TRIADS[(k + 2) % len(TRIADS)]
    for e in range(2 * n):
        b, h = divmod(e, 2)
        t = t_bar + (b + (swing if h else 0.0)) * beat
        ev += note(2, chord[(e // 2) % len(chord)] + (0 if h == 0 else 12), t, t + 0.3 * beat, 95 if h == 0 else 70)
    return ev


def _musicbox_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 10 (held_out_19): a music box's arpeggio on every sixteenth over synth strings 2 holding the
    bar's chord (at ``swing`` the sixteenths stay straight)."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    chord = TRIADS[(k + 4) % len(TRIADS)]
    for q in range(4 * n):
        t = t_bar + q / 4 * beat
        ev += note(2, chord[q % len(chord)] + 24, t, t + 0.2 * beat, 85 if q % 4 == 0 else 70)
    for p in chord:
        ev += note(1, p - 12, t_bar, t_bar + (n - 0.05) * beat, 70)
    return ev


ACCOMPANIMENTS |= {
    "tango": ((3, 23), _tango_bar),  # honky-tonk piano, tango accordion
    "halopad": ((94, 88), _halopad_bar),  # halo pad, new age pad
    "woodwinds": ((71, 68), _woodwinds_bar),  # clarinet, oboe
    "overdrive": ((29, 63), _overdrive_bar),  # overdriven guitar, synth brass 2
    "dulcimer": ((15, 75), _dulcimer_bar),  # dulcimer, pan flute
    "timpani": ((47, 106), _timpani_bar),  # timpani, shamisen
    "musicbox": ((51, 10), _musicbox_bar),  # synth strings 2, music box
}

TEMPO_SPLITS["held_out_19"] = [
    (46.3, "fourfloor", 0.5, "tango", True),
    (49.7, "claves68", 0.5, "woodwinds", False),
    (54.6, "jazzride", 2 / 3, "timpani", True),
    (59.2, "breakbeat", 0.5, "overdrive", True),
    (64.9, "bongo34", 0.5, "halopad", False),
    (72.8, "halfshuffle", 0.5, "overdrive", True),
    (78.4, "fourfloor", 0.5, "musicbox", True),
    (85.1, "claves68", 0.5, False, True),
    (93.6, "jazzride", 2 / 3, "woodwinds", False),
    (102.7, "bongo34", 0.5, "dulcimer", True),
    (114.3, "breakbeat", 0.5, "timpani", False),
    (124.1, "halfshuffle", 0.5, False, True),
    (137.6, "fourfloor", 0.5, "dulcimer", False),
    (151.9, "claves68", 0.5, "tango", True),
    (163.2, "breakbeat", 0.5, False, True),
    (176.9, "jazzride", 2 / 3, "musicbox", True),
    (188.3, "halfshuffle", 0.5, "halopad", False),
    (199.1, "fourfloor", 0.5, "overdrive", True),
]


# Issue 11t, session 10, for held_out_20 (made after the session's harmony bar was frozen, read once with main's rules
# and once with the session's): five patterns no split had (sixteenth hi-hats over a syncopated kick, a 3/4 ride on the
# Brush kit, a 6/8 ballad on the Room kit, a tumbao with a cowbell on every beat, a fast 2/4 on the Electronic kit) and
# seven accompaniments on GM programs no split had: an electric grand under an electric piano, a tenor sax under an
# alto sax, a sitar over taiko, a metallic pad under a voice lead (drumless, slow attacks), a clean guitar's arpeggio
# under a glockenspiel, a fifths lead's low eighths under guitar harmonics, a recorder's triplets over tubular bells.
DRUM_PATTERNS |= {
    # sixteenth hi-hats, kick on 1, the "a" of 2 and the "and" of 3, snare on 2 and 4
    "sixteenhat": (4, [(q / 4, ["hihat"] + (["kick"] if q in (0, 7, 10) else ["snare"] if q in (4, 12) else [])) for q in range(16)]),
    # 3/4: ride on every beat and the "and" of 2 (swung), bass drum on 1, snare on 3
    "waltzride": (3, [(0.0, ["ride", "bassdrum"]), (1.0, ["ride"]), (1.5, ["ride"]), (2.0, ["ride", "snare"])]),
    # 6/8 ballad (two dotted-quarter beats): closed hi-hat on every eighth, kick on 1, snare on the second beat
    "slow68": (2, [(e / 3, ["hihat"] + (["kick"] if e == 0 else ["snare"] if e == 3 else [])) for e in range(6)]),
    # tumbao: cowbell on every beat, kick on the "and" of 2 and on 4, open conga on 4 and its "and", mute conga on 2
    "tumbao": (4, [(float(b), ["cowbell"] + (["kick", "conga"] if b == 3 else ["mutehiconga"] if b == 1 else [])) for b in range(4)] + [(1.5, ["kick"]), (3.5, ["conga"])]),
    # fast 2/4: kick on 1, snare on 2, closed hi-hat on both "and"s
    "fasttwo": (2, [(0.0, ["kick"]), (0.5, ["hihat"]), (1.0, ["snare"]), (1.5, ["hihat"])]),
}
PATTERN_KITS |= {"waltzride": 40, "slow68": 8, "fasttwo": 24}


def _epiano_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 10 (held_out_20): an electric grand's root on 1 and on the bar's middle beat with a pickup on
    the last "and" (at ``swing``), an electric piano's chord on the even beats."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    for t, iv in sorted({0.0: 0, float(n // 2): 7, n - 1 + swing: 5}.items()):
        ev += note(1, ROOTS[k % 4] + iv, t_bar + t * beat, t_bar + (t + 0.45) * beat, 100)
    for b in range(1, n, 2):
        for p in TRIADS[(k + 2) % len(TRIADS)]:
            ev += note(2, p, t_bar + b * beat, t_bar + (b + 0.6) * beat, 80)
    return ev


def _saxes_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 10 (held_out_20): a tenor sax's riff on 1, the "and" of 1 (at ``swing``) and the bar's middle
    beat, an alto sax holding a chord tone from the second beat."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    chord = TRIADS[(k + 1) % len(TRIADS)]
    for i, t in enumerate(sorted({0.0, swing, float(n // 2)})):
        ev += note(1, chord[i % len(chord)] - 12, t_bar + t * beat, t_bar + (t + 0.3) * beat, 100)
    if n > 1:
        ev += note(2, chord[2 % len(chord)] + 12, t_bar + beat, t_bar + (n - 0.1) * beat, 80)
    return ev


def _sitar_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 10 (held_out_20): taiko on 1 and on the "and" of the bar's middle beat (at ``swing``), a sitar
    note on every beat."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    for t in sorted({0.0, n // 2 + swing}):
        ev += note(1, ROOTS[k % 4], t_bar + t * beat, t_bar + (t + 0.4) * beat, 110)
    scale = [0, 2, 4, 7, 9, 7, 4, 2]
    for b in range(n):
        ev += note(2, ROOTS[k % 4] + 24 + scale[(k * n + b) % len(scale)], t_bar + b * beat, t_bar + (b + 0.9) * beat, 90)
    return ev


def _metalpad_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 10 (held_out_20): a metallic pad's chord changing on every other beat, a voice lead singing a
    chord tone on every beat, legato (slow attacks, no drums)."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    for b in range(0, n, 2):
        for p in TRIADS[(k * n + b) % len(TRIADS)]:
            ev += note(1, p - 12, t_bar + b * beat, t_bar + (b + min(2, n - b) - 0.03) * beat, 75)
    for b in range(n):
        chord = TRIADS[(k * n + b - b % 2) % len(TRIADS)]
        ev += note(2, chord[(b + 1) % len(chord)] + 12, t_bar + b * beat, t_bar + (b + 0.97) * beat, 90)
    return ev


def _cleanarp_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 10 (held_out_20): a clean guitar's four-note arpeggio on every eighth (at ``swing``), a
    glockenspiel on the bar's first and middle beats."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    chord = TRIADS[(k + 3) % len(TRIADS)]
    notes = [ROOTS[k % 4] + 12, chord[0], chord[1], chord[2]]
    for e in range(2 * n):
        b, h = divmod(e, 2)
        t = t_bar + (b + (swing if h else 0.0)) * beat
        ev += note(1, notes[e % 4], t, t + 0.45 * beat, 90 if h == 0 else 80)
    for b in sorted({0, n // 2}):
        ev += note(2, chord[b % len(chord)] + 24, t_bar + b * beat, t_bar + (b + 0.5) * beat, 85)
    return ev


def _fifths_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 10 (held_out_20): a fifths lead in the bass register on every eighth (at ``swing``; the
    octave above on the "and"), guitar harmonics on the even beats."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    for e in range(2 * n):
        b, h = divmod(e, 2)
        t = t_bar + (b + (swing if h else 0.0)) * beat
        ev += note(1, ROOTS[k % 4] + (12 if h else 0), t, t + 0.35 * beat, 95)
    for b in range(1, n, 2):
        ev += note(2, TRIADS[(k + 4) % len(TRIADS)][0] + 12, t_bar + b * beat, t_bar + (b + 0.5) * beat, 90)
    return ev


def _recorder_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 10 (held_out_20): tubular bells on the bar's first beat, a recorder's triplets (three notes a
    beat)."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    chord = TRIADS[(k + 5) % len(TRIADS)]
    ev += note(1, chord[0], t_bar, t_bar + (n - 0.1) * beat, 95)
    for i in range(3 * n):
        t = t_bar + i / 3 * beat
        ev += note(2, chord[(i + i // 3) % len(chord)] + 12, t, t + 0.3 * beat, 90 if i % 3 == 0 else 75)
    return ev


ACCOMPANIMENTS |= {
    "epiano": ((2, 5), _epiano_bar),  # electric grand, electric piano 2
    "saxes": ((66, 65), _saxes_bar),  # tenor sax, alto sax
    "sitar": ((116, 104), _sitar_bar),  # taiko, sitar
    "metalpad": ((93, 85), _metalpad_bar),  # metallic pad, voice lead
    "cleanarp": ((27, 9), _cleanarp_bar),  # clean guitar, glockenspiel
    "fifths": ((86, 31), _fifths_bar),  # fifths lead, guitar harmonics
    "recorder": ((14, 74), _recorder_bar),  # tubular bells, recorder
}

TEMPO_SPLITS["held_out_20"] = [
    (47.6, "sixteenhat", 0.5, "epiano", True),
    (53.1, "waltzride", 2 / 3, "saxes", True),
    (57.8, "slow68", 0.5, "metalpad", False),
    (63.3, "tumbao", 0.5, "fifths", True),
    (69.9, "fasttwo", 0.5, "cleanarp", True),
    (76.7, "sixteenhat", 0.5, "fifths", True),
    (84.3, "waltzride", 2 / 3, False, True),
    (97.1, "slow68", 0.5, "recorder", False),
    (106.9, "tumbao", 0.5, "sitar", True),
    (118.6, "sixteenhat", 0.5, "cleanarp", False),
    (129.9, "waltzride", 2 / 3, "epiano", True),
    (144.4, "fasttwo", 0.5, "metalpad", False),
    (157.7, "tumbao", 0.5, False, True),
    (172.6, "slow68", 0.5, "saxes", True),
    (186.2, "sixteenhat", 0.5, "sitar", True),
    (197.9, "fasttwo", 0.5, False, True),
]


# Issue 11t, session 10, second round, for held_out_21 (made before the round's slow chord changes were read on any
# split but the seen drumless clips, read once with the lead's rules and once with the round's): drumless legato music
# on GM programs no split had, the class the slow chord changes are for, and four clips with drums.
def _violinduo_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 10 (held_out_21): an English horn holding the chord's root for two beats, a violin's legato
    line on a chord tone every beat, the chord changing on every beat (no drums)."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    for b in range(n):
        chord = TRIADS[(k * n + b) % len(TRIADS)]
        if b % 2 == 0:
            ev += note(1, chord[0] - 12, t_bar + b * beat, t_bar + (b + min(2, n - b) - 0.03) * beat, 80)
        ev += note(2, chord[(b + 2) % len(chord)] + 12, t_bar + b * beat, t_bar + (b + 0.97) * beat, 88)
    return ev


def _soundtrack_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 10 (held_out_21): an atmosphere pad holding the bar's root, a soundtrack pad's chord changing
    on every beat, legato (slow attacks, no drums)."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    ev += note(1, ROOTS[k % 4] + 12, t_bar, t_bar + (n - 0.05) * beat, 72)
    for b in range(n):
        for p in TRIADS[(k * n + 2 * b + 1) % len(TRIADS)]:
            ev += note(2, p, t_bar + b * beat, t_bar + (b + 0.98) * beat, 85)
    return ev


def _sopranopad_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 10 (held_out_21): a brightness pad's chord changing on every beat, a soprano sax singing a
    chord tone over it, a note a beat, legato (no drums)."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    for b in range(n):
        chord = TRIADS[(k * n + 3 * b) % len(TRIADS)]
        for p in chord:
            ev += note(1, p - 12, t_bar + b * beat, t_bar + (b + 0.98) * beat, 78)
        ev += note(2, chord[b % len(chord)] + 12, t_bar + b * beat, t_bar + (b + 0.96) * beat, 90)
    return ev


def _ocarina_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 10 (held_out_21): an echoes pad's chord changing on every other beat, an ocarina's legato
    line a note a beat (no drums)."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    for b in range(0, n, 2):
        for p in TRIADS[(k * n + b + 2) % len(TRIADS)]:
            ev += note(1, p - 12, t_bar + b * beat, t_bar + (b + min(2, n - b) - 0.03) * beat, 78)
    for b in range(n):
        chord = TRIADS[(k * n + b - b % 2 + 2) % len(TRIADS)]
        ev += note(2, chord[(b + 1) % len(chord)] + 12, t_bar + b * beat, t_bar + (b + 0.97) * beat, 92)
    return ev


ACCOMPANIMENTS |= {
    "violinduo": ((69, 40), _violinduo_bar),  # English horn, violin
    "soundtrack": ((99, 97), _soundtrack_bar),  # atmosphere pad, soundtrack pad
    "sopranopad": ((100, 64), _sopranopad_bar),  # brightness pad, soprano sax
    "ocarina": ((102, 79), _ocarina_bar),  # echoes pad, ocarina
}

TEMPO_SPLITS["held_out_21"] = [
    (58.4, "waltz", 0.5, "soundtrack", False),
    (66.2, "rock", 0.5, "violinduo", False),
    (73.9, "five", 0.5, "sopranopad", False),
    (82.6, "six8", 0.5, "ocarina", False),
    (88.1, "rock", 0.5, "soundtrack", True),
    (99.7, "waltz", 0.5, "violinduo", False),
    (105.3, "rock", 0.5, "ocarina", False),
    (116.9, "five", 0.5, "soundtrack", False),
    (127.4, "waltz", 0.5, "sopranopad", True),
    (138.8, "rock", 0.5, "sopranopad", False),
    (151.3, "six8", 0.5, "violinduo", True),
    (163.9, "waltz", 0.5, "ocarina", False),
    (178.4, "five", 0.5, "violinduo", False),
    (192.6, "rock", 0.5, "soundtrack", True),
]


# Issue 11t, session 11, for held_out_22 (made first, read once with main's rules before any rule change): four
# patterns no split had (a cumbia's guiro on every beat and "and", a half-time groove over sixteenth hi-hats on the
# TR-808 kit, a 3/4 with claves and a cabasa, a 6/8 on the Power kit's toms) and six accompaniments on GM programs no
# split had: a blown bottle under a shakuhachi (drumless legato woodwinds), a charang lead's low eighths under calliope
# stabs, a tinkle bell's eighths over a crystal pad, a bagpipe's drone under a shanai, orchestra hits under a muted
# trumpet, a goblins pad under a whistle. Tempos drawn log-uniform, one in each of 16 equal strata of 50–190 BPM
# (numpy seed 2222).
DRUM_PATTERNS |= {
    # cumbia: long guiro on every beat, short guiro on every "and", kick on 1 and 3, rim shot on the "and" of 2 and 4
    "cumbia": (4, [(float(b), ["longguiro"] + (["kick"] if b in (0, 2) else [])) for b in range(4)] + [(b + 0.5, ["shortguiro"] + (["rim"] if b in (1, 3) else [])) for b in range(4)]),
    # half-time: closed hi-hat on every sixteenth, kick on 1 and the "a" of 3, snare on 3 only
    "halftime16": (4, [(q / 4, ["hihat"] + (["kick"] if q in (0, 11) else ["snare"] if q == 8 else [])) for q in range(16)]),
    # 3/4: cabasa on every eighth, claves on 1 and the "and" of 2, kick on 1, snare on 3
    "waltzclave": (3, [(b + h, ["cabasa"] + (["claves", "kick"] if b + h == 0.0 else ["claves"] if b + h == 1.5 else ["snare"] if b + h == 2.0 else [])) for b in range(3) for h in (0.0, 0.5)]),
    # 6/8 (two dotted-quarter beats): high tom, low-mid tom, floor tom on the eighths of each beat, kick on 1, snare on the second beat
    "six8tom": (2, [(e / 3, [("hitom", "lowmidtom", "floortom")[e % 3]] + (["kick"] if e == 0 else ["snare"] if e == 3 else [])) for e in range(6)]),
}
PATTERN_KITS |= {"halftime16": 25, "six8tom": 16}


def _bottle_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 11 (held_out_22): a blown bottle holding a chord tone for two beats, a shakuhachi's legato
    line a note a beat, the chord changing every other beat (no drums)."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    for b in range(n):
        chord = TRIADS[(k * n + b - b % 2 + 1) % len(TRIADS)]
        if b % 2 == 0:
            ev += note(1, chord[0], t_bar + b * beat, t_bar + (b + min(2, n - b) - 0.03) * beat, 82)
        ev += note(2, chord[(b + 1) % len(chord)] + 12, t_bar + b * beat, t_bar + (b + 0.97) * beat, 92)
    return ev


def _charang_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 11 (held_out_22): a charang lead in the bass register on every eighth (at ``swing``; root,
    root, fifth, root), calliope stabs on 2 and 4."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    for e in range(2 * n):
        b, h = divmod(e, 2)
        t = t_bar + (b + (swing if h else 0.0)) * beat
        ev += note(1, ROOTS[k % 4] + (7 if e % 4 == 2 else 0), t, t + 0.4 * beat, 95)
    for b in range(1, n, 2):
        for p in TRIADS[(k + 1) % len(TRIADS)]:
            ev += note(2, p + 12, t_bar + b * beat, t_bar + (b + 0.25) * beat, 85)
    return ev


def _crystal_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 11 (held_out_22): a crystal pad holding the bar's chord, a tinkle bell on every eighth (at
    ``swing``) climbing the chord."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    chord = TRIADS[(k + 2) % len(TRIADS)]
    for p in chord:
        ev += note(1, p - 12, t_bar, t_bar + (n - 0.05) * beat, 75)
    for e in range(2 * n):
        b, h = divmod(e, 2)
        t = t_bar + (b + (swing if h else 0.0)) * beat
        ev += note(2, chord[e % len(chord)] + 12 * (1 + e % 2), t, t + 0.4 * beat, 90)
    return ev


def _bagpipe_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 11 (held_out_22): a bagpipe's drone on the bar's root, a shanai's line a note a beat, the
    bar's first note held a beat and a half (legato)."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    ev += note(1, ROOTS[k % 4] + 12, t_bar, t_bar + (n - 0.05) * beat, 78)
    scale = [0, 4, 7, 9, 12, 9, 7, 4]
    for b in range(n):
        ev += note(2, ROOTS[k % 4] + 24 + scale[(k * n + b) % len(scale)], t_bar + b * beat, t_bar + (b + 0.96) * beat, 92)
    return ev


def _mutedtrumpet_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 11 (held_out_22): an orchestra hit on the bar's first beat, a muted trumpet's riff on 2, the
    "and" of 2 (at ``swing``) and the last beat."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    for p in TRIADS[k % len(TRIADS)]:
        ev += note(1, p - 12, t_bar, t_bar + 0.5 * beat, 100)
    chord = TRIADS[(k + 3) % len(TRIADS)]
    for i, t in enumerate(sorted({min(1.0, n - 1.0), min(1.0, n - 1.0) + swing, float(n - 1)})):
        ev += note(2, chord[i % len(chord)], t_bar + t * beat, t_bar + (t + 0.35) * beat, 90)
    return ev


def _goblins_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 11 (held_out_22): a goblins pad's chord changing on every beat, a whistle holding a chord
    tone for two beats (legato, no drums)."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    for b in range(n):
        chord = TRIADS[(k * n + 2 * b) % len(TRIADS)]
        for p in chord:
            ev += note(1, p - 12, t_bar + b * beat, t_bar + (b + 0.97) * beat, 80)
        if b % 2 == 0:
            ev += note(2, chord[2 % len(chord)] + 12, t_bar + b * beat, t_bar + (b + min(2, n - b) - 0.05) * beat, 85)
    return ev


ACCOMPANIMENTS |= {
    "bottle": ((76, 77), _bottle_bar),  # blown bottle, shakuhachi
    "charang": ((84, 82), _charang_bar),  # charang lead, calliope lead
    "crystal": ((98, 112), _crystal_bar),  # crystal pad, tinkle bell
    "bagpipe": ((109, 111), _bagpipe_bar),  # bagpipe, shanai
    "mutedtrumpet": ((55, 59), _mutedtrumpet_bar),  # orchestra hit, muted trumpet
    "goblins": ((101, 78), _goblins_bar),  # goblins pad, whistle
}

TEMPO_SPLITS["held_out_22"] = [
    (51.3, "cumbia", 0.5, "charang", True),
    (55.6, "waltzclave", 0.5, "bottle", False),
    (59.8, "halftime16", 0.5, "mutedtrumpet", True),
    (66.7, "six8tom", 0.5, "crystal", False),
    (75.7, "cumbia", 2 / 3, "charang", True),
    (79.7, "halftime16", 0.5, "goblins", False),
    (84.7, "waltzclave", 0.5, False, True),
    (93.2, "six8tom", 0.5, "bagpipe", True),
    (105.1, "cumbia", 0.5, "crystal", False),
    (111.8, "halftime16", 2 / 3, "charang", True),
    (121.9, "waltzclave", 0.5, "goblins", True),
    (129.7, "six8tom", 0.5, "bottle", False),
    (147.7, "cumbia", 0.5, "mutedtrumpet", True),
    (157.8, "halftime16", 0.5, False, True),
    (170.2, "waltzclave", 2 / 3, "bagpipe", False),
    (187.2, "six8tom", 0.5, "goblins", False),
]


# Issue 11t, session 11, for held_out_23 (the blind split: made with held_out_22, before any rule change, rendered in
# the same pass but read only after the session's rules were frozen, once with main's rules and once with the
# session's): four patterns no split had (a songo's syncopated kick, a reggae rockers' kick on every beat, a jazz two
# feel, a fast 6/8 jig on a floor tom) and four accompaniments on GM programs no split had (a piccolo's eighths over a
# melodic tom, a chiff lead's legato line over a sci-fi pad, an agogo's and a woodblock's melodic figure, synth drums
# under a piccolo) plus older ones in new places. Tempos drawn log-uniform, one in each of 14 equal strata of 50–190
# BPM (numpy seed 2323; a draw another split had moved up by 0.3 BPM until unused: 61.0, 88.1, 129.7).
DRUM_PATTERNS |= {
    # songo: cowbell on every beat, kick on the "and" of 2 and on 4, rim on 2 and the "a" of 3, hi-hat on the "and"s
    "songo": (
        4,
        [(float(b), ["cowbell"] + (["kick"] if b == 3 else ["rim"] if b == 1 else [])) for b in range(4)] + [(b + 0.5, ["hihat"] + (["kick"] if b == 1 else [])) for b in range(4)] + [(2.75, ["rim"])],
    ),
    # reggae rockers: kick on every beat, rim shot on 2 and 4, closed hi-hat on every "and", open hi-hat on the last "and"
    "rockers": (4, [(float(b), ["kick"] + (["rim"] if b in (1, 3) else [])) for b in range(4)] + [(b + 0.5, ["openhat" if b == 3 else "hihat"]) for b in range(4)]),
    # jazz two feel: ride on every beat and the swung "and" of 2 and 4, kick on 1 and 3, pedal hi-hat on 2 and 4
    "twofeel": (4, [(float(b), ["ride"] + (["kick"] if b in (0, 2) else ["pedalhat"])) for b in range(4)] + [(1.5, ["ride"]), (3.5, ["ride"])]),
    # fast 6/8 jig (two dotted-quarter beats): floor tom on every eighth, kick on 1, tambourine on both beats
    "jig": (2, [(e / 3, ["floortom"] + (["kick", "tambourine"] if e == 0 else ["tambourine"] if e == 3 else [])) for e in range(6)]),
}
PATTERN_KITS |= {"rockers": 24, "twofeel": 32}


def _piccolo_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 11 (held_out_23): a melodic tom on the bar's first and middle beats, a piccolo's line on every
    eighth (at ``swing``) running up and down the chord."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    for b in sorted({0, n // 2}):
        ev += note(1, ROOTS[k % 4] + 12, t_bar + b * beat, t_bar + (b + 0.5) * beat, 100)
    chord = TRIADS[(k + 1) % len(TRIADS)]
    run = chord + [chord[0] + 12] + chord[::-1][:-1]
    for e in range(2 * n):
        b, h = divmod(e, 2)
        t = t_bar + (b + (swing if h else 0.0)) * beat
        ev += note(2, run[e % len(run)] + 12, t, t + 0.45 * beat, 88)
    return ev


def _scifi_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 11 (held_out_23): a sci-fi pad holding the bar's chord, a chiff lead's legato line a note a
    beat (no drums)."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    chord = TRIADS[(k + 3) % len(TRIADS)]
    for p in chord:
        ev += note(1, p - 12, t_bar, t_bar + (n - 0.05) * beat, 74)
    for b in range(n):
        ev += note(2, chord[(b * 2) % len(chord)] + 12, t_bar + b * beat, t_bar + (b + 0.96) * beat, 92)
    return ev


def _agogo_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 11 (held_out_23): an agogo's note on every beat (the bar's first higher), a woodblock on the
    "and"s of the odd beats (at ``swing``)."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    for b in range(n):
        ev += note(1, ROOTS[k % 4] + (31 if b == 0 else 24), t_bar + b * beat, t_bar + (b + 0.3) * beat, 100)
        if b % 2 == 1:
            t = t_bar + (b + swing) * beat
            ev += note(2, ROOTS[k % 4] + 36, t, t + 0.2 * beat, 85)
    return ev


def _synthdrum_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 11 (held_out_23): a synth drum's low note on every beat, a piccolo holding a chord tone for
    two beats."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    chord = TRIADS[(k + 4) % len(TRIADS)]
    for b in range(n):
        ev += note(1, ROOTS[k % 4], t_bar + b * beat, t_bar + (b + 0.4) * beat, 95)
        if b % 2 == 0:
            ev += note(2, chord[(b // 2) % len(chord)] + 12, t_bar + b * beat, t_bar + (b + min(2, n - b) - 0.05) * beat, 80)
    return ev


ACCOMPANIMENTS |= {
    "piccolo": ((117, 72), _piccolo_bar),  # melodic tom, piccolo
    "scifi": ((103, CHIFF_LEAD), _scifi_bar),  # sci-fi pad, chiff lead
    "agogo": ((113, 115), _agogo_bar),  # agogo, woodblock
    "synthdrum": ((118, 72), _synthdrum_bar),  # synth drum, piccolo
}

TEMPO_SPLITS["held_out_23"] = [
    (50.3, "twofeel", 2 / 3, "scifi", True),
    (56.1, "jig", 0.5, "piccolo", False),
    (61.3, "songo", 0.5, "synthdrum", True),
    (70.1, "rockers", 0.5, "charang", True),
    (77.7, "twofeel", 2 / 3, False, True),
    (88.4, "jig", 0.5, "scifi", False),
    (93.7, "songo", 0.5, "agogo", False),
    (100.3, "rockers", 0.5, "piccolo", True),
    (117.3, "twofeel", 2 / 3, "agogo", True),
    (130.3, "jig", 0.5, False, True),
    (133.8, "songo", 0.5, "bottle", True),
    (150.3, "rockers", 0.5, "scifi", False),
    (162.2, "twofeel", 0.5, "synthdrum", False),
    (187.4, "jig", 0.5, "crystal", True),
]


# Issue 11t, session 12, for held_out_24 (made first, read once with main's rules before any rule change): four
# patterns no split had, each on one of FluidR3's variant kits no tempo split had played (a fast ska beat on Power 2,
# a swung brush beat on Brush 1, a 6/8 on a shaker on Room 2, a 7/4 on Standard 3) and four accompaniments no split
# had: a contrabass in two (half notes) under vibraphone chords on 2 and 4, a boom-chick (a bass note on every beat,
# a steel guitar's chord on every "and"), FX 1 (rain) holding chords under an oboe's half notes (drumless legato), a
# trombone's bass line under a tenor sax's off-beat stabs. Tempos drawn log-uniform, one in each of 14 equal strata of
# 45–200 BPM (numpy seed 2424; a draw another split had moved up by 0.3 BPM until unused); patterns in turn, each with
# three or four accompaniments, swing on five, three clips without drums (written before any clip was rendered).
DRUM_PATTERNS |= {
    # ska: closed hi-hat on every "and", kick on 1 and 3, rim shot on 2 and 4, open hi-hat on the last "and"
    "skabeat": (4, [(float(b), (["kick"] if b in (0, 2) else ["rim"])) for b in range(4)] + [(b + 0.5, ["openhat" if b == 3 else "hihat"]) for b in range(4)]),
    # brush swing: brush snare on every beat and the swung "and" of 2 and 4, kick on 1, pedal hi-hat on 2 and 4
    "brushswing": (4, [(float(b), ["snare"] + (["kick"] if b == 0 else ["pedalhat"] if b in (1, 3) else [])) for b in range(4)] + [(1.5, ["snare"]), (3.5, ["snare"])]),
    # 6/8 (two dotted-quarter beats): shaker on every eighth, kick on 1, rim shot on the second beat, open hi-hat on the last eighth
    "six8shaker": (2, [(e / 3, ["shaker"] + (["kick"] if e == 0 else ["rim"] if e == 3 else ["openhat"] if e == 5 else [])) for e in range(6)]),
    # 7/4 counted 4 + 3: closed hi-hat on every beat and "and", kick on 1 and 5, snare on 3 and 6
    "seven4": (7, [(b + h, ["hihat"] + (["kick"] if h == 0 and b in (0, 4) else ["snare"] if h == 0 and b in (2, 5) else [])) for b in range(7) for h in (0.0, 0.5)]),
}
PATTERN_KITS |= {"skabeat": 18, "brushswing": 41, "six8shaker": 10, "seven4": 3}


def _halfbass_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 12 (held_out_24): a contrabass in two (a half note on the bar's first beat and on every other
    beat after it: root, then fifth), short vibraphone chords on the beats between."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    chord = TRIADS[(k + 1) % len(TRIADS)]
    for b in range(n):
        if b % 2 == 0:
            ev += note(1, ROOTS[k % 4] + (7 if b % 4 == 2 else 0), t_bar + b * beat, t_bar + (b + min(2, n - b) - 0.1) * beat, 100)
        else:
            for p in chord:
                ev += note(2, p, t_bar + b * beat, t_bar + (b + 0.3) * beat, 80)
    return ev


def _boomchick_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 12 (held_out_24): a bass note on every beat (root and fifth in turn), a steel guitar's short
    chord on every "and" (at ``swing``)."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    chord = TRIADS[(k + 2) % len(TRIADS)]
    for b in range(n):
        ev += note(1, ROOTS[k % 4] + (7 if b % 2 else 0), t_bar + b * beat, t_bar + (b + 0.45) * beat, 100)
        t = t_bar + (b + swing) * beat
        for p in chord:
            ev += note(2, p - 12, t, t + 0.3 * beat, 85)
    return ev


def _rainpad_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 12 (held_out_24): FX 1 (rain) holding the bar's chord, an oboe's legato half notes (no drums)."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    chord = TRIADS[(k + 3) % len(TRIADS)]
    for p in chord:
        ev += note(1, p - 12, t_bar, t_bar + (n - 0.05) * beat, 78)
    for b in range(0, n, 2):
        ev += note(2, chord[(b // 2) % len(chord)] + 12, t_bar + b * beat, t_bar + (b + min(2, n - b) - 0.04) * beat, 92)
    return ev


def _tromboneriff_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 12 (held_out_24): a trombone's bass line a note a beat (root, third, fifth, sixth), a tenor
    sax's short stab on the "and" (at ``swing``) of every other beat."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    steps = [0, 4, 7, 9]
    chord = TRIADS[(k + 4) % len(TRIADS)]
    for b in range(n):
        ev += note(1, ROOTS[k % 4] + 12 + steps[b % len(steps)], t_bar + b * beat, t_bar + (b + 0.8) * beat, 95)
        if b % 2 == 1:
            t = t_bar + (b + swing) * beat
            ev += note(2, chord[b % len(chord)], t, t + 0.25 * beat, 90)
    return ev


ACCOMPANIMENTS |= {
    "halfbass": ((43, 11), _halfbass_bar),  # contrabass, vibraphone
    "boomchick": ((32, STEEL_GUITAR), _boomchick_bar),  # acoustic bass, steel guitar
    "rainpad": ((96, 68), _rainpad_bar),  # FX 1 (rain), oboe
    "tromboneriff": ((57, 66), _tromboneriff_bar),  # trombone, tenor sax
}

TEMPO_SPLITS["held_out_24"] = [
    (47.8, "seven4", 0.5, "halfbass", True),
    (55.8, "brushswing", 2 / 3, "boomchick", True),
    (58.2, "six8shaker", 0.5, "rainpad", False),
    (68.1, "skabeat", 0.5, "tromboneriff", True),
    (74.4, "seven4", 0.5, False, True),
    (77.8, "brushswing", 2 / 3, "halfbass", False),
    (88.9, "six8shaker", 0.5, "boomchick", True),
    (97.9, "skabeat", 2 / 3, "rainpad", True),
    (113.5, "seven4", 0.5, "tromboneriff", False),
    (117.8, "brushswing", 2 / 3, False, True),
    (131.3, "six8shaker", 0.5, "halfbass", True),
    (160.3, "skabeat", 0.5, "boomchick", True),
    (178.1, "brushswing", 0.5, "tromboneriff", True),
    (182.7, "skabeat", 0.5, "halfbass", True),
]


# Issue 11t, session 12, for held_out_25 (the blind split: made with held_out_24, before any rule change, read only
# after the session's rules were frozen, once with main's rules and once with the session's): four patterns no split
# had on FluidR3 variant kits no tempo split had played (a soca's kick on every beat on Power 3, a half-time brush
# beat on Brush 2, a slow 6/8 on Jazz 2's ride, a son clave with congas on Room 5) and four accompaniments no split
# had: a bassoon in two under clavinet chops on 2 and 4, a synth bass on every beat under a harmonica's held notes,
# a marimba's eighths over a fretless bass (no drums with one), voice oohs holding chords over a sweep pad's bass
# (drumless legato). Tempos drawn log-uniform, one in each of 12 equal strata of 45–200 BPM (numpy seed 2525).
DRUM_PATTERNS |= {
    # soca: kick on every beat, snare on the "and" of 2 and 4, open hi-hat on every "and", cowbell on 1
    "soca": (4, [(float(b), ["kick"] + (["cowbell"] if b == 0 else [])) for b in range(4)] + [(b + 0.5, ["openhat"] + (["snare"] if b in (1, 3) else [])) for b in range(4)]),
    # half-time brush: brush on every eighth (hi-hat), kick on 1 and the "and" of 2, snare on 3
    "halfbrush": (4, [(b + h, ["hihat"] + (["kick"] if b + h in (0.0, 1.5) else ["snare"] if b + h == 2.0 else [])) for b in range(4) for h in (0.0, 0.5)]),
    # slow 6/8 (two dotted-quarter beats): ride on every eighth, kick on 1, snare on the second beat, pedal hi-hat on eighths 2 and 5
    "six8ride": (2, [(e / 3, ["ride"] + (["kick"] if e == 0 else ["snare"] if e == 3 else ["pedalhat"] if e in (2, 5) else [])) for e in range(6)]),
    # son clave 3-2 (two bars of 4/4 as one pattern): claves on 0, 1.5, 3, 5, 6; conga on every "and"; kick on 1 and 5
    "sonclave": (8, [(t, ["claves"] + (["kick"] if t in (0.0, 4.0) else [])) for t in (0.0, 1.5, 3.0, 5.0, 6.0)] + [(b + 0.5, ["conga"]) for b in range(8)] + [(4.0, ["kick"])]),
}
PATTERN_KITS |= {"soca": 19, "halfbrush": 42, "six8ride": 34, "sonclave": 13}


def _bassoontwo_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 12 (held_out_25): a bassoon in two (a note on the bar's first beat and every other beat after
    it, held near two beats), clavinet chops on the beats between."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    chord = TRIADS[(k + 5) % len(TRIADS)]
    for b in range(n):
        if b % 2 == 0:
            ev += note(1, ROOTS[k % 4] + 12 + (7 if b % 4 == 2 else 0), t_bar + b * beat, t_bar + (b + min(2, n - b) - 0.15) * beat, 95)
        else:
            for p in chord:
                ev += note(2, p, t_bar + b * beat, t_bar + (b + 0.2) * beat, 85)
    return ev


def _harmonicalead_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 12 (held_out_25): a synth bass on every beat (root, octave in turn), a harmonica holding a
    chord tone for the bar's first half and another for the rest."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    chord = TRIADS[(k + 1) % len(TRIADS)]
    for b in range(n):
        ev += note(1, ROOTS[k % 4] + (12 if b % 2 else 0), t_bar + b * beat, t_bar + (b + 0.6) * beat, 95)
    half = max(n // 2, 1)
    for i, (a, z) in enumerate(((0, half), (half, n))):
        if z > a:
            ev += note(2, chord[i % len(chord)] + 12, t_bar + a * beat, t_bar + (z - 0.05) * beat, 88)
    return ev


def _marimbarun_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 12 (held_out_25): a fretless bass holding the bar's root, a marimba on every eighth (at
    ``swing``) walking the chord up and down."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    ev += note(1, ROOTS[k % 4], t_bar, t_bar + (n - 0.05) * beat, 90)
    chord = TRIADS[(k + 2) % len(TRIADS)]
    run = chord + [chord[0] + 12] + chord[::-1][:-1]
    for e in range(2 * n):
        b, h = divmod(e, 2)
        t = t_bar + (b + (swing if h else 0.0)) * beat
        ev += note(2, run[e % len(run)], t, t + 0.4 * beat, 92)
    return ev


def _oohs_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 12 (held_out_25): a sweep pad's root held for the bar, voice oohs' chord changing every other
    beat (legato, no drums)."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    ev += note(1, ROOTS[k % 4], t_bar, t_bar + (n - 0.05) * beat, 80)
    for b in range(0, n, 2):
        for p in TRIADS[(k * n + b) % len(TRIADS)]:
            ev += note(2, p, t_bar + b * beat, t_bar + (b + min(2, n - b) - 0.04) * beat, 85)
    return ev


ACCOMPANIMENTS |= {
    "bassoontwo": ((70, 7), _bassoontwo_bar),  # bassoon, clavinet
    "harmonicalead": ((SYNTH_BASS, 22), _harmonicalead_bar),  # synth bass 1, harmonica
    "marimbarun": ((35, 12), _marimbarun_bar),  # fretless bass, marimba
    "oohs": ((95, 53), _oohs_bar),  # sweep pad, voice oohs
}

TEMPO_SPLITS["held_out_25"] = [
    (47.9, "six8ride", 0.5, "oohs", True),
    (54.9, "halfbrush", 0.5, "harmonicalead", True),
    (58.1, "soca", 0.5, "marimbarun", False),
    (73.6, "sonclave", 0.5, "bassoontwo", True),
    (77.6, "six8ride", 0.5, "marimbarun", True),
    (93.4, "halfbrush", 2 / 3, False, True),
    (97.3, "soca", 0.5, "oohs", False),
    (111.6, "sonclave", 0.5, "harmonicalead", True),
    (136.2, "six8ride", 0.5, "bassoontwo", True),
    (154.9, "halfbrush", 0.5, "marimbarun", True),
    (173.4, "soca", 0.5, "bassoontwo", True),
    (199.5, "sonclave", 2 / 3, "harmonicalead", True),
]


# Issue 11t, session 13, for held_out_26 (made first, read once with main's rules before any rule change) and
# held_out_27 (the blind split: written with it before anything was rendered, read only after the session's rules were
# frozen, once with main's rules and once with the session's). Both are bench-only (:data:`BENCH_SPLITS`: read by
# bench/bench_tempo.py, kept out of the tests' one render). Metres no tempo split had (9/8 as 2+2+2+3, 6/4, 5/8,
# 13/8 as 3+3+3+2+2, 3/4 under a 3/2 cowbell), patterns no split had (a punk beat, a mambo bell, a gospel shout) on
# FluidR3 variant kits no tempo split had played (Standard 2/5/6, Room 3/6, Power 1, Jazz 3/4), swing no split had
# (0.58, 0.6, 0.62, 0.75 of the beat) and eight accompaniment figures no split had (programs in new roles: a picked
# bass's tresillo under clean-guitar chops, a cello walking under celesta, strings under choir chords changing every
# three beats, a boogie piano's eighths over slap bass, harp triplets over a held contrabass, church-organ pedals
# under drawbar stabs, a tuba in two under brass stabs, a steel guitar's Travis picking over a held acoustic bass).
# Tempos drawn log-uniform, one in each of 14 (26) / 12 (27) equal strata of 45–200 BPM (numpy seeds 2626 / 2727; a
# draw another split had moved up by 0.3 BPM until unused); patterns in turn, three drumless clips in each split.
DRUM_PATTERNS |= {
    # 9/8 counted 2+2+2+3 eighths (4.5 quarter beats): closed hi-hat on every eighth, kick on eighths 0 and 4, rim on 2, snare on 6
    "aksak9": (4.5, [(e / 2, ["hihat"] + (["kick"] if e in (0, 4) else ["rim"] if e == 2 else ["snare"] if e == 6 else [])) for e in range(9)]),  # type: ignore[dict-item]
    # 6/4 (3 + 3): ride on every beat, kick on 1 and 4, snare on 3 and 6, pedal hi-hat on the "and" of 2 and 5
    "sixfour": (6, [(float(b), ["ride"] + (["kick"] if b in (0, 3) else ["snare"] if b in (2, 5) else [])) for b in range(6)] + [(b + 0.5, ["pedalhat"]) for b in (1, 4)]),
    # punk: ride 2 on every eighth, kick on 1, the "and" of 2 and 3, snare on 2 and 4
    "punk": (4, [(b + h, ["ride2"] + (["kick"] if b + h in (0.0, 1.5, 2.0) else ["snare"] if b + h in (1.0, 3.0) else [])) for b in range(4) for h in (0.0, 0.5)]),
    # 5/8 counted 3+2 eighths (2.5 quarter beats): shaker on every eighth, kick on eighth 0, snare on 3
    "fiveeight": (2.5, [(e / 2, ["shaker"] + (["kick"] if e == 0 else ["snare"] if e == 3 else [])) for e in range(5)]),  # type: ignore[dict-item]
}
PATTERN_KITS |= {"aksak9": 6, "sixfour": 11, "punk": 17, "fiveeight": 36}


def _tresillobass_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 13 (held_out_26): a picked bass on the tresillo (beats 0, 1.5 and 3 of every four: root,
    root, fifth), a clean guitar's short chord on every "and" (at ``swing``)."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    chord = TRIADS[(k + 2) % len(TRIADS)]
    for g in range(0, n, 4):
        for pos, step in ((0.0, 0), (1.5, 0), (3.0, 7)):
            if g + pos < beats:
                ev += note(1, ROOTS[k % 4] + step, t_bar + (g + pos) * beat, t_bar + (g + pos + 0.9) * beat, 100)
    for b in range(n):
        if b + swing < beats:
            t = t_bar + (b + swing) * beat
            for p in chord:
                ev += note(2, p, t, t + 0.2 * beat, 80)
    return ev


def _cellowalk_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 13 (held_out_26): a cello walking a note a beat (legato: root, second, third, fifth, sixth,
    fifth), a celesta's short chord on the bar's first beat."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    steps = [0, 2, 4, 7, 9, 7]
    for b in range(n):
        ev += note(1, ROOTS[k % 4] + 12 + steps[b % len(steps)], t_bar + b * beat, t_bar + (b + min(1.0, beats - b) - 0.03) * beat, 95)
    for p in TRIADS[(k + 3) % len(TRIADS)]:
        ev += note(2, p + 12, t_bar, t_bar + 0.5 * beat, 85)
    return ev


def _choirswell_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 13 (held_out_26): string ensemble 2 holding the bar's root, choir aahs' chord changing every
    three beats (legato)."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    ev += note(1, ROOTS[k % 4] + 12, t_bar, t_bar + (beats - 0.05) * beat, 80)
    for b in range(0, n, 3):
        for p in TRIADS[(k * n + b) % len(TRIADS)]:
            ev += note(2, p, t_bar + b * beat, t_bar + (min(b + 3, beats) - 0.04) * beat, 85)
    return ev


def _boogie_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 13 (held_out_26): a boogie piano's left hand on every eighth (at ``swing``: root, fifth,
    sixth, fifth, in octaves), a slap bass on the bar's first beat and every other beat after it."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    figure = [0, 7, 9, 7]
    root = ROOTS[k % 4] + 12
    for e in range(2 * n):
        b, h = divmod(e, 2)
        pos = b + (swing if h else 0.0)
        if pos < beats:
            t = t_bar + pos * beat
            for octave in (0, 12):
                ev += note(2, root + figure[e % 4] + octave, t, t + 0.3 * beat, 85)
    for b in range(0, n, 2):
        ev += note(1, ROOTS[k % 4], t_bar + b * beat, t_bar + (b + 0.7) * beat, 100)
    return ev


ACCOMPANIMENTS |= {
    "tresillobass": ((PICK_BASS, 27), _tresillobass_bar),  # picked bass, clean electric guitar
    "cellowalk": ((42, 8), _cellowalk_bar),  # cello, celesta
    "choirswell": ((49, 52), _choirswell_bar),  # string ensemble 2, choir aahs
    "boogie": ((37, PIANO), _boogie_bar),  # slap bass 2, piano
}

TEMPO_SPLITS["held_out_26"] = [
    (46.2, "aksak9", 0.5, "cellowalk", True),
    (53.9, "sixfour", 0.58, "boogie", True),
    (59.9, "punk", 0.5, "choirswell", False),
    (69.6, "fiveeight", 0.5, "tresillobass", True),
    (74.2, "aksak9", 0.5, False, True),
    (78.7, "sixfour", 0.5, "choirswell", True),
    (94.9, "punk", 0.62, "boogie", True),
    (96.0, "fiveeight", 0.5, "cellowalk", False),
    (112.8, "aksak9", 0.5, "tresillobass", True),
    (121.1, "sixfour", 0.5, False, True),
    (140.3, "punk", 0.5, "tresillobass", True),
    (147.2, "fiveeight", 0.58, "boogie", False),
    (178.8, "aksak9", 0.5, "choirswell", True),
    (180.3, "sixfour", 0.5, "cellowalk", True),
]

DRUM_PATTERNS |= {
    # 13/8 counted 3+3+3+2+2 eighths (6.5 quarter beats): closed hi-hat on every eighth, kick on eighths 0 and 6, snare on 3 and 9, rim on 11
    "thirteen8": (6.5, [(e / 2, ["hihat"] + (["kick"] if e in (0, 6) else ["snare"] if e in (3, 9) else ["rim"] if e == 11 else [])) for e in range(13)]),  # type: ignore[dict-item]
    # mambo: cowbell on every beat, kick on the "and" of 2 and on 4, a muted conga on 2, an open conga on 4 and its "and"
    "mambo": (4, [(float(b), ["cowbell"] + (["kick", "openhiconga"] if b == 3 else ["mutehiconga"] if b == 1 else [])) for b in range(4)] + [(1.5, ["kick"]), (3.5, ["openhiconga"])]),
    # gospel shout: kick on every beat, snare and clap on 2 and 4, tambourine on every eighth
    "shout": (4, [(b + h, ["tambourine"] + ((["kick"] + (["snare", "clap"] if b in (1, 3) else [])) if h == 0.0 else [])) for b in range(4) for h in (0.0, 0.5)]),
    # 3/4 under a 3/2 cowbell (two bars as one pattern): ride on every beat, kick on each bar's first, cowbell on every other beat
    "hemiola": (6, [(float(b), ["ride"] + (["kick"] if b in (0, 3) else []) + (["cowbell"] if b % 2 == 0 else [])) for b in range(6)]),
}
PATTERN_KITS |= {"thirteen8": 5, "mambo": 14, "shout": 2, "hemiola": 35}


def _harpripple_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 13 (held_out_27): a contrabass holding the bar's root, a harp's arpeggio in triplets (three
    notes a beat, up the chord and back)."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    ev += note(1, ROOTS[k % 4], t_bar, t_bar + (beats - 0.05) * beat, 90)
    chord = TRIADS[(k + 4) % len(TRIADS)]
    run = chord + [chord[0] + 12] + chord[::-1][:-1]
    for e in range(3 * n):
        if e / 3 < beats:
            t = t_bar + e / 3 * beat
            ev += note(2, run[e % len(run)], t, t + 0.5 * beat, 88)
    return ev


def _organpedal_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 13 (held_out_27): a church organ's pedal note every two beats (root, then fifth, held), a
    drawbar organ's short chord on every beat."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    chord = TRIADS[(k + 5) % len(TRIADS)]
    for b in range(0, n, 2):
        ev += note(1, ROOTS[k % 4] + (7 if b % 4 == 2 else 0), t_bar + b * beat, t_bar + (min(b + 2, beats) - 0.1) * beat, 95)
    for b in range(n):
        for p in chord:
            ev += note(2, p, t_bar + b * beat, t_bar + (b + 0.3) * beat, 80)
    return ev


def _brassfalls_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 13 (held_out_27): a tuba on the bar's first beat and every other beat after it (root, fifth),
    the brass section's stab on the bar's first beat and on the "and" (at ``swing``) of its last beat."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    chord = TRIADS[(k + 1) % len(TRIADS)]
    for b in range(0, n, 2):
        ev += note(1, ROOTS[k % 4] + (7 if b % 4 == 2 else 0), t_bar + b * beat, t_bar + (b + 0.8) * beat, 100)
    for pos in (0.0, n - 1 + swing):
        if pos < beats:
            for p in chord:
                ev += note(2, p, t_bar + pos * beat, t_bar + (pos + 0.25) * beat, 92)
    return ev


def _travis_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 13 (held_out_27): a steel guitar's Travis picking (the thumb on every beat, root and fifth in
    turn, a pinched chord tone on every "and" at ``swing``), an acoustic bass holding the bar's root."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    chord = TRIADS[(k + 3) % len(TRIADS)]
    ev += note(1, ROOTS[k % 4], t_bar, t_bar + (beats - 0.05) * beat, 85)
    for b in range(n):
        ev += note(2, ROOTS[k % 4] + 12 + (7 if b % 2 else 0), t_bar + b * beat, t_bar + (b + 0.5) * beat, 90)
        if b + swing < beats:
            t = t_bar + (b + swing) * beat
            ev += note(2, chord[b % len(chord)], t, t + 0.4 * beat, 80)
    return ev


ACCOMPANIMENTS |= {
    "harpripple": ((43, HARP), _harpripple_bar),  # contrabass, harp
    "organpedal": ((19, 16), _organpedal_bar),  # church organ, drawbar organ
    "brassfalls": ((58, 61), _brassfalls_bar),  # tuba, brass section
    "travis": ((32, STEEL_GUITAR), _travis_bar),  # acoustic bass, steel guitar
}

TEMPO_SPLITS["held_out_27"] = [
    (45.0, "thirteen8", 0.5, "organpedal", True),
    (57.3, "mambo", 0.5, "travis", True),
    (63.9, "shout", 0.6, "harpripple", False),
    (69.2, "hemiola", 0.5, "brassfalls", True),
    (84.6, "thirteen8", 0.5, False, True),
    (87.9, "mambo", 0.5, "harpripple", True),
    (98.7, "shout", 0.75, "travis", True),
    (110.6, "hemiola", 0.5, "organpedal", False),
    (127.2, "thirteen8", 0.5, "brassfalls", True),
    (142.6, "mambo", 0.6, "organpedal", True),
    (157.3, "shout", 0.5, "brassfalls", False),
    (182.6, "hemiola", 0.5, "harpripple", True),
]


# Issue 11t, session 14, for held_out_28 (made first, read once with main's rules before any rule change) and
# held_out_29 (the blind split: written with it before anything was rendered, read only after the session's rules were
# frozen, once with main's rules and once with the session's). Both bench-only (:data:`BENCH_SPLITS`). Patterns no
# split had: fast duple grooves (a merengue's guiro over a tambora kick on every beat, a bluegrass boom-chick, a
# second-line snare, a baiao's zabumba under a triangle, a zouk), uneven metres in new groupings and instruments (11/8
# as 2+2+3+2+2 on bongos, 5/8 as 2+3 on claves, 7/8 as 2+2+3 on timbales, 9/8 as 2+2+2+3 on a cabasa) on FluidR3 kits
# no tempo split had played (Standard 1, 4, 7, Room 1, 4, 7, Jazz 1), swing of 0.55, 0.64 and 0.7 of the beat, and
# six accompaniment figures no split had (programs in new roles). Tempos (the recipe's quarter) log-uniform, one in
# each of 14 (28) / 12 (29) equal strata of 45–200 BPM (numpy seeds 2828 / 2929, a tempo another split had moved up by
# 0.3 BPM); patterns and figures in turn; the three drumless clips and the three swung ones of each split drawn (seeds
# 2829 / 2930).
DRUM_PATTERNS |= {
    # merengue (2/4): short guiro on every eighth, kick on both beats, an open conga on the "and" of 2
    "merengue": (2, [(e / 2, ["shortguiro"] + (["kick"] if e in (0, 2) else ["openhiconga"] if e == 3 else [])) for e in range(4)]),
    # bluegrass boom-chick (2/2): kick on 1, snare on 2, pedal hi-hat on both "and"s
    "bluegrass": (2, [(0.0, ["kick"]), (0.5, ["pedalhat"]), (1.0, ["snare"]), (1.5, ["pedalhat"])]),
    # second line: a syncopated snare (1 e-and, 2 "and", 3, 4 and 4 e), kick on 1, the "and" of 2, 3 and the "and" of 4, tambourine on every beat
    "secondline": (
        4,
        [(float(b), ["tambourine"]) for b in range(4)]
        + [(0.0, ["kick"]), (0.5, ["snare"]), (0.75, ["snare"]), (1.5, ["kick", "snare"]), (2.0, ["kick", "snare"]), (3.0, ["snare"]), (3.25, ["snare"]), (3.5, ["kick"])],
    ),
    # 11/8 counted 2+2+3+2+2 eighths (5.5 quarter beats): high bongo on every eighth, kick on eighths 0 and 7, snare on 4 and 9, rim on 2
    "kopanica": (5.5, [(e / 2, ["hibongo"] + (["kick"] if e in (0, 7) else ["snare"] if e in (4, 9) else ["rim"] if e == 2 else [])) for e in range(11)]),  # type: ignore[dict-item]
    # 5/8 counted 2+3 eighths (2.5 quarter beats): claves on every eighth, kick on eighth 0, snare on 2
    "paidushko": (2.5, [(e / 2, ["claves"] + (["kick"] if e == 0 else ["snare"] if e == 2 else [])) for e in range(5)]),  # type: ignore[dict-item]
}
PATTERN_KITS |= {"merengue": 1, "bluegrass": 33, "secondline": 9, "kopanica": 4, "paidushko": 12}


def _banjoroll_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 14 (held_out_28): a fretless bass holding the bar's root, a banjo rolling chord tones on every
    eighth (the "and"s at ``swing``)."""
    ev: list[tuple[float, bytes]] = []
    chord = TRIADS[(k + 1) % len(TRIADS)]
    roll = [chord[0], chord[1], chord[2], chord[0] + 12]
    ev += note(1, ROOTS[k % 4], t_bar, t_bar + (beats - 0.05) * beat, 90)
    for e in range(int(round(2 * beats))):
        b, h = divmod(e, 2)
        t = t_bar + (b + (swing if h else 0.0)) * beat
        ev += note(2, roll[e % 4], t, t + 0.4 * beat, 85)
    return ev


def _bandoneon_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 14 (held_out_28): pizzicato strings on every beat (root, then fifth, in turn), a bandoneon's
    chord held from the bar's first beat and a new one from its middle beat."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    for b in range(n):
        ev += note(1, ROOTS[k % 4] + 12 + (7 if b % 2 else 0), t_bar + b * beat, t_bar + (b + 0.3) * beat, 100)
    mid = n // 2
    for start, end, chord in ((0, mid, TRIADS[k % len(TRIADS)]), (mid, beats, TRIADS[(k + 2) % len(TRIADS)])):
        for p in chord:
            ev += note(2, p, t_bar + start * beat, t_bar + (end - 0.05) * beat, 80)
    return ev


def _vibesbass_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 14 (held_out_28): a picked bass on every beat and on the "and" of the bar's last beat, a
    vibraphone's chord on every "and" (at ``swing``)."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    chord = TRIADS[(k + 4) % len(TRIADS)]
    for b in range(n):
        ev += note(1, ROOTS[k % 4] + (7 if b == n - 1 else 0), t_bar + b * beat, t_bar + (b + 0.45) * beat, 100)
        if b + swing < beats:
            t = t_bar + (b + swing) * beat
            for p in chord:
                ev += note(2, p + 12, t, t + 0.3 * beat, 80)
    if n - 1 + swing < beats:
        ev += note(1, ROOTS[k % 4] + 12, t_bar + (n - 1 + swing) * beat, t_bar + (n - 0.55 + swing) * beat, 90)
    return ev


ACCOMPANIMENTS |= {
    "banjoroll": ((35, 105), _banjoroll_bar),  # fretless bass, banjo
    "bandoneon": ((PIZZICATO, 23), _bandoneon_bar),  # pizzicato strings, bandoneon
    "vibesbass": ((PICK_BASS, 11), _vibesbass_bar),  # picked bass, vibraphone
}

TEMPO_SPLITS["held_out_28"] = [
    (48.2, "merengue", 0.5, "banjoroll", True),
    (54.7, "bluegrass", 0.5, "bandoneon", True),
    (58.8, "secondline", 0.55, "vibesbass", True),
    (64.8, "kopanica", 0.5, "banjoroll", True),
    (72.9, "paidushko", 0.5, "bandoneon", True),
    (80.5, "merengue", 0.5, "vibesbass", False),
    (86.1, "bluegrass", 0.5, "banjoroll", True),
    (102.8, "secondline", 0.5, "bandoneon", False),
    (113.8, "kopanica", 0.5, "vibesbass", False),
    (127.8, "paidushko", 0.5, "banjoroll", True),
    (144.9, "merengue", 0.7, "bandoneon", True),
    (146.3, "bluegrass", 0.7, "vibesbass", True),
    (164.4, "secondline", 0.5, "banjoroll", True),
    (196.6, "kopanica", 0.5, "bandoneon", True),
]

DRUM_PATTERNS |= {
    # 7/8 counted 2+2+3 eighths (3.5 quarter beats): rim on every eighth, kick and low timbale on eighth 0, high timbale on 2 and 4, tambourine on 4
    "ruchenitsa": (3.5, [(e / 2, ["rim"] + (["kick", "lowtimbale"] if e == 0 else ["timbale"] + (["tambourine"] if e == 4 else []) if e in (2, 4) else [])) for e in range(7)]),  # type: ignore[dict-item]
    # baiao (2/4): triangle on every sixteenth (muted on the eighths), zabumba (kick) on 1 and the "a" of 1, floor tom on 2, rim on the "and" of 2
    "baiao": (2, [(q / 4, ["mutetriangle" if q % 2 == 0 else "triangle"] + (["kick"] if q in (0, 3) else ["floortom"] if q == 4 else ["rim"] if q == 6 else [])) for q in range(8)]),
    # zouk: kick on every beat, shaker on every eighth, rim on the "a" of 1, the "and" of 2, the "a" of 3 and the "and" of 4
    "zouk": (4, [(b + h, ["shaker"] + (["kick"] if h == 0 else [])) for b in range(4) for h in (0.0, 0.5)] + [(p, ["rim"]) for p in (0.75, 1.5, 2.75, 3.5)]),
    # 9/8 counted 2+2+2+3 eighths (4.5 quarter beats): cabasa on every eighth, kick on eighth 0, rim on 2, snare on 4, floor tom on 6
    "karsilama": (4.5, [(e / 2, ["cabasa"] + (["kick"] if e == 0 else ["rim"] if e == 2 else ["snare"] if e == 4 else ["floortom"] if e == 6 else [])) for e in range(9)]),  # type: ignore[dict-item]
}
PATTERN_KITS |= {"ruchenitsa": 7, "baiao": 15, "zouk": 4, "karsilama": 33}


def _harpsibass_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 14 (held_out_29): a bassoon's root from the bar's first beat and its fifth from the middle
    beat (held), a harpsichord's broken chord on every eighth."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    mid = n // 2
    ev += note(1, ROOTS[k % 4] + 12, t_bar, t_bar + (mid - 0.05) * beat, 95)
    ev += note(1, ROOTS[k % 4] + 19, t_bar + mid * beat, t_bar + (beats - 0.05) * beat, 95)
    chord = TRIADS[(k + 5) % len(TRIADS)]
    for e in range(int(round(2 * beats))):
        b, h = divmod(e, 2)
        t = t_bar + (b + (swing if h else 0.0)) * beat
        ev += note(2, chord[e % len(chord)] + 12, t, t + 0.45 * beat, 85)
    return ev


def _steelpan_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 14 (held_out_29): a synth bass on every beat (root), steel drums on eighths 0, 3 and 6 of
    every eight (3 + 3 + 2) within the bar."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    for b in range(n):
        ev += note(1, ROOTS[k % 4], t_bar + b * beat, t_bar + (b + 0.6) * beat, 100)
    chord = TRIADS[(k + 3) % len(TRIADS)]
    for e in range(int(round(2 * beats))):
        if e % 8 in (0, 3, 6):
            b, h = divmod(e, 2)
            t = t_bar + (b + (swing if h else 0.0)) * beat
            ev += note(2, chord[(e // 3) % len(chord)] + 12, t, t + 0.3 * beat, 90)
    return ev


def _orgslap_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 14 (held_out_29): a slap bass on every beat and its octave on every "and" (at ``swing``), a
    rock organ's chord held over the bar."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    for b in range(n):
        ev += note(1, ROOTS[k % 4], t_bar + b * beat, t_bar + (b + 0.3) * beat, 100)
        if b + swing < beats:
            ev += note(1, ROOTS[k % 4] + 12, t_bar + (b + swing) * beat, t_bar + (b + swing + 0.2) * beat, 90)
    for p in TRIADS[(k + 1) % len(TRIADS)]:
        ev += note(2, p, t_bar, t_bar + (beats - 0.05) * beat, 75)
    return ev


ACCOMPANIMENTS |= {
    "harpsibass": ((70, 6), _harpsibass_bar),  # bassoon, harpsichord
    "steelpan": ((38, 114), _steelpan_bar),  # synth bass 1, steel drums
    "orgslap": ((36, 18), _orgslap_bar),  # slap bass 1, rock organ
}

TEMPO_SPLITS["held_out_29"] = [
    (46.6, "ruchenitsa", 0.7, "harpsibass", True),
    (52.6, "baiao", 0.5, "steelpan", True),
    (60.2, "zouk", 0.5, "orgslap", True),
    (66.3, "karsilama", 0.5, "harpsibass", True),
    (75.8, "ruchenitsa", 0.5, "steelpan", False),
    (94.2, "baiao", 0.5, "orgslap", True),
    (105.4, "zouk", 0.5, "harpsibass", False),
    (108.3, "karsilama", 0.5, "steelpan", True),
    (128.1, "ruchenitsa", 0.5, "orgslap", True),
    (155.1, "baiao", 0.5, "harpsibass", False),
    (168.7, "zouk", 0.64, "steelpan", True),
    (196.4, "karsilama", 0.64, "orgslap", True),
]

# Issue 11t, session 14: the beat of an uneven (non-isochronous) metre (docs/audio.md, "What the beat is"): where its
# pulse (the eighth) is faster than any beat tempo_bpm reports (over 200 a minute), its groups of two and three eighths
# are the beats, and the truth is their mean rate, groups per bar over the bar's length (a 7/8 as 2+2+3 at the recipe's
# quarter q: 3 beats in 3.5 quarters, q × 3/3.5); a slower pulse is itself the beat (2q). Pattern → its groups, in
# eighths (their sum is twice the pattern's quarter beats). A drumless clip of such a pattern plays no grouping (its
# figures fall on the quarters): its truth stays the recipe's quarter.
UNEVEN_GROUPS: dict[str, tuple[int, ...]] = {
    "seven8": (2, 2, 3),
    "seven8b": (3, 2, 2),
    "seven8c": (2, 3, 2),
    "eleven8": (3, 3, 3, 2),
    "aksak9": (2, 2, 2, 3),
    "fiveeight": (3, 2),
    "thirteen8": (3, 3, 3, 2, 2),
    "kopanica": (2, 2, 3, 2, 2),
    "paidushko": (2, 3),
    "ruchenitsa": (2, 2, 3),
    "karsilama": (2, 2, 2, 3),
}


UNEVEN_PULSE_MAX_BPM = 200.0  # an uneven metre's pulse this slow or slower is itself a beat (TEMPO_RANGE_BPM's top)


def true_tempo(bpm: float, pattern: str, *, drums: bool = True) -> float:
    """The true tempo of a clip of ``pattern`` at the recipe's quarter ``bpm``: the quarter, or for an uneven metre
    played on drums (:data:`UNEVEN_GROUPS`) the mean rate of its groups — unless its pulse (the eighth, 2 × ``bpm``) is
    no faster than UNEVEN_PULSE_MAX_BPM: then the pulse is the beat (a 5/8 whose eighths come every 0.44 s sounds
    exactly like a 5/4 at 135 BPM with the same accents, and one sound has one tempo)."""
    groups = UNEVEN_GROUPS.get(pattern) if drums else None
    if groups is None:
        return bpm
    return 2 * bpm if 2 * bpm <= UNEVEN_PULSE_MAX_BPM else bpm * 2 * len(groups) / sum(groups)


# Splits read by bench/bench_tempo.py only (COMMON rule, session 13: a new split's numbers go to the docs; the tests'
# one render gets only the clips a rule fixes): the tests' fixture leaves them out.
BENCH_SPLITS = ("held_out_26", "held_out_27", "held_out_28", "held_out_29")


# Issue 11t, session 15, for held_out_30 (made first, read once with main's rules before any rule change) and
# held_out_31 (the blind split: written with it before anything was rendered, read only after the session's rules were
# frozen, once with main's rules and once with the session's). Both bench-only (:data:`BENCH_SPLITS`). The session's
# job is the metrical level of half-time grooves (kick on 1, snare on 3, hi-hats in eighths: read double) and of fast
# duple grooves (ska, brushes, cumbia, a jazz two-feel: read half), so each split holds new patterns of both kinds and
# of other kinds: the half-time grooves' recipe quarters are drawn log-uniform in 58–84 BPM, the fast duple grooves'
# in 140–200, the others' one in each equal log stratum of 45–200 (numpy seeds 3030 / 3131; a tempo another split had
# moved up by 0.3 BPM); accompaniments drawn from every figure without replacement, three drumless clips and three
# swung ones (swing 0.58, 0.62 or 2/3) drawn (seeds 3031 / 3132). The truth is the recipe's quarter (none of these
# patterns is an uneven metre).
DRUM_PATTERNS |= {
    # half time on the Room kit: closed hi-hat on every eighth, kick on 1 and the "and" of 3, snare on 3
    "halfroom": (4, [(b + h, ["hihat"] + (["kick"] if b + h in (0.0, 2.5) else ["snare"] if b + h == 2.0 else [])) for b in range(4) for h in (0.0, 0.5)]),
    # half time on a ride: ride on every eighth, kick on 1 and the "and" of 1, snare on 3, pedal hi-hat on 2 and 4
    "halfride": (4, [(b + h, ["ride"] + (["kick"] if b + h in (0.0, 0.5) else ["snare"] if b + h == 2.0 else ["pedalhat"] if b + h in (1.0, 3.0) else [])) for b in range(4) for h in (0.0, 0.5)]),
    # ska: kick on 1 and 3, rim shot on 2 and 4, closed hi-hat on the beats and open hi-hat on every "and"
    "skaoff": (4, [(b + h, (["openhat"] if h else ["hihat"]) + (["kick"] if h == 0 and b in (0, 2) else ["rim"] if h == 0 else [])) for b in range(4) for h in (0.0, 0.5)]),
    # brushes in two: bass drum on 1 and 3, a brush slap (snare) on 2 and 4, a brush sweep (maracas) on every eighth
    "twobrush": (4, [(b + h, ["shaker"] + (["bassdrum"] if h == 0 and b in (0, 2) else ["snare"] if h == 0 else [])) for b in range(4) for h in (0.0, 0.5)]),
    # pop funk: closed hi-hat on every sixteenth, kick on 1, the "a" of 2 and the "and" of 3, snare on 2 and 4
    "popfunk": (4, [(q / 4, ["hihat"] + (["kick"] if q in (0, 7, 10) else ["snare"] if q in (4, 12) else [])) for q in range(16)]),
    # a waltz on the Room kit: kick on 1, snare on 2 and 3, closed hi-hat on every eighth
    "waltzroom": (3, [(b + h, ["hihat"] + (["kick"] if b + h == 0.0 else ["snare"] if h == 0 else [])) for b in range(3) for h in (0.0, 0.5)]),
}
PATTERN_KITS |= {"halfroom": 8, "halfride": 16, "twobrush": 40, "popfunk": 24, "waltzroom": 9}

TEMPO_SPLITS["held_out_30"] = [
    (69.8, "halfroom", 0.5, "reedorgan", True),
    (79.3, "halfroom", 0.5, "bottle", True),
    (66.8, "halfroom", 0.62, "halopad", True),
    (78.8, "halfride", 0.5, "skank", True),
    (65.3, "halfride", 0.58, "organbass", True),
    (180.6, "skaoff", 0.5, "harpripple", True),
    (195.7, "skaoff", 0.62, "synthpluck", True),
    (182.5, "skaoff", 0.5, "metalpad", True),
    (160.1, "twobrush", 0.5, "horns", True),
    (148.4, "twobrush", 0.5, "banjoroll", True),
    (56.7, "popfunk", 0.5, "strum", False),
    (70.4, "popfunk", 0.5, "halfbass", True),
    (112.3, "waltzroom", 0.5, "slowpad", False),
    (178.5, "waltzroom", 0.5, "cellowalk", False),
]

DRUM_PATTERNS |= {
    # half time with a cross-stick: closed hi-hat on every eighth (open on the "and" of 4), kick on 1 and the "a" of 2, rim shot on 3
    "halfstick": (4, [(b + h, (["openhat"] if b + h == 3.5 else ["hihat"]) + (["rim"] if b + h == 2.0 else [])) for b in range(4) for h in (0.0, 0.5)] + [(0.0, ["kick"]), (1.75, ["kick"])]),
    # trap half time: closed hi-hat on every eighth and a sixteenth roll through beat 4, kick on 1 and the "a" of 1, clap and snare on 3
    "halftrap": (
        4,
        [(b + h, ["hihat"] + (["kick"] if b + h == 0.0 else ["snare", "clap"] if b + h == 2.0 else [])) for b in range(3) for h in (0.0, 0.5)]
        + [(3.0 + q / 4, ["hihat"]) for q in range(4)]
        + [(0.75, ["kick"])],
    ),
    # cumbia on maracas: maracas on every eighth, kick on 1 and 3, a muted conga on 2 and 4, an open conga on the "and" of 4
    "cumbiamar": (4, [(b + h, ["shaker"] + (["kick"] if h == 0 and b in (0, 2) else ["mutehiconga"] if h == 0 else ["openhiconga"] if b == 3 else [])) for b in range(4) for h in (0.0, 0.5)]),
    # a jazz two-feel on the ride: ride on every beat and on the "and" of 2 and 4 (at the swing), kick on 1 and 3, pedal hi-hat on 2 and 4
    "twofeelride": (4, [(float(b), ["ride"] + (["kick"] if b in (0, 2) else ["pedalhat"])) for b in range(4)] + [(1.5, ["ride"]), (3.5, ["ride"])]),
    # rock on the ride: ride on every eighth, kick on 1 and 3 and the "and" of 3, snare on 2 and 4
    "rockride": (4, [(b + h, ["ride"] + (["kick"] if b + h in (0.0, 2.0, 2.5) else ["snare"] if b + h in (1.0, 3.0) else [])) for b in range(4) for h in (0.0, 0.5)]),
}
PATTERN_KITS |= {"halfstick": 1, "halftrap": 25, "cumbiamar": 12, "twofeelride": 32, "rockride": 4}

TEMPO_SPLITS["held_out_31"] = [
    (72.3, "halfstick", 0.5, "triplets", True),
    (82.3, "halfstick", 2 / 3, "brass", True),
    (65.1, "halfstick", 0.5, "harmonica", True),
    (79.1, "halftrap", 0.58, "epiano", True),
    (70.8, "halftrap", 0.62, "bassline", True),
    (165.1, "cumbiamar", 0.5, "bottle", False),
    (141.7, "cumbiamar", 0.5, "stringpad", False),
    (164.2, "twofeelride", 0.5, "clav", True),
    (167.5, "twofeelride", 0.5, True, True),
    (53.4, "rockride", 0.5, "arpsynth", False),
    (87.2, "rockride", 0.5, "chorale", True),
    (146.6, "rockride", 0.5, "boomchick", True),
]

BENCH_SPLITS = BENCH_SPLITS + ("held_out_30", "held_out_31")


# Issue 11t, session 16, for held_out_32 (made first, read once with main's rules before any rule change) and
# held_out_33 (the blind split: written with it, rendered into the bench cache with no tempo computed, read only after
# the session's rules were frozen, once with main's rules and once with the session's). Both bench-only
# (:data:`BENCH_SPLITS`). The session's job is still the metrical level (half-time grooves read double, fast duple ones
# read half), now from the per-frame drum primitives, so each split holds two new half-time patterns (recipe quarter
# log-uniform in 58–84 BPM), two new fast duple ones (140–200) and two others (one tempo in each equal log stratum of
# 45–200), four clips each kind, patterns in turn (numpy seeds 3232 / 3333; a tempo another split had moved up by 0.3
# BPM); accompaniments drawn from every figure without replacement, two drumless clips, three swung ones (swing 0.58,
# 0.62 or 2/3) and the six patterns' kits (from the kits the corpus already plays) drawn (seeds 3233 / 3334). The truth
# is the recipe's quarter (none of these patterns is an uneven metre).
DRUM_PATTERNS |= {
    # half time with a clap: closed hi-hat on every eighth (open on the "and" of 4), kick on 1 and the "and" of 2, snare and clap on 3
    "halfclap": (4, [(b + h, (["openhat"] if b + h == 3.5 else ["hihat"]) + (["kick"] if b + h in (0.0, 1.5) else ["snare", "clap"] if b + h == 2.0 else [])) for b in range(4) for h in (0.0, 0.5)]),
    # half time with ghost notes: closed hi-hat on every eighth, kick on 1 and the "a" of 3, snare on 3, side stick on the "and" of 2 and the "a" of 4
    "halfghost": (
        4,
        [(b + h, ["hihat"] + (["snare"] if b + h == 2.0 else ["rim"] if b + h == 1.5 else [])) for b in range(4) for h in (0.0, 0.5)] + [(0.0, ["kick"]), (2.75, ["kick"]), (3.75, ["rim"])],
    ),
    # d-beat: open hi-hat on every beat, kick on 1, the "and" of 1, 3 and the "and" of 3, snare on 2 and 4
    "dbeat": (4, [(float(b), ["openhat"] + (["snare"] if b in (1, 3) else ["kick"])) for b in range(4)] + [(0.5, ["kick"]), (2.5, ["kick"])]),
    # off-beat snare (a fast two): closed hi-hat and kick alternating on the beats (kick on 1 and 3, hi-hat on all four), snare on every "and"
    "offsnare": (4, [(float(b), ["hihat"] + (["kick"] if b in (0, 2) else [])) for b in range(4)] + [(b + 0.5, ["snare"]) for b in range(4)]),
    # new jack swing: closed hi-hat on every eighth, kick on 1, the "a" of 1 and the "and" of 3, snare on 2 and 4
    "newjack": (4, [(b + h, ["hihat"] + (["kick"] if b + h in (0.0, 2.5) else ["snare"] if b + h in (1.0, 3.0) else [])) for b in range(4) for h in (0.0, 0.5)] + [(0.75, ["kick"])]),
    # go-go: cowbell on every beat, an open conga on every "and", kick on 1, the "and" of 2 and the "a" of 3, snare on 2 and 4
    "gogo": (
        4,
        [(float(b), ["cowbell"] + (["snare"] if b in (1, 3) else ["kick"] if b == 0 else [])) for b in range(4)]
        + [(b + 0.5, ["openhiconga"] + (["kick"] if b == 1 else [])) for b in range(4)]
        + [(2.75, ["kick"])],
    ),
}
PATTERN_KITS |= {"halfclap": 9, "halfghost": 36, "dbeat": 25, "offsnare": 2, "newjack": 13, "gogo": 0}

TEMPO_SPLITS["held_out_32"] = [
    (62.8, "halfclap", 0.62, "crystal", False),
    (61.8, "halfghost", 0.58, "brassfalls", True),
    (81.6, "halfclap", 2 / 3, "steelpan", False),
    (62.1, "halfghost", 0.5, "banjoroll", True),
    (175.8, "dbeat", 0.5, "arpeggio", True),
    (157.6, "offsnare", 0.5, "synthdrum", True),
    (176.7, "dbeat", 0.5, "sitar", True),
    (161.7, "offsnare", 0.5, "organpedal", True),
    (47.3, "newjack", 0.5, "horns", True),
    (93.9, "gogo", 0.5, "saxes", True),
    (136.6, "newjack", 0.5, "marimba", True),
    (172.3, "gogo", 0.5, "halopad", True),
]

DRUM_PATTERNS |= {
    # half time on a tambourine: tambourine on every eighth, kick on 1 and the "and" of 3, snare on 3, ride bell on 1 and 3
    "halftambo": (
        4,
        [(b + h, ["tambourine"] + (["kick", "ridebell"] if b + h == 0.0 else ["snare", "ridebell"] if b + h == 2.0 else ["kick"] if b + h == 2.5 else [])) for b in range(4) for h in (0.0, 0.5)],
    ),
    # half time on open hats: open hi-hat on every beat, pedal hi-hat on every "and", kick on 1 and the "and" of 3, snare on 3
    "halfopen": (4, [(float(b), ["openhat"] + (["kick"] if b == 0 else ["snare"] if b == 2 else [])) for b in range(4)] + [(b + 0.5, ["pedalhat"] + (["kick"] if b == 2 else [])) for b in range(4)]),
    # two-tone ska: kick on 1 and 3, snare and rim shot on 2 and 4, closed hi-hat on every "and"
    "twotone": (4, [(float(b), ["kick"] if b in (0, 2) else ["snare", "rim"]) for b in range(4)] + [(b + 0.5, ["hihat"]) for b in range(4)]),
    # schlager: kick on every beat, snare on 2 and 4, closed hi-hat on every "and"
    "schlager": (4, [(float(b), ["kick"] + (["snare"] if b in (1, 3) else [])) for b in range(4)] + [(b + 0.5, ["hihat"]) for b in range(4)]),
    # synth pop: closed hi-hat on every sixteenth, kick on 1 and the "and" of 3, snare on 2 and 4, clap on 4
    "synthpop": (4, [(q / 4, ["hihat"] + (["kick"] if q in (0, 10) else ["snare"] if q == 4 else ["snare", "clap"] if q == 12 else [])) for q in range(16)]),
    # boogaloo: cowbell on every beat, kick on 1, the "and" of 2 and the "and" of 3, snare on 2 and 4, a muted conga on the "and" of 1 and 4
    "boogaloo": (
        4,
        [(float(b), ["cowbell"] + (["kick"] if b == 0 else ["snare"] if b in (1, 3) else [])) for b in range(4)] + [(1.5, ["kick"]), (2.5, ["kick"]), (0.5, ["mutehiconga"]), (3.5, ["mutehiconga"])],
    ),
}
PATTERN_KITS |= {"halftambo": 7, "halfopen": 33, "twotone": 34, "schlager": 12, "synthpop": 9, "boogaloo": 32}

TEMPO_SPLITS["held_out_33"] = [
    (68.5, "halftambo", 0.5, "steeldrum", True),
    (61.7, "halfopen", 0.5, "travis", False),
    (58.3, "halftambo", 2 / 3, "dulcimer", False),
    (71.8, "halfopen", 0.5, "musicbox", True),
    (141.4, "twotone", 0.5, "choirhymn", True),
    (152.4, "schlager", 0.5, "octbass", True),
    (153.8, "twotone", 2 / 3, "harp", True),
    (140.9, "schlager", 0.5, "overdrive", True),
    (61.6, "synthpop", 0.5, "sopranopad", True),
    (78.1, "boogaloo", 0.62, "tromboneriff", True),
    (132.3, "synthpop", 0.5, True, True),  # True: the default bass + piano (the tests spell it so, not "piano")
    (167.4, "boogaloo", 0.5, "organpedal", True),
]

BENCH_SPLITS = BENCH_SPLITS + ("held_out_32", "held_out_33")

# Issue 11t, session 17, for held_out_34 (made first, read once with main's rules before any rule change) and
# held_out_35 (the blind split: written with it, rendered with no tempo computed, read only after the session's rules
# were frozen, once with main's rules and once with the session's). Both bench-only (:data:`BENCH_SPLITS`). Nobody
# chose the content (numpy seeds 3434 / 3535, /work/notes/s17/11t-reads/make_splits.py): four half-time patterns drawn
# from the corpus's ``half*`` patterns (recipe quarter log-uniform in 58–84 BPM), four duple patterns (2 or 4 beats a
# bar, not half time) at 140–200, four of any pattern (one tempo in each equal log stratum of 45–200); a tempo
# another split had moved up by 0.1 BPM; accompaniments drawn without replacement, two drumless clips, three swung
# ones (swing 0.58, 0.62 or 2/3). The kits are the patterns' own.
TEMPO_SPLITS["held_out_34"] = [
    (62.7, "halfghost", 0.5, "synthseq", False),
    (60.4, "halfroom", 0.5, "walking", True),
    (74.7, "halfstick", 0.5, "brass", True),
    (62.2, "halfstick", 0.5, "harp", False),
    (198.0, "zouk", 0.5, "soundtrack", True),
    (146.1, "rockfill", 0.58, "celesta", True),
    (145.1, "bluegrass", 0.5, "musicbox", True),
    (177.6, "breakfill", 0.5, "chorale", True),
    (46.7, "samba", 0.5, "metalpad", True),
    (89.9, "secondline", 0.5, "vibesbass", True),
    (118.3, "motown", 0.58, "sopranopad", True),
    (155.2, "seven4", 0.58, "piccolo", True),
]

TEMPO_SPLITS["held_out_35"] = [
    (80.3, "halfstick", 0.5, "charang", True),
    (61.4, "halftime", 0.58, "boomchick", True),
    (65.2, "halfstick", 0.5, "arpsynth", True),
    (82.9, "halfclap", 0.5, "synthpluck", False),
    (161.4, "chinarock", 0.5, "fifths", True),
    (178.2, "brushswing", 0.62, "woodwinds", True),
    (192.3, "agogo128", 0.5, "organbass", True),
    (148.8, "gogo", 0.5, "stride", True),
    (52.7, "bluegrass", 0.5, "walking", True),
    (80.1, "twelve8shuffle", 0.5, "marimbarun", True),
    (121.6, "aksak9", 2 / 3, "brass", True),
    (182.8, "twostep", 0.5, "octbass", False),
]

BENCH_SPLITS = BENCH_SPLITS + ("held_out_34", "held_out_35")

# Issue 11t, session 18, for held_out_36 (made first, read once with main's rules before any rule change) and
# held_out_37 (the blind split: written with it, rendered with no tempo computed, read only after the session's rules
# were frozen, once with main's rules and once with the session's). Both bench-only (:data:`BENCH_SPLITS`). Nobody
# chose the content: session 17's draw with numpy seeds 3636 / 3737 (/work/notes/s18/11t-reads/make_splits.py): four
# half-time patterns (recipe quarter log-uniform in 58–84 BPM), four duple patterns at 140–200, four of any pattern (one
# tempo in each equal log stratum of 45–200); a tempo another split had moved up by 0.1 BPM; accompaniments drawn
# without replacement, two drumless clips, three swung ones. The kits are the patterns' own. held_out_36 (drawn before
# the session chose its class) holds no uneven metre; held_out_37's four "any pattern" slots were redrawn, before
# anything read the split, as uneven metres (the class the session's rule attacks: ``UNEVEN_GROUPS`` without
# replacement, the quarter log-uniform in 60–140 BPM, an accompaniment that cannot play 5/8 redrawn; numpy seed 3738,
# /work/notes/s18/11t-reads/redraw37.py).
TEMPO_SPLITS["held_out_36"] = [
    (63.6, "halfbrush", 0.5, "koto", True),
    (80.6, "halfclap", 2 / 3, "steeldrum", True),
    (75.9, "halftime16", 2 / 3, "sawbass", True),
    (70.2, "halfshuffle", 0.5, "soundtrack", True),
    (140.4, "gogo", 0.5, "clav", True),
    (159.5, "synthpop", 0.5, "crystal", False),
    (154.1, "secondline", 0.62, "metalpad", True),
    (171.6, "six8tom", 0.5, "synth", True),
    (48.3, "seven4", 0.5, "bowedpad", True),
    (77.1, "toms", 0.5, "harpsichord", False),
    (115.6, "offsnare", 0.5, "choirhymn", True),
    (152.6, "five41", 0.5, "travis", True),
]

TEMPO_SPLITS["held_out_37"] = [
    (79.4, "halfopen", 2 / 3, "boomchick", True),
    (74.3, "halfroom", 0.5, "choirhymn", True),
    (65.6, "halfopen", 0.5, "overdrive", False),
    (80.4, "halfclap", 0.5, "musicbox", False),
    (196.2, "powerrock", 0.62, "epiano", True),
    (196.3, "songo", 0.5, "mutedtrumpet", True),
    (196.5, "twelve8tom", 0.5, "charang", True),
    (194.2, "trainbeat", 0.5, "accordion", True),
    (66.6, "karsilama", 0.5, "horns", True),
    (85.2, "seven8b", 0.5, "sawbass", True),
    (101.2, "ruchenitsa", 0.5, "vibes", True),
    (60.6, "fiveeight", 0.58, "brass", True),
]

BENCH_SPLITS = BENCH_SPLITS + ("held_out_36", "held_out_37")

# Issue 11t, session 19, for held_out_38 (fresh: read once with main's rules before any rule change) and held_out_39
# (blind: written with it, rendered with no tempo computed, read only after the session's rules were frozen, once with
# main's rules and once with the session's). Both bench-only. Nobody chose the content: numpy seeds 3838 / 3939
# (/work/notes/s19/11t-reads/make_splits.py), drawn before anything read either: four half-time patterns (recipe
# quarter log-uniform in 58–84 BPM), four duple patterns at 140–200, four uneven metres (the class the session
# attacks: ``UNEVEN_GROUPS`` without replacement, the quarter log-uniform in 60–140, drums on); a tempo another split
# had moved up by 0.1 BPM; accompaniments without replacement (one that cannot play 5/8 redrawn), two drumless clips
# among the eight even-metre slots, three swung ones. Drummed clips of kit-less patterns get the Standard kit.
TEMPO_SPLITS["held_out_38"] = [
    (70.3, "halftime", 0.58, "choirpad", True),
    (68.2, "halftime", 0.5, "harpripple", True),
    (66.9, "halftime", 0.5, "cleanarp", True),
    (64.4, "halftime", 2 / 3, "synthpluck", True),
    (191.0, "slowblues", 0.5, "harpsichord", False),
    (153.2, "twotone", 0.5, "bandoneon", True),
    (145.2, "songo", 0.5, "overdrive", True),
    (144.1, "agogo128", 0.5, "epiano", False),
    (61.9, "karsilama", 0.5, "sitar", True),
    (93.5, "eleven8", 0.5, "stringpad", True),
    (116.6, "seven8b", 0.58, "marimbarun", True),
    (68.3, "paidushko", 0.5, "xylo", True),
]

TEMPO_SPLITS["held_out_39"] = [
    (62.3, "halftime16", 2 / 3, "halopad", True),
    (71.9, "halfroom", 0.5, "piccolo", True),
    (81.4, "halfroom", 0.5, "accordion", True),
    (63.8, "halfopen", 0.5, "bagpipe", False),
    (192.2, "dnb", 0.5, "tango", True),
    (197.8, "six8folk", 0.5, "musicbox", False),
    (150.8, "agogo128", 0.5, "distortion", True),
    (188.5, "twofeelride", 0.5, "voiceoohs", True),
    (76.1, "eleven8", 2 / 3, "timpani", True),
    (104.1, "paidushko", 2 / 3, "brass", True),
    (93.3, "aksak9", 0.5, "koto", True),
    (95.4, "seven8c", 0.5, "banjo", True),
]

BENCH_SPLITS = BENCH_SPLITS + ("held_out_38", "held_out_39")

# Issue 11t, session 20, for held_out_40 (fresh: read once with main's rules before any rule change) and held_out_41
# (blind: written with it, rendered with no tempo computed, read only after the session's rules were frozen, once with
# main's rules and once with the session's). Both bench-only. Nobody chose the content: numpy seeds 4040 / 4141
# (/work/notes/s20/11t-reads/make_splits.py), drawn before anything read either: three half-time patterns (recipe
# quarter log-uniform in 60–84 BPM), three double-time (fast duple) grooves at 140–190, two other metres (3, 5, 6, 7
# beats or a compound bar; 60–190), four of any pattern (one tempo in each equal log stratum of 60–190); no uneven metre,
# so every truth is the recipe's quarter (the beat the pattern counts), as held_out_30's; accompaniments without
# replacement (every clip a band), two drumless clips, three swung ones. New kits: every drummed clip plays on a GM kit
# of FluidR3 drawn by seed other than its pattern's own (:data:`SPLIT_KITS`); a tempo another split holds moves up 0.1.
TEMPO_SPLITS["held_out_40"] = [
    (65.9, "halfroom", 0.5, "epiano", True),
    (67.1, "halfclap", 0.5, "bassline", True),
    (82.8, "halftambo", 0.5, "harpsibass", True),
    (144.2, "gallop", 0.58, "marimbarun", True),
    (164.7, "merengue", 0.62, "bassoontwo", True),
    (188.7, "boogaloo", 0.5, "clav", True),
    (180.1, "bongo34", 0.5, "soundtrack", False),
    (84.2, "shuffle12b", 0.62, "chorale", True),
    (67.9, "breakbeat", 0.5, "tromboneriff", True),
    (101.9, "waltzbell", 0.5, "travis", False),
    (137.4, "chacha", 0.5, "strings", True),
    (144.3, "newjack", 0.5, "voiceoohs", True),
]
SPLIT_KITS["held_out_40"] = {65.9: 17, 67.1: 1, 82.8: 19, 144.2: 13, 164.7: 13, 188.7: 13, 84.2: 36, 67.9: 4, 137.4: 2, 144.3: 12}

TEMPO_SPLITS["held_out_41"] = [
    (64.1, "halfclap", 0.5, "synthpluck", True),
    (80.8, "halfopen", 0.5, "harp", True),
    (69.7, "halftambo", 0.5, "synthdrum", False),
    (146.4, "songo", 0.5, "strings", True),
    (147.8, "rockers", 2 / 3, "harmonica", True),
    (165.3, "funk", 0.62, "synthseq", True),
    (70.9, "guirowaltz", 0.5, "octbass", True),
    (189.2, "waltzbell", 0.5, "brass", True),
    (67.2, "stomp", 0.5, "tromboneriff", True),
    (98.8, "dbeat", 0.5, "bassoontwo", True),
    (117.9, "twelve8", 0.5, "goblins", True),
    (142.9, "six8", 0.62, "violinduo", False),
]
SPLIT_KITS["held_out_41"] = {64.1: 3, 80.8: 5, 146.4: 4, 147.8: 12, 165.3: 41, 70.9: 13, 189.2: 18, 67.2: 9, 98.8: 3, 117.9: 16}

BENCH_SPLITS = BENCH_SPLITS + ("held_out_40", "held_out_41")

# Issue 11t, session 22, for s22fresh and s22blind (patterns of the family of trial 17's three doubles the corpus did
# not hold): reggaeton (dembow's kick on every beat and snare a sixteenth before 2 and on its "and", with a clap on the
# snares and closed hi-hat eighths) and a 3-2 rumba clave on the claves over shaker eighths, the bass drum on the "and"
# of 2 and on 4 (the tumbao bass's anticipation), a conga on 4 and its "and".
DRUM_PATTERNS |= {
    "reggaeton": (4, [(b + h, ["hihat"] + (["kick"] if h == 0 else [])) for b in range(4) for h in (0.0, 0.5)] + [(p, ["snare", "clap"]) for p in (0.75, 1.5, 2.75, 3.5)]),
    "rumbaclave": (
        4,
        [
            (b + h, ["shaker"] + (["claves"] if b + h in (0.0, 2.5, 3.0) else []) + (["kick"] if b + h in (1.5, 3.0) else []) + (["conga"] if b + h in (3.0, 3.5) else []))
            for b in range(4)
            for h in (0.0, 0.5)
        ]
        + [(0.75, ["claves"]), (1.75, ["claves"])],
    ),
}

# Issue 11t, session 22: split → recipe BPMs of the clips bench/bench_tempo.py reads through the MP4 path (the WAV muxed
# to H.264 + AAC by :func:`mux`, its envelope measured by :func:`aspects.pipeline.measure_video`, as the CLI reads it):
# trial 17's TR-808 bossa read right in-process and double through the MP4 (docs/audio.md, session 22).
MP4_CLIPS: dict[str, set[float]] = {}

# Issue 11t, session 22, for s22fresh (fresh: read once with main's rules before any rule change) and s22blind (blind:
# written with it, read only after the session's rules were frozen, once with main's rules and once with the
# session's). Both bench-only. Nobody chose the content: numpy seeds 2222 / 2323
# (/work/notes/s22/11t-reads/make_splits.py), drawn before anything read either: twelve drummed Latin/Afro/Caribbean
# grooves on even eighths (bossa, samba, dembow, reggaeton, son and rumba clave, tresillo, baiao, afrobeat, habanera,
# soca, zouk, cumbia, mambo, songo, tumbao, boogaloo; twelve drawn without replacement), recipe quarter log-uniform in
# 70–140 BPM (one in each of 12 equal log strata), no tempo another split holds; every clip on a GM kit drawn other than
# any kit its pattern was played on (:data:`SPLIT_KITS`); drums alone, bass + piano or an accompaniment, drawn; four
# clips a split through the MP4 path (:data:`MP4_CLIPS`). Every truth is the recipe's quarter.
TEMPO_SPLITS["s22fresh"] = [
    (125.7, "tresillo", 0.5, "octbass", True),
    (72.2, "zouk", 0.5, "harmonica", True),
    (139.9, "sonclave", 0.5, "steelpan", True),
    (87.8, "baiao", 0.5, "organbass", True),
    (93.1, "cuicasamba", 0.5, "scifi", True),
    (104.6, "songo", 0.5, False, True),
    (81.2, "rumbaclave", 0.5, "steeldrum", True),
    (93.8, "mambo", 0.5, "choirhymn", True),
    (111.9, "boogaloo", 0.5, True, True),
    (75.6, "soca", 0.5, True, True),
    (110.7, "cumbia", 0.5, True, True),
    (123.7, "bossa", 0.5, False, True),
]
SPLIT_KITS["s22fresh"] = {125.7: 24, 72.2: 35, 139.9: 40, 87.8: 17, 93.1: 42, 104.6: 5, 81.2: 8, 93.8: 42, 111.9: 11, 75.6: 11, 110.7: 25, 123.7: 19}
MP4_CLIPS["s22fresh"] = {75.6, 87.8, 93.8, 123.7}

TEMPO_SPLITS["s22blind"] = [
    (120.2, "rumbaclave", 0.5, "clav", True),
    (138.1, "cuicasamba", 0.5, "scifi", True),
    (96.8, "cumbia", 0.5, True, True),
    (106.1, "dembow", 0.5, "arpeggio", True),
    (85.6, "reggaeton", 0.5, "choirpad", True),
    (128.2, "boogaloo", 0.5, True, True),
    (79.8, "baiao", 0.5, True, True),
    (114.6, "bossa", 0.5, True, True),
    (102.1, "zouk", 0.5, "walking", True),
    (90.7, "soca", 0.5, False, True),
    (77.3, "songo", 0.5, "synthpluck", True),
    (73.7, "afrobeat", 0.5, False, True),
]
SPLIT_KITS["s22blind"] = {120.2: 4, 138.1: 17, 96.8: 40, 106.1: 7, 85.6: 5, 128.2: 34, 79.8: 24, 114.6: 36, 102.1: 36, 90.7: 9, 77.3: 11, 73.7: 18}
MP4_CLIPS["s22blind"] = {79.8, 90.7, 102.1, 120.2}

BENCH_SPLITS = BENCH_SPLITS + ("s22fresh", "s22blind")


# Issue 11t, session 23, for s23fresh and s23blind (trial 18's tempo misses: a Power 2 band at 150 under held
# distortion-guitar chords read no tempo; a one drop, a swing ride and a train beat read double or half): three bands
# whose chords are held over a bed (a struck chord's onset far above the drums', the bed between) and a steppers groove.
def s23_power_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 23 (trial 18's band): a distortion guitar's power chord (root, fifth, octave) struck on 1 and
    held over 0.9 of the bar, a picked bass on every beat (the root, its fifth on the even beats)."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    for p in (ROOTS[k % 4] + 12, ROOTS[k % 4] + 19, ROOTS[k % 4] + 24):
        ev += note(2, p, t_bar, t_bar + 0.9 * n * beat, 100)
    for b in range(n):
        ev += note(1, ROOTS[k % 4] + (7 if b % 2 else 0), t_bar + b * beat, t_bar + (b + 0.85) * beat, 92)
    return ev


def s23_organ_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 23: a rock organ's chord struck on 1 and again half-way through the bar, each held to the next,
    a fingered bass on 1, the "and" of 2 (at ``swing``) and 3."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    half = max(n // 2, 1)
    for start in range(0, n, half):
        for p in TRIADS[(k + 4) % len(TRIADS)]:
            ev += note(2, p, t_bar + start * beat, t_bar + (min(start + half, n) - 0.05) * beat, 95)
    for t in (0.0, 1.0 + swing, 2.0):
        if t < n:
            ev += note(1, ROOTS[k % 4] + (7 if t == 2.0 else 0), t_bar + t * beat, t_bar + (t + 0.45) * beat, 100)
    return ev


def s23_brass_bar(k: int, t_bar: float, beats: int, beat: float, swing: float) -> list[tuple[float, bytes]]:
    """Issue 11t, session 23: a brass section's chord on 1 held a beat and a half, a stab on the "and" of 2 (at
    ``swing``), a chord on the last beat held to the bar's end; a synth bass on 1 and 3."""
    ev: list[tuple[float, bytes]] = []
    n = int(np.ceil(beats))
    for t, length in ((0.0, 1.5), (1.0 + swing, 0.3), (float(n - 1), 0.95)):
        if t < n:
            for p in TRIADS[(k + 2) % len(TRIADS)]:
                ev += note(2, p, t_bar + t * beat, t_bar + (t + length) * beat, 105)
    for b in range(0, n, 2):
        ev += note(1, ROOTS[k % 4] - 12 + (7 if b % 4 == 2 else 0), t_bar + b * beat, t_bar + (b + 0.6) * beat, 100)
    return ev


ACCOMPANIMENTS |= {
    "s23power": ((PICK_BASS, 30), s23_power_bar),  # distortion guitar
    "s23organ": ((FINGER_BASS, 18), s23_organ_bar),  # rock organ
    "s23brass": ((SYNTH_BASS, 61), s23_brass_bar),  # brass section
}
# steppers (roots reggae): the kick on every beat, a rim shot and snare on 3, closed hi-hat eighths
DRUM_PATTERNS |= {"s23steppers": (4, [(b + h, ["hihat"] + (["kick"] if h == 0 else []) + (["rim", "snare"] if b + h == 2.0 else [])) for b in range(4) for h in (0.0, 0.5)])}

# Issue 11t, session 23, for s23fresh (fresh: read once with main's rules before any rule change) and s23blind (blind:
# written with it, read only after the session's rules were frozen, once with main's rules and once with the
# session's). Both bench-only. Nobody chose the content: numpy seeds 2424 / 2525
# (/work/notes/s23/11t-reads/make_splits.py), drawn before anything read either: sixteen clips a split in six families
# (trial 18's tempo misses and session 22's Latin misses): five bands whose chords are held or stabbed over a kit
# (distortion guitar, overdrive, rock organ, brass; rock, punk, d-beat, new jack, funk …), two reggae grooves (one drop,
# rockers, steppers), two swing rides at 140–200 BPM, two train beats, two half-time shuffles and three Latin grooves
# (zouk, tresillo, dembow, habanera, cuíca samba, reggaeton, rumba clave); tempo log-uniform in 60–180 BPM (the rides
# 140–200), no tempo another split holds; every clip on a GM kit its pattern was never played on (:data:`SPLIT_KITS`);
# four clips a split through the MP4 path (:data:`MP4_CLIPS`). Every truth is the recipe's quarter.
TEMPO_SPLITS["s23fresh"] = [
    (172.7, "punk", 0.5, "overdrive", True),
    (131.6, "dbeat", 0.5, "s23organ", True),
    (92.4, "rock", 0.5, "s23power", True),
    (62.6, "punk", 0.5, "s23power", True),
    (165.5, "rock", 0.5, "s23power", True),
    (94.1, "s23steppers", 0.5, "s23power", True),
    (68.4, "s23steppers", 0.5, "skank", True),
    (180.5, "ride", 2 / 3, "walking", True),
    (148.9, "brushswing", 0.62, "walking", True),
    (146.7, "trainbeat", 0.5, True, True),
    (110.3, "trainbeat", 0.5, False, True),
    (62.9, "halfroom", 0.62, "s23power", True),
    (78.2, "halfshuffle", 0.5, False, True),
    (125.4, "rumbaclave", 0.5, "s23brass", True),
    (133.1, "rumbaclave", 0.5, "s23power", True),
    (100.4, "dembow", 0.5, True, True),
]
SPLIT_KITS["s23fresh"] = {172.7: 18, 131.6: 36, 92.4: 6, 62.6: 25, 165.5: 36, 94.1: 14, 68.4: 35, 180.5: 33, 148.9: 6, 146.7: 15, 110.3: 13, 62.9: 5, 78.2: 19, 125.4: 11, 133.1: 2, 100.4: 10}
MP4_CLIPS["s23fresh"] = {68.4, 92.4, 131.6, 180.5}

TEMPO_SPLITS["s23blind"] = [
    (115.4, "funk", 0.5, "distortion", True),
    (91.2, "rock", 0.5, "distortion", True),
    (73.2, "dbeat", 0.5, "organ", True),
    (168.9, "punk", 0.5, "distortion", True),
    (176.2, "newjack", 0.5, "organ", True),
    (108.8, "s23steppers", 2 / 3, "skank", True),
    (84.4, "rockers", 2 / 3, "s23power", True),
    (197.2, "brushswing", 2 / 3, False, True),
    (185.1, "ride", 0.62, True, True),
    (86.3, "trainbeat", 0.5, "banjo", True),
    (163.8, "trainbeat", 0.5, "s23organ", True),
    (107.1, "halfroom", 2 / 3, "s23brass", True),
    (82.2, "halftime", 2 / 3, False, True),
    (127.1, "reggaeton", 0.5, False, True),
    (76.2, "reggaeton", 0.5, "s23power", True),
    (76.3, "tresillo", 0.5, False, True),
]
SPLIT_KITS["s23blind"] = {115.4: 8, 91.2: 42, 73.2: 0, 168.9: 41, 176.2: 4, 108.8: 10, 84.4: 42, 197.2: 8, 185.1: 25, 86.3: 36, 163.8: 2, 107.1: 7, 82.2: 9, 127.1: 25, 76.2: 13, 76.3: 48}
MP4_CLIPS["s23blind"] = {76.2, 84.4, 91.2, 107.1}

BENCH_SPLITS = BENCH_SPLITS + ("s23fresh", "s23blind")


# Issue 11t, session 24 (the lead), for s24fresh (fresh: read once with main's rules before any rule change) and s24blind
# (blind: written with it, read only after the session's rule was frozen, once with main's rules and once with the
# session's). Both bench-only. Nobody chose the content: numpy seeds 2626 / 2727
# (/work/notes/s24/11t-reads/make_splits.py), drawn before anything read either: twelve clips a split of syncopated
# figures over a steady kick or pulse (zouk, reggaeton, dembow, soca, habanera, tresillo, songo, cumbia, baiao, mambo,
# boogaloo, tumbao, son and rumba clave, steppers, one drop, afrobeat, cuica samba, bossa, cha-cha, bolero, gogo; twelve
# drawn without replacement), recipe quarter log-uniform in 66-112 BPM (one in each of 12 equal log strata: where such
# grooves read double), no tempo another split holds; every clip on a GM kit drawn other than its pattern's own; an
# accompaniment drawn; four clips a split through the MP4 path. Every truth is the recipe's quarter.
TEMPO_SPLITS["s24fresh"] = [
    (67.3, "baiao", 0.5, False, True),
    (71.1, "sonclave", 0.5, "clav", True),
    (72.1, "afrobeat", 0.5, "walking", True),
    (76.4, "habanera", 0.5, "epiano", True),
    (82.1, "cumbia", 0.5, "walking", True),
    (82.4, "rumbaclave", 0.5, "skank", True),
    (87.1, "s23steppers", 0.5, "stabs", True),
    (90.2, "mambo", 0.5, "strum", True),
    (95.6, "dembow", 0.5, "marimba", True),
    (98.9, "boogaloo", 0.5, "tresillobass", True),
    (106.7, "tresillo", 0.5, "choirpad", True),
    (111.3, "cuicasamba", 0.5, "choirpad", True),
]
SPLIT_KITS["s24fresh"] = {67.3: 19, 71.1: 14, 72.1: 35, 76.4: 36, 82.1: 25, 82.4: 42, 87.1: 41, 90.2: 34, 95.6: 16, 98.9: 19, 106.7: 16, 111.3: 2}
MP4_CLIPS["s24fresh"] = {90.2, 98.9, 106.7, 111.3}

TEMPO_SPLITS["s24blind"] = [
    (66.4, "tumbao", 0.5, "skank", True),
    (70.6, "habanera", 0.5, False, True),
    (74.6, "soca", 0.5, False, True),
    (75.4, "gogo", 0.5, "clav", True),
    (81.9, "onedrop", 0.5, "marimba", True),
    (83.9, "zouk", 0.5, False, True),
    (89.3, "afrobeat", 0.5, "steelpan", True),
    (91.4, "chacha", 0.5, "harp", True),
    (95.9, "reggaeton", 0.5, True, True),
    (100.9, "cuicasamba", 0.5, "clav", True),
    (104.7, "rumbaclave", 0.5, "horns", True),
    (109.6, "baiao", 0.5, True, True),
]
SPLIT_KITS["s24blind"] = {66.4: 42, 70.6: 24, 74.6: 25, 75.4: 34, 81.9: 5, 83.9: 35, 89.3: 40, 91.4: 3, 95.9: 16, 100.9: 11, 104.7: 10, 109.6: 25}
MP4_CLIPS["s24blind"] = {66.4, 75.4, 95.9, 104.7}

BENCH_SPLITS = BENCH_SPLITS + ("s24fresh", "s24blind")


# Issue 11t, session 25, for s25fresh (fresh: read once with main's rules before any rule change) and s25blind (blind:
# written with it, read only after the session's rules were frozen, once with main's rules and once with the
# session's). Both bench-only. Nobody chose the content: numpy seeds 2828 / 2929
# (/work/notes/s25/11t-reads/make_splits.py), drawn before anything read either: twelve of sixteen families a split
# (the session's brief's misses and their neighbours: gallop, jazz waltz, new jack, brush swing, swing ride 140-210;
# half-room, halftime; reggaeton, habanera, one drop, train beat, steppers, dembow, tresillo 60-105; afro 6/8, bembe
# 90-135), tempo log-uniform in each family's range, no tempo another split holds; every clip on a GM kit drawn other
# than its pattern's own; an accompaniment drawn; four clips a split through the MP4 path. Every truth is the corpus's.
TEMPO_SPLITS["s25fresh"] = [
    (127.6, "bembe", 0.5, False, True),
    (181.7, "brushswing", 0.62, "organ", True),
    (98.2, "dembow", 0.5, "choirpad", True),
    (194.9, "gallop", 0.5, "choirpad", True),
    (84.1, "habanera", 0.5, "s23brass", True),
    (101.6, "halfroom", 0.62, False, True),
    (173.7, "jazzwaltz", 2 / 3, "tresillobass", True),
    (145.4, "newjack", 0.5, "horns", True),
    (79.9, "reggaeton", 0.5, "s23power", True),
    (184.4, "ride", 0.62, "choirpad", True),
    (61.1, "s23steppers", 0.5, "walking", True),
    (73.3, "trainbeat", 0.5, "clav", True),
]
SPLIT_KITS["s25fresh"] = {127.6: 14, 181.7: 32, 98.2: 19, 194.9: 34, 84.1: 48, 101.6: 15, 173.7: 42, 145.4: 41, 79.9: 4, 184.4: 33, 61.1: 19, 73.3: 32}
MP4_CLIPS["s25fresh"] = {79.9, 145.4, 173.7, 181.7}

TEMPO_SPLITS["s25blind"] = [
    (123.8, "afro68", 0.5, "s23brass", True),
    (118.2, "bembe", 0.5, "clav", True),
    (181.9, "brushswing", 2 / 3, "s23power", True),
    (141.6, "gallop", 0.5, False, True),
    (87.3, "habanera", 0.5, True, True),
    (89.2, "halftime", 0.5, "tresillobass", True),
    (148.6, "jazzwaltz", 2 / 3, True, True),
    (143.2, "newjack", 0.5, "marimba", True),
    (91.6, "onedrop", 2 / 3, "s23power", True),
    (198.8, "ride", 0.62, False, True),
    (68.9, "s23steppers", 0.5, "choirpad", True),
    (78.3, "tresillo", 0.5, "epiano", True),
]
SPLIT_KITS["s25blind"] = {123.8: 35, 118.2: 32, 181.9: 9, 141.6: 19, 87.3: 5, 89.2: 15, 148.6: 32, 143.2: 2, 91.6: 36, 198.8: 7, 68.9: 34, 78.3: 14}
MP4_CLIPS["s25blind"] = {68.9, 87.3, 89.2, 123.8}
BENCH_SPLITS = BENCH_SPLITS + ("s25fresh", "s25blind")
