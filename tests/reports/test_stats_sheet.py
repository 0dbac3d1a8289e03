"""情况统计表: the 附件2 layout as PDF (A4 landscape) and .xlsx, numbers identical to `zsdesk stats`."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import openpyxl
import pytest

from zsdesk.cli import main
from zsdesk.domain.money import format_yi
from zsdesk.domain.stats import COLUMNS, MONEY_COLUMNS, StatsSheet
from zsdesk.reports.stats_sheet import DEFAULT_TITLE, render_stats_pdf
from zsdesk.reports.stats_xlsx import FIRST_DATA_ROW, HEADER_ROW, render_stats_xlsx
from zsdesk.services.context import Workspace, init_workspace

from .pdfcheck import assert_only_embedded_subset_fonts, page_sizes, pdf_pages, sample_sheet

HEADERS = ["市(州)", *(h for _, h in COLUMNS), "备注"]


def test_stats_pdf_is_one_landscape_page_with_the_official_layout(sheet: StatsSheet) -> None:
    sheet.title = DEFAULT_TITLE  # a campaign's sheet: 附件2 of its document
    pdf = render_stats_pdf(sheet)
    (width, height), *rest = page_sizes(pdf)
    assert not rest, "21 市(州) + 合计 must fit one page"
    assert width > height and (width, height) == pytest.approx((841.89, 595.28), abs=0.1)
    [text] = pdf_pages(pdf)
    for expected in (
        "附件2",
        DEFAULT_TITLE,
        "填报单位：四川省经济合作局",
        "填报人：张三",
        "填报时间：2024年6月25日",
        "统计期间：2024年6月11日至2024年6月25日",
        "第1页共1页",
        "含驻外办事处数据",
        "审核人：",
        "单位负责人：",
        "联系电话：",
        "（单位盖章）",
    ):
        assert expected in text, expected
    # Headers in order (each header's unit sits on its own line in the cell).
    header_at = text.index("市(州)")
    positions = [text.index(h.split("(")[0], header_at) for h in HEADERS[1:]]
    assert positions == sorted(positions)
    for row in [*sheet.rows, sheet.total]:
        figures = "".join(row.display(key) for key, _ in COLUMNS)
        assert row.unit + figures in text, row.unit
    assert_only_embedded_subset_fonts(pdf)


def test_stats_pdf_with_many_units_repeats_the_header_on_every_page() -> None:
    sheet = sample_sheet()
    sheet.rows = sheet.rows * 3  # 63 rows
    pages = pdf_pages(render_stats_pdf(sheet))
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert "市(州)召开推介会" in page
        assert f"第{number}页共{len(pages)}页" in page
    assert "合计" in pages[-1]


def test_blank_filler_fields_stay_blank_for_handwriting_but_the_unit_is_always_filled() -> None:
    sheet = StatsSheet(dt.date(2024, 6, 1), dt.date(2024, 6, 10), sample_sheet(2).rows)
    [text] = pdf_pages(render_stats_pdf(sheet))
    assert "填报单位：全部单位汇总" in text and "填报人：" in text and "填报时间：" in text
    assert "招商引资工作情况统计表" in text and "附件2" not in text


def _read_xlsx(data: bytes) -> openpyxl.worksheet.worksheet.Worksheet:
    return openpyxl.load_workbook(io.BytesIO(data)).active


def test_stats_xlsx_has_the_same_layout_figures_formats_and_print_setup(sheet: StatsSheet) -> None:
    sheet.title = DEFAULT_TITLE
    ws = _read_xlsx(render_stats_xlsx(sheet))
    assert ws["A1"].value == "附件2"
    assert ws["A2"].value == DEFAULT_TITLE
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A2:I2", "A3:I3", "A4:D4", "E4:F4", "G4:I4"} <= merged
    assert ws["A4"].value == "填报单位：四川省经济合作局"
    assert ws["E4"].value == "填报人：张三" and ws["G4"].value == "填报时间：2024年6月25日"
    assert [c.value for c in ws[HEADER_ROW]] == HEADERS
    rows = [*sheet.rows, sheet.total]
    signatures = [c.value for c in ws[FIRST_DATA_ROW + len(rows) + 1] if c.value]
    assert signatures[0].startswith("审核人") and signatures[-1] == "（单位盖章）"
    for offset, row in enumerate(rows):
        cells = ws[FIRST_DATA_ROW + offset]
        assert cells[0].value == row.unit
        for (key, _), cell in zip(COLUMNS, cells[1:-1], strict=True):
            if key in MONEY_COLUMNS:
                assert cell.number_format == "0.00"
                assert f"{cell.value:.2f}" == format_yi(row.value(key))
            else:
                assert cell.number_format == "0" and cell.value == row.value(key)
            assert cell.border.left.style == "thin"
        assert (cells[-1].value or "") == row.note
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert ws.page_setup.fitToHeight == 0
    assert ws.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"


def _province(tmp_path: Path) -> Path:
    """Two offices in two units with countable records in June 2024."""
    path = tmp_path / "province.db"
    with init_workspace(path, office="省政府驻上海办事处", unit="成都市", officer="张三") as ws:
        s = ws.store
        e1 = s.create("enterprise", {"name": "上海创明新能源科技有限公司"})
        e2 = s.create("enterprise", {"name": "华为技术有限公司"})
        for day, ent in (("2024-06-03", e1), ("2024-06-05", e1), ("2024-06-20", e2), ("2024-07-01", e2)):
            s.create("visit", {"date": day, "enterprise_id": ent, "form": "上门拜访"})
        p = s.create(
            "project",
            {
                "name": "动力电池项目",
                "enterprise_id": e1,
                "stage": "开工建设",
                "signed_date": "2024-06-10",
                "signed_wan": "50.1234",
                "landed_date": "2024-06-15",
                "started_date": "2024-06-28",
            },
        )
        s.create("funding", {"project_id": p, "date": "2024-06-29", "amount_wan": "3.3333"})
        s.create("event", {"date": "2024-06-18", "name": "沪川产业合作推介会", "kind": "推介会"})
        other = s.create("office", {"name": "省政府驻广州办事处", "unit": "绵阳市"})
        e3 = s.create("enterprise", {"name": "广州小鹏汽车科技有限公司"}, office_id=other)
        s.create("visit", {"date": "2024-06-12", "enterprise_id": e3, "form": "驻点招商"}, office_id=other)
    return path


def _stats_json(path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> dict[str, object]:
    capsys.readouterr()
    assert (
        main(["stats", "--db", str(path), "--from", "2024-06-01", "--to", "2024-06-30", "--json", *extra])
        == 0
    )
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("unit", [None, "成都市"])
def test_stats_xlsx_read_back_equals_zsdesk_stats_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], unit: str | None
) -> None:
    path = _province(tmp_path)
    extra = ("--unit", unit) if unit else ()
    expected = _stats_json(path, capsys, *extra)
    out = tmp_path / "统计表.xlsx"
    args = ["report", "stats", "--db", str(path), "--from", "2024-06-01", "--to", "2024-06-30"]
    assert main([*args, *extra, "--out", str(out), "--filler", "李四"]) == 0
    ws = _read_xlsx(out.read_bytes())
    assert ws["E4"].value == "填报人：李四"
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=FIRST_DATA_ROW)]
    rows = rows[: [r[0] for r in rows].index("合计") + 1]

    def as_json(cells: list[object]) -> dict[str, object]:
        return {
            header: (f"{value:.2f}" if key in MONEY_COLUMNS else value)
            for (key, header), value in zip(COLUMNS, cells[1:-1], strict=True)
        }

    got_rows = [{"unit": r[0], **as_json(r)} for r in rows[:-1]]
    assert got_rows == expected["rows"]
    assert rows[-1][0] == "合计" and as_json(rows[-1]) == expected["total"]
    if unit is None:
        assert [r["unit"] for r in got_rows] == ["成都市", "绵阳市"]
        assert expected["total"]["拜访企业(户)"] == 3 and expected["total"]["签约金额(亿元)"] == "50.12"


def test_stats_pdf_from_the_cli_shows_the_same_numbers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _province(tmp_path)
    expected = _stats_json(path, capsys)
    out = tmp_path / "统计表.pdf"
    assert (
        main(
            [
                "report",
                "stats",
                "--db",
                str(path),
                "--from",
                "2024-06-01",
                "--to",
                "2024-06-30",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    [text] = pdf_pages(out.read_bytes())
    for row in expected["rows"]:  # type: ignore[union-attr]
        figures = "".join(str(row[h]) for _, h in COLUMNS)
        assert row["unit"] + figures in text
    total = expected["total"]
    assert "合计" + "".join(str(total[h]) for _, h in COLUMNS) in text  # type: ignore[index]


def test_stats_cli_errors_are_chinese_and_non_zero(
    ws: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["report", "stats", "--db", str(ws.path), "--from", "2024-06-01", "--to", "2024-06-30"]
    assert main([*base, "--out", str(tmp_path / "x.docx")]) == 2
    assert "扩展名应为 .pdf 或 .xlsx" in capsys.readouterr().err
    assert main([*base, "--unit", "火星市", "--out", str(tmp_path / "x.pdf")]) == 2
    assert "未找到填报单位" in capsys.readouterr().err
    assert (
        main([*base[:-4], "--from", "2024-06-31", "--to", "2024-06-30", "--out", str(tmp_path / "x.pdf")])
        == 2
    )
    assert "无法识别" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_long_office_units_wrap_inside_their_cell() -> None:
    sheet = sample_sheet(3)
    sheet.rows[1].unit = "成都市投资促进局驻上海招商分局"
    pages = pdf_pages(render_stats_pdf(sheet))
    assert len(pages) == 1 and "成都市投资促进局驻上海招商分局" in pages[0]
    ws = _read_xlsx(render_stats_xlsx(sheet))
    assert ws.cell(FIRST_DATA_ROW + 1, 1).value == "成都市投资促进局驻上海招商分局"
    assert ws.row_dimensions[FIRST_DATA_ROW + 1].height > ws.row_dimensions[FIRST_DATA_ROW].height
