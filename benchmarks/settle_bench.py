"""Benchmark of the exact fewest-transfers solver on positions built from common tariffs.

The hard case for netting is many equal amounts: positions that are small multiples of a few
tariffs (12,500 / 8,000 / 15,000 euros) have many zero-sum subsets. For 10, 15 and 20 nonzero
positions we draw 20 such inputs (seeded, so every machine times the same inputs), time each
(best of a few runs, against scheduler noise) and report the worst and the median draw, also as
ratios against a fixed pure-Python loop timed in the same run, so figures from different machines
can be compared. Two rows per size: the public ``plan_positions`` (which first pairs +x with -x)
and the exact core on all positions without that pairing, the worst case the solver can meet.

Run: ``python benchmarks/settle_bench.py``
"""

import random
import statistics
import time
from collections.abc import Callable

from grensverkeer.settlement import plan_positions
from grensverkeer.settlement.zero_sum_partition import max_zero_sum_partition

TARIFFS_CENTS = (12_500_00, 8_000_00, 15_000_00)
SIZES = (10, 15, 20)
DRAWS = 20
REPEATS = 3
GOALS_SECONDS = {20: 0.5, 10: 0.005}


def draw_positions(rng: random.Random, count: int) -> dict[str, int]:
    """``count`` nonzero positions, each -3..3 times a tariff, that add up to zero."""
    allowed = {step * tariff for step in (-3, -2, -1, 1, 2, 3) for tariff in TARIFFS_CENTS}
    while True:
        amounts = [
            rng.choice((-3, -2, -1, 1, 2, 3)) * rng.choice(TARIFFS_CENTS) for _ in range(count - 1)
        ]
        last = -sum(amounts)
        if last in allowed:
            amounts.append(last)
            return {f"GM{index:04d}": cents for index, cents in enumerate(amounts)}


def best_time(action: Callable[[], object], repeats: int = REPEATS) -> float:
    """Fastest of ``repeats`` runs in seconds."""
    fastest = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        fastest = min(fastest, time.perf_counter() - start)
    return fastest


def baseline_loop() -> int:
    """A fixed pure-Python loop: the yardstick for this machine's speed."""
    total = 0
    for step in range(100_000):
        total += step * step % 7
    return total


def greedy_count(positions: dict[str, int]) -> int:
    """Transfers made by plain greedy (largest debtor pays largest creditor), for comparison."""
    open_positions = {code: cents for code, cents in positions.items() if cents}
    transfers = 0
    while open_positions:
        payer = min(open_positions, key=lambda code: (open_positions[code], code))
        payee = max(open_positions, key=lambda code: (open_positions[code], code))
        cents = min(-open_positions[payer], open_positions[payee])
        transfers += 1
        for code, change in ((payer, cents), (payee, -cents)):
            open_positions[code] += change
            if not open_positions[code]:
                del open_positions[code]
    return transfers


def main() -> None:
    baseline = statistics.median(best_time(baseline_loop, 1) for _ in range(15))
    print(f"baseline: fixed pure-Python loop of 100,000 steps, median {baseline * 1000:.2f} ms")
    print()
    header = (
        f"{'solver':<22}{'n':>4}{'worst s':>11}{'median s':>11}"
        f"{'worst/base':>12}{'median/base':>13}{'greedy worse':>14}"
    )
    print(header)
    print("-" * len(header))
    worst_by_size: dict[int, float] = {}
    for count in SIZES:
        rng = random.Random(1_000 + count)
        inputs = [draw_positions(rng, count) for _ in range(DRAWS)]
        worse = sum(greedy_count(p) > len(plan_positions(p).transfers) for p in inputs)
        rows: list[tuple[str, Callable[[dict[str, int]], object]]] = [
            ("plan_positions", plan_positions),
            ("core, no pairing", lambda p: max_zero_sum_partition(sorted(p.values()))),
        ]
        for row, (name, solver) in enumerate(rows):
            times = [best_time(lambda p=positions, s=solver: s(p)) for positions in inputs]
            worst, median = max(times), statistics.median(times)
            worst_by_size[count] = max(worst_by_size.get(count, 0.0), worst)
            print(
                f"{name:<22}{count:>4}{worst:>11.5f}{median:>11.5f}"
                f"{worst / baseline:>12.3f}{median / baseline:>13.3f}"
                + (f"{worse:>11}/{DRAWS}" if row == 0 else f"{'':>14}")
            )
    print()
    for count, goal in sorted(GOALS_SECONDS.items(), reverse=True):
        worst = worst_by_size[count]
        verdict = "met" if worst < goal else "NOT met"
        print(
            f"goal {count} positions < {goal * 1000:g} ms: {verdict} on this machine "
            f"(worst {worst * 1000:.2f} ms over both rows)"
        )


if __name__ == "__main__":
    main()
