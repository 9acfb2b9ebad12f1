"""artclean: clean scraped article text.

    >>> from artclean import clean
    >>> result = clean("A paragraph of the article.\\nThis article originally appeared in X.\\n")
    >>> result.text
    'A paragraph of the article.\\n'
    >>> [(r.kind, r.rule) for r in result.removed]
    [('syndication', 'originally-appeared')]

The names below are imported on first use, so that `artclean --version` and the CLI start
without loading rapidfuzz.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.11.2"
__all__ = ["Kept", "Options", "Removal", "Result", "Stats", "__version__", "clean", "clean_batch"]

if TYPE_CHECKING:
    from .columns import clean_batch
    from .options import Options
    from .pipeline import clean
    from .result import Kept, Removal, Result, Stats

_LAZY = {
    "clean": "pipeline",
    "clean_batch": "columns",
    "Options": "options",
    "Kept": "result",
    "Removal": "result",
    "Result": "result",
    "Stats": "result",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'artclean' has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f".{module}", __name__), name)
