"""Speaker attribution in forms the parse gets awkward: participle cues, passives, answers."""

from __future__ import annotations

import pytest

from .conftest import Run, direct, words


def test_participle_after_preposition_takes_the_clause_subject(quotes: Run) -> None:
    text = (
        "When he returned, Judge Berman began by saying, "
        "\u201cI don\u2019t think that it\u2019s necessary to go to jail.\u201d"
    )
    [q] = direct(quotes(text))
    assert words(text, q.cue) == "saying"
    assert words(text, q.speaker) == "Judge Berman"


def test_participle_on_an_object_takes_the_clause_subject(quotes: Run) -> None:
    text = "The Vermont senator emailed supporters saying: \u201cThe struggle continues and we will win.\u201d"
    [q] = direct(quotes(text))
    assert words(text, q.speaker) == "The Vermont senator"


def test_passive_cue_speaker_is_the_agent(quotes: Run) -> None:
    text = (
        "Sanders was asked by host Bill Maher, \u201cThat story has moved a little bit, has it not?\u201d\n\n"
        "Sanders responded, \u201cIt has. But this is what I also think.\u201d"
    )
    first, second = direct(quotes(text))
    assert "Bill Maher" in (words(text, first.speaker) or "")
    assert words(text, second.speaker) == "Sanders"


def test_adding_after_a_reported_clause_is_the_reporter(quotes: Run) -> None:
    text = (
        "To wit, Trump told Newsmax that Mitt Romney \u201chad a crazy policy of self-deportation,\u201d adding, "
        "\u201cHe lost all of the Latino vote and he lost everybody.\u201d"
    )
    quote = next(q for q in direct(quotes(text)) if q.text(text).startswith("He lost"))
    assert words(text, quote.speaker) == "Trump"


def test_answer_is_a_speech_cue(quotes: Run) -> None:
    text = (
        "Blumenthal was asked, \u201cWould you have told her it is not a good idea?\u201d "
        "He answered, \u201cI have no idea. We are old friends.\u201d"
    )
    quote = next(q for q in direct(quotes(text)) if q.text(text).startswith("I have"))
    assert words(text, quote.cue) == "answered"
    assert words(text, quote.speaker) == "He"


def test_clause_after_a_comma_closed_quote_is_its_attribution(quotes: Run) -> None:
    text = (
        "The anchor for Univision was trying to ask a question about immigration.\n\n"
        "\u201cGo back to Univision,\u201d Trump barked and a security guard escorted Ramos out."
    )
    [q] = direct(quotes(text))
    assert words(text, q.cue) == "barked"
    assert words(text, q.speaker) == "Trump"


def test_inverted_clause_after_an_exclamation(quotes: Run) -> None:
    text = (
        "One thousand supporters snapped his picture in unison.\n\n"
        "\u201cThis is fantastic!\u201d beamed Donald Hartley of Madison, who snuck onto the floor."
    )
    [q] = direct(quotes(text))
    assert words(text, q.cue) == "beamed"
    assert (words(text, q.speaker) or "").startswith("Donald Hartley")


def test_cue_after_a_comma_beats_a_colon_before(quotes: Run) -> None:
    text = (
        "After the news went viral, the star posted a lengthy message on her Facebook: \u201cMen, you will "
        "not cease to exist by taking your partner\u2019s surname,\u201d she wrote."
    )
    [q] = direct(quotes(text))
    assert words(text, q.cue) == "wrote"
    assert words(text, q.speaker) == "she"


def test_colon_after_a_noun_phrase_takes_the_clause_subject(quotes: Run) -> None:
    text = (
        "When Wallace died in 1998, President Clinton released the following statement:\n\n"
        "\u201cHillary and I offer our condolences to the family and friends of George Wallace.\u201d"
    )
    [q] = direct(quotes(text))
    assert words(text, q.speaker) == "President Clinton"


def test_the_one_told_is_not_the_speaker(quotes: Run) -> None:
    text = (
        "Bozell was only five years old then.\n\n"
        "\u201cYes, I support Ted Cruz,\u201d Brent Bozell III, founder of the Media Research Center, "
        "tells Breitbart News in an exclusive interview."
    )
    [q] = direct(quotes(text))
    assert "Bozell" in (words(text, q.speaker) or "")


def test_quote_between_dashes_takes_no_attribution_from_the_clause_after(quotes: Run) -> None:
    text = (
        "When Trump finally wrapped up \u2014 \u201cI will fight for you, and I will win for you!\u201d \u2014 "
        "the balloons cascaded down on the crowd."
    )
    for q in direct(quotes(text)):
        assert words(text, q.speaker) != "the balloons"


def test_clause_ending_in_a_comma_before_the_quote_introduces_it(quotes: Run) -> None:
    text = (
        "After former California Gov. Jerry Brown criticized Bill Clinton during a debate, Hillary shot back, "
        "\u201cI suppose I could have chosen to bake cookies and have teas.\u201d"
    )
    [q] = direct(quotes(text))
    assert words(text, q.cue) == "shot"
    assert words(text, q.speaker) == "Hillary"


def test_inverted_cue_speaker_parsed_as_object(quotes: Run) -> None:
    text = (
        "\u201cIf Hillary does win New Hampshire, it will be by a margin as close as Iowa,\u201d said one "
        "New Hampshire Democrat.\n\n"
        "\u201cIt\u2019s Bernie\u2019s to lose at this point,\u201d added another New Hampshire Democrat."
    )
    quote = next(q for q in direct(quotes(text)) if q.text(text).startswith("It"))
    assert words(text, quote.cue) == "added"
    assert "New Hampshire Democrat" in (words(text, quote.speaker) or "")


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        pytest.param(
            (
                "Editorial pages across the country warned that the sky was falling. \u201cGun owners should leave "
                "their weapons at home,\u201d opined Cleveland\u2019s Plain Dealer."
            ),
            "opined",
            "Plain Dealer",
            id="opine and recount are speech cues",
        ),
        pytest.param(
            (
                "Although there is no such overlap with Sanders's team, a White House official who spoke anonymously "
                'to discuss internal strategy said Wednesday, "Certainly there are discussions with the campaign."'
            ),
            "said",
            "White House official",
            id="speaker with a relative clause before the cue",
        ),
        pytest.param(
            (
                "So far, Sanders has shown little inclination to play a big role on that front. But Sen. Richard J. "
                "Durbin (D-Ill.), noting the size of Sanders's following, said, \"Let me tell you, he's got a heck of "
                'an email list."'
            ),
            "said",
            "Durbin",
            id="participle inserted between speaker and cue",
        ),
        pytest.param(
            (
                "It didn't.\n\n"
                '"I\'m not going to say it is a mistake, so forget about it," said retired neurosurgeon Ben Carson, '
                "asked about his claims that he had received a scholarship offer from West Point."
            ),
            "said",
            "Ben Carson",
            id="inverted cue skips a participle before the name",
        ),
    ],
)
def test_cue_and_speaker(quotes: Run, text: str, cue: str, speaker: str) -> None:
    [q] = direct(quotes(text))
    assert words(text, q.cue) == cue
    assert speaker in (words(text, q.speaker) or "")
