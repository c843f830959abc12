"""The tagger's previous import path, kept so existing ``eventwire.times.timex`` imports keep working.

New code imports from eventwire.times.tagger; the rules live in rules.py (see the package docstring).
"""

from __future__ import annotations

from eventwire.times.tagger import FORWARD_DAYS, TenseHint, TimexMatch, tag

__all__ = ["TimexMatch", "TenseHint", "tag", "FORWARD_DAYS"]
