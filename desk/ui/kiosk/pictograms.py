"""Large pictograms for the kiosk's service buttons, drawn (no image files, crisp at any size,
white on the button's colour). One per service code of the seed; a service the head adds gets
the speech bubble."""

from __future__ import annotations

import math
from datetime import time

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap


def _person(p: QPainter, x: float, y: float, s: float) -> None:
    p.drawEllipse(QPointF(x, y - 0.22 * s), 0.12 * s, 0.12 * s)
    body = QPainterPath()
    body.moveTo(x - 0.2 * s, y + 0.25 * s)
    body.quadTo(x - 0.2 * s, y - 0.05 * s, x, y - 0.05 * s)
    body.quadTo(x + 0.2 * s, y - 0.05 * s, x + 0.2 * s, y + 0.25 * s)
    body.closeSubpath()
    p.drawPath(body)


def _house(p: QPainter, r: QRectF) -> None:
    path = QPainterPath()
    path.moveTo(r.left(), r.top() + r.height() * 0.45)
    path.lineTo(r.center().x(), r.top())
    path.lineTo(r.right(), r.top() + r.height() * 0.45)
    p.drawPath(path)
    p.drawRect(QRectF(r.left() + r.width() * 0.15, r.top() + r.height() * 0.42, r.width() * 0.7, r.height() * 0.55))


def _bubble(p: QPainter, r: QRectF) -> None:
    path = QPainterPath()
    path.addRoundedRect(QRectF(r.left(), r.top(), r.width(), r.height() * 0.7), r.width() * 0.15, r.width() * 0.15)
    tail = QPainterPath()
    tail.moveTo(r.left() + r.width() * 0.25, r.top() + r.height() * 0.65)
    tail.lineTo(r.left() + r.width() * 0.2, r.bottom())
    tail.lineTo(r.left() + r.width() * 0.45, r.top() + r.height() * 0.65)
    p.drawPath(path.united(tail))


def _draw(code: str, p: QPainter, s: float) -> None:
    code = code.upper()
    if code == "IM":  # housing and daily life: a house with a person
        _house(p, QRectF(0.1 * s, 0.1 * s, 0.55 * s, 0.6 * s))
        _person(p, 0.75 * s, 0.65 * s, 0.5 * s)
    elif code == "KH":  # the villages of the Kleiner Heuberg: two houses on a hill
        p.drawArc(QRectF(0.0, 0.6 * s, s, 0.7 * s), 0, 180 * 16)
        _house(p, QRectF(0.15 * s, 0.3 * s, 0.3 * s, 0.35 * s))
        _house(p, QRectF(0.55 * s, 0.25 * s, 0.3 * s, 0.4 * s))
    elif code == "MBE":  # advice for adults: two people talking
        _person(p, 0.3 * s, 0.6 * s, 0.55 * s)
        _bubble(p, QRectF(0.5 * s, 0.1 * s, 0.4 * s, 0.35 * s))
        _person(p, 0.75 * s, 0.7 * s, 0.45 * s)
    elif code == "FL":  # refugee work and volunteers: people hand in hand
        for x in (0.2, 0.5, 0.8):
            _person(p, x * s, 0.6 * s, 0.45 * s)
        p.drawLine(QPointF(0.25 * s, 0.8 * s), QPointF(0.75 * s, 0.8 * s))
    elif code == "RPB":  # return and the future: a path with an arrow
        path = QPainterPath()
        path.moveTo(0.15 * s, 0.85 * s)
        path.cubicTo(0.2 * s, 0.4 * s, 0.6 * s, 0.6 * s, 0.8 * s, 0.2 * s)
        p.drawPath(path)
        arrow = QPainterPath()
        arrow.moveTo(0.62 * s, 0.2 * s)
        arrow.lineTo(0.82 * s, 0.16 * s)
        arrow.lineTo(0.86 * s, 0.36 * s)
        p.drawPath(arrow)
    elif code == "APPOINTMENT":  # a slip with a calendar grid
        p.drawRoundedRect(QRectF(0.15 * s, 0.15 * s, 0.7 * s, 0.7 * s), 0.06 * s, 0.06 * s)
        p.drawLine(QPointF(0.15 * s, 0.32 * s), QPointF(0.85 * s, 0.32 * s))
        for row in range(3):
            for col in range(4):
                p.drawPoint(QPointF((0.27 + col * 0.15) * s, (0.45 + row * 0.13) * s))
    else:  # a question, or any other service: a speech bubble with a question mark
        _bubble(p, QRectF(0.12 * s, 0.15 * s, 0.76 * s, 0.7 * s))
        font = p.font()
        font.setPixelSize(int(0.35 * s))
        font.setBold(True)
        p.setFont(font)
        p.drawText(QRectF(0.12 * s, 0.15 * s, 0.76 * s, 0.5 * s), Qt.AlignmentFlag.AlignCenter, "?")


def _clock(p: QPainter, centre: QPointF, radius: float, hour: int, minute: int) -> None:
    """A clock face showing hour:minute (the consultation hours' start), filled dark so it reads
    on top of the faded service pictogram."""
    p.save()
    p.setBrush(QColor("#000000"))
    p.drawEllipse(centre, radius, radius)
    p.restore()
    minute_angle = math.radians(minute * 6 - 90)
    hour_angle = math.radians((hour % 12 + minute / 60) * 30 - 90)
    p.drawLine(centre, QPointF(centre.x() + 0.75 * radius * math.cos(minute_angle),
                               centre.y() + 0.75 * radius * math.sin(minute_angle)))
    p.drawLine(centre, QPointF(centre.x() + 0.5 * radius * math.cos(hour_angle),
                               centre.y() + 0.5 * radius * math.sin(hour_angle)))


def pictogram(code: str, size: int, colour: str = "#ffffff", *, opens: time | None = None) -> QIcon:
    """The service's pictogram; with `opens` (the service is closed now) faded, with a clock
    showing when its consultation hours begin - understood without words in any language."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor(colour), max(2.0, size / 22))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if opens is not None:
        painter.setOpacity(0.35)
    _draw(code, painter, float(size))
    if opens is not None:
        painter.setOpacity(1.0)
        _clock(painter, QPointF(0.72 * size, 0.72 * size), 0.26 * size, opens.hour, opens.minute)
    painter.end()
    return QIcon(pixmap)
