"""A laptop's 1366×768: the 工作台's lists keep their text in view, its figures fill after start, list
screens fit their columns to the window."""

from __future__ import annotations

import datetime as dt
from typing import Any

from zsdesk.ui.context import UiContext
from zsdesk.ui.main_window import MainWindow
from zsdesk.ui.pages.projects import ProjectsPage
from zsdesk.ui.worklist import share_width

LONG_DEMAND = "希望在园区协调200亩工业用地"


def _window(ctx: UiContext, qtbot: Any, size: tuple[int, int] = (1366, 768)) -> Any:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    page = window.pages["dashboard"]
    window.resize(*size)
    with qtbot.waitSignal(page.loaded, timeout=10000):  # the lists load once the window has painted
        window.show()
    return window


def test_columns_share_the_width_text_first_and_fill_it_exactly() -> None:
    # Room for everything: the text column takes what is left over.
    assert share_width([80, 100, 60], {1: 1}, 400) == [80, 260, 60]
    # Too narrow: dates and states keep their width, the long columns split the rest by weight.
    widths = share_width([80, 300, 90, 200, 50], {1: 5, 2: 1, 3: 2}, 500)
    assert sum(widths) == 500 and widths[0] == 80 and widths[4] == 50
    assert widths[1] > widths[3] > widths[2]


def test_the_demands_text_shows_whole_at_1366_with_no_sideways_scroll_bar(
    ctx: UiContext, qtbot: Any, enterprise: str
) -> None:
    for i, department in enumerate(("自然资源厅", "经济和信息化厅", "投资促进局")):
        ctx.ws.store.create(
            "demand",
            {"enterprise_id": enterprise, "content": LONG_DEMAND, "department": department,
             "due_date": f"2026-0{i + 1}-10"},
        )  # fmt: skip
    page = _window(ctx, qtbot).pages["dashboard"]
    demands = page.demands
    assert demands.topLevelItem(0).text(1) == LONG_DEMAND
    qtbot.waitUntil(lambda: demands.horizontalScrollBar().maximum() == 0)
    assert demands.columnWidth(1) >= demands.sizeHintForColumn(1)  # the request is not elided
    for tree in (page.tasks, page.demands, page.visits, page.stalled, page.triggers):
        widths = sum(tree.columnWidth(c) for c in range(tree.columnCount()))
        assert widths <= tree.viewport().width(), tree.objectName()


def test_the_workload_cards_fill_after_start_without_a_campaign(
    ctx: UiContext, qtbot: Any, enterprise: str
) -> None:
    today = dt.date.today().isoformat()
    ctx.ws.store.create("visit", {"date": today, "enterprise_id": enterprise, "form": "上门拜访"})
    page = _window(ctx, qtbot).pages["dashboard"]
    # The figures start on their own a moment after the lists (no edit, no click needed).
    qtbot.waitUntil(lambda: len(page.charts) == 3 and bool(page.charts[0].chart().series()), timeout=10000)
    visits = page.charts[0].chart().series()[0].barSets()
    assert [s.at(0) for s in visits] == [1, 0]  # 实际, 去年同期: no target without a campaign
    assert all(view.chart().series() for view in page.charts)
    assert "不设目标" in page.targets.text()


def test_the_window_opens_maximized_on_a_laptop_screen(ctx: UiContext, qtbot: Any) -> None:
    window = MainWindow(ctx, load_data=False)
    qtbot.addWidget(window)
    area = window.screen().availableGeometry()
    assert window.start_maximized  # nothing remembered and the screen is no bigger than 1600×1000
    assert window.width() <= area.width() and window.height() <= area.height()


def test_a_list_fits_its_columns_to_the_window_until_the_user_drags_one(
    ctx: UiContext, qtbot: Any, enterprise: str
) -> None:
    ctx.ws.store.create("project", {"name": "创明新能源电池项目", "enterprise_id": enterprise})
    page = ProjectsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366 - 176, 600)  # the screen less the navigation column
    page.show()
    view, header = page.view, page.view.horizontalHeader()
    qtbot.waitUntil(lambda: view.model().rowCount() == 1)

    def used() -> int:
        return sum(header.sectionSize(c) for c in range(header.count()))

    # Every column in view (最近进展, the last, was behind a sideways scroll bar), the room filled.
    qtbot.waitUntil(lambda: used() == view.viewport().width())
    assert view.horizontalScrollBar().maximum() == 0
    assert header.sectionSize(0) > header.sectionSize(1)  # 项目名称 takes the most
    assert ctx.settings.columns("project") is None  # fitted, not chosen: nothing remembered
    header.resizeSection(2, 200)  # the user drags 项目阶段 wider
    assert ctx.settings.columns("project") is not None
    page.resize(1600 - 176, 800)
    qtbot.wait(20)
    assert header.sectionSize(2) == 200 and used() != view.viewport().width()
