"""Trial 16 (session 20, the lead's blind check, opened for later sessions): videos and sounds no split or trial chose,
read with the CLI's path (``aspects.api.analyze``). Session 20 read it with main fec4a1d (transitions 17/20, bass 49/60,
clap 0/8, tempo 13/13; docs/audio.md and the session's note) and after the merges (bass 60/60, the rest identical).

Usage: .venv/bin/python bench/trial16.py make|score TAG [--only video|audio] [--out DIR]
Clips go to DIR (default /tmp/trial16); scores print and go to DIR/score-TAG.json.
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

xf = partial(trials.xf, "t16")
src = trials.src
line = trials.line


def video_cases() -> list[Case]:
    c: list[Case] = []
    c.append(xf("squeezev-flat", src("color=c=0x2E8B57:s={size}:r={fps}", 30), src("color=c=0xE9967A:s={size}:r={fps}", 30), "squeezev", 1.0, 30))
    c.append(xf("wipebr-grad-sierp", src("gradients=s={size}:r={fps}:speed=0:c0=0x203080:c1=0xF0E040:seed=3", 25), src("sierpinski=s={size}:r={fps}:type=triangle:seed=9", 25), "wipebr", 1.2, 25))
    c.append(
        xf(
            "slidedown-carphone-perlin",
            src("movie=filename={carphone},trim=start_frame=30,setpts=PTS-STARTPTS,crop=140:80:x=10:y=20,fps={fps}", 30),
            src("perlin=s={size}:r={fps}:octaves=3:persistence=0.5:xscale=2:yscale=2:tscale=1:random_mode=seed:random_seed=161", 30),
            "slidedown",
            0.8,
            30,
        )
    )
    c.append(xf("coverright-zone-flat", src("zoneplate=s={size}:r={fps}:kx2=20:ky2=30:kt=8:ku=50:kv=150", 48), src("color=c=0x4B0082:s={size}:r={fps}", 48), "coverright", 0.6, 48))
    c.append(
        xf(
            "rectcrop-bunny-bikes",
            src("movie=filename={bunny},trim=start_frame=60,setpts=PTS-STARTPTS,crop=640:360:x=400:y=300,fps={fps}", 25),
            src("movie=filename={bikes},trim=start_frame=30,setpts=PTS-STARTPTS,crop=400:225:x=100:y=20,fps={fps}", 25),
            "rectcrop",
            1.4,
            25,
            pre=1.4,
            post=1.2,
        )
    )
    c.append(
        xf(
            "circleopen-grad-grad",
            src("gradients=s={size}:r={fps}:speed=0:c0=0xC02030:c1=0x30C0A0:type=radial:seed=4", 24),
            src("gradients=s={size}:r={fps}:speed=0.03:c0=0x102040:c1=0xF0F0D0:seed=8", 24),
            "circleopen",
            1.5,
            24,
        )
    )
    c.append(
        xf(
            "fadeslow-life-flat",
            src("life=s=128x72:r={fps}:ratio=0.4:seed=1616:mold=20:life_color=0x40C0F0:death_color=0x201000,scale=256:144:flags=neighbor", 25),
            src("color=c=0xD2B48C:s={size}:r={fps}", 25),
            "fadeslow",
            2.0,
            25,
        )
    )
    c.append(
        xf(
            "fadefast-bikes-carphone",
            src("movie=filename={bikes},trim=start_frame=100,setpts=PTS-STARTPTS,crop=480:270:x=80:y=0,fps={fps}", 30),
            src("movie=filename={carphone},trim=start_frame=5,setpts=PTS-STARTPTS,hflip,fps={fps}", 30),
            "fadefast",
            0.9,
            30,
            pre=1.3,
            post=1.3,
        )
    )
    c.append(xf("diagtr-spectrum-flat", src("colorspectrum=s={size}:r={fps}:type=black", 60), src("color=c=0xFF8C00:s={size}:r={fps}", 60), "diagtr", 0.5, 60))
    c.append(
        xf(
            "hrwind-flat-mandel",
            src("color=c=0x708090:s={size}:r={fps}", 25),
            src("mandelbrot=s={size}:r={fps}:start_x=-0.5557:start_y=-0.5515:start_scale=0.05:end_scale=0.001:end_pts=90", 25),
            "hrwind",
            1.0,
            25,
        )
    )
    c.append(xf("revealleft-testsrc-grad", src("testsrc2=s={size}:r={fps},hue=h=90", 50), src("gradients=s={size}:r={fps}:speed=0:c0=0xFFFFFF:c1=0x000080:seed=5", 50), "revealleft", 0.7, 50))
    c.append(xf("dissolve-flat-grad", src("color=c=0x800000:s={size}:r={fps}", 24), src("gradients=s={size}:r={fps}:speed=0:c0=0x00C0C0:c1=0xC0C000:seed=6", 24), "dissolve", 1.2, 24))
    c.append(
        xf(
            "fade-perlin-bunny",
            src("perlin=s={size}:r={fps}:octaves=4:persistence=0.6:xscale=1.5:yscale=1.5:tscale=1.8:random_mode=seed:random_seed=1617", 25),
            src("movie=filename={bunny},trim=start_frame=10,setpts=PTS-STARTPTS,crop=720:405:x=600:y=100,fps={fps}", 25),
            "fade",
            1.6,
            25,
            pre=1.5,
            post=1.5,
        )
    )
    # fade filter: real footage out to white (end), in from black (start), a fade through dark green held 0.5 s
    fps = 30
    g = "[0:v]trim=duration=3.4,setpts=PTS-STARTPTS,scale=256:144,setsar=1,format=yuv420p,fade=t=out:st=1.8:d=1.1:color=white[v]"
    c.append(Case("t16-fadeout-white-carphone", "trial", fps, 3.4, (src("movie=filename={carphone},setpts=PTS-STARTPTS,fps={fps}", fps),), g, (Truth("fade_out", 1.8, 2.9),), "fade:white"))
    fps = 48
    g = "[0:v]trim=duration=3.6,setpts=PTS-STARTPTS,format=yuv420p,fade=t=in:st=0.6:d=1.4:color=black[v]"
    c.append(Case("t16-fadein-black-sierp", "trial", fps, 3.6, (src("sierpinski=s={size}:r={fps}:type=carpet:seed=33:jump=3", fps),), g, (Truth("fade_in", 0.6, 2.0),), "fade:black"))
    fps = 25
    g = (
        "[0:v]trim=duration=2.8,setpts=PTS-STARTPTS,format=yuv420p,fade=t=out:st=1.5:d=0.8:color=0x0B3D0B[a];"
        "[1:v]trim=duration=2.3,setpts=PTS-STARTPTS,format=yuv420p,fade=t=in:st=0:d=0.8:color=0x0B3D0B[b];[a][b]concat=n=2:v=1:a=0[v]"
    )
    c.append(
        Case(
            "t16-dip-green-flat-grad",
            "trial",
            fps,
            5.1,
            (src("color=c=0xF5DEB3:s={size}:r={fps}", fps), src("gradients=s={size}:r={fps}:speed=0.02:c0=0x8A2BE2:c1=0xFFD700:seed=12", fps)),
            g,
            (Truth("fade_out", 1.5, 2.3), Truth("fade_in", 2.8, 3.6)),
            "fade:colour",
        )
    )
    # cuts: perlin | bikes | flat at 24
    fps = 24
    g = (
        "[0:v]trim=duration=1.5,setpts=PTS-STARTPTS,scale=256:144,setsar=1,format=yuv420p[a];[1:v]trim=duration=1.25,setpts=PTS-STARTPTS,scale=256:144,setsar=1,format=yuv420p[b];"
        "[2:v]trim=duration=1.5,setpts=PTS-STARTPTS,format=yuv420p[c];[a][b][c]concat=n=3:v=1:a=0[v]"
    )
    c.append(
        Case(
            "t16-cuts-perlin-bikes-flat",
            "trial",
            fps,
            4.25,
            (
                src("perlin=s={size}:r={fps}:octaves=2:xscale=3:yscale=3:tscale=2:random_mode=seed:random_seed=99", fps),
                src("movie=filename={bikes},trim=start_frame=200,setpts=PTS-STARTPTS,fps={fps}", fps),
                src("color=c=0x191970:s={size}:r={fps}", fps),
            ),
            g,
            (Truth("cut", 1.5, 1.5), Truth("cut", 2.75, 2.75)),
            "cut",
        )
    )
    # no transition: a tilt over the carpet, a slow darkening of real footage (0.8 s of -0.25), a spinning spectrum, a bouncing ball
    fps = 30
    c.append(
        Case(
            "t16-none-tilt",
            "trial",
            fps,
            4.0,
            (src("sierpinski=s=512x512:r={fps}:type=carpet:seed=2:jump=1,trim=end_frame=1,loop=loop=-1:size=1,setpts=N/{fps}/TB", fps),),
            "[0:v]crop=256:144:x=100:y='300-t*50',format=yuv420p[v]",
            (),
            "none",
        )
    )
    c.append(
        Case(
            "t16-none-dim-bunny",
            "trial",
            25,
            4.0,
            (src("movie=filename={bunny},trim=start_frame=20,setpts=PTS-STARTPTS,crop=640:360:x=0:y=0,fps={fps}", 25),),
            "[0:v]scale=256:144,setsar=1,format=yuv420p,eq=brightness='-0.06*t':eval=frame[v]",
            (),
            "none",
        )
    )
    c.append(Case("t16-none-rotate", "trial", 30, 4.0, (src("colorspectrum=s=400x400:r={fps}:type=all", 30),), "[0:v]rotate=a='t*0.8':ow=256:oh=144,format=yuv420p[v]", (), "none"))
    c.append(
        Case(
            "t16-none-ball",
            "trial",
            50,
            4.0,
            (src("color=c=0x006400:s={size}:r={fps}", 50),),
            "[0:v]format=yuv420p" + moving_box("100+90*sin(t*3)", "50+40*abs(sin(t*5))", 40, 40, "0xFFFFFF", shape="disc") + "[v]",  # session 22: drawbox drew no ball
            (),
            "none",
        )
    )
    return c


# ---------------------------------------------------------------- audio

KIT = {"standard5": 5, "room6": 14, "power1": 17, "jazz3": 35, "electronic": 24, "tr808": 25, "standard7": 7}


def kit_groove(name: str, kit: str, bpm: float, pattern: str, bars: int = 4, swing: float = 0.5) -> ac.Clip:
    return trials.kit_groove(name, KIT[kit], bpm, pattern, bars, swing, every_drum=False)


def band(name: str, kit: str, bpm: float, pattern: str, bass_prog: int, chord_prog: int, bars: int = 4, swing: float = 0.5) -> ac.Clip:
    return trials.band(kit_groove(name, kit, bpm, pattern, bars, swing), pattern, bass_prog, chord_prog, [38, 43, 36, 41], bars)


def audio_clips() -> list[ac.Clip]:
    rng = np.random.default_rng(1616)
    clips: list[ac.Clip] = []

    walk = partial(trials.walk, rng, [-5, -3, -2, 2, 3, 4, 7])

    for prog in (43, 37, 38, 32, 67, 57):  # contrabass, slap 2, synth bass 1, acoustic bass, baritone sax, trombone (low)
        clips.append(line(f"bass{prog}", prog, walk(31, 46, 10), float(rng.choice([0.3, 0.4, 0.55])), "bass"))
    for prog in (49, 50, 53, 90, 92, 94, 19):  # slow strings, synth strings 1, voice oohs, polysynth, bowed glass, halo, church organ
        chords = [ac.TRIADS[int(i)] for i in rng.integers(0, len(ac.TRIADS), 3)]
        clips.append(ac.tonal_clip(f"pad{prog}", prog, ac._chords(chords, 2.4), "pad"))
    for prog in (1, 2, 26, 27, 46, 3):  # bright piano, electric grand, jazz guitar, clean guitar, harp, honky-tonk
        assert prog in DECAYING_PROGRAMS
        chords = [ac.TRIADS[int(i)] for i in rng.integers(0, len(ac.TRIADS), 5)]
        clips.append(ac.tonal_clip(f"chord{prog}", prog, ac._chords(chords, float(rng.choice([0.9, 1.2, 1.5]))), "chord"))
    for prog in (104, 106, 13, 15, 9, 4):  # sitar, shamisen, xylophone, dulcimer, glockenspiel, e-piano 1
        clips.append(line(f"pluck{prog}", prog, walk(60, 84, 10), float(rng.choice([0.3, 0.4, 0.5]))))
    for prog in (60, 65, 68, 81, 41, 57):  # french horn, alto sax, oboe, saw lead, viola, trombone (high)
        clips.append(line(f"lead{prog}", prog, walk(55, 79, 7), float(rng.choice([0.5, 0.7, 0.9]))))
    for prog in (73, 79, 66, 80, 83, 69):  # flute, ocarina, tenor sax, square lead, chiff lead, english horn
        clips.append(line(f"melody{prog}", prog, walk(60, 84, 16), float(rng.choice([0.18, 0.22, 0.26]))))
    clips += trials.groove_clips(
        kit_groove,
        (
            ("standard5", 76, "rock"),
            ("room6", 112, "boombap"),
            ("power1", 138, "dense"),
            ("jazz3", 96, "shuffle"),
            ("electronic", 124, "floor"),
            ("tr808", 88, "funk"),
            ("standard7", 168, "rock"),
        ),
    )
    clips.append(kit_groove("kit_room6_6-8_70", "room6", 70, "six8"))
    clips += trials.band_clips(
        band,
        (
            ("standard5", 92, "rock", 34, 4, 0.5),
            ("room6", 132, "boombap", 38, 27, 0.5),
            ("jazz3", 108, "rock", 32, 0, 2 / 3),
            ("tr808", 146, "floor", 39, 90, 0.5),
            ("power1", 80, "waltz", 33, 25, 0.5),
        ),
    )
    return clips


if __name__ == "__main__":
    print(versions_line(), flush=True)
    trials.main(Path("/tmp/trial16"), video_cases, audio_clips)
