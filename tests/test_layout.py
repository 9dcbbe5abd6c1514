"""The house rules of kit's package layout (README, "Layout"), checked on every test run.

Imports run only downward (cli → commands → stages → shared model): the layers contract in
``pyproject.toml`` is run with import-linter. Modules do not import each other in a circle,
nothing is left loose at the root of ``kit/`` except what every stage shares, every package
says in its docstring what lives in it, and modules stay small.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[1]
KIT = ROOT / "kit"

# What the root of kit/ may hold besides the cli/ package: what every stage shares.
SHARED_AT_ROOT = {
    "__init__.py",
    "__main__.py",
    "config.py",
    "errors.py",
    "reading.py",
    "snapshot.py",
    "model.py",
    "locales.py",
    "project.py",
    "site.py",
    "files.py",
    "bidi.py",
    "text.py",
    "sheets.py",
}
MAX_MODULE_LINES = 400


def test_imports_run_only_downward() -> None:
    lint_imports = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run(
        [str(lint_imports), "--no-cache", "--config", str(ROOT / "pyproject.toml")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


def test_no_module_outside_the_commands_and_cli_imports_commands() -> None:
    graph = grimp.build_graph("kit")
    for module in sorted(graph.modules):
        if module.startswith(("kit.commands", "kit.cli", "kit.__main__")):
            continue
        imported = graph.find_modules_directly_imported_by(module)
        assert not {m for m in imported if m.startswith("kit.commands")}, module


def test_no_import_cycles_between_modules() -> None:
    graph = grimp.build_graph("kit")
    edges = {m: set(graph.find_modules_directly_imported_by(m)) for m in graph.modules}
    assert _cycles(edges) == []


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in sorted(edges):
        if start in index:
            continue
        work = [(start, iter(sorted(edges[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_the_root_holds_only_what_every_stage_shares() -> None:
    loose = {p.name for p in KIT.glob("*.py")}
    assert loose == SHARED_AT_ROOT, "a stage's module belongs in its package (README, Layout)"


def test_every_package_says_what_lives_in_it() -> None:
    for init in sorted(KIT.rglob("__init__.py")):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc and len(doc) > 40, f"{init.relative_to(ROOT)} needs a docstring"


def test_modules_stay_small() -> None:
    for path in sorted(KIT.rglob("*.py")):
        if path.name == "_unidata.py":  # generated Unicode tables
            continue
        lines = path.read_text(encoding="utf-8").count("\n")
        assert lines <= MAX_MODULE_LINES, f"{path.relative_to(ROOT)}: {lines} lines"
