"""Bad input: template errors and missing assets name the file and line; branding colours;
the assets a page needs (stylesheet, logo, images)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from kit.config import BrandingSection
from kit.errors import RenderError
from kit.html.colors import WHITE, contrast, css_variables, parse_hex
from kit.html.render import page_assets, render_index, render_page
from tests.html.support import ROOT, document, localized, published, site

DOC = document("## Title\n\n![A chart](images/chart.svg)\n\nText ![Dot](images/dot.png) here.\n")


def project(tmp_path: Path, images: tuple[str, ...] = ("chart.svg", "dot.png")) -> Path:
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    (tmp_path / "source" / "images").mkdir(parents=True)
    for name in images:
        (tmp_path / "source" / "images" / name).write_bytes(
            b"<svg/>" if name.endswith("svg") else b"PNG"
        )
    return tmp_path


def render(tmp_path: Path) -> str:
    en = localized(DOC)
    return render_page(en, site(tmp_path), published(DOC, en))


def test_template_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    root = project(tmp_path)
    page = root / "templates" / "page.html.j2"
    lines = page.read_text(encoding="utf-8").splitlines()
    lines.insert(9, "{% if page.title %}")  # never closed
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(RenderError) as info:
        render(root)
    assert info.value.path == "templates/page.html.j2" and info.value.line is not None
    assert "syntax error" in info.value.message


def test_undefined_variable_names_file_and_line(tmp_path: Path) -> None:
    root = project(tmp_path)
    base = root / "templates" / "base.html.j2"
    text = base.read_text(encoding="utf-8").replace(
        '<main id="main" tabindex', '{{ page.no_such_thing }}\n<main id="main" tabindex', 1
    )
    base.write_text(text, encoding="utf-8")
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if "no_such_thing" in ln)
    with pytest.raises(RenderError) as info:
        render(root)
    assert (info.value.path, info.value.line) == ("templates/base.html.j2", line)
    assert "no_such_thing" in info.value.message


def test_unknown_ui_string_is_a_template_error(tmp_path: Path) -> None:
    root = project(tmp_path)
    page = root / "templates" / "page.html.j2"
    page.write_text(
        page.read_text(encoding="utf-8").replace('_("All pages and languages")', 'ui("al_pages")'),
        encoding="utf-8",
    )
    with pytest.raises(RenderError, match=re.escape("unknown UI string 'al_pages'")) as info:
        render(root)
    assert info.value.path == "templates/page.html.j2"


def test_missing_template(tmp_path: Path) -> None:
    root = project(tmp_path)
    (root / "templates" / "index.html.j2").unlink()
    with pytest.raises(RenderError, match=re.escape("index.html.j2 not found")):
        render_index(site(root), [])


def test_assets(tmp_path: Path) -> None:
    root = project(tmp_path)
    assets = {a.dest: a.data for a in page_assets(localized(DOC), site(root))}
    assert set(assets) == {"assets/kit.css", "images/chart.svg", "images/dot.png"}
    assert assets["images/dot.png"] == b"PNG"
    assert assets["assets/kit.css"].startswith(b":root {\n  --kit-primary: #1d4f91;")


def test_assets_read_again_when_their_files_change(tmp_path: Path) -> None:
    """Images and the stylesheet are read once per build, keyed on the file: a changed file
    (same size too), a file replaced by a link out of the project, a deleted file are seen."""
    root = project(tmp_path)

    def assets() -> dict[str, bytes]:
        return {a.dest: a.data for a in page_assets(localized(DOC), site(root))}

    assert assets()["images/dot.png"] == b"PNG"
    dot = root / "source" / "images" / "dot.png"
    dot.write_bytes(b"GIF")  # same size, same second
    (root / "templates" / "css" / "kit.css").write_text("p { color: red }\n", encoding="utf-8")
    again = assets()
    assert again["images/dot.png"] == b"GIF"
    assert again["assets/kit.css"].endswith(b"p { color: red }\n")
    dot.unlink()
    outside = tmp_path.parent / f"{tmp_path.name}-outside.png"
    outside.write_bytes(b"GIF")
    dot.symlink_to(outside)
    with pytest.raises(RenderError, match="outside the source folder"):
        assets()
    dot.unlink()
    with pytest.raises(RenderError, match=re.escape("images/dot.png")):
        assets()


def test_missing_image_names_source_file_and_line(tmp_path: Path) -> None:
    root = project(tmp_path, images=("chart.svg",))
    with pytest.raises(RenderError, match=re.escape("images/dot.png")) as info:
        list(page_assets(localized(DOC), site(root)))
    assert (info.value.path, info.value.line) == ("source/fever.md", 12)


def test_image_outside_the_source_folder_is_refused(tmp_path: Path) -> None:
    root = project(tmp_path)
    doc = document("![Secret](../kit.toml)\n")
    with pytest.raises(
        RenderError, match=re.escape("not a relative path inside the source folder")
    ):
        list(page_assets(localized(doc), site(root)))
    assert "<img" not in render_page(localized(doc), site(root), published(doc, localized(doc)))


def test_logo(tmp_path: Path) -> None:
    root = project(tmp_path)
    (root / "brand.svg").write_bytes(b"<svg/>")
    branding = BrandingSection(organization="Example Children's", logo="brand.svg")
    assets = {a.dest for a in page_assets(localized(DOC), site(root, branding))}
    assert "assets/logo.svg" in assets
    en = localized(DOC)
    html = render_page(en, site(root, branding), published(DOC, en))
    assert '<img class="kit-logo" src="assets/logo.svg" alt="Example Children&#39;s">' in html
    index = render_index(site(root, branding), [published(DOC, en)])
    assert 'src="en/assets/logo.svg"' in index


def test_missing_logo_names_kit_toml(tmp_path: Path) -> None:
    root = project(tmp_path)
    branding = BrandingSection(logo="nope.png")
    with pytest.raises(
        RenderError, match=re.escape("branding.logo 'nope.png' cannot be read")
    ) as info:
        list(page_assets(localized(DOC), site(root, branding)))
    assert info.value.path == "kit.toml"


def test_bad_colour_names_kit_toml(tmp_path: Path) -> None:
    root = project(tmp_path)
    branding = BrandingSection(primary_color="red; } body { display: none")
    with pytest.raises(
        RenderError, match=re.escape("branding.primary_color must be a colour")
    ) as info:
        list(page_assets(localized(DOC), site(root, branding)))
    assert info.value.path == "kit.toml"


@pytest.mark.parametrize("colour", ["#ffff00", "#1d4f91", "#000", "#7fdbff", "#ffffff"])
def test_colours_always_meet_contrast(colour: str) -> None:
    css = css_variables(colour, colour, "kit.toml")
    values = dict(line.strip().rstrip(";").split(": ") for line in css.splitlines()[1:-1])
    primary, on_primary = (
        parse_hex(values["--kit-primary"], "", ""),
        parse_hex(values["--kit-on-primary"], "", ""),
    )
    assert contrast(primary, on_primary) >= 4.5
    assert contrast(parse_hex(values["--kit-link"], "", ""), WHITE) >= 5.0
    assert contrast(parse_hex(values["--kit-accent"], "", ""), WHITE) >= 3.0
