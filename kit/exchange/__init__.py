"""Exchange with translation agencies and reviewers: catalogs to and from the files their
tools read (XLIFF 2.1 and 1.2 for CAT tools such as Trados, memoQ and Phrase; TMX memories; Word review packets for clinicians).

Pure conversion, no IO: functions take catalogs (``kit.po.model``) and bytes, and return
bytes, units and notices. ``kit.commands.exchange`` reads and writes the files and runs the
translation checks on what is imported.

- ``inline``: a message's Markdown (links, emphasis, code) as inline codes a CAT tool protects,
  and back, losslessly.
- ``units``: catalog entries as exchange units (stable ids, notes, states) and the state
  mapping both ways.
- ``xliff_write`` / ``xliff_read``: units to XLIFF 2.1 or 1.2 bytes, and XLIFF back to units
  with the line of each one.
- ``apply``: what an import may change in a catalog, and what it must refuse.
- ``tmx``: translation memories (TMX 1.4b) out, and an agency's memory in as suggestions.
- ``packet``, ``review_docx``, ``review_html``: review packets for clinicians (rows, Word and
  HTML), and the reviewer's decisions read back from Word.
"""
