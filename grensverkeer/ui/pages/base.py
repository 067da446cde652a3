"""The contract of a screen: a name for ``--page``, a Dutch title, and ``refresh()``."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from grensverkeer.ui.context import UiContext


class Page(QWidget):
    """A screen in the main window's navigation.

    ``name`` is what ``grensverkeer app --page NAME`` takes (lowercase ASCII, e.g. "matrix");
    ``title`` is shown in the navigation. ``refresh()`` reloads from the services; the main
    window calls it on F5 and when ``context.events.changed`` fires.
    """

    name = ""
    title = ""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setAccessibleName(self.title)

    def refresh(self) -> None:  # pragma: no cover - every page overrides it
        raise NotImplementedError
