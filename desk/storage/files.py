"""Files desk writes hold personal data: folders it creates are 0700, files 0600 (owner only).

desk and desk-admin also run with the umask 077 (desk/cli, desk/app.py), so a file written by a
library or a child process is private from its first byte; these helpers make it explicit and
tighten what an older version or a library created more openly. On Windows the modes are not
meaningful (the user profile's ACLs protect the data directory) and the calls do nothing harmful.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

PRIVATE_UMASK = 0o077


def private_dir(folder: Path) -> Path:
    """Create `folder` (and its parents) if needed; a folder created here gets mode 0700."""
    missing = not folder.exists()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    if missing and os.name == "posix":
        with contextlib.suppress(OSError):
            folder.chmod(0o700)
    return folder


def private_file(path: Path) -> Path:
    """Make `path` readable and writable by its owner only (if it is ours)."""
    if os.name == "posix":
        with contextlib.suppress(OSError):
            if path.stat().st_uid == os.getuid():
                path.chmod(0o600)
    return path
