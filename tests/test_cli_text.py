"""`zsdesk` and `zsdesk-server` speak Chinese all the way: argparse's own words too, in help and in errors."""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Iterator

import pytest

from zsdesk import cli
from zsdesk.server import cli as server_cli

# What argparse prints in English unless translated.
ENGLISH = (
    "usage:",
    "positional arguments",
    "options:",
    "show this help message and exit",
    "error:",
    "the following arguments are required",
    "invalid choice",
    "unrecognized arguments",
)


def _parsers(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):
                yield from _parsers(sub)


@pytest.mark.parametrize(
    "build", [cli.build_parser, server_cli.build_parser], ids=["zsdesk", "zsdesk-server"]
)
def test_every_help_page_is_chinese(build: object) -> None:
    parsers = list(_parsers(build()))  # type: ignore[operator]
    assert len(parsers) > 5
    for parser in parsers:
        text = parser.format_help()
        assert "用法：" in text and "显示本帮助并退出" in text, parser.prog
        assert not [w for w in ENGLISH if w in text], (parser.prog, text)


@pytest.mark.parametrize(
    "argv",
    [["init"], ["report", "nonsense"], ["--no-such-option"], ["stats", "--db"]],
    ids=["missing", "bad-choice", "unknown", "no-value"],
)
def test_argument_errors_are_chinese(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        cli.build_parser().parse_args(argv)
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "错误：" in err and "用法：" in err
    assert not [w for w in ENGLISH if w in err], err


def test_the_installed_commands_print_chinese_help() -> None:
    for module in ("zsdesk.cli", "zsdesk.server.entry"):
        out = subprocess.run(
            [sys.executable, "-m", module, "--help"], capture_output=True, text=True, check=True
        )
        assert "用法：" in out.stdout and not [w for w in ENGLISH if w in out.stdout], out.stdout
