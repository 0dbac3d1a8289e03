"""The README documents every CLI subcommand, and its first lines give the two newcomer commands."""

from __future__ import annotations

import re
from pathlib import Path

from zsdesk.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent


def _subcommands() -> list[str]:
    parser = build_parser()
    actions = [a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction"]
    return sorted(actions[0].choices) if actions else []


def test_every_subcommand_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [
        name for name in _subcommands() if f"zsdesk {name}" not in readme and f"/ {name}" not in readme
    ]
    assert missing == []


def test_readme_opens_with_install_and_test_commands() -> None:
    head = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()[:6]
    text = "\n".join(head)
    assert "pip install -e ." in text and "zsdesk --demo" in text
    assert "bash scripts/test.sh" in text
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash scripts/test.sh" in ci


def test_the_readme_speaks_about_the_product_only() -> None:
    # No issue numbers, work-session notes, machine paths or documents outside the repository.
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert not re.search(r"\bissue\s*#?\d+|#\d{1,4}\b", readme, re.IGNORECASE)
    assert "session" not in readme.lower()
    assert not re.search(r"(^|[\s(`])/(work|home|root|tmp|opt)/", readme)
    links = re.findall(r"\]\(([^)]+)\)", readme)
    assert links and all(not link.startswith(("..", "/")) for link in links)
    for link in links:
        if not link.startswith("http"):
            assert (ROOT / link.split("#")[0]).exists(), link


def test_every_subcommand_has_help() -> None:
    parser = build_parser()
    for name in _subcommands():
        sub = parser._subparsers._group_actions[0].choices[name]  # type: ignore[union-attr]
        assert sub.format_help().strip()
