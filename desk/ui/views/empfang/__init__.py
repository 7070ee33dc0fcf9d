"""The reception view (Empfang): search, today's appointments, check-in, reception card."""

from desk.ui.views.empfang.view import EmpfangView

__all__ = ["EmpfangView"]
