"""Who did something and when, as the audit trail keeps it: plans, withdrawals, removals and
purges all record the operating-system user and a moment in UTC (SQLite gives datetimes back
without a zone; they were stored as UTC)."""

from __future__ import annotations

import getpass
from datetime import UTC, datetime


def os_user() -> str:
    """The user name of this session, "" when the system cannot tell."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def as_utc(moment: datetime) -> datetime:
    """A stored moment with its zone: one without is UTC."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment
