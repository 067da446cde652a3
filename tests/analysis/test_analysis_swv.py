"""Pupils across SWV borders, on a small made-up set of counted records."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from grensverkeer.counting import CountedRecord, CountRules, counted
from grensverkeer.domain import EduType
from grensverkeer.reference import load_reference
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.settling.swv_flows import swv_flows

DELFT, DEN_HAAG, RIJSWIJK, WESTLAND = "GM0503", "GM0518", "GM0603", "GM1783"
MIDDEN_DELFLAND, LEIDEN, UTRECHT = "GM1842", "GM0546", "GM0344"


def _record(n: int, residence: str, school: str, edu_type: EduType) -> CountedRecord:
    return CountedRecord(f"p{n}", residence, school, edu_type, "", date(2024, 8, 26), None, None)


RECORDS = [
    _record(1, DELFT, DEN_HAAG, EduType.PO),  # PO 28-02 → school in PO 28-15
    _record(2, DELFT, DELFT, EduType.SBO),  # PO 28-02 at home (SBO is sector PO)
    _record(3, UTRECHT, DEN_HAAG, EduType.SO),  # no SWV → school in PO 28-15
    _record(4, DEN_HAAG, LEIDEN, EduType.VSO),  # VO 28-06 → school in VO 28-01 (VSO is VO)
    _record(5, DEN_HAAG, RIJSWIJK, EduType.VO),  # VO 28-06, Rijswijk is in its area
    _record(6, MIDDEN_DELFLAND, MIDDEN_DELFLAND, EduType.VO),  # VO 28-09, not 28-11 (partial)
    _record(7, WESTLAND, DELFT, EduType.VO),  # VO 28-08 → school in VO 28-09
    _record(8, RIJSWIJK, DEN_HAAG, EduType.PO),  # PO 28-15 at home
]


def _by_ident(records):
    overview = swv_flows(records, load_reference())
    return {flow.ident: flow for flow in overview.flows}, dict(overview.without_swv)


def test_own_pupils_outside_the_area_and_pupils_from_elsewhere() -> None:
    year = SchoolYear(2024)
    flows, without = _by_ident(counted(RECORDS, CountRules(year, year.default_peildatum)))
    delft_po = flows["PO 28-02"]
    assert (delft_po.pupils, delft_po.outside) == (2, 1)
    assert delft_po.outside_share == Fraction(1, 2)
    assert (delft_po.at_schools, delft_po.from_elsewhere) == (1, 0)
    assert delft_po.from_elsewhere_share == 0
    haag_po = flows["PO 28-15"]
    assert (haag_po.pupils, haag_po.outside) == (1, 0)
    assert (haag_po.at_schools, haag_po.from_elsewhere, haag_po.from_no_swv) == (3, 2, 1)
    assert haag_po.from_elsewhere_share == Fraction(2, 3)
    haag_vo = flows["VO 28-06"]
    assert (haag_vo.pupils, haag_vo.outside, haag_vo.outside_share) == (2, 1, Fraction(1, 2))
    assert (haag_vo.at_schools, haag_vo.from_elsewhere) == (1, 0)
    assert (flows["VO 28-01"].at_schools, flows["VO 28-01"].from_elsewhere) == (1, 1)
    assert flows["VO 28-01"].pupils == 0 and flows["VO 28-01"].outside_share is None
    delft_vo = flows["VO 28-09"]
    assert (delft_vo.pupils, delft_vo.outside, delft_vo.at_schools) == (1, 0, 2)
    assert delft_vo.from_elsewhere == 1  # the Westland pupil
    assert (flows["VO 28-08"].pupils, flows["VO 28-08"].outside) == (1, 1)
    maasland = flows["VO 28-11"]
    assert (maasland.pupils, maasland.at_schools) == (0, 0)
    assert without == {"PO": 1, "VO": 0}
    assert list(flows) == sorted(flows)  # by sector, then code
    assert len(flows) == len(load_reference().swv_areas())


def test_every_counted_pupil_is_someones_or_listed_without_swv() -> None:
    year = SchoolYear(2024)
    overview = swv_flows(
        counted(RECORDS, CountRules(year, year.default_peildatum)), load_reference()
    )
    own = sum(flow.pupils for flow in overview.flows)
    assert own + sum(n for _sector, n in overview.without_swv) == len(RECORDS)


def test_naar_rato_weights_are_kept_as_fractions() -> None:
    year = SchoolYear(2024)
    half_year = CountedRecord(
        "p9", WESTLAND, DELFT, EduType.PO, "", year.first_day, date(2025, 1, 29), None
    )
    rules = CountRules(year, year.default_peildatum, pro_rata=True)
    flows, _without = _by_ident(counted([half_year], rules))
    westland = flows["PO 28-03"]
    weight = Fraction((date(2025, 1, 29) - year.first_day).days + 1, year.days)
    assert westland.pupils == weight == westland.outside
    assert westland.outside_share == 1
    assert flows["PO 28-02"].from_elsewhere == weight
