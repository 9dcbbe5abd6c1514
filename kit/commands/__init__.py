"""Orchestration of each CLI command: reads inputs, calls the pure stages, writes outputs.

Each module returns a report dataclass; ``kit.cli`` prints it. One failing document or
catalog never stops the others: its error is collected in the report (``outcome``).
What several commands load the same way (documents, catalogs, review records, glossaries, a
localized document) is in ``loaders``; ``pool`` runs work in processes; ``progress`` and
``status_table`` are what the CLI prints.
"""
