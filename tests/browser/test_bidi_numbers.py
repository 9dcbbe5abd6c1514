"""Numbers in right-to-left pages show in the order a reader needs, in a real browser.

Next to Arabic letters (Arabic, Persian, Urdu) each group of digits is a number of its own
under the Unicode bidi algorithm, so an unisolated ``555-0142`` shows as ``0142-555``: a
reader would call the wrong number. ``kit.bidi`` isolates dashed runs of seven digits or
more (phone numbers, dates) and leaves short ranges (``10-20``), which a right-to-left
reader reads from the right, as the browser shows them. Debian's Chromium lays out what
``render_inline`` writes; the test compares where each group of digits lands on screen.
"""

from __future__ import annotations

import html
from typing import Any

import pytest

from kit.html.inline import InlineStyle, render_inline

pytestmark = [pytest.mark.browser, pytest.mark.slow]

RTL = InlineStyle(rtl=True, ltr_lang="en")

# Where the characters of the paragraph's text land, left to right: each one's left edge.
_LEFTS = """(p) => {
  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
  const lefts = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.length; i++) {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      lefts.push(range.getBoundingClientRect().left);
    }
  }
  return lefts;
}"""


def _shown_left_to_right(browser: Any, lang: str, text: str, first: str, second: str) -> bool:
    """Whether ``first`` shows to the left of ``second`` in ``text`` rendered in ``lang``."""
    body = render_inline(text, RTL)
    page = browser.new_page()
    try:
        page.set_content(
            f'<!doctype html><html lang="{lang}" dir="rtl"><meta charset="utf-8">'
            f'<body style="font: 24px sans-serif"><p id="p">{body}</p></body></html>'
        )
        paragraph = page.query_selector("#p")
        assert paragraph is not None
        shown = html.unescape(paragraph.text_content() or "")
        lefts = page.evaluate(_LEFTS, paragraph)
    finally:
        page.close()
    return bool(lefts[shown.index(first)] < lefts[shown.index(second)])


@pytest.mark.parametrize(
    ("lang", "text", "first", "second"),
    [
        ("fa", "با شماره 555-0142 تماس بگیرید.", "555", "0142"),
        ("ar", "اتصل على 555-0142 الآن.", "555", "0142"),
        ("fa", "با شماره ۵۵۵-۰۱۴۲ تماس بگیرید.", "۵۵۵", "۰۱۴۲"),
        ("ar", "اتصل على ٥٥٥-٠١٤٢ الآن.", "٥٥٥", "٠١٤٢"),
        ("fa", "در تاریخ 2018-12-01 بازبینی شد.", "2018", "12-01"),
        ("he", "התקשרו 555-0142 עכשיו.", "555", "0142"),
        ("fa", "با شماره +1 555 0142 تماس بگیرید.", "555", "0142"),
    ],
)
def test_a_phone_number_or_a_date_shows_as_written(
    browser: Any, lang: str, text: str, first: str, second: str
) -> None:
    assert _shown_left_to_right(browser, lang, text, first, second), text


def test_a_short_range_is_read_from_the_right(browser: Any) -> None:
    """``10-20`` is not isolated: it starts on the right, where a Persian reader starts."""
    text = "برای 10-20 روز."
    assert "<bdi" not in render_inline(text, RTL)
    assert not _shown_left_to_right(browser, "fa", text, "10", "20")
