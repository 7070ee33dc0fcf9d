"""Login, lock screen and the first-start wizard (the window's front door)."""

from desk.ui.login.dialogs import FirstStartWizard, LockDialog, LoginDialog

__all__ = ["FirstStartWizard", "LockDialog", "LoginDialog"]
