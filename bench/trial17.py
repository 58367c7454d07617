"""Trial 17 (session 21, the lead's blind check, opened for later sessions): videos and sounds no split or trial chose,
read with the CLI's path (``aspects.api.analyze``). Session 21 read it with main e19f794 (transitions 22/25, clap 24/32,
hihat 174/212, snare 84/100, melody 83/96, tempo 14/17) and after the merges (session 21's note).

Usage: .venv/bin/python bench/trial17.py make|score TAG [--only video|audio] [--out DIR]
Clips go to DIR (default /tmp/trial17); scores print and go to DIR/score-TAG.json.
Truths: xfade boundaries read off the rendered frames (tests.transition_corpus.rendered_truth), fade-filter and cut truths
exact; single lines named by tests.voice_corpus.line_truth (the docs' measured DECAYING_PROGRAMS), basses below MIDI 48,
struck chords on decaying programs `chord`, held chords on sustaining programs `pad`; drum hits by HIT_PRIORITY;
tempo: the recipe's quarter note (a 6/8 groove's dotted quarter).
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

xf = partial(trials.xf, "t17")
src = trials.src
line = trials.line


def video_cases() -> list[Case]:
    c: list[Case] = []
    real = "movie=filename={%s},trim=start_frame=%d,setpts=PTS-STARTPTS,crop=%s,fps={fps}"
    c.append(xf("wipetl-flat", src("color=c=0x8B4513:s={size}:r={fps}", 60), src("color=c=0x87CEEB:s={size}:r={fps}", 60), "wipetl", 0.4, 60))
    c.append(xf("smoothup-carphone-testsrc", src(real % ("carphone", 0, "160:90:x=8:y=30"), 24), src("testsrc2=s={size}:r={fps}", 24), "smoothup", 1.5, 24))
    c.append(
        xf(
            "vertclose-bunny-grad",
            src(real % ("bunny", 30, "960:540:x=200:y=100"), 30),
            src("gradients=s={size}:r={fps}:speed=0.02:c0=0x00FF7F:c1=0x4B0082:seed=17", 30),
            "vertclose",
            1.0,
            30,
        )
    )
    c.append(
        xf(
            "fadegrays-mandel-bikes",
            src("mandelbrot=s={size}:r={fps}:start_x=-0.743643887:start_y=0.131825904:start_scale=0.01:end_scale=0.0002:end_pts=120", 25),
            src(real % ("bikes", 77, "480:270:x=80:y=0"), 25),
            "fadegrays",
            1.2,
            25,
            pre=1.5,
            post=1.2,
        )
    )
    c.append(xf("hblur-flat-grad", src("color=c=0x556B2F:s={size}:r={fps}", 30), src("gradients=s={size}:r={fps}:speed=0:c0=0xFF1493:c1=0x00CED1:seed=21", 30), "hblur", 0.8, 30))
    c.append(xf("pixelize-testsrc-zone", src("testsrc=s={size}:r={fps}", 25), src("zoneplate=s={size}:r={fps}:kx2=40:ky2=10:kt=4", 25), "pixelize", 1.0, 25))
    c.append(
        xf(
            "fadeblack-bikes-bunny",
            src(real % ("bikes", 77, "640:272:x=0:y=0"), 25),
            src(real % ("bunny", 60, "800:450:x=300:y=200"), 25),
            "fadeblack",
            1.2,
            25,
            pre=1.0,
            post=1.4,
        )
    )
    c.append(xf("fadewhite-grad-flat", src("gradients=s={size}:r={fps}:speed=0:c0=0x191970:c1=0xFFA07A:type=circular:seed=7", 50), src("color=c=0x2F4F4F:s={size}:r={fps}", 50), "fadewhite", 0.6, 50))
    c.append(
        xf(
            "hlslice-perlin-flat",
            src("perlin=s={size}:r={fps}:octaves=5:persistence=0.4:xscale=1:yscale=1:tscale=0.5:random_mode=seed:random_seed=1717", 30),
            src("color=c=0xDAA520:s={size}:r={fps}", 30),
            "hlslice",
            1.0,
            30,
        )
    )
    c.append(
        xf(
            "vuwind-cellauto-grad",
            src("cellauto=s=256x144:r={fps}:rule=110:random_fill_ratio=0.5:random_seed=17:scroll=1", 24),
            src("gradients=s={size}:r={fps}:speed=0:c0=0xF08080:c1=0x20B2AA:type=linear:seed=9", 24),
            "vuwind",
            1.2,
            24,
        )
    )
    c.append(xf("coverdown-flat-carphone", src("color=c=0x9370DB:s={size}:r={fps}", 30), src(real % ("carphone", 10, "176:99:x=0:y=22"), 30), "coverdown", 0.5, 30))
    c.append(xf("horzopen-sierp-flat", src("sierpinski=s={size}:r={fps}:type=triangle:seed=71:jump=2", 60), src("color=c=0x228B22:s={size}:r={fps}", 60), "horzopen", 0.8, 60))
    c.append(
        xf(
            "distance-grad-grad",
            src("gradients=s={size}:r={fps}:speed=0:c0=0xFFFF00:c1=0x0000CD:seed=31", 25),
            src("gradients=s={size}:r={fps}:speed=0:c0=0xDC143C:c1=0xF5F5F5:type=radial:seed=32", 25),
            "distance",
            2.0,
            25,
        )
    )
    c.append(xf("radial-flat-testsrc", src("color=c=0xB22222:s={size}:r={fps}", 30), src("testsrc2=s={size}:r={fps},hue=h=200", 30), "radial", 1.0, 30))
    c.append(
        xf(
            "fade-carphone-bunny-slow",
            src(real % ("carphone", 0, "176:99:x=0:y=10"), 25),
            src(real % ("bunny", 0, "1280:720:x=0:y=0"), 25),
            "fade",
            2.5,
            25,
            pre=1.2,
            post=1.2,
        )
    )
    c.append(
        xf(
            "circleclose-bikes-perlin",
            src(real % ("bikes", 78, "480:270:x=160:y=2"), 25),
            src("perlin=s={size}:r={fps}:octaves=2:xscale=4:yscale=4:tscale=3:random_mode=seed:random_seed=1718", 25),
            "circleclose",
            1.0,
            25,
            pre=1.2,
        )
    )
    c.append(xf("squeezeh-grad-flat", src("gradients=s={size}:r={fps}:speed=0:c0=0x6A5ACD:c1=0xFAFAD2:seed=41", 48), src("color=c=0x800080:s={size}:r={fps}", 48), "squeezeh", 0.7, 48))
    # fade filter: in from white on bikes (between its own cuts), out to black over 2.5 s on a mandelbrot zoom, a dip through navy
    fps = 25
    g = "[0:v]trim=duration=1.6,setpts=PTS-STARTPTS,scale=256:144,setsar=1,format=yuv420p,fade=t=in:st=0.3:d=0.7:color=white[v]"
    c.append(Case("t17-fadein-white-bikes", "trial", fps, 1.6, (src(real % ("bikes", 138, "640:272:x=0:y=0"), fps),), g, (Truth("fade_in", 0.3, 1.0),), "fade:white"))
    fps = 24
    g = "[0:v]trim=duration=4.2,setpts=PTS-STARTPTS,format=yuv420p,fade=t=out:st=1.2:d=2.5:color=black[v]"
    c.append(
        Case(
            "t17-fadeout-black-mandel",
            "trial",
            fps,
            4.2,
            (src("mandelbrot=s={size}:r={fps}:start_x=0.3245:start_y=0.0432:start_scale=0.2:end_scale=0.01:end_pts=100", fps),),
            g,
            (Truth("fade_out", 1.2, 3.7),),
            "fade:black",
        )
    )
    fps = 30
    g = (
        "[0:v]trim=duration=2.4,setpts=PTS-STARTPTS,scale=256:144,setsar=1,format=yuv420p,fade=t=out:st=1.4:d=0.6:color=0x000080[a];"
        "[1:v]trim=duration=2.2,setpts=PTS-STARTPTS,scale=256:144,setsar=1,format=yuv420p,fade=t=in:st=0:d=0.6:color=0x000080[b];[a][b]concat=n=2:v=1:a=0[v]"
    )
    c.append(
        Case(
            "t17-dip-navy-carphone-bunny",
            "trial",
            fps,
            4.6,
            (src(real % ("carphone", 5, "176:99:x=0:y=20"), fps), src(real % ("bunny", 40, "640:360:x=640:y=0"), fps)),
            g,
            (Truth("fade_out", 1.4, 2.0), Truth("fade_in", 2.4, 3.0)),
            "fade:colour",
        )
    )
    # cuts at 60 fps: carphone | mandelbrot | bunny
    fps = 60
    g = (
        "[0:v]trim=duration=1.2,setpts=PTS-STARTPTS,scale=256:144,setsar=1,format=yuv420p[a];[1:v]trim=duration=1.3,setpts=PTS-STARTPTS,scale=256:144,setsar=1,format=yuv420p[b];"
        "[2:v]trim=duration=1.4,setpts=PTS-STARTPTS,scale=256:144,setsar=1,format=yuv420p[c];[a][b][c]concat=n=3:v=1:a=0[v]"
    )
    c.append(
        Case(
            "t17-cuts-carphone-mandel-bunny",
            "trial",
            fps,
            3.9,
            (
                src(real % ("carphone", 0, "176:144:x=0:y=0"), fps),
                src("mandelbrot=s={size}:r={fps}:start_scale=2:end_scale=0.5:end_pts=200", fps),
                src(real % ("bunny", 50, "1280:720:x=0:y=0"), fps),
            ),
            g,
            (Truth("cut", 1.2, 1.2), Truth("cut", 2.5, 2.5)),
            "cut",
        )
    )
    # no transition: a zoom into a still real frame, a pan over bunny, a two-frame white flash on perlin, a 4 s sunset drift, a moving title
    c.append(
        Case(
            "t17-none-zoom-carphone",
            "trial",
            25,
            4.0,
            (src("movie=filename={carphone},trim=start_frame=20:end_frame=21,setpts=PTS-STARTPTS,scale=352:288,loop=loop=-1:size=1,setpts=N/{fps}/TB", 25),),
            "[0:v]zoompan=z='1+0.004*on':x='iw/2-(iw/zoom/2)':y='ih/2-(ih/zoom/2)':d=1:s=256x144:fps=25,format=yuv420p[v]",
            (),
            "none",
        )
    )
    c.append(
        Case(
            "t17-none-pan-bunny",
            "trial",
            30,
            3.5,
            (src("movie=filename={bunny},setpts=PTS-STARTPTS,fps={fps}", 30),),
            "[0:v]crop=480:270:x='100+t*150':y=200,scale=256:144,setsar=1,format=yuv420p[v]",
            (),
            "none",
        )
    )
    c.append(
        Case(
            "t17-none-flash-perlin",
            "trial",
            30,
            4.0,
            (src("perlin=s={size}:r={fps}:octaves=3:xscale=2:yscale=2:tscale=1:random_mode=seed:random_seed=1719", 30),),
            "[0:v]format=yuv420p,eq=brightness='if(between(n,60,61),0.8,0)':eval=frame[v]",
            (),
            "none",
        )
    )
    c.append(
        Case(
            "t17-none-sunset",
            "trial",
            25,
            5.0,
            (src("gradients=s={size}:r={fps}:speed=0:c0=0xFF8C00:c1=0x4169E1:seed=51", 25),),
            "[0:v]format=yuv420p,hue=h='t*12',eq=brightness='-t*0.05':eval=frame[v]",
            (),
            "none",
        )
    )
    c.append(
        Case(
            "t17-none-title",
            "trial",
            30,
            4.0,
            (src("color=c=0x102030:s={size}:r={fps}", 30),),
            "[0:v]format=yuv420p"
            + moving_box("t*60-40", "60", 80, 24, "0xF0E68C")
            + moving_box("20", "110", "min(t*50\\,216)", 4, "0xFFFFFF", 30, tag="2")
            + "[v]",  # session 22: drawbox drew neither
            (),
            "none",
        )
    )
    return c


# ---------------------------------------------------------------- audio

KIT = {
    "brush": 40,
    "brush1": 41,
    "brush2": 42,
    "orchestra": 48,
    "jazz1": 33,
    "room3": 11,
    "standard2": 2,
    "power3": 19,
    "power": 16,
    "jazz4": 36,
    "standard4": 4,
    "room1": 9,
    "electronic": 24,
    "tr808": 25,
}


def kit_groove(name: str, kit: str, bpm: float, pattern: str, bars: int = 4, swing: float = 0.5) -> ac.Clip:
    return trials.kit_groove(name, KIT[kit], bpm, pattern, bars, swing, every_drum=True)


def band(name: str, kit: str, bpm: float, pattern: str, bass_prog: int, chord_prog: int, bars: int = 4, swing: float = 0.5) -> ac.Clip:
    return trials.band(kit_groove(name, kit, bpm, pattern, bars, swing), pattern, bass_prog, chord_prog, [40, 35, 43, 38], bars)


def audio_clips() -> list[ac.Clip]:
    rng = np.random.default_rng(1717)
    clips: list[ac.Clip] = []

    walk = partial(trials.walk, rng, [-7, -4, -2, -1, 1, 2, 5])

    for prog in (35, 33, 34, 39, 58, 70):  # fretless, finger, pick, synth bass 2, tuba, bassoon (low)
        clips.append(line(f"bass{prog}", prog, walk(29, 47, 10), float(rng.choice([0.35, 0.45, 0.6])), "bass"))
    for prog in (89, 52, 48, 88, 93, 95, 20):  # warm pad, choir aahs, string ensemble 1, new age, metallic, sweep, reed organ
        chords = [ac.TRIADS[int(i)] for i in rng.integers(0, len(ac.TRIADS), 3)]
        clips.append(ac.tonal_clip(f"pad{prog}", prog, ac._chords(chords, float(rng.choice([2.0, 2.8]))), "pad"))
    for prog in (0, 24, 25, 5, 7, 6):  # acoustic grand, nylon guitar, steel guitar, e-piano 2, clavinet, harpsichord
        if prog not in DECAYING_PROGRAMS:
            print(f"chord{prog}: program {prog} not in DECAYING_PROGRAMS, skipped")
            continue
        chords = [ac.TRIADS[int(i)] for i in rng.integers(0, len(ac.TRIADS), 5)]
        clips.append(ac.tonal_clip(f"chord{prog}", prog, ac._chords(chords, float(rng.choice([0.8, 1.1, 1.6]))), "chord"))
    for prog in (108, 107, 105, 12, 10, 11, 45):  # kalimba, koto, banjo, marimba, music box, vibraphone, pizzicato strings
        clips.append(line(f"pluck{prog}", prog, walk(57, 86, 10), float(rng.choice([0.3, 0.45, 0.55]))))
    for prog in (56, 71, 40, 42, 64, 82, 85):  # trumpet, clarinet, violin, cello (high), soprano sax, calliope, voice lead
        clips.append(line(f"lead{prog}", prog, walk(55, 81, 7), float(rng.choice([0.6, 0.8, 1.0]))))
    for prog in (72, 74, 75, 78, 77, 84):  # piccolo, recorder, pan flute, whistle, shakuhachi, charang
        clips.append(line(f"melody{prog}", prog, walk(62, 86, 16), float(rng.choice([0.15, 0.17, 0.2]))))
    clips += trials.groove_clips(
        kit_groove,
        (
            ("brush", 84, "ride"),
            ("orchestra", 104, "march"),
            ("jazz1", 150, "shuffle"),
            ("room3", 98, "bossa"),
            ("standard2", 126, "disco"),
            ("power3", 100, "dembow"),
            ("jazz4", 172, "dnb"),
            ("standard4", 118, "five"),
            ("tr808", 94, "bossa"),
            ("electronic", 130, "funk"),
        ),
    )
    clips += trials.band_clips(
        band,
        (
            ("brush1", 88, "rock", 35, 0, 0.62),
            ("room1", 116, "dense", 33, 5, 0.5),
            ("power", 140, "rock", 34, 29, 0.5),
            ("standard4", 72, "boombap", 38, 24, 0.5),
            ("electronic", 122, "floor", 39, 81, 0.5),
            ("jazz1", 96, "waltz", 32, 11, 0.5),
        ),
    )
    clips += trials.speech_clips(SPEECH, 9.5, band("speech_over_band_room3_100", "room3", 100, "rock", 33, 0))
    return clips


SPEECH = "The harbour lights came on one by one, and the old ferry sounded twice before it left the quay at seven."


if __name__ == "__main__":
    print(versions_line(), flush=True)
    trials.main(Path("/tmp/trial17"), video_cases, audio_clips)
