"""UI tests start in the source language (English) unless they install another one, so no
test depends on the language a previous test left installed."""

from __future__ import annotations

import pytest

from desk.ui.i18n import install_language


@pytest.fixture(autouse=True)
def _english_by_default(qapp):
    install_language("en")
    yield
    install_language("en")
