"""The user's own spellings of municipality names (aliases), remembered across imports.

Kept apart from ``schema.py`` so the alias feature is one module; ``schema.py`` imports this
module at its end, so ``Base.metadata`` (Alembic, the migration test) always sees the table.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, String
from sqlalchemy.orm import Mapped, mapped_column

from grensverkeer.storage.schema import Base


class AliasRow(Base):
    """A written name (matched by its ``name_key``) that means one municipality (CBS code)."""

    __tablename__ = "aliases"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    text: Mapped[str] = mapped_column(String(200))
    code: Mapped[str] = mapped_column(String(6))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
