"""The kiosk window (see the package docstring): five screens in one full-screen window.

language -> choice (appointment / question) -> services (pictograms) -> ticket
                                            -> appointment (code, or date of birth + time) -> ticket

Every database call runs in a worker (ctx.run_in_worker): a slow or absent server never freezes
the screen, it shows the `offline` sentence instead. A ticket is printed (or shown) only after the
service returned it, i.e. after its transaction committed: a printed ticket is always in the
waiting list. Nothing on these screens is ever a name.
"""

from __future__ import annotations

import logging
import math
from datetime import date, time

from PySide6.QtCore import QEvent, QLocale, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desk.domain.errors import DatabaseError, DeskError, ValidationError
from desk.domain.kiosk import CODE_ALPHABET, KioskOffer, KioskRefusedError, KioskTicket
from desk.domain.model import Role
from desk.services.context import Actor
from desk.services.once import new_request_key
from desk.ui import clock as ui_clock
from desk.ui.a11y import announce
from desk.ui.app_icon import set_window_icon
from desk.ui.context import UiContext
from desk.ui.i18n import local
from desk.ui.kiosk.phrases import KioskLanguage, kiosk_languages
from desk.ui.kiosk.pictograms import pictogram
from desk.ui.kiosk.printing import TicketPrinter, system_printer
from desk.ui.widgets.dialog import LockAwareDialog

log = logging.getLogger("desk.kiosk")

IDLE_MS = 30_000  # back to the language choice after 30 seconds without a touch
REFRESH_MS = 20_000  # waits and added languages are re-read this often (and at every screen)
TOUCH_MM = 15.0  # the smallest touch target
HOLD_MS = 3_000  # pressing the title this long asks for the head's password (touch screens)

BACKGROUND, BUTTON, FOCUS, TEXT, ALERT = "#000000", "#0b3d91", "#ffd400", "#ffffff", "#ffd400"
CLOSED_TEXT = "#c8c8c8"  # a service out of its consultation hours (on #262626: contrast 10:1)
STYLE = f"""
QWidget#kiosk {{ background: {BACKGROUND}; }}
QWidget#kiosk QLabel {{ color: {TEXT}; }}
QWidget#kiosk QLabel#message {{ color: {ALERT}; font-weight: bold; }}
QWidget#kiosk QPushButton {{ background: {BUTTON}; color: {TEXT}; border: 3px solid {TEXT}; border-radius: 14px;
    padding: 12px; }}
QWidget#kiosk QPushButton:focus {{ border: 6px solid {FOCUS}; }}
QWidget#kiosk QPushButton:pressed {{ background: #164fb5; }}
QWidget#kiosk QPushButton#secondary {{ background: #333333; }}
QWidget#kiosk QPushButton:disabled {{ background: #262626; border: 3px dashed #9a9a9a; }}
QWidget#kiosk QPushButton[key="true"] {{ padding: 2px; }}
QWidget#kiosk QLineEdit {{ background: #ffffff; color: #000000; border: 3px solid {TEXT}; padding: 8px; }}
QWidget#kiosk QLineEdit:focus {{ border: 6px solid {FOCUS}; }}
"""

PAGES = ("language", "choice", "services", "appointment", "ticket")


def touch_pixels(widget: QWidget | None = None) -> int:
    """TOUCH_MM in pixels on the screen the kiosk is on."""
    screen = (widget.screen() if widget is not None else None) or QGuiApplication.primaryScreen()
    dpi = screen.physicalDotsPerInch() if screen is not None else 96.0
    return math.ceil(TOUCH_MM / 25.4 * max(dpi, 96.0))


def _font(widget: QWidget, points: int, *, bold: bool = False) -> None:
    font = QFont(widget.font())
    font.setPointSize(points)
    font.setBold(bold)
    widget.setFont(font)


def _label(points: int, *, bold: bool = False, name: str = "") -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setObjectName(name)
    _font(label, points, bold=bold)
    return label


# Languages Qt names differently: Dari is the Persian of Afghanistan.
_QT_LOCALES = {"prs": "fa_AF"}


def _weekday_locale(code: str) -> QLocale:
    """The locale whose weekday names the kiosk shows for a language; German (the centre's
    language, on every sign in the house) where Qt knows none, never Qt's English default."""
    locale = QLocale(_QT_LOCALES.get(code, code))
    return QLocale("de") if locale.language() == QLocale.Language.C else locale


class KioskButton(QPushButton):
    """A large touch target (never smaller than TOUCH_MM either way) whose accessible name is
    what it says."""

    def __init__(self, text: str = "", *, points: int = 26, name: str = "") -> None:
        super().__init__(text)
        self.setObjectName(name)
        _font(self, points, bold=True)
        side = touch_pixels()
        self.setMinimumSize(QSize(side, side))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(text)

    def set_text(self, text: str, description: str = "") -> None:
        self.setText(text)
        self.setAccessibleName(text)
        self.setAccessibleDescription(description)


class KioskTile(KioskButton):
    """A large button with a pictogram (optional) above wrapped text: a service, or a choice with
    its one-line explanation. The labels inside let every touch through to the button."""

    def __init__(self, *, points: int = 24, name: str = "") -> None:
        super().__init__("", points=points, name=name)
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption = _label(points, bold=True)
        self.caption.setStyleSheet("background: transparent;")
        self.detail = _label(max(16, points - 6))
        self.detail.setStyleSheet("background: transparent;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addStretch(1)
        for widget in (self.picture, self.caption, self.detail):
            widget.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
            layout.addWidget(widget)
        layout.addStretch(1)
        self.picture.hide()
        self.detail.hide()

    def set_tile(self, caption: str, detail: str = "", *, icon=None, icon_size: int = 0) -> None:
        self.caption.setText(caption)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        if icon is not None:
            self.picture.setPixmap(icon.pixmap(icon_size, icon_size))
            self.picture.show()
        self.setAccessibleName(caption)
        self.setAccessibleDescription(detail)

    def text_shown(self) -> str:
        return "\n".join(t for t in (self.caption.text(), self.detail.text()) if t)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return self.layout().sizeHint().expandedTo(self.minimumSize())


class ExitDialog(LockAwareDialog):
    """The head's user name and password, checked by the login (with its brake on wrong
    passwords, in a worker). Only a head of department may leave the kiosk."""

    sig_allowed = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("desk – Kiosk")
        self.setAccessibleName("Kiosk beenden / Leave the kiosk")
        # a child of the kiosk: its high-contrast rules reach in; the background must match them
        self.setStyleSheet(f"QDialog {{ background: {BACKGROUND}; }} QLabel {{ color: {TEXT}; font-size: 14pt; }}")
        self.username = QLineEdit()
        self.username.setAccessibleName("Benutzername / User name")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName("Passwort / Password")
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        ok = QPushButton("Beenden / Leave")
        ok.setDefault(True)
        cancel = QPushButton("Abbrechen / Cancel")
        ok.clicked.connect(self.check)
        cancel.clicked.connect(self.reject)
        form = QFormLayout()
        form.addRow(QLabel("Leitung – Benutzername / Head – user name:"), self.username)
        form.addRow(QLabel("Passwort / Password:"), self.password)
        buttons = QHBoxLayout()
        buttons.addWidget(ok)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Nur die Leitung kann den Kiosk beenden. / Only the head of department may leave the kiosk."))
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.ok = ok

    def check(self) -> None:
        username, password = self.username.text(), self.password.text()
        self.ok.setEnabled(False)

        def verify() -> Actor:
            # rehash=False: the kiosk's database role may not write password hashes
            return self.ctx.services.accounts.login(Actor.login_screen(), username, password, rehash=False)

        def done(actor: Actor) -> None:
            self.ok.setEnabled(True)
            if actor.role is Role.HEAD and actor.password_one_time:
                # a password someone else set opens nothing until its owner chose their own (at a PC)
                self._refuse("Dieses Passwort gilt nur einmal: erst am PC ein eigenes wählen. / "
                             "This password is valid only once: choose your own at a PC first.")
            elif actor.role is Role.HEAD:
                self.sig_allowed.emit()
                self.accept()
            else:
                self._refuse("Nur die Leitung kann den Kiosk beenden. / Only the head of department may leave the kiosk.")

        def failed(error: Exception) -> None:
            self.ok.setEnabled(True)
            self._refuse(error.message() if isinstance(error, DeskError) else str(error))

        self.ctx.run_in_worker(verify, done, failed, receiver=self)

    def _refuse(self, text: str) -> None:
        self.password.clear()
        self.message.setText(text)
        announce(self.message, text, assertive=True)


class KioskWindow(QWidget):
    """The self-service kiosk. `printer`: where tickets go (default: the system's default printer;
    None there: the ticket is shown on screen only). `clock`: the time the kiosk's requests use."""

    sig_page = Signal(str)
    sig_ticket = Signal(object)  # the KioskTicket, once it is in the database

    def __init__(self, ctx: UiContext, *, printer: TicketPrinter | None = None, idle_ms: int = IDLE_MS,
                 clock=None) -> None:
        super().__init__()
        self.ctx = ctx
        self.actor = ctx.actor
        self.printer = printer if printer is not None else system_printer()
        self.clock = clock or ui_clock.now
        self.setObjectName("kiosk")
        set_window_icon(self)
        self.setStyleSheet(STYLE)
        self.setWindowTitle("desk – Kiosk")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.languages: list[KioskLanguage] = kiosk_languages()
        self.language: KioskLanguage = self.languages[0]
        self.offers: list[KioskOffer] = []
        self.offline = False
        self.busy = False
        self.ticket: KioskTicket | None = None
        self.printed = False  # the shown ticket went to the printer
        # one request key per ticket the person is after (this service, this code): a touch again
        # after "offline" whose first try was saved gets that ticket, not a second (services/once.py)
        self._request_keys: dict[tuple, str] = {}
        self._may_close = False
        self._build()
        self.idle = QTimer(self, singleShot=True, interval=idle_ms, timeout=self.reset)
        self.refresh_timer = QTimer(self, interval=REFRESH_MS, timeout=self.refresh)
        self.hold = QTimer(self, singleShot=True, interval=HOLD_MS, timeout=self.ask_exit)
        QApplication.instance().installEventFilter(self)
        for sequence in ("Ctrl+Shift+Q", "Ctrl+Alt+End"):
            QShortcut(QKeySequence(sequence), self, activated=self.ask_exit)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, activated=self.back)
        self.exit_dialog: ExitDialog | None = None
        self.reset()
        self.refresh()
        self.refresh_timer.start()

    # -- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.title = _label(30, bold=True, name="title")
        self.title.installEventFilter(self)
        self.subtitle = _label(22, name="subtitle")
        self.message = _label(22, bold=True, name="message")
        self.message.setAccessibleName("message")
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}
        for name in PAGES:
            page = QWidget()
            page.setObjectName(f"page_{name}")
            self.pages[name] = page
            self.stack.addWidget(page)
        self._build_language_page()
        self._build_choice_page()
        self._build_services_page()
        self._build_appointment_page()
        self._build_ticket_page()
        self.back_button = KioskButton(name="secondary")
        self.back_button.clicked.connect(self.back)
        self.start_button = KioskButton(name="secondary")
        self.start_button.clicked.connect(self.reset)
        for button in (self.back_button, self.start_button):
            button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            button.setMinimumSize(QSize(touch_pixels() * 3, int(touch_pixels() * 1.2)))
        bottom = QHBoxLayout()
        bottom.addWidget(self.back_button)
        bottom.addStretch(1)
        bottom.addWidget(self.start_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.message)
        layout.addLayout(bottom)

    def _build_language_page(self) -> None:
        self.language_grid = QGridLayout(self.pages["language"])
        self.language_grid.setSpacing(16)
        self.language_buttons: dict[str, KioskButton] = {}
        self._fill_language_buttons()

    def _fill_language_buttons(self) -> None:
        for button in self.language_buttons.values():
            self.language_grid.removeWidget(button)
            button.hide()  # at once: deleteLater waits for the event loop, and until then the old
            button.deleteLater()  # tile would stay on screen (and touchable) under the new ones
        self.language_buttons = {}
        columns = 2 if len(self.languages) <= 10 else 3
        for index, language in enumerate(self.languages):
            button = KioskButton(language.name, points=30, name=f"language_{language.code}")
            button.setLayoutDirection(Qt.LayoutDirection.RightToLeft if language.rtl else Qt.LayoutDirection.LeftToRight)
            button.clicked.connect(lambda _=False, code=language.code: self.choose_language(code))
            self.language_grid.addWidget(button, index // columns, index % columns)
            button.show()  # a layout shows a new child only later (queued)
            self.language_buttons[language.code] = button

    def _build_choice_page(self) -> None:
        layout = QHBoxLayout(self.pages["choice"])
        layout.setSpacing(24)
        self.appointment_button = KioskTile(points=30, name="appointment")
        self.question_button = KioskTile(points=30, name="question")
        self.appointment_button.clicked.connect(lambda: self.show_page("appointment"))
        self.question_button.clicked.connect(self.show_services)
        layout.addWidget(self.appointment_button)
        layout.addWidget(self.question_button)

    def _build_services_page(self) -> None:
        self.service_grid = QGridLayout(self.pages["services"])
        self.service_grid.setSpacing(16)
        self.service_buttons: dict[int, KioskButton] = {}

    def _build_appointment_page(self) -> None:
        page = self.pages["appointment"]
        self.code_label = _label(20, bold=True)
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("code")
        self.code_edit.setMaxLength(9)
        self.or_label = _label(18)
        self.birth_label = _label(18, bold=True)
        self.birth_edit = QLineEdit()
        self.birth_edit.setObjectName("birth")
        self.birth_edit.setInputMask("99.99.9999;_")
        self.time_label = _label(18, bold=True)
        self.time_edit = QLineEdit()
        self.time_edit.setObjectName("time")
        self.time_edit.setInputMask("99:99;_")
        for edit in (self.code_edit, self.birth_edit, self.time_edit):
            _font(edit, 26, bold=True)
            edit.setMinimumHeight(touch_pixels())
            edit.setAlignment(Qt.AlignmentFlag.AlignCenter)
            edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # codes, dates and times read left to right
            edit.returnPressed.connect(self.check_in_appointment)
        self.code_edit.textEdited.connect(lambda: self.code_edit.setText(self.code_edit.text().upper()))
        self.target = self.code_edit
        for edit in (self.code_edit, self.birth_edit, self.time_edit):
            edit.installEventFilter(self)
        keys = QGridLayout()
        keys.setSpacing(6)
        self.key_buttons: list[KioskButton] = []
        for index, key in enumerate("1234567890" + CODE_ALPHABET):
            button = KioskButton(key, points=22, name=f"key_{key}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard types into the fields directly
            button.setProperty("key", True)
            button.clicked.connect(lambda _=False, k=key: self.type_key(k))
            keys.addWidget(button, index // 11, index % 11)
            self.key_buttons.append(button)
        self.delete_button = KioskButton(points=20, name="key_delete")
        self.delete_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.delete_button.setProperty("key", True)
        self.delete_button.clicked.connect(self.delete_key)
        keys.addWidget(self.delete_button, 3, 0, 1, 3)
        self.check_in_button = KioskButton(points=22, name="check_in")
        self.check_in_button.clicked.connect(self.check_in_appointment)
        self.check_in_button.setProperty("key", True)
        keys.addWidget(self.check_in_button, 3, 3, 1, 8)
        fields = QGridLayout()
        fields.addWidget(self.code_label, 0, 0, 1, 2)
        fields.addWidget(self.code_edit, 1, 0, 1, 2)
        fields.addWidget(self.or_label, 2, 0, 1, 2)
        fields.addWidget(self.birth_label, 3, 0)
        fields.addWidget(self.time_label, 3, 1)
        fields.addWidget(self.birth_edit, 4, 0)
        fields.addWidget(self.time_edit, 4, 1)
        keypad = QWidget()
        keypad.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # a keypad keeps its order in every script
        keypad.setLayout(keys)
        layout = QVBoxLayout(page)
        layout.addLayout(fields)
        layout.addWidget(keypad, 1)
        self.code_label.setBuddy(self.code_edit)
        self.birth_label.setBuddy(self.birth_edit)
        self.time_label.setBuddy(self.time_edit)

    def _build_ticket_page(self) -> None:
        page = self.pages["ticket"]
        self.ticket_number = _label(110, bold=True, name="ticket_number")
        self.ticket_number.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.ticket_service = _label(24, name="ticket_service")
        self.ticket_wait = _label(26, bold=True, name="ticket_wait")
        self.ticket_hint = _label(22, name="ticket_hint")
        self.ticket_print = _label(22, bold=True, name="ticket_print")
        self.done_button = KioskButton(points=28, name="done")
        self.done_button.clicked.connect(self.reset)
        self.done_button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.done_button.setMinimumSize(QSize(touch_pixels() * 5, int(touch_pixels() * 1.5)))
        layout = QVBoxLayout(page)
        for widget in (self.ticket_number, self.ticket_service, self.ticket_wait, self.ticket_hint, self.ticket_print):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.done_button, 0, Qt.AlignmentFlag.AlignHCenter)

    # -- navigation -------------------------------------------------------------------------

    @property
    def page(self) -> str:
        return PAGES[self.stack.currentIndex()]

    def reset(self) -> None:
        """Back to the language choice, every input gone (after 30 s idle, or 'start again')."""
        self.ticket = None
        self._request_keys.clear()  # the next person
        for edit in (self.code_edit, self.birth_edit, self.time_edit):
            edit.clear()
        self.language = self.languages[0]
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.show_page("language")

    def choose_language(self, code: str) -> None:
        self.language = next((lang for lang in self.languages if lang.code == code), self.languages[0])
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft if self.language.rtl else Qt.LayoutDirection.LeftToRight)
        self.show_page("choice")

    def show_services(self) -> None:
        self.show_page("services")
        self.refresh()

    def back(self) -> None:
        previous = {"choice": "language", "services": "choice", "appointment": "choice", "ticket": "language"}
        if self.page == "language":
            return
        if previous[self.page] == "language":
            self.reset()
        else:
            self.show_page(previous[self.page])

    def show_page(self, name: str) -> None:
        self.stack.setCurrentWidget(self.pages[name])
        self.set_message("")
        self.retranslate()
        self.back_button.setVisible(name not in ("language", "ticket"))
        self.start_button.setVisible(name not in ("language", "ticket"))
        first = {"language": next(iter(self.language_buttons.values()), None), "choice": self.appointment_button,
                 "services": next(iter(self.service_buttons.values()), None), "appointment": self.code_edit,
                 "ticket": self.done_button}[name]
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        if name == "appointment":
            self.target = self.code_edit
        self.idle.start()
        announce(self.title, self.title.text())
        self.sig_page.emit(name)

    # -- texts ------------------------------------------------------------------------------

    def text(self, key: str, **values: object) -> str:
        return self.language.text(key, **values)

    def retranslate(self) -> None:
        name = self.page
        if name == "language":
            self.title.setText(self.languages[0].text("choose_language"))
            self.set_subtitle(" · ".join(lang.text("choose_language") for lang in self.languages[1:4]))
        elif name == "choice":
            self.title.setText(self.language.name)
            self.set_subtitle("")
            self.appointment_button.set_tile(self.text("appointment"), self.text("appointment_hint"),
                                             icon=pictogram("appointment", 160), icon_size=160)
            self.question_button.set_tile(self.text("question"), self.text("question_hint"),
                                          icon=pictogram("question", 160), icon_size=160)
        elif name == "services":
            self.title.setText(self.text("choose_service"))
            self.set_subtitle("")
            self._fill_services()
        elif name == "appointment":
            self.title.setText(self.text("appointment"))
            self.set_subtitle("")  # the code's label says it; the keypad needs the room
            self.code_label.setText(f"{self.text('code')} ({self.text('code_hint')})")
            self.or_label.setText(self.text("or_birth"))
            self.birth_label.setText(f"{self.text('birth_date')} ({self.text('birth_hint')})")
            self.time_label.setText(f"{self.text('time')} ({self.text('time_hint')})")
            for edit, label in ((self.code_edit, self.code_label), (self.birth_edit, self.birth_label),
                                (self.time_edit, self.time_label)):
                edit.setAccessibleName(label.text())
            self.delete_button.set_text(self.text("delete"))
            self.check_in_button.set_text(self.text("check_in"))
        elif name == "ticket":
            self._show_ticket_texts()
        self.back_button.set_text(self.text("back"))
        self.start_button.set_text(self.text("start"))
        self.done_button.set_text(self.text("done"))
        self.title.setAccessibleName(self.title.text())

    def _fill_services(self) -> None:
        for button in self.service_buttons.values():
            self.service_grid.removeWidget(button)
            button.hide()  # at once: deleteLater waits for the event loop, and until then the old
            button.deleteLater()  # tile would stay on screen (and touchable) under the new ones
        self.service_buttons = {}
        side = max(80, int(touch_pixels() * 1.5))
        for index, offer in enumerate(self.offers):
            sentence = self.language.service_sentence(offer.code, offer.name_de)
            button = KioskTile(points=22, name=f"service_{offer.code}")
            opens = None if offer.open or offer.hours is None else local(offer.hours.starts_at).time()
            button.set_tile(sentence, self._offer_detail(offer), icon=pictogram(offer.code, side, opens=opens),
                            icon_size=side)
            # closed now (no consultation hours): no ticket to wait in vain for; the tile shows when
            button.setEnabled(offer.open)
            if not offer.open:
                for label in (button.caption, button.detail):
                    label.setStyleSheet(f"background: transparent; color: {CLOSED_TEXT};")
            button.clicked.connect(lambda _=False, service_id=offer.id: self.take_ticket(service_id))
            self.service_grid.addWidget(button, index // 2, index % 2)
            button.show()  # a layout shows a new child only later (queued)
            self.service_buttons[offer.id] = button

    def _wait_text(self, minutes: int | None) -> str:
        return self.text("wait_unknown") if minutes is None else self.text("wait_minutes", minutes=minutes)

    def _hours_text(self, offer: KioskOffer) -> str:
        """The consultation hours going on or next, without words: "09:00–12:00" today, with the
        weekday in the chosen language's own short name on another day ("Do 14:00–16:00"); the
        times kept left to right inside right-to-left text."""
        if offer.hours is None:
            return ""
        start, end = local(offer.hours.starts_at), local(offer.hours.ends_at)
        times = f"\u2066{start:%H:%M}\u2013{end:%H:%M}\u2069"
        if start.date() == local(self.clock()).date():
            return times
        day = _weekday_locale(self.language.code).dayName(start.isoweekday(), QLocale.FormatType.ShortFormat)
        return f"{day} {times}"

    def _offer_detail(self, offer: KioskOffer) -> str:
        hours = self._hours_text(offer)
        if not offer.open:
            return hours
        wait = self._wait_text(offer.estimate.minutes)
        return f"{wait}\n{hours}" if hours else wait

    def set_subtitle(self, text: str) -> None:
        self.subtitle.setText(text)
        self.subtitle.setVisible(bool(text))

    def set_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        if text:
            self.message.setAccessibleName(text)
            announce(self.message, text, assertive=True)

    # -- the idle reset and leaving -----------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        kind = event.type()
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.KeyPress):
            if self.page != "language" or self.idle.isActive():
                self.idle.start()
        if watched is self.title:
            if kind == QEvent.Type.MouseButtonPress:
                self.hold.start()
            elif kind == QEvent.Type.MouseButtonRelease:
                self.hold.stop()
        elif kind == QEvent.Type.FocusIn and watched in (self.code_edit, self.birth_edit, self.time_edit):
            self.target = watched
        return False

    def ask_exit(self) -> None:
        if self.exit_dialog is not None and self.exit_dialog.isVisible():
            return
        self.exit_dialog = ExitDialog(self.ctx, self)
        self.exit_dialog.sig_allowed.connect(self.leave)
        self.exit_dialog.open()

    def leave(self) -> None:
        self._may_close = True
        self.close()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if not self._may_close:
            event.ignore()
            self.ask_exit()
            return
        self.refresh_timer.stop()
        self.idle.stop()
        QApplication.instance().removeEventFilter(self)
        super().closeEvent(event)

    # -- the database (always in a worker) -----------------------------------------------------

    def refresh(self) -> None:
        """Re-read the offers (waits) and the head's languages."""
        services = self.ctx.services

        def load():
            return services.kiosk.offers(self.actor, now=self.clock()), services.kiosk.languages(self.actor)

        self.ctx.run_in_worker(load, self._loaded, self._failed, receiver=self)

    def _loaded(self, result) -> None:
        offers, added = result
        self._set_offline(False)
        changed = [(o.id, o.open, o.hours) for o in offers] != [(o.id, o.open, o.hours) for o in self.offers]
        self.offers = offers
        languages = kiosk_languages(added)
        if [(x.code, x.name, x.texts, x.services) for x in languages] != [
                (x.code, x.name, x.texts, x.services) for x in self.languages]:
            self.languages = languages
            self.language = next((x for x in languages if x.code == self.language.code), languages[0])
            self._fill_language_buttons()
            changed = True
        if self.page == "services":
            if changed or not self.service_buttons:
                self._fill_services()
            else:
                for offer in offers:
                    button = self.service_buttons.get(offer.id)
                    if button is not None:
                        button.set_tile(button.caption.text(), self._offer_detail(offer))

    def _set_offline(self, offline: bool) -> None:
        if offline != self.offline:
            self.offline = offline
            self.set_message(self.text("offline") if offline else "")

    def _failed(self, error: Exception) -> None:
        self.busy = False
        if isinstance(error, KioskRefusedError):
            minutes = max(1, math.ceil(error.wait_seconds / 60))
            self.set_message(self.text(error.reason if error.reason in self.language.texts else "ambiguous",
                                       minutes=minutes))
            if error.reason == "wait":
                self.code_edit.clear()
            return
        if isinstance(error, ValidationError):
            self.set_message(self.text("not_found"))
            return
        if not isinstance(error, DatabaseError):
            log.error("kiosk: %s", type(error).__name__, exc_info=error)
        self.offline = False
        self._set_offline(True)

    def take_ticket(self, service_id: int) -> None:
        if self.busy:
            return  # one ticket per touch, however often the button is pressed
        self.busy = True
        services, language, now = self.ctx.services, self.language.code, self.clock()
        key = self._request_keys.setdefault(("service", service_id), new_request_key())
        self.ctx.run_in_worker(lambda: services.kiosk.take_ticket(self.actor, service_id, language, now=now,
                                                                  request_key=key),
                               self._ticket_taken, self._failed, receiver=self)

    def type_key(self, key: str) -> None:
        target = self.target
        if target is self.code_edit or key.isdigit():
            target.insert(key)
        target.setFocus()

    def delete_key(self) -> None:
        self.target.backspace()
        self.target.setFocus()

    def check_in_appointment(self) -> None:
        if self.busy:
            return
        code = self.code_edit.text().strip()
        birth: date | None = None
        at: time | None = None
        if not code:
            try:
                day, month, year = (int(p) for p in self.birth_edit.text().split("."))
                hour, minute = (int(p) for p in self.time_edit.text().split(":"))
                birth, at = date(year, month, day), time(hour, minute)
            except ValueError:
                self.set_message(self.text("not_found"))
                return
        self.busy = True
        services, language, now = self.ctx.services, self.language.code, self.clock()
        key = self._request_keys.setdefault(("appointment", code, birth, at), new_request_key())
        self.ctx.run_in_worker(
            lambda: services.kiosk.check_in_appointment(self.actor, code=code, birth_date=birth, at=at,
                                                        language=language, now=now, request_key=key),
            self._ticket_taken, self._failed, receiver=self)

    def _ticket_taken(self, ticket: KioskTicket) -> None:
        """The ticket is committed: now (and only now) it is printed and shown."""
        self.busy = False
        self.offline = False
        self.ticket = ticket
        self.printed = False
        if self.printer.available():
            try:
                self.printer.print_ticket(ticket, self._ticket_lines(ticket), rtl=self.language.rtl)
                self.printed = True
            except Exception as error:  # a jammed printer must not lose the ticket: it stays on screen
                log.error("kiosk: printing failed: %s", error)
        self.sig_ticket.emit(ticket)
        self.show_page("ticket")

    def _ticket_lines(self, ticket: KioskTicket) -> list[str]:
        offer = next((o for o in self.offers if o.id == ticket.service_id), None)
        lines = [self.text("ticket"), ticket.ticket]
        if offer is not None:
            lines.append(self.language.service_sentence(offer.code, offer.name_de))
        if ticket.appointment_at is not None:
            lines.append(self.text("checked_in", time=f"{local(ticket.appointment_at):%H:%M}"))
        else:
            lines.append(self._wait_text(ticket.estimate.minutes))
        lines.append(self.text("ticket_hint"))
        lines.append(f"{local(ticket.arrived_at):%d.%m.%Y %H:%M}")
        return lines

    def _show_ticket_texts(self) -> None:
        ticket = self.ticket
        if ticket is None:
            return
        offer = next((o for o in self.offers if o.id == ticket.service_id), None)
        self.title.setText(self.text("ticket"))
        self.set_subtitle("")
        self.ticket_number.setText(ticket.ticket)
        self.ticket_number.setAccessibleName(f"{self.text('ticket')}: {ticket.ticket}")
        self.ticket_service.setText(self.language.service_sentence(offer.code, offer.name_de) if offer else "")
        if ticket.appointment_at is not None:
            self.ticket_wait.setText(self.text("checked_in", time=f"{local(ticket.appointment_at):%H:%M}"))
        else:
            wait = self._wait_text(ticket.estimate.minutes)
            self.ticket_wait.setText(f"{wait}\n{self.text('ahead', ahead=ticket.estimate.ahead)}")
        self.ticket_hint.setText(self.text("ticket_hint"))
        self.ticket_print.setText(self.text("printed") if self.printed else self.text("no_printer"))


def open_kiosk(ctx: UiContext, *, full_screen: bool = True, printer: TicketPrinter | None = None) -> KioskWindow:
    window = KioskWindow(ctx, printer=printer)
    window.resize(1280, 800)
    if full_screen:
        window.showFullScreen()
    else:
        window.show()
    return window
