"""Source documents: Markdown with YAML front matter → ``Document`` (``kit.model``).

- ``parse``: markdown-it-py tokens → blocks and segments, each with its kind, id and line.
- ``frontmatter``: the front matter block → ``Meta`` (title, slug, review dates, version).
"""
