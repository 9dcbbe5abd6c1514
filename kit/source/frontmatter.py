"""YAML front matter of a source document → ``Meta`` (validated, with line numbers)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import yaml

from kit.errors import SourceError
from kit.model import Meta

SLUG = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$")
_REQUIRED = ("title", "summary", "slug", "reviewed")
_KNOWN = (*_REQUIRED, "next_review", "audience", "version")
_FENCE = "---"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser when libyaml is there


def _load_yaml(raw: str) -> Any:
    """Fast C parser; on an error, the pure-Python one, whose messages point at the right line."""
    try:
        return yaml.load(raw, Loader=_LOADER)
    except yaml.YAMLError:
        return yaml.safe_load(raw)


@dataclass(frozen=True)
class SplitSource:
    meta: dict[str, Any]
    body: str
    body_offset: int  # number of lines before the body starts
    key_lines: dict[str, int]


def split_front_matter(text: str, path: str) -> SplitSource:
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != _FENCE:
        raise SourceError(
            "no front matter",
            path=path,
            line=1,
            hint="start the file with a '---' line, then title, summary, slug, reviewed, then '---'",
        )
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in (_FENCE, "...")), None)
    if end is None:
        raise SourceError(
            "front matter is never closed", path=path, line=1, hint="add a '---' line after it"
        )
    raw = "\n".join(lines[1:end])
    try:
        data = _load_yaml(raw) if raw.strip() else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc)
        raise SourceError(
            f"front matter is not valid YAML: {problem}",
            path=path,
            line=line,
            hint="use 'key: value' lines; quote values that contain ': '",
        ) from exc
    except (ValueError, OverflowError) as exc:  # YAML's own dates: 2026-13-01 has no month 13
        raise _impossible_date(raw, path, exc) from exc
    if not isinstance(data, dict):
        raise SourceError(
            "front matter must be 'key: value' lines",
            path=path,
            line=2,
            hint="write title, summary, slug and reviewed as 'key: value' lines",
        )
    key_lines = {}
    for i in range(1, end):
        key = lines[i].split(":", 1)[0].strip()
        if key in data and key not in key_lines:
            key_lines[key] = i + 1
    return SplitSource(data, "\n".join(lines[end + 1 :]), end + 1, key_lines)


def parse_meta(split: SplitSource, path: str) -> Meta:
    data, where = split.meta, split.key_lines
    for key in data:
        if key not in _KNOWN:
            raise SourceError(
                f"unknown front matter key {key!r}",
                path=path,
                line=where.get(str(key), 2),
                hint=f"known keys: {', '.join(_KNOWN)}",
            )
    for key in _REQUIRED:
        if data.get(key) in (None, ""):
            raise SourceError(
                f"front matter has no {key!r}",
                path=path,
                line=2,
                hint=f"add '{key}: ...' to the front matter",
            )
    slug = _text(data, "slug", path, where)
    if not SLUG.match(slug):
        raise SourceError(
            f"slug {slug!r} is not allowed",
            path=path,
            line=where.get("slug"),
            hint="use lower-case letters, digits and hyphens, like infant-all",
        )
    if slug == "kit":  # locales/<ll>/LC_MESSAGES/kit.po holds kit's own words
        raise SourceError(
            "slug 'kit' is reserved for kit's own words (kit.po)",
            path=path,
            line=where.get("slug"),
            hint="choose another slug",
        )
    return Meta(
        title=_text(data, "title", path, where),
        summary=_text(data, "summary", path, where),
        slug=slug,
        reviewed=_date(data, "reviewed", path, where),
        next_review=_date(data, "next_review", path, where) if data.get("next_review") else None,
        audience=_text(data, "audience", path, where) if data.get("audience") else "",
        version=str(data.get("version", "")),
    )


_DATE_LINE = re.compile(r"^\s*([\w-]+)\s*:\s*['\"]?((\d{4})-(\d{1,2})-(\d{1,2})\S*)")


def _impossible_date(raw: str, path: str, exc: Exception) -> SourceError:
    """A date-shaped value that is no date (``reviewed: 2026-13-01``), at its line."""
    for number, row in enumerate(raw.split("\n"), start=2):
        match = _DATE_LINE.match(row)
        if match is None:
            continue
        try:
            dt.date(int(match.group(3)), int(match.group(4)), int(match.group(5)))
        except ValueError:
            key, value = match.group(1), match.group(2).strip("'\"")
            return SourceError(
                f"{key!r} is not a date that exists: {value} ({exc})",
                path=path,
                line=number,
                hint="write an existing date as YYYY-MM-DD (month 01 to 12, a day the month has)",
            )
    return SourceError(
        f"front matter holds a value YAML cannot read: {exc}",
        path=path,
        line=2,
        hint="write dates as YYYY-MM-DD and quote other values",
    )


def _text(data: dict[str, Any], key: str, path: str, where: dict[str, int]) -> str:
    value = data.get(key)
    if not isinstance(value, str):
        raise SourceError(
            f"{key!r} must be text", path=path, line=where.get(key), hint="put the value in quotes"
        )
    return " ".join(value.split())


def _date(data: dict[str, Any], key: str, path: str, where: dict[str, int]) -> dt.date:
    value = data.get(key)
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise SourceError(
        f"{key!r} must be a date like 2018-12-01, not {value!r}",
        path=path,
        line=where.get(key),
        hint="write the date as YYYY-MM-DD",
    )
