"""Every public service function x every role, against the written table below.

The table is the specification (docs/PERMISSIONS.md is rendered from it). The test discovers
service classes by itself (every module of desk.services; classes named *Service or carrying
@requires methods), so a function added later fails here until it has a line in EXPECTED:
the failure message prints the line to add. Check that line against the issue's role
descriptions before pasting it - the table is what the centre was promised.

Run `python tests/unit/test_permission_table.py --write` to re-render docs/PERMISSIONS.md.

Columns: E = Empfang (reception), B = Beratung (counselling), L = Leitung (head of department),
D = display terminal (and the login screen before anyone is logged in), K = the self-service kiosk
(issue 20; the column may be left out: a line without it means the kiosk is refused).
x = allowed, - = refused.
A line with `internal` instead of the columns is a function without an actor (cache upkeep);
it must not take an `actor` argument.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import sys
from pathlib import Path

import desk.services
from desk.domain.model import Role
from desk.domain.permissions import ROLE_PERMISSIONS, Permission
from desk.services.gate import ONE_TIME_ATTRIBUTE, PERMISSION_ATTRIBUTE

ROLES = (Role.RECEPTION, Role.COUNSELLOR, Role.HEAD, Role.DISPLAY, Role.KIOSK)
DOC = Path(__file__).resolve().parents[2] / "docs" / "PERMISSIONS.md"

EXPECTED = """
# function                                     E B L D K
AccountService.needs_first_account             x x x x
AccountService.create_first_head               x x x x
AccountService.login                           x x x x
AccountService.lock                            x x x -
AccountService.unlock                          x x x -
AccountService.refresh_actor                   x x x -
AccountService.set_own_room                    x x x -
AccountService.change_own_password             x x x -
AccountService.accounts                        - - x -
AccountService.create_account                  - - x -
AccountService.change_account                  - - x -
AccountService.reset_password                  - - x -
AccountService.open_work                       - - x -
AccountService.recover_head                    x x x x
AlarmService.raise_alarm                       x x x -
AlarmService.open_alarms                       x x x -
AlarmService.acknowledge                       x x x -
AppointmentService.get                         x x x -
AppointmentService.between                     x x x -
AppointmentService.today                       x x x -
AppointmentService.series                      x x x -
AppointmentService.history                     x x x -
AppointmentService.counsellors                 x x x -
AppointmentService.schedule                    x x x -
AppointmentService.free_slots                  x x x -
AppointmentService.next_free                   x x x -
AppointmentService.reminders                   x x x -
AppointmentService.slip                        x x x -
AppointmentService.book                        x x x -
AppointmentService.book_series                 - x x -
AppointmentService.undo_no_show                - x x -
AppointmentService.change                      x x x -
AppointmentService.cancel                      x x x -
AppointmentService.cancel_series               - x x -
AppointmentService.mark_no_show                - x x -
AppointmentService.mark_done                   - x x -
AppointmentService.set_reminded                x x x -
AppointmentService.set_working_hours           - x x -
AppointmentService.add_absence                 - x x -
AppointmentService.remove_absence              - x x -
AppointmentService.appointments_during_absences x x x -
AppointmentService.interpreters                x x x -
AppointmentService.save_interpreter            - x x -
AppointmentService.overlapping_pairs           x x x -
AppointmentService.export_ics                  x x x -
AuditLogService.query                          - - x -
AuditLogService.actions                        - - x -
BackupService.backup_now                       - - x -
BackupService.run_daily_backup                 - - x -
BackupService.backups                          - - x -
BackupService.latest_good_backup               - - x -
BackupService.check                            - - x -
BackupService.restore                          - - x -
BackupService.record_restore                   - - x -
BackupService.too_old                          - - x -
BookingService.occurrences                     x x x -
BookingService.occurrence                      x x x -
BookingService.booking                         x x x -
BookingService.series                          x x x -
BookingService.history                         x x x -
BookingService.suggest_slot                    x x x -
BookingService.count_overlaps                  x x x -
BookingService.create                          x x x -
BookingService.move                            x x x -
BookingService.edit                            x x x -
BookingService.cancel                          x x x -
BookingService.restore                         x x x -
BookingService.set_actual_participants         x x x -
BookingService.export_ics                      x x x -
CheckInService.check_in                        x x x -
CheckInService.today                           x x x -
CheckInService.todays_appointments             x x x -
CheckInService.absent_today                   x x x -
CheckInService.appointments_and_absent_today  x x x -
CheckInService.estimated_wait                  x x x -
CheckInService.undo_check_in                   x x x -
CheckInService.attach_client                   x x x -
ClientService.sync                             internal
ClientService.prepare_search                   x x x -
ClientService.search                           x x x -
ClientService.lookup                           x x x -
ClientService.card                             x x x -
ClientService.still_exists                     x x x -
ClientService.create                           x x x -
ClientService.update                           x x x -
ClientService.find_duplicates                  x x x -
ClientService.merge                            - x x -
ClientService.merged_into                      x x x -
ClientService.import_clients                   x x x -
KioskService.offers                            - - x - x
KioskService.take_ticket                       - - x - x
KioskService.check_in_appointment              - - x - x
KioskService.languages                         - - x - x
KioskService.save_language                     - - x -
KioskService.remove_language                   - - x -
PrivacyService.export_client                   - - x -
PrivacyService.write_client_export             - - x -
PrivacyService.erase_client                    - - x -
PrivacyService.purge                           - - x -
PrivacyService.compact                         - - x -
PrivacyService.run_daily_purge                 - - x -
ReminderService.contact                        - x x -
ReminderService.save_contact                   - x x -
ReminderService.schedule                       x x x -
ReminderService.save_schedule                  - - x -
ReminderService.templates                      - - x -
ReminderService.centre_address                 - - x -
ReminderService.centre_phone                   - - x -
ReminderService.save_template                  - - x -
ReminderService.mark_reviewed                  - - x -
ReminderService.channel_status                 - - x -
ReminderService.run_due                        - - x -
ReminderService.log                            x x x -
ReminderService.recent_log                     - - x -
ReminderService.problems                       x x x -
ReminderService.no_show_figures                - - x -
ReferenceService.invalidate                    internal
ReferenceService.services                      x x x -
ReferenceService.rooms                         x x x -
ReferenceService.staff                         x x x -
ReferenceService.settings                      x x x -
ReferenceService.change_setting                - - x -
ReferenceService.change_settings               - - x -
ReportService.report                           - - x -
ReportService.record_export                    - - x -
SetupService.create_service                    - - x -
SetupService.change_service                    - - x -
SetupService.create_room                       - - x -
SetupService.change_room                       - - x -
WaitlistService.waiting_list                   x x x -
WaitlistService.get                            x x x -
WaitlistService.display_calls                  x x x x
WaitlistService.call_next                      - x x -
WaitlistService.call                           - x x -
WaitlistService.call_again                     - x x -
WaitlistService.start                          - x x -
WaitlistService.done                           - x x -
WaitlistService.no_show                        - x x -
WaitlistService.back_to_waiting                - x x -
WaitlistService.refer                          - x x -
WaitlistService.hand_over                      - x x -
WaitlistService.undo                           - x x -
WaitlistService.close_day                      x x x -
"""

INTERNAL = "internal"

# Scoped reads: what a role sees of ONE client or appointment depends on whether it belongs to
# one of the reader's services ("own": the client has or had a visit or an appointment with that
# service, or was handed over to it; the appointment is that service's). Columns: role, then
# "other" / "own". x = sees it, - = does not (the rule is desk.domain.permissions.<rule>).
SCOPED = """
# rule                      E:other E:own B:other B:own L:other L:own D:other D:own
full_card                   -       -     -       x     x       x     -       -
appointment_note_visible    -       -     -       x     x       x     -       -
"""

# Which service functions hand out what the rule restricts (tests/integration/test_scoped_reads.py
# checks them on both engines): the reception card leaves out FULL_CARD_FIELDS, an invisible note
# comes back empty (and a save by someone who cannot see it keeps it).
SCOPED_FUNCTIONS = {
    "full_card": ("ClientService.card", "ClientService.create", "ClientService.update", "ClientService.merge",
                  "ClientService.search", "AppointmentService.reminders", "ReminderService.problems",
                  "ReminderService.contact", "ReminderService.save_contact"),
    "appointment_note_visible": ("AppointmentService.get", "AppointmentService.between", "AppointmentService.today",
                                 "AppointmentService.series", "AppointmentService.book",
                                 "AppointmentService.book_series", "AppointmentService.change",
                                 "AppointmentService.cancel", "AppointmentService.mark_no_show",
                                 "AppointmentService.mark_done", "AppointmentService.undo_no_show",
                                 "AppointmentService.set_reminded",
                                 "AppointmentService.appointments_during_absences",
                                 "AppointmentService.export_ics", "AppointmentService.reminders",
                                 "CheckInService.todays_appointments",
                                 "CheckInService.appointments_and_absent_today"),
}


def parse_scoped(text: str | None = None) -> dict[str, dict[tuple[Role, bool], bool]]:
    table: dict[str, dict[tuple[Role, bool], bool]] = {}
    for line in (SCOPED if text is None else text).strip().splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        name, *cells = line.split()
        if len(cells) == 2 * (len(ROLES) - 1):
            cells += ["-", "-"]  # no K columns: the kiosk sees nothing
        assert len(cells) == 2 * len(ROLES) and set(cells) <= {"x", "-"}, f"bad line in SCOPED: {line!r}"
        table[name] = {(role, own): cells[2 * i + (1 if own else 0)] == "x"
                       for i, role in enumerate(ROLES) for own in (False, True)}
    return table


def parse_table(text: str | None = None) -> dict[str, tuple[bool, ...] | str]:
    table: dict[str, tuple[bool, ...] | str] = {}
    for line in (EXPECTED if text is None else text).strip().splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        name, *cells = line.split()
        assert name not in table, f"{name} is listed twice in EXPECTED"
        if cells == [INTERNAL]:
            table[name] = INTERNAL
        else:
            if len(cells) == len(ROLES) - 1:
                cells.append("-")  # no K column: the kiosk is refused
            assert len(cells) == len(ROLES) and set(cells) <= {"x", "-"}, f"bad line in EXPECTED: {line!r}"
            table[name] = tuple(c == "x" for c in cells)
    return table


def service_functions() -> dict[str, object]:
    """'Class.method' -> function for every public method of every service class."""
    found: dict[str, object] = {}
    for info in pkgutil.iter_modules(desk.services.__path__):
        module = importlib.import_module(f"desk.services.{info.name}")
        for class_name, cls in vars(module).items():
            if not inspect.isclass(cls) or cls.__module__ != module.__name__:
                continue
            methods = {
                name: member for name, member in vars(cls).items()
                if not name.startswith("_")
                and (inspect.isfunction(member) or isinstance(member, staticmethod | classmethod))
            }
            gated = any(hasattr(m, PERMISSION_ATTRIBUTE) for m in methods.values())
            if class_name.endswith("Service") or gated:
                for name, member in methods.items():
                    found[f"{class_name}.{name}"] = member
    return found


def _line(name: str, function: object) -> str:
    permission = getattr(function, PERMISSION_ATTRIBUTE, None)
    if permission is None:
        return f"{name:<46} {INTERNAL}"
    cells = " ".join("x" if permission in ROLE_PERMISSIONS[role] else "-" for role in ROLES)
    return f"{name:<46} {cells}"


def test_every_public_service_function_is_gated_or_declared_internal() -> None:
    table = parse_table()
    problems = []
    for name, function in sorted(service_functions().items()):
        permission = getattr(function, PERMISSION_ATTRIBUTE, None)
        if permission is None:
            if table.get(name) != INTERNAL:
                problems.append(f"{name} has no @requires(Permission.X): decorate it (the one gate), "
                                f"or if it is cache upkeep without an actor, add to EXPECTED: `{name} {INTERNAL}`")
            elif "actor" in inspect.signature(inspect.unwrap(function)).parameters:
                problems.append(f"{name} takes an actor but has no @requires: decorate it")
    assert not problems, "\n".join(problems)


def test_every_service_function_has_a_line_in_the_written_table() -> None:
    table = parse_table()
    missing = [(name, f) for name, f in sorted(service_functions().items()) if name not in table]
    assert not missing, (
        "These service functions have no line in EXPECTED (tests/unit/test_permission_table.py). "
        "Add the line (after checking it against the roles of issue 6: Empfang, Beratung, Leitung, "
        "display), then run `python tests/unit/test_permission_table.py --write`:\n"
        + "\n".join(_line(name, f) for name, f in missing)
    )


def test_the_table_lists_no_function_that_does_not_exist() -> None:
    gone = sorted(set(parse_table()) - set(service_functions()))
    assert not gone, f"EXPECTED lists functions that no longer exist; remove: {gone}"


def test_every_role_gets_exactly_what_the_table_says() -> None:
    table = parse_table()
    wrong = []
    for name, function in sorted(service_functions().items()):
        expected = table.get(name)
        permission: Permission | None = getattr(function, PERMISSION_ATTRIBUTE, None)
        if expected is None or expected == INTERNAL or permission is None:
            continue  # reported by the tests above
        for role, want in zip(ROLES, expected, strict=True):
            got = permission in ROLE_PERMISSIONS[role]
            if got != want:
                wrong.append(f"{name}: role {role.value} {'may' if got else 'may not'} call it "
                             f"(permission {permission.name}); the table says {'x' if want else '-'}")
    assert not wrong, "\n".join(wrong)


def test_display_role_holds_no_client_permission() -> None:
    client_permissions = {p for p in Permission if p.name.startswith("CLIENT")}
    assert not (ROLE_PERMISSIONS[Role.DISPLAY] & client_permissions)
    assert ROLE_PERMISSIONS[Role.DISPLAY] == {Permission.LOGIN, Permission.DISPLAY_READ}


def test_kiosk_role_holds_only_the_kiosk_permission() -> None:
    """The kiosk in the public entrance: no client, list, card or reference permission at all."""
    assert ROLE_PERMISSIONS[Role.KIOSK] == {Permission.KIOSK}
    allowed_functions = sorted(name for name, cells in parse_table().items()
                               if cells != INTERNAL and cells[ROLES.index(Role.KIOSK)])
    assert allowed_functions == ["KioskService.check_in_appointment", "KioskService.languages",
                                 "KioskService.offers", "KioskService.take_ticket"]


def test_head_of_department_may_do_everything() -> None:
    assert ROLE_PERMISSIONS[Role.HEAD] == frozenset(Permission)


def test_scoped_reads_follow_the_written_table() -> None:
    from desk.domain import permissions

    wrong = []
    for rule, cells in parse_scoped().items():
        function = getattr(permissions, rule)
        for (role, own), want in cells.items():
            if function(role, own) != want:
                wrong.append(f"{rule}: role {role.value}, {'own' if own else 'other'} service: "
                             f"{function(role, own)}, the table says {want}")
    assert not wrong, "\n".join(wrong)


#: The rows that carry what a rule restricts: a service function handing one out (in its return
#: annotation) must apply the rule, i.e. be listed in SCOPED_FUNCTIONS. (The reception list of
#: today's appointments handed out the counsellors' notes because nothing made it say so.)
SCOPED_ROWS = {"appointment_note_visible": ("AppointmentRow", "ReminderRow"),
               "full_card": ("ClientRow", "ReminderContact", "ReminderRow", "ProblemRow", "MergeResult")}


def test_every_function_handing_out_scoped_rows_applies_the_rule() -> None:
    import typing

    missing = []
    for name, function in service_functions().items():
        target = inspect.unwrap(function) if callable(function) else function
        annotation = str(typing.get_type_hints(target).get("return", "")) if callable(target) else ""
        for rule, rows in SCOPED_ROWS.items():
            if any(row in annotation for row in rows) and name not in SCOPED_FUNCTIONS[rule]:
                missing.append(f"{name} returns {annotation} but is not listed under {rule} in SCOPED_FUNCTIONS")
    assert not missing, "\n".join(missing)


def test_every_scoped_function_exists_and_may_be_called_by_the_roles_concerned() -> None:
    functions = service_functions()
    assert set(SCOPED_FUNCTIONS) == set(parse_scoped())
    for names in SCOPED_FUNCTIONS.values():
        for name in names:
            assert name in functions, f"{name} is listed in SCOPED_FUNCTIONS but does not exist"


def render_markdown() -> str:
    table = parse_table()
    head = ["Function", "Empfang", "Beratung", "Leitung", "Display", "Kiosk"]
    lines = [
        "# Permissions: every service function and role",
        "",
        "Rendered from `EXPECTED` in tests/unit/test_permission_table.py (the test fails when the",
        "code, this table or this file disagree). Re-render: `python tests/unit/test_permission_table.py --write`.",
        "",
        "The gate is `@requires(Permission.X)` in desk/services/gate.py; the roles' permissions are",
        "`ROLE_PERMISSIONS` in desk/domain/permissions.py. \"internal\": cache upkeep without an actor.",
        "",
        "Three functions act before anyone is logged in and are open to every role, each safe by its own",
        "check: `AccountService.login` needs the password, `AccountService.create_first_head` works only on",
        "a database without any account, and `AccountService.recover_head` (`desk-admin recover-head`)",
        "only over a connection that holds the database past desk's login anyway (the operating-system",
        "user owning the SQLite file; on PostgreSQL the superuser or the database owner) and only when no",
        "other active head of department exists.",
        "",
        "A password the head of department set (a new account, a reset in Verwaltung or with",
        "`desk-admin reset-password`, `desk-admin recover-head`) is one-time: the session it opens",
        "(`Actor.password_one_time`) may call only " + ", ".join(f"`{n}`" for n in ONE_TIME_OK) + ";",
        "the gate refuses every other function, whichever program calls it. The login dialog asks for",
        "the person's own password before any view opens.",
        "",
        "| " + " | ".join(head) + " |",
        "|" + "|".join("---" for _ in head) + "|",
    ]
    for name, cells in table.items():
        if cells == INTERNAL:
            row = [f"`{name}`", "internal", "", "", "", ""]
        else:
            row = [f"`{name}`", *("yes" if c else "–" for c in cells)]
        lines.append("| " + " | ".join(row) + " |")
    lines += [
        "",
        "## Scoped reads",
        "",
        "What a role sees of one client or appointment depends on whether it belongs to one of the",
        "reader's services (*own*: the client has or had a visit or an appointment with that service,",
        "or was handed over to it; the appointment is that service's). Rendered from `SCOPED`; the",
        "rules are `full_card` and `appointment_note_visible` in desk/domain/permissions.py.",
        "",
        "| Rule | Empfang other | Empfang own | Beratung other | Beratung own | Leitung other | Leitung own "
        "| Display other | Display own | Kiosk other | Kiosk own |",
        "|" + "|".join("---" for _ in range(11)) + "|",
    ]
    for rule, cells in parse_scoped().items():
        row = [f"`{rule}`", *("yes" if cells[(role, own)] else "–" for role in ROLES for own in (False, True))]
        lines.append("| " + " | ".join(row) + " |")
    lines += ["", "Service functions that apply each rule:", ""]
    for rule, names in SCOPED_FUNCTIONS.items():
        lines.append(f"- `{rule}`: " + ", ".join(f"`{n}`" for n in names))
    lines += [
        "",
        "`full_card` false gives the reception card: name, date of birth, language, interpreter,",
        "residence (for statistics) and the reception note; phone, status group and consent are left",
        "out, and a save of the reception card keeps them as they were. An appointment note the reader",
        "may not see comes back empty, and a change by that reader keeps it. A merge hands back the",
        "kept card scoped the same way; an ICS export carries notes only when asked (`include_notes`,",
        "`desk-admin export-ics --notes`) and then only those the reader may see, and covers at most",
        "92 days. The reminder list (tomorrow's appointments to phone) and the list of reminders that",
        "failed carry the phone number only where `full_card` allows it for the appointment's service;",
        "the reminder contact (mobile number, e-mail address, consents) is read and changed only with",
        "the full card. A search by part of a phone number finds only clients whose full card the",
        "reader may see; the whole number (national or international form) finds the person for",
        "everyone, so a search cannot spell out a number the card does not show.",
        "",
        "## Below desk's roles: the database's own (PostgreSQL)",
        "",
        "The table above is enforced by desk's services. On a PostgreSQL server (`desk-admin",
        "setup-server`, desk/storage/roles.py) the database enforces a second, coarser line, for",
        "whoever holds a PC's database credentials without desk: every reception and counselling PC",
        "connects as the one role `desk_app` (data rights on every table, no DDL, the audit log",
        "append-only) - Empfang, Beratung and Leitung differ only in desk, not in the database. The",
        "waiting-room PC connects as `desk_display` (the display's calls and the change counter only),",
        "the self-service kiosk as `desk_kiosk`: the services, hours and waiting figures, new",
        "self-service tickets, appointments by the slip's code, its attempts table and appending to",
        "the audit log. It reads no staff user name, password hash or lockout counter and no client's",
        "name, date of birth or statistics facts, and writes no counter. What it needs of those goes",
        "through SECURITY DEFINER functions of the owner that hand back only that fact: the exit",
        "login (`desk_kiosk_login_params` gives a hash's argon2 parameters and salt, never its",
        "digest; `desk_kiosk_login` compares the digest desk computed and counts a wrong password in",
        "the database), today's appointment by date of birth (the function counts a wrong date",
        "itself; the kiosk may not delete its wrong tries) and the check-in's client facts for",
        "today's booked appointment, and marking that appointment arrived (with the client's last",
        "contact) - it updates no appointment or client row itself. Of the appointments, visits and",
        "absences it sees only the rows of the days around today by the server's clock (row-level",
        "security, `KIOSK_ROWS`: never a client's history, which it used to be able to read by client",
        "number), and adds no visit dated outside them, nor an audit entry other than its own kinds of",
        "that window; whether a client was here before comes from",
        "the client-facts function. A server set up by an older desk gets these rights (and loses",
        "the old ones) when `desk-admin setup-server` is run again - it is idempotent; update the",
        "kiosk PC's desk at the same time (an older desk's exit login fails on the new rights).",
    ]
    return "\n".join(lines) + "\n"


#: what a session with a one-time password may call: the functions before a login, and choosing
#: one's own password (with locking the window and re-reading one's own account)
ONE_TIME_OK = ("AccountService.needs_first_account", "AccountService.create_first_head", "AccountService.login",
               "AccountService.recover_head", "AccountService.lock", "AccountService.unlock",
               "AccountService.refresh_actor", "AccountService.change_own_password")


def test_a_one_time_password_session_may_only_choose_its_own_password() -> None:
    open_to_one_time = {name for name, function in service_functions().items()
                        if getattr(function, ONE_TIME_ATTRIBUTE, False)}
    assert open_to_one_time == set(ONE_TIME_OK)


def test_docs_permissions_md_is_rendered_from_the_table() -> None:
    assert DOC.exists(), "docs/PERMISSIONS.md is missing: run python tests/unit/test_permission_table.py --write"
    assert DOC.read_text(encoding="utf-8") == render_markdown(), (
        "docs/PERMISSIONS.md differs from EXPECTED: run python tests/unit/test_permission_table.py --write"
    )


if __name__ == "__main__":
    if "--write" in sys.argv:
        DOC.write_text(render_markdown(), encoding="utf-8")
        print(f"wrote {DOC}")
    else:
        print(render_markdown())
