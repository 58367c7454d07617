"""Plain speech on which any drum name is false (issue 11, session 20, helper 11s).

:func:`speech_clips` (split): espeak-ng sentences in many languages and voices (a language with one of espeak-ng's
voice variants: m1–m7, f1–f5, klatt, croak, …), at 120–220 words a minute and pitches 20–85, each said once with
0.3–0.6 s of quiet before and after, alone or over a bed: pink or white noise, mains hum, a fan (see
:func:`tests.drum_kits._noise_bed`) 18–32 dB (RMS) under the voice, or in a room (the dry voice plus a reverb tail: an
exponentially decaying noise response with a reverberation time of 0.3–0.9 s, 4–12 dB under the dry voice). Each
clip peaks at −12 to −1 dBFS. No clip holds a drum: every frame named ``kick``, ``snare``, ``hihat`` or ``clap`` is
false; a speech frame should read ``speech`` (``silence`` in its pauses, the bed's noise word where the bed alone
sounds).

Splits: ``speech_s20fresh`` (read once with main's rules, fec4a1d, before any change) and ``speech_s20blind`` (written
with it, read once at the freeze with main's rules and the new ones). Read by ``bench/bench_drum_kits.py``.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import wave
from pathlib import Path

import numpy as np
from scipy.signal import fftconvolve

from tests.audio_corpus import SR
from tests.noise_beds import shaped_noise

SPEECH_SPLITS = {
    "speech_s20fresh": {
        "seed": 52011,
        "voices": ("m3", "f2", "klatt", "m1", "f4", "croak", "m7", "f5", "m5", "klatt3", "m2", "f3"),
        "rates": (120, 135, 150, 165, 180, 195, 210, 220),
        "pitches": (20, 35, 50, 65, 80),
        "beds": ("none", "none", "pink", "room", "none", "hum", "room", "white", "none", "fan"),
        "under_db": (18.0, 22.0, 26.0, 30.0),
        "texts": (
            ("en-us", "The plumber packed his tools and drove back to the city before the storm."),
            ("en-us", "Kate kept a tidy desk, but her sister stacked papers on every chair."),
            ("en-gb", "Six small pigs dug for truffles under the chestnut trees past the stable."),
            ("en-gb", "Please put the cups back on the top shelf when the tea is finished."),
            ("en-gb-scotland", "The ticket collector checked each passenger as the coach crossed the border."),
            ("en-029", "Bright kites tugged at their strings above the beach while the boys shouted."),
            ("de", "Der Bäcker stellte zwei Körbe mit frischem Brot vor die Tür des Ladens."),
            ("de", "Kinder spielten bis zum Abend im Park, dann kam plötzlich ein kalter Wind."),
            ("fr-fr", "Le facteur a posé trois paquets sur la table de la cuisine ce matin."),
            ("fr-fr", "Pendant les vacances, nous partons toujours à la campagne chez nos cousins."),
            ("es", "El pescador preparó sus redes antes de salir al mar con su hijo."),
            ("es", "Todas las tardes, la tienda de la esquina cierra a las siete y cuarto."),
            ("it", "Il cuoco taglia le patate e prepara la cena per tutta la famiglia."),
            ("nl", "De postbode bracht een pakket naar de buren toen het begon te regenen."),
            ("pt-br", "O motorista parou o caminhão perto da praça para comprar café quente."),
            ("pl", "Poczta przyszła późno, bo samochód zepsuł się przy starym moście."),
            ("sv", "Pojken cyklade till skolan trots att det snöade hela morgonen."),
            ("cs", "Kuchař připravil polévku a postavil na stůl čerstvý chléb."),
            ("fi", "Pieni tyttö kantoi kirjat kirjastoon ennen kuin sade alkoi."),
            ("tr", "Balıkçı sabah erkenden tekneyi hazırladı ve denize açıldı."),
            ("ru", "Почтальон принёс тяжёлую посылку и поставил её у двери."),
            ("id", "Petani itu pergi ke pasar untuk menjual sayur dan buah segar."),
            ("hu", "A postás két csomagot hozott, és a kapu mellett hagyta őket."),
            ("ro", "Pescarul a pregătit plasele înainte să plece pe mare cu fiul său."),
            ("da", "Bageren satte to kurve med friskt brød uden for butikken."),
            ("cy", "Aeth y plant i'r traeth ar ôl cinio i chwarae yn y tywod."),
            ("en-us", "Stop, said the guard, and pointed at the sign beside the gate."),
            ("sw", "Mvuvi alitayarisha nyavu zake kabla ya kwenda baharini asubuhi."),
            ("el", "Ο ψαράς ετοίμασε τα δίχτυα του πριν βγει στη θάλασσα."),
            ("en-us", "Check the tickets, pack the bags, and catch the six fifteen to Boston."),
        ),
    },
    "speech_s20blind": {
        "seed": 53122,
        "voices": ("f1", "m4", "klatt2", "m6", "f3", "croak", "m8", "f4", "klatt4", "m2", "f2", "m1"),
        "rates": (125, 140, 155, 170, 185, 200, 215),
        "pitches": (25, 40, 55, 70, 85),
        "beds": ("none", "room", "none", "pink", "none", "fan", "room", "hum", "none", "white"),
        "under_db": (19.0, 23.0, 27.0, 32.0),
        "texts": (
            ("en-us", "The captain tapped the map and told the crew to steer past the rocks."),
            ("en-us", "Peter picked a basket of apples and carried it to the kitchen door."),
            ("en-gb", "A stack of post cards sat beside the kettle in the station cafe."),
            ("en-gb", "The teacher asked the pupils to stop talking and take their seats."),
            ("en-gb-scotland", "Thick fog rolled over the castle as the pipers tuned their drones."),
            ("en-029", "The fishermen sat by the dock and talked about the catch until sunset."),
            ("de", "Der Zug hielt kurz in der kleinen Stadt, dann fuhr er weiter nach Süden."),
            ("de", "Meine Tante backt jeden Sonntag einen Kuchen mit Äpfeln und Zimt."),
            ("fr-fr", "Les enfants ont construit une cabane au fond du jardin pendant l'été."),
            ("fr-fr", "Le boulanger ouvre sa boutique tôt pour vendre des croissants chauds."),
            ("es", "Mi abuelo cuenta historias de su pueblo cuando cenamos juntos."),
            ("es", "El autobús tardó mucho porque había tráfico en la calle principal."),
            ("it", "La ragazza porta il cane al parco ogni mattina prima di scuola."),
            ("nl", "De kapitein keek naar de kaart en stuurde het schip langs de kust."),
            ("pt-br", "A professora pediu que os alunos fechassem os livros e ouvissem."),
            ("pl", "Dzieci zbudowały zamek z piasku na plaży przed obiadem."),
            ("sv", "Fiskaren lagade sitt nät på bryggan medan solen gick ner."),
            ("cs", "Děti stavěly sněhuláka na zahradě až do pozdního večera."),
            ("fi", "Kalastaja korjasi verkkonsa laiturilla auringon laskiessa."),
            ("tr", "Çocuklar bahçede top oynarken yağmur yağmaya başladı."),
            ("ru", "Дети построили снеговика во дворе перед самым ужином."),
            ("id", "Anak-anak bermain bola di lapangan sampai matahari terbenam."),
            ("hu", "A gyerekek a kertben játszottak, amíg esni nem kezdett."),
            ("ro", "Copiii au construit un castel de nisip pe plajă înainte de prânz."),
            ("nb", "Fiskeren reparerte garnet sitt på brygga mens solen gikk ned."),
            ("cy", "Roedd y ffermwr yn cyfri'r defaid cyn iddi nosi dros y bryn."),
            ("en-us", "Quick, take the kettle off the stove before it starts to spit."),
            ("sw", "Watoto walicheza mpira uwanjani mpaka jua lilipozama."),
            ("el", "Τα παιδιά έπαιζαν στον κήπο μέχρι που άρχισε να βρέχει."),
            ("en-us", "Tap the pad twice, then press the top key to start the track."),
        ),
    },
}


def say(text: str, language: str, variant: str, wpm: int, pitch: int, workdir: Path) -> np.ndarray:
    """espeak-ng ``text`` in ``language`` with voice ``variant`` at ``wpm`` words a minute and ``pitch`` (0–99), at
    :data:`SR` (mono float, leading and trailing digital silence trimmed)."""
    exe = shutil.which("espeak-ng")
    assert exe is not None, "needs espeak-ng"
    workdir.mkdir(parents=True, exist_ok=True)
    key = hashlib.sha256(repr((text, language, variant, wpm, pitch)).encode()).hexdigest()[:12]
    wav = workdir / f"say-{key}.wav"
    subprocess.run([exe, "-v", f"{language}+{variant}", "-s", str(wpm), "-p", str(pitch), "-w", str(wav), text], check=True, capture_output=True)
    with wave.open(str(wav)) as fh:
        rate = fh.getframerate()
        x = np.frombuffer(fh.readframes(fh.getnframes()), np.int16).astype(np.float64) / 32768
    x = np.interp(np.arange(0, x.size * SR / rate) * rate / SR, np.arange(x.size), x)
    return np.trim_zeros(np.where(np.abs(x) < 1e-4, 0, x))


def room(x: np.ndarray, rt60_s: float, wet_db: float, seed: int) -> np.ndarray:
    """``x`` in a room: the dry signal plus its convolution with an exponentially decaying noise response whose level
    falls 60 dB in ``rt60_s``, scaled to ``wet_db`` under the dry signal's RMS."""
    rng = np.random.default_rng(seed)
    n = int(1.2 * rt60_s * SR)
    response = rng.standard_normal(n) * 10 ** (-3.0 * np.arange(n) / (rt60_s * SR))
    response[: int(0.008 * SR)] = 0.0  # the first reflection comes after the direct sound
    wet = fftconvolve(x, response)[: x.size]
    wet *= np.sqrt(np.mean(x**2)) / max(float(np.sqrt(np.mean(wet**2))), 1e-12) * 10 ** (-wet_db / 20)
    return x + wet


def speech_clips(split: str, workdir: Path) -> list[tuple[str, np.ndarray]]:
    """``(name, samples)`` of the split's clips, one per text: name ``split_NN-language-voice-wpm-bed``."""
    from tests.drum_kits import _noise_bed

    spec = SPEECH_SPLITS[split]
    rng = np.random.default_rng(spec["seed"])
    out = []
    for k, (language, text) in enumerate(spec["texts"]):
        variant = spec["voices"][k % len(spec["voices"])]
        wpm = int(spec["rates"][int(rng.integers(len(spec["rates"])))])
        pitch = int(spec["pitches"][int(rng.integers(len(spec["pitches"])))])
        bed = spec["beds"][k % len(spec["beds"])]
        voice = say(text, language, variant, wpm, pitch, workdir / split)
        voice = voice / max(float(np.sqrt(np.mean(voice**2))), 1e-12)
        before, after = (int(rng.uniform(0.3, 0.6) * SR) for _ in range(2))
        x = np.concatenate([np.zeros(before), voice, np.zeros(after)])
        seed = spec["seed"] * 100 + k
        if bed == "room":
            x = room(x, float(rng.uniform(0.3, 0.9)), float(rng.uniform(4.0, 12.0)), seed)
        elif bed != "none":
            under = float(spec["under_db"][int(rng.integers(len(spec["under_db"])))])
            seconds = x.size / SR
            noise = shaped_noise(bed, seconds, seed) if bed in ("pink", "white") else _noise_bed(bed, seconds, seed)
            x = x + noise[: x.size] * 10 ** (-under / 20)
        x *= 10 ** (float(rng.uniform(-12.0, -1.0)) / 20) / max(float(np.abs(x).max()), 1e-9)
        out.append((f"{split}_{k:02d}-{language}-{variant}-{wpm}-{bed}", x.astype(np.float32)))
    return out
