"""Run every benchmark: ``python -m benchmarks [--quick] [--only NAME ...] [--backend B]``.

Each ``benchmarks/bench_*.py`` module has ``run(args)``; ``args.quick`` asks for
a smaller workload (a smoke run). ``--only ingest`` runs ``bench_ingest`` only.
``--backend postgresql`` runs the benchmarks that compare a PostgreSQL store with
the SQLite file (:data:`POSTGRESQL_BENCHMARKS`), starting a server of their own.
A benchmark that fails is reported in one line and the others still run.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
import time
import traceback
from pathlib import Path

POSTGRESQL_BENCHMARKS = ("desk",)
"""What ``--backend postgresql`` runs when no ``--only`` is given."""


def discover() -> list[str]:
    """Names of every ``bench_*`` module beside this file, sorted (without the prefix)."""
    root = Path(__file__).resolve().parent
    return sorted(
        info.name.removeprefix("bench_")
        for info in pkgutil.iter_modules([str(root)])
        if info.name.startswith("bench_")
    )


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command-line options."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument(
        "--only", action="append", default=[], metavar="NAME", help="run only this benchmark"
    )
    parser.add_argument("--quick", action="store_true", help="small workloads (a smoke run)")
    parser.add_argument(
        "--backend",
        choices=("sqlite", "postgresql"),
        default="sqlite",
        help="postgresql: compare a PostgreSQL store with SQLite in the same run",
    )
    parser.add_argument("--list", action="store_true", help="list the benchmarks and stop")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Run the chosen benchmarks; returns 1 if any failed."""
    args = parse_args(argv)
    names = discover()
    if args.list:
        print("\n".join(names))
        return 0
    wanted = [n.removeprefix("bench_") for n in args.only]
    unknown = [n for n in wanted if n not in names]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; have: {', '.join(names)}")
        return 2
    failed = []
    if not wanted and args.backend == "postgresql":
        wanted = list(POSTGRESQL_BENCHMARKS)
    for name in wanted or names:
        start = time.perf_counter()
        print(f"== {name} ==", flush=True)
        try:
            module = importlib.import_module(f"benchmarks.bench_{name}")
            module.run(args)
        except Exception as exc:  # one broken benchmark must not hide the others
            failed.append(name)
            print(f"  FAILED: {type(exc).__name__}: {exc}")
            traceback.print_exc(file=sys.stderr)
        print(f"  ({time.perf_counter() - start:.1f} s)\n", flush=True)
    if failed:
        print(f"failed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
