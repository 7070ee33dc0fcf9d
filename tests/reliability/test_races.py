"""2. Races between workstations: the lost update on a client card (two sessions, and six
processes saving the same loaded version at once). Call-next and room booking races: see below.
"""

from __future__ import annotations

import pytest

from desk.domain.errors import StaleError
from desk.services.bootstrap import prepare_database
from desk.services.clients import ClientInput
from desk.services.desk import build_services
from reliability.harness import actor, run_card_race


def test_second_save_of_a_client_card_is_refused_never_silently_overwritten(db_url, tmp_path):
    """Two sessions (two engines, like two PCs) open the same card; both edit; the second save is
    refused with "changed by someone else" and the first edit stays."""
    first = build_services(prepare_database(db_url, backup_dir=tmp_path))
    second = build_services(prepare_database(db_url, backup_dir=tmp_path))
    try:
        me = actor()
        created = first.clients.create(me, ClientInput(given_name="Amina", family_name="Haddad"))
        card_a = first.clients.card(me, created.id)
        card_b = second.clients.card(me, created.id)
        assert card_a.version == card_b.version
        first.clients.update(me, created.id, card_a.version,
                             ClientInput(given_name="Amina", family_name="Haddad-Nour", phone="0151 1234"))
        with pytest.raises(StaleError, match="changed by someone else"):
            second.clients.update(me, created.id, card_b.version,
                                  ClientInput(given_name="Amina", family_name="Hadad"))
        final = second.clients.card(me, created.id)
        assert (final.family_name, final.phone) == ("Haddad-Nour", "0151 1234")
        assert final.version != card_a.version
        # the refused save left no trace but its refusal: reload, edit, save works
        second.clients.update(me, created.id, final.version,
                              ClientInput(given_name="Amina", family_name="Hadad", phone="0151 1234"))
        assert first.clients.card(me, created.id).family_name == "Hadad"
    finally:
        first.close()
        second.close()


def test_six_processes_saving_one_loaded_card_at_once_exactly_one_wins(db_url, tmp_path):
    services = build_services(prepare_database(db_url, backup_dir=tmp_path))
    try:
        created = services.clients.create(actor(), ClientInput(given_name="Yonas", family_name="Tesfaye"))
    finally:
        services.close()
    outcomes = run_card_race(db_url, created.id, processes=6)
    crashes = [o for o in outcomes if o[1] == "crash"]
    assert not crashes, crashes[0][2]
    winners = [w for w, kind, _ in outcomes if kind == "saved"]
    refused = [(kind, message) for _, kind, message in outcomes if kind != "saved"]
    assert len(winners) == 1, outcomes
    assert all(kind == "StaleError" and "changed by someone else" in message for kind, message in refused), refused
    services = build_services(prepare_database(db_url, backup_dir=tmp_path))
    try:
        assert services.clients.card(actor(), created.id).family_name == f"Editor {winners[0]}"
    finally:
        services.close()
