"""What every renderer needs to know about the whole project (frozen, built once per build)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kit.config import Config
from kit.locales import LocaleInfo


@dataclass(frozen=True)
class Site:
    config: Config
    source_locale: LocaleInfo
    locales: tuple[LocaleInfo, ...]  # source locale first, then the targets being built
    kit_version: str

    @property
    def templates_dir(self) -> Path:
        return self.config.templates_dir

    @property
    def source_dir(self) -> Path:
        return self.config.source_dir


@dataclass(frozen=True)
class Published:
    """Which locales of one document are published (for language switchers and the index)."""

    slug: str
    title: str
    locales: tuple[LocaleInfo, ...]
    titles: tuple[str, ...]  # the document's title in each of those locales


def handout_names(
    slug: str, is_source: bool, large_print: bool, bilingual: bool
) -> tuple[str, ...]:
    """File names of a document's PDF handouts in one locale (the bilingual one needs a
    target language, so the source locale has none)."""
    names = [f"{slug}.pdf"]
    if large_print:
        names.append(f"{slug}.large-print.pdf")
    if bilingual and not is_source:
        names.append(f"{slug}.bilingual.pdf")
    return tuple(names)
