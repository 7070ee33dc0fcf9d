"""Error messages read as German sentences: roles and actions in words, technical text only
behind "Details"."""

from __future__ import annotations

import pytest

from desk.domain.model import Role
from desk.domain.permissions import Permission
from desk.services.context import Actor
from desk.services.gate import check
from desk.ui.context import error_box, error_text
from desk.ui.i18n import install_language
from desk.ui.permission_words import PERMISSION_WORDS, ROLE_WORDS


@pytest.fixture
def german():
    install_language("de")
    yield
    install_language("de")


def test_the_permission_message_names_role_and_action_in_words(german):
    from desk.domain.errors import PermissionDeniedError

    reception = Actor(staff_id=None, name="Empfang", role=Role.RECEPTION, workstation="pc1")
    with pytest.raises(PermissionDeniedError) as caught:
        check(reception, Permission.REPORTS)
    text = error_text(caught.value)
    assert "empfang" not in text and "reports" not in text
    assert "Empfang" in text and "Statistik" in text


def test_every_role_and_permission_has_words():
    assert set(PERMISSION_WORDS) == {p.value for p in Permission}
    assert set(ROLE_WORDS) == {r.value for r in Role}


def test_an_unexpected_error_is_german_with_the_driver_text_behind_details(qtbot, german):
    try:
        try:
            raise OSError("connection refused by server at 10.0.0.5")
        except OSError as cause:
            raise RuntimeError("psycopg.OperationalError: server closed the connection") from cause
    except RuntimeError as error:
        box = error_box(None, error)
    qtbot.addWidget(box)
    assert "connection" not in box.text() and "psycopg" not in box.text()
    assert "Etwas Unerwartetes ist schiefgegangen" in box.text()
    assert "psycopg.OperationalError" in box.detailedText() and "connection refused" in box.detailedText()
