"""When each act happened: the event's own date, on sentences from real news (the realnews dev articles and
the wire stories they quote), through the full pipeline."""

from __future__ import annotations

from typing import Any

from eventwire import Pipeline
from eventwire.document import Time
from eventwire.events.anchor import timex_date

TOKENS = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}


def event(doc: Any, trigger: str) -> Any:
    found = [e for e in doc.events if e.evidence.trigger.text == trigger]
    assert found, [(e.type, e.evidence.trigger.text) for e in doc.events]
    return found[0]


def test_date_of_the_clause_wins_over_the_article(pipeline: Pipeline) -> None:
    doc = pipeline.extract(
        "Israeli President Shimon Peres made an official visit to Prague on Monday, where he "
        "met with the president of the Czech Republic.", published="2009-04-01")
    ev = event(doc, "met")
    assert ev.date.value == "2009-03-30" and ev.date.source in ("clause", "sentence")


def test_a_clause_that_describes_a_time_takes_it(pipeline: Pipeline) -> None:
    # "2003, when Turkey refused": the refusal is dated by the year its clause describes, year-only
    doc = pipeline.extract("There are echoes of 2003, when Turkey refused to back the US-led invasion of Iraq.",
                           published="2018-04-11")
    ev = next(e for e in doc.events if e.type == "REJECT")
    assert (ev.date.value, ev.date.precision, ev.date.source) == ("2003", "year", "clause")


def test_a_time_of_another_act_does_not_date_this_one(pipeline: Pipeline) -> None:
    # "March's attack" dates the attack, not the denial
    doc = pipeline.extract("The Kremlin has vehemently denied involvement in March's attack on Sergei Skripal "
                           "and his daughter Yulia.", published="2018-08-11")
    ev = event(doc, "denied")
    assert ev.date.value == "2018-08-11" and ev.date.source == "article"


def test_the_time_of_a_saying_does_not_date_what_was_said(pipeline: Pipeline) -> None:
    doc = pipeline.extract("Sources close to Peres said yesterday that the president has transmitted similar "
                           "messages in his talks with foreign leaders.", published="2009-03-28")
    for ev in doc.events:
        if ev.evidence.trigger.text == "talks":
            assert ev.date.value == "2009-03-28"


def test_a_clause_of_the_same_time_dates_the_act(pipeline: Pipeline) -> None:
    # "killed when they pulled over the parolee on Saturday": the "when" clause's time is the killing's
    doc = pipeline.extract("Two Oakland police officers were gunned down when they pulled over a parolee on "
                           "Saturday.", published="2009-03-24")
    ev = event(doc, "gunned")
    assert (ev.date.value, ev.date.source) == ("2009-03-21", "clause")
    # a clause of another time does not ("after they left on Saturday")
    doc = pipeline.extract("Two Oakland police officers were gunned down after they left the station on "
                           "Saturday.", published="2009-03-24")
    assert event(doc, "gunned").date.value != "2009-03-21"


def test_an_act_told_a_span_before_another_is_dated_back_from_it(pipeline: Pipeline) -> None:
    # "It comes a week after 44 people were killed": a week before the article's day; "two days after rebels
    # shelled the base" on a Friday: the Wednesday; "months after" a year-only time keeps the year only
    doc = pipeline.extract("It comes a week after 44 people were killed in a PKK attack in Istanbul.",
                           published="2016-12-17")
    ev = event(doc, "killed")
    assert (ev.date.value, ev.date.precision, ev.date.source) == ("2016-12-10", "day", "clause")
    doc = pipeline.extract("On Friday, the army attacked the town, two days after rebels shelled the base.",
                           published="2016-12-17")
    assert event(doc, "shelled").date.value == "2016-12-14"
    assert event(doc, "attacked").date.value == "2016-12-16"
    doc = pipeline.extract("Turkey said it had begun a ground incursion into Afrin a day after intense aerial "
                           "bombardment by Turkish jets.", published="2018-01-21")
    assert event(doc, "bombardment").date.value == "2018-01-20"


def test_a_vague_span_of_days_leaves_the_date_to_the_clause(pipeline: Pipeline) -> None:
    # "days after X resigned" says no more than the month; "just weeks after" moves it back a month
    doc = pipeline.extract("But Mr Marra's arrest comes days after Ms Raggi's top environmental adviser resigned.",
                           published="2016-12-16")
    assert event(doc, "resigned").date.source != "clause"
    doc = pipeline.extract("The army attacked the town in January, just weeks after rebels shelled the base.",
                           published="2019-01-16")
    ev = event(doc, "shelled")
    assert (ev.date.value, ev.date.precision) == ("2018-12", "month")


def test_a_meeting_the_act_took_place_at_dates_it_wherever_the_parser_hangs_it(pipeline: Pipeline) -> None:
    # realnews (BBC, 2016): "at a summit in September" is parsed under "consequences"; the warning was given
    # at the summit. A meeting under another verb ("the deal reached at talks in ...") dates that verb only.
    doc = pipeline.extract("The president said he had warned Mr Putin of serious consequences at a summit in "
                           "September.", published="2016-12-17")
    assert (event(doc, "warned").date.value, event(doc, "warned").date.source) == ("2016-09", "clause")
    doc = pipeline.extract("Obama criticised the deal reached at talks in Geneva in September.",
                           published="2016-12-17")
    assert event(doc, "criticised").date.source == "article"


def test_a_promise_is_dated_when_made_not_when_its_act_is_due(pipeline: Pipeline) -> None:
    # PLOVER codes future talks as AGREE, an act of today ("arranging talks for tomorrow"); an act announced
    # without becoming a promise keeps the date it is set for
    doc = pipeline.extract("Putin and Erdogan will meet in Tehran on Friday.", published="2009-03-15")
    ev = next(e for e in doc.events if e.type == "AGREE")
    assert (ev.date.value, ev.date.source) == ("2009-03-15", "article")
    doc = pipeline.extract("Turkey will attack Afrin on Friday, Erdogan said.", published="2009-03-15")
    ev = next(e for e in doc.events if e.type == "ASSAULT")
    assert ev.date.value == "2009-03-20" and "future" in ev.aux


def test_timex_tokens_are_never_dates() -> None:
    from eventwire.document import Article, Document

    doc = Document(id="t", article=Article(text="now", published="2009-03-31"))
    now = timex_date(doc, Time(id="t1", text="now", start=0, end=3, timex="PRESENT_REF"), "clause")
    assert (now.value, now.precision) == ("2009-03-31", "day")
    past = timex_date(doc, Time(id="t2", text="in the past", start=0, end=3, timex="PAST_REF"), "clause")
    assert past.value is None and past.text == "in the past"
    # a span with no number counted back from publication keeps the precision it says (realnews, 2009: "she
    # resigned a few weeks ago", coded 2009-03, was left undated)
    ago = timex_date(doc, Time(id="t2", text="a few weeks ago", start=0, end=3, timex="PAST_REF"), "clause")
    assert (ago.value, ago.precision, ago.text) == ("2009-03", "month", "a few weeks ago")
    ago = timex_date(doc, Time(id="t3", text="several months ago", start=0, end=3, timex="PAST_REF"), "clause")
    assert (ago.value, ago.precision) == ("2008-12", "month")
    ago = timex_date(doc, Time(id="t4", text="years ago", start=0, end=3, timex="PAST_REF"), "clause")
    assert ago.value is None  # no year said


def test_no_event_of_a_real_article_is_dated_by_a_token(pipeline: Pipeline) -> None:
    doc = pipeline.extract(
        "Woman wasn't kidnapped, now is charged in robbery\n\n"
        "Moore said she resigned from her position a few weeks ago because of personal problems with the mayor. "
        "Police now say the woman took part in the robbery and charged her on Monday.", published="2009-03-31")
    assert doc.events
    assert all(e.date is None or e.date.value not in TOKENS for e in doc.events)


def test_place_is_the_location_of_the_act(pipeline: Pipeline) -> None:
    # where the arrest happened, not where the man came from; the facility placed in its city
    doc = pipeline.extract("British police arrested a man at Heathrow airport on Tuesday after he arrived from "
                           "Dubai.", published="2019-06-20")
    ev = event(doc, "arrested")
    assert ev.location is not None
    assert (ev.location.name, ev.location.country, ev.location.source) == ("Heathrow", "GBR", "clause")


def test_place_names_read_as_the_article_writes_them(pipeline: Pipeline) -> None:
    doc = pipeline.extract("Turkish forces launched an attack on the Kurdish enclave of Afrin in northern Syria.",
                           published="2018-01-21")
    ev = next(e for e in doc.events if e.type == "ASSAULT")
    assert ev.location is not None and (ev.location.name, ev.location.country) == ("Afrin", "SYR")


def test_an_unplaced_act_takes_the_article_scene(pipeline: Pipeline) -> None:
    doc = pipeline.extract(
        "Bomb attack kills soldiers in Kayseri\n\n"
        "A car bomb has killed 13 soldiers on a bus in the central Turkish city of Kayseri. "
        "Officials in Kayseri said the blast hit the bus near a university. "
        "Seven people have been arrested in connection with the blast.", published="2016-12-17")
    ev = event(doc, "arrested")
    assert ev.location is not None
    assert (ev.location.name, ev.location.country, ev.location.source) == ("Kayseri", "TUR", "article")


def test_a_headline_act_is_dated_and_placed_where_the_body_tells_it(pipeline: Pipeline) -> None:
    doc = pipeline.extract(
        "Two people have been killed and nine injured in a knife attack at a Walmart in China\n\n"
        "Two people were killed and at least nine injured in a knife attack at a Walmart in southern China, "
        "state media agency Xinhua said Monday.\n"
        "The attack, made using a kitchen knife, occurred around 9 p.m. Sunday at a store in Shenzhen.",
        published="2017-07-17", title="Two people have been killed and nine injured in a knife attack at a "
        "Walmart in China")
    title = [e for e in doc.events if e.evidence.start == 0 and e.type == "ASSAULT"]
    assert title
    ev = title[0]
    assert ev.date.value.startswith("2017-07-16") and ev.date.source == "restated"
    assert ev.location is not None and (ev.location.name, ev.location.source) == ("Shenzhen", "restated")


def test_a_meeting_named_by_its_place_places_the_act_about_it(pipeline: Pipeline) -> None:
    doc = pipeline.extract("The congress opens in the Black Sea resort of Sochi on Monday. Russia and Turkey, "
                           "along with Iran, are sponsoring the Sochi talks, at which most delegates are expected "
                           "to favour Assad remaining in power.", published="2018-01-28")
    placed = [e for e in doc.events if e.evidence.trigger.text == "sponsoring"]
    assert placed and placed[0].location is not None and placed[0].location.name == "Sochi"


def test_a_side_named_by_its_role_is_of_the_country_where_the_act_happened(pipeline: Pipeline) -> None:
    # realnews (2016-2017): "Two people were killed in a knife attack at a Walmart in southern China" gave
    # people of no country; the place stated in the sentence says whose they are, as PETRARCH codes them
    doc = pipeline.extract("Two people were killed in a knife attack at a Walmart in southern China on Sunday.",
                           published="2016-09-26")
    ev = next(e for e in doc.events if e.type == "ASSAULT")
    assert [(r.country, r.code) for r in ev.recipient] == [("CHN", "CHNPPL")], ev.recipient
    # a person named by name keeps no country the text does not give
    doc = pipeline.extract("Police in Canada arrested Jason Smithers on Monday.", published="2016-09-26")
    ev = next(e for e in doc.events if e.type == "COERCE")
    assert all(r.country is None for r in ev.recipient), ev.recipient
