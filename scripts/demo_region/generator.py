"""Pupils and their records for both school years, deterministic with the seed."""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from dataclasses import dataclass, field

from .data import (
    H10,
    MUNICIPALITIES,
    PEILDATUM,
    SEED,
    START_24,
    YEAR_23,
    YEAR_24,
    YEAR_STARTS,
    D,
    place_pc4,
)
from .flows import (
    AGE_RANGE,
    ARRANGEMENTS,
    CONTINUE_RATE,
    FLOWS,
    FLOWS_24,
    NEW_RESIDENTS_24,
    PO_RESIDENCES,
    RESIDENTS_23,
    TARIFF_CENTS,
    TYPE_SHARES_IN,
    TYPE_SHARES_LANSINGERLAND,
    TYPE_SHARES_OUT,
)
from .schools import School, build_schools, house_number, random_postcode, weighted
from .words import FIRST_NAMES, STREETS, SURNAMES


def bsn_ok(bsn: str) -> bool:
    if len(bsn) != 9 or not bsn.isdigit():
        return False
    digits = [int(c) for c in bsn]
    total = sum((9 - i) * digits[i] for i in range(8)) - digits[8]
    return total % 11 == 0


@dataclass
class Pupil:
    bsn: str
    first: str
    tussen: str
    last: str
    birth: dt.date
    res: str
    place: str
    postcode: str
    street: str
    number: str


@dataclass
class Record:
    pupil: Pupil
    school: School
    kind: str  # PO | SBO | SO | VSO | VO
    vo_label: str  # VMBO | HAVO | PRO for VO, else ""
    arrangement: str
    start: dt.date | None
    end: dt.date | None
    cost_cents: int
    status: str = ""
    files: list[str] = field(default_factory=list)

    def active_on(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or self.end >= day)


class Generator:
    def __init__(self, seed: int = SEED) -> None:
        self.rng = random.Random(seed)
        self.schools = build_schools(self.rng)
        self.used_bsn: set[str] = set()
        self.by_gm_kind: dict[tuple[str, str], list[School]] = defaultdict(list)
        for school in self.schools:
            for kind in ("PO", "SBO", "SO", "VSO", "VO"):
                if school.offers(kind):
                    self.by_gm_kind[(school.gm, kind)].append(school)

    # -- helpers -------------------------------------------------------------------------------
    def new_bsn(self) -> str:
        rng = self.rng
        leading_zero = rng.random() < 0.07
        while True:
            digits = [0 if leading_zero else rng.randint(1, 9)]
            digits += [rng.randint(0, 9) for _ in range(7)]
            check = sum((9 - i) * digits[i] for i in range(8)) % 11
            if check == 10:
                continue
            bsn = "".join(map(str, digits)) + str(check)
            if bsn not in self.used_bsn and bsn_ok(bsn):
                self.used_bsn.add(bsn)
                return bsn

    def random_date(self, first: dt.date, last: dt.date) -> dt.date:
        day = dt.date.fromordinal(self.rng.randint(first.toordinal(), last.toordinal()))
        while day.weekday() >= 5:
            day -= dt.timedelta(days=1)
        return day

    def new_pupil(self, res: str, kind: str, peildatum: dt.date, age: int | None = None) -> Pupil:
        rng = self.rng
        muni = MUNICIPALITIES[res]
        lo, hi = AGE_RANGE[kind]
        age = age if age is not None else rng.randint(lo, hi)
        birth_year = peildatum.year - age - 1
        birth = dt.date(birth_year, 10, 2) + dt.timedelta(days=rng.randint(0, 364))
        tussen, last = rng.choice(SURNAMES)
        place = weighted(rng, muni.places)
        return Pupil(
            bsn=self.new_bsn(),
            first=rng.choice(FIRST_NAMES),
            tussen=tussen,
            last=last,
            birth=birth,
            res=res,
            place=place,
            postcode=random_postcode(rng, rng.choice(place_pc4(res, place))),
            street=rng.choice(STREETS),
            number=house_number(rng),
        )

    def pick_kind(self, res: str) -> str:
        if res == "GM1621":
            shares = TYPE_SHARES_LANSINGERLAND
        elif res not in H10:
            shares = TYPE_SHARES_OUT
        elif res in PO_RESIDENCES:
            shares = TYPE_SHARES_IN
        else:
            shares = tuple(
                (k, w + (11 if k == "VO" else 0)) for k, w in TYPE_SHARES_IN if k != "PO"
            )
        return weighted(self.rng, shares)

    def pick_school(self, kind: str, res: str, flows) -> School:
        table = flows[kind].get(res) or flows[kind]["*"]
        options = [(gm, w) for gm, w in table.items() if self.by_gm_kind.get((gm, kind))]
        if not options:
            options = [("GM0518", 1)]
        gm = weighted(self.rng, options)
        locations = self.by_gm_kind[(gm, kind)]
        return self.rng.choices(locations, weights=[s.weight for s in locations])[0]

    def vo_label(self, school: School) -> str:
        if school.sector != "VO":
            return ""
        return {"VBO/MAVO": "VMBO", "HAVO/VWO": "HAVO", "PRO": "PRO"}.get(
            school.structure, self.rng.choice(("VMBO", "HAVO"))
        )

    def new_record(self, pupil: Pupil, kind: str, flows, start, end, status) -> Record:
        school = self.pick_school(kind, pupil.res, flows)
        arrangement = weighted(self.rng, ARRANGEMENTS[kind])
        cost = int(TARIFF_CENTS[arrangement] * self.rng.uniform(0.6, 1.15))
        return Record(
            pupil=pupil,
            school=school,
            kind=kind,
            vo_label=self.vo_label(school),
            arrangement=arrangement,
            start=start,
            end=end,
            cost_cents=cost,
            status=status,
        )

    def earlier_start(self) -> dt.date:
        if self.rng.random() < 0.75:
            return self.rng.choice(YEAR_STARTS)
        return self.random_date(D(2019, 9, 1), D(2023, 9, 29))

    # -- populations ---------------------------------------------------------------------------
    def population_23(self) -> list[Record]:
        rng = self.rng
        peil = PEILDATUM[YEAR_23]
        records: list[Record] = []
        for res, count in RESIDENTS_23.items():
            for _ in range(count):
                kind = self.pick_kind(res)
                draw = rng.random()
                if draw < 0.015:
                    status = "ended_before_peildatum"
                elif draw < 0.035:
                    status = "started_after_peildatum"
                elif draw < 0.045 and kind in ("SO", "PO", "SBO"):
                    status = "transition"
                elif draw < 0.045 + CONTINUE_RATE[kind] * 0.97:
                    status = "continuing"
                else:
                    status = "left"
                age = None
                if status == "transition":
                    age = 11
                elif status == "continuing":
                    lo, hi = AGE_RANGE[kind]
                    age = rng.randint(lo, hi - 1)
                pupil = self.new_pupil(res, kind, peil, age)
                start: dt.date | None = self.earlier_start()
                end: dt.date | None = None
                if status == "ended_before_peildatum":
                    start = rng.choice(YEAR_STARTS[:-1])
                    end = rng.choice(
                        (D(2023, 9, 15), self.random_date(D(2023, 9, 1), D(2023, 9, 29)))
                    )
                elif status == "started_after_peildatum":
                    start = rng.choice(
                        (D(2024, 1, 8), self.random_date(D(2023, 10, 2), D(2024, 3, 29)))
                    )
                    end = None if rng.random() < 0.5 else D(2024, 7, 31)
                elif status in ("transition", "left"):
                    end = rng.choice(
                        (
                            D(2024, 7, 31),
                            D(2024, 7, 31),
                            D(2024, 7, 12),
                            self.random_date(D(2023, 11, 1), D(2024, 6, 28)),
                        )
                    )
                if status == "started_after_peildatum" and end is None:
                    status = "continuing_late_start"
                records.append(self.new_record(pupil, kind, FLOWS, start, end, status))
        # a few leavers whose record ended 2024-06-30 and still shows up in a 2024-2025 file
        leavers = [r for r in records if r.status == "left" and r.start and r.start <= peil]
        for record in rng.sample(leavers, 10):
            record.end = D(2024, 6, 30)
            record.status = "ended_previous_school_year"
        # a few records without a start date (the rule treats empty start as "from always")
        for record in rng.sample([r for r in records if r.status == "continuing"], 6):
            record.start = None
        return records

    def population_24(self, records_23: list[Record]) -> list[Record]:
        rng = self.rng
        peil = PEILDATUM[YEAR_24]
        out: list[Record] = []
        for record in records_23:
            if record.status in (
                "continuing",
                "continuing_late_start",
                "ended_previous_school_year",
            ):
                out.append(record)  # the very same record (identical in both years)
            elif record.status == "transition":
                nxt = {"SO": "VSO", "PO": "VO", "SBO": "VO"}[record.kind]
                new = None
                if nxt == "VSO" and record.school.offers("VSO") and rng.random() < 0.5:
                    arrangement = weighted(rng, ARRANGEMENTS["VSO"])
                    new = Record(
                        record.pupil,
                        record.school,
                        "VSO",
                        "",
                        arrangement,
                        START_24,
                        None,
                        int(TARIFF_CENTS[arrangement] * rng.uniform(0.6, 1.15)),
                        "transition_new",
                    )
                if new is None:
                    new = self.new_record(
                        record.pupil, nxt, FLOWS_24, START_24, None, "transition_new"
                    )
                out.append(new)
        for res, count in NEW_RESIDENTS_24.items():
            for _ in range(count):
                kind = self.pick_kind(res)
                pupil = self.new_pupil(res, kind, peil)
                draw = rng.random()
                start: dt.date | None = START_24
                end: dt.date | None = None if rng.random() < 0.6 else D(2025, 7, 31)
                status = "new"
                if draw < 0.021:
                    status, start, end = "ended_before_peildatum", START_24, D(2024, 9, 15)
                elif draw < 0.042:
                    status, start = "started_after_peildatum", D(2025, 1, 6)
                elif draw < 0.20:
                    start = self.random_date(D(2024, 8, 27), D(2024, 9, 30))
                out.append(self.new_record(pupil, kind, FLOWS_24, start, end, status))
        # boundary cases around the peildatum
        fresh = [r for r in out if r.status == "new" and r.end is None]
        picks = rng.sample(fresh, 8)
        for record, (start, end, status) in zip(
            picks,
            (
                (D(2024, 10, 1), None, "boundary_start_on_peildatum"),
                (D(2024, 10, 1), D(2025, 7, 31), "boundary_start_on_peildatum"),
                (START_24, D(2024, 10, 1), "boundary_end_on_peildatum"),
                (START_24, D(2024, 10, 1), "boundary_end_on_peildatum"),
                (START_24, D(2024, 9, 30), "ended_before_peildatum"),
                (START_24, D(2024, 9, 30), "ended_before_peildatum"),
                (D(2024, 10, 2), None, "started_after_peildatum"),
                (D(2024, 10, 2), None, "started_after_peildatum"),
            ),
            strict=True,
        ):
            record.start, record.end, record.status = start, end, status
        return out
