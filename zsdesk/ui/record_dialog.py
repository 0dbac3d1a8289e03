"""A generic edit dialog for any record table, built from the field metadata in domain.records."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

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

SaveFn = Callable[[dict[str, Any]], Any]


class RecordDialog(QDialog):
    """Edit `fields` of one `table` row; `save` raises ValidationError to keep the dialog open."""

    def __init__(
        self,
        ws: Workspace,
        table: str,
        *,
        fields: Sequence[str] | None = None,
        values: dict[str, Any] | None = None,
        save: SaveFn | None = None,
        title: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ws, self.table = ws, table
        self.specs = field_specs(table)
        names = [n for n in (fields or self.specs) if n in self.specs]
        self.setWindowTitle(title or record_title(BY_TABLE[table].TITLE))
        self.setObjectName(f"record_{table}")
        self._save = save
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

    def accept(self) -> None:
        if self._save is None:
            super().accept()
            return
        try:
            self.result_value = self._save(self.edited_values())
        except ValidationError as exc:
            self.errors.show(exc.errors)
            return
        except DomainError as exc:
            self.errors.show({"": str(exc)})
            return
        if self.embedded:
            self.errors.clear()
            self.general.setText(self.tr("已保存"))
            self.general.setStyleSheet("color: #1e8449;")
            self.general.show()
            return
        super().accept()
