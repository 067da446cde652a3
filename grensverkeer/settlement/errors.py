"""The one error of the settlement engine: a ValueError with a Dutch message and a stable code.

It does not derive from ``grensverkeer.errors.GrensverkeerError`` because this package imports
nothing of the rest of the program; callers that show errors catch both.
"""


class SettlementError(ValueError):
    """Input the engine cannot settle: ``str(err)`` is the Dutch message, ``code`` a stable key."""

    def __init__(self, message: str, *, code: str) -> None:
        super().__init__(message)
        self.code = code
