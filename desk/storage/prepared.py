"""Statements of a hot path, compiled once per dialect and run on the driver's cursor (issue 21).

SQLAlchemy's execution of a Core statement - the compiled-cache lookup, the execution context,
the parameter processing by name, the result object and its metadata, the events - costs
~0.05-0.1 ms of CPU per statement, several times what SQLite takes to run the check-in's
statements. A `Prepared` statement is still built as SQLAlchemy Core (in desk/storage only);
what it skips is the per-execution machinery:

- compiled ONCE per dialect (and per set of parameter names): the SQL text, the order of the
  positional parameters, each parameter's bind processor (UTCDateTime, Date, Boolean, ...), the
  values fixed in the statement (`value + 1`) and the column defaults SQLAlchemy would fill in;
- run on the session's own driver connection (the same transaction) with one `cursor.execute`;
- its rows converted by the same result processors SQLAlchemy applies (`type.result_processor`
  for the cursor's column types), taken once from the first execution's cursor description.

The answer is the same as `connection.execute(statement, params).all()` as tuples, which
tests/integration/test_prepared.py checks on both engines. A driver error goes through the
Connection's own error handling (`_handle_dbapi_exception`): it is wrapped in the same
SQLAlchemy exception (an IntegrityError stays one), and a connection that died is invalidated,
exactly as when SQLAlchemy executes. Not supported (refused when compiled): expanding `IN`
parameters, literal-execute parameters, server-side or clause defaults, executemany.
No `before_cursor_execute` event is fired: count statements at the driver (scripts/count_checkin.py).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.orm import Session
from sqlalchemy.sql import ClauseElement

_MISSING = object()


class _Compiled:
    """One statement compiled for one dialect and one set of parameter names."""

    __slots__ = ("sql", "positional", "template", "variable", "sql_names", "converters", "dialect",
                 "_result_types")

    def __init__(self, statement: ClauseElement, dialect: Dialect, keys: tuple[str, ...]) -> None:
        compiled = statement.compile(dialect=dialect, column_keys=list(keys))
        if compiled.literal_execute_params or compiled.post_compile_params:
            raise ValueError("a prepared statement cannot have expanding or literal-execute parameters")
        self.dialect = dialect
        self.sql: str = compiled.string
        self.positional = bool(compiled.positional)
        names: Sequence[str] = compiled.positiontup if self.positional else list(compiled.bind_names.values())
        by_name = {bind_name: bind for bind, bind_name in compiled.bind_names.items()}
        defaults = _defaults(compiled)
        escaped = compiled.escaped_bind_names or {}
        # (the name in the caller's parameters, the name in the SQL, a fixed value or _MISSING,
        #  a default-maker or None, the bind processor or None)
        template: list[Any] = []  # the values in statement order: fixed ones filled in once
        variable = []  # (position, the caller's name, a default-maker or None, bind processor or None)
        sql_names: list[str] = []
        seen: set[str] = set()
        for name in names:
            if not self.positional and name in seen:
                continue
            seen.add(name)
            bind = by_name[name]
            processor = bind.type._cached_bind_processor(dialect)  # noqa: SLF001 - what SQLAlchemy calls
            fixed: Any = _MISSING
            make: Callable[[], Any] | None = None
            if name in keys:
                pass
            elif name in defaults:
                fixed, make = defaults[name]
            elif bind.callable is not None:
                raise ValueError(f"parameter {name!r}: callable values are not supported")
            elif bind.value is not None or not bind.required:
                fixed = bind.effective_value
            else:
                raise ValueError(f"parameter {name!r} has no value")
            if fixed is _MISSING:
                variable.append((len(template), name, make, processor))
            elif processor is not None:
                fixed = processor(fixed)
            template.append(fixed)
            sql_names.append(escaped.get(name, name))
        self.template = template
        self.variable = tuple(variable)
        self.sql_names = tuple(sql_names)
        self.converters: tuple | None = None  # from the first execution's cursor description
        self._result_types = [entry[3] for entry in compiled._result_columns]  # noqa: SLF001

    def parameters(self, params: Mapping[str, Any]) -> tuple | dict:
        values = self.template.copy()
        for position, name, make, processor in self.variable:
            value = make() if make is not None else params[name]
            values[position] = value if processor is None else processor(value)
        if self.positional:
            return values  # a list: sqlite3 takes any sequence
        return dict(zip(self.sql_names, values, strict=True))

    def result_converters(self, description: Sequence) -> tuple:
        """(position, result processor) of the columns SQLAlchemy would convert."""
        if self.converters is None:
            types = self._result_types
            if types and len(types) != len(description):
                raise ValueError("the cursor's columns do not match the statement's")
            processors = [t._cached_result_processor(self.dialect, column[1])  # noqa: SLF001
                          for t, column in zip(types, description, strict=False)] if types else []
            self.converters = tuple((i, p) for i, p in enumerate(processors) if p is not None)
        return self.converters


def _defaults(compiled) -> dict[str, tuple[Any, Callable[[], Any] | None]]:  # noqa: ANN001
    """Column defaults SQLAlchemy fills in for an INSERT/UPDATE (scalar values and plain callables)."""
    found: dict[str, tuple[Any, Callable[[], Any] | None]] = {}
    prefetch = [(column, column.default) for column in compiled.insert_prefetch]
    prefetch += [(column, column.onupdate) for column in compiled.update_prefetch]
    for column, default in prefetch:
        if default is None:
            continue
        if default.is_scalar:
            found[column.key] = (default.arg, None)
        elif default.is_callable:
            function = default.arg
            found[column.key] = (_MISSING, lambda function=function: function(None))
        else:
            raise ValueError(f"column {column.key!r}: only scalar and callable defaults are supported")
    return found


_CONNECTION = "desk_connection"


def session_connection(session: Session) -> Connection:
    """The session's Connection in its current transaction (`session.connection()`), kept in
    `session.info` while it is open: the ORM's path to it costs ~15 µs per call, and a check-in
    asks for it once per statement. A connection the session closed (its transaction ended) or
    invalidated is asked of the session again, which begins the next transaction or raises."""
    info = session.info
    connection = info.get(_CONNECTION)
    if connection is None or connection.closed or connection.invalidated:
        connection = info[_CONNECTION] = session.connection()
    return connection


def keep_connection(session: Session, connection: Connection) -> None:
    """Remember the Connection the session's transaction just began on (Database.session)."""
    session.info[_CONNECTION] = connection


class Prepared:
    """A Core statement for a hot path: `Prepared(stmt).all(session, params)` -> list of tuples."""

    __slots__ = ("statement", "_compiled")

    def __init__(self, statement: ClauseElement) -> None:
        self.statement = statement
        self._compiled: dict[tuple, _Compiled] = {}

    def compiled(self, dialect: Dialect, keys: tuple[str, ...]) -> _Compiled:
        key = (dialect.name, keys)
        found = self._compiled.get(key)
        if found is None:
            found = self._compiled[key] = _Compiled(self.statement, dialect, keys)
        return found

    def all(self, session: Session | Connection, params: Mapping[str, Any] | None = None) -> list[tuple]:
        """Run the statement in the session's transaction; every row (processed), [] for none."""
        return self._run(session, params or {}, True)

    def execute(self, session: Session | Connection, params: Mapping[str, Any] | None = None) -> None:
        """Run a statement that returns no rows."""
        self._run(session, params or {}, False)

    def first(self, session: Session | Connection, params: Mapping[str, Any] | None = None) -> tuple | None:
        rows = self._run(session, params or {}, True)
        return rows[0] if rows else None

    def _run(self, session: Session | Connection, params: Mapping[str, Any], fetch: bool) -> list[tuple]:
        connection = session_connection(session) if isinstance(session, Session) else session
        compiled = self.compiled(connection.dialect, tuple(params))
        driver = connection.connection.dbapi_connection
        sql, values = compiled.sql, None
        cursor = None
        try:
            values = compiled.parameters(params)
            cursor = driver.cursor()
            cursor.execute(sql, values)
            if not fetch:
                return []
            rows = cursor.fetchall()
            converters = compiled.converters
            if converters is None and rows:  # psycopg builds the description anew on every access
                converters = compiled.result_converters(cursor.description)
        except BaseException as error:  # as SQLAlchemy does: wrap, invalidate a dead connection
            connection._handle_dbapi_exception(error, sql, values, cursor, None)  # noqa: SLF001
            raise  # not reached: the handler raises
        finally:
            if cursor is not None:
                cursor.close()
        if not converters:
            return rows if not rows or type(rows[0]) is tuple else [tuple(row) for row in rows]
        converted = []
        for row in rows:
            values = list(row)
            for position, processor in converters:
                values[position] = processor(values[position])
            converted.append(tuple(values))
        return converted
