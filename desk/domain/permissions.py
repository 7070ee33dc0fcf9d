"""Who may do what: the one written table the permission gate (desk.services.gate) reads.

Every public service function names exactly one Permission; a test enumerates every service
function against this table and fails when a function has none.
"""

from __future__ import annotations

import enum

from desk.domain.model import Role


class Permission(enum.Enum):
    # before anyone is logged in: log in, first-start wizard (safe by construction: a password
    # is needed, the wizard works only on a database without any account)
    LOGIN = "login"
    # one's own account: change password, lock and unlock the window, re-read one's role
    OWN_ACCOUNT = "own_account"
    # reference data every logged-in person needs (services, rooms, staff names)
    READ_REFERENCE = "read_reference"
    # reception
    CLIENT_SEARCH = "client_search"
    CLIENT_CARD_READ = "client_card_read"  # the minimal reception card
    CLIENT_CARD_FULL = "client_card_full"  # the full card (counsellors: their services)
    CLIENT_WRITE = "client_write"
    CLIENT_MERGE = "client_merge"
    CHECK_IN = "check_in"
    WAITLIST_READ = "waitlist_read"
    # the end of the day at the closing time (setting): tickets still open are closed as "left".
    # Reception too: the volunteer is often the last one at the centre. Closing before the closing
    # time (`force`) needs VISIT_CALL as well (the service checks it).
    DAY_CLOSE = "day_close"
    # counselling
    VISIT_CALL = "visit_call"  # call, start, done, no-show, hand over, refer, undo
    APPOINTMENT_READ = "appointment_read"
    APPOINTMENT_BOOK = "appointment_book"  # book / move in counsellors' free slots
    APPOINTMENT_MANAGE = "appointment_manage"  # working hours, absences, no-show, series
    INTERPRETER_MANAGE = "interpreter_manage"
    # rooms
    ROOM_READ = "room_read"
    ROOM_BOOK = "room_book"
    # safety
    ALARM_RAISE = "alarm_raise"
    ALARM_ACK = "alarm_ack"
    # head of department
    REPORTS = "reports"
    AUDIT_READ = "audit_read"
    ACCOUNTS_MANAGE = "accounts_manage"
    SETTINGS_MANAGE = "settings_manage"
    CLIENT_EXPORT = "client_export"
    CLIENT_ERASE = "client_erase"
    RETENTION_PURGE = "retention_purge"
    BACKUP = "backup"
    # the waiting-room display terminal
    DISPLAY_READ = "display_read"
    # the self-service kiosk (issue 20): its services with their sentences and waits, an anonymous
    # ticket, an appointment check-in by the slip's code (rate-limited in the database)
    KIOSK = "kiosk"


P = Permission

# Empfang: check-in, minimal client card, waiting list, booking and moving client appointments
# in counsellors' free slots, room calendar read and book (and the alarm, for everyone's safety).
_RECEPTION = frozenset(
    {
        P.LOGIN,
        P.OWN_ACCOUNT,
        P.READ_REFERENCE,
        P.CLIENT_SEARCH,
        P.CLIENT_CARD_READ,
        P.CLIENT_WRITE,
        P.CHECK_IN,
        P.WAITLIST_READ,
        P.DAY_CLOSE,
        P.APPOINTMENT_READ,
        P.APPOINTMENT_BOOK,
        P.ROOM_READ,
        P.ROOM_BOOK,
        P.ALARM_RAISE,
        P.ALARM_ACK,
        P.DISPLAY_READ,
    }
)
# Beratung: everything reception does, plus calling, appointments and the full client card.
_COUNSELLOR = _RECEPTION | {
    P.VISIT_CALL,
    P.APPOINTMENT_MANAGE,
    P.CLIENT_CARD_FULL,
    P.CLIENT_MERGE,
    P.INTERPRETER_MANAGE,
}
# Leitung: everything, plus accounts, settings, reports, audit log, export, erasure, backup.
_HEAD = frozenset(Permission)

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.RECEPTION: _RECEPTION,
    Role.COUNSELLOR: frozenset(_COUNSELLOR),
    Role.HEAD: _HEAD,
    # the waiting-room display: ticket numbers and rooms only (LOGIN lets the login screen,
    # which acts before anyone is known, ask for a password)
    Role.DISPLAY: frozenset({P.LOGIN, P.DISPLAY_READ}),
    # the self-service kiosk: nothing but the kiosk's own three functions - no names, no lists,
    # no client card (leaving it needs the head's password, checked through the login screen)
    Role.KIOSK: frozenset({P.KIOSK}),
}


def allowed(role: Role, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS.get(role, frozenset())


# -- scoped reads: what of a client a role sees depends on the client's relation to its services

#: the fields of the full card that the reception card leaves out
FULL_CARD_FIELDS = ("phone", "status_group", "consent_date")


def full_card(role: Role, own_service: bool) -> bool:
    """May `role` see the full card (phone, status group, consent) of a client? `own_service`:
    the client has or had a visit or an appointment with one of the reader's services, or was
    handed over to one. The head of department always; counsellors for their services' clients;
    reception (and counsellors for other clients) get the reception card."""
    if role is Role.HEAD:
        return True
    return own_service and allowed(role, Permission.CLIENT_CARD_FULL)


def appointment_note_visible(role: Role, own_service: bool) -> bool:
    """May `role` read the counsellor's note of an appointment? `own_service`: the appointment
    belongs to one of the reader's services. The head always, counsellors of that service,
    reception never."""
    if role is Role.HEAD:
        return True
    return own_service and allowed(role, Permission.VISIT_CALL)
