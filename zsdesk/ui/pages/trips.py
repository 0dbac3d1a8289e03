"""外出招商 (004's 一表): the trip list, each trip in `TripDialog`, its 出访简报 and the printable 一表."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from ...domain.errors import DomainError
from ..domain_text import error_text
from ..list_page import ListPage
from ..trip_dialog import TripDialog


class TripsPage(ListPage):
    table = "trip"
    title = "外出招商"
    watches = ("visit",)  # the 本次走访数 column counts the visits linked to each trip

    def setup(self) -> None:
        self.title = self.tr("外出招商")
        self.add_date_range()
        self.add_button(self.tr("出访简报…"), self.briefing, "briefingButton")
        self.add_button(self.tr("打印一表…"), self.print_sheet, "tripsSheetButton")

    def create(self) -> TripDialog:
        dialog = TripDialog(self.ctx, parent=self)
        dialog.exec()  # its saves told the list (the write path's broadcast), which reloads
        self.select_id_when_loaded(dialog.trip_id)
        return dialog

    def edit(self, row: int) -> None:
        if row < 0:
            return
        try:
            dialog = TripDialog(self.ctx, self.model.record_id(row), parent=self)
        except DomainError as exc:  # deleted meanwhile (e.g. by a sync)
            QMessageBox.warning(self, self.tr("外出招商"), error_text(str(exc)))
            self.refresh()
            return
        dialog.exec()

    def briefing(self) -> None:
        from ..handover_actions import briefing_for_trip

        if self.current_id():
            briefing_for_trip(self.ctx, self, self.current_id())

    def print_sheet(self) -> None:
        """The 一表 of the trips the date filter shows (all when it is open)."""
        from ..handover_actions import trips_sheet

        filters = self.filters()
        trips_sheet(self.ctx, self, filters.get("date_from") or "", filters.get("date_to") or "")
