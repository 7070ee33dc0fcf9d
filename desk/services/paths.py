"""Where desk keeps its files: the per-user data directory (platformdirs)."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_path

from desk.storage.files import PRIVATE_UMASK

__all__ = ["PRIVATE_UMASK", "data_dir", "default_backup_dir", "default_database_path"]

APP_NAME = "desk"
APP_AUTHOR = "Diakonie"


def data_dir() -> Path:
    return user_data_path(APP_NAME, APP_AUTHOR)


def default_database_path() -> Path:
    return data_dir() / "desk.sqlite"


def default_backup_dir(database_path: Path) -> Path:
    return database_path.parent / "backups"
