"""Offline store: SQLite via sqlite-utils, migrations, the write engine with its outbox, search."""
