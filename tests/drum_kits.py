"""Ground truth for drum names across kits (issue 11d): varied grooves on every GM kit, alone or over beds, and
drumless material on which any drum name is false.

- :func:`kit_clips` (split): two bars of a groove made at random per clip (seeded) on a FluidR3 GM kit (bank 128:
  standard 0, room 8, power 16, electronic 24, TR-808 25, jazz 32, brush 40, orchestra 48): kick (35/36) on the
  downbeats and on some off-steps, a snare (acoustic 38 or electric 40), side stick (37) or hand clap (39) on the
  backbeats, sometimes with a flam (a soft grace stroke 25 ms before), ghost snares (velocity 22–45) on sixteenths,
  hi-hats closed (42), pedal (44) or open (46) on eighths, quarters or sixteenths; velocities 40–127, tempi 60–180.
  Kick, snare and hi-hat often fall on the same step. The truth of a step is named by
  :data:`~tests.audio_corpus.HIT_PRIORITY` (kick, then snare, clap, hi-hat; a side stick is the snare's rim: snare),
  as docs/audio.md names simultaneous hits. The orchestra kit has no hi-hats on 42–46 (timpani there): it plays
  kick and snare only. A clip plays alone or over a bed (white, pink, brown noise, rain, a held pad chord)
  ``under_db`` under the drums' loud level, after :data:`LEAD_IN_S` of the bed alone; each mix peaks at −12 to −1 dBFS.
  Session 8's splits also lay a bass line (a GM bass, a note a beat) or espeak-ng speech under the drums
  (:data:`BED_KINDS_S8`).
- :func:`drumless_clips` (split): bass lines, plucked lines, struck and strummed chords, espeak-ng speech and noise
  beds, with no drum at all: every frame named a drum is false.

Splits: ``kits_first`` (made first, read once with main's rules before any change), ``kits_tune`` (rules looked at),
``kits_blind`` (made before freezing, read once with main's rules and once with the new ones); session 7's
``kits_s7first`` (read with main's rules before any change) and ``kits_s7blind`` (made at the freeze), ``kits_s7blind2``
(made before the second round's bed-relative hi-hat rule was tuned, read once at its freeze); session 8's
``kits_s8first`` (read with main's rules before any change), ``kits_s8tune`` (drums over speech and bass lines, looked
at) and ``kits_s8blind`` (made at the freeze); ``kits_s8blind2`` (second round: speech beds, made first, read with lead's
rules before any change and once at the freeze); session 9's ``kits_s9first`` (read with main's rules before any
change) and ``kits_s9blind`` (made before the freeze), every other clip's first hit at 0.1 s; session 10's
``kits_s10first`` (read with main's rules before any change), ``kits_s10tune`` (looked at) and ``kits_s10blind`` (made
before the freeze): the eight kits, more ghosts and claps, a tom fill (truth ``tom``: no primitive of its own, any drum
name on it is false) ending half the grooves, beds of speech and rain twice as often, and ``kits_s10blind2`` (the same,
made first in the second round, read with the lead's rules before any change); session 11's ``kits_s11fresh`` (read
with main's rules before any change) and ``kits_s11blind`` (made at the freeze): FluidR3's variant kits (Standard 3/6,
Room 2/5, Power 2/3, Jazz 2/4, Brush 1/2) with the electronic and TR-808 ones, base velocities 30–127, a quarter of
the grooves swung by a fifth and a quarter by a third of a sixteenth, beds of pads, speech and noise; session 12's
``kits_s12fresh`` (read with main's rules before any change) and ``kits_s12blind`` (made at the freeze): the remaining
variant kits (Standard 1/2/4/5/7, Room 1/3/4/6/7, Power 1, Jazz 1/3) with the TR-808 and electronic ones, base velocities
25–110, noise beds nobody used (tape hiss, wind gusts, vinyl crackle) beside rain and pink noise, the drumless clips
carrying them too; session 13's ``kits_s13fresh`` (read with main's rules before any change) and ``kits_s13blind``
(written with it, read at the freeze): kits retuned by a pitch bend (−2..+2 semitones) with reverb sends 0–127, per-hit
velocities spread 0.55–1.25 around base velocities 20–95, tempi 57–186 nobody used, noise beds nobody used (mains hum,
a crowd's babble, a stream, a fan) beside rain, pink noise and vinyl crackle; session 14's ``kits_s14fresh`` (read
with main's rules before any change) and ``kits_s14blind`` (written with it, read at the freeze): four-on-the-floor
grooves (the kick on every beat, so the backbeat's clap or snare is struck with a kick) on power, electronic and brush
kits among others, claps twice as often, base velocities 45–127, other bends and reverb sends, tempi nobody used, beds
of rain, pink noise, drizzle and surf; session 15's ``kits_s15fresh`` (read with the base's rules before any change)
and ``kits_s15blind`` (written with it, read at the freeze): four-on-the-floor grooves on kits whose kick does not
boom (standard, room, jazz families) and the electronic kit, base velocities 35–119, beds of traffic and birdsong
beside rain and pink noise, staccato drumless lines on chiff and flute leads; session 16's ``kits_s16fresh`` (read
with the base's rules before any change) and ``kits_s16blind`` (written with it, read at the freeze): bands, a bass
line on the drums' beats under half the clips (so the backbeat's snare or clap is struck with a bass note), the kick on
every beat in half the grooves, engine and frying beds beside pink noise and rain; session 17's ``kits_s17fresh`` (read
with the base's rules before any change) and ``kits_s17blind`` (written with it, read at the freeze): a hat struck with
every backbeat (closed, open or pedal, drawn per groove, at 0.45–1.3 of the backbeat's velocity), as trial 12's TR-808
rock groove had, on TR-808, electronic, standard and room kits among others, typing and steam beds beside pink noise and
rain; session 18's ``kits_s18fresh`` (read with the base's rules before any change) and ``kits_s18blind`` (written with
it, read at the freeze): the backbeat's hat as loud as or louder than the backbeat (0.8–1.7 of its velocity), as in
trial 13's TR-808 bands, on TR-808 and electronic kits among others, a bass line on the beats under a third of the
clips, shower and clock beds beside typing, rain and pink noise; session 19's ``kits_s19fresh`` (read with the base's
rules before any change) and ``kits_s19blind`` (written with it, read at the freeze): hats only on the eighth off-beats
in half the grooves, between a kick and the backbeat, as trial 14's power kit at 160, on power and room kits among
others, a band (bass line and held piano chords) or a bass line under half the clips, fan and surf beds; session 20's
``kits_s20fresh`` (read with the base's rules before any change) and ``kits_s20blind`` (written with it, read at the
freeze): a band (a bass line on the beats and held chords on electric pianos, organs or a clavinet) under nearly half
the clips and a bass line under a quarter more, so the downbeat's kick is struck with a bass note, on bass programs no
split used (FluidR3's Synth Bass 3/4, bank 8; trombone, tenor sax, brass section, clarinet); session 21's
``kits_s21fresh`` (read with the base's rules before any change) and ``kits_s21blind`` (written with it, read at the
freeze): ghost snares under a band and hats under rain, on acoustic kits only, a band or a bass line under half the
clips and rain or an empty room's tone under a third, bass and band-chord presets no split used; session 21's (issue 11c) ``kits_s21efresh`` (read with the base's rules before any change) and ``kits_s21eblind`` (written with it, read
at the freeze): FluidR3's TR-808, electronic and power kits only, the backbeat a hand clap in three grooves of four,
struck alone, with a hat or with a snare (``clap_share``, ``clap_with``), closed hats on sixteenths in a third
(``sixteenths``), bands and bass lines on synth basses (GM 38/39, bank 8's Synth Bass 3/4), tempi 70-170 nobody
used; session 22's ``kits_s22fresh`` (read with the base's rules before any change) and ``kits_s22blind`` (written
with it, read at the freeze): hats under rain, a room's tone, a crowd or a band, in hat patterns no split used
(``hat_patterns``: accented sixteenths, pedal eighths, sixteenths with an open off-beat, a skipped sixteenth), swing by
0.25 or 0.45 of a sixteenth, band chords on presets no band used, tempi nobody used; session 25's (issue 11d)
``kits_s25fresh`` (read with the base's rules before any change) and ``kits_s25blind`` (written with it, read at the
freeze): TR-808 and electronic kits in half the clips, distortion and overdriven guitar bands chugging eighths, a bass
line on the beats under most clips (``bass_grid``), session 23's kick patterns; ``kits_test`` (one groove per kit, the suite's: tests/test_audio_kits.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from tests.audio_corpus import DRUM_CH, SR, Clip, note, program, speech_samples
from tests.noise_beds import KITS, PAD_CHORDS, BedClip, _loud_level, bed_samples, rain, shaped_noise
from tests.voice_corpus import render

LEAD_IN_S = 1.0  # bed (or silence) alone before the first hit (s)
BARS = 2
GHOST_VELOCITY = (22, 46)
FLAM_S = 0.025  # a flam's grace stroke comes this long before the main one
MIN_GAP_S = 0.07  # truth hits closer than this are not made (one frame and a half at 25 fps)
BED_KINDS = ("none", "none", "white", "pink", "brown", "rain", "pad")
BED_KINDS_S8 = ("none", "white", "pink", "brown", "rain", "pad", "bass", "speech")
HAT_NOTES = {"closed": 42, "pedal": 44, "open": 46}
SNARE_NOTES = {"snare": 38, "esnare": 40, "rim": 37, "clap": 39}
KIT_TRUTH = {"brush": {"clap": "snare"}}  # FluidR3's brush kit has a brush snare ("Brush Snr 2") on the clap's key 39
# session 11: FluidR3's variant kits (bank 128), nobody's choice so far; Brush 1/2 keep "Brush Snr 2" on key 39 (read
# from the soundfont's preset zones), the others the hand clap
VARIANT_KITS = {"standard3": 3, "standard6": 6, "room2": 10, "room5": 13, "power2": 18, "power3": 19, "jazz2": 34, "jazz4": 36, "brush1": 41, "brush2": 42}
# session 12: the rest of FluidR3's variant kits (every one has the hand clap on key 39, read from the preset zones)
VARIANT_KITS |= {"standard1": 1, "standard2": 2, "standard4": 4, "standard5": 5, "standard7": 7, "room1": 9, "room3": 11, "room4": 12, "room6": 14, "room7": 15, "power1": 17, "jazz1": 33, "jazz3": 35}
ALL_KITS = {**KITS, **VARIANT_KITS}
TRUTH = {"kick": "kick", "snare": "snare", "esnare": "snare", "rim": "snare", "clap": "clap", "closed": "hihat", "pedal": "hihat", "open": "hihat", "tom": "tom"}
PRIORITY = ("kick", "snare", "clap", "hihat", "tom")  # "tom": a fill's tom alone (no primitive of its own; any drum name there is false)
TOM_NOTES = (41, 43, 45, 47, 48, 50)  # GM low floor, high floor, low, low-mid, hi-mid, high tom

S8 = {"kits": tuple(KITS), "clips_per_kit": 4, "beds": BED_KINDS_S8, "basses": (33, 34, 36, 38)}  # session 8's splits: beds of speech and bass lines too
S9 = {**S8, "kits": tuple(k for k in KITS if k != "orchestra"), "clips_per_kit": 3, "beds": ("none", "white", "rain", "pad", "bass", "speech", "pink", "brown"), "lead_ins": (0.1, LEAD_IN_S)}
# session 10: the eight kits, more ghosts and claps, a tom fill ending some clips' second bar (``fills``)
S10 = {**S9, "kits": tuple(KITS), "beds": ("none", "white", "rain", "speech", "pad", "bass", "rain", "speech", "pink", "brown", "white"), "fills": True}
# session 11: FluidR3's variant kits beside the electronic and TR-808 ones, base velocities from 30, some grooves swung
S11 = {**S10, "clips_per_kit": 3, "velocity_lo": 30, "swing": (0.0, 0.0, 0.2, 0.33), "beds": ("none", "pad", "speech", "white", "rain", "pink", "speech", "bass", "pad", "brown", "none")}
# session 12: the remaining variant kits, softer playing (base velocities 25–110), noise beds nobody used (tape hiss,
# wind gusts, vinyl crackle, see :func:`_noise_bed`) beside rain and pink noise, which drumless clips carry too
S12 = {
    **S11,
    "velocity_lo": 25,
    "velocity_hi": 111,
    "beds": ("none", "rain", "hiss", "pink", "speech", "wind", "pad", "crackle", "white", "bass", "rain", "pink"),
    "drumless_noises": ("white", "pink", "rain", "hiss", "wind", "crackle"),
}
# session 13: kits nobody played this way (each clip's kit retuned by a pitch bend of -2..+2 semitones, its reverb send
# 0-127: ``bends``, ``reverbs``), per-hit velocities spread wider around the groove's base (``velocity_spread``: accents
# and soft strokes, base velocities 20-95), tempi nobody used (57-186), noise beds nobody used (mains hum, a crowd's
# babble, a stream's water, a fan: see :func:`_noise_bed`) beside rain, pink noise and vinyl crackle
S13 = {
    **S12,
    "velocity_lo": 20,
    "velocity_hi": 96,
    "velocity_spread": (0.55, 1.25),
    "bends": (-2.0, -1.0, 0.0, 0.5, 1.0, 2.0),
    "reverbs": (0, 40, 90, 127),
    "beds": ("none", "rain", "hum", "pink", "babble", "crackle", "stream", "pad", "rain", "fan", "speech", "pink", "crackle"),
    "drumless_noises": ("rain", "pink", "crackle", "hum", "babble", "stream", "fan"),
}
# session 14: four-on-the-floor grooves (``floor``: a share of the grooves plays the kick on every beat, so the
# backbeat's clap or snare sounds with a kick, as trial 9's power kit at 128 BPM did), claps on the backbeat twice as
# often (``claps``), harder playing (base velocities 45-127, spread 0.6-1.3), other bends and reverb sends, tempi
# nobody used, and new beds beside rain and pink noise (where session 13's hats went): "drizzle" (fine rain: dense
# short droplets over high-band noise) and "surf" (waves: noise under 4 kHz swelling slowly), see :func:`_noise_bed`
S14 = {
    **S13,
    "velocity_lo": 45,
    "velocity_hi": 128,
    "velocity_spread": (0.6, 1.3),
    "bends": (-1.5, 0.0, 1.5, -0.5, 0.0, 0.5),
    "reverbs": (10, 60, 110, 0),
    "floor": 0.4,
    "claps": True,
    "beds": ("pink", "none", "rain", "drizzle", "pink", "surf", "rain", "pad", "speech", "drizzle", "rain", "pink", "hum"),
    "drumless_noises": ("rain", "pink", "drizzle", "surf", "babble"),
}
# session 15: the kick struck with the backbeat's snare on kits whose kick does not boom (standard, room, jazz families)
# and the electronic kit (``floor`` 0.6, no extra claps), base velocities 35-119 spread 0.7-1.25, other bends and
# reverb sends, tempi nobody used, new beds beside rain and pink noise: "traffic" (a road's rumble under 600 Hz with
# cars passing) and "birds" (chirps sweeping 2-7 kHz); drumless plucked lines played staccato (``staccato``: a note
# sounds a quarter of its step) on leads with a chiff (session 14: a chiff lead's staccato notes read kick)
S15 = {
    **S14,
    "velocity_lo": 35,
    "velocity_hi": 120,
    "velocity_spread": (0.7, 1.25),
    "bends": (-0.75, 0.25, 1.25, 0.0, -1.25, 0.75),
    "reverbs": (20, 75, 50, 100),
    "floor": 0.6,
    "claps": False,
    "beds": ("none", "pink", "traffic", "rain", "birds", "speech", "pink", "drizzle", "rain", "pad", "traffic", "none", "hum"),
    "drumless_noises": ("rain", "pink", "traffic", "birds", "drizzle"),
    "staccato": True,
}
# session 16: bands: a bass line (a GM bass, a note a beat) under the drums in half the clips, laid on the drums' grid
# (``bass_grid``: its notes start on the beats, so the backbeat's snare or clap is struck with a bass note, as in the
# lead's trials 10/11), the kick on every beat in half the grooves, claps twice as often, base velocities 30-115
# spread 0.65-1.2, other bends and reverb sends, tempi nobody used, new beds beside pink noise and rain: "engine" (an
# idling motor: firing pulses of 18-40 Hz over a rumble) and "sizzle" (frying: dense crackles of 2-10 kHz with spits),
# see :func:`_noise_bed`
S16 = {
    **S15,
    "velocity_lo": 30,
    "velocity_hi": 116,
    "velocity_spread": (0.65, 1.2),
    "bends": (0.35, -1.6, 0.9, -0.4, 1.8, 0.0),
    "reverbs": (35, 85, 5, 120),
    "floor": 0.5,
    "claps": True,
    "clips_per_kit": 2,
    "bass_grid": True,
    "beds": ("bass", "none", "bass", "pink", "bass", "rain", "bass", "engine", "bass", "sizzle", "bass", "speech"),
    "drumless_noises": ("engine", "sizzle", "pink", "rain"),
    "staccato": False,
}
# session 17: a hat struck with every backbeat (``backbeat_hat``: its kind, closed, open or pedal, drawn per groove, its
# velocity 0.45-1.3 times the backbeat's, as trial 12's TR-808 rock groove struck its snare with a closed hat), base
# velocities 40-121 spread 0.7-1.3, other bends and reverb sends, tempi nobody used, new beds beside pink noise and
# rain: "typing" (a keyboard: key clicks of 1-6 kHz, 4-11 a second) and "steam" (a kettle: noise of 1-9 kHz swelling,
# with a whistle of 1.8-3 kHz), see :func:`_noise_bed`
S17 = {
    **S16,
    "velocity_lo": 40,
    "velocity_hi": 122,
    "velocity_spread": (0.7, 1.3),
    "bends": (-0.9, 0.6, 0.0, 1.4, -1.8, 0.3),
    "reverbs": (15, 95, 45, 70),
    "floor": 0.35,
    "claps": True,
    "bass_grid": True,
    "backbeat_hat": (0.45, 1.3),
    "beds": ("none", "typing", "bass", "pink", "steam", "none", "rain", "bass", "typing", "speech", "steam", "pink", "none"),
    "drumless_noises": ("typing", "steam", "pink", "rain"),
}
# session 18: the backbeat's hat as loud as or louder than the backbeat (``backbeat_hat`` 0.8-1.7, as trial 13's TR-808
# bands struck their snare with a closed hat at least as loud), base velocities 50-117 spread 0.75-1.25, other bends and
# reverb sends, tempi nobody used, new beds beside typing, rain and pink noise: "shower" (water on tiles: noise of
# 400 Hz-10 kHz with 150 droplets a second) and "clock" (a mechanical clock: 1-3 ms ticks of 2-8 kHz, 2-5 a second,
# over quiet noise), see :func:`_noise_bed`
S18 = {
    **S17,
    "velocity_lo": 50,
    "velocity_hi": 118,
    "velocity_spread": (0.75, 1.25),
    "bends": (0.2, -0.7, 1.1, -1.3, 0.0, 0.8),
    "reverbs": (25, 55, 105, 0),
    "floor": 0.3,
    "backbeat_hat": (0.8, 1.7),
    "beds": ("bass", "none", "typing", "bass", "rain", "shower", "bass", "clock", "none", "pink", "bass", "speech"),
    "drumless_noises": ("typing", "rain", "shower", "clock"),
}
# session 19: hats only on the eighth off-beats in half the grooves (``offbeat_hats``: between a kick and the backbeat,
# as trial 14's power kit at 160 played them, kick and clap on the beats), on power and room kits (long, low kicks)
# among others; a band (``band``: the bass line on the beats and a piano chord held through each bar, as trial 14's
# bands) or a bass line under half the clips, 3-12 dB under the drums; no hat struck with the backbeat; base velocities
# 55-120 spread 0.7-1.2, other bends and reverb sends, tempi nobody used, fan and surf beds beside pink noise and rain
S19 = {
    **S18,
    "velocity_lo": 55,
    "velocity_hi": 121,
    "velocity_spread": (0.7, 1.2),
    "bends": (-0.5, 0.9, 0.0, -1.1, 1.5, 0.4),
    "reverbs": (40, 0, 90, 65),
    "floor": 0.25,
    "backbeat_hat": None,
    "offbeat_hats": 0.5,
    "beds": ("band", "none", "bass", "band", "pink", "surf", "band", "bass", "none", "fan", "band", "rain"),
    "drumless_noises": ("surf", "fan", "pink", "rain"),
}
# session 20: bands everywhere (``band``: the bass line on the beats, so the downbeat's kick is struck with a bass note,
# and a chord held through each bar) or a bass line under two thirds of the clips, 2-9 dB under the drums; the band's
# chords on programs no band used (``band_chords``: electric pianos, organs, a clavinet) and bass programs no split
# used (FluidR3's Synth Bass 3/4 of bank 8, brass and reeds: ``(bank, program)``), ghost snares as often as session
# 10's; base velocities 45-124 spread 0.7-1.25, other bends and reverb sends, tempi nobody used, off-beat hats in a
# quarter of the grooves, fan and surf beds beside pink noise and rain
S20 = {
    **S19,
    "velocity_lo": 45,
    "velocity_hi": 125,
    "velocity_spread": (0.7, 1.25),
    "bends": (0.7, -0.3, 1.2, -1.4, 0.0, 0.45),
    "reverbs": (30, 80, 10, 115),
    "floor": 0.3,
    "offbeat_hats": 0.25,
    "beds": ("band", "bass", "band", "none", "band", "pink", "band", "bass", "rain", "band", "surf", "band", "bass"),
    "drumless_noises": ("rain", "pink", "fan", "surf"),
}
# session 21: ghost snares under a band and hats under rain (session 20's miss classes): acoustic kits only (standard,
# room, power, jazz and brush families), a band or a bass line under half the clips and rain or an empty room's tone
# (``room``, see :func:`_noise_bed`) under a third, 2.5-10 dB under the drums; ghosts and tom fills as session 10's;
# bass programs no split used (FluidR3's Sine Wave and Synth Brass 3/4 of bank 8, French horn, Brass 2, harp) and
# band chords on presets no band used (``(bank, program)``: bank 8's coupled harpsichord, detuned organ 1, detuned
# EP 2, church organ 2, 12-string guitar, and a distortion guitar); base velocities 40-117 spread 0.7-1.25, other bends
# and reverb sends, tempi nobody used
S21 = {
    **S20,
    "velocity_lo": 40,
    "velocity_hi": 118,
    "velocity_spread": (0.7, 1.25),
    "bends": (-0.6, 1.0, 0.0, -1.2, 0.3, 1.6),
    "reverbs": (20, 70, 100, 45),
    "floor": 0.3,
    "offbeat_hats": 0.25,
    "beds": ("band", "rain", "band", "bass", "band", "room", "none", "band", "rain", "bass", "band", "room", "rain"),
    "drumless_noises": ("rain", "room", "pink", "rain"),
}
# session 21 (issue 11c): electronic, TR-808 and power kits only; the backbeat a hand clap in most grooves
# (``clap_share``), struck alone, with a hat (closed, open or pedal) or with a snare (``clap_with``, drawn per groove; the
# stroke with it at 0.6-1.4 of the clap's velocity), as trial 16's TR-808 funk struck its claps with a hat; closed hats
# on sixteenths in a third of the grooves (``sixteenths``: trial 16's power kit at 138); a band or a bass line on synth
# basses (GM 38/39, FluidR3's Synth Bass 3/4 of bank 8) under two thirds of the clips, as trial 16's TR-808 band at 146
# struck its kicks with a synth bass note; base velocities 50-122 spread 0.75-1.25, other bends and reverb sends, tempi
# 70-170 nobody used, beds of pink noise and rain
S21E = {
    **S20,
    "velocity_lo": 50,
    "velocity_hi": 123,
    "velocity_spread": (0.75, 1.25),
    "bends": (0.15, -0.85, 0.6, -0.25, 1.3, 0.0),
    "reverbs": (20, 70, 0, 100),
    "floor": 0.3,
    "offbeat_hats": 0.15,
    "clap_share": 0.75,
    "clap_with": ("alone", "hat", "hat", "snare"),
    "sixteenths": 0.33,
    "clips_per_kit": 4,
    "beds": ("band", "bass", "none", "band", "pink", "bass", "band", "none", "rain", "band", "bass", "none", "band"),
    "drumless_noises": ("pink", "rain"),
}
# session 22 (issue 11d): hats under rain, a crowd and a band (session 21's largest miss class): hat patterns no split
# used (``hat_patterns``: "accent16", closed hats on every sixteenth, the off-sixteenths at 0.4-0.6 of the on-eighths;
# "pedal8", a pedal hat on every eighth; "open_off", closed sixteenths with an open hat on each off-beat eighth;
# "skip16", closed hats on the beat, its eighth and the sixteenth before the next beat; beside "closed16" and "closed8"),
# swing by 0.25 or 0.45 of a sixteenth (nobody used these), rain, an empty room's tone or a crowd (``babble``) under
# half the clips and a band or a bass line under a third, 2-9 dB under the drums, band chords on presets no band used
# (honky-tonk piano, clean guitar, synth strings / bright piano, overdriven guitar, string ensemble); base velocities
# 45-120 spread 0.7-1.25, other bends and reverb sends, tempi nobody used
S22 = {
    **S21,
    "velocity_lo": 45,
    "velocity_hi": 121,
    "velocity_spread": (0.7, 1.25),
    "bends": (0.4, -1.0, 0.0, 1.3, -0.3, 0.8),
    "reverbs": (10, 60, 95, 30),
    "floor": 0.25,
    "offbeat_hats": 0.0,
    "clips_per_kit": 3,
    "swing": (0.0, 0.0, 0.25, 0.45),
    "hat_patterns": ("accent16", "pedal8", "open_off", "skip16", "closed16", "closed8", "accent16", "skip16"),
    "beds": ("rain", "band", "babble", "room", "band", "rain", "bass", "none", "band", "rain", "babble", "band", "room"),
    "drumless_noises": ("rain", "room", "babble", "rain"),
}
# session 23 (issue 11d): hats under a band's distorted and overdriven guitars, organs and brass stabs (trial 18's Power 2
# band at 150: sixteenth hats under distortion-guitar chords), hats struck with or just after a kick in grooves no split
# used (``s23_kicks``: "tresillo" kicks on the 1, its "a" and the "and" of 2 and of 3, 4; "onedrop" the kick with the
# backbeat on 3 only; "newjack" kicks on 1, the "a" of 1 and the "and" of 3; "gallop" an eighth and two sixteenths;
# "push" a kick a sixteenth before the beat, the beat's hat just after it; beside the plain "rock"), the band's chords
# played as ``s23_chord_styles`` ("chug": power chords on every eighth; "stabs": short chords on the off-beat eighths;
# "held": through the bar as before), and speech over a band (``speechband``); hats mostly on sixteenths; drumless
# bands (every chord preset in its style, alone and with speech over it: ``s23_drumless_bands``); base velocities
# 50-121 spread 0.75-1.25, other bends and reverb sends, tempi nobody used
s23_kits = {
    **S22,
    "velocity_lo": 50,
    "velocity_hi": 122,
    "velocity_spread": (0.75, 1.25),
    "bends": (-0.2, 0.9, -1.1, 0.0, 1.7, -0.8),
    "reverbs": (5, 50, 85, 25),
    "floor": 0.0,
    "clips_per_kit": 3,
    "swing": (0.0, 0.0, 0.0, 0.3),
    "hat_patterns": ("closed16", "accent16", "closed8", "open_off", "closed16", "pedal8", "closed8"),
    "s23_kicks": ("tresillo", "onedrop", "newjack", "gallop", "push", "rock"),
    "beds": ("band", "band", "speechband", "band", "bass", "band", "none", "band", "speechband", "band", "rain", "band", "room"),
    "drumless_noises": ("rain", "room"),
    "s23_drumless_bands": True,
}
# session 25 (issue 11d): TR-808 and electronic kits in half the clips (the 808's kick a long pitched sine sweep, trials
# 19-20's "dembow" and "gogo" kicks read pluck/bass/melody), bands of distorted and overdriven guitars chugging eighths
# over sixteenth hats (trial 18), a bass line whose notes start on the beats under most clips (``bass_grid``: the beat's
# hat and kick struck with a bass note), kick patterns of session 23, base velocities 45-124, other bends and reverb
# sends, tempi nobody used
s25_kits = {
    **s23_kits,
    "velocity_lo": 45,
    "velocity_hi": 125,
    "velocity_spread": (0.8, 1.2),
    "bends": (0.5, -0.6, 1.4, -1.3, 0.0, 0.2),
    "reverbs": (20, 45, 75, 110),
    "swing": (0.0, 0.0, 0.2, 0.0),
    "bass_grid": True,
    "hat_patterns": ("closed16", "closed8", "accent16", "open_off", "closed16", "pedal8", "closed8", "skip16"),
    "beds": ("band", "bass", "band", "speechband", "band", "bass", "none", "band", "band", "rain", "bass", "band"),
}
SPLITS = {
    "kits_first": {"seed": 4111, "kits": tuple(KITS), "clips_per_kit": 4, "tempi": (62.0, 88.0, 104.0, 121.0, 147.0, 171.0), "under_db": (10.0, 15.0, 22.0, 28.0), "pads": (90, 52, 93)},
    "kits_tune": {"seed": 5222, "kits": tuple(KITS), "clips_per_kit": 4, "tempi": (66.0, 92.0, 110.0, 128.0, 152.0, 178.0), "under_db": (11.0, 17.0, 24.0, 30.0), "pads": (89, 48, 94)},
    "kits_test": {"seed": 7444, "kits": tuple(KITS), "clips_per_kit": 1, "tempi": (70.0, 96.0, 124.0, 158.0), "under_db": (12.0, 18.0, 25.0), "pads": (90, 49, 94)},
    "kits_s7first": {"seed": 8515, "kits": tuple(KITS), "clips_per_kit": 4, "tempi": (64.0, 79.0, 107.0, 133.0, 144.0, 168.0, 176.0), "under_db": (9.0, 13.0, 19.0, 26.0), "pads": (88, 51, 92)},
    "kits_s7blind": {"seed": 9626, "kits": tuple(KITS), "clips_per_kit": 4, "tempi": (68.0, 81.0, 113.0, 126.0, 150.0, 166.0), "under_db": (10.0, 16.0, 21.0, 29.0), "pads": (87, 53, 91)},
    "kits_s7blind2": {"seed": 10737, "kits": tuple(KITS), "clips_per_kit": 4, "tempi": (71.0, 86.0, 118.0, 131.0, 157.0, 172.0), "under_db": (11.0, 15.0, 18.0, 24.0), "pads": (86, 54, 90)},
    "kits_s8first": {**S8, "seed": 11848, "tempi": (61.0, 77.0, 96.0, 123.0, 141.0, 162.0, 179.0), "under_db": (8.0, 12.0, 17.0, 23.0, 31.0), "pads": (85, 55, 89), "basses": (33, 34, 38, 39)},
    "kits_s8tune": {
        **S8,
        "seed": 13060,
        "clips_per_kit": 2,
        "tempi": (67.0, 89.0, 112.0, 134.0, 152.0, 169.0),
        "under_db": (8.0, 13.0, 18.0, 24.0, 29.0),
        "pads": (88, 52, 93),
        "beds": ("speech", "bass", "speech", "white"),
    },
    "kits_s8blind": {**S8, "seed": 12959, "tempi": (63.0, 83.0, 101.0, 116.0, 137.0, 155.0, 174.0), "under_db": (9.0, 14.0, 19.0, 25.0, 30.0), "pads": (92, 50, 95), "basses": (32, 35, 36, 37)},
    "kits_s8blind2": {  # session 8's second round (drums over speech, side sticks): made first, read with lead's rules and at the end
        **S8,
        "seed": 14171,
        "clips_per_kit": 3,
        "tempi": (65.0, 86.0, 99.0, 119.0, 139.0, 158.0, 177.0),
        "under_db": (7.0, 11.0, 16.0, 21.0, 27.0),
        "pads": (91, 49, 94),
        "beds": ("speech", "none", "speech", "white", "bass", "speech", "pink"),
        "basses": (33, 36, 38, 34),
    },
    # session 9 (drums at a clip's start): no orchestra kit, every other clip's first hit at 0.1 s (``lead_ins`` cycle)
    "kits_s9first": {  # made first, read once with main's rules before any change
        **S9,
        "seed": 15282,
        "tempi": (60.0, 74.0, 93.0, 108.0, 127.0, 146.0, 165.0, 180.0),
        "under_db": (8.0, 12.0, 16.0, 22.0, 28.0),
        "pads": (89, 51, 92),
        "basses": (33, 34, 37, 39),
    },
    "kits_s9blind": {  # made before the freeze, read once with main's rules and once with the new ones
        **S9,
        "seed": 16393,
        "tempi": (63.0, 79.0, 97.0, 114.0, 131.0, 149.0, 171.0),
        "under_db": (9.0, 13.0, 18.0, 23.0, 29.0),
        "pads": (90, 53, 95),
        "basses": (32, 35, 36, 38),
    },
    # session 10: made first, read once with main's rules before any change
    "kits_s10first": {
        **S10,
        "seed": 17404,
        "tempi": (61.0, 76.0, 94.0, 111.0, 126.0, 143.0, 161.0, 178.0),
        "under_db": (7.0, 11.0, 15.0, 20.0, 26.0),
        "pads": (88, 50, 93),
        "basses": (34, 36, 33, 38),
    },
    # session 10: rules looked at (a check of the tom fills and the new grooves while tuning)
    "kits_s10tune": {
        **S10,
        "seed": 19626,
        "clips_per_kit": 2,
        "tempi": (68.0, 87.0, 104.0, 122.0, 139.0, 158.0, 175.0),
        "under_db": (9.0, 14.0, 18.0, 24.0),
        "pads": (89, 52, 94),
        "basses": (32, 36, 38, 34),
    },
    # session 10: made before the freeze, read once with main's rules and once with the new ones
    "kits_s10blind": {**S10, "seed": 18515, "tempi": (65.0, 82.0, 99.0, 117.0, 133.0, 152.0, 169.0), "under_db": (8.0, 12.0, 17.0, 21.0, 27.0), "pads": (91, 54, 89), "basses": (33, 35, 37, 39)},
    # session 10, second round: made first, read once with the lead's rules (535a5b6) before any change, and once at the end
    "kits_s10blind2": {**S10, "seed": 21737, "tempi": (67.0, 84.0, 102.0, 119.0, 136.0, 155.0, 173.0), "under_db": (7.0, 10.0, 16.0, 22.0, 28.0), "pads": (90, 51, 92), "basses": (35, 33, 39, 36)},
    # session 11: made first, read once with main's rules (6d16cfa) before any change
    "kits_s11fresh": {
        **S11,
        "seed": 23848,
        "kits": ("standard3", "room5", "power2", "jazz2", "brush1", "electronic", "tr808", "standard"),
        "tempi": (62.0, 78.0, 95.0, 109.0, 124.0, 141.0, 159.0, 177.0),
        "under_db": (8.0, 12.0, 16.0, 21.0, 27.0),
        "pads": (90, 48, 93),
        "basses": (34, 37, 33, 39),
    },
    # session 11: made at the freeze, read once with main's rules and once with the new ones
    "kits_s11blind": {
        **S11,
        "seed": 25959,
        "kits": ("standard6", "room2", "power3", "jazz4", "brush2", "electronic", "tr808", "room"),
        "tempi": (64.0, 80.0, 98.0, 113.0, 129.0, 146.0, 163.0, 179.0),
        "under_db": (9.0, 13.0, 17.0, 22.0, 28.0),
        "pads": (89, 51, 95),
        "basses": (36, 33, 38, 35),
    },
    # session 12: made first, read once with main's rules (feb5725) before any change
    "kits_s12fresh": {
        **S12,
        "seed": 27161,
        "kits": ("standard1", "standard5", "room3", "room6", "power1", "jazz1", "tr808", "electronic"),
        "tempi": (66.0, 72.0, 87.0, 103.0, 118.0, 136.0, 153.0, 172.0),
        "under_db": (6.0, 10.0, 14.0, 19.0, 25.0),
        "pads": (19, 44, 101),
        "basses": (87, 32, 39, 36),
    },
    # session 12: written with kits_s12fresh before anything was read, rendered and read once at the freeze (no rule had changed)
    "kits_s12blind": {
        **S12,
        "seed": 28272,
        "kits": ("standard2", "standard4", "standard7", "room1", "room4", "room7", "jazz3", "tr808"),
        "tempi": (69.0, 75.0, 91.0, 106.0, 121.0, 139.0, 156.0, 175.0),
        "under_db": (7.0, 11.0, 15.0, 20.0, 24.0),
        "pads": (20, 45, 100),
        "basses": (35, 87, 34, 37),
    },
    # session 13: made first, read once with main's rules (2456102) before any change
    "kits_s13fresh": {
        **S13,
        "seed": 30383,
        "kits": ("standard2", "room1", "power3", "jazz4", "brush2", "electronic", "tr808", "standard6"),
        "tempi": (57.0, 73.5, 85.0, 98.5, 115.0, 132.0, 148.0, 164.0, 186.0),
        "under_db": (5.0, 9.0, 13.0, 18.0, 23.0),
        "pads": (99, 61, 16),
        "basses": (43, 58, 33, 38),
    },
    # session 13: written with kits_s13fresh before anything was read, rendered and read once at the freeze
    "kits_s13blind": {
        **S13,
        "seed": 31494,
        "kits": ("standard7", "room6", "power1", "jazz3", "brush1", "room", "tr808", "standard4"),
        "tempi": (58.0, 71.5, 83.0, 96.5, 112.0, 129.0, 145.0, 161.0, 183.0),
        "under_db": (6.0, 8.0, 12.0, 17.0, 22.0),
        "pads": (102, 60, 17),
        "basses": (42, 70, 34, 36),
    },
    # session 14: made first, read once with main's rules (c05f057) before any change
    "kits_s14fresh": {
        **S14,
        "seed": 32505,
        "kits": ("power", "electronic", "brush", "standard5", "room4", "jazz1", "power2", "tr808"),
        "tempi": (59.5, 77.5, 89.5, 103.5, 119.5, 128.0, 139.5, 157.5, 176.5),
        "under_db": (4.0, 8.0, 11.0, 15.0, 20.0),
        "pads": (95, 62, 18),
        "basses": (36, 39, 81, 34),
    },
    # session 14: written with kits_s14fresh before anything was read, rendered and read once at the freeze
    "kits_s14blind": {
        **S14,
        "seed": 33616,
        "kits": ("power", "electronic", "brush", "standard3", "room7", "jazz2", "power1", "room2"),
        "tempi": (61.5, 79.5, 92.5, 107.5, 124.5, 133.5, 142.5, 160.5, 181.5),
        "under_db": (5.0, 7.0, 10.0, 14.0, 19.0),
        "pads": (96, 63, 19),
        "basses": (37, 35, 80, 33),
    },
    # session 15: made first, read once with the base's rules (37ae535) before any change
    "kits_s15fresh": {
        **S15,
        "seed": 34727,
        "kits": ("standard", "room", "jazz", "electronic", "standard7", "room3", "jazz3", "power3"),
        "tempi": (63.5, 81.5, 94.5, 110.5, 122.5, 137.5, 151.5, 166.5, 184.5),
        "under_db": (6.0, 9.0, 12.0, 16.0, 21.0),
        "pads": (97, 64, 21),
        "basses": (38, 36, 82, 32),
    },
    # session 15: written with kits_s15fresh before anything was read, rendered and read once at the freeze
    "kits_s15blind": {
        **S15,
        "seed": 35838,
        "kits": ("standard1", "room6", "jazz4", "electronic", "standard2", "room5", "jazz1", "tr808"),
        "tempi": (65.5, 83.5, 97.5, 113.5, 126.5, 135.5, 147.5, 163.5, 178.5),
        "under_db": (5.0, 8.0, 13.0, 17.0, 23.0),
        "pads": (98, 65, 22),
        "basses": (39, 34, 83, 35),
    },
    # session 16: made first, read once with the base's rules (cb757ca) before any change
    "kits_s16fresh": {
        **S16,
        "seed": 36949,
        "kits": ("standard", "room2", "power", "electronic", "jazz3", "brush", "standard5", "tr808"),
        "tempi": (62.5, 76.5, 88.5, 101.5, 117.5, 131.5, 144.5, 158.5, 171.5),
        "under_db": (2.0, 5.0, 8.0, 11.0, 14.0, 18.0),
        "pads": (99, 66, 23),
        "basses": (32, 35, 37, 39),
    },
    # session 16: written with kits_s16fresh before anything was read, rendered and read once at the freeze
    "kits_s16blind": {
        **S16,
        "seed": 38050,
        "kits": ("standard4", "room", "power1", "electronic", "jazz", "brush2", "room4", "standard6"),
        "tempi": (60.5, 74.5, 86.5, 99.5, 115.5, 129.5, 143.5, 155.5, 169.5),
        "under_db": (3.0, 6.0, 9.0, 12.0, 15.0, 19.0),
        "pads": (100, 67, 24),
        "basses": (33, 34, 36, 38),
    },
    # session 17: made first, read once with the base's rules (89752d2) before any change
    "kits_s17fresh": {
        **S17,
        "seed": 39161,
        "kits": ("tr808", "electronic", "standard3", "room7", "power2", "jazz1", "standard", "room1"),
        "tempi": (64.5, 79.5, 91.5, 96.5, 108.5, 121.5, 136.5, 149.5, 162.5, 177.5),
        "under_db": (4.0, 7.0, 10.0, 13.0, 17.0, 21.0),
        "pads": (101, 68, 25),
        "basses": (34, 38, 33, 36),
    },
    # session 17: written with kits_s17fresh before anything was read, rendered and read once at the freeze
    "kits_s17blind": {
        **S17,
        "seed": 40272,
        "kits": ("tr808", "electronic", "standard7", "room3", "power", "jazz2", "standard2", "room5"),
        "tempi": (63.0, 77.0, 90.0, 99.0, 111.0, 123.0, 134.0, 146.0, 159.0, 174.0),
        "under_db": (3.5, 6.5, 9.5, 12.5, 16.5, 20.5),
        "pads": (102, 69, 26),
        "basses": (35, 39, 32, 37),
    },
    # session 18: made first, read once with the base's rules (6c3cd15) before any change
    "kits_s18fresh": {
        **S18,
        "seed": 41383,
        "kits": ("tr808", "electronic", "standard4", "room2", "power3", "brush1", "jazz3", "standard6"),
        "tempi": (58.5, 72.0, 86.0, 103.0, 116.0, 127.0, 141.0, 153.0, 168.0, 182.0),
        "under_db": (4.5, 8.5, 11.5, 15.5, 19.5),
        "pads": (103, 70, 27),
        "basses": (36, 33, 39, 34),
    },
    # session 18: written with kits_s18fresh before anything was read, rendered and read once at the freeze
    "kits_s18blind": {
        **S18,
        "seed": 42494,
        "kits": ("tr808", "electronic", "standard5", "room6", "power1", "brush2", "jazz4", "room4"),
        "tempi": (60.0, 75.0, 88.0, 101.0, 114.0, 131.0, 139.0, 151.0, 166.0, 179.0),
        "under_db": (5.5, 7.5, 10.5, 14.5, 18.5),
        "pads": (104, 71, 28),
        "basses": (38, 32, 35, 37),
    },
    # session 19: made first, read once with the base's rules (c37e1a4) before any change
    "kits_s19fresh": {
        **S19,
        "seed": 43505,
        "kits": ("power", "power2", "room", "room3", "standard1", "electronic", "jazz", "brush"),
        "tempi": (59.25, 73.25, 87.25, 102.25, 118.25, 133.25, 147.25, 158.25, 167.25, 176.25),
        "under_db": (3.0, 5.5, 8.0, 10.5, 12.0),
        "pads": (1, 4, 0),
        "basses": (33, 34, 38, 35),
    },
    # session 19: written with kits_s19fresh before anything was read, rendered and read once at the freeze
    "kits_s19blind": {
        **S19,
        "seed": 44616,
        "kits": ("power", "power1", "room5", "room7", "standard3", "tr808", "jazz1", "brush2"),
        "tempi": (61.75, 76.75, 90.75, 105.75, 121.75, 136.75, 150.75, 161.75, 171.75, 181.75),
        "under_db": (3.5, 6.0, 7.5, 9.5, 11.5),
        "pads": (2, 5, 0),
        "basses": (36, 33, 39, 34),
    },
    # session 20: made first, read once with the base's rules (fec4a1d) before any change
    "kits_s20fresh": {
        **S20,
        "seed": 45727,
        "kits": ("standard2", "standard7", "room1", "room4", "power3", "jazz3", "brush1", "electronic"),
        "tempi": (64.4, 78.4, 92.4, 107.4, 119.4, 128.4, 140.4, 154.4, 164.4, 178.4),
        "under_db": (2.5, 4.5, 6.5, 8.5, 9.0),
        "pads": (3, 6, 0),
        "band_chords": (4, 16, 7),
        "basses": ((8, 38), (0, 57), (0, 66), (8, 38)),
    },
    # session 20: written with kits_s20fresh before anything was read, rendered and read once at the freeze
    "kits_s20blind": {
        **S20,
        "seed": 46838,
        "kits": ("standard4", "standard6", "room2", "room6", "power1", "jazz2", "jazz4", "tr808"),
        "tempi": (66.6, 80.6, 94.6, 109.6, 117.6, 126.6, 138.6, 152.6, 166.6, 180.6),
        "under_db": (3.0, 5.0, 6.0, 7.0, 8.0),
        "pads": (2, 7, 1),
        "band_chords": (5, 17, 2),
        "basses": ((8, 39), (0, 61), (0, 71), (8, 39)),
    },
    # session 21: made first, read once with the base's rules (e19f794) before any change
    "kits_s21fresh": {
        **S21,
        "seed": 47949,
        "kits": ("standard5", "room3", "room6", "power2", "jazz1", "brush2", "standard3", "room7"),
        "tempi": (63.2, 77.2, 91.2, 104.8, 116.8, 125.2, 132.8, 146.8, 159.2, 172.8),
        "under_db": (3.5, 5.0, 6.5, 8.0, 10.0),
        "pads": (8, 11, 0),
        "band_chords": ((8, 6), (8, 16), (0, 30)),
        "basses": ((8, 80), (0, 60), (8, 62), (8, 80)),
    },
    # session 21: written with kits_s21fresh before anything was read, rendered and read once at the freeze
    "kits_s21blind": {
        **S21,
        "seed": 49050,
        "kits": ("standard1", "room", "room5", "power", "jazz", "brush", "standard6", "room2"),
        "tempi": (67.8, 82.2, 96.8, 111.2, 122.8, 130.2, 142.8, 157.2, 169.8, 183.2),
        "under_db": (2.5, 4.5, 7.0, 8.5, 9.5),
        "pads": (9, 10, 1),
        "band_chords": ((8, 5), (8, 19), (8, 25)),
        "basses": ((8, 63), (8, 61), (0, 46), (8, 63)),
    },
    # session 21 (11c): made first, read once with the base's rules (e19f794) before any change
    "kits_s21efresh": {
        **S21E,
        "seed": 47949,
        "kits": ("tr808", "electronic", "power", "power1"),
        "tempi": (70.8, 83.8, 96.8, 109.8, 122.8, 135.8, 148.8, 161.8, 169.8),
        "under_db": (3.0, 5.0, 7.0, 9.0),
        "pads": (88, 89, 0),
        "band_chords": (90, 81, 5),
        "basses": ((0, 38), (0, 39), (8, 38), (8, 39)),
    },
    # session 21 (11c): written with kits_s21efresh before anything was read, rendered and read once at the freeze
    "kits_s21eblind": {
        **S21E,
        "seed": 49161,
        "kits": ("tr808", "electronic", "power2", "power3"),
        "tempi": (73.2, 86.2, 99.2, 112.2, 125.2, 138.2, 151.2, 164.2),
        "under_db": (2.5, 4.5, 6.5, 8.5),
        "pads": (89, 95, 1),
        "band_chords": (95, 62, 4),
        "basses": ((0, 39), (8, 38), (0, 38), (8, 39)),
    },
    # session 22 (11d): made first, read once with the base's rules (c430836) before any change
    "kits_s22fresh": {
        **S22,
        "seed": 51272,
        "kits": ("standard7", "room4", "room1", "power3", "jazz3", "brush1", "standard2", "power1"),
        "tempi": (61.3, 74.7, 88.3, 101.7, 114.3, 127.7, 135.3, 149.7, 163.3, 176.7),
        "under_db": (2.0, 4.0, 5.5, 7.5, 9.0),
        "pads": (12, 13, 0),
        "band_chords": (3, 27, 50),
        "basses": ((0, 67), (0, 33), (8, 39), (0, 67)),
    },
    # session 22 (11d): written with kits_s22fresh before anything was read, rendered and read once at the freeze
    "kits_s22blind": {
        **S22,
        "seed": 52383,
        "kits": ("standard4", "room6", "room7", "power2", "jazz4", "brush2", "standard5", "power"),
        "tempi": (62.7, 76.3, 89.7, 103.3, 116.7, 124.3, 137.7, 151.3, 165.7, 178.3),
        "under_db": (2.5, 3.5, 6.0, 8.0, 8.5),
        "pads": (13, 12, 1),
        "band_chords": (1, 29, 48),
        "basses": ((0, 32), (0, 67), (8, 38), (0, 32)),
    },
    # session 23 (11d): made first, read once with the base's rules (cdedf86) before any change
    "kits_s23fresh": {
        **s23_kits,
        "seed": 53494,
        "kits": ("power2", "room2", "standard3", "power1", "room5", "standard", "jazz1", "tr808"),
        "tempi": (71.9, 86.1, 97.3, 109.9, 123.1, 138.9, 150.1, 161.3, 174.9),
        "under_db": (2.0, 3.5, 5.0, 6.5, 8.0),
        "pads": (12, 13, 0),
        "band_chords": ((8, 30), (0, 18), (0, 61), (0, 30), (0, 56), (8, 16)),
        "s23_chord_styles": ("chug", "held", "stabs", "chug", "stabs", "stabs"),
        "basses": ((0, 34), (0, 33), (8, 38), (0, 34)),
    },
    # session 23 (11d): written with kits_s23fresh before anything was read, rendered and read once at the freeze
    "kits_s23blind": {
        **s23_kits,
        "seed": 54505,
        "kits": ("power3", "room3", "standard6", "power", "room6", "standard2", "brush", "electronic"),
        "tempi": (69.7, 83.3, 95.9, 112.1, 126.7, 141.3, 152.9, 166.1, 179.3),
        "under_db": (2.5, 4.0, 5.5, 7.0, 9.0),
        "pads": (13, 12, 1),
        "band_chords": ((8, 31), (0, 29), (8, 17), (8, 63), (0, 20), (0, 57)),
        "s23_chord_styles": ("chug", "chug", "stabs", "stabs", "held", "stabs"),
        "basses": ((0, 35), (0, 36), (8, 39), (0, 35)),
    },
    # session 25 (11d): made first, read once with the base's rules (9edd684) before any change
    "kits_s25fresh": {
        **s25_kits,
        "seed": 55616,
        "kits": ("tr808", "electronic", "power2", "tr808", "standard4", "electronic", "room3", "power"),
        "tempi": (68.3, 81.7, 93.9, 104.1, 115.3, 127.9, 136.1, 147.3, 158.7, 171.1),
        "under_db": (1.5, 3.0, 4.5, 6.0, 7.5),
        "pads": (14, 15, 0),
        "band_chords": ((0, 30), (0, 29), (8, 30), (0, 84), (8, 29), (0, 30)),
        "s23_chord_styles": ("chug", "chug", "stabs", "chug", "held", "chug"),
        "basses": ((0, 33), (0, 38), (8, 38), (0, 34), (0, 39)),
    },
    # session 25 (11d): written with kits_s25fresh before anything was read, rendered and read once at the freeze
    "kits_s25blind": {
        **s25_kits,
        "seed": 56727,
        "kits": ("tr808", "electronic", "power3", "tr808", "standard7", "electronic", "room6", "power1"),
        "tempi": (66.1, 79.3, 91.7, 106.9, 118.1, 124.7, 139.3, 149.9, 161.1, 175.3),
        "under_db": (2.0, 3.5, 5.0, 6.5, 8.0),
        "pads": (15, 14, 1),
        "band_chords": ((8, 30), (0, 30), (0, 29), (8, 31), (0, 81), (8, 29)),
        "s23_chord_styles": ("chug", "stabs", "chug", "chug", "held", "chug"),
        "basses": ((0, 34), (8, 39), (0, 33), (0, 38), (8, 38)),
    },
    "kits_blind": {"seed": 6333, "kits": tuple(KITS), "clips_per_kit": 4, "tempi": (60.0, 84.0, 99.0, 117.0, 139.0, 163.0, 180.0), "under_db": (10.0, 14.0, 20.0, 27.0), "pads": (91, 50, 95)},
}
SPEECH_BEDS = {  # split -> what the speech bed says
    "kits_s8first": "Nine old lanterns swayed above the market as the baker counted coins.",
    "kits_s8tune": "Heavy clouds gathered over the quiet harbour as fishermen pulled their boats ashore.",
    "kits_s8blind": "A patient heron watched the shallow pond until the evening bells rang.",
    "kits_s9first": "Bright lanterns floated down the river while children sang along the bank.",
    "kits_s9blind": "The old clock tower chimed twice as merchants closed their wooden stalls.",
    "kits_s10first": "Ten paper boats drifted past the mill while the farmer mended his fence.",
    "kits_s10tune": "Six wooden chairs stood around the kitchen table after the party ended.",
    "kits_s10blind": "A gray fox crept along the hedge as the last bus turned toward town.",
    "kits_s10blind2": "Five red kites circled over the dunes while the tide went out.",
    "kits_s11fresh": "The farmer carried two buckets of water up the hill before breakfast.",
    "kits_s11blind": "Small boats rocked in the harbour while gulls argued over the nets.",
    "kits_s12fresh": "The librarian stamped each returned book and stacked them beside the window.",
    "kits_s12blind": "Two cyclists stopped at the bakery for warm rolls before climbing the pass.",
    "kits_s13fresh": "A young potter shaped four bowls while the radio played in the corner.",
    "kits_s13blind": "The night guard walked past the museum doors and checked every lock twice.",
    "kits_s14fresh": "The ferryman tied his rope to the post and waited for the fog to lift.",
    "kits_s14blind": "A tailor measured the old coat twice before cutting the grey cloth.",
    "kits_s15fresh": "The gardener stacked the clay pots by the shed before the frost came.",
    "kits_s15blind": "A driver waited at the crossing while the long freight train rolled past.",
    "kits_s16fresh": "The carpenter sanded the oak table while his dog slept under the bench.",
    "kits_s16blind": "A shepherd counted his flock at dusk and found one lamb missing.",
    "kits_s17fresh": "The baker's van stalled on the bridge while the rain drummed on its roof.",
    "kits_s17blind": "An old violinist tuned his strings on the station bench before the last train.",
    "kits_s18fresh": "The keeper lit the lighthouse lamp as the fishing fleet turned for home.",
    "kits_s18blind": "A porter wheeled the trunks along the platform while the whistle blew twice.",
    "kits_s22fresh": "The stall keeper weighed the plums twice while the tram bell rang outside the square.",
    "kits_s22blind": "A night porter sorted the letters by the lamp while the snow piled against the door.",
    "kits_s23fresh": "The night watchman counted the barges as they slid under the iron bridge toward the docks.",
    "kits_s23blind": "Our neighbour painted the shutters green while the children chalked a map across the pavement.",
    "kits_s25fresh": "The ferryman tied the rope twice around the post while the gulls circled the pier.",
    "kits_s25blind": "A tailor chalked the hem of the coat while the radio played in the back room.",
    "kits_s8blind2": "Old maps of the valley hung in the library where students argued about rivers and roads.",
}
DRUMLESS = {  # split -> (bass programs, pluck programs, chord programs, speech text)
    "kits_first": ((33, 38), (24, 46, 105), (0, 4, 25), "The harbour lights were dim when the last ferry left the pier."),
    "kits_tune": ((34, 39), (25, 45, 107), (1, 5, 26), "Seven quiet swans crossed the river before the morning rain."),
    "kits_test": ((33, 35), (24, 46), (0, 25), "Bring the blue kettle to the garden table."),
    "kits_s7first": ((37, 38), (26, 106, 46), (3, 7, 27), "Four brown horses waited by the gate while thunder rolled."),
    "kits_s7blind": ((33, 39), (25, 107, 45), (1, 4, 26), "The painter left a yellow ladder beside the quiet canal."),
    "kits_s7blind2": ((34, 36), (24, 105, 47), (2, 5, 25), "Two tired sailors mended the green net under a silver moon."),
    "kits_s8first": ((32, 35), (27, 46, 104), (0, 6, 24), "Three copper kettles hummed on the stove while the cat slept."),
    "kits_s8tune": ((33,), (25,), (0,), "Please close the window before the storm arrives tonight."),
    "kits_s8blind": ((38, 33), (26, 105, 107), (4, 1, 27), "The orchard gate creaked as a light wind carried the smell of apples."),
    "kits_s8blind2": ((35, 39), (24, 107, 46), (2, 5, 26), "My brother found a silver key under the loose floorboard yesterday."),
    "kits_s9first": ((36, 33), (25, 104, 46), (3, 0, 24), "Seven green bottles stood on the wall beside the garden door."),
    "kits_s9blind": ((37, 34), (27, 106, 45), (5, 2, 25), "Quiet snow covered the station roof before the first train came."),
    "kits_s10first": ((35, 38), (24, 105, 46), (1, 6, 27), "Warm bread cooled on the sill while the neighbours argued about the fence."),
    "kits_s10tune": ((36, 39), (27, 106, 45), (2, 5, 26), "The mail arrived late because the old van broke down near the farm."),
    "kits_s10blind": ((32, 34), (26, 104, 107), (4, 0, 25), "Heavy boots crossed the bridge before the lamps were lit."),
    "kits_s10blind2": ((34, 37), (25, 105, 104), (3, 1, 24), "The baker left a basket of pears by the chapel door."),
    "kits_s11fresh": ((33, 38), (26, 104, 46), (5, 0, 27), "Three students waited at the corner for the late tram to arrive."),
    "kits_s11blind": ((35, 37), (24, 106, 107), (2, 4, 25), "An old sailor painted his door blue before the winter storms."),
    "kits_s12fresh": ((32, 87), (106, 15, 13), (28, 3, 11), "A tall crane lifted steel beams onto the roof of the new school."),
    "kits_s12blind": ((36, 87), (106, 110, 12), (29, 2, 10), "The ferry waited at the dock while trucks rolled slowly aboard."),
    "kits_s13fresh": ((43, 58), (9, 114, 31), (17, 21, 53), "Her uncle repaired the wooden gate before the sheep came down from the hills."),
    "kits_s13blind": ((42, 70), (8, 14, 30), (16, 22, 52), "Every morning the baker whistled while the ovens warmed in the back room."),
    "kits_s14fresh": ((39, 44), (10, 105, 84), (18, 20, 89), "The children counted the stars from the roof until their mother called them in."),
    "kits_s14blind": ((38, 81), (11, 107, 83), (19, 23, 90), "A quiet boatman carried lanterns across the lake before the festival began."),
    "kits_s15fresh": ((45, 62), (83, 75, 108), (8, 56, 61), "The old miller counted sacks of flour while the river turned his wheel."),
    "kits_s15blind": ((63, 67), (82, 77, 112), (48, 57, 60), "Two sisters painted the garden fence white before their cousins arrived."),
    "kits_s16fresh": ((32, 37), (7, 28, 6), (49, 58, 91), "The postman whistled as he pushed letters through the narrow slot."),
    "kits_s16blind": ((34, 39), (0, 29, 4), (50, 59, 92), "Three pelicans dived into the bay while the fishermen watched."),
    "kits_s17fresh": ((33, 38), (11, 30, 2), (51, 60, 93), "The miller counted his sacks twice before the cart rolled down the lane."),
    "kits_s17blind": ((35, 36), (13, 31, 3), (52, 61, 94), "Four swimmers raced to the buoy while the lifeguard blew his whistle."),
    "kits_s18fresh": ((34, 39), (12, 105, 8), (53, 62, 95), "The blacksmith cooled the horseshoe in a bucket while the mare waited."),
    "kits_s18blind": ((37, 32), (14, 106, 9), (54, 63, 88), "Two cousins carried a ladder to the barn before the hay arrived."),
    "kits_s19fresh": ((35, 38), (24, 107, 46), (0, 4, 25), "The ranger closed the gate and walked the fence line until dark."),
    "kits_s19blind": ((33, 36), (27, 105, 45), (1, 5, 26), "A fisherman sold his catch at the pier before the gulls arrived."),
    "kits_s20fresh": ((57, 66), (28, 106, 115), (4, 16, 7), "The potter carried her bowls to the kiln before the rain set in."),
    "kits_s20blind": ((61, 71), (29, 108, 112), (5, 17, 2), "A lorry driver stopped at the bridge to check the ropes on his load."),
    "kits_s21fresh": ((60, 59), (1, 34, 107), (30, 64, 31), "The ferry captain counted the crates twice before the harbour gates were shut."),
    "kits_s21blind": ((41, 68), (5, 35, 105), (12, 65, 66), "A young cook sharpened her knives while the soup simmered on the back burner."),
    "kits_s21efresh": ((38, 39), (84, 106, 9), (90, 81, 5), "The glazier fitted the new pane while the children watched from the step."),
    "kits_s21eblind": ((39, 38), (85, 107, 10), (95, 62, 4), "A courier left three parcels at the gate before the storm reached the valley."),
    "kits_s22fresh": ((67, 33), (11, 46, 108), (3, 27, 50), "The gardener rolled the barrels into the shed before the hail began to fall."),
    "kits_s22blind": ((32, 70), (12, 45, 106), (1, 29, 48), "Two fishermen dragged the nets across the shingle while the lighthouse blinked."),
    "kits_s23fresh": ((34, 33), (12, 46, 107), (30, 18, 61), "The roofer stacked the slates by the chimney before the wind picked up."),
    "kits_s23blind": ((35, 36), (11, 45, 105), (29, 17, 63), "A baker's boy pushed the cart past the fountain while the clock struck nine."),
    "kits_s25fresh": ((38, 34), (107, 15, 24), (30, 29, 84), "The miller swept the flour from the steps before the carts arrived at dawn."),
    "kits_s25blind": ((39, 33), (106, 108, 25), (29, 30, 81), "Her cousin carried the ladder past the orchard while the dogs barked at the gate."),
    "kits_blind": ((32, 36), (27, 104, 108), (2, 6, 24), "A narrow road climbs past the mill toward the old stone church."),
}


@dataclass
class KitClip(BedClip):
    """One groove (a :class:`~tests.noise_beds.BedClip`, its bed "none" when alone) and what was struck at each hit."""

    struck: list[str]  # per hit: the notes struck there, e.g. "kick+closed", "rim", "snare(flam)", "snare(ghost)"
    lead_in_s: float = LEAD_IN_S  # bed (or silence) alone before the first hit (s)


def _groove(
    rng: np.random.Generator,
    bpm: float,
    orchestra: bool,
    fills: bool = False,
    velocity_lo: int = 40,
    swing: tuple[float, ...] = (),
    velocity_hi: int = 128,
    velocity_spread: tuple[float, float] = (0.8, 1.1),
    floor: float = 0.0,
    claps: bool = False,
    backbeat_hat: tuple[float, float] | None = None,
    offbeat_hats: float = 0.0,
    clap_share: float = 0.0,
    clap_with: tuple[str, ...] = (),
    sixteenths: float = 0.0,
    hat_patterns: tuple[str, ...] = (),
    kick_patterns: tuple[str, ...] = (),
) -> list[tuple[float, list[tuple[str, int]], str]]:
    """Steps ``(time s from the first hit, [(drum, velocity)], tag)`` of two bars; ``tag`` marks flams and ghosts.
    ``fills`` (session 10): claps and ghosts more often, and half the grooves end on a tom fill (the second bar's last
    beat, toms alone on sixteenths, eighths above 150 BPM). ``velocity_lo``: the lowest base velocity (session 11: 30),
    ``velocity_hi`` one over the highest (session 12: 111).
    ``swing`` (session 11): a groove swings its off-sixteenths late by one of these shares of a sixteenth (0: straight).
    ``velocity_spread`` (session 13): a hit's velocity is the base times a uniform draw from this range.
    ``floor`` (session 14): the share of grooves whose kick plays every beat (with the backbeat on 2 and 4); ``claps``:
    the clap twice as likely on the backbeat. Both draw nothing when off, so older splits are drawn as before.
    ``backbeat_hat`` (session 17): every backbeat is struck with a hat of one kind (closed, open or pedal, drawn per
    groove) at this range of the backbeat's velocity; it replaces the hat pattern's own stroke there (draws nothing
    when off). ``offbeat_hats`` (session 19): the share of grooves whose hats play only on the eighth off-beats (one
    kind, closed, pedal or open, drawn per groove, at 0.45-0.9 of the base velocity), between the kicks and the
    backbeat, as trial 14's power kit at 160 had (draws nothing when off). ``clap_share`` (session 21): the share of
    grooves whose backbeat is a hand clap, struck with what ``clap_with`` draws per groove ("alone"; "hat": a closed,
    open or pedal hat in place of the pattern's; "snare": an acoustic or electric snare), at 0.6-1.4 of the clap's
    velocity; ``sixteenths``: the share of grooves playing closed hats on every sixteenth (steps of 80 ms or more).
    Both draw nothing when off. ``hat_patterns`` (session 22): the hat pattern is drawn from these instead of the
    default six ("accent16": closed on every sixteenth, the off-sixteenths at 0.4-0.6 of the base; "pedal8": a pedal hat
    on every eighth; "open_off": closed sixteenths with an open hat on each off-beat eighth, the next sixteenth closing
    it; "skip16": closed on the beat, its eighth and the sixteenth before the next beat; the sixteenth patterns fall
    back to "closed8" under 80 ms steps). ``kick_patterns`` (session 23): the kick's steps are drawn from these
    (:data:`s23_KICK_STEPS`; "rock" the default's; "onedrop" moves the backbeat to 3, struck with the kick); draws nothing
    when off."""
    six = 60.0 / bpm / 4
    late = float(rng.choice(swing)) * six if swing else 0.0
    hats = "none" if orchestra else str(rng.choice(list(hat_patterns) if hat_patterns else ["closed8", "closed8", "closed16", "pedal4", "open_and", "mixed"]))
    if hats == "closed16" and six < 0.1 or hats in ("accent16", "skip16", "open_off") and six < 0.08:
        hats = "closed8"
    backbeat = str(rng.choice(["snare", "snare", "esnare", "rim", "clap"] + (["clap"] if fills else []) + (["clap", "clap"] if claps else [])))
    base = int(rng.integers(velocity_lo, velocity_hi))
    ghosts = six >= 0.09 and rng.random() < (0.7 if fills else 0.5)
    flams = rng.random() < 0.4
    fill = fills and rng.random() < 0.5
    on_floor = floor > 0 and rng.random() < floor
    bb_hat = str(rng.choice(["closed", "open", "pedal"])) if backbeat_hat and not orchestra else ""
    off_kind, off_scale = "", 0.0
    if offbeat_hats > 0 and not orchestra and rng.random() < offbeat_hats:
        hats, off_kind, off_scale = "offbeat", str(rng.choice(["closed", "closed", "pedal", "open"])), float(rng.uniform(0.45, 0.9))
    clap_kind = ""  # session 21: what the backbeat's clap is struck with
    if clap_share > 0 and not orchestra and rng.random() < clap_share:
        backbeat, clap_kind = "clap", str(rng.choice(clap_with)) if clap_with else "alone"
        if clap_kind == "hat":
            bb_hat, backbeat_hat = str(rng.choice(["closed", "open", "pedal"])), (0.6, 1.4)
        elif clap_kind == "snare":
            clap_kind = str(rng.choice(["snare", "esnare"]))
    if sixteenths > 0 and not orchestra and rng.random() < sixteenths and six >= 0.08:
        hats = "closed16"
    kicks = str(rng.choice(list(kick_patterns))) if kick_patterns else ""
    backbeats = (8,) if kicks == "onedrop" else (4, 12)
    out = []
    for step in range(16 * BARS):
        s = step % 16
        drums: list[tuple[str, int]] = []
        tag = ""
        if fill and step >= 16 * BARS - 4:
            if step % 2 == 0 or six >= 0.1:
                out.append((step * six + late * (step % 2), [("tom", int(np.clip(round(base * rng.uniform(0.8, 1.1)), 20, 127)))], ""))
            continue

        def vel(scale: float = 1.0) -> int:
            return int(np.clip(round(base * scale * rng.uniform(*velocity_spread)), 20, 127))

        if kicks and kicks != "rock":
            if s in s23_KICK_STEPS[kicks]:
                drums.append(("kick", vel()))
        elif s in (0, 8) or (s in (6, 10, 14) and rng.random() < 0.25) or (on_floor and s in (4, 12)):
            drums.append(("kick", vel()))
        if s in backbeats:
            drums.append((backbeat if not orchestra else "snare", vel()))
            if flams and rng.random() < 0.5:
                tag = "flam"
            clap_v = drums[-1][1]
            if bb_hat and backbeat_hat:  # session 17: the backbeat struck with a hat; the pattern's own stroke is skipped below
                drums.append((bb_hat, int(np.clip(round(clap_v * rng.uniform(*backbeat_hat)), 20, 127))))
            if clap_kind in ("snare", "esnare"):  # session 21: the clap struck with a snare
                drums.append((clap_kind, int(np.clip(round(clap_v * rng.uniform(0.6, 1.4)), 20, 127))))
        elif ghosts and s % 2 == 1 and rng.random() < 0.3 and not drums:
            drums.append(("snare", int(rng.integers(*GHOST_VELOCITY))))
            tag = "ghost"
        if bb_hat and s in backbeats:
            pass
        elif hats == "closed8" and s % 2 == 0 or hats == "closed16":
            drums.append(("closed", vel(0.75)))
        elif hats == "pedal4" and s % 4 == 0:
            drums.append(("pedal", vel(0.8)))
        elif hats == "open_and" and s % 2 == 0:
            drums.append(("open" if s % 4 == 2 else "closed", vel(0.75)))
        elif hats == "offbeat" and s % 4 == 2:
            drums.append((off_kind, vel(off_scale)))
        elif hats == "mixed" and s % 2 == 0:
            drums.append((str(rng.choice(["closed", "closed", "pedal", "open"])), vel(0.75)))
        elif hats == "accent16":
            drums.append(("closed", vel(0.85 if s % 2 == 0 else float(rng.uniform(0.4, 0.6)))))
        elif hats == "pedal8" and s % 2 == 0:
            drums.append(("pedal", vel(0.8)))
        elif hats == "open_off":
            drums.append(("open" if s % 4 == 2 else "closed", vel(0.8 if s % 4 == 2 else 0.6)))
        elif hats == "skip16" and s % 4 in (0, 2, 3):
            drums.append(("closed", vel(0.75 if s % 4 != 3 else 0.55)))
        if drums:
            out.append((step * six + late * (step % 2), drums, tag))
    return out


s23_KICK_STEPS = {  # session 23: a bar's sixteenths the kick is struck on (:func:`_groove`'s ``kick_patterns``)
    "tresillo": (0, 3, 6, 8, 11, 14),
    "onedrop": (8,),
    "newjack": (0, 3, 10),
    "gallop": (0, 2, 3, 8, 10, 11),
    "push": (0, 7, 10),
}


def _truth(drums: list[tuple[str, int]], kit: str) -> str:
    family = kit if kit in KITS else kit.rstrip("0123456789")  # a variant kit's sounds on those keys are its family's (brush1 → brush)
    names = {KIT_TRUTH.get(family, {}).get(d) or TRUTH[d] for d, _ in drums}
    return next(p for p in PRIORITY if p in names)


def kit_clips(split: str, workdir: Path) -> list[KitClip]:
    """Every kit × ``clips_per_kit`` grooves of ``split`` (tempi, beds and levels cycling), rendered and mixed."""
    spec = SPLITS[split]
    rng = np.random.default_rng(spec["seed"])
    plans, clips = [], []
    k = 0
    for kit in spec["kits"]:
        for j in range(spec["clips_per_kit"]):
            bpm = float(spec["tempi"][(k * 5 + j) % len(spec["tempi"])])
            beds = spec.get("beds", BED_KINDS)
            bed = beds[(k * 3 + j) % len(beds)]
            under = float(spec["under_db"][(k + j) % len(spec["under_db"])])
            steps = _groove(
                rng,
                bpm,
                kit == "orchestra",
                spec.get("fills", False),
                spec.get("velocity_lo", 40),
                spec.get("swing", ()),
                spec.get("velocity_hi", 128),
                spec.get("velocity_spread", (0.8, 1.1)),
                spec.get("floor", 0.0),
                spec.get("claps", False),
                spec.get("backbeat_hat"),
                spec.get("offbeat_hats", 0.0),
                spec.get("clap_share", 0.0),
                spec.get("clap_with", ()),
                spec.get("sixteenths", 0.0),
                spec.get("hat_patterns", ()),
                spec.get("s23_kicks", ()),
            )
            lead_ins = spec.get("lead_ins", (LEAD_IN_S,))
            lead_in = float(lead_ins[(k + j) % len(lead_ins)])
            duration = lead_in + steps[-1][0] + 60.0 / bpm + 0.6
            clip = Clip(f"{split}_{kit}_{bed}_{int(under)}_{int(bpm)}_{j}", duration, kind="drums")
            clip.events.append((0.0, bytes([0xC0 | DRUM_CH, ALL_KITS[kit]])))
            if "bends" in spec:  # session 13: the kit retuned and its reverb send set, at every clip's start (nothing leaks)
                bend = 8192 + int(round(float(spec["bends"][(k * 2 + j) % len(spec["bends"])]) / 2.0 * 8191))
                clip.events.append((0.0, bytes([0xE0 | DRUM_CH, bend & 0x7F, bend >> 7])))
                clip.events.append((0.0, bytes([0xB0 | DRUM_CH, 91, int(spec["reverbs"][(k + j * 3) % len(spec["reverbs"])])])))
            struck = []
            last = -1.0
            toms = iter(sorted(rng.choice(TOM_NOTES, 4, replace=False), reverse=True)) if spec.get("fills") else iter(())
            for t, drums, tag in steps:
                t0 = lead_in + t
                for d, v in drums:
                    pitch = next(toms) if d == "tom" else {"kick": 36 if rng.random() < 0.7 else 35}.get(d) or HAT_NOTES.get(d) or SNARE_NOTES[d]
                    clip.events += note(DRUM_CH, pitch, t0, t0 + 0.12, v)
                    if tag == "flam" and d in SNARE_NOTES:
                        clip.events += note(DRUM_CH, pitch, t0 - FLAM_S, t0 - FLAM_S + 0.02, max(v // 2, 20))
                if t0 - last >= MIN_GAP_S:
                    clip.hits.append((round(t0, 4), _truth(drums, kit)))
                    struck.append("+".join(d for d, _ in drums) + (f"({tag})" if tag else ""))
                    last = t0
            plans.append((kit, bed, under, bpm, k * 10 + j, struck, lead_in))
            clips.append(clip)
        k += 1
    drums_audio = render(clips, workdir / "kits", "render.wav")
    pad_clips = []
    for (_kit, bed, _under, bpm, n, _, lead_in), clip in zip(plans, clips):
        p = Clip(clip.name, clip.duration_s, kind="tonal")
        if bed == "pad":
            p.events.append(program(0, spec["pads"][n % len(spec["pads"])], 0.0))
            for pitch in PAD_CHORDS[n % len(PAD_CHORDS)]:
                p.events += note(0, pitch, 0.0, clip.duration_s - 0.3, 90)
        elif bed in ("bass", "band", "speechband"):
            start = lead_in % (60.0 / bpm) if spec.get("bass_grid") else 0.0  # session 16: the bass's notes on the drums' beats
            p.events += _bass_line(spec["basses"][n % len(spec["basses"])], bpm, clip.duration_s, spec["seed"] * 100 + n, start)
            if bed in ("band", "speechband") and "s23_chord_styles" in spec:  # session 23: the chords in their preset's style
                styles = spec["s23_chord_styles"]
                p.events += s23_chord_events(spec["band_chords"][n % len(styles)], styles[n % len(styles)], bpm, lead_in, clip.duration_s)
            elif bed == "band":  # session 19: a band: the bass line and a piano chord held through each bar (channel 1)
                chords = spec.get("band_chords", (0,))  # session 20: other programs (session 19's: the piano)
                chord = chords[n % len(chords)]
                if isinstance(chord, tuple):  # session 21: ``(bank, program)``, the bank selected first
                    p.events.append((0.0, bytes([0xB1, 0, chord[0]])))
                    chord = chord[1]
                p.events.append(program(1, chord, 0.0))
                bar, t_bar = 4 * 60.0 / bpm, lead_in
                while t_bar + 0.3 < clip.duration_s:
                    for pitch in PAD_CHORDS[int(t_bar / bar) % len(PAD_CHORDS)]:
                        p.events += note(1, pitch, t_bar, min(t_bar + 0.95 * bar, clip.duration_s - 0.2), 70)
                    t_bar += bar
        pad_clips.append(p)
    pads_audio = render(pad_clips, workdir / "kit_pads", "render.wav")
    level_rng = np.random.default_rng(spec["seed"] + 2)
    voice = speech_samples(SPEECH_BEDS[split], workdir) if {"speech", "babble", "speechband"} & set(spec.get("beds", ())) else None
    out = []
    for (kit, bed, under, bpm, n, struck, lead_in), clip, x, pad in zip(plans, clips, drums_audio, pads_audio):
        mix = x.copy()
        if bed != "none":
            if bed == "speech":
                b = _speech_bed(voice, clip.duration_s)
            elif bed == "speechband":  # session 23: speech over the band, S23_SPEECH_OVER_BAND_DB over it
                b = s23_speech_over_band(pad, voice, clip.duration_s)
            else:
                b = (
                    _noise_bed(bed, clip.duration_s, spec["seed"] * 100 + n, voice)
                    if bed in NEW_NOISES
                    else bed_samples("pad" if bed in ("bass", "band") else bed, pad, clip.duration_s, spec["seed"] * 100 + n)
                )
            mix = mix + b[: x.size] * _loud_level(x) * 10 ** (-under / 20)
        # Mixed to a peak of -12 to -1 dBFS, as a produced track is: a soft kit is not left near silence.
        mix *= 10 ** (float(level_rng.uniform(-12.0, -1.0)) / 20) / max(float(np.abs(mix).max()), 1e-9)
        out.append(KitClip(clip.name, bed, under if bed != "none" else 0.0, kit, bpm, mix.astype(np.float32), clip.hits, struck, lead_in))
    return out


S23_SPEECH_OVER_BAND_DB = 3.0  # session 23: speech over a band stands this far (dB, RMS) over the band


def s23_chord_events(chord: int | tuple[int, int], style: str, bpm: float, start: float, seconds: float) -> list:
    """MIDI events (channel 1) of a band's chords (session 23) on GM program ``chord`` (or ``(bank, program)``) from
    ``start`` s to the end, a chord of :data:`~tests.noise_beds.PAD_CHORDS` a bar: "held" through the bar (velocity 70);
    "chug" as a power chord (the chord's root an octave down, its fifth and root) struck on every eighth, 0.85 of it long
    (velocity 85-110); "stabs" the chord struck short (0.12 s) on the off-beat eighths (velocity 95-120)."""
    events: list = []
    if isinstance(chord, tuple):
        events.append((0.0, bytes([0xB1, 0, chord[0]])))
        chord = chord[1]
    events.append(program(1, chord, 0.0))
    beat, bar = 60.0 / bpm, 4 * 60.0 / bpm
    t_bar = start
    while t_bar + 0.3 < seconds:
        pitches = PAD_CHORDS[int(t_bar / bar) % len(PAD_CHORDS)]
        if style == "held":
            for pitch in pitches:
                events += note(1, pitch, t_bar, min(t_bar + 0.95 * bar, seconds - 0.2), 70)
        else:
            root = pitches[0]
            for e in range(8):
                t0 = t_bar + e * beat / 2
                if t0 + 0.1 >= seconds - 0.2 or (style == "stabs" and e % 2 == 0):
                    continue
                length = 0.85 * beat / 2 if style == "chug" else 0.12
                velocity = 85 + (e * 7) % 26 if style == "chug" else 95 + (e * 11) % 26
                for pitch in (root - 12, root - 5, root) if style == "chug" else pitches:
                    events += note(1, pitch, t0, min(t0 + length, seconds - 0.2), velocity)
        t_bar += bar
    return events


def s23_speech_over_band(band: np.ndarray, voice: np.ndarray | None, seconds: float) -> np.ndarray:
    """Unit-RMS speech (:func:`_speech_bed`) over the rendered ``band`` (its RMS read after its 0.3 s attack), the voice
    S23_SPEECH_OVER_BAND_DB over it."""
    b = bed_samples("pad", band, seconds, 0)
    v = _speech_bed(voice, seconds)
    m = min(v.size, b.size)
    x = v[:m] * 10 ** (S23_SPEECH_OVER_BAND_DB / 20) + b[:m]
    return (x / max(float(np.sqrt(np.mean(x**2))), 1e-9)).astype(np.float32)


def _bass_line(prog: int | tuple[int, int], bpm: float, seconds: float, seed: int, start: float = 0.0) -> list:
    """MIDI events of a bass line on GM program ``prog`` (session 20: or ``(bank, program)``, the bank selected first):
    a note a beat (E1–E2, velocities 70–120) from ``start`` s to the end."""
    rng = np.random.default_rng(seed)
    beat = 60.0 / bpm
    if isinstance(prog, tuple):
        bank, prog = prog
        events = [(0.0, bytes([0xB0, 0, bank])), program(0, prog, 0.0)]
    else:
        events = [program(0, prog, 0.0)]
    t = start
    while t + 0.3 < seconds:
        events += note(0, 28 + int(rng.integers(0, 13)), t, min(t + 0.9 * beat, seconds - 0.2), int(rng.integers(70, 121)))
        t += beat
    return events


def _speech_bed(voice: np.ndarray | None, seconds: float) -> np.ndarray:
    """Unit-RMS espeak-ng speech repeated to ``seconds``: it talks from the start, through the lead-in and the groove."""
    assert voice is not None
    n = int(round(seconds * SR))
    x = np.tile(voice, n // max(voice.size, 1) + 1)[:n]
    return (x / max(float(np.sqrt(np.mean(x**2))), 1e-9)).astype(np.float32)


def drumless_clips(split: str, workdir: Path) -> list[tuple[str, np.ndarray]]:
    """``(name, samples)`` of material with no drum: bass lines, plucked lines, chords (struck and strummed), speech
    and noise beds (white, pink, brown, rain), 3–4 s each."""
    basses, plucks, chords, text = DRUMLESS[split]
    rng = np.random.default_rng(SPLITS[split]["seed"] + 1)
    clips: list[Clip] = []
    for prog in basses + plucks:
        lo = 28 if prog in basses else 55
        step = float(rng.choice([0.2, 0.3, 0.45]))
        clip = Clip(f"{split}_line_{prog}", 0.3 + 10 * step + 0.8)
        clip.events.append(program(0, prog, 0.0))
        for i in range(10):
            pitch = lo + int(rng.integers(0, 15))
            length = 0.25 if SPLITS[split].get("staccato") and prog in plucks else 0.9  # session 15: staccato lines
            clip.events += note(0, pitch, 0.3 + i * step, 0.3 + (i + length) * step, int(rng.integers(50, 125)))
        clips.append(clip)
    for prog in chords:
        step = float(rng.choice([0.5, 0.75]))
        clip = Clip(f"{split}_chords_{prog}", 0.3 + 6 * step + 0.8)
        clip.events.append(program(0, prog, 0.0))
        for i in range(6):
            root = 48 + int(rng.integers(0, 12))
            strum = 0.015 if prog >= 24 else 0.0
            for m, interval in enumerate((0, 4, 7, 12)):
                t0 = 0.3 + i * step + m * strum
                clip.events += note(0, root + interval, t0, 0.3 + (i + 0.95) * step, int(rng.integers(60, 120)))
        clips.append(clip)
    out = [(c.name, x) for c, x in zip(clips, render(clips, workdir / "drumless", "render.wav"))]
    voice = speech_samples(text, workdir)
    out.append((f"{split}_speech", (0.6 * voice / max(float(np.abs(voice).max()), 1e-6)).astype(np.float32)))
    for m, kind in enumerate(SPLITS[split].get("drumless_noises", ("white", "pink", "brown", "rain"))):
        seconds = 3.0
        seed = SPLITS[split]["seed"] * 10 + m
        x = _noise_bed(kind, seconds, seed, voice) if kind in NEW_NOISES else rain(seconds, seed) if kind == "rain" else shaped_noise(kind, seconds, seed)
        out.append((f"{split}_{kind}", (x * 10 ** (float(rng.uniform(-36, -16)) / 20)).astype(np.float32)))
    if SPLITS[split].get("s23_drumless_bands"):
        out += s23_drumless_bands(split, workdir, voice)
    return out


def s23_drumless_bands(split: str, workdir: Path, voice: np.ndarray) -> list[tuple[str, np.ndarray]]:
    """Session 23: a band with no drums (a bass line and every chord preset of ``split`` in its style,
    :func:`s23_chord_events`, 4 s at the split's tempi), alone and, every other preset, with the split's drumless speech
    over it (:func:`s23_speech_over_band`); each peaks at -12 to -1 dBFS. Any drum name on them is false."""
    spec = SPLITS[split]
    rng = np.random.default_rng(spec["seed"] + 3)
    clips, plans = [], []
    for m, (chord, style) in enumerate(zip(spec["band_chords"], spec["s23_chord_styles"], strict=True)):
        bpm = float(spec["tempi"][(m * 2) % len(spec["tempi"])])
        clip = Clip(f"{split}_band{m}_{chord[1] if isinstance(chord, tuple) else chord}_{style}", 4.0, kind="tonal")
        clip.events += _bass_line(spec["basses"][m % len(spec["basses"])], bpm, 4.0, spec["seed"] * 100 + 90 + m, 0.3)
        clip.events += s23_chord_events(chord, style, bpm, 0.3, 4.0)
        clips.append(clip)
        plans.append(m)
    out = []
    for m, clip, x in zip(plans, clips, render(clips, workdir / "drumless_bands", "render.wav"), strict=True):
        for name, y in [(clip.name, x)] + ([(clip.name.replace("_band", "_speechband", 1), s23_speech_over_band(x, voice, clip.duration_s))] if m % 2 == 0 else []):
            out.append((name, (y * 10 ** (float(rng.uniform(-12.0, -1.0)) / 20) / max(float(np.abs(y).max()), 1e-9)).astype(np.float32)))
    return out


NEW_NOISES = (
    "hiss",
    "wind",
    "crackle",
    "hum",
    "babble",
    "stream",
    "fan",
    "drizzle",
    "surf",
    "traffic",
    "birds",
    "engine",
    "sizzle",
    "typing",
    "steam",
    "shower",
    "clock",
    "room",
)  # session 12's to 21's noise beds (:func:`_noise_bed`)


def _noise_bed(kind: str, seconds: float, seed: int, voice: np.ndarray | None = None) -> np.ndarray:
    """Unit-RMS noise of session 12: "hiss" (tape hiss: Gaussian noise of 3–11 kHz), "wind" (noise below 1.5 kHz
    whose level gusts, 0.5–1.5 times its mean at 0.2–0.6 Hz) or "crackle" (a vinyl record's surface: 40 clicks a
    second, Poisson, each 0.2–1 ms of decaying noise with log-normal amplitudes, over hiss 20 dB under the clicks).
    Session 13: "hum" (mains hum: 50 or 60 Hz and its harmonics 2–12, odd ones stronger, over hiss 30 dB under),
    "babble" (a crowd: five copies of the espeak-ng ``voice`` at random offsets, speeds 0.8–1.25 and levels), "stream"
    (water: noise of 300 Hz–6 kHz whose level flickers at random under 20 Hz, with 25 bubbles a second, each a 4–20 ms
    sine of 500 Hz–3 kHz rising in pitch as it decays) or "fan" (a blade tone of 70–160 Hz with harmonics 2–6 over
    noise under 3 kHz, 10 dB stronger). Session 14: "drizzle" (fine rain: 600 droplets a second, each 0.3–1.5 ms of
    decaying noise with log-normal amplitudes, over noise of 2–12 kHz as loud as them) or "surf" (waves: noise under
    4 kHz whose level swells 0.2–1.8 times its mean with a period of 4–9 s, each wave breaking with more of its top).
    Session 15: "traffic" (a road: brown noise with a band of 20–600 Hz, a car passing every 1.5–4 s, each a 1–3 s
    swell of noise of 80 Hz–2 kHz up to 2.5 times the rumble) or "birds" (chirps, 6 a second: 20–120 ms sweeps between
    2 and 7 kHz, up or down, with a harmonic 12 dB under, over quiet noise of 1–8 kHz). Session 16: "engine" (an idling
    motor: firing pulses at 18–40 a second, each 4–12 ms of noise under 1.2 kHz decaying, their rate wandering ±8 %,
    over a brown rumble 6 dB under) or "sizzle" (frying: 300 crackles a second, each 0.3–2 ms of noise of 2–10 kHz with
    log-normal amplitudes, and 2 spits a second, 5–20 ms of noise of 1–8 kHz 3–8 times louder than a crackle).
    Session 17: "typing" (a keyboard: 4–11 key clicks a second, each a 2–8 ms click of noise of 1–6 kHz with a 0.5–2 ms
    release click 6 dB under 40–120 ms later, over quiet room noise) or "steam" (a kettle: noise of 1–9 kHz whose level
    swells 0.4–1.6 times its mean at 0.1–0.4 Hz, with a whistle of 1.8–3 kHz wandering ±3 % at 12 dB under it).
    Session 18: "shower" (water on tiles: noise of 400 Hz–10 kHz with 150 droplets a second, each 0.5–3 ms of decaying
    noise of 1–8 kHz with log-normal amplitudes) or "clock" (a mechanical clock: 2–5 ticks a second, each 1–3 ms of
    noise of 2–8 kHz decaying, every other one 4 dB softer, over quiet noise 30 dB under).
    Session 21: "room" (an empty room's tone: noise under 1.2 kHz falling 6 dB an octave above 200 Hz, a ventilation
    hum of 100–140 Hz with harmonics 2–4 at 14 dB under it, the level breathing 0.85–1.15 times its mean at 0.05–0.2 Hz)."""
    rng = np.random.default_rng(seed)
    n = int(round(seconds * SR))
    if kind == "hiss":
        x = shaped_noise((3000.0, 11000.0), seconds, seed)
    elif kind == "wind":
        t = np.arange(n) / SR
        gust = 1.0 + 0.5 * np.sin(2 * np.pi * rng.uniform(0.2, 0.6) * t + rng.uniform(0, 2 * np.pi)) * np.sin(2 * np.pi * rng.uniform(0.05, 0.15) * t + rng.uniform(0, 2 * np.pi))
        x = shaped_noise((0.0, 1500.0), seconds, seed) * gust
    elif kind == "crackle":
        x = np.zeros(n)
        for at in rng.uniform(0, seconds, int(40 * seconds)):
            k = int(at * SR)
            length = max(int(rng.uniform(0.0002, 0.001) * SR), 2)
            burst = rng.standard_normal(length) * np.exp(-np.arange(length) / (0.3 * length)) * rng.lognormal(0.0, 0.8)
            x[k : k + length] += burst[: n - k]
        x = x / max(float(x.std()), 1e-9) + 0.1 * shaped_noise((3000.0, 11000.0), seconds, seed + 1)
    elif kind == "hum":
        t = np.arange(n) / SR
        f0 = float(rng.choice([50.0, 60.0]))
        x = sum((1.0 if h % 2 else 0.4) / h * np.sin(2 * np.pi * f0 * h * t + rng.uniform(0, 2 * np.pi)) for h in range(1, 13))
        x = x / np.std(x) + 0.03 * shaped_noise("white", seconds, seed + 1)
    elif kind == "babble":
        assert voice is not None
        x = np.zeros(n)
        for _ in range(5):
            speed = rng.uniform(0.8, 1.25)
            v = np.interp(np.arange(0, voice.size - 1, speed), np.arange(voice.size), voice)
            v = np.tile(v, n // max(v.size, 1) + 2)
            start = int(rng.integers(0, v.size - n))
            x += v[start : start + n] * rng.uniform(0.4, 1.0)
    elif kind == "stream":
        flicker = np.interp(np.arange(n), np.linspace(0, n, int(seconds * 40) + 2), rng.uniform(0.3, 1.0, int(seconds * 40) + 2))
        x = shaped_noise((300.0, 6000.0), seconds, seed) * flicker
        for at in rng.uniform(0, seconds, int(25 * seconds)):
            k = int(at * SR)
            length = min(int(rng.uniform(0.004, 0.02) * SR), n - k)
            tt = np.arange(length) / SR
            f = rng.uniform(500, 3000) * (1 + 2.0 * tt / max(tt[-1], 1e-9) * rng.uniform(0.1, 0.5)) if length > 1 else np.zeros(length)
            x[k : k + length] += 1.5 * rng.lognormal(0.0, 0.5) * np.sin(2 * np.pi * np.cumsum(f) / SR) * np.exp(-tt / (0.3 * max(length / SR, 1e-4)))
    elif kind == "drizzle":
        drops = np.zeros(n)
        for at in rng.uniform(0, seconds, int(600 * seconds)):
            k = int(at * SR)
            length = max(int(rng.uniform(0.0003, 0.0015) * SR), 2)
            burst = rng.standard_normal(length) * np.exp(-np.arange(length) / (0.3 * length)) * rng.lognormal(0.0, 0.6)
            drops[k : k + length] += burst[: n - k]
        x = drops / max(float(drops.std()), 1e-9) + shaped_noise((2000.0, 12000.0), seconds, seed + 1)
    elif kind == "surf":
        t = np.arange(n) / SR
        period = rng.uniform(4.0, 9.0)
        swell = 1.0 + 0.8 * np.sin(2 * np.pi * t / period + rng.uniform(0, 2 * np.pi))
        x = shaped_noise((0.0, 4000.0), seconds, seed) * swell + 0.5 * shaped_noise((2000.0, 8000.0), seconds, seed + 1) * np.clip(swell - 1.0, 0.0, None)
    elif kind == "traffic":
        x = shaped_noise("brown", seconds, seed) + 0.5 * shaped_noise((20.0, 600.0), seconds, seed + 1)
        x = x / x.std()
        car = shaped_noise((80.0, 2000.0), seconds, seed + 2)
        at = float(rng.uniform(0.0, 1.5))
        while at < seconds:
            width = rng.uniform(1.0, 3.0)
            t = np.arange(n) / SR
            x = x + 2.5 * rng.uniform(0.4, 1.0) * np.exp(-0.5 * ((t - at) / (width / 4)) ** 2) * car
            at += float(rng.uniform(1.5, 4.0))
    elif kind == "birds":
        x = 0.05 * shaped_noise((1000.0, 8000.0), seconds, seed)
        for at in rng.uniform(0, seconds, int(6 * seconds)):
            k = int(at * SR)
            length = min(int(rng.uniform(0.02, 0.12) * SR), n - k)
            if length < 2:
                continue
            tt = np.arange(length) / SR
            f = np.linspace(*(rng.uniform(2000, 7000, 2)), length)
            phase = 2 * np.pi * np.cumsum(f) / SR
            env = np.sin(np.pi * tt / tt[-1]) ** 2 * rng.lognormal(0.0, 0.5)
            x[k : k + length] += env * (np.sin(phase) + 0.25 * np.sin(2 * phase))
    elif kind == "engine":
        pulses = np.zeros(n)
        body = shaped_noise((0.0, 1200.0), seconds, seed + 1)
        rate, at = rng.uniform(18.0, 40.0), 0.0
        while at < seconds:
            k = int(at * SR)
            length = min(int(rng.uniform(0.004, 0.012) * SR), n - k)
            pulses[k : k + length] += body[k : k + length] * np.exp(-np.arange(length) / (0.35 * max(length, 1))) * rng.uniform(0.7, 1.3)
            at += 1.0 / (rate * rng.uniform(0.92, 1.08))
        x = pulses / max(float(pulses.std()), 1e-9) + 0.5 * shaped_noise("brown", seconds, seed + 2)
    elif kind == "sizzle":
        x = np.zeros(n)
        hiss = shaped_noise((2000.0, 10000.0), seconds, seed + 1)
        spit = shaped_noise((1000.0, 8000.0), seconds, seed + 2)
        for at in rng.uniform(0, seconds, int(300 * seconds)):
            k = int(at * SR)
            length = min(max(int(rng.uniform(0.0003, 0.002) * SR), 2), n - k)
            x[k : k + length] += hiss[k : k + length] * np.exp(-np.arange(length) / (0.3 * length)) * rng.lognormal(0.0, 0.7)
        for at in rng.uniform(0, seconds, int(2 * seconds)):
            k = int(at * SR)
            length = min(int(rng.uniform(0.005, 0.02) * SR), n - k)
            x[k : k + length] += spit[k : k + length] * np.exp(-np.arange(length) / (0.3 * max(length, 1))) * rng.uniform(3.0, 8.0)
    elif kind == "typing":
        x = 0.02 * shaped_noise((200.0, 4000.0), seconds, seed)
        click = shaped_noise((1000.0, 6000.0), seconds, seed + 1)
        at = float(rng.uniform(0.0, 0.2))
        while at < seconds:
            for offset, (lo, hi), gain in ((0.0, (0.002, 0.008), 1.0), (rng.uniform(0.04, 0.12), (0.0005, 0.002), 0.5)):
                k = int((at + offset) * SR)
                length = min(max(int(rng.uniform(lo, hi) * SR), 2), n - k)
                if length > 0:
                    x[k : k + length] += click[k : k + length] * np.exp(-np.arange(length) / (0.3 * length)) * gain * rng.lognormal(0.0, 0.4)
            at += 1.0 / rng.uniform(4.0, 11.0)
    elif kind == "steam":
        t = np.arange(n) / SR
        swell = 1.0 + 0.6 * np.sin(2 * np.pi * rng.uniform(0.1, 0.4) * t + rng.uniform(0, 2 * np.pi))
        f = rng.uniform(1800.0, 3000.0) * (1 + 0.03 * np.sin(2 * np.pi * rng.uniform(0.2, 0.8) * t))
        x = shaped_noise((1000.0, 9000.0), seconds, seed) * swell
        x = x / x.std() + 10 ** (-12 / 20) * np.sqrt(2) * np.sin(2 * np.pi * np.cumsum(f) / SR) * swell
    elif kind == "shower":
        x = shaped_noise((400.0, 10000.0), seconds, seed)
        drop = shaped_noise((1000.0, 8000.0), seconds, seed + 1)
        for at in rng.uniform(0, seconds, int(150 * seconds)):
            k = int(at * SR)
            length = min(max(int(rng.uniform(0.0005, 0.003) * SR), 2), n - k)
            x[k : k + length] += 3.0 * drop[k : k + length] * np.exp(-np.arange(length) / (0.3 * length)) * rng.lognormal(0.0, 0.6)
    elif kind == "clock":
        x = 0.03 * shaped_noise("white", seconds, seed)
        tick = shaped_noise((2000.0, 8000.0), seconds, seed + 1)
        rate, at, m = rng.uniform(2.0, 5.0), float(rng.uniform(0.0, 0.3)), 0
        while at < seconds:
            k = int(at * SR)
            length = min(max(int(rng.uniform(0.001, 0.003) * SR), 2), n - k)
            x[k : k + length] += tick[k : k + length] * np.exp(-np.arange(length) / (0.3 * length)) * (1.0 if m % 2 == 0 else 10 ** (-4 / 20)) * 4.0
            at, m = at + 1.0 / rate, m + 1
    elif kind == "room":
        t = np.arange(n) / SR
        spectrum = np.fft.rfft(rng.standard_normal(n))
        f = np.fft.rfftfreq(n, 1 / SR)
        spectrum *= (f < 1200.0) / np.maximum(f / 200.0, 1.0)
        air = np.fft.irfft(spectrum, n)
        f0 = rng.uniform(100.0, 140.0)
        hum = sum(np.sin(2 * np.pi * f0 * h * t + rng.uniform(0, 2 * np.pi)) / h for h in range(1, 5))
        x = air / air.std() + 10 ** (-14 / 20) * hum / np.std(hum)
        x = x * (1.0 + 0.15 * np.sin(2 * np.pi * rng.uniform(0.05, 0.2) * t + rng.uniform(0, 2 * np.pi)))
    else:
        t = np.arange(n) / SR
        f0 = rng.uniform(70.0, 160.0)
        tone = sum(np.sin(2 * np.pi * f0 * h * t + rng.uniform(0, 2 * np.pi)) / h for h in range(1, 7))
        x = shaped_noise((0.0, 3000.0), seconds, seed) + 10 ** (-10 / 20) * tone / np.std(tone)
    return (x / x.std()).astype(np.float32)
