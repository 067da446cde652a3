"""Reference data: municipalities, places, postcodes, SWV areas and region membership.

The core matches on CBS codes, never on names; this package turns what extracts write
(codes in many forms, names, place names, postcodes) into those codes.
"""

from .codes import normalize_code, normalize_pc4
from .loading import ReferenceDataError, reference_dir
from .names import name_key
from .records import (
    VIA_ALIAS,
    VIA_CODE,
    VIA_NAME,
    VIA_PC4,
    VIA_PLACE,
    VIA_PLACE_PC4,
    VIA_REGION,
    Candidate,
    Membership,
    Municipality,
    Resolution,
    Swv,
)
from .reference import Reference, load_reference

__all__ = [
    "VIA_ALIAS",
    "VIA_CODE",
    "VIA_NAME",
    "VIA_PC4",
    "VIA_PLACE",
    "VIA_PLACE_PC4",
    "VIA_REGION",
    "Candidate",
    "Membership",
    "Municipality",
    "Reference",
    "ReferenceDataError",
    "Resolution",
    "Swv",
    "load_reference",
    "name_key",
    "normalize_code",
    "normalize_pc4",
    "reference_dir",
]
