"""A ``kit build`` with nothing to do, known from file metadata alone.

After a build without errors, ``.kit-cache/build-noop.json`` (safe to delete) keeps the
metadata (size, mtime, ctime, inode, mode) of every input the build read: ``kit.toml``, each
source document and image, each catalog and review record (or that it is absent), kit's words,
every template and asset, the issued-version register; the list of source documents and
template files; and the metadata of every output it planned (the pages, their handouts, the
index). The next build with the same kit version, configuration and options compares them
first: when all are the same, nothing can have changed, and it answers with the report of
that build (everything up to date, the same withheld outputs, which are removed again) without
reading or parsing anything. Any difference, and it runs the full build, which decides from
content digests as before (``kit.build.plan``).

Files changed in the same clock tick as the build read them could keep their metadata
("racily clean", as git says): an input whose mtime or ctime is not older than the moment the
build started, measured by the file system's own clock on a marker file, is not trusted, and
then no stamp is kept (the next build is a full one, and keeps one).

Imports stay light: a no-op build loads neither the renderers nor the checks.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kit import __version__
from kit.commands.build_report import BuildOptions, BuildReport, Progress, Withheld
from kit.commands.listed import Listed
from kit.commands.outcome import Action, Outcome
from kit.project import Project

if TYPE_CHECKING:
    from kit.build.inputs import DocumentFiles
    from kit.locales import LocaleInfo

STAMP_FILE = Path(".kit-cache") / "build-noop.json"
MARKER_FILE = Path(".kit-cache") / "build-started"
BUILD_CACHE = Path(".kit-cache") / "build.json"  # kit.commands.build_run's
VERSION = 1


@dataclass(frozen=True)
class Stamp:
    """What a finished build leaves for the next one to compare."""

    inputs: tuple[str, ...]
    outputs: tuple[str, ...]
    withheld: tuple[Withheld, ...]
    skipped: int
    index: str | None  # the index's path when the build wrote it
    steps: int = 0  # the progress lines' total: the index was shown as [steps/steps]


def started(project: Project) -> int:
    """Now, by the clock of the file system holding the project (its timestamps are what the
    inputs are compared with): the ctime of a marker file written now."""
    path = project.root / MARKER_FILE
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"")
        info = path.stat()
        return max(info.st_mtime_ns, info.st_ctime_ns)
    except OSError:
        return time.time_ns()


def replay(
    project: Project, options: BuildOptions, progress: Progress | None
) -> BuildReport | None:
    """The report of the last build when nothing it read or wrote has changed since, else None."""
    try:
        data = json.loads((project.root / STAMP_FILE).read_text(encoding="utf-8"))
        if data.get("version") != VERSION or data.get("key") != _key(project, options):
            return None
        if data["listing"] != _listing(project):
            return None
        for part in ("inputs", "outputs"):
            if _signature(data[part], None) != data[f"{part}_signature"]:
                return None
        withheld = tuple(Withheld(str(p), tuple(r)) for p, r in data["withheld"])
        skipped, index, steps = int(data["skipped"]), data["index"], int(data["steps"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    for item in withheld:  # as the full build does: a withheld output never stays online
        (project.root / item.path).unlink(missing_ok=True)
    outcomes = (Outcome(str(index), Action.UNCHANGED),) if index else ()
    if progress is not None and outcomes:
        progress(steps, steps, outcomes)  # as the build it replays showed it
    return BuildReport(outcomes, withheld, (), skipped)


def remember(project: Project, options: BuildOptions, since: int, stamp: Stamp) -> None:
    """Keep ``stamp`` for the next build, unless an input may have changed unseen."""
    forget(project)
    inputs = list(stamp.inputs)
    outputs = list(stamp.outputs)
    signature = _signature(inputs, since)
    if signature is None:
        return
    data = {
        "version": VERSION,
        "key": _key(project, options),
        "listing": _listing(project),
        "inputs": inputs,
        "inputs_signature": signature,
        "outputs": outputs,
        "outputs_signature": _signature(outputs, None),
        "withheld": [[w.path, list(w.reasons)] for w in stamp.withheld],
        "skipped": stamp.skipped,
        "index": stamp.index,
        "steps": stamp.steps,
    }
    from kit.files import write_text_atomic

    with contextlib.suppress(OSError):  # it only saves time
        write_text_atomic(project.root / STAMP_FILE, json.dumps(data) + "\n")


def forget(project: Project) -> None:
    with contextlib.suppress(OSError):
        (project.root / STAMP_FILE).unlink(missing_ok=True)


def _key(project: Project, options: BuildOptions) -> str:
    """kit's version, the whole configuration as loaded, and the options that change outputs."""
    shard = options.shard
    text = repr((__version__, project.config, options.formats, options.locales, shard))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _listing(project: Project) -> list[str]:
    """The source documents and the template files: a new one is a change."""
    templates = project.config.templates_dir
    files = sorted(str(p) for p in templates.rglob("*")) if templates.is_dir() else []
    return [*(str(p) for p in project.source_files()), "", *files]


def _signature(paths: Iterable[str], since: int | None) -> str | None:
    """A digest of the metadata of ``paths`` (absent ones included); None when ``since`` is
    given and a file was changed at or after it (it may change again unseen). One line per
    path, ``path NUL (mode, size, mtime, ctime, inode)`` or ``path NUL -``, digested at once.
    A name its folder does not list is absent without a ``stat`` (most of the 8,600
    outputs a build of 2,200 pages names are handouts it did not make)."""
    lines: list[str] = []
    add, listed = lines.append, Listed()
    for path in paths:
        info = _stat(path) if listed.may_exist(path) else None
        if info is None:
            add(f"{path}\0-\n")
            continue
        mtime, ctime = info.st_mtime_ns, info.st_ctime_ns
        if since is not None and (mtime >= since or ctime >= since):
            return None
        add(f"{path}\0({info.st_mode}, {info.st_size}, {mtime}, {ctime}, {info.st_ino})\n")
    return hashlib.sha256("".join(lines).encode()).hexdigest()


def _stat(path: str) -> os.stat_result | None:
    """``os.stat``, or None when there is nothing to stat."""
    try:
        return os.stat(path)
    except OSError:
        return None


def watched_inputs(
    project: Project, docs: Iterable[DocumentFiles], locales: Iterable[LocaleInfo]
) -> Iterator[str]:
    """Every file a build reads, present or not (see the module docstring). As strings
    (``str`` of the same paths): a build of 2,200 pages names 4,800 of them, most of them
    each document's catalog and review record in each locale."""
    from kit.bundle.register import REGISTER
    from kit.catalog.review import SIDE_SUFFIX
    from kit.locales import parse_locale
    from kit.words.lookup import DOMAIN, SHIPPED, fallback_codes

    config = project.config
    locales = list(locales)
    folders = [str(project.catalog_folder(locale)) for locale in locales]
    yield str(config.path)
    yield str(project.root / REGISTER)
    for doc in docs:
        source = project.root / doc.path
        yield str(source)
        yield from (str(source.parent / src) for src in doc.images)
        for folder in folders:  # project.po_path and catalog.review.review_path, as text
            yield f"{folder}/{doc.slug}.po"
            yield f"{folder}/{doc.slug}{SIDE_SUFFIX}"
    helps = [parse_locale(code) for code in config.language_help.languages]
    for locale in {loc.code: loc for loc in (*locales, *helps)}.values():
        for name in fallback_codes(locale):  # as kit.build.inputs hashes a page's words
            yield str(project.po_path(parse_locale(name), DOMAIN))
            yield str(SHIPPED / name / "LC_MESSAGES" / f"{DOMAIN}.po")
    templates = config.templates_dir
    if templates.is_dir():
        yield from (str(p) for p in sorted(p for p in templates.rglob("*") if p.is_file()))


def watched_outputs(project: Project, keys: Iterable[str], index: bool) -> Iterator[str]:
    """The outputs of the planned tasks (``slug/locale/fmt``), the handouts each page links
    to (present or not), the index and the build cache (deleting it means: redo everything).
    As strings (``str`` of the same paths): a build of 2,200 pages names 8,600 of them."""
    from kit.site import PAGE, handout_kinds, handout_names, output_name

    config = project.config
    source = config.source_locale.code
    out = str(config.output_dir)
    for key in keys:
        slug, code, fmt = key.split("/")
        folder = f"{out}/{code}"
        if fmt == "html":
            yield f"{folder}/{output_name(slug, PAGE)}"
            kinds = handout_kinds(config.print, code == source)
            yield from (f"{folder}/{output_name(slug, kind)}" for kind in kinds)
        else:
            yield from (f"{folder}/{n}" for n in handout_names(slug, config.print, code == source))
    if index:
        yield str(config.output_dir / "index.html")
    yield str(project.root / BUILD_CACHE)
