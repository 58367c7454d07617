"""Roles, layers and instrument families on music nobody built for them (issue 11, session 9).

Clips of 4 s, each window of 1 s with its truth stated (role, layers, families):

- ``song``: 2–4 General MIDI instruments (bass line, chords, melody; a drum kit
  or none) rendered by FluidSynth with FluidR3 GM at 60–180 BPM, loud (peak
  −2 dBFS) or quiet (peak −26 dBFS). Truth: music, families of the parts.
- ``voice``: espeak-ng speech over such a song 6–20 dB (RMS) under it.
  Truth: speech, layers [speech, music].
- ``sfx``: GM sound effects (bird, telephone, gunshot, fret noise) and
  ffmpeg-synthesised impacts and whooshes at irregular times over an
  ambience bed (rain, wind, room tone) 6–20 dB under the events' peaks, or
  over silence, peak −14 to −2 dBFS. Truth per window: sfx where an event
  sounds in it, else ambient (silence without a bed).
- ``bed``: rain, wind or room tone (filtered noise) with a sparse soft tone
  3–10 dB under the bed. Truth: ambient.
- ``click``: silence with one or two 2–5 ms clicks. Truth: silence.
- ``change``: two roles, the change at 1.3–2.7 s (inside a window). Truth per
  window: the role of its larger part; the window holding the change is
  marked so it can be counted apart.

Splits from 93, 99 and 103 on (``NEW_FROM_SEED``, ``NEWER_FROM_SEED``, ``NEWEST_FROM_SEED``) draw from wider pools
(programs, voices, texts; from 103 also effects, beds, voices from 3 dB over their song and levels from −1 to
−32 dBFS); older splits render as they always did.

A split is a seed: every draw (instruments, tempi, levels, texts, voices,
times) comes from it. ``build(workdir, seed, n)`` renders ``n`` clips of each
kind (``change`` 2n) and returns them.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import wave
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from scipy.signal import butter, sosfilt

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.audio_corpus import smf_bytes  # noqa: E402
from tests.media import ffmpeg, mux_wav, write_wav  # noqa: E402
from tests.role_corpus import PICTURE, TEXTS, colored_noise, speech  # noqa: E402

SR = 22050
DUR_S = 4.0
WINDOW_S = 1.0
SOUNDFONT = Path("/usr/share/sounds/sf2/FluidR3_GM.sf2")
# (GM program 0-based, family) by part
BASSES = ((32, "bass"), (33, "bass"), (34, "bass"), (35, "bass"), (38, "bass"))
CHORDS = (
    (0, "keyboard"),
    (4, "keyboard"),
    (6, "keyboard"),
    (16, "keyboard"),
    (19, "keyboard"),
    (24, "guitar"),
    (25, "guitar"),
    (27, "guitar"),
    (48, "strings"),
    (49, "strings"),
    (89, "synthesizer"),
    (91, "synthesizer"),
    (61, "brass"),
    (21, "wind"),
)
LEADS = (
    (40, "strings"),
    (42, "strings"),
    (56, "brass"),
    (57, "brass"),
    (60, "brass"),
    (65, "wind"),
    (66, "wind"),
    (71, "wind"),
    (73, "wind"),
    (22, "wind"),
    (80, "synthesizer"),
    (81, "synthesizer"),
    (11, "mallets"),
    (12, "mallets"),
    (13, "mallets"),
    (0, "keyboard"),
    (26, "guitar"),
    (46, "strings"),
)
GM_SFX = (123, 124, 127, 120)  # bird tweet, telephone ring, gunshot, guitar fret noise
VOICES = ("en", "en-us", "en+m2", "en+f4", "en-gb+m4", "en-us+f2", "en+klatt", "en-gb-x-rp")
# Splits from 93 on (issue 11, session 10) draw from wider pools: more programs, voices, texts, effects, beds,
# and voices 6–24 dB over their music (splits before 93 are rendered as they always were).
NEW_FROM_SEED = 93
CHORDS_NEW = ((2, "keyboard"), (5, "keyboard"), (28, "guitar"), (50, "strings"), (88, "synthesizer"), (62, "brass"))
LEADS_NEW = ((68, "wind"), (74, "wind"), (41, "strings"), (58, "brass"), (82, "synthesizer"), (9, "mallets"), (30, "guitar"))
VOICES_NEW = ("en-gb-scotland", "en-029+m3", "en-us-nyc+f3", "en+m7", "en-gb-x-gbclan+f2", "en+announcer", "en-us+klatt3", "en-gb-x-gbcwmd+m5")
TEXTS_NEW = (
    "Turn left after the bridge and keep walking until you see the blue door of the bakery.",
    "Our results improved slowly at first, then very quickly once the data was cleaned properly.",
    "When the storm finally passed, the whole village came out to look at the fallen trees.",
    "Please remember to bring your passport, two photographs and the signed application form.",
)
EXTRA_TEXTS = (
    "The train to the coast leaves at seven, so we should pack the bags tonight and sleep early.",
    "Numbers alone never tell the whole story; you have to look at the cases that went wrong.",
    "She opened the old wooden box and found letters written more than a hundred years ago.",
)
# Splits from 99 on (issue 11, session 12) add programs, voices and texts no split had, and draw every peak level
# from -2 to -26 dBFS (not loud or quiet only); splits before 99 render as before.
NEWER_FROM_SEED = 99
BASSES_99 = ((36, "bass"), (37, "bass"), (39, "bass"))
CHORDS_99 = ((1, "keyboard"), (7, "keyboard"), (17, "keyboard"), (29, "guitar"), (45, "strings"), (92, "synthesizer"), (95, "synthesizer"))
LEADS_99 = ((64, "wind"), (67, "wind"), (69, "wind"), (70, "wind"), (72, "wind"), (75, "wind"), (84, "synthesizer"), (8, "mallets"))
VOICES_99 = ("en+Annie", "en-us+Andy", "en+grandpa", "en-gb+Linda", "en-029+Zac", "en+Storm", "en-us+Michael", "en-gb-scotland+f5")
TEXTS_99 = (
    "The museum closes early on Sundays, but the garden stays open until the evening light fades.",
    "If the measurements disagree, repeat them twice and write down the conditions each time.",
    "A small boat drifted past the harbour wall while the fishermen mended their nets in silence.",
)
# Splits from 103 on (issue 11, session 14) add programs, voices, texts, effects and beds no split had, voices from
# 3 dB over their music, and peak levels from -1 to -32 dBFS; splits before 103 render as before.
NEWEST_FROM_SEED = 103
BASSES_103 = ((43, "strings"), (58, "brass"), (87, "synthesizer"))
CHORDS_103 = ((3, "keyboard"), (18, "keyboard"), (20, "keyboard"), (23, "keyboard"), (44, "strings"), (51, "strings"), (63, "brass"), (90, "synthesizer"), (94, "synthesizer"))
LEADS_103 = (
    (10, "mallets"),
    (14, "mallets"),
    (108, "mallets"),
    (59, "brass"),
    (76, "wind"),
    (77, "wind"),
    (78, "wind"),
    (79, "wind"),
    (111, "wind"),
    (83, "synthesizer"),
    (86, "synthesizer"),
    (104, "guitar"),
    (105, "guitar"),
    (110, "strings"),
)
VOICES_103 = ("en+Alvin", "en-us+Hugo", "en+Mr_Serious", "en-gb+aunty", "en+Tweaky", "en-us+quincy", "en+steph2", "en-gb-x-rp+boris", "en+shelby", "en-us+travis")
TEXTS_103 = (
    "Every spring the river rises over the lower fields, and the farmers wait for it to fall again.",
    "The printer jammed twice this morning, so the report will reach you a little after lunch.",
    "Three small lanterns hung above the doorway, swaying gently whenever the wind came down the lane.",
)
GM_SFX_103 = (115, 118, 119, 121, 125)  # woodblock, synth drum, reverse cymbal, breath noise, helicopter


@dataclass
class Window:
    role: str
    layers: tuple[str, ...]
    families: tuple[str, ...] = ()
    change: bool = False


@dataclass
class Clip:
    name: str
    kind: str
    samples: np.ndarray
    windows: list[Window] = field(default_factory=list)
    path: Path | None = None


def _render(events: list[tuple[float, bytes]], workdir: Path, name: str) -> np.ndarray:
    mid, wav = workdir / f"{name}.mid", workdir / f"{name}.gm.wav"
    mid.write_bytes(smf_bytes(events))
    subprocess.run(["fluidsynth", "-ni", "-q", "-g", "0.6", "-F", str(wav), "-r", str(SR), str(SOUNDFONT), str(mid)], check=True, capture_output=True)
    return _read_wav(wav)


def _read_wav(path: Path) -> np.ndarray:
    with wave.open(str(path)) as fh:
        ch = fh.getnchannels()
        x = np.frombuffer(fh.readframes(fh.getnframes()), np.int16).astype(np.float64) / 32768
    x = x.reshape(-1, ch).mean(axis=1)
    out = np.zeros(int(DUR_S * SR))
    out[: min(x.size, out.size)] = x[: out.size]
    return out


def _note(ch: int, pitch: int, t0: float, t1: float, vel: int) -> list[tuple[float, bytes]]:
    return [(t0, bytes([0x90 | ch, pitch, vel])), (t1, bytes([0x80 | ch, pitch, 0]))]


def _rms(x: np.ndarray) -> float:
    return float(np.sqrt(np.mean(np.square(x)))) or 1e-12


def _peak(x: np.ndarray, peak: float) -> np.ndarray:
    m = float(np.abs(x).max())
    return x / m * peak if m > 0 else x


def song(rng: np.random.Generator, workdir: Path, name: str, dur: float = DUR_S, new: bool = False, newer: bool = False, newest: bool = False) -> tuple[np.ndarray, tuple[str, ...], float]:
    """A GM song: parts drawn from ``rng`` (``new``/``newer``/``newest``: from the wider pools of splits from NEW_FROM_SEED/NEWER_FROM_SEED/NEWEST_FROM_SEED); returns samples (unnormalised), the families heard, the tempo."""
    chords, leads = (CHORDS + CHORDS_NEW, LEADS + LEADS_NEW) if new else (CHORDS, LEADS)
    basses = BASSES + BASSES_99 if newer else BASSES
    if newer:
        chords, leads = chords + CHORDS_99, leads + LEADS_99
    if newest:
        basses, chords, leads = basses + BASSES_103, chords + CHORDS_103, leads + LEADS_103
    bpm = float(rng.uniform(60, 180))
    beat = 60.0 / bpm
    meter = int(rng.choice([3, 4, 4]))
    root = int(rng.integers(52, 64))
    minor = bool(rng.integers(0, 2))
    third = 3 if minor else 4
    prog = [0, 5, 7, 0] if rng.integers(0, 2) else [0, 9 - (minor * 1), 5, 7]
    events: list[tuple[float, bytes]] = []
    families: list[str] = []
    ch = 0
    parts = ["chords"] + (["bass"] if rng.random() < 0.7 else []) + (["lead"] if rng.random() < 0.75 else [])
    drums = rng.random() < 0.6
    if len(parts) + drums < 2:
        parts.append("lead")
    start = float(rng.uniform(0.0, 0.15))
    n_beats = int(np.ceil((dur - start) / beat)) + 1
    scale = np.array([0, 2, third, 5, 7, 8 if minor else 9, 10 if minor else 11, 12])
    for part in parts:
        prog_no, family = [basses, chords, leads][["bass", "chords", "lead"].index(part)][int(rng.integers(0, [len(basses), len(chords), len(leads)][["bass", "chords", "lead"].index(part)]))]
        families.append(family)
        events.append((0.0, bytes([0xC0 | ch, prog_no])))
        vel = int(rng.integers(70, 115))
        if part == "bass":
            for b in range(n_beats):
                r = root - 24 + prog[(b // meter) % 4]
                events += _note(ch, r + (7 if b % 2 and rng.random() < 0.3 else 0), start + b * beat, start + (b + 0.9) * beat, vel)
        elif part == "chords":
            sustained = prog_no in (16, 19, 48, 49, 89, 91, 61, 21, 50, 88, 18, 20, 23, 44, 51, 63, 90, 94) or rng.random() < 0.3
            for bar in range(int(np.ceil(n_beats / meter))):
                r = root + prog[bar % 4]
                chord = [r, r + (third if prog[bar % 4] in (0, 5) else 4 - (minor and prog[bar % 4] == 7)), r + 7]
                hits = [0] if sustained else list(range(meter))
                for h in hits:
                    t0 = start + (bar * meter + h) * beat
                    length = meter * beat * 0.98 if sustained else beat * 0.8
                    for m in chord:
                        events += _note(ch, m, t0, t0 + length, vel - 15)
        else:
            t, step = start, int(rng.integers(2, 6))
            while t < dur:
                step = int(np.clip(step + rng.integers(-2, 3), 0, 7))
                length = beat * float(rng.choice([0.5, 1.0, 1.0, 2.0]))
                events += _note(ch, root + 12 + int(scale[step]), t, t + 0.95 * length, vel)
                t += length
        ch += 1
    if drums:
        families.append("drums")
        for b in range(n_beats):
            t = start + b * beat
            pos = b % meter
            notes = [42] + ([36] if pos == 0 or (meter == 4 and pos == 2) else [38])
            for k in notes:
                events += _note(9, k, t, t + 0.1, int(rng.integers(85, 120)))
            if bpm < 110:
                events += _note(9, 42, t + beat / 2, t + beat / 2 + 0.05, 70)
    x = _render(events, workdir, name)
    return x, tuple(dict.fromkeys(families)), bpm


def bed(rng: np.random.Generator, kind: str, dur: float = DUR_S) -> np.ndarray:
    """An ambience bed with unit RMS: rain (patter over pink noise), wind (swelling low-passed noise), room tone (band-limited brown noise)."""
    n = int(dur * SR)
    if kind == "rain":
        x = 0.2 * colored_noise(n, rng, 1.0)
        drops = np.zeros(n)
        idx = rng.integers(0, n, int(rng.uniform(150, 600) * dur))
        drops[idx] = rng.uniform(0.2, 1.0, idx.size) * rng.choice([-1, 1], idx.size)
        lo = rng.uniform(800, 2500)
        x = x + sosfilt(butter(2, [lo, min(3 * lo, 9000)], btype="band", fs=SR, output="sos"), drops) * rng.uniform(2, 6)
    elif kind == "wind":
        x = sosfilt(butter(2, rng.uniform(300, 900), btype="low", fs=SR, output="sos"), rng.standard_normal(n))
        t = np.arange(n) / SR
        x = x * (0.6 + 0.4 * np.sin(2 * np.pi * rng.uniform(0.15, 0.5) * t + rng.uniform(0, 6)))
    elif kind == "traffic":  # distant traffic: low-passed brown noise swelling as cars pass, a low engine drone
        t = np.arange(n) / SR
        x = sosfilt(butter(2, rng.uniform(150, 400), btype="low", fs=SR, output="sos"), colored_noise(n, rng, 2.0))
        x = x / _rms(x) * (0.5 + 0.5 * np.sin(2 * np.pi * rng.uniform(0.1, 0.3) * t + rng.uniform(0, 6)) ** 2)
        x = x + 0.2 * np.sin(2 * np.pi * rng.uniform(30, 45) * t)
    elif kind == "fan":  # a fan or air conditioning: steady band noise with its motor's harmonics
        t = np.arange(n) / SR
        f0 = float(rng.choice([100.0, 120.0])) * rng.uniform(0.97, 1.03)
        x = sosfilt(butter(2, [rng.uniform(100, 300), rng.uniform(1500, 4000)], btype="band", fs=SR, output="sos"), rng.standard_normal(n))
        x = x / _rms(x) + sum(0.15 / k * np.sin(2 * np.pi * k * f0 * t) for k in (1, 2, 3))
    elif kind == "stream":  # running water: band noise trembling fast (10-30 Hz) and unevenly
        t = np.arange(n) / SR
        x = sosfilt(butter(2, [rng.uniform(400, 1000), rng.uniform(3000, 7000)], btype="band", fs=SR, output="sos"), rng.standard_normal(n))
        wob = sosfilt(butter(2, rng.uniform(10, 30), btype="low", fs=SR, output="sos"), rng.standard_normal(n))
        x = x * (1 + 0.6 * wob / (np.abs(wob).max() or 1))
    elif kind == "engine":  # an idling engine: low noise pulsed at the firing rate (18-40 Hz) with its rumble
        t = np.arange(n) / SR
        f = rng.uniform(18, 40)
        x = sosfilt(butter(2, rng.uniform(200, 600), btype="low", fs=SR, output="sos"), rng.standard_normal(n)) * (1.2 + np.sin(2 * np.pi * f * t))
        x = x / _rms(x) + 0.3 * np.sin(2 * np.pi * 2 * f * t)
    elif kind == "hiss":  # tape or air hiss: high-passed white noise, steady
        x = sosfilt(butter(2, rng.uniform(2000, 5000), btype="high", fs=SR, output="sos"), rng.standard_normal(n))
    else:  # room tone: brown-ish noise band-limited to 60–2000 Hz with a faint mains hum
        x = sosfilt(butter(2, [60, rng.uniform(800, 2500)], btype="band", fs=SR, output="sos"), colored_noise(n, rng, 1.5))
        x = x / _rms(x) + 0.3 * np.sin(2 * np.pi * float(rng.choice([50.0, 60.0])) * np.arange(n) / SR)
    return x / _rms(x)


def synth_event(kind: str, rng: np.random.Generator, workdir: Path, tag: str) -> np.ndarray:
    """An impact or a whoosh synthesised by ffmpeg (aevalsrc / anoisesrc + filters), a knock (two or three raps) or an alert beep; unit peak."""
    wav = workdir / f"ev-{tag}.wav"
    if kind in ("knock", "beep"):  # made here: ffmpeg's expressions have no comparison operators
        t = np.arange(int(0.8 * SR)) / SR
        if kind == "knock":
            f0, gap = rng.uniform(150, 400), rng.uniform(0.12, 0.25)
            x = sum((t >= k * gap) * np.sin(2 * np.pi * f0 * (t - k * gap)) * np.exp(-np.maximum(t - k * gap, 0) * 70) for k in range(int(rng.integers(2, 4))))
        else:
            f0, d = rng.uniform(700, 2200), rng.uniform(0.08, 0.25)
            x = np.sin(2 * np.pi * f0 * t) * (t < d) * np.minimum(1, t * 200)
        return _peak(np.asarray(x, dtype=np.float64), 1.0)
    if kind in ("chirp", "buzzer", "drip"):  # made here too: a sweep, a square-wave buzzer, a water drop
        t = np.arange(int(0.8 * SR)) / SR
        if kind == "chirp":
            d, f0, f1 = rng.uniform(0.08, 0.3), rng.uniform(400, 1500), rng.uniform(2000, 6000)
            if rng.random() < 0.5:
                f0, f1 = f1, f0
            ph = 2 * np.pi * (f0 * t + (f1 - f0) * t * t / (2 * d))
            x = np.sin(ph) * (t < d) * np.minimum(1, t * 300) * np.minimum(1, np.maximum(d - t, 0) * 300)
        elif kind == "buzzer":
            f0, d = rng.uniform(150, 500), rng.uniform(0.25, 0.6)
            x = np.sign(np.sin(2 * np.pi * f0 * t)) * (t < d) * np.minimum(1, t * 500)
        else:
            f0 = rng.uniform(800, 1600)
            x = np.sin(2 * np.pi * f0 * t * (1 + 2 * t)) * np.exp(-t * rng.uniform(25, 50)) * np.minimum(1, t * 2000)
        return _peak(np.asarray(x, dtype=np.float64), 1.0)
    if kind == "impact":
        f0, d = rng.uniform(45, 90), rng.uniform(12, 30)
        expr = f"(sin(2*PI*{f0:.1f}*t*(1+2*exp(-t*25)))+0.6*random(0)*exp(-t*60))*exp(-t*{d:.1f})"
        ffmpeg("-f", "lavfi", "-i", f"aevalsrc={expr}:s={SR}:d=0.4", str(wav))
    else:
        d = rng.uniform(0.3, 0.7)
        lo = rng.uniform(300, 1200)
        ffmpeg(
            "-f",
            "lavfi",
            "-i",
            f"anoisesrc=d={d:.2f}:c=pink:r={SR}:s={int(rng.integers(1, 10**6))}",
            "-af",
            f"bandpass=f={lo * 2:.0f}:width_type=o:w=2,afade=t=in:d={d / 2:.2f}:curve=qsin,afade=t=out:st={d / 2:.2f}:d={d / 2:.2f}:curve=qsin",
            str(wav),
        )
    with wave.open(str(wav)) as fh:
        x = np.frombuffer(fh.readframes(fh.getnframes()), np.int16).astype(np.float64) / 32768
    return _peak(x, 1.0)


def _voice(rng: np.random.Generator, workdir: Path, dur: float, new: bool = False, newer: bool = False, newest: bool = False) -> np.ndarray:
    texts = TEXTS + EXTRA_TEXTS + (TEXTS_NEW if new else ()) + (TEXTS_99 if newer else ()) + (TEXTS_103 if newest else ())
    voices = (VOICES + VOICES_NEW if new else VOICES) + (VOICES_99 if newer else ()) + (VOICES_103 if newest else ())
    x = speech(texts[int(rng.integers(0, len(texts)))], voices[int(rng.integers(0, len(voices)))], int(rng.integers(120, 190)), dur, workdir)
    assert x is not None, "needs espeak-ng"
    return x


def _level(rng: np.random.Generator, newer: bool = False, newest: bool = False) -> float:
    """A peak level: loud (−2 dBFS) or quiet (−26 dBFS), half each; ``newer``: anywhere from −26 to −2 dBFS; ``newest``: from −32 to −1."""
    if newest:
        return 10 ** (-float(rng.uniform(1, 32)) / 20)
    if newer:
        return 10 ** (-float(rng.uniform(2, 26)) / 20)
    return 10 ** (-2 / 20) if rng.random() < 0.5 else 10 ** (-26 / 20)


def _windows_by_time(truth: list[tuple[float, float, Window]], dur: float = DUR_S) -> list[Window]:
    """Per 1 s window the truth of its larger part (segments ``(start, end, truth)``); ``change`` where two meet inside it."""
    out = []
    for k in range(int(dur / WINDOW_S)):
        a, b = k * WINDOW_S, (k + 1) * WINDOW_S
        share = [(min(b, e) - max(a, s), w) for s, e, w in truth if min(b, e) > max(a, s)]
        best = max(share, key=lambda p: p[0])[1]
        out.append(Window(best.role, best.layers, best.families, change=len(share) > 1))
    return out


def clips(workdir: Path, seed: int, n: int) -> list[Clip]:
    """The clips of split ``seed``: ``n`` of each kind (``change`` 2n), truth per window."""
    rng = np.random.default_rng(seed * 7919 + 11)
    new = seed >= NEW_FROM_SEED
    newer = seed >= NEWER_FROM_SEED
    newest = seed >= NEWEST_FROM_SEED
    beds = ["rain", "wind", "room", "traffic", "fan"] if new else ["rain", "wind", "room"]
    if newest:
        beds += ["stream", "engine", "hiss"]
    out: list[Clip] = []
    nw = int(DUR_S / WINDOW_S)
    for i in range(n):
        x, fam, bpm = song(rng, workdir, f"s{seed}song{i}", new=new, newer=newer, newest=newest)
        out.append(Clip(f"song{i}-{round(bpm)}bpm-{'+'.join(fam)}", "song", _peak(x, _level(rng, newer, newest)), [Window("music", ("music",), fam)] * nw))
    for i in range(n):
        x, fam, bpm = song(rng, workdir, f"s{seed}voice{i}", new=new, newer=newer, newest=newest)
        v = _voice(rng, workdir, DUR_S, new, newer, newest)
        gap = float(rng.uniform(3 if newest else 6, 24 if new else 20))
        mix = v + x / _rms(x) * _rms(v) * 10 ** (-gap / 20)
        out.append(Clip(f"voice{i}-{gap:.0f}dB-{round(bpm)}bpm", "voice", _peak(mix, _level(rng, newer, newest)), [Window("speech", ("speech", "music"), fam)] * nw))
    main_rng = rng
    for i in range(n):
        # How many events an sfx clip holds follows the rendered events' lengths (FluidSynth's effects): from
        # NEWER_FROM_SEED on each sfx clip draws from its own generator, so the clips after it draw the same whatever
        # another FluidSynth renders (here a 0.1 dB gain or no reverb and chorus moved none of split 92's draws).
        rng = np.random.default_rng(int(main_rng.integers(0, 2**63))) if newer else main_rng
        kind = [*beds, None][int(rng.integers(0, len(beds) + 1))] if new else ["rain", "wind", "room", None][i % 4]
        bed_x = bed(rng, kind) if kind else np.zeros(int(DUR_S * SR))
        events = np.zeros_like(bed_x)
        truth: list[tuple[float, float, Window]] = []
        t = float(rng.uniform(0.1, 0.6))
        amb = Window("ambient", ("ambient",)) if kind else Window("silence", ())
        last = 0.0
        while t < DUR_S - 0.2:
            srcs = ["gm", "impact", "whoosh", "knock", "beep"] if new else ["gm", "impact", "whoosh"]
            if newest:
                srcs += ["chirp", "buzzer", "drip"]
            src = srcs[int(rng.integers(0, len(srcs)))]
            if src == "gm":
                p = int(rng.choice(GM_SFX + GM_SFX_103 if newest else GM_SFX))
                ev = _render([(0.0, bytes([0xC0, p])), *_note(0, int(rng.integers(55, 75)), 0.0, float(rng.uniform(0.2, 0.5)), 110)], workdir, f"s{seed}sfx{i}-{t:.2f}")
                ev = ev[: int(1.0 * SR)]
            else:
                ev = synth_event(src, rng, workdir, f"s{seed}-{i}-{t:.2f}")
            ev = _peak(np.trim_zeros(np.where(np.abs(ev) < 1e-4, 0, ev), "b"), 1.0)
            s = int(t * SR)
            m = min(ev.size, events.size - s)
            events[s : s + m] += ev[:m]
            # the event sounds until it falls 30 dB under its peak
            loud = np.flatnonzero(np.abs(ev[:m]) > 10 ** (-30 / 20))
            end = t + (loud[-1] + 1) / SR if loud.size else t + 0.05
            if t > last:
                truth.append((last, t, amb))
            truth.append((t, end, Window("sfx", ("sfx",))))
            last = end
            t = end + float(rng.uniform(0.3, 1.4))
        if last < DUR_S:
            truth.append((last, DUR_S, amb))
        gap = float(rng.uniform(6, 20))
        mix = events + (bed_x * 10 ** (-gap / 20) / 3 if kind else 0)  # bed peak ≈ 3× its RMS
        wins = _windows_by_time(truth)
        # a window where an event sounds is sfx, however short the event: the bed is the background
        for k, w in enumerate(wins):
            a, b = k * WINDOW_S, (k + 1) * WINDOW_S
            if any(tw.role == "sfx" and min(b, e) > max(a, s) for s, e, tw in truth):
                wins[k] = Window("sfx", ("sfx",))
            else:
                wins[k] = Window(w.role, w.layers)  # events and their bed alternate: not a change of role
        out.append(Clip(f"sfx{i}-{kind or 'silent'}-{gap:.0f}dB", "sfx", _peak(mix, 10 ** (-float(rng.uniform(2, 14)) / 20)), wins))
    rng = main_rng
    for i in range(n):
        kind = beds[int(rng.integers(0, len(beds)))] if new else ["rain", "wind", "room"][i % 3]
        x = bed(rng, kind)
        tn = np.zeros_like(x)
        for t0 in np.sort(rng.uniform(0.2, DUR_S - 1.0, int(rng.integers(1, 3)))):
            d = float(rng.uniform(0.3, 0.9))
            tt = np.arange(int(d * SR)) / SR
            f = float(rng.uniform(200, 1200))
            tone = np.sin(2 * np.pi * f * tt) * np.minimum(1, tt / 0.05) * np.minimum(1, (d - tt) / 0.1)
            s = int(t0 * SR)
            tn[s : s + tone.size] += tone[: tn.size - s] * np.sqrt(2) * 10 ** (-float(rng.uniform(3, 10)) / 20)
        out.append(Clip(f"bed{i}-{kind}", "bed", _peak(x + tn, _level(rng, newer, newest) * 0.5), [Window("ambient", ("ambient",))] * nw))
    for i in range(n):
        x = np.zeros(int(DUR_S * SR))
        for t0 in rng.uniform(0.1, DUR_S - 0.1, int(rng.integers(1, 3))):
            d = int(rng.uniform(0.002, 0.005) * SR)
            s = int(t0 * SR)
            x[s : s + d] = rng.uniform(0.3, 0.9) * np.exp(-np.arange(d) / (d / 4)) * rng.choice([-1, 1])
        out.append(Clip(f"click{i}", "click", x, [Window("silence", ())] * nw))
    pairs = (("speech", "music"), ("music", "speech"), ("music", "silence"), ("silence", "speech"), ("ambient", "music"), ("speech", "silence"), ("sfx", "music"), ("music", "ambient"))
    for i in range(2 * n):
        a, b = pairs[(i + seed) % len(pairs)]
        c = float(rng.choice([1.3, 1.7, 2.3, 2.7]))
        level = _level(rng, newer, newest)
        parts, truth = [], []
        for role, (s, e) in ((a, (0.0, c)), (b, (c, DUR_S))):
            if role == "music":
                x, fam, _ = song(rng, workdir, f"s{seed}chg{i}{s:.0f}", new=new, newer=newer, newest=newest)
                x = _peak(x, level)
                w = Window("music", ("music",), fam)
            elif role == "speech":
                x = _peak(_voice(rng, workdir, DUR_S, new, newer, newest), level)
                w = Window("speech", ("speech",))
            elif role == "ambient":
                x = bed(rng, beds[int(rng.integers(0, len(beds)))]) * level / 4
                w = Window("ambient", ("ambient",))
            elif role == "sfx":
                x = np.zeros(int(DUR_S * SR))
                t = s + 0.1
                while t < e - 0.1:
                    kinds = ["impact", "knock", "beep", "whoosh"] + (["chirp", "buzzer", "drip"] if newest else [])
                    ev = synth_event(kinds[int(rng.integers(0, len(kinds)))] if new else "impact", rng, workdir, f"s{seed}c{i}-{t:.2f}")
                    k = int(t * SR)
                    x[k : k + ev.size] += ev[: x.size - k]
                    t += float(rng.uniform(0.5, 0.9))
                x = _peak(x, level)
                w = Window("sfx", ("sfx",))
            else:
                x = np.zeros(int(DUR_S * SR))
                w = Window("silence", ())
            seg = np.zeros_like(x)
            lo, hi = int(s * SR), int(e * SR)
            ramp = int(0.01 * SR)
            seg[lo:hi] = x[lo:hi] if role != "speech" else x[: hi - lo]
            seg[lo : lo + ramp] *= np.linspace(0, 1, ramp)
            seg[max(hi - ramp, lo) : hi] *= np.linspace(1, 0, min(ramp, hi - lo))
            parts.append(seg)
            truth.append((s, e, w))
        out.append(Clip(f"change{i}-{a}-{b}@{c:g}", "change", parts[0] + parts[1], _windows_by_time(truth)))
    return out


def build(workdir: Path, seed: int, n: int = 4) -> list[Clip]:
    """Render split ``seed`` to ``workdir/<name>.mp4`` (160×90, 25 fps, H.264 + AAC 128k) and return its clips."""
    if shutil.which("fluidsynth") is None or shutil.which("espeak-ng") is None or not SOUNDFONT.exists():
        raise SystemExit("the GM role corpus needs fluidsynth, fluid-soundfont-gm and espeak-ng")
    workdir.mkdir(parents=True, exist_ok=True)
    corpus = clips(workdir, seed, n)
    for k, clip in enumerate(corpus):
        wav = write_wav(workdir / f"c{k:03d}.wav", clip.samples.astype(np.float32))
        clip.path = workdir / f"c{k:03d}.mp4"
        mux_wav(PICTURE, wav, clip.path, DUR_S, audio_bitrate="128k")
    return corpus
