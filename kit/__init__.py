"""kit: accessible multilingual patient-education content from Markdown and gettext catalogs."""

__version__ = "0.1.0"
