"""Fast constructors for the frozen, slotted dataclasses the pipeline makes by the thousand.

A frozen dataclass's `__init__` sets each field with `object.__setattr__`, a generic lookup
that costs a fifth of a microsecond a field: a page of 200 paragraphs makes 200 `Paragraph`s,
as many `Finding`s and `Removal`s, and their constructors took a tenth of the cleaning time.
`maker(cls)` returns a function of all the fields, in order, that makes the same object by
setting its slots directly. The class is unchanged (frozen, hashable, compared, printed as
before); only the pipeline's hot loops use the maker, and only for classes whose `__init__`
does nothing but set the fields.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


def maker(cls: type[T]) -> Callable[..., T]:
    """A function of cls's fields (all of them, positionally, in order) returning a cls."""
    if not dataclasses.is_dataclass(cls) or "__slots__" not in cls.__dict__:
        raise TypeError(f"{cls.__name__} is not a slotted dataclass")
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__}.__init__ does more than set its fields")
    names = [field.name for field in dataclasses.fields(cls)]
    if any(not field.init for field in dataclasses.fields(cls)):
        raise TypeError(f"{cls.__name__} has fields its __init__ does not set")
    # Each slot's member descriptor sets it on the instance, as the class's own __setattr__
    # would if it were not frozen. (This is how dataclasses writes __init__ too: as source.)
    scope: dict[str, Any] = {"new": object.__new__, "cls": cls}
    scope.update({f"set_{name}": cls.__dict__[name].__set__ for name in names})
    lines = [f"def make({', '.join(names)}):", "    made = new(cls)"]
    lines += [f"    set_{name}(made, {name})" for name in names]
    lines.append("    return made")
    exec("\n".join(lines), scope)
    made: Callable[..., T] = scope["make"]
    made.__qualname__ = made.__name__ = f"make_{cls.__name__}"
    return made
