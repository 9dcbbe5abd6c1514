"""``Listed``: which names folders hold, each folder listed once, so that a name it does not
hold is known to be absent without a ``stat`` (the no-op build's 8,600 output names, the
handouts an HTML-only build looks for next to every page)."""

from __future__ import annotations

import os


class Listed(dict[str, "frozenset[str] | None"]):
    """Folder → the names it holds, casefolded (None: it cannot be listed, so anything may
    be there). A name is looked up casefolded, and one that is not ASCII is always
    ``stat``-ed: a file system that ignores case or normalizes Unicode (macOS, Windows)
    opens a name it does not list as written. A folder is listed when first asked about (one
    that does not exist holds nothing): a file added to it later is not seen."""

    def may_exist(self, path: str) -> bool:
        """False only when ``path``'s folder was listed without it."""
        folder, _, name = path.rpartition(os.sep)  # the paths are str() of Paths
        if not folder or not name.isascii():
            return True
        names = self[folder] if folder in self else self._list(folder)
        return names is None or name.casefold() in names

    def _list(self, folder: str) -> frozenset[str] | None:
        try:
            names: frozenset[str] | None = frozenset(n.casefold() for n in os.listdir(folder))
        except FileNotFoundError:
            names = frozenset()  # no folder: nothing in it (a cold build's output folders)
        except OSError:
            names = None
        self[folder] = names
        return names
