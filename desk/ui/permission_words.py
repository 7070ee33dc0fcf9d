"""Roles and permissions in words, for the message "as reception you may not ..." (never the
codes `empfang` / `reports` of the permission table)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from desk.ui.i18n import translate

ROLE_WORDS = {
    "empfang": QT_TRANSLATE_NOOP("permissions", "reception"),
    "beratung": QT_TRANSLATE_NOOP("permissions", "counselling"),
    "leitung": QT_TRANSLATE_NOOP("permissions", "head of department"),
    "display": QT_TRANSLATE_NOOP("permissions", "waiting-room display"),
    "kiosk": QT_TRANSLATE_NOOP("permissions", "self-service kiosk"),
}

PERMISSION_WORDS = {
    "login": QT_TRANSLATE_NOOP("permissions", "log in"),
    "own_account": QT_TRANSLATE_NOOP("permissions", "change your own account"),
    "read_reference": QT_TRANSLATE_NOOP("permissions", "see services, rooms and staff"),
    "client_search": QT_TRANSLATE_NOOP("permissions", "search for clients"),
    "client_card_read": QT_TRANSLATE_NOOP("permissions", "open the reception card"),
    "client_card_full": QT_TRANSLATE_NOOP("permissions", "open the full client card"),
    "client_write": QT_TRANSLATE_NOOP("permissions", "create or change client cards"),
    "client_merge": QT_TRANSLATE_NOOP("permissions", "merge client cards"),
    "check_in": QT_TRANSLATE_NOOP("permissions", "check people in"),
    "waitlist_read": QT_TRANSLATE_NOOP("permissions", "see the waiting list"),
    "day_close": QT_TRANSLATE_NOOP("permissions", "close the day at closing time"),
    "visit_call": QT_TRANSLATE_NOOP("permissions", "call people, hand them over or close their visit"),
    "appointment_read": QT_TRANSLATE_NOOP("permissions", "see appointments"),
    "appointment_book": QT_TRANSLATE_NOOP("permissions", "book appointments"),
    "appointment_manage": QT_TRANSLATE_NOOP("permissions", "manage working hours, absences and appointment series"),
    "interpreter_manage": QT_TRANSLATE_NOOP("permissions", "manage interpreters"),
    "room_read": QT_TRANSLATE_NOOP("permissions", "see the room calendar"),
    "room_book": QT_TRANSLATE_NOOP("permissions", "book rooms"),
    "alarm_raise": QT_TRANSLATE_NOOP("permissions", "raise the silent alarm"),
    "alarm_ack": QT_TRANSLATE_NOOP("permissions", "acknowledge the silent alarm"),
    "reports": QT_TRANSLATE_NOOP("permissions", "produce statistics and reports"),
    "audit_read": QT_TRANSLATE_NOOP("permissions", "read the audit log"),
    "accounts_manage": QT_TRANSLATE_NOOP("permissions", "manage accounts"),
    "settings_manage": QT_TRANSLATE_NOOP("permissions", "change settings, services and rooms"),
    "client_export": QT_TRANSLATE_NOOP("permissions", "export a person's data"),
    "client_erase": QT_TRANSLATE_NOOP("permissions", "erase a person's data"),
    "retention_purge": QT_TRANSLATE_NOOP("permissions", "purge old data"),
    "backup": QT_TRANSLATE_NOOP("permissions", "make or restore backups"),
    "display_read": QT_TRANSLATE_NOOP("permissions", "show the waiting-room display"),
    "kiosk": QT_TRANSLATE_NOOP("permissions", "give out tickets at the self-service kiosk"),
}


def in_words(key: str, value: object) -> object:
    """A `role` or `permission` parameter of an error, in the user's language."""
    table = ROLE_WORDS if key == "role" else PERMISSION_WORDS if key == "permission" else None
    if table is None or not isinstance(value, str) or value not in table:
        return value
    return translate("permissions", table[value])
