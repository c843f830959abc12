"""Plain-text reader: bytes -> text with encoding detection; refuses empty, binary and oversized input.

Why so careful: a batch of scraped or exported files always holds a few that are empty, binary (a PDF or
image saved as .txt), in a legacy encoding (Latin-1, Windows-1252) or absurdly large. Each of those becomes
a ``Reject`` with a code, or a record whose ``notes`` say what was done to read it (e.g. "decoded as
cp1252"), so nothing is lost silently and nothing stops the batch. Reads are bounded by ``io.max_bytes``.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from eventwire.errors import ErrorCode, EventwireError
from eventwire.readers.stream import max_bytes, read_limited
from eventwire.records import RawRecord, Reject
from eventwire.registry import readers

_SNIFF = 8192
# File signatures of common binary formats that end up in text folders.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"),
    (b"\x89PNG", "PNG image"),
    (b"GIF8", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"PK\x03\x04", "ZIP archive (or .docx/.xlsx)"),
    (b"\x1f\x8b", "gzip data"),
    (b"\xd0\xcf\x11\xe0", "MS Office document"),
    (b"\x7fELF", "executable"),
    (b"MZ", "executable"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ", "xz data"),
    (b"7z\xbc\xaf", "7z archive"),
    (b"RIFF", "RIFF media"),
    (b"ID3", "MP3 audio"),
    (b"SQLite format 3", "SQLite database"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
# Western single-byte encodings: when charset-normalizer ties between them, Windows-1252 is what English
# news text in a legacy encoding almost always is.
_PREFERRED = "cp1252"
_TIE = 0.02
_LATIN = frozenset(
    "cp1250 cp1252 cp1254 cp1257 cp1258 latin_1 iso8859_1 iso8859_2 iso8859_3 iso8859_4 iso8859_9 iso8859_10"
    " iso8859_13 iso8859_14 iso8859_15 iso8859_16 mac_roman mac_latin2 mac_iceland mac_turkish cp437 cp850"
    " cp852 cp858 cp775 hp_roman8".split()
)
_MAX_CONTROL_SHARE = 0.05


def sniff_binary(data: bytes) -> str | None:
    """What binary kind of file this is, or None when it may be text."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if any(data.startswith(bom) for bom, enc in _BOMS if enc.startswith("utf-16") or enc.startswith("utf-32")):
        return None
    if b"\x00" in data[:_SNIFF]:
        return "NUL bytes"
    return None


def _check_text(text: str, source: str) -> None:
    """Decoded text that is mostly control characters is binary after all (a file with no NUL byte and no
    known signature that an encoding still "decoded"). Letters are not counted: pages whose first
    kilobytes are scripts, styles or JSON have few, and are text."""
    sample = text[:4096]
    if not sample.strip():
        raise EventwireError(ErrorCode.EMPTY_INPUT, f"{source}: only whitespace")
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t")
    if controls > _MAX_CONTROL_SHARE * len(sample):
        raise EventwireError(
            ErrorCode.BINARY_INPUT, f"{source}: decodes to control characters ({controls}/{len(sample)})"
        )


def decode_bytes(data: bytes, source: str) -> tuple[str, list[str]]:
    """UTF-8 (or a BOM's encoding) if it is; otherwise the encoding charset-normalizer finds, noted.

    Returns the text and notes saying what was done. Empty, binary or undecodable input is an error.
    """
    if not data.strip():
        raise EventwireError(ErrorCode.EMPTY_INPUT, f"{source}: {len(data)} bytes, no text")
    kind = sniff_binary(data)
    if kind:
        raise EventwireError(ErrorCode.BINARY_INPUT, f"{source}: {kind}")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise EventwireError(ErrorCode.DECODE_ERROR, f"{source}: {encoding} BOM but {exc.reason}") from exc
            _check_text(text, source)
            return text, ([] if encoding == "utf-8-sig" else [f"decoded as {encoding} (byte order mark)"])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_error = exc
    else:
        _check_text(text, source)
        return text, []
    # Mostly UTF-8 with a few bad bytes (a truncated or spliced file): keep UTF-8, replace the bad bytes.
    good = len(_UTF8_MULTIBYTE.findall(data))
    replaced = data.decode("utf-8", errors="replace")
    bad = replaced.count("\ufffd") - data.count("\ufffd".encode())
    if good >= 3 and bad <= good:
        _check_text(replaced, source)
        return replaced, [f"not valid UTF-8: {bad} invalid byte sequence(s) replaced with U+FFFD"]
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise EventwireError(ErrorCode.DECODE_ERROR, f"{source}: not UTF-8 ({first_error.reason}) and no encoding fits")
    encoding, text = best.encoding, str(best)
    latin = best.encoding in _LATIN or _PREFERRED in best.could_be_from_charset
    if latin or any(m.encoding == _PREFERRED and m.chaos <= best.chaos + _TIE for m in matches):
        try:
            encoding, text = _PREFERRED, data.decode(_PREFERRED)
        except UnicodeDecodeError:
            pass
    _check_text(text, source)
    return text, [f"not valid UTF-8 (byte {first_error.start}: {first_error.reason}); decoded as {encoding}"]


def text_record(data: bytes, source: str, options: dict[str, Any]) -> Iterator[RawRecord | Reject]:
    try:
        text, notes = decode_bytes(data, source)
    except EventwireError as exc:
        yield Reject.from_error(exc, "read", None, source)
        return
    yield RawRecord(text=text, published=options.get("published"), source=source, notes=notes)


@readers.register(".txt")
def read_text(path: Path, options: dict[str, Any]) -> Iterator[RawRecord | Reject]:
    """One article per file; the file name (without suffix) is its id."""
    limit = max_bytes(options)
    try:
        if path.is_file() and path.stat().st_size > limit:
            raise EventwireError(ErrorCode.TOO_LARGE, f"{path}: {path.stat().st_size} bytes > {limit} (io.max_bytes)")
        with path.open("rb") as fh:
            data = read_limited(fh, limit, str(path))
    except EventwireError as exc:
        yield Reject.from_error(exc, "read", path.stem, str(path))
        return
    except OSError as exc:
        yield Reject.make(ErrorCode.UNREADABLE, f"{path}: {exc.strerror or exc}", "read", path.stem, str(path))
        return
    for item in text_record(data, str(path), options):
        item.id = path.stem
        yield item
