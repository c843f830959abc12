"""Events: PLOVER/CAMEO coding over dependency parses (patterns, ontology, coder)."""
