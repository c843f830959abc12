"""The cleaner on wire copy in the styles of many services: debris out, content kept, title/lead/outlet found."""

from __future__ import annotations

import pytest

from eventwire.config import load_config
from eventwire.document import Document
from eventwire.errors import ErrorCode, EventwireError
from eventwire.stage import Resources
from eventwire.text.clean import Cleaner, normalise_text, repair_mojibake
from eventwire.text.stage import CleanStage

from .cases import CASES, Case

SAMPLE_TITLE = "Russia calls for end to Syria crisis to focus on fighting IS"


def test_there_are_at_least_twenty_cases() -> None:
    assert len(CASES) >= 20
    assert len({c.name for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_case(case: Case) -> None:
    title, lead, body, removed, outlet = Cleaner().clean(case.raw)
    text = f"{title}\n{body}" if title else body
    removed_texts = [r.text for r in removed]
    for debris in case.removed:
        assert any(debris in r for r in removed_texts), f"{debris!r} not recorded as removed: {removed_texts}"
        assert debris not in text, f"{debris!r} still in the clean text:\n{text}"
    for content in case.kept:
        assert content in text, f"real content lost: {content!r}\nremoved: {removed_texts}\ntext:\n{text}"
    reasons = {r.reason for r in removed}
    for reason in case.reasons:
        assert reason in reasons, f"no removal with reason {reason!r}: {removed}"
    assert title == case.title
    if case.lead is None:
        assert lead is None
    else:
        assert lead is not None and lead.startswith(case.lead), lead
    assert outlet == case.outlet
    # Nothing invisible survives, and every removal is non-empty text that was in the (normalised) input.
    assert not any(ch in text for ch in "\u00a0\u200b\u00ad\ufeff\u2009")
    norm = normalise_text(case.raw)
    for r in removed:
        assert r.text.strip() and r.text in norm, r


def test_sample_article(sample_text: str) -> None:
    title, lead, body, removed, outlet = Cleaner().clean(sample_text)
    text = f"{title}\n{body}"
    assert title == SAMPLE_TITLE
    assert outlet == "VOV"
    assert lead == (
        "Russian Foreign Minister pledged to support Syrian President Assad's regime against Middle East terrorism."
    )
    for debris in ("![]()", "Syria in flames", "FreaBeacon", "/.", "According to VOV.VN"):
        assert debris not in text
    reasons = {r.reason for r in removed}
    assert {"image remnant", "photo caption or credit", "end marker", "source line"} <= reasons
    # The "According to observers, ..." paragraph is real content.
    assert "According to observers, President Obama has realized" in text
    assert text.rstrip().endswith("the military campaign in Iraq and Syria.")


def test_given_title_is_not_repeated() -> None:
    raw = "Iran talks extended\nIran and six powers extended their talks by seven months on Monday."
    title, lead, body, _, _ = Cleaner().clean(raw, title="Iran talks extended")
    assert title == "Iran talks extended"
    assert body == lead == "Iran and six powers extended their talks by seven months on Monday."


def test_single_paragraph_has_no_title() -> None:
    title, lead, body, _, _ = Cleaner().clean("Russia vetoed the resolution on Tuesday, diplomats said.")
    assert title is None
    assert lead == body


def test_extra_outlet_patterns_from_config() -> None:
    cleaner = Cleaner([r"^Copyright \d{4} (?P<outlet>[A-Z][\w ]+)\.?$"])
    _, _, body, removed, outlet = cleaner.clean(
        "Ships collide off Singapore\nTwo tankers collided in the Singapore Strait on Monday.\n"
        "Copyright 2014 Straits Times"
    )
    assert outlet == "Straits Times"
    assert "Copyright" not in body
    assert any(r.reason == "source line" for r in removed)


def _stage() -> CleanStage:
    config = load_config()
    return CleanStage(config, Resources(config))


def test_stage_assigns_article_and_keeps_reader_notes() -> None:
    doc = Document(id="x")
    doc.provenance.raw = (
        "BEIRUT (AP) \u2014 Israeli jets struck targets in southern Lebanon on Tuesday.\nThe army said so."
    )
    doc.provenance.notes = ["decoded as cp1252 (not valid UTF-8)"]
    _stage()(doc)
    art = doc.article
    assert art.outlet == "AP"
    assert art.text.startswith("Israeli jets struck")
    assert art.notes == ["decoded as cp1252 (not valid UTF-8)"]


def test_stage_keeps_outlet_given_by_reader() -> None:
    doc = Document(id="x")
    doc.article.outlet = "Guardian"
    doc.provenance.raw = "Talks collapse\nTalks collapsed on Monday.\nSource: Xinhua"
    _stage()(doc)
    assert doc.article.outlet == "Guardian"


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("", ErrorCode.NO_TEXT),
        ("  \n\u200b\u00a0\n", ErrorCode.NO_TEXT),
        ("![](x.jpg)\n/.\n(END)", ErrorCode.EMPTY_AFTER_CLEANING),
    ],
)
def test_stage_rejects_empty(raw: str, code: ErrorCode) -> None:
    doc = Document(id="x")
    doc.provenance.raw = raw
    with pytest.raises(EventwireError) as info:
        _stage()(doc)
    assert info.value.code is code


def test_mojibake_is_repaired_and_noted() -> None:
    good = "Russia\u2019s minister said \u201cwe will respond\u2019 \u2013 talks in S\u00e3o Paulo and Z\u00fcrich."
    broken = good.encode("utf-8").decode("cp1252")
    assert repair_mojibake(broken) == (good, 6)
    # Text that merely contains the same letters is left alone.
    plain = "\u00c2mbito, \u00c3rea and S\u00e3o Paulo"
    assert repair_mojibake(plain) == (plain, 0)
    doc = Document(id="m")
    doc.provenance.raw = "Talks resume in Z\u00fcrich\n" + broken
    _stage()(doc)
    assert doc.article.title == "Talks resume in Z\u00fcrich"
    assert good in doc.article.text
    assert doc.article.notes == ["repaired 6 mis-decoded character(s) (UTF-8 read as Windows-1252)"]
