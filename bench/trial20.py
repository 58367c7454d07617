"""Trial 20 (session 24, the lead's blind check): videos and sounds no split or trial chose, read with the CLI's path
(``aspects.api.analyze``). Session 24 read it with main a226f84 (transitions 28/30, 1 false; chord 30/35, pad 17/21,
pluck 52/70, lead 37/49, melody 90/96, kick 175/196, hihat 137/172, snare 55/68, tempo 18/20). Every real
shot lies inside one shot of its reference clip (bikes.mp4 25 fps, cuts at frames 30, 76, 137, 187, 242; bunny 132 frames
at 25; carphone 120 frames at 29.97); moving objects are drawn with ``overlay`` (``moving_box``).

Usage: .venv/bin/python bench/trial20.py make|score TAG [--only video|audio] [--out DIR]
Truths as trial 19's: xfade boundaries read off the rendered frames, fade-filter and cut truths exact; single lines named
by tests.voice_corpus.line_truth, basses below MIDI 48, struck chords on decaying programs `chord`, held chords on
sustaining programs `pad`; drum hits by HIT_PRIORITY; tempo: the recipe's quarter note.
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
from tests.transition_corpus import Case, Truth, moving_box  # noqa: E402
from tests.voice_corpus import DECAYING_PROGRAMS  # noqa: E402

xf = partial(trials.xf, "t20")
src = trials.src
line = trials.line

REAL = trials.REAL
GRAIN = ",noise=alls=14:allf=t+u"
FLAT = trials.FLAT
GRAD = trials.GRAD
PERLIN = "perlin=s={size}:r={fps}:octaves=4:persistence=0.5:xscale=4:yscale=4:tscale=%s:random_mode=seed:random_seed=%d"


def video_cases() -> list[Case]:
    c: list[Case] = []
    flat = FLAT
    c.append(xf("wipetr-bikes-flat", src(REAL % ("bikes", 188, "640:272:x=0:y=0"), 30), src(flat % "0x3CB371", 30), "wipetr", 0.5, 30))
    c.append(xf("coverdown-flat-carphone", src(flat % "0xF0E68C", 25), src(REAL % ("carphone", 5, "176:99:x=0:y=25"), 25), "coverdown", 0.8, 25))
    c.append(xf("diagbr-grad-perlin", src(GRAD % ("0xE9967A", "0x2F4F4F", 201), 24), src(PERLIN % ("1.2", 2020), 24), "diagbr", 1.2, 24))
    c.append(xf("hrslice-carphone-bunny", src(REAL % ("carphone", 0, "176:99:x=0:y=15"), 30), src(REAL % ("bunny", 20, "700:394:x=100:y=100"), 30), "hrslice", 0.9, 30))
    c.append(xf("horzopen-flat-grad", src(flat % "0x191970", 60), src(GRAD % ("0xFFDAB9", "0x8B0000", 202), 60), "horzopen", 0.6, 60))
    c.append(xf("squeezeh-testsrc2-flat", src("testsrc2=s={size}:r={fps}", 25), src(flat % "0xCD853F", 25), "squeezeh", 0.8, 25))
    c.append(xf("radial-grad-grad", src(GRAD % ("0x40E0D0", "0x800080", 203), 30), src(GRAD % ("0xFFA500", "0x000080", 204), 30), "radial", 1.0, 30))
    c.append(xf("smoothup-bunny-flat", src(REAL % ("bunny", 40, "640:360:x=400:y=300"), 25), src(flat % "0xB0C4DE", 25), "smoothup", 0.7, 25))
    c.append(
        xf(
            "revealleft-cellauto-grainflat",
            src("cellauto=s=256x144:r={fps}:rule=30:random_fill_ratio=0.4:random_seed=20:scroll=1", 30),
            src(flat % "0x6B8E23" + GRAIN, 30),
            "revealleft",
            0.6,
            30,
        )
    )
    c.append(xf("wipetl-grainy-flats-48", src(flat % "0xDB7093" + GRAIN, 48), src(flat % "0x20B2AA" + GRAIN, 48), "wipetl", 0.4, 48))
    c.append(
        xf(
            "slideup-mandel-bikes",
            src("mandelbrot=s={size}:r={fps}:start_x=-0.1011:start_y=0.9563:start_scale=0.2:end_scale=0.02:end_pts=100", 25),
            src(REAL % ("bikes", 78, "640:272:x=0:y=0"), 25),
            "slideup",
            0.8,
            25,
            post=1.4,
        )
    )
    c.append(xf("circleopen-flat-flat-long", src(flat % "0xFF6347", 24), src(flat % "0x4682B4", 24), "circleopen", 1.5, 24))
    c.append(xf("vertopen-carphone-flat-50", src(REAL % ("carphone", 30, "176:99:x=0:y=30"), 50), src(flat % "0xFFF8DC", 50), "vertopen", 0.5, 50))
    c.append(
        xf(
            "vuwind-grad-life",
            src(GRAD % ("0x9370DB", "0xF5DEB3", 205), 25),
            src("life=s=128x72:r={fps}:seed=2020:ratio=0.3:mold=10:life_color=0xFF4500:death_color=0x101030,scale={size}", 25),
            "vuwind",
            1.0,
            25,
        )
    )
    c.append(xf("fadefast-flat-flat", src(flat % "0x7FFFD4", 30), src(flat % "0x8B4513", 30), "fadefast", 0.8, 30))
    c.append(xf("fadeslow-bunny-carphone", src(REAL % ("bunny", 0, "800:450:x=300:y=250"), 25), src(REAL % ("carphone", 0, "176:99:x=0:y=35"), 25), "fadeslow", 1.5, 25))
    c.append(xf("dissolve-perlin-grad", src(PERLIN % ("0.8", 2021), 30), src(GRAD % ("0xADFF2F", "0x483D8B", 206), 30), "dissolve", 1.2, 30))
    c.append(xf("hblur-carphone-bikes", src(REAL % ("carphone", 10, "176:99:x=0:y=20"), 25), src(REAL % ("bikes", 188, "640:272:x=0:y=0"), 25), "hblur", 0.6, 25, post=1.4))
    c.append(xf("distance-flat-grad", src(flat % "0xFFC0CB", 24), src(GRAD % ("0x2E8B57", "0xFFFF00", 207), 24), "distance", 1.0, 24))
    c.append(xf("fadeblack-bunny-flat", src(REAL % ("bunny", 60, "720:405:x=200:y=300"), 25), src(flat % "0xD2691E", 25), "fadeblack", 0.8, 25))
    c.append(xf("fadewhite-flat-carphone", src(flat % "0x556B2F", 30), src(REAL % ("carphone", 0, "176:99:x=0:y=5"), 30), "fadewhite", 1.2, 30))
    c.append(xf("pixelize-grad-flat", src(GRAD % ("0xDC143C", "0xF0FFFF", 208), 30), src(flat % "0x2F4F4F", 30), "pixelize", 1.0, 30))
    # fade filter: out to white on scrolling cellauto (moving texture), in from black on a zooming mandelbrot at 50, a
    # dip through dark green between two flat colours
    fps = 30
    g = "[0:v]trim=duration=2.6,setpts=PTS-STARTPTS,format=yuv420p,fade=t=out:st=1.2:d=1.2:color=white,tpad=stop_mode=clone:stop_duration=0.8[v]"
    c.append(
        Case(
            "t20-fadeout-white-cellauto",
            "trial",
            fps,
            3.4,
            (src("cellauto=s=256x144:r={fps}:rule=90:random_fill_ratio=0.5:random_seed=21:scroll=1", fps),),
            g,
            (Truth("fade_out", 1.2, 2.4),),
            "fade:white",
        )
    )
    fps = 50
    g = "[0:v]trim=duration=3.0,setpts=PTS-STARTPTS,format=yuv420p,fade=t=in:st=0.6:d=0.7:color=black[v]"
    c.append(
        Case(
            "t20-fadein-black-mandel-50",
            "trial",
            fps,
            3.0,
            (src("mandelbrot=s={size}:r={fps}:start_x=-1.25066:start_y=0.02012:start_scale=0.5:end_scale=0.01:end_pts=150", fps),),
            g,
            (Truth("fade_in", 0.6, 1.3),),
            "fade:black",
        )
    )
    fps = 24
    g = (
        "[0:v]trim=duration=2.0,setpts=PTS-STARTPTS,format=yuv420p,fade=t=out:st=1.2:d=0.8:color=0x003300[a];"
        "[1:v]trim=duration=2.2,setpts=PTS-STARTPTS,format=yuv420p,fade=t=in:st=0:d=1.0:color=0x003300[b];[a][b]concat=n=2:v=1:a=0[v]"
    )
    c.append(
        Case(
            "t20-dip-green-flat-flat",
            "trial",
            fps,
            4.2,
            (src(flat % "0xFFE4E1", fps), src(flat % "0x4169E1", fps)),
            g,
            (Truth("fade_out", 1.2, 2.0), Truth("fade_in", 2.0, 3.0)),
            "fade:colour",
        )
    )
    # cuts at 50 fps: carphone | flat | bunny
    fps = 50
    g = (
        "[0:v]trim=duration=1.4,setpts=PTS-STARTPTS,scale=256:144,setsar=1,format=yuv420p[a];"
        "[1:v]trim=duration=0.6,setpts=PTS-STARTPTS,format=yuv420p[b];"
        "[2:v]trim=duration=1.6,setpts=PTS-STARTPTS,scale=256:144,setsar=1,format=yuv420p[c];[a][b][c]concat=n=3:v=1:a=0[v]"
    )
    c.append(
        Case(
            "t20-cuts-carphone-flat-bunny-50",
            "trial",
            fps,
            3.6,
            (src(REAL % ("carphone", 40, "176:144:x=0:y=0"), fps), src(flat % "0xFF00FF", fps), src(REAL % ("bunny", 70, "1280:720:x=0:y=0"), fps)),
            g,
            (Truth("cut", 1.4, 1.4), Truth("cut", 2.0, 2.0)),
            "cut",
        )
    )
    # no transition: a gradient darkening by a quarter over 5 s, a bar crossing moving Perlin, a tilt over testsrc2, a
    # 2-frame flash on a gradient
    c.append(
        Case(
            "t20-none-darken-grad",
            "trial",
            24,
            5.0,
            (src(GRAD % ("0x87CEEB", "0xFFE4C4", 209), 24),),
            "[0:v]format=yuv420p,eq=brightness='-t*0.05':eval=frame[v]",
            (),
            "none",
        )
    )
    c.append(
        Case(
            "t20-none-bar-perlin",
            "trial",
            30,
            3.6,
            (src(PERLIN % ("1.0", 2022), 30),),
            "[0:v]format=yuv420p" + moving_box("0", "t*70-40", 256, 40, "0x101010", 30) + "[v]",
            (),
            "none",
        )
    )
    c.append(
        Case(
            "t20-none-tilt-testsrc2",
            "trial",
            25,
            4.0,
            (src("testsrc2=s=256x576:r={fps}", 25),),
            "[0:v]crop=256:144:x=0:y='t*100',setsar=1,format=yuv420p[v]",
            (),
            "none",
        )
    )
    c.append(
        Case(
            "t20-none-flash-grad",
            "trial",
            30,
            3.0,
            (src(GRAD % ("0x4B0082", "0xFF8C00", 210), 30),),
            "[0:v]format=yuv420p,eq=brightness='if(between(n,44,45),0.7,0)':eval=frame[v]",
            (),
            "none",
        )
    )
    return c


# ---------------------------------------------------------------- audio

KIT = {
    "standard": 0,
    "standard1": 1,
    "standard3": 3,
    "standard5": 5,
    "standard6": 6,
    "room": 8,
    "room1": 9,
    "room2": 10,
    "room5": 13,
    "power": 16,
    "power1": 17,
    "power2": 18,
    "jazz": 32,
    "jazz1": 33,
    "jazz4": 36,
    "brush": 40,
    "electronic": 24,
    "tr808": 25,
}


def kit_groove(name: str, kit: str, bpm: float, pattern: str, bars: int = 4, swing: float = 0.5) -> ac.Clip:
    return trials.kit_groove(name, KIT[kit], bpm, pattern, bars, swing, every_drum=True)


def band(name: str, kit: str, bpm: float, pattern: str, bass_prog: int, chord_prog: int, bars: int = 4, swing: float = 0.5) -> ac.Clip:
    return trials.band(kit_groove(name, kit, bpm, pattern, bars, swing), pattern, bass_prog, chord_prog, [40, 45, 38, 43], bars)


def audio_clips() -> list[ac.Clip]:
    rng = np.random.default_rng(2020)
    clips: list[ac.Clip] = []

    walk = partial(trials.walk, rng, [-5, -2, -1, 1, 2, 4, 7, -7])

    for prog in (34, 37, 38, 42, 70, 33):  # picked bass, slap bass 2, synth bass 1, cello, bassoon, finger bass
        clips.append(line(f"bass{prog}", prog, walk(28, 47, 10), float(rng.choice([0.3, 0.5, 0.75])), "bass"))
    for prog in (49, 88, 90, 91, 92, 95, 20):  # string ensemble 2, new age, polysynth, choir pad, bowed glass, sweep, reed organ
        chords = [ac.TRIADS[int(i)] for i in rng.integers(0, len(ac.TRIADS), 3)]
        clips.append(ac.tonal_clip(f"pad{prog}", prog, ac._chords(chords, float(rng.choice([1.6, 2.4, 3.2]))), "pad"))
    for prog in (1, 3, 7, 26, 27, 46, 10):  # bright piano, honky-tonk, clavinet, jazz guitar, clean guitar, harp, music box
        if prog not in DECAYING_PROGRAMS:
            print(f"chord{prog}: program {prog} not in DECAYING_PROGRAMS, skipped")
            continue
        chords = [ac.TRIADS[int(i)] for i in rng.integers(0, len(ac.TRIADS), 5)]
        clips.append(ac.tonal_clip(f"chord{prog}", prog, ac._chords(chords, float(rng.choice([0.7, 1.0, 1.3]))), "chord"))
    for prog in (104, 106, 107, 11, 10, 8, 26):  # sitar, shamisen, koto, vibraphone, music box, celesta, jazz guitar
        clips.append(line(f"pluck{prog}", prog, walk(52, 86, 10), float(rng.choice([0.3, 0.4, 0.6]))))
    for prog in (69, 71, 79, 81, 83, 84, 78):  # english horn, clarinet, ocarina, saw lead, chiff lead, charang, whistle
        clips.append(line(f"lead{prog}", prog, walk(55, 79, 7), float(rng.choice([0.7, 1.0, 1.4]))))
    for prog in (22, 75, 77, 61, 68, 64):  # harmonica, pan flute, shakuhachi, brass section, oboe, soprano sax (fast)
        clips.append(line(f"melody{prog}", prog, walk(60, 84, 16), float(rng.choice([0.12, 0.15, 0.19]))))
    clips += trials.groove_clips(
        kit_groove,
        (
            ("standard1", 132, "soca"),
            ("room5", 84, "zouk"),
            ("jazz", 108, "afro68"),
            ("brush", 72, "bolero"),
            ("standard3", 186, "mambo"),
            ("power2", 112, "baiao"),
            ("jazz4", 116, "chacha"),
            ("electronic", 136, "twostep"),
            ("standard", 164, "surf"),
            ("room", 148, "shout"),
            ("tr808", 94, "gogo"),
            ("power", 76, "sonclave"),
            ("standard6", 100, "breakbeat"),
        ),
    )
    clips += trials.band_clips(
        band,
        (
            ("standard", 118, "popfunk", 33, 4, 0.5),
            ("power1", 160, "punk", 34, 30, 0.5),
            ("room1", 90, "tumbao", 32, 0, 0.5),
            ("electronic", 128, "synthpop", 38, 90, 0.5),
            ("jazz1", 132, "swingjazz", 32, 26, 0.62),
            ("tr808", 70, "halftrap", 38, 81, 0.5),
        ),
    )
    clips += trials.speech_clips(SPEECH, 9.0, band("speech_over_band_room2_96", "room2", 96, "rock", 34, 27))
    return clips


SPEECH = "The night train to the coast was late again, so the porter counted the crates twice and sang to himself."


if __name__ == "__main__":
    print(versions_line(), flush=True)
    trials.main(Path("/tmp/trial20"), video_cases, audio_clips)
