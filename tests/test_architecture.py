"""Layering rules that keep the store usable without a screen, and one import name."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CARD_FOLDERS = {"claimdesk": "claimdesk", "store": "claimdesk.store", "tui": "claimdesk.tui"}


def _imports(path: Path) -> set[str]:
    """Every module name ``path`` imports, absolute and dotted in full."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _offending(names: set[str], banned: tuple[str, ...]) -> list[str]:
    return sorted(n for n in names if any(n == b or n.startswith(b + ".") for b in banned))


def test_store_never_imports_textual_or_tui():
    offenders = {
        str(p.relative_to(ROOT)): _offending(_imports(p), ("textual", "claimdesk.tui"))
        for p in (ROOT / "store").rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_rule_catches_an_offender():
    assert _offending(
        {"claimdesk.tui.app", "textual.widgets", "claimdesk.store"},
        (
            "textual",
            "claimdesk.tui",
        ),
    ) == ["claimdesk.tui.app", "textual.widgets"]


def test_no_relative_or_old_top_level_imports():
    """Every import of our own code names ``claimdesk``; the old names must not come back."""
    offenders = []
    for folder in ("store", "tui", "seeds", "claimdesk", "tests", "benchmarks"):
        for path in (ROOT / folder).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.ImportFrom) and node.level and folder in CARD_FOLDERS:
                    offenders.append(f"{path.relative_to(ROOT)}: relative import")
                mods = _imports_of(node)
                if any(m.split(".")[0] in {"store", "tui", "seeds"} for m in mods):
                    offenders.append(f"{path.relative_to(ROOT)}: {sorted(mods)}")
    assert offenders == []


def _imports_of(node: ast.AST) -> set[str]:
    if isinstance(node, ast.Import):
        return {alias.name for alias in node.names}
    if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
        return {node.module}
    return set()


SQL = re.compile(r"\b(SELECT\s+.+\s+FROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM)\b", re.I)


def test_tui_never_writes_sql():
    offenders = [
        str(p.relative_to(ROOT))
        for p in (ROOT / "tui").rglob("*.py")
        if SQL.search(p.read_text(encoding="utf-8")) or "sqlite3" in _imports(p)
    ]
    assert offenders == []


def test_no_module_name_in_two_packages():
    """A module's name says what it holds: the same file name never appears twice."""
    seen: dict[str, list[str]] = {}
    for folder in ("store", "tui", "seeds", "claimdesk"):
        for path in (ROOT / folder).rglob("*.py"):
            if path.name in {"__init__.py", "__main__.py"}:
                continue
            seen.setdefault(path.stem, []).append(str(path.relative_to(ROOT)))
    for folder in ("store", "tui"):
        for path in (ROOT / folder).rglob("__init__.py"):
            if path.parent != ROOT / folder:
                seen.setdefault(path.parent.name, []).append(str(path.parent.relative_to(ROOT)))
    assert {name: paths for name, paths in seen.items() if len(paths) > 1} == {}


def test_every_package_folder_is_installed():
    """pyproject lists every package folder, so nothing is left out of a wheel."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {"claimdesk"}
    for folder, package in CARD_FOLDERS.items():
        for init in (ROOT / folder).rglob("__init__.py"):
            rel = init.parent.relative_to(ROOT / folder)
            found.add(".".join([package, *rel.parts]))
    for init in (ROOT / "seeds").rglob("__init__.py"):
        found.add(".".join(["claimdesk.seeds", *init.parent.relative_to(ROOT / "seeds").parts]))
    assert listed == found


def test_wheel_installs_one_top_level_name(tmp_path):
    """``pip install .`` puts ``claimdesk`` (and its metadata) into site-packages, nothing else."""
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-qq", "--no-deps", "--no-build-isolation"]
        + ["-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("claimdesk-*.whl")
    tops = {name.split("/")[0] for name in zipfile.ZipFile(wheel).namelist()}
    assert {t for t in tops if not t.endswith(".dist-info")} == {"claimdesk"}
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "claimdesk/store/extract/data/checkworthy.json.gz" in names
    assert "claimdesk/tui/screens/reader_screen.tcss" in names
    assert "claimdesk/__main__.py" in names


def test_python_dash_m_claimdesk_runs():
    result = subprocess.run(
        [sys.executable, "-m", "claimdesk", "--version"], capture_output=True, text=True, check=True
    )
    assert "claimdesk" in result.stdout
