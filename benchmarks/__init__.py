"""claimdesk benchmarks: ``python -m benchmarks`` (or ``make bench``) runs every ``bench_*`` module.

Nothing in the product imports this package; it only measures the product.
"""
