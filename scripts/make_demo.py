#!/usr/bin/env python
"""Generate the synthetic demo region in ``grensverkeer/resources/demo/``.

Everything written here is synthetic: school codes (BRIN), school names, pupils, names, BSNs
(random numbers that pass the 11-proef), addresses and amounts are made up with a seeded
``random.Random``. Only the municipality codes, names, place names and PC4 codes are real; they
are read from the reference tables bundled with the program (``grensverkeer/resources/
reference``), so the script needs the project installed (its virtual environment).

The code lives in the package ``scripts/demo_region`` (see its ``__init__``); this file is the
command.

Usage (from the repository root, with the project's Python)::

    python scripts/make_demo.py            # writes grensverkeer/resources/demo/
    python scripts/make_demo.py --out DIR  # writes into DIR instead

The output is deterministic: the same script gives the same files, byte for byte on the same
library versions (zip-based formats are written with fixed timestamps and fixed document
properties).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from demo_region import (
    DEFAULT_OUT,
    MUNICIPALITIES,
    NAME_VARIANTS,
    PLACE_PC4,
    SEED,
    generate,
    main,
)

__all__ = [
    "DEFAULT_OUT",
    "MUNICIPALITIES",
    "NAME_VARIANTS",
    "PLACE_PC4",
    "SEED",
    "generate",
    "main",
]

if __name__ == "__main__":
    sys.exit(main())
