"""Sync: the wire protocol models and the client engine (outbox push, paged pull, merge)."""
