"""Clients on both engines: duplicates, merge keeping visits and appointments, the CSV import
(rejects, idempotence), find-client JSON, stale cards, odd input stored exactly or refused."""

from __future__ import annotations

import dataclasses
import io
import json
from datetime import UTC, date, datetime, timedelta

import pytest
from reception_helpers import add_appointment

from desk.cli import main as desk_admin
from desk.domain.errors import ConflictError, NotFoundError, StaleError, ValidationError
from desk.domain.model import Residence
from desk.services.checkin import CheckInRequest
from desk.services.clients import ClientInput
from desk.services.context import Actor

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)


def test_a_person_registered_in_latin_letters_is_warned_about_when_typed_in_arabic_script(services, reception):
    """The person comes back and their name is typed (or pasted) in their own script: the warning
    must name the card made earlier in Latin letters (it did not: Arabic script was compared by its
    consonants with Arabic-script names only)."""
    known = services.clients.create(reception, ClientInput(given_name="Mariam", family_name="Haidari"))
    for given, family in (("مریم", "حیدری"), ("مريم", "حيدري")):
        hits = services.clients.find_duplicates(reception, ClientInput(given_name=given, family_name=family))
        assert [h.id for h in hits][:1] == [known.id], (given, family)
    assert services.clients.search(reception, "مریم حیدری")[0].id == known.id


def test_duplicates_use_name_variants_and_date_of_birth(services, reception):
    known = services.clients.create(reception, ClientInput(given_name="Muhammad", family_name="Alhasan",
                                                           date_of_birth=date(1988, 3, 4)))
    services.clients.create(reception, ClientInput(given_name="Olena", family_name="Kovalenko"))
    same = services.clients.find_duplicates(reception, ClientInput(given_name="Mohammed", family_name="Al-Hassan",
                                                                   date_of_birth=date(1988, 3, 4)))
    assert [h.id for h in same] == [known.id]
    unknown_birth = services.clients.find_duplicates(reception, ClientInput(given_name="Muhammad",
                                                                            family_name="Alhasan"))
    assert [h.id for h in unknown_birth] == [known.id]
    other_birth = services.clients.find_duplicates(reception, ClientInput(given_name="Mohammed", family_name="Al-Hassan",
                                                                          date_of_birth=date(2001, 1, 1)))
    assert other_birth == []
    assert services.clients.find_duplicates(reception, ClientInput(given_name="Anna", family_name="Schmidt")) == []
    assert services.clients.find_duplicates(reception, ClientInput(given_name="Muhammad", family_name="Alhasan"),
                                            exclude_id=known.id) == []


def test_merge_keeps_all_visits_and_appointments(services, reception, counsellor):
    mbe = services.reference.services(counsellor)[0]
    # a counsellor of the service the visits are with: the merge hands back the full card
    counsellor = dataclasses.replace(counsellor, service_ids=frozenset({mbe.id}))
    keep = services.clients.create(counsellor, ClientInput(given_name="Şükrü", family_name="Yılmaz"))
    absorb = services.clients.create(counsellor, ClientInput(given_name="Sukru", family_name="Yilmaz",
                                                             phone="07433 1234", language="tr",
                                                             residence=Residence.BALINGEN))
    old_visit = services.checkin.check_in(counsellor, CheckInRequest(service_id=mbe.id, client_id=absorb.id),
                                          now=NOW - timedelta(days=30))
    with services.uow(write=True) as uow:  # close last month's visit
        from desk.storage.models import Visit

        uow.session.get(Visit, old_visit.id).status = "done"
        uow.commit()
    services.checkin.check_in(counsellor, CheckInRequest(service_id=mbe.id, client_id=absorb.id), now=NOW)
    add_appointment(services, client_id=absorb.id, service_id=mbe.id, starts_at=NOW + timedelta(days=7))
    services.checkin.check_in(counsellor, CheckInRequest(service_id=mbe.id, client_id=keep.id),
                              now=NOW - timedelta(days=2))

    with pytest.raises(ConflictError, match="open visit"):
        services.clients.merge(counsellor, keep.id, absorb.id)  # both have an open visit
    with services.uow(write=True) as uow:
        from desk.storage.models import Visit

        for visit in uow.session.query(Visit).filter(Visit.client_id == keep.id):
            visit.status = "done"
        uow.commit()

    result = services.clients.merge(counsellor, keep.id, absorb.id)
    assert (result.visits_moved, result.appointments_moved) == (2, 1)
    assert result.keep.phone == "07433 1234" and result.keep.language == "tr"
    assert result.keep.residence is Residence.BALINGEN and result.keep.version > keep.version
    with services.uow() as uow:
        from desk.storage.models import Appointment, Visit

        assert {v.client_id for v in uow.session.query(Visit)} == {keep.id}
        assert {a.client_id for a in uow.session.query(Appointment)} == {keep.id}
    # the absorbed number leads to the kept record; its card says where it went
    assert [h.id for h in services.clients.search(reception, absorb.client_number)] == [keep.id]
    with pytest.raises(NotFoundError, match=f"merged into client {keep.client_number}"):
        services.clients.card(reception, absorb.id)
    assert [h.id for h in services.clients.search(reception, "Sukru Yilmaz")] == [keep.id]
    with pytest.raises(StaleError):  # a card opened before the merge cannot overwrite it
        services.clients.update(counsellor, keep.id, keep.version, ClientInput(given_name="X", family_name="Y"))
    with pytest.raises(ValidationError):
        services.clients.merge(counsellor, keep.id, keep.id)
    with pytest.raises(NotFoundError):
        services.clients.merge(counsellor, keep.id, absorb.id)


@pytest.mark.parametrize("given", ["", "   ", "\u200b"])
def test_empty_names_are_refused(services, reception, given):
    with pytest.raises(ValidationError):
        services.clients.create(reception, ClientInput(given_name=given, family_name=""))


@pytest.mark.parametrize("name", ["محمد الحسن", "Şükrü", "e\u0301", "<b>x</b>", "=1+1", "x" * 200,
                                  "\u200fאבי\u200f", "زهرا\u200cسادات"])
def test_odd_names_are_stored_exactly(services, reception, name):
    import unicodedata

    row = services.clients.create(reception, ClientInput(given_name=f"  {name} ", family_name="Test"))
    assert row.given_name == unicodedata.normalize("NFC", name).strip()


@pytest.mark.parametrize(("field", "value", "message"), [
    ("given_name", "x" * 501, "too long"),
    ("given_name", "a\x00b", "control characters"),
    ("date_of_birth", date(2999, 1, 1), "future"),
    ("phone", "1" * 80, "too long"),
])
def test_bad_input_is_refused_with_a_message(services, reception, field, value, message):
    data = {"given_name": "A", "family_name": "B", field: value}
    with pytest.raises(ValidationError, match=message):
        services.clients.create(reception, ClientInput(**data))


def _run(argv: list[str], capsys, stdin: str | None = None, monkeypatch=None) -> tuple[int, str, str]:
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8"))
    code = desk_admin(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_import_clients_reports_rejects_and_is_idempotent(db_url, tmp_path, capsys, cli_login):
    cli_login(db_url)
    csv_file = tmp_path / "clients.csv"
    csv_file.write_text(
        "given_name,family_name,date_of_birth,phone,language,residence,extra\n"
        "Muhammad,Alhasan,04.03.1988,0171 1234567,ar,Balingen,x\n"
        "Олександр,Шевченко,1979-11-02,,uk,Rosenfeld,\n"
        "\"<b>x</b>\",=1+1,,,,,\n"
        ",,,,,,\n"
        "Amina,Haidari,31.02.1990,,prs,,\n"
        "Zeynep,Kaya,someday,,tr,,\n"
        f"{'y' * 300},Long,,,,,\n"
        "Only,Four,Fields\n",
        encoding="utf-8")
    code, out, _ = _run(["import-clients", str(csv_file), "--database-url", db_url], capsys)
    assert code == 1
    assert "imported: 3 row(s)" in out and "rejected: 4 row(s)" in out
    assert "line 6: 31.02.1990 is not a valid date." in out
    assert "line 7: someday is not a date" in out
    assert "line 8: Given name is too long" in out
    assert "line 9: The row has 3 fields, the header has 7." in out
    code, out, _ = _run(["import-clients", str(csv_file), "--database-url", db_url], capsys)
    assert "imported: 0 row(s)" in out and "already present (identical, not imported again): 3 row(s)" in out

    code, out, _ = _run(["find-client", "--json", "Oleksandr Shevchenko", "--database-url", db_url], capsys)
    assert code == 0
    hits = json.loads(out)
    assert hits[0]["given_name"] == "Олександр" and hits[0]["family_name"] == "Шевченко"
    assert set(hits[0]) == {"id", "given_name", "family_name", "score"} and 0 <= hits[0]["score"] <= 100


def test_import_refuses_a_file_that_is_not_utf8_or_lacks_columns(db_url, tmp_path, capsys, cli_login):
    cli_login(db_url)
    latin = tmp_path / "latin.csv"
    latin.write_bytes("given_name,family_name\nJürgen,Müller\n".encode("latin-1"))
    code, _, err = _run(["import-clients", str(latin), "--database-url", db_url], capsys)
    assert code == 1 and "not UTF-8" in err and "line 2" in err
    header = tmp_path / "header.csv"
    header.write_text("name,surname\nA,B\n", encoding="utf-8")
    code, _, err = _run(["import-clients", str(header), "--database-url", db_url], capsys)
    assert code == 1 and "given_name,family_name" in err


def test_find_client_batch_reads_queries_from_stdin(db_url, capsys, monkeypatch, tmp_path, cli_login):
    cli_login(db_url)
    from desk.services.bootstrap import prepare_database
    from desk.services.desk import build_services

    services = build_services(prepare_database(db_url, backup_dir=tmp_path))
    actor = Actor.system()
    ids = {name: services.clients.create(actor, ClientInput(given_name=name.split()[0],
                                                            family_name=name.split()[1])).id
           for name in ("Muhammad Alhasan", "Olena Kovalenko", "Şükrü Yılmaz")}
    services.close()
    code, out, _ = _run(["find-client", "--json", "-", "--limit", "1", "--database-url", db_url], capsys,
                        stdin="moh alh\n\nSukru Yilmaz\nnobody-like-this-xyz\n", monkeypatch=monkeypatch)
    lines = out.splitlines()
    assert code == 0 and len(lines) == 4
    first, empty, third, none = (json.loads(line) for line in lines)
    assert [h["id"] for h in first] == [ids["Muhammad Alhasan"]]
    assert empty == [] and none == []
    assert [h["id"] for h in third] == [ids["Şükrü Yılmaz"]] and third[0]["given_name"] == "Şükrü"


def test_another_workstations_index_follows_new_and_merged_clients(services, counsellor):
    from desk.services.clients import ClientService

    other_desk = ClientService(services.uow)  # a second workstation: its own name index
    keep = services.clients.create(counsellor, ClientInput(given_name="Olena", family_name="Kovalenko"))
    assert [h.id for h in other_desk.search(counsellor, "Olena Kowalenko")] == [keep.id]  # index built
    absorb = services.clients.create(counsellor, ClientInput(given_name="Olena", family_name="Kowalenko"))
    other_desk.sync()
    assert {h.id for h in other_desk.search(counsellor, "Olena Kowalenko")} == {keep.id, absorb.id}
    services.clients.merge(counsellor, keep.id, absorb.id)
    other_desk.sync()
    assert [h.id for h in other_desk.search(counsellor, "Olena Kowalenko")] == [keep.id]


def test_bare_digits_find_the_client_number_and_phone_numbers(services, reception, head):
    first = services.clients.create(reception, ClientInput(given_name="A", family_name="One"))
    phone = services.clients.create(reception, ClientInput(given_name="B", family_name="Two", phone="0171 555 0001"))
    assert [h.id for h in services.clients.search(reception, f"K-{first.id:06d}")] == [first.id]
    assert [h.id for h in services.clients.search(reception, str(first.id))] == [first.id]
    assert [h.id for h in services.clients.search(head, "0171")] == [phone.id]  # no client 171
    assert [h.id for h in services.clients.search(head, "0171 555")] == [phone.id]
    # reception, who never sees the phone, finds the person by the whole number only
    assert services.clients.search(reception, "0171") == services.clients.search(reception, "0171 555") == []
    assert [h.id for h in services.clients.search(reception, "0171 555 0001")] == [phone.id]
    assert [h.id for h in services.clients.search(reception, "24.12.1990")] == []


def test_a_date_of_birth_as_the_english_window_writes_it_finds_and_saves(services, reception, head):
    """The English window writes 04/03/1988 (day first) in the search results and on the card:
    searched or saved as shown it is that day, as 04.03.1988 is; the CSV import still refuses a
    slash (a spreadsheet may have written the month first) and says which forms it takes."""
    from desk.services.clients import parse_birth_date, parse_consent_date

    known = services.clients.create(reception, ClientInput(given_name="Muhammad", family_name="Alhasan",
                                                           date_of_birth=date(1988, 3, 4)))
    assert [h.id for h in services.clients.search(reception, "04/03/1988")] == [known.id]
    assert [h.id for h in services.clients.search(reception, "4/3/1988")] == [known.id]
    assert services.clients.search(reception, "04.03.1988") == services.clients.search(reception, "04/03/1988")
    assert services.clients.search(reception, "31/02/1988") == []  # no such day: nobody, no error
    assert parse_birth_date("24/12/1990") == parse_birth_date("24.12.1990") == date(1990, 12, 24)
    assert parse_consent_date(" 1/2/2026 ") == date(2026, 2, 1)
    with pytest.raises(ValidationError, match="is not a valid date"):
        parse_birth_date("12/24/1990")  # month first is not how either window writes it
    with pytest.raises(ValidationError, match=r"1990/12/24 is not a date \(use DD/MM/YYYY\)"):
        parse_birth_date("1990/12/24")
    report = services.clients.import_clients(head, [(2, {"given_name": "Amina", "family_name": "Haidari",
                                                         "date_of_birth": "03/04/1990"})])
    assert report.rejected == ((2, "03/04/1990 is not a date (use DD.MM.YYYY or YYYY-MM-DD)."),)
