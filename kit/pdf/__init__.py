"""PDF handouts: ``LocalizedDocument`` → printable, tagged PDF (WeasyPrint, PDF/UA-1).

- ``render``: the entry point (``render_handouts``, ``render_handout``, ``handout_html``).
- ``fonts``: an explicit Noto font stack per script, checked with fontconfig before rendering.
- ``fetcher``: the only way WeasyPrint may read a file: templates, source assets, ``data:``.
- ``glyphs``: WeasyPrint's log lines (missing glyph, alt, lang, failed resource) → problems.
- ``layout``: checks on the laid-out pages (text off the page, text too small, attachments).
- ``limits``: the time limit per render (``SIGALRM``).
- ``engine``: HTML → PDF bytes with every guard on; the one module that calls WeasyPrint.
- ``profiles``: standard, large-print and bilingual print profiles; Letter or A4.
- ``css``: the generated stylesheet (font stacks, sizes, page footer) after the template's.
- ``bidi``: Unicode isolates, because WeasyPrint ignores ``<bdi>`` and inline ``dir``.
- ``view``: ``LocalizedDocument`` → the values the handout template shows.
"""
