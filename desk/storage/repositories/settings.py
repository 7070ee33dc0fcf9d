"""Business settings as JSON values in the database (shared by every workstation)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.domain.settings import BusinessSettings
from desk.storage.models import Setting


class SettingsRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def all(self) -> dict[str, Any]:
        return {s.key: json.loads(s.value) for s in self.session.scalars(select(Setting))}

    def business(self) -> BusinessSettings:
        """The business settings, typed, defaults filled in (desk.domain.settings)."""
        return BusinessSettings.from_stored(self.all())

    def get(self, key: str, default: Any = None) -> Any:
        row = self.session.get(Setting, key)
        return default if row is None else json.loads(row.value)

    def set(self, key: str, value: Any) -> None:
        encoded = json.dumps(value, ensure_ascii=False, sort_keys=True)
        row = self.session.get(Setting, key)
        if row is None:
            self.session.add(Setting(key=key, value=encoded))
        else:
            row.value = encoded
        self.session.flush()
