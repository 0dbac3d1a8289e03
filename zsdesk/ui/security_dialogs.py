"""Encryption at rest in the GUI: the passphrase prompt, the recovery key shown once, plain-file conversion."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import DomainError
from ..services import security


def _tr(text: str) -> str:
    return QCoreApplication.translate("security", text)


def ask_passphrase(parent: QWidget | None, path: Path, creating: bool) -> str | None:
    """The officer's passphrase for a database on a machine without a keyring (twice when creating)."""
    title = _tr("数据库口令")
    if not creating:
        text, ok = QInputDialog.getText(
            parent, title, _tr("请输入数据库“{0}”的口令：").format(path.name), QLineEdit.EchoMode.Password
        )
        return text if ok and text else None
    while True:
        first, ok = QInputDialog.getText(
            parent,
            title,
            _tr("本机没有系统钥匙串。请为数据库“{0}”设定口令（至少 8 个字符，以后每次打开时输入）：").format(
                path.name
            ),
            QLineEdit.EchoMode.Password,
        )
        if not ok:
            return None
        again, ok = QInputDialog.getText(
            parent, title, _tr("请再输入一次口令："), QLineEdit.EchoMode.Password
        )
        if not ok:
            return None
        if len(first) >= 8 and first == again:
            return first
        QMessageBox.warning(parent, title, _tr("两次输入不一致或少于 8 个字符，请重新设定。"))


class RecoveryKeyDialog(QDialog):
    """Shows a database's recovery key once, with 复制 and 打印 (for IT to keep on paper)."""

    def __init__(self, path: Path, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path, self.key = path, key
        self.setWindowTitle(_tr("恢复密钥"))
        layout = QVBoxLayout(self)
        note = QLabel(
            _tr(
                "数据库“{0}”已加密。下面是它的恢复密钥，只显示这一次：请打印或抄写，交信息化管理员保管。"
                "系统钥匙串丢失（重装系统、换电脑）时，凭它才能打开数据库。"
            ).format(path.name)
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.keyEdit = QLineEdit(key)
        self.keyEdit.setReadOnly(True)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.keyEdit.setFont(mono)
        self.keyEdit.setMinimumWidth(self.keyEdit.fontMetrics().horizontalAdvance(key) + 24)
        layout.addWidget(self.keyEdit)
        buttons = QDialogButtonBox()
        copy = QPushButton(_tr("复制(&C)"))
        printing = QPushButton(_tr("打印(&P)…"))
        done = QPushButton(_tr("我已妥善保存(&S)"))
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(printing, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(done, QDialogButtonBox.ButtonRole.AcceptRole)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(key))
        printing.clicked.connect(self.print_key)
        done.clicked.connect(self.accept)
        layout.addWidget(buttons)

    def print_key(self) -> None:
        from PySide6.QtGui import QTextDocument
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return
        doc = QTextDocument()
        doc.setHtml(self.sheet_html())
        doc.print_(printer)

    def sheet_html(self) -> str:
        return (
            f"<h2>{_tr('招商外勤 数据库恢复密钥')}</h2>"
            f"<p>{_tr('数据库文件')}：{self.path}</p>"
            f"<p>{_tr('生成时间')}：{dt.datetime.now():%Y-%m-%d %H:%M}</p>"
            f"<p style='font-family:monospace;font-size:16pt'>{self.key}</p>"
            f"<p>{_tr('请妥善保管。凭此密钥可运行 zsdesk unlock 打开该数据库。')}</p>"
        )


def convert_if_plain(parent: QWidget | None, path: Path) -> bool:
    """Encrypt a database from before encryption, showing each step; False if it failed (said why)."""
    if not security.needs_conversion(path):
        return True
    progress = QProgressDialog(_tr("正在加密数据库…"), "", 0, 0, parent)
    progress.setWindowTitle(_tr("加密数据库"))
    progress.setCancelButton(None)  # the swap is atomic, but a half-done conversion is not cancellable
    progress.setWindowModality(Qt.WindowModality.ApplicationModal)
    progress.setMinimumDuration(0)
    progress.show()

    def step(text: str) -> None:
        progress.setLabelText(_tr(text))
        QApplication.processEvents()

    try:
        key = security.encrypt_database(path, step=step)
    except (DomainError, OSError) as exc:  # the file is unchanged; say why and stop
        progress.close()
        QMessageBox.critical(parent, _tr("加密数据库"), str(exc))
        return False
    progress.close()
    RecoveryKeyDialog(path, key, parent).exec()
    return True
