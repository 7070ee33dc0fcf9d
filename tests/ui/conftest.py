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


@pytest.fixture
def settle(qtbot):
    """`settle(ctx)`: wait until every worker started through `ctx.run_in_worker` (a view's
    loading, a report) has reported back: the condition to wait for, never a fixed time."""

    def wait(ctx, timeout: int = 20000) -> None:
        qtbot.waitUntil(lambda: ctx.workers_running == 0, timeout=timeout)

    return wait
