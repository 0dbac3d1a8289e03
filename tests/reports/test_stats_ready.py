"""A sheet ready to send: 合计 adds up as printed, 备注 kept, every field filled, marks inside 10 mm,
campaign title / cumulative figures / targets, 同比 — through the real CLI, real PDFs and real .xlsx."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import subprocess
from decimal import Decimal
from pathlib import Path

import openpyxl
import pdfplumber
import pytest

from tests.dbfiles import copy_db
from zsdesk.cli import main
from zsdesk.domain.periods import reporting_period
from zsdesk.domain.stats import COLUMNS, MONEY_COLUMNS
from zsdesk.reports.stats_xlsx import FIRST_DATA_ROW
from zsdesk.services.context import Workspace, init_workspace, open_workspace
from zsdesk.services.demo import build_demo

from .pdfcheck import pdf_pages

TODAY = dt.date(2026, 6, 30)
MM = 72 / 25.4
EDGE_MM = 10


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    with open_workspace(path, create=True) as ws:
        build_demo(ws, scale="small", seed=7, today=TODAY)
    return path


def half_months(first: dt.date, last: dt.date) -> list[tuple[dt.date, dt.date]]:
    """Every reporting half-month (26th–10th, 11th–25th) whose report date lies in [first, last]."""
    out, day = [], first
    while day <= last:
        period = reporting_period(day)
        if period.end <= last:
            out.append((period.start, period.end))
        day = period.end + dt.timedelta(days=1)
    return out


def cli_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    capsys.readouterr()
    assert main(["stats", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_printed_rows_add_up_to_the_total_for_every_half_month_of_two_years(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    periods = half_months(TODAY - dt.timedelta(days=729), TODAY)
    assert len(periods) >= 47
    drifted = 0  # half-months whose exact sum would print differently: where the old sheet went wrong
    for start, end in periods:
        data = cli_json(capsys, "--db", str(demo_db), "--from", start.isoformat(), "--to", end.isoformat())
        for _, header in COLUMNS:
            printed = [Decimal(str(row[header])) for row in data["rows"]]
            assert sum(printed) == Decimal(str(data["total"][header])), (start, header)
        for header, exact in data["exact_total"].items():
            drifted += Decimal(exact).quantize(Decimal("0.01")) != Decimal(data["total"][header])
    assert drifted > 0, "the demo data should contain half-months where rounding per unit matters"


def test_a_rendered_pdf_and_xlsx_add_up_as_printed(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Pick the half-months where the exact sum and the printed sum differ, and read the real files.
    picked = []
    for start, end in half_months(TODAY - dt.timedelta(days=729), TODAY):
        data = cli_json(capsys, "--db", str(demo_db), "--from", start.isoformat(), "--to", end.isoformat())
        for header, exact in data["exact_total"].items():
            if Decimal(exact).quantize(Decimal("0.01")) != Decimal(data["total"][header]):
                picked.append((start, end, data))
                break
    assert picked
    for start, end, data in picked[:2]:
        pdf, xlsx = tmp_path / "s.pdf", tmp_path / "s.xlsx"
        base = ["report", "stats", "--db", str(demo_db), "--from", start.isoformat(), "--to", end.isoformat()]
        assert main([*base, "--out", str(pdf)]) == 0 and main([*base, "--out", str(xlsx)]) == 0
        text = "".join(pdf_pages(pdf.read_bytes()))
        total = data["total"]
        assert "合计" + "".join(str(total[h]) for _, h in COLUMNS) in text
        sheet = openpyxl.load_workbook(xlsx).active
        units = [sheet.cell(r, 1).value for r in range(FIRST_DATA_ROW, sheet.max_row + 1)]
        total_row = FIRST_DATA_ROW + units.index("合计")
        for col, (key, _) in enumerate(COLUMNS, start=2):
            cells = [sheet.cell(r, col).value for r in range(FIRST_DATA_ROW, total_row)]
            if key in MONEY_COLUMNS:
                assert sum(Decimal(str(v)) for v in cells) == Decimal(str(sheet.cell(total_row, col).value))


def _marks(path: Path) -> list[tuple[float, str]]:
    """Distance in mm from the nearest paper edge of every word (pdftotext -bbox) and every drawn line,
    rectangle and character (pdfplumber), with a label."""
    out: list[tuple[float, str]] = []
    xhtml = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True)
    width = height = 0.0
    for line in xhtml.stdout.splitlines():
        page = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', line)
        if page:
            width, height = map(float, page.groups())
        word = re.search(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)</word>', line)
        if word:
            x0, y0, x1, y1 = map(float, word.groups()[:4])
            out.append((min(x0, y0, width - x1, height - y1) / MM, word.group(5)))
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            for kind in ("lines", "rects", "chars"):
                for obj in getattr(page, kind):
                    edge = min(obj["x0"], obj["top"], page.width - obj["x1"], page.height - obj["bottom"])
                    out.append((edge / MM, f"{kind}:{obj.get('text', '')}"))
    return out


def test_every_mark_of_the_sheet_stays_10mm_inside_the_paper(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = tmp_path / "sheet.pdf"
    # With 同比 the sheet runs to two pages: both pages' header and footer are checked.
    args = ["report", "stats", "--db", str(demo_db), "--from", "2026-01-01", "--to", "2026-06-30", "--yoy"]
    assert main([*args, "--out", str(pdf)]) == 0
    marks = _marks(pdf)
    assert len(pdfplumber.open(pdf).pages) == 2
    closest = min(marks)
    assert closest[0] >= EDGE_MM, closest
    assert any("第" in label for _, label in marks)  # the page number was among the words checked


def test_the_portrait_reports_also_keep_10mm_clear(ws: Workspace, tmp_path: Path) -> None:
    e = ws.store.create("enterprise", {"name": "上海创明新能源科技有限公司"})
    v = ws.store.create("visit", {"date": "2024-06-25", "enterprise_id": e, "form": "上门拜访"})
    out = tmp_path / "v.pdf"
    assert main(["report", "visit", "--db", str(ws.path), "--visit", v, "--out", str(out)]) == 0
    assert min(_marks(out))[0] >= EDGE_MM
    weekly = tmp_path / "w.pdf"
    args = ["report", "weekly", "--db", str(ws.path), "--office", "省政府驻上海办事处", "--week", "2024-W26"]
    assert main([*args, "--out", str(weekly)]) == 0
    assert min(_marks(weekly))[0] >= EDGE_MM


def test_note_typed_with_the_cli_is_kept_printed_and_queued_for_sync(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "notes.db"
    copy_db(demo_db, db)
    period = ["--from", "2026-06-11", "--to", "2026-06-25"]
    data = cli_json(
        capsys, "--db", str(db), *period, "--note", "成都市=含驻外办事处数据", "--note", "绵阳市=补报"
    )
    notes = {r["unit"]: r.get("备注") for r in data["rows"]}
    assert notes["成都市"] == "含驻外办事处数据" and notes["绵阳市"] == "补报"
    # Kept: a later run without --note shows it; another period does not.
    again = cli_json(capsys, "--db", str(db), *period)
    assert {r["unit"]: r.get("备注") for r in again["rows"]}["成都市"] == "含驻外办事处数据"
    other = cli_json(capsys, "--db", str(db), "--from", "2026-06-01", "--to", "2026-06-25")
    assert all("备注" not in r for r in other["rows"])
    # Edited, then printed on the PDF and the xlsx.
    cli_json(capsys, "--db", str(db), *period, "--note", "成都市=含驻深圳分局数据")
    pdf, xlsx = tmp_path / "n.pdf", tmp_path / "n.xlsx"
    base = ["report", "stats", "--db", str(db), *period]
    assert main([*base, "--out", str(pdf)]) == 0 and main([*base, "--out", str(xlsx)]) == 0
    assert "含驻深圳分局数据" in pdf_pages(pdf.read_bytes())[0]
    sheet = openpyxl.load_workbook(xlsx).active
    rows = {sheet.cell(r, 1).value: sheet.cell(r, 9).value for r in range(FIRST_DATA_ROW, sheet.max_row + 1)}
    assert rows["成都市"] == "含驻深圳分局数据" and rows["绵阳市"] == "补报"
    with open_workspace(db) as ws:
        ops = ws.db.execute(
            "SELECT kind FROM outbox WHERE table_name = 'stats_note' ORDER BY op_seq"
        ).fetchall()
        assert [k for (k,) in ops] == ["create", "create", "update"]
    assert main(["stats", "--db", str(db), *period, "--note", "没有等号"]) == 2
    assert "单位=备注内容" in capsys.readouterr().err
    assert main(["stats", "--db", str(db), *period, "--note", "火星市=x"]) == 2
    assert "未找到填报单位" in capsys.readouterr().err


def test_fill_in_fields_are_always_filled(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "f.pdf"
    base = ["report", "stats", "--db", str(demo_db), "--from", "2026-06-11", "--to", "2026-06-25"]
    assert main([*base, "--out", str(out)]) == 0
    text = pdf_pages(out.read_bytes())[0]
    with open_workspace(demo_db) as ws:
        officer = ws.store.author
    assert officer and f"填报人：{officer}" in text
    assert "填报单位：全部单位汇总" in text and f"填报时间：{dt.date.today().year}年" in text
    assert (
        main([*base, "--unit", "成都市", "--filler", "王五", "--filled-on", "2026-06-26", "--out", str(out)])
        == 0
    )
    text = pdf_pages(out.read_bytes())[0]
    assert "填报单位：成都市" in text and "填报人：王五" in text and "填报时间：2026年6月26日" in text
    assert "审核人：" in text and "单位负责人：" in text and "联系电话：" in text and "（单位盖章）" in text


def _campaign_db(tmp_path: Path) -> Path:
    path = tmp_path / "c.db"
    with init_workspace(path, office="成都市投资促进局驻上海招商分局", unit="成都市", officer="张三") as ws:
        s = ws.store
        for i, day in enumerate(("2021-09-12", "2021-09-20", "2021-10-05", "2021-10-20")):
            e = s.create("enterprise", {"name": f"上海企业{i}"})
            s.create("visit", {"date": day, "enterprise_id": e, "form": "上门拜访"})
        s.create("event", {"date": "2021-10-08", "name": "沪川推介会", "kind": "推介会"})
        s.create("event", {"date": "2021-10-09", "name": "集中签约", "kind": "项目集中签约"})
        s.create("trip", {"leader": "王书记", "party_leader": True, "start_date": "2021-09-28"})
        s.create("trip", {"leader": "李科长", "party_leader": False, "start_date": "2021-09-29"})
        e = s.create("enterprise", {"name": "去年企业"})
        s.create("visit", {"date": "2020-09-15", "enterprise_id": e, "form": "上门拜访"})
        for name, day in (
            ("去年项目", "2020-09-15"),
            ("今年项目一", "2021-09-15"),
            ("今年项目二", "2021-10-01"),
        ):
            s.create(
                "project",
                {
                    "name": name,
                    "enterprise_id": e,
                    "stage": "签约落地",
                    "signed_date": day,
                    "signed_wan": "1",
                },
            )
    return path


def test_campaign_sheet_has_its_title_cumulative_figures_and_targets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _campaign_db(tmp_path)
    assert main(["campaign", "preset", "--db", str(db)]) == 0
    data = cli_json(capsys, "--db", str(db), "--campaign", "百日攻坚", "--to", "2021-10-10")
    assert data["title"] == "制造业招商引资“百日攻坚”行动情况统计表"
    assert (data["from"], data["to"]) == ("2021-09-10", "2021-10-10")  # cumulative from the start
    [row] = data["rows"]
    assert (row["拜访企业(户)"], row["召开推介会(次)"]) == (3, 1)
    targets = {t["target"]: t for t in data["targets"]}
    assert targets["走访目标企业"]["actual"] == 3 and not targets["走访目标企业"]["finished"]
    assert targets["党政负责同志带队招商"]["actual"] == 1  # 李科长's trip is not a 党政负责同志 trip
    assert "进行中，尚差97家" in targets["走访目标企业"]["text"]
    # ≥10% 同比 over the same cumulative days last year: 2 projects signed against 1.
    assert data["growth"]["成都市"]["签约项目(个)"] == "100.0"
    # Period-only on request: the half-month of the 10月10日 report.
    only = cli_json(capsys, "--db", str(db), "--campaign", "百日攻坚", "--to", "2021-10-10", "--period-only")
    assert (only["from"], only["to"]) == ("2021-09-26", "2021-10-10")
    assert only["rows"][0]["拜访企业(户)"] == 1
    assert {t["target"]: t for t in only["targets"]}["走访目标企业"]["actual"] == 3  # still from the start
    # Text output names the campaign and its progress; the PDF carries the title and 附件2.
    assert main(["stats", "--db", str(db), "--campaign", "百日攻坚", "--to", "2021-10-10"]) == 0
    text = capsys.readouterr().out
    assert "自行动开始（2021年9月10日）累计" in text and "目标进度" in text and "尚差2次" in text
    assert "同比增长不低于10%：签约项目(个)+100.0%" in text
    pdf = tmp_path / "c.pdf"
    assert (
        main(
            [
                "report",
                "stats",
                "--db",
                str(db),
                "--campaign",
                "百日攻坚",
                "--to",
                "2021-10-10",
                "--out",
                str(pdf),
            ]
        )
        == 0
    )
    page = pdf_pages(pdf.read_bytes())[0]
    assert page.startswith("附件2") and "制造业招商引资“百日攻坚”行动情况统计表" in page
    assert "统计期间：2021年9月10日至2021年10月10日（自行动开始（2021年9月10日）累计）" in page


def test_without_a_campaign_the_sheet_is_plain_and_has_no_targets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _campaign_db(tmp_path)
    data = cli_json(capsys, "--db", str(db), "--from", "2021-09-26", "--to", "2021-10-10")
    assert data["title"] == "招商引资工作情况统计表" and "targets" not in data
    assert main(["stats", "--db", str(db), "--from", "2021-09-26", "--to", "2021-10-10"]) == 0
    assert "目标" not in capsys.readouterr().out
    pdf = tmp_path / "p.pdf"
    assert (
        main(
            [
                "report",
                "stats",
                "--db",
                str(db),
                "--from",
                "2021-09-26",
                "--to",
                "2021-10-10",
                "--out",
                str(pdf),
            ]
        )
        == 0
    )
    page = pdf_pages(pdf.read_bytes())[0]
    assert "招商引资工作情况统计表" in page and "百日攻坚" not in page and "附件2" not in page
    assert main(["stats", "--db", str(db), "--campaign", "没有这个行动"]) == 2
    assert "未找到专项行动" in capsys.readouterr().err
    assert main(["stats", "--db", str(db)]) == 2
    assert "--campaign" in capsys.readouterr().err


def test_year_on_year_is_an_option_on_the_pdf_and_the_xlsx(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _campaign_db(tmp_path)
    base = ["report", "stats", "--db", str(db), "--from", "2021-09-10", "--to", "2021-09-30"]
    plain, yoy = tmp_path / "a.pdf", tmp_path / "b.pdf"
    assert main([*base, "--out", str(plain)]) == 0 and main([*base, "--yoy", "--out", str(yoy)]) == 0
    assert "去年同期" not in "".join(pdf_pages(plain.read_bytes()))
    text = "".join(pdf_pages(yoy.read_bytes()))
    assert "同比：去年同期（2020年9月10日至2020年9月30日）" in text
    assert "1+100.0%" in text  # 拜访企业: 1 last year, 2 now
    xlsx = tmp_path / "b.xlsx"
    assert main([*base, "--yoy", "--out", str(xlsx)]) == 0
    values = [
        c.value
        for row in openpyxl.load_workbook(io.BytesIO(xlsx.read_bytes())).active.iter_rows()
        for c in row
    ]
    assert any(isinstance(v, str) and v.startswith("同比：去年同期") for v in values)
    assert "1\n+100.0%" in values


def test_weekly_overview_and_statistics_count_the_same_office_and_say_so(tmp_path: Path) -> None:
    path = tmp_path / "w.db"
    with init_workspace(path, office="成都市投资促进局驻上海招商分局", unit="成都市", officer="张三") as ws:
        s = ws.store
        sister = s.create("office", {"name": "成都市投资促进局驻深圳招商分局", "unit": "成都市"})
        for i in range(2):
            e = s.create("enterprise", {"name": f"本处企业{i}"})
            s.create("visit", {"date": "2024-06-25", "enterprise_id": e, "form": "上门拜访"})
        for i in range(3):  # the sister office's visits are the 市州's, not this office's
            e = s.create("enterprise", {"name": f"深圳企业{i}"}, office_id=sister)
            s.create(
                "visit", {"date": "2024-06-26", "enterprise_id": e, "form": "上门拜访"}, office_id=sister
            )
    out = tmp_path / "w.pdf"
    args = [
        "report",
        "weekly",
        "--db",
        str(path),
        "--office",
        "成都市投资促进局驻上海招商分局",
        "--week",
        "2024-W26",
    ]
    assert main([*args, "--out", str(out)]) == 0
    text = "".join(pdf_pages(out.read_bytes()))
    assert "统计范围：成都市投资促进局驻上海招商分局" in text
    assert "本周统计（成都市投资促进局驻上海招商分局，口径同《情况统计表》）" in text
    # 走访企业(户) of the overview and 拜访企业(户) of the statistics are both 2 (not the 市州's 5).
    with pdfplumber.open(out) as pdf:
        tables = pdf.pages[0].extract_tables()
    overview = {k.replace("\n", ""): v for k, v in zip(*tables[0][:2], strict=True)}
    stats = {k.replace("\n", ""): v for k, v in zip(*tables[1][:2], strict=True)}
    assert overview["走访企业(户)"] == stats["拜访企业(户)"] == "2"
