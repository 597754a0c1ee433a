"""Data files shipped with the store: the check-worthiness model weights (``checkworthy.json.gz``)."""
