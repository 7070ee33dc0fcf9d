"""The self-service kiosk (`desk --kiosk`, issue 20): a full-screen touch program at the entrance.
People choose their language (each in its own script), then "I have an appointment" (the slip's
code, or date of birth + time) or "I have a question" (the services as large pictograms with one
plain sentence each), and get a ticket number with the waiting list's own estimate, printed
through the system's print queue (on screen only without a printer). It acts as Actor.kiosk()
(Permission.KIOSK only; on PostgreSQL the <prefix>_kiosk role), never shows a name, resets after
30 seconds without a touch, and closes only with the head's password."""

from desk.ui.kiosk.window import KioskWindow, open_kiosk

__all__ = ["KioskWindow", "open_kiosk"]
