"""The language stage: English passes, other languages are rejected (E107) unless configured."""

from __future__ import annotations

import pytest

from eventwire.config import load_config
from eventwire.document import Document
from eventwire.errors import ErrorCode, EventwireError
from eventwire.stage import Resources
from eventwire.text.language import detect_language
from eventwire.text.stage import LanguageStage

TEXTS = {
    "fr": "Le ministre français des Affaires étrangères a appelé mercredi à un cessez-le-feu immédiat en Syrie, "
    "lors d'une conférence de presse à Paris avec son homologue russe.",
    "de": "Die Bundesregierung hat am Mittwoch neue Sanktionen gegen Russland gefordert, nachdem die Gespräche "
    "in Minsk ohne Ergebnis zu Ende gegangen waren.",
    "es": "El gobierno colombiano y las FARC firmaron el jueves en La Habana un acuerdo de alto el fuego bilateral "
    "y definitivo, según informaron ambas partes.",
    "ru": "Министр иностранных дел России Сергей Лавров в среду провел переговоры со своим сирийским коллегой "
    "в Сочи и призвал к политическому урегулированию.",
    "vi": "Thủ tướng Nguyễn Tấn Dũng đã tiếp Bộ trưởng Ngoại giao Nhật Bản tại Hà Nội vào chiều thứ Tư, hai bên "
    "nhất trí tăng cường hợp tác.",
}
ENGLISH_WITH_NAMES = (
    "Vietnamese Prime Minister Nguyen Tan Dung and his Lao counterpart Thongsing Thammavong signed an agreement "
    "on border management in Vientiane on Wednesday, Thongloun Sisoulith and Pham Binh Minh attending."
)


def stage(**overrides: object) -> LanguageStage:
    config = load_config(None, overrides)
    return LanguageStage(config, Resources(config))


def doc_of(text: str) -> Document:
    doc = Document(id="t")
    doc.article.text = text
    return doc


def test_english_passes(sample_text: str) -> None:
    for text in (sample_text, ENGLISH_WITH_NAMES):
        doc = doc_of(text)
        stage()(doc)
        assert doc.article.language == "en"


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_other_languages_are_rejected(lang: str) -> None:
    doc = doc_of(TEXTS[lang])
    with pytest.raises(EventwireError) as info:
        stage()(doc)
    assert info.value.code is ErrorCode.NOT_ENGLISH
    assert f"'{lang}'" in str(info.value) and "io.languages" in str(info.value)


def test_configured_language_is_accepted() -> None:
    doc = doc_of(TEXTS["fr"])
    stage(**{"io.languages": ["en", "fr"]})(doc)
    assert doc.article.language == "fr"


def test_detection_can_be_switched_off() -> None:
    doc = doc_of(TEXTS["de"])
    stage(**{"io.detect_language": False})(doc)
    assert doc.article.language == "en"


def test_short_text_is_kept_with_a_note() -> None:
    doc = doc_of("Talks resumed.")
    stage()(doc)
    assert doc.article.language == "en" and "too short" in doc.article.notes[0]


def test_detection_is_deterministic() -> None:
    mixed = TEXTS["fr"][:80] + " " + ENGLISH_WITH_NAMES[:80]
    assert detect_language(mixed) == detect_language(mixed)
    assert detect_language("ok") == []


def test_pipeline_rejects_french_with_stage_and_code(pipeline) -> None:  # type: ignore[no-untyped-def]
    from eventwire.records import RawRecord, Reject

    (result,) = list(pipeline.pipe([RawRecord(text=TEXTS["fr"], id="fr1")]))
    assert isinstance(result, Reject)
    assert (result.id, result.stage, result.code) == ("fr1", "language", "E107")


@pytest.mark.parametrize(
    "text",
    [
        "U.S. military gives medical equipment to Nicaragua.",  # langdetect alone says 'es'
        "Ortega calls for dialogue with the Catholic bishops.",
        "Pakistan and India trade fire along the Kashmir border.",
        "ISIS gunmen killed four Kurds in a Kirkuk province village.",  # langdetect alone: 'da', p=0.86
    ],
)
def test_short_english_headlines_pass(text: str) -> None:
    doc = doc_of(text)
    stage()(doc)
    assert doc.article.language == "en"


@pytest.mark.parametrize(
    "text",
    [
        "Le ministre a appelé mercredi à un cessez-le-feu immédiat en Syrie.",
        "Die Regierung hat am Mittwoch neue Sanktionen gefordert.",
        "La policía detuvo a dos hombres en Madrid el lunes por la noche.",
        "Politiet anholdt to mænd i København mandag aften efter et røveri.",
    ],
)
def test_short_foreign_sentences_are_still_rejected(text: str) -> None:
    with pytest.raises(EventwireError):
        stage()(doc_of(text))


def test_language_evaluator_on_real_english_news(shared_data) -> None:  # type: ignore[no-untyped-def]
    """`eventwire eval language` on 60 Guardian stories and 200 ConfliBERT sentences: nothing English lost."""
    from eventwire.eval.language import evaluate

    stories = evaluate(shared_data / "ngec" / "guardian_sample.jsonl", {"limit": 60})
    sentences = evaluate(shared_data / "conflibert" / "cameo_class__train.tsv", {"limit": 200})
    assert stories["texts"] == 60 and sentences["texts"] == 200
    assert stories["rejected"] == 0 and sentences["rejected"] == 0, (stories, sentences)
