"""`desk-admin bench` runs without a login as the system's head of department, builds its data and,
on SQLite, first deletes the file it is given. Pointed at the database of a desk in use (by a
mistyped --database-url), it deleted that file with its -wal (no backup), or with --reuse (and on
PostgreSQL always) checked real clients in and closed their visits. It now refuses any database
with a real account (no account has the demo password: it is shorter than any password desk
accepts) and any file that is no desk database; its own bench and demo data pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk.cli import main
from desk.domain.errors import ValidationError
from desk.domain.model import Role
from desk.services.accounts import NewAccount
from desk.services.clients import ClientInput
from desk.services.context import Actor
from desk.tools.bench import refuse_real_sqlite_file
from desk.tools.demo import _demo_password_hash


def _real_desk(services) -> int:
    head = services.accounts.create_first_head(Actor.login_screen(), NewAccount(
        "leitung", "Leitung", Role.HEAD, "a real password 2026"))
    return services.clients.create(head, ClientInput(given_name="Amal", family_name="Haddad")).id


@pytest.mark.parametrize("reuse", [False, True])
def test_the_bench_refuses_the_database_of_a_desk_in_use(services, db_url, capsys, reuse) -> None:
    client_id = _real_desk(services)
    path = Path(db_url.split("///", 1)[1]) if db_url.startswith("sqlite") else None
    argv = ["bench", "--quick", "--runs", "2", "--database-url", db_url] + (["--reuse"] if reuse else [])
    assert main(argv) == 1
    assert "holds accounts of real people" in capsys.readouterr().err
    if path is not None:
        assert path.exists()
    assert services.clients.card(Actor.system("test"), client_id).family_name == "Haddad"  # untouched
    assert services.checkin.today(Actor.system("test")) == []  # nobody checked in by the bench


def test_only_files_of_the_bench_and_demo_data_may_be_deleted(sqlite_services, sqlite_db_url, tmp_path) -> None:
    path = Path(sqlite_db_url.split("///", 1)[1])
    refuse_real_sqlite_file(tmp_path / "missing.sqlite")  # nothing there: the bench makes it
    (tmp_path / "empty.sqlite").write_bytes(b"")
    refuse_real_sqlite_file(tmp_path / "empty.sqlite")
    refuse_real_sqlite_file(path)  # a desk database without accounts
    with sqlite_services.uow(write=True) as uow:  # the accounts the demo and the bench make
        for name in ("leitung", "empfang"):
            uow.reference.add_staff(username=name, display_name=name, role=Role.HEAD,
                                    password_hash=_demo_password_hash())
        uow.commit()
    refuse_real_sqlite_file(path)
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database, but someone's file", encoding="utf-8")
    with pytest.raises(ValidationError, match="not a desk database"):
        refuse_real_sqlite_file(notes)
    assert notes.exists()
    sqlite_services.accounts.create_account(Actor.system("test"), NewAccount("mbe", "MBE", Role.COUNSELLOR,
                                                                             "a real password 2026"))
    with pytest.raises(ValidationError, match="holds accounts of real people"):
        refuse_real_sqlite_file(path)
