"""A generic edit dialog for any record table, built from the field metadata in domain.records."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import DomainError, ValidationError
from ..domain.records import BY_TABLE, field_specs
from ..services.context import Workspace
from .column_labels import column_label, record_title
from .fields import FieldErrors, get_value, make_editor, set_value
from .picker import EnterpriseListEditor, EnterprisePicker
from .qtcompat import emit

if TYPE_CHECKING:
    from .context import UiContext

# Runs on the write lane with the lane's workspace: (ws, edited values) -> result.
WriteFn = Callable[[Workspace, dict[str, Any]], Any]


class RecordDialog(QDialog):
    """Edit `fields` of one `table` row.

    With `ctx` and `write`, saving is one write op on the lane (`write(ws, values)`; a
    ValidationError keeps the dialog open with the messages), what is typed is kept as a draft
    under `draft_key`, and Esc asks before dropping it. `prepare(values)` runs first on the GUI
    thread (questions such as the duplicate warning) and returns the values to write.
    `embedded` (inside another window, e.g. a tab): saving keeps the form open and emits `saved`
    with the write's result; Esc goes to that window.
    """

    saved = Signal(object)  # the write's result, once it is in the store

    def __init__(
        self,
        ws: Workspace,
        table: str,
        *,
        fields: Sequence[str] | None = None,
        values: dict[str, Any] | None = None,
        title: str = "",
        parent: QWidget | None = None,
        ctx: UiContext | None = None,
        write: WriteFn | None = None,
        prepare: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
        draft_key: str = "",
    ) -> None:
        super().__init__(parent)
        self.ctx, self._write, self._prepare = ctx, write, prepare
        # Called with a failed save's error before the generic message; True when it handled it.
        self.failed_hook: Callable[[BaseException], bool] | None = None
        self._saving = False
        self.ws, self.table = ws, table
        self.specs = field_specs(table)
        names = [n for n in (fields or self.specs) if n in self.specs]
        self.setWindowTitle(title or record_title(BY_TABLE[table].TITLE))
        self.setObjectName(f"record_{table}")
        self.embedded = False  # inside another window: saving keeps the form open
        self.result_value: Any = None
        self.widgets: dict[str, Any] = {}
        body = QWidget()
        form = QFormLayout(body)
        for name in names:
            fs = self.specs[name]
            if fs.kind == "ref" and fs.ref == "enterprise":
                widget = EnterprisePicker(ws, body)
            elif name == "enterprise_ids":
                widget = EnterpriseListEditor(ws, body)

            else:
                widget = make_editor(fs, body)
            widget.setObjectName(name)
            label = column_label(fs.label) + ("*" if fs.required else "")
            form.addRow(label, widget)
            self.widgets[name] = widget
        self.general = QLabel()
        self.general.hide()
        self.errors = FieldErrors(form, self.widgets, self.general)
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons = buttons
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        self.resize(520, min(120 + 44 * len(names), 640))
        if values:
            self.show_values(values)
        self.guard = None
        if ctx is not None and write is not None:
            from .guard import FormGuard

            self.draft_key = draft_key or f"{table}:new"
            self.guard = FormGuard(self, ctx, self.draft_key, self.edited_values, self.show_values)

    def show_values(self, values: dict[str, Any]) -> None:
        for name, widget in self.widgets.items():
            if name not in values:
                continue
            if isinstance(widget, EnterprisePicker):
                if values[name]:
                    widget.set_enterprise(values[name])
            elif isinstance(widget, EnterpriseListEditor):
                widget.set_ids(values[name])

            else:
                set_value(widget, self.specs[name], values[name])

    def edited_values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, widget in self.widgets.items():
            if isinstance(widget, EnterprisePicker):
                out[name] = widget.enterprise_id()
            elif isinstance(widget, EnterpriseListEditor):
                out[name] = widget.ids()

            else:
                out[name] = get_value(widget)
        return out

    def reject(self) -> None:
        """Esc, 取消, the close button: ask before dropping what was typed."""
        if self.embedded:
            # Esc in a form inside another window closes that window (which asks), not the tab's form.
            window = self.window()
            if window is not self and isinstance(window, QDialog):
                window.reject()
            return
        if self.may_close():
            super().reject()

    def may_close(self) -> bool:
        """Not while saving; when something was typed, only if the officer says to drop it."""
        return not self._saving and (self.guard is None or self.guard.may_close())

    def accept(self) -> None:
        if self._write is not None and self.ctx is not None:
            self._write_values()
            return
        super().accept()

    def _write_values(self) -> None:
        if self._saving:
            return
        from ..services import drafts

        try:
            values = self._prepare(self.edited_values()) if self._prepare else self.edited_values()
        except ValidationError as exc:
            self.errors.show(exc.errors)
            return
        write, key = self._write, self.draft_key
        assert write is not None and self.ctx is not None

        def job(ws: Workspace) -> Any:
            result = write(ws, values)
            drafts.discard(ws, key)
            return result

        self._saving = True
        self.buttons.setEnabled(False)
        self.ctx.write(job, self._written, on_error=self._failed, owner=self)

    def _written(self, result: Any) -> None:
        self._saving = False
        self.buttons.setEnabled(True)
        self.result_value = result
        if self.guard is not None:
            self.guard.stop()
        if self.embedded:
            self.errors.clear()
            self.general.setText(self.tr("已保存"))
            self.general.setStyleSheet("color: #1e8449;")
            self.general.show()
            if self.guard is not None:  # the form stays open: later edits are a new draft
                self.guard.initial = self.guard.kept = self.edited_values()
                self.guard.stopped = False
                self.guard.timer.start()
            emit(self.saved, result)
            return
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        self._saving = False
        self.buttons.setEnabled(True)
        if self.failed_hook is not None and self.failed_hook(exc):
            return
        if isinstance(exc, ValidationError):
            self.errors.show(exc.errors)
        elif isinstance(exc, DomainError):
            self.errors.show({"": str(exc)})
        else:
            from .jobs import describe_error

            self.errors.show({"": describe_error(exc)})
