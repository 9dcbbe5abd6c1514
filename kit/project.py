"""Where a project's files live: source documents, templates, and catalogs per locale.

This module only names paths and lists files; it reads nothing else.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kit.config import Config
from kit.errors import KitError
from kit.locales import LocaleInfo, parse_locale
from kit.reading import not_link, real_folder, resolved_under


@dataclass(frozen=True)
class Project:
    config: Config

    @property
    def root(self) -> Path:
        return self.config.root

    def source_files(self) -> tuple[Path, ...]:
        folder = self.config.source_dir
        if not folder.is_dir():
            raise KitError(
                f"source folder {self.rel(folder)} does not exist",
                path=self.rel(self.config.path),
                hint="create it or set project.source_dir in kit.toml",
            )
        # not only regular files: a pipe or a link out is listed so its reader reports it
        # (what glob("*.md") lists, told apart by the folder's own listing: no stat each)
        with os.scandir(folder) as entries:
            names = [
                e.name
                for e in entries
                if e.name.endswith(".md")
                and not e.name.startswith(".")
                and (e.is_symlink() or not e.is_dir())
            ]
        return tuple(folder / name for name in sorted(names))

    def pot_path(self, slug: str) -> Path:
        return self.config.locales_dir / f"{slug}.pot"

    def po_path(self, locale: LocaleInfo, slug: str) -> Path:
        return self.catalog_folder(locale) / f"{slug}.po"

    def catalog_folder(self, locale: LocaleInfo) -> Path:
        """``locales/<code>/LC_MESSAGES``: where the locale's catalogs live."""
        return _catalog_folder(self.config.locales_dir, locale.code)

    def pot_files(self) -> tuple[Path, ...]:
        return tuple(sorted(self.config.locales_dir.glob("*.pot")))

    def locales(self, selected: tuple[str, ...] = ()) -> tuple[LocaleInfo, ...]:
        """The project's target locales, or the selected ones (each must be in kit.toml)."""
        if not selected:
            return self.config.target_locales
        chosen = tuple(parse_locale(code) for code in selected)
        known = {loc.code for loc in self.config.target_locales}
        for loc in chosen:
            if loc.code not in known:
                raise KitError(
                    f"locale {loc.code} is not one of the project's locales",
                    path=self.rel(self.config.path),
                    hint=f"add it to project.locales (now: {', '.join(sorted(known)) or 'none'})",
                )
        return chosen

    def check_inside(self, path: Path) -> None:
        """Refuse a file that resolves outside the project (a symbolic link pointing out)."""
        real, inside = resolved_under(str(path.absolute()), str(self.root.absolute()))
        if real != inside and not real.startswith(os.path.join(inside, "")):
            raise KitError(
                f"points outside the project (to {real})",
                path=self.rel(path.parent) + "/" + path.name,
                hint="copy the file into the project instead of linking to it",
            )

    def rel(self, path: Path) -> str:
        """A path as the user should see it: relative to the project root when inside it
        (links followed, as ``Path.resolve`` does)."""
        try:
            return real_path(path).relative_to(_real_root(self.root)).as_posix()
        except ValueError:
            return str(path)


@lru_cache(maxsize=256)
def _catalog_folder(locales_dir: Path, code: str) -> Path:
    return locales_dir / code / "LC_MESSAGES"


@lru_cache(maxsize=16)
def _real_root(root: Path) -> Path:
    """A project root resolved once per process, as ``real_path`` resolves folders (``rel``
    is asked for every catalog a build localizes: 2,000 ``lstat``s of the root)."""
    return real_path(root)


def real_path(path: Path) -> Path:
    """``path.resolve()``, with the folders of absolute paths resolved once per process: a
    build names thousands of files in a few folders, and each resolve is an ``lstat`` per
    component. Only the last component is looked at each time (a link is resolved fully)."""
    name = path.name
    if not path.is_absolute() or name in ("", ".", ".."):
        return path.resolve()
    if not not_link(str(path)) and path.is_symlink():  # (not there: not a link either)
        return path.resolve()
    return Path(real_folder(str(path.parent))) / name
