"""What ``kit build`` sends to a worker for one document (``DocJob``) and what comes back
(``DocResult``, or ``LoadFailure`` when the document cannot be parsed):
``kit.commands.build_doc`` does the work, ``kit.commands.build_run`` hands the jobs out.

A job carries the source file's bytes, not the parsed document: the worker parses it. The
parent only reads each file and its front matter (for the slug), so with workers it spends
its time handing out work, not competing with them for the cores (``kit build --jobs 2``:
parsing 200 documents took the parent about 0.3 CPU-seconds).

The build's ``Site`` (the configuration, every locale, kit's version) is the same in every
job. With workers it is sent once, when each starts (``share_site``, the pool's setup), and
a job travels without it: unpickling the site took 0.27 ms per job, twice as long as the
rest of the job (200 jobs of ``bench/bench_build.py --issue``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from kit.build.inputs import DocumentFiles, Shared
from kit.build.plan import Shard, Task
from kit.commands.build_report import Withheld
from kit.commands.loaders import SourceFile
from kit.commands.outcome import Outcome
from kit.errors import KitError
from kit.site import HandoutFile, Published, Site

_SHARED: list[Site] = []  # the site every worker already holds (share_site)


def share_site(site: Site) -> None:
    """In the parent before the workers start, and in each worker as it starts: jobs for
    ``site`` are pickled without it and unpickled with this process's copy."""
    _SHARED[:] = [site]


@dataclass(frozen=True)
class DocJob:
    """One source document and what the parent knows of it: small, pickled to a worker."""

    source: SourceFile
    site: Site
    shared: Shared  # kit.toml's bytes, the templates' hash and each locale's words' hash
    decisions: Mapping[str, Mapping[str, object]]  # the cache's, for this document's keys
    outputs: Mapping[str, str]  # the cache's fingerprints, for this document's keys
    issued: frozenset[str]  # locales of this document in the issued-version register
    formats: tuple[str, ...]
    shard: Shard

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        if _SHARED and state["site"] is _SHARED[0]:
            state["site"] = None  # the worker has it (share_site)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        if state["site"] is None:
            state = {**state, "site": _SHARED[0]}
        self.__dict__.update(state)


@dataclass(frozen=True)
class LoadFailure:
    """The document of a job could not be parsed (its front matter could: the parent read
    it), so nothing was built for it."""

    slug: str
    error: KitError


@dataclass(frozen=True)
class DocResult:
    document: DocumentFiles  # of the document as the worker parsed it (pruning, no-op stamp)
    published: Published
    decisions: dict[str, dict[str, object]]
    outputs: dict[str, str]  # fingerprint of every output planned (rendered or up to date)
    outcomes: tuple[Outcome, ...] = ()
    withheld: tuple[tuple[str, Withheld], ...] = ()  # (format, item)
    decide_errors: tuple[KitError, ...] = ()
    plan_errors: tuple[KitError, ...] = ()
    render_errors: tuple[tuple[Task, KitError], ...] = ()
    failed: frozenset[str] = frozenset()
    skipped: int = 0
    tasks: int = 0  # (locale, format) tasks this shard owns
    # locale → the handouts its page links to, as looked up for the page (the index reuses them)
    handouts: Mapping[str, tuple[HandoutFile, ...]] = field(default_factory=dict)

    @property
    def slug(self) -> str:
        return self.document.slug
