"""The GUI's options, read without argparse on the start path, mean what argparse makes of them."""

from __future__ import annotations

import pytest

from zsdesk.cli import _gui_launch, build_parser

GUI_ARGVS = [
    [],
    ["--smoke"],
    ["--db", "/tmp/a.db", "--smoke"],
    ["--db=/tmp/办事处 2.db", "--demo"],
    ["--lang", "en", "--db", "x.db"],
    ["--demo", "--lang=zh_CN", "--smoke"],
    ["--db", "x.db", "--passphrase-stdin"],
]
NOT_GUI = [
    ["stats", "--db", "x.db"],
    ["--help"],
    ["-h"],
    ["--sm"],  # an abbreviation: argparse decides
    ["--db"],  # value missing: argparse explains
    ["--db", "--smoke"],
    ["--smoke", "extra"],
    ["--smoke=1"],
]


@pytest.mark.parametrize("argv", GUI_ARGVS)
def test_gui_options_parse_like_argparse(argv: list[str]) -> None:
    fast = _gui_launch(argv)
    assert fast is not None
    assert vars(fast) == vars(build_parser(commands=False).parse_args(argv))


@pytest.mark.parametrize("argv", NOT_GUI)
def test_anything_else_goes_to_argparse(argv: list[str]) -> None:
    assert _gui_launch(argv) is None
