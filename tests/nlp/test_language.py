"""Language identification: English is coded, other languages are reported, never guessed."""

import pytest

from dyad.nlp.language import detect_language


@pytest.mark.parametrize(
    "text",
    [
        # Full of names, which the detector alone reads as Dutch (score 0.68).
        "Van der Berg and De Vries of the Dutch Rijkswaterstaat met in Rotterdam with Jansen"
        " and Bakker.",
        "Israeli troops killed two Palestinians in Jenin on Tuesday, the ministry said.",
        "Short note",
    ],
)
def test_english_news_is_english(text: str) -> None:
    assert detect_language(text) == "en"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Der Bundestag hat heute beschlossen, die Sanktionen gegen Russland aufzuheben.", "de"),
        ("Le gouvernement a annoncé des sanctions contre la Russie après les frappes.", "fr"),
        ("El gobierno de Venezuela rechazó las sanciones impuestas por Washington.", "es"),
        ("Министерство обороны России заявило об ударах по Харькову.", "ru"),
    ],
)
def test_other_languages_are_named(text: str, language: str) -> None:
    assert detect_language(text) == language
