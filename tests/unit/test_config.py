"""kit.toml is validated once; every problem is reported with file, line and key."""

from pathlib import Path

import pytest

from kit.config import load_config
from kit.errors import ConfigError, KitError, MultipleErrors


def write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "kit.toml").write_text(text, encoding="utf-8")
    return tmp_path


def test_defaults_and_overrides(tmp_path: Path) -> None:
    cfg = load_config(
        write(tmp_path, '[project]\nlocales = ["es", "ar"]\n[locale.ar]\npage_size = "A4"\n')
    )
    assert [loc.code for loc in cfg.target_locales] == ["es", "ar"]
    assert cfg.page_size("ar") == "A4" and cfg.page_size("es") == "letter"
    assert cfg.extract.references == "file"
    assert cfg.publish.must_retranslate == "withhold"


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    text = '[project]\nlocales = ["es", "xx"]\ncolour = "red"\n\n[publish]\nthreshold = "high"\n'
    with pytest.raises(MultipleErrors) as info:
        load_config(write(tmp_path, text))
    messages = [e.format() for e in info.value.errors]
    assert any("kit.toml:3: project.colour: unknown key" in m for m in messages)
    assert any("kit.toml:6: publish.threshold: must be int" in m for m in messages)
    assert any("unknown locale 'xx'" in m for m in messages)


def test_unknown_section_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="unknown key"):
        load_config(write(tmp_path, "[branding]\norganisation = 'x'\n"))


def test_invalid_toml_names_the_line(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as info:
        load_config(write(tmp_path, "[project]\nname = \n"))
    assert info.value.line == 2


def test_bad_enum_value(tmp_path: Path) -> None:
    with pytest.raises(KitError, match=r"publish\.below_threshold: must be one of"):
        load_config(write(tmp_path, "[publish]\nbelow_threshold = 'maybe'\n"))
