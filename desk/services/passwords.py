"""Password hashing: argon2id (argon2-cffi), with rehash when the parameters change.

    hashed = hash_password("secret")
    ok, needs_rehash = verify_password(hashed, "secret")

`needs_rehash` is true when the stored hash was made with other (older) parameters than the
current ones; the accounts service then stores a fresh hash after a successful login.
"""

from __future__ import annotations

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

# RFC 9106 "second recommended option" (64 MiB, 3 passes), argon2id.
_HASHER = PasswordHasher(time_cost=3, memory_cost=64 * 1024, parallelism=4, hash_len=32, salt_len=16,
                         type=Type.ID)

#: The minimum length of a new password (checked by the accounts service).
MIN_PASSWORD_LENGTH = 8


def hash_password(password: str) -> str:
    """An argon2id hash of `password` (a string like `$argon2id$v=19$m=65536,t=3,p=4$...`)."""
    if not isinstance(password, str):
        raise TypeError("password must be a string")
    return _HASHER.hash(password)


def verify_password(hashed: str | None, password: str) -> tuple[bool, bool]:
    """(ok, needs_rehash). A missing or unreadable hash never matches (and never raises)."""
    if not hashed or not isinstance(password, str):
        return False, False
    try:
        _HASHER.verify(hashed, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False, False
    return True, _HASHER.check_needs_rehash(hashed)


def dummy_verify(password: str) -> None:
    """Spend the same time as a real verification (unknown user names are not revealed by timing)."""
    global _dummy_hash
    if _dummy_hash is None:
        _dummy_hash = _HASHER.hash("desk-dummy-password-never-used")
    verify_password(_dummy_hash, password)


_dummy_hash: str | None = None
