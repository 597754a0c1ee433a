"""The PostgreSQL backend: a psycopg 3 connection adapter, the numbered schema migrations and
the full-text index.

Imported only when a store is opened at a ``postgresql://`` URL; psycopg comes with
the ``desk`` extra (``pip install 'claimdesk[desk]'``).
"""
