"""The log of desk and desk-admin: a rotating file in the platform's user log folder.

    Windows  %LOCALAPPDATA%\\Diakonie\\desk\\Logs\\desk.log   (desk-admin.log, faults.log beside it)
    Linux    ~/.local/state/desk/log/desk.log
    (DESK_LOG_DIR names another folder.)

- 1 MB per file, 5 old files kept (desk.log.1 ... .5).
- faulthandler writes a hard crash's Python stacks into faults.log in the same folder.
- Without a console (the windowed program on Windows has sys.stderr = None) whatever would have
  gone to stdout/stderr goes into the log instead, so nothing is lost.
- The terminal shows warnings and errors only; informational lines (Alembic's "Running upgrade",
  backups made) go to the file.
- No client data: nothing in desk logs names, notes or phone numbers, and the database engine
  hides statement parameters in its errors (storage/engine.py, hide_parameters) so a traceback
  cannot carry them. tests/ui/test_logs.py runs a day at the desk and scans the log.
"""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import os
import re
import sys
from pathlib import Path

from platformdirs import user_log_path

from desk.services.paths import APP_AUTHOR, APP_NAME

LOG_DIR_VARIABLE = "DESK_LOG_DIR"
MAX_BYTES = 1_000_000
KEEP_FILES = 5
_FORMAT = "%(asctime)s %(levelname)s [%(process)d] %(name)s: %(message)s"
_state: dict[str, object] = {}


def log_dir() -> Path:
    override = os.environ.get(LOG_DIR_VARIABLE, "").strip()
    return Path(override) if override else user_log_path(APP_NAME, APP_AUTHOR)


class _StreamToLog:
    """A stand-in for a missing sys.stdout/sys.stderr: each line becomes a log record."""

    def __init__(self, logger: logging.Logger, level: int) -> None:
        self._logger, self._level, self._buffer = logger, level, ""

    def write(self, text: str) -> int:
        self._buffer += text
        while "\n" in self._buffer:
            line, self._buffer = self._buffer.split("\n", 1)
            if line.strip():
                self._logger.log(self._level, line)
        return len(text)

    def flush(self) -> None:
        if self._buffer.strip():
            self._logger.log(self._level, self._buffer)
        self._buffer = ""

    def isatty(self) -> bool:
        return False


class _StderrHandler(logging.StreamHandler):
    """Writes to whatever sys.stderr is at the time (it may be replaced after set-up)."""

    @property  # type: ignore[override]
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, _value) -> None:
        pass


#: `extra={LOG_ONLY: True}`: a record for the log file, not the terminal (desk-admin prints its
#: own plain message; the traceback of an unexpected error is for whoever fixes it)
LOG_ONLY = "desk_log_only"


def setup_logging(program: str) -> Path | None:
    """Log to <log dir>/<program>.log; returns the file (None when the folder cannot be written:
    then only the terminal gets the messages). Safe to call more than once."""
    if _state.get("program") == program:
        return _state.get("file")  # type: ignore[return-value]
    root = logging.getLogger()
    for handler in _state.get("handlers", ()):  # type: ignore[union-attr]
        root.removeHandler(handler)
        handler.close()
    handlers: list[logging.Handler] = []
    folder = log_dir()
    path: Path | None = folder / f"{program}.log"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        file_handler = logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=KEEP_FILES,
                                                            encoding="utf-8", delay=True)
        file_handler.setLevel(logging.INFO)
        file_handler.setFormatter(_RedactingFormatter(_FORMAT))
        handlers.append(file_handler)
        if "faults" not in _state:
            faults = open(folder / "faults.log", "a", encoding="utf-8")  # noqa: SIM115 - open for the process
            faulthandler.enable(file=faults, all_threads=True)
            _state["faults"] = faults
    except OSError:
        path = None
    if sys.stderr is not None:
        console = _StderrHandler()
        console.setLevel(logging.WARNING)
        console.addFilter(lambda record: not getattr(record, LOG_ONLY, False))
        console.setFormatter(_RedactingFormatter("%(levelname)s %(name)s: %(message)s"))
        handlers.append(console)
    else:  # windowed on Windows: print() and warnings must land somewhere
        sys.stderr = _StreamToLog(logging.getLogger("stderr"), logging.WARNING)  # type: ignore[assignment]
    if sys.stdout is None:
        sys.stdout = _StreamToLog(logging.getLogger("stdout"), logging.INFO)  # type: ignore[assignment]
    for handler in handlers:
        root.addHandler(handler)
    root.setLevel(logging.INFO)
    logging.captureWarnings(True)
    _state.update(program=program, file=path, handlers=handlers)
    return path


_URL_PASSWORD = re.compile(r"(://[^:/@\s]+:)[^@\s]+@")
#: PostgreSQL's DETAIL ("Failing row contains (...)", "Key (x)=(...)") quotes the row's values
_PG_DETAIL = re.compile(r"(DETAIL:)[^\n]*")


def redact(text: str) -> str:
    """A message as it may be logged: passwords in database addresses become ***, and the
    server's DETAIL lines (which quote a row's values: names, phone numbers) are left out."""
    return _PG_DETAIL.sub(r"\1 (left out: it may quote client data)", _URL_PASSWORD.sub(r"\1***@", text))


class _RedactingFormatter(logging.Formatter):
    """Redacts the whole record as written, the traceback of an error included."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def current_log_file() -> Path | None:
    return _state.get("file")  # type: ignore[return-value]
