"""Attachment bytes on the laptop: added locally, uploaded once, downloaded (verified) on demand."""

from __future__ import annotations

import hashlib

from .state import ReplicaBase


class BlobsMixin(ReplicaBase):
    def add_blob(self, data: bytes) -> str:
        sha = hashlib.sha256(data).hexdigest()
        with self.db.atomic():
            self.db.execute(
                "INSERT OR IGNORE INTO blob (sha256, size, data, uploaded) VALUES (?, ?, ?, 0)",
                [sha, len(data), data],
            )
        return sha

    def pending_blobs(self) -> list[str]:
        return [
            r[0]
            for r in self.db.execute("SELECT sha256 FROM blob WHERE NOT coalesce(uploaded, 0)").fetchall()
        ]

    def read_blob(self, sha256: str) -> bytes:
        row = self.db.execute("SELECT data FROM blob WHERE sha256 = ?", [sha256]).fetchone()
        return bytes(row[0]) if row else b""

    def mark_blob_uploaded(self, sha256: str) -> None:
        with self.db.atomic():
            self.db.execute("UPDATE blob SET uploaded = 1 WHERE sha256 = ?", [sha256])

    def has_blob(self, sha256: str) -> bool:
        return self.db.execute("SELECT 1 FROM blob WHERE sha256 = ?", [sha256]).fetchone() is not None

    def store_downloaded_blob(self, sha256: str, data: bytes) -> None:
        """Keep downloaded bytes (already on the server, so never uploaded again); verified again here
        because this is the last step before the bytes become the attachment's local copy."""
        if hashlib.sha256(data).hexdigest() != sha256:
            raise ValueError("blob bytes do not match their SHA-256")
        with self.db.atomic():
            self.db.execute(
                "INSERT OR IGNORE INTO blob (sha256, size, data, uploaded) VALUES (?, ?, ?, 1)",
                [sha256, len(data), data],
            )

    def missing_blobs(self, max_size: int) -> list[str]:
        """SHA-256 of live attachments whose bytes are not here yet and are smaller than `max_size`."""
        return [
            r[0]
            for r in self.db.execute(
                "SELECT DISTINCT a.sha256 FROM attachment a LEFT JOIN blob b ON b.sha256 = a.sha256"
                " WHERE a.deleted = 0 AND b.sha256 IS NULL AND a.sha256 IS NOT NULL"
                " AND coalesce(a.size, 0) < ? ORDER BY a.sha256",
                [max_size],
            ).fetchall()
        ]

    def attachment_sha(self, attachment_id: str) -> str | None:
        row = self.db.execute("SELECT sha256 FROM attachment WHERE id = ?", [attachment_id]).fetchone()
        return str(row[0]) if row and row[0] else None
