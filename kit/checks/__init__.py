"""``kit check``: checks translators and coordinators can trust.

One module per family, each a set of pure functions from frozen inputs
(``kit.checks.inputs``) to ``Finding`` values (``kit.checks.finding``):

- ``translations``: coverage against the publish threshold, fuzzy and must-retranslate
  entries, and the Markdown structure, numbers and contacts of each translation;
- ``glossary``: approved terms per locale (``locales/<ll>/glossary.csv``);
- ``alt_text``: rules A1-A13 for image descriptions, in the source and in every locale;
- ``reading_level``: reading level per document and locale (``kit.readability``);
- ``freshness``: clinical review dates and translation review sign-offs;
- ``suppressions``: ``kit: ignore CHECK -- reason`` next to the unit, never without a reason.

``registry.CHECKS`` lists every check id with its severity; ``formats`` renders a
``CheckReport`` as text, JSON, SARIF 2.1.0, JUnit XML or GitHub annotations. The IO
(reading files) is in ``kit.commands.check``.
"""
