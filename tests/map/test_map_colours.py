"""Colours that colour-blind readers can tell apart, and classes with round numbers."""

from __future__ import annotations

import itertools

from grensverkeer.mapping import colours as c
from grensverkeer.mapping.units import short_text


def test_legend_colours_stay_apart_with_deuteranopia() -> None:
    legend = [*c.PAYS, c.NEUTRAL, *c.RECEIVES, c.OUTSIDE_FILL]
    seen = [c.simulate_deuteranopia(colour) for colour in legend]
    for first, second in itertools.combinations(seen, 2):
        assert c.difference(first, second) >= 12, (first, second)
    # the check itself works: red and green, told apart normally, merge without green cones
    assert c.difference("#d62728", "#2ca02c") > 60
    red, green = (c.simulate_deuteranopia(x) for x in ("#d62728", "#2ca02c"))
    assert c.difference(red, green) < 25


def test_the_chart_colours_stay_apart_with_deuteranopia() -> None:
    seen = [c.simulate_deuteranopia(x) for x in (c.BAR_POSITIVE, c.BAR_NEGATIVE, *c.SERIES[:4])]
    for first, second in itertools.combinations(seen, 2):
        assert c.difference(first, second) >= 12, (first, second)


def test_classes_are_round_and_symmetric() -> None:
    scale = c.diverging_scale(110, lambda v: short_text(v, "pupils"))
    assert scale.step == 40
    assert [k.label for k in scale.classes] == [
        "-120 tot -80", "-80 tot -40", "-40 tot 0", "0", "0 tot 40", "40 tot 80", "80 tot 120",
    ]  # fmt: skip
    assert scale.colour(0) == c.NEUTRAL
    assert scale.colour(110) == c.RECEIVES[-1] and scale.colour(-110) == c.PAYS[0]
    assert scale.colour(39) == c.RECEIVES[0] and scale.colour(-41) == c.PAYS[1]
    euros = c.diverging_scale(190_000_000, lambda v: short_text(v, "amount"))
    assert euros.classes[-1].label == "€ 1.600.000 tot € 2.400.000"


def test_text_is_readable_on_every_fill() -> None:
    assert c.text_on(c.RECEIVES[-1]) == "#ffffff"
    assert c.text_on(c.NEUTRAL) == c.INK
