"""Turning the bytes of a file into text: BOMs, UTF-8, legacy 8-bit code pages, binary refusal.

Order of decisions: a byte-order mark wins; then text with NUL bytes is UTF-16
without a BOM or binary; then strict UTF-8; then a charset an HTML head
declares; then UTF-8 with a few bad bytes (repaired as U+FFFD, with a note that
says so); then the legacy code page whose decoding reads most like words
(Cyrillic cp1251 against Western cp1252).

    >>> decode_bytes("Привіт, світе".encode("cp1251"))
    'Привіт, світе'
    >>> decode_bytes("Café Müller".encode("cp1252"))
    'Café Müller'
    >>> decode_bytes("\ufeffKyiv".encode("utf-8"))
    'Kyiv'
    >>> decode_bytes(b"%PDF-1.7 ...")
    Traceback (most recent call last):
    ...
    claimdesk.store.ingest.decoding.NotTextError: a PDF file, not text (convert it to text or HTML first)
"""

from __future__ import annotations

import codecs
import re

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_SIGNATURES = (
    (b"%PDF-", "a PDF file"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/ODT/EPUB)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a program"),
    (b"SQLite format 3", "an SQLite database"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
)

LEGACY_CANDIDATES = ("cp1251", "cp1252", "koi8-u")
"""Legacy code pages tried, in this order, when a file is not UTF-8."""

_WORD = re.compile(r"[^\W\d_]+")
_CONTROL = bytes(range(0x00, 0x09)) + bytes(range(0x0E, 0x1B)) + bytes(range(0x1C, 0x20))


class NotTextError(ValueError):
    """The bytes are not text claimdesk can read (binary, or an undecodable encoding)."""


def decode_bytes(raw: bytes) -> str:
    """Decode a file's bytes to ``str`` (the BOM removed); :class:`NotTextError` for binary data."""
    return decode_with_note(raw)[0]


def decode_with_note(raw: bytes) -> tuple[str, str]:
    """:func:`decode_bytes`, and a note saying what had to be repaired (empty if nothing).

    >>> decode_with_note(b"Caf\\xc3\\xa9 au lait\\nbad \\xff byte")
    ('Café au lait\\nbad \\ufffd byte', '1 byte that is not UTF-8 replaced by \\ufffd (line 2)')
    """
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw[len(bom) :].decode(encoding), ""
            except UnicodeDecodeError as exc:
                raise NotTextError(
                    f"not valid {encoding.upper()} despite its byte-order mark"
                ) from exc
    for signature, what in _SIGNATURES:
        if raw.startswith(signature):
            raise NotTextError(f"{what}, not text (convert it to text or HTML first)")
    head = raw[:65536]
    if b"\x00" in head:
        return _decode_utf16_without_bom(raw), ""
    if len(head) - len(head.translate(None, _CONTROL)) > max(8, len(head) // 100):
        raise NotTextError("a binary file, not text")
    try:
        return raw.decode("utf-8"), ""
    except UnicodeDecodeError:
        pass
    declared = _declared(raw)
    if declared:
        return declared, ""
    return _mostly_utf8(raw) or (decode_legacy(raw), "")


_DECLARED = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)


def _declared(raw: bytes) -> str | None:
    """Text decoded with the charset an HTML/XML head declares, if it is a real 8-bit codec."""
    match = _DECLARED.search(raw[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii").lower()
    try:
        if codecs.lookup(name).name in ("utf-8", "utf-16", "utf-32"):
            return None  # declared UTF but not valid UTF: the declaration is wrong
        return raw.decode(name)
    except (LookupError, UnicodeDecodeError):
        return None


DAMAGE_PER_CHARACTER = 3
"""UTF-8 with repairs is chosen over a legacy code page while its bad bytes number at most
this many for every character it decodes to beyond ASCII: a legacy file read as UTF-8
is nearly all bad bytes, with a rare valid pair by chance."""


def _mostly_utf8(raw: bytes) -> tuple[str, str] | None:
    """UTF-8 text with a few damaged bytes (a truncated copy, a bad paste) keeps its UTF-8
    reading, line by line: the valid text as UTF-8, each bad byte as U+FFFD, and a note
    saying so. ``None`` when the bytes read as a legacy code page instead."""
    text = raw.decode("utf-8", errors="replace")
    damaged = text.count("\ufffd") - raw.count("\ufffd".encode())
    non_ascii = len(text) - len(text.encode("ascii", "ignore")) - text.count("\ufffd")
    if damaged <= 0 or non_ascii < 1 or damaged > DAMAGE_PER_CHARACTER * non_ascii:
        return None
    lines = [i for i, line in enumerate(text.split("\n"), 1) if "\ufffd" in line]
    shown = ", ".join(map(str, lines[:5])) + (", ..." if len(lines) > 5 else "")
    plural = "s that are" if damaged != 1 else " that is"
    where = f"line{'s' * (len(lines) != 1)} {shown}"
    return text, f"{damaged} byte{plural} not UTF-8 replaced by \ufffd ({where})"


def _decode_utf16_without_bom(raw: bytes) -> str:
    """UTF-16 text without a BOM has NULs in every other byte for Latin text; else it is binary."""
    head = raw[:65536]
    even, odd = head[0::2], head[1::2]
    for zeros, encoding in ((odd, "utf-16-le"), (even, "utf-16-be")):
        other = even if zeros is odd else odd
        if zeros.count(0) > len(zeros) * 0.3 and other.count(0) < len(other) * 0.02:
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError:
                break
    raise NotTextError("a binary file, not text")


_COMMON_CYRILLIC = set("оаеиінтрсвлкмдпу")
_TEXT_SYMBOLS = set("\u00a0«»„“”‘’‚—–…№•·€£§©®°±×\u2116\u2122")


def plausibility(text: str) -> float:
    """How much ``text`` reads like words; higher is more plausible.

    Each non-ASCII word scores +1 if plausible, -1 if not: mixing Latin and
    Cyrillic letters ("cafй"), mostly accented Latin letters ("Ïðåçèäåíò",
    Cyrillic read as cp1252) or odd casing ("рТЕЪЙДЕОФ") are not. Cyrillic words
    earn a bonus for common letters, which separates cp1251 from KOI8 even in
    capitals; stray symbols (box drawing, maths) cost a point each.
    """
    score = 0.0
    for ch in text:
        if ord(ch) > 127 and not ch.isalpha() and not ch.isspace() and ch not in _TEXT_SYMBOLS:
            score -= 1
    for word in _WORD.findall(text):
        if word.isascii():
            continue
        if not _plausible_word(word):
            score -= 1
            continue
        score += 1
        if "\u0400" <= word[0] <= "\u04ff":
            common = sum(1 for ch in word.lower() if ch in _COMMON_CYRILLIC)
            score += common / len(word) - 0.5
    return score


def _plausible_word(word: str) -> bool:
    cyrillic = sum(1 for ch in word if "\u0400" <= ch <= "\u04ff")
    latin_extra = sum(1 for ch in word if "\u00c0" <= ch <= "\u024f")
    ascii_letters = sum(1 for ch in word if ch.isascii())
    if cyrillic and (ascii_letters or latin_extra):
        return False  # mixed scripts: "cafй"
    if latin_extra and len(word) > 2 and latin_extra * 2 > len(word):
        return False  # mostly accented Latin: "Ïðåçèäåíò"
    return _normal_case(word)


def _normal_case(word: str) -> bool:
    return word.islower() or word.isupper() or (word[0].isupper() and word[1:].islower())


def decode_legacy(raw: bytes) -> str:
    """Decode non-UTF-8 bytes with the most plausible legacy code page (``latin-1`` last)."""
    sample = raw[:200_000]
    best, best_score = "", None
    for encoding in LEGACY_CANDIDATES:
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = plausibility(text)
        if best_score is None or score > best_score:
            best, best_score = encoding, score
    if best and best_score is not None and best_score > 0:
        return raw.decode(best, errors="replace")
    guessed = _guess_with_charset_normalizer(raw)
    if guessed is not None:
        return guessed
    if best:
        return raw.decode(best, errors="replace")
    return raw.decode("latin-1")


def _guess_with_charset_normalizer(raw: bytes) -> str | None:
    """Ask charset_normalizer about encodings outside the two usual code pages (e.g. GBK)."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - installed with trafilatura
        return None
    match = from_bytes(raw[:200_000]).best()
    if match is None or match.encoding is None:
        return None
    try:
        return raw.decode(match.encoding)
    except (UnicodeDecodeError, LookupError):
        return None
