"""The Qt user interface (the only layer importing PySide6)."""

from desk.ui.compat import protect_none

# PySide6 6.12.0 on Python 3.11 loses a reference to None on every void Qt call and would abort
# the process after a few thousand calls; see desk/ui/compat.py.
protect_none()
