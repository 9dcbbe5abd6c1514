"""The one exception family. The CLI turns a ``KitError`` into ``Error: path:line: message``,
a hint line and an exit code; anything else is a bug and shows a traceback."""

from __future__ import annotations

from pathlib import Path

USAGE_OR_INPUT = 2


class KitError(Exception):
    """A problem with the user's input or environment, reported without a traceback."""

    exit_code = USAGE_OR_INPUT

    def __init__(
        self,
        message: str,
        *,
        path: Path | str | None = None,
        line: int | None = None,
        hint: str | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.hint = hint
        self.column = column  # 1-based, where the parser knows it (TOML syntax errors)

    def __reduce__(self) -> tuple[object, ...]:
        # keep path, line and hint when an error crosses a process boundary (parallel builds)
        return (
            _rebuild,
            (type(self), self.message, self.path, self.line, self.hint, self.column),
        )

    @property
    def location(self) -> str:
        if self.path is None:
            return ""
        if self.line and self.column:
            return f"{self.path}:{self.line}:{self.column}"
        return f"{self.path}:{self.line}" if self.line else self.path

    def format(self) -> str:
        where = f"{self.location}: " if self.location else ""
        text = f"Error: {where}{self.message}"
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text


def _rebuild(
    cls: type[KitError],
    message: str,
    path: str | None,
    line: int | None,
    hint: str | None,
    column: int | None = None,
) -> KitError:
    return cls(message, path=path, line=line, hint=hint, column=column)


class ConfigError(KitError):
    """kit.toml is missing, malformed or has invalid values."""


class SourceError(KitError):
    """A Markdown source document cannot be read or parsed."""


class CatalogError(KitError):
    """A PO or POT file cannot be read or is malformed."""


class LocaleError(KitError):
    """An unknown or invalid locale code."""


class RenderError(KitError):
    """A page or handout could not be rendered (template, asset, font)."""


class MultipleErrors(KitError):
    """Several independent inputs failed; each is reported, the others were still processed."""

    def __init__(self, errors: list[KitError]) -> None:
        super().__init__(f"{len(errors)} errors")
        self.errors = errors

    def __reduce__(self) -> tuple[object, ...]:
        return (MultipleErrors, (self.errors,))

    def format(self) -> str:
        return "\n".join(e.format() for e in self.errors)
