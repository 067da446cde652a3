"""The bar charts: full names with room for them, round Dutch axis labels, missing values
marked, and the trend's figures per year."""

from __future__ import annotations

from grensverkeer.mapping import colours as c
from grensverkeer.mapping.charts import BarChart, Series, bar_chart, round_steps
from grensverkeer.mapping.picture import Path, Text, text_width
from grensverkeer.mapping.trend import membership_notes, trend_charts, trend_figures, year_figures
from grensverkeer.mapping.units import whole_euros
from grensverkeer.schoolyear import SchoolYear
from grensverkeer.services.settling.analysis import year_trend
from grensverkeer.services.settling.balance import parse_tolerance
from grensverkeer.storage.database import Database

NAMES = ("Leidschendam-Voorburg", "Pijnacker-Nootdorp", "'s-Gravenhage")


def _chart(width: float) -> BarChart:
    return BarChart(
        NAMES,
        (Series("saldo", (-49_000_000.0, 12_345_600.0, None), signed=True),),
        "saldo in euro’s",
        whole_euros,
        value_text=whole_euros,
    )


def test_names_are_never_cut_and_the_axis_is_in_euros() -> None:
    for width in (240.0, 400.0, 900.0):
        picture = bar_chart(_chart(width), width, 9.0)
        texts = [item for item in picture.items if isinstance(item, Text)]
        for name in NAMES:
            (label,) = [t for t in texts if t.text == name]
            assert label.at[0] >= 0 and label.anchor == "start"
            bars = [i for i in picture.items if isinstance(i, Path)]
            # every bar starts right of the longest name
            assert min(p[0] for b in bars for p in b.rings[0]) > 4 + text_width(NAMES[0], 9.0)
        axis = [t.text for t in texts if t.text.startswith("€ ") and t.anchor == "middle"]
        assert "€ 0" in axis and all(",00" not in a for a in axis)
        assert "geen lid" in [t.text for t in texts]
    wide = bar_chart(_chart(900), 900, 9.0)
    assert "€ -490.000" in [t.text for t in wide.items if isinstance(t, Text)]
    colours = {i.fill for i in wide.items if isinstance(i, Path) and i.key}
    assert colours == {c.BAR_POSITIVE, c.BAR_NEGATIVE}


def test_round_steps_fit_their_room() -> None:
    assert round_steps(0, 479, 900, str, 8) == (0, 500, 50)
    start, end, step = round_steps(-116_450_000, 153_550_000, 200, whole_euros, 8)
    assert start <= -116_450_000 and end >= 153_550_000 and (end - start) / step <= 3
    assert round_steps(0, 10, 1, str, 8)[2] > 0  # nothing fits: still an axis


def test_the_trend_is_the_analysis_of_every_year(demo_db: Database) -> None:
    tolerance = parse_tolerance("10%")
    years = trend_figures(demo_db, tolerance)
    assert [y.school_year for y in years] == [SchoolYear(2023), SchoolYear(2024)]
    for figures in years:
        expected = year_trend(demo_db, figures.school_year, tolerance)
        assert figures.ratio == expected.regional_ratio
        assert sum(b.cents_in for b in figures.balances) == expected.cents
    assert year_figures(demo_db, SchoolYear(2024), tolerance) == years[-1]
    names = {"GM0626": "Voorschoten"}
    notes = membership_notes(years, lambda code: names.get(code, code))
    assert notes == ["Voorschoten: geen deelnemer meer vanaf 2024-2025"]
    charts = trend_charts(years, lambda code: names.get(code, code), tolerance, 600)
    assert len(charts) == 3
    for picture in charts:
        assert "Voorschoten: geen deelnemer meer vanaf 2024-2025" in picture.texts()
