"""``kit serve``: the live preview's own parts, below ``kit.commands``.

- ``markers``: mark each segment's text before rendering and turn the marks into
  ``<span data-kit-seg>`` afterwards (preview only: ``kit build`` never sees a mark).
- ``overlay``: the preview's HTML around the real page (injected script, style and segment
  data; the locale overview; the error page). Pure functions over frozen values.
- ``server``: the loopback HTTP server, Server-Sent Events and request-path safety.
- ``watch``: the file watcher (watchfiles) and what a changed path means for the preview.

The orchestration (render through the build code, run the checks) is ``kit.commands.serve``.
"""
