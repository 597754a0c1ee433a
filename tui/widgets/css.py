"""Loading a widget's ``.tcss`` file (widgets take CSS through ``DEFAULT_CSS``).

>>> "StatusBar" in css_beside(__file__.replace("css.py", "status_bar.py"))
True
"""

from __future__ import annotations

from pathlib import Path


def css_beside(module_file: str, *extra: str) -> str:
    """The ``.tcss`` file next to ``module_file``, followed by the named sibling files."""
    here = Path(module_file)
    parts = [here.with_suffix(".tcss").read_text(encoding="utf-8")]
    parts += [(here.parent / name).read_text(encoding="utf-8") for name in extra]
    return "\n".join(parts)
