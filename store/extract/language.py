"""Which language a document is written in (ISO 639-1 codes), and whether claims are read from it.

Claim extraction (figures, dates, attribution, check-worthiness) is written for English.
Other languages still get their sentences and search, but the English rules would invent
figures ("14 грудня" is the 14th of December, not the figure 14), so they are not run.

English news is recognised from its commonest function words without loading anything;
any other text goes to py3langid (BSD-3-Clause; a naive Bayes model over byte n-grams of
140 languages, a 4.6 MB wheel; its model takes about a second to load, once per process).

>>> detect_language("Officials said on Monday that 40 people died in the flooding.")
'en'
>>> detect_language("Загинули 14 людей, повідомили в поліції 14 грудня.") in {"uk", "ru", "be"}
True
>>> language_name("uk"), claims_available("uk"), claims_available("en")
('Ukrainian', False, True)
"""

from __future__ import annotations

import re
import threading
from typing import Any

from claimdesk.store.extract.wordlists import word_list

ENGLISH = "en"
"""The only language claims are extracted from (for now)."""

SAMPLE_CHARS = 4000
"""Only the first characters of a document are read to decide its language."""

MIN_CONFIDENCE = 0.5
"""A Latin-script text is called another language only when py3langid is at least this sure;
below it (short or mixed text) it is read as English, the language the rules know."""

_ENGLISH_WORDS = frozenset(
    word_list(
        "the of and was were that with said says have has from this which would they their "
        "been will who after about but not"
    )
)
_ENGLISH_SHARE = 0.1
_WORD = re.compile(r"[^\W\d_]+")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")

NAMES: dict[str, str] = {
    "af": "Afrikaans",
    "ar": "Arabic",
    "be": "Belarusian",
    "bg": "Bulgarian",
    "bn": "Bengali",
    "bs": "Bosnian",
    "ca": "Catalan",
    "cs": "Czech",
    "cy": "Welsh",
    "da": "Danish",
    "de": "German",
    "el": "Greek",
    "en": "English",
    "es": "Spanish",
    "et": "Estonian",
    "eu": "Basque",
    "fa": "Persian",
    "fi": "Finnish",
    "fr": "French",
    "ga": "Irish",
    "he": "Hebrew",
    "hi": "Hindi",
    "hr": "Croatian",
    "hu": "Hungarian",
    "hy": "Armenian",
    "id": "Indonesian",
    "is": "Icelandic",
    "it": "Italian",
    "ja": "Japanese",
    "ka": "Georgian",
    "kk": "Kazakh",
    "ko": "Korean",
    "lt": "Lithuanian",
    "lv": "Latvian",
    "mk": "Macedonian",
    "ms": "Malay",
    "nl": "Dutch",
    "nn": "Norwegian Nynorsk",
    "no": "Norwegian",
    "pl": "Polish",
    "pt": "Portuguese",
    "ro": "Romanian",
    "ru": "Russian",
    "sk": "Slovak",
    "sl": "Slovenian",
    "sq": "Albanian",
    "sr": "Serbian",
    "sv": "Swedish",
    "sw": "Swahili",
    "th": "Thai",
    "tl": "Tagalog",
    "tr": "Turkish",
    "uk": "Ukrainian",
    "ur": "Urdu",
    "uz": "Uzbek",
    "vi": "Vietnamese",
    "zh": "Chinese",
}
"""English names of the commoner languages (others are shown by their code)."""

_identifier: Any = None  # py3langid's LanguageIdentifier (the package has no type information)
_lock = threading.Lock()


def _classifier() -> Any:
    """The py3langid identifier with normalised probabilities, loaded on first use."""
    global _identifier
    with _lock:
        if _identifier is None:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            _identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        return _identifier


def looks_english(words: list[str]) -> bool:
    """Whether at least a tenth of ``words`` (lower-cased) are common English function words."""
    if not words:
        return False
    return sum(w in _ENGLISH_WORDS for w in words) >= _ENGLISH_SHARE * len(words)


def detect_language(text: str) -> str:
    """The ISO 639-1 code of ``text``'s language; ``"en"`` when unsure and written in Latin script.

    A text with no letters at all is called English too: there is nothing another
    language's reader would miss.
    """
    sample = text[:SAMPLE_CHARS]
    words = [w.lower() for w in _WORD.findall(sample)]
    if not words or looks_english(words):
        return ENGLISH
    letters = sum(len(w) for w in words)
    latin = len(_LATIN.findall(sample))
    code, confidence = _classifier().classify(sample)
    if latin * 2 >= letters and (code == "zxx" or confidence < MIN_CONFIDENCE):
        return ENGLISH
    if code == "zxx":  # "no linguistic content" in a non-Latin script: keep the best language
        code = next((c for c, _ in _classifier().rank(sample) if c != "zxx"), ENGLISH)
    return str(code)


def claims_available(code: str) -> bool:
    """Whether claims, figures and attribution are extracted for language ``code``.

    ``""`` (a document stored before languages were detected) counts as English.
    """
    return code in ("", ENGLISH)


def language_name(code: str) -> str:
    """The English name of ``code`` ("Ukrainian"), the code itself when not in :data:`NAMES`,
    or ``"unknown"`` for ``""``."""
    if not code:
        return "unknown"
    return NAMES.get(code, code)


def extraction_note(code: str) -> str:
    """The sentence ``claimdesk add`` and the reader show for a language without claims ("" otherwise)."""
    if claims_available(code):
        return ""
    return (
        f"claim extraction for {language_name(code)} ({code}) is not available yet: "
        "its sentences are stored and searchable, without claims"
    )
