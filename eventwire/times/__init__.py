"""Times: TIMEX3 tagging and normalisation of time expressions against the publication date.

- tagger.py: ``tag(text, anchor)``: candidate search, overlap selection, span trimming; TimexMatch, TenseHint
- rules.py: the date rules, one ``@rule(...)`` declaration each, in priority order (how to add one:
  docs/extending.md)
- rulebook.py: the Rule record and the ``@rule`` decorator that checks a declaration is complete
- lexicon.py: month, weekday, unit and number words, the regex fragments built from them, their readers
- context.py: the document's anchor, reference time and tense cues; year and weekday choice
- values.py: calendar values (Point, Val), date shifts, durations, holidays
- stage.py: the pipeline stage that anchors the tagger on the publication date
"""
