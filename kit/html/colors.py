"""Branding colours → CSS custom properties that always meet WCAG contrast.

A hospital sets ``primary_color`` and ``accent_color`` in ``kit.toml``. The header uses the
primary colour as its background with black or white text, whichever contrasts more; links
and focus outlines use the colour darkened just enough to reach 4.5:1 (text) or 3:1 (focus
ring) on white. So a light brand colour never makes the page fail a contrast check.
"""

from __future__ import annotations

import re

from kit.errors import RenderError

_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
WHITE = (255, 255, 255)
BLACK = (0, 0, 0)
RGB = tuple[int, int, int]


def parse_hex(value: str, key: str, path: str) -> RGB:
    if not _HEX.match(value):
        raise RenderError(
            f"branding.{key} must be a colour like #1d4f91, not {value!r}",
            path=path,
            hint="use a 3- or 6-digit hex colour",
        )
    digits = value[1:]
    if len(digits) == 3:
        digits = "".join(ch * 2 for ch in digits)
    r, g, b = (int(digits[i : i + 2], 16) for i in (0, 2, 4))
    return r, g, b


def to_hex(rgb: RGB) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def luminance(rgb: RGB) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else float(((s + 0.055) / 1.055) ** 2.4)

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: RGB, b: RGB) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_on(background: RGB) -> RGB:
    return BLACK if contrast(background, BLACK) >= contrast(background, WHITE) else WHITE


def darken_to(color: RGB, background: RGB, ratio: float) -> RGB:
    """``color`` darkened in small steps until it reaches ``ratio`` against ``background``."""
    current = color
    step = 0
    while contrast(current, background) < ratio and step < 100:
        step += 1
        factor = 1 - step / 100
        current = (round(color[0] * factor), round(color[1] * factor), round(color[2] * factor))
    return current


def css_variables(primary: str, accent: str, path: str) -> str:
    """The ``:root`` block that the default stylesheet reads its colours from."""
    p = parse_hex(primary, "primary_color", path)
    a = parse_hex(accent, "accent_color", path)
    values = {
        "--kit-primary": to_hex(p),
        "--kit-on-primary": to_hex(text_on(p)),
        "--kit-link": to_hex(darken_to(p, WHITE, 5.0)),  # 4.5:1 on the light tints too
        "--kit-accent": to_hex(darken_to(a, WHITE, 3.0)),
        "--kit-accent-text": to_hex(darken_to(a, WHITE, 4.5)),
    }
    body = "".join(f"  {name}: {value};\n" for name, value in values.items())
    return f":root {{\n{body}}}\n"
