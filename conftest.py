"""Puts the project folder on ``sys.path`` for the tests, so ``benchmarks`` imports."""
