"""What a word in a column header can say: the concepts the header vocabulary maps words to
(:mod:`vocabulary`, :mod:`date_words`) and recognition scores."""

from __future__ import annotations

from enum import StrEnum


class Concept(StrEnum):
    """What a word in a header says."""

    BSN = "bsn"
    IDNUM = "idnum"  # a local pupil number: never a BSN by its name
    MUNICIPALITY = "municipality"
    PLACE = "place"
    POSTCODE = "postcode"
    PUPIL = "pupil"  # qualifier: the pupil's, or where the pupil lives
    GUARDIAN = "guardian"  # qualifier: a parent's or guardian's
    PREVIOUS = "previous"  # qualifier: an earlier school, not the one the pupil attends
    SCHOOL = "school"  # qualifier: the school's, the location's, the institution's
    BRIN = "brin"
    VESTIGING = "vestiging"
    BRINVEST = "brinvest"
    CODE = "code"
    NAME = "name"
    PERSONAL = "personal"
    BIRTH = "birth"
    EDU = "edu"
    STRUCTURE = "structure"
    PO_KIND = "po_kind"
    ARRANGEMENT = "arrangement"
    CATEGORY = "category"
    START = "start"
    END = "end"
    PLANNED = "planned"
    ACTUAL = "actual"
    DATE = "date"
    OTHER_DATE = "other_date"  # a date with another role: decision, application, last change
    PEILDATUM = "peildatum"
    COST = "cost"
    COUNT = "count"
    COUNT_PART = "count_part"  # "leerjaar 1", "leeftijd 4" in DUO count files
    IGNORED = "ignored"
    SCHOOL_YEAR = "school_year"
