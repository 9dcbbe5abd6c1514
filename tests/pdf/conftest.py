"""Shared fixtures: one throwaway project per session and a cache of rendered handouts.

Rendering is the slow part (0.1–0.2 s per handout, CJK the most), so every handout is
rendered at most once per session and the tests share the bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kit.config import Config
from kit.errors import RenderError
from kit.locales import parse_locale
from kit.pdf.fonts import require_fonts, stack_for
from kit.pdf.profiles import BILINGUAL, LARGE_PRINT, STANDARD, Profile
from kit.pdf.render import render_handout
from kit.pdf.view import default_renderers
from tests.conftest import unavailable
from tests.pdf.helpers import (
    TRANSLATIONS,
    localized,
    make_config,
    make_project,
    require_tool,
)

PROFILES = {"standard": STANDARD, "large-print": LARGE_PRINT, "bilingual": BILINGUAL}
Render = Callable[..., bytes]


@pytest.fixture(scope="session")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require_tool("fc-list")
    require_tool("pdftotext")
    families = [f for code in ("en", *TRANSLATIONS) for f in stack_for(parse_locale(code)).families]
    try:
        require_fonts(families)
    except RenderError as exc:  # a developer machine without the fonts: say which package
        unavailable(f"{exc.message}; {exc.hint}")
    return make_project(tmp_path_factory.mktemp("pdf-project"))


@pytest.fixture(scope="session")
def config(project: Path) -> Config:
    return make_config(project)


@pytest.fixture(scope="session")
def render(config: Config) -> Render:
    """``render(code, profile="standard", page_size="letter")`` → PDF bytes, cached."""
    cache: dict[tuple[str, str, str], bytes] = {}
    renderers = default_renderers()

    def _render(code: str, profile: str = "standard", page_size: str = "letter") -> bytes:
        key = (code, profile, page_size)
        if key not in cache:
            cfg = config if page_size == "letter" else make_config(config.root, page_size=page_size)
            chosen: Profile = PROFILES[profile]
            cache[key] = render_handout(localized(cfg, code), cfg, chosen, renderers)
        return cache[key]

    return _render
