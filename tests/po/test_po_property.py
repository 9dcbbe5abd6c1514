"""Property tests: random catalogs (Latin, CJK, Arabic, emoji, URLs, quotes, backslashes,
newlines, plurals, obsolete entries, comments, flags) are written exactly as msgcat
writes them, and read back unchanged."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kit.po import PoEntry, PoFile, format_po, parse_po
from kit.po.flags import canonical_flags
from tests.po.support import msgcat, without_lines

LATIN = (
    "the baby should take each dose after a feed with water call your care team "
    "if a fever appears leukemia chemotherapy médula ósea niño Übelkeit"
).split()
CJK = "白血病是一种血液癌症患者应该在饭后服用药物如果发烧请立即联系医生，。、「」（）ーカタ"
ARABIC = "يجب على الطفل تناول الدواء بعد الرضاعة اتصلوا بفريق الرعاية إذا ظهرت حمى".split()
EMOJI = ["💊", "🩸", "👶🏽", "🇪🇸", "👨\u200d⚕️", "❤️"]
PUNCT = [*".,;:!?()[]{}<>-/%$#&*+=_|~'\"\\\t…«»“”¿¡°", "\a", "\u00a0", "\u200b", "\u00ad"]
FLAG_WORDS = ["fuzzy", "c-format", "python-format", "python-brace-format", "no-wrap", "range: 1..5"]
SEPARATORS = [" ", " ", " ", "", "  ", "\n", " \n"]

url = st.lists(st.sampled_from([*LATIN, "a-b", "x.html", "?q=1&r=2", "2024"]), min_size=1).map(
    lambda parts: "https://www.example.org/" + "/".join(parts)
)
token = st.one_of(
    st.sampled_from(LATIN),
    st.text(alphabet=CJK, min_size=1, max_size=50),
    st.sampled_from(ARABIC),
    st.sampled_from(EMOJI),
    url,
    st.sampled_from(PUNCT),
    st.integers(min_value=40, max_value=120).map(lambda n: "x" * n),
    st.sampled_from(["%s", "% d", "%(patient name)s", "{dose.unit}", "%.*s", "%%"]),
)
text = st.lists(st.tuples(token, st.sampled_from(SEPARATORS)), max_size=25).map(
    lambda pairs: "".join(a + b for a, b in pairs)
)
comment = text.map(lambda s: s.replace("\n", " ").replace("\r", " ").rstrip("\\"))
reference = st.one_of(
    st.integers(1, 99999).map(lambda n: f"source/infant-all.md:{n}"),
    st.integers(1, 90).map(lambda n: f"source/{'d' * n}.md:{n}"),
    st.just("glossary.md"),
)


@st.composite
def previous(draw: st.DrawFn, plural: bool) -> tuple[str | None, str | None, str | None]:
    """``#|`` msgctxt, msgid, msgid_plural: GNU only accepts them with a previous msgid."""
    if not draw(st.booleans()):
        return None, None, None
    msgid_plural = draw(text) if plural and draw(st.booleans()) else None
    return draw(st.none() | text), draw(text), msgid_plural


@st.composite
def entries(draw: st.DrawFn, index: int, obsolete: bool) -> PoEntry:
    plural = draw(st.booleans()) and draw(st.booleans())
    msgid = f"{index} " + draw(text)
    msgstr = draw(text.filter(bool) if obsolete else text)
    forms = (msgstr, draw(text)) if plural else ()
    flags = draw(st.lists(st.sampled_from(FLAG_WORDS), unique=True, max_size=3))
    previous_msgctxt, previous_msgid, previous_msgid_plural = draw(previous(plural))
    return PoEntry(
        msgid=msgid,
        msgstr="" if plural else msgstr,
        msgctxt=draw(st.none() | text),
        msgid_plural=draw(text) if plural else None,
        msgstr_plural=forms,
        flags=canonical_flags(flags, translated=bool(msgstr), obsolete=obsolete),
        translator_comments=tuple(draw(st.lists(comment, max_size=2))),
        extracted_comments=tuple(draw(st.lists(comment, max_size=2))),
        references=() if obsolete else tuple(draw(st.lists(reference, unique=True, max_size=8))),
        previous_msgctxt=previous_msgctxt,
        previous_msgid=previous_msgid,
        previous_msgid_plural=previous_msgid_plural,
        obsolete=obsolete,
    )


@st.composite
def catalogs(draw: st.DrawFn) -> PoFile:
    active = draw(st.integers(0, 5))
    obsolete = draw(st.integers(0, 2))
    items = [draw(entries(i, False)) for i in range(active)]
    items += [draw(entries(active + i, True)) for i in range(obsolete)]
    header = PoEntry(
        msgid="",
        msgstr="Project-Id-Version: kit\nContent-Type: text/plain; charset=UTF-8\n"
        "Plural-Forms: nplurals=2; plural=(n != 1);\n",
        translator_comments=tuple(draw(st.lists(comment, max_size=2))),
        flags=draw(st.sampled_from([(), ("fuzzy",)])),
    )
    return PoFile(header=header, entries=tuple(items))


PROPERTY = settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@PROPERTY
@given(catalogs())
def test_random_catalogs_are_written_like_msgcat(po: PoFile) -> None:
    data = format_po(po).encode("utf-8")
    # --force-po: without it msgcat writes nothing at all for a header-only catalog
    assert msgcat(data, "--force-po").decode("utf-8") == data.decode("utf-8")


@PROPERTY
@given(catalogs())
def test_write_read_write_is_stable(po: PoFile) -> None:
    text = format_po(po)
    again = parse_po(text, "random.po")
    assert without_lines(again) == po
    assert format_po(again) == text
