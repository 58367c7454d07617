"""Dynamic aspects: per-window analysers, transitions and whole-video blends.

Reads only :class:`~aspects.pipeline.Measurements` (per-frame rows and the
audio envelope), never pixels. The pieces, each small and testable alone:

- :mod:`.signals`: per-frame columns as arrays, trends;
- :mod:`.transitions`: cuts, fades, dissolves, wipes, and the shots between them;
- :mod:`.camera`: camera move, scene motion, depth (parallax, layers, focus);
- :mod:`.picture`: gradient, lighting, composition, graphics;
- :mod:`.audio_semantic`: role and layers, presence, tempo, mood;
- :mod:`.audio_events`: AudioSet events and instrument families from the tagger's scores;
- :mod:`.windows`: one document item per window with every category;
- :mod:`.blends`: palette, colour script, motion / audio / pacing summaries.
"""

from __future__ import annotations

from aspects.document import DynamicAspects, Transition
from aspects.dynamic.audio_semantic import AudioTrack
from aspects.dynamic.blends import blends
from aspects.dynamic.signals import Signals
from aspects.dynamic.transitions import detect_transitions, shots
from aspects.dynamic.windows import analyse_windows
from aspects.pipeline import Measurements


def dynamic_json(m: Measurements, window_s: float) -> dict:
    """The dynamic stage's output in its JSON form: ``{"windows", "transitions", "blends"}`` measured from ``m`` with windows
    of ``window_s`` seconds, each item validated as its model (:class:`~aspects.document.DynamicAspects`) and kept as a dict.

    A long video's windows are held once, as dicts (see :func:`~aspects.dynamic.windows.analyse_windows`).
    """
    s = Signals.from_frames(m.frames, m.facts.get("duration_s"))
    if len(s) == 0:
        return {"windows": [], "transitions": [], "blends": None}
    transitions = detect_transitions(s)
    shot_bounds = shots(transitions, s.duration_s)
    audio = None
    if m.sound is not None and m.envelope is not None and m.envelope_hop_s:
        audio = AudioTrack.build(m.envelope, m.envelope_hop_s, s.t, m.sound, m.tags)
    windows = analyse_windows(s, window_s, transitions, shot_bounds, m.facts, audio, m.audio_start_s if m.sound is not None else None)
    return {
        "windows": windows,
        "transitions": [Transition(**t).model_dump(mode="json") for t in transitions],
        "blends": blends(s, windows, transitions, shot_bounds, audio).model_dump(mode="json"),
    }


def dynamic_aspects(m: Measurements, window_s: float) -> DynamicAspects:
    """Windows, transitions and blends measured from ``m`` with windows of ``window_s`` seconds, as models (:func:`dynamic_json`)."""
    return DynamicAspects.model_validate(dynamic_json(m, window_s))
