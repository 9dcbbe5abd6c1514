"""A regional locale declares its decimal and group marks in kit.toml; kit check reads
numbers with them, and a mark that cannot be right is a kit.toml error at its line."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from kit.cli import main
from tests.cli.conftest import Run


def test_kit_toml_declares_marks_and_check_uses_them(kit: Run, project: Path) -> None:
    toml = project / "kit.toml"
    toml.write_text(
        '[project]\nname = "t"\nlocales = ["es_US"]\n'
        '[locale.es_US]\n# Spanish as written in US hospitals\ndecimal_mark = "."\ngroup_mark = ","\n',
        encoding="utf-8",
    )
    (project / "source" / "hands.md").unlink()
    (project / "source" / "fever.md").write_text(
        "---\ntitle: Fever\nsummary: Fever.\nslug: fever\nreviewed: 2024-03-01\n---\n\n"
        "Never give more than 3,000 mg a day.\n",
        encoding="utf-8",
    )
    kit("extract")
    kit("init", "es_US")
    po = project / "locales" / "es_US" / "LC_MESSAGES" / "fever.po"
    text = po.read_text(encoding="utf-8")
    for english, spanish in (("Fever", "Fiebre"), ("Fever.", "Fiebre.")):
        text = text.replace(
            f'msgid "{english}"\nmsgstr ""', f'msgid "{english}"\nmsgstr "{spanish}"'
        )
    text = text.replace(
        'msgid "Never give more than 3,000 mg a day."\nmsgstr ""',
        'msgid "Never give more than 3,000 mg a day."\nmsgstr "No dé más de 3,000 mg al día."',
    )
    po.write_text(text, encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(main, ["--project", str(project), "check", "--locale", "es_US"])
    assert result.exit_code in (0, 1), result.output
    assert "translation.numbers" not in result.output
    (project / "kit.toml").write_text(
        toml.read_text(encoding="utf-8")
        .replace('decimal_mark = "."', 'decimal_mark = ","')
        .replace('group_mark = ","', 'group_mark = "."'),
        encoding="utf-8",
    )
    result = runner.invoke(main, ["--project", str(project), "check", "--locale", "es_US"])
    assert "'3,000' reads as 3 in es_US" in result.output
    toml.write_text(
        toml.read_text(encoding="utf-8")
        .replace('decimal_mark = ","', 'decimal_mark = "."')
        .replace('group_mark = ","', 'group_mark = "."'),
        encoding="utf-8",
    )
    result = kit("check", code=2)
    assert (
        "kit.toml:7: locale.es_US.group_mark: the decimal and group marks must differ"
        in result.output
    )
