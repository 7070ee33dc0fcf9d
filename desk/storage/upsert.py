"""INSERT ... ON CONFLICT, in the dialect of the engine in use.

Each engine's `insert` (with `on_conflict_do_update`/`on_conflict_do_nothing`) lives in its dialect's
package. The PostgreSQL one is imported only on PostgreSQL: that package imports the modules of all
its drivers (asyncpg, pg8000, psycopg2, ...), ~30 ms of CPU a SQLite start need not pay (issue 21,
cold start; tests/ui/test_startup_imports.py).
"""

from __future__ import annotations

from typing import Any


def insert_for(dialect_name: str) -> Any:
    """`sqlalchemy.dialects.<engine>.insert` for the dialect named "postgresql" or "sqlite"."""
    if dialect_name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert
