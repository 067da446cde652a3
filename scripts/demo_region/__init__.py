"""The synthetic demo region written to ``grensverkeer/resources/demo/`` (see ``make_demo.py``).

Modules:

- ``data``: the region's facts (municipalities and PC4 areas read from the bundled reference
  tables, the demo's places, name spellings, school years, file names);
- ``words``, ``flows``: made-up names and the numbers that shape the pupil flows;
- ``schools``, ``generator``: school locations and pupils, deterministic with the seed;
- ``writers``: one module per file format (xlsx, xls, ods, CSV extracts, DUO school lists);
- ``fouten``: the extract with problems for the user to fix;
- ``expected``: the truth (``verwacht/``) and the summary;
- ``readme``: the README of the demo folder;
- ``build``: ``generate(out)`` and the command line.
"""

from .build import generate, main
from .data import DEFAULT_OUT, MUNICIPALITIES, NAME_VARIANTS, PLACE_PC4, SEED

__all__ = [
    "DEFAULT_OUT",
    "MUNICIPALITIES",
    "NAME_VARIANTS",
    "PLACE_PC4",
    "SEED",
    "generate",
    "main",
]
