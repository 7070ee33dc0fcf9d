"""Password hashing with the real parameters; the growing delay."""

from __future__ import annotations

from datetime import timedelta

import pytest
from argon2 import PasswordHasher

from desk.domain.accounts import FREE_ATTEMPTS, MAX_DELAY, clean_username, delay_after
from desk.domain.errors import ValidationError
from desk.services.passwords import hash_password, verify_password


def test_hash_password_is_argon2id_and_verifies() -> None:
    hashed = hash_password("demo")
    assert hashed.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert verify_password(hashed, "demo") == (True, False)
    assert verify_password(hashed, "Demo") == (False, False)
    assert verify_password(None, "demo") == (False, False)
    assert verify_password("not a hash", "demo") == (False, False)


def test_old_parameters_need_a_rehash() -> None:
    old = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1).hash("demo")
    assert verify_password(old, "demo") == (True, True)


def test_the_delay_grows_and_is_capped() -> None:
    assert [delay_after(n) for n in range(FREE_ATTEMPTS)] == [timedelta(0)] * FREE_ATTEMPTS
    delays = [delay_after(n) for n in range(FREE_ATTEMPTS, FREE_ATTEMPTS + 12)]
    assert delays[0] == timedelta(seconds=5) and delays[1] == timedelta(seconds=10)
    assert all(a <= b for a, b in zip(delays, delays[1:], strict=False))
    assert delays[-1] == MAX_DELAY and delay_after(10_000) == MAX_DELAY


@pytest.mark.parametrize("name", ["a", "x y", "Ümlaut", "-start", "a" * 41])
def test_bad_usernames(name: str) -> None:
    with pytest.raises(ValidationError):
        clean_username(name)


def test_usernames_are_lower_case() -> None:
    assert clean_username("  Chefin ") == "chefin"
