"""The event model: the shipped file loads, its probabilities are probabilities, the features of a real event
are what the parse says, it ranks a clearly wrong rule candidate below clearly right ones, the events stage
applies it, and the training script runs end to end on a few articles (about 10 s; skipped without the train extra).

Why sentences written for the purpose (not dev sentences): the model was trained on the dev gold, so a dev
sentence would test memory, not the model.
"""

from __future__ import annotations

import importlib.util
import json
import math
import sys
from pathlib import Path
from typing import Any

import pytest

from eventwire import Pipeline, load_config
from eventwire.document import Document, Event
from eventwire.events.features import FEATURES_VERSION, doc_context, event_features
from eventwire.events.model import EVENT_MODEL, EventModel
from eventwire.pipeline import new_document
from eventwire.records import RawRecord

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT.parent / "shared" / "data" / "realnews" / "dev"

RIGHT = [
    ("Police arrested three opposition activists in Cairo on Tuesday, the interior ministry said.", "arrested"),
    ("Israeli warplanes bombed Hamas positions in Gaza overnight, killing four militants.", "bombed"),
    ("Russian troops attacked the Ukrainian city of Kharkiv on Monday.", "attacked"),
]
# rule candidates no careful coder would keep (a book release read as a release of prisoners, "according to"
# read as a grant, a move out of a building read as a visit); the rules may stop making some of them, so the
# test needs only one of them made
WRONG = [
    ("Turkey's president released his new book on Monday.", "released"),
    ("Syria's war has displaced millions of people since 2011, according to the United Nations.", "according"),
    ("Obama left the White House in 2017 and moved to Washington's Kalorama neighbourhood.", "left"),
]


def raw_events(pipeline: Pipeline, text: str) -> tuple[Document, list[tuple[Event, dict[str, float]]]]:
    """The rule coder's events of ``text`` (every stage before events, then the coder alone) with features,
    computed while the parse is there."""
    doc = new_document(RawRecord(text=text, id="t", published="2021-03-02"))
    stages = pipeline.stages
    for stage in stages[:-1]:
        stage(doc)
    coder = stages[-1].coder  # type: ignore[attr-defined]
    events = coder.code(doc)
    ctx = doc_context(doc, events, coder.words)
    return doc, [(e, event_features(doc, e, ctx, coder.words)) for e in events]


def by_trigger(pipeline: Pipeline, text: str, trigger: str) -> list[dict[str, float]]:
    return [f for e, f in raw_events(pipeline, text)[1] if e.evidence.trigger and e.evidence.trigger.text == trigger]


@pytest.fixture(scope="module")
def model(pipeline: Pipeline) -> EventModel:
    return pipeline.resources.get(EVENT_MODEL)


def test_shipped_model_loads(model: EventModel) -> None:
    assert model.meta["features_version"] == FEATURES_VERSION
    assert 0.0 < model.threshold < 1.0
    assert len(model.weights) > 50 and all(math.isfinite(w) for w in model.weights.values())
    assert model.meta["training"]["seed"] is not None and model.meta["out_of_fold"]["auc_type_any"] > 0.5
    assert EventModel.builtin().weights == model.weights  # the same file, read the same way


def test_a_model_for_other_features_is_refused(model: EventModel) -> None:
    data = {"format": "eventwire.event_model/1", "kind": "logistic", "features_version": "ef-0",
            "intercept": 0.0, "weights": {}, "threshold": 0.5}
    with pytest.raises(Exception, match="retrain"):
        EventModel.from_dict(data)


def test_probabilities_are_probabilities(model: EventModel) -> None:
    names = list(model.weights)
    for feats in ({}, {"bias": 1.0}, {n: 1.0 for n in names}, {n: -50.0 for n in names}, {n: 50.0 for n in names},
                  {"unknown feature": 3.0}):
        p = model.probability(feats)
        assert 0.0 <= p <= 1.0


def test_features_of_a_real_event(pipeline: Pipeline) -> None:
    feats = by_trigger(pipeline, RIGHT[1][0], "bombed")
    assert feats, "the rules code 'bombed'"
    f = feats[0]
    for name in ("bias", "family=cameo", "type=ASSAULT", "pos=VERB", "root", "fact", "sides=AR",
                 "actor_sector=MIL", "sent_pos=0"):
        assert f.get(name) == 1.0, name
    assert f["in_quote"] == 0.0 and f["in_title"] == 0.0
    assert 0.0 < f["rule_conf"] <= 1.0
    assert all(isinstance(k, str) and isinstance(v, float) for k, v in f.items())


def test_wrong_candidates_score_below_right_ones(pipeline: Pipeline, model: EventModel) -> None:
    right = [model.probability(f) for text, trig in RIGHT for f in by_trigger(pipeline, text, trig)]
    wrong = [model.probability(f) for text, trig in WRONG for f in by_trigger(pipeline, text, trig)]
    assert len(right) >= 2
    if not wrong:
        pytest.skip("the rules no longer make these wrong candidates: choose others the rules still make")
    assert max(wrong) < min(right)
    assert min(right) >= model.threshold


def test_the_events_stage_applies_the_model() -> None:
    text = RIGHT[1][0] + " " + WRONG[0][0] + " Officials said the army may attack the town."
    docs = {}
    for floor in (0.0, 0.999):
        docs[floor] = Pipeline(load_config(overrides={"events.min_confidence": floor})).extract(text, id="t")
    default = docs[0.0].events
    assert default and all(0.0 <= e.confidence <= 1.0 for e in default)
    assert any(e.evidence.trigger and e.evidence.trigger.text == "bombed" for e in default)
    # a floor above every probability drops every fact; non-facts stay (kept for analysts)
    assert all(set(e.aux) & {"negation", "hypothetical", "future"} for e in docs[0.999].events)


def test_statement_coding_is_left_to_the_rules() -> None:
    stage = Pipeline(load_config(overrides={"events.statements": True})).stages[-1]
    assert stage.model is None  # type: ignore[attr-defined]


def test_model_off_keeps_the_rules_confidence_and_its_floor() -> None:
    text = RIGHT[1][0] + " " + WRONG[0][0]
    rules = Pipeline(load_config(overrides={"events.model": False})).extract(text, id="t").events
    floored = Pipeline(load_config(overrides={"events.model": False, "events.min_confidence": 0.999}))
    assert rules and floored.stages[-1].model is None  # type: ignore[attr-defined]
    assert not floored.extract(text, id="t").events  # no rule confidence reaches 0.999


def test_training_runs_end_to_end(tmp_path: Path) -> None:
    pytest.importorskip("sklearn", reason="training needs the train extra: pip install -e '.[train]'")
    if not DEV.is_dir():
        pytest.fail(f"reference data missing: {DEV}")
    spec = importlib.util.spec_from_file_location("train_events", ROOT / "tools" / "train_events.py")
    assert spec and spec.loader
    train: Any = importlib.util.module_from_spec(spec)
    sys.modules["train_events"] = train
    spec.loader.exec_module(train)
    out = tmp_path / "model.json"
    assert train.main(["--gold", str(DEV), "--limit", "12", "--folds", "3", "--cache", str(tmp_path / "cache"),
                       "--out", str(out), "--report", str(tmp_path / "report.json")]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    trained = EventModel.from_dict(data)
    assert trained.meta["training"]["seed"] == 13 and 0.0 <= trained.threshold < 1.0
    assert 0.0 <= trained.probability({"family=cameo": 1.0, "type=ASSAULT": 1.0}) <= 1.0
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert {"reliability", "sweep", "nested_figures", "auc_type_any"} <= set(report)
