"""The documents users receive: the regional verrekenvoorstel and an agreement per participant.

The builders take plain data (``DocumentData``, made from a finalised plan or a draft) and
return PDF bytes; nothing here opens a window or imports Qt. reportlab is imported only when a
document is built, so importing this package stays cheap.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from grensverkeer.documents.data import DocumentData, Party, Payment, TariffLine


@dataclass(frozen=True, slots=True)
class RenderedDocument:
    filename: str
    pdf: bytes


def render_documents(data: DocumentData) -> tuple[RenderedDocument, ...]:
    """The verrekenvoorstel, then one agreement per participant (code order), in memory."""
    from grensverkeer.documents.generate import render_set

    return render_set(data).documents


def write_documents(documents: tuple[RenderedDocument, ...], out_dir: Path) -> list[Path]:
    """Write the documents into ``out_dir`` (created when missing); each file is written
    under a temporary name first, so a reader never sees half a PDF."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for document in documents:
        target = out_dir / document.filename
        handle, temporary = tempfile.mkstemp(dir=out_dir, prefix=".", suffix=".pdf.tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(document.pdf)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        paths.append(target)
    return paths


__all__ = [
    "DocumentData",
    "Party",
    "Payment",
    "RenderedDocument",
    "TariffLine",
    "render_documents",
    "write_documents",
]
