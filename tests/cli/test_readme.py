"""The README's Python loop runs on the bundled sample (it raised IndexError when an event had no actor)."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

from eventwire import Pipeline

ROOT = Path(__file__).resolve().parents[2]


def test_readme_python_loop_runs_on_the_sample(pipeline: Pipeline, sample_text: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import eventwire

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("### Python API", 1)[1].split("```python", 1)[1].split("```", 1)[0]
    # the paragraph of `doc = eventwire.extract(...)` and the loop over its events
    loop = next(part for part in block.split("\n\n") if "for ev in doc.events" in part)
    monkeypatch.setattr(eventwire, "extract", lambda text, **meta: pipeline.extract(text, **meta))
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(loop, "README.md", "exec"), {"eventwire": eventwire, "text": sample_text})  # noqa: S102
    lines = out.getvalue().splitlines()
    doc = pipeline.extract(sample_text, published="2014-11-27")
    assert len(lines) == sum(1 for ev in doc.events if ev.is_fact) > 0
    assert all(re.match(r"^[A-Z]+ ", line) for line in lines)
