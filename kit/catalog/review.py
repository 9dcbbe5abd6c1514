"""Review sign-off: who reviewed which translations, kept next to the PO in git.

``kit review`` writes ``locales/<ll>/LC_MESSAGES/<slug>.review.json`` beside the PO. Each sign-off
lists the hashes of the (msgctxt, msgid, msgstr) triples it covered. An entry counts as
reviewed while its current triple is covered by a sign-off, so editing either the source text
or the translation after the review makes that entry unreviewed with no extra bookkeeping.
The sidecar is plain, sorted JSON so diffs stay small and merges stay easy.

Pure functions here; reading and writing the sidecar file is in ``kit.commands.review``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from kit.catalog import sidecar
from kit.catalog.sidecar import reading
from kit.catalog.states import State, state
from kit.po.model import PoEntry, PoFile

SIDE_SUFFIX = ".review.json"


def review_path(po_path: Path) -> Path:
    """``x.po`` → ``x.review.json`` beside it."""
    return po_path.with_name(po_path.stem + SIDE_SUFFIX)


FORMAT_VERSION = 1

# Review stages as hospitals run them (ISO 17100, the TEP practice): the translator's own
# check, revision by a second linguist, clinical review by a clinician. A sign-off without a
# stage (written before stages existed, or with no --stage) counts for no required stage.
STAGES = ("translation", "revision", "clinical")
# Stages a person may not sign for entries they translated themselves.
INDEPENDENT_STAGES = frozenset({"revision", "clinical"})


@dataclass(frozen=True)
class SignOff:
    reviewer: str
    role: str
    method: str
    date: dt.date
    entries: frozenset[str]
    stage: str = ""  # one of STAGES, or "" (no stage recorded)


@dataclass(frozen=True)
class ReviewLog:
    signoffs: tuple[SignOff, ...] = ()


@dataclass(frozen=True)
class ReviewStatus:
    reviewed: int
    unreviewed: int
    latest: SignOff | None  # the most recent sign-off that still covers at least one entry
    reviewers: tuple[SignOff, ...]  # sign-offs still covering entries, newest first

    @property
    def complete(self) -> bool:
        return self.unreviewed == 0 and self.reviewed > 0


def entry_hash(entry: PoEntry) -> str:
    parts = (entry.msgctxt or "", entry.msgid, entry.msgstr, *entry.msgstr_plural)
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def sign_off(
    log: ReviewLog,
    po: PoFile,
    reviewer: str,
    role: str,
    method: str,
    date: dt.date,
    *,
    stage: str = "",
    excluded: frozenset[str] = frozenset(),
) -> ReviewLog:
    """Record that every translated entry now in ``po`` was reviewed, except the ``excluded``
    entry hashes (entries the reviewer translated, for an independent stage)."""
    covered = frozenset(
        h
        for e in po.active
        if state(e) is State.TRANSLATED and (h := entry_hash(e)) not in excluded
    )
    return ReviewLog((*log.signoffs, SignOff(reviewer, role, method, date, covered, stage)))


def stage_status(log: ReviewLog, po: PoFile, stage: str) -> ReviewStatus:
    """``review_status`` counting only the sign-offs of one stage."""
    return review_status(ReviewLog(tuple(s for s in log.signoffs if s.stage == stage)), po)


def review_status(log: ReviewLog, po: PoFile) -> ReviewStatus:
    translated = [e for e in po.active if state(e) is State.TRANSLATED]
    if not log.signoffs:  # nothing signed off: no entry to hash
        return ReviewStatus(0, len(translated), None, ())
    hashes = {entry_hash(e) for e in translated}
    live = tuple(s for s in reversed(log.signoffs) if s.entries & hashes)
    covered: set[str] = set().union(*(s.entries for s in live)) if live else set()
    reviewed = sum(1 for e in translated if entry_hash(e) in covered)
    return ReviewStatus(reviewed, len(translated) - reviewed, live[0] if live else None, live)


def signoff_data(s: SignOff) -> dict[str, str | None]:
    """One sign-off as reports show it (``kit status``, bundle manifests): who, in what role,
    how, when, and at which review stage (None: recorded without one)."""
    return {
        "reviewer": s.reviewer,
        "role": s.role,
        "method": s.method,
        "date": s.date.isoformat(),
        "stage": s.stage or None,
    }


def dumps(log: ReviewLog) -> str:
    data = {
        "format": FORMAT_VERSION,
        "signoffs": [
            {
                "reviewer": s.reviewer,
                "role": s.role,
                "method": s.method,
                "date": s.date.isoformat(),
                "entries": sorted(s.entries),
                **({"stage": s.stage} if s.stage else {}),
            }
            for s in log.signoffs
        ],
    }
    return sidecar.dumps(data)


def loads(text: str, path: str) -> ReviewLog:
    with reading("review sign-off is", path, "kit review"):
        data = json.loads(text)
        signoffs = tuple(
            SignOff(
                reviewer=str(item["reviewer"]),
                role=str(item["role"]),
                method=str(item.get("method", "")),
                date=dt.date.fromisoformat(item["date"]),
                entries=frozenset(str(h) for h in item["entries"]),
                stage=_stage(item.get("stage", "")),
            )
            for item in data["signoffs"]
        )
    return ReviewLog(signoffs)


def _stage(value: object) -> str:
    stage = str(value)
    if stage and stage not in STAGES:
        raise ValueError(f"unknown review stage {stage!r} (one of {', '.join(STAGES)})")
    return stage
