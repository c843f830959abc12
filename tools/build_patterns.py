"""Regenerate the events area's package data from the reference sources (development time only).

    python -m tools.build_patterns [/path/to/shared/data]

Writes eventwire/events/data/ontology.json (PLOVER manual + CAMEO2PLOVER-2021, CC BY-SA 4.0) and
eventwire/events/data/cameo.ewp.gz (PETRARCH CAMEO.2.0 verb dictionary, MIT), each with its NOTICE.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

from eventwire.events.ontology import build_ontology
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
    print(f"ontology: {len(onto['cameo'])} CAMEO codes; patterns: {sum(1 for line in text.splitlines() if '=>' in line)}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared" / "data")
