"""Owners reached through the parse and acronyms in brackets (general mechanisms of the resolver)."""

from __future__ import annotations

from eventwire import Pipeline


def test_sector_nouns_share_an_of_in_owner_and_acronym_joins_its_name(pipeline: Pipeline) -> None:
    doc = pipeline.extract("Lawmakers and officials in France criticized the European Union (EU) on Monday.")
    codes = {a.code for a in doc.actors}
    assert {"FRALEG", "FRAGOV"} <= codes  # "in France" hangs on "Lawmakers" in the parse
    eu = [a for a in doc.actors if a.name == "European Union"]
    assert eu and "EU" in [m.text for m in eu[0].mentions]
