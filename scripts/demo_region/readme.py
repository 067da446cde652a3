"""The README of the demo folder, with the counts of the generated files filled in."""

from __future__ import annotations

from .data import F_0628, F_2807, F_2808, F_2809, F_2815, SEED, YEAR_23, YEAR_24


def render_readme(summary: dict) -> str:
    s24 = summary["school_years"][YEAR_24]
    s23 = summary["school_years"][YEAR_23]
    sch = summary["schools"]
    f24 = s24["files"]

    def counts(name: str) -> str:
        c = f24[name]
        return (
            f"{c['rows_with_data']} rows, {c['distinct_pupils']} distinct pupils, "
            f"{c['active_on_peildatum']} active on the peildatum"
        )

    def listing(items: dict[str, int]) -> str:
        return ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in items.items())

    problems = "\n".join(
        f"- row {p['row']}, `{p['column']}` = `{p['value']}`: {p['problem']}"
        if p["value"]
        else f"- row {p['row']}, `{p['column']}` empty: {p['problem']}"
        for p in summary["met_fouten"]["problems"]
    )
    dup_rows = s24["identical_duplicate_rows_within_a_file"][F_2807]
    no_type = s24["rows_without_onderwijstype"][F_2808]
    return f"""# Demo region (synthetic)

**Everything in this folder is synthetic.** There are no real pupils: names, BSNs (random
numbers that pass the 11-proef), dates of birth, addresses, BRIN codes, school names and
amounts are made up by `scripts/make_demo.py` with a fixed seed ({SEED}). Only the
municipality codes, names, place names and PC4 areas are real: they come from the reference
tables bundled in `grensverkeer/resources/reference/`. Any resemblance of a BRIN or BSN to a
real one is chance.

Regenerate from the repository root (with the project's Python environment) with

    python scripts/make_demo.py

or write into another folder with `python scripts/make_demo.py --out DIR`. The script is
deterministic: a second run gives identical files. `tests/test_demo_files.py` checks that the
committed files equal a fresh generation.

## The region

The ten Haaglanden municipalities (GM0518 's-Gravenhage, GM0503 Delft, GM1916
Leidschendam-Voorburg, GM1842 Midden-Delfland, GM1926 Pijnacker-Nootdorp, GM0603 Rijswijk,
GM0626 Voorschoten, GM0629 Wassenaar, GM1783 Westland, GM0637 Zoetermeer), with schools also
in Leiden, Rotterdam, Lansingerland, Schiedam and Maassluis. Pupils live in the region, in
those neighbours, in Katwijk, and a few elsewhere in the country (Utrecht, Amsterdam,
Haarlemmermeer, Nijmegen, Alphen aan den Rijn, Gouda: valid CBS codes outside the region).
Voorschoten residents appear in both school years (Voorschoten is not a participant
in 2024-2025). The flows: many pupils go to school in their own municipality (the diagonal),
Den Haag is the largest receiver for VSO, Delft receives from Midden-Delfland and
Pijnacker-Nootdorp, and pupils go from Rijswijk to Den Haag and from Den Haag to Rijswijk.

## `scholen/`: school lists in DUO style

{sch["total_locations"]} locations with {sch["distinct_brins"]} BRINs (2 digits + 2 letters).
Some BRINs have several locations (`00`, `01`, `02`), and a few of those locations lie in
another municipality than the main one: the school municipality must come from BRIN +
vestiging. `PLAATSNAAM` of Den Haag schools is `'S-GRAVENHAGE`.

- `duo_vo_vestigingen.csv` ({sch["scholen/duo_vo_vestigingen.csv"]} locations): `;`, cp1252,
  uppercase. `INSTELLINGSCODE` is the BRIN, `VESTIGINGSCODE` the 6-character code including
  the BRIN (`20XA01`). `GEMEENTENUMMER` as `0518`; `GEMEENTENAAM` DUO style (`S GRAVENHAGE`,
  `RIJSWIJK (ZH.)`). `ONDERWIJSSTRUCTUUR` `VBO/MAVO`, `HAVO/VWO`, `VBO/MAVO/HAVO/VWO` or `PRO`.
- `duo_sbo_so_vso_vestigingen.csv` ({sch["scholen/duo_sbo_so_vso_vestigingen.csv"]}
  locations): `;`, cp1252. `VESTIGINGSNUMMER` 2 digits. `GEMEENTENUMMER` mostly without the
  leading zero (`518`), every third row with it (`0518`). `SOORT PRIMAIR ONDERWIJS` `SBAO`
  (then `ONDERWIJS` is empty) or `(V)SO` with `ONDERWIJS` `SO`, `VSO` or `SO/VSO` (a location
  with both: the pupil record must say which).
- `duo_bao_vestigingen.csv` ({sch["scholen/duo_bao_vestigingen.csv"]} locations): `;`, UTF-8
  with BOM, `SOORT PRIMAIR ONDERWIJS` `BAO`.

## `2024-2025/`: SWV extracts for school year 2024-2025 (peildatum 1 October 2024)

{s24["distinct_pupils"]} distinct pupils, {s24["active_on_peildatum"]} of them active on the
peildatum. An extract lists the pupils at the schools of its area (by the school's
municipality) and, for schools outside the areas, the pupils living in its area. The extracts
of Delft, Zoetermeer and Westland also list the SO and SBO pupils of their area. Extra columns
(names, date of birth, address, school name, remarks) are there because real files have them;
the program ignores them.

- `swv_28-06_vo_den_haag.xlsx` ({counts(F_0628)}):
  Sheet 1 `Toelichting` holds text only (and
  is the active sheet); sheet 2 `Leerlingen` has two title rows merged across the columns, a
  blank row, the header on row 4, the data, and a `Totaal` row with the row count under `BSN`.
  `BSN` is a number (a leading zero is lost), `BRIN` sometimes lowercase, `Vestiging` the
  number 0/1/2, dates are real date cells. `Woongemeente` in variants (Den Haag,
  's-Gravenhage, ’s-Gravenhage, s-Gravenhage, The Hague, Rijswijk (ZH), Rijswijk (ZH.),
  Rijswijk ZH, Leidschendam Voorburg, Midden Delfland, Gemeente Westland, ...), some with a
  double or trailing space. `Onderwijstype` VO, HAVO, VMBO, PRO, VSO, vso or Vso.
- `swv_28-09_delflanden.xls` ({counts(F_2809)}):
  Old Excel 97 format. Header on row 1, one
  blank row in the middle of the data. Combined `Brinvest` (`20XA00`). The residence is given
  **only** as `Woonplaats` (Naaldwijk, ’s-Gravenzande with a curly apostrophe, Den Hoorn =
  Midden-Delfland, Delfgauw, Bergschenhoek, Hoek van Holland, ...), a few with a trailing or
  double space. BSN as text. Dates as Dutch text (`28-08-2023`). `Kosten` is a number, or
  text like `1.234,56` in about 30% of the rows. `Soort onderwijs` also `SBAO`.
- `swv_28-15_po.ods` ({counts(F_2815)}):
  OpenDocument, sheet `Leerlingen PO`, SBO, SO and PO
  pupils. `Gemeentecode` numeric (`518`, `1783`) in most rows; about 15% of the rows have only
  a `Postcode` (`2285 AB` or `2285AB`) and an empty `Gemeentecode`; about 5% have both,
  agreeing. BSN as text, date cells. `Type onderwijs` SO, SBO, SBAO, PO or BAO.
- `swv_28-07_zoetermeer.csv` ({counts(F_2807)}):
  `;`, cp1252. BSN with dots
  (`123.456.782`), spaces (`123 456 782`) or plain. Dutch text dates, some without leading
  zeros (`6-1-2025`). `Plaats` and `Gemeente` both present and agreeing. `Bedrag` with a
  decimal comma and thousands dots. {dup_rows} rows appear twice, identically.
- `swv_28-08_westland.csv` ({counts(F_2808)}):
  `,`, UTF-8 with BOM, every field quoted. ISO
  dates. Combined `BRIN+vestiging`. `Gemeente woonadres`, `Woonplaats` (sometimes
  ’s-Gravenzande) and `PC4` all present and agreeing. `Werkelijke kosten` with a decimal point.
  {no_type} rows have an empty `Type onderwijs` at a location that offers one type only (the
  school list tells which; never at an SO/VSO location).

Deliberate traps, all counted as DOMAIN.md says:

- {s24["pupils_in_two_files"]} pupils appear in two different files with the same BSN, school,
  residence, type and dates (written differently per file): they count once.
- Records in the files that are not active on the peildatum and do not count:
  {listing(s24["records_not_active_on_peildatum"])}. They ended on 2024-09-15 or 2024-09-30,
  start on 2025-01-06 or 2024-10-02, or ended on 2024-06-30 (previous school year). Boundary
  cases that do count: start on 2024-10-01, end on 2024-10-01. A few records have no start
  date: they count.
- Pupils who moved from SO to VSO (sometimes at the same SO/VSO location) or from PO or SBO to
  VO between the two school years keep their BSN.
- Residence columns, places and PC4s never contradict each other.

## `2023-2024/swv_regio_2023-2024.xlsx`: school year 2023-2024 (peildatum 1 October 2023)

One sheet, header on row 1, residence as a CBS code in `Gemeente` (`GM0518`),
`Instellingscode` + `Vestigingscode` (2 digits, text), BSN as text, date cells, `Kosten`
numeric. {s23["distinct_pupils"]} distinct pupils, {s23["active_on_peildatum"]} active on the
peildatum (not active: {listing(s23["records_not_active_on_peildatum"])}). The flows are
similar to 2024-2025 but slightly different, so there is a trend.
{summary["pupils_in_both_school_years"]} pupils are in both school years. A pupil who stayed at
the same school has the identical record in both years (same start date, no end date), so
counting per school-year folder or pooling all records and selecting on the peildatum gives
the same result.

## `met_fouten/swv_met_fouten.xlsx`: problems for the user to fix

{summary["met_fouten"]["rows_with_data"]} rows for 2024-2025, other pupils than above and
**not** part of the truth. Header on row 1, text dates. The problems (Excel row numbers):

{problems}

The other {summary["met_fouten"]["valid_rows"]} rows are valid.

## `verwacht/`: the truth

- `matrix_2024-2025.json`, `matrix_2023-2024.json`: `school_year`, `peildatum`, `measure`
  (`pupils`) and `cells`, a list of `{{"from", "to", "value"}}` with one cell for every nonzero
  (residence, school municipality) pair, diagonal and outside the region included, sorted by
  (from, to). A record counts if it is active on the peildatum (start empty or on or before
  it, end empty or on or after it); a pupil (BSN) counts once per school year across the files
  in that year's folder; `from` is the pupil's residence, `to` the municipality of the school
  location (from the school list). `met_fouten/` is excluded.
- `summary.json`: per file the rows with data (without header, title, blank and `Totaal` rows;
  with identical duplicate rows), the distinct pupils and the distinct pupils active on the
  peildatum; totals per school year; the school-list counts; the problems in `met_fouten/`.
"""
