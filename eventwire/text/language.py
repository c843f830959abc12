"""The language stage: detect the language of the cleaned text and refuse languages with no model.

Why a stage of its own between clean and nlp: the English spaCy model, dictionaries and verb patterns
produce confident nonsense on French or Chinese text (names read as verbs, events from noise), so such an
article is rejected with E107 and a reason naming the language, unless that language is listed in
``io.languages``. Detection runs on the first ``io.detect_chars`` characters (cheap: a few ms per article)
with langdetect and a fixed seed, so the result is deterministic. Texts too short to judge are kept.
"""

from __future__ import annotations

import functools
from typing import Any

__all__ = [
    "DEFAULT_CHARS", "MIN_LETTERS", "MIN_PROB", "SHORT_LETTERS", "SHORT_MIN_PROB", "detect_language",
]

DEFAULT_CHARS = 1000
MIN_LETTERS = 40  # below this, language identification is guesswork
MIN_PROB = 0.80  # reject only when the detector is this sure the text is in no configured language


SHORT_LETTERS = 200  # below this, langdetect misreads some English headlines ("... to Nicaragua." -> es)
# A short text is rejected only when the detector is at least this sure: on one sentence it gives a foreign
# language a middling probability for English news ("ISIS gunmen killed four Kurds in a Kirkuk province
# village." -> da 0.86), while real French, German or Spanish sentences come out above 0.999.
SHORT_MIN_PROB = 0.99


@functools.lru_cache(maxsize=1)
def _factory() -> Any:
    """langdetect's profiles, loaded once (about a second), with a fixed seed for deterministic answers."""
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.set_seed(0)
    return factory


def detect_language(text: str, chars: int = DEFAULT_CHARS) -> list[tuple[str, float]]:
    """[(ISO 639-1 code, probability)] best first for the first ``chars`` characters; [] if too short."""
    sample = text[:chars]
    if sum(1 for ch in sample if ch.isalpha()) < MIN_LETTERS:
        return []
    from langdetect.lang_detect_exception import LangDetectException

    detector = _factory().create()
    detector.append(sample)
    try:
        return [(p.lang, float(p.prob)) for p in detector.get_probabilities()]
    except LangDetectException:
        return []
