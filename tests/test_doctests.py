"""Every docstring example in the installed package and in ``benchmarks/`` runs as a test.

Modules are imported by their real names (``claimdesk.store.search.query``), so an
example exercises the same module objects the product uses. A module whose optional
dependency (the ``train`` extra) is missing is skipped with that reason.
"""

from __future__ import annotations

import doctest
import importlib
import importlib.util
import pkgutil
from pathlib import Path

import pytest

import claimdesk

ROOT = Path(__file__).resolve().parent.parent

OPTIONAL = {"claimdesk.store.extract.training": "scipy"}
"""Modules that import an optional package at the top, and that package."""


def _module_names() -> list[str]:
    names = ["claimdesk"]
    for info in pkgutil.walk_packages(claimdesk.__path__, "claimdesk."):
        names.append(info.name)
    for spec_name in ("claimdesk.store", "claimdesk.tui", "claimdesk.seeds"):
        package = importlib.import_module(spec_name)
        for info in pkgutil.walk_packages(package.__path__, spec_name + "."):
            names.append(info.name)
        names.append(spec_name)
    for path in sorted((ROOT / "benchmarks").glob("*.py")):
        names.append("benchmarks" if path.stem == "__init__" else f"benchmarks.{path.stem}")
    return sorted(set(names))


MODULES = _module_names()


def test_every_package_is_walked():
    assert {"claimdesk.store.related.engine", "claimdesk.tui.app"} <= set(MODULES)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str):
    optional = OPTIONAL.get(name)
    if optional and importlib.util.find_spec(optional) is None:
        pytest.skip(f"{name} needs {optional} (the train extra)")
    module = importlib.import_module(name)
    finder = doctest.DocTestFinder(exclude_empty=True)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for test in finder.find(module, name):
        runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {name}"
