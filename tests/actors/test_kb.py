"""The knowledge base: PETRARCH/TABARI parsing, the project format, date-aware roles, lookups."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.actors.kb import build_kb, lookup
from eventwire.actors.model import split_code
from eventwire.actors.petrarch import parse_actors, parse_agents
from eventwire.errors import EventwireError

ACTORS = """\
<!-- a made-up dictionary in PETRARCH form -->
FREEDONIA_  [FRE]
+FREEDONIAN
+FREEDONIANS_
RUFUS_T._FIREFLY_  # Marx brothers
+FIREFLY_
\t[FRE <19330101]
\t[FREGOV 19330101-19351231]  # prime minister
\t[FREOPP >360101]
SYLVANIA  [SYL/FRE]
TRENTINO_ [---]
"""

AGENTS = """\
!PERSON! = MAN, MEN, WOMAN, WOMEN
FOREIGN_MINISTER [~GOVFRM]
POLICE!PERSON! [~COP]
CHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE} [~BUS]
HUMAN_RIGHTS_BODY  [NGO~]
"""


def test_petrarch_actor_file_is_parsed_with_synonyms_dates_and_compound_codes() -> None:
    recs = {r.name: r for r in parse_actors(ACTORS)}
    assert set(recs) == {"freedonia", "rufus t. firefly", "sylvania", "trentino"}
    firefly = recs["rufus t. firefly"]
    assert firefly.synonyms == ["firefly"]
    assert [(c.code, c.start, c.end) for c in firefly.codes] == [
        ("FRE", None, "1933-01-01"), ("FREGOV", "1933-01-01", "1935-12-31"), ("FREOPP", "1936-01-01", None)
    ]
    assert recs["sylvania"].codes[0].code == "SYL/FRE"  # a group coded as its members is kept whole, as PETRARCH does
    assert split_code("SYL/FRE") == ("SYL", None)  # its country is the first member
    assert split_code("+++") == (None, None)  # a placeholder code names no country
    assert "freedonian" in recs["freedonia"].stems  # no closing underscore: a stem


def test_six_digit_dates_use_a_two_digit_year_window() -> None:
    (rec,) = parse_actors("X_\n\t[XXXGOV 991231-030101]\n")
    assert (rec.codes[0].start, rec.codes[0].end) == ("1999-12-31", "2003-01-01")


def test_agents_expand_substitution_sets_plurals_and_prefix_codes() -> None:
    agents = parse_agents(AGENTS)
    phrases = {a.phrase: a for a in agents}
    assert {"policeman", "policemen", "policewoman", "policewomen"} <= set(phrases)
    assert phrases["foreign minister"].code == "GOVFRM"
    assert phrases["chamber of commerce"].plurals == ["chambers of commerce"]
    assert phrases["human rights body"].prefix and phrases["human rights body"].code == "NGO"


def test_bad_date_restriction_is_a_coded_error() -> None:
    with pytest.raises(EventwireError) as err:
        parse_actors("X_\n\t[XXXGOV after-lunch]\n")
    assert err.value.code.value == "E402"


def test_user_petrarch_dictionary_alone_resolves_dates(tmp_path: Path) -> None:
    actors = tmp_path / "fre.actors.txt"
    actors.write_text(ACTORS, encoding="utf-8")
    kb = build_kb([actors], builtin=False)
    assert lookup("Firefly", "1932-06-01", kb)[0]["code"] == "FRE"
    assert lookup("Rufus T. Firefly", "1934-06-01", kb)[0]["code"] == "FREGOV"
    assert lookup("Freedonians", None, kb)[0]["code"] == "FRE"  # stem match
    assert lookup("Sergey Lavrov", "2014-01-01", kb) == []  # builtin=False: nothing else


@pytest.mark.parametrize("suite", ["universalpetrarch/PETR_Validate_{}_2_02.txt", "petrarch2/PETR.Validate.{}.txt"])
def test_petr_validation_dictionaries_parse(shared_data: Path, suite: str) -> None:
    kb = build_kb([shared_data / suite.format("actors")], [shared_data / suite.format("agents")], builtin=False)
    assert lookup("Sam Gamgee", "2010-01-10", kb)[0]["code"] == "ORCHOB"  # first matching range wins
    assert lookup("Sam Gamgee", "2012-12-01", kb)[0]["code"] == "HOBGOV"
    assert lookup("Smeagol", "1997-01-01", kb)[0]["code"] == "HOBGOV"
    assert lookup("Zimbabwe", "1975-01-01", kb)[0]["code"] == "RHO"
    assert lookup("Zimbabwe", "2005-01-01", kb)[0]["code"] == "ZBW"
    assert kb.agent("minister of silly walks") is not None


def test_project_format_jsonl_and_toml(tmp_path: Path) -> None:
    jl = tmp_path / "mine.jsonl"
    jl.write_text(
        '{"name": "Ruritanian Liberation Front", "aliases": ["RLF"], "kind": "group", "code": "RURREB"}\n'
        '{"name": "Rudolf Rassendyll", "kind": "person", "roles": [{"code": "RURGOV", "start": "1894-01-01"}]}\n'
        '{"agent": "palace guard", "code": "MIL"}\n', encoding="utf-8")
    tm = tmp_path / "more.toml"
    tm.write_text('[[actor]]\nname = "Strelsau"\ncode = "RURGOV"\nkind = "capital"\n', encoding="utf-8")
    kb = build_kb([jl, tm], builtin=True)
    assert lookup("RLF", None, kb)[0]["code"] == "RURREB"
    assert lookup("Rudolf Rassendyll", "1900-01-01", kb)[0]["sector"] == "GOV"
    assert lookup("Strelsau", None, kb)[0]["code"] == "RURGOV"
    assert kb.agent("palace guards") is not None
    assert lookup("Sergey Lavrov", "2014-01-01", kb)[0]["code"] == "RUSGOV"  # builtin still there


def test_time_aware_roles_in_the_shipped_kb() -> None:
    assert lookup("Vladimir Putin", "2010-06-01")[0]["role"] == "Prime Minister"
    assert lookup("Vladimir Putin", "2014-11-27")[0]["role"] == "President"
    sharaa_2020, sharaa_2025 = lookup("Ahmed al-Sharaa", "2020-01-01")[0], lookup("Ahmed al-Sharaa", "2025-06-01")[0]
    assert (sharaa_2020["code"], sharaa_2025["code"]) == ("SYRREB", "SYRGOV")
    khatib_2013, khatib_2014 = lookup("Moaz al-Khatib", "2013-01-15")[0], lookup("Moaz al-Khatib", "2014-11-27")[0]
    assert khatib_2013["code"] == khatib_2014["code"] == "SYROPP"
    assert (khatib_2013["former"], khatib_2014["former"]) == (False, True)
    assert lookup("Sergei Lavrov", "2014-11-27")[0]["code"] == "RUSGOV"


def test_countries_blocs_capitals_and_groups() -> None:
    expect = {"Russian": "RUS", "the Kremlin": "RUSGOV", "White House": "USAGOV", "Damascus": "SYRGOV",
              "Western": "WST", "NATO": "IGOWSTNAT", "Arab League": "IGOMEAARL", "Daesh": "IMGMUSISI",
              "ISIL": "IMGMUSISI", "Syrian National Coalition": "SYROPP"}
    for name, code in expect.items():
        assert lookup(name)[0]["code"] == code, name


def test_spelling_variants_find_the_person_but_not_a_namesake() -> None:
    assert lookup("Moammar Qaddafi", "2010-01-01")[0]["name"] == "Muammar Gaddafi"
    assert lookup("Walid Mualem", "2014-01-01")[0]["name"] == "Walid al-Moualem"
    hafez = lookup("Hafez al-Assad", "1990-01-01")[0]
    assert hafez["name"].startswith("Hafez") and hafez["code"] == "SYRGOV"
    assert all(r["name"] != "Bashar al-Assad" for r in lookup("Hafez al-Assad", "1990-01-01"))
