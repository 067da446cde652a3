"""How the import wizard names fields, kinds of file and cells, shared by the preview
(``preview_table``) and the column list (``columns_model``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from grensverkeer.domain import FileKind
from grensverkeer.importing.fields import Field, choosable
from grensverkeer.importing.values import display

NO_FIELD = "—"


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportPreview", text)


def field_label(value: Field | None, short: bool = False) -> str:
    """How a field is named in the preview's comboboxes (``short``: in a column header)."""
    if value is None:
        return NO_FIELD
    if short and value is Field.PERSONAL:
        return _tr("persoonsgegeven")
    labels = {
        Field.BSN: _tr("BSN"),
        Field.RESIDENCE: _tr("woongemeente"),
        Field.PLACE: _tr("woonplaats"),
        Field.POSTCODE: _tr("postcode"),
        Field.BRIN: _tr("BRIN"),
        Field.VESTIGING: _tr("vestiging"),
        Field.BRINVEST: _tr("BRIN + vestiging"),
        Field.EDU_TYPE: _tr("onderwijstype"),
        Field.ARRANGEMENT: _tr("arrangement"),
        Field.START: _tr("startdatum"),
        Field.END: _tr("einddatum"),
        Field.COST: _tr("kosten"),
        Field.COUNT: _tr("aantal leerlingen"),
        Field.PERSONAL: _tr("persoonsgegeven (niet gebruikt)"),
        Field.IGNORED: _tr("genegeerd"),
        Field.SCHOOL_NAME: _tr("naam vestiging"),
        Field.SCHOOL_PLACE: _tr("plaats"),
        Field.MUNICIPALITY_CODE: _tr("gemeentecode"),
        Field.MUNICIPALITY_NAME: _tr("gemeentenaam"),
        Field.VO_STRUCTURE: _tr("onderwijsstructuur"),
        Field.PO_KIND: _tr("soort primair onderwijs"),
        Field.SO_KIND: _tr("SO/VSO"),
    }
    return labels.get(value, str(value))


def kind_label(kind: FileKind | None) -> str:
    if kind is FileKind.PUPILS:
        return _tr("leerlingenoverzicht")
    if kind is FileKind.COUNTS:
        return _tr("telling (DUO)")
    if kind is FileKind.SCHOOLS:
        return _tr("scholenlijst")
    return _tr("niet herkend")


def fields_for(kind: FileKind | None) -> tuple[Field, ...]:
    """The fields a column of this kind of file can be: the core's list."""
    return () if kind is None else choosable(kind)


def cell_text(value: object) -> str:
    """A cell as the preview shows it (Dutch dates and decimal commas)."""
    return "" if value is None else display(value) if not isinstance(value, str) else value
