"""Trial 19 (session 23, the lead's blind check, opened for later sessions): videos and sounds no split or trial chose,
read with the CLI's path (``aspects.api.analyze``). Session 23 read it with main cdedf86 before any merge (transitions
28/29, 1 false; pad 18/21, pluck 52/70, melody 84/96, kick 204/256, hihat 89/108, tempo 16/20) and after the merges
(session 23's note; the trial scorer's two truth fixes of that session move hihat's count to 100). Every real shot lies inside one shot of its reference clip (bikes.mp4 25 fps, cuts at frames
30, 76, 137, 187, 242; bunny 132 frames at 25; carphone 120 frames at 29.97) and is long enough; moving objects are drawn
with ``overlay`` (``moving_box``).

Usage: .venv/bin/python bench/trial19.py make|score TAG [--only video|audio] [--out DIR]
Truths as trial 18's: xfade boundaries read off the rendered frames, fade-filter and cut truths exact; single lines named
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

xf = partial(trials.xf, "t19")
src = trials.src
line = trials.line

REAL = trials.REAL
GRAIN = ",noise=alls=14:allf=t+u"
FLAT = trials.FLAT
GRAD = trials.GRAD


def video_cases() -> list[Case]:
    c: list[Case] = []
    flat = FLAT
    c.append(xf("circleclose-bunny-flat", src(REAL % ("bunny", 10, "720:405:x=300:y=200"), 25), src(flat % "0x2F4F4F", 25), "circleclose", 0.9, 25))
    c.append(
        xf("coverleft-flat-mandel", src(flat % "0xFFE4B5", 24), src("mandelbrot=s={size}:r={fps}:start_x=-0.743:start_y=0.131:start_scale=0.3:end_scale=0.05:end_pts=120", 24), "coverleft", 0.6, 24)
    )
    c.append(
        xf(
            "diagtl-perlin-grainflat",
            src("perlin=s={size}:r={fps}:octaves=5:persistence=0.6:xscale=3:yscale=3:tscale=1.5:random_mode=seed:random_seed=1919", 30),
            src(flat % "0x5F9EA0" + GRAIN, 30),
            "diagtl",
            1.1,
            30,
        )
    )
    c.append(xf("fadegrays-carphone-grad", src(REAL % ("carphone", 0, "176:99:x=0:y=20"), 25), src(GRAD % ("0xF4A460", "0x191970", 91), 25), "fadegrays", 1.3, 25))
    c.append(xf("hlwind-flat-flat", src(flat % "0x9932CC", 30), src(flat % "0xFAFAD2", 30), "hlwind", 0.8, 30))
    c.append(xf("revealdown-bikes-flat", src(REAL % ("bikes", 77, "640:272:x=0:y=0"), 30), src(flat % "0xBC8F8F", 30), "revealdown", 0.7, 30))
    c.append(
        xf(
            "slidedown-cellauto-flat",
            src("cellauto=s=256x144:r={fps}:rule=110:random_fill_ratio=0.5:random_seed=19:scroll=1", 50),
            src(flat % "0xC71585", 50),
            "slidedown",
            0.5,
            50,
        )
    )
    c.append(xf("slideright-grainy-flats", src(flat % "0x8FBC8F" + GRAIN, 24), src(flat % "0x800000" + GRAIN, 24), "slideright", 1.2, 24))
    c.append(
        xf(
            "smoothdown-grad-bunny",
            src("gradients=s={size}:r={fps}:speed=0.02:c0=0x00CED1:c1=0xFF1493:seed=92", 25),
            src(REAL % ("bunny", 30, "800:450:x=200:y=150"), 25),
            "smoothdown",
            1.0,
            25,
        )
    )
    c.append(xf("vdwind-flat-grad", src(flat % "0x228B22", 30), src(GRAD % ("0xFFFACD", "0x8B4513", 93), 30), "vdwind", 1.3, 30))
    c.append(xf("vertclose-testsrc-flat", src("testsrc=s={size}:r={fps}", 60), src(flat % "0x696969", 60), "vertclose", 0.6, 60))
    c.append(xf("vuslice-flat-flat", src(flat % "0xFF7F50", 24), src(flat % "0x4B0082", 24), "vuslice", 0.9, 24))
    c.append(xf("wipebl-grad-grad", src(GRAD % ("0x7B68EE", "0xFFFFF0", 94), 30), src(GRAD % ("0x006400", "0xFFD700", 95), 30), "wipebl", 0.7, 30))
    c.append(
        xf(
            "wipedown-life-flat",
            src("life=s=128x72:r={fps}:seed=1919:ratio=0.4:mold=5:life_color=0x00FF7F:death_color=0x202020,scale={size}", 25),
            src(flat % "0xEEE8AA", 25),
            "wipedown",
            0.5,
            25,
        )
    )
    c.append(xf("wipeleft-bunny-carphone", src(REAL % ("bunny", 0, "640:360:x=640:y=360"), 25), src(REAL % ("carphone", 10, "176:99:x=0:y=40"), 25), "wipeleft", 0.6, 25))
    c.append(xf("dissolve-flat-flat-long", src(flat % "0xFFB6C1", 24), src(flat % "0x2E8B57", 24), "dissolve", 2.5, 24))
    c.append(xf("fade-carphone-bikes", src(REAL % ("carphone", 0, "176:99:x=0:y=10"), 30), src(REAL % ("bikes", 138, "640:272:x=0:y=0"), 30), "fade", 1.0, 30, post=0.9))
    c.append(xf("fadeblack-flat-grad", src(flat % "0xDAA520", 24), src(GRAD % ("0x4682B4", "0xF08080", 96), 24), "fadeblack", 1.0, 24))
    c.append(xf("fadewhite-grad-flat", src(GRAD % ("0x2F2F4F", "0x9ACD32", 97), 48), src(flat % "0x8B008B", 48), "fadewhite", 0.6, 48))
    # fade filter: in from white on a moving mandelbrot, out to black on bikes (real), a dip through navy
    fps = 30
    g = "[0:v]trim=duration=3.0,setpts=PTS-STARTPTS,format=yuv420p,fade=t=in:st=0.5:d=1.0:color=white[v]"
    c.append(
        Case(
            "t19-fadein-white-mandel",
            "trial",
            fps,
            3.0,
            (src("mandelbrot=s={size}:r={fps}:start_x=-0.75:start_y=0.0:start_scale=1.5:end_scale=0.2:end_pts=90", fps),),
            g,
            (Truth("fade_in", 0.5, 1.5),),
            "fade:white",
        )
    )
    fps = 25
    g = "[0:v]trim=duration=2.4,setpts=PTS-STARTPTS,scale=256:144,setsar=1,format=yuv420p,fade=t=out:st=1.3:d=0.9:color=black,tpad=stop_mode=clone:stop_duration=0.8[v]"
    c.append(Case("t19-fadeout-black-bikes", "trial", fps, 3.2, (src(REAL % ("bikes", 77, "640:272:x=0:y=0"), fps),), g, (Truth("fade_out", 1.3, 2.2),), "fade:black"))
    fps = 30
    g = (
        "[0:v]trim=duration=2.2,setpts=PTS-STARTPTS,scale=256:144,setsar=1,format=yuv420p,fade=t=out:st=1.6:d=0.6:color=0x000040[a];"
        "[1:v]trim=duration=2.0,setpts=PTS-STARTPTS,format=yuv420p,fade=t=in:st=0:d=0.8:color=0x000040[b];[a][b]concat=n=2:v=1:a=0[v]"
    )
    c.append(
        Case(
            "t19-dip-navy-carphone-grad",
            "trial",
            fps,
            4.2,
            (src(REAL % ("carphone", 0, "176:99:x=0:y=30"), fps), src(GRAD % ("0xFFEFD5", "0x556B2F", 98), fps)),
            g,
            (Truth("fade_out", 1.6, 2.2), Truth("fade_in", 2.2, 3.0)),
            "fade:colour",
        )
    )
    # cuts at 30 fps: gradient | bikes | flat | carphone; a cut between two close blues at 60
    fps = 30
    g = (
        "[0:v]trim=duration=1.2,setpts=PTS-STARTPTS,format=yuv420p[a];[1:v]trim=duration=1.5,setpts=PTS-STARTPTS,scale=256:144,setsar=1,format=yuv420p[b];"
        "[2:v]trim=duration=0.8,setpts=PTS-STARTPTS,format=yuv420p[c];[3:v]trim=duration=1.5,setpts=PTS-STARTPTS,scale=256:144,setsar=1,format=yuv420p[d];"
        "[a][b][c][d]concat=n=4:v=1:a=0[v]"
    )
    c.append(
        Case(
            "t19-cuts-grad-bikes-flat-carphone",
            "trial",
            fps,
            5.0,
            (
                src(GRAD % ("0xF5F5DC", "0xA52A2A", 99), fps),
                src(REAL % ("bikes", 31, "640:272:x=0:y=0"), fps),
                src(flat % "0x00BFFF", fps),
                src(REAL % ("carphone", 20, "176:144:x=0:y=0"), fps),
            ),
            g,
            (Truth("cut", 1.2, 1.2), Truth("cut", 2.7, 2.7), Truth("cut", 3.5, 3.5)),
            "cut",
        )
    )
    fps = 60
    g = "[0:v]trim=duration=1.5,setpts=PTS-STARTPTS,format=yuv420p[a];[1:v]trim=duration=1.5,setpts=PTS-STARTPTS,format=yuv420p[b];[a][b]concat=n=2:v=1:a=0[v]"
    c.append(Case("t19-cut-close-blues-60", "trial", fps, 3.0, (src(flat % "0x4169E1", fps), src(flat % "0x6495ED", fps)), g, (Truth("cut", 1.5, 1.5),), "cut"))
    # no transition: a pan across a still gradient, a 1-frame flash on a flat colour, a bar crossing carphone, a slow hue
    # turn over a gradient, a fast zoom into testsrc2
    c.append(
        Case(
            "t19-none-pan-grad",
            "trial",
            30,
            4.0,
            (src("gradients=s=768x144:r={fps}:speed=0:c0=0xFF8C00:c1=0x00008B:x0=0:y0=0:x1=767:y1=143:seed=100", 30),),
            "[0:v]crop=256:144:x='t*120':y=0,setsar=1,format=yuv420p[v]",
            (),
            "none",
        )
    )
    c.append(
        Case(
            "t19-none-flash-flat",
            "trial",
            25,
            3.0,
            (src(flat % "0x708090", 25),),
            "[0:v]format=yuv420p,eq=brightness='if(eq(n,37),0.8,0)':eval=frame[v]",
            (),
            "none",
        )
    )
    c.append(
        Case(
            "t19-none-bar-carphone",
            "trial",
            30,
            3.6,
            (src("movie=filename={carphone},setpts=PTS-STARTPTS,fps={fps},scale=256:144,setsar=1", 30),),
            "[0:v]format=yuv420p" + moving_box("t*110-60", "0", 50, 144, "0xF0F0F0", 30) + "[v]",
            (),
            "none",
        )
    )
    c.append(
        Case(
            "t19-none-hue-turn-grad",
            "trial",
            24,
            5.0,
            (src(GRAD % ("0xFF0000", "0xFFFF00", 101), 24),),
            "[0:v]format=yuv420p,hue=h='t*30'[v]",
            (),
            "none",
        )
    )
    c.append(
        Case(
            "t19-none-zoomin-testsrc2",
            "trial",
            25,
            4.0,
            (src("testsrc2=s=640x360:r={fps}", 25),),
            "[0:v]zoompan=z='min(1+0.02*on,3)':x='iw/2-(iw/zoom/2)':y='ih/2-(ih/zoom/2)':d=1:s=256x144:fps=25,format=yuv420p[v]",
            (),
            "none",
        )
    )
    return c


# ---------------------------------------------------------------- audio

KIT = {
    "standard2": 2,
    "standard4": 4,
    "standard5": 5,
    "standard6": 6,
    "standard7": 7,
    "room": 8,
    "room1": 9,
    "room3": 11,
    "room4": 12,
    "room6": 14,
    "power": 16,
    "power1": 17,
    "power3": 19,
    "jazz1": 33,
    "jazz3": 35,
    "jazz4": 36,
    "brush1": 41,
    "electronic": 24,
    "tr808": 25,
}


def kit_groove(name: str, kit: str, bpm: float, pattern: str, bars: int = 4, swing: float = 0.5) -> ac.Clip:
    return trials.kit_groove(name, KIT[kit], bpm, pattern, bars, swing, every_drum=True)


def band(name: str, kit: str, bpm: float, pattern: str, bass_prog: int, chord_prog: int, bars: int = 4, swing: float = 0.5) -> ac.Clip:
    return trials.band(kit_groove(name, kit, bpm, pattern, bars, swing), pattern, bass_prog, chord_prog, [43, 38, 41, 36], bars)


def audio_clips() -> list[ac.Clip]:
    rng = np.random.default_rng(1919)
    clips: list[ac.Clip] = []

    walk = partial(trials.walk, rng, [-4, -3, -1, 2, 3, 5, 7, -7])

    for prog in (39, 43, 32, 58, 35, 87):  # synth bass 2, contrabass, acoustic bass, tuba, fretless, bass + lead
        clips.append(line(f"bass{prog}", prog, walk(26, 46, 10), float(rng.choice([0.25, 0.45, 0.8])), "bass"))
    for prog in (48, 89, 52, 19, 23, 94, 50):  # string ensemble 1, warm pad, choir aahs, church organ, tango accordion, halo, synth strings 1
        chords = [ac.TRIADS[int(i)] for i in rng.integers(0, len(ac.TRIADS), 3)]
        clips.append(ac.tonal_clip(f"pad{prog}", prog, ac._chords(chords, float(rng.choice([1.5, 2.2, 3.5]))), "pad"))
    for prog in (0, 2, 5, 6, 25, 12):  # grand, electric grand, e-piano 2, harpsichord, steel guitar, marimba
        if prog not in DECAYING_PROGRAMS:
            print(f"chord{prog}: program {prog} not in DECAYING_PROGRAMS, skipped")
            continue
        chords = [ac.TRIADS[int(i)] for i in rng.integers(0, len(ac.TRIADS), 5)]
        clips.append(ac.tonal_clip(f"chord{prog}", prog, ac._chords(chords, float(rng.choice([0.6, 0.9, 1.2]))), "chord"))
    for prog in (24, 105, 15, 9, 45, 108, 13):  # nylon guitar, banjo, dulcimer, glockenspiel, pizzicato, kalimba, xylophone
        clips.append(line(f"pluck{prog}", prog, walk(50, 84, 10), float(rng.choice([0.3, 0.45, 0.7]))))
    for prog in (56, 68, 73, 80, 85, 64, 57):  # trumpet, oboe, flute, square lead, voice lead, soprano sax, trombone
        clips.append(line(f"lead{prog}", prog, walk(52, 76, 7), float(rng.choice([0.6, 0.9, 1.3]))))
    for prog in (72, 66, 41, 74, 82, 60):  # piccolo, tenor sax, viola, recorder, calliope, french horn (fast)
        clips.append(line(f"melody{prog}", prog, walk(58, 86, 16), float(rng.choice([0.12, 0.16, 0.2]))))
    clips += trials.groove_clips(
        kit_groove,
        (
            ("room6", 96, "reggaeton"),
            ("standard2", 126, "merengue"),
            ("power", 176, "gallop"),
            ("jazz3", 180, "jazzwaltz"),
            ("brush1", 64, "halfbrush"),
            ("room3", 118, "samba"),
            ("standard5", 88, "habanera"),
            ("tr808", 124, "fourfloor"),
            ("electronic", 170, "dnb"),
            ("standard7", 140, "polka"),
            ("jazz1", 80, "halfshuffle"),
            ("room1", 104, "cumbia"),
            ("power1", 98, "rockers"),
        ),
    )
    clips += trials.band_clips(
        band,
        (
            ("standard4", 92, "boombap", 38, 5, 0.56),
            ("room4", 132, "skabeat", 34, 27, 0.5),
            ("power3", 144, "powerrock", 33, 29, 0.5),
            ("jazz4", 112, "bossa", 32, 0, 0.5),
            ("tr808", 100, "dembow", 38, 81, 0.5),
            ("standard6", 120, "disco", 36, 48, 0.5),
        ),
    )
    clips += trials.speech_clips(SPEECH, 9.0, band("speech_over_band_room_104", "room", 104, "funk", 33, 26))
    return clips


SPEECH = "A lantern swung above the harbour gate while two fishermen argued quietly about the price of bread."


if __name__ == "__main__":
    print(versions_line(), flush=True)
    trials.main(Path("/tmp/trial19"), video_cases, audio_clips)
