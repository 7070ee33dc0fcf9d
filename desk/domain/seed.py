"""The centre as the grant application describes it: rooms and services created on first start.

Source: shared/seed/zuschussantrag-migrationszentrum-balingen.txt (posts in full-time
equivalents, and the part of each post that serves people living in Balingen).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time

from desk.domain.model import RoomKind


@dataclass(frozen=True)
class SeedService:
    code: str
    name_de: str
    name_en: str
    ticket_prefix: str
    fte: float
    fte_balingen: float
    active: bool
    # open consultation hours: (weekday 0=Mon, start, end)
    hours: tuple[tuple[int, time, time], ...]


@dataclass(frozen=True)
class SeedRoom:
    name: str
    kind: RoomKind
    capacity: int
    bookable: bool
    display_label: str


SERVICES: tuple[SeedService, ...] = (
    SeedService(
        "IM",
        "Integrationsmanagement / Sozialbetreuung",
        "Integration management / social care",
        "I",
        1.5,
        1.0,
        True,
        ((0, time(9), time(12)), (2, time(9), time(12)), (3, time(14), time(16))),
    ),
    SeedService(
        "KH",
        "Sozialbetreuung Kleiner Heuberg",
        "Social care Kleiner Heuberg",
        "K",
        0.5,
        0.1,
        True,
        ((1, time(9), time(12)),),
    ),
    SeedService(
        "MBE",
        "Migrationsberatung für erwachsene Zuwanderer",
        "Migration counselling for adult immigrants",
        "M",
        0.6,
        0.4,
        True,
        ((0, time(9), time(12)), (3, time(9), time(12))),
    ),
    SeedService(
        "FL",
        "Flüchtlingsarbeit / Fachbereichsleitung",
        "Refugee work / head of department",
        "F",
        0.8,
        0.5,
        True,
        (),
    ),
    SeedService(
        "RPB",
        "Rückkehr- und Perspektivberatung",
        "Return and perspective counselling",
        "R",
        0.0,
        0.0,
        False,  # planned extension in the seed
        (),
    ),
)

ROOMS: tuple[SeedRoom, ...] = (
    SeedRoom("Empfang / Wartebereich", RoomKind.RECEPTION, 12, False, "Empfang"),
    SeedRoom("Gruppen- und Besprechungsraum", RoomKind.GROUP, 24, True, "Gruppenraum"),
    SeedRoom("Teeküche", RoomKind.KITCHEN, 8, True, "Teeküche"),
    SeedRoom("Büro Fachbereichsleitung", RoomKind.OFFICE, 3, True, "Büro 1"),
    SeedRoom("Büro Migrationsberatung", RoomKind.OFFICE, 3, True, "Büro 2"),
    SeedRoom("Büro Sozialbetreuung", RoomKind.OFFICE, 4, True, "Büro 3"),
    SeedRoom("Büro Rückkehrberatung", RoomKind.OFFICE, 3, True, "Büro 4"),
)

PARTNER_ORGANISATIONS: tuple[str, ...] = ("Caritas", "DRK")
