"""Cross-article deduplication: the same meeting reported by three outlets is one event; near misses stay apart."""

from __future__ import annotations

from eventwire.rows import event_mention_rows
from eventwire.store import open_store
from eventwire.store.dedup import deduplicate

from .factory import Ev, make_doc

# Three reports of one meeting, written on different days, so "yesterday" resolves one day apart.
REPORT_A = ("Russian Foreign Minister Sergei Lavrov met his Syrian counterpart Walid al-Moualem in Sochi on Wednesday. "
            "The two discussed the fight against Islamic State.")
REPORT_B = ("Sergei Lavrov held talks with Walid al-Moualem yesterday in the Black Sea resort of Sochi. "
            "Moscow has backed Damascus throughout the war.")
REPORT_C = ("Walid al-Moualem, Syria's foreign minister, was received by Sergei Lavrov, officials said. "
            "No date for a further visit was announced.")


def _meeting_reports() -> list:
    return [
        make_doc("a", REPORT_A, [Ev("CONSULT", "RUSGOV", "SYRGOV", "2014-11-26", "met", "Sochi")], outlet="VOV"),
        make_doc("b", REPORT_B, [Ev("CONSULT", "RUSGOV", "SYRGOV", "2014-11-27", "held talks", "Sochi")],
                 published="2014-11-28", outlet="Reuters"),
        # No place in this report: it may join the placed event.
        make_doc("c", REPORT_C, [Ev("CONSULT", "RUSGOV", "SYRGOV", "2014-11-26", "received", None)], outlet="AFP"),
    ]


def test_three_reports_of_one_meeting_merge_into_one_event_with_every_mention() -> None:
    with open_store(":memory:") as store:
        docs = _meeting_reports()
        store.write(docs[:1])
        store.write(docs[1:])  # a later batch joins the stored event
        events = store.events()
        assert len(events) == 1
        event = events[0]
        assert event["mention_count"] == 3
        assert event["article_count"] == 3
        assert event["source_count"] == 3
        assert event["place_name"] == "Sochi"
        assert event["first_article_id"] == "a"
        detail = store.event(event["event_id"])
        assert detail is not None
        assert {m["article_id"] for m in detail["mentions"]} == {"a", "b", "c"}
        triggers = {m["evidence"][0]["trigger_text"] for m in detail["mentions"]}
        assert triggers == {"met", "held talks", "received"}
        # the evidence offsets point into each article's own text
        for m in detail["mentions"]:
            doc = store.article(m["article_id"])
            ev = m["evidence"][0]
            assert doc["article"]["text"][ev["trigger_start"]:ev["trigger_end"]] == ev["trigger_text"]


def test_near_misses_stay_apart() -> None:
    base = Ev("CONSULT", "RUSGOV", "SYRGOV", "2014-11-26", "met", "Sochi")
    text = REPORT_A
    variants = {
        "later": Ev("CONSULT", "RUSGOV", "SYRGOV", "2014-11-29", "met", "Sochi"),  # 3 days later: outside the window
        "elsewhere": Ev("CONSULT", "RUSGOV", "SYRGOV", "2014-11-26", "met", "Moscow"),  # another city
        "other-recipient": Ev("CONSULT", "RUSGOV", "USAGOV", "2014-11-26", "met", "Sochi"),
        "other-type": Ev("SUPPORT", "RUSGOV", "SYRGOV", "2014-11-26", "met", "Sochi"),
        "reversed": Ev("CONSULT", "SYRGOV", "RUSGOV", "2014-11-26", "met", "Sochi"),
        "negated": Ev("CONSULT", "RUSGOV", "SYRGOV", "2014-11-26", "met", "Sochi", aux=["negation"]),
    }
    with open_store(":memory:") as store:
        store.write([make_doc("base", text, [base])])
        store.write([make_doc(name, text + f" ({name})", [ev]) for name, ev in variants.items()])
        everything = store.events(all=True)
        assert len(everything) == 1 + len(variants)
        assert all(e["mention_count"] == 1 for e in everything)
        # the negated report is kept but is not a fact
        assert len(store.events()) == len(variants)


def test_window_is_measured_from_the_first_report_not_chained() -> None:
    """26th, 27th, 28th: the 28th is two days from the event's first report, so it does not join."""
    with open_store(":memory:") as store:
        for day in ("26", "27", "28"):
            store.write([make_doc(f"d{day}", REPORT_A + f" Filed on the {day}th.",
                                  [Ev("CONSULT", "RUSGOV", "SYRGOV", f"2014-11-{day}", "met", "Sochi")])])
        counts = sorted(e["mention_count"] for e in store.events())
        assert counts == [1, 2]


def test_pure_python_deduplicate_agrees_with_the_store() -> None:
    """The Spark job clusters with dedup.deduplicate; it must give the store's events."""
    docs = _meeting_reports() + [make_doc("x", REPORT_A + " Later.", [Ev("CONSULT", "RUSGOV", "SYRGOV", "2014-12-05",
                                                                          "met", "Sochi")])]
    mentions = [row for d in docs for row in event_mention_rows(d)]
    python_events = deduplicate(mentions)
    with open_store(":memory:") as store:
        store.write(docs)
        stored = store.events(limit=None)
    assert sorted(e["mention_count"] for e in python_events) == sorted(e["mention_count"] for e in stored) == [1, 3]
    assert {e["event_id"] for e in python_events} == {e["event_id"] for e in stored}


def test_two_events_one_article_kept_apart_are_not_merged_by_the_store() -> None:
    """The events stage decided these are two meetings; cross-article dedup must not undo that."""
    text = "Sergei Lavrov met Walid al-Moualem in the morning. Sergei Lavrov met him again in the evening."
    doc = make_doc("two", text, [Ev("CONSULT", "RUSGOV", "SYRGOV", "2014-11-26", "met", None),
                                 Ev("CONSULT", "RUSGOV", "SYRGOV", "2014-11-26", "met him again", None)])
    other = make_doc("other", REPORT_A, [Ev("CONSULT", "RUSGOV", "SYRGOV", "2014-11-26", "met", "Sochi")])
    with open_store(":memory:") as store:
        store.write([doc, other])
        counts = sorted(e["mention_count"] for e in store.events())
    assert counts == [1, 2]  # the other article joins the first meeting only


def test_events_without_a_recipient_do_not_merge() -> None:
    from eventwire.document import Event

    docs = []
    for name, text in (("p1", REPORT_A), ("p2", REPORT_B)):
        doc = make_doc(name, text, [Ev("CONSULT", "RUSGOV", "SYRGOV", "2014-11-26", text.split()[3], "Sochi")])
        ev: Event = doc.events[0]
        ev.recipient = []
        docs.append(doc)
    with open_store(":memory:") as store:
        store.write(docs)
        assert sorted(e["mention_count"] for e in store.events()) == [1, 1]
