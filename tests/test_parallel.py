"""Worker processes give the same Documents, in the same order, as one process (issue 10's fast path)."""

from __future__ import annotations

from eventwire import Document, Pipeline, RawRecord, Reject

TEXTS = [
    ("Russian Foreign Minister Sergei Lavrov met his Syrian counterpart in Sochi on Wednesday.", "2014-11-27"),
    ("Ministre des affaires étrangères, il a rencontré son homologue syrien à Sotchi mercredi dernier, "
     "selon un communiqué publié par le ministère à Moscou.", "2014-11-27"),
    ("Police in Cairo arrested dozens of protesters on Friday after clashes near Tahrir Square.", "2013-07-06"),
    ("The European Union imposed new sanctions on Iran last month, officials in Brussels said.", "2012-02-01"),
    ("Turkish troops shelled Kurdish positions in northern Syria, the army said on Sunday.", "2016-08-29"),
]


def _key(result: Document | Reject) -> str:
    return repr(result) if isinstance(result, Reject) else result.model_dump_json()


def test_two_workers_match_one_process(pipeline: Pipeline) -> None:
    records = [RawRecord(text=t, published=d, id=f"r{i}") for i, (t, d) in enumerate(TEXTS)]
    one = [_key(r) for r in pipeline.pipe(records, batch_size=2, n_process=1)]
    two = [_key(r) for r in pipeline.pipe(records, batch_size=2, n_process=2)]
    assert two == one
    assert len(one) == len(TEXTS)
    assert one[1].startswith("Reject(") and "E107" in one[1]  # the French text is rejected in a worker too
    assert sum('"events":[{' in k for k in one) >= 2  # real events came back from the workers
