"""Trial 18 (session 22, the lead's blind check, opened for later sessions): videos and sounds no split or trial chose,
read with the CLI's path (``aspects.api.analyze``). Session 22 read it with main c430836 (transitions 24/30, 5 false;
chord 21/30, pad 14/21, melody 71/96, hihat 235/308, tempo 16/20) and after the merges (session 22's note). Every real
shot lies inside one shot of its reference clip (bikes.mp4 cuts at frames 30, 76, 137, 187, 242) and is long enough; the
crossing box is drawn with ``overlay`` (``drawbox`` does not animate; session 22 read it drawn by hand, the same
box, speed and colour, now through ``moving_box``).

Usage: .venv/bin/python bench/trial18.py make|score TAG [--only video|audio] [--out DIR]
Clips go to DIR (default /tmp/trial18); scores print and go to DIR/score-TAG.json.
Truths: xfade boundaries read off the rendered frames (tests.transition_corpus.rendered_truth), fade-filter and cut truths
exact; single lines named by tests.voice_corpus.line_truth (the docs' measured DECAYING_PROGRAMS), basses below MIDI 48,
struck chords on decaying programs `chord`, held chords on sustaining programs `pad`; drum hits by HIT_PRIORITY;
tempo: the recipe's quarter note.
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

xf = partial(trials.xf, "t18")
src = trials.src
line = trials.line

REAL = trials.REAL
GRAIN = ",noise=alls=18:allf=t+u"


def video_cases() -> list[Case]:
    c: list[Case] = []
    flat = "color=c=%s:s={size}:r={fps}"
    c.append(xf("slideleft-grainy-flats", src(flat % "0x2E8B57" + GRAIN, 24), src(flat % "0xCD5C5C" + GRAIN, 24), "slideleft", 0.6, 24))
    c.append(xf("revealup-testsrc2-carphone", src("testsrc2=s={size}:r={fps}", 30), src(REAL % ("carphone", 30, "176:99:x=0:y=30"), 30), "revealup", 0.9, 30))
    c.append(xf("hrwind-grad-flat", src("gradients=s={size}:r={fps}:speed=0.03:c0=0x7FFF00:c1=0x8B008B:seed=81", 25), src(flat % "0xF5DEB3", 25), "hrwind", 1.0, 25))
    c.append(xf("vdslice-flat-bikes", src(flat % "0x483D8B", 30), src(REAL % ("bikes", 187, "480:270:x=100:y=2"), 30), "vdslice", 0.8, 30, post=1.2))
    c.append(
        xf(
            "circleopen-life-flat",
            src("life=s=128x72:r={fps}:seed=1818:ratio=0.3:mold=10:life_color=0xFFD700:death_color=0x101010,scale={size}", 25),
            src(flat % "0x4682B4", 25),
            "circleopen",
            1.2,
            25,
        )
    )
    c.append(xf("horzclose-bunny-bars", src(REAL % ("bunny", 50, "960:540:x=100:y=150"), 50), src("smptehdbars=s={size}:r={fps}", 50), "horzclose", 0.7, 50))
    c.append(xf("vertopen-spiral-flat", src("gradients=s={size}:r={fps}:speed=0:c0=0xFF6347:c1=0x40E0D0:type=spiral:seed=82", 60), src(flat % "0x3B3B3B", 60), "vertopen", 0.5, 60))
    c.append(
        xf(
            "smoothleft-cellauto-carphone",
            src("cellauto=s=256x144:r={fps}:rule=30:random_fill_ratio=0.4:random_seed=18:scroll=1", 24),
            src(REAL % ("carphone", 0, "176:99:x=0:y=0"), 24),
            "smoothleft",
            1.4,
            24,
        )
    )
    c.append(xf("wipeup-rgbtest-grad", src("rgbtestsrc=s={size}:r={fps}", 30), src("gradients=s={size}:r={fps}:speed=0:c0=0x000080:c1=0xFFFF66:seed=83", 30), "wipeup", 0.3, 30))
    c.append(
        xf(
            "dissolve-bikes-mandel",
            src(REAL % ("bikes", 187, "480:270:x=0:y=0"), 25),
            src("mandelbrot=s={size}:r={fps}:start_x=-0.75:start_y=0.1:start_scale=0.5:end_scale=0.1:end_pts=150", 25),
            "dissolve",
            1.3,
            25,
            pre=0.8,
        )
    )
    c.append(xf("fadeslow-flat-flat", src(flat % "0x000080", 30), src(flat % "0x808000", 30), "fadeslow", 2.0, 30))
    c.append(xf("fadefast-carphone-bunny", src(REAL % ("carphone", 50, "176:99:x=0:y=15"), 25), src(REAL % ("bunny", 40, "640:360:x=500:y=300"), 25), "fadefast", 0.8, 25, pre=1.2, post=1.2))
    c.append(xf("fade-grainy-flats-3s", src(flat % "0xFF8C00" + GRAIN, 24), src(flat % "0x1E90FF" + GRAIN, 24), "fade", 3.0, 24))
    c.append(xf("rectcrop-flat-grad", src(flat % "0xDA70D6", 30), src("gradients=s={size}:r={fps}:speed=0:c0=0x00FA9A:c1=0x191970:type=square:seed=84", 30), "rectcrop", 1.0, 30))
    c.append(xf("fadeblack-grad-testsrc", src("gradients=s={size}:r={fps}:speed=0:c0=0xFFC0CB:c1=0x008080:seed=85", 60), src("testsrc=s={size}:r={fps}", 60), "fadeblack", 0.4, 60))
    c.append(xf("fadewhite-bunny-bikes", src(REAL % ("bunny", 20, "640:360:x=0:y=100"), 30), src(REAL % ("bikes", 77, "640:272:x=0:y=0"), 30), "fadewhite", 1.4, 30, pre=1.2, post=1.0))
    c.append(xf("diagbl-yuvtest-flat", src("yuvtestsrc=s={size}:r={fps}", 48), src(flat % "0xB0C4DE", 48), "diagbl", 0.8, 48))
    c.append(
        xf(
            "coverup-perlin-flat",
            src("perlin=s={size}:r={fps}:octaves=4:persistence=0.5:xscale=2:yscale=2:tscale=2:random_mode=seed:random_seed=1818", 25),
            src(flat % "0xA0522D", 25),
            "coverup",
            0.7,
            25,
        )
    )
    c.append(xf("wiperight-flat-flat-short", src(flat % "0xFFFFE0", 24), src(flat % "0x8B0000", 24), "wiperight", 0.2, 24))
    c.append(
        xf(
            "hrslice-grad-grad",
            src("gradients=s={size}:r={fps}:speed=0:c0=0xADFF2F:c1=0x4B0082:seed=86", 30),
            src("gradients=s={size}:r={fps}:speed=0:c0=0xFF4500:c1=0xE0FFFF:type=radial:seed=87", 30),
            "hrslice",
            1.1,
            30,
        )
    )
    # fade filter: out to white on moving perlin, in from black on a grainy flat colour, a dip through dark red
    fps = 30
    g = "[0:v]trim=duration=3.5,setpts=PTS-STARTPTS,format=yuv420p,fade=t=out:st=1.6:d=1.5:color=white[v]"
    c.append(
        Case(
            "t18-fadeout-white-perlin",
            "trial",
            fps,
            3.5,
            (src("perlin=s={size}:r={fps}:octaves=3:xscale=1:yscale=1:tscale=1:random_mode=seed:random_seed=1819", fps),),
            g,
            (Truth("fade_out", 1.6, 3.1),),
            "fade:white",
        )
    )
    fps = 25
    g = "[0:v]trim=duration=3.0,setpts=PTS-STARTPTS,format=yuv420p,fade=t=in:st=0.4:d=0.8:color=black[v]"
    c.append(Case("t18-fadein-black-grainy", "trial", fps, 3.0, (src(flat % "0x6B8E23" + GRAIN, fps),), g, (Truth("fade_in", 0.4, 1.2),), "fade:black"))
    fps = 24
    g = (
        "[0:v]trim=duration=2.2,setpts=PTS-STARTPTS,format=yuv420p,fade=t=out:st=1.4:d=0.8:color=0x5A0000[a];"
        "[1:v]trim=duration=2.0,setpts=PTS-STARTPTS,format=yuv420p,fade=t=in:st=0:d=0.5:color=0x5A0000[b];[a][b]concat=n=2:v=1:a=0[v]"
    )
    c.append(
        Case(
            "t18-dip-darkred-grad-flat",
            "trial",
            fps,
            4.2,
            (src("gradients=s={size}:r={fps}:speed=0:c0=0xE6E6FA:c1=0x2F4F4F:seed=88", fps), src(flat % "0xFFDAB9", fps)),
            g,
            (Truth("fade_out", 1.4, 2.2), Truth("fade_in", 2.2, 2.7)),
            "fade:colour",
        )
    )
    # cuts at 24 fps: flat | gradient | flat | real (bikes.mp4 has its own cuts at frames 30, 76, 137, 187, 242: every
    # bikes shot here lies between two of them)
    fps = 24
    g = (
        "[0:v]trim=duration=1.0,setpts=PTS-STARTPTS,format=yuv420p[a];[1:v]trim=duration=1.25,setpts=PTS-STARTPTS,format=yuv420p[b];"
        "[2:v]trim=duration=0.75,setpts=PTS-STARTPTS,format=yuv420p[c];[3:v]trim=duration=1.5,setpts=PTS-STARTPTS,scale=256:144,setsar=1,format=yuv420p[d];"
        "[a][b][c][d]concat=n=4:v=1:a=0[v]"
    )
    c.append(
        Case(
            "t18-cuts-flat-grad-flat-bikes",
            "trial",
            fps,
            4.5,
            (
                src(flat % "0x20B2AA", fps),
                src("gradients=s={size}:r={fps}:speed=0:c0=0x20B2AA:c1=0xF0E68C:seed=89", fps),
                src(flat % "0x778899", fps),
                src(REAL % ("bikes", 138, "640:272:x=0:y=0"), fps),
            ),
            g,
            (Truth("cut", 1.0, 1.0), Truth("cut", 2.25, 2.25), Truth("cut", 3.0, 3.0)),
            "cut",
        )
    )
    # no transition: a shaking camera on carphone, a slow darkening of a flat colour, a 2-frame flash on bunny,
    # a big box crossing a gradient, a zoom out of a still
    c.append(
        Case(
            "t18-none-shake-carphone",
            "trial",
            25,
            4.0,
            (src("movie=filename={carphone},setpts=PTS-STARTPTS,fps={fps}", 25),),
            "[0:v]crop=140:110:x='18+16*sin(t*9)':y='17+14*sin(t*7)',scale=256:144,setsar=1,format=yuv420p[v]",
            (),
            "none",
        )
    )
    c.append(
        Case(
            "t18-none-darkening-flat",
            "trial",
            30,
            5.0,
            (src(flat % "0xE9967A", 30),),
            "[0:v]format=yuv420p,eq=brightness='-t*0.06':saturation='1-t*0.1':eval=frame[v]",
            (),
            "none",
        )
    )
    c.append(
        Case(
            "t18-none-flash-bunny",
            "trial",
            25,
            4.0,
            (src("movie=filename={bunny},trim=start_frame=0,setpts=PTS-STARTPTS,fps={fps}", 25),),
            "[0:v]scale=256:144,setsar=1,format=yuv420p,eq=brightness='if(between(n,50,51),0.7,0)':eval=frame[v]",
            (),
            "none",
        )
    )
    c.append(
        Case(
            "t18-none-box-crossing",
            "trial",
            30,
            4.0,
            (src("gradients=s={size}:r={fps}:speed=0:c0=0x87CEFA:c1=0xFFF8DC:seed=90", 30),),
            "[0:v]format=yuv420p" + moving_box("t*120-110", "10", 110, 124, "0x8B4513", 30) + "[v]",  # read with the same box drawn by a hand-written overlay
            (),
            "none",
        )
    )
    c.append(
        Case(
            "t18-none-zoomout-bikes",
            "trial",
            25,
            4.0,
            (src("movie=filename={bikes},trim=start_frame=30:end_frame=31,setpts=PTS-STARTPTS,scale=640:272,loop=loop=-1:size=1,setpts=N/{fps}/TB", 25),),
            "[0:v]zoompan=z='max(1.5-0.005*on,1)':x='iw/2-(iw/zoom/2)':y='ih/2-(ih/zoom/2)':d=1:s=256x144:fps=25,format=yuv420p[v]",
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
    "standard6": 6,
    "room": 8,
    "room2": 10,
    "room4": 12,
    "room5": 13,
    "power2": 18,
    "jazz": 32,
    "jazz2": 34,
    "brush2": 42,
    "electronic": 24,
    "tr808": 25,
}


def kit_groove(name: str, kit: str, bpm: float, pattern: str, bars: int = 4, swing: float = 0.5) -> ac.Clip:
    return trials.kit_groove(name, KIT[kit], bpm, pattern, bars, swing, every_drum=True)


def band(name: str, kit: str, bpm: float, pattern: str, bass_prog: int, chord_prog: int, bars: int = 4, swing: float = 0.5) -> ac.Clip:
    return trials.band(kit_groove(name, kit, bpm, pattern, bars, swing), pattern, bass_prog, chord_prog, [45, 41, 36, 43], bars)


def audio_clips() -> list[ac.Clip]:
    rng = np.random.default_rng(1818)
    clips: list[ac.Clip] = []

    walk = partial(trials.walk, rng, [-5, -3, -2, 1, 2, 3, 4, 7])

    for prog in (36, 42, 87, 61, 44, 71):  # slap bass 1, cello (low), bass + lead, brass section (low), tremolo strings (low), clarinet (low)
        clips.append(line(f"bass{prog}", prog, walk(28, 47, 10), float(rng.choice([0.3, 0.5, 0.7])), "bass"))
    for prog in (51, 54, 91, 16, 21, 62, 97):  # synth strings 2, synth voice, space voice, drawbar organ, accordion, synth brass 1, soundtrack
        chords = [ac.TRIADS[int(i)] for i in rng.integers(0, len(ac.TRIADS), 3)]
        clips.append(ac.tonal_clip(f"pad{prog}", prog, ac._chords(chords, float(rng.choice([1.8, 2.4, 3.0]))), "pad"))
    for prog in (4, 8, 11, 28, 114, 107):  # e-piano 1, celesta, vibraphone, muted guitar, steel drums, koto
        if prog not in DECAYING_PROGRAMS:
            print(f"chord{prog}: program {prog} not in DECAYING_PROGRAMS, skipped")
            continue
        chords = [ac.TRIADS[int(i)] for i in rng.integers(0, len(ac.TRIADS), 5)]
        clips.append(ac.tonal_clip(f"chord{prog}", prog, ac._chords(chords, float(rng.choice([0.7, 1.0, 1.4]))), "chord"))
    for prog in (14, 112, 46, 27, 0, 7, 114):  # tubular bells, tinkle bell, harp, clean guitar, grand piano, clavinet, steel drums
        clips.append(line(f"pluck{prog}", prog, walk(55, 88, 10), float(rng.choice([0.25, 0.4, 0.6]))))
    for prog in (59, 70, 22, 21, 86, 16, 53):  # muted trumpet, bassoon (high), harmonica, accordion, fifths lead, drawbar organ, voice oohs
        clips.append(line(f"lead{prog}", prog, walk(55, 79, 7), float(rng.choice([0.5, 0.75, 1.1]))))
    for prog in (76, 71, 40, 65, 81, 87):  # blown bottle, clarinet, violin, alto sax, saw lead, bass + lead (fast)
        clips.append(line(f"melody{prog}", prog, walk(60, 88, 16), float(rng.choice([0.13, 0.18, 0.22]))))
    clips += trials.groove_clips(
        kit_groove,
        (
            ("standard", 72, "halftime"),
            ("standard1", 108, "motown"),
            ("standard3", 164, "punk"),
            ("room", 92, "songo"),
            ("room2", 104, "tresillo"),
            ("room4", 120, "afrobeat"),
            ("power2", 86, "onedrop"),
            ("jazz", 160, "swingjazz"),
            ("jazz2", 66, "slowblues"),
            ("brush2", 112, "brushswing"),
            ("tr808", 78, "trainbeat"),
            ("electronic", 136, "breakbeat"),
            ("standard6", 100, "secondline"),
        ),
    )
    clips += trials.band_clips(
        band,
        (
            ("room5", 100, "newjack", 36, 4, 0.5),
            ("standard3", 84, "twostep", 32, 26, 0.58),
            ("power2", 150, "sixteenhat", 34, 30, 0.5),
            ("jazz2", 126, "breakbeat", 32, 0, 0.66),
            ("tr808", 96, "synthpop", 38, 90, 0.5),
            ("room", 110, "popfunk", 33, 21, 0.5),
        ),
    )
    clips += trials.speech_clips(SPEECH, 9.5, band("speech_over_band_standard1_92", "standard1", 92, "newjack", 35, 4))
    return clips


SPEECH = "Seven grey herons stood in the shallows while the tide turned, and nobody on the pier said a word about it."


if __name__ == "__main__":
    print(versions_line(), flush=True)
    trials.main(Path("/tmp/trial18"), video_cases, audio_clips)
