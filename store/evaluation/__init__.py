"""Scoring claimdesk against labelled evaluation sets.

Each task has a module that runs claimdesk over a data set and writes predictions
(``retrieve``, ``crossdoc``, ``pairs``, ...); :mod:`claimdesk.store.evaluation.metrics` scores
predictions the same way for every command, and :mod:`claimdesk.store.evaluation.jsonl` reads
and writes the JSON Lines files they exchange.
"""
