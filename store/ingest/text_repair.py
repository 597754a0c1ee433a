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
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # ftfy is imported on first use (start-up time)
    from ftfy import TextFixerConfig

# The pairs are looked for in the UTF-8 bytes of the text, where a regular expression
# runs several times faster than over the characters.
#
# Western mojibake: a UTF-8 lead byte (0xC2-0xF4) read as cp1252/Latin-1 is one of
# U+00C2-U+00F4 (UTF-8 C3 82 - C3 B4), and the continuation byte after it reads as
# U+0080-U+00BF or one of cp1252's punctuation marks and letters (UTF-8 C2 .., E2 80-84 ..,
# C5 .., C6 92, CB 86/9C).
_LATIN_MOJIBAKE = re.compile(
    rb"\xc3[\x82-\xb4](?:\xc2[\x80-\xbf]|\xe2[\x80-\x84]|\xc5[\x92\x93\xa0\xa1\xb8\xbd\xbe]"
    rb"|\xc6\x92|\xcb[\x86\x9c])"
)
# Cyrillic UTF-8 (lead bytes 0xD0/0xD1) read as cp1251 is "Р" or "С" (UTF-8 D0 A0/A1)
# followed by what a continuation byte reads as in cp1251 instead of a letter а-я: Ђ-Џ,
# ђ-џ, punctuation, Ґ ґ. Two such pairs in a row: "Сі" alone is Ukrainian ("Січень").
_CYRILLIC_PAIR = rb"\xd0[\xa0\xa1](?:\xd0[\x81-\x8f]|\xd1[\x90-\x9f]|\xe2[\x80-\x84]|\xc2[\xa0-\xbb]|\xd2[\x90\x91])"
_CYRILLIC_MOJIBAKE = re.compile(_CYRILLIC_PAIR * 2)


def looks_like_mojibake(text: str) -> bool:
    """Whether ``text`` holds a character pair that mojibake is made of (a cheap first look).

    >>> looks_like_mojibake("CafÃ©"), looks_like_mojibake("Café"), looks_like_mojibake("Січень")
    (True, False, False)
    """
    if text.isascii():
        return False
    data = text.encode("utf-8", "surrogatepass")
    return bool(_LATIN_MOJIBAKE.search(data) or _CYRILLIC_MOJIBAKE.search(data))


def _config() -> TextFixerConfig:
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
