"""What a build must redo, decided from bytes before anything is parsed or rendered.

- ``plan``: fingerprints, the build cache (``dist/.kit-cache.json``) and ``--shard K/N``.
- ``inputs``: the inputs of each output (document, images, catalog, review record,
  templates, ``kit.toml``, kit's version) hashed once per build.

Orchestration (reading the cache, rendering in worker processes, writing ``dist/``) is in
``kit.commands.build``; the renderers are ``kit.html`` and ``kit.pdf``.
"""
