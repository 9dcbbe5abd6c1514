"""Pieces of the PDF handout renderer (``kit.render_pdf`` is the public entry point).

- ``fonts``: an explicit Noto font stack per script, checked with fontconfig before rendering.
- ``fetcher``: the only way WeasyPrint may read a file: templates, source assets, ``data:``.
- ``glyphs``: turns WeasyPrint's log lines (missing glyph, missing alt, missing lang, failed
  resource) into per-handout problems.
- ``profiles``: standard, large-print and bilingual print profiles; Letter or A4.
- ``numerals``: the locale's own digits for page numbers and dates.
- ``strings``: the handout's fixed wording in each locale.
- ``css``: the generated stylesheet (font stacks, sizes, page footer) added after the template's.
- ``view``: ``LocalizedDocument`` → the values the handout template shows.
- ``engine``: HTML → PDF bytes with every guard on (fetcher, log, time limit, overflow).
"""
