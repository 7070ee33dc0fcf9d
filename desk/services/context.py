"""Who is acting: passed explicitly to every service function (the permission gate reads it)."""

from __future__ import annotations

import socket
from dataclasses import dataclass, field

from desk.domain.model import Role


@dataclass(frozen=True)
class Actor:
    staff_id: int | None
    name: str
    role: Role
    service_ids: frozenset[int] = field(default_factory=frozenset)
    workstation: str = field(default_factory=socket.gethostname)
    #: logged in with a password someone else set (new account, reset): this session may only
    #: choose the person's own password (desk.services.gate.requires refuses everything else)
    password_one_time: bool = False

    @classmethod
    def system(cls, name: str = "desk-admin") -> Actor:
        """The admin command line and start-up tasks act with the head-of-department's rights."""
        return cls(staff_id=None, name=name, role=Role.HEAD)

    @classmethod
    def login_screen(cls) -> Actor:
        """Who acts before anyone has logged in: may only log in (or run the first-start wizard)."""
        return cls(staff_id=None, name="login", role=Role.DISPLAY)

    @classmethod
    def display(cls) -> Actor:
        return cls(staff_id=None, name="display", role=Role.DISPLAY)

    @classmethod
    def kiosk(cls) -> Actor:
        """The self-service kiosk at the entrance (issue 20); the workstation names the kiosk."""
        return cls(staff_id=None, name="kiosk", role=Role.KIOSK)
