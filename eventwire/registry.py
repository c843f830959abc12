"""Registries in one place: stages, readers, writers and evaluators are looked up by name here.

A plugin or a user registers with the decorator, e.g. ``@registry.stages.register("mystage")``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from eventwire.errors import ErrorCode, EventwireError

T = TypeVar("T")


class Registry(Generic[T]):
    """A name -> object table; registrations happen at import time of the defining module."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._items: dict[str, T] = {}

    def register(self, name: str) -> Callable[[T], T]:
        def deco(obj: T) -> T:
            self._items[name] = obj
            return obj

        return deco

    def get(self, name: str) -> T:
        if name not in self._items:
            raise EventwireError(
                ErrorCode.UNKNOWN_STAGE, f"no {self.kind} named {name!r}; known: {', '.join(sorted(self._items))}"
            )
        return self._items[name]

    def names(self) -> list[str]:
        return sorted(self._items)

    def __contains__(self, name: object) -> bool:
        return name in self._items


stages: Registry[type] = Registry("stage")
readers: Registry[Callable[..., object]] = Registry("reader")
writers: Registry[Callable[..., object]] = Registry("writer")
evaluators: Registry[Callable[..., dict[str, Any]]] = Registry("evaluator")
