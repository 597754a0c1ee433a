"""The PostgreSQL backend: a psycopg 3 connection adapter and the numbered schema migrations.

Imported only when a store is opened at a ``postgresql://`` URL; psycopg comes with
the ``desk`` extra (``pip install 'claimdesk[desk]'``).
"""
