"""Translated labels of the room calendar (kinds, scopes, recurrence) in one place."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desk.domain.model import BookingKind
from desk.domain.recurrence import EditScope, Frequency

CONTEXT = "Raumkalender"

_KINDS = {
    BookingKind.SEMINAR: QT_TRANSLATE_NOOP("Raumkalender", "Seminar"),
    BookingKind.INFO_EVENING: QT_TRANSLATE_NOOP("Raumkalender", "Information evening"),
    BookingKind.LANGUAGE_CAFE: QT_TRANSLATE_NOOP("Raumkalender", "Language café"),
    BookingKind.VOLUNTEER_MEETING: QT_TRANSLATE_NOOP("Raumkalender", "Volunteer meeting"),
    BookingKind.TEAM_MEETING: QT_TRANSLATE_NOOP("Raumkalender", "Team meeting"),
    BookingKind.COUNSELLING: QT_TRANSLATE_NOOP("Raumkalender", "Counselling"),
    BookingKind.OTHER: QT_TRANSLATE_NOOP("Raumkalender", "Other"),
}

_SCOPES = {
    EditScope.THIS: QT_TRANSLATE_NOOP("Raumkalender", "Only this date"),
    EditScope.FOLLOWING: QT_TRANSLATE_NOOP("Raumkalender", "This and all following dates"),
    EditScope.ALL: QT_TRANSLATE_NOOP("Raumkalender", "The whole series"),
}

_FREQUENCIES = {
    Frequency.NONE: QT_TRANSLATE_NOOP("Raumkalender", "Once"),
    Frequency.WEEKLY: QT_TRANSLATE_NOOP("Raumkalender", "Every week"),
    Frequency.BIWEEKLY: QT_TRANSLATE_NOOP("Raumkalender", "Every two weeks"),
    Frequency.MONTHLY_NTH: QT_TRANSLATE_NOOP("Raumkalender", "Monthly on the same weekday"),
}

_WEEKDAYS = (
    QT_TRANSLATE_NOOP("Raumkalender", "Mon"),
    QT_TRANSLATE_NOOP("Raumkalender", "Tue"),
    QT_TRANSLATE_NOOP("Raumkalender", "Wed"),
    QT_TRANSLATE_NOOP("Raumkalender", "Thu"),
    QT_TRANSLATE_NOOP("Raumkalender", "Fri"),
    QT_TRANSLATE_NOOP("Raumkalender", "Sat"),
    QT_TRANSLATE_NOOP("Raumkalender", "Sun"),
)

_ACTIONS = {
    "booking.create": QT_TRANSLATE_NOOP("Raumkalender", "created"),
    "booking.edit": QT_TRANSLATE_NOOP("Raumkalender", "changed"),
    "booking.edit_occurrence": QT_TRANSLATE_NOOP("Raumkalender", "date changed"),
    "booking.split": QT_TRANSLATE_NOOP("Raumkalender", "series split"),
    "booking.cancel": QT_TRANSLATE_NOOP("Raumkalender", "cancelled"),
    "booking.cancel_occurrence": QT_TRANSLATE_NOOP("Raumkalender", "date cancelled"),
    "booking.restore_occurrence": QT_TRANSLATE_NOOP("Raumkalender", "date restored"),
    "booking.participants": QT_TRANSLATE_NOOP("Raumkalender", "participants entered"),
    "booking.extend": QT_TRANSLATE_NOOP("Raumkalender", "series extended"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def kind_label(kind: BookingKind) -> str:
    return tr(_KINDS[kind])


def scope_label(scope: EditScope) -> str:
    return tr(_SCOPES[scope])


def frequency_label(frequency: Frequency) -> str:
    return tr(_FREQUENCIES[frequency])


def weekday_label(index: int) -> str:
    return tr(_WEEKDAYS[index])


def action_label(action: str) -> str:
    return tr(_ACTIONS[action]) if action in _ACTIONS else action
