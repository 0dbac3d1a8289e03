"""The provincial server shares only the domain and the wire formats with the desktop app (allow-list)."""

from __future__ import annotations

import grimp

# zsdesk itself (PROTOCOL_VERSION, SCHEMA_VERSION), the domain, the wire formats, the Chinese argparse.
ALLOWED = ("zsdesk", "zsdesk.domain", "zsdesk.sync.protocol", "zsdesk.sync.bundle", "zsdesk.argparse_zh")


def _allowed(module: str) -> bool:
    return module.startswith("zsdesk.server") or any(
        module == a or (a != "zsdesk" and module.startswith(a + ".")) for a in ALLOWED
    )


def test_the_server_imports_only_domain_and_the_wire_formats() -> None:
    graph = grimp.build_graph("zsdesk")
    imports = {
        (source, target)
        for source in graph.find_descendants("zsdesk.server") | {"zsdesk.server"}
        for target in graph.find_modules_directly_imported_by(source)
    }
    assert ("zsdesk.server.push", "zsdesk.sync.protocol") in imports  # the graph is the real one
    outside = sorted((s, t) for s, t in imports if not _allowed(t))
    assert not outside, outside
