"""Login, lock screen and the first-start wizard (the window's front door)."""

from desk.ui.login.dialogs import DemoAccount, FirstStartWizard, LockDialog, LoginDialog, OwnPasswordDialog

__all__ = ["DemoAccount", "FirstStartWizard", "LockDialog", "LoginDialog", "OwnPasswordDialog"]
