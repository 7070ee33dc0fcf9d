"""The statistics view (Statistik, head of department): figures of a period, charts, exports."""

from desk.ui.views.statistik.view import StatistikView

__all__ = ["StatistikView"]
