"""HTML pages: ``LocalizedDocument`` → an accessible page, its assets, and the site index.

- ``render``: the entry point (``render_page``, ``page_assets``, ``render_index``).
- ``page``: the frozen views the page and index templates see.
- ``body``: the document's blocks as HTML, with fallback text marked (the PDF uses it too).
- ``inline``: safe inline Markdown (links, emphasis, images) with bidi isolation.
- ``colors``: branding colours as CSS custom properties, checked for contrast.
- ``templates``: the Jinja2 environment of each output kind and template errors with lines.

kit's own words come from ``kit.words``; output names and branding from ``kit.site``.
"""
