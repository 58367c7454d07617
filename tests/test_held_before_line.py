"""The analyser's hold on a held note's frames until the line after it shows (issue 11, session 33):
:class:`~aspects.measure.primitive.HeldBeforeLine` on streamed rows whose names and single series are known exactly.
The rendered lines it names are in tests/test_audio_slow_leads.py."""

from __future__ import annotations

from aspects.measure.primitive import HELD_NOTE_S, HELD_RUN_S, HeldBeforeLine

FRAME_S = 0.04
A4, C5, E5 = 440.0, 523.25, 659.26


def stream(frames: list[tuple[str, float | None]]) -> list[str]:
    """The names that come out of a :class:`HeldBeforeLine` fed ``(name, series Hz)`` frames of FRAME_S, in order."""
    lines, out = HeldBeforeLine(), []
    for k, (name, hz) in enumerate(frames):
        out += lines.feed(k, {"primitive": name}, k * FRAME_S, (k + 1) * FRAME_S, hz)
    out += lines.flush()
    assert [i for i, _ in out] == list(range(len(frames)))  # every row, once, in frame order
    return [row["primitive"] for _, row in out]


def test_a_held_note_before_a_line_takes_its_name():
    assert stream([("silence", None)] * 3 + [("pad", A4)] * 20 + [("lead", C5)] * 5) == ["silence"] * 3 + ["lead"] * 25
    assert stream([("sustain", A4)] * 20 + [("melody", C5)] * 5) == ["melody"] * 25
    # an octave read off is the same note; a note's attack read as a drum does not stop it
    assert stream([("snare", None)] * 2 + [("sustain", A4), ("sustain", A4 / 2)] * 10 + [("lead", C5)]) == ["snare"] * 2 + ["lead"] * 21


def test_a_chord_or_a_long_note_before_a_line_stays():
    chord = [("pad", None)] * 20 + [("lead", C5)] * 5
    assert stream(chord) == ["pad"] * 20 + ["lead"] * 5
    mixed = [("pad", A4), ("pad", C5), ("pad", E5)] * 7 + [("lead", C5)] * 5  # no note holds
    assert stream(mixed) == ["pad"] * 21 + ["lead"] * 5
    n = int(HELD_NOTE_S / FRAME_S) + 2
    assert stream([("sustain", A4)] * n + [("lead", C5)] * 5) == ["sustain"] * n + ["lead"] * 5
    # notes each shorter than HELD_NOTE_S, over HELD_RUN_S in all
    notes = [("pad", hz) for hz in (A4, C5, E5, A4, C5, E5) for _ in range(int(0.9 * HELD_NOTE_S / FRAME_S))]
    assert FRAME_S * len(notes) > HELD_RUN_S
    assert stream(notes + [("lead", C5)] * 5) == ["pad"] * len(notes) + ["lead"] * 5
    # a run ended by another name than a line's: a hat struck after a held note
    assert stream([("pad", A4)] * 20 + [("hihat", None)] + [("lead", C5)] * 5) == ["pad"] * 20 + ["hihat"] + ["lead"] * 5


def test_held_notes_between_a_lines_notes_are_the_lines():
    # a slow line's notes: each shorter than HELD_NOTE_S, two of them longer in all
    n = int(0.8 * HELD_NOTE_S / FRAME_S)
    assert stream([("lead", A4)] * 5 + [("pad", C5)] * n + [("pad", E5)] * n + [("lead", A4)] * 5) == ["lead"] * (10 + 2 * n)


def test_the_rest_of_a_lines_note_is_the_lines():
    # the rest of the line's note (its pitch class), at the stream's end too; another pitch with nothing after stays
    assert stream([("lead", A4)] * 5 + [("pad", A4)] * 10) == ["lead"] * 15
    assert stream([("lead", A4)] * 5 + [("pad", A4)] * 10 + [("silence", None)]) == ["lead"] * 15 + ["silence"]
    assert stream([("lead", C5)] * 5 + [("pad", A4)] * 10 + [("silence", None)]) == ["lead"] * 5 + ["pad"] * 10 + ["silence"]
