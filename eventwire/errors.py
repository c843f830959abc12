"""Error codes with clear messages, in one place.

Every reject carries one of these codes, so a user can grep the rejects file and look the code up in
docs/reliability.md. Stages raise ``EventwireError``; the pipeline turns it into a reject and goes on.
"""

from __future__ import annotations

from enum import Enum


class ErrorCode(str, Enum):  # noqa: UP042 - StrEnum would change str(code), which messages use
    """Codes grouped by where they arise: E1xx input, E2xx cleaning, E3xx stages, E4xx configuration and
    command-line arguments, E5xx store and API."""

    EMPTY_INPUT = "E101"
    BINARY_INPUT = "E102"
    DECODE_ERROR = "E103"
    TOO_LARGE = "E104"
    BAD_JSON = "E105"
    NO_TEXT = "E106"
    NOT_ENGLISH = "E107"
    BAD_HTML = "E108"
    BAD_WARC = "E109"
    BAD_FEED = "E110"
    UNREADABLE = "E111"
    BAD_DATE = "E112"
    NO_INPUT = "E113"
    EMPTY_AFTER_CLEANING = "E201"
    STAGE_FAILED = "E301"
    PIPELINE_INVALID = "E302"
    UNKNOWN_STAGE = "E303"
    MODEL_NOT_FOUND = "E304"
    CONFIG_INVALID = "E401"
    DICTIONARY_INVALID = "E402"
    ARGUMENT_INVALID = "E403"
    STORE_ERROR = "E501"
    REQUEST_INVALID = "E502"
    NOT_A_DATABASE = "E503"
    ADDRESS_IN_USE = "E504"
    SERVER_BUSY = "E505"
    TIMED_OUT = "E506"
    NOT_FOUND = "E507"
    HOST_REFUSED = "E508"
    UNAUTHORISED = "E509"
    INTERNAL = "E510"


MESSAGES: dict[ErrorCode, str] = {
    ErrorCode.EMPTY_INPUT: "the input is empty",
    ErrorCode.BINARY_INPUT: "the input looks binary, not text",
    ErrorCode.DECODE_ERROR: "the input could not be decoded as text",
    ErrorCode.TOO_LARGE: "the input exceeds the configured size limit (io.max_bytes)",
    ErrorCode.BAD_JSON: "a JSON Lines record is not valid JSON",
    ErrorCode.NO_TEXT: "the record has no text",
    ErrorCode.NOT_ENGLISH: "the text is not in a language with a configured model",
    ErrorCode.BAD_HTML: "the HTML could not be parsed or held no article body",
    ErrorCode.BAD_WARC: "the WARC record is truncated or invalid",
    ErrorCode.BAD_FEED: "the RSS/Atom feed could not be parsed",
    ErrorCode.UNREADABLE: "the file could not be read",
    ErrorCode.BAD_DATE: "the date is not a real calendar date in the form YYYY-MM-DD",
    ErrorCode.NO_INPUT: "there is nothing to read",
    ErrorCode.EMPTY_AFTER_CLEANING: "nothing was left after cleaning",
    ErrorCode.STAGE_FAILED: "a pipeline stage failed on this article",
    ErrorCode.PIPELINE_INVALID: "the pipeline's stages do not fit together",
    ErrorCode.UNKNOWN_STAGE: "no stage, reader, writer or suite of that name is registered",
    ErrorCode.MODEL_NOT_FOUND: "the spaCy model is not installed",
    ErrorCode.CONFIG_INVALID: "the configuration is invalid",
    ErrorCode.DICTIONARY_INVALID: "a dictionary file could not be parsed",
    ErrorCode.ARGUMENT_INVALID: "a command-line argument is invalid",
    ErrorCode.STORE_ERROR: "the database operation failed",
    ErrorCode.REQUEST_INVALID: "the request is invalid",
    ErrorCode.NOT_A_DATABASE: "the path is not an eventwire database",
    ErrorCode.ADDRESS_IN_USE: "the address is already in use",
    ErrorCode.SERVER_BUSY: "the server is busy; retry after the seconds in the Retry-After header",
    ErrorCode.TIMED_OUT: "the request took longer than the configured limit",
    ErrorCode.NOT_FOUND: "there is nothing at this address",
    ErrorCode.HOST_REFUSED: "the Host or Origin of the request is not on the server's allow-list (api.allowed_hosts)",
    ErrorCode.UNAUTHORISED: "a valid token is required in the Authorization header",
    ErrorCode.INTERNAL: "an unexpected error in the server",
}


class EventwireError(Exception):
    """An error with a code, a standard message and a specific detail."""

    def __init__(self, code: ErrorCode, detail: str = "") -> None:
        self.code = code
        self.detail = detail
        message = f"[{code.value}] {MESSAGES[code]}"
        super().__init__(f"{message}: {detail}" if detail else message)

    def __reduce__(self) -> tuple[type[EventwireError], tuple[ErrorCode, str]]:
        """Pickle by code and detail, so an error raised in a worker process arrives whole."""
        return (type(self), (self.code, self.detail))

    @property
    def reason(self) -> str:
        return str(self)


def detail_of(code: ErrorCode, reason: str) -> str:
    """The specific part of a reason an ``EventwireError`` made, without its "[Exxx] message: " head.

    Why: a reject keeps only the full reason; re-raising it as an error must not say the code twice.
    """
    head = f"[{code.value}] {MESSAGES[code]}"
    if reason.startswith(head):
        return reason[len(head):].removeprefix(": ")
    return reason
