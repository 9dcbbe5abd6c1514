"""Bad input fails the one handout with an error naming it and its locale; others still build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kit.config import Config
from kit.errors import RenderError
from kit.pdf import engine, fonts
from kit.pdf.profiles import LARGE_PRINT, STANDARD
from kit.pdf.render import render_handout, render_handouts
from kit.pdf.view import default_renderers
from tests.pdf.helpers import REPO, localized, make_config, make_project, published, site_for

# Every test here renders: skip (or, in CI, fail) once if a font or tool is missing.
pytestmark = pytest.mark.usefixtures("project")


def _all_handouts(
    config: Config, code: str, **kwargs: object
) -> tuple[list[str], RenderError | None]:
    ldoc = localized(config, code)
    names: list[str] = []
    try:
        for handout in render_handouts(ldoc, site_for(config), published(ldoc), **kwargs):  # type: ignore[arg-type]
            assert handout.data.startswith(b"%PDF-1.7")
            names.append(handout.name)
    except RenderError as exc:
        return names, exc
    return names, None


def test_missing_font_is_reported_before_rendering_with_its_package(
    config: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    installed = fonts.installed_families() - {"Noto Sans CJK TC"}
    monkeypatch.setattr(fonts, "installed_families", lambda: installed)
    names, error = _all_handouts(config, "zh_Hant")
    assert names == [] and error is not None
    assert "Noto Sans CJK TC" in error.message and "zh_Hant" in error.message
    assert error.hint is not None and "fonts-noto-cjk" in error.hint
    assert error.exit_code == 2


def test_missing_core_font_names_fonts_noto_core(
    config: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    installed = fonts.installed_families() - {"Noto Sans Ethiopic"}
    monkeypatch.setattr(fonts, "installed_families", lambda: installed)
    _, error = _all_handouts(config, "am")
    assert error is not None and "Noto Sans Ethiopic" in error.message
    assert error.hint is not None and "fonts-noto-core" in error.hint


def test_glyph_no_font_has_fails_that_handout_naming_the_character(config: Config) -> None:
    ldoc = localized(config, "am", overrides={"At home": "በቤት ውስጥ \u0378\U0010fffd"})
    with pytest.raises(RenderError) as info:
        render_handout(ldoc, config, STANDARD, default_renderers())
    message = info.value.message
    assert "U+0378" in message and "U+10FFFD" in message
    assert "am/fever.pdf" in message and "locale am" in message
    assert "it is in 'በቤት ውስጥ" in message  # which message holds it
    assert info.value.path == "locales/am/LC_MESSAGES/fever.po"


def test_one_failing_handout_does_not_stop_the_others(tmp_path: Path) -> None:
    templates = tmp_path / "templates-src"
    shutil.copytree(REPO / "templates", templates)
    page = templates / "handout.html.j2"
    broken = '{% if view.profile == \'large-print\' %}<img src="file:///etc/passwd" alt="x">{% endif %}\n</main>'
    page.write_text(page.read_text().replace("</main>", broken, 1))
    config = make_config(make_project(tmp_path / "p", templates))
    names, error = _all_handouts(config, "es")
    assert names == ["fever.pdf", "fever.bilingual.pdf"]
    assert error is not None and "fever.large-print.pdf" in error.message
    assert "file:///etc/passwd" in error.message


def test_missing_image_is_an_error(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    (root / "source" / "images" / "thermometer.svg").unlink()
    config = make_config(root)
    with pytest.raises(RenderError) as info:
        render_handout(localized(config, "vi"), config, STANDARD, default_renderers())
    assert "thermometer.svg" in info.value.message and "no such file" in info.value.message


def test_missing_template_is_an_error(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    (root / "templates" / "handout.html.j2").unlink()
    config = make_config(root)
    with pytest.raises(RenderError) as info:
        render_handout(localized(config, "ru"), config, STANDARD, default_renderers())
    assert "handout.html.j2 not found" in info.value.message
    assert "ru/fever.pdf" in info.value.message


def test_template_syntax_error_names_the_line(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    page = root / "templates" / "handout.html.j2"
    page.write_text(page.read_text().replace("<main>", "<main>{% if %}", 1))
    config = make_config(root)
    with pytest.raises(RenderError) as info:
        render_handout(localized(config, "ru"), config, STANDARD, default_renderers())
    assert info.value.line is not None and info.value.line > 1
    assert str(info.value.path).endswith("handout.html.j2")


def test_missing_logo_is_an_error(tmp_path: Path) -> None:
    config = make_config(make_project(tmp_path / "p"), logo="templates/images/missing-logo.svg")
    with pytest.raises(RenderError) as info:
        render_handout(localized(config, "en"), config, STANDARD, default_renderers())
    assert "missing-logo.svg" in info.value.message


def test_logo_is_printed_with_alt_text(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    (root / "templates" / "images").mkdir()
    shutil.copy(
        root / "source" / "images" / "thermometer.svg", root / "templates" / "images" / "logo.svg"
    )
    config = make_config(root, logo="templates/images/logo.svg")
    data = render_handout(localized(config, "en"), config, STANDARD, default_renderers())
    from tests.pdf.helpers import figure_alts, open_pdf

    assert "Example Children's Hospital" in figure_alts(open_pdf(data))


def test_a_logo_beside_kit_toml_is_printed_as_the_pages_show_it(tmp_path: Path) -> None:
    """``kit new`` projects have no templates folder; a hospital puts its logo next to
    kit.toml. The web pages took it from there; the handouts refused it. A logo outside the
    project is still refused."""
    from tests.pdf.helpers import figure_alts, open_pdf

    root = make_project(tmp_path / "p")
    shutil.copy(root / "source" / "images" / "thermometer.svg", root / "logo.svg")
    config = make_config(root, logo="logo.svg")
    data = render_handout(localized(config, "en"), config, STANDARD, default_renderers())
    assert "Example Children's Hospital" in figure_alts(open_pdf(data))

    shutil.copy(root / "logo.svg", tmp_path / "outside.svg")
    config = make_config(root, logo="../outside.svg")
    with pytest.raises(RenderError) as info:
        render_handout(localized(config, "en"), config, STANDARD, default_renderers())
    assert "refused to load" in info.value.message and "outside.svg" in info.value.message


ROOTS = (REPO / "templates",)
BASE = (REPO / "templates").as_uri() + "/"


def _page(body: str) -> str:
    return f'<!DOCTYPE html><html lang="en"><head><title>t</title></head><body>{body}</body></html>'


def test_content_that_runs_off_the_page_is_an_error() -> None:
    wide = '<table><tr><td style="white-space: nowrap">' + "word " * 60 + "</td></tr></table>"
    result = engine.render(_page(wide), base_url=BASE, roots=ROOTS)
    assert any("does not fit on page 1" in p for p in result.problems), result.problems


def test_text_below_the_profile_minimum_is_an_error() -> None:
    html = _page('<p>fine</p><p style="font-size: 9pt">small print</p>')
    result = engine.render(html, base_url=BASE, roots=ROOTS, min_text_pt=LARGE_PRINT.min_text_pt)
    assert any("smaller than 18 pt" in p and "small print" in p for p in result.problems)


def test_missing_lang_and_alt_are_errors() -> None:
    html = (
        '<!DOCTYPE html><html><head><title>t</title></head><body><img src="data:image/svg+xml,'
        "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'/>\"></body></html>"
    )
    problems = " ".join(engine.render(html, base_url=BASE, roots=ROOTS).problems)
    assert "no lang attribute" in problems and "without alt text" in problems


def test_render_time_limit(config: Config) -> None:
    with pytest.raises(RenderError) as info:
        render_handout(
            localized(config, "ko"), config, STANDARD, default_renderers(), time_limit=0.001
        )
    assert "longer than 0.001 s" in info.value.message


def test_unknown_fc_list_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    fonts.installed_families.cache_clear()
    monkeypatch.setattr("kit.pdf.fonts.shutil.which", lambda name: None)
    try:
        with pytest.raises(RenderError) as info:
            fonts.installed_families()
        assert (
            "fc-list" in info.value.message
            and info.value.hint == "install the Debian package fontconfig"
        )
    finally:
        monkeypatch.undo()
        fonts.installed_families.cache_clear()
