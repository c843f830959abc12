"""The Stage contract: what a stage needs, what it assigns, and how the pipeline calls it.

Attribute names used in ``requires``/``assigns``: "raw" (the reader's text), "article" (cleaned text and
metadata), "spacy" (the parsed spaCy Doc), "actors", "times", "places", "quotes", "events".
The pipeline checks at build time that every requirement is assigned by an earlier stage.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, TypeVar

from eventwire.config import Config
from eventwire.document import Document
from eventwire.errors import ErrorCode, EventwireError

R = TypeVar("R")


@dataclass(frozen=True, eq=False)
class Resource(Generic[R]):
    """A named heavy object and how to build it from the pipeline's resources (and so its config).

    Defined once, beside the capability it belongs to (``ACTOR_KB = Resource("actors.kb", build)``), and
    asked for as ``resources.get(ACTOR_KB)``: a misspelt name is then an import error, not a second copy.
    ``build`` receives the ``Resources`` so it can read ``resources.config`` and ask for other resources.
    """

    name: str
    build: Callable[[Resources], R]

    def __repr__(self) -> str:
        return f"Resource({self.name!r})"


class Resources:
    """Heavy shared objects (spaCy model, knowledge base, gazetteer), built lazily once per pipeline.

    Two stages that ask for the same ``Resource`` share one copy, and nothing is loaded that no stage uses.
    """

    def __init__(self, config: Config) -> None:
        self.config = config
        self._cache: dict[str, Any] = {}
        self._owners: dict[str, Resource[Any]] = {}

    def _own(self, resource: Resource[Any]) -> None:
        owner = self._owners.setdefault(resource.name, resource)
        if owner is not resource:
            raise EventwireError(
                ErrorCode.PIPELINE_INVALID,
                f"two different resources are named {resource.name!r}: {owner.build}, {resource.build}",
            )

    def get(self, resource: Resource[R]) -> R:
        """The resource, built on first use."""
        self._own(resource)
        if resource.name not in self._cache:
            self._cache[resource.name] = resource.build(self)
        return self._cache[resource.name]  # type: ignore[no-any-return]

    def provide(self, resource: Resource[R], value: R) -> None:
        """Use an object already built (e.g. a test session's spaCy model) instead of building it again."""
        self._own(resource)
        self._cache[resource.name] = value

    def __contains__(self, resource: Resource[Any]) -> bool:
        """Whether the resource is already loaded (a stage may use it only if another stage needed it)."""
        return resource.name in self._cache

    def loaded(self) -> list[str]:
        """Names of the resources built so far (for benchmarks and diagnostics)."""
        return sorted(self._cache)


class Stage:
    """Base class: subclasses set ``name``, ``requires``, ``assigns`` and implement ``__call__``."""

    name: ClassVar[str] = "stage"
    requires: ClassVar[tuple[str, ...]] = ()
    assigns: ClassVar[tuple[str, ...]] = ()

    def __init__(self, config: Config, resources: Resources) -> None:
        self.config = config
        self.resources = resources

    def __call__(self, doc: Document) -> None:
        """Enrich ``doc`` in place. Raise ``EventwireError`` for a clear, coded failure."""
        raise NotImplementedError

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        """Process a batch; stages with a faster batched path (the nlp stage) override this."""
        for doc in docs:
            self(doc)
            yield doc
