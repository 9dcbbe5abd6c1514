"""Command line interface (placeholder until commands land)."""

import click


@click.group()
def main() -> None:
    """kit: accessible multilingual patient-education content."""
