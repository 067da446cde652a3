"""A school year without counted pupils in the command line's words: which command fixes it.

The core (``services.matrices.year_pupils``) finds it; ``cli.main`` prints this instead of the
core's neutral message, with exit status 1 (``matrix``, ``settle``, ``analyse``, ``documents``,
``export``).
"""

from __future__ import annotations

from grensverkeer.services.matrices.year_pupils import NoPupilsError, elsewhere, not_running

IMPORT_FIRST = (
    "importeer eerst een scholenlijst en de SWV-overzichten (grensverkeer import BESTAND… of MAP)"
)


def no_pupils_message(error: NoPupilsError) -> str:
    """What is missing and the command that adds it."""
    found = error.found
    if found is None:
        return (
            "Er zijn nog geen leerlingen geteld: de database bevat nog geen schooljaar met "
            f"leerlingen. {IMPORT_FIRST[0].upper()}{IMPORT_FIRST[1:]}."
        )
    year = found.school_year
    head = f"Er zijn voor schooljaar {year} geen leerlingen geteld"
    if not found.records:
        return f"{head}: {IMPORT_FIRST}.{elsewhere(found)}"
    dates = "de begin- en einddatums in de SWV-overzichten"
    if found.pro_rata:
        check = dates
    else:
        check = (
            f"de peildatum (grensverkeer settings --school-year {year} --peildatum DATUM) "
            f"en {dates}"
        )
    return f"{head}: {not_running(found)}. Controleer {check}."
