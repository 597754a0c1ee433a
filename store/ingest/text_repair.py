"""Mojibake repair: text that was UTF-8 once, decoded with the wrong code page, made whole.

A page saved twice through the wrong encoding reads "CafÃ© MÃ¼ller" or
"Ð¿Ñ€Ð¸Ð²ÐµÑ‚"; ftfy undoes that when it is sure. Only its encoding fixes
run: quotes, ligatures, widths, HTML entities and line breaks stay as written
(those are the document's, not damage). Clean text never reaches ftfy: a
regular expression looks for the byte pairs mojibake is made of first, so
ingest pays almost nothing for the check.

    >>> repair_mojibake("CafÃ© MÃ¼ller said â€œ40 diedâ€\\x9d.")
    'Café Müller said “40 died”.'
    >>> repair_mojibake("Ð¿Ñ€Ð¸Ð²ÐµÑ‚")
    'привет'
    >>> repair_mojibake("São Paulo, “quoted” — 5 €")
    'São Paulo, “quoted” — 5 €'
"""

from __future__ import annotations

import re

# What UTF-8 lead bytes (0xC2-0xF4) look like read as cp1252/Latin-1, followed by what a
# continuation byte (0x80-0xBF) looks like: the fingerprint of Western mojibake.
_CONTINUATION = "\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
_LATIN_MOJIBAKE = re.compile(f"[\u00c2-\u00f4][{_CONTINUATION}]")
# Cyrillic UTF-8 (lead bytes 0xD0/0xD1) read as cp1251 starts "Р" or "С", and the
# continuation byte then reads as one of these instead of a letter а-я.
_CYRILLIC_MOJIBAKE = re.compile(
    "[РС][\u0402\u0403\u201a\u0453\u201e\u2026\u2020\u2021\u20ac\u2030\u0409\u2039\u040a"
    "\u040c\u040b\u040f\u0452\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u2122\u0459\u203a"
    "\u045a\u045c\u045b\u045f\u00a0\u040e\u045e\u0408\u00a4\u0490\u00a6\u00a7\u0401\u00a9"
    "\u0404\u00ab\u00ac\u00ad\u00ae\u0407\u00b0\u00b1\u0406\u0456\u0491\u00b5\u00b6\u00b7"
    "\u0451\u2116\u0454\u00bb\u0458\u0405\u0455\u0457]"
)


def looks_like_mojibake(text: str) -> bool:
    """Whether ``text`` holds a character pair that mojibake is made of (a cheap first look).

    >>> looks_like_mojibake("CafÃ©"), looks_like_mojibake("Café"), looks_like_mojibake("Сьогодні")
    (True, False, False)
    """
    if text.isascii():
        return False
    return bool(_LATIN_MOJIBAKE.search(text) or _CYRILLIC_MOJIBAKE.search(text))


def _config():
    from ftfy import TextFixerConfig

    return TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_encoding=True,
        restore_byte_a0=True,
        replace_lossy_sequences=True,
        decode_inconsistent_utf8=True,
        fix_c1_controls=True,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_surrogates=True,
        remove_control_chars=False,
        normalization=None,
        explain=False,
    )


def repair_mojibake(text: str) -> str:
    """``text`` with double-decoded UTF-8 undone; text without mojibake is returned as is."""
    if not looks_like_mojibake(text):
        return text
    import ftfy

    return ftfy.fix_text(text, _config())
