"""Locale bundles: ``dist/<locale>/`` → ``dist/bundles/<locale>.zip`` with ``manifest.json``.

- ``model``: the frozen records a bundle is made of (files, documents, checks, the locale).
- ``gate``: does a locale pass its publish gate, and what ``[bundle] failing`` makes of it.
- ``contents``: which files of ``dist/<locale>/`` go in, and which outputs are missing.
- ``manifest``: a ``LocaleBundle`` → the documented, sorted ``manifest.json``.
- ``archive``: byte-reproducible zip written atomically (temp file + rename).
- ``revision``: the source revision from git, when the project is in a repository.
- ``checks``: the per-document check summary and reading level, from ``kit check``.
- ``dashboard``: the coordinators' dashboard (``dist/report.html``).

Orchestration (reading ``dist/``, writing the zips and ``dist/report.html``) is in
``kit.commands.bundle``.
"""
