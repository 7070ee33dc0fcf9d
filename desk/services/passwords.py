"""Password hashing: argon2id (argon2-cffi), with rehash when the parameters change.

    hashed = hash_password("secret")
    ok, needs_rehash = verify_password(hashed, "secret")

`needs_rehash` is true when the stored hash was made with other (older) parameters than the
current ones; the accounts service then stores a fresh hash after a successful login.
"""

from __future__ import annotations

import base64

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from argon2.low_level import hash_secret_raw

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


_TYPES = {"argon2id": Type.ID, "argon2i": Type.I, "argon2d": Type.D}


def digest_for(parameters: str, password: str) -> str:
    """The argon2 digest of `password` under a stored hash's parameters, encoded as in the hash.

    `parameters` is the stored hash without its digest, followed by the digest's length in
    characters: `$argon2id$v=19$m=65536,t=3,p=4$<salt>$43` (what the kiosk's database role may
    ask for - it may not read the hash). The database compares the result with the stored digest.
    Parameters that cannot be read give "" (which never matches)."""
    try:
        _, kind, version, costs, salt, length = parameters.split("$")
        cost = dict(part.split("=", 1) for part in costs.split(","))
        raw = hash_secret_raw(
            password.encode("utf-8"), base64.b64decode(salt + "=" * (-len(salt) % 4)),
            time_cost=int(cost["t"]), memory_cost=int(cost["m"]), parallelism=int(cost["p"]),
            hash_len=int(length) * 3 // 4, type=_TYPES[kind], version=int(version.removeprefix("v=")))
    except Exception:  # noqa: BLE001 - unreadable parameters (or argon2 refusing them) never match
        return ""
    return base64.b64encode(raw).decode("ascii").rstrip("=")
