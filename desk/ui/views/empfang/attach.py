"""Reception attaches a client to an anonymous ticket (issue 20): the person took a ticket at the
self-service kiosk (or got an anonymous one) and now comes to the desk. The visit keeps its
ticket, arrival time and place; it only gains its client."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk.domain.languages import language_name
from desk.domain.model import OPEN_VISIT_STATUSES, ClientSearchHit, VisitRow
from desk.ui.i18n import current_language, fmt_time
from desk.ui.widgets.dialog import LockAwareDialog


def anonymous_open(visits: list[VisitRow]) -> list[VisitRow]:
    """Today's open tickets without a client, self-service ones first, oldest first."""
    rows = [v for v in visits if v.client_id is None and v.status in OPEN_VISIT_STATUSES]
    return sorted(rows, key=lambda v: (not v.self_service, v.arrived_at))


class AttachDialog(LockAwareDialog):
    """Which anonymous ticket is this person's?"""

    def __init__(self, client: ClientSearchHit, visits: list[VisitRow], service_names: dict[int, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Attach to a ticket"))
        name = " ".join(p for p in (client.given_name, client.family_name) if p) or client.client_number
        intro = QLabel(self.tr("Which ticket did {name} take? The ticket keeps its place in the queue.")
                       .format(name=name))
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Anonymous tickets"))
        for visit in visits:
            parts = [visit.ticket, service_names.get(visit.service_id, ""),
                     self.tr("since {time}").format(time=fmt_time(visit.arrived_at))]
            if visit.interpreter_language:
                parts.append(language_name(visit.interpreter_language, current_language()))
            if visit.self_service:
                parts.append(self.tr("self-service"))
            item = QListWidgetItem(" · ".join(p for p in parts if p))
            item.setData(Qt.ItemDataRole.UserRole, visit.id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Attach"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list)
        layout.addWidget(buttons)

    def chosen_visit_id(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)
