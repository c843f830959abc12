"""The quote forms news uses, on texts written for the purpose: who said it, with which cue, and what."""

from __future__ import annotations

import pytest

from .conftest import Run, direct, words


def test_quote_then_speaker_and_cue(quotes: Run) -> None:
    text = '"We will not accept this agreement," the Iranian foreign minister said on Monday.'
    [q] = direct(quotes(text))
    assert q.text(text) == "We will not accept this agreement,"
    assert words(text, q.cue) == "said"
    assert words(text, q.speaker) == "the Iranian foreign minister"


def test_inverted_cue(quotes: Run) -> None:
    text = "\u201cThe talks are over,\u201d said Ahmet Davutoglu, who spoke in Ankara."
    [q] = direct(quotes(text))
    assert words(text, q.cue) == "said"
    assert words(text, q.speaker) == "Ahmet Davutoglu"


def test_cue_before_quote_with_colon(quotes: Run) -> None:
    text = 'The Syrian president told the newspaper: "Our army will fight terrorism everywhere."'
    [q] = direct(quotes(text))
    assert q.text(text) == "Our army will fight terrorism everywhere."
    assert words(text, q.cue) == "told"
    assert words(text, q.speaker) == "The Syrian president"


def test_split_quote_parts_share_speaker_and_cue(quotes: Run) -> None:
    text = (
        '"We have done everything we could," Angela Merkel said in Berlin. '
        '"Now it is up to Moscow to keep its word."'
    )
    parts = direct(quotes(text))
    assert [p.text(text) for p in parts] == [
        "We have done everything we could,",
        "Now it is up to Moscow to keep its word.",
    ]
    assert {words(text, p.speaker) for p in parts} == {"Angela Merkel"}
    assert {p.cue for p in parts} == {parts[0].cue}
    assert parts[0].group == parts[1].group


def test_split_quote_inside_one_sentence(quotes: Run) -> None:
    text = '"This is not the end," he said, "but it is a beginning for our people."'
    parts = direct(quotes(text))
    assert len(parts) == 2
    assert all(words(text, p.speaker) == "he" and words(text, p.cue) == "said" for p in parts)


def test_multi_paragraph_quote(quotes: Run) -> None:
    text = (
        "The commander of the rebel forces spoke to reporters on Sunday.\n"
        '"We have taken the city after three weeks of fighting.\n'
        '"Nobody will push us out of it again," he told reporters.'
    )
    parts = direct(quotes(text))
    assert [p.text(text) for p in parts] == [
        "We have taken the city after three weeks of fighting.",
        "Nobody will push us out of it again,",
    ]
    assert {words(text, p.speaker) for p in parts} == {"he"}
    assert {words(text, p.cue) for p in parts} == {"told"}


def test_next_paragraph_quote_continues_the_speaker(quotes: Run) -> None:
    text = (
        '"The sanctions will stay," Foreign Secretary William Hague said.\n'
        '"Nothing has changed on the ground in eastern Ukraine."'
    )
    parts = direct(quotes(text))
    assert len(parts) == 2
    assert words(text, parts[1].speaker) == "Foreign Secretary William Hague"
    assert parts[1].inherited


def test_indirect_speech_with_that(quotes: Run) -> None:
    text = "Lavrov said that Moscow would keep supplying weapons to the Syrian government."
    [q] = quotes(text)
    assert q.kind == "indirect"
    assert q.text(text) == "that Moscow would keep supplying weapons to the Syrian government"
    assert words(text, q.speaker) == "Lavrov"
    assert words(text, q.cue) == "said"


def test_indirect_speech_reported_after_the_content(quotes: Run) -> None:
    text = "The army shelled two villages near the border overnight, local officials said."
    [q] = quotes(text)
    assert q.kind == "indirect"
    assert q.text(text) == "The army shelled two villages near the border overnight"
    assert words(text, q.speaker) == "local officials"


def test_according_to(quotes: Run) -> None:
    text = "According to the Syrian Observatory for Human Rights, 40 people were killed in Aleppo."
    [q] = quotes(text)
    assert q.kind == "indirect"
    assert words(text, q.cue) == "According to"
    assert words(text, q.speaker) == "the Syrian Observatory for Human Rights"
    assert q.text(text) == "40 people were killed in Aleppo"


def test_quoted_phrase_inside_a_clause_is_not_a_quote_of_its_own(quotes: Run) -> None:
    text = 'The minister called the vote "a farce" and left the hall.'
    assert direct(quotes(text)) == []
    text = 'Kerry said the plan was "a serious step toward peace" for the region.'
    found = quotes(text)
    assert direct(found) == []
    [q] = found
    assert q.kind == "indirect" and "a serious step toward peace" in q.text(text)


def test_indirect_speech_can_be_switched_off(quotes: Run) -> None:
    text = 'Lavrov said that talks would resume. "We are ready," he added.'
    assert {q.kind for q in quotes(text, indirect=False)} == {"direct"}


def test_indirect_speech_inside_a_direct_quote_is_not_reported(quotes: Run) -> None:
    text = '"I hope this will bring good results and I think that they know it," the minister said.'
    found = quotes(text)
    assert [q.kind for q in found] == ["direct"]


@pytest.mark.parametrize(
    "text",
    [
        'He said "this never ends',
        'Odd " number " of " marks here, the minister said.',
        "\u201cNested \u201cquotes\u201d inside \u201cother\u201d quotes,\u201d he said.",
        '"',
        '""""',
        "\u201d\u201c backwards \u201d\u201c",
        'said said said: "" , "',
        '"A quote with no end.\n\n"And another.\n\nA plain line.',
        "According to",
        "according to ,",
        "\n\n\n",
        '"' * 40,
        "He said that",
    ],
)
def test_malformed_text_never_crashes(quotes: Run, text: str) -> None:
    quotes(text)  # the fixture checks every span lies inside the text


def test_textacy_odd_quote_cases(quotes: Run) -> None:
    # the shapes behind textacy issues 200 and 383: an odd count of marks, a mark at the very end
    text = 'The spokesman said "we have no comment.\n"But we will respond," the ministry added. "'
    found = direct(quotes(text))
    assert any(words(text, q.speaker) == "the ministry" for q in found)
