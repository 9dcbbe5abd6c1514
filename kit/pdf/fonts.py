"""An explicit Noto font stack per script, checked with fontconfig before anything is rendered.

WeasyPrint asks Pango, which asks fontconfig. Left to ``sans-serif``, ``zh-Hans`` text comes
out in Noto Sans CJK **JP** (Japanese glyph forms) and Arabic in DejaVu Sans, so every locale
gets a named stack: the script's own Noto family first, then Noto Sans (Latin digits, drug
names, URLs) and the two symbol fonts (bullets, check marks), then ``sans-serif``.

``require_fonts`` runs ``fc-list`` once per process and names any missing family together
with the Debian package that provides it. Everything listed here is in ``fonts-noto-core``
except the CJK families (``fonts-noto-cjk``).
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from kit.errors import RenderError
from kit.locales import LocaleInfo

CORE = "fonts-noto-core"
CJK = "fonts-noto-cjk"
# Noto Sans covers Latin (with Vietnamese), Greek and Cyrillic; the symbol fonts cover list
# markers such as ◦ and ● and check marks that Noto Sans lacks (they would fall back to DejaVu).
TAIL = ("Noto Sans", "Noto Sans Symbols", "Noto Sans Symbols2")


@dataclass(frozen=True)
class FontStack:
    name: str  # the script, for messages: "Chinese (Simplified)"
    families: tuple[str, ...]  # most specific first; TAIL is appended by ``stack``
    line_height: float = 1.45  # CJK, Indic, Arabic and Myanmar need more room between lines

    @property
    def css(self) -> str:
        """The value of a CSS ``font-family`` declaration (quoted names, escaped)."""
        return ", ".join([*(css_family(f) for f in dict.fromkeys(self.families)), "sans-serif"])


def _stack(name: str, first: tuple[str, ...], line_height: float = 1.45) -> FontStack:
    return FontStack(name, (*first, *(f for f in TAIL if f not in first)), line_height)


LATIN = _stack("Latin, Greek, Cyrillic and Vietnamese", ())
CJK_SC = _stack("Chinese (Simplified)", ("Noto Sans CJK SC",), 1.6)
CJK_TC = _stack("Chinese (Traditional)", ("Noto Sans CJK TC",), 1.6)
CJK_HK = _stack("Chinese (Hong Kong)", ("Noto Sans CJK HK",), 1.6)
JAPANESE = _stack("Japanese", ("Noto Sans CJK JP",), 1.6)
KOREAN = _stack("Korean", ("Noto Sans CJK KR",), 1.6)
ARABIC = _stack("Arabic script", ("Noto Sans Arabic",), 1.6)
# Urdu: Naskh, not Nastaliq; WeasyPrint loses letters when text is extracted from Nastaliq.
URDU = _stack("Arabic script (Urdu)", ("Noto Naskh Arabic",), 1.7)
HEBREW = _stack("Hebrew", ("Noto Sans Hebrew",))
DEVANAGARI = _stack("Devanagari", ("Noto Sans Devanagari",), 1.6)
BENGALI = _stack("Bengali", ("Noto Sans Bengali",), 1.6)
ETHIOPIC = _stack("Ethiopic", ("Noto Sans Ethiopic",), 1.6)
MYANMAR = _stack("Myanmar", ("Noto Sans Myanmar",), 1.8)
THAI = _stack("Thai", ("Noto Sans Thai",), 1.6)
KHMER = _stack("Khmer", ("Noto Sans Khmer",), 1.7)
LAO = _stack("Lao", ("Noto Sans Lao",), 1.7)
GUJARATI = _stack("Gujarati", ("Noto Sans Gujarati",), 1.6)
GURMUKHI = _stack("Gurmukhi", ("Noto Sans Gurmukhi",), 1.6)
TAMIL = _stack("Tamil", ("Noto Sans Tamil",), 1.6)
TELUGU = _stack("Telugu", ("Noto Sans Telugu",), 1.6)
SINHALA = _stack("Sinhala", ("Noto Sans Sinhala",), 1.6)
ARMENIAN = _stack("Armenian", ("Noto Sans Armenian",))
GEORGIAN = _stack("Georgian", ("Noto Sans Georgian",))

# Language → stack, for languages not written in the Latin/Cyrillic/Greek default.
_BY_LANGUAGE: dict[str, FontStack] = {
    "ja": JAPANESE,
    "ko": KOREAN,
    "ar": ARABIC,
    "fa": ARABIC,
    "ps": ARABIC,
    "prs": ARABIC,
    "ckb": ARABIC,
    "sd": ARABIC,
    "ug": ARABIC,
    "ur": URDU,
    "he": HEBREW,
    "yi": HEBREW,
    "hi": DEVANAGARI,
    "mr": DEVANAGARI,
    "ne": DEVANAGARI,
    "sa": DEVANAGARI,
    "bn": BENGALI,
    "as": BENGALI,
    "am": ETHIOPIC,
    "ti": ETHIOPIC,
    "my": MYANMAR,
    "th": THAI,
    "km": KHMER,
    "lo": LAO,
    "gu": GUJARATI,
    "pa": GURMUKHI,
    "ta": TAMIL,
    "te": TELUGU,
    "si": SINHALA,
    "hy": ARMENIAN,
    "ka": GEORGIAN,
}
# An explicit script subtag wins over the language (sr_Latn, pa_Arab, uz_Arab ...).
_BY_SCRIPT: dict[str, FontStack] = {
    "Latn": LATIN,
    "Cyrl": LATIN,
    "Grek": LATIN,
    "Arab": ARABIC,
    "Hebr": HEBREW,
    "Deva": DEVANAGARI,
    "Beng": BENGALI,
    "Ethi": ETHIOPIC,
    "Mymr": MYANMAR,
    "Thai": THAI,
    "Khmr": KHMER,
    "Guru": GURMUKHI,
}


def stack_for(locale: LocaleInfo) -> FontStack:
    """The font stack for a locale: Chinese by script/region (SC or TC, never JP forms)."""
    if locale.language == "zh":
        if locale.script == "Hant" or locale.territory in {"TW", "HK", "MO"}:
            return CJK_HK if locale.territory == "HK" else CJK_TC
        return CJK_SC
    if locale.script in _BY_SCRIPT and not (locale.language == "ur" and locale.script == "Arab"):
        return _BY_SCRIPT[locale.script]
    return _BY_LANGUAGE.get(locale.language, LATIN)


def package_for(family: str) -> str:
    """The Debian 12 package that provides a family in the stacks above."""
    return CJK if " CJK " in f" {family} " else CORE


def css_family(name: str) -> str:
    """A family name as a CSS string (quotes and backslashes escaped)."""
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


def require_fonts(families: Iterable[str], *, where: str = "") -> None:
    """Raise ``RenderError`` naming the first missing family and its package."""
    installed = installed_families()
    missing = [f for f in dict.fromkeys(families) if f not in installed]
    if not missing:
        return
    packages = sorted({package_for(f) for f in missing})
    names = ", ".join(repr(f) for f in missing)
    raise RenderError(
        f"{where}font {names} is not installed"
        if len(missing) == 1
        else f"{where}fonts {names} are not installed",
        hint=f"install the Debian package(s) {' '.join(packages)} "
        f"(apt-get install {' '.join(packages)}, or run scripts/setup.sh)",
    )


@lru_cache(maxsize=1)
def installed_families() -> frozenset[str]:
    """Every family name fontconfig knows (``fc-list``), read once per process."""
    exe = shutil.which("fc-list")
    if exe is None:
        raise RenderError(
            "fontconfig's fc-list was not found, so the handout fonts cannot be checked",
            hint="install the Debian package fontconfig",
        )
    try:
        result = subprocess.run(
            [exe, "--format", "%{family}\n"], capture_output=True, text=True, check=True, timeout=60
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise RenderError(
            f"fc-list failed: {exc}", hint="check the fontconfig installation"
        ) from exc
    names: set[str] = set()
    for line in result.stdout.splitlines():
        names.update(part.strip() for part in line.split(",") if part.strip())
    return frozenset(names)
