"""Jinja2 templates from the project's ``templates/`` folder, and their errors as ``RenderError``.

Autoescape is on for every template and undefined names are errors (``StrictUndefined``),
so a typo in a hospital's template fails the build instead of printing nothing. Every
template problem (syntax, undefined name, unknown UI string) becomes a ``RenderError`` that
names the template file and line; one broken page does not stop the other locales.
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

from kit.errors import RenderError
from kit.files import MAX_TEXT_BYTES, read_project_bytes
from kit.snapshot import holds_once

_HINT = "fix the template; templates/ in the kit repository has working examples"


class ProjectLoader(jinja2.FileSystemLoader):
    """``FileSystemLoader`` that reads only regular files inside the templates folder, with a
    size limit (``kit.files.read_project_bytes``): no link out, no pipe that hangs."""

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        pieces = jinja2.loaders.split_template_path(template)
        for folder in self.searchpath:
            path = Path(folder, *pieces)
            if not (path.is_symlink() or path.exists()):
                continue
            shown = Path(folder).name + "/" + "/".join(pieces)
            data = read_project_bytes(
                path, Path(folder), MAX_TEXT_BYTES, error=RenderError, shown=shown
            )
            try:
                source = data.decode(self.encoding)
            except UnicodeDecodeError as exc:
                raise RenderError("template is not UTF-8", path=shown, hint=_HINT) from exc
            mtime = os.path.getmtime(path)
            return source, os.path.normpath(path), lambda p=path, m=mtime: _current(p, m)
        raise jinja2.TemplateNotFound(template)


def _current(path: Path, mtime: float) -> bool:
    """Jinja's question before each use of a loaded template; within a build (a snapshot)
    answered from the file once, not before each of its thousands of pages."""
    return holds_once(("template", path, mtime), lambda: _unchanged(path, mtime))


def _unchanged(path: Path, mtime: float) -> bool:
    try:
        return os.path.getmtime(path) == mtime
    except OSError:
        return False


# One environment per output kind. Pages and the dashboard trim block tags' whitespace; the
# handout keeps it (its template is written for that, and its bytes are part of the PDF).
_TRIM = {"html": True, "pdf": False}


@lru_cache(maxsize=8)
def environment(templates_dir: str, kind: str = "html") -> jinja2.Environment:
    """The Jinja2 environment for ``templates_dir`` and one output kind (``html``, ``pdf``)."""
    env = jinja2.Environment(
        loader=ProjectLoader(templates_dir, encoding="utf-8"),
        extensions=["jinja2.ext.i18n"],
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=_TRIM[kind],
        lstrip_blocks=_TRIM[kind],
    )
    # kit's words: templates call the render's own ``gettext`` (kit.html.page.Gettext), which
    # formats %(name)s values itself and returns safe HTML (new-style gettext).
    env.newstyle_gettext = True  # type: ignore[attr-defined]
    return env


def render_template(templates_dir: Path, name: str, context: Mapping[str, Any], root: Path) -> str:
    env = environment(str(templates_dir))
    try:
        return env.get_template(name).render(context)
    except jinja2.TemplateNotFound as exc:
        raise RenderError(
            f"template {exc.name} not found", path=_rel(templates_dir / name, root), hint=_HINT
        ) from exc
    except jinja2.TemplateSyntaxError as exc:
        source = Path(exc.filename) if exc.filename else templates_dir / name
        raise RenderError(
            f"template syntax error: {exc.message}",
            path=_rel(source, root),
            line=exc.lineno,
            hint=_HINT,
        ) from exc
    except (jinja2.TemplateError, TypeError, ValueError, AttributeError, KeyError) as exc:
        where, line = _template_frame(exc, templates_dir)
        if where is None:
            raise
        raise RenderError(
            f"template error: {exc}", path=_rel(where, root), line=line, hint=_HINT
        ) from exc


def _template_frame(exc: BaseException, templates_dir: Path) -> tuple[Path | None, int | None]:
    """The innermost traceback frame inside a template (Jinja maps them to template lines)."""
    base = templates_dir.resolve()
    found: tuple[Path | None, int | None] = (None, None)
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename and Path(frame.filename).resolve().is_relative_to(base):
            found = (Path(frame.filename), frame.lineno)
    return found


def _rel(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)
