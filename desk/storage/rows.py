"""Building the frozen row records of hundreds of rows per list quickly.

A frozen dataclass's __init__ sets each field through object.__setattr__ (the frozen check
forbids plain assignment), which costs more than reading the row from the database. A builder
made here creates the record and fills its slots directly: the same immutable object (equal,
hashable, frozen afterwards), built in about half the time. Only for slotted dataclasses without
__post_init__ (checked when the builder is made)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")


def row_builder(cls: type[T]) -> Callable[[Sequence[Any]], T]:
    """A function making `cls` from its field values in declaration order (all of them)."""
    fields = [f.name for f in dataclasses.fields(cls)]
    if not hasattr(cls, "__slots__") or hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__}: row_builder needs a slotted dataclass without __post_init__")
    setters = [cls.__dict__[name].__set__ for name in fields]
    new = object.__new__

    def build(values: Sequence[Any]) -> T:
        row = new(cls)
        for setter, value in zip(setters, values, strict=True):
            setter(row, value)
        return row

    return build
