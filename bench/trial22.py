"""Trial 22 (session 28, the lead's blind check): videos and sounds nobody chose, drawn by numpy seed 2222 from the
whole of ffmpeg's xfade list, sources of every kind, colours, durations and rates, and from General MIDI's families,
kits, patterns and tempi; read with the CLI's path (``aspects.api.analyze``). Written before any of session 28's changes
were read; kept from every helper.

Every real shot lies inside one shot of its reference clip (bunny 132 frames at 25, carphone 120 frames at 29.97, one
shot each; bikes.mp4's shot from frame 76 to 137, 2.44 s at 25 fps, so a bikes side is held at most 1.0 s beside a
transition of at most 1.2 s); moving objects are drawn with ``overlay`` (``moving_box``).

Usage: .venv/bin/python bench/trial22.py make|score TAG [--only video|audio] [--out DIR]
Truths as trial 21's: xfade boundaries read off the rendered frames, fade-filter and cut truths exact; single lines
named by tests.voice_corpus.line_truth, basses below MIDI 48, struck chords on decaying programs `chord` (`pad` on those
that swell in, tests.voice_corpus.chord_truth, session 37), held chords on sustaining programs `pad`; drum hits by HIT_PRIORITY and the drums' families; tempo: the recipe's quarter note.
"""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench import trials  # noqa: E402
from bench.versions import versions_line  # noqa: E402
from tests import audio_corpus as ac  # noqa: E402
from tests.transition_corpus import XFADE, Case, Truth, moving_box  # noqa: E402
from tests.voice_corpus import DECAYING_PROGRAMS, chord_truth  # noqa: E402

SEED = 2222
xf = partial(trials.xf, "t22")
src = trials.src
line = trials.line

REAL = trials.REAL
FLAT = trials.FLAT
GRAD = trials.GRAD
GRAIN = ",noise=alls=10:allf=t+u"
PERLIN = "perlin=s={size}:r={fps}:octaves=3:persistence=0.6:xscale=3:yscale=3:tscale=%s:random_mode=seed:random_seed=%d"
RATES = (24, 25, 30, 48, 50, 60)
SIDES = ("flat", "flat", "grad", "grain", "perlin", "bunny", "carphone", "bikes", "testsrc2", "mandel", "life", "cellauto")
REAL_SIDES = ("bunny", "carphone", "bikes")
BIKES_HOLD_S = 1.0  # a bikes side's hold beside its transition (its shot is 2.44 s long)
BIKES_MAX_S = 1.2  # the longest transition with a bikes side (s)


def _colour(rng: np.random.Generator) -> str:
    r, g, b = (int(v) for v in rng.integers(0, 256, 3))
    return f"0x{r:02X}{g:02X}{b:02X}"


def _side(rng: np.random.Generator, kind: str, fps: int, k: int) -> str:
    if kind == "flat":
        return src(FLAT % _colour(rng), fps)
    if kind == "grain":
        return src(FLAT % _colour(rng) + GRAIN, fps)
    if kind == "grad":
        return src(GRAD % (_colour(rng), _colour(rng), SEED + k), fps)
    if kind == "perlin":
        return src(PERLIN % (round(float(rng.uniform(0.5, 1.5)), 2), SEED + k), fps)
    if kind == "bunny":
        x, y = int(rng.integers(0, 640)), int(rng.integers(0, 360))
        return src(REAL % ("bunny", int(rng.integers(0, 40)), f"640:360:x={x}:y={y}"), fps)
    if kind == "carphone":
        return src(REAL % ("carphone", int(rng.integers(0, 10)), f"176:99:x=0:y={int(rng.integers(0, 45))}"), fps)
    if kind == "bikes":
        return src(REAL % ("bikes", 76, "640:272:x=0:y=0"), fps)
    if kind == "testsrc2":
        return src("testsrc2=s={size}:r={fps}", fps)
    if kind == "mandel":
        return src("mandelbrot=s={size}:r={fps}:start_x=-0.7453:start_y=0.1127:start_scale=0.3:end_scale=0.03:end_pts=120", fps)
    if kind == "life":
        return src(f"life=s=128x72:r={{fps}}:seed={SEED + k}:ratio=0.35:mold=8:life_color={_colour(rng)}:death_color={_colour(rng)},scale={{size}}", fps)
    return src(f"cellauto=s=256x144:r={{fps}}:rule=30:random_fill_ratio=0.4:random_seed={SEED + k}:scroll=1", fps)


def video_cases() -> list[Case]:
    rng = np.random.default_rng(SEED)
    c: list[Case] = []
    names = sorted(XFADE)
    for k, transition in enumerate(rng.choice(names, 26, replace=False)):
        fps = int(rng.choice(RATES))
        kinds = [str(rng.choice(SIDES)) for _ in range(2)]
        a, b = (_side(rng, kind, fps, 2 * k + i) for i, kind in enumerate(kinds))
        bikes = "bikes" in kinds
        duration = round(float(rng.uniform(0.3, BIKES_MAX_S if bikes else 2.0)), 1)
        pre = BIKES_HOLD_S if kinds[0] == "bikes" else 1.6
        post = BIKES_HOLD_S if kinds[1] == "bikes" else 1.6
        c.append(xf(f"{transition}-{kinds[0]}-{kinds[1]}-{fps}", a, b, str(transition), duration, fps, pre=pre, post=post))
    # the fade filter: out to and in from black or white, on any side
    for k in range(4):
        fps = int(rng.choice(RATES))
        kind = str(rng.choice([s for s in SIDES if s != "bikes"]))
        colour = str(rng.choice(["black", "white"]))
        d = round(float(rng.uniform(0.2, 2.5)), 1)
        if k % 2 == 0:
            g = f"[0:v]trim=duration={1.4 + d},setpts=PTS-STARTPTS,scale=256:144,setsar=1,format=yuv420p,fade=t=out:st=1.4:d={d}:color={colour},tpad=stop_mode=clone:stop_duration=0.8[v]"
            truth = (Truth("fade_out", 1.4, round(1.4 + d, 3)),)
            seconds = 1.4 + d + 0.8
        else:
            g = f"[0:v]trim=duration={0.5 + d + 1.4},setpts=PTS-STARTPTS,scale=256:144,setsar=1,format=yuv420p,fade=t=in:st=0.5:d={d}:color={colour}[v]"
            truth = (Truth("fade_in", 0.5, round(0.5 + d, 3)),)
            seconds = 0.5 + d + 1.4
        c.append(Case(f"t22-fade{'out' if k % 2 == 0 else 'in'}-{kind}-{fps}", "trial", fps, round(seconds, 3), (_side(rng, kind, fps, 100 + k),), g, truth, f"fade:{colour}"))
    # cuts between three drawn sides
    fps = int(rng.choice(RATES))
    kinds = [str(rng.choice([s for s in SIDES if s != "bikes"])) for _ in range(3)]
    g = "".join(f"[{i}:v]trim=duration={dur},setpts=PTS-STARTPTS,scale=256:144,setsar=1,format=yuv420p[s{i}];" for i, dur in enumerate((1.3, 1.1, 1.5)))
    g += "[s0][s1][s2]concat=n=3:v=1:a=0[v]"
    c.append(
        Case(f"t22-cuts-{'-'.join(kinds)}-{fps}", "trial", fps, 3.9, tuple(_side(rng, kind, fps, 110 + i) for i, kind in enumerate(kinds)), g, (Truth("cut", 1.3, 1.3), Truth("cut", 2.4, 2.4)), "cut")
    )
    # no transition: an object crossing a drawn side, a zoom into a real shot, a slow darkening, a flash
    fps = int(rng.choice(RATES))
    kind = str(rng.choice(["flat", "grad", "perlin", "bunny"]))
    c.append(
        Case(
            f"t22-none-box-crossing-{kind}",
            "trial",
            fps,
            3.5,
            (_side(rng, kind, fps, 120),),
            "[0:v]scale=256:144,setsar=1,format=yuv420p" + moving_box("t*110-50", "50", 70, 50, _colour(rng), fps) + "[v]",
            (),
            "none",
        )
    )
    c.append(
        Case(
            "t22-none-zoom-bunny",
            "trial",
            25,
            4.0,
            (src(REAL % ("bunny", 20, "1280:720:x=0:y=0"), 25),),
            "[0:v]scale=1280:720,zoompan=z='1+on*0.006':d=1:x='iw/2-(iw/zoom/2)':y='ih/2-(ih/zoom/2)':s=256x144:fps=25,setsar=1,format=yuv420p[v]",
            (),
            "none",
        )
    )
    fps = int(rng.choice(RATES))
    c.append(
        Case(
            "t22-none-slowdark-grad",
            "trial",
            fps,
            5.0,
            (src(GRAD % (_colour(rng), _colour(rng), SEED + 130), fps),),
            "[0:v]format=yuv420p,eq=brightness='-t*0.06':eval=frame[v]",
            (),
            "none",
        )
    )
    c.append(
        Case(
            "t22-none-flash-perlin",
            "trial",
            30,
            3.0,
            (src(PERLIN % ("0.8", SEED + 131), 30),),
            "[0:v]format=yuv420p,eq=brightness='if(between(n,45,46),0.5,0)':eval=frame[v]",
            (),
            "none",
        )
    )
    return c


# ---------------------------------------------------------------- audio

KIT = {
    "standard": 0,
    "standard1": 1,
    "standard2": 2,
    "standard3": 3,
    "standard4": 4,
    "standard5": 5,
    "standard6": 6,
    "standard7": 7,
    "room": 8,
    "room1": 9,
    "room2": 10,
    "room3": 11,
    "room4": 12,
    "room5": 13,
    "room6": 14,
    "room7": 15,
    "power": 16,
    "power1": 17,
    "power2": 18,
    "power3": 19,
    "jazz": 32,
    "jazz1": 33,
    "jazz2": 34,
    "jazz3": 35,
    "jazz4": 36,
    "brush": 40,
    "brush1": 41,
    "brush2": 42,
    "electronic": 24,
    "tr808": 25,
}
# simple-metre patterns whose quarter note is the beat (trials 16-21 read these families)
PATTERNS = (
    "rock", "funk", "disco", "motown", "punk", "shuffle", "swingjazz", "bossa", "surf", "synthpop", "boombap", "popfunk",
    "powerrock", "twostep", "boogaloo", "halfghost", "dbeat", "stomp", "eight08", "halfclap", "schlager", "skaoff",
    "fasttwo", "halfride", "offsnare", "twotone", "rockride", "halfopen", "waltzride", "twobrush", "fourfloor", "breakbeat",
)  # fmt: skip
BASS = (32, 33, 34, 35, 36, 37, 38, 39, 43, 58, 70)
PADS = (48, 49, 50, 51, 52, 53, 54, 16, 17, 18, 19, 20, 21, 88, 89, 90, 91, 92, 93, 94, 95)
PLUCKS = (9, 11, 12, 13, 14, 15, 24, 25, 26, 27, 45, 46, 104, 105, 106, 107, 108)
LEADS = (40, 41, 56, 57, 60, 64, 65, 66, 68, 71, 72, 73, 74, 75, 79, 80, 81, 82, 84, 85, 86, 87)


def kit_groove(name: str, kit: str, bpm: float, pattern: str, bars: int = 4, swing: float = 0.5) -> ac.Clip:
    return trials.kit_groove(name, KIT[kit], bpm, pattern, bars, swing, every_drum=True)


def band(name: str, kit: str, bpm: float, pattern: str, bass_prog: int, chord_prog: int, bars: int = 4, swing: float = 0.5) -> ac.Clip:
    return trials.band(kit_groove(name, kit, bpm, pattern, bars, swing), pattern, bass_prog, chord_prog, [40, 45, 38, 43], bars)


def _pick(rng: np.random.Generator, pool: tuple[int, ...] | list[int], n: int) -> list[int]:
    return [int(p) for p in rng.choice(pool, n, replace=False)]


def audio_clips() -> list[ac.Clip]:
    rng = np.random.default_rng(SEED)
    clips: list[ac.Clip] = []
    walk = partial(trials.walk, rng, [-5, -4, -2, -1, 1, 2, 4, 5])

    for prog in _pick(rng, BASS, 6):
        clips.append(line(f"bass{prog}", prog, walk(28, 46, 10), float(rng.choice([0.3, 0.45, 0.7])), "bass"))
    for prog in _pick(rng, PADS, 7):
        chords = [ac.TRIADS[int(i)] for i in rng.integers(0, len(ac.TRIADS), 3)]
        clips.append(ac.tonal_clip(f"pad{prog}", prog, ac._chords(chords, float(rng.choice([1.6, 2.2, 2.8]))), "pad"))
    for prog in _pick(rng, sorted(DECAYING_PROGRAMS), 7):
        chords = [ac.TRIADS[int(i)] for i in rng.integers(0, len(ac.TRIADS), 5)]
        clips.append(ac.tonal_clip(f"chord{prog}", prog, ac._chords(chords, float(rng.choice([0.7, 1.0, 1.3]))), chord_truth(prog)))
    for prog in _pick(rng, PLUCKS, 7):
        clips.append(line(f"pluck{prog}", prog, walk(52, 82, 10), float(rng.choice([0.3, 0.4, 0.5]))))
    for prog in _pick(rng, LEADS, 7):
        clips.append(line(f"lead{prog}", prog, walk(58, 79, 7), float(rng.choice([0.9, 1.2, 1.6]))))
    for prog in _pick(rng, LEADS, 6):
        clips.append(line(f"melody{prog}", prog, walk(60, 83, 16), float(rng.choice([0.12, 0.15, 0.19]))))
    kits = sorted(KIT)
    grooves = tuple((str(rng.choice(kits)), int(rng.integers(64, 185)), str(rng.choice(PATTERNS))) for _ in range(13))
    clips += trials.groove_clips(kit_groove, grooves)
    bands = tuple(
        (str(rng.choice(kits)), int(rng.integers(72, 170)), str(rng.choice(PATTERNS)), int(rng.choice(BASS)), int(rng.choice(PADS + tuple(DECAYING_PROGRAMS))), float(rng.choice([0.5, 0.5, 0.6])))
        for _ in range(6)
    )
    clips += trials.band_clips(band, bands)
    kit, bpm, pat = str(rng.choice(kits)), int(rng.integers(80, 150)), str(rng.choice(PATTERNS))
    clips += trials.speech_clips(SPEECH, 9.0, band(f"speech_over_band_{kit}_{bpm}", kit, bpm, pat, int(rng.choice(BASS)), int(rng.choice(PADS))))
    return clips


SPEECH = "When the lighthouse keeper climbed the stairs at dusk, the gulls were circling low over the harbour wall."


if __name__ == "__main__":
    print(versions_line(), flush=True)
    trials.main(Path("/tmp/trial22"), video_cases, audio_clips)
