"""Trial 21 (session 25, the lead's blind check): videos and sounds no split or trial chose, read with the CLI's path
(``aspects.api.analyze``). Written before any of session 25's changes were read; kept from every helper. Session 25 read
it with main 9edd684: transitions 31/32, 0 false (rectcrop's second half on grainy flats missed); with the drum families'
truths (bench/trials.py DRUM_FAMILY): hihat 213/268, kick 168/196, snare 120/132, clap 8/8; bass 60/60, chord 32/35,
pad 21/21, pluck 69/70, lead 38/49, melody 90/96; tempo 18/20 (halfghost 92 and halfride 66 read double). Every real shot
lies inside one shot of its reference clip (bikes.mp4 25 fps, cuts at frames 30, 76, 137, 187, 242; bunny 132 frames at
25; carphone 120 frames at 29.97); moving objects are drawn with ``overlay`` (``moving_box``).

Usage: .venv/bin/python bench/trial21.py make|score TAG [--only video|audio] [--out DIR]
Truths as trial 20's: xfade boundaries read off the rendered frames, fade-filter and cut truths exact; single lines named
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

xf = partial(trials.xf, "t21")
src = trials.src
line = trials.line

REAL = trials.REAL
GRAIN = ",noise=alls=12:allf=t+u"
FLAT = trials.FLAT
GRAD = trials.GRAD
PERLIN = "perlin=s={size}:r={fps}:octaves=3:persistence=0.6:xscale=3:yscale=3:tscale=%s:random_mode=seed:random_seed=%d"


def video_cases() -> list[Case]:
    c: list[Case] = []
    flat = FLAT
    c.append(xf("wiperight-bunny-grad", src(REAL % ("bunny", 10, "640:360:x=500:y=200"), 25), src(GRAD % ("0x66CDAA", "0x8B008B", 211), 25), "wiperight", 0.7, 25))
    c.append(xf("slideleft-flat-carphone-60", src(flat % "0xBDB76B", 60), src(REAL % ("carphone", 0, "176:99:x=0:y=40"), 60), "slideleft", 0.6, 60))
    c.append(xf("smoothleft-perlin-flat", src(PERLIN % ("0.9", 2121), 30), src(flat % "0x800000", 30), "smoothleft", 0.9, 30))
    c.append(xf("wipeup-grad-bikes", src(GRAD % ("0xF4A460", "0x191970", 212), 25), src(REAL % ("bikes", 76, "640:272:x=0:y=0"), 25), "wipeup", 0.8, 25, post=1.4))
    c.append(xf("rectcrop-grainy-flats", src(flat % "0x4682B4" + GRAIN, 24), src(flat % "0xFFD700" + GRAIN, 24), "rectcrop", 1.0, 24))
    c.append(xf("horzclose-carphone-flat", src(REAL % ("carphone", 20, "176:99:x=0:y=10"), 30), src(flat % "0xE0FFFF", 30), "horzclose", 0.5, 30))
    c.append(xf("vdslice-grad-grad", src(GRAD % ("0xFF69B4", "0x006400", 213), 30), src(GRAD % ("0x1E90FF", "0xFFFACD", 214), 30), "vdslice", 0.8, 30))
    c.append(xf("hlslice-bikes-bunny", src(REAL % ("bikes", 137, "640:272:x=0:y=0"), 25), src(REAL % ("bunny", 0, "900:506:x=200:y=150"), 25), "hlslice", 0.6, 25, pre=1.2))
    c.append(xf("squeezev-flat-testsrc2", src(flat % "0x708090", 25), src("testsrc2=s={size}:r={fps}", 25), "squeezev", 0.7, 25))
    c.append(
        xf(
            "diagbl-flat-mandel",
            src(flat % "0xFFEFD5", 30),
            src("mandelbrot=s={size}:r={fps}:start_x=-0.7453:start_y=0.1127:start_scale=0.3:end_scale=0.03:end_pts=120", 30),
            "diagbl",
            1.0,
            30,
        )
    )
    c.append(xf("revealright-grad-flat-48", src(GRAD % ("0xDAA520", "0x4B0082", 215), 48), src(flat % "0x2E8B57", 48), "revealright", 0.6, 48))
    c.append(
        xf(
            "coverup-bunny-life",
            src(REAL % ("bunny", 50, "640:360:x=100:y=350"), 25),
            src("life=s=128x72:r={fps}:seed=2121:ratio=0.35:mold=8:life_color=0x00CED1:death_color=0x200010,scale={size}", 25),
            "coverup",
            0.8,
            25,
        )
    )
    c.append(xf("hrwind-flat-carphone", src(flat % "0xCD5C5C", 30), src(REAL % ("carphone", 10, "176:99:x=0:y=20"), 30), "hrwind", 0.9, 30))
    c.append(xf("wipebr-grainy-flats", src(flat % "0x9ACD32" + GRAIN, 30), src(flat % "0x483D8B" + GRAIN, 30), "wipebr", 0.5, 30))
    c.append(xf("dissolve-carphone-bunny", src(REAL % ("carphone", 0, "176:99:x=0:y=0"), 25), src(REAL % ("bunny", 30, "800:450:x=240:y=200"), 25), "dissolve", 1.0, 25))
    c.append(xf("fade-grad-perlin-long", src(GRAD % ("0xFA8072", "0x00008B", 216), 30), src(PERLIN % ("1.1", 2122), 30), "fade", 1.8, 30))
    c.append(xf("fadegrays-bikes-flat", src(REAL % ("bikes", 187, "640:272:x=0:y=0"), 25), src(flat % "0xFF7F50", 25), "fadegrays", 0.8, 25, pre=1.3))
    c.append(xf("fadeblack-flat-grad-60", src(flat % "0x87CEFA", 60), src(GRAD % ("0xFFE4B5", "0x8B4513", 217), 60), "fadeblack", 1.0, 60))
    c.append(xf("fadewhite-carphone-bikes", src(REAL % ("carphone", 0, "176:99:x=0:y=30"), 25), src(REAL % ("bikes", 30, "640:272:x=0:y=0"), 25), "fadewhite", 0.7, 25, post=1.0))
    c.append(xf("distance-bunny-flat", src(REAL % ("bunny", 70, "640:360:x=600:y=100"), 30), src(flat % "0xF08080", 30), "distance", 0.8, 30))
    c.append(
        xf(
            "smoothright-grad-cellauto",
            src(GRAD % ("0xB0E0E6", "0x800080", 218), 24),
            src("cellauto=s=256x144:r={fps}:rule=110:random_fill_ratio=0.45:random_seed=22:scroll=1", 24),
            "smoothright",
            0.7,
            24,
        )
    )
    c.append(xf("vertclose-flat-flat-50", src(flat % "0x008080", 50), src(flat % "0xFFB6C1", 50), "vertclose", 0.4, 50))
    c.append(xf("fade-flat-flat-3s", src(flat % "0xA0522D", 24), src(flat % "0x98FB98", 24), "fade", 3.0, 24))
    # fade filter: out to black on moving Perlin at 25, in from white on bikes at 25, a dip through maroon between two
    # gradients at 30
    fps = 25
    g = "[0:v]trim=duration=2.4,setpts=PTS-STARTPTS,format=yuv420p,fade=t=out:st=1.4:d=1.0:color=black,tpad=stop_mode=clone:stop_duration=0.8[v]"
    c.append(Case("t21-fadeout-black-perlin", "trial", fps, 3.2, (src(PERLIN % ("1.3", 2123), fps),), g, (Truth("fade_out", 1.4, 2.4),), "fade:black"))
    g = "[0:v]trim=duration=2.4,setpts=PTS-STARTPTS,scale=256:144,setsar=1,format=yuv420p,fade=t=in:st=0.4:d=0.9:color=white[v]"
    c.append(Case("t21-fadein-white-bikes", "trial", fps, 2.4, (src(REAL % ("bikes", 76, "640:272:x=0:y=0"), fps),), g, (Truth("fade_in", 0.4, 1.3),), "fade:white"))
    fps = 30
    g = (
        "[0:v]trim=duration=1.8,setpts=PTS-STARTPTS,format=yuv420p,fade=t=out:st=1.0:d=0.8:color=0x800000[a];"
        "[1:v]trim=duration=2.0,setpts=PTS-STARTPTS,format=yuv420p,fade=t=in:st=0:d=0.6:color=0x800000[b];[a][b]concat=n=2:v=1:a=0[v]"
    )
    c.append(
        Case(
            "t21-dip-maroon-grad-grad",
            "trial",
            fps,
            3.8,
            (src(GRAD % ("0xF0E68C", "0x5F9EA0", 219), fps), src(GRAD % ("0xE6E6FA", "0x556B2F", 220), fps)),
            g,
            (Truth("fade_out", 1.0, 1.8), Truth("fade_in", 1.8, 2.4)),
            "fade:colour",
        )
    )
    # cuts at 24: gradient | carphone | flat
    fps = 24
    g = (
        "[0:v]trim=duration=1.2,setpts=PTS-STARTPTS,format=yuv420p[a];"
        "[1:v]trim=duration=1.5,setpts=PTS-STARTPTS,scale=256:144,setsar=1,format=yuv420p[b];"
        "[2:v]trim=duration=1.3,setpts=PTS-STARTPTS,format=yuv420p[c];[a][b][c]concat=n=3:v=1:a=0[v]"
    )
    c.append(
        Case(
            "t21-cuts-grad-carphone-flat-24",
            "trial",
            fps,
            4.0,
            (src(GRAD % ("0x7B68EE", "0xFFDEAD", 221), fps), src(REAL % ("carphone", 50, "176:144:x=0:y=0"), fps), src(flat % "0x32CD32", fps)),
            g,
            (Truth("cut", 1.2, 1.2), Truth("cut", 2.7, 2.7)),
            "cut",
        )
    )
    # no transition: a pan across bunny, a disc crossing a flat colour, a hue turn over a gradient, a 3-frame white flash
    # on carphone
    c.append(
        Case(
            "t21-none-pan-bunny",
            "trial",
            25,
            4.0,
            (src(REAL % ("bunny", 0, "1280:720:x=0:y=0"), 25),),
            "[0:v]crop=320:180:x='t*160':y=300,scale=256:144,setsar=1,format=yuv420p[v]",
            (),
            "none",
        )
    )
    c.append(
        Case(
            "t21-none-disc-flat",
            "trial",
            30,
            3.6,
            (src(flat % "0x4169E1", 30),),
            "[0:v]format=yuv420p" + moving_box("t*90-60", "40", 60, 60, "0xFFFF00", 30, shape="disc") + "[v]",
            (),
            "none",
        )
    )
    c.append(
        Case(
            "t21-none-hue-grad",
            "trial",
            24,
            4.0,
            (src(GRAD % ("0xFF4500", "0x00BFFF", 222), 24),),
            "[0:v]format=yuv420p,hue=h='t*25'[v]",
            (),
            "none",
        )
    )
    c.append(
        Case(
            "t21-none-flash-carphone",
            "trial",
            30,
            3.0,
            (src(REAL % ("carphone", 0, "176:144:x=0:y=0"), 30),),
            "[0:v]scale=256:144,setsar=1,format=yuv420p,eq=brightness='if(between(n,40,42),0.6,0)':eval=frame[v]",
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
    "standard5": 5,
    "standard6": 6,
    "room": 8,
    "room2": 10,
    "room5": 13,
    "room6": 14,
    "power": 16,
    "power1": 17,
    "power2": 18,
    "jazz": 32,
    "jazz1": 33,
    "jazz4": 36,
    "brush": 40,
    "brush2": 42,
    "electronic": 24,
    "tr808": 25,
}


def kit_groove(name: str, kit: str, bpm: float, pattern: str, bars: int = 4, swing: float = 0.5) -> ac.Clip:
    return trials.kit_groove(name, KIT[kit], bpm, pattern, bars, swing, every_drum=True)


def band(name: str, kit: str, bpm: float, pattern: str, bass_prog: int, chord_prog: int, bars: int = 4, swing: float = 0.5) -> ac.Clip:
    return trials.band(kit_groove(name, kit, bpm, pattern, bars, swing), pattern, bass_prog, chord_prog, [38, 43, 41, 36], bars)


def audio_clips() -> list[ac.Clip]:
    rng = np.random.default_rng(2121)
    clips: list[ac.Clip] = []

    walk = partial(trials.walk, rng, [-4, -3, -1, 1, 3, 5, -5, 2])

    for prog in (36, 39, 43, 58, 67, 35):  # slap bass 1, synth bass 2, contrabass, tuba, baritone sax, fretless
        clips.append(line(f"bass{prog}", prog, walk(29, 46, 10), float(rng.choice([0.35, 0.5, 0.8])), "bass"))
    for prog in (51, 53, 93, 16, 21, 94, 48):  # synth strings 2, voice oohs, metallic pad, drawbar organ, accordion, halo, strings
        chords = [ac.TRIADS[int(i)] for i in rng.integers(0, len(ac.TRIADS), 3)]
        clips.append(ac.tonal_clip(f"pad{prog}", prog, ac._chords(chords, float(rng.choice([1.8, 2.5, 3.0]))), "pad"))
    for prog in (0, 2, 5, 6, 24, 25, 13):  # grand, electric grand, e-piano 2, harpsichord, nylon, steel guitar, xylophone
        if prog not in DECAYING_PROGRAMS:
            print(f"chord{prog}: program {prog} not in DECAYING_PROGRAMS, skipped")
            continue
        chords = [ac.TRIADS[int(i)] for i in rng.integers(0, len(ac.TRIADS), 5)]
        clips.append(ac.tonal_clip(f"chord{prog}", prog, ac._chords(chords, float(rng.choice([0.8, 1.1, 1.4]))), "chord"))
    for prog in (105, 15, 45, 12, 108, 24, 9):  # banjo, dulcimer, pizzicato, marimba, kalimba, nylon guitar, glockenspiel
        clips.append(line(f"pluck{prog}", prog, walk(53, 84, 10), float(rng.choice([0.28, 0.38, 0.55]))))
    for prog in (73, 80, 65, 40, 86, 56, 74):  # flute, square lead, alto sax, violin, fifths lead, trumpet, recorder
        clips.append(line(f"lead{prog}", prog, walk(57, 78, 7), float(rng.choice([0.8, 1.1, 1.5]))))
    for prog in (72, 40, 71, 65, 80, 56):  # piccolo, violin, clarinet, alto sax, square lead, trumpet (fast)
        clips.append(line(f"melody{prog}", prog, walk(62, 84, 16), float(rng.choice([0.11, 0.14, 0.18]))))
    clips += trials.groove_clips(
        kit_groove,
        (
            ("standard5", 124, "boogaloo"),
            ("room2", 92, "halfghost"),
            ("jazz1", 150, "waltzride"),
            ("brush", 88, "twobrush"),
            ("standard", 170, "dbeat"),
            ("power1", 104, "stomp"),
            ("electronic", 122, "eight08"),
            ("tr808", 140, "halfclap"),
            ("standard3", 112, "schlager"),
            ("room", 96, "skaoff"),
            ("power2", 178, "fasttwo"),
            ("standard6", 66, "halfride"),
            ("room6", 132, "offsnare"),
        ),
    )
    clips += trials.band_clips(
        band,
        (
            ("standard1", 108, "twotone", 34, 2, 0.5),
            ("power", 146, "dbeat", 33, 29, 0.5),
            ("room5", 84, "halfghost", 38, 16, 0.5),
            ("electronic", 118, "eight08", 39, 81, 0.5),
            ("jazz4", 138, "rockride", 32, 4, 0.58),
            ("tr808", 100, "halfopen", 38, 89, 0.5),
        ),
    )
    clips += trials.speech_clips(SPEECH, 9.0, band("speech_over_band_standard2_112", "standard2", 112, "schlager", 33, 25))
    return clips


SPEECH = "By the time the ferry reached the island the rain had stopped, and the fishermen were already mending their nets."


if __name__ == "__main__":
    print(versions_line(), flush=True)
    trials.main(Path("/tmp/trial21"), video_cases, audio_clips)
