"""Per-language word lists for the alt-text rules (reference §11, A4 and A5) and the
scripts kit can recognize in a translated alt text (A13)."""

from __future__ import annotations

import unicodedata

# A5: "image of" and friends. Head-final languages put it last ("猫的图片"): SUFFIXES.
PREFIXES: dict[str, tuple[str, ...]] = {
    "en": (
        "image of",
        "picture of",
        "photo of",
        "photograph of",
        "graphic of",
        "illustration of",
        "drawing of",
        "icon of",
        "screenshot of",
        "image:",
        "picture:",
        "photo:",
    ),
    "es": (
        "imagen de",
        "foto de",
        "fotografía de",
        "dibujo de",
        "ilustración de",
        "gráfico de",
        "icono de",
    ),
    "fr": (
        "image de",
        "image d'",
        "photo de",
        "photographie de",
        "illustration de",
        "dessin de",
        "icône de",
    ),
    "de": (
        "bild von",
        "bild eines",
        "bild einer",
        "foto von",
        "foto eines",
        "foto einer",
        "grafik von",
        "abbildung von",
        "abbildung eines",
        "abbildung einer",
    ),
    "it": (
        "immagine di",
        "immagine del",
        "immagine della",
        "foto di",
        "illustrazione di",
        "disegno di",
    ),
    "pt": ("imagem de", "imagem do", "imagem da", "foto de", "ilustração de", "desenho de"),
    "nl": ("afbeelding van", "foto van", "plaatje van", "illustratie van"),
    "ru": ("изображение", "картинка", "фотография", "фото ", "иллюстрация"),
    "ar": ("صورة ل", "صورة توضح", "صورة تظهر", "رسم توضيحي ل"),
    "vi": ("hình ảnh của", "hình ảnh về", "ảnh của", "ảnh về", "hình minh họa"),
    "tl": ("larawan ng", "imahe ng", "litrato ng"),
    "zh": ("图片：", "图片:", "图像：", "照片：", "图片显示", "图像显示"),
    "ja": ("画像：", "写真：", "画像:", "写真:"),
    "ko": ("이미지:", "사진:", "그림:"),
}
SUFFIXES: dict[str, tuple[str, ...]] = {
    "zh": ("的图片", "的图像", "的照片", "的图"),
    "ja": ("の画像", "の写真", "のイラスト"),
    "ko": ("의 이미지", "의 사진", "의 그림"),
}

# A4: an alt text that is only one of these words says nothing.
PLACEHOLDERS: dict[str, frozenset[str]] = {
    "en": frozenset(
        [
            "image",
            "img",
            "photo",
            "picture",
            "graphic",
            "placeholder",
            "alt",
            "spacer",
            "bullet",
            "nbsp",
            "icon",
            "logo",
            "untitled",
            "figure",
            "drawing",
            "illustration",
            "screenshot",
            "chart",
        ]
    ),
    "es": frozenset(
        ["imagen", "foto", "fotografía", "gráfico", "figura", "dibujo", "ilustración", "icono"]
    ),
    "fr": frozenset(["image", "photo", "figure", "dessin", "illustration", "icône", "graphique"]),
    "de": frozenset(["bild", "foto", "grafik", "abbildung", "zeichnung", "symbol"]),
    "it": frozenset(["immagine", "foto", "figura", "disegno", "illustrazione", "icona"]),
    "pt": frozenset(["imagem", "foto", "figura", "desenho", "ilustração", "ícone"]),
    "nl": frozenset(["afbeelding", "foto", "plaatje", "figuur"]),
    "ru": frozenset(["изображение", "картинка", "фото", "фотография", "рисунок", "иллюстрация"]),
    "ar": frozenset(["صورة", "رسم", "شكل"]),
    "vi": frozenset(("hình", "ảnh", "hình ảnh", "hình vẽ")),
    "tl": frozenset(["larawan", "imahe", "litrato"]),
    "zh": frozenset(["图片", "图像", "照片", "图", "插图"]),
    "ja": frozenset(["画像", "写真", "図", "イラスト"]),
    "ko": frozenset(["이미지", "사진", "그림"]),
}

# A10: words in an alt text or caption that say the image is complex (English source).
COMPLEX_WORDS = (
    "chart",
    "graph",
    "diagram",
    "map",
    "infographic",
    "flowchart",
    "flow chart",
    "table",
    "plot",
    "dose table",
    "growth chart",
    "histogram",
)

# A13: Unicode character-name prefixes of the letters of each script.
SCRIPT_NAMES: dict[str, tuple[str, ...]] = {
    "Hans": ("CJK",),
    "Hant": ("CJK",),
    "Hani": ("CJK",),
    "Jpan": ("CJK", "HIRAGANA", "KATAKANA"),
    "Kore": ("HANGUL",),
    "Hang": ("HANGUL",),
    "Arab": ("ARABIC",),
    "Hebr": ("HEBREW",),
    "Cyrl": ("CYRILLIC",),
    "Grek": ("GREEK",),
    "Thai": ("THAI",),
    "Deva": ("DEVANAGARI",),
    "Beng": ("BENGALI",),
    "Ethi": ("ETHIOPIC",),
    "Armn": ("ARMENIAN",),
    "Geor": ("GEORGIAN",),
    "Khmr": ("KHMER",),
    "Mymr": ("MYANMAR",),
}


def has_script(text: str, script: str) -> bool | None:
    """True if ``text`` has a letter of ``script``; None when kit cannot tell (Latin, unknown)."""
    names = SCRIPT_NAMES.get(script)
    if names is None:
        return None
    return any(ch.isalpha() and unicodedata.name(ch, "").startswith(names) for ch in text)
