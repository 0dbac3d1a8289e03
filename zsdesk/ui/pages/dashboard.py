"""工作台: my tasks due/overdue, demands near or past due, stalled projects, 六必访 due, period figures."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..context import UiContext
from ..qtcompat import emit
from ..worklist import WorkList


def period_text(start: str, end: str) -> str:
    """起止日期 as officers say them: "11月30日至12月6日"."""
    a, b = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    return QCoreApplication.translate("Dashboard", "%1月%2日至%3月%4日").replace("%1", str(a.month)).replace(
        "%2", str(a.day)).replace("%3", str(b.month)).replace("%4", str(b.day))  # fmt: skip


# Built on first use: QBrush's overload resolution creates the Qt namespace's Python enums
# (≈15 ms), which the first paint does not need.
LATE_COLOR = "#c0392b"
FIGURES_DELAY_MS = 300
GRID_STRETCH = (2, 3, 2)
CHART_HEIGHT = 140  # px: a title, three bars and three legend entries


class DashboardPage(QWidget):
    """Today's work of the officer; refreshes on any change (figures included)."""

    open_table = Signal(str)  # ask the main window to switch to a list
    new_visit = Signal()  # the big 新建走访 button
    loaded = Signal()  # the lists are filled

    def __init__(self, ctx: UiContext, parent: QWidget | None = None, *, autoload: bool = True) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data: Any = None
        self.setObjectName("page_dashboard")
        self.heading = QLabel(self.tr("工作台"))
        self.heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.summary = QLabel(self.tr("正在加载…"))
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.countdown = QLabel()
        self.countdown.setObjectName("reportCountdown")
        self.countdown.setStyleSheet("font-size: 11pt; color: #123c8c;")
        self.new_button = QPushButton(self.tr("新建走访 (Ctrl+N)"))
        self.new_button.setObjectName("newVisitButton")
        self.new_button.setStyleSheet("font-size: 13pt; font-weight: bold; padding: 8px 22px;")
        self.new_button.clicked.connect(lambda: emit(self.new_visit))
        # Weights: how the long columns (text, names) share what the dates and states leave.
        self.tasks = WorkList(
            "dueTasks", [self.tr("截止日期"), self.tr("任务"), self.tr("企业")], {1: 2, 2: 1}
        )
        self.team = WorkList(
            "teamOverdue",
            [self.tr("截止日期"), self.tr("任务"), self.tr("负责人"), self.tr("企业")],
            {1: 2, 3: 1},
        )
        self.demands = WorkList(
            "dueDemands",
            [self.tr("办理时限"), self.tr("诉求"), self.tr("责任部门"), self.tr("企业"), self.tr("状态")],
            {1: 5, 2: 1, 3: 2},  # the request itself first: department and name elide before it
        )
        self.visits = WorkList(
            "weekVisits", [self.tr("日期"), self.tr("企业"), self.tr("形式"), self.tr("记录人")], {1: 1}
        )
        self.stalled = WorkList(
            "stalledProjects",
            [self.tr("最近进展"), self.tr("项目"), self.tr("企业"), self.tr("阶段")],
            {1: 3, 2: 2},
        )
        self.triggers = WorkList(
            "dueTriggers",
            [self.tr("走访期限"), self.tr("情形"), self.tr("企业"), self.tr("发现日期")],
            {2: 1},
        )
        self.period = QComboBox()
        self.period.setObjectName("period")
        from ...domain.periods import PRESET_LABELS

        for key in ("quarter", "month", "half-year", "year", "ytd"):
            # = domain_text.preset_name: that module (and value_labels) load after the first paint.
            self.period.addItem(QCoreApplication.translate("Periods", PRESET_LABELS[key]), key)
        self.period.currentIndexChanged.connect(lambda _i: self.load_figures())
        # Charts are built when the first figures arrive: QtCharts then loads off the start-up path.
        self.charts: list[Any] = []
        self.charts_row = QHBoxLayout()
        self.targets = QLabel()
        self.targets.setObjectName("targets")
        self.targets.setWordWrap(True)
        grid = self.grid = QGridLayout()
        grid.setSpacing(6)
        self.boxes: dict[str, QGroupBox] = {}
        for key, title, tree, row, col in (
            ("tasks", self.tr("我的任务"), self.tasks, 0, 0),
            ("demands", self.tr("本办诉求（按办理时限）"), self.demands, 0, 1),
            ("visits", self.tr("本周走访"), self.visits, 0, 2),
            ("team", self.tr("团队逾期任务"), self.team, 1, 0),
            ("stalled", self.tr("停滞项目"), self.stalled, 1, 1),
            ("triggers", self.tr("六必访待走访"), self.triggers, 1, 2),
        ):
            box = QGroupBox(title)
            box.setObjectName(f"box_{key}")
            inner = QVBoxLayout(box)
            inner.setContentsMargins(4, 4, 4, 4)
            inner.addWidget(tree)
            grid.addWidget(box, row, col)
            self.boxes[key] = box
        # The middle column holds the lists with two long columns (诉求 and 企业, 项目 and 企业): at
        # 1366 px a third of the width left 诉求 a few characters and a sideways scroll bar.
        for col, stretch in enumerate(GRID_STRETCH):
            grid.setColumnStretch(col, stretch)
        figures = QGroupBox(self.tr("本期工作量：实际 / 目标 / 去年同期"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("统计周期")))
        top.addWidget(self.period)
        top.addWidget(self.targets, 1)
        fig_layout = QVBoxLayout(figures)
        fig_layout.setContentsMargins(4, 4, 4, 4)
        fig_layout.addLayout(top)
        fig_layout.addLayout(self.charts_row, 1)
        figures.setMinimumHeight(CHART_HEIGHT + 50)  # the period row above the charts
        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.heading)
        titles.addWidget(self.summary)
        titles.addWidget(self.countdown)
        head.addLayout(titles, 1)
        head.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(grid, 3)
        layout.addWidget(figures, 1)
        self.started = False
        ctx.changes.changed.connect(lambda _t: self.refresh() if self.started else None)
        if autoload:
            QTimer.singleShot(0, self, self.start_loading)

    def start_loading(self) -> None:
        """First load: the lists now, the period figures (≈0.7 s on a province database, on a
        worker) a little later, so neither competes with the window's first paint."""
        if self.started:
            return
        self.started = True
        self.refresh(figures=False)
        QTimer.singleShot(FIGURES_DELAY_MS, self, self.load_figures)

    def _make_charts(self) -> None:
        from PySide6.QtCharts import QChart, QChartView
        from PySide6.QtCore import QMargins, Qt  # its Python enums cost ≈15 ms: not on the start-up path
        from PySide6.QtGui import QPainter  # after the first paint (QPainter builds ≈45 enum members)

        # One small chart per target: visits (~100) and trips (~8) on one axis would flatten the small ones.
        for i in range(3):
            view = QChartView(QChart())
            view.setObjectName(f"figuresChart{i}")
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(CHART_HEIGHT)
            chart = view.chart()
            chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
            chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
            # Qt's default margins cut the third legend entry (去年同期) off at 1366×768.
            chart.setMargins(QMargins(2, 0, 2, 0))
            chart.layout().setContentsMargins(0, 0, 0, 0)
            self.charts.append(view)
            self.charts_row.addWidget(view, 1)  # equal thirds

    def refresh(self, *, figures: bool = True) -> None:
        stalled_days = self.ctx.settings.stalled_days
        officer = self.ctx.officer or None
        team_lead = self.ctx.settings.team_lead
        if self.ctx.closed:
            return
        self.summary.setText(self.tr("正在加载…"))

        # ≈0.1 s of queries on a province database: run them on a worker (never block the window).
        def job(ws: Any, _progress: Any, _cancel: Any) -> Any:
            from ...services.dashboard import load_dashboard

            return load_dashboard(ws, officer=officer, stalled_days=stalled_days, team_lead=team_lead)

        self.ctx.jobs.run(job, lambda data: self.show_lists(data, stalled_days), owner=self)
        if figures:
            self.load_figures()

    def show_lists(self, data: Any, stalled_days: int) -> None:
        from ..value_labels import display

        self.data = data
        today = data.today
        soon = (dt.date.fromisoformat(today) + dt.timedelta(days=3)).isoformat()

        def late(row: tuple[Any, ...]) -> bool:
            return bool(row[0]) and row[0] < today

        self._fill(self.tasks, [(t["due_date"], t["title"], t["enterprise"]) for t in data.tasks], late)
        self._fill(self.team, [(t["due_date"], t["title"], t["assignee"], t["enterprise"])
                               for t in data.team_overdue], late)  # fmt: skip
        # Without the team's list, 我的任务 takes both rows of the first column.
        self.boxes["team"].setVisible(bool(data.team_lead))
        self.grid.addWidget(self.boxes["tasks"], 0, 0, 1 if data.team_lead else 2, 1)
        # Statuses, stages and occasions are enum values: shown in the UI language.
        self._fill(self.demands, [(d["due_date"], d["content"], d["department"], d["enterprise"],
                                   display(d["status"] or "待办")) for d in data.demands],
                   late, lambda row: bool(row[0]) and row[0] <= soon)  # fmt: skip
        self._fill(
            self.visits, [(v["date"], v["enterprise"], display(v["form"]), v["officer"]) for v in data.visits]
        )
        self._fill(
            self.stalled,
            [(p["last_activity"], p["name"], p["enterprise"], display(p["stage"])) for p in data.stalled],
        )
        self._fill(self.triggers, [(g["due_date"], display(g["kind"]), g["enterprise"], g["date"])
                                   for g in data.triggers], late)  # fmt: skip
        self.boxes["stalled"].setTitle(self.tr("停滞项目（%1 天无进展）").replace("%1", str(stalled_days)))
        self.boxes["visits"].setTitle(
            self.tr("本周走访（%1）").replace("%1", period_text(data.week[0], data.week[1]))
        )
        parts = [
            self.tr("我的任务 %1 项（逾期 %2）")
            .replace("%1", str(len(data.tasks)))
            .replace("%2", str(data.overdue_tasks)),
            self.tr("本办未办结诉求 %1 项").replace("%1", str(len(data.demands))),
            self.tr("本周走访 %1 次").replace("%1", str(len(data.visits))),
            self.tr("停滞项目 %1 个").replace("%1", str(len(data.stalled))),
        ]
        if data.team_lead:
            parts.insert(1, self.tr("团队逾期任务 %1 项").replace("%1", str(len(data.team_overdue))))
        if data.keyless:
            parts.append(self.tr("%1 家重点企业无服务专员").replace("%1", str(data.keyless)))
        self.summary.setText(self.tr("今天 %1：").replace("%1", today) + self.tr("，").join(parts))
        days = data.report_in_days
        self.countdown.setText(
            self.tr("下一报送日 %1，还有 %2 天").replace("%1", data.report_date).replace("%2", str(days))
            if days > 0
            else self.tr("今天是报送日（%1）").replace("%1", data.report_date)
        )
        emit(self.loaded)

    def _fill(self, tree: WorkList, rows: list[tuple[Any, ...]], late: Any = None, near: Any = None) -> None:
        from PySide6.QtGui import QBrush, QColor  # after the first paint, with QPainter (its enums)

        tree.setUpdatesEnabled(False)
        tree.clear()
        red, amber = QBrush(QColor(LATE_COLOR)), QBrush(QColor("#b9770e"))
        items = []
        for row in rows:
            item = QTreeWidgetItem(["" if v is None else str(v) for v in row])
            brush = (
                red if late is not None and late(row) else amber if near is not None and near(row) else None
            )
            if brush is not None:
                for col in range(len(row)):
                    item.setForeground(col, brush)
            for col in range(len(row)):
                item.setToolTip(col, item.text(col))
            items.append(item)
        if not rows:
            items.append(QTreeWidgetItem(["", self.tr("（无）")]))
        tree.addTopLevelItems(items)
        tree.measure()
        tree.setUpdatesEnabled(True)

    def _unit(self) -> str | None:
        from ...services import lists

        return lists.office_name(self.ctx.ws) or None

    def load_figures(self) -> None:
        """This period's figures for the office's own unit, the same days last year, and the running
        campaign's targets (services.dashboard.workload, computed off-thread)."""
        if self.ctx.closed:
            return

        from ...domain.periods import preset

        today = dt.date.today()
        period = preset(self.period.currentData(), today)
        unit = self._unit()
        self.targets.setText(self.tr("正在计算…"))

        def job(ws: Any, _progress: Any, _cancel: Any) -> Any:
            from ...services.dashboard import workload

            # Up to today: last year's same days are then a fair comparison for a period still running.
            return workload(ws, date_from=period.start, date_to=min(period.end, today), unit=unit)

        def failed(exc: BaseException) -> None:
            from ..jobs import describe_error

            self.targets.setText(self.tr("统计暂不可用：%1").replace("%1", describe_error(exc)))

        self.ctx.jobs.run(job, lambda w: self.show_figures(period, w), on_error=failed, owner=self)

    def show_figures(self, period: Any, work: Any) -> None:
        """One chart per figure: actual, the target (with a campaign), the same days last year."""
        from PySide6.QtCharts import QAbstractBarSeries, QBarCategoryAxis, QBarSeries, QBarSet, QValueAxis
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QColor

        from ..domain_text import period_span, target_text, target_title

        if not self.charts:
            self._make_charts()
        names = {"actual": self.tr("实际"), "target": self.tr("目标"), "last": self.tr("去年同期")}
        colors = {"actual": "#2d6cdf", "target": "#9aa5b1", "last": "#f0a030"}
        for i, view in enumerate(self.charts):
            view.setVisible(i < len(work.figures))  # a campaign may set fewer than three targets
        for view, figure in zip(self.charts, work.figures, strict=False):
            chart = view.chart()
            chart.removeAllSeries()
            for axis in chart.axes():
                chart.removeAxis(axis)
            result = figure.result
            bars = [("actual", figure.actual)]
            if result is not None:
                bars.append(("target", figure.target.minimum))
            bars.append(("last", figure.last_year))
            series = QBarSeries()
            for key, value in bars:
                # The value in the legend too: a bar of 0 has no height and no label.
                bar = QBarSet(self.tr("%1：%2").replace("%1", names[key]).replace("%2", str(value)))
                bar.append(value)
                late = key == "actual" and result is not None and not result.met
                bar.setColor(QColor(LATE_COLOR if late else colors[key]))
                bar.setLabelColor(QColor("#333333"))  # labels sit above the bars, on white
                series.append(bar)
            series.setLabelsVisible(True)
            series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
            chart.addSeries(series)
            axis_x = QBarCategoryAxis()
            axis_x.append([target_title(figure.target)])
            axis_x.setLabelsVisible(False)  # the chart title already names the figure
            chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
            series.attachAxis(axis_x)
            axis_y = QValueAxis()
            axis_y.setLabelFormat("%.0f")
            # Integer ticks: a 0-4-8-12 axis instead of fractions that get elided in a small chart.
            top = -(-int(max(1, *(v for _, v in bars)) * 1.35) // 4) * 4 or 4  # headroom for the labels
            axis_y.setRange(0, top)
            axis_y.setTickCount(5)
            # The bars carry their own value labels; tick labels of small charts got elided.
            axis_y.setLabelsVisible(False)
            chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
            series.attachAxis(axis_y)
            chart.setTitle(target_title(figure.target))
        if work.campaign:
            judged = self.tr("；").join(target_text(f.result) for f in work.figures)
            self.targets.setText(
                self.tr("%1（%2 至 %3 累计）：%4")
                .replace("%2", str(work.start))
                .replace("%3", str(work.end))
                .replace("%4", judged)
                .replace("%1", work.campaign)
            )
        else:
            counted = period_span(period._replace(end=work.end))
            self.targets.setText(self.tr("%1：没有进行中的专项行动，不设目标").replace("%1", counted))
