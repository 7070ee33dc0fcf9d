"""Password hashing with the real parameters; the growing delay."""

from __future__ import annotations

from datetime import timedelta

import pytest
from argon2 import PasswordHasher

from desk.domain.accounts import FREE_ATTEMPTS, MAX_DELAY, clean_username, delay_after
from desk.domain.errors import ValidationError
from desk.services.passwords import digest_for, hash_password, verify_password


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


def test_the_digest_from_the_hashs_parameters_matches_only_the_right_password() -> None:
    """The kiosk's database role gets a hash's parameters and salt, never its digest
    (desk_kiosk_login_params): the digest computed from them matches the stored one exactly for
    the right password - for the current and for older argon2 parameters - and unreadable
    parameters give nothing that could match."""
    for stored in (hash_password("kiosk-exit-2026"),
                   PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1, hash_len=16).hash("kiosk-exit-2026")):
        digest = stored.rsplit("$", 1)[1]
        parameters = f"{stored[:-len(digest)]}{len(digest)}"
        assert digest not in parameters
        assert digest_for(parameters, "kiosk-exit-2026") == digest
        assert digest_for(parameters, "kiosk-exit-2025") not in ("", digest)
    for broken in ("", "$argon2id$v=19$m=65536,t=3,p=4$", "$argon2id$v=19$m=x,t=3,p=4$c2FsdHNhbHQ$43",
                   "$bcrypt$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$43"):
        assert digest_for(broken, "kiosk-exit-2026") == ""


def test_a_refused_user_name_says_which_letters_and_offers_one_that_works():
    """'müller' is lower case to the head: the rule said 'small letters' and refused it. The
    message names a to z without umlauts and offers a user name that would do; an empty one is
    asked for by name."""
    import pytest

    from desk.domain.accounts import clean_username, username_suggestion
    from desk.domain.errors import ValidationError

    with pytest.raises(ValidationError) as error:
        clean_username("Müller")
    assert "a to z without umlauts" in error.value.message() and error.value.params["suggestion"] == "mueller"
    assert clean_username("mueller") == "mueller"
    assert [username_suggestion(n) for n in ("josé", "frau weiß", "محمد", "x")] == ["jose", "frau.weiss", "mhmd", ""]
    with pytest.raises(ValidationError, match="must not be empty"):
        clean_username("  ")
    with pytest.raises(ValidationError) as error:
        clean_username("a" * 10_000)
    assert len(error.value.message()) < 300
