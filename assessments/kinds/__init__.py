"""The registry of question kinds: one class per kind, in one module of this package, registered once.

A kind module defines a subclass of QuestionKind (see assessments.kinds.base) and decorates it with `register`.
The modules of this package are imported the first time the registry is read, so adding a kind is adding a module
here, with its tests: the blocks, the scoring, the form, the results and GIFT all loop over the registry.

    get(name) -> the kind          raises UnknownKind
    find(name) -> the kind or None
    all() -> the kinds, in the order of the editor's block picker (QuestionKind.position)
"""

import importlib
import pkgutil

from assessments.kinds.base import QuestionKind, UnknownKind

__all__ = ["QuestionKind", "UnknownKind", "all", "find", "get", "register", "unregister"]

GIFT_METHODS = ("gift_read", "gift_answers")  # what a kind GIFT can express must define (kinds.base)
_KINDS: dict[str, QuestionKind] = {}
_discovery = ""  # "running" while the kind modules are imported, then "done"


def register(kind_class):
    """Class decorator: one instance of `kind_class` serves every question of its kind."""
    name = kind_class.name
    if not name:
        raise ValueError(f"{kind_class.__name__} has no name.")
    if name in _KINDS:
        raise ValueError(f"The question kind {name!r} is already registered.")
    if kind_class.gift_order is not None:
        missing = [method for method in GIFT_METHODS if not callable(getattr(kind_class, method, None))]
        if missing:
            raise TypeError(f"{kind_class.__name__} has a gift_order but no {', '.join(missing)}.")
    _KINDS[name] = kind_class()  # TypeError when an abstract method of QuestionKind is left out
    return kind_class


def unregister(name: str) -> None:
    """Forget a kind (for tests that register a kind of their own)."""
    del _KINDS[name]


def _discover() -> None:
    global _discovery
    if _discovery == "done":
        return
    if _discovery == "running":
        # A kind module imported something that reads the registry while it is being filled (assessments.blocks
        # builds its StreamBlock from it): kind modules import only what sits below the registry.
        raise RuntimeError("The question kinds are read while their modules are being imported.")
    _discovery = "running"
    try:
        for module in pkgutil.iter_modules(__path__):
            importlib.import_module(f"{__name__}.{module.name}")
    except BaseException:
        _discovery = ""
        raise
    _discovery = "done"


def all() -> list[QuestionKind]:
    _discover()
    return sorted(_KINDS.values(), key=lambda kind: (kind.position, kind.name))


def find(name) -> QuestionKind | None:
    _discover()
    return _KINDS.get(name) if isinstance(name, str) else None


def get(name) -> QuestionKind:
    kind = find(name)
    if kind is None:
        raise UnknownKind(name)
    return kind
