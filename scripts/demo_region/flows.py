"""The demo's numbers: schools per municipality, pupil flows, shares, arrangements, tariffs."""

# Locations per municipality:
#   BAO, SBAO, (V)SO with SO only, VSO only, SO/VSO, VO VBO/MAVO, HAVO/VWO, VBO/MAVO/HAVO/VWO, PRO
SCHOOL_PLAN: dict[str, tuple[int, ...]] = {
    "GM0518": (128, 7, 4, 5, 5, 12, 12, 14, 4),
    "GM0637": (34, 2, 1, 2, 1, 3, 3, 3, 1),
    "GM1783": (38, 2, 0, 1, 1, 2, 1, 3, 1),
    "GM0503": (24, 2, 1, 2, 1, 3, 3, 3, 1),
    "GM1916": (24, 1, 0, 1, 1, 1, 2, 2, 0),
    "GM0603": (13, 1, 1, 1, 0, 1, 1, 2, 0),
    "GM1926": (16, 1, 0, 0, 0, 1, 1, 1, 0),
    "GM1842": (8, 0, 0, 0, 0, 0, 0, 1, 0),
    "GM0629": (8, 0, 0, 1, 0, 0, 0, 1, 0),
    "GM0626": (7, 0, 0, 0, 0, 0, 0, 1, 0),
    "GM0546": (6, 1, 1, 1, 1, 1, 2, 2, 1),
    "GM0599": (6, 0, 1, 2, 1, 2, 2, 2, 0),
    "GM1621": (4, 1, 0, 0, 0, 0, 1, 1, 0),
    "GM0606": (3, 0, 0, 1, 0, 1, 0, 1, 0),
    "GM0556": (3, 1, 0, 0, 0, 1, 0, 1, 0),
}

# Extra locations of a BRIN in another municipality (main municipality -> branch municipality).
CROSS_BRANCHES_VO = (
    ("GM0518", "GM0603"),
    ("GM0503", "GM1926"),
    ("GM0518", "GM1916"),
    ("GM1783", "GM1842"),
)
CROSS_BRANCHES_VSO = (
    ("GM0518", "GM0603"),
    ("GM0518", "GM1916"),
    ("GM0503", "GM1783"),
    ("GM0637", "GM1926"),
)

ARRANGEMENTS: dict[str, tuple[tuple[str, int], ...]] = {
    "VSO": (
        ("Onderwijs-zorgarrangement", 45),
        ("Zorg in de klas", 25),
        ("Dagbesteding + onderwijs", 15),
        ("Individuele begeleiding", 15),
    ),
    "SO": (
        ("Onderwijs-zorgarrangement", 50),
        ("Zorg in de klas", 30),
        ("Dagbesteding + onderwijs", 20),
    ),
    "VO": (
        ("Ambulante begeleiding", 50),
        ("Zorg in de klas", 30),
        ("Onderwijs-zorgarrangement", 20),
    ),
    "SBO": (("Zorg in de klas", 60), ("Ambulante begeleiding", 40)),
    "PO": (("Zorg in de klas", 50), ("Ambulante begeleiding", 50)),
}
TARIFF_CENTS = {
    "Onderwijs-zorgarrangement": 1_250_000,
    "Zorg in de klas": 680_000,
    "Dagbesteding + onderwijs": 1_800_000,
    "Ambulante begeleiding": 320_000,
    "Individuele begeleiding": 540_000,
}
AGE_RANGE = {"PO": (5, 12), "SBO": (6, 12), "SO": (5, 12), "VSO": (12, 19), "VO": (12, 17)}

TYPE_SHARES_IN = (("VO", 40), ("VSO", 27), ("SO", 12), ("SBO", 10), ("PO", 11))
TYPE_SHARES_OUT = (("VO", 35), ("VSO", 45), ("SO", 20))
TYPE_SHARES_LANSINGERLAND = (("VO", 45), ("VSO", 35), ("SO", 10), ("SBO", 10))
PO_RESIDENCES = ("GM0518", "GM0603", "GM1916", "GM0629")

FLOWS: dict[str, dict[str, dict[str, int]]] = {
    "VO": {
        "GM0518": {"GM0518": 86, "GM0603": 7, "GM1916": 4, "GM0503": 2, "GM0629": 1},
        "GM0603": {"GM0603": 48, "GM0518": 40, "GM0503": 10, "GM1916": 2},
        "GM1916": {"GM1916": 60, "GM0518": 30, "GM0637": 6, "GM0603": 4},
        "GM0503": {"GM0503": 90, "GM1926": 3, "GM0518": 3, "GM0603": 2, "GM1783": 2},
        "GM1842": {
            "GM0503": 45,
            "GM1842": 15,
            "GM1783": 15,
            "GM0556": 10,
            "GM0606": 10,
            "GM0599": 5,
        },
        "GM1926": {"GM0503": 40, "GM1926": 35, "GM0637": 10, "GM1621": 10, "GM0518": 5},
        "GM0629": {"GM0629": 35, "GM0518": 35, "GM0546": 20, "GM0626": 10},
        "GM0626": {"GM0626": 40, "GM0546": 40, "GM0518": 15, "GM0629": 5},
        "GM1783": {"GM1783": 80, "GM0518": 8, "GM0503": 6, "GM1842": 3, "GM0556": 3},
        "GM0637": {"GM0637": 92, "GM0518": 3, "GM1926": 2, "GM1916": 3},
        "GM0546": {"GM0626": 50, "GM0629": 20, "GM0518": 30},
        "GM0599": {"GM0503": 35, "GM0518": 30, "GM1783": 20, "GM1842": 15},
        "GM1621": {"GM0503": 30, "GM0637": 25, "GM1926": 25, "GM1621": 20},
        "GM0537": {"GM0629": 60, "GM0518": 40},
        "GM0606": {"GM0503": 60, "GM1842": 40},
        "GM0556": {"GM1783": 60, "GM0503": 40},
        "*": {"GM0518": 70, "GM0503": 30},
    },
    "VSO": {
        "GM0518": {"GM0518": 80, "GM0603": 8, "GM1916": 4, "GM0503": 3, "GM0637": 2, "GM1783": 3},
        "GM0603": {"GM0518": 55, "GM0603": 35, "GM0503": 10},
        "GM1916": {"GM0518": 55, "GM1916": 35, "GM0637": 10},
        "GM0503": {"GM0503": 65, "GM0518": 25, "GM0599": 5, "GM0603": 5},
        "GM1842": {"GM0503": 55, "GM0518": 20, "GM1783": 15, "GM0599": 10},
        "GM1926": {"GM0503": 50, "GM0518": 20, "GM0637": 25, "GM0599": 5},
        "GM0629": {"GM0518": 60, "GM0546": 25, "GM0629": 15},
        "GM0626": {"GM0546": 50, "GM0518": 40, "GM0629": 10},
        "GM1783": {"GM1783": 45, "GM0518": 40, "GM0503": 10, "GM0599": 5},
        "GM0637": {"GM0637": 75, "GM0518": 20, "GM0503": 5},
        "GM0546": {"GM0518": 60, "GM0629": 40},
        "GM0599": {"GM0518": 40, "GM0503": 40, "GM1783": 20},
        "GM1621": {"GM0503": 45, "GM0637": 40, "GM0518": 15},
        "GM0537": {"GM0518": 60, "GM0629": 40},
        "GM0606": {"GM0503": 70, "GM0518": 30},
        "GM0556": {"GM1783": 50, "GM0503": 50},
        "*": {"GM0518": 80, "GM0503": 20},
    },
    "SBO": {
        "GM0518": {"GM0518": 94, "GM0603": 4, "GM1916": 2},
        "GM0603": {"GM0603": 65, "GM0518": 35},
        "GM1916": {"GM1916": 75, "GM0518": 25},
        "GM0503": {"GM0503": 95, "GM1926": 5},
        "GM1842": {"GM0503": 60, "GM1783": 40},
        "GM1926": {"GM1926": 55, "GM0503": 45},
        "GM0629": {"GM1916": 60, "GM0518": 40},
        "GM0626": {"GM0546": 70, "GM0518": 30},
        "GM1783": {"GM1783": 100},
        "GM0637": {"GM0637": 100},
        "GM1621": {"GM1621": 50, "GM0503": 50},
        "*": {"GM0518": 100},
    },
    "PO": {
        "GM0518": {"GM0518": 97, "GM0603": 2, "GM1916": 1},
        "GM0603": {"GM0603": 80, "GM0518": 20},
        "GM1916": {"GM1916": 90, "GM0518": 10},
        "GM0629": {"GM0629": 85, "GM1916": 15},
        "*": {"GM0518": 100},
    },
}
FLOWS["SO"] = FLOWS["VSO"]

# New pupils in 2024-2025 follow slightly different flows (the trend).
FLOWS_24 = {kind: dict(table) for kind, table in FLOWS.items()}
FLOWS_24["VSO"] = {
    **FLOWS["VSO"],
    "GM1783": {"GM1783": 35, "GM0518": 50, "GM0503": 10, "GM0599": 5},
    "GM0603": {"GM0518": 62, "GM0603": 30, "GM0503": 8},
    "GM1926": {"GM0503": 58, "GM0518": 17, "GM0637": 22, "GM0599": 3},
}
FLOWS_24["VO"] = {
    **FLOWS["VO"],
    "GM0518": {"GM0518": 83, "GM0603": 10, "GM1916": 4, "GM0503": 2, "GM0629": 1},
    "GM1926": {"GM0503": 50, "GM1926": 28, "GM0637": 10, "GM1621": 7, "GM0518": 5},
    "GM1842": {"GM0503": 55, "GM1842": 10, "GM1783": 15, "GM0556": 8, "GM0606": 8, "GM0599": 4},
}
FLOWS_24["SO"] = FLOWS_24["VSO"]

RESIDENTS_23 = {
    "GM0518": 1180,
    "GM0637": 285,
    "GM1783": 275,
    "GM0503": 245,
    "GM1916": 180,
    "GM0603": 140,
    "GM1926": 125,
    "GM1842": 52,
    "GM0629": 58,
    "GM0626": 60,
    "GM0546": 38,
    "GM0599": 42,
    "GM1621": 55,
    "GM0537": 18,
    "GM0606": 10,
    "GM0556": 14,
    "GM0344": 2,
    "GM0363": 2,
    "GM0394": 1,
    "GM0268": 1,
    "GM0484": 1,
    "GM0513": 1,
}
NEW_RESIDENTS_24 = {
    "GM0518": 520,
    "GM0637": 110,
    "GM1783": 122,
    "GM0503": 100,
    "GM1916": 75,
    "GM0603": 62,
    "GM1926": 74,
    "GM1842": 22,
    "GM0629": 25,
    "GM0626": 22,
    "GM0546": 15,
    "GM0599": 20,
    "GM1621": 25,
    "GM0537": 8,
    "GM0606": 4,
    "GM0556": 6,
    "GM0344": 1,
    "GM0363": 1,
    "GM0394": 1,
    "GM0268": 1,
    "GM0513": 1,
}
CONTINUE_RATE = {"VSO": 0.70, "VO": 0.62, "SO": 0.62, "SBO": 0.62, "PO": 0.55}

DEMO_TARIFFS = {  # euros per pupil per school year; synthetic, for the demo only
    "2023-2024": {"PO": 4800, "SBO": 7200, "SO": 10600, "VSO": 12000, "VO": 7700},
    "2024-2025": {"PO": 5000, "SBO": 7500, "SO": 11000, "VSO": 12500, "VO": 8000},
}
DEMO_ARRANGEMENT_TARIFFS = {"2023-2024": 17300, "2024-2025": 18000}  # Dagbesteding + onderwijs
