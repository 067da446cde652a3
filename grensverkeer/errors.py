"""The one exception family the program shows to users: every message is Dutch and complete."""


class GrensverkeerError(Exception):
    """An error a user can act on; ``str(err)`` is the Dutch message shown as is."""

    exit_code = 2
