"""出访简报, 一企一档, 督办单 and 外出招商一表 through the real CLI, read back from the written files."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from zsdesk.cli import main
from zsdesk.services import trips
from zsdesk.services.context import Workspace
from zsdesk.services.handover import briefing_data

from .handover_data import LONG_MINUTES, seed
from .pdfcheck import assert_only_embedded_subset_fonts, page_sizes, pdf_pages, pdf_text

TODAY = dt.date.today()
ROOT = Path(__file__).resolve().parents[2]
SECTIONS = ("一、联系人", "二、近期走访", "三、未办结诉求", "四、项目", "五、建议谈话要点")


def _run(*args: str) -> int:
    return main(["report", *args])


def _numbers_ok(pages: list[str]) -> None:
    total = len(pages)
    for n, page in enumerate(pages, start=1):
        assert f"第{n}页共{total}页" in page, (n, page[-40:])


def test_briefing_for_a_trip_has_the_itinerary_then_each_enterprise_on_its_own_pages(
    ws: Workspace, tmp_path: Path
) -> None:
    s = seed(ws, TODAY)
    out = tmp_path / "简报.pdf"
    assert _run("briefing", "--db", str(ws.path), "--trip", s.trip, "--out", str(out)) == 0
    data = out.read_bytes()
    pages = pdf_pages(data)
    cover = pages[0]
    visit_day = TODAY + dt.timedelta(days=1)
    for expected in (
        "陈书记（市委书记）外出招商出访简报",
        "党政负责同志",
        "行程安排",
        f"{visit_day.month}月{visit_day.day}日",
        "宁德时代新能源科技股份有限公司",
        "上海微光半导体有限公司",
        "商谈二期项目签约时间",  # the purpose of the visit planned on the trip
        "陈书记、张三",
        "拟洽谈项目",
        "宁德时代宜宾动力电池二期",
        "本次签约",
    ):
        assert expected in cover, expected
    # Visited enterprise first (its visit is on the itinerary), then the one only listed on the trip.
    # Each enterprise starts a page (page text begins with its name; the header is drawn last).
    starts = [n for n, p in enumerate(pages) if p.startswith(("宁德时代新能源", "上海微光半导体"))]
    assert starts[0] == 1 and pages[starts[-1]].startswith("上海微光半导体") and len(starts) == 2
    assert 1 <= starts[1] - starts[0] <= 2  # the rich enterprise takes one or two pages
    blank_pages = pages[starts[1] :]
    catl = "".join(pages[starts[0] : starts[1]])
    for expected in (
        *SECTIONS,
        "91350900587527783P",
        "【世界500强】",
        "【链主企业】",
        "福建宁德",
        "李娜（2024年1月5日起）",
        "王经理",
        "13800138000",
        "洽谈二期扩产",
        "协调二期项目用地500亩",
        "省自然资源厅",
        "超期5天",
        "已纳入试点储备名单",
        "会谈洽谈",
        "120.00",
        "签约落地",
        "32.50",
        "本次拟签约“宁德时代储能电池项目”（当前阶段：签约落地）",  # the trip's own projects lead the points
        "本次洽谈“宁德时代宜宾动力电池二期”",
        "组织企业赴宜宾三江新区现场考察",  # talking point from the latest next steps
    ):
        assert expected in catl, expected
    assert "已经解决的诉求不应出现" not in pdf_text(data)
    # The trip's own visit is on the itinerary, not in the enterprise's visit history.
    assert "商谈二期项目签约时间" not in catl
    # Long minutes are cut to a few lines with an ellipsis, never run off the page.
    assert "…" in catl and LONG_MINUTES[-20:] not in catl
    blank = "".join(blank_pages)
    for expected in (
        *SECTIONS,
        "（尚未登记联系人）",
        "（尚无走访记录）",
        "（无未办结诉求）",
        "（尚无项目）",
        "首次拜访",
    ):
        assert expected in blank, expected
    _numbers_ok(pages)
    assert_only_embedded_subset_fonts(data)
    assert all(size == pytest.approx((595.28, 841.89), abs=0.1) for size in page_sizes(data))


def test_briefing_for_named_enterprises_and_dates_through_the_installed_command(
    ws: Workspace, tmp_path: Path
) -> None:
    seed(ws, TODAY)
    ws.close()
    out = tmp_path / "b.pdf"
    exe = Path(sys.executable).with_name("zsdesk")
    done = subprocess.run(
        [str(exe), "report", "briefing", "--db", str(ws.path), "--enterprises", "91350900587527783P，上海微光半导体",
         "--from", "2024-06-01", "--to", "2024-06-03", "--out", str(out)],
        capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},  # the test keyring (tests/memkeyring.py) holds the key
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "已生成出访简报" in done.stdout
    pages = pdf_pages(out.read_bytes())
    assert "6月1日—6月3日" in pages[0]
    assert "洽谈宁德时代宜宾动力电池二期" in pages[0]  # suggested purpose: the project in talks
    assert pages[0].index("宁德时代新能源") < pages[0].index("上海微光半导体有限公司")


def test_unknown_or_ambiguous_enterprise_is_a_chinese_error(
    ws: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(ws, TODAY)
    ws.store.create("enterprise", {"name": "宁德时代储能有限公司"})
    out = tmp_path / "x.pdf"
    assert _run("enterprise", "--db", str(ws.path), "--enterprise", "不存在的公司", "--out", str(out)) == 2
    assert "找不到企业“不存在的公司”" in capsys.readouterr().err
    assert _run("enterprise", "--db", str(ws.path), "--enterprise", "宁德时代储", "--out", str(out)) == 0
    assert _run("briefing", "--db", str(ws.path), "--enterprises", "新能源,有限公司", "--out", str(out)) == 2
    err = capsys.readouterr().err
    assert "对应多家企业" in err and "Traceback" not in err
    assert _run("briefing", "--db", str(ws.path), "--trip", "nope", "--out", str(out)) == 2
    assert "找不到外出招商记录" in capsys.readouterr().err
    # A trip may be named by its leader or start date; two on one day are listed with their ids.
    assert _run("briefing", "--db", str(ws.path), "--trip", "陈书记", "--out", str(out)) == 0
    assert "陈书记（市委书记）外出招商出访简报" in pdf_text(out.read_bytes())
    other = ws.store.create("trip", {"leader": "王副市长", "start_date": TODAY.isoformat()})
    assert _run("briefing", "--db", str(ws.path), "--trip", TODAY.isoformat(), "--out", str(out)) == 2
    err = capsys.readouterr().err
    assert "对应多条外出招商记录" in err and other in err


def test_enterprise_file_by_short_name_is_the_briefing_page_alone(ws: Workspace, tmp_path: Path) -> None:
    s = seed(ws, TODAY)
    out = tmp_path / "档案.pdf"
    assert _run("enterprise", "--db", str(ws.path), "--enterprise", "宁德时代", "--out", str(out)) == 0
    data = out.read_bytes()
    pages = pdf_pages(data)
    assert 1 <= len(pages) <= 2
    text = "".join(pages)
    assert "一企一档" in pages[0]
    for expected in (
        *SECTIONS,
        "宁德时代新能源科技股份有限公司",
        "省自然资源厅",
        "会谈洽谈",
        "由“会谈洽谈”进入“签约落地”",
    ):
        assert expected in text, expected
    # Outside a trip the trip's visit is ordinary history (the newest one).
    assert "商谈二期项目签约时间" in text
    assert s.catl
    _numbers_ok(pages)
    assert_only_embedded_subset_fonts(data)


def test_thirty_enterprise_pack_paginates_cleanly(ws: Workspace) -> None:
    ids = []
    for i in range(30):
        eid = ws.store.create("enterprise", {"name": f"测试企业{i:02d}号有限公司", "industry": "电子信息"})
        ids.append(eid)
        for k in range(4):
            ws.store.create(
                "visit",
                {"date": f"2024-0{k + 1}-1{i % 9}", "enterprise_id": eid, "form": "上门拜访",
                 "minutes": LONG_MINUTES, "next_steps": "继续跟进\n" * 6},
            )  # fmt: skip
        for k in range(12):
            ws.store.create(
                "demand",
                {
                    "enterprise_id": eid,
                    "content": f"诉求{k}：" + "协调解决" * 20,
                    "department": "省经济和信息化厅",
                },
            )
            ws.store.create("project", {"name": f"项目{i}-{k}", "enterprise_id": eid, "stage": "现场考察"})
    from zsdesk.services.handover import briefing_pack

    data = briefing_pack(ws, enterprise_ids=ids, date_from="2024-06-01", date_to="2024-06-05")
    pages = pdf_pages(data)
    _numbers_ok(pages)
    starts = [n for n, p in enumerate(pages) if p.startswith("测试企业")]
    assert [pages[n][:9] for n in starts] == [f"测试企业{i:02d}号有限" for i in range(30)]
    # Every enterprise fits on one or two pages, and the last one ends the document on page 1 or 2.
    gaps = [b - a for a, b in zip([*starts], [*starts[1:], len(pages)], strict=True)]
    assert all(1 <= g <= 2 for g in gaps), gaps
    assert "行程安排" in pages[0] and "企业概览" in "".join(pages[: starts[0]])
    text = "".join(pages)
    assert "另有4条诉求未列出" in text and "另有4条项目未列出" in text


def test_demands_sheet_per_department_as_pdf_and_xlsx(
    ws: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(ws, TODAY)
    ws.store.create(
        "demand", {"enterprise_id": seed_other(ws), "content": "未分派部门的诉求", "status": "待办"}
    )
    pdf = tmp_path / "督办.pdf"
    assert _run("demands", "--db", str(ws.path), "--out", str(pdf)) == 0
    pages = pdf_pages(pdf.read_bytes())
    assert len(pages) == 3  # 省发展改革委, 省自然资源厅, then the unassigned ones
    by_dept = {
        p: page
        for page in pages
        for p in ("省发展改革委", "省自然资源厅", "（未指定）")
        if f"责任部门：{p}" in page
    }
    assert "争取绿电直供试点" in by_dept["省发展改革委"] and "已纳入试点储备名单" in by_dept["省发展改革委"]
    assert "协调二期项目用地500亩" in by_dept["省自然资源厅"] and "其中超期1件" in by_dept["省自然资源厅"]
    assert "未分派部门的诉求" in by_dept["（未指定）"]
    assert "已经解决的诉求不应出现" not in "".join(pages)
    _numbers_ok(pages)

    xlsx = tmp_path / "督办.xlsx"
    assert _run("demands", "--db", str(ws.path), "--overdue", "--out", str(xlsx)) == 0
    sheet = load_workbook(xlsx).active
    header = [c.value for c in sheet[3]]
    assert header[:4] == ["序号", "责任部门", "企业名称", "诉求内容"] and "超期天数" in header
    rows = [dict(zip(header, (c.value for c in r), strict=True)) for r in sheet.iter_rows(min_row=4)]
    assert len(rows) == 1  # --overdue: only the late one
    row = rows[0]
    assert row["责任部门"] == "省自然资源厅" and row["企业名称"] == "宁德时代新能源科技股份有限公司"
    assert row["超期天数"] == 5 and row["办理时限"] == (TODAY - dt.timedelta(days=5)).isoformat()
    assert row["最新回应"] == "已列入年度用地计划，待报批"

    xlsx2 = tmp_path / "发改.xlsx"
    assert _run("demands", "--db", str(ws.path), "--department", "省发展改革委", "--out", str(xlsx2)) == 0
    contents = [r[3].value for r in load_workbook(xlsx2).active.iter_rows(min_row=4)]
    assert contents == ["争取绿电直供试点"]
    assert _run("demands", "--db", str(ws.path), "--out", str(tmp_path / "x.csv")) == 2
    assert "扩展名应为 .pdf 或 .xlsx" in capsys.readouterr().err


def seed_other(ws: Workspace) -> str:
    return ws.store.create("enterprise", {"name": "成都未分派科技有限公司"})


def test_trip_visits_link_and_the_trips_sheet_lists_them(ws: Workspace, tmp_path: Path) -> None:
    s = seed(ws, TODAY)
    assert [v["id"] for v in trips.trip_visits(ws, s.trip)] == [s.trip_visit]
    assert s.loose_visit in [c["id"] for c in trips.link_candidates(ws, s.trip)]
    assert trips.link_visits(ws, s.trip, [s.loose_visit]) == 1
    assert {v["id"] for v in trips.trip_visits(ws, s.trip)} == {s.trip_visit, s.loose_visit}
    # Linking adds the visit's enterprise to the trip; the briefing's itinerary now shows that visit.
    assert s.catl in ws.store.get("trip", s.trip)["enterprise_ids"]
    cover = briefing_data(ws, trip_id=s.trip)
    assert "初次接洽" in [r.purpose for r in cover.itinerary]
    trips.unlink_visits(ws, [s.loose_visit])
    assert ws.store.get("visit", s.loose_visit)["trip_id"] in ("", None)
    assert defaults_ok(ws, s.trip)

    second = trips.save_trip(
        ws,
        {"leader": "王副市长", "party_leader": False, "start_date": "2024-05-10", "places": "深圳",
         "signed_project_ids": [s.projects["二期"]]},
    )  # fmt: skip
    assert ws.store.get("trip", second)["project_ids"] == [s.projects["二期"]]  # signed ⇒ negotiated
    with pytest.raises(Exception, match="返回日期不能早于出发日期"):
        trips.save_trip(ws, {"leader": "甲", "start_date": "2024-05-10", "end_date": "2024-05-01"})

    out = tmp_path / "一表.pdf"
    assert _run("trips", "--db", str(ws.path), "--from", "2024-01-01", "--out", str(out)) == 0
    pages = pdf_pages(out.read_bytes())
    text = "".join(pages)
    assert "外出招商2次，其中党政负责同志带队1次" in text
    assert text.index("王副市长") < text.index("陈书记")  # by start date
    assert "宁德时代储能电池项目（签约32.50亿元）" in text
    assert "走访记录1条" in text
    assert page_sizes(out.read_bytes())[0] == pytest.approx((841.89, 595.28), abs=0.1)
    out2 = tmp_path / "一表2.pdf"
    assert _run("trips", "--db", str(ws.path), "--to", "2024-12-31", "--out", str(out2)) == 0
    assert "陈书记" not in pdf_text(out2.read_bytes()) or TODAY.year <= 2024


def defaults_ok(ws: Workspace, trip_id: str) -> bool:
    d = trips.visit_defaults(ws, trip_id)
    return d["leader"] == "陈书记" and d["date"] == TODAY.isoformat()
