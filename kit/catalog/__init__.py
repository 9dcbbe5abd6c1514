"""What a catalog means: from a document to its template, and from a catalog to a page.

- ``extract``: ``Document`` → template (POT) with guidance for translators.
- ``babel_extractor``: the same extraction as a Babel extractor (``pybabel extract``).
- ``new``: a new locale's catalog, every message untranslated (``kit init``).
- ``merge``: template × catalog → catalog (``kit update``); never loses a translation.
- ``meaning``: which source edits change meaning (numbers, negation, contacts, terms).
- ``states``: each entry's state: translated, fuzzy, must-retranslate, untranslated.
- ``counts``: strings and words per state (``kit status``, ``msgfmt --statistics``).
- ``review``: hash-keyed review sign-offs kept beside each catalog.
- ``localize``: ``Document`` × catalog → ``LocalizedDocument`` and its publish decision.

All of it is pure: the files are read and written by ``kit.po`` and ``kit.commands``.
"""
