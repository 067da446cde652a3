"""The counting rules of DOMAIN.md, and how the school year is chosen."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from builders import EXPECTED_2024, PUPIL_HEADER, pupils_rows, write_csv, write_xlsx

from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.imports.importer import ImportOptions
from grensverkeer.services.imports.reports import Outcome


def _import(importer, path: Path, **options):
    (report,) = importer.import_files([path], ImportOptions(**options))
    return report


def test_only_records_active_on_the_peildatum_count(schools_loaded, cells, tmp_path) -> None:
    report = _import(
        schools_loaded, write_xlsx(tmp_path / "a.xlsx", {"L": [PUPIL_HEADER, *pupils_rows()]})
    )
    assert report.rows_stored == 6  # the pupil who left on 15 September is kept ...
    assert sum(cells().values()) == 5  # ... but does not count on 1 October


def test_a_record_outside_the_school_year_is_skipped_and_said(
    schools_loaded, cells, tmp_path
) -> None:
    rows = [
        *pupils_rows(),
        [100000034, "Oud", "Delft", "20XB", 0, "VSO", date(2020, 8, 1), date(2024, 6, 30)],
    ]
    report = _import(
        schools_loaded,
        write_xlsx(tmp_path / "b.xlsx", {"L": [PUPIL_HEADER, *rows]}),
        school_year=SchoolYear(2024),
    )
    assert report.outcome is Outcome.STORED
    assert report.outside_year == 1
    assert report.rows_stored == 6
    assert cells() == EXPECTED_2024


def test_an_identical_pupil_in_two_files_counts_once(schools_loaded, cells, tmp_path) -> None:
    first = write_xlsx(tmp_path / "swv1.xlsx", {"L": [PUPIL_HEADER, *pupils_rows()]})
    second = write_csv(tmp_path / "swv2.csv", [PUPIL_HEADER, *pupils_rows()[:2]])
    _import(schools_loaded, first)
    report = _import(schools_loaded, second, school_year=SchoolYear(2024))
    assert report.outcome is Outcome.STORED
    assert report.duplicates_merged == 2
    assert any(w.code == "dubbel_samengevoegd" and "import 2" in w.message for w in report.warnings)
    assert cells() == EXPECTED_2024


def test_a_duplicate_within_one_file_is_merged(schools_loaded, cells, tmp_path) -> None:
    rows = [*pupils_rows(), pupils_rows()[0]]
    report = _import(schools_loaded, write_xlsx(tmp_path / "d.xlsx", {"L": [PUPIL_HEADER, *rows]}))
    assert report.duplicates_merged == 1
    assert cells() == EXPECTED_2024


def test_the_same_pupil_active_at_two_schools_is_a_conflict(schools_loaded, db, tmp_path) -> None:
    other_school = [111222333, "Jansen", "Den Haag", "20XB", 0, "VSO", date(2023, 8, 28), None]
    report = _import(
        schools_loaded,
        write_xlsx(tmp_path / "c.xlsx", {"L": [PUPIL_HEADER, *pupils_rows(), other_school]}),
    )
    assert report.outcome is Outcome.REFUSED
    (conflict,) = report.errors
    assert conflict.code == "conflict"
    assert conflict.row == 8
    assert "rij 2" in conflict.message


def test_a_school_change_before_the_peildatum_is_no_conflict(
    schools_loaded, cells, tmp_path
) -> None:
    rows = pupils_rows()
    rows[0] = [
        111222333,
        "Jansen",
        "Den Haag",
        "20XB",
        0,
        "VSO",
        date(2023, 8, 28),
        date(2024, 9, 1),
    ]
    rows.append([111222333, "Jansen", "Den Haag", "20XA", 0, "VSO", date(2024, 9, 2), None])
    report = _import(schools_loaded, write_xlsx(tmp_path / "w.xlsx", {"L": [PUPIL_HEADER, *rows]}))
    assert report.outcome is Outcome.STORED
    assert cells() == EXPECTED_2024


def test_residence_from_place_then_postcode_and_disagreement_warns(
    schools_loaded, cells, tmp_path
) -> None:
    header = [
        "BSN",
        "Gemeente",
        "Woonplaats",
        "Postcode",
        "Brinvest",
        "Onderwijstype",
        "Startdatum",
    ]
    rows = [
        [111222333, "", "Naaldwijk", "", "20XB00", "VSO", "28-08-2023"],
        [12345672, "", "", "2285 AB", "20XB00", "VSO", "28-08-2023"],  # PC4 2285: Rijswijk
        [123456782, "", "Den Hoorn", "", "20XB00", "VSO", "28-08-2023"],  # region wins
        [100000009, "Delft", "Naaldwijk", "", "20xb00", "VSO", "28-08-2023"],  # disagree
        [100000010, "", "’s-Gravenzande", "", "20XB-0", "VSO", "28-08-2023"],
    ]
    report = _import(
        schools_loaded,
        write_xlsx(tmp_path / "p.xlsx", {"L": [header, *rows]}),
        school_year=SchoolYear(2024),
    )
    assert report.outcome is Outcome.STORED, [i.describe() for i in report.errors]
    assert cells() == {
        ("GM1783", "GM0503"): 2,
        ("GM0603", "GM0503"): 1,
        ("GM1842", "GM0503"): 1,
        ("GM0503", "GM0503"): 1,
    }
    (warning,) = report.warnings
    assert warning.code == "woongemeente_verschilt"
    assert warning.row == 5
    assert "Westland" in warning.message


def test_amounts_and_arrangements_are_kept(schools_loaded, db, tmp_path) -> None:
    from sqlalchemy import select

    from grensverkeer.storage.schema import PupilRecordRow

    header = [*PUPIL_HEADER, "Zorgarrangement", "Kosten"]
    rows = [[*r, "Zorg in de klas", "1.234,56"] for r in pupils_rows()]
    rows[1][-1] = 8000.5
    _import(schools_loaded, write_xlsx(tmp_path / "k.xlsx", {"L": [header, *rows]}))
    with db.sessions() as session:
        costs = sorted(session.scalars(select(PupilRecordRow.cost_cents)).all())
        arrangements = set(session.scalars(select(PupilRecordRow.arrangement)).all())
    assert costs == [123456] * 5 + [800050]
    assert arrangements == {"Zorg in de klas"}


def test_school_year_from_option_overrides_the_file_and_warns(schools_loaded, tmp_path) -> None:
    rows = [["Schooljaar 2023-2024"], PUPIL_HEADER, *pupils_rows()]
    report = _import(
        schools_loaded, write_xlsx(tmp_path / "y.xlsx", {"L": rows}), school_year=SchoolYear(2024)
    )
    assert report.school_year == SchoolYear(2024)
    assert report.school_year_source == "door u gekozen"
    assert any(w.code == "schooljaar_verschilt" for w in report.warnings)


def test_school_year_from_a_title_line(schools_loaded, tmp_path) -> None:
    rows = [["Schooljaar: 2024/2025"], PUPIL_HEADER, *pupils_rows()]
    report = _import(schools_loaded, write_xlsx(tmp_path / "t.xlsx", {"L": rows}))
    assert report.school_year == SchoolYear(2024)
    assert "Schooljaar: 2024/2025" in report.school_year_source


def test_no_dates_and_no_school_year_asks_for_one(schools_loaded, tmp_path) -> None:
    rows = [[r[0], r[2], r[3], r[4], r[5]] for r in pupils_rows()]
    report = _import(
        schools_loaded,
        write_xlsx(
            tmp_path / "n.xlsx",
            {"L": [["BSN", "Woongemeente", "BRIN", "Vestiging", "Onderwijstype"], *rows]},
        ),
    )
    assert report.outcome is Outcome.REFUSED
    assert report.errors[0].code == "schooljaar_onbekend"
    assert report.errors[0].suggestion == "kies het schooljaar"  # the edges say how
    # ...and the command line says how, in its own terms
    assert "geen begin- of einddatum" in " ".join(i.message for i in report.warnings)


def test_vso_and_so_location_needs_the_pupils_type(schools_loaded, tmp_path) -> None:
    rows = pupils_rows()
    rows[0][5] = ""  # 20XA00 offers SO and VSO
    report = _import(schools_loaded, write_xlsx(tmp_path / "v.xlsx", {"L": [PUPIL_HEADER, *rows]}))
    assert report.outcome is Outcome.REFUSED
    (error,) = report.errors
    assert error.code == "onderwijstype_ontbreekt"
    assert "SO en VSO" in error.message


def test_a_school_missing_from_the_list_suggests_the_nearest_brins(
    schools_loaded, tmp_path
) -> None:
    rows = pupils_rows()
    rows[0][3] = "20XD"
    report = _import(schools_loaded, write_xlsx(tmp_path / "s.xlsx", {"L": [PUPIL_HEADER, *rows]}))
    (error,) = report.errors
    assert error.code == "brin_onbekend"
    assert error.row == 2
    assert error.column == "D (BRIN)"
    assert error.suggestion.startswith("bedoelde u 20XA")


def test_without_a_school_list_the_user_is_told_to_import_one(importer, tmp_path) -> None:
    report = _import(
        importer, write_xlsx(tmp_path / "z.xlsx", {"L": [PUPIL_HEADER, *pupils_rows()]})
    )
    assert report.outcome is Outcome.REFUSED
    assert "importeer eerst de scholenlijst" in report.errors[0].suggestion


def test_an_ambiguous_place_is_settled_by_the_postcode_else_reported(
    schools_loaded, cells, tmp_path
) -> None:
    header = ["BSN", "Woonplaats", "Postcode", "Brinvest", "Onderwijstype", "Startdatum"]
    rows = [
        [111222333, "Bergen", "1861 AB", "20XB00", "VSO", "28-08-2023"],
        [12345672, "Bergen", "", "20XB00", "VSO", "28-08-2023"],
    ]
    report = _import(
        schools_loaded,
        write_xlsx(tmp_path / "b.xlsx", {"L": [header, *rows]}),
        school_year=SchoolYear(2024),
    )
    assert report.outcome is Outcome.REFUSED
    (error,) = report.errors
    assert (error.row, error.code) == (3, "woonplaats_dubbelzinnig")
    assert "GM0373" in error.suggestion and "GM0893" in error.suggestion
    report = _import(
        schools_loaded,
        write_xlsx(tmp_path / "c.xlsx", {"L": [header, rows[0]]}),
        school_year=SchoolYear(2024),
    )
    assert report.outcome is Outcome.STORED
    assert cells() == {("GM0373", "GM0503"): 1}


def test_a_macro_workbook_is_read_like_any_other(schools_loaded, cells, tmp_path) -> None:
    path = write_xlsx(tmp_path / "basis.xlsx", {"L": [PUPIL_HEADER, *pupils_rows()]})
    macro = tmp_path / "met-macro.xlsm"
    macro.write_bytes(path.read_bytes())
    report = _import(schools_loaded, macro)
    assert report.outcome is Outcome.STORED
    assert cells() == EXPECTED_2024
