"""The primitive a frame's sound is: a drum hit, a bass note, a pad, speech, a hum… (DESIGN §3).

Pure functions over short spectra and a fine level/onset envelope (one hop
every 128 samples, 5.8 ms at 22.05 kHz) around the frame; the streaming
:class:`~aspects.measure.sound.AudioAnalyzer` keeps that context (a second
or so each side) and calls :func:`frame_primitive` per video frame.

Vocabulary and rules, in the order they are tried (docs/audio.md has the
long form and the accuracy on the ground-truth corpus):

- ``silence``: the frame is below −55 dBFS.
- Drum hits, named at their onset frame and the next: an onset whose
  *percussive part* (the bins of its new energy that have died down
  ≥ DRUM_DECAY_DB 100 ms later) holds ≥ PERCUSSIVE_SHARE of the new energy;
  ``kick`` when ≥ KICK_LOW_SHARE of that lies below 150 Hz, else, when it is
  noise-like (flatness ≥ DRUM_FLATNESS, :func:`drum_of`), ``hihat`` (centroid ≥ 4.5 kHz),
  ``snare`` (below 1.2 kHz, or with a shell body at any centroid), ``clap`` (1.2–4.5 kHz, no body: :func:`drum_kind`);
  a boomy kick that rings past the 100 ms test is a kick too (:func:`boom_kick`). Over a bed of noise, hits are also
  found band by band, each band against its own recent level (:func:`band_onsets`, :func:`drum_over_bed`); a quiet
  hi-hat by its own high bands (:func:`high_onsets`, :func:`high_hihat`).
- ``speech``: syllable-rate loudness bursts of mostly voiced sound whose
  strongest partial keeps moving (:func:`is_speech`) and whose pitch glides (:func:`pitch_glides`: a reed holds it flat).
- The pure noises: a noisy frame, or a pure tone (one partial with fewer than
  PURE_MAX_HARMONICS harmonics, its pitch holding, not itself struck and dying
  away), is ``hum`` (tonal, low), ``tone`` (tonal, mid/high), ``rumble`` (noisy,
  centroid < 400 Hz), ``hiss`` (noisy), ``click`` (short transient), ``buzz``
  (mixed); a ``click`` or ``tone`` repeating at a steady rate is ``pulse``. Low notes and chords whose partials
  hold their frequency in a longer frame spectrum are no noise (:func:`partials_hold`).
- Notes (a fundamental with harmonics, or a struck partial): ``bass`` (one or two
  notes, struck as such (:func:`struck_notes`), the lowest fundamental < 250 Hz holding most of
  the power or one note with its harmonic series, and the register below 250 Hz:
  a stack of octaves is heard at its top, :func:`octave_register_hz`); notes struck together
  (attack < CHORD_ATTACK_S) whose level falls over the whole note, smoothly
  (:func:`note_level_course`), are a ``chord``; held, swelling or wobbling ones a ``pad``; a monophonic line whose pitch moves is a ``pluck`` when its
  notes die away without brightening, else a ``melody`` (notes shorter than MELODY_NOTE_S) or a
  ``lead`` (held notes, up to HELD_NOTE_S); a held note that swelled in is a
  ``pad``, a struck one that dies a ``pluck``, one that holds ``sustain``.
  Note starts are onsets and pitch changes (:func:`pitch_changes`), so a
  legato line's notes are counted too.
  Where the decode pass has the AudioSet tagger's scores too, a ``lead`` or ``melody`` line it hears as struck
  bars, bells, a piano or a harpsichord is a ``pluck``, and so is a ``chord`` it hears as a bell
  (:mod:`aspects.measure.heard`).
- ``vocal``, ``ambient``, ``music``, ``sfx`` complete the vocabulary (they are
  seeded in the registry) but are not produced per frame: singing needs the
  window-level tagger, and the rules above leave nothing to the fallbacks.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
from scipy.ndimage import median_filter, minimum_filter1d
from scipy.signal import find_peaks

from aspects.measure import filterbanks
from aspects.measure.arrays import median, pad_edge
from aspects.measure.harmony import CUT_OFF_DB, HARMONIC_SEMITONES, chord_fundamentals, chord_notes, cut_off, low_series_hz, pitch_held_across

PRIMITIVES = (
    "silence", "kick", "snare", "hihat", "clap", "bass", "pad", "lead", "pluck", "chord", "melody", "vocal", "speech", "pulse", "sustain",
    "hum", "tone", "rumble", "hiss", "click", "buzz", "ambient", "music", "sfx",
)  # fmt: skip

RUMBLE_CENTROID_HZ = 400.0  # noise with its spectral centroid below this is a rumble, above a hiss
ONSET_MIN_FLUX_DB = 2.0  # mean rise over the mel bands (dB per hop) for an onset
ONSET_LOCAL_S = 0.1  # an onset is the largest flux within ± this and above the local mean by ONSET_MIN_FLUX_DB
DRUM_DECAY_DB = 9.0  # a drum is ≥ 9 dB quieter 100 ms after its peak (plucks and pianos lose 2–5 dB)
RESTRUCK_S = 0.06  # when the sound 100 ms after an onset is louder than 60 ms after (struck again), the drum's decay is read at 60 ms, pro rata
RESTRUCK_RISE_DB = 3.0  # ...louder by at least this much (dB, weighted by the onset's new energy): a new stroke, not a held low note beating in the hop spectra
DRUM_FLATNESS = 0.015  # spectral flatness of the onset's new energy: noise bursts above, harmonic notes below
PERCUSSIVE_SHARE = 0.2  # share of an onset's new energy that must die down within 100 ms for a drum hit (0.3: kicks under a bass note missed)
KICK_LOW_SHARE = 0.4  # share of the percussive new energy below 150 Hz for a kick
KICK_RISE_DB = 3.0  # ...unless that band, falling from a boom, rises less than this (dB) at the onset (:func:`low_tail`, session 43): a kick's boom dying under the next hat lifts it by its own wavering (hats read kick on three kit splits and a sixteenth-hat corpus: -5.6 to +5.9 dB, median 0.2-1.2; kicks: median 12.6-47 dB, 21 of 1077 under 3, over a voice's or a bass note's low band, which does not fall)...
KICK_TAIL_DB = 6.0  # ...having stood this far (dB) over its level before the onset...
KICK_TAIL_S = 0.2  # ...within this long (s) before the onset (a kick a sixteenth or two before, from 75 BPM)
HIHAT_CENTROID_HZ = 4500.0  # centroid of the percussive new energy: hi-hat above, clap above CLAP_CENTROID_HZ, snare below
OPEN_HAT_HZ = 5000.0  # an open hi-hat (or a cymbal) rings on above this past 100 ms, where a snare's wires and a clap have died…
OPEN_HAT_RING = 0.3  # …its new energy there that has not died down holds at least this share of the percussive part's (session 31: open hats over a bass note read snare or clap at 0.52-0.94 on trials 22-23, their snares and claps ≤ 0.12)
OPEN_HAT_FLATNESS = 0.1  # …and that ring is noise: spectral flatness at least this (open hats 0.37-0.48 on trials 22-23; a bright pluck's ringing harmonics far under)
CLAP_CENTROID_HZ = 1200.0
PEAK_REACH = 5  # bins each side (54 Hz at 2048 points, 108 Hz at 1024) over which a spectral peak's prominence is read
PEAK_PROMINENCE_DB = 10.0
MAX_PEAKS = 32
HARMONIC_BINS = 1.0  # a partial this many spectrum bins from a fundamental's multiple is its harmonic (low notes: finer than 3 %)
HARMONIC_OVER_DB = 15.0  # ...unless it stands this far (dB) over a fundamental that shows no harmonic yet (:func:`_harmonic_of`)...
HARMONIC_OVER_FROM = 3  # ...at this multiple of it or higher (a low note's weak fundamental shows its 2nd harmonic)
NOTE_START_S = 0.2  # a note's polyphony is what at least two of its frames in this long after its onset show
CHORD_RESTRIKE = 2.0  # a chord's notes all rise ≥ 3 dB at its onset (notes still ringing from before do not)
NEW_NOTE_SEMITONES = 0.5  # a fundamental this far from every one sounding before an onset is a new note (struck_notes)
STRUCK_MIN_BINS = 5  # low_chord: a fundamental under this many hop-spectrum bins (108 Hz) is not checked for being struck
RINGING_HARMONICS = 4  # a "new" fundamental on the 2nd…4th harmonic of a note ringing before the onset is that note's partial (ringing_harmonic)
STRUCK_PARTIALS = 4  # partials of a new note whose power must rise at its onset (struck_notes)
PAD_ATTACK_S = 0.1  # level rise from the onset to the note's peak: pads swell, plucks and leads strike
HOLD_SHARE = 0.7  # a note's body ends this far from its onset to the next: the rest is the release before a re-strike
DECAY_SPAN_S = 0.4  # a note's decay is read over at most this long after its peak
LINE_BEFORE_S, LINE_AFTER_S = 2.0, 0.6  # span around a frame over which a line's notes are counted and its pitch followed
LINE_WIDE_S = 4.0  # a single moving note whose span holds under two note starts (a line's last note, notes near HELD_NOTE_S) is timed from this long before it (as far as the frame's context reaches)
CHROMA_HZ = (150.0, 4000.0)  # the bins a pitch-class profile is read from (coarser below: 21.5 Hz bins)
CHANGE_HOPS = 6  # hops (35 ms) averaged each side of a possible pitch change
CHANGE_DISTANCE = 0.5  # cosine distance between the pitch-class profiles before and after a new note
NOTE_MIN_S = 0.06  # two note starts closer than this are one
TUNING_SEMITONES = 0.25  # notes of a chord are a whole number of semitones apart within this (25 cents)
IN_TUNE_SHARE = 2 / 3  # share of a chord's note pairs on one semitone grid (half of random pairs are, by chance)
LINE_PITCHES = 3  # pitch steps make a line's notes when they visit at least this many pitches (semitones)
STEP_PEAK_SHARE = 0.1  # pitch steps follow the lowest spectral peak within 10 dB of the strongest
STEP_TOLERANCE = 0.7  # semitones a held pitch may wander (vibrato) within one run of the strongest partial
NOTE_RISE_DB, NOTE_RISE_S = 2.0, 0.035  # a note's onset: the level rises this much (dB) within this long (s) after it
HELD_NOTE_S = 2.0  # notes longer than this do not make a line: each is a held note (pad, sustain) (session 30: 1.5 s read trial 23's half-note leads at 75 BPM, 1.52 s notes, pad; 2.0: its lead 16 -> 33/49, trial 22's 38 -> 41/49, every other class of both identical)
HELD_LABELS = frozenset({"sustain", "pad"})  # what a line's note reads where its frames cannot see the line (HeldBeforeLine)
LINE_LABELS = frozenset({"lead", "melody"})
HELD_SINGLE_SHARE = 0.6  # a held run is single notes when at least this share of its frames hold a single harmonic series ...
HELD_ONE_PITCH_SHARE = 0.8  # ... and at least this share of those its note's pitch class (an f0 read an octave off is the note)
HELD_RUN_S = 8.0  # a held run is let go as it was once it lasts this long (s), whatever follows
HALF_PARTIALS_MAX = 10  # a note with partials at odd multiples of half its pitch (_half_partials_note) holds them up to this multiple ...
HALF_PARTIALS_SEVENTH_TOLERANCE = 0.01  # ... whose 7th multiple of half the lowest "fundamental" lies within 1 % (a tempered minor seventh is 1.8 % sharp of it)
HARMONIC_TOLERANCE = 0.03  # a partial within 3 % of an integer multiple of a fundamental is its harmonic
PAD_NOTE_S = 1.0  # a pad's chords last at least this long; shorter thick notes that move are a line
CHORD_ATTACK_S = 0.075  # notes struck together reach their level within this (hammer, plectrum; a mallet on a vibraphone 40–65 ms); a pad swells
CHORD_FALL_DB_S = 1.0  # a struck chord's level falls at least this fast (dB/s) over the note; an organ's or a brass section's holds
PAD_WOBBLE_DB = 1.2  # a pad's level moves around its smooth course by at least this (dB, std); a struck chord's dies away smoothly
HELD_CHORD_FALL_DB_S = 6.0  # a chord falling slower than this (dB/s) whose partials keep their balance is held, a pad (issue 11, session 23: FluidR3's organ, reed organ, accordion chords fall 1.5-5 dB/s; struck chords that slow are electric pianos, 0-5.4, and they darken)
HELD_CHORD_DARK_DB_S = 8.0  # ...keeping their balance: the upper band (DARK_HIGH_HZ) falls less than this (dB/s) faster than the lower (DARK_LOW_HZ) (organs, accordion -6.2..+8.6 at the 10th-90th percentiles; struck chords falling under HELD_CHORD_FALL_DB_S: electric pianos <= -15.6)
DARK_LOW_HZ, DARK_HIGH_HZ = (80.0, 1000.0), (2000.0, 8000.0)  # the bands :func:`darkening_db_s` compares
STRUCK_FALL_DB_S = 10.0  # a chord falling at least this fast (dB/s) is struck whatever its level's wobble (a koto's, steel drums' beating strings: 20-43 dB/s); wobbling pads fall <= 6.9
NOTE_GONE_DB = 25.0  # a note whose level has fallen this far under its peak is over (its release is not its body)
WOBBLE_SMOOTH_S, WOBBLE_MIN_S = 0.05, 0.4  # the level is smoothed over this, and its wobble read over at least this much note
MELODY_NOTE_S = 0.32  # a moving monophonic line of notes shorter than this is a melody; held longer, a lead
SHORT_LINE_STARTS = 4  # note starts (three steps) a line of short notes shows within its span; a pad's chord change starts 1-2
TRANSIENT_SPAN_S = 0.05  # an onset this close to a frame's centre is inside its spectrum (93 ms window)
PURE_MAX_HARMONICS = 2  # a lone partial with fewer of its harmonics 2…10 within 30 dB of it is a pure tone, not an instrument's note
PLUCK_BRIGHTEN_OCT_S = 2.0  # a pluck's spectral centroid does not rise faster than this (octaves/s) while it decays
BRIGHTEN_SPAN_DB = 20.0  # ...and brightens only if it does so while within this much (dB) of its body's maximum too: further down
#                          the centroid is the room's reverb and the noise floor's, not the string's (a muted guitar's notes, falling
#                          130-177 dB/s, "brighten" 4-9 oct/s over their body from 20-30 dB down and darken while loud)
PLUCK_DECAY_DB_S = 12.0  # level falls at least this fast after the peak: an exponential decay
PLUCK_DEEP_DROP_DB = 8.0  # a note that loses this much over its body and still falls dies away, whatever its later slope (koto, piano)
PLUCK_LATE_DB_S, LATE_SPAN_S = 3.0, 0.15  # a pluck still falls ≥ 3 dB/s after DECAY_SPAN_S, read when ≥ 0.15 s of its body is left
LINE_VOTE_NOTES = 3  # a line's notes vote on whether it dies away when it has at least this many within the span
DAMPED_SOUND_S = 0.1  # a note cut off this soon (s) after its onset...
DAMPED_STEP_S = 0.3  # ...with the next note this far (s) after its onset was damped, not released (:func:`damped_at_once`)
BACK_DB = 12.0  # the next note brings the level back within this much (dB) of a cut note's peak
PLUCK_DROP_DB = 1.0  # and a pluck ends its body at least this much below its maximum: a sustained note that swells and eases back holds its level
#                      (the maximum, not the body's first hop: the 46 ms envelope window still rises for up to a window after
#                      a struck note's level first comes within 3 dB of it, so a short marimba note "lost" nothing from there)
BASS_HZ = 250.0  # lowest fundamental of a bass note
BASS_CUT_HZ = 160.0  # the bass register (session 10): a low line whose median pitch is at or under this (MIDI 51.5, between
#                      D#3 and E3) is the bass; above it a single line is a lead, melody or pluck by its envelope. Medians of
#                      the corpus's lines: bass lines MIDI 26-50, lead, melody and pluck lines 52-92 (docs/audio.md)
BASS_SPAN_S = 4.0  # the median pitch of a low line is read over the bass-shaped frames of this long before a frame (s)
BASS_LOW_SHARE = 0.5  # share of the frame's power below BASS_HZ for a bass note
BASS_SERIES_HARMONICS = 3  # ...unless it is one note with at least this many of its harmonics 2…10 standing out
OCTAVE_STACK_DB = 10.0  # octave partials within this of the strongest set the register of a stack of octaves (organ stops)
ODD_ABSENT_DB = 25.0  # a stack of octaves has its 3rd and 5th harmonics at least this far below its strongest partial
PITCH_HOLD_S = 0.08  # a pitch the strongest partial holds this long (or 15 % of the span) is a note's
PITCH_MOVE_SEMITONES = 0.8  # the strongest partial moving this far within the span: a line, not a held note
PULSE_REGULARITY = 0.06  # inter-onset intervals within ±6 % of their mean: a steady pulse
SPEECH_RATE = (2.5, 9.0)  # syllables (loudness bursts) a second
SPEECH_BEFORE_S, SPEECH_AFTER_S = 1.0, 0.6  # the span :func:`is_speech` reads around a frame: this long before it and after it (s)
VOICED_FLATNESS = 0.05  # a hop whose spectral flatness is below this is voiced / harmonic
SPEECH_VOICED_SHARE = 0.5  # share of audible hops that are voiced in speech (drum grooves are mostly noise)
SPEECH_PARTIAL_RUN_S = 0.05  # mean time the strongest partial stays put: 30–45 ms in speech, ≥ 60 ms for notes
# A voice's pitch glides within a syllable; a reed or a pipe holds its note's pitch flat (issue 11, session 22): the
# strongest partial's frequency (parabola through its bin's log power and its neighbours') change GLIDE_STEP_S later, where
# it stays within a bin, median over the audible hops of the span is_speech reads (cents). espeak-ng (speech_s20fresh, 2266
# frames is_speech passes, beds included): 9.7-73, 5th percentile 13.3; reed and pipe melodies and leads that pass it
# (fresh38 tenor/bari sax, bassoon, oboe; fresh40 clarinet; 240 frames): 1.2-6.1.
SPEECH_GLIDE_CENTS = 8.0
GLIDE_STEP_S = 0.023  # the two hops compared (s): 4 hops, half the 46 ms window
NOISE_SPAN_S = 0.25  # hops within ± this of a frame's centre are read to tell noise from notes
NOISE_STEP_S = 0.023  # two hop spectra this far apart (half the 46 ms window) are nearly independent for noise
NOISE_MIN_HZ = 50.0  # bins below this are left out: the window's leakage of sub-sonic drift (brown noise) holds steady
NOISE_SHARE = 0.9  # the strongest bins holding this share of the power are the ones read
NOISE_FLUCT_DB = 2.5  # median level change of those bins NOISE_STEP_S apart: noise ≈ 4.8 dB (the log of a ratio of two exponentials), held partials < 1
NOISE_TAIL_SHARE = 0.01  # the highest bins holding this share of the power are not searched for peaks
NOISE_PEAK_DB = 6.0  # a spectral peak standing this far above the bins 3–5 either side
NOISE_PEAK_PERSIST = 0.75  # power-weighted share of peaks still there (±1 bin) NOISE_STEP_S later: notes ≥ 0.76, noise 0.3–0.7
SPEECH_PEAK_PERSIST = 0.55  # speech keeps this share of its peaks NOISE_STEP_S later (espeak-ng: 0.73 at the 10th percentile; brown noise 0.27–0.42)
NOISE_SERIES_HARMONICS = 3  # ...unless the frame's spectrum shows one or two notes with this many harmonics 2…10
NOISE_SERIES_HOLD = 0.03  # on the frame before's lowest fundamental within this (3 %, half a semitone)
HIT_OVER_NOISE = 6.0  # in noise, an onset is a drum hit only if its flux is ≥ this × the flux's 75th percentile around it (noise's own peaks ≤ 5×, hits ≥ 8×)
HAT_RUN_S = 0.5  # a hi-hat that keeps a dense groove's time (:func:`hat_run`): the onsets within ± this (s)...
HAT_RUN_MIN = 5  # ...at least this many...
HAT_RUN_STEP_S = 0.13  # ...at most this far apart (their median interval, s: sixteenths from 115 BPM)...
HAT_RUN_TOL = 0.15  # ...every interval a whole number of that step within this share of it
HIT_BACKGROUND_S = 1.0  # span each side over which that percentile is read
# Low notes and chords whose partials the hop spectra do not resolve (they beat like noise there): the frame's finer
# spectrum (2048 points, 10.8 Hz bins) keeps their peaks from one window to the next, a noise's peaks come and go.
PARTIALS_LAG_S = 0.1  # two frame spectra this far apart (about their 93 ms window) share no samples: independent for noise
PARTIALS_SPAN_S = 0.25  # ...the frame before is looked for within this; the shares of the frames within it are pooled
PARTIALS_HOLD = 0.35  # median power-weighted share of a frame's spectral peaks still there (±1 bin) PARTIALS_LAG_S later: notes
#                      0.6–1.0 (median over a pad or bass line), noise 0–0.35 (one frame alone reaches 1.0 in 15 % of low-passed noise's)
PARTIALS_MATCH_BINS = 0.3  # a partial found again within this of its frequency (bins, interpolated); a chance noise peak is anywhere in ±1 bin
PARTIALS_MAX_HZ = 1500.0  # only partials under this are followed: the hop spectra resolve the higher ones
PARTIALS_MIN_VALUES = 4  # the median needs this many frames' shares (at 25 frames a second: 0.16 s)
# Drum hits over a bed (noise, rain, a held pad): the mean flux over all mel bands, which the bed fills, hides them.
BED_S = 0.3  # a band's own recent level (its bed) is its median over this long before a hop
BED_STEP = 4  # ...over every this-many-th hop of it
BAND_RISE_DB = 6.0  # a hit lifts a band this far over its bed (a noise band's own level reaches it a few % of the time)
BAND_AUDIBLE_DB = 30.0  # only bands within this of the hop's loudest count (the window's leakage into empty bands rises and falls at random)
BAND_HIT_BANDS = 6  # ...in at least this many of the 64 mel bands at once (a hi-hat's top quarter; a kick's lows and beater click)
HIT_HOLD_S = 0.035  # ...and as many still stand out this long after: a hit rings on past the 46 ms window, a raindrop's click does not
BED_MARGIN = 3.0  # a hit is read in what stands over this many times the bed's power per bin (5 dB: a noise bin's level passes it ~5 % of the time)
# Drum names that hold across kits (issue 11d): :func:`drum_kind`, :func:`boom_kick`, :func:`high_onsets`.
SNARE_BODY_HZ = (100.0, 400.0)  # a snare's shell body (its head's modes, 150–250 Hz, and their spread): a clap has none
SNARE_BODY_SHARE = 0.12  # share of the percussive part in SNARE_BODY_HZ for a snare, however bright its wires (claps ≤ 0.05)
RIM_HZ = (500.0, 10000.0)  # a side stick's (rim click's) band: the percussive part's bins in it are followed over time
RIM_PEAK_S = 0.06  # its level peaks within this long of the onset (a flam's main stroke comes 25 ms after the grace)
RIM_FALL_S, RIM_FALL_DB = 0.025, 5.0  # ...and falls at least this far (dB) this long after its peak: one stroke (5.5–8.4 dB); a clap's claps spread over 10–30 ms and its room rings (1.2–5.4 dB)
UNDER_HAT_HZ = (800.0, 3000.0)  # a side stick's woody click and a clap's noise (session 8): a hi-hat's lies above 3 kHz
UNDER_HAT_SHARE = 0.18  # share of a bright percussive part in UNDER_HAT_HZ for a stroke under a hat (:func:`stroke_under_hat`)
HAT_ZONE_HZ = 3000.0  # a noise burst centred between this and HIHAT_CENTROID_HZ that puts…
HAT_ALONE_SHARE = 0.13  # …at most this share of its percussive part in UNDER_HAT_HZ is a hi-hat, not a clap or snare (session 31: FluidR3's hats alone put ≤ 0.13 there, :func:`stroke_under_hat`; a power kit's closed hat centred at 4.0–4.46 kHz read clap on trial 24, 0.04–0.08 there; the trials' snares and claps centred over 3 kHz ≥ 0.19)
HAT_BODY_SHARE = 0.2  # share of the stroke under a hat (SNARE_BODY_HZ[0] to UNDER_HAT_HZ[1]) in SNARE_BODY_HZ for a shell body (:func:`body_under_hat`): twice a flat burst's (300 of 2900 Hz: 0.10; vinyl crackle's clicks 0.12-0.17), TR-808 snares with a hat 0.33-0.34
HAT_STROKE_RATIO = 7.0  # a flux onset named hihat whose percussive part holds this many times the clip's own hats' share in UNDER_HAT_HZ (their lower quartile) is a stroke struck with a hat (:func:`struck_with_own_hat`): 8.5 dB; controlled grooves (9 kits) dry: lone hats <= 2.6x, TR-808 strokes under a hat >= 10x; over typing, rain, pink, shower, steam, frying beds 6-18 dB under: lone hats <= 5.5x
HAT_STROKE_SHARE = 0.015  # ...and at least this share there (TR-808 side stick under a louder open hat: 0.018)
HAT_OWN_MAX_SHARE = 0.02  # ...where the clip's hats are bright: their lower quartile's share there at most this (FluidR3's TR-808 hats 0.001-0.005, under beds up to 0.015; every other kit's 0.05-0.15, whose strokes under a hat the onset's spectrum tells, :func:`stroke_under_hat`)
HAT_BODY_RISE_DB = 15.0  # a snare's shell body under a hat (:func:`body_under_hat`) lifts SNARE_BODY_HZ this far (dB) over its level before: a stroke's body, not a bed's flicker or a tail (TR-808 snare with a hat: 50-52; hats alone under beds whose percussive part passes the shares: <= 4.9)
# A hand clap's bursts (issue 11c, session 21): several claps 10-30 ms apart and their room keep the clap's band rising
# after a single stroke's has passed its peak (:func:`hand_clap`). Measured on controlled grooves (helper 11c: 8 kits x
# clap, snare, electric snare, side stick x no hat, closed, open, pedal hat x 4 velocity pairs, at 84/100/132 BPM, a
# synth bass note struck with them in two of the three; 1536 strokes and 2618 lone hats): in the bins of the percussive
# part within UNDER_HAT_HZ, FluidR3's TR-808 clap peaks 8-10 hops (46-58 ms) after its onset with or without a hat;
# every snare, electric snare and side stick, and the other kits' claps (one burst), 3-6 hops (17-35 ms); lone hats 0-5.
CLAP_PEAK_S = 0.04  # the clap's band (the percussive part's bins in UNDER_HAT_HZ) peaks this long or longer after the onset (s)...
CLAP_SPAN_S = 0.1  # ...within this span from it (s): the percussive test's 100 ms
BOOM_LOW_SHARE = 0.7  # a boomy kick: this share of the onset's whole new energy lies below 150 Hz...
BOOM_DROP_DB = 4.0  # ...and that low band falls this far from its peak within 100 ms (a bass note holds: ≤ 2.5 dB)...
BOOM_DROP_LATER_DB = 7.0  # ...and this far within 200 ms, unless a beater's click (noise-like) is struck with it
BOOM_HELD_DROP_DB = 2.0  # a boomy kick struck with a bass note (issue 11d, session 20): the note's fundamental holds in the band, so it falls
# only this far (dB) within 100 ms (power and room kicks with a bass note: 2.0-3.7; bass notes alone <= 2.9, 59 onsets of kits_s18fresh/s19fresh/s20fresh)...
BOOM_HELD_LATER_DB = 6.0  # ...but this far within 200 ms, with a beater's click (power kicks with a bass note: 6.4-8.6; bass notes alone <= 4.1): :func:`boom_kick`
SUBSONIC_HZ = 30.0  # a kick's thump lies at 40-100 Hz; new energy under this is a step of the waveform (a sample's DC offset at a note's start, a voice's plosive)...
SUBSONIC_SHARE = 0.5  # ...and a low part holding this share of it there is no kick (FluidR3's kicks <= 0.24; a chiff lead's staccato notes and espeak-ng plosives read kick 0.90-1.00)
KICK_UNDER_HZ = 100.0  # a kick struck with a snare, clap or hat: its thump below this (their heads and shells ring from 150 Hz up)...
KICK_UNDER_SHARE = 0.025  # ...holds this share of the onset's new energy (snares, claps alone <= 0.01, closed hats <= 0.04; kicks with them >= 0.03)...
KICK_UNDER_RISE_DB = 15.0  # ...rises this far (dB) over that band's level in the 23 ms before (a kick over a bed >= 17.6; a noise bed's flicker there <= 10.4)...
KICK_UNDER_DROP_DB = 3.0  # ...falls this far (dB) from its peak within 100 ms (struck)...
KICK_RING_DB = 6.0  # ...still stands this far (dB) over that level before at 100 ms (a kick's body rings on: >= 12.2 on 149 controlled kicks; a lone click, a crackle's, is over at once)...
KICK_GONE_DB = 16.0  # ...and has fallen this far (dB) from its peak within 200 ms: a kick's thump dies within ~0.3 s, a bass note held with the snare sustains (FluidR3's basses 32-39 held: <= 12.9; kicks struck with a snare or clap: 19-36)...
KICK_HARMONICS_DB = 0.0  # ...while at 100 ms the band KICK_HARMONICS_HZ holds no more (dB) than the band under KICK_UNDER_HZ: a bass note's harmonics ring on over its fundamental (staccato slap basses that fall as fast: >= 2.7), a kick's thump has none (kicks with a snare: median -9)
KICK_HARMONICS_HZ = (100.0, 600.0)  # a bass note's 2nd-6th harmonics for fundamentals of 40-100 Hz
BOOM_UNDER_SHARE = 0.5  # a boomy kick under a snare, clap or hat struck with it holds at least half the onset's new energy below 150 Hz (docs/audio.md names simultaneous hits by HIT_PRIORITY: kick first): the power kit's kick with a clap, snare or side stick 0.57-0.78; snares, claps and hats struck without a kick <= 0.39 (kits_s13fresh, 242 hits)
HIGH_ONSET_HZ = 4000.0  # a hi-hat's own bands: from here up
HIGH_ONSET_DB = 6.0  # mean rise of those mel bands over their level 23 ms before (dB) for a hi-hat's onset
HIGH_HOLD_S, HIGH_HOLD_DB = 0.04, 5.0  # ...still this far over it this long after: a hi-hat rings on, a raindrop's click is gone
HIGH_TAIL_DB_S = 150.0  # ...over the level before, carried on at its fall over the 23 ms before the rise, at most this fast (dB/s): a sixteenth hat after a snare rises over the snare's dying tail
TAIL_STROKE_S = 0.2  # ...a hat found so rises over a drum struck at most this long before it (a sixteenth at 75 BPM)
HAT_NOTE_HZ = (5000.0, 11000.0)  # a hi-hat struck with a note (:func:`hat_with_note`): its own band...
HAT_NOTE_MID_HZ = (1000.0, 4000.0)  # ...and the band a snare's wires fill as much or more
GROOVE_PEAK_DB = 3.0  # a hat over a band (:func:`groove_hats`): a peak of the bands from HIGH_ONSET_HZ up standing this far (dB) over the 100 ms around it...
GROOVE_HAT_RISE_DB = 4.0  # ...that rose this far (dB) from their lowest in the 40 ms before its onset (the hat before still rings)...
GROOVE_MID_SHARE = 0.4  # ...while the band HAT_NOTE_MID_HZ rose less than this share of that (dB over dB: a snare's wires fill it; candidates over a band: snares 0.45 at the 5th percentile, 1 of 80 under 0.4; hats 0.36 at the median)...
GROOVE_HAT_FLATNESS = 0.2  # ...and the new energy from HIGH_ONSET_HZ up is noise: spectral flatness at least this (hats over a band 0.36-0.49 at the 10th-90th percentiles; the high partials of GM lines' notes 0.003-0.28)
HAT_NOTE_RISE_DB = 10.0  # ...the hat lifts its band this far (dB) over the 23 ms before
HAT_NOTE_OVER_MID = 2.0  # ...and puts this many times the new energy there as died away in HAT_NOTE_MID_HZ within 100 ms (hats with a bass note 4-40x, under a synth bass 38 2.1-2.7x; snares with one, every kit, 0.2-1.4x, an electronic kit's 1.6-2.1x: session 44)
HAT_NOTE_FLATNESS = 0.3  # ...as noise (flatness of the new energy there)
HAT_NOTE_FALL_S, HAT_NOTE_FALL_DB = 0.1, 6.0  # ...and the band falls this far (dB) from the 46 ms after the onset to this long after (s): a hat dies, a sibilant holds
# Over a noise bed the bed fills a hi-hat's bands: a hat 10–20 dB under a white bed lifts their mean level 1–3 dB, under
# HIGH_ONSET_DB. Against the bed's own scatter it still stands out (:func:`bed_high_onsets`).
HIGH_BED_S = 0.5  # the bed of the high bands' mean level: its 25th percentile over this long before a hop (hits and their tails lift the upper ones)
HIGH_BED_SIGMAS = 6.0  # a hat lifts that level this many times the bed's scatter (25th minus 5th percentile, dB: about one standard deviation; ~0.3 dB for white or pink noise) over the bed (bed alone: 95 % ≤ 3.6, max 5.3 on white)
HIGH_BED_MIN_DB = 1.5  # ...and at least this far (dB): a bed-only stretch's high bands rise at most ~1.3 dB over it
# A ghost snare's and a kick's own mel bands (Hz; the hi-hat's: HIGH_ONSET_HZ up), read against their bed as the hi-hat's are (:func:`bed_band_drum`)
BED_BANDS_HZ = {"snare": (150.0, 4000.0), "kick": (0.0, 150.0)}
SOFT_BURST_SHARE = 0.8  # a soft snare's (a ghost note's) percussive part holds this share of its new energy or more (:func:`soft_burst`)...
SHELL_WIRES_HZ = (1000.0, 10000.0)  # a snare's wires: the band where its percussive part is noise however loud its shell's ring (:func:`wires_burst`)
SHELL_RING_SHARE = 0.5  # ...whose shell's band (SNARE_BODY_HZ) holds this share of the percussive part or more (Power 1-3 0.93-0.96, standard and room kits 0.85; a pizzicato's 0.0)
SHELL_WIRES_SHARE = 0.005  # ...holding this share of the percussive part or more (Power 1-3 0.014-0.03; a 40-200 Hz noise band's flicker only its filter's leakage)
SHELL_WIRES_FLATNESS = 0.22  # ...flatness of the percussive part there (FluidR3's Power 1-3 snares 0.25-0.55 at velocity 50-110, held 10-20 dB under their shell's ring; plucks, basses, pianos <= 0.21 where ≥ 0.8 of their new energy dies)
SOFT_BURST_FLATNESS = 0.2  # ...and is this flat where it has energy (a hit's noise ~0.4; a pluck's partials and their ring are not)
KICK_BAND_RISE_DB = 10.0  # a kick read over a bed in its own bands (:func:`bed_band_drum`) lifts them this far over their bed (25th percentile over HIGH_BED_S): a narrow band of noise flickers 7-9 dB
KICK_BAND_BELOW_DB = 30.0  # ...and their peak is at most this far under the snare bands' (mean levels, dB): bands a noise leaves empty (a 1-4 kHz hiss's) flicker at its filter's leakage
KICK_BED_MIN_S = 0.05  # ...read over what there is of that bed, at least this long (s): a clip's first kick 0.1 s into a bed that starts with it
KICK_OVER_BED_DB = 15.0  # a kick drowned in noise or speech (its flux no burst above theirs) still lifts its own bands this far over their bed (25th percentile over HIGH_BED_S): :func:`loud_kick`
# A drum over speech or notes (issue 11d, session 8): a drum's transient leaps in its own bands and dies away; a
# syllable's voicing swells in over 20–50 ms and holds its vowel (:func:`sharp_hit`, :func:`voiced_bed_drum`).
SHARP_RISE_S = 0.012  # a drum's band level peaks within this after its onset...
SHARP_RISE_DB = 12.0  # ...this far (dB) over its level SHARP_RISE_S before the onset
SHARP_FALL_DB = 9.0  # ...and falls this far (dB) from that peak within 100 ms (as DRUM_DECAY_DB): a vowel holds its level
SHARP_OVERSHOOT_DB = 4.5  # ...not rising more than this (dB) over that peak in the 46 ms after it (a fricative swells on)
SHARP_FALLING_S, SHARP_FALLING_DB = (0.046, 0.07), 1.0  # ...and still falling between these times after the peak (s), by this much (dB): a plosive's burst gives way to its vowel
CONSONANT_DRUMS = ("hihat", "snare", "clap")  # drums a flux onset inside speech may be a consonant's (:func:`consonant`); a kick is no consonant's
# A consonant's level peak lies more than this (dB) under the voice's (:func:`consonant`). Measured (session 20, the
# flux onsets speech_over refuses): espeak-ng speech alone (speech_s20fresh) 41 of 101 lie more than 12 dB under, 71
# more than 8; drums over speech (kits_s8tune, kits_s8blind2) none more than 12 dB, 2 of 22 more than 8 (a soft jazz
# hat, a TR-808 side stick with a pedal hat: 11.7 and 10.6 dB under): 12, so no drum over a voice is refused.
CONSONANT_UNDER_VOICE_DB = 12.0
CONSONANT_PEAK_HOPS = 4  # a flux onset's level peak: the maximum over this many hops from the onset (23 ms at 5.8 ms hops)
CONSONANT_VOICE_RANGE_DB = 25.0  # the voice's level: the median of the voiced hops within this (dB) of the span's loudest
VOICED_BED_S = 0.08  # the bed a hit over speech or notes stands on: the hops of this span before its onset...
VOICED_BED_SHARE = 0.5  # ...this share of them voiced (flatness under VOICED_FLATNESS); a noise bed's are not
HAT_ALONE_DB = 2.5  # a hi-hat found over a bed in its high bands lifts the snare's bands (BED_BANDS_HZ) less than this (dB) over their bed: :func:`hat_alone`
HIGH_BED_HOLD_SIGMAS = 3.0  # ...and still stand this many scatters over it HIGH_HOLD_S later: a hat rings on
# A closed hat under a loud bed (issue 11d, session 9): a brief rise of the high bands, under HIGH_BED_SIGMAS and gone
# before HIGH_HOLD_S, is read where it falls on the groove's own grid of onsets (:func:`grid_hat`).
GRID_HAT_SIGMAS = 3.5  # the high bands' mean level peaks this many scatters over its bed (as HIGH_BED_SIGMAS; bed alone: 95 % ≤ 3.6)
GRID_HAT_MIN_DB = 1.0  # ...and at least this far (dB)
CLICK_OVER_DB = 15.0  # a flux onset's loudest 5.8 ms slice this far (dB) over the floor before it...
CLICK_BACK_DB = 2.0  # ...with the level back within this (dB) of that floor within 23 ms is a lone click, not a drum (:func:`click_hops`)
CLICK_SEARCH_HOPS = (2, 6)  # that slice is searched from this many hops before the onset to this many after (the 46 ms window's flux peaks before the hit's own slice)
CLICK_FLOOR_HOPS = 10  # the floor: the median of this many slices (58 ms) before the search
GRID_HAT_FALL_S, GRID_HAT_FALL_SIGMAS = 0.08, 2.0  # ...and is back within this many scatters of the bed this long (s) after its peak: a closed hat is short
GRID_TOL_S = 0.015  # ...its onset (the steepest rise before the peak) this close (s) to the groove's grid: a whole number of half steps from the sure onsets on both sides (:func:`on_grid`)
SWING_SHARE = (0.5, 0.75)  # a swung off-beat lies this share of the way through its beat-grid step, from straight (0.5) past a triplet's 2/3 to a dotted note's 3/4 (:func:`on_grid`)
GRID_MIN_STEP_S = 0.06  # the grid's step: the median interval between the sure onsets, those this close (s) or closer left out (flams, a kick with a hat)
# A ghost snare (issue 11d, session 10) is the clip's own snare struck softly: the shape of its new energy across the
# snare's mel bands is that of the snares the clip plays loud, whatever its level (:func:`ghost_snare`).
GHOST_BANDS_HZ = (150.0, 8000.0)  # the mel bands a snare's shape is read in (its body and its wires)
GHOST_RISE_DB = 8.0  # a ghost stroke lifts those bands' summed power this far over the 23 ms before (dB): a stroke, not a bed's flicker
GHOST_SHAPE_CORR = 0.6  # ...and its new energy's shape (log power per band, centred) correlates this well with the clip's snares'
GHOST_FLOOR_DB = 30.0  # bands more than this under the new energy's strongest are read at that floor (no shape in empty bands)
GHOST_TEMPLATE_MIN = 1  # the clip's snares: at least this many flux onsets read snare by :func:`drum_of`
WIRES_HZ = (4000.0, 12000.0)  # a snare's wires over held notes (:func:`wires_over_notes`): the band a band's notes leave nearly empty
WIRES_RISE_DB = 5.0  # ...rises this far (dB) over the 23 ms before, in the 46 ms from a flux onset (ghosts and flams under a band: 5.1-23.5)
WIRES_FLATNESS = 0.2  # ...and its bins that rose are noise: flatness at least this (ghosts and flams under a band 0.15-0.48; a koto's pluck 0.04-0.07, a shamisen's 0.19-0.21)
WIRES_MID_HZ = (1000.0, 4000.0)  # ...and its new energy is at most WIRES_UNDER_MID_DB under this band's: a snare's wires spread their noise up
WIRES_UNDER_MID_DB = 3.0  # (ghosts, flams under a band -4.6..+0.6 dB, most -2.8..+0.6); a tom's stick, a pluck fall off (toms -3.1..-8.1, shamisen -9.7)
WIRES_OVER_BODY_DB = 0.0  # ...and at most this far (dB) over the shell body's (SNARE_BODY_HZ): ghosts, flams -18..-4.1; a kalimba's tine +4.2, hats +8.5
HAT_SHAPE_BANDS_HZ = (2000.0, 16000.0)  # the mel bands a hi-hat's shape is read in under a noise bed
HAT_SHAPE_RISE_DB = 3.0  # a hat under a bed lifts those bands' summed power this far from the 23 ms before to the 9 ms from its onset (dB)
HAT_TEMPLATE_MIN = 3  # the clip's own hats: at least this many flux onsets read hihat (a groove strikes them often; a rain bed's drop is read so now and then)
HAT_SHAPE_CORR = 0.5  # ...and its new energy's shape correlates this well with the clip's own hats' (a rain bed's peaks: none of 477 on kits_s10first)
LOW_BED_SNARE_DB = 2.0  # a hat over a bed under 4 kHz (issue 11d, session 22: :func:`hat_over_low_bed`): the power of BED_BANDS_HZ's snare bands rises less than this (dB) over its bed (their median over BED_S) in the 46 ms from the onset (kits_s22fresh: hats over a room's tone -0.8..3.3, median 1.1; kicks there 0.4..14.9; snares struck with a hat -1.8..5.3, median 2.8)...
LOW_BED_SNARE_FALL_DB = 2.5  # ...nor falls more than this (dB) under it (issue 11d, session 23): a sibilant or a "t" comes as the vowel before it stops, so the voice's bands fall (speech_s20fresh, where the rule named a hat: -14.6..+1.5 dB, 24 of 30 under -2.5), while a hat adds a little to a bed that fills them (kits_s22fresh: -1.8..+2.0)
LOW_BED_KICK_DB = 4.0  # ...and the kick bands' power less than this (hats over a room's tone -4.4..4.3, 90 % <= 3.5; kicks 5.8..22.3)...
LOW_BED_HIGH_DB = 9.0  # ...while the power from HIGH_ONSET_HZ up rises at least this (dB): the hat stands over the bed in its own bands (kits_s22fresh: a crowd's sibilants over the crowd 6.4-8.3; hats over a room's tone that drum_of misread 9.1-27.7)
EVEN_BURSTS_CV = 0.06  # loudness bursts whose intervals spread less than this (std / mean) keep a pulse: notes, not syllables
EVEN_MIN_BURSTS = 5  # ...read over at least this many bursts
LEGATO_STEP_SEMITONES = 0.8  # a held sound's single fundamental moving this far from the pitch it held is a new note of a legato line (as PITCH_MOVE_SEMITONES)...
LEGATO_LEVEL_DB = 12.0  # ...while the sound is within this (dB) of its loudest since the onset: a legato line holds its level (trial 10's viola and trial 11's trombone within 12 dB), a struck chord's dying tail (a celesta's, 30 dB/s) shows stray fundamentals
LEGATO_HOLD_S = 0.08  # ...when it holds the new pitch (within STEP_TOLERANCE) this long: a bow's or a slide's passing pitch does not start a note
LEGATO_PARTIALS = 3  # ...and the note starts where the new pitch's first partials last rose (read back from a window after it was first seen alone: a tremolo's or a muted trumpet's next note is often first seen alone 0.3 s late)...
LEGATO_RISE_DB = 6.0  # ...at least this much (dB) over the hop spectrum one window (LEGATO_WINDOW_S) before; where they never did, the pitch sounded from the onset and starts no note: a struck chord's note that its dying upper notes leave alone only loses energy (the suite's piano chords rise at most 3.8 dB, fresh28's legato leads' next notes 8.7-40 dB; session 17)
LEGATO_WINDOW_S = 0.046  # the hop spectra's window (s): two hops this far apart share no samples
LEGATO_ONSET_S = 0.06  # the onset's own rise is over this long (s) after it: rises are read from there on
CLASS_HOLD_S = 0.035  # a note's pitch class leads the pitch-class profile over two such spans in a row (pitch_class_starts)
CLASS_RISE_DB = 6.0  # ...and the new leading class rose at least this much (dB) over the span before
CLASS_UNDER_DB = 6.0  # ...and was at least this much (dB) under the held class over the span before


@dataclass(frozen=True)
class Harmonics:
    """Fundamentals found in one spectrum: Hz and level (dB below the strongest), and harmonics of the strongest."""

    f0_hz: tuple[float, ...]
    level_db: tuple[float, ...]
    strongest_hz: float
    harmonic_count: int  # how many of its harmonics 2…10 stand within 30 dB of the spectrum's top

    @property
    def count(self) -> int:
        return len(self.f0_hz)


NO_HARMONICS = Harmonics((), (), 0.0, 0)


def harmonics(power: np.ndarray, freqs: np.ndarray, *, floor_db: float = 30.0, keep_db: float = 15.0) -> Harmonics:
    """Fundamentals of a power spectrum: its peaks (≤ 5 kHz, within ``floor_db`` of the top) minus those at
    an integer multiple (±3 %) of a lower peak, kept when within ``keep_db`` of the strongest fundamental.
    """
    db = 10.0 * np.log10(np.maximum(power, 1e-20))
    top = float(db.max())
    inner = db[1:-1]
    peaks = np.flatnonzero((inner > db[:-2]) & (inner >= db[2:]) & (inner > top - floor_db)) + 1
    peaks = peaks[(freqs[peaks] > 25.0) & (freqs[peaks] < 5000.0)]
    if peaks.size:  # prominence within ±PEAK_REACH bins: the peak stands PEAK_PROMINENCE_DB above the lowest point on both sides
        padded = pad_edge(db, PEAK_REACH)
        left = np.lib.stride_tricks.sliding_window_view(padded, PEAK_REACH)[peaks]  # db[k-R : k]
        right = np.lib.stride_tricks.sliding_window_view(padded, PEAK_REACH)[peaks + PEAK_REACH + 1]  # db[k+1 : k+R+1]
        peaks = peaks[db[peaks] - np.maximum(left.min(axis=1), right.min(axis=1)) >= PEAK_PROMINENCE_DB]
        peaks = np.sort(peaks[np.argsort(db[peaks])[-MAX_PEAKS:]])  # the strongest: a few notes and their harmonics
    if peaks.size == 0:
        return NO_HARMONICS
    a, b, c = db[peaks - 1], db[peaks], db[peaks + 1]
    denom = a - 2 * b + c
    hz = freqs[peaks] + np.where(denom != 0, 0.5 * (a - c) / np.where(denom != 0, denom, 1), 0) * (freqs[1] - freqs[0])
    bin_hz = float(freqs[1] - freqs[0])
    fund: list[tuple[float, float]] = []
    members: list[list[float]] = []  # per fundamental: sum of its partials' Hz and of their harmonic numbers, its level (dB)
    for f, level in zip(hz, b):
        if _harmonic_of(float(f), float(level), members, bin_hz):
            continue
        fund.append((float(f), float(level)))
        members.append([float(f), 1.0, float(level)])
    best = max(level for _, level in fund)
    kept = [(f, level - best) for f, level in fund if level > best - keep_db]
    if len(kept) >= 3 and _half_partials_note([f for f, _ in kept]):
        kept = kept[:1]  # one note with partials at odd multiples of half its pitch (a hammered dulcimer's)
    k = max(range(len(fund)), key=lambda j: fund[j][1])
    strongest, f0 = fund[k][0], members[k][0] / members[k][1]
    near = {round(f / f0) for f in hz if 2 <= round(f / f0) <= 10 and abs(f - round(f / f0) * f0) < max(HARMONIC_TOLERANCE * round(f / f0) * f0, HARMONIC_BINS * bin_hz)}
    return Harmonics(tuple(f for f, _ in kept), tuple(round(d, 1) for _, d in kept), strongest, len(near))


def _half_partials_note(f0_hz: list[float]) -> bool:
    """Whether the "fundamentals" ``f0_hz`` (ascending, ≥ 3) are the partials of one note at the lowest of them: all
    integer multiples (±3 %) of half the lowest up to its 10th (the lowest itself its 2nd), its 3rd among them and its
    7th within HALF_PARTIALS_SEVENTH_TOLERANCE (issue 11, session 33). FluidR3's hammered dulcimer sounds a note f with
    partials at 1.5f, 2.5f and 3.5f (and 2f; nothing at f / 2: −30 dB), which f's harmonic series does not explain:
    it read as four notes struck together, a chord. Tempered notes hold no 3.5f: two notes a fifth apart are the 2nd
    and 3rd, an open tenth (root, fifth, tenth: 2:3:5) the 5th too (the harmony splits' open voicings read as one note
    when the 5th counted), and a minor seventh two octaves over the lowest is 3.56f."""
    base = f0_hz[0] / 2.0
    multiples = [f / base for f in f0_hz]
    whole = [round(m) for m in multiples]
    if any(n > HALF_PARTIALS_MAX or abs(m - n) > HARMONIC_TOLERANCE * n for m, n in zip(multiples, whole)):
        return False
    return 3 in whole and any(n == 7 and abs(m - n) <= HALF_PARTIALS_SEVENTH_TOLERANCE * n for m, n in zip(multiples, whole))


def _harmonic_of(f_hz: float, level_db: float, members: list[list[float]], bin_hz: float) -> bool:
    """Whether ``f_hz`` (at ``level_db``) is a harmonic (2nd or higher) of one of the fundamentals found so far, and if
    so count it in.

    ``members`` holds per fundamental the sum of its partials' frequencies and of their harmonic numbers, so its
    estimate (their ratio) sharpens with every harmonic found: a low note's lowest peak is off by up to a bin
    (10.8 Hz at 2048 points), which its 7th harmonic would multiply. A harmonic lies within 3 % of its place,
    or within HARMONIC_BINS bins of it (the resolution, which for a note under ~180 Hz is more than 3 %).
    The third item is the fundamental's level (dB): a partial HARMONIC_OVER_DB or more over a fundamental none of whose
    harmonics stood yet (its harmonic numbers still sum to 1), at its HARMONIC_OVER_FROM-th (3rd) or higher multiple,
    is a note of its own. FluidR3's piano puts a weak peak at 73–75 Hz under its notes (25–30 dB under the top, no note
    played there); a D minor triad's D4 and A4, its 4th and 6th multiples, were taken as its harmonics and the triad
    counted one or two notes (issue 11, session 35). A low note whose fundamental is weak shows its 2nd harmonic.
    """
    for m in members:
        f0 = m[0] / m[1]
        r = round(f_hz / f0)
        if r >= 2 and abs(f_hz - r * f0) < max(HARMONIC_TOLERANCE * r * f0, HARMONIC_BINS * bin_hz):
            if r >= HARMONIC_OVER_FROM and m[1] == 1.0 and level_db >= m[2] + HARMONIC_OVER_DB:
                continue
            m[0] += f_hz
            m[1] += r
            return True
    return False


def octave_register_hz(power: np.ndarray, freqs: np.ndarray, f0_hz: float) -> float:
    """The register (Hz) of the note whose lowest partial is ``f0_hz`` in the power spectrum ``power``.

    Usually ``f0_hz`` itself. Organ stops an octave apart (16', 8', 4') or an octave-doubled synth put
    nearly pure tones at f, 2f, 4f with no odd harmonics: there the line is heard at its highest octave
    partial within OCTAVE_STACK_DB of the strongest, when 3f and 5f are both ≥ ODD_ABSENT_DB below it.
    A bass note has odd harmonics, so its register stays its fundamental.
    """
    bin_hz = float(freqs[1] - freqs[0])

    def db(hz: float) -> float:
        k = int(round(hz / bin_hz))
        return -200.0 if k + 2 >= power.size else float(10.0 * np.log10(power[max(k - 2, 0) : k + 3].max() + 1e-20))

    octaves = [db(f0_hz * m) for m in (1, 2, 4)]
    top = max(octaves)
    if max(db(3 * f0_hz), db(5 * f0_hz)) > top - ODD_ABSENT_DB:
        return f0_hz
    return f0_hz * max(m for m, level in zip((1, 2, 4), octaves) if level >= top - OCTAVE_STACK_DB)


def onsets(flux: np.ndarray, hop_s: float, *, median: bool = False) -> np.ndarray:
    """Indices of onsets in a spectral-flux envelope (dB per hop): local maxima within ±ONSET_LOCAL_S that
    exceed both ONSET_MIN_FLUX_DB and the local mean by that much, at least 50 ms apart. ``median``: over the local
    median instead (:attr:`Context.hit_onsets`)."""
    if flux.size < 3:
        return np.zeros(0, int)
    w = max(int(ONSET_LOCAL_S / hop_s), 1)
    if median:
        local = median_filter(flux, size=2 * w + 1, mode="constant")
    else:
        local = np.convolve(flux, np.ones(2 * w + 1) / (2 * w + 1), mode="same")
    peaks, _ = find_peaks(flux, distance=max(int(0.05 / hop_s), 1))
    keep = (flux[peaks] >= ONSET_MIN_FLUX_DB) & (flux[peaks] >= local[peaks] + ONSET_MIN_FLUX_DB)
    return peaks[keep]


def onset_spectra(power: np.ndarray, i: int) -> tuple[np.ndarray, np.ndarray]:
    """The mean power spectra [bins] of the 23 ms before the onset hop ``i`` (hops i−5 … i−2) and of the 46 ms from it
    (hops i … i+7) in ``power`` [shape=(hops, bins)]: their difference is the onset's new energy."""
    return power[max(i - 5, 0) : max(i - 1, 1)].mean(axis=0), power[i : i + 8].mean(axis=0)


DRUM_BEFORE_HOPS = 5  # :func:`drum_of` reads the hops from i − 5 (:func:`onset_spectra`)...


def drum_reach(hop_s: float) -> int:
    """...up to (not including) i + this: :func:`boom_kick`'s 200 ms and 3 hops, the furthest it reads (the decay test's
    100 ms and 3 hops, :func:`rim_click`'s span are shorter); with all of them there, none of its length checks fires."""
    return 2 * int(round(0.1 / hop_s)) + 3


def drum_of(power: np.ndarray, level_db: np.ndarray, i: int, freqs: np.ndarray, hop_s: float, *, gated: bool = False) -> str | None:
    """The drum struck at hop ``i`` (an onset) or None for a tonal onset.

    ``power`` [shape=(hops, bins)] power spectra and ``level_db`` [shape=(hops,)]
    levels of the hops around it. The *new* energy is the mean spectrum of
    the 46 ms after the onset minus that of the 23 ms before. ``gated``: ``power`` holds only what stands over a bed
    (:func:`drum_over_bed`), zero elsewhere; a snare's or clap's flatness is then read over the bins it holds.
    """
    part = percussive_part(power, i, hop_s)
    if part is None:
        return None
    pre, rise, decayed, new = part
    total = float(new.sum())
    if total <= 0 or total < PERCUSSIVE_SHARE * float(rise.sum()):
        return "kick" if boom_kick(power, i, freqs, hop_s, rise) else None
    low_share = float(new[freqs < 150.0].sum() / total)
    # A kick lifts the band under 150 Hz (not on ``gated`` power: the bed's level is taken out there); a kick's boom still
    # dying under the next hit lifts it only by its own beating, and the hit is read above it.
    low_rose = gated or not low_tail(power, i, freqs, hop_s)
    if low_share >= KICK_LOW_SHARE and not low_rose:
        new = np.where(freqs < 150.0, 0.0, new)
        total, low_share = float(new.sum()), 0.0
        if total <= 0:
            return None
    centroid = float((new * freqs).sum() / total)
    if low_share >= KICK_LOW_SHARE:
        # A low part lying mostly under SUBSONIC_HZ is the waveform stepping (a chiff lead's note start), not a thump
        # (not on ``gated`` power: the bins of a noise bed's sub-sonic flicker standing over it are no step).
        return None if not gated and float(new[freqs < SUBSONIC_HZ].sum()) >= SUBSONIC_SHARE * low_share * total else "kick"
    # Noise-like: a drum's percussive part is flat where it has energy (flatness_on); for a snare or clap,
    # whose band a plucked note's attack also fills, it must also cover the band densely (flatness_all).
    above = freqs > 100.0
    flatness_on = _flatness(new[above & (new > 0)])
    flatness_all = _flatness(new[above & decayed & (new > 0)] if gated else new[above & decayed])
    if centroid >= HIHAT_CENTROID_HZ:
        if flatness_on < DRUM_FLATNESS:
            return None
        under_hat = stroke_under_hat(new, freqs)
        # A clap's bursts under the hat (issue 11c, session 21: :func:`hand_clap`) are no side stick's click: the hat's
        # here, the clap named where the clip's own hats tell the stroke under it (inside speech, not: a syllable swells)
        click = rim_click(power, pre, new, i, freqs, hop_s) and not hand_clap(power, decayed, new, i, freqs, hop_s)
        kind = "snare" if under_hat and (click or body_under_hat(new, pre, rise, freqs)) else "hihat"
    else:
        if flatness_all < DRUM_FLATNESS and not soft_burst(new, rise, flatness_on) and not wires_burst(new, rise, freqs):
            return None
        kind = drum_kind(new, freqs, centroid)
        kind = "snare" if kind == "clap" and rim_click(power, pre, new, i, freqs, hop_s) and not hand_clap(power, decayed, new, i, freqs, hop_s) else kind
        # A hat all the same: an open one rings on (its part above OPEN_HAT_HZ is no percussive part, and what died down
        # of it, its lower bins or a bass note's flicker struck with it, centres under the hat's centroid); a darker one
        # (a power kit's closed hat centres at 4.0-4.5 kHz) keeps its part out of the 0.8-3 kHz band a clap's noise or a
        # snare's wires fill.
        if open_hat_ring(rise, decayed, total, freqs) >= OPEN_HAT_RING or (centroid >= HAT_ZONE_HZ and under_hat_share(new, freqs) <= HAT_ALONE_SHARE):
            kind = "hihat"
    # A boomy kick struck with it (a four-on-the-floor's kick under the backbeat's clap): its low ring outlasts the
    # percussive test, so the part read above is the clap's, but the kick holds most of the new energy: kick.
    # A kick struck with it on a kit whose kick does not boom: named kick (simultaneous hits are named by HIT_PRIORITY)
    # where its thump under KICK_UNDER_HZ is there and dies as a kick's does (:func:`kick_thump`). Not on ``gated``
    # power: with the bed taken out, the band has no level before the onset to rise from.
    if (low_rose and boom_kick(power, i, freqs, hop_s, rise, low_share=BOOM_UNDER_SHARE)) or (not gated and kick_thump(power, pre, i, freqs, hop_s, rise)):
        return "kick"
    return kind


def low_tail(power: np.ndarray, i: int, freqs: np.ndarray, hop_s: float) -> bool:
    """Whether the band under 150 Hz of ``power`` [shape=(hops, bins)] (bins ``freqs`` Hz) at the onset hop ``i`` is a
    boom dying away, no kick: it rises less than KICK_RISE_DB there (:func:`onset_spectra`: the 46 ms from the onset over
    the 23 ms before) and stood KICK_TAIL_DB or more over its level before within the KICK_TAIL_S before that (a kick
    struck a sixteenth or two before). A kick over a voice's or a held bass note's low band rises less too, but that band
    holds its level."""
    pre, post = onset_spectra(power, i)
    low = freqs < 150.0
    before = max(float(pre[low].sum()), 1e-30)
    if 10.0 * np.log10(max(float(post[low].sum()), 1e-30) / before) >= KICK_RISE_DB:
        return False
    first = max(i - int(round(KICK_TAIL_S / hop_s)), 0)
    if first >= i - DRUM_BEFORE_HOPS:
        return False
    recent = float(power[first : i - DRUM_BEFORE_HOPS][:, low].sum(axis=1).max())
    return 10.0 * np.log10(max(recent, 1e-30) / before) >= KICK_TAIL_DB


def open_hat_ring(rise: np.ndarray, decayed: np.ndarray, percussive: float, freqs: np.ndarray) -> float:
    """The new energy above OPEN_HAT_HZ that has not died down 100 ms on (``rise`` per bin of ``freqs`` Hz where not
    ``decayed``), over the onset's percussive part ``percussive`` (its total): an open hat's or a cymbal's ring; 0 where
    that ring is no noise (flatness under OPEN_HAT_FLATNESS: a bright note's upper harmonics ringing on)."""
    ring = rise[(freqs >= OPEN_HAT_HZ) & ~decayed]
    if _flatness(ring[ring > 0]) < OPEN_HAT_FLATNESS:
        return 0.0
    return float(ring.sum()) / max(percussive, 1e-30)


def percussive_part(power: np.ndarray, i: int, hop_s: float) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None:
    """``(pre, rise, decayed, new)`` per bin at the onset hop ``i`` of ``power`` [shape=(hops, bins)], as :func:`drum_of`
    reads it: the power before (:func:`onset_spectra`), the new energy, the bins whose new energy has died down
    (≥ DRUM_DECAY_DB) 100 ms later (a hit struck again within 100 ms: before the next stroke) and the percussive part (the
    new energy in those bins); None when the hops run out."""
    n = power.shape[0]
    pre, post = onset_spectra(power, i)
    later_i = i + int(round(0.1 / hop_s))
    if later_i + 3 > n:
        return None
    later = power[later_i : later_i + 3].mean(axis=0)
    rise = np.maximum(post - pre, 0.0)
    decay_db = DRUM_DECAY_DB
    # A hit struck again before 100 ms are out (sixteenths from 150 BPM) is read before the next stroke.
    mid_i = i + int(round(RESTRUCK_S / hop_s))
    mid = power[mid_i : mid_i + 3].mean(axis=0)
    if float((later * rise).sum()) > float((mid * rise).sum()) * 10 ** (RESTRUCK_RISE_DB / 10):
        later, decay_db = mid, DRUM_DECAY_DB * RESTRUCK_S / 0.1
    # The percussive part: bins whose new energy has died down (≥ DRUM_DECAY_DB) 100 ms later; the
    # harmonics of a note struck at the same time (a bass note under the kick) still ring there.
    decayed = np.maximum(later - pre, 0.0) <= rise * 10 ** (-decay_db / 10)
    return pre, rise, decayed, np.where(decayed, rise, 0.0)


def kick_thump(power: np.ndarray, pre: np.ndarray, i: int, freqs: np.ndarray, hop_s: float, rise: np.ndarray) -> bool:
    """Whether a kick is struck with the snare, clap or hat read at hop ``i`` of ``power`` [shape=(hops, bins)] (``pre``
    the power per bin before it, ``rise`` its new energy per bin): a thump under KICK_UNDER_HZ, where those drums put
    almost nothing, holding ≥ KICK_UNDER_SHARE of the new energy, rising ≥ KICK_UNDER_RISE_DB over that band's level
    before, falling ≥ KICK_UNDER_DROP_DB within 100 ms yet still ≥ KICK_RING_DB over the level before there (a click is
    over at once), gone by ≥ KICK_GONE_DB within 200 ms, and with no harmonic series over it at 100 ms (the band
    KICK_HARMONICS_HZ at most KICK_HARMONICS_DB over the thump's). A bass note struck with the snare has a steady
    fundamental and harmonics that go on after 100 ms: held, its low band sustains; staccato, its harmonics carry more
    than its fundamental while it sounds."""
    course = low_course(power, i, freqs, hop_s, rise, KICK_UNDER_HZ, KICK_UNDER_SHARE)
    if course is None:
        return False
    peak, at_100, at_200 = course
    low = freqs < KICK_UNDER_HZ
    before = 10.0 * np.log10(max(float(pre[low].sum()), 1e-20))
    if peak - before < KICK_UNDER_RISE_DB or peak - at_100 < KICK_UNDER_DROP_DB or at_100 - before < KICK_RING_DB or peak - at_200 < KICK_GONE_DB:
        return False
    step = int(round(0.1 / hop_s))
    later = power[i + step : i + step + 3].mean(axis=0)
    band = (freqs >= KICK_HARMONICS_HZ[0]) & (freqs < KICK_HARMONICS_HZ[1])
    return 10.0 * np.log10(max(float(later[band].sum()), 1e-20) / max(float(later[low].sum()), 1e-20)) <= KICK_HARMONICS_DB


def stroke_under_hat(new: np.ndarray, freqs: np.ndarray) -> bool:
    """Whether a bright percussive part ``new`` (power per bin of ``freqs`` Hz; centroid over HIHAT_CENTROID_HZ) holds a
    stroke under a hi-hat struck with it: ≥ UNDER_HAT_SHARE of it in UNDER_HAT_HZ, where a side stick's woody click and
    a clap's noise lie and a hi-hat alone puts ≤ 0.13 of its (FluidR3's kits, closed, pedal and open; a bright TR-808
    hat with a side stick 0.21–0.26, with a clap 0.45–0.53). :func:`drum_of` names a side stick's (one click,
    :func:`rim_click`) the snare's, by priority; an open hat ringing over a groove's tails may reach the share too."""
    return under_hat_share(new, freqs) >= UNDER_HAT_SHARE


def under_hat_share(new: np.ndarray, freqs: np.ndarray) -> float:
    """The share of a percussive part ``new`` (power per bin of ``freqs`` Hz) in UNDER_HAT_HZ."""
    band = (freqs >= UNDER_HAT_HZ[0]) & (freqs < UNDER_HAT_HZ[1])
    return float(new[band].sum()) / max(float(new.sum()), 1e-30)


def struck_with_own_hat(ctx: Context, i: int, centre: float) -> bool:
    """Whether a flux onset at hop ``i`` that :func:`drum_of` names a hi-hat is a snare (or clap, side stick) struck with
    the clip's hat, by the clip's own hats (:attr:`Context.own_hat_shares`, at least HAT_TEMPLATE_MIN): its percussive
    part holds ≥ HAT_STROKE_RATIO times their lower quartile's share in UNDER_HAT_HZ and ≥ HAT_STROKE_SHARE, where
    that quartile is a bright hat's (≤ HAT_OWN_MAX_SHARE); not inside speech (:func:`is_speech` around ``centre`` s: a
    consonant under a voice's sibilants). A kit's hat puts about the same share of itself there every time it is
    struck, whatever its kind (FluidR3's TR-808 hats 0.001–0.005); a stroke struck with it adds its own noise there,
    however loud the hat over it (a TR-808 snare, electric snare, clap or side stick under a louder hat: 0.018–0.35,
    the onset's spectrum alone a standard kit's lone hat's, 0.05–0.13). A clap under the hat is named snare too (no
    cue found: its part under the hat's band falls as fast as a TR-808 snare's)."""
    shares = ctx.own_hat_shares
    if shares.size < HAT_TEMPLATE_MIN:
        return False
    own = float(np.percentile(shares, 25))
    if own > HAT_OWN_MAX_SHARE:
        return False
    part = percussive_part(ctx.power, i, ctx.hop_s)
    if part is None:
        return False
    share = under_hat_share(part[3], ctx.freqs)
    return share >= HAT_STROKE_SHARE and share >= HAT_STROKE_RATIO * own and not is_speech(ctx, centre)


def hand_clap(power: np.ndarray, decayed: np.ndarray, new: np.ndarray, i: int, freqs: np.ndarray, hop_s: float) -> bool:
    """Whether the stroke at the onset hop ``i`` of ``power`` [shape=(hops, bins)] (``decayed`` its percussive bins,
    ``new`` its percussive part, :func:`percussive_part`) is a hand clap: several claps 10-30 ms apart and their room
    keep the band where a clap's noise lies (the percussive bins in UNDER_HAT_HZ) rising after one stroke's would have
    peaked: its power there peaks ≥ CLAP_PEAK_S after the onset, within CLAP_SPAN_S; and the stroke has no shell body
    (under HAT_BODY_SHARE of its part from SNARE_BODY_HZ[0] to UNDER_HAT_HZ[1] in SNARE_BODY_HZ). A hat struck with the
    clap puts little there, so the course holds under it (FluidR3's TR-808 clap with a closed, open or pedal hat: the
    peak 46-58 ms after the onset, as alone); a snare, electric snare or side stick is one stroke (17-35 ms), a lone hat
    0-29 ms; a bass note struck with it rings on past 100 ms, outside the percussive bins."""
    band = (freqs >= UNDER_HAT_HZ[0]) & (freqs < UNDER_HAT_HZ[1]) & decayed
    span = int(round(CLAP_SPAN_S / hop_s))
    if not band.any() or i + span > power.shape[0]:
        return False
    body = (freqs >= SNARE_BODY_HZ[0]) & (freqs < SNARE_BODY_HZ[1])
    under = (freqs >= SNARE_BODY_HZ[0]) & (freqs < UNDER_HAT_HZ[1])
    if float(new[body].sum()) >= HAT_BODY_SHARE * max(float(new[under].sum()), 1e-30):
        return False
    return int(np.argmax(power[i : i + span, band].sum(axis=1))) >= int(round(CLAP_PEAK_S / hop_s))


def clap_under_own_hat(ctx: Context, i: int) -> bool:
    """Whether the stroke :func:`struck_with_own_hat` found at hop ``i`` is a hand clap (:func:`hand_clap`), not a snare."""
    part = percussive_part(ctx.power, i, ctx.hop_s)
    return part is not None and hand_clap(ctx.power, part[2], part[3], i, ctx.freqs, ctx.hop_s)


def body_under_hat(new: np.ndarray, pre: np.ndarray, rise: np.ndarray, freqs: np.ndarray) -> bool:
    """Whether the stroke under a hat (:func:`stroke_under_hat`) in the percussive part ``new`` (``pre`` the power per bin
    before the onset, ``rise`` its new energy; power per bin of ``freqs`` Hz) has a snare's shell body: the part under the
    hat's band (SNARE_BODY_HZ[0] to UNDER_HAT_HZ[1]) read alone, as :func:`drum_kind` reads a stroke, holds
    ≥ HAT_BODY_SHARE of it in SNARE_BODY_HZ (a body stands out of a flat burst's share), and that band rose ≥ HAT_BODY_RISE_DB over its level before. A hat puts
    its energy above 3 kHz and struck alone rises little there; a TR-808 snare struck with its bright closed hat centres
    over HIHAT_CENTROID_HZ (4.7-4.9 kHz at equal velocities) while its body (172 Hz) holds 0.33 of the part under the
    hat's band (trial 12: read hihat)."""
    body = (freqs >= SNARE_BODY_HZ[0]) & (freqs < SNARE_BODY_HZ[1])
    under = (freqs >= SNARE_BODY_HZ[0]) & (freqs < UNDER_HAT_HZ[1])
    if float(new[body].sum()) < HAT_BODY_SHARE * max(float(new[under].sum()), 1e-30):
        return False
    return 10.0 * np.log10(max(float(rise[body].sum()), 1e-30) / max(float(pre[body].sum()), 1e-30)) >= HAT_BODY_RISE_DB


def soft_burst(new: np.ndarray, rise: np.ndarray, flatness_on: float) -> bool:
    """Whether a percussive part ``new`` (of the new energy ``rise``, power per bin) that does not fill the band densely
    is still a snare's or clap's noise: a soft stroke after a louder hit (a ghost note) rises only in the bins the
    hit's tail leaves room for. ≥ SOFT_BURST_SHARE of the new energy dies within 100 ms and it is noise where it has
    energy (``flatness_on`` ≥ SOFT_BURST_FLATNESS); a plucked note's harmonics ring on."""
    return float(new.sum()) >= SOFT_BURST_SHARE * float(rise.sum()) and flatness_on >= SOFT_BURST_FLATNESS


def wires_burst(new: np.ndarray, rise: np.ndarray, freqs: np.ndarray) -> bool:
    """Whether a percussive part ``new`` (of the new energy ``rise``, power per bin of ``freqs`` Hz) that is not flat over
    the whole band is a snare whose shell rings loud over its wires (FluidR3's power kits): ≥ SOFT_BURST_SHARE of the new
    energy dies within 100 ms, ≥ SHELL_RING_SHARE of it lies in the shell's band (SNARE_BODY_HZ) with its strongest peak
    there, and ≥ SHELL_WIRES_SHARE of it lies in SHELL_WIRES_HZ as noise (flatness ≥ SHELL_WIRES_FLATNESS). A plucked or
    struck note's partials ring on, a pizzicato's body lies above the shell's band, a low noise band's flicker holds
    nothing over 1 kHz. An espeak onset whose voiced burst dies within 100 ms passes (docs/audio.md)."""
    total = float(new.sum())
    if total < SOFT_BURST_SHARE * float(rise.sum()):
        return False
    shell = (freqs >= SNARE_BODY_HZ[0]) & (freqs < SNARE_BODY_HZ[1])
    if float(new[shell].sum()) < SHELL_RING_SHARE * total or not shell[int(np.argmax(new))]:
        return False
    band = (freqs >= SHELL_WIRES_HZ[0]) & (freqs < SHELL_WIRES_HZ[1]) & (new > 0)
    return float(new[band].sum()) >= SHELL_WIRES_SHARE * total and _flatness(new[band]) >= SHELL_WIRES_FLATNESS


def drum_kind(new: np.ndarray, freqs: np.ndarray, centroid_hz: float) -> str:
    """``snare`` or ``clap`` for a noise-like percussive part ``new`` (power per bin of ``freqs`` Hz) under the hi-hat's
    centroid: a snare has a shell body (≥ SNARE_BODY_SHARE of it in SNARE_BODY_HZ) whatever its wires' brightness (a
    power kit's or a TR-808's snare centres at 1.3–4 kHz), or a dark burst (centroid under CLAP_CENTROID_HZ); a clap is
    bursts of mid-high noise with no body."""
    body = float(new[(freqs >= SNARE_BODY_HZ[0]) & (freqs < SNARE_BODY_HZ[1])].sum() / max(float(new.sum()), 1e-30))
    return "snare" if centroid_hz < CLAP_CENTROID_HZ or body >= SNARE_BODY_SHARE else "clap"


def rim_click(power: np.ndarray, pre: np.ndarray, new: np.ndarray, i: int, freqs: np.ndarray, hop_s: float) -> bool:
    """Whether a bright burst without a shell body at hop ``i`` of ``power`` [shape=(hops, bins)] (``pre`` the power
    per bin before it, ``new`` its percussive part) is a side stick: the stick struck across the snare's rim, one click
    (GM note 37, of the snare family). Read in the bins of ``new`` within RIM_HZ over the power before: its level peaks
    within RIM_PEAK_S and falls ≥ RIM_FALL_DB in the RIM_FALL_S after the peak. A hand clap is several claps over
    10–30 ms and a room's ring: its level holds longer."""
    band = (freqs >= RIM_HZ[0]) & (freqs < RIM_HZ[1]) & (new > 0)
    after = int(round(RIM_FALL_S / hop_s))
    reach = 2 + int(round(RIM_PEAK_S / hop_s))
    if not band.any() or i + reach + after > power.shape[0]:
        return False
    course = power[max(i - 2, 0) : i + reach + after, band] - pre[band]
    level = 10.0 * np.log10(np.maximum(np.maximum(course, 0.0).sum(axis=1), 1e-20))
    peak = int(np.argmax(level[: level.size - after]))
    return bool(level[peak] - level[peak + after] >= RIM_FALL_DB)


def boom_kick(power: np.ndarray, i: int, freqs: np.ndarray, hop_s: float, rise: np.ndarray, low_share: float = BOOM_LOW_SHARE) -> bool:
    """Whether the onset at hop ``i`` (``rise`` its new energy per bin) is a boomy kick whose low ring outlasts the
    100 ms of the percussive test (a power kit's kick, a concert bass drum): ≥ ``low_share`` (BOOM_LOW_SHARE; under a
    snare, clap or hat struck with it BOOM_UNDER_SHARE) of the new energy under 150 Hz, the band's level falling
    ≥ BOOM_DROP_DB from its peak within 100 ms, and ≥ BOOM_DROP_LATER_DB within 200 ms or with a beater's noise-like
    click above 150 Hz. A bass note holds its level for its length. A kick struck with a bass note (a band's downbeat):
    the note's fundamental holds in the band, so it falls less by 100 ms (≥ BOOM_HELD_DROP_DB) but ≥ BOOM_HELD_LATER_DB
    by 200 ms, with the beater's click; a held bass note alone falls ≤ 2.9 and ≤ 4.1 dB."""
    course = low_course(power, i, freqs, hop_s, rise, 150.0, low_share)
    if course is None:
        return False
    peak, at_100, at_200 = course
    drop, later = peak - at_100, peak - at_200
    click = _flatness(rise[(freqs >= 150.0) & (freqs < 8000.0)]) >= DRUM_FLATNESS
    return (drop >= BOOM_DROP_DB and (later >= BOOM_DROP_LATER_DB or click)) or (click and drop >= BOOM_HELD_DROP_DB and later >= BOOM_HELD_LATER_DB)


def low_course(power: np.ndarray, i: int, freqs: np.ndarray, hop_s: float, rise: np.ndarray, under_hz: float, share: float) -> tuple[float, float, float] | None:
    """The level (dB) of the band under ``under_hz`` at its peak in the 46 ms from hop ``i`` and at 100 and 200 ms (3
    hops' mean), or None when that band holds under ``share`` of the onset's new energy ``rise`` or the hops run out."""
    low = freqs < under_hz
    total = float(rise.sum())
    if total <= 0 or float(rise[low].sum()) < share * total:
        return None
    step = int(round(0.1 / hop_s))
    if i + 2 * step + 3 > power.shape[0]:
        return None
    level = 10.0 * np.log10(np.maximum(power[i : i + 2 * step + 3, low].sum(axis=1), 1e-20))
    return float(level[:8].max()), float(level[step : step + 3].mean()), float(level[2 * step : 2 * step + 3].mean())


def _flatness(bins: np.ndarray) -> float:
    """Spectral flatness (geometric / arithmetic mean, 0–1) of power ``bins``; 0 when empty."""
    return float(np.exp(np.mean(np.log(bins + 1e-20))) / (np.mean(bins) + 1e-20)) if bins.size else 0.0


@dataclass(frozen=True)
class Context:
    """The fine envelope around a frame: one row per hop (``hop_s`` seconds), times in seconds.

    ``power`` [shape=(hops, bins)] power spectra (``freqs`` Hz), ``level_db``
    hop level (dBFS), ``flux`` spectral flux (dB per hop), ``flatness`` (0–1)
    and ``centroid_hz`` per hop, ``onsets`` indices of onset hops, ``changes`` of pitch changes (:func:`pitch_changes`),
    ``class_starts`` of notes whose pitch class takes the lead (:func:`pitch_class_starts`).
    """

    t: np.ndarray
    power: np.ndarray
    freqs: np.ndarray
    level_db: np.ndarray
    flux: np.ndarray
    flatness: np.ndarray
    centroid_hz: np.ndarray
    onsets: np.ndarray
    hop_s: float
    changes: np.ndarray = field(default_factory=lambda: np.zeros(0, int))
    class_starts: np.ndarray = field(default_factory=lambda: np.zeros(0, int))  # :func:`pitch_class_starts`
    # The streaming analyser's memo of :func:`drum_of` across its contexts (see :meth:`drum_at`): absolute hop → drum,
    # ``hop_base`` the absolute index of this context's first hop. None: no memo.
    drum_memo: dict[int, str | None] | None = field(default=None, compare=False, repr=False)
    hop_base: int = 0
    slice_db: np.ndarray = field(default_factory=lambda: np.zeros(0))  # level (dB) of each hop's own ENVELOPE_HOP samples (5.8 ms, not the 46 ms window): :func:`click_hops`

    def index(self, t: float) -> int:
        # A plain clamp: np.clip on one number costs ~0.1 ms through NumPy's dispatch, and this runs ~8 times a frame.
        return min(int(np.searchsorted(self.t, t)), max(self.t.size - 1, 0))

    def drum_at(self, i: int) -> str | None:
        """:func:`drum_of` the hops of this context at hop ``i``. The analyser builds a new context for every batch of
        frames over the same hops: when every hop drum_of reads (:func:`drum_reach`) lies inside this one, the drum is
        the same in every context holding them, and is read once (memo by absolute hop)."""
        memo = self.drum_memo
        if memo is None or i < DRUM_BEFORE_HOPS or i + drum_reach(self.hop_s) > self.power.shape[0]:
            return drum_of(self.power, self.level_db, i, self.freqs, self.hop_s)
        key = self.hop_base + i
        if key not in memo:
            memo[key] = drum_of(self.power, self.level_db, i, self.freqs, self.hop_s)
        return memo[key]

    @cached_property
    def pitch_starts(self) -> np.ndarray:
        """[shape=(steps, 2)] hop and pitch (semitones) where the lowest strong partial settles on a new pitch (:func:`pitch_steps`)."""
        return pitch_steps(self.power, self.freqs, self.level_db, self.hop_s)

    @cached_property
    def note_votes(self) -> dict[tuple[int, int, bool], bool]:
        """Memo of :func:`line_decays`: (note start hop, next start hop, near-pure partial) → whether the note dies away."""
        return {}

    @cached_property
    def clicks(self) -> np.ndarray:
        """[shape=(hops,)] Whether an onset at each hop is a lone click, no drum (:func:`click_hops`; all False without
        ``slice_db``)."""
        return click_hops(self.slice_db) if self.slice_db.size == self.t.size else np.zeros(self.t.size, bool)

    def no_clicks(self, hops: np.ndarray) -> np.ndarray:
        """``hops`` (onset indices) without the lone clicks (:attr:`clicks`)."""
        return hops[~self.clicks[hops]] if hops.size else hops

    @cached_property
    def hit_onsets(self) -> np.ndarray:
        """The onsets a drum hit is read at (:func:`frame_primitive`): :attr:`onsets` and the flux peaks that stand
        ONSET_MIN_FLUX_DB over the flux's local median rather than its mean (:func:`onsets`). Sixteenth hats 90 ms apart
        (166 BPM) lift the local mean by their own peaks, so a room kit's hat, whose flux peaks 2.5-3 dB, stands under it.
        Those peaks are read only as hats that keep a dense groove's time (:func:`hat_run`); a note's onsets keep the
        mean's test (a reed's wobbling level would start notes)."""
        return np.union1d(self.onsets, onsets(self.flux, self.hop_s, median=True)).astype(int)

    @cached_property
    def groove_hats(self) -> np.ndarray:
        """Hi-hats struck over a band in a dense groove (:func:`groove_hats`)."""
        return self.no_clicks(groove_hats(self))

    @cached_property
    def band_onsets(self) -> np.ndarray:
        """Hits that stand out of a bed band by band (:func:`band_onsets`)."""
        return band_onsets(self.power, self.freqs, self.hop_s)

    @cached_property
    def high_onsets(self) -> np.ndarray:
        """Hi-hat onsets: the bands from HIGH_ONSET_HZ up rising on their own (:func:`high_onsets`), lone clicks left out."""
        return self.no_clicks(high_onsets(self.power, self.freqs, self.hop_s, self.high_level))

    @cached_property
    def stroke_onsets(self) -> np.ndarray:
        """The flux onsets and :attr:`hat_onsets` together: where a stroke under a hat's rise may have been struck
        (:func:`over_stroke`)."""
        return np.union1d(self.onsets, self.hat_onsets)

    @cached_property
    def hat_onsets(self) -> np.ndarray:
        """Hi-hat onsets read over a dying tail too (:func:`high_onsets` with ``over_tail``: a sixteenth hat a step after
        a snare), lone clicks left out: only :func:`high_hihat` reads them, as hats."""
        return self.no_clicks(high_onsets(self.power, self.freqs, self.hop_s, self.high_level, over_tail=True))

    @cached_property
    def high_level(self) -> np.ndarray | None:
        """Mean level (dB) per hop of the mel bands from HIGH_ONSET_HZ up (:func:`_high_level`)."""
        return _high_level(self.power, self.freqs)

    @cached_property
    def bed_high_onsets(self) -> np.ndarray:
        """Hi-hat onsets over a noise bed: the high bands rising over the bed's own scatter (:func:`bed_high_onsets`)."""
        return self.no_clicks(bed_high_onsets(self.power, self.freqs, self.hop_s, self.high_level, judged=self.high_onsets))

    @cached_property
    def sure_onsets(self) -> np.ndarray:
        """Hops of every onset found (flux, band, high-band, over a bed's scatter): the groove's grid (:func:`on_grid`)."""
        return np.unique(np.concatenate([self.onsets, self.band_onsets, self.high_onsets, self.bed_high_onsets]).astype(int))

    @cached_property
    def bed_band_onsets(self) -> dict[str, np.ndarray]:
        """Per drum of BED_BANDS_HZ: onsets of its bands over a bed (:func:`bed_high_onsets` on :func:`band_level`)."""
        onsets = {drum: bed_high_onsets(self.power, self.freqs, self.hop_s, level, defer=False) if level is not None else np.zeros(0, int) for drum, level in self.band_levels.items()}
        return {drum: hops if drum == "kick" else self.no_clicks(hops) for drum, hops in onsets.items()}  # a kick's low body may sit under a bed in the slices: not judged

    @cached_property
    def snare_onsets(self) -> np.ndarray:
        """Onsets of the snare's bands (BED_BANDS_HZ) rising on their own, as a hi-hat's do (:func:`high_onsets`)."""
        level = self.band_levels["snare"]
        return self.no_clicks(high_onsets(self.power, self.freqs, self.hop_s, level)) if level is not None else np.zeros(0, int)

    @cached_property
    def ghost_cues(self) -> tuple[np.ndarray, np.ndarray] | None:
        """Per hop: the rise (dB) of the snare's bands and the correlation of its new energy's shape with the clip's
        own snares' (:func:`ghost_cues`), or None."""
        return ghost_cues(self)

    @cached_property
    def own_hat_shares(self) -> np.ndarray:
        """The share in UNDER_HAT_HZ (:func:`under_hat_share`) of the percussive part of every flux onset that
        :func:`drum_of` names a hi-hat (lone clicks and onsets too near the context's ends left out): the clip's own
        hats, for :func:`struck_with_own_hat`."""
        n = self.power.shape[0]
        out = []
        for k in self.onsets:
            k = int(k)
            if k < DRUM_BEFORE_HOPS or k + drum_reach(self.hop_s) > n or self.clicks[k] or self.drum_at(k) != "hihat":
                continue
            part = percussive_part(self.power, k, self.hop_s)
            if part is not None:
                out.append(under_hat_share(part[3], self.freqs))
        return np.asarray(out, dtype=float)

    @cached_property
    def hat_cues(self) -> tuple[np.ndarray, np.ndarray] | None:
        """Per hop: the rise (dB) of the hat's bands and the correlation of its new energy's shape with the clip's own
        hats' (:func:`hat_cues`), or None."""
        return hat_cues(self)

    @cached_property
    def band_levels(self) -> dict[str, np.ndarray | None]:
        """Per drum of BED_BANDS_HZ: the mean level (dB) per hop of its mel bands (:func:`band_level`)."""
        return {drum: band_level(self.power, self.freqs, *band) for drum, band in BED_BANDS_HZ.items()}

    @cached_property
    def note_onsets(self) -> np.ndarray:
        """The onsets that start a note: the level rises there (:func:`rising_onsets`)."""
        return rising_onsets(self.level_db, self.onsets, self.hop_s)

    @cached_property
    def note_starts(self) -> np.ndarray:
        """Hops that start a note: :attr:`note_onsets`, and the pitch changes and class starts across which the pitch
        does not hold (:func:`moving_starts`)."""
        return moving_starts(self)


def pitch_steps(power: np.ndarray, freqs: np.ndarray, level_db: np.ndarray, hop_s: float) -> np.ndarray:
    """[shape=(steps, 2)] hop index and pitch (semitones from A4) where a new note's pitch starts, read from the lowest strong partial of each hop's power spectrum
    (``power`` [shape=(hops, bins)], ``freqs`` Hz, ``level_db`` per hop): the audible hops (within 30 dB of the
    loudest) are cut into runs that stay within STEP_TOLERANCE semitones of where they began; a run held
    ≥ PITCH_HOLD_S that lies ≥ PITCH_MOVE_SEMITONES from the held run before it starts a note, unless the jump is
    a harmonic interval (the partial read moving from one harmonic of the same note to another).
    Catches the notes of a legato line whose onsets and pitch-class profile (:func:`pitch_changes`) barely move.
    """
    if power.shape[0] < 3:
        return np.zeros((0, 2))
    # The lowest peak within STEP_PEAK_DB of the strongest: the fundamental, steadier than the strongest partial.
    p = power[:, 2:-1]
    peak = (p >= power[:, 1:-2]) & (p >= power[:, 3:]) & (p >= STEP_PEAK_SHARE * p.max(axis=1, keepdims=True))
    k = np.argmax(peak, axis=1) + 2
    semis = 12 * np.log2(freqs[k] / 440.0)
    audible = level_db > level_db.max() - 30.0
    hold = max(int(PITCH_HOLD_S / hop_s), 1)
    out, held, start, ref = [], None, None, 0.0
    for i in range(semis.size + 1):
        if i < semis.size and audible[i] and start is not None and abs(semis[i] - ref) <= STEP_TOLERANCE:
            continue
        if start is not None and i - start >= hold:  # the run [start, i) held a pitch
            pitch = float(np.median(semis[start:i]))
            jump = abs(pitch - held) if held is not None else 0.0
            if held is not None and jump >= PITCH_MOVE_SEMITONES and min(abs(jump - h) for h in HARMONIC_SEMITONES) > STEP_TOLERANCE:
                out.append((start, pitch))
            held = pitch
        start, ref = (i, float(semis[i])) if i < semis.size and audible[i] else (None, 0.0)
    return np.asarray(out, dtype=float).reshape(-1, 2)


def rising_onsets(level_db: np.ndarray, onset_hops: np.ndarray, hop_s: float) -> np.ndarray:
    """The onsets (hop indices) after which the level (dB per hop) rises ≥ NOTE_RISE_DB above its lowest in the
    NOTE_RISE_S before: a struck, plucked or tongued note. A spectral-flux peak while a note rings on (a vibraphone's
    tremolo, a sample's loop, noise in its quiet bands) starts nothing."""
    w = max(int(NOTE_RISE_S / hop_s), 1)
    keep = [i for i in onset_hops if level_db[i : i + w + 1].max() - level_db[max(i - w // 2, 0) : i + 1].min() >= NOTE_RISE_DB]
    return np.asarray(keep, dtype=int)


@dataclass(frozen=True)
class NoteShape:
    """The note under a frame: ``attack_s`` onset → peak (None without an onset in the context),
    ``decay_db_s`` level change per second in its later part (negative when it decays), ``onset_i`` its onset hop,
    ``fall_db_s`` level change per second over the DECAY_SPAN_S after the peak (attack transients included)."""

    attack_s: float | None
    decay_db_s: float
    onset_i: int | None
    fall_db_s: float = 0.0
    brighten_oct_s: float = (
        0.0  # spectral centroid change (octaves per second) where decay_db_s is read, or over the same part of the body while within BRIGHTEN_SPAN_DB of its maximum, whichever is smaller
    )
    drop_db: float = 0.0  # level at the end of the note's body minus its maximum over the body (dB; negative when it lost level)
    late_db_s: float | None = None  # level change per second after DECAY_SPAN_S, when the note holds ≥ LATE_SPAN_S more
    cut_db: float = 0.0  # deepest fall within CUT_OFF_S inside the body, before a next note start (:func:`cut_off`)
    pre_cut_db_s: float = 0.0  # level slope (dB/s) from the peak to where that fall starts (0 when shorter than CUT_PRE_S)
    cut_after_s: float = 0.0  # time (s) from the onset to where that fall starts
    step_s: float = 0.0  # time (s) from the onset to where the level comes back after the cut (:func:`level_back_s`; 0 if never or no cut)


def note_shape(ctx: Context, t: float, onset_hops: np.ndarray | None = None) -> NoteShape:
    """Attack and decay of the note sounding at ``t`` s: from its onset (the last one before ``t``) to the next
    onset or pitch change (:func:`pitch_changes`).

    The decay is the slope of the level over the later part of the note: from a third of the way
    between its peak and its end on, the end being HOLD_SHARE of the way to the next onset (the gap
    before a note is re-struck holds its release, not its body) or DECAY_SPAN_S after the peak.
    Measured there, a sustained note with a struck or chiffed start holds (≈ 0 dB/s) and a plucked
    note keeps falling, however short the notes. Its drop is the level at the body's end under the body's maximum
    (:data:`PLUCK_DROP_DB`). ``onset_hops``: the onsets that start notes (default all of
    ``ctx.onsets``; a line's notes are read from :attr:`Context.note_onsets`).
    """
    i = ctx.index(t)
    starts = ctx.onsets if onset_hops is None else onset_hops
    before = starts[starts <= i]
    # The note ends at the next onset or, in a legato line, where the pitch changes.
    after = np.union1d(starts, ctx.changes)
    after = after[after > i]
    on = int(before[-1]) if before.size else None
    end = int(after[0]) if after.size else ctx.t.size
    start = on if on is not None else 0
    seg = ctx.level_db[start:end]
    if seg.size < 3:
        return NoteShape(None if on is None else 0.0, 0.0, on)
    head = seg[: max(int(1.5 / ctx.hop_s), 1)]
    # The attack ends when the level first comes within 3 dB of the note's peak (a swell keeps rising, a strike is there at once).
    peak = start + int(np.argmax(head >= head.max() - 3.0))
    stop = peak + int(HOLD_SHARE * (end - peak)) if after.size else end
    body = slice(peak, min(stop, peak + max(int(DECAY_SPAN_S / ctx.hop_s), 3)))
    tail = ctx.level_db[body]
    bright = np.log2(np.maximum(ctx.centroid_hz[body], 1.0))
    loud = bright[: int(np.argmin(tail >= tail.max() - BRIGHTEN_SPAN_DB)) or tail.size] if tail.size else bright  # the body until 20 dB down
    fall = ctx.level_db[peak:end][: max(int(DECAY_SPAN_S / ctx.hop_s), 3)]
    late = ctx.level_db[body.stop : stop]  # a long note's body after DECAY_SPAN_S: a sustained sample levels off there
    cut_db, pre_cut_db_s, cut_i = cut_off(ctx.level_db, peak, stop, ctx.hop_s) if after.size else (0.0, 0.0, peak)
    back_s = level_back_s(ctx.level_db[cut_i:], float(ctx.level_db[peak]), ctx.hop_s) if cut_db >= CUT_OFF_DB else 0.0
    back_s = back_s + (cut_i - start) * ctx.hop_s if back_s > 0.0 else 0.0
    return NoteShape(
        None if on is None else (peak - on) * ctx.hop_s,
        _slope_db_s(tail[tail.size // 3 :], ctx.hop_s),
        on,
        _slope_db_s(fall, ctx.hop_s),
        min(_slope_db_s(bright[bright.size // 3 :], ctx.hop_s), _slope_db_s(loud[loud.size // 3 :], ctx.hop_s)),
        float(tail[-1] - tail.max()) if tail.size else 0.0,
        _slope_db_s(late, ctx.hop_s) if late.size * ctx.hop_s >= LATE_SPAN_S else None,
        cut_db,
        pre_cut_db_s,
        (cut_i - start) * ctx.hop_s,
        back_s,
    )


def note_decays(shape: NoteShape, partial: bool) -> bool:
    """Whether a note dies away like a pluck: struck (attack < PAD_ATTACK_S), falling ≥ PLUCK_DECAY_DB_S dB/s over
    its later part and ending its body ≥ PLUCK_DROP_DB below its peak (or, a string's two-stage decay, losing
    ≥ PLUCK_DEEP_DROP_DB at once and then still falling, however slowly), still falling ≥ PLUCK_LATE_DB_S later on in a
    long note (a sustained sample's attack decays to a level it then holds; a string's decay goes on), without brightening (``partial``: a mallet's
    near-pure partial, which has no upper partials to lose, is exempt from that), and not cut off: a fall of
    ≥ CUT_OFF_DB within CUT_OFF_S inside its body is a sustained note released (staccato), not one dying away (:func:`cut_off_db`)."""
    soft = shape.attack_s is None or shape.attack_s >= PAD_ATTACK_S
    darkens = partial or shape.brighten_oct_s <= PLUCK_BRIGHTEN_OCT_S
    keeps_falling = shape.late_db_s is None or shape.late_db_s <= -PLUCK_LATE_DB_S
    falls = (shape.decay_db_s <= -PLUCK_DECAY_DB_S and shape.drop_db <= -PLUCK_DROP_DB) or (shape.decay_db_s < 0 and shape.drop_db <= -PLUCK_DEEP_DROP_DB)
    # released, not dying away: a staccato note of an instrument that sustains (a damped pluck was falling before, or
    # was damped at once: its body is then the room's reverb, whose brightness says nothing of the string)
    damped = shape.cut_db >= CUT_OFF_DB and damped_at_once(shape)
    cut = shape.cut_db >= CUT_OFF_DB and shape.pre_cut_db_s > -PLUCK_DECAY_DB_S and not damped
    return falls and keeps_falling and not soft and (darkens or damped) and not cut


def level_back_s(level_db: np.ndarray, peak_db: float, hop_s: float) -> float:
    """Time (s) from the first of ``level_db`` (dB per hop of ``hop_s`` s, from where a note was cut off) to where the level
    comes back within BACK_DB of the note's peak ``peak_db``, after it first fell below that (the next note); 0 when it
    never does. Onsets and pitch cues are no measure of a step here: a muted string's release thump and its reverb's
    flicker start "notes" that are 30 dB down."""
    low = np.flatnonzero(level_db < peak_db - BACK_DB)
    if not low.size:
        return 0.0
    back = np.flatnonzero(level_db[low[0] :] >= peak_db - BACK_DB)
    return float(low[0] + back[0]) * hop_s if back.size else 0.0


def damped_at_once(shape: NoteShape) -> bool:
    """Whether a cut-off note (:attr:`NoteShape.cut_db`) was a struck string damped at once (issue 11c, session 9): its
    fall starts within DAMPED_SOUND_S of its onset although the next note starts DAMPED_STEP_S or more after it. A muted
    guitar's note dies within its first 30 ms however long the key is held; a staccato note of an instrument that
    sustains sounds for a share of its step (a melody's steps are ≤ 0.25 s, a staccato lead's notes sound ≥ 0.2 s)."""
    return shape.step_s >= DAMPED_STEP_S and shape.cut_after_s <= DAMPED_SOUND_S


def line_decays(ctx: Context, t: float, partial: bool, own: bool) -> bool:
    """Whether the line around ``t`` s is one of notes that die away: most of its notes within
    [t − LINE_BEFORE_S, t + LINE_AFTER_S] (:func:`note_decays`, each read at the middle of its span between
    note starts). One note read wrong (a breath, a re-bowed swell) does not change what the line is; ``own``
    (the frame's own note) decides with fewer than LINE_VOTE_NOTES notes."""
    lo, hi = ctx.index(t - LINE_BEFORE_S), ctx.index(t + LINE_AFTER_S)
    starts = np.union1d(ctx.note_onsets, ctx.changes)
    starts = starts[(starts >= lo) & (starts < hi)]
    if starts.size >= 2:
        starts = starts[np.concatenate([[True], np.diff(starts) >= NOTE_MIN_S / ctx.hop_s])]
    if starts.size < LINE_VOTE_NOTES + 1:
        return own
    votes = []
    for a, b in zip(starts[:-1], starts[1:]):  # a note's vote is the same for every frame of the batch that counts it
        key = (int(a), int(b), partial)
        if key not in ctx.note_votes:
            ctx.note_votes[key] = note_decays(note_shape(ctx, float(ctx.t[(a + b) // 2]), ctx.note_onsets), partial)
        votes.append(ctx.note_votes[key])
    return 2 * sum(votes) > len(votes)


def _note_body(ctx: Context, t: float, onset_hops: np.ndarray | None = None) -> tuple[int, int] | None:
    """The hops ``(peak, stop)`` of the body of the note sounding at ``t`` s, as :func:`note_level_course` reads it;
    None for a note under three hops."""
    i = ctx.index(t)
    starts = ctx.onsets if onset_hops is None else onset_hops
    before = starts[starts <= i]
    after = np.union1d(starts, ctx.changes)
    after = after[after > i]
    start = int(before[-1]) if before.size else 0
    end = int(after[0]) if after.size else ctx.t.size
    seg = ctx.level_db[start:end]
    if seg.size < 3:
        return None
    head = seg[: max(int(1.5 / ctx.hop_s), 1)]
    peak = start + int(np.argmax(head >= head.max() - 3.0))
    gone = np.flatnonzero(ctx.level_db[peak:end] < head.max() - NOTE_GONE_DB)
    if gone.size:  # released: the last note of a phrase ends where it has died away
        end = peak + int(gone[0])
    return peak, peak + int(HOLD_SHARE * (end - peak))


def darkening_db_s(ctx: Context, t: float, onset_hops: np.ndarray | None = None) -> float:
    """How much faster (dB/s) the note's upper band (DARK_HIGH_HZ) falls than its lower band (DARK_LOW_HZ) over its
    body (:func:`_note_body`): negative when it darkens as a struck string or bar does (its upper partials die
    first), about 0 or positive for a held organ or reed chord whose partials keep their balance."""
    body = _note_body(ctx, t, onset_hops)
    if body is None or body[1] - body[0] < 3:
        return 0.0
    power = ctx.power[body[0] : body[1]]
    low = (ctx.freqs >= DARK_LOW_HZ[0]) & (ctx.freqs < DARK_LOW_HZ[1])
    high = (ctx.freqs >= DARK_HIGH_HZ[0]) & (ctx.freqs < DARK_HIGH_HZ[1])
    low_db = 10.0 * np.log10(power[:, low].sum(axis=1) + 1e-12)
    high_db = 10.0 * np.log10(power[:, high].sum(axis=1) + 1e-12)
    return _slope_db_s(high_db, ctx.hop_s) - _slope_db_s(low_db, ctx.hop_s)


def note_level_course(ctx: Context, t: float, onset_hops: np.ndarray | None = None) -> tuple[float, float]:
    """How the level of the note sounding at ``t`` s runs over all of it the context holds: ``(fall_db_s,
    wobble_db)``, from its peak (as in :func:`note_shape`) to HOLD_SHARE of the way to its end: the next onset or
    pitch change, where its level has fallen NOTE_GONE_DB under its peak, or the end of the context.

    ``fall_db_s`` the level's slope (dB/s, negative when it falls): a struck chord keeps dying away over its
    whole length, even an electric piano whose first half second barely falls; a chord held on an organ or by
    a section holds its level. ``wobble_db`` the spread (standard deviation, dB) of the level, smoothed over
    WOBBLE_SMOOTH_S, around its smooth (quadratic) course, over at least WOBBLE_MIN_S of note (0 when shorter):
    a struck string or bar dies away smoothly, a pad's detuned voices and LFOs make its level move
    (a bell struck at the start of a pad included). ``onset_hops``: the onsets that start notes (default all of
    ``ctx.onsets``; :attr:`Context.note_onsets` for notes ringing through onsets that struck nothing, :func:`ringing_start`).
    """
    span = _note_body(ctx, t, onset_hops)
    if span is None:
        return 0.0, 0.0
    body = ctx.level_db[span[0] : span[1]]
    k = max(int(WOBBLE_SMOOTH_S / ctx.hop_s), 1)
    wobble = 0.0
    if body.size * ctx.hop_s >= WOBBLE_MIN_S and body.size > 3 * k:
        smooth = np.convolve(body, np.ones(k) / k, mode="valid")
        x = np.arange(smooth.size, dtype=float)
        wobble = float(np.std(smooth - np.polyval(np.polyfit(x, smooth, 2), x)))
    return _slope_db_s(body, ctx.hop_s), wobble


def _slope_db_s(level_db: np.ndarray, hop_s: float) -> float:
    """Least-squares slope (dB/s) of levels one hop (``hop_s`` s) apart; 0 for fewer than three."""
    if level_db.size < 3:
        return 0.0
    x = np.arange(level_db.size) - (level_db.size - 1) / 2.0
    return float((x * (level_db - level_db.mean())).sum() / (x * x).sum() / hop_s)


@lru_cache(maxsize=4)
def pitch_classes(n_bins: int, bin_hz: float) -> np.ndarray:
    """[shape=(12, n_bins)] 0/1 matrix summing a power spectrum's bins between CHROMA_HZ into their pitch classes."""
    freqs = np.arange(n_bins) * bin_hz
    inside = np.flatnonzero((freqs >= CHROMA_HZ[0]) & (freqs <= CHROMA_HZ[1]))
    out = np.zeros((12, n_bins))
    out[np.round(12 * np.log2(freqs[inside] / 440.0)).astype(int) % 12, inside] = 1.0
    return out


def pitch_changes(chroma: np.ndarray, level_db: np.ndarray, hop_s: float) -> np.ndarray:
    """Hops where the pitch content changes: a new note, even without an onset (legato, bowed, blown).

    ``chroma`` [shape=(hops, 12)] each hop's power spectrum summed into pitch classes (``power @
    pitch_classes(...).T``), ``level_db`` [shape=(hops,)] as in :class:`Context`. The
    pitch-class profile of the CHANGE_HOPS hops after a hop is compared with that of the
    CHANGE_HOPS before (cosine); a change is a peak of that distance ≥ CHANGE_DISTANCE among the
    audible hops (within 30 dB of the loudest), at least NOTE_MIN_S apart. Averaging a few hops on
    each side keeps a tremolo or a filter sweep within a note from counting.
    """
    n = CHANGE_HOPS
    if chroma.shape[0] < 2 * n + 3:
        return np.zeros(0, int)
    cum = np.concatenate([np.zeros((1, 12)), np.cumsum(chroma, axis=0, dtype=np.float64)])
    i = np.arange(n, chroma.shape[0] - n)
    before, after = cum[i] - cum[i - n], cum[i + n] - cum[i]
    cos = (before * after).sum(axis=1) / np.maximum(np.linalg.norm(before, axis=1) * np.linalg.norm(after, axis=1), 1e-30)
    distance = np.where(level_db[i] > level_db.max() - 30.0, 1.0 - cos, 0.0)
    peaks, _ = find_peaks(distance, height=CHANGE_DISTANCE, distance=max(int(NOTE_MIN_S / hop_s), 1))
    return peaks + n


def pitch_class_starts(chroma: np.ndarray, level_db: np.ndarray, hop_s: float) -> np.ndarray:
    """Hops where a new note takes over a line: the leading pitch class (the strongest of the profile summed over
    CLASS_HOLD_S) led the two spans before the hop, another class leads the two spans after it, and that class rose
    ≥ CLASS_RISE_DB from the span before to the span after, having been ≥ CLASS_UNDER_DB under the held class in the
    span before; audible hops only (within 30 dB of the loudest), peaks of
    that rise at least NOTE_MIN_S apart. ``chroma`` [shape=(hops, 12)] and ``level_db`` as in :func:`pitch_changes`.

    An onset cue per pitch, not per level: the notes of a soft, legato or reverberant line that overlap, or that a
    slow bow or breath fades into, start no level onset, and the last note ringing on keeps the profile's cosine
    distance (:func:`pitch_changes`) low; the new note still leads its pitch class. Held over two spans each side,
    a flicker of the profile inside a held note (beating voices, a filter's sweep) starts nothing.
    """
    n = max(int(round(CLASS_HOLD_S / hop_s)), 1)
    if chroma.shape[0] < 4 * n + 3:
        return np.zeros(0, int)
    cum = np.concatenate([np.zeros((1, 12)), np.cumsum(chroma, axis=0, dtype=np.float64)])
    i = np.arange(2 * n, chroma.shape[0] - 2 * n)
    b1, b2, a1, a2 = (cum[i + k + n] - cum[i + k] for k in (-2 * n, -n, 0, n))
    lead, held = a1.argmax(axis=1), b2.argmax(axis=1)
    takes_over = (lead != held) & (a2.argmax(axis=1) == lead) & (b1.argmax(axis=1) == held) & (level_db[i] > level_db.max() - 30.0)
    k = np.arange(i.size)
    rise_db = 10.0 * np.log10(np.maximum(a1[k, lead], 1e-30) / np.maximum(b2[k, lead], 1e-30))
    peaks, _ = find_peaks(np.where(takes_over, rise_db, 0.0), height=CLASS_RISE_DB, distance=max(int(NOTE_MIN_S / hop_s), 1))
    # A class that was already within CLASS_UNDER_DB of the held one is the held note's own partial coming up (the
    # beating voices of a detuned lead), not a new note.
    under_db = 10.0 * np.log10(np.maximum(b2[peaks, held[peaks]], 1e-30) / np.maximum(b2[peaks, lead[peaks]], 1e-30))
    return peaks[under_db >= CLASS_UNDER_DB] + 2 * n


def note_length_s(ctx: Context, t: float, before_s: float = LINE_BEFORE_S, after_s: float = LINE_AFTER_S) -> float | None:
    """How long the notes around ``t`` last (s): the median time between note starts (onsets, pitch
    changes, :func:`pitch_changes`, and pitch classes taking the lead, :func:`pitch_class_starts`, merged when closer than NOTE_MIN_S; where those are fewer than two, with the
    line's pitch steps, :func:`line_steps`) within [t − ``before_s``, t + ``after_s``]; None with fewer than two
    there (notes as long as the span, or one held note)."""
    lo, hi = ctx.index(t - before_s), ctx.index(t + after_s)
    by_steps = line_steps(ctx.pitch_starts, lo, hi)
    struck = ctx.note_starts
    for starts in (struck, np.union1d(struck, by_steps)):
        starts = starts[(starts >= lo) & (starts < hi)]
        if starts.size >= 2:
            starts = starts[np.concatenate([[True], np.diff(starts) >= NOTE_MIN_S / ctx.hop_s])]
        if starts.size >= 2:
            return float(np.median(np.diff(starts)) * ctx.hop_s)
    return None


def short_notes(ctx: Context, t: float) -> bool:
    """Whether the notes around ``t`` start one after another at less than MELODY_NOTE_S: at least SHORT_LINE_STARTS
    note starts (:attr:`Context.note_starts`, merged when closer than NOTE_MIN_S) within [t − LINE_BEFORE_S,
    t + LINE_AFTER_S], their median interval under MELODY_NOTE_S. A line of short notes starts a note every step; a
    pad's chord change starts one or two close together (:func:`note_length_s` then reads their gap or the pitch steps)."""
    lo, hi = ctx.index(t - LINE_BEFORE_S), ctx.index(t + LINE_AFTER_S)
    starts = ctx.note_starts[(ctx.note_starts >= lo) & (ctx.note_starts < hi)]
    if starts.size >= 2:
        starts = starts[np.concatenate([[True], np.diff(starts) >= NOTE_MIN_S / ctx.hop_s])]
    return bool(starts.size >= SHORT_LINE_STARTS and np.median(np.diff(starts)) * ctx.hop_s < MELODY_NOTE_S)


def moving_starts(ctx: Context) -> np.ndarray:
    """The note starts of :func:`note_length_s`: the onsets where the level rises (:attr:`Context.note_onsets`), and the
    pitch changes (:func:`pitch_changes`) and class starts (:func:`pitch_class_starts`) across which the pitch does not
    hold (:func:`~aspects.measure.harmony.pitch_held_across`; issue 11c): a held note's leading pitch class may change
    without a new note."""
    cues = np.setdiff1d(np.union1d(ctx.changes, ctx.class_starts), ctx.note_onsets)
    moved = [int(i) for i in cues if not pitch_held_across(ctx.power, ctx.freqs, ctx.level_db, int(i), ctx.hop_s)]
    return np.union1d(ctx.note_onsets, np.asarray(moved, dtype=int)).astype(int)


def line_steps(pitch_starts: np.ndarray, lo: int, hi: int) -> np.ndarray:
    """The hops of the pitch steps (``pitch_starts`` [shape=(steps, 2)] hop and semitones, :func:`pitch_steps`) in
    [``lo``, ``hi``) that start a line's notes: steps that visit LINE_PITCHES pitches or more, or that never return to a
    pitch held before within the span (the pitch before the first one included): a line moving on, even one of
    notes so long (up to HELD_NOTE_S) that the span holds only one or two of its steps. A wobble between two pitches
    (a pad's chorus, a trill) returns and starts nothing."""
    inside = (pitch_starts[:, 0] >= lo) & (pitch_starts[:, 0] < hi)
    steps = pitch_starts[inside]
    if steps.size == 0:
        return np.zeros(0, int)
    first = int(np.argmax(inside))
    visited = np.round(pitch_starts[max(first - 1, 0) : first + steps.shape[0], 1])
    if np.unique(np.round(steps[:, 1])).size >= LINE_PITCHES or np.unique(visited).size == visited.size:
        return steps[:, 0].astype(int)
    return np.zeros(0, int)


def pitch_moves(ctx: Context, t: float, before_s: float = 0.6, after_s: float = 0.6) -> bool:
    """Whether the strongest pitch changes by ≥ PITCH_MOVE_SEMITONES within [t − ``before_s``, t + ``after_s``] (audible hops only)."""
    lo, hi = ctx.index(t - before_s), ctx.index(t + after_s) + 1
    audible = ctx.level_db[lo:hi] > ctx.level_db[lo:hi].max() - 20.0
    power = ctx.power[lo:hi][audible]
    if power.shape[0] < 4:
        return False
    k = np.argmax(power[:, 2:], axis=1) + 2
    semis = 12 * np.log2(ctx.freqs[k] / 440.0)
    counts = np.unique(np.round(semis), return_counts=True)
    stable = counts[0][counts[1] * ctx.hop_s >= min(PITCH_HOLD_S, 0.15 * semis.size * ctx.hop_s)]  # held by a note, not passed through
    return bool(stable.size >= 2 and np.ptp(stable) >= PITCH_MOVE_SEMITONES)


def is_speech(ctx: Context, t: float, before_s: float = SPEECH_BEFORE_S, after_s: float = SPEECH_AFTER_S) -> bool:
    """Syllables around ``t``: mostly voiced (harmonic) sound in loudness bursts at 2.5–9 a second whose
    strongest partial keeps jumping (formants move with every vowel; an instrument's note holds it).

    Measured on the audible hops (within 25 dB of the loudest) of [t − ``before_s``, t + ``after_s``].
    """
    lo, hi = ctx.index(t - before_s), ctx.index(t + after_s) + 1
    level = ctx.level_db[lo:hi]
    if level.size < 10:
        return False
    bursts = _bursts(level, ctx.hop_s)
    rate = bursts.size / (level.size * ctx.hop_s)
    if not SPEECH_RATE[0] <= rate <= SPEECH_RATE[1]:
        return False
    audible = level > level.max() - 25.0
    if audible.sum() < 10 or (ctx.flatness[lo:hi][audible] < VOICED_FLATNESS).mean() < SPEECH_VOICED_SHARE:
        return False
    strongest = np.argmax(ctx.power[lo:hi, 2:][audible], axis=1)
    run_s = audible.sum() * ctx.hop_s / (np.count_nonzero(np.abs(np.diff(strongest)) > 1) + 1)
    return bool(run_s < SPEECH_PARTIAL_RUN_S)


def pitch_glides(ctx: Context, t: float, before_s: float = SPEECH_BEFORE_S, after_s: float = SPEECH_AFTER_S) -> bool:
    """Whether the strongest partial's frequency glides around ``t`` s as a voice's does (the span :func:`is_speech`
    reads, its audible hops): the median change of its interpolated frequency GLIDE_STEP_S later, where it stays within
    a bin of where it was, is at least SPEECH_GLIDE_CENTS. A held note's partials keep their frequency (a reed's line
    passes :func:`is_speech` on its breathy level bursts and its strongest partial flipping between two harmonics);
    True when too little is known."""
    lo, hi = ctx.index(t - before_s), ctx.index(t + after_s) + 1
    level = ctx.level_db[lo:hi]
    if level.size < 10:
        return True
    hops = np.flatnonzero(level > level.max() - 25.0)
    power = ctx.power[lo:hi][hops]
    k = np.minimum(np.argmax(power[:, 2:], axis=1) + 2, power.shape[1] - 2)
    rows = np.arange(k.size)
    db = 10.0 * np.log10(power[:, :] + 1e-12)
    a, b, c = db[rows, k - 1], db[rows, k], db[rows, k + 1]
    curve = a - 2.0 * b + c
    # the vertex of the parabola, within half a bin (a strongest bin at the search's lower edge need not be a local maximum)
    shift = np.clip(np.where(curve < 0, 0.5 * (a - c) / np.where(curve < 0, curve, -1.0), 0.0), -0.5, 0.5)
    bins = k + shift
    step = max(int(round(GLIDE_STEP_S / ctx.hop_s)), 1)
    pairs = (hops[step:] - hops[:-step] == step) & (np.abs(k[step:] - k[:-step]) <= 1)
    if not pairs.any():
        return True
    cents = np.abs(1200.0 * np.log2(bins[step:][pairs] / bins[:-step][pairs]))
    return bool(np.median(cents) >= SPEECH_GLIDE_CENTS)


def _bursts(level_db: np.ndarray, hop_s: float) -> np.ndarray:
    """Hop indices of loudness bursts (syllables, detached notes): peaks of the level (dB per hop) smoothed over
    7 hops that stand ≥ 6 dB above their surroundings, ≥ 0.1 s apart."""
    smooth = np.convolve(level_db, np.ones(7) / 7, mode="same")
    return find_peaks(smooth, prominence=6.0, distance=max(int(0.1 / hop_s), 1))[0]


def even_bursts(ctx: Context, t: float, before_s: float = 1.0, after_s: float = 0.6) -> bool:
    """Whether the loudness bursts around ``t`` s (as :func:`is_speech` finds them, in the same span) come at an even
    rate: at least EVEN_MIN_BURSTS of them, their intervals' spread (standard deviation over mean) under EVEN_BURSTS_CV.
    Detached notes keep the music's pulse; syllables do not (espeak-ng: 0.16–0.48 on 1.6 s spans of sentences)."""
    lo, hi = ctx.index(t - before_s), ctx.index(t + after_s) + 1
    return _evenly_spaced(_bursts(ctx.level_db[lo:hi], ctx.hop_s))


def even_onsets(ctx: Context, t: float, before_s: float = 1.0, after_s: float = 0.6) -> bool:
    """Whether the onsets (:attr:`Context.onsets`) within [t − ``before_s``, t + ``after_s``] s come at an even rate, as
    :func:`even_bursts` reads loudness bursts: at least EVEN_MIN_BURSTS of them, their intervals' spread (standard
    deviation over mean) under EVEN_BURSTS_CV. Short detached notes whose level peaks wander (a detuned saw's beating
    voices move each note's peak by up to 25 ms) still start on the beat; syllables do not."""
    lo, hi = ctx.index(t - before_s), ctx.index(t + after_s) + 1
    return _evenly_spaced(ctx.onsets[(ctx.onsets >= lo) & (ctx.onsets < hi)])


def _evenly_spaced(hops: np.ndarray) -> bool:
    """Whether ``hops`` (sorted hop indices) are at least EVEN_MIN_BURSTS, their intervals' spread (standard deviation
    over mean) under EVEN_BURSTS_CV."""
    if hops.size < EVEN_MIN_BURSTS:
        return False
    ioi = np.diff(hops).astype(float)
    return bool(np.std(ioi) < EVEN_BURSTS_CV * np.mean(ioi))


def steady_pulse(ctx: Context) -> bool:
    """Whether the context's onsets (at least four) come at a steady rate: intervals within ±PULSE_REGULARITY of their mean."""
    if ctx.onsets.size < 4:
        return False
    ioi = np.diff(ctx.onsets).astype(float)
    return bool(np.all(np.abs(ioi - ioi.mean()) <= PULSE_REGULARITY * ioi.mean()))


def _around(ctx: Context, t: float) -> tuple[np.ndarray, int]:
    """Hop power spectra within ±NOISE_SPAN_S of ``t`` s, bins above NOISE_MIN_HZ; and NOISE_STEP_S in hops."""
    i = ctx.index(t)
    w = int(NOISE_SPAN_S / ctx.hop_s)
    first = int(np.searchsorted(ctx.freqs, NOISE_MIN_HZ, side="right"))
    return ctx.power[max(i - w, 0) : i + w + 1, first:], max(int(round(NOISE_STEP_S / ctx.hop_s)), 1)


def spectral_change_db(ctx: Context, t: float) -> float:
    """Median level change (dB) of the strongest bins (NOISE_SHARE of the power) between hop spectra NOISE_STEP_S
    apart, within ±NOISE_SPAN_S of ``t`` s, the power-weighted median over those bins: ≈ 4.8 dB for noise of any
    colour (the log of a ratio of two exponentials), under 1 dB for held partials; 0 when too little is known."""
    power, step = _around(ctx, t)
    if power.shape[0] <= 2 * step:
        return 0.0
    mean = power.mean(axis=0)
    order = np.argsort(mean)[::-1]
    top = order[: max(int(np.searchsorted(np.cumsum(mean[order]), NOISE_SHARE * mean.sum())) + 1, 3)][:48]
    db = 10.0 * np.log10(power[:, top] + 1e-12)
    change = median(np.abs(db[step:] - db[:-step]), axis=0)
    weights = mean[top]
    by_change = np.argsort(change)
    k = int(np.searchsorted(np.cumsum(weights[by_change]), 0.5 * weights.sum()))
    return float(change[by_change][min(k, change.size - 1)])


def peak_persistence(ctx: Context, t: float) -> float:
    """Power-weighted share (0–1) of the spectral peaks within ±NOISE_SPAN_S of ``t`` s still there (±1 bin)
    NOISE_STEP_S later: notes and voiced speech keep theirs, a noise's come and go; 1 when too little is known.

    A peak is a local maximum over ±2 bins standing NOISE_PEAK_DB above the lowest of the bins 3–5 away on each
    side. Every other hop is read (the spectra overlap: that is enough)."""
    power, step = _around(ctx, t)
    if power.shape[0] <= 2 * step:
        return 1.0
    # Bins above those holding all but NOISE_TAIL_SHARE of the power weigh nothing: left out (a few kept for the edges).
    mean = power.mean(axis=0)
    top = power.shape[1] - int(np.searchsorted(np.cumsum(mean[::-1]), NOISE_TAIL_SHARE * mean.sum()))
    power = power[:, : top + 6]
    now = power[: power.shape[0] - step : 2]
    later = power[step::2][: now.shape[0]]

    def peaks(p: np.ndarray) -> np.ndarray:
        db = 10.0 * np.log10(p + 1e-12)
        padded = pad_edge(db, 5)
        n = db.shape[1]
        near = [padded[:, 5 + k : 5 + k + n] for k in range(-5, 6)]  # near[5 + k] is db shifted by k bins
        local_max = (db >= near[3]) & (db >= near[4]) & (db >= near[6]) & (db >= near[7])
        floor = np.maximum(np.minimum(np.minimum(near[0], near[1]), near[2]), np.minimum(np.minimum(near[8], near[9]), near[10]))
        return local_max & (db - floor >= NOISE_PEAK_DB)

    was, still = peaks(now), peaks(later)
    still = still | np.roll(still, 1, axis=1) | np.roll(still, -1, axis=1)
    weight = np.where(was, now, 0.0)
    total = float(weight.sum())
    return float(weight[still].sum()) / total if total > 0 else 0.0


def _bed(level: np.ndarray, hop_s: float) -> np.ndarray:
    """[shape=like ``level`` (hops, bands)] each row's bed: the median of the rows within BED_S before it, the two
    before it left out (the onset's own window); the first row's before the start. Robust to the hits in it when they
    fill less than half of it."""
    # Every BED_STEP-th row is enough (a hop's window overlaps the next ones by 7/8): the median of those.
    w = max(int(BED_S / hop_s) // BED_STEP, 3)
    centred = median_filter(level[::BED_STEP], size=(w, 1), mode="nearest")  # row j: rows (j - w//2 … j + (w-1)//2) × BED_STEP
    last = (np.arange(level.shape[0]) - 3) // BED_STEP  # the last sampled row at or before k - 3
    return centred[np.clip(last - (w - 1) // 2, 0, centred.shape[0] - 1)]


def band_onsets(power: np.ndarray, freqs: np.ndarray, hop_s: float) -> np.ndarray:
    """Hops (indices of ``power`` [shape=(hops, bins)], hop ``hop_s`` s, bins ``freqs`` Hz) where a hit stands out of a bed
    band by band: at least BAND_HIT_BANDS of the 64 mel bands (of those within BAND_AUDIBLE_DB of the loudest) rise BAND_RISE_DB over their own level of the BED_S
    before (their median), where the band count crosses that, and still HIT_HOLD_S later; the onset is the hop of the steepest summed rise of those
    bands within the next 35 ms. A bed of noise, rain or a held chord fills every band, so the mean flux over all bands
    hides a hit 10–30 dB above it; each band measured against itself does not."""
    if power.shape[0] < 8:
        return np.zeros(0, int)
    sr = int(round(2 * freqs[-1]))
    mel = filterbanks.tables(sr)["mel"] if power.shape[1] == filterbanks.MEL_N_FFT // 2 + 1 else None
    if mel is None:
        return np.zeros(0, int)
    band_db = 10.0 * np.log10(np.maximum(power @ mel.T, 1e-12))
    audible = band_db >= band_db.max(axis=1, keepdims=True) - BAND_AUDIBLE_DB
    over = (band_db - _bed(band_db, hop_s) >= BAND_RISE_DB) & audible
    count = over.sum(axis=1)
    up = np.flatnonzero((count[1:] >= BAND_HIT_BANDS) & (count[:-1] < BAND_HIT_BANDS)) + 1
    if up.size == 0:
        return np.zeros(0, int)
    rise = np.maximum(np.diff(band_db, axis=0, prepend=band_db[:1]), 0.0)
    w = max(int(NOTE_RISE_S / hop_s), 1)
    hold = max(int(round(HIT_HOLD_S / hop_s)), 1)
    out: list[int] = []
    for h in up.tolist():
        if count[min(h + hold, count.size - 1)] < BAND_HIT_BANDS:
            continue
        bands = over[min(h + w, over.shape[0] - 1)] | over[h]
        k = max(h - 2 + int(np.argmax(rise[max(h - 2, 0) : h + w, bands].sum(axis=1))), 0)
        if not out or k - out[-1] >= int(0.05 / hop_s):
            out.append(k)
    return np.asarray(out, dtype=int)


def high_onsets(power: np.ndarray, freqs: np.ndarray, hop_s: float, level: np.ndarray | None = None, *, over_tail: bool = False) -> np.ndarray:
    """Hops (indices of ``power`` [shape=(hops, bins)], hop ``hop_s`` s, bins ``freqs`` Hz) where the mel bands from
    HIGH_ONSET_HZ up rise together: their mean level ≥ HIGH_ONSET_DB over that of 23 ms before; the onset is the hop of
    the steepest rise of each such run, runs ≥ 50 ms apart, still HIGH_HOLD_DB up HIGH_HOLD_S later. A quiet hi-hat under a kick's boom or a snare's tail lifts
    only the top quarter of the bands: the mean flux over all of them, and the bands within 30 dB of a loud low boom
    (:func:`band_onsets`), miss it. ``level``: those bands' mean level (:func:`_high_level`) when already read.
    ``over_tail``: the rise and the hold are read over where the level before was falling to (its fall over the 23 ms
    before, at most HIGH_TAIL_DB_S), not over the level it left: a snare's or a hat's dying tail goes on dying under the
    next hit, and a sixteenth hat a step after a snare rises 5 dB over that tail's level, 9 over where it was heading."""
    if power.shape[0] < 8:
        return np.zeros(0, int)
    level = _high_level(power, freqs) if level is None else level
    if level is None:
        return np.zeros(0, int)
    lag = max(int(round(0.023 / hop_s)), 1)
    fall = np.zeros(level.size)  # dB per hop over the lag ending at each hop, where the level fell (over_tail)
    if over_tail:
        fall[lag:] = np.clip((level[lag:] - level[:-lag]) / lag, -HIGH_TAIL_DB_S * hop_s, 0.0)
    up = np.zeros(level.size, bool)
    up[lag:] = level[lag:] - (level[:-lag] + fall[:-lag] * lag) >= HIGH_ONSET_DB
    step = np.diff(level, prepend=level[:1])
    out: list[int] = []
    for run in np.split(np.flatnonzero(up), np.flatnonzero(np.diff(np.flatnonzero(up)) > 1) + 1):
        if run.size == 0:
            continue
        k = int(run[0]) - lag + int(np.argmax(step[run[0] - lag + 1 : run[-1] + 1])) + 1
        later = min(k + int(round(HIGH_HOLD_S / hop_s)), level.size - 1)
        before = max(k - lag, 0)
        if level[later] - (level[before] + fall[before] * (later - before)) < HIGH_HOLD_DB:
            continue
        if not out or k - out[-1] >= int(0.05 / hop_s):
            out.append(k)
    return np.asarray(out, dtype=int)


def _high_level(power: np.ndarray, freqs: np.ndarray) -> np.ndarray | None:
    """[shape=(hops,)] mean level (dB) of the mel bands from HIGH_ONSET_HZ up of ``power`` [shape=(hops, bins)], or None
    when the bins are not the mel filter bank's."""
    return band_level(power, freqs, HIGH_ONSET_HZ, np.inf)


def band_level(power: np.ndarray, freqs: np.ndarray, lo_hz: float, hi_hz: float) -> np.ndarray | None:
    """[shape=(hops,)] mean level (dB) of the mel bands centred in [lo_hz, hi_hz) of ``power`` [shape=(hops, bins)], or
    None when the bins are not the mel filter bank's."""
    if power.shape[1] != filterbanks.MEL_N_FFT // 2 + 1:
        return None
    mel = filterbanks.tables(int(round(2 * freqs[-1])))["mel"]
    centre = freqs[np.argmax(mel, axis=1)]
    bands = (centre >= lo_hz) & (centre < hi_hz)
    return (10.0 * np.log10(np.maximum(power @ mel[bands].T, 1e-12))).mean(axis=1)


def bed_high_onsets(power: np.ndarray, freqs: np.ndarray, hop_s: float, level: np.ndarray | None = None, *, defer: bool = True, judged: np.ndarray | None = None) -> np.ndarray:
    """Hops (indices of ``power`` [shape=(hops, bins)], hop ``hop_s`` s, bins ``freqs`` Hz) where the mean level of the
    mel bands from HIGH_ONSET_HZ up stands over its bed (its 25th percentile over the HIGH_BED_S before) by
    HIGH_BED_SIGMAS times the bed's scatter (that minus the 5th percentile, dB: about one standard deviation of a
    noise's level, which hits and their tails above it do not widen) and at least HIGH_BED_MIN_DB, and still by
    HIGH_BED_HOLD_SIGMAS scatters HIGH_HOLD_S later; the onset is the hop of the steepest rise within 35 ms before the
    crossing, onsets ≥ 50 ms apart. Onsets that rise HIGH_ONSET_DB over the level 23 ms before are :func:`high_onsets`'
    to judge (``defer``; not when ``level`` is another band's, :func:`bed_band_drum`). A hi-hat under a white or pink
    bed lifts those bands 1–3 dB, a bed alone ~1 dB at most. ``level`` as for :func:`high_onsets`. ``judged``: the
    onsets :func:`high_onsets` kept, when read; only those are deferred to it (a closed hat it dropped for dying within
    HIGH_HOLD_S still stands HIGH_BED_HOLD_SIGMAS scatters over a white bed then; a raindrop's click does not)."""
    if power.shape[0] < 8:
        return np.zeros(0, int)
    level = _high_level(power, freqs) if level is None else level
    if level is None:
        return np.zeros(0, int)
    w = max(int(HIGH_BED_S / hop_s), 8)
    # Row k's bed: the w hops up to k - 3 (the onset's own window left out), a filter's output at k - 3 - (w - 1) // 2.
    # Hops with less than HIGH_BED_S before them have no bed to stand on (a bed fading in at the start is no hit).
    shift = 3 + (w - 1) // 2
    if level.size <= w + 3:
        return np.zeros(0, int)
    floor = np.full(level.size, np.inf)
    low = np.zeros(level.size)
    # Only where the level stands HIGH_BED_MIN_DB over the lowest of those w hops can it pass (the bed is not lower).
    back = max(int(NOTE_RISE_S / hop_s), 1)
    cand = np.arange(w + 3, level.size)
    cand = cand[level[cand] - minimum_filter1d(level, w, mode="nearest")[cand - shift] >= HIGH_BED_MIN_DB]
    cand = np.unique(np.clip(cand[:, None] - np.arange(back + 1), w + 3, None))  # ...and the onset hops before them
    if cand.size:
        # The w hops' 5th and 25th percentiles as a rank filter reads them (the sorted value of rank ⌊w·p/100⌋).
        ranks = [int(w * 5 / 100), int(w * 25 / 100)]
        windows = np.partition(sliding_window_view(level, w)[cand - w - 2], ranks, axis=1)
        low[cand], floor[cand] = windows[:, ranks[0]], windows[:, ranks[1]]
    bed, scatter = floor, np.maximum(floor - low, 1e-3)
    over = level - bed
    up = (over >= np.maximum(HIGH_BED_SIGMAS * scatter, HIGH_BED_MIN_DB)).astype(int)
    starts = np.flatnonzero(np.diff(up, prepend=0) > 0)
    hold = max(int(round(HIGH_HOLD_S / hop_s)), 1)
    lag = max(int(round(0.023 / hop_s)), 1)
    step = np.diff(level, prepend=level[:1])
    out: list[int] = []
    for h in starts.tolist():
        first = min(max(h - back, 1), h)
        k = first + int(np.argmax(step[first : h + 1]))
        later = min(k + hold, level.size - 1)
        if level[later] - bed[k] < HIGH_BED_HOLD_SIGMAS * scatter[k]:
            continue
        if defer and level[k : h + back + 1].max() - level[max(k - lag, 0)] >= HIGH_ONSET_DB and (judged is None or np.any(np.abs(judged - k) <= back)):
            continue  # loud enough for :func:`high_onsets`, which judged it (a loud raindrop's click is gone 40 ms on)
        if not out or k - out[-1] >= int(0.05 / hop_s):
            out.append(k)
    return np.asarray(out, dtype=int)


def high_hihat(ctx: Context, lo: int, hi: int, centre: float, drowned: Sequence[int] = (), noisy: bool = False) -> bool:
    """Whether a hi-hat struck at a high-band onset (:func:`high_onsets`; read over a drum's dying tail too,
    :attr:`Context.hat_onsets`, :func:`over_stroke`) in hops [lo, hi) that the flux onsets did not mark names the frame
    centred at ``centre`` s, :func:`drum_of` or :func:`drum_over_bed` reading a hi-hat there; not inside speech (its
    sibilants are high-band bursts). Flux onsets in ``drowned`` (left unread in a noisy frame: a groove of sixteenth
    hi-hats is noise-like) do not count as marks.
    Failing that, a hi-hat over a noise bed (:func:`bed_hihat`; ``noisy``: the frame is read as noise)."""
    w = max(int(round(0.015 / ctx.hop_s)), 1)
    marked = np.setdiff1d(ctx.onsets, np.asarray(drowned, dtype=int))
    onsets = np.union1d(ctx.high_onsets, ctx.hat_onsets)  # the plain ones all read: a tail's onset may stand 50 ms before one
    for i in onsets[(onsets >= lo) & (onsets < hi)][::-1]:
        if i not in ctx.high_onsets and not over_stroke(ctx, int(i), noisy):
            continue  # found only over a falling tail: a hat's only where that tail is a drum's, off a noise bed
        if np.any(np.abs(marked - i) <= w):
            if marked_hat(ctx, int(i), noisy) or hat_over_low_bed(ctx, int(i), noisy):
                return not speech_over(ctx, centre, int(i), "hihat")
            if hat_over_notes(ctx, int(i), marked[np.abs(marked - i) <= w]) or hat_with_note(ctx, marked[np.abs(marked - i) <= w]):
                return not is_speech(ctx, centre)
            continue
        # Read over what rings under it too (:func:`drum_over_bed`): a power kit's kick tail or a band's held bass and
        # chord move in the whole spectrum's 46 ms (drum_of reads a snare or nothing there), not in what stands over them.
        if ctx.drum_at(int(i)) == "hihat" or drum_over_bed(ctx, int(i)) == "hihat" or hat_over_low_bed(ctx, int(i), noisy):
            return not speech_over(ctx, centre, int(i), "hihat")
    return bed_hihat(ctx, lo, hi, centre, marked, noisy)


def over_stroke(ctx: Context, i: int, noisy: bool) -> bool:
    """Whether a high-band onset at hop ``i`` found only over a falling tail (:attr:`Context.hat_onsets`) rises over a
    drum stroke's: a drum was struck TAIL_STROKE_S or less before it (a flux or high-band onset :func:`drum_of` names: a
    plucked line's notes rise over the last one's tail too, and name none), and neither the frame (``noisy``) nor the
    sound before it is noise (:func:`noise_before`: a rain's drops fall over each other's tails; without this test the
    kit splits' drumless frames named a hat 2575 -> 2926 of 56162, rain most)."""
    if noisy or noise_before(ctx, i):
        return False
    reach, least = int(round(TAIL_STROKE_S / ctx.hop_s)), max(int(round(0.023 / ctx.hop_s)), 1)
    before = ctx.stroke_onsets
    return any(ctx.drum_at(int(k)) is not None for k in before[(before >= i - reach) & (before <= i - least)])


def bed_hihat(ctx: Context, lo: int, hi: int, centre: float, marked: np.ndarray, noisy: bool = False) -> bool:
    """Whether a hi-hat struck over a noise bed (:func:`bed_high_onsets`; the frame ``noisy`` or the sound before the
    onset noise, :func:`noise_before`) in hops [lo, hi), not at a flux onset in ``marked`` (hops), names the frame
    centred at ``centre`` s: :func:`drum_over_bed` reads it a hi-hat; not inside speech."""
    w = max(int(round(0.015 / ctx.hop_s)), 1)
    for i in ctx.bed_high_onsets[(ctx.bed_high_onsets >= lo) & (ctx.bed_high_onsets < hi)][::-1]:
        if np.any(np.abs(marked - i) <= w) or not (noisy or noise_before(ctx, int(i))):
            continue
        read = drum_over_bed(ctx, int(i))
        if read == "hihat" or (read is not None and hat_alone(ctx, int(i))):
            return not speech_over(ctx, centre, int(i), "hihat")
    return grid_hat(ctx, lo, hi, centre, marked, noisy) or shape_hat(ctx, lo, hi, centre, marked, noisy)


def on_grid(sure: np.ndarray, i: int, hop_s: float, *, swing: bool = False) -> bool:
    """Whether hop ``i`` lies on the grid of the onsets ``sure`` (hops, sorted; hop ``hop_s`` s): there are onsets
    before and after it, at least GRID_MIN_STEP_S away, and its distance to the nearest on each side is a whole number
    of half steps within GRID_TOL_S, the step being the median interval between those onsets (intervals under
    GRID_MIN_STEP_S left out). A groove's missing eighth lies halfway between its beats; a noise's flicker anywhere.
    ``swing``: an off-beat played late (a swung groove's) is on the grid too: the onsets around it are a whole number
    of steps apart (within GRID_TOL_S) and it lies SWING_SHARE of the way through its step from the one before (from
    GRID_TOL_S before the straight half-way point to the dotted 3/4, not later)."""
    near = int(round(GRID_MIN_STEP_S / hop_s))
    before, after = sure[sure <= i - near], sure[sure >= i + near]
    gaps = np.diff(sure)
    gaps = gaps[gaps >= near]
    if before.size == 0 or after.size == 0 or gaps.size == 0:
        return False
    half = float(np.median(gaps)) / 2.0
    tol = GRID_TOL_S / hop_s
    d_before, d_after = i - int(before[-1]), int(after[0]) - i
    if all(abs(d - half * round(d / half)) <= tol for d in (d_before, d_after)):
        return True
    if not swing:
        return False
    step = 2.0 * half
    span = d_before + d_after
    if span < step - tol or abs(span - step * round(span / step)) > tol:
        return False
    into = d_before - step * np.floor((d_before + tol) / step)  # hops into its step (a step begins within tol before)
    return bool(SWING_SHARE[0] * step - tol <= into <= SWING_SHARE[1] * step)  # no later than dotted: 0.8 of a step is off


def grid_hat(ctx: Context, lo: int, hi: int, centre: float, marked: np.ndarray, noisy: bool = False) -> bool:
    """Whether a closed hi-hat under a noise bed (the frame ``noisy`` or the sound before noise, :func:`noise_before`),
    too brief for :func:`bed_high_onsets`, is struck in hops [lo, hi), not at a flux onset in ``marked`` (hops): the
    high bands' mean level peaks GRID_HAT_SIGMAS scatters (and GRID_HAT_MIN_DB) over its bed (both as in
    :func:`bed_high_onsets`), is back within GRID_HAT_FALL_SIGMAS scatters of it GRID_HAT_FALL_S later, the peak lies on
    the groove's grid (:func:`on_grid`; a bed alone has none) and :func:`drum_over_bed` reads a hi-hat there (or a hit
    alone in the high bands, :func:`hat_alone`); not inside speech. Centre: ``centre`` s."""
    level = ctx.high_level
    if level is None:
        return False
    w = max(int(HIGH_BED_S / ctx.hop_s), 8)
    fall = max(int(round(GRID_HAT_FALL_S / ctx.hop_s)), 1)
    near = max(int(round(0.015 / ctx.hop_s)), 1)
    back = max(int(NOTE_RISE_S / ctx.hop_s), 1)
    for i in range(max(lo, w + back + 4), min(hi, level.size - fall)):
        if level[i] < level[max(i - 3, 0) : i + 4].max() or np.any(np.abs(marked - i) <= near):
            continue
        window = level[i - w - 3 : i - 3]
        bed = float(np.percentile(window, 25))
        scatter = max(bed - float(np.percentile(window, 5)), 1e-3)
        over = float(level[i]) - bed
        if over < max(GRID_HAT_SIGMAS * scatter, GRID_HAT_MIN_DB) or level[i + fall] - bed > GRID_HAT_FALL_SIGMAS * scatter:
            continue
        k = i - back + int(np.argmax(np.diff(level[i - back - 1 : i + 1])))  # the onset: the steepest rise to the peak
        if ctx.clicks[k] or not on_grid(ctx.sure_onsets, k, ctx.hop_s) or not (noisy or noise_before(ctx, k)):
            continue
        read = drum_over_bed(ctx, k)
        if read == "hihat" or (read is not None and hat_alone(ctx, k)):
            return not speech_over(ctx, centre, k, "hihat")
    return False


def soft_snare(ctx: Context, lo: int, hi: int, centre: float) -> str | None:
    """The snare (or clap) struck softly in hops [lo, hi) that neither the flux nor a bed's scatter found: the snare's
    bands rise on their own (:attr:`Context.snare_onsets`: ≥ HIGH_ONSET_DB over their level 23 ms before and still
    HIGH_HOLD_DB up HIGH_HOLD_S later) and the new energy (the 46 ms after the onset over the 23 ms before) is a noise
    burst under the hi-hat's centroid with < KICK_LOW_SHARE under 150 Hz, flat (≥ SOFT_BURST_FLATNESS) where it has
    energy: a ghost note judged by its own bands' rise over what rang just before, not by its level against the
    groove. A plucked or sung note's new energy is its partials; inside speech only a sharp hit counts
    (:func:`speech_over`). :func:`drum_kind` names it."""
    above = ctx.freqs > 100.0
    for i in ctx.snare_onsets[(ctx.snare_onsets >= lo) & (ctx.snare_onsets < hi)][::-1]:
        i = int(i)
        pre, post = onset_spectra(ctx.power, i)
        rise = np.maximum(post - pre, 0.0)
        total = float(rise.sum())
        if total <= 0:
            continue
        centroid = float((rise * ctx.freqs).sum() / total)
        if centroid >= HIHAT_CENTROID_HZ or float(rise[ctx.freqs < 150.0].sum()) >= KICK_LOW_SHARE * total:
            continue
        if _flatness(rise[above & (rise > 0)]) < SOFT_BURST_FLATNESS:
            continue
        return None if speech_over(ctx, centre, i, "snare") else drum_kind(rise, ctx.freqs, centroid)
    return None


def _shape(rise: np.ndarray) -> np.ndarray:
    """[shape=like ``rise``] the centred log shape (dB) of new energy per band ``rise`` [shape=(..., bands)], each band
    at least GHOST_FLOOR_DB under the strongest."""
    db = 10.0 * np.log10(np.maximum(rise, 1e-30))
    db = np.maximum(db, db.max(axis=-1, keepdims=True) - GHOST_FLOOR_DB)
    return db - db.mean(axis=-1, keepdims=True)


def _shape_corr(rise: np.ndarray, hits: list[int]) -> np.ndarray:
    """[shape=(hops,)] the correlation of the shape (:func:`_shape`) of the new energy ``rise`` [shape=(hops, bands)]
    at each hop with the mean shape of its rows ``hits`` (hops, each row first scaled to sum 1)."""
    template = _shape(np.mean([rise[k] / max(float(rise[k].sum()), 1e-30) for k in hits], axis=0))
    shape = _shape(rise)
    return (shape @ template) / np.maximum(np.sqrt((shape**2).sum(axis=1) * float((template**2).sum())), 1e-30)


def _band_cues(ctx: Context, bands_hz: tuple[float, float], after_hops: int, drum: str, template_min: int) -> tuple[np.ndarray, np.ndarray] | None:
    """``(rise_db, corr)`` [shape=(hops,)] per hop ``i`` of ``ctx``: how far (dB) the mel bands centred in ``bands_hz``
    rise from the 23 ms before ``i`` (4 hops, ending a hop before it) to the ``after_hops`` hops from it, and how well the
    shape of that new energy across them correlates with the mean shape of the clip's own ``drum`` hits (flux onsets
    :func:`drum_of` names so, at least ``template_min``; :func:`_shape_corr`). None without mel bins or such hits."""
    if ctx.power.shape[1] != filterbanks.MEL_N_FFT // 2 + 1 or ctx.power.shape[0] < 16:
        return None
    mel = filterbanks.tables(int(round(2 * ctx.freqs[-1])))["mel"]
    centre = ctx.freqs[np.argmax(mel, axis=1)]
    p = ctx.power @ mel[(centre >= bands_hz[0]) & (centre < bands_hz[1])].T
    c = np.vstack([np.zeros((1, p.shape[1])), np.cumsum(p, axis=0)])
    n = p.shape[0]
    i = np.arange(n)
    a, b = np.clip(i - 5, 0, n), np.clip(i - 1, 0, n)
    pre = (c[b] - c[a]) / np.maximum(b - a, 1)[:, None]
    post = (c[np.minimum(i + after_hops, n)] - c[i]) / np.maximum(np.minimum(i + after_hops, n) - i, 1)[:, None]
    rise = np.maximum(post - pre, 0.0)
    rise_db = 10.0 * np.log10(np.maximum(post.sum(axis=1), 1e-30) / np.maximum(pre.sum(axis=1), 1e-30))
    hits = [int(k) for k in ctx.onsets if 5 <= k < n - 30 and not ctx.clicks[int(k)] and ctx.drum_at(int(k)) == drum]  # a lone click is no model of a drum
    return (rise_db, _shape_corr(rise, hits)) if len(hits) >= template_min else None


def ghost_cues(ctx: Context) -> tuple[np.ndarray, np.ndarray] | None:
    """:func:`_band_cues` of the snare's mel bands (GHOST_BANDS_HZ), the 46 ms from a hop against the clip's own snares
    (at least GHOST_TEMPLATE_MIN)."""
    return _band_cues(ctx, GHOST_BANDS_HZ, 8, "snare", GHOST_TEMPLATE_MIN)


def ghost_snare(ctx: Context, lo: int, hi: int, centre: float) -> str | None:
    """A snare struck softly in hops [lo, hi) (a ghost note) that no other rule read: the snare's bands rise there
    ≥ GHOST_RISE_DB (a local peak of the rise within ±2 hops) and the shape of the new energy across them correlates
    ≥ GHOST_SHAPE_CORR with the clip's own loud snares' (:func:`ghost_cues`): the same drum, whatever its level. Not a
    kick's (< KICK_LOW_SHARE of the whole new energy under 150 Hz) nor a hat's (centroid under HIHAT_CENTROID_HZ);
    on the groove's grid (:func:`on_grid`, a swung off-beat included, from the rise's peak to 2 hops after: the peak of a rise read over 46 ms
    comes just before the stroke), so a lead-in's bed or a voice before the groove starts has none; not inside speech
    (:func:`is_speech`: a consonant is a burst of noise shaped like a snare's). A clip without loud snares has no
    ghosts to find."""
    cues = ctx.ghost_cues
    if cues is None:
        return None
    rise_db, corr = cues
    for i in range(min(hi, rise_db.size - 2) - 1, max(lo, 5) - 1, -1):
        if rise_db[i] < GHOST_RISE_DB or corr[i] < GHOST_SHAPE_CORR or rise_db[i] < rise_db[max(i - 2, 0) : i + 3].max():
            continue
        pre, post = onset_spectra(ctx.power, i)
        new = np.maximum(post - pre, 0.0)
        total = float(new.sum())
        if total <= 0 or float(new[ctx.freqs < 150.0].sum()) >= KICK_LOW_SHARE * total or float((new * ctx.freqs).sum()) >= HIHAT_CENTROID_HZ * total:
            continue
        if not any(on_grid(ctx.sure_onsets, k, ctx.hop_s, swing=True) for k in range(i, i + 3)):
            continue
        return None if is_speech(ctx, centre) else "snare"
    return None


def wires_under_bed(ctx: Context, lo: int, hi: int, centre: float, marked: np.ndarray) -> str | None:
    """A soft snare under held notes (a pad, a bass line) struck in hops [lo, hi), not at a flux onset in ``marked``: the
    notes fill the snare's mid bands, so neither its flux nor its shape there (:func:`ghost_snare`, a rise of < 1 dB
    under a pad 12 dB up) shows it, but its wires' noise lifts the bands from HIGH_ONSET_HZ up on their own
    (:func:`high_onsets`). There the whole spectrum reads no drum (:func:`drum_of`: the notes ring on), what stands over
    the bed (:func:`drum_over_bed`) reads a snare or clap, the clip has loud snares (:func:`ghost_cues`), and the onset
    is on the groove's grid within 2 hops after (:func:`on_grid`, swung off-beats included; the bands' rise is read over
    23 ms and passes its mark early); not inside speech (:func:`is_speech`)."""
    if ctx.ghost_cues is None:
        return None
    w = max(int(round(0.015 / ctx.hop_s)), 1)
    for i in ctx.high_onsets[(ctx.high_onsets >= lo) & (ctx.high_onsets < hi)][::-1]:
        i = int(i)
        if np.any(np.abs(marked - i) <= w) or ctx.drum_at(i) is not None:
            continue
        read = drum_over_bed(ctx, i)
        if read not in ("snare", "clap") or not any(on_grid(ctx.sure_onsets, k, ctx.hop_s, swing=True) for k in range(i, i + 3)):
            continue
        return None if is_speech(ctx, centre) else read
    return None


def wires_over_notes(ctx: Context, lo: int, hi: int, centre: float) -> str | None:
    """A snare struck softly under held notes (a band's bass and chords) at a flux onset in hops [lo, hi) that
    :func:`drum_of` reads as no drum (the notes ring on through its 100 ms, so too little of the new energy dies away):
    the sound before is voiced (:func:`voiced_bed`), what stands over that bed reads a snare or clap
    (:func:`drum_over_bed`), and the wires show in WIRES_HZ, where the notes put little: that band rises
    ≥ WIRES_RISE_DB over the 23 ms before, its bins that rose are noise (flatness ≥ WIRES_FLATNESS), not a struck
    note's partials (a koto's pluck), and its new energy is at most WIRES_UNDER_MID_DB under that of WIRES_MID_HZ (a
    tom's stick and a plucked string's attack fall off above 4 kHz) and at most WIRES_OVER_BODY_DB over that of the
    shell's body (SNARE_BODY_HZ: a snare has one, a kalimba's tine or a hat struck over the notes none); not a lone
    click nor inside speech (:func:`is_speech`)."""
    band = (ctx.freqs >= WIRES_HZ[0]) & (ctx.freqs < WIRES_HZ[1])
    mid = (ctx.freqs >= WIRES_MID_HZ[0]) & (ctx.freqs < WIRES_MID_HZ[1])
    body = (ctx.freqs >= SNARE_BODY_HZ[0]) & (ctx.freqs < SNARE_BODY_HZ[1])
    for i in ctx.onsets[(ctx.onsets >= lo) & (ctx.onsets < hi)][::-1]:
        i = int(i)
        if i < DRUM_BEFORE_HOPS or ctx.clicks[i] or ctx.drum_at(i) is not None or not voiced_bed(ctx, i):
            continue
        pre, post = onset_spectra(ctx.power, i)
        rise = np.maximum(post - pre, 0.0)
        if 10.0 * np.log10(max(float(post[band].sum()), 1e-30) / max(float(pre[band].sum()), 1e-30)) < WIRES_RISE_DB:
            continue
        wires = rise[band]
        if _flatness(wires[wires > 0]) < WIRES_FLATNESS or float(wires.sum()) < float(rise[mid].sum()) * 10 ** (-WIRES_UNDER_MID_DB / 10):
            continue
        if float(wires.sum()) > float(rise[body].sum()) * 10 ** (WIRES_OVER_BODY_DB / 10):
            continue
        read = drum_over_bed(ctx, i)
        if read in ("snare", "clap"):
            return None if is_speech(ctx, centre) else read
    return None


def hat_cues(ctx: Context) -> tuple[np.ndarray, np.ndarray] | None:
    """:func:`_band_cues` of the hat's mel bands (HAT_SHAPE_BANDS_HZ), the 3 hops from a hop against the clip's own
    hats (at least HAT_TEMPLATE_MIN); no rise is read in the first 5 hops."""
    cues = _band_cues(ctx, HAT_SHAPE_BANDS_HZ, 3, "hihat", HAT_TEMPLATE_MIN)
    if cues is not None:
        cues[0][:5] = 0.0
    return cues


def shape_hat(ctx: Context, lo: int, hi: int, centre: float, marked: np.ndarray, noisy: bool = False) -> bool:
    """Whether a hi-hat under a noise bed (the frame ``noisy`` or the sound before noise, :func:`noise_before`) that
    stands too little over the bed's scatter for :func:`grid_hat` (a rain bed's drops lift the high bands' mean as far)
    is struck in hops [lo, hi), not at a flux onset in ``marked`` (hops): the high bands rise ≥ HAT_SHAPE_RISE_DB there
    (a local peak within ±2 hops) and the new energy's shape correlates ≥ HAT_SHAPE_CORR with the clip's own hats'
    (:func:`hat_cues`): a bed's flicker has another shape, and a bed alone no hats to learn one from. Not inside speech.
    Centre: ``centre`` s."""
    cues = ctx.hat_cues
    if cues is None:
        return False
    rise_db, corr = cues
    near = max(int(round(0.015 / ctx.hop_s)), 1)
    for i in range(min(hi, rise_db.size - 2) - 1, max(lo, 5) - 1, -1):
        if rise_db[i] < HAT_SHAPE_RISE_DB or corr[i] < HAT_SHAPE_CORR or rise_db[i] < rise_db[max(i - 2, 0) : i + 3].max():
            continue
        if np.any(np.abs(marked - i) <= near) or not (noisy or noise_before(ctx, i)):
            continue
        return not speech_over(ctx, centre, i, "hihat")
    return False


def marked_hat(ctx: Context, i: int, noisy: bool) -> bool:
    """Whether a high-band onset at hop ``i`` (:func:`high_onsets`) at which a flux onset read no drum (:func:`drum_of`
    on the whole spectrum: a brown bed's lows rise and fall at random over it) is a hi-hat over a noise bed (the frame
    ``noisy`` or the sound before noise, :func:`noise_before`): :func:`drum_over_bed`, which reads only what stands
    over the bed, names it a hi-hat."""
    if not (noisy or noise_before(ctx, i)):
        return False
    return drum_over_bed(ctx, i) == "hihat"


def hat_over_notes(ctx: Context, i: int, flux: np.ndarray) -> bool:
    """Whether a high-band onset at hop ``i`` (:func:`high_onsets`) whose flux onsets ``flux`` (hops within 15 ms)
    :func:`drum_of` reads as no drum is a hi-hat over held notes (issue 11d, session 22): the sound before it is voiced
    (:func:`voiced_bed`: a band's bass and chords; over a noise bed :func:`marked_hat` reads it) and
    :func:`drum_over_bed`, which reads only what stands over the notes, names a hi-hat at that onset or at its flux
    onset (the high bands' rise is often found a hop before the hop whose spectrum holds the hat). The notes' bins move
    through drum_of's 100 ms decay test on the whole spectrum (too little of the new energy dies away), as a ghost
    snare's do (:func:`wires_over_notes`); over them a hat's new energy is its own."""
    if any(ctx.drum_at(int(k)) is not None for k in flux) or not voiced_bed(ctx, i):
        return False
    return any(drum_over_bed(ctx, int(k)) == "hihat" for k in (i, *flux))


def hat_with_note(ctx: Context, flux: np.ndarray) -> bool:
    """Whether flux onsets ``flux`` (hops within 15 ms of a high-band onset) that :func:`drum_of` reads as no drum are a
    hi-hat struck with a note (issue 11d, session 28: a band's bass note on the beat, whose attack holds 90-98 % of the
    onset's new energy): the new energy in HAT_NOTE_HZ rises ≥ HAT_NOTE_RISE_DB over the 23 ms before, is noise there
    (flatness ≥ HAT_NOTE_FLATNESS), holds ≥ HAT_NOTE_OVER_MID times what rose in HAT_NOTE_MID_HZ and died away there
    within 100 ms (its percussive part, :func:`percussive_part`: a snare's wires put as much or more; the upper
    harmonics of the bass note struck with the hat ring on, session 44), and falls ≥ HAT_NOTE_FALL_DB by
    HAT_NOTE_FALL_S (a voice's sibilant holds)."""
    for k in flux:
        i = int(k)
        if ctx.drum_at(i) is not None or i < DRUM_BEFORE_HOPS:
            continue
        pre, post = onset_spectra(ctx.power, i)
        rise = np.maximum(post - pre, 0.0)
        hat = (ctx.freqs >= HAT_NOTE_HZ[0]) & (ctx.freqs < HAT_NOTE_HZ[1])
        mid = (ctx.freqs >= HAT_NOTE_MID_HZ[0]) & (ctx.freqs < HAT_NOTE_MID_HZ[1])
        up_db = 10.0 * np.log10(max(float(post[hat].sum()), 1e-30) / max(float(pre[hat].sum()), 1e-30))
        # What dies away of the mid band's new energy: a snare's wires do; a bass note's upper harmonics struck with the
        # hat ring on (a synth bass's fill the band as a snare's wires would). None: the hops run out before 100 ms, as
        # they do for the fall test below (HAT_NOTE_FALL_S).
        part = percussive_part(ctx.power, i, ctx.hop_s)
        if part is None or up_db < HAT_NOTE_RISE_DB or float(rise[hat].sum()) < HAT_NOTE_OVER_MID * float(part[3][mid].sum()):
            continue
        later_i = i + int(round(HAT_NOTE_FALL_S / ctx.hop_s))
        if later_i + 3 > ctx.power.shape[0] or _flatness(rise[hat]) < HAT_NOTE_FLATNESS:
            continue
        later = float(ctx.power[later_i : later_i + 3, hat].mean(axis=0).sum())
        if 10.0 * np.log10(max(float(post[hat].sum()), 1e-30) / max(later, 1e-30)) >= HAT_NOTE_FALL_DB:
            return True
    return False


def band_power_rise(ctx: Context, i: int, lo_hz: float, hi_hz: float) -> float:
    """How far (dB) the power of the bins in [lo_hz, hi_hz) peaks within 46 ms of hop ``i`` over its bed: its median
    over the BED_S before, the onset's own window left out (as :func:`drum_over_bed`'s bed)."""
    w = max(int(BED_S / ctx.hop_s), 3)
    start = max(i - w - 2, 0)  # only the hops read: the bed and the 46 ms from the onset, not the whole clip per onset
    band = ctx.power[start : i + 8, (ctx.freqs >= lo_hz) & (ctx.freqs < hi_hz)].sum(axis=1)
    bed = float(np.median(band[: max(i - 2, 1) - start]))
    return 10.0 * float(np.log10(max(float(band[i - start : i - start + 8].max()), 1e-20) / max(bed, 1e-20)))


def hat_over_low_bed(ctx: Context, i: int, noisy: bool = False) -> bool:
    """Whether a high-band onset at hop ``i`` (:func:`high_onsets`: the bands from HIGH_ONSET_HZ up rise on their own)
    over a noise bed (the frame ``noisy`` or the sound before noise, :func:`noise_before`) is a hi-hat alone (issue 11d,
    session 22): the power of the snare's bands (BED_BANDS_HZ) rises less than LOW_BED_SNARE_DB over its bed (and falls
    no more than LOW_BED_SNARE_FALL_DB under it: a voice's sibilant follows its vowel, session 23) and the kick's less
    than LOW_BED_KICK_DB, while that from HIGH_ONSET_HZ up rises LOW_BED_HIGH_DB or more
    (:func:`band_power_rise`) and peaks within BAND_AUDIBLE_DB of the power under it. A bed whose power lies under 4 kHz (an empty room's
    tone, a rumble) flickers in the bins :func:`drum_over_bed` gates, and they pull the new energy's centroid to
    0.9–2.7 kHz: a closed hat reads snare or kick there, or nothing. A snare's body and wires, a clap's noise and a
    kick's thump add power to those bands; a hat adds little to a bed that fills them."""
    if i < 3 or i + drum_reach(ctx.hop_s) > ctx.power.shape[0] or not (noisy or noise_before(ctx, i)):
        return False  # ...and the hops a drum is read over are there: a sound cut off at the end steps up every band
    snare, kick = BED_BANDS_HZ["snare"], BED_BANDS_HZ["kick"]
    if band_power_rise(ctx, i, HIGH_ONSET_HZ, np.inf) < LOW_BED_HIGH_DB:
        return False
    # The hat's bands must be heard: within BAND_AUDIBLE_DB of the power under them (a room's tone alone leaves them
    # empty, and the window's leakage there rises and falls by tens of dB at random: kits_s21fresh's drumless room bed).
    span = ctx.power[i : i + 8]
    high = float(span[:, ctx.freqs >= HIGH_ONSET_HZ].sum(axis=1).max())
    if high < float(span[:, ctx.freqs < HIGH_ONSET_HZ].sum(axis=1).max()) * 10 ** (-BAND_AUDIBLE_DB / 10):
        return False
    return -LOW_BED_SNARE_FALL_DB <= band_power_rise(ctx, i, *snare) < LOW_BED_SNARE_DB and band_power_rise(ctx, i, *kick) < LOW_BED_KICK_DB


def hat_alone(ctx: Context, i: int) -> bool:
    """Whether a hit found over a bed in the high bands at hop ``i`` (:func:`bed_high_onsets`) that :func:`drum_over_bed`
    reads as another drum is a hi-hat on its own: the snare's bands (BED_BANDS_HZ) peak within 46 ms less than
    HAT_ALONE_DB over their bed (:func:`rise_over_bed`) and the kick's are not heard (:func:`kick_band_heard`). Over a
    pink or brown bed the bins a soft hat leaves to the bed's chance peaks tilt its gated spectrum low; a snare or a
    kick lifts its own bands."""
    snare = ctx.band_levels["snare"]
    if snare is None or i < 3:
        return False
    return rise_over_bed(snare, i, ctx.hop_s) < HAT_ALONE_DB and not kick_band_heard(ctx, i)


def bed_band_drum(ctx: Context, lo: int, hi: int, centre: float, marked: np.ndarray, noisy: bool = False) -> str | None:
    """The drum struck over a bed in hops [lo, hi) whose own bands (BED_BANDS_HZ: a ghost snare's mid bands, a kick's
    lows) rise over the bed's scatter as a hi-hat's do (:func:`bed_high_onsets`), not at a flux onset in ``marked``,
    where the frame is ``noisy`` or the sound before is noise (:func:`noise_before`): what :func:`drum_over_bed` reads
    there when it is that band's drum; None inside speech."""
    w = max(int(round(0.015 / ctx.hop_s)), 1)
    for drum, found in ctx.bed_band_onsets.items():
        for i in found[(found >= lo) & (found < hi)][::-1]:
            if np.any(np.abs(marked - i) <= w) or not (noisy or noise_before(ctx, int(i))):
                continue
            if drum == "kick" and not kick_band_heard(ctx, int(i)):
                continue
            read = drum_over_bed(ctx, int(i))
            if drum == "kick" and read is None and low_boom(ctx.band_levels["kick"], int(i), ctx.hop_s):
                read = "kick"
            if read == drum or (drum == "snare" and read == "clap"):
                return None if speech_over(ctx, centre, int(i), read) else read
    return None


def kick_band_heard(ctx: Context, i: int) -> bool:
    """Whether the kick's bands (BED_BANDS_HZ) at an onset at hop ``i`` over their bed are a hit heard, not a noise's
    flicker: within 46 ms they peak ≥ KICK_BAND_RISE_DB over their bed (25th percentile over the HIGH_BED_S before, the
    onset's own window left out) and ≤ KICK_BAND_BELOW_DB under the snare bands' peak."""
    kick, snare = ctx.band_levels["kick"], ctx.band_levels["snare"]
    if kick is None or snare is None or i < 3:
        return False
    return rise_over_bed(kick, i, ctx.hop_s) >= KICK_BAND_RISE_DB and float(kick[i : i + 8].max()) >= float(snare[i : i + 8].max()) - KICK_BAND_BELOW_DB


def rise_over_bed(level: np.ndarray, i: int, hop_s: float) -> float:
    """How far (dB) a band's mean level ``level`` [shape=(hops,)] peaks within 46 ms of hop ``i`` over its bed: its 25th
    percentile over the HIGH_BED_S before (what there is of it), the onset's own window left out."""
    w = max(int(HIGH_BED_S / hop_s), 8)
    return float(level[i : i + 8].max()) - float(np.percentile(level[max(i - w - 3, 0) : i - 2], 25))


def noise_drum(ctx: Context, lo: int, hi: int, centre: float, marked: np.ndarray) -> str | None:
    """The drum a frame centred at ``centre`` s that reads as noise (its timbre noisy, or no partial found) holds over its
    bed in hops [lo, hi), flux onsets ``marked`` aside: :func:`bed_hihat` or :func:`bed_band_drum` without their test
    that the sound is noise (partials that hold in a bed with a cymbal ringing need not be a note's)."""
    if bed_hihat(ctx, lo, hi, centre, marked, noisy=True):
        return "hihat"
    return bed_band_drum(ctx, lo, hi, centre, marked, noisy=True)


def loud_kick(ctx: Context, i: int) -> bool:
    """Whether the onset at hop ``i`` is a kick however busy the sound around it (noise, speech): :func:`drum_of` reads a
    kick, its bands (BED_BANDS_HZ) peak within 46 ms ≥ KICK_OVER_BED_DB over their bed (the 25th percentile of the
    HIGH_BED_S before, the onset's own window left out; at a clip's start what there is of it, KICK_BED_MIN_S at least)
    and boom (:func:`low_boom`). A noise's or a voice's lows do not leap that far in a few hops and die away."""
    level = ctx.band_levels["kick"]
    if level is None or i < 3 + max(int(round(KICK_BED_MIN_S / ctx.hop_s)), 1):
        return False
    if rise_over_bed(level, i, ctx.hop_s) < KICK_OVER_BED_DB or not low_boom(level, i, ctx.hop_s):
        return False
    return ctx.drum_at(i) == "kick"


def low_boom(level: np.ndarray | None, i: int, hop_s: float) -> bool:
    """Whether the kick's bands' level ``level`` [shape=(hops,)] (dB, :func:`band_level`) booms at hop ``i``: from its
    peak within 46 ms it falls ≥ BOOM_DROP_DB within 100 ms and ≥ BOOM_DROP_LATER_DB within 200 ms, as
    :func:`boom_kick` reads a kick's lows; a bass note holds its level for its length."""
    step = int(round(0.1 / hop_s))
    if level is None or i + 2 * step + 3 > level.size:
        return False
    peak = float(level[i : i + 8].max())
    return peak - float(level[i + step : i + step + 3].mean()) >= BOOM_DROP_DB and peak - float(level[i + 2 * step : i + 2 * step + 3].mean()) >= BOOM_DROP_LATER_DB


def sharp_hit(ctx: Context, i: int, drum: str) -> bool:
    """Whether the onset at hop ``i`` is a ``drum``'s transient in that drum's own bands (the hi-hat's from
    HIGH_ONSET_HZ up, else BED_BANDS_HZ; a clap's are the snare's): their mean level (dB, :func:`band_level`) peaks within
    SHARP_RISE_S after the onset ≥ SHARP_RISE_DB over its level SHARP_RISE_S before, does not rise more than
    SHARP_OVERSHOOT_DB over that peak in the 46 ms after it (a fricative swells on), falls ≥ SHARP_FALL_DB from it within
    100 ms and is still falling between SHARP_FALLING_S (≥ SHARP_FALLING_DB lower at the second): a drum dies away, a
    syllable's burst gives way to its vowel."""
    level = ctx.high_level if drum == "hihat" else ctx.band_levels["kick" if drum == "kick" else "snare"]
    reach = max(int(round(SHARP_RISE_S / ctx.hop_s)), 1)
    later = int(round(0.1 / ctx.hop_s))
    a, b = (int(round(s / ctx.hop_s)) for s in SHARP_FALLING_S)
    if level is None or i < reach or i + reach + later >= level.size:
        return False
    peak = i + int(np.argmax(level[i : i + reach + 1]))
    top = float(level[peak])
    return bool(
        top - level[i - reach] >= SHARP_RISE_DB
        and level[peak : peak + 8].max() - top <= SHARP_OVERSHOOT_DB
        and top - level[peak + later] >= SHARP_FALL_DB
        and level[peak + a] - level[peak + b] >= SHARP_FALLING_DB
    )


def speech_over(ctx: Context, centre: float, i: int, drum: str) -> bool:
    """Whether speech around ``centre`` s (:func:`is_speech`; loudness bursts at an even rate are a groove's, not
    syllables, :func:`even_bursts`, and so are onsets that all lie on a groove's grid, :func:`groove_grid`) outweighs a
    ``drum`` read at the onset hop ``i`` over a bed: unless that onset is the drum's sharp transient (:func:`sharp_hit`),
    its sibilants and plosives are noise bursts like a hat's or a snare's."""
    return is_speech(ctx, centre) and not even_bursts(ctx, centre) and not groove_grid(ctx, centre) and not sharp_hit(ctx, i, drum)


def consonant(ctx: Context, centre: float, i: int, drum: str) -> bool:
    """Whether the ``drum`` :func:`drum_of` reads at the flux onset hop ``i`` of the frame centred at ``centre`` s is a
    syllable's consonant (issue 11, session 20): a hi-hat, snare or clap (CONSONANT_DRUMS) inside speech that is not
    the drum's sharp transient (:func:`speech_over`, as over a bed) and does not stand over the voice: its level peak
    (CONSONANT_PEAK_HOPS hops from the onset) is more than CONSONANT_UNDER_VOICE_DB under the voice's level (the median
    level of the voiced hops within CONSONANT_VOICE_RANGE_DB of the loudest in the span :func:`is_speech` reads). A plosive's burst and a sibilant are
    noise that dies within 100 ms, as a hat's or a snare's; a drum struck over a voice stands over it."""
    if drum not in CONSONANT_DRUMS or not speech_over(ctx, centre, i, drum):
        return False
    lo, hi = ctx.index(centre - SPEECH_BEFORE_S), ctx.index(centre + SPEECH_AFTER_S) + 1
    level = ctx.level_db[lo:hi]
    voice = level[(ctx.flatness[lo:hi] < VOICED_FLATNESS) & (level >= level.max() - CONSONANT_VOICE_RANGE_DB)]
    return voice.size > 0 and float(ctx.level_db[i : i + CONSONANT_PEAK_HOPS].max()) < float(np.median(voice)) - CONSONANT_UNDER_VOICE_DB


def groove_grid(ctx: Context, t: float, before_s: float = 1.0, after_s: float = 0.6) -> bool:
    """Whether the onsets found around ``t`` s (:attr:`Context.sure_onsets`: flux, band, high-band and over a bed's
    scatter, in the span :func:`is_speech` reads) are a groove's: at least EVEN_MIN_BURSTS of them, and every one but the
    span's first and last on the grid of the others (:func:`on_grid`: a whole number of half steps from its neighbours,
    within GRID_TOL_S). A power kit's boom and clap every beat with a hat on the off-beat between (trial 14) bursts
    unevenly and its boom is voiced, so it passes for syllables; strokes keep the grid, syllables do not (a syllable's
    onset lies within 15 ms of a whole number of half steps from both neighbours by chance about one time in ten)."""
    lo, hi = ctx.index(t - before_s), ctx.index(t + after_s) + 1
    sure = ctx.sure_onsets
    hops = sure[(sure >= lo) & (sure < hi)]
    return hops.size >= EVEN_MIN_BURSTS and all(on_grid(sure, int(k), ctx.hop_s) for k in hops[1:-1])


def voiced_bed(ctx: Context, i: int) -> bool:
    """Whether the VOICED_BED_S before hop ``i`` are voiced: ≥ VOICED_BED_SHARE of its hops' flatness under
    VOICED_FLATNESS (speech, notes; a noise bed is flat)."""
    n = max(int(round(VOICED_BED_S / ctx.hop_s)), 1)
    before = ctx.flatness[max(i - 2 - n, 0) : max(i - 2, 0)]
    return before.size > 0 and float((before < VOICED_FLATNESS).mean()) >= VOICED_BED_SHARE


def voiced_bed_drum(ctx: Context, i: int) -> str | None:
    """The drum struck at hop ``i`` over speech or notes (:func:`voiced_bed`) whose flux does not stand out of theirs
    (:func:`stands_out`): :func:`drum_of` and :func:`drum_over_bed` agree on it and it is a sharp transient in its own
    bands (:func:`sharp_hit`); else None."""
    if not voiced_bed(ctx, i):
        return None
    drum = ctx.drum_at(i)
    if drum is None or drum_over_bed(ctx, i) != drum or not sharp_hit(ctx, i, drum):
        return None
    return drum


def noise_before(ctx: Context, i: int) -> bool:
    """Whether the sound of the 2 × NOISE_SPAN_S before hop ``i`` is noise (:func:`spectral_change_db`,
    :func:`peak_persistence`): the bed a hit at ``i`` stands on. Before a note, the notes before it keep their peaks."""
    before = float(ctx.t[i]) - NOISE_SPAN_S
    return spectral_change_db(ctx, before) >= NOISE_FLUCT_DB and peak_persistence(ctx, before) < NOISE_PEAK_PERSIST


def drum_over_bed(ctx: Context, i: int) -> str | None:
    """The drum struck at hop ``i`` over a bed (:func:`band_onsets`): :func:`drum_of` on the power over the bed (each
    bin's median over the BED_S before the onset) in the bins standing BED_MARGIN times over it, so the bed's own bins,
    which rise and fall at random, are not read as the hit's new energy, and a snare's body over a dark bed stays."""
    lo = max(i - int(BED_S / ctx.hop_s) - 8, 0)
    hi = min(i + int(0.1 / ctx.hop_s) + 8, ctx.power.shape[0])
    w = max(int(BED_S / ctx.hop_s), 3)
    bed = median(ctx.power[max(i - w - 2, 0) : max(i - 2, 1)], axis=0)
    power = ctx.power[lo:hi]
    clean = np.where(power >= BED_MARGIN * bed, power - bed, 0.0)
    return drum_of(clean, ctx.level_db[lo:hi], i - lo, ctx.freqs, ctx.hop_s, gated=True)


def frame_peaks(spectrum: np.ndarray) -> np.ndarray:
    """[shape=like ``spectrum``] whether each bin of a power spectrum is a peak: a local maximum over ±2 bins standing
    NOISE_PEAK_DB above the lowest of the bins 3–5 away on each side, within 40 dB of the top, below the bins that hold the
    last NOISE_TAIL_SHARE of the power (as :func:`peak_persistence` reads the hop spectra)."""
    db = 10.0 * np.log10(spectrum + 1e-12)
    n = db.size
    padded = pad_edge(db, 5)
    near = [padded[5 + k : 5 + k + n] for k in range(-5, 6)]
    local_max = (db >= near[3]) & (db >= near[4]) & (db >= near[6]) & (db >= near[7])
    floor = np.maximum(np.minimum(np.minimum(near[0], near[1]), near[2]), np.minimum(np.minimum(near[8], near[9]), near[10]))
    top = n - int(np.searchsorted(np.cumsum(spectrum[::-1]), NOISE_TAIL_SHARE * spectrum.sum()))
    return local_max & (db - floor >= NOISE_PEAK_DB) & (db > db.max() - 40.0) & (np.arange(n) < top + 6)


def partials_hold(spectrum: np.ndarray, t: float, history: list, nyquist_hz: float) -> bool:
    """Whether the partials of the frame spectra around ``t`` s stay: the median, over the frames of the last
    PARTIALS_SPAN_S, of the power-weighted share of a frame's spectral peaks (:func:`frame_peaks`) found again, within
    PARTIALS_MATCH_BINS of the same frequency (interpolated), in the spectrum of the frame PARTIALS_LAG_S or more before
    it, is at least PARTIALS_HOLD. ``history`` (kept by the caller across the frames, in order) holds ``(t, peak
    frequencies in bins, share)`` of the recent frames; this frame is added to it.

    Only the partials under PARTIALS_MAX_HZ are followed (``nyquist_hz``: the spectrum's last bin). A low note or chord whose
    harmonics the hop spectra (21.5 Hz bins) cannot resolve beats like noise there; in a longer frame spectrum its
    partials are peaks that hold their frequency. Two frame spectra that far apart share
    no samples, so a noise's peaks, however narrow its band, come back at the same frequency only by chance."""
    spectrum = spectrum[: int(PARTIALS_MAX_HZ / nyquist_hz * (spectrum.size - 1)) + 6]  # the bins up to it (+ a peak's reach)
    peaks = np.flatnonzero(frame_peaks(spectrum))
    peaks = peaks[(peaks > 0) & (peaks < spectrum.size - 6)]
    db = 10.0 * np.log10(spectrum + 1e-12)
    a, b, c = db[peaks - 1], db[peaks], db[peaks + 1]
    denom = a - 2 * b + c
    where = peaks + np.where(denom < 0, 0.5 * (a - c) / np.where(denom < 0, denom, -1.0), 0.0)  # interpolated, in bins
    earlier = [h for h in history if t - PARTIALS_SPAN_S <= h[0] <= t - PARTIALS_LAG_S]
    share = None
    if earlier and peaks.size:
        was = earlier[-1][1]
        if was.size:
            k = np.clip(np.searchsorted(was, where), 1, max(was.size - 1, 1))
            gap = np.minimum(np.abs(where - was[k - 1]), np.abs(where - was[np.minimum(k, was.size - 1)]))
            weight = spectrum[peaks]
            share = float(weight[gap <= PARTIALS_MATCH_BINS].sum() / weight.sum())
        else:
            share = 0.0
    history[:] = [h for h in history if h[0] >= t - PARTIALS_SPAN_S] + [(t, where, share)]
    shares = [h[2] for h in history if h[2] is not None]
    return len(shares) >= PARTIALS_MIN_VALUES and float(median(shares)) >= PARTIALS_HOLD


def click_hops(slice_db: np.ndarray) -> np.ndarray:
    """[shape=(hops,)] Whether an onset at each hop is a lone click (a vinyl record's crackle), not a drum: the loudest
    of the hops' own 5.8 ms slices around it (``slice_db``, dB; from CLICK_SEARCH_HOPS before to after the hop) stands
    ≥ CLICK_OVER_DB over the floor before it (the median slice of CLICK_FLOOR_HOPS before the search) and within the
    4 slices after it (23 ms) the level is back within CLICK_BACK_DB of that floor. A drum rings on for tens of ms (a
    shell, its wires, a cymbal): its slices stay over the floor (kits_s12fresh / kits_s13fresh: 1 and 4 of 177 and
    224 drum-named hit onsets standing 15 dB over their floor come back within 2 dB of it); a click of 0.2-1 ms is over
    at once, and a crackle's next click comes a few slices later (crackle: 26 of 28 and 26 of 26 drum-named onsets
    that stand 15 dB over their floor come back); the 46 ms hop spectra blur the two alike. Not asked of an onset read
    as a kick: a click has no low thump, and a soft kick's low body may sit under a bed's level in the slices while
    its beater's click makes the peak (5 kicks under fan, speech, pink and rain on kits_s13fresh)."""
    n = slice_db.size
    out = np.zeros(n, bool)
    before, after = CLICK_SEARCH_HOPS
    if n < CLICK_FLOOR_HOPS + before + after + 6:
        return out
    padded = np.concatenate([np.full(before, -np.inf), slice_db, np.full(after + 6, -np.inf)])
    windows = sliding_window_view(padded[: n + before + after], before + after + 1)  # hop i: slices i-before … i+after
    p = np.arange(n) - before + np.argmax(windows, axis=1)
    floor = np.full(n, np.inf)
    start = CLICK_FLOOR_HOPS + before
    floor[start:] = np.median(sliding_window_view(slice_db, CLICK_FLOOR_HOPS)[: n - start], axis=1)  # hop i: slices i-before-CLICK_FLOOR_HOPS … i-before-1
    ok = (p + 5 <= n) & np.isfinite(floor)
    q = np.clip(p, 0, n - 5)
    back = sliding_window_view(slice_db, 4)[np.minimum(q + 1, n - 4)].min(axis=1)
    out[ok] = (slice_db[q[ok]] - floor[ok] >= CLICK_OVER_DB) & (back[ok] - floor[ok] <= CLICK_BACK_DB)
    return out


def hat_run(ctx: Context, i: int) -> bool:
    """Whether the onset at hop ``i``, which :func:`drum_of` names a hi-hat, keeps a dense groove's time: the onsets
    around it (:attr:`Context.hit_onsets`, :func:`keeps_time`). Sixteenth hats pass for noise by the spectrum's change and
    by their flux's percentile (:func:`stands_out`) but keep time; a rain's drops or a voice's bursts do not."""
    return ctx.drum_at(i) == "hihat" and keeps_time(ctx.hit_onsets, i, ctx.hop_s)


def keeps_time(hops: np.ndarray, i: int, hop_s: float) -> bool:
    """Whether the onsets ``hops`` (sorted) within ±HAT_RUN_S of hop ``i`` (``hop_s`` s) keep a dense groove's time: at
    least HAT_RUN_MIN of them, their median interval (the step) at most HAT_RUN_STEP_S, and every interval a whole number
    of steps within HAT_RUN_TOL of one."""
    w = int(round(HAT_RUN_S / hop_s))
    near = hops[(hops >= i - w) & (hops <= i + w)]
    if near.size < HAT_RUN_MIN:
        return False
    gaps = np.diff(near).astype(float)
    step = float(np.median(gaps))
    if step * hop_s > HAT_RUN_STEP_S:
        return False
    ratio = gaps / step
    return bool(np.all((np.round(ratio) >= 1) & (np.abs(ratio - np.round(ratio)) <= HAT_RUN_TOL)))


def groove_hats(ctx: Context) -> np.ndarray:
    """Onset hops of hi-hats struck over a band in a dense groove, which no flux onset shows (the band's bass and chords
    move the flux over all bands) and whose bands from HIGH_ONSET_HZ up rise under HIGH_ONSET_DB over the 23 ms before
    (the hat before still rings): peaks of those bands' level standing GROOVE_PEAK_DB over the 100 ms around them, the
    onset the steepest rise within 35 ms before; a hat where they rose GROOVE_HAT_RISE_DB from their lowest in the 40 ms
    before it, the band HAT_NOTE_MID_HZ less than GROOVE_MID_SHARE of that, and the new energy up there is noise
    (GROOVE_HAT_FLATNESS), among peaks that keep a dense groove's time (:func:`keeps_time`)."""
    level, mid = ctx.high_level, band_level(ctx.power, ctx.freqs, *HAT_NOTE_MID_HZ)
    if level is None or mid is None or level.size < 16:
        return np.zeros(0, int)
    back, after = max(int(round(0.04 / ctx.hop_s)), 1), max(int(round(0.035 / ctx.hop_s)), 1)
    peaks, _ = find_peaks(level, distance=max(int(0.05 / ctx.hop_s), 1), prominence=GROOVE_PEAK_DB, wlen=max(int(0.1 / ctx.hop_s), 3))
    peaks = peaks[(peaks > 2 * back) & (peaks + after < level.size)]
    starts = np.array([p - after + int(np.argmax(np.diff(level[p - after - 1 : p + 1]))) for p in peaks], dtype=int)
    high = ctx.freqs >= HIGH_ONSET_HZ
    out = []
    for k, p in zip(starts, peaks):
        rise = float(level[p] - level[k - back : k + 1].min())
        if rise < GROOVE_HAT_RISE_DB or float(mid[k : k + after + 1].max() - mid[k - back : k + 1].min()) >= GROOVE_MID_SHARE * rise:
            continue
        pre, post = onset_spectra(ctx.power, int(k))
        new = np.maximum(post - pre, 0.0)[high]
        if _flatness(new[new > 0]) >= GROOVE_HAT_FLATNESS and keeps_time(starts, int(k), ctx.hop_s):
            out.append(int(k))
    return np.asarray(out, dtype=int)


def stands_out(ctx: Context, i: int) -> bool:
    """Whether the onset at hop ``i`` stands out of the sound around it: its flux is at least HIT_OVER_NOISE times
    the flux's 75th percentile within ±HIT_BACKGROUND_S (a noise's own bursts reach about 5 times it)."""
    w = int(HIT_BACKGROUND_S / ctx.hop_s)
    background = float(np.percentile(ctx.flux[max(i - w, 0) : i + w + 1], 75))
    return bool(ctx.flux[i] >= HIT_OVER_NOISE * max(background, 1e-6))


def pure_noise(*, timbre: str, band: str, centroid_hz: float) -> str:
    """The pure-sound primitive a frame is closest to: silence, hum, tone, rumble, hiss, click or buzz."""
    if timbre == "silent":
        return "silence"
    if timbre == "percussive":
        return "click"
    if timbre == "tonal":
        return "hum" if band == "low" else "tone"
    if timbre == "noisy":
        return "rumble" if centroid_hz < RUMBLE_CENTROID_HZ else "hiss"
    return "buzz"


def in_tune(f0_hz) -> bool:
    """Whether the partials ``f0_hz`` (Hz) sit on one semitone grid, as the notes of a chord do: at least
    IN_TUNE_SHARE of their pairs are a whole number of semitones apart, within TUNING_SEMITONES."""
    f = np.asarray(f0_hz, float)
    if f.size < 2:
        return True
    i, j = np.triu_indices(f.size, 1)
    interval = 12 * np.abs(np.log2(f[j] / f[i]))
    return bool(np.mean(np.abs(interval - np.round(interval)) <= TUNING_SEMITONES) >= IN_TUNE_SHARE)


def _rose(ctx: Context, i: int, f0_hz) -> int:
    """How many of the fundamentals ``f0_hz`` (Hz) rose by CHORD_RESTRIKE at the onset hop ``i``: the notes it struck."""
    pre, post = onset_spectra(ctx.power, i)
    bins = np.clip(np.searchsorted(ctx.freqs, f0_hz), 1, ctx.freqs.size - 2)
    return int(sum(post[b - 1 : b + 2].max() >= CHORD_RESTRIKE * pre[b - 1 : b + 2].max() for b in bins))


def struck_notes(ctx: Context, i: int, f0_hz) -> int:
    """How many of the notes with fundamentals ``f0_hz`` (Hz) were struck at the onset hop ``i``: those whose
    fundamental rose by CHORD_RESTRIKE (as :func:`_rose` counts), and those not sounding just before (no
    fundamental within NEW_NOTE_SEMITONES of theirs in the 23 ms before the onset) whose first STRUCK_PARTIALS
    partials rose together by CHORD_RESTRIKE (at least half their power after the onset is new).

    The second way keeps a chord that follows another a semitone away countable: at 21.5 Hz bins the two
    fundamentals share a bin, which the earlier chord's release fills; their upper partials do not share one.
    A note still ringing from before is not counted, even where the onset's transient or a new note's
    partial lifts one of its partials.
    """
    pre, post = onset_spectra(ctx.power, i)
    sounding = np.array(harmonics(pre, ctx.freqs).f0_hz) if pre.any() else np.zeros(0)
    bin_hz = float(ctx.freqs[1] - ctx.freqs[0])
    count = 0
    for f0 in f0_hz:
        rang = sounding.size > 0 and (bool(np.any(np.abs(12 * np.log2(sounding / f0)) < NEW_NOTE_SEMITONES)) or ringing_harmonic(f0, sounding))
        if _rose(ctx, i, [f0]) and not (rang and not restruck(ctx, i, f0)):
            count += 1
            continue
        if rang:
            continue
        bins = [b for b in (int(round(m * f0 / bin_hz)) for m in range(1, STRUCK_PARTIALS + 1)) if b < post.size]
        count += bool(np.maximum(post[bins] - pre[bins], 0.0).sum() >= (1.0 - 1.0 / CHORD_RESTRIKE) * post[bins].sum())
    return count


def ringing_start(ctx: Context, i: int) -> int | None:
    """The onset hop that started the notes still ringing at the onset hop ``i`` when ``i`` starts no note: a flux peak
    where the level did not rise (not in :attr:`Context.note_onsets`) and no pitch changed since the last note onset,
    within HELD_NOTE_S of it (session 19, 11c: a kalimba's tines beat as they die away, and each beat is a flux onset that
    struck none of the chord's notes). None when ``i`` is a note start or no such onset is found."""
    if np.any(ctx.note_onsets == i):
        return None
    before = ctx.note_onsets[(ctx.note_onsets < i) & (ctx.note_onsets >= i - int(HELD_NOTE_S / ctx.hop_s))]
    if not before.size or np.any((ctx.changes > before[-1]) & (ctx.changes <= i)):
        return None
    return int(before[-1])


def restruck(ctx: Context, i: int, f0_hz: float) -> bool:
    """Whether a note with fundamental ``f0_hz`` (Hz) that was sounding before the onset hop ``i`` was struck again there:
    its 2nd harmonic rose by CHORD_RESTRIKE too (issue 11c). Under ~300 Hz a new note a few semitones off fills the
    ringing fundamental's bins (21.5 Hz apart) with its own main lobe; at the 2nd harmonic the two lie twice as far apart."""
    return 2.0 * f0_hz >= float(ctx.freqs[-1]) or _rose(ctx, i, [2.0 * f0_hz]) > 0


def ringing_harmonic(f0_hz: float, sounding_hz: np.ndarray) -> bool:
    """Whether ``f0_hz`` (Hz) is within NEW_NOTE_SEMITONES of the 2nd…RINGING_HARMONICS-th harmonic of a note sounding
    before the onset (``sounding_hz``, its fundamentals; issue 11c): a harp's or a piano's earlier notes ring on into
    the next, and their upper partials, no multiples of the new note, read as fundamentals of notes of their own."""
    k = np.arange(2, RINGING_HARMONICS + 1)
    return bool(np.any(np.abs(12 * np.log2(np.outer(sounding_hz, k) / f0_hz)) < NEW_NOTE_SEMITONES))


def legato_start(state: list | None, t_on: float, t: float, f0_hz, began: Callable[[float, float], float | None] | None = None) -> float | None:
    """Where the note under a frame at ``t`` s started when that is after its onset at ``t_on`` s (issue 11c, session 16):
    a line played legato (bowed, blown, slurred) moves from note to note without an onset, so one onset would hold
    the polyphony its first frames showed (a bow's noise, the first note's transient) for the whole line. A frame
    showing one fundamental (``f0_hz``, Hz) LEGATO_STEP_SEMITONES or more from the pitch the note held, and the frames
    of LEGATO_HOLD_S staying on that new pitch (within STEP_TOLERANCE), start a note where that new pitch was first
    seen; a harmonic interval's jump (the fundamental read an octave off) and a pitch that comes back (vibrato, a
    trill's upper note) start none. A pad's chord shows several fundamentals and changes nothing here. A struck
    chord whose upper notes die faster than the others leaves one of its notes alone in some frames: that pitch was
    sounding since the onset, so ``began`` (new Hz, first seen s → where that pitch began to sound, s, or None when it
    sounded from the onset on; :func:`pitch_began`) moves the note's start back to where the pitch began, and a pitch
    that sounded from the onset starts no note (the held pitch just follows it).
    ``state`` (kept by the caller across frames in order; cleared on silence): [onset s, held Hz, new Hz, new since s,
    note start s]. None: no legato note started after the onset (or no state kept)."""
    if state is None:
        return None
    if not state or state[0] != t_on:
        state[:] = [t_on, None, None, None, None]
    if len(f0_hz) != 1:
        return state[4]
    f = float(f0_hz[0])
    held, new, since = state[1], state[2], state[3]
    if held is None:
        state[1] = f
        return state[4]
    jump = abs(12.0 * np.log2(f / held))
    if jump < LEGATO_STEP_SEMITONES or min(abs(jump - k) for k in HARMONIC_SEMITONES) <= STEP_TOLERANCE:
        state[2] = state[3] = None  # back on the held pitch (or its partial read)
        return state[4]
    if new is None or abs(12.0 * np.log2(f / new)) > STEP_TOLERANCE:
        state[2], state[3] = f, t
        return state[4]
    if t - since >= LEGATO_HOLD_S - 1e-6:
        start = since if began is None else began(f, since)
        state[1], state[2], state[3], state[4] = f, None, None, start if start is not None else state[4]
    return state[4]


def pitch_began(ctx: Context, f_hz: float, since: float, t_on: float) -> float | None:
    """Where (s) a pitch ``f_hz`` (Hz) first seen alone at ``since`` s began to sound: the latest hop after LEGATO_ONSET_S
    past the onset at ``t_on`` s where its first LEGATO_PARTIALS partials (each the highest bin within one of it) rose
    LEGATO_RISE_DB or more over the hop spectrum one window (46 ms) before. None when they did not rise anywhere there: a
    note the onset struck (a chord's note that its dying upper notes left alone only loses energy)."""
    d = max(int(round(LEGATO_WINDOW_S / ctx.hop_s)), 1)
    lo, hi = max(ctx.index(t_on + LEGATO_ONSET_S), d), ctx.index(since + LEGATO_WINDOW_S)  # the frame that first showed it may hold only the rise's start
    if hi <= lo:
        return None
    bin_hz = float(ctx.freqs[1] - ctx.freqs[0])
    bins = [b for b in (int(round(k * f_hz / bin_hz)) for k in range(1, LEGATO_PARTIALS + 1)) if 1 <= b < ctx.freqs.size - 1]
    band = np.stack([ctx.power[lo - d : hi + 1, b - 1 : b + 2].max(axis=1) for b in bins]).sum(axis=0)
    db = 10.0 * np.log10(np.maximum(band, 1e-20))
    rise = db[d:] - db[:-d]
    up = np.flatnonzero(rise >= LEGATO_RISE_DB)
    return min(float(ctx.t[lo + int(up[-1])]), since) if up.size else None


def single_line(notes: dict, t_on: float) -> bool:
    """Whether the notes struck in the LINE_BEFORE_S before the one at ``t_on`` s were single notes: at least
    LINE_VOTE_NOTES of them, two thirds struck as one or two notes (``notes``: onset time s → the polyphony its first frames
    showed, as :func:`frame_primitive` keeps it). A line's note whose spectrum is crowded (the notes before still
    ringing into it, a muted string's noisy decay) stays a note of the line; a chord after chords stays a chord."""
    before = [sorted(c)[len(c) // 2] for k, c in notes.items() if t_on - LINE_BEFORE_S <= k < t_on and c]
    return len(before) >= LINE_VOTE_NOTES and 3 * sum(n <= 2 for n in before) >= 2 * len(before)


def low_chord(fine_spectrum: np.ndarray, nyquist_hz: float, ctx: Context | None = None, onset_i: int | None = None) -> int:
    """Notes struck together that the frame's longer spectrum ``fine_spectrum`` (bins 0…``nyquist_hz``) parts where the
    frame's own spectrum cannot (a low triad's notes a few Hz apart): :func:`~aspects.measure.harmony.chord_notes`
    (issue 11c). Only a chord rooted under BASS_HZ: above it the frame's own bins part notes a semitone apart, and the
    longer window would count a line's successive short notes as notes struck together. Given the context ``ctx`` and
    the note's onset hop ``onset_i``, only the notes struck there count (:func:`struck_notes`, session 8): the 186 ms
    window also holds the notes a harp or a piano lets ring from before; notes under STRUCK_MIN_BINS of the hop spectra
    count as struck (their bins there hold the neighbouring notes' main lobes)."""
    freqs = np.linspace(0.0, nyquist_hz, fine_spectrum.size)
    count = chord_notes(freqs=freqs, power=fine_spectrum, below_hz=BASS_HZ)
    if count < 3 or ctx is None or onset_i is None:
        return count
    f0 = chord_fundamentals(fine_spectrum, freqs)
    low = f0 < STRUCK_MIN_BINS * float(ctx.freqs[1] - ctx.freqs[0])  # too low for the hop spectra to tell struck from ringing
    return int(low.sum()) + struck_notes(ctx, onset_i, f0[~low])


def in_bass_register(lows: list | None, t: float, f0_hz: float) -> bool:
    """Whether the low line a frame at ``t`` s with register ``f0_hz`` (Hz) belongs to is the bass: the median register of
    the bass-shaped frames of the last BASS_SPAN_S (``lows``, (time s, Hz) pairs kept by the caller across frames in order;
    this frame's is added) is at or under BASS_CUT_HZ (session 10: a line's register, not one note's, makes the bass). A lead,
    a muted guitar or a bassoon line whose notes lie around 150-250 Hz is named by its envelope as any other line."""
    if lows is None:
        return f0_hz <= BASS_CUT_HZ
    lows.append((t, f0_hz))
    while lows and lows[0][0] < t - BASS_SPAN_S:
        lows.pop(0)
    return float(np.median([hz for _, hz in lows])) <= BASS_CUT_HZ


def bass_line(ctx: Context, t: float, fine_spectrum: np.ndarray, nyquist_hz: float, lows: list | None = None) -> bool:
    """Whether the frame at ``t`` s is a bass line's note read in its longer spectrum ``fine_spectrum`` (issue 11n): one
    harmonic series under BASS_HZ (:func:`~aspects.measure.harmony.low_series_hz`: a bowed, blown or bright note whose
    partials :func:`harmonics` takes for several notes), heard there (:func:`octave_register_hz`), in a line whose notes
    are shorter than HELD_NOTE_S and whose pitch moves (:func:`pitch_moves`; held notes and chords are pads or
    sustained notes)."""
    f0 = low_series_hz(fine_spectrum, nyquist_hz, BASS_HZ)
    if f0 is None:
        return False
    register = octave_register_hz(fine_spectrum, np.linspace(0.0, nyquist_hz, fine_spectrum.size), f0)
    if register >= BASS_HZ:
        return False
    length = note_length_s(ctx, t)
    line = length is not None and length < HELD_NOTE_S and pitch_moves(ctx, t, LINE_BEFORE_S, LINE_AFTER_S)
    return line and in_bass_register(lows, t, register)


def frame_primitive(
    *,
    timbre: str,
    band: str,
    centroid_hz: float,
    low_share: float,
    spectrum: np.ndarray,
    spectrum_freqs: np.ndarray,
    ctx: Context,
    t0: float,
    t1: float,
    notes: dict | None = None,
    last_series: list | None = None,
    partials: list | None = None,
    fine_spectrum: np.ndarray | None = None,
    lows: list | None = None,
    legato: list | None = None,
) -> str:
    """The primitive of the frame covering [t0, t1) s (module docstring): ``spectrum`` its power spectrum,
    ``low_share`` the share of it below 250 Hz, the rest the frame's :func:`~aspects.measure.sound` words.
    ``notes`` (onset time s → notes counted in its first frames), kept by the caller across frames in order, lets a
    note keep the polyphony its first frames showed. ``last_series`` (one item, the lowest fundamental in Hz of the frame
    before when it showed a harmonic series, else None), kept by the caller likewise, lets a low note that holds its
    pitch from frame to frame stay a note where the hop spectra cannot resolve its harmonics. ``partials`` (kept likewise:
    the recent frames' spectral peaks, :func:`partials_hold`, read in ``fine_spectrum``, the frame's power spectrum over a
    longer window, or else in ``spectrum``) lets low notes and chords whose partials hold stay notes. ``lows`` (kept likewise:
    the registers of the recent bass-shaped frames, :func:`in_bass_register`) tells the bass from a line above its register.
    ``legato`` (kept likewise: :func:`legato_start`'s state) starts a note where a held sound's single pitch moves."""
    if timbre == "silent":
        if legato is not None:
            legato.clear()
        if last_series is not None:
            last_series[:] = [None]
        if partials is not None:
            partials.clear()
        return "silence"
    centre = 0.5 * (t0 + t1)
    held_partials = partials_hold(spectrum if fine_spectrum is None else fine_spectrum, centre, partials, float(spectrum_freqs[-1])) if partials is not None else False
    # Noise (rain, wind, rumble, hiss of any colour) is told by how its spectrum changes, not by its shape: a
    # band-limited or brown noise puts its power in a few bins like a note does. Its bins change at random from one
    # hop spectrum to the next and its peaks do not stay; a line of short notes changes its bins at each note but
    # keeps its peaks between.
    changing = spectral_change_db(ctx, centre) >= NOISE_FLUCT_DB
    persist = peak_persistence(ctx, centre) if changing else 1.0
    noisy = changing and persist < NOISE_PEAK_PERSIST
    # Drum hits: an onset in this frame or the one before (in noise, one that stands out of the noise's own bursts).
    span = t1 - t0
    lo, hi = ctx.index(t0 - span), ctx.index(t1)
    drowned: list[int] = []  # flux onsets not read for not standing out of the noise: their hi-hat may still be found
    # The flux onsets, and the peaks standing over the flux's local median only: a dense groove's hats, read only as such.
    for i in ctx.hit_onsets[(ctx.hit_onsets >= lo) & (ctx.hit_onsets < hi)][::-1]:
        weak = not np.any(ctx.onsets == i)
        if weak and not hat_run(ctx, int(i)):
            continue
        if noisy and not (weak or stands_out(ctx, int(i)) or hat_run(ctx, int(i))):  # a weak onset here keeps time
            if loud_kick(ctx, int(i)):
                return "kick"
            drum = voiced_bed_drum(ctx, int(i))  # a hit over speech: its transient, not its flux, stands out
            if drum is not None:
                return drum
            drowned.append(int(i))
            continue
        drum = ctx.drum_at(int(i))
        if drum == "hihat" and struck_with_own_hat(ctx, int(i), centre):  # a stroke under a hat as loud or louder
            drum = "clap" if clap_under_own_hat(ctx, int(i)) else "snare"
        elif drum is not None and drum != "hihat" and np.any(np.abs(ctx.high_onsets - i) <= 2) and hat_over_low_bed(ctx, int(i), noisy):
            drum = "hihat"  # a hat over a bed under 4 kHz whose flicker drum_of read with it
        if drum is not None and (drum == "kick" or not ctx.clicks[int(i)]):  # a lone click (crackle) is no drum
            if consonant(ctx, centre, int(i), drum):  # a syllable's plosive or sibilant, not a stroke over the voice
                continue
            return drum
    # Over a bed of noise (hiss, rain, rumble) a hit may not lift the mean flux: the bands it stands out in tell it.
    # Where the frame or the sound before the onset is no noise (notes ringing on), the flux onsets above are the whole
    # story; a voice's consonants are noise bursts over the voice: speech is read before them.
    for i in ctx.band_onsets[(ctx.band_onsets >= lo) & (ctx.band_onsets < hi)][::-1]:
        if not (noisy or noise_before(ctx, int(i))):
            continue
        drum = drum_over_bed(ctx, int(i))
        if drum is not None and (drum == "kick" or not ctx.clicks[int(i)]):
            if speech_over(ctx, centre, int(i), drum):
                break
            return drum
    if high_hihat(ctx, lo, hi, centre, drowned, noisy):
        return "hihat"
    for k in ctx.groove_hats[(ctx.groove_hats >= lo) & (ctx.groove_hats < hi)][::-1]:
        if not speech_over(ctx, centre, int(k), "hihat"):
            return "hihat"
    marked = np.setdiff1d(ctx.onsets, np.asarray(drowned, dtype=int))
    bed_drum = bed_band_drum(ctx, lo, hi, centre, marked, noisy)
    if bed_drum is not None:
        return bed_drum
    stroke = soft_snare(ctx, lo, hi, centre) or ghost_snare(ctx, lo, hi, centre) or wires_under_bed(ctx, lo, hi, centre, marked) or wires_over_notes(ctx, lo, hi, centre)
    if stroke is not None:
        return stroke
    # Speech keeps its voiced harmonics from one hop spectrum to the next; a brown noise's bursts and tilt
    # (low flatness) can pass for voiced syllables, but its peaks do not stay.
    # A reed's or a pipe's line passes is_speech on its breathy level bursts; its pitch holds flat over each note.
    if persist >= SPEECH_PEAK_PERSIST and is_speech(ctx, centre) and not even_bursts(ctx, centre) and not even_onsets(ctx, centre) and pitch_glides(ctx, centre):
        return "speech"
    h = harmonics(spectrum, spectrum_freqs)
    # The hop spectra's 21.5 Hz bins do not resolve the harmonics of a note under ~70 Hz, which then beat like noise.
    # The frame's finer spectrum shows them as a series, on one fundamental from frame to frame; a noise's chance
    # series jumps about.
    f0 = min(h.f0_hz) if h.count and h.count <= 2 and h.harmonic_count >= NOISE_SERIES_HARMONICS else None
    before = last_series[0] if last_series else None
    held = f0 is not None and before is not None and abs(f0 / before - 1.0) <= NOISE_SERIES_HOLD
    if last_series is not None:
        last_series[:] = [f0]
    if noisy and not held and not held_partials:
        return pure_noise(timbre="noisy", band=band, centroid_hz=centroid_hz)
    if timbre == "noisy" or h.count == 0:  # a noise whatever else: a hit over it needs no noise test (:func:`noise_drum`)
        drum = noise_drum(ctx, lo, hi, centre, marked)
        if drum is not None:
            return drum
    noise = pure_noise(timbre=timbre, band=band, centroid_hz=centroid_hz)
    shape = note_shape(ctx, centre)
    moving = h.count <= 2 and pitch_moves(ctx, centre, LINE_BEFORE_S, LINE_AFTER_S)
    # A pure tone: one partial without harmonics whose pitch holds (a test tone, a hum, a beep), unless it was
    # struck and dies away like a mallet's note.
    pure = h.count == 1 and h.harmonic_count < PURE_MAX_HARMONICS and not moving
    i = ctx.index(centre)
    w = max(int(TRANSIENT_SPAN_S / ctx.hop_s), 1)
    if not pure and not moving and np.any(np.abs(ctx.onsets - i) <= w):
        # A click or a hit over a steady tone fills the frame's spectrum for a moment: judge the tone by the
        # median spectrum of the hops around it, in which a short transient does not show.
        under = harmonics(median(ctx.power[max(i - 2 * w, 0) : i + 2 * w + 1], axis=0), ctx.freqs)
        pure = under.count == 1 and under.harmonic_count < PURE_MAX_HARMONICS
    struck_decaying = shape.onset_i is not None and shape.decay_db_s <= -PLUCK_DECAY_DB_S and _rose(ctx, shape.onset_i, h.f0_hz[:1])
    if timbre == "noisy" or h.count == 0 or (pure and not struck_decaying):
        if noise in ("click", "tone") and steady_pulse(ctx):
            return "pulse"
        return noise
    fresh = h.count
    in_line = False
    ringing: np.ndarray | None = None  # the note starts the frame's note is read from, when not every onset (ringing_start)
    if shape.onset_i is not None:  # polyphony of what the onset struck: ringing earlier notes do not count
        i = shape.onset_i
        fresh = struck_notes(ctx, i, h.f0_hz)
        if fresh == 0 and h.count >= 3 and ringing_start(ctx, i) is not None:
            # Nothing struck here (a kalimba's tines beating as they die away): the notes ringing on are the note
            # their own start struck, read from there.
            ringing = ctx.note_onsets
            shape = note_shape(ctx, centre, ringing)
            i = int(shape.onset_i) if shape.onset_i is not None else i
            fresh = struck_notes(ctx, i, h.f0_hz)
        if fresh <= 2 and h.count <= 2 and min(h.f0_hz) < BASS_HZ and fine_spectrum is not None:
            fresh = max(fresh, low_chord(fine_spectrum, float(spectrum_freqs[-1]), ctx, i))
        t_on = onset_s = float(ctx.t[i])
        now = ctx.index(centre)
        held_level = ctx.level_db[now] >= ctx.level_db[i : now + 1].max() - LEGATO_LEVEL_DB
        moved = legato_start(legato, t_on, centre, h.f0_hz if held_level else (), lambda f, since: pitch_began(ctx, f, since, onset_s))
        if moved is not None:  # a note of a legato line: its polyphony is what its own frames show, never more than its onset's
            struck = notes.get(t_on) if notes is not None else None
            t_on, fresh = moved, min(h.count, sorted(struck)[len(struck) // 2] if struck else fresh)
        if notes is not None:  # a chord stays a chord while its upper notes die away: the note keeps what its start held
            counts = notes.setdefault(t_on, [])
            if centre - t_on <= NOTE_START_S:
                counts.append(fresh)
            fresh = sorted(counts)[len(counts) // 2] if counts else fresh  # what most of its first frames agree on (an attack's transient is not a chord)
            in_line = single_line(notes, t_on)
            if fresh >= 3 and in_line:  # a note of a line of single notes (a ringing harp, a muted string's noisy death)
                fresh = 1
            for old in [k for k in notes if k < t_on - 10.0]:
                del notes[old]
    soft = shape.attack_s is None or shape.attack_s >= PAD_ATTACK_S
    lowest = min(h.f0_hz)
    # A bass note is low in its register too: a sub-octave stop under a higher line is not a bass. A chord whose
    # upper notes have died away is still the chord its start struck (``fresh``), not a bass note.
    # A single note with a full harmonic series is heard at its fundamental however bright (a slap's harmonics).
    series = h.count == 1 and h.harmonic_count >= BASS_SERIES_HARMONICS
    if h.count <= 2 and fresh <= 2 and lowest < BASS_HZ and (low_share >= BASS_LOW_SHARE or series):
        register = octave_register_hz(spectrum, spectrum_freqs, lowest)
        if register < BASS_HZ and in_bass_register(lows, centre, register):
            return "bass"
    # A bell's or a bar's partials are inharmonic: several "fundamentals" without harmonics, off one another's
    # semitone grid. They are one struck note, not notes struck together (a vibraphone's chord stays in tune).
    bell = h.harmonic_count < PURE_MAX_HARMONICS and not in_tune(h.f0_hz)
    struck_chord = not bell and (fresh >= 3 or (h.count >= 3 and fresh >= 2 and not in_line))
    length = note_length_s(ctx, centre) if moving or h.count >= 3 else None
    if length is None and moving:  # a line's last note, or notes near HELD_NOTE_S: the starts of the notes before it
        length = note_length_s(ctx, centre, LINE_WIDE_S)
    if struck_chord and not soft and shape.attack_s is not None and shape.attack_s < CHORD_ATTACK_S:
        fall_db_s, wobble_db = note_level_course(ctx, centre, ringing)
        # A held organ's or accordion's chord falls a little in FluidR3 (1.5-5 dB/s: its room, its sample's envelope)
        # but keeps its partials' balance; a struck chord that falls that slowly (an electric piano's) darkens as it
        # dies. A chord dying fast is struck, however its beating strings move its level (a koto's).
        held = fall_db_s > -HELD_CHORD_FALL_DB_S and darkening_db_s(ctx, centre, ringing) > -HELD_CHORD_DARK_DB_S
        smooth = wobble_db < PAD_WOBBLE_DB or fall_db_s <= -STRUCK_FALL_DB_S
        if fall_db_s <= -CHORD_FALL_DB_S and smooth and not held:
            return "chord"  # struck together and dying away: piano, guitar, electric piano, mallets
    if fine_spectrum is not None and bass_line(ctx, centre, fine_spectrum, float(spectrum_freqs[-1]), lows):
        return "bass"  # one bright or bowed low note that the frame's spectrum took for several
    # A pad holds its notes. Notes "struck together" whose pitch content changes every < MELODY_NOTE_S while the strongest
    # partial steps are a line of short notes whose releases ring into each other (a brass section's legato melody: one
    # onset for the whole line, the notes before and the section's side partials crowd every frame), not held harmony.
    short_line = struck_chord and length is not None and length < MELODY_NOTE_S and short_notes(ctx, centre) and pitch_moves(ctx, centre, LINE_BEFORE_S, LINE_AFTER_S)
    if (struck_chord and not short_line) or (h.count >= 3 and soft and (length is None or length >= PAD_NOTE_S)):
        return "pad"  # held together: notes swelled in, or held at their level
    # A struck string loses its upper partials first: its sound darkens as it dies away. A level that falls
    # while a note with harmonics brightens is a sustained tone fading or pulsing (tremolo), not a pluck. A
    # mallet's bar (a near-pure partial) has no harmonics to lose: its decay alone counts.
    partial = h.harmonic_count < PURE_MAX_HARMONICS
    decaying = note_decays(note_shape(ctx, centre, ctx.note_onsets), partial)
    # A line's note whose spectrum is crowded for a moment (bow noise, a breath, the last note ringing) is still the line's.
    line = moving or (h.count >= 3 and length is not None and length < HELD_NOTE_S and pitch_moves(ctx, centre, LINE_BEFORE_S, LINE_AFTER_S))
    if line and length is not None and length < HELD_NOTE_S:  # a line; longer notes are held ones
        if line_decays(ctx, centre, partial, decaying):
            return "pluck"
        return "melody" if length < MELODY_NOTE_S else "lead"
    if decaying:
        return "pluck"
    if soft:
        return "pad"
    return "sustain"


class HeldBeforeLine:
    """The frames of held notes in a line are the line's (issue 11, session 33). A frame waits only CONTEXT_AFTER_S for
    what follows it, so a line's first note (after silence) shows no pitch step, nor any note start after it, until
    its last 0.6 s, and reads ``pad`` (a soft attack) or ``sustain``; the notes of a slow line read so too where the
    frame's span (LINE_BEFORE_S before it, CONTEXT_AFTER_S after) holds under LINE_PITCHES pitches.

    Streamed rows go through :meth:`feed` in frame order with the lowest fundamental of the harmonic series the frame
    held (``series_hz``: :func:`frame_primitive`'s ``last_series``, for one or two notes with a series; None for none
    or a chord: "single series" below). A run of ``pad``/``sustain`` frames after any other name (silence, the stream's
    start, a line's frames, a note's attack read as a drum) is held back until the next other name, or until one of its
    notes lasts HELD_NOTE_S (a held note: a line's notes are shorter) or the run HELD_RUN_S; it then goes as it was. Its notes are its runs of one pitch class (a new class
    counts from two frames in a row; an f0 read an octave off is the same note). A run whose frames are HELD_SINGLE_SHARE
    single series (a pad's chord holds none) and HELD_ONE_PITCH_SHARE of those its note's pitch class takes the name of
    the line that follows it (``lead``, ``melody``), or else, where its first note goes on the pitch class the line's
    last frames held, that line's name (the rest of the line's note); any other run goes as it was. Rows come out in
    frame order; :meth:`flush` lets go of what is held at the stream's end (a run with nothing after it)."""

    def __init__(self) -> None:
        self._held: list[tuple[int, dict, int | None, int | None]] = []  # (index, row, its series' pitch class, its note's)
        self._first_s = self._note_s = 0.0  # where the run and its latest note started
        self._note_class: int | None = None  # the pitch class of the run's latest note
        self._new: tuple[int, float] | None = None  # a pitch class the run's latest frame moved to, and where
        self._last = "silence"  # the name of the last frame let go
        self._last_class: int | None = None  # the pitch class of the last line frame let go that held a single series

    def feed(self, index: int, row: dict, t0: float, t1: float, series_hz: float | None) -> list[tuple[int, dict]]:
        name = row["primitive"]
        pitch = None if series_hz is None or series_hz <= 0 else int(round(12.0 * np.log2(series_hz / 440.0))) % 12
        if self._held:
            if name in HELD_LABELS:
                self._held.append((index, row, pitch, self._note(pitch, t0)))
                return self._release() if t1 - self._note_s >= HELD_NOTE_S or t1 - self._first_s >= HELD_RUN_S else []
            self._resolve(name)
            return self._release() + self._out(index, row, pitch)
        if name in HELD_LABELS and self._last not in HELD_LABELS:
            self._held, self._first_s, self._note_s, self._note_class, self._new = [(index, row, pitch, pitch)], t0, t0, pitch, None
            return []
        return self._out(index, row, pitch)

    def flush(self) -> list[tuple[int, dict]]:
        if self._held:
            self._resolve(None)
        return self._release()

    def _note(self, pitch: int | None, t0: float) -> int | None:
        """The pitch class of the run's note once a frame of ``pitch`` starting at ``t0`` s is in (a new note from its
        second frame in a row, started at its first)."""
        if pitch is None or pitch == self._note_class or self._note_class is None:
            self._new = None
            if self._note_class is None:
                self._note_class = pitch
            return self._note_class
        if self._new is not None and self._new[0] == pitch:
            self._note_s, self._note_class, self._new = self._new[1], pitch, None
            return pitch
        self._new = (pitch, t0)
        return self._note_class

    def _resolve(self, after: str | None) -> None:
        """Name the held run after the line around it (``after``: the name of the frame that ended it)."""
        pairs = [(c, n) for _, _, c, n in self._held if c is not None]
        if not pairs or len(pairs) < HELD_SINGLE_SHARE * len(self._held) or sum(c == n for c, n in pairs) < HELD_ONE_PITCH_SHARE * len(pairs):
            return
        if after in LINE_LABELS:
            name = after
        elif self._last in LINE_LABELS and self._last_class == pairs[0][1]:
            name = self._last
        else:
            return
        for _, row, _, _ in self._held:
            row["primitive"] = name

    def _release(self) -> list[tuple[int, dict]]:
        out, self._held = self._held, []
        if out:
            self._last = out[-1][1]["primitive"]
        return [(i, row) for i, row, _, _ in out]

    def _out(self, index: int, row: dict, pitch: int | None) -> list[tuple[int, dict]]:
        self._last = row["primitive"]
        if self._last in LINE_LABELS and pitch is not None:
            self._last_class = pitch
        return [(index, row)]
