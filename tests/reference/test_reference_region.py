"""Region membership over time, SWV areas and neighbours."""

from datetime import date

import pytest

from grensverkeer.reference import Membership, Reference


def test_ten_members_in_2023_2024(h10, ref: Reference) -> None:
    assert ref.region_members(date(2023, 10, 1)) == h10


def test_nine_members_in_2024_2025(h10, ref: Reference) -> None:
    members = ref.region_members(date(2024, 10, 1))
    assert len(members) == 9
    assert "GM0626" not in members
    assert members == tuple(c for c in h10 if c != "GM0626")


def test_voorschoten_leaves_after_its_last_day(ref: Reference) -> None:
    assert "GM0626" in ref.region_members(date(2023, 12, 31))
    assert "GM0626" not in ref.region_members(date(2024, 1, 1))


def test_membership_starts_with_the_jeugdwet(ref: Reference) -> None:
    assert ref.region_members(date(2014, 12, 31)) == ()
    assert len(ref.region_members(date(2015, 1, 1))) == 10


def test_region_name(h10, ref: Reference) -> None:
    assert ref.region_members(date(2023, 10, 1), region="haaglanden") == h10
    assert ref.region_members(date(2023, 10, 1), region="Holland Rijnland") == ()


def test_memberships_table(ref: Reference) -> None:
    rows = ref.memberships("Haaglanden")
    assert len(rows) == 10
    assert Membership("Haaglanden", "GM0626", date(2015, 1, 1), date(2023, 12, 31)) in rows


@pytest.mark.parametrize(
    ("code", "po", "vo"),
    [
        ("GM0518", "28-15", "28-06"),
        ("GM0503", "28-02", "28-09"),
        ("GM1916", "28-15", "28-06"),
        ("GM1842", "28-02", "28-09"),
        ("GM1926", "28-02", "28-09"),
        ("GM0603", "28-15", "28-06"),
        ("GM0626", "28-01", "28-01"),
        ("GM0629", "28-01", "28-01"),
        ("GM1783", "28-03", "28-08"),
        ("GM0637", "28-17", "28-07"),
        ("GM1621", "28-02", "28-09"),
        ("GM0546", "28-01", "28-01"),
    ],
)
def test_swv_for(ref: Reference, code: str, po: str, vo: str) -> None:
    assert ref.swv_for(code, "PO").code == po
    assert ref.swv_for(code, "PO").sector == "PO"
    assert ref.swv_for(code, "VO").code == vo
    assert ref.swv_for(code, "VO").sector == "VO"


def test_swv_for_accepts_code_and_sector_forms(ref: Reference) -> None:
    assert ref.swv_for(518, " po ").ident == "PO 28-15"


def test_swv_outside_the_known_areas(ref: Reference) -> None:
    assert ref.swv_for("GM0599", "PO") is None
    assert ref.swv_for("GM9999", "VO") is None
    assert ref.swv_for("onzin", "VO") is None
    assert ref.swv_for("GM0518", "MBO") is None


def test_maasland_is_a_partial_vo_area(ref: Reference) -> None:
    (maasland,) = [s for s in ref.swv_areas() if s.code == "28-11"]
    assert maasland.sector == "VO"
    assert maasland.partial == frozenset({"GM1842"})
    assert "Maasland" in maasland.note


def test_swv_areas(h10, ref: Reference) -> None:
    areas = ref.swv_areas()
    assert len({s.ident for s in areas}) == len(areas) == 11
    covered = set().union(*(s.municipalities for s in areas))
    assert set(h10) <= covered
    for swv in areas:
        assert swv.sector in ("PO", "VO")
        assert all(ref.municipality(code) is not None for code in swv.municipalities)
    (den_haag,) = [s for s in areas if s.ident == "VO 28-06"]
    assert den_haag.name == "SWV VO 28-06 (Den Haag, Rijswijk, Leidschendam-Voorburg)"
    assert den_haag.municipalities == frozenset({"GM0518", "GM1916", "GM0603"})


def test_neighbours(h10, ref: Reference) -> None:
    assert set(ref.neighbours()) == {
        "GM1621",
        "GM0546",
        "GM0547",
        "GM0537",
        "GM0579",
        "GM0599",
        "GM0606",
        "GM0622",
        "GM0556",
        "GM0638",
        "GM1992",
    }
    assert list(ref.neighbours()) == sorted(ref.neighbours())
    assert set(ref.neighbours()).isdisjoint(h10)
