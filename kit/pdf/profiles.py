"""Print profiles: the sizes, margins and page size a handout is laid out with.

Sources (reference/accessibility-and-pdf.md §7): clear print 12 pt minimum, 14 pt preferred
(UKAAF); large print 18 pt body, headings 22/20 pt bold, 1-inch margins, flush left, no
hyphenation (APH, ACB). Scripts with tall stacks (CJK, Indic, Arabic, Myanmar) get more line
height from their font stack (``kit.pdf.fonts``). ``min_text_pt`` is enforced after layout:
no text in the page body may be smaller, whatever the template's CSS says.
"""

from __future__ import annotations

from dataclasses import dataclass

from kit import site


@dataclass(frozen=True)
class Profile:
    name: str  # standard, large-print, bilingual (the output kinds of ``kit.site``)
    body_pt: float
    h1_pt: float
    h2_pt: float
    h3_pt: float
    small_pt: float  # the "about this handout" notes, the QR caption
    footer_pt: float  # page footer (a margin box; not part of the tagged body)
    min_text_pt: float  # smallest text allowed anywhere in the page body
    line_height: float
    margin_in: float
    hyphens: str  # CSS hyphens: "manual" (only soft hyphens) or "none"

    def filename(self, slug: str) -> str:
        return site.output_name(slug, self.name)


STANDARD = Profile(
    name=site.STANDARD,
    body_pt=14,
    h1_pt=22,
    h2_pt=17,
    h3_pt=15,
    small_pt=12,
    footer_pt=12,
    min_text_pt=12,
    line_height=1.45,
    margin_in=0.75,
    hyphens="manual",
)
LARGE_PRINT = Profile(
    name=site.LARGE_PRINT,
    body_pt=18,
    h1_pt=22,
    h2_pt=20,
    h3_pt=18,
    small_pt=18,
    footer_pt=16,
    min_text_pt=18,
    line_height=1.5,
    margin_in=1.0,
    hyphens="none",
)
# Two languages side by side: two columns of about 3.2 in on Letter, so 13 pt body.
BILINGUAL = Profile(
    name=site.BILINGUAL,
    body_pt=13,
    h1_pt=20,
    h2_pt=15,
    h3_pt=13,
    small_pt=12,
    footer_pt=12,
    min_text_pt=12,
    line_height=1.4,
    margin_in=0.6,
    hyphens="manual",
)

PAGE_SIZES = {"letter": "letter", "A4": "A4"}  # kit.toml value → CSS @page size
# MediaBox in PDF points, for tests and checks.
PAGE_POINTS = {"letter": (612.0, 792.0), "A4": (595.276, 841.89)}


def css_page_size(value: str) -> str:
    try:
        return PAGE_SIZES[value]
    except KeyError:
        raise ValueError(
            f"unknown page size {value!r}; use one of {', '.join(PAGE_SIZES)}"
        ) from None


PROFILES = {p.name: p for p in (STANDARD, LARGE_PRINT, BILINGUAL)}
