"""周报: sections and totals, long tables split with repeated headers, and the week's data from a database."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from zsdesk.cli import main
from zsdesk.domain.errors import NotFoundError, ValidationError
from zsdesk.domain.stats import StatsRow, StatsSheet
from zsdesk.reports.models import (
    OverdueTask,
    StageStep,
    WeeklyDemand,
    WeeklyProject,
    WeeklyReportData,
    WeeklyVisit,
)
from zsdesk.reports.weekly_report import render_weekly_report
from zsdesk.services.context import Workspace
from zsdesk.services.reports import weekly_report, weekly_report_data
from zsdesk.services.stats import compute_stats

from .pdfcheck import assert_only_embedded_subset_fonts, clock_at, pdf_pages, pdf_text

MONDAY, SUNDAY = dt.date(2024, 6, 24), dt.date(2024, 6, 30)
OFFICERS = ("张三", "李娜", "王强", "赵敏", "陈晨")


def _visits(n: int) -> list[WeeklyVisit]:
    return [
        WeeklyVisit(
            f"2024-06-{24 + i % 7}",
            OFFICERS[i % len(OFFICERS)],
            f"第{i:03d}号新能源科技股份有限公司",
            "上门拜访",
            "刘副主任" if i % 3 == 0 else "",
            "企业介绍了产能扩张计划，拟在西部新建生产基地。" * (1 + i % 3),
        )
        for i in range(n)
    ]


def _data(visits: int = 6) -> WeeklyReportData:
    return WeeklyReportData(
        office="省政府驻上海办事处",
        week="2024-W26",
        date_from=MONDAY,
        date_to=SUNDAY,
        visits=_visits(visits),
        projects=[
            WeeklyProject(
                "年产20GWh动力电池项目",
                "上海创明新能源科技有限公司",
                "签约落地",
                planned_wan=500_000,
                steps=[StageStep("2024-06-25", "会谈洽谈", "签约落地", "在成都集中签约")],
            ),
            WeeklyProject("高端装备产业园", "中联重科", "信息获取", created_on="2024-06-26"),
        ],
        demands=[
            WeeklyDemand(
                "上海创明新能源科技有限公司",
                "协调用地500亩",
                "用地",
                "办理中",
                "2024-06-24",
                events=["新提出"],
            ),
            WeeklyDemand(
                "华为技术有限公司",
                "人才公寓配套",
                "人才",
                "已解决",
                "2024-05-10",
                closed_date="2024-06-27",
                events=["已办结"],
            ),
        ],
        overdue_tasks=[
            OverdueTask("报送考察接待方案", "张三", "2024-06-20", 10, "上海创明新能源科技有限公司")
        ],
        stats=StatsSheet(MONDAY, SUNDAY, [StatsRow("驻上海办事处", 1, 12, 1, 500_000, 0, 0, 23_456)]),
    )


def test_weekly_report_has_every_section_totals_and_statistics() -> None:
    pdf = render_weekly_report(_data())
    text = pdf_text(pdf)
    for expected in (
        "招商工作周报",
        "2024年第26周（2024年6月24日至2024年6月30日）",
        "一、本周概况",
        "二、走访情况（按人员）",
        "张三（2次）",
        "第000号新能源科技股份有限公司",
        "三、项目进展",
        "2024年6月25日会谈洽谈→签约落地（在成都集中签约）",
        "2024年6月26日新建项目",
        "50.00",
        "四、企业诉求",
        "2024年6月24日新提出",
        "2024年6月27日已办结",
        "五、逾期未完成任务",
        "报送考察接待方案",
        "驻上海办事处",
        "2.35",  # 新增到位资金 23,456 万元 in 亿元
        "合计",
        "第1页共",
    ):
        assert expected in text, expected
    assert_only_embedded_subset_fonts(pdf)


def test_three_hundred_visits_run_over_many_pages_with_the_header_row_repeated() -> None:
    small = pdf_pages(render_weekly_report(_data(visits=30)))
    pages = pdf_pages(render_weekly_report(_data(visits=300)))
    assert len(pages) >= 5 and len(pages) > len(small) + 3
    total = len(pages)
    for number, page in enumerate(pages, start=1):
        assert f"第{number}页共{total}页" in page
    # Every page that lists visits starts its table with the officer and the column headers.
    visit_pages = [p for p in pages if "新能源科技股份有限公司" in p]
    assert len(visit_pages) >= total - 2
    for page in visit_pages:
        assert "日期企业形式带队领导洽谈要点" in page
        assert any(f"{name}（60次）" in page for name in OFFICERS)
    # All 300 enterprises made it into the PDF.
    text = "".join(pages)
    assert all(f"第{i:03d}号" in text for i in range(300))


def test_an_empty_week_still_prints_each_section() -> None:
    data = WeeklyReportData("省政府驻上海办事处", "2024-W26", MONDAY, SUNDAY)
    text = pdf_text(render_weekly_report(data))
    assert text.count("本周无。") == 4
    assert "第1页共1页" in text


def _week_in_db(ws: Workspace) -> None:
    """One office week: visits in and out of the week, a project advanced and one created, demands
    raised / answered / closed, one overdue and one done task."""
    s = ws.store
    s.clock = clock_at(dt.date(2024, 6, 10))  # records created before the week
    ent = s.create("enterprise", {"name": "上海创明新能源科技有限公司", "industry": "新能源汽车"})
    other = s.create("enterprise", {"name": "华为技术有限公司"})
    old_project = s.create(
        "project",
        {"name": "年产20GWh动力电池项目", "enterprise_id": ent, "stage": "签约落地", "planned_wan": "50"},
    )
    s.create(
        "stage_change",
        {"project_id": old_project, "from_stage": "会谈洽谈", "to_stage": "签约落地", "date": "2024-06-25"},
    )
    s.create(
        "stage_change",
        {"project_id": old_project, "from_stage": "现场考察", "to_stage": "会谈洽谈", "date": "2024-06-01"},
    )
    s.create("project", {"name": "上周的项目", "enterprise_id": other, "stage": "信息获取"})
    answered = s.create("demand", {"enterprise_id": ent, "content": "专项电价", "raised_date": "2024-06-01"})
    s.create(
        "demand",
        {
            "enterprise_id": other,
            "content": "人才公寓配套",
            "raised_date": "2024-05-10",
            "status": "已解决",
            "closed_date": "2024-06-27",
        },
    )
    s.create(
        "demand",
        {
            "enterprise_id": other,
            "content": "早已办结的诉求",
            "raised_date": "2024-05-01",
            "status": "已解决",
            "closed_date": "2024-05-20",
        },
    )
    s.create(
        "task",
        {"title": "报送考察接待方案", "assignee": "张三", "due_date": "2024-06-20", "enterprise_id": ent},
    )
    s.create("task", {"title": "已完成的任务", "due_date": "2024-06-18", "done": True})
    s.create("task", {"title": "下周才到期", "due_date": "2024-07-02"})

    s.clock = clock_at(dt.date(2024, 6, 26))  # edits during the week
    s.create("project", {"name": "高端装备产业园", "enterprise_id": other, "stage": "信息获取"})
    s.update("demand", answered, {"status": "已回应", "response": "已协调省电力公司"})
    s.create(
        "demand",
        {"enterprise_id": ent, "content": "协调用地500亩", "category": "用地", "raised_date": "2024-06-24"},
    )
    for day, officer, enterprise in (
        ("2024-06-24", "张三", ent),
        ("2024-06-26", "张三", other),
        ("2024-06-27", "李娜", ent),
        ("2024-06-23", "李娜", ent),  # Sunday before: not this week
        ("2024-07-01", "张三", ent),  # Monday after
    ):
        s.create(
            "visit",
            {
                "date": day,
                "enterprise_id": enterprise,
                "form": "上门拜访",
                "officer": officer,
                "minutes": f"{day}洽谈",
            },
        )
    gone = s.create(
        "visit", {"date": "2024-06-25", "enterprise_id": ent, "form": "上门拜访", "officer": "张三"}
    )
    s.delete("visit", gone)


def test_weekly_data_from_a_database_follows_the_week(ws: Workspace) -> None:
    _week_in_db(ws)
    data = weekly_report_data(ws, office="省政府驻上海办事处", week="2024-w26")
    assert data.week == "2024-W26" and (data.date_from, data.date_to) == (MONDAY, SUNDAY)
    assert [(v.date, v.officer) for v in data.visits] == [
        ("2024-06-24", "张三"),
        ("2024-06-26", "张三"),
        ("2024-06-27", "李娜"),
    ]
    projects = {p.name: p for p in data.projects}
    assert set(projects) == {"年产20GWh动力电池项目", "高端装备产业园"}
    assert [(s.date, s.to_stage) for s in projects["年产20GWh动力电池项目"].steps] == [
        ("2024-06-25", "签约落地")
    ]
    assert projects["年产20GWh动力电池项目"].created_on == ""
    assert projects["高端装备产业园"].created_on == "2024-06-26"
    demands = {d.content: d for d in data.demands}
    assert set(demands) == {"专项电价", "人才公寓配套", "协调用地500亩"}
    assert demands["专项电价"].events == ["已回应"] and demands["专项电价"].answered_date == "2024-06-26"
    assert demands["人才公寓配套"].events == ["已办结"]
    assert demands["协调用地500亩"].events == ["新提出"]
    assert [(t.title, t.days_overdue) for t in data.overdue_tasks] == [("报送考察接待方案", 10)]
    expected = compute_stats(
        ws, date_from=MONDAY, date_to=SUNDAY, office=(ws.office_id, "省政府驻上海办事处")
    )
    assert data.stats is not None and data.stats.as_json() == expected.as_json()
    assert data.stats.rows[0].enterprises_visited == 2


def test_cli_writes_the_weekly_report(
    ws: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _week_in_db(ws)
    out = tmp_path / "周报.pdf"
    args = ["report", "weekly", "--db", str(ws.path), "--office", "省政府驻上海办事处", "--week", "2024-W26"]
    assert main([*args, "--out", str(out)]) == 0
    text = pdf_text(out.read_bytes())
    for expected in (
        "张三（2次）",
        "李娜（1次）",
        "高端装备产业园",
        "2024年6月26日已回应",
        "报送考察接待方案",
    ):
        assert expected in text, expected
    assert "2024-07-01洽谈" not in text


def test_weekly_report_rejects_unknown_office_and_bad_week(ws: Workspace) -> None:
    with pytest.raises(NotFoundError, match="找不到办事处“驻火星办事处”"):
        weekly_report(ws, office="驻火星办事处", week="2024-W26")
    with pytest.raises(ValidationError, match="格式应为 2024-W26"):
        weekly_report(ws, office="省政府驻上海办事处", week="2024年26周")
