"""The head-of-department account desk-admin logs in with in the tests (`cli_login` fixture in
tests/conftest.py). A module of its own: test modules import it by name, which `conftest` is not
(with tests/ui and tests/integration in one run, `import conftest` finds the wrong one)."""

from __future__ import annotations

from desk.domain.model import Role
from desk.services.bootstrap import prepare_database
from desk.services.context import Actor
from desk.services.desk import DeskServices, build_services

CLI_HEAD_USER = "cli-leitung"
CLI_HEAD_PASSWORD = "kommandozeile-2026"


def create_with_own_password(services: DeskServices, actor: Actor, account):
    """`account` (a NewAccount) as the person would have it after the first login: the head's
    one-time password replaced by `account.password`, the person's own. Returns its AccountRow."""
    from dataclasses import replace

    one_time = account.password + "-einmal"
    row = services.accounts.create_account(actor, replace(account, password=one_time))
    person = services.accounts.login(Actor.login_screen(), account.username, one_time)
    services.accounts.change_own_password(person, one_time, account.password)
    return next(a for a in services.accounts.accounts(actor) if a.id == row.id)


def ensure_cli_head(target: DeskServices | str) -> None:
    """A head-of-department account `cli-leitung` in the database (services or address)."""
    from desk.services.accounts import NewAccount

    own = isinstance(target, str)
    services = build_services(prepare_database(target)) if own else target
    try:
        system = Actor.system("test set-up")
        if not any(a.username == CLI_HEAD_USER for a in services.accounts.accounts(system)):
            create_with_own_password(services, system, NewAccount(CLI_HEAD_USER, "Leitung Kommandozeile",
                                                                  Role.HEAD, CLI_HEAD_PASSWORD))
    finally:
        if own:
            services.close()


def said_by_desk_admin(error, language: str) -> str:
    """The sentence desk-admin prints for `error` (a DeskError) in `language` ("de" or "en")."""
    from desk.cli import i18n

    before = i18n.current_language()
    i18n.set_language(language)
    try:
        return i18n.error_text(error)
    finally:
        i18n.set_language(before)
