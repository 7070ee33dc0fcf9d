"""Clients: search however the name is typed, the reception card, create and update.

The name index (desk.domain.search.NameIndex) lives in memory per process and is built from
the precomputed `search_key` column; `sync()` pulls what other workstations changed.
"""

from __future__ import annotations

import dataclasses
import re
import threading
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from desk.domain.errors import ConflictError, DeskError, NotFoundError, StaleError, ValidationError
from desk.domain.model import ClientRow, ClientSearchHit, Residence, Role, StatusGroup
from desk.domain.permissions import FULL_CARD_FIELDS, Permission, allowed, full_card
from desk.domain.search import NameIndex, make_search_key
from desk.domain.text import check_birth_date, clean_text, digits_of
from desk.domain.tickets import BERLIN, format_client_number, parse_client_number
from desk.domain.topics import Topic
from desk.services.audit import ListReads, ListReadWriter, record
from desk.services.clock import Clock, system_clock
from desk.services.context import Actor
from desk.services.gate import requires
from desk.services.memory import settle_long_lived
from desk.services.once import checked_key, once
from desk.storage.uow import UnitOfWork, UnitOfWorkFactory

_DATE_DE = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$")
_DATE_EN = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$")  # day first: how the English window writes it
_DATE_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")
_PHONE = re.compile(r"^[\s+()\-/0-9]{4,}$")
PHONE_QUERY = _PHONE
"""What the search takes for (part of) a phone number (with 4+ digits)."""

NAME_MAX = 200
NOTE_MAX = 500

#: Name score from which a new client "closely matches" an existing one (duplicate warning).
DUPLICATE_NAME_SCORE = 85.0
#: With the same date of birth, a weaker name match is still worth a warning.
DUPLICATE_NAME_SCORE_SAME_BIRTH = 70.0

#: Places of the Kleiner Heuberg (clients of Sozialbetreuung Kleiner Heuberg), for the CSV import.
KLEINER_HEUBERG_PLACES = frozenset({"isingen", "rosenfeld", "brittheim", "erlaheim", "leidringen",
                                    "täbingen", "heiligenzimmern", "bickelsberg"})

#: Columns of `desk-admin import-clients`; given_name and family_name are required.
IMPORT_COLUMNS = ("given_name", "family_name", "date_of_birth", "phone", "language", "residence")


@dataclass(frozen=True)
class ImportReport:
    """What an import did: rows imported, rows already present, rows rejected with the reason."""

    imported: int = 0
    already_present: int = 0
    rejected: tuple[tuple[int, str], ...] = ()  # (line number in the file, English reason)
    #: the same reasons as errors, for a caller that says them in the user's language
    rejected_errors: tuple[tuple[int, DeskError], ...] = ()


@dataclass(frozen=True)
class MergeResult:
    keep: ClientRow
    absorbed_id: int
    visits_moved: int
    appointments_moved: int
    filled_fields: tuple[str, ...] = field(default_factory=tuple)


def residence_of_place(place: str) -> Residence:
    folded = place.strip().casefold()
    if not folded:
        return Residence.UNKNOWN
    if folded == "balingen" or folded.startswith("balingen-") or folded.startswith("balingen "):
        return Residence.BALINGEN
    if folded in KLEINER_HEUBERG_PLACES or folded.startswith("rosenfeld"):
        return Residence.KLEINER_HEUBERG
    return Residence.OTHER


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
    #: One per new-client form, the same for its retries: a retry after a lost acknowledgement
    #: answers with the record the first attempt made, not a duplicate person (services/once.py).
    request_key: str | None = None


def parse_date(text: str) -> date | None:
    """`24.12.1990` (as the German window writes it), `24/12/1990` (the English window, day
    first) or `1990-12-24` -> date; anything else -> None (an impossible date raises)."""
    match = _DATE_DE.match(text) or _DATE_EN.match(text)
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


def _visible(text: str) -> bool:
    """Has at least one character that shows (not only spaces, zero-width or format characters)."""
    return any(not unicodedata.category(ch).startswith(("Z", "C")) for ch in text)


def _parse_card_date(text: str, *, field: str) -> date | None:
    """A date as typed on the reception card; empty means not given."""
    text = (text or "").strip()
    if not text:
        return None
    value = parse_date(text)
    if value is None:
        raise ValidationError("{field}: {text} is not a date (use DD/MM/YYYY).", field=field, text=text)
    return value


def parse_birth_date(text: str) -> date | None:
    """The date of birth as typed on the card (empty: not known)."""
    return _parse_card_date(text, field="Date of birth")


def parse_consent_date(text: str) -> date | None:
    """The consent date as typed on the card (empty: none given)."""
    return _parse_card_date(text, field="Consent date")


class ClientService:
    def __init__(self, uow: UnitOfWorkFactory, *, clock: Clock = system_clock,
                 list_reads: ListReadWriter | None = None) -> None:
        """`list_reads`: the background writer of the search's list reads (DeskServices passes
        one); without it each search commits its list read before it returns."""
        self._uow = uow
        self._clock = clock
        self._index: NameIndex | None = None
        self._index_lock = threading.Lock()
        self._synced_at: datetime | None = None
        self._full_check_at: datetime | None = None
        self._indexed: set[int] = set()  # ids in the name index (to drop records erased elsewhere)
        self._list_reads = ListReads(uow, list_reads, clock=clock)

    # -- the name index -------------------------------------------------------------------

    def _ensure_index(self) -> NameIndex:
        with self._index_lock:
            if self._index is None:
                started = datetime.now(UTC)  # compared with the rows' updated_at (the wall clock)
                with self._uow() as uow:
                    entries = uow.clients.search_keys()
                self._index = NameIndex(entries)
                self._indexed = {client_id for client_id, _key in entries}
                self._synced_at = started
                # The index is hundreds of thousands of long-lived objects: keep them out of the
                # cyclic garbage collector's full passes, which otherwise stall every click for
                # tens of milliseconds now and then (seen as p95 spikes in every query). This runs
                # on a pool thread in a window: the collection itself is the GUI thread's.
                settle_long_lived()
            return self._index

    def sync(self) -> None:
        """Pull clients changed at other workstations into the index (cheap; call on change).

        Records merged away elsewhere leave the index; records deleted elsewhere (erasure) are
        found by comparing with the live ids, at most once a minute."""
        if self._index is None:
            return
        with self._index_lock:
            started = datetime.now(UTC)  # compared with the rows' updated_at (the wall clock)
            since = (self._synced_at or started) - timedelta(seconds=5)  # clock skew margin
            with self._uow() as uow:
                for client_id, key, merged in uow.reception.changed_since(since):
                    if merged:
                        self._index_drop(client_id)
                    else:
                        self._index_put(client_id, key)
                if started - (self._full_check_at or datetime.min.replace(tzinfo=UTC)) > timedelta(minutes=1):
                    alive = uow.clients.all_ids()
                    self._full_check_at = started
                else:
                    alive = None
            if alive is not None:
                for client_id in set(self._indexed) - alive:
                    self._index_drop(client_id)
            self._synced_at = started

    def _index_put(self, client_id: int, key: str) -> None:
        if self._index is not None:
            self._index.add(client_id, key)
            self._indexed.add(client_id)

    def _index_drop(self, client_id: int) -> None:
        if self._index is not None:
            self._index.remove(client_id)
            self._indexed.discard(client_id)

    # -- search -----------------------------------------------------------------------------

    @requires(Permission.CLIENT_SEARCH)
    def prepare_search(self, actor: Actor) -> int:
        """Build the name index now (a second or two at 50,000 clients), so the first keystroke
        at the desk does not pay for it; the window calls this in a worker at start-up."""
        return len(self._ensure_index())

    @requires(Permission.CLIENT_SEARCH)
    def search(self, actor: Actor, query: str, limit: int = 10) -> list[ClientSearchHit]:
        """Name (any script or spelling), client number, date of birth or phone number. The hits
        are recorded as a list read ("search"; each client once a day per reader), committed in
        the background within a second (ListReadWriter), not before the hits return."""
        hits = self._search(actor, query, limit)
        self._list_reads.record(actor, "search", (h.id for h in hits))
        return hits

    def _search(self, actor: Actor, query: str, limit: int) -> list[ClientSearchHit]:
        query = (query or "").strip()
        if not query:
            return []
        client_id = parse_client_number(query)
        if client_id is not None and (query.lower().startswith("k") or len(query) <= 6):
            scores = {client_id: 100.0}
            with self._uow() as uow:
                target = uow.reception.merged_into(client_id)  # an old number of a merged record
                if target is not None:
                    scores = {target: 100.0}
                if query.isdigit() and len(query) >= 4:  # bare digits may also be part of a phone number
                    for other in self._by_phone(uow, actor, query):
                        scores.setdefault(other, 90.0)
            hits = self._hits(scores, limit)
            numbered = [h for h in hits if h.score == 100.0]
            if numbered:  # a search by client number names one person: recorded like opening the card
                with self._uow(write=True) as uow:
                    for hit in numbered:
                        record(uow, actor, "client.search_number", entity_type="client", entity_id=hit.id,
                               client_id=hit.id, details={"query": query[:20]})
                    uow.commit()
            return hits
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
                ids = self._by_phone(uow, actor, digits_of(query))
            return self._hits({i: 100.0 for i in ids}, limit)
        matches = self._ensure_index().search(query, limit=limit)
        return self._hits({m.client_id: m.score for m in matches}, limit)

    @staticmethod
    def _by_phone(uow: UnitOfWork, actor: Actor, digits: str) -> list[int]:
        """Clients found by these digits of a phone number. The phone is full-card data: part of a
        number finds only the clients whose full card the reader may see (the head; counsellors
        their services' clients); for the others the whole number is needed (as the person says
        it, or the caller's number), so a search cannot spell out a number digit by digit that
        the card does not show."""
        whole = uow.clients.ids_by_whole_phone(phone_variants(digits))
        if not allowed(actor.role, Permission.CLIENT_CARD_FULL):
            return whole
        part = [i for i in uow.clients.ids_by_phone(digits) if i not in whole]
        if actor.role is not Role.HEAD:
            part = [i for i in part if may_see_full_card(uow, actor, i)]
        return whole + part

    @requires(Permission.CLIENT_SEARCH)
    def lookup(self, actor: Actor, query: str, limit: int = 10) -> list[ClientSearchHit]:
        """search() for `desk-admin find-client`, whose output is a list of names with their
        numbers: every client it names is recorded in the audit log ("client.lookup")."""
        hits = self.search(actor, query, limit)
        if hits:
            with self._uow(write=True) as uow:
                for hit in hits:
                    record(uow, actor, "client.lookup", entity_type="client", entity_id=hit.id, client_id=hit.id)
                uow.commit()
        return hits

    def _hits(self, scores: dict[int, float], limit: int) -> list[ClientSearchHit]:
        if not scores:
            return []
        with self._uow(one_read=True) as uow:  # every keystroke: one statement, one round trip
            rows = uow.clients.search_results(list(scores))
        hits = [
            ClientSearchHit(
                id=client_id,
                client_number=format_client_number(client_id),
                given_name=given,
                family_name=family,
                date_of_birth=born,
                language=language,
                interpreter_needed=interpreter,
                score=round(scores[client_id], 1),
            )
            for client_id, given, family, born, language, interpreter in rows
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
                target = uow.reception.merged_into(client_id)
                if target is not None:
                    raise NotFoundError("Client {id} was merged into client {target}.",
                                        id=format_client_number(client_id), target=format_client_number(target))
                raise NotFoundError("Client {id} does not exist (any more).", id=client_id)
            row = scoped_card(uow, actor, row)
            record(uow, actor, "client.read", entity_type="client", entity_id=client_id, client_id=client_id,
                   details=None if row.full else {"card": "reception"})
            uow.commit()
        return row

    @requires(Permission.CLIENT_CARD_READ)
    def still_exists(self, actor: Actor, client_id: int) -> bool:
        """Is the client's record still there (False: erased, here or at another workstation)?
        An open card asks after a change, so it does not keep showing an erased person; reads
        nothing of the card (not a card read)."""
        with self._uow() as uow:
            return uow.privacy.exists(client_id)

    @requires(Permission.CLIENT_WRITE)
    def create(self, actor: Actor, data: ClientInput) -> ClientRow:
        """A new client record. Tried again with the same request key after a fault whose first
        attempt was saved: that record (its unique index refuses a second one)."""
        key = checked_key(data.request_key)
        fields = self._validated(data)

        def made_by(uow: UnitOfWork, k: str) -> ClientRow | None:
            client_id = uow.clients.made_by(k)
            row = None if client_id is None else uow.clients.get(client_id)
            if row is None:
                return None
            self._index_put(client_id, fields["search_key"])  # the first attempt stopped before it
            return scoped_card(uow, actor, row)

        return once(self._uow, key, lambda: self._create(actor, fields, key), made_by, what="new client")

    def _create(self, actor: Actor, fields: dict, key: str | None) -> ClientRow:
        with self._uow(write=True) as uow:
            client_id = uow.clients.add(request_key=key, **fields)
            record(uow, actor, "client.create", entity_type="client", entity_id=client_id, client_id=client_id)
            uow.touch(Topic.CLIENTS)
            uow.commit()
            row = uow.clients.get(client_id)
            assert row is not None
            row = scoped_card(uow, actor, row)
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
            full = may_see_full_card(uow, actor, client_id)
            if not full:  # the reception card: the fields it does not show stay as they are
                for name in FULL_CARD_FIELDS:
                    fields[name] = getattr(before, name)
                fields["status_group"] = StatusGroup(before.status_group).value
                fields["phone_digits"] = digits_of(before.phone)
            uow.clients.update(client_id, expected_version, **fields)
            changed = sorted(k for k in fields if k not in {"search_key", "phone_digits"}
                             and getattr(before, k, None) != fields[k])
            record(uow, actor, "client.update", entity_type="client", entity_id=client_id,
                   client_id=client_id, details={"fields": changed})
            uow.touch(Topic.CLIENTS)
            uow.commit()
            row = uow.clients.get(client_id)
            assert row is not None
            row = row if full else scoped_card(uow, actor, row)
        self._index_put(client_id, fields["search_key"])
        return row

    # -- duplicates and merge --------------------------------------------------------------

    @requires(Permission.CLIENT_SEARCH)
    def find_duplicates(self, actor: Actor, data: ClientInput, *, exclude_id: int | None = None,
                        limit: int = 5) -> list[ClientSearchHit]:
        """Existing clients that closely match `data` (the warning before a new card is saved).

        A match: the name scores at least DUPLICATE_NAME_SCORE in the name index and the dates of
        birth do not contradict each other (one unknown, or equal); with the same date of birth a
        name score of DUPLICATE_NAME_SCORE_SAME_BIRTH suffices; the same phone number (6+
        digits) counts like the same date of birth."""
        given = clean_text(data.given_name, field="Given name", max_length=NAME_MAX)
        family = clean_text(data.family_name, field="Family name", max_length=NAME_MAX)
        query = f"{given} {family}".strip()
        if not query:
            return []
        matches = self._ensure_index().search(query, limit=25)
        scores = {m.client_id: m.score for m in matches
                  if m.client_id != exclude_id and m.score >= DUPLICATE_NAME_SCORE_SAME_BIRTH}
        if not scores:
            return []
        key = checked_key(data.request_key)
        with self._uow() as uow:
            rows = uow.clients.get_many(list(scores))
            # the record this card's own earlier attempt saved (its acknowledgement lost) is no
            # duplicate of it: Save again answers with that record (create)
            own = uow.clients.made_by(key) if key is not None else None
        rows.pop(own, None)
        phone = digits_of(data.phone or "")
        kept: dict[int, float] = {}
        for client_id, score in scores.items():
            row = rows.get(client_id)
            if row is None:
                continue
            same_birth = data.date_of_birth is not None and row.date_of_birth == data.date_of_birth
            same_phone = len(phone) >= 6 and digits_of(row.phone) == phone
            birth_conflict = (data.date_of_birth is not None and row.date_of_birth is not None
                              and row.date_of_birth != data.date_of_birth)
            if same_birth or same_phone:
                kept[client_id] = min(100.0, score + 10.0)  # the same birth date / phone ranks first
            elif score >= DUPLICATE_NAME_SCORE and not birth_conflict:
                kept[client_id] = score
        hits = self._hits(kept, limit)
        self._list_reads.record(actor, "duplicates", (h.id for h in hits))
        return hits

    @requires(Permission.CLIENT_MERGE)
    def merge(self, actor: Actor, keep_id: int, absorb_id: int, *,
              absorb_version: int | None = None) -> MergeResult:
        """Merge two records of the same person: every visit and appointment of `absorb_id`
        moves to `keep_id`, blank fields of the kept card are filled from the absorbed one, and
        the absorbed record points to the kept one (`merged_into_id`) so its number still leads
        somewhere. One transaction, audited. The kept card comes back scoped like `card` (the
        reception card unless the reader may see the full one)."""
        if keep_id == absorb_id:
            raise ValidationError("A record cannot be merged with itself.")
        with self._uow(write=True) as uow:
            keep = uow.clients.get(keep_id)
            absorb = uow.clients.get(absorb_id)
            if keep is None:
                raise NotFoundError("Client {id} does not exist (any more).", id=keep_id)
            if absorb is None:
                raise NotFoundError("Client {id} does not exist (any more).", id=absorb_id)
            if absorb_version is not None and absorb.version != absorb_version:
                raise StaleError()
            if uow.reception.has_open_visit(keep_id) and uow.reception.has_open_visit(absorb_id):
                raise ConflictError("Both records have an open visit today. Close one of them first, then merge.")
            fill: dict[str, Any] = {}
            for name in ("date_of_birth", "phone", "language", "residence_place", "consent_date", "reception_note"):
                if not getattr(keep, name) and getattr(absorb, name):
                    fill[name] = getattr(absorb, name)
            if keep.residence is Residence.UNKNOWN and absorb.residence is not Residence.UNKNOWN:
                fill["residence"] = absorb.residence.value
            if keep.status_group is StatusGroup.UNKNOWN and absorb.status_group is not StatusGroup.UNKNOWN:
                fill["status_group"] = absorb.status_group.value
            if absorb.interpreter_needed and not keep.interpreter_needed:
                fill["interpreter_needed"] = True
            if "phone" in fill:
                fill["phone_digits"] = digits_of(fill["phone"])
            if absorb.last_contact_at and (keep.last_contact_at is None or absorb.last_contact_at > keep.last_contact_at):
                fill["last_contact_at"] = absorb.last_contact_at
            visits, appointments = uow.reception.move_client_rows(absorb_id, keep_id)
            if not uow.reception.mark_merged(absorb_id, keep_id, absorb.version):
                raise StaleError()
            uow.clients.update(keep_id, keep.version, **fill)  # bumps the version: open cards go stale
            record(uow, actor, "client.merge", entity_type="client", entity_id=keep_id, client_id=keep_id,
                   details={"absorbed": absorb_id, "visits": visits, "appointments": appointments,
                            "filled": sorted(k for k in fill if k != "phone_digits")})
            record(uow, actor, "client.merged_away", entity_type="client", entity_id=absorb_id,
                   client_id=absorb_id, details={"into": keep_id})
            uow.touch(Topic.CLIENTS, Topic.VISITS, Topic.APPOINTMENTS)
            uow.commit()
            row = uow.clients.get(keep_id)
            assert row is not None
            row = scoped_card(uow, actor, row)  # the merger gets the card it may read, no more
        self._index_drop(absorb_id)
        return MergeResult(keep=row, absorbed_id=absorb_id, visits_moved=visits, appointments_moved=appointments,
                           filled_fields=tuple(sorted(k for k in fill if k != "phone_digits")))

    @requires(Permission.CLIENT_SEARCH)
    def merged_into(self, actor: Actor, client_id: int) -> int | None:
        """The live record an absorbed client number now belongs to (None: not merged)."""
        with self._uow() as uow:
            return uow.reception.merged_into(client_id)

    # -- import -----------------------------------------------------------------------------

    @requires(Permission.CLIENT_WRITE)
    def import_clients(self, actor: Actor, rows: Iterable[tuple[int, Mapping[str, str | None]]]) -> ImportReport:
        """Import (line number, {column: text}) rows in one transaction.

        A row is rejected with its reason (nothing of it is stored) when a field cannot be
        stored; a row equal to an existing client in every given field is not imported twice."""
        imported = present = 0
        rejected: list[tuple[int, DeskError]] = []
        added: list[tuple[int, str]] = []
        with self._uow(write=True) as uow:
            known = uow.reception.identities()
            for line, raw in rows:
                try:
                    data = self._import_input(raw)
                    fields = self._validated(data)
                except DeskError as error:
                    rejected.append((line, error))
                    continue
                identity = tuple(fields[k] for k in ("given_name", "family_name", "date_of_birth", "phone",
                                                     "language", "residence_place"))
                if identity in known:
                    present += 1
                    continue
                known.add(identity)
                client_id = uow.clients.add(**fields)
                record(uow, actor, "client.create", entity_type="client", entity_id=client_id, client_id=client_id,
                       details={"import_line": line})
                added.append((client_id, fields["search_key"]))
                imported += 1
            record(uow, actor, "client.import", entity_type="client",
                   details={"imported": imported, "already_present": present, "rejected": len(rejected)})
            uow.touch(Topic.CLIENTS)
            uow.commit()
        for client_id, key in added:
            self._index_put(client_id, key)
        return ImportReport(imported=imported, already_present=present,
                            rejected=tuple((line, error.message()) for line, error in rejected),
                            rejected_errors=tuple(rejected))

    @staticmethod
    def _import_input(raw: Mapping[str, str | None]) -> ClientInput:
        def text(name: str) -> str:
            value = raw.get(name)
            return "" if value is None else str(value)

        birth_text = text("date_of_birth").strip()
        birth = None
        if birth_text:
            # not 03/04/1990: a spreadsheet may have written it month first; the columns say which
            birth = None if "/" in birth_text else parse_date(birth_text)
            if birth is None:
                raise ValidationError("{text} is not a date (use DD.MM.YYYY or YYYY-MM-DD).", text=birth_text)
        place = clean_text(text("residence"), field="Place of residence", max_length=200)
        return ClientInput(
            given_name=text("given_name"),
            family_name=text("family_name"),
            date_of_birth=birth,
            phone=text("phone"),
            language=text("language"),
            residence=residence_of_place(place),
            residence_place=place,
        )

    def _validated(self, data: ClientInput) -> dict[str, Any]:
        given = clean_text(data.given_name, field="Given name", max_length=NAME_MAX)
        family = clean_text(data.family_name, field="Family name", max_length=NAME_MAX)
        if given and not _visible(given):
            raise ValidationError("{field} contains only invisible characters. Please retype it.", field="Given name")
        if family and not _visible(family):
            raise ValidationError("{field} contains only invisible characters. Please retype it.", field="Family name")
        if not given and not family:
            raise ValidationError("Please enter at least a given name or a family name.")
        phone = clean_text(data.phone, field="Phone", max_length=40)
        today = self._clock().astimezone(BERLIN).date()
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


def phone_variants(digits: str) -> list[str]:
    """The digits of a German phone number as they may be stored: national (0151...) and
    international (49151..., 0049151...) forms of the same number."""
    national = "0" + digits[4:] if digits.startswith("0049") else (
        "0" + digits[2:] if digits.startswith("49") and len(digits) >= 11 else digits)
    found = [digits, national]
    if national.startswith("0") and not national.startswith("00") and len(national) > 1:
        found += ["49" + national[1:], "0049" + national[1:]]
    return sorted(set(found))


def may_see_full_card(uow: UnitOfWork, actor: Actor, client_id: int) -> bool:
    """desk.domain.permissions.full_card for this reader and client (one query for counsellors)."""
    if actor.role is Role.HEAD:
        return True
    if not allowed(actor.role, Permission.CLIENT_CARD_FULL):
        return False
    return full_card(actor.role, uow.clients.served_by(client_id, actor.service_ids))


def scoped_card(uow: UnitOfWork, actor: Actor, row: ClientRow) -> ClientRow:
    """The full card, or the reception card (phone, status group and consent left out)."""
    if may_see_full_card(uow, actor, row.id):
        return row
    return dataclasses.replace(row, phone="", status_group=StatusGroup.UNKNOWN, consent_date=None, full=False)


def load_client(uow: UnitOfWork, client_id: int) -> ClientRow:
    row = uow.clients.get(client_id)
    if row is None:
        raise NotFoundError("Client {id} does not exist (any more).", id=client_id)
    return row
