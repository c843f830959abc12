"""Regenerate the events area's package data from the reference sources (development time only).

    python -m tools.build_patterns [/path/to/shared/data]

Writes eventwire/events/data/ontology.json (PLOVER manual + CAMEO2PLOVER-2021, CC BY-SA 4.0) and
eventwire/events/data/cameo.ewp.gz (PETRARCH CAMEO.2.0 verb dictionary, MIT), each with its NOTICE.

The imported dictionary follows the project's coding policy, read from core.ewp: a pattern's paired reverse
code ("a:b", the act coded back from the recipient) is kept only for mutual acts and host/visit (the class
``reverse_pair``); elsewhere PETRARCH's reverse copies were wrong in most uses ("X ordered Y to" is no act of
Y's). Reverse-only patterns (":b", "received aid from") are kept: they are the pattern's only event.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from pathlib import Path

from eventwire.events.ontology import build_ontology
from eventwire.events.patterns import parse_ewp
from eventwire.events.petrarch import petrarch_to_ewp

PACKAGE_DATA = Path(__file__).resolve().parents[1] / "eventwire" / "events" / "data"


def main(shared: Path) -> None:
    onto = build_ontology(shared / "plover")
    (PACKAGE_DATA / "ontology.json").write_text(json.dumps(onto, separators=(",", ":")), encoding="utf-8")
    (PACKAGE_DATA / "NOTICE.ontology").write_text(
        "ontology.json is derived from the PLOVER manual (PLOVER_MANUAL.tex) and CAMEO2PLOVER-2021.txt,\n"
        "openeventdata/PLOVER @5e0c24f, licensed CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/).\n"
        "It is redistributed under the same licence. Goldstein weights: Goldstein (1992), as distributed with CAMEO.\n",
        encoding="utf-8",
    )
    source = (shared / "petrarch2" / "dictionaries" / "CAMEO.2.0.txt").read_text(encoding="utf-8", errors="replace")
    text = petrarch_to_ewp(source, prefix="cameo")
    core = parse_ewp((PACKAGE_DATA / "core.ewp").read_text(encoding="utf-8"), "core.ewp")
    text, dropped = keep_reverse(text, frozenset(core.words("reverse_pair")))
    header = (
        "# Converted from PETRARCH's CAMEO.2.0.txt verb dictionary (openeventdata/petrarch2 @676801c).\n"
        "# Copyright (c) 2015 Open Event Data Alliance, MIT License (see NOTICE).\n"
    )
    (PACKAGE_DATA / "cameo.ewp.gz").write_bytes(gzip.compress((header + text).encode("utf-8"), mtime=0))
    lic = (shared / "petrarch2" / "LICENSE").read_text(encoding="utf-8")
    (PACKAGE_DATA / "NOTICE").write_text(
        "cameo.ewp.gz is converted from CAMEO.2.0.txt of openeventdata/petrarch2 @676801c, under this licence:\n\n"
        + lic,
        encoding="utf-8",
    )
    n_patterns = sum(1 for line in text.splitlines() if "=>" in line)
    print(f"ontology: {len(onto['cameo'])} CAMEO codes; patterns: {n_patterns} ({dropped} reverse codes dropped)")


_CODE_RE = re.compile(r"=>\s+([0-9]{2,4}[A-Z]?):([0-9]{2,4}[A-Z]?)(?=\s|$)")


def keep_reverse(text: str, pairs: frozenset[str]) -> tuple[str, int]:
    """``=> a:b`` becomes ``=> a`` unless ``a:b`` (first three digits of each) is a mutual or host/visit pair."""
    dropped = 0

    def fix(m: re.Match[str]) -> str:
        nonlocal dropped
        fwd, back = m.group(1), m.group(2)
        if f"{fwd[:3]}:{back[:3]}" in pairs:
            return m.group(0)
        dropped += 1
        return f"=> {fwd}"

    return _CODE_RE.sub(fix, text), dropped


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared" / "data")
