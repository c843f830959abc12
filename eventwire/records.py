"""What readers produce: a raw record (text plus metadata) or a reject (why an input was refused)."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import asdict, dataclass, field
from typing import Any, TextIO

from eventwire.document import content_hash
from eventwire.errors import ErrorCode, EventwireError

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def normalise_date(value: str | None, what: str = "") -> str | None:
    """A real calendar date YYYY-MM-DD, from that or a longer ISO timestamp (cut to its date); else E112.

    Why one check: a date that only looks right ("2014-02-30") would leave every event undated without a
    word, so readers, the pipeline, the CLI and the API all refuse it the same way. ``what`` names the
    value in the message (e.g. "--published").
    """
    if value is None or value == "":
        return None
    text = str(value).strip()
    day = text[:10]
    if _DATE.match(day) and (len(text) == 10 or text[10] in "T "):
        try:
            dt.date.fromisoformat(day)
        except ValueError:
            pass
        else:
            return day
    raise EventwireError(ErrorCode.BAD_DATE, f"{what} {value!r}".strip())


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
