"""Rendering helpers shared by the HTML pages and the PDF handouts (see kit.html.body)."""
