"""What the lead's blind trials share (bench/trial16.py, bench/trial17.py, …): the xfade case, the kit groove and the
band, a single line's truth, and making and scoring a trial's clips through the CLI's path (``aspects.api.analyze``).
A trial module holds only its own content (``video_cases``, ``audio_clips``) and calls :func:`main`."""

from __future__ import annotations

import json
import sys
import wave
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests import audio_corpus as ac  # noqa: E402
from tests import transition_corpus as tc  # noqa: E402
from tests.transition_corpus import BIKES, BUNNY, CARPHONE, Case  # noqa: E402
from tests.voice_corpus import line_truth  # noqa: E402
from tests.voice_corpus import segment_results as sounding_results  # noqa: E402

SIZE = "256x144"
# Source recipes the trials share (trials 18-20): a real clip's shot (its name, first frame, crop), a flat colour, a still
# two-colour gradient (colours, seed); each trial keeps its own grain.
REAL = "movie=filename={%s},trim=start_frame=%d,setpts=PTS-STARTPTS,crop=%s,fps={fps}"
FLAT = "color=c=%s:s={size}:r={fps}"
GRAD = "gradients=s={size}:r={fps}:speed=0:c0=%s:c1=%s:seed=%d"
DRUM_FAMILY = {"bassdrum": "kick", "esnare": "snare", "rim": "snare", "openhat": "hihat", "pedalhat": "hihat"}  # a played drum's scored name (tests/drum_kits.py TRUTH)
BRUSH_KITS = range(40, 48)  # GM drum programs of FluidR3's brush kits: key 39 is a brush snare there (tests/drum_kits.py KIT_TRUTH)
SPEECH_LEAD_S = 0.4  # where build_corpus mixes a clip's speech in (s)
NEAR_HIT_S = 0.09  # a voice frame this close to a drum hit is the hit's, not the voice's (s)


def xf(prefix: str, name: str, a: str, b: str, transition: str, duration: float, fps: int, pre: float = 1.6, post: float = 1.6) -> Case:
    """Shot ``a`` for ``pre`` s, xfade ``transition`` over ``duration`` s, shot ``b`` for ``post`` s; named ``prefix-name``."""
    graph = (
        f"[0:v]trim=duration={pre + duration},setpts=PTS-STARTPTS,scale=256:144,setsar=1,format=yuv420p[a];"
        f"[1:v]trim=duration={duration + post},setpts=PTS-STARTPTS,scale=256:144,setsar=1,format=yuv420p[b];"
        f"[a][b]xfade=transition={transition}:duration={duration}:offset={pre}[v]"
    )
    truth = tc.xfade_truth(transition, pre, duration)
    return Case(f"{prefix}-{name}", "trial", fps, pre + duration + post, (a, b), graph, truth, transition, tc.XFADE[transition] is not None)


def src(spec: str, fps: int) -> str:
    """A source's filter text with the frame size, rate and the real clips' paths filled in."""
    return spec.format(size=SIZE, fps=fps, bikes=BIKES, bunny=BUNNY, carphone=CARPHONE)


def kit_groove(name: str, program: int, bpm: float, pattern: str, bars: int = 4, swing: float = 0.5, velocity: int = 105, *, every_drum: bool = False) -> ac.Clip:
    """``bars`` of ``ac.DRUM_PATTERNS[pattern]`` on drum program ``program`` (the off-beat eighth at ``swing`` of the beat).
    ``every_drum``: the pattern's other drums (ride, rim, open hat, shaker …) play too, and only hits holding one of the
    four scored drums are scored; else only those four are played."""
    beats, hits = ac.DRUM_PATTERNS[pattern]
    beat = 60.0 / bpm
    start = 0.3
    pat: list[tuple[float, list[str]]] = []
    for bar in range(bars):
        for pos, drums in hits:
            frac = pos % 1
            pos2 = int(pos) + (swing if abs(frac - 0.5) < 1e-6 else frac)
            pat.append((round(start + (bar * beats + pos2) * beat, 4), list(drums) if every_drum else [d for d in drums if d in ac.HIT_PRIORITY]))
    # Entries of a pattern struck at the same time are one step (issue 11d, session 23): tresillo's kicks on the "and" of
    # 2 and 4 and one drop's kick and rim on 3 are entries of their own beside the hat's, and each made a truth of its
    # own, the hat's "hihat" beside the kick's; by HIT_PRIORITY, as drum_clip names a step, the step is the kick's.
    steps: dict[float, list[str]] = {}
    for t, drums in pat:
        steps.setdefault(t, []).extend(drums)
    pat = [(t, drums) for t, drums in sorted(steps.items()) if drums]
    clip = ac.drum_clip(name, pat, start + bars * beats * beat + 1.0, tempo_bpm=bpm, velocity=velocity)
    if every_drum:
        # A step is named by its drums' families (session 25): GM's acoustic bass drum is a kick, the electric snare and the
        # side stick snares, open and pedal hats hi-hats, the brush kits' key 39 a brush snare, as tests/drum_kits.py's
        # TRUTH and KIT_TRUTH name them (docs/audio.md: "a side stick counts as a snare"). drum_clip named a step by the
        # four names alone, so trial 21's electronic kit's eight08 read "hihat" where its bass drum or electric snare
        # was struck with the hat, and trial 20's skaoff "hihat" at its side sticks.
        family = {**DRUM_FAMILY, **({"clap": "snare"} if program in BRUSH_KITS else {})}
        clip.hits = [(t, lab) for (t, drums) in pat if (lab := next((d for d in ac.HIT_PRIORITY if d in {family.get(x, x) for x in drums}), None))]
    clip.events.insert(0, ac.program(ac.DRUM_CH, program, 0.0))
    return clip


def band(clip: ac.Clip, pattern: str, bass_prog: int, chord_prog: int, roots: list[int], bars: int = 4) -> ac.Clip:
    """The kit groove ``clip`` (:func:`kit_groove`, ``pattern`` at its tempo) with a bass on every beat (the bar's root in
    ``roots``, its fifth on the off beats) and a chord held over each bar."""
    clip.kind = "band"
    beats = ac.DRUM_PATTERNS[pattern][0]
    beat = 60.0 / float(clip.tempo_bpm or 0.0)
    clip.events += [ac.program(1, bass_prog, 0.0), ac.program(2, chord_prog, 0.0)]
    for bar in range(bars):
        t_bar = 0.3 + bar * beats * beat
        for b in range(beats):
            clip.events += ac.note(1, roots[bar % 4] + (7 if b % 2 else 0), t_bar + b * beat, t_bar + (b + 0.85) * beat, 92)
        for p in ac.TRIADS[(bar + 2) % len(ac.TRIADS)]:
            clip.events += ac.note(2, p, t_bar, t_bar + beats * beat * 0.9, 64)
    return clip


def walk(rng: np.random.Generator, steps: list[int], lo: int, hi: int, n: int) -> list[int]:
    """``n`` MIDI pitches from ``lo`` to ``hi`` (the first at random, each next a step of ``steps`` on, held in range)."""
    p = [int(rng.integers(lo, hi))]
    for _ in range(n - 1):
        p.append(int(np.clip(p[-1] + rng.choice(steps), lo, hi)))
    return p


def groove_clips(kit_groove: Callable[..., ac.Clip], grooves: tuple[tuple[str, float, str], ...]) -> list[ac.Clip]:
    """A trial's kit grooves ``(kit, bpm, pattern)`` through its ``kit_groove``, named ``kit_KIT_BPM``."""
    return [kit_groove(f"kit_{kit}_{bpm}", kit, bpm, pat) for kit, bpm, pat in grooves]


def band_clips(band: Callable[..., ac.Clip], bands: tuple[tuple[str, float, str, int, int, float], ...]) -> list[ac.Clip]:
    """A trial's bands ``(kit, bpm, pattern, bass program, chord program, swing)`` through its ``band``, named ``band_KIT_BPM``."""
    return [band(f"band_{kit}_{bpm}", kit, bpm, pat, bp, cp, swing=sw) for kit, bpm, pat, bp, cp, sw in bands]


def speech_clips(text: str, seconds: float, over: ac.Clip) -> list[ac.Clip]:
    """espeak-ng's ``text`` alone (``seconds`` long; truth `speech` on its voiced span) and over the band ``over`` (the
    band's hits scored; frames of the voice named a drum counted apart)."""
    over.speech_text = text
    over.kind = "speech_band"
    return [ac.Clip("speech_plain", seconds, kind="speech", speech_text=text), over]


def line(name: str, prog: int, pitches: list[int], step: float, label: str | None = None) -> ac.Clip:
    """A single line on ``prog``, ``step`` s a note; its truth ``label`` or :func:`line_truth`'s (none between its levels)."""
    lab = label or line_truth(prog, step)
    clip = ac.tonal_clip(name, prog, ac._line(pitches, step), lab or "none")
    if not lab:
        clip.segments = []
    return clip


def make(out: Path, only: str, video_cases: Callable[[], list[Case]], audio_clips: Callable[[], list[ac.Clip]]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    if only in ("", "video"):
        for case in video_cases():
            case.make(out)
    if only in ("", "audio"):
        ac.build_corpus(out / "audio", audio_clips())


def analyse(path: Path) -> dict:
    from aspects.api import analyze

    return analyze(path).model_dump(mode="json")


def _voice_s(folder: Path) -> float:
    """The length (s) of the speech build_corpus mixed into a folder's clips."""
    with wave.open(str(folder / "speech.wav")) as w:
        return w.getnframes() / w.getframerate()


def score_video(out: Path, video_cases: Callable[[], list[Case]]) -> dict:
    rows, tot = [], Counter()
    for case in video_cases():
        case = tc.rendered_truth(case, out, table=False)
        doc = analyse(case.path(out))
        found = [{k: t.get(k) for k in ("type", "start", "end", "direction")} for t in doc["transitions"]]
        real = any("movie=" in s for s in case.sources)
        r = tc.match(case, found, 0.2 if real else None) if case.scored else {"hits": [], "missed": [], "extra": []}
        tot["truth"] += len(case.truth) if case.scored else 0
        tot["hit"] += len(r["hits"])
        tot["extra"] += len(r["extra"])
        rows.append(
            {
                "case": case.name,
                "truth": [(t.type, round(t.start, 3), round(t.end, 3), t.direction) for t in case.truth],
                "found": found,
                "hits": len(r["hits"]),
                "missed": [t.type for t in r["missed"]],
                "extra": [e["type"] for e in r["extra"]],
                "scored": case.scored,
            }
        )
        print(
            f"{case.name:42s} hits {len(r['hits'])}/{len(case.truth)} missed {[t.type for t in r['missed']]} extra {[e['type'] for e in r['extra']]} found {[(f['type'], round(f['start'], 2), round(f['end'], 2)) for f in found]}",
            flush=True,
        )
    print(f"transitions: {tot['hit']}/{tot['truth']}, false {tot['extra']}")
    return {"rows": rows, "total": dict(tot)}


def _speech_row(clip: ac.Clip, doc: dict, t: np.ndarray, prim: np.ndarray, voice_s: float) -> tuple:
    """A speech clip's voice frames (off its drum hits) named a drum, its sounding voice frames, their commonest
    primitives, and its windows' roles and layers."""
    span = (t >= SPEECH_LEAD_S) & (t < SPEECH_LEAD_S + voice_s)
    near = np.zeros(t.size, bool)
    for h, _ in clip.hits:
        near |= np.abs(t - h) < NEAR_HIT_S
    drums = np.isin(prim, list(ac.HIT_PRIORITY))
    sounding = span & (prim != "silence") & ~near
    semantic = [w["audio_semantic"] for w in doc.get("windows", []) if w.get("audio_semantic")]
    roles = [s.get("role") for s in semantic]
    layers = [tuple(s.get("layers", [])) for s in semantic]
    common = Counter(prim[sounding].tolist()).most_common(4)
    print(f"  speech {clip.name}: voice frames off hits named a drum {int((sounding & drums).sum())}/{int(sounding.sum())} {common} roles {roles} layers {layers}")
    return (clip.name, int((sounding & drums).sum()), int(sounding.sum()), common, roles, layers)


def score_audio(out: Path, audio_clips: Callable[[], list[ac.Clip]]) -> tuple[dict, list[tuple]]:
    by: defaultdict[str, list[int]] = defaultdict(lambda: [0, 0])
    conf: defaultdict[str, Counter] = defaultdict(Counter)
    tempo_rows, rows, speech_rows = [], [], []
    for clip in audio_clips():
        doc = analyse(out / "audio" / f"{clip.name}.mp4")
        t = np.array([f["t"] for f in doc["frames"]])
        prim = np.array([f["sound"]["primitive"] if f.get("sound") else "" for f in doc["frames"]])
        # A tonal segment is named by its sounding frames (as bench/harmony_splits.py reads the splits): a muted guitar's
        # chord that dies within 0.2 s of its 1 s step is a chord while it sounds, its silent frames say nothing of it;
        # a segment with no sounding frame (FluidR3's alto sax above MIDI 84 makes no sound) has no truth and is left
        # out (issue 11, session 23; trials 16-18 were read with every frame before).
        tonal = sounding_results(clip, t, prim)
        unsounded = sum(not b for _, _, b in tonal)
        res = ac.hit_results(clip, t, prim) + [r for r in tonal if r[2]]
        for _, truth, answer in res:
            by[truth][0] += truth == answer
            by[truth][1] += 1
            conf[truth][answer] += 1
        tempo = (doc.get("blends") or {}).get("audio", {}).get("tempo_bpm")
        if clip.tempo_bpm:
            ok = tempo is not None and abs(tempo - clip.tempo_bpm) <= 0.04 * clip.tempo_bpm
            tempo_rows.append((clip.name, clip.tempo_bpm, tempo, ok))
        if clip.speech_text:
            speech_rows.append(_speech_row(clip, doc, t, prim, _voice_s(out / "audio")))
        right = sum(a == b for _, a, b in res)
        rows.append({"clip": clip.name, "right": right, "n": len(res), "unsounded": unsounded, "wrong": [(round(s, 2), a, b) for s, a, b in res if a != b], "tempo": tempo})
        print(
            f"{clip.name:28s} {right}/{len(res)}{f' ({unsounded} unsounded)' if unsounded else ''} tempo {tempo} (truth {clip.tempo_bpm}) wrong {[(a, b) for _, a, b in res if a != b][:8]}", flush=True
        )
    for k in sorted(by):
        print(f"  {k:8s} {by[k][0]}/{by[k][1]}  {dict(conf[k].most_common(5))}")
    print(f"  tempo {sum(r[3] for r in tempo_rows)}/{len(tempo_rows)}: {[r for r in tempo_rows if not r[3]]}")
    return {"rows": rows, "by": dict(by), "confusion": {k: dict(v) for k, v in conf.items()}, "tempo": tempo_rows}, speech_rows


def score(out: Path, tag: str, only: str, video_cases: Callable[[], list[Case]], audio_clips: Callable[[], list[ac.Clip]]) -> None:
    """Read every clip through the CLI's path, print per clip and per class, and write ``out/score-TAG.json``."""
    result: dict = {"tag": tag}
    if only in ("", "video"):
        result["video"] = score_video(out, video_cases)
    if only in ("", "audio"):
        audio, speech = score_audio(out, audio_clips)
        if speech:
            result["speech"] = speech
        result["audio"] = audio
    (out / f"score-{tag}.json").write_text(json.dumps(result, indent=1, default=str))


def main(default_out: Path, video_cases: Callable[[], list[Case]], audio_clips: Callable[[], list[ac.Clip]]) -> None:
    """``make|score TAG [--only video|audio] [--out DIR]`` (clips in DIR, default ``default_out``); the trial prints the
    versions line first."""
    argv = sys.argv
    out = Path(argv[argv.index("--out") + 1]) if "--out" in argv else default_out
    only = argv[argv.index("--only") + 1] if "--only" in argv else ""
    if argv[1] == "make":
        make(out, only, video_cases, audio_clips)
    else:
        score(out, argv[2], only, video_cases, audio_clips)
