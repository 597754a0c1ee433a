"""The PostgreSQL backend: schema steps and the full-text index."""
