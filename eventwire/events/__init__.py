"""Events: PLOVER/CAMEO coding over dependency parses.

Modules, in the order the coder uses them (``coder.EventCoder.code``): ``match`` (which pattern a trigger
matches), ``slots`` (actor, recipient, control verbs), ``modality`` (negation, hypothetical, future),
``build`` (candidate -> events), ``anchor`` (date and place), ``merge`` (redundant readings, mentions of one
event). Beside them: ``syntax`` (parse helpers), ``candidate`` (the reading passed between the steps),
``lexicon`` (word classes), ``patterns`` (the ``.ewp`` format and loader; rules and word classes are in
``data/core.ewp``), ``petrarch`` (PETRARCH dictionary conversion), ``ontology`` (PLOVER/CAMEO),
``stage`` (the pipeline adapter).
"""
