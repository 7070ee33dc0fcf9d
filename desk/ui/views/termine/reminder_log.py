"""The sending log of an appointment's reminders, as text for the appointment dialog, and the
reminders that did not go out, for reception to phone (docs/REMINDERS.md). No message text is
ever stored, so none is shown."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from desk.domain.reminders import COUNSELLOR_GONE, ProblemRow, SendingRow, SendStatus, Slot, appointment_code
from desk.ui.i18n import fmt_datetime, translate

STATUS_TEXT = {
    SendStatus.PENDING: QT_TRANSLATE_NOOP("ReminderLog", "due"),
    SendStatus.SENDING: QT_TRANSLATE_NOOP("ReminderLog", "being sent"),
    SendStatus.SENT: QT_TRANSLATE_NOOP("ReminderLog", "sent"),
    SendStatus.RETRY: QT_TRANSLATE_NOOP("ReminderLog", "will be tried again"),
    SendStatus.FAILED: QT_TRANSLATE_NOOP("ReminderLog", "failed - please phone"),
    SendStatus.UNKNOWN: QT_TRANSLATE_NOOP("ReminderLog", "unclear whether it arrived - please phone"),
    SendStatus.OBSOLETE: QT_TRANSLATE_NOOP("ReminderLog", "not sent (appointment changed or consent withdrawn)"),
}
#: A reminder held back because the appointment's counsellor left (COUNSELLOR_GONE).
GONE_TEXT = QT_TRANSLATE_NOOP("ReminderLog", "not sent: the counsellor has left - please phone "
                                             "(the appointment is to be moved)")
SLOT_TEXT = {
    Slot.DAY_BEFORE: QT_TRANSLATE_NOOP("ReminderLog", "day before"),
    Slot.HOURS_BEFORE: QT_TRANSLATE_NOOP("ReminderLog", "hours before"),
}


def _channel(row: SendingRow) -> str:
    return translate("ReminderLog", "SMS") if row.channel.value == "sms" else translate("ReminderLog", "e-mail")


def _status(row: SendingRow) -> str:
    if row.status is SendStatus.FAILED and row.error == COUNSELLOR_GONE:
        return translate("ReminderLog", GONE_TEXT)
    return translate("ReminderLog", STATUS_TEXT[row.status])


def log_line(row: SendingRow) -> str:
    when = fmt_datetime(row.sent_at or row.updated_at)
    text = translate("ReminderLog", "{when}  {channel}, {slot}: {status}").format(
        when=when, channel=_channel(row), slot=translate("ReminderLog", SLOT_TEXT[row.slot]),
        status=_status(row))
    if row.provider_id:
        text += f"  ({row.provider_id})"
    elif row.error and row.error != COUNSELLOR_GONE:  # said in the status, in the user's language
        text += f"  ({row.error})"
    return text


def log_text(rows: list[SendingRow]) -> str:
    if not rows:
        return translate("ReminderLog", "No reminder sent for this appointment.")
    return "\n".join(log_line(r) for r in rows)


def problem_line(problem: ProblemRow) -> str:
    return translate("ReminderLog", "{time}  {code}  {name}  {phone}: {channel} {status}").format(
        time=fmt_datetime(problem.appointment_starts_at), code=appointment_code(problem.sending.appointment_id),
        name=problem.client_name, phone=problem.phone or "-", channel=_channel(problem.sending),
        status=_status(problem.sending))
