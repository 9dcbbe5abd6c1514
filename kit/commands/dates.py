"""The date a command stamps on what it writes (a template's ``POT-Creation-Date``).

Its own module so that ``kit extract`` does not import every loader (``loaders`` re-exports it).
"""

from __future__ import annotations

import datetime as dt
import os


def creation_date() -> str:
    """``SOURCE_DATE_EPOCH`` when set (reproducible builds), else now, in UTC."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = (
        dt.datetime.fromtimestamp(int(epoch), dt.UTC)
        if epoch and epoch.isdigit()
        else dt.datetime.now(dt.UTC)
    )
    return when.strftime("%Y-%m-%d %H:%M+0000")
