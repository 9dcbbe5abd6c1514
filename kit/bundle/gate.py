"""A locale's publish gate: it passes when none of its documents is withheld.

A document is withheld by ``kit.catalog.localize.decide`` (below the translation threshold, a
must-retranslate segment, review required and missing, as ``[publish]`` says). Pages with a
banner still pass: the banner tells the family. What a failing locale becomes follows
``[bundle] failing``: ``"omit"`` (no zip; any earlier zip is removed) or ``"draft"`` (the zip is
written, its manifest says ``"status": "draft"`` and why, withheld documents are left out).
"""

from __future__ import annotations

from collections.abc import Iterable

from kit.bundle.model import BundleState, Gate
from kit.catalog.localize import Decision, LocalizedDocument


def locale_gate(ldocs: Iterable[LocalizedDocument], failing: str) -> Gate:
    reasons = tuple(
        f"{ldoc.document.slug}: {reason}"
        for ldoc in ldocs
        if ldoc.publish.decision is Decision.WITHHOLD
        for reason in ldoc.publish.reasons or ("withheld",)
    )
    if not reasons:
        return Gate(BundleState.PUBLISHED)
    return Gate(BundleState.DRAFT if failing == "draft" else BundleState.OMITTED, reasons)
