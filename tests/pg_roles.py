"""Addresses of a throw-away PostgreSQL database as one of its roles (the server-role tests)."""

from __future__ import annotations

from sqlalchemy.engine import make_url


def role_url(base: str, user: str | None, database: str) -> str:
    """`base` pointed at `database`, logged in as `user` (None: base's own user), no password."""
    url = make_url(base).set(database=database)
    if user is not None:
        url = url.set(username=user, password=None)
    return url.render_as_string(hide_password=False)
