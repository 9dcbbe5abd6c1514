"""`kit --help` lists every command with a description that is not cut short."""

from __future__ import annotations

from click.testing import CliRunner

from kit.cli import main


def test_every_command_has_a_whole_short_help() -> None:
    result = CliRunner().invoke(main, ["--help"], terminal_width=80)
    assert result.exit_code == 0
    listed = result.output.split("Commands:\n", 1)[1].splitlines()
    assert len(listed) == len(main.commands)
    for line in listed:
        assert not line.rstrip().endswith("..."), line
        assert len(line) <= 80, line
    for name, command in main.commands.items():
        assert command.short_help, f"kit {name} needs short_help= in its @click.command"
