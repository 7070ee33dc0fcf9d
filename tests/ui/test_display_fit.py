"""The waiting-room display never cuts a ticket number or a room name: at 1024x600, 1366x768 and
1920x1080, with the longest room name of the demo centre and a 60-character room label, in German
with an Arabic (right to left) or Tigrinya second line, every label's text fits its rectangle."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.exceptions import TimeoutError  # noqa: A004 - the one waitUntil raises

from desk.domain.model import DisplayCallRow
from desk.domain.seed import ROOMS
from desk.ui.display import DisplayWindow
from desk.ui.events import AppEvents

LONGEST_DEMO_ROOM = max((r.name for r in ROOMS), key=len)  # the demo shows rooms by their name
LONG_LABEL = "Beratungsraum Integrationsmanagement und Sozialbetreuung 2.OG"  # the 60 characters a label may have
SIZES = [(1024, 600), (1366, 768), (1920, 1080)]


class _Silent:
    def play(self) -> None:
        pass


def _calls(room: str, language: str) -> list[DisplayCallRow]:
    at = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
    rooms = [room, LONG_LABEL, LONGEST_DEMO_ROOM, "Büro Sozialbetreuung", "Büro Rückkehrberatung", room]
    return [DisplayCallRow(id=100 - n, called_at=at, ticket=f"I-{104 - n:03d}", room_label=r, language=language)
            for n, r in enumerate(rooms)]


def _problems(window) -> list[str]:
    problems = []
    for label in window.findChildren(QLabel):
        text = label.text()
        if not text or not label.isVisible():
            continue
        box = label.contentsRect()
        metrics = label.fontMetrics()
        if not window.rect().contains(QRect(label.mapTo(window, box.topLeft()), box.size())):
            problems.append(f"{label.objectName()}: outside the window")
        flags = int(label.alignment().value) | (int(Qt.TextFlag.TextWordWrap.value) if label.wordWrap() else 0)
        needed = metrics.boundingRect(box, flags, text)
        if needed.width() > box.width() or needed.height() > box.height():
            problems.append(f"{label.objectName()} {text!r}: needs {needed.width()}x{needed.height()}, "
                            f"has {box.width()}x{box.height()}")
        for word in text.split():  # wrapping happens between words, never inside one
            if metrics.horizontalAdvance(word) > box.width():
                problems.append(f"{label.objectName()}: the word {word!r} is wider than {box.width()}px")
    return problems


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("room", [LONGEST_DEMO_ROOM, LONG_LABEL], ids=["demo-room", "long-label"])
@pytest.mark.parametrize("language", ["ar", "ti"])
def test_every_label_fits_with_long_room_names(qtbot, sqlite_services, size, room, language):
    window = DisplayWindow(sqlite_services, AppEvents(), gong=_Silent())
    qtbot.addWidget(window)
    window.timer.stop()  # the calls below are what it shows, not the (empty) database
    qtbot.waitUntil(lambda: window.loaded, timeout=5000)  # its first read (in a worker) is in
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.apply(_calls(room, language))
    assert room in window.current.text() and room in window.phrase_other.text()
    try:
        qtbot.waitUntil(lambda: not _problems(window), timeout=3000)  # the layout settles after a resize
    except TimeoutError:
        pass
    assert _problems(window) == []
    assert (window.width(), window.height()) == size  # nothing pushed the window past the screen
    expected = Qt.LayoutDirection.RightToLeft if language == "ar" else Qt.LayoutDirection.LeftToRight
    assert window.phrase_other.layoutDirection() == expected
