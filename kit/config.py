"""``kit.toml`` → a frozen, validated ``Config``.

The schema *is* the dataclasses below: every table is a dataclass, every key a field with a
type and a default. ``load_config`` walks the TOML against them, collects every problem
(unknown key, wrong type, bad value, unknown locale) with the file, line and key, and raises
them together once, as mkdocs does.
"""

from __future__ import annotations

import os
import re
import stat
import tomllib
import types
import typing
from dataclasses import MISSING, dataclass, field, fields, is_dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

from kit.errors import ConfigError, KitError, MultipleErrors
from kit.locales import LocaleInfo, parse_locale

CONFIG_NAME = "kit.toml"
DEFAULT_PROJECT = Path(__file__).resolve().parent / "data" / "project"  # what `kit new` copies
DEFAULT_TEMPLATES = DEFAULT_PROJECT / "templates"


@dataclass(frozen=True)
class ProjectSection:
    name: str = "kit project"
    source_locale: str = "en"
    locales: tuple[str, ...] = ()
    source_dir: str = "source"
    locales_dir: str = "locales"
    templates_dir: str = "templates"
    output_dir: str = "dist"


@dataclass(frozen=True)
class ExtractSection:
    # "file": `#: source/x.md` (quiet in git); "line": `#: source/x.md:12`; "none": no `#:`.
    references: Literal["file", "line", "none"] = "file"
    copyright_holder: str = ""
    bugs_address: str = ""


@dataclass(frozen=True)
class UpdateSection:
    # Pre-fill a new message from another document's catalog with the same source text.
    translation_memory: bool = True
    # Trust exact translation-memory matches (not fuzzy). Off: a person confirms each.
    trust_exact_matches: bool = False
    # Carry a translation over unchanged when the source changed only in whitespace,
    # punctuation or capitalization. Off by default: such entries become fuzzy.
    carry_over_trivial_changes: bool = False
    # Glossary terms whose change in a source sentence forces "must retranslate".
    critical_terms: tuple[str, ...] = ()


@dataclass(frozen=True)
class BrandingSection:
    organization: str = ""
    logo: str = ""
    phone: str = ""
    base_url: str = ""
    primary_color: str = "#1d4f91"
    accent_color: str = "#0b6e4f"


@dataclass(frozen=True)
class PublishSection:
    # Percent of source words translated (not fuzzy) below which a page is not published as is.
    threshold: int = 100
    below_threshold: Literal["withhold", "banner"] = "withhold"
    must_retranslate: Literal["withhold", "banner"] = "withhold"
    require_review: bool = False
    # Review stages (kit review --stage) that must each cover every translated entry.
    require_stages: tuple[Literal["translation", "revision", "clinical"], ...] = ()
    # What a publish-gate finding (kit.build.gate) of each severity does to its output.
    on_error: Literal["withhold", "banner", "publish"] = "withhold"
    on_warning: Literal["withhold", "banner", "publish"] = "publish"
    on_info: Literal["withhold", "banner", "publish"] = "publish"


@dataclass(frozen=True)
class PrintSection:
    page_size: Literal["letter", "A4"] = "letter"
    large_print: bool = True
    bilingual: bool = True


@dataclass(frozen=True)
class LocaleOverrides:
    """Per-locale settings under ``[locale.<code>]``; unset values fall back to the project's."""

    threshold: int | None = None
    page_size: Literal["letter", "A4"] | None = None
    allowed_numbers: tuple[str, ...] = ()
    localized_urls: bool = False
    reading_level_max: float | None = None
    reading_level_min: float | None = None
    # Texts a translation may leave exactly as in the source (brand, drug and gene names).
    identical_allowed: tuple[str, ...] = ()
    # How this locale writes 2.5 and 3,000 when its locale data is not what the team writes
    # (es_US: decimal_mark = ".", group_mark = ","). Checked by _number_marks.
    decimal_mark: str | None = None
    group_mark: str | None = None
    # Numbering system on handouts (page and list numbers, dates): CLDR's default when unset.
    digits: Literal["latn", "arab", "arabext", "deva", "beng", "mymr"] | None = None


@dataclass(frozen=True)
class ChecksSection:
    fail_on: Literal["error", "warning", "info"] = "error"
    disable: tuple[str, ...] = ()
    review_cycle_years: int = 3
    review_expiry_years: int = 5
    # Per-check severity overrides, e.g. "translation.missing" = "error" (check ids: README).
    severity: dict[str, Literal["error", "warning", "info"]] = field(default_factory=dict)


@dataclass(frozen=True)
class BundleSection:
    # A locale with a withheld document fails its publish gate: "omit" writes no bundle for it,
    # "draft" writes one whose manifest says "status": "draft" and why (see kit.bundle.gate).
    failing: Literal["omit", "draft"] = "omit"


@dataclass(frozen=True)
class LanguageHelpSection:
    # A notice of free language help on every page and handout (Section 1557, CLAS 5-8): one
    # line per language, in that language, from kit's words. Empty: no notice.
    languages: tuple[str, ...] = ()
    phone: str = ""  # the language line; branding.phone when empty


@dataclass(frozen=True)
class Config:
    root: Path
    project: ProjectSection = field(default_factory=ProjectSection)
    extract: ExtractSection = field(default_factory=ExtractSection)
    update: UpdateSection = field(default_factory=UpdateSection)
    branding: BrandingSection = field(default_factory=BrandingSection)
    publish: PublishSection = field(default_factory=PublishSection)
    print: PrintSection = field(default_factory=PrintSection)
    checks: ChecksSection = field(default_factory=ChecksSection)
    bundle: BundleSection = field(default_factory=BundleSection)
    locale: dict[str, LocaleOverrides] = field(default_factory=dict)
    language_help: LanguageHelpSection = field(default_factory=LanguageHelpSection)

    @property
    def path(self) -> Path:
        return self.root / CONFIG_NAME

    @cached_property  # a build names it thousands of times
    def source_dir(self) -> Path:
        return self.root / self.project.source_dir

    @cached_property  # a build names it thousands of times
    def locales_dir(self) -> Path:
        return self.root / self.project.locales_dir

    @property
    def templates_dir(self) -> Path:
        """The project's templates, or kit's own (``kit/data/project/templates``) when the
        project has no such folder."""
        own = self.root / self.project.templates_dir
        return own if own.exists() else DEFAULT_TEMPLATES

    @cached_property  # a build names it thousands of times
    def output_dir(self) -> Path:
        return self.root / self.project.output_dir

    @property
    def source_locale(self) -> LocaleInfo:
        return parse_locale(self.project.source_locale)

    @property
    def target_locales(self) -> tuple[LocaleInfo, ...]:
        return tuple(parse_locale(code) for code in self.project.locales)

    def overrides(self, code: str) -> LocaleOverrides:
        return self.locale.get(code, _NO_OVERRIDES)

    def threshold(self, code: str) -> int:
        value = self.overrides(code).threshold
        return self.publish.threshold if value is None else value

    def page_size(self, code: str) -> str:
        return self.overrides(code).page_size or self.print.page_size


_NO_OVERRIDES = LocaleOverrides()  # frozen: one for every locale without a section


def find_root(start: Path) -> Path:
    """The nearest folder at or above ``start`` that holds a kit.toml."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
    raise ConfigError(
        f"no {CONFIG_NAME} in {start} or any folder above it",
        hint="run kit from a project folder or pass --project DIR",
    )


def _read_regular(path: Path, root: Path, limit: int = 1_000_000) -> bytes:
    """kit.toml's bytes: a regular file inside the project (the rule of kit.files, which this
    layer cannot import), at most ``limit`` bytes, opened so a named pipe cannot hang."""
    if not path.resolve().is_relative_to(root.resolve()):
        raise ConfigError("is a link to a file outside the project", path=path)
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise ConfigError("is not a regular file", path=path, hint="make kit.toml a file")
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise ConfigError(f"is larger than {limit:,} bytes", path=path)
    return data


def load_config(root: Path) -> Config:
    path = root / CONFIG_NAME
    try:
        text = _read_regular(path, root).decode("utf-8")
    except FileNotFoundError as exc:
        raise ConfigError(
            f"{CONFIG_NAME} not found", path=path, hint="create one; see README"
        ) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read: {exc}", path=path) from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        line, column = (int(found[1]), int(found[2])) if found else (None, None)
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise ConfigError(
            f"invalid TOML: {message}",
            path=path,
            line=line,
            column=column,
            hint="fix the syntax at that line and column",
        ) from exc
    return parse_config(data, root, text)


def parse_config(data: dict[str, Any], root: Path, text: str = "") -> Config:
    """Validate parsed TOML against the schema; raise every problem at once."""
    problems: list[KitError] = []
    checker = _Checker(root / CONFIG_NAME, text, problems)
    values = checker.table(Config, data, (), skip={"root"})
    if isinstance(values.get("project"), ProjectSection):
        _check_locales(values, checker)
    if problems:
        raise problems[0] if len(problems) == 1 else MultipleErrors(problems)
    return Config(root=root, **values)


def _check_locales(values: dict[str, Any], checker: _Checker) -> None:
    project: ProjectSection = values.get("project", ProjectSection())
    for key, codes in (("source_locale", (project.source_locale,)), ("locales", project.locales)):
        for code in codes:
            try:
                parse_locale(code)
            except KitError as exc:
                checker.fail(("project", key), exc.message, exc.hint)
    for code in getattr(values.get("language_help"), "languages", ()):
        try:
            parse_locale(code)
        except KitError as exc:
            checker.fail(("language_help", "languages"), exc.message, exc.hint)
    for code, over in values.get("locale", {}).items():
        for key, message in _number_marks(over):
            checker.fail(("locale", code, key), message, _MARKS_HINT)
        if code not in project.locales:
            checker.fail(
                ("locale", code),
                f"locale {code!r} is not in project.locales",
                "add it to project.locales or remove the section",
            )


_DECIMAL_MARKS = (".", ",", "\u066b")  # ٫ ARABIC DECIMAL SEPARATOR
_GROUP_MARKS = (".", ",", "'", " ", "\u00a0", "\u202f", "\u066c")
_MARKS_HINT = 'write decimal_mark as "." or ","; group_mark as ",", ".", "\'" or " "'


def _number_marks(over: LocaleOverrides) -> list[tuple[str, str]]:
    """(key, message) for every declared decimal or group mark that cannot be right."""
    problems = []
    if over.decimal_mark is not None and over.decimal_mark not in _DECIMAL_MARKS:
        problems.append(("decimal_mark", f"{over.decimal_mark!r} is not a decimal mark"))
    if over.group_mark is not None and over.group_mark not in _GROUP_MARKS:
        problems.append(("group_mark", f"{over.group_mark!r} is not a thousands-group mark"))
    if over.decimal_mark is not None and over.decimal_mark == over.group_mark:
        problems.append(("group_mark", "the decimal and group marks must differ"))
    return problems


@dataclass
class _Checker:
    path: Path
    text: str
    problems: list[KitError]

    def fail(self, key: tuple[str, ...], message: str, hint: str | None) -> None:
        dotted = ".".join(key)
        self.problems.append(
            ConfigError(f"{dotted}: {message}", path=self.path, line=self._line(key), hint=hint)
        )

    def _line(self, key: tuple[str, ...]) -> int | None:
        """Best-effort line of a key: the table header, then the key inside it."""
        lines = self.text.splitlines()
        start = 0
        if len(key) > 1:
            header = "[" + ".".join(key[:-1]) + "]"
            start = next((i for i, ln in enumerate(lines) if ln.strip() == header), 0)
        for i in range(start, len(lines)):
            stripped = lines[i].strip()
            if (
                stripped.split("=")[0].strip().strip('"') == key[-1]
                or stripped == f"[{'.'.join(key)}]"
            ):
                return i + 1
        return start + 1 if start else None

    def table(
        self,
        cls: type,
        data: Any,
        key: tuple[str, ...],
        skip: frozenset[str] | set[str] = frozenset(),
    ) -> dict[str, Any]:
        if not isinstance(data, dict):
            self.fail(key, "must be a table", f"write it as a [{'.'.join(key)}] section")
            return {}
        hints = typing.get_type_hints(cls)
        known = [f.name for f in fields(cls) if f.name not in skip]
        for name in data:
            if name not in known:
                self.fail((*key, name), "unknown key", f"known keys: {', '.join(sorted(known))}")
        return {
            name: self.value(hints[name], data[name], (*key, name))
            for name in known
            if name in data
        }

    def value(self, tp: Any, raw: Any, key: tuple[str, ...]) -> Any:
        origin = typing.get_origin(tp)
        args = typing.get_args(tp)
        if is_dataclass(tp) and isinstance(tp, type):
            return tp(**self.table(tp, raw, key))
        if origin in (types.UnionType, typing.Union):
            inner = next(a for a in args if a is not type(None))
            return self.value(inner, raw, key)
        if origin is Literal:
            if raw not in args:
                choices = ", ".join(map(repr, args))
                self.fail(key, f"must be one of {choices}, not {raw!r}", f"use one of {choices}")
            return raw
        if origin is tuple:
            if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
                self.fail(key, "must be a list of strings", 'write it like ["es", "ar"]')
                return ()
            if args and typing.get_origin(args[0]) is Literal:
                return tuple(self.value(args[0], item, key) for item in raw)
            return tuple(raw)
        if origin is dict:
            if not isinstance(raw, dict):
                self.fail(key, "must be a table", f"write it as a [{'.'.join(key)}] section")
                return {}
            return {k: self.value(args[1], v, (*key, k)) for k, v in raw.items()}
        return self._scalar(tp, raw, key)

    def _scalar(self, tp: Any, raw: Any, key: tuple[str, ...]) -> Any:
        ok = isinstance(raw, tp) and not (tp is int and isinstance(raw, bool))
        if tp is float and isinstance(raw, int) and not isinstance(raw, bool):
            return float(raw)
        if not ok:
            examples = {"str": '"text"', "int": "90", "float": "8.0", "bool": "true"}
            example = examples.get(tp.__name__, tp.__name__)
            self.fail(
                key,
                f"must be {tp.__name__}, not {type(raw).__name__}",
                f"write it like {key[-1]} = {example}",
            )
            return MISSING
        return raw
