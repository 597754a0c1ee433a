r"""Neutralising control and escape characters before anything is displayed.

Document text is data: it must never move the cursor, change colours or
rewrite the terminal title. One rule serves every output that shows user or
document text: the panes, the note editor, dialogs, the command line's tables
and echoes all pass it through ``display_safe``, which keeps the length of
the text the same (one replacement character for each removed one) so that
claim offsets still line up with what is shown; ``--json`` output goes through
``json_text``, which escapes the same characters (``\u009b``) so that the
data is kept exactly but nothing reaches a terminal raw.

    >>> display_safe("a\x1b[31mb\tc")
    'a␛[31mb    c'
    >>> json_text({"note": "\x1b]0;title\x07 and \x9b2J"})
    '{"note": "\\u001b]0;title\\u0007 and \\u009b2J"}'
"""

from __future__ import annotations

import json
import re
import unicodedata

_CONTROL_PICTURES = {i: chr(0x2400 + i) for i in range(0x20)}
_CONTROL_PICTURES[0x7F] = "\u2421"
_CONTROL_PICTURES[0x09] = " "  # tabs are expanded by display_safe, not pictured
_CONTROL_PICTURES[0x0A] = "\n"
# Bidi overrides/isolates and zero-width characters could reorder or hide text.
_INVISIBLE = {
    0x200B: "\u2423",  # zero width space
    0x200C: "\u2423",
    0x200D: "\u2423",
    0x2060: "\u2423",
    0xFEFF: "\u2423",
    0x202A: "\u2423",
    0x202B: "\u2423",
    0x202C: "\u2423",
    0x202D: "\u2423",
    0x202E: "\u2423",
    0x2066: "\u2423",
    0x2067: "\u2423",
    0x2068: "\u2423",
    0x2069: "\u2423",
    0x200E: "\u2423",
    0x200F: "\u2423",
    0x061C: "\u2423",
}


def display_safe(text: str, tab_size: int = 4) -> str:
    """Return ``text`` with control, escape, bidi and zero-width characters made visible.

    Tabs become spaces; every other character maps to exactly one character,
    except tabs which map to ``tab_size`` spaces (callers that need exact
    offset alignment pass ``tab_size=1``).
    """
    out = []
    for ch in text:
        code = ord(ch)
        if code == 0x09:
            out.append(" " * tab_size)
        elif code < 0x20 or code == 0x7F:
            out.append(_CONTROL_PICTURES[code])
        elif code in _INVISIBLE:
            out.append(_INVISIBLE[code])
        elif 0x80 <= code < 0xA0 or unicodedata.category(ch) in ("Cs", "Co"):
            out.append("\ufffd")
        else:
            out.append(ch)
    return "".join(out)


# What JSON leaves raw inside strings but a terminal would act on or hide: DEL, the C1
# controls (U+0080-009F, which include the one-byte CSI and OSC), line and paragraph
# separators, and the bidi and zero-width characters of display_safe.
_JSON_UNSAFE = re.compile(
    "[\x7f-\x9f\u2028\u2029" + "".join(re.escape(chr(c)) for c in sorted(_INVISIBLE)) + "]"
)


def json_text(value: object) -> str:
    """``value`` as one line of JSON (UTF-8, not ASCII-escaped) in which every control,
    escape or invisible character is written as a ``\\uXXXX`` escape."""
    encoded = json.dumps(value, ensure_ascii=False)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", encoded)


def one_line_safe(text: str) -> str:
    """:func:`display_safe` on one line: line breaks shown as spaces (echoes, titles)."""
    return display_safe(text, tab_size=1).replace("\n", " ")


def editable_safe(text: str) -> str:
    """``text`` for an editor: like :func:`display_safe`, but tabs and line breaks stay
    (the editor lays them out itself) and Windows line ends become plain ones.

    >>> editable_safe("a\\tb\\r\\nc\\x1b]0;t\\x07")
    'a\\tb\\nc␛]0;t␇'
    """
    lines = text.replace("\r\n", "\n").split("\n")
    return "\n".join("\t".join(display_safe(part) for part in line.split("\t")) for line in lines)
