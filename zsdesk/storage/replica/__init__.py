"""The local SQL side of sync (`Replica`), one module per concept: state, outbox, pull, conflicts,
scope, blobs, re-snapshot.

Every method that changes state runs in one transaction, so an interrupted sync leaves either the
old state or the new one: a pulled page and the cursor that covers it commit together (SYNC.md).
The HTTP side lives in `zsdesk.sync.client`; services wire the two together.
"""

from __future__ import annotations

from .blobs import BlobsMixin
from .outbox import OutboxMixin
from .pull import PullMixin
from .resnapshot import ResnapshotMixin
from .scope import ScopeMixin
from .state import CURSOR_KEY, RESNAPSHOT_KEY

__all__ = ["CURSOR_KEY", "RESNAPSHOT_KEY", "Replica"]


class Replica(OutboxMixin, PullMixin, ScopeMixin, BlobsMixin, ResnapshotMixin):
    """`Replica(db)` implements `zsdesk.sync.client.ReplicaStore` for one offline database."""
