"""kit's own words: the banner, notices, labels and "Page X of Y" around the content.

- ``table``: the strings, one dict per locale, for pages and handouts alike.
- ``lookup``: the one lookup and fallback rule (locale, then language, then English marked
  ``lang="en"``), as safe HTML or plain text; CLDR dates and language names through Babel.
"""
