"""First run (forms/first_run.ui): create the office database, open an existing one, or the demo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QSizePolicy, QWidget

from ..domain.errors import DomainError, ValidationError
from ..services.context import default_db_path, init_workspace
from .domain_text import error_text, errors_text
from .forms import form_module


class FirstRunDialog(QDialog):
    """After exec(): `choice` is "create" | "open" | "demo"; `db_path` and `officer` are set."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = form_module("first_run").Ui_FirstRunDialog()
        self.ui.setupUi(self)
        self.setObjectName("firstRun")
        self.choice = ""
        self.db_path = ""
        self.officer = ""
        self.ui.pathEdit.setText(str(default_db_path()))
        self.ui.errorLabel.hide()
        # Keep the dialog compact: the intro text must not soak up the spare height.
        for label in (self.ui.intro, self.ui.errorLabel):
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.ui.verticalLayout.addStretch(0)
        self.setMinimumWidth(600)
        self.resize(600, self.sizeHint().height())

        self._connect_signals()
        self.ui.officeEdit.setFocus()

    def _connect_signals(self) -> None:
        self.ui.browseButton.clicked.connect(self._browse)
        self.ui.createButton.clicked.connect(self.create)
        self.ui.openButton.clicked.connect(self._open_existing)
        self.ui.demoButton.clicked.connect(self._demo)
        self.ui.cancelButton.clicked.connect(self.reject)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("新数据库文件"), self.ui.pathEdit.text(), "SQLite (*.db)"
        )
        if path:
            self.ui.pathEdit.setText(path)

    def _show_error(self, text: str) -> None:
        self.ui.errorLabel.setText(text)
        self.ui.errorLabel.show()

    def create(self) -> None:
        path = self.ui.pathEdit.text().strip()
        office = self.ui.officeEdit.text().strip()
        officer = self.ui.officerEdit.text().strip()
        if not path:
            self._show_error(self.tr("请填写数据库文件路径"))
            return
        try:
            init_workspace(path, office=office, unit=self.ui.unitEdit.text(), officer=officer).close()
        except ValidationError as exc:
            self._show_error(errors_text(list(exc.errors.values())))
            self.ui.officeEdit.setFocus()
            return
        except (DomainError, OSError) as exc:
            self._show_error(error_text(str(exc)))
            return
        self.choice, self.db_path, self.officer = "create", path, officer
        self.accept()

    def _open_existing(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("打开数据库"), str(Path.home()), "SQLite (*.db);;*"
        )
        if path:
            self.choice, self.db_path = "open", path
            self.accept()

    def _demo(self) -> None:
        self.choice = "demo"
        self.accept()
