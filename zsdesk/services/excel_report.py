"""The result of an Excel import: counts per record kind, warnings and row-numbered errors, in Chinese.

`report.summary()` is what the CLI prints and the import dialog shows; `report.ok` is false when any
row was bad, and `report.committed` tells whether anything was written.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Record kinds counted in a report, in display order.
COUNT_TITLES = (
    "企业",
    "联系人",
    "走访",
    "项目",
    "阶段变更",
    "到位资金",
    "推介会",
    "诉求",
    "任务",
    "外出招商",
    "服务专员",
)
_MAX_LISTED = 200  # problems listed in summary(); a 10,000-row mistake should not flood the screen


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


@dataclass(frozen=True)
class RowProblem:
    """A warning or error tied to a sheet row (row 1 is the header)."""

    row: int
    message: str

    def __str__(self) -> str:
        return f"第{self.row}行：{self.message}"


@dataclass
class ImportReport:
    """What an import did (or, when not committed, would do)."""

    kind: str
    file: str
    sheet: str = ""
    rows: int = 0
    counts: dict[str, Counts] = field(default_factory=dict)
    warnings: list[RowProblem] = field(default_factory=list)
    errors: list[RowProblem] = field(default_factory=list)
    dry_run: bool = False
    allow_partial: bool = False
    committed: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def error_rows(self) -> list[int]:
        return sorted({e.row for e in self.errors})

    def count(self, title: str) -> Counts:
        return self.counts.setdefault(title, Counts())

    def summary(self) -> str:
        """Plain-Chinese report for the CLI and the import dialog."""
        bad = len(self.error_rows)
        lines = [f"{self.kind}表“{self.file}”（工作表“{self.sheet}”）：数据 {self.rows} 行，错误 {bad} 行。"]
        if not self.committed:
            lines.append("以下为预计结果（未写入数据库）：")
        for title in COUNT_TITLES:
            c = self.counts.get(title)
            if c and c.total:
                lines.append(f"  {title}：新增 {c.created}，更新 {c.updated}，未变 {c.unchanged}")
        for label, problems in (("警告", self.warnings), ("错误", self.errors)):
            if problems:
                lines.append(f"{label}（{len(problems)} 条）：")
                lines.extend(f"  {p}" for p in problems[:_MAX_LISTED])
                if len(problems) > _MAX_LISTED:
                    lines.append(f"  ……另有 {len(problems) - _MAX_LISTED} 条未列出")
        if self.dry_run:
            lines.append("结果：试运行，未写入任何数据。")
        elif self.committed and self.errors:
            lines.append(f"结果：已导入无误的行，跳过有错误的 {bad} 行。")
        elif self.committed:
            lines.append("结果：导入完成。")
        else:
            lines.append(
                "结果：文件中有错误，未导入任何数据。请修正后重新导入，或选择只导入无误的行（--allow-partial）。"
            )
        return "\n".join(lines)
