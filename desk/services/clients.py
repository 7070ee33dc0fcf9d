"""Clients: search however the name is typed, the reception card, create and update.

The name index (desk.domain.search.NameIndex) lives in memory per process and is built from
the precomputed `search_key` column; `sync()` pulls what other workstations changed.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from desk.domain.errors import NotFoundError, ValidationError
from desk.domain.model import ClientRow, ClientSearchHit, Residence, StatusGroup
from desk.domain.permissions import Permission
from desk.domain.search import NameIndex, make_search_key
from desk.domain.text import check_birth_date, clean_text, digits_of
from desk.domain.tickets import BERLIN, parse_client_number
from desk.services.audit import record
from desk.services.context import Actor
from desk.services.gate import requires
from desk.storage.uow import UnitOfWork, UnitOfWorkFactory

_DATE_DE = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$")
_DATE_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")
_PHONE = re.compile(r"^[\s+()\-/0-9]{4,}$")

NAME_MAX = 200
NOTE_MAX = 500


@dataclass(frozen=True)
class ClientInput:
    """What the reception card form sends; validated by ClientService."""

    given_name: str = ""
    family_name: str = ""
    date_of_birth: date | None = None
    phone: str = ""
    language: str = ""
    interpreter_needed: bool = False
    residence: Residence = Residence.UNKNOWN
    residence_place: str = ""
    status_group: StatusGroup = StatusGroup.UNKNOWN
    consent_date: date | None = None
    reception_note: str = ""


def parse_date(text: str) -> date | None:
    """`24.12.1990` or `1990-12-24` -> date; anything else -> None (an impossible date raises)."""
    match = _DATE_DE.match(text)
    if match:
        d, m, y = (int(g) for g in match.groups())
    else:
        match = _DATE_ISO.match(text)
        if not match:
            return None
        y, m, d = (int(g) for g in match.groups())
    try:
        return date(y, m, d)
    except ValueError as error:
        raise ValidationError("{text} is not a valid date.", text=text.strip()) from error


class ClientService:
    def __init__(self, uow: UnitOfWorkFactory) -> None:
        self._uow = uow
        self._index: NameIndex | None = None
        self._index_lock = threading.Lock()
        self._synced_at: datetime | None = None

    # -- the name index -------------------------------------------------------------------

    def _ensure_index(self) -> NameIndex:
        with self._index_lock:
            if self._index is None:
                started = datetime.now(UTC)
                with self._uow() as uow:
                    self._index = NameIndex(uow.clients.search_keys())
                self._synced_at = started
            return self._index

    def sync(self) -> None:
        """Pull clients changed at other workstations into the index (cheap; call on change)."""
        if self._index is None:
            return
        with self._index_lock:
            started = datetime.now(UTC)
            since = (self._synced_at or started) - timedelta(seconds=5)  # clock skew margin
            with self._uow() as uow:
                for client_id, key in uow.clients.search_keys(changed_since=since):
                    self._index.add(client_id, key)
                alive = uow.clients.all_ids()
            for client_id in self._index_ids() - alive:
                self._index.remove(client_id)
            self._synced_at = started

    def _index_ids(self) -> set[int]:
        ids = getattr(self._index, "ids", None)
        return set(ids()) if callable(ids) else set()

    def _index_put(self, client_id: int, key: str) -> None:
        if self._index is not None:
            self._index.add(client_id, key)

    # -- search -----------------------------------------------------------------------------

    @requires(Permission.CLIENT_SEARCH)
    def search(self, actor: Actor, query: str, limit: int = 10) -> list[ClientSearchHit]:
        """Name (any script or spelling), client number, date of birth or phone number."""
        query = (query or "").strip()
        if not query:
            return []
        client_id = parse_client_number(query)
        if client_id is not None and (query.lower().startswith("k") or len(query) <= 6):
            return self._hits({client_id: 100.0}, limit)
        try:
            day = parse_date(query)
        except ValidationError:
            return []
        if day is not None:
            with self._uow() as uow:
                ids = uow.clients.ids_by_date_of_birth(day)
            return self._hits({i: 100.0 for i in ids}, limit)
        if _PHONE.match(query) and len(digits_of(query)) >= 4:
            with self._uow() as uow:
                ids = uow.clients.ids_by_phone(digits_of(query))
            return self._hits({i: 100.0 for i in ids}, limit)
        matches = self._ensure_index().search(query, limit=limit)
        return self._hits({m.client_id: m.score for m in matches}, limit)

    def _hits(self, scores: dict[int, float], limit: int) -> list[ClientSearchHit]:
        if not scores:
            return []
        with self._uow() as uow:
            rows = uow.clients.get_many(list(scores))
        hits = [
            ClientSearchHit(
                id=row.id,
                client_number=row.client_number,
                given_name=row.given_name,
                family_name=row.family_name,
                date_of_birth=row.date_of_birth,
                language=row.language,
                interpreter_needed=row.interpreter_needed,
                score=round(scores[row.id], 1),
            )
            for row in rows.values()
        ]
        hits.sort(key=lambda h: (-h.score, h.family_name.casefold(), h.given_name.casefold(), h.id))
        return hits[:limit]

    # -- the reception card -----------------------------------------------------------------

    @requires(Permission.CLIENT_CARD_READ)
    def card(self, actor: Actor, client_id: int) -> ClientRow:
        """Read a client's card; every read is audited."""
        with self._uow(write=True) as uow:
            row = uow.clients.get(client_id)
            if row is None:
                raise NotFoundError("Client {id} does not exist (any more).", id=client_id)
            record(uow, actor, "client.read", entity_type="client", entity_id=client_id, client_id=client_id)
            uow.commit()
        return row

    @requires(Permission.CLIENT_WRITE)
    def create(self, actor: Actor, data: ClientInput) -> ClientRow:
        fields = self._validated(data)
        with self._uow(write=True) as uow:
            client_id = uow.clients.add(**fields)
            record(uow, actor, "client.create", entity_type="client", entity_id=client_id, client_id=client_id)
            uow.touch("clients")
            uow.commit()
            row = uow.clients.get(client_id)
        assert row is not None
        self._index_put(client_id, fields["search_key"])
        return row

    @requires(Permission.CLIENT_WRITE)
    def update(self, actor: Actor, client_id: int, expected_version: int, data: ClientInput) -> ClientRow:
        """Save the card; refused with StaleError when someone else saved it in between."""
        fields = self._validated(data)
        with self._uow(write=True) as uow:
            before = uow.clients.get(client_id)
            if before is None:
                raise NotFoundError("Client {id} does not exist (any more).", id=client_id)
            uow.clients.update(client_id, expected_version, **fields)
            changed = sorted(k for k in fields if k not in {"search_key", "phone_digits"}
                             and getattr(before, k, None) != fields[k])
            record(uow, actor, "client.update", entity_type="client", entity_id=client_id,
                   client_id=client_id, details={"fields": changed})
            uow.touch("clients")
            uow.commit()
            row = uow.clients.get(client_id)
        assert row is not None
        self._index_put(client_id, fields["search_key"])
        return row

    def _validated(self, data: ClientInput) -> dict[str, Any]:
        given = clean_text(data.given_name, field="Given name", max_length=NAME_MAX)
        family = clean_text(data.family_name, field="Family name", max_length=NAME_MAX)
        if not given and not family:
            raise ValidationError("Please enter at least a given name or a family name.")
        phone = clean_text(data.phone, field="Phone", max_length=40)
        today = datetime.now(BERLIN).date()
        consent = data.consent_date
        if consent is not None and consent > today:
            raise ValidationError("The consent date lies in the future.")
        return {
            "given_name": given,
            "family_name": family,
            "search_key": make_search_key(given, family),
            "date_of_birth": check_birth_date(data.date_of_birth, today),
            "phone": phone,
            "phone_digits": digits_of(phone),
            "language": clean_text(data.language, field="Language", max_length=16).lower(),
            "interpreter_needed": bool(data.interpreter_needed),
            "residence": Residence(data.residence).value,
            "residence_place": clean_text(data.residence_place, field="Place of residence", max_length=200),
            "status_group": StatusGroup(data.status_group).value,
            "consent_date": consent,
            "reception_note": clean_text(data.reception_note, field="Reception note", max_length=NOTE_MAX, multiline=True),
        }


def load_client(uow: UnitOfWork, client_id: int) -> ClientRow:
    row = uow.clients.get(client_id)
    if row is None:
        raise NotFoundError("Client {id} does not exist (any more).", id=client_id)
    return row
