"""Report rendering without Qt: the report's tables labelled in German or English, dates and
numbers as each language writes them. Every export (XLSX and CSV here, the PDF and the screen in
desk/ui/views/statistik) draws these tables.

The labels live here, not in the .ts files, because desk-admin writes exports without Qt; a unit
test checks that every label a table uses has its German text. The figures, the periods and the
suppression rule are the domain's (desk/domain/reports.py); definitions: docs/REPORTS.md.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from desk.domain.languages import language_name
from desk.domain.reports import (
    PLACES,
    STATUS_GROUPS,
    Cell,
    Period,
    Report,
    ServiceFigures,
    Table,
    share,
)

#: The legend's second line, beside "Counts below {n} ..." (every export prints both).
HIDDEN_NOTE = "\u201cx\u201d = a share, rate or change left out because it would give such a count away."

#: Retention anonymises visits a year after they happened (by default): a report made in January
#: or March, and above all its previous period, has visits without their person. They count as
#: visits; among the distinct clients only in a report of a calendar year, by the marks set when
#: the person was removed (docs/REPORTS.md). Any other period leaves them out, said beside the
#: figures (no colon in the key: the labeller reads "key:text").
ANONYMISED_NOTE = ("Distinct clients and the tables by client leave out visits whose person retention removed "
                   "\u2013 {now} visits of this period and {before} of the previous period. A report of a "
                   "calendar year counts their persons.")
ANONYMISED_NOTE_ONE = ("Distinct clients and the tables by client leave out visits whose person retention "
                       "removed \u2013 {now} visits of this period. A report of a calendar year counts their "
                       "persons.")
#: A calendar year counts every anonymised visit's person, except those of visits anonymised
#: without the marks (NULL): before desk kept them (migration 0012), or by the purge before their
#: year was over (a retention under 12 months). Each may be a person missing, a person another
#: visit counts, or (before 0012) an anonymous ticket an older desk took for a visit with a person.
UNMARKED_NOTE = ("Distinct clients and the tables by client may be too low \u2013 {now} visits of this period and "
                 "{before} of the previous period were anonymised without counting their person (by an older "
                 "version of desk, or before their year was over); at most one person is missing for each.")
UNMARKED_NOTE_ONE = ("Distinct clients and the tables by client may be too low \u2013 {now} visits of this period "
                     "were anonymised without counting their person (by an older version of desk, or before their "
                     "year was over); at most one person is missing for each.")

LABELS_DE: dict[str, str] = {
    "Report": "Bericht",
    "Statistics report": "Statistischer Bericht",
    "Period": "Zeitraum",
    "Previous period": "Vorzeitraum",
    "Created": "Erstellt",
    "Counts below {n} are shown as \u201c< {n}\u201d.": "Zahlen unter {n} werden als \u201e< {n}\u201c angezeigt.",
    ANONYMISED_NOTE: "Verschiedene Klient*innen und die Tabellen nach Klient*innen lassen Besuche aus, deren "
                     "Person nach Ablauf der Aufbewahrungsfrist entfernt wurde: {now} Besuche dieses Zeitraums "
                     "und {before} des Vorzeitraums. Ein Bericht über ein Kalenderjahr zählt ihre Personen mit.",
    ANONYMISED_NOTE_ONE: "Verschiedene Klient*innen und die Tabellen nach Klient*innen lassen Besuche aus, deren "
                         "Person nach Ablauf der Aufbewahrungsfrist entfernt wurde: {now} Besuche dieses Zeitraums. "
                         "Ein Bericht über ein Kalenderjahr zählt ihre Personen mit.",
    UNMARKED_NOTE: "Verschiedene Klient*innen und die Tabellen nach Klient*innen können zu niedrig sein: {now} "
                   "Besuche dieses Zeitraums und {before} des Vorzeitraums wurden anonymisiert, ohne ihre Person "
                   "mitzuzählen (von einer älteren Version von desk oder vor Ende ihres Jahres); je Besuch fehlt "
                   "höchstens eine Person.",
    UNMARKED_NOTE_ONE: "Verschiedene Klient*innen und die Tabellen nach Klient*innen können zu niedrig sein: {now} "
                       "Besuche dieses Zeitraums wurden anonymisiert, ohne ihre Person mitzuzählen (von einer "
                       "älteren Version von desk oder vor Ende ihres Jahres); je Besuch fehlt höchstens eine Person.",
    HIDDEN_NOTE: "\u201ex\u201c = Anteil, Quote oder Veränderung ausgelassen, weil sie eine solche Zahl verraten würde.",
    "Overview": "Überblick",
    "Figure": "Kennzahl",
    "Total": "Gesamt",
    "Service": "Fachdienst",
    "Change": "Veränderung",
    "Visits": "Besuche",
    "Distinct clients": "Verschiedene Klient*innen",
    "New clients": "Neue Klient*innen",
    "Anonymous tickets": "Anonyme Wartenummern",
    "Anonymised visits": "Anonymisierte Besuche",
    "Walk-ins": "Ohne Termin",
    "With appointment": "Mit Termin",
    "With interpreter": "Mit Dolmetscher*in",
    "Waiting time, median (min)": "Wartezeit, Median (Min.)",
    "Waiting time, 90th percentile (min)": "Wartezeit, 90. Perzentil (Min.)",
    "Waiting times measured": "Gemessene Wartezeiten",
    "Session length, median (min)": "Gesprächsdauer, Median (Min.)",
    "Session length, 90th percentile (min)": "Gesprächsdauer, 90. Perzentil (Min.)",
    "Sessions measured": "Gemessene Gespräche",
    "Appointments due": "Fällige Termine",
    "No-shows": "Nicht erschienen",
    "No-show rate (%)": "Nicht-erschienen-Quote (%)",
    "Cancelled appointments": "Abgesagte Termine",
    "Place of residence": "Wohnort",
    "Share of visits (%)": "Anteil Besuche (%)",
    "Clients": "Klient*innen",
    "Share of clients (%)": "Anteil Klient*innen (%)",
    "Visits by place of residence": "Besuche nach Wohnort",
    "Clients by place of residence": "Klient*innen nach Wohnort",
    "Status groups": "Statusgruppen",
    "Status group": "Statusgruppe",
    "Languages": "Sprachen",
    "Language": "Sprache",
    "Interpreter needed": "Dolmetschbedarf",
    "Visits by month": "Besuche nach Monat",
    "Month": "Monat",
    "Appointments": "Termine",
    "Booked, past (not marked)": "Gebucht, vergangen (nicht erfasst)",
    "Booked, future": "Gebucht, zukünftig",
    "Arrived": "Erschienen",
    "Done": "Erledigt",
    "Cancelled": "Abgesagt",
    "Rooms": "Räume",
    "Kind of booking": "Art der Belegung",
    "Bookings": "Belegungen",
    "Hours": "Stunden",
    "Hours in the group room": "Stunden im Gruppenraum",
    "Events": "Veranstaltungen",
    "Participants": "Teilnehmende",
    "Events with participants recorded": "Veranstaltungen mit erfasster Teilnehmerzahl",
    "Room": "Raum",
    "Group room": "Gruppenraum",
    "Booked hours": "Belegte Stunden",
    "Opening hours": "Öffnungsstunden",
    "Occupancy (%)": "Auslastung (%)",
    "Share by place of residence": "Anteil nach Wohnort",
    "Balingen share of visits by service (%)": "Anteil Balingen an den Besuchen je Fachdienst (%)",
    "none": "keine",
    # places
    "balingen": "Balingen",
    "kleiner_heuberg": "Kleiner Heuberg",
    "other": "anderswo",
    "unknown": "unbekannt",
    # status groups
    "asylum_seeker": "Asylsuchende",
    "recognised": "Anerkannte Geflüchtete",
    "tolerated": "Geduldete",
    "eu_citizen": "EU-Bürger*innen",
    "late_resettler": "Spätaussiedler*innen",
    "status:other": "sonstige Zugewanderte",
    # booking kinds
    "seminar": "Seminar",
    "info_evening": "Infoabend",
    "language_cafe": "Sprachcafé",
    "volunteer_meeting": "Ehrenamtlichentreffen",
    "team_meeting": "Teambesprechung",
    "counselling": "Beratung",
    "kind:other": "Sonstiges",
}

LABELS_EN_OVERRIDES: dict[str, str] = {
    "balingen": "Balingen",
    "kleiner_heuberg": "Kleiner Heuberg",
    "other": "elsewhere",
    "unknown": "unknown",
    "asylum_seeker": "asylum seekers",
    "recognised": "recognised refugees",
    "tolerated": "tolerated persons",
    "eu_citizen": "EU citizens",
    "late_resettler": "late resettlers",
    "status:other": "other immigrants",
    "seminar": "seminar",
    "info_evening": "information evening",
    "language_cafe": "language café",
    "volunteer_meeting": "volunteer meeting",
    "team_meeting": "team meeting",
    "counselling": "counselling",
    "kind:other": "other",
}


def labeller(language: str) -> Callable[[str], str]:
    def label(text: str) -> str:
        if language == "de":
            return LABELS_DE.get(text, text.split(":", 1)[-1])
        return LABELS_EN_OVERRIDES.get(text, text.split(":", 1)[-1])

    return label


def fmt_day(value: date, language: str) -> str:
    return value.strftime("%d.%m.%Y") if language == "de" else value.strftime("%d/%m/%Y")


def period_text(period: Period, language: str) -> str:
    return f"{fmt_day(period.start, language)} \u2013 {fmt_day(period.end, language)}"



def anonymised_note(report: Report, language: str) -> str:
    """The sentence that says which anonymised visits the distinct clients leave out, or "" when
    neither period has any (exact counts: the note is about the data, not about people). A
    calendar year counts the persons of anonymised visits and leaves out only those anonymised
    before desk kept their count; any other period leaves every anonymised visit out."""
    year = report.period.whole_year
    previous = report.previous.total if report.previous is not None else None

    def left_out(figures: ServiceFigures) -> int:
        return figures.anonymised_unmarked if year else figures.anonymised_visits

    now = left_out(report.total)
    before = left_out(previous) if previous is not None else 0
    if not now and not before:
        return ""
    label = labeller(language)
    one, both = (UNMARKED_NOTE_ONE, UNMARKED_NOTE) if year else (ANONYMISED_NOTE_ONE, ANONYMISED_NOTE)
    if previous is None:
        return label(one).format(now=now)
    return label(both).format(now=now, before=before)


# --- tables -----------------------------------------------------------------------------------


def _minutes(value: float | None) -> Cell:
    return None if value is None else value


def _change(now: float | None, before: float | None) -> Cell:
    if now is None or before is None or before == 0:
        return None
    return round(100.0 * (now - before) / before, 1)


def overview_rows(figures: ServiceFigures) -> list[tuple[str, Cell, bool]]:
    """(label, value, is_count) of one service, in report order."""
    a = figures.appointments
    return [
        ("Visits", figures.visits, True),
        ("Distinct clients", figures.distinct_clients, True),
        ("New clients", figures.new_clients, True),
        ("Walk-ins", figures.walk_ins, True),
        ("With appointment", figures.appointment_visits, True),
        ("Anonymous tickets", figures.anonymous_visits, True),
        ("Anonymised visits", figures.anonymised_visits, True),
        ("With interpreter", figures.interpreter_visits, True),
        ("Waiting times measured", figures.wait.n, True),
        ("Waiting time, median (min)", _minutes(figures.wait.median), False),
        ("Waiting time, 90th percentile (min)", _minutes(figures.wait.p90), False),
        ("Sessions measured", figures.session.n, True),
        ("Session length, median (min)", _minutes(figures.session.median), False),
        ("Session length, 90th percentile (min)", _minutes(figures.session.p90), False),
        ("Appointments due", a.due, True),
        ("No-shows", a.no_show, True),
        ("No-show rate (%)", a.no_show_rate, False),
        ("Cancelled appointments", a.cancelled, True),
    ]


def build_tables(report: Report, language: str, *, short_names: bool = False) -> list[Table]:
    """Every table of the report, labelled in `language`, with exact numbers (no suppression).

    `short_names`: services as their codes (MBE, IM, ...) where the page is narrow (PDF)."""
    label = labeller(language)
    columns = [*report.services, report.total]
    names = tuple(s.code if short_names else s.name(language) for s in report.services) + (label("Total"),)
    tables: list[Table] = []

    # overview: one row per figure, one column per service and the total, then the previous total
    over = [overview_rows(s) for s in columns]
    prev_total = overview_rows(report.previous.total) if report.previous else None
    rows = []
    count_rows = []
    for index, (text, _, is_count) in enumerate(over[0]):
        values = [o[index][1] for o in over]
        row: list[Cell] = [label(text), *values]
        if prev_total is not None:
            before = prev_total[index][1]
            row += [before, _change(values[-1], before)]  # type: ignore[arg-type]
        rows.append(tuple(row))
        count_rows.append(is_count)
    headers = (label("Figure"), *names)
    if prev_total is not None:
        headers += (f"{label('Total')}, {label('Previous period')}", f"{label('Change')} %")
    texts = [text for text, _, _ in over[0]]
    tables.append(Table("overview", label("Overview"), headers, tuple(rows),
                        count_rows=frozenset(i for i, c in enumerate(count_rows) if c),
                        change_column=len(headers) - 1 if prev_total is not None else None,
                        rate_rows=((texts.index("No-show rate (%)"), texts.index("No-shows")),)))

    # place of residence: visits and clients, per service
    def place_table(key: str, title: str, attr: str, unit: str) -> Table:
        hdr: list[str] = [label("Place of residence")]
        counts = set()
        for name in names:
            counts.add(len(hdr))
            hdr += [f"{name}: {label(unit)}", f"{name}: %"]
        body = []
        for place in PLACES:
            row: list[Cell] = [label(place)]
            for s in columns:
                values = getattr(s, attr)
                whole = sum(values.values())
                row += [values.get(place, 0), share(values.get(place, 0), whole)]
            body.append(tuple(row))
        return Table(key, title, tuple(hdr), tuple(body), frozenset(counts))

    tables.append(place_table("places_visits", label("Visits by place of residence"), "visits_by_place", "Visits"))
    tables.append(place_table("places_clients", label("Clients by place of residence"), "clients_by_place",
                              "Clients"))

    # status groups (visits and clients, total + per service clients)
    def dim_table(key: str, title: str, head: str, values: Sequence[str], attr: str, prefix: str = "") -> Table:
        hdr = (label(head), *names)
        def row_label(v: str) -> str:
            if not v:
                return label("unknown")
            if prefix:
                return label(prefix + v if v == "other" else v)
            return language_name(v, language)  # unknown codes stay as stored

        body = tuple((row_label(v), *[getattr(s, attr).get(v, 0) for s in columns]) for v in values)
        return Table(key, title, hdr, body, frozenset(range(1, len(hdr))))

    tables.append(dim_table("status_groups", f"{label('Status groups')} ({label('Clients')})", "Status group",
                            STATUS_GROUPS, "clients_by_status_group", "status:"))
    languages = sorted({k for s in columns for k in s.clients_by_language},
                       key=lambda k: (-report.total.clients_by_language.get(k, 0), k))
    tables.append(dim_table("languages", f"{label('Languages')} ({label('Clients')})", "Language", languages,
                            "clients_by_language"))
    interp = sorted({k for s in columns for k in s.interpreter_by_language},
                    key=lambda k: (-report.total.interpreter_by_language.get(k, 0), k))
    tables.append(dim_table("interpreters", f"{label('Interpreter needed')} ({label('Visits')})", "Language",
                            interp, "interpreter_by_language"))

    # months
    months = [f"{y:04d}-{m:02d}" for y, m in report.period.months()]
    tables.append(Table(
        "months", label("Visits by month"), (label("Month"), *names),
        tuple((month, *[s.visits_by_month.get(month, 0) for s in columns]) for month in months),
        frozenset(range(1, len(names) + 1)),
    ))

    # appointments
    appt_rows = []
    for text, getter in (
        ("Booked, past (not marked)", lambda a: a.booked_past),
        ("Arrived", lambda a: a.arrived),
        ("Done", lambda a: a.done),
        ("No-shows", lambda a: a.no_show),
        ("Appointments due", lambda a: a.due),
        ("Cancelled", lambda a: a.cancelled),
        ("Booked, future", lambda a: a.booked_future),
    ):
        appt_rows.append((label(text), *[getter(s.appointments) for s in columns]))
    appt_rows.append((label("No-show rate (%)"), *[s.appointments.no_show_rate for s in columns]))
    tables.append(Table("appointments", label("Appointments"), (label("Appointments"), *names), tuple(appt_rows),
                        count_rows=frozenset(range(7)), rate_rows=((7, 3),)))  # the rate of the no-shows

    # rooms
    r = report.rooms
    tables.append(Table(
        "rooms", f"{label('Rooms')}: {label('Kind of booking')}",
        (label("Kind of booking"), label("Bookings"), label("Hours"), label("Hours in the group room"),
         label("Events"), label("Participants"), label("Events with participants recorded")),
        tuple((label("kind:other" if k.kind == "other" else k.kind), k.occurrences, k.hours, k.group_room_hours,
               k.events, k.participants, k.events_with_participants) for k in r.by_kind),
    ))  # rooms and events single no one out: not suppressed
    tables.append(Table(
        "room_hours", f"{label('Rooms')}: {label('Hours')}",
        (label("Room"), label("Booked hours")),
        tuple((room, hours) for room, hours in r.hours_by_room.items()) + (
            (f"{label('Group room')}: {label('Opening hours')}", r.group_room_opening_hours),
            (f"{label('Group room')}: {label('Occupancy (%)')}", r.group_room_occupancy),
        ),
    ))
    return tables


def format_cell(value: Cell, language: str) -> str:
    if value is None:
        return "\u2013"
    if isinstance(value, float):
        text = f"{value:.1f}"
        return text.replace(".", ",") if language == "de" else text
    return str(value)


