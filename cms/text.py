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


# The largest count of digits that always fits a 64-bit integer (a database key): longer is refused, never raised on.
MAX_INT_DIGITS = 18


def parse_int(value):
    """The whole number written in plain digits 0-9 (« 12 »), else None: « ² », « ٣ », « -1 », « 1.5 », « 1 » with
    spaces, an empty or too long text, or anything not a text. `str.isdigit()` alone accepts « ² », which `int()`
    then refuses (a 500)."""
    if not isinstance(value, str) or not value or len(value) > MAX_INT_DIGITS:
        return None
    if not (value.isascii() and value.isdigit()):
        return None
    return int(value)
