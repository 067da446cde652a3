"""The export as an Excel workbook (.xlsx), written with openpyxl.

Every sheet has the same shape: a title, up to two lines of notes, a blank row, then the header
row (row 4) with an autofilter over the data under it, frozen panes below the header and right of
the first column(s), and a total row under the data. Totals are numbers computed in integer cents,
never formulas, so a reader that does not recalculate (a viewer, a mail preview, pandas) sees
them. No cell is a formula: text that looks like one is stored as text with a quote prefix.

The same export gives the same bytes: the workbook's dates and the zip entries' times are the
school year's peildatum.
"""

from __future__ import annotations

import io
import re
import textwrap
import zipfile
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any

from grensverkeer.errors import GrensverkeerError
from grensverkeer.export.contents import NUMERIC, Export, Kind, Row, Sheet, Table, Value
from grensverkeer.export.files import write_atomically
from grensverkeer.export.safe_text import clean, looks_like_formula
from grensverkeer.money import cents_to_decimal

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

HEADER_ROW = 4
CREATOR = "Grensverkeer"

MONEY_FORMAT = '"€ "#,##0.00;[Red]"€ -"#,##0.00'
NUMBER_FORMATS = {
    Kind.COUNT: "#,##0",
    Kind.YEARS: "#,##0.00",
    Kind.MONEY: MONEY_FORMAT,
    Kind.DATE: "dd-mm-yyyy",
    Kind.DATETIME: "dd-mm-yyyy hh:mm",
}

HEADER_FILL = "1F4E78"  # dark blue, white bold text
OUTSIDE_HEADER_FILL = "595959"  # dark grey: a column outside the region
OUTSIDE_FILL = "EDEDED"  # light grey: a row or column outside the region
DIAGONAL_FILL = "FFF2CC"  # light yellow: a municipality's own pupils
TOTAL_FILL = "DDEBF7"  # light blue
NOTE_COLOUR = "595959"

MIN_WIDTH, MAX_TEXT_WIDTH = 8, 50
LONG_WORD = 14  # header words up to this length are never broken
_AFTER_HYPHEN = re.compile(r"(?<=-)")


def write_workbook(export: Export, path: Path) -> Path:
    """Write the workbook to ``path`` in one step: a failure leaves no half-written file."""
    data = workbook_bytes(export)
    path = Path(path)
    if not path.parent.is_dir():
        raise GrensverkeerError(f"De map {path.parent} bestaat niet.")
    try:
        write_atomically(path, data)
    except OSError as error:
        raise GrensverkeerError(
            f"{path} kan niet worden geschreven ({error.strerror or error}); is het bestand "
            "nog geopend in Excel?"
        ) from None
    return path


def workbook_bytes(export: Export) -> bytes:
    """The .xlsx file as bytes; the same export always gives the same bytes."""
    from openpyxl import Workbook
    from openpyxl.writer.excel import ExcelWriter

    workbook = Workbook()
    first = workbook.active  # the empty sheet a new workbook starts with
    if first is not None:
        workbook.remove(first)
    for sheet in export.sheets:
        _write_sheet(workbook.create_sheet(sheet.name), sheet)
    properties = workbook.properties
    properties.title = export.title
    properties.subject = export.subject
    properties.creator = CREATOR
    properties.lastModifiedBy = CREATOR
    properties.created = properties.modified = export.created
    buffer = io.BytesIO()
    # ``Workbook.save`` stamps the current time as modified; the writer itself does not.
    archive = zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)
    ExcelWriter(workbook, archive).save()
    return _fixed_times(buffer.getvalue(), export.created)


def _fixed_times(data: bytes, moment: datetime) -> bytes:
    """The same zip with every entry dated ``moment`` instead of the time of writing."""
    out = io.BytesIO()
    stamp = (max(moment.year, 1980), *moment.timetuple()[1:6])
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


class _Styles:
    """The few styles used, made once per workbook."""

    def __init__(self) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        def fill(colour: str) -> PatternFill:
            return PatternFill("solid", start_color=colour, end_color=colour)

        self.title = Font(bold=True, size=14)
        self.note = Font(italic=True, color=NOTE_COLOUR)
        self.section = Font(bold=True, size=12)
        self.header_font = Font(bold=True, color="FFFFFF")
        self.header_fill = fill(HEADER_FILL)
        self.outside_header_fill = fill(OUTSIDE_HEADER_FILL)
        self.outside = fill(OUTSIDE_FILL)
        self.diagonal = fill(DIAGONAL_FILL)
        self.total_fill = fill(TOTAL_FILL)
        self.bold = Font(bold=True)
        self.header_text = Alignment(wrap_text=True, vertical="center")
        self.header_number = Alignment(wrap_text=True, vertical="center", horizontal="right")
        self.wrapped = Alignment(wrap_text=True, vertical="top")
        self.centred = Alignment(horizontal="center")
        thin = Side(style="thin")
        self.total_border = Border(top=thin, bottom=thin)
        self._medium = Side(style="medium")
        self._border = Border

    def separator(self, *, top: bool, left: bool) -> Any:
        """The line between the participants and the rest: above a row, left of a column."""
        return self._border(top=self._medium if top else None, left=self._medium if left else None)


def _write_sheet(ws: Worksheet, sheet: Sheet) -> None:
    from openpyxl.utils import get_column_letter

    styles = _Styles()
    table = sheet.table
    widths = _column_widths(sheet)
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    _put(ws, 1, 1, sheet.title).font = styles.title
    for offset, note in enumerate(sheet.notes):
        _put(ws, 2 + offset, 1, note).font = styles.note
    last = _write_table(ws, HEADER_ROW, table, styles, widths)
    width = len(table.columns)
    last_column = get_column_letter(width)
    ws.auto_filter.ref = f"A{HEADER_ROW}:{last_column}{HEADER_ROW + len(table.rows)}"
    ws.freeze_panes = f"{get_column_letter(sheet.freeze_columns + 1)}{HEADER_ROW + 1}"
    row = last + 2
    for section in sheet.sections:
        _put(ws, row, 1, section.title).font = styles.section
        row = _write_table(ws, row + 1, section, styles, widths) + 2
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    setup = ws.sheet_properties.pageSetUpPr
    assert setup is not None  # openpyxl gives every new sheet its page set-up properties
    setup.fitToPage = True


def _write_table(
    ws: Worksheet, header_row: int, table: Table, styles: _Styles, widths: list[float]
) -> int:
    """Header, rows and total from ``header_row`` down; returns the last row written."""
    columns = table.columns
    ws.row_dimensions[header_row].height = _header_height(table, widths)
    first_outside_column = next((i for i, c in enumerate(columns) if c.outside), None)
    for index, column in enumerate(columns, start=1):
        cell = _put(ws, header_row, index, column.header)
        cell.font = styles.header_font
        cell.fill = styles.outside_header_fill if column.outside else styles.header_fill
        cell.alignment = styles.header_number if column.kind in NUMERIC else styles.header_text
    previous_outside = False
    row_number = header_row
    for row in table.rows:
        row_number += 1
        separator = row.outside and not previous_outside
        previous_outside = row.outside
        _write_row(ws, row_number, row, table, styles, first_outside_column, separator)
    if table.total is not None:
        row_number += 1
        _write_row(ws, row_number, table.total, table, styles, first_outside_column, False)
        for index in range(1, len(columns) + 1):
            cell = ws.cell(row=row_number, column=index)
            cell.font = styles.bold
            cell.fill = styles.total_fill
            cell.border = styles.total_border
    return row_number


def _write_row(
    ws: Worksheet,
    row_number: int,
    row: Row,
    table: Table,
    styles: _Styles,
    first_outside_column: int | None,
    separator: bool,
) -> None:
    for index, (column, value) in enumerate(zip(table.columns, row.values, strict=True)):
        cell = _put(ws, row_number, index + 1, value, column.kind)
        if index == row.highlight:
            cell.fill = styles.diagonal
        elif row.outside or column.outside:
            cell.fill = styles.outside
        if column.kind is Kind.TEXT and isinstance(value, str) and "\n" in value:
            cell.alignment = styles.wrapped
        elif column.kind in (Kind.DATE, Kind.DATETIME):
            cell.alignment = styles.centred
        left = index == first_outside_column
        if separator or left:
            cell.border = styles.separator(top=separator, left=left)


def _put(ws: Worksheet, row: int, column: int, value: Value, kind: Kind = Kind.TEXT) -> Any:
    """One cell; text is always a string cell, never a formula."""
    cell = ws.cell(row=row, column=column)
    if value is None:
        return cell
    if isinstance(value, str):
        text = clean(value)
        cell.value = text
        cell.data_type = "s"  # openpyxl would store text starting with "=" as a formula
        if looks_like_formula(text):
            cell.quotePrefix = True  # and Excel keeps it text when the cell is edited
        return cell
    if kind is Kind.MONEY:
        assert not isinstance(value, date), "een bedrag is geen datum"
        cell.value = cents_to_decimal(int(value))
    elif isinstance(value, Fraction):
        cell.value = _two_decimals(value)
    else:
        cell.value = value
    if kind in NUMBER_FORMATS:
        cell.number_format = NUMBER_FORMATS[kind]
    return cell


def _two_decimals(value: Fraction) -> Decimal:
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )


def _shown_length(value: Value, kind: Kind) -> int:
    """About how many characters a value takes on screen (Dutch number formatting)."""
    if value is None:
        return 0
    if isinstance(value, str):
        return max((len(line) for line in value.splitlines()), default=0)
    if isinstance(value, datetime):
        return 17
    if isinstance(value, date):
        return 10
    if kind is Kind.MONEY:
        return len(f"{abs(int(value)) // 100:,}") + 6  # "€ ", a sign and ",00"
    if isinstance(value, Fraction):
        return len(f"{int(abs(value)):,}") + 4
    return len(f"{value:,}")


def _header_width(header: str) -> int:
    """The narrowest width that keeps a header's words whole (bold text is wider, hence the
    margin); a long word may break after a hyphen: Leidschendam-/Voorburg."""
    need = 0
    for word in header.split():
        if len(word) > LONG_WORD:
            need = max(need, *(len(chunk) for chunk in _AFTER_HYPHEN.split(word)))
        else:
            need = max(need, len(word))
    return need + 1


def _column_widths(sheet: Sheet) -> list[float]:
    """Widths from what the columns show, over the main table and the sections under it."""
    widths: list[float] = []
    for table in (sheet.table, *sheet.sections):
        for index, column in enumerate(table.columns):
            values = [row.values[index] for row in table.rows]
            if table.total is not None:
                values.append(table.total.values[index])
            longest = max((_shown_length(v, column.kind) for v in values), default=0)
            width = min(max(longest, _header_width(column.header), MIN_WIDTH), MAX_TEXT_WIDTH) + 2
            if index < len(widths):
                widths[index] = max(widths[index], width)
            else:
                widths.append(width)
    return widths


def _header_height(table: Table, widths: list[float]) -> float:
    lines = max(
        len(textwrap.wrap(column.header, width=max(int(width) - 3, 1)) or [""])
        for column, width in zip(table.columns, widths, strict=False)
    )
    return 15 * lines + 3
