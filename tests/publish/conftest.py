"""The throw-away project and CLI runner of the command tests (tests/cli/conftest.py)."""

from tests.cli.conftest import kit, project  # noqa: F401  (fixtures used by these tests)
