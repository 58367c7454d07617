"""Primitives every registry starts with, so a first run already has a vocabulary.

Seeded on first use of a store (:func:`registries.store.ensure_seeded`):
named colours (:func:`registries.naming.color_seeds`), the pure noises, camera
moves, gradient types, transition types, audio roles, and for each narrative
aspect a starting vocabulary with common synonyms. A seed's key is exactly the
key a *pure* measured value gets (``static``, ``cut``, ``silence``…), so such a
value lands on its seed; qualified values (``pan_left.slow``) are their own
entries whose ``depth_breakdown`` points at the primitive.
"""

from __future__ import annotations

from registries.keys import normalise_word
from registries.naming import color_seeds

SEED_VERSION = 1

NOISES = ("silence", "hum", "tone", "rumble", "hiss", "click", "buzz")
CAMERA_MOVES = ("static", "pan_left", "pan_right", "tilt_up", "tilt_down", "zoom_in", "zoom_out", "handheld")
GRADIENT_TYPES = ("none", "vertical", "horizontal", "diagonal", "radial")
TRANSITION_TYPES = ("cut", "fade_in", "fade_out", "dissolve", "wipe")
AUDIO_ROLES = ("silence", "speech", "music", "ambient", "sfx")

# Word primitives: aspect → (field the word fills, words).
WORD_PRIMITIVES: dict[str, tuple[str, tuple[str, ...]]] = {
    "static.sound": ("noise", NOISES),
    "dynamic.camera": ("motion_type", CAMERA_MOVES),
    "dynamic.gradient": ("gradient_type", GRADIENT_TYPES),
    "dynamic.transition": ("type", TRANSITION_TYPES),
    "dynamic.audio_semantic": ("role", AUDIO_ROLES),
}

# Narrative origins: canonical value → common synonyms (matched in prompts and spec values).
# Each word belongs to one aspect only, so a prompt word never lands in two places.
VOCABULARY: dict[str, dict[str, tuple[str, ...]]] = {
    "genre": {
        "action": ("action movie",),
        "adventure": (),
        "animation": ("animated",),
        "comedy": ("comedic", "sitcom"),
        "crime": ("gangster",),
        "documentary": ("docu", "nature documentary"),
        "drama": ("dramatic",),
        "fantasy": ("fairy tale", "fairytale", "magical"),
        "horror": ("scary", "slasher", "creepy"),
        "music video": ("musicvideo",),
        "mystery": ("whodunit", "detective story"),
        "romance": ("romantic comedy", "love story", "rom com"),
        "science fiction": ("sci fi", "scifi", "sf"),
        "thriller": ("suspense thriller",),
        "war": ("war movie", "battlefield"),
        "western": ("cowboy",),
        "advertisement": ("commercial", "advert", "ad", "promo"),
        "educational": ("explainer", "tutorial", "how to"),
        "sports": ("sport", "athletics"),
    },
    "mood": {
        "happy": ("joyful", "cheerful", "upbeat", "joyous", "uplifting"),
        "sad": ("melancholic", "melancholy", "sorrowful", "somber", "sombre", "gloomy"),
        "calm": ("peaceful", "serene", "tranquil", "relaxing", "soothing", "quiet"),
        "tense": ("suspenseful", "anxious", "nervous", "thrilling"),
        "dark": ("ominous", "grim", "sinister", "menacing"),
        "energetic": ("lively", "exciting", "vibrant", "intense"),
        "mysterious": ("eerie", "enigmatic", "uncanny"),
        "nostalgic": ("wistful", "sentimental"),
        "dreamy": ("ethereal", "dreamlike", "hazy"),
        "epic": ("grand", "majestic", "heroic"),
        "playful": ("whimsical", "funny", "humorous", "silly"),
        "hopeful": ("optimistic", "inspiring"),
        "angry": ("aggressive", "furious", "rage"),
        "lonely": ("isolated", "desolate"),
        "loving": ("tender", "affectionate", "warmhearted"),
    },
    "themes": {
        "love": ("romance theme",),
        "friendship": ("friends",),
        "family": ("parenthood", "siblings"),
        "nature": ("wildlife", "natural world"),
        "technology": ("tech", "robots", "artificial intelligence", "ai"),
        "death": ("mortality", "grief"),
        "freedom": ("liberty",),
        "identity": ("self discovery",),
        "survival": (),
        "time": ("passage of time",),
        "memory": ("memories", "remembering"),
        "loss": (),
        "power": ("ambition",),
        "coming of age": ("growing up",),
        "good versus evil": ("good vs evil", "good and evil"),
        "environment": ("climate", "climate change", "pollution"),
        "childhood": ("children", "kids"),
        "space exploration": ("exploring space", "astronaut", "astronauts"),
    },
    "plots": {
        "quest": ("mission",),
        "chase": ("pursuit", "chasing"),
        "escape": ("escaping", "breakout"),
        "rescue": ("rescuing",),
        "revenge": ("vengeance",),
        "transformation": ("metamorphosis", "transforms"),
        "discovery": ("discovers", "finds"),
        "rivalry": ("rivals", "competition"),
        "heist": ("robbery",),
        "reunion": ("reunite", "reunited"),
        "rags to riches": (),
        "voyage and return": ("journey", "voyage"),
        "rebirth": ("redemption",),
        "overcoming the monster": ("monster", "dragon"),
        "tragedy": ("tragic",),
        "first meeting": ("meet cute", "first date"),
    },
    "settings": {
        "city": ("urban", "downtown", "metropolis", "skyline", "skyscrapers"),
        "street": ("streets", "alley", "sidewalk"),
        "forest": ("woods", "woodland", "jungle", "trees"),
        "beach": ("seaside", "shore", "coast", "sand"),
        "ocean": ("sea", "waves"),
        "underwater": ("under water", "coral reef", "reef"),
        "desert": ("dunes", "sand dunes"),
        "mountains": ("mountain", "peaks", "alps"),
        "outer space": ("space", "galaxy", "cosmos", "orbit", "planet"),
        "countryside": ("rural", "farm", "farmland", "village"),
        "field": ("meadow", "grassland", "prairie"),
        "river": ("stream", "creek"),
        "lake": ("pond",),
        "snow": ("snowy", "winter", "arctic"),
        "home": ("house", "apartment", "living room", "bedroom"),
        "kitchen": (),
        "office": ("workplace",),
        "school": ("classroom", "campus"),
        "laboratory": ("lab",),
        "studio": ("backdrop",),
        "stage": ("concert",),
        "restaurant": ("cafe", "diner", "bar"),
        "castle": ("palace",),
        "spaceship": ("spacecraft", "space station"),
        "road": ("highway", "motorway"),
        "night sky": ("starry sky", "stars"),
    },
    "style": {
        "cinematic": ("filmic", "movie like"),
        "photorealistic": ("realistic", "photoreal", "hyperrealistic"),
        "anime": ("manga",),
        "cartoon": ("cartoonish", "toon"),
        "3d render": ("cgi", "3d", "rendered"),
        "watercolor": ("watercolour",),
        "oil painting": ("painterly",),
        "pixel art": ("8 bit", "pixelated"),
        "noir": ("film noir",),
        "vintage": ("retro", "old film", "film grain"),
        "minimalist": ("minimal", "minimalism"),
        "surreal": ("surrealist", "surrealism"),
        "sketch": ("pencil drawing", "line art"),
        "claymation": ("stop motion", "clay"),
        "black and white": ("monochrome", "b w", "grayscale", "greyscale"),
        "cyberpunk": ("neon",),
        "steampunk": (),
        "abstract": ("abstraction",),
        "low poly": ("lowpoly",),
    },
    "scene_type": {
        "establishing shot": ("establishing",),
        "close up": ("closeup", "macro", "extreme close up"),
        "medium shot": ("mid shot",),
        "wide shot": ("wide angle", "long shot", "panorama", "panoramic"),
        "aerial": ("drone shot", "aerial view", "birds eye", "bird s eye view", "drone"),
        "point of view": ("pov", "first person"),
        "tracking shot": ("tracking", "dolly shot"),
        "over the shoulder": (),
        "dialogue": ("conversation", "talking"),
        "interview": (),
        "montage": (),
        "timelapse": ("time lapse",),
        "slow motion": ("slowmo", "slow mo"),
        "landscape": ("scenery", "vista"),
        "portrait": ("headshot",),
        "product shot": ("product showcase", "packshot"),
        "crowd": ("crowds",),
    },
}


def seeds(aspect: str) -> dict[str, tuple[str, dict]]:
    """Every seeded entry of ``aspect`` as ``{key: (name, fields)}`` (empty for aspects without primitives)."""
    if aspect == "static.color":
        return color_seeds()
    if aspect in WORD_PRIMITIVES:
        field, words = WORD_PRIMITIVES[aspect]
        return {w: (w, {field: w}) for w in words}
    registry, name = aspect.split(".", 1)
    if registry == "narrative":
        return {(v := normalise_word(value)): (v, {"value": v}) for value in VOCABULARY[name]}
    return {}
