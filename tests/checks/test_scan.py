"""What the source scan sees: images with their surroundings, raw HTML, directives."""

from __future__ import annotations

from kit.checks.translations import check_source

from ._helpers import source


def test_images_know_their_caption_link_and_neighbours() -> None:
    body = (
        "Before the figure.\n\n"
        '![A nurse.](img/n.png "Caption.")\n\n'
        "- After, as a list.\n\n"
        "Inline ![an icon.](img/i.png) in text and [![Home.](img/h.png)](index.html).\n"
    )
    figure, icon, linked = source(body).images
    assert (figure.alone, figure.title, figure.before, figure.after_kind) == (
        True,
        "Caption.",
        "Before the figure.",
        "list",
    )
    assert (icon.alone, icon.in_link) == (False, False)
    assert "in text and" in icon.text_around
    assert (linked.in_link, linked.alt) == (True, "Home.")


def test_image_marks_apply_to_the_next_image_only() -> None:
    body = "<!-- kit-image: decorative -->\n![](img/a.png)\n\n![](img/b.png)\n"
    first, second = source(body).images
    assert (first.decorative, second.decorative) == (True, False)


def test_raw_html_is_reported_but_comments_are_not() -> None:
    unit = source("<!-- kit-note: a note -->\nText.\n\n<div>boxed</div>\n\nA <b>bold</b> word.\n")
    findings = list(check_source(unit, "en"))
    assert [(f.check, f.line) for f in findings] == [
        ("source.raw-html", 11),
        ("source.inline-html", 13),  # <b>
        ("source.inline-html", 13),  # </b>
    ]


def test_a_tag_between_two_comments_is_raw_html() -> None:
    """A comment ends at its first ``-->``: the block is a comment, a tag and a comment (found
    by the property test in ``tests/unit/test_reference_links_property.py``)."""
    unit = source("Text.\n<!-- one --><b><!-- two -->\n\n<!-- a -->  <!-- b -->\n")
    findings = list(check_source(unit, "en"))
    assert [(f.check, f.line) for f in findings] == [("source.raw-html", 9)]


def test_inline_html_is_an_error_at_its_own_line_comments_are_not() -> None:
    body = "Text with <!-- a note --> a\ncomment, then\n<span\nclass=x>two</span> lines.\n"
    findings = list(check_source(source(body), "en"))
    assert [(f.check, f.severity.value, f.line, f.message) for f in findings] == [
        ("source.inline-html", "error", 10, "raw HTML inside text: '<span class=x>'"),
        ("source.inline-html", "error", 11, "raw HTML inside text: '</span>'"),
    ]


def test_suppression_inside_a_list_covers_the_next_item() -> None:
    body = "- First.\n\n  <!-- kit-ignore: alt.caption -- icon list -->\n  ![Icon.](img/i.png)\n- Third.\n"
    [sup] = source(body).suppressions
    assert sup.check == "alt.caption" and sup.first_line == 11 and sup.reason == "icon list"
