"""Creating an enterprise with a duplicate warning first, and merging duplicates."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ..domain.errors import ValidationError
from ..services.context import Workspace
from ..services.enterprises import find_duplicates
from .record_dialog import RecordDialog

if TYPE_CHECKING:
    from .context import UiContext

ENTERPRISE_FIELDS = (
    "name",
    "short_name",
    "credit_code",
    "industry",
    "hq_region",
    "ownership",
    "tags",
    "is_key",
    "address",
    "note",
)


def confirm_not_duplicate(parent: QWidget | None, ws: Workspace, values: dict[str, Any]) -> str | None:
    """None to go on creating; an existing id when the user picks it; raises to stay in the form."""
    dupes = find_duplicates(ws, name=values.get("name") or "", credit_code=values.get("credit_code") or None)
    if not dupes:
        return None
    lines = "\n".join(f"· {d['name']}（{d['reason']}）" for d in dupes[:8])
    box = QMessageBox(parent)
    box.setObjectName("duplicateWarning")
    box.setIcon(QMessageBox.Icon.Warning)
    # QCoreApplication.translate with a literal context: lupdate files `box.tr(...)` under "box",
    # which is not the context Qt looks up at run time.
    box.setWindowTitle(QCoreApplication.translate("EnterpriseDialogs", "可能重复的企业"))
    box.setText(
        QCoreApplication.translate(
            "EnterpriseDialogs", "已有以下企业可能是同一家：\n%1\n\n请确认是否仍要新建。"
        ).replace("%1", lines)
    )
    use = box.addButton(
        QCoreApplication.translate("EnterpriseDialogs", "使用已有企业"), QMessageBox.ButtonRole.AcceptRole
    )
    create = box.addButton(
        QCoreApplication.translate("EnterpriseDialogs", "仍然新建"), QMessageBox.ButtonRole.DestructiveRole
    )
    box.addButton(
        QCoreApplication.translate("EnterpriseDialogs", "返回修改"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(use)
    box.exec()
    if box.clickedButton() is use:
        return str(dupes[0]["id"])
    if box.clickedButton() is create:
        return None
    raise ValidationError(
        {
            "name": QCoreApplication.translate(
                "EnterpriseDialogs", "可能与已有企业重复，请修改名称或选择已有企业"
            )
        }
    )


def new_enterprise(parent: QWidget | None, ctx: UiContext, *, name: str = "") -> str | None:
    """Ask for a new enterprise (warning about duplicates first); returns its id once saved (the
    id of an existing one when the officer picks it instead), None on cancel."""
    from ..services import records

    chosen: list[str] = []

    def prepare(values: dict[str, Any]) -> dict[str, Any]:
        chosen.clear()
        existing = confirm_not_duplicate(dialog, ctx.ws, values)
        if existing:
            chosen.append(existing)
        return values

    def write(ws: Workspace, values: dict[str, Any]) -> str:
        return chosen[0] if chosen else records.create(ws, "enterprise", values)

    dialog = RecordDialog(
        ctx.ws, "enterprise", fields=ENTERPRISE_FIELDS, values={"name": name}, parent=parent,
        ctx=ctx, write=write, prepare=prepare, draft_key="enterprise:new",
    )  # fmt: skip
    dialog.setWindowTitle(QCoreApplication.translate("EnterpriseDialogs", "新建企业"))
    if dialog.exec():
        return str(dialog.result_value)
    return None
