"""Creating an enterprise with a duplicate warning first, and merging duplicates."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ..domain.errors import DuplicateCodeError, ValidationError
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


def code_taken_choice(parent: QWidget | None, exc: DuplicateCodeError, *, merge_text: str) -> str:
    """The credit code belongs to another enterprise: "open" it, "merge", or raise `exc` (back to the form)."""
    box = QMessageBox(parent)
    box.setObjectName("codeTaken")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("EnterpriseDialogs", "统一社会信用代码已登记"))
    box.setText(str(exc))
    open_it = box.addButton(
        QCoreApplication.translate("EnterpriseDialogs", "打开已有企业"), QMessageBox.ButtonRole.AcceptRole
    )
    merge = box.addButton(merge_text, QMessageBox.ButtonRole.ActionRole)
    box.addButton(
        QCoreApplication.translate("EnterpriseDialogs", "返回修改"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(open_it)
    box.exec()
    if box.clickedButton() is open_it:
        return "open"
    if box.clickedButton() is merge:
        return "merge"
    raise exc


def confirm_not_duplicate(
    parent: QWidget | None, ws: Workspace, values: dict[str, Any], fills: list[tuple[str, dict[str, Any]]]
) -> str | None:
    """None to go on creating; an existing id when the user picks it; raises to stay in the form.

    "Merge" into an enterprise with the same code appends (its id, the typed values) to `fills`: the
    caller writes them (services.enterprises.fill_existing) in its save, on the write lane."""
    dupes = find_duplicates(ws, name=values.get("name") or "", credit_code=values.get("credit_code") or None)
    if not dupes:
        return None
    same_code = next((d for d in dupes if d["credit_code"] and d["reason"] == "统一社会信用代码相同"), None)
    if same_code is not None:
        # DOMAIN.md: a code that exists is refused; the user goes to that enterprise or merges into it.
        exc = DuplicateCodeError(same_code["credit_code"], same_code["id"], same_code["name"])
        if (
            code_taken_choice(
                parent,
                exc,
                merge_text=QCoreApplication.translate("EnterpriseDialogs", "把填写的信息并入已有企业"),
            )
            == "merge"
        ):
            fills.append((exc.existing_id, dict(values)))
        return exc.existing_id
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
    from ..services.enterprises import fill_existing

    chosen: list[str] = []
    fills: list[tuple[str, dict[str, Any]]] = []

    def prepare(values: dict[str, Any]) -> dict[str, Any]:
        chosen.clear()
        fills.clear()
        existing = confirm_not_duplicate(dialog, ctx.ws, values, fills)
        if existing:
            chosen.append(existing)
        return values

    def write(ws: Workspace, values: dict[str, Any]) -> str:
        for existing_id, typed in fills:
            fill_existing(ws, existing_id, typed)
        return chosen[0] if chosen else records.create(ws, "enterprise", values)

    dialog = RecordDialog(
        ctx.ws, "enterprise", fields=ENTERPRISE_FIELDS, values={"name": name}, parent=parent,
        ctx=ctx, write=write, prepare=prepare, draft_key="enterprise:new",
    )  # fmt: skip
    dialog.setWindowTitle(QCoreApplication.translate("EnterpriseDialogs", "新建企业"))
    if dialog.exec():
        return str(dialog.result_value)
    return None
