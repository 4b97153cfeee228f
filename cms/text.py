"""Text helpers shared by the glossary, search and sorting. Pure functions."""

import unicodedata

TYPOGRAPHIC = {"’": "'", "‘": "'", " ": " ", " ": " ", "‑": "-"}


def fold_char(char):
    """One character without its accent, lower-cased; always one character long (keeps offsets aligned)."""
    if char in TYPOGRAPHIC:
        return TYPOGRAPHIC[char]
    base = unicodedata.normalize("NFD", char)[0]
    lowered = base.lower()
    return lowered if len(lowered) == 1 else base


def fold(text):
    """Lower-case, accent-free copy of `text`, of the same length: « Égalité » → « egalite »."""
    return "".join(fold_char(char) for char in text)
