"""UTCDateTime's fused result processor gives exactly what the general TypeDecorator path gives
(the driver's conversion, then `replace(tzinfo=UTC)`), on SQLite's text and PostgreSQL's values."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import DateTime
from sqlalchemy.dialects import postgresql, sqlite

from desk.storage.models import UTCDateTime


def _general(dialect):  # noqa: ANN001, ANN202
    inner = DateTime().dialect_impl(dialect).result_processor(dialect, None)
    return lambda value: None if value is None else (inner(value) if inner else value).replace(tzinfo=UTC)


def _fused(dialect):  # noqa: ANN001, ANN202
    return UTCDateTime().dialect_impl(dialect).result_processor(dialect, None)


@pytest.mark.parametrize("text", [
    "2026-12-04 09:13:22.123456", "2026-12-04 09:13:22", "2026-03-29 01:30:00.000001", "2026-12-04T09:13:22",
    "2026-12-04 09:13:22+02:00", "2026-12-04 09:13:22Z", None,
])
def test_sqlite_text_becomes_the_same_aware_utc_value(text: str | None) -> None:
    dialect = sqlite.pysqlite.dialect()
    fused, general = _fused(dialect)(text), _general(dialect)(text)
    assert fused == general
    if text is not None:
        assert fused.tzinfo is UTC and fused.utcoffset() == general.utcoffset()
        assert (fused.year, fused.hour, fused.minute, fused.second, fused.microsecond) == (
            general.year, general.hour, general.minute, general.second, general.microsecond)


def test_sqlite_text_that_is_not_a_timestamp_fails_as_before() -> None:
    dialect = sqlite.pysqlite.dialect()
    with pytest.raises(ValueError):
        _general(dialect)("yesterday")
    with pytest.raises(ValueError):
        _fused(dialect)("yesterday")


@pytest.mark.parametrize("value", [
    datetime(2026, 12, 4, 9, 13, 22, 123456), datetime(2026, 10, 25, 1, 30, fold=1), None,
])
def test_postgres_naive_value_becomes_the_same_aware_utc_value(value: datetime | None) -> None:
    dialect = postgresql.psycopg.dialect()
    fused, general = _fused(dialect)(value), _general(dialect)(value)
    assert fused == general
    if value is not None:
        assert fused.tzinfo is UTC and fused.fold == general.fold
        assert fused.replace(tzinfo=None) == value
