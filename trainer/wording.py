"""Counting and naming things in words. A module of its own, so the app's first screen can say
"3 statements" without loading the text machinery of the scorer."""

from __future__ import annotations


def plural(count: int, word: str, words: str | None = None) -> str:
    """'1 file', '3 files'."""
    return f"{count} {word if count == 1 else (words or word + 's')}"


def statement_name(number: int, deeper: bool = False) -> str:
    """'statement 3', or 'statement 3 (deeper)' for the deeper statement it can lead to."""
    return f"statement {number}{' (deeper)' if deeper else ''}"
