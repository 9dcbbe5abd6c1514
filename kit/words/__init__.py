"""kit's own words: the banner, notices, labels and "Page X of Y" around the content.

They are gettext messages, written the Python way: ``messages`` names the words kit's code
uses (marked with ``N_``), the templates mark theirs with Jinja2's i18n extension, and
``scripts/extract-kit-words.py`` extracts both with Babel into ``locales/kit.pot``, which ships
with kit along with draft catalogs ``locales/<ll>/LC_MESSAGES/kit.po``. ``lookup`` is the one
lookup and fallback rule (the project's kit.po, then kit's, locale then language, then English
marked ``lang="en"``), as safe HTML or plain text; CLDR dates and language names through Babel.
``numerals`` is the locale's numbering system (CLDR's, or kit.toml's ``digits``) for a
handout's page numbers and dates and for ordered lists on pages and handouts.
"""
