"""The provincial sync server: ASGI app, auth, scopes, its own storage (SQLAlchemy Core)."""
