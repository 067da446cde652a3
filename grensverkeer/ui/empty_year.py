"""A school year without counted pupils in the window's words: the menu and buttons that fix it.

The core (``services.matrices.year_pupils``) finds what is missing and raises ``NoPupilsError``; the
command line names its commands (``cli.no_pupils``), the window names its menus, pages and
buttons here, never a command. ``error_text`` is what every page and worker shows for an error.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from grensverkeer.errors import GrensverkeerError
from grensverkeer.services.matrices.year_pupils import (
    NoPupilsError,
    YearPupils,
    elsewhere,
    not_running,
)
from grensverkeer.ui.hints import window_hint


def _tr(text: str) -> str:
    return QCoreApplication.translate("EmptyYear", text)


def import_first() -> str:
    return _tr(
        "Importeer eerst een scholenlijst en de SWV-overzichten: menu Bestand → Importeren… "
        "(Ctrl+O), of de knop Importeren… op de pagina Gegevens."
    )


def no_pupils_text(found: YearPupils | None) -> str:
    """What is missing, and where in the window to add it."""
    if found is None:
        return _tr("Er zijn nog geen leerlingen geteld.") + " " + import_first()
    head = _tr("Er zijn voor schooljaar {year} geen leerlingen geteld").format(
        year=found.school_year
    )
    if not found.records:
        other = elsewhere(found)
        if other:
            other += " " + _tr("Kies dat schooljaar bovenaan het venster.")
        return f"{head}. {import_first()}{other}"
    if found.pro_rata:
        check = _tr("Controleer de begin- en einddatums in de SWV-overzichten.")
    else:
        check = _tr(
            "Controleer de peildatum (pagina Instellingen, tab Schooljaar) en de begin- en "
            "einddatums in de SWV-overzichten."
        )
    return f"{head}: {not_running(found)}. {check}"


def error_text(error: BaseException) -> str:
    """An error as the window says it: an empty year and a fix in window words (the page,
    menu or button), else its own text."""
    if isinstance(error, NoPupilsError):
        return no_pupils_text(error.found)
    if isinstance(error, GrensverkeerError) and error.hint is not None:
        return f"{error} {window_hint(error)}"
    return str(error)
