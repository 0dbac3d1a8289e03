"""The visit form's attachments: thumbnails, drag and drop, open (downloading when synced from
elsewhere), remove. A mixin of VisitDialog, which provides `ui`, `ws`, `ctx` and `_launch`."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon, QImage, QPixmap
from PySide6.QtWidgets import QFileDialog, QListWidgetItem, QMessageBox

from ..services.visits import blob

THUMB = QSize(72, 72)
# An attachment item's data: ("saved", attachment id, sha256) or ("new", path).
ROLE = Qt.ItemDataRole.UserRole


class AttachmentsMixin:
    ui: Any
    ws: Any
    ctx: Any
    _files: list[Path]
    _removed: list[str]
    _tmp: Path | None
    # QDialog's and VisitDialog's, reached through the final class.
    style: Any
    _launch: Any

    # -- attachments -------------------------------------------------------------------------------
    def _choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self,
            QCoreApplication.translate("VisitDialog", "选择附件"),
            "",
            QCoreApplication.translate(
                "VisitDialog", "图片和文档 (*.png *.jpg *.jpeg *.pdf *.doc *.docx);;所有文件 (*)"
            ),
        )
        self.add_files([Path(f) for f in files])

    def add_files(self, paths: list[Path]) -> None:
        for path in paths:
            if path.is_file() and path not in self._files:
                self._files.append(path)
                item = self._add_thumb(path.name, None, path)
                item.setData(ROLE, ("new", str(path)))

    def _add_thumb(self, name: str, data: bytes | None, path: Path | None = None) -> QListWidgetItem:
        image = QImage(str(path)) if path is not None else QImage.fromData(data or b"")
        item = QListWidgetItem(name)
        item.setToolTip(name)
        if not image.isNull():
            scaled = image.scaled(
                THUMB, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
            item.setIcon(QIcon(QPixmap.fromImage(scaled)))
        else:
            item.setIcon(self.style().standardIcon(self.style().StandardPixmap.SP_FileIcon))
        self.ui.attachList.addItem(item)
        return item

    def _update_attach_buttons(self) -> None:
        selected = bool(self.ui.attachList.selectedItems())
        self.ui.openAttachButton.setEnabled(selected)
        self.ui.removeAttachButton.setEnabled(selected)

    def open_selected(self) -> None:
        for item in self.ui.attachList.selectedItems():
            self.open_attachment(item)

    def open_attachment(self, item: QListWidgetItem) -> Path | None:
        """Open with the desktop's viewer: a saved one is first written to a temporary file."""
        kind, *rest = item.data(ROLE) or ("", "")
        if kind == "new":
            path = Path(rest[0])
        elif kind == "saved":
            data = blob(self.ws, rest[1])
            if data is None:
                self._download_then_open(item)
                return None
            return self._open_bytes(item, data)
        else:
            return None
        return self._launch(item, path)

    def _download_then_open(self, item: QListWidgetItem) -> None:
        """The photo was attached on another laptop: fetch it (off the UI thread), then open it."""
        ctx = self.ctx
        server = ctx.settings.sync_server if ctx else ""
        user = ctx.settings.sync_user if ctx else ""
        if ctx is None or not server or not user:
            QMessageBox.warning(
                self,
                QCoreApplication.translate("VisitDialog", "打开附件"),
                QCoreApplication.translate(
                    "VisitDialog", "附件文件尚未同步到本机。请先在“同步”页设置服务器并同步一次，再打开。"
                ),
            )
            return
        from ..services.sync import fetch_attachment  # network code loads only when needed

        attachment_id = (item.data(ROLE) or ("", ""))[1]

        def done(data: bytes) -> None:
            self._open_bytes(item, data)

        ctx.jobs.run(
            lambda ws, progress, cancel: fetch_attachment(ws, attachment_id, server=server, username=user),
            done,
            title=QCoreApplication.translate("VisitDialog", "正在下载附件…"),
            parent=self,
            owner=self,
        )

    def _open_bytes(self, item: QListWidgetItem, data: bytes) -> Path | None:
        """Write a saved attachment to a temporary file and open it."""
        attachment_id = (item.data(ROLE) or ("", ""))[1]
        if self._tmp is None:
            self._tmp = Path(tempfile.mkdtemp(prefix="zsdesk-attach-"))
        # The viewer picks the program by extension: keep the file's own name (made safe).
        name = re.sub(r'[\\/:*?"<>|]', "_", item.text()) or attachment_id
        path = self._tmp / f"{attachment_id[:8]}-{name}"
        path.write_bytes(data)
        return self._launch(item, path)

    def remove_selected(self) -> None:
        """Take the selected attachments off this visit (saved ones are tombstoned on save)."""
        for item in self.ui.attachList.selectedItems():
            kind, *rest = item.data(ROLE) or ("", "")
            if kind == "saved":
                self._removed.append(rest[0])
            elif kind == "new":
                self._files = [p for p in self._files if str(p) != rest[0]]
            self.ui.attachList.takeItem(self.ui.attachList.row(item))
        self._update_attach_buttons()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        self.add_files([Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()])
        event.acceptProposedAction()
