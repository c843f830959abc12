"""What readers produce: a raw record (text plus metadata) or a reject (why an input was refused)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any, TextIO

from eventwire.document import content_hash
from eventwire.errors import ErrorCode, EventwireError


@dataclass
class RawRecord:
    """One article as read, before cleaning. ``notes`` records what the reader did (e.g. re-decoding)."""

    text: str
    id: str | None = None
    title: str | None = None
    published: str | None = None
    url: str | None = None
    outlet: str | None = None
    source: str | None = None
    notes: list[str] = field(default_factory=list)

    def content_hash(self) -> str:
        """A stable hash of what makes the article itself (``document.content_hash``); ingest is idempotent on it."""
        return content_hash(self.title, self.text)

    def doc_id(self) -> str:
        return self.id or self.content_hash()[:16]


@dataclass
class Reject:
    """An article or input that could not be processed; it goes to the rejects file, the batch goes on."""

    id: str | None
    source: str | None
    stage: str
    code: str
    reason: str

    @classmethod
    def from_error(cls, error: EventwireError, stage: str, id: str | None, source: str | None) -> Reject:
        return cls(id=id, source=source, stage=stage, code=error.code.value, reason=str(error))

    @classmethod
    def make(cls, code: ErrorCode, detail: str, stage: str, id: str | None, source: str | None) -> Reject:
        return cls.from_error(EventwireError(code, detail), stage, id, source)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def write(self, fh: TextIO) -> None:
        fh.write(json.dumps(self.to_dict(), ensure_ascii=False) + "\n")
