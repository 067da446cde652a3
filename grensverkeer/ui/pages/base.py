"""The contract of a screen: a name for ``--page``, a Dutch title, and ``refresh()``.

How a page plugs in (for the authors of the other pages)
-------------------------------------------------------
* **Where.** ``PAGES`` lists the page classes, in navigation order, imported like any other
  module: a page that is missing or fails to import stops the program at start with an
  ``ImportError`` (the desktop bundle finds them the same way), and a page whose constructor
  fails stops it too. No page is ever silently left out. The pages are::

      grensverkeer.ui.pages.overview_page    Overzicht     name "overzicht"
      grensverkeer.ui.pages.data_page        Gegevens      name "gegevens"
      grensverkeer.ui.pages.matrix_page      Matrix        name "matrix"
      grensverkeer.ui.pages.map_page         Kaart         name "kaart"
      grensverkeer.ui.pages.trend_page       Trend         name "trend"
      grensverkeer.ui.pages.settlement_page  Verrekening   name "verrekening"
      grensverkeer.ui.pages.documents_page   Documenten    name "documenten"
      grensverkeer.ui.pages.settings_page    Instellingen  name "instellingen"

  Tests may pass ``pages=`` with fewer (or stand-in) page classes.

* **Construction.** ``MyPage(context)``; the window parents it. The constructor builds
  widgets only and reads nothing from the database: a page is filled by ``refresh()``.

* **Refresh.** The window calls ``refresh()`` when the page becomes visible and its data may
  have changed since it was last filled (at the start, after ``context.events.changed``, after
  a school year change), and on F5 (Beeld → Vernieuwen) for the page in view. Pages that are
  not visible are only marked stale, so a change costs one refresh, not six. A page that
  changes data calls a service and then emits ``context.events.changed``; it does not refresh
  other pages itself. A ``GrensverkeerError`` raised by ``refresh()`` is shown as a Dutch
  message. Reads that take seconds on a large region (counting a matrix: about 1.5 s per
  100,000 records) go through a ``ui.workers.Loader`` (``self.loader = Loader(self,
  context.pool)``; ``refresh()`` calls ``self.loader.load(compute, show, show_failure)``, and
  the newest request wins); other long work (an import, the demo) through a
  ``ui.workers.Worker`` with progress and cancel. Such a page defines ``is_busy()``.

* **School year.** One selector, in the toolbar at the top, drives every page. A page that
  depends on the school year defines ``set_school_year(year: SchoolYear | None)``; the window
  calls it on every page that has it, before the first refresh and whenever the choice
  changes, and then refreshes the visible page. ``set_school_year`` only stores the year
  (``None``: no school year exists yet); ``refresh()`` does the work. The window offers the
  school years with pupils and those with settings or tariffs; with none, the current one.

* **Optional hooks, found by name.** ``start_import()`` on the "gegevens" page (Bestand →
  Importeren…, Ctrl+O); ``export_excel()`` and ``print_document()`` on the "documenten" page
  (Ctrl+E, Ctrl+P); ``is_busy() -> bool`` on a page that runs workers (the screenshot waits
  until it is False); a Qt signal ``open_database_requested(str)`` on a page that lets the
  user choose another database (the window opens it, then calls the page's
  ``database_opened(description)`` or ``database_failed(message)`` when present).

* **Words.** All visible text through ``self.tr()``, Dutch; no fixed pixel sizes for text;
  ``setAccessibleName`` on every interactive widget.
"""

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
