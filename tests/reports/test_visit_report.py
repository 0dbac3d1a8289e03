"""走访纪要: content, embedded font, page numbers, long minutes, and a report built from a real database."""

from __future__ import annotations

from pathlib import Path

import pytest

from zsdesk.cli import main
from zsdesk.domain.errors import NotFoundError
from zsdesk.reports.models import AttachmentLine, ContactLine, DemandLine, TaskLine, VisitReportData
from zsdesk.reports.visit_report import render_visit_report
from zsdesk.services.context import Workspace
from zsdesk.services.reports import visit_report, visit_report_data

from .pdfcheck import assert_only_embedded_subset_fonts, page_sizes, pdf_pages, pdf_text


def _data(**overrides: object) -> VisitReportData:
    values: dict[str, object] = dict(
        office="省政府驻上海办事处",
        date="2024-06-26",
        enterprise_name="上海创明新能源科技有限公司",
        form="上门拜访",
        credit_code="91310000MA1FL4T699",
        industry="新能源汽车",
        contacts=[ContactLine("王经理", "投资总监", "13800138000", "wang@example.com")],
        officer="张三",
        participants=["张三", "李娜"],
        leader="刘副主任",
        leader_rank="副厅级",
        minutes="企业介绍了西部布局计划。",
        intention_wan=500_000,
        intention_city="宜宾市",
        demands=[DemandLine("协调用地500亩", "用地", "宜宾市自然资源局", "办理中", "2024-07-31")],
        next_steps="7月中旬组织企业赴宜宾考察。",
        tasks=[TaskLine("报送考察接待方案", "张三", "2024-07-05")],
        attachments=[AttachmentLine("名片-王经理.jpg", "名片")],
    )
    values.update(overrides)
    return VisitReportData(**values)  # type: ignore[arg-type]


def test_visit_report_prints_every_block_and_the_signature_lines() -> None:
    pdf = render_visit_report(_data())
    text = pdf_text(pdf)
    for expected in (
        "走访纪要",
        "省政府驻上海办事处",
        "2024年6月26日",
        "上海创明新能源科技有限公司",
        "91310000MA1FL4T699",
        "新能源汽车",
        "王经理",
        "13800138000",
        "张三、李娜",
        "刘副主任（副厅级）",
        "上门拜访",
        "企业介绍了西部布局计划。",
        "50.00亿元",
        "宜宾市",
        "协调用地500亩",
        "宜宾市自然资源局",
        "报送考察接待方案",
        "名片-王经理.jpg",
        "记录人：",
        "审核人：",
        "第1页共1页",
    ):
        assert expected in text, expected
    assert page_sizes(pdf) == [pytest.approx((595.28, 841.89), abs=0.1)]


def test_visit_report_embeds_the_cjk_font_as_a_subset() -> None:
    assert_only_embedded_subset_fonts(render_visit_report(_data()))


def test_long_minutes_wrap_onto_a_second_page_with_page_numbers() -> None:
    minutes = "双方就动力电池基地选址、用地和电价政策深入交换了意见。" * 60 + "（完）"
    pdf = render_visit_report(_data(minutes=minutes))
    pages = pdf_pages(pdf)
    assert len(pages) == 2
    assert "第1页共2页" in pages[0] and "第2页共2页" in pages[1]
    # Every character of the minutes survives the wrapping (nothing is cut off at a margin).
    assert minutes in "".join(pages).replace("第1页共2页", "").replace(
        "省政府驻上海办事处走访日期：2024年6月26日", ""
    )
    assert "审核人：" in pages[-1]


def test_markup_characters_in_user_text_are_printed_not_interpreted() -> None:
    text = pdf_text(render_visit_report(_data(minutes="收入<5亿 & 利润>1亿")))
    assert "收入<5亿&利润>1亿" in text


def _visit_in_db(ws: Workspace) -> str:
    s = ws.store
    e = s.create(
        "enterprise",
        {"name": "成都数智科技有限公司", "credit_code": "91310000MA1FL4T699", "industry": "数字经济"},
    )
    s.create("contact", {"enterprise_id": e, "name": "周总", "title": "副总裁", "phone": "13900001111"})
    v = s.create(
        "visit",
        {
            "date": "2024-06-26",
            "enterprise_id": e,
            "form": "云洽谈",
            "officer": "张三",
            "participants": ["张三", "王五"],
            "leader": "陈主任",
            "minutes": "企业计划在成渝地区设立西部总部。",
            "intention_wan": "12.5",  # entered in 亿元, stored as 万元
            "intention_city": "成都市",
            "next_steps": "邀请企业参加成都推介会。",
        },
    )
    s.create("demand", {"enterprise_id": e, "visit_id": v, "content": "人才公寓配套", "category": "人才"})
    s.create(
        "task", {"title": "发送推介会邀请函", "assignee": "王五", "due_date": "2024-07-01", "visit_id": v}
    )
    s.create(
        "attachment",
        {
            "owner_table": "visit",
            "owner_id": v,
            "sha256": "a" * 64,
            "filename": "视频会议截图.png",
            "kind": "照片",
        },
    )
    deleted = s.create("demand", {"enterprise_id": e, "visit_id": v, "content": "已撤回的诉求"})
    s.delete("demand", deleted)
    return v


def test_visit_report_from_a_real_database_shows_its_records(ws: Workspace) -> None:
    vid = _visit_in_db(ws)
    data = visit_report_data(ws, vid)
    assert data.office == "省政府驻上海办事处"
    assert data.intention_wan == 125_000
    assert [d.content for d in data.demands] == ["人才公寓配套"]
    text = pdf_text(visit_report(ws, vid))
    for expected in (
        "成都数智科技有限公司",
        "周总",
        "云洽谈",
        "12.50亿元",
        "人才公寓配套",
        "发送推介会邀请函",
        "视频会议截图.png",
        "邀请企业参加成都推介会。",
    ):
        assert expected in text, expected
    assert "已撤回的诉求" not in text


def test_visit_report_of_an_unknown_visit_is_a_chinese_error(ws: Workspace) -> None:
    with pytest.raises(NotFoundError, match="找不到走访记录"):
        visit_report_data(ws, "no-such-id")


def test_cli_writes_the_visit_report(
    ws: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    vid = _visit_in_db(ws)
    out = tmp_path / "纪要.pdf"
    assert main(["report", "visit", "--db", str(ws.path), "--visit", vid, "--out", str(out)]) == 0
    assert "成都数智科技有限公司" in pdf_text(out.read_bytes())
    assert main(["report", "visit", "--db", str(ws.path), "--visit", "nope", "--out", str(out)]) == 2
    assert "找不到走访记录" in capsys.readouterr().err
    assert (
        main(["report", "visit", "--db", str(ws.path), "--visit", vid, "--out", str(tmp_path / "x.doc")]) == 2
    )
    assert "扩展名应为 .pdf" in capsys.readouterr().err
