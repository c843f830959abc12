"""Issue item 8: would a trained event-type classifier help where no pattern fires? (development only)

Why a script and not a stage: the measurement said no (docs/evaluation.md, "Classifier fallback"), so
nothing ships; this keeps the figure reproducible. It trains TF-IDF (1-2 grams) + logistic regression on
the 4,500 PLOVER-labelled synthetic stories of ../shared/data/ngec, and, on the ConfliBERT quad sentences
where the full default pipeline codes no event, lets the classifier propose its most likely type when its
probability reaches a threshold. The threshold is chosen on one random half (seed 7) and reported on the
other, against the pipeline alone on the same half.

Usage (scikit-learn is not a dependency of eventwire):
    .venv/bin/pip install scikit-learn==1.5.2
    .venv/bin/python scripts/classifier_experiment.py ../shared/data
"""

from __future__ import annotations

import csv
import io
import random
import sys
import zipfile
from pathlib import Path
from typing import Any

from eventwire.config import load_config
from eventwire.errors import EventwireError
from eventwire.eval.quad import read_quad, scores, strongest_quad
from eventwire.events.ontology import PLOVER_TYPES
from eventwire.pipeline import Pipeline


def with_event_scores(pairs: list[tuple[int, int]]) -> dict[str, Any]:
    """Quad scores plus precision/recall of "there is an event" and of the exact quad class."""
    out = scores(pairs)
    tp = sum(1 for g, p in pairs if g and p)
    out["event_precision"] = round(tp / max(1, sum(1 for _, p in pairs if p)), 4)
    out["event_recall"] = round(tp / max(1, sum(1 for g, _ in pairs if g)), 4)
    out["quad_precision"] = round(sum(1 for g, p in pairs if p and g == p) / max(1, sum(1 for _, p in pairs if p)), 4)
    return out


def main(shared: Path) -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    with zipfile.ZipFile(shared / "ngec" / "gpt_synthetic_events_2023-10-19_19.csv.zip") as zf:
        name = zf.namelist()[0]
        train = list(csv.DictReader(io.TextIOWrapper(zf.open(name), encoding="utf-8")))
    vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    clf = LogisticRegression(max_iter=2000, C=4.0).fit(vec.fit_transform([r["text"] for r in train]),
                                                       [r["label"] for r in train])
    rows = read_quad(shared / "conflibert" / "cameo_class__train.tsv")
    pipeline = Pipeline(load_config(overrides={"io.detect_language": False}))
    coded: list[int] = []
    for n, (text, _) in enumerate(rows):
        try:
            coded.append(strongest_quad(pipeline.extract(text, id=f"q{n}")))
        except EventwireError:
            coded.append(0)
    proba = clf.predict_proba(vec.transform([t for t, _ in rows]))
    classes = list(clf.classes_)
    order = list(range(len(rows)))
    random.Random(7).shuffle(order)
    dev, test = order[: len(order) // 2], order[len(order) // 2 :]

    def run(ids: list[int], threshold: float) -> dict[str, Any]:
        pairs = []
        for i in ids:
            pred = coded[i]
            if pred == 0 and proba[i].max() >= threshold:
                pred = PLOVER_TYPES.get(classes[int(proba[i].argmax())], 0)
            pairs.append((rows[i][1], pred))
        return with_event_scores(pairs)

    best = max((0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9), key=lambda t: run(dev, t)["macro_f1"])
    print("threshold chosen on the dev half:", best)
    print("test half, pipeline alone:      ", run(test, 2.0))
    print("test half, pipeline + classifier:", run(test, best))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared" / "data")
