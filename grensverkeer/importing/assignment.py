"""The best one-to-one assignment of columns to fields.

Each field goes to at most one column and each column holds at most one field; of all such
assignments the one with the highest total score wins. Greedy (best pair first) is not enough:
a ``Datum`` column a little more like a start than ``Ingangsdatum`` would take the start and
push ``Ingangsdatum`` out. SciPy's ``linear_sum_assignment`` solves this, but importing SciPy
costs a third of a second per run; the problem here is a dozen fields with one to three
candidate columns each, which an exact branch-and-bound search settles in microseconds.
"""

from __future__ import annotations

from collections.abc import Mapping

from grensverkeer.importing.fields import Field

Scores = Mapping[Field, Mapping[int, float]]  # field → column → score (> 0)


def best_assignment(scores: Scores) -> dict[Field, int]:
    """The assignment field → column with the highest total score (ties: earlier columns)."""
    fields = sorted(
        (f for f in scores if scores[f]), key=lambda f: (len(scores[f]), -max(scores[f].values()))
    )
    options = [sorted(scores[f].items(), key=lambda item: (-item[1], item[0])) for f in fields]
    # the most any remaining fields can still add: the bound that prunes the search
    remaining = [0.0] * (len(fields) + 1)
    for i in range(len(fields) - 1, -1, -1):
        remaining[i] = remaining[i + 1] + options[i][0][1]
    best_total = -1.0
    best: dict[Field, int] = {}
    chosen: dict[Field, int] = {}
    used: set[int] = set()

    def search(i: int, total: float) -> None:
        nonlocal best_total, best
        if total + remaining[i] <= best_total + 1e-12:
            return
        if i == len(fields):
            best_total, best = total, dict(chosen)
            return
        for column, score in options[i]:
            if column in used:
                continue
            chosen[fields[i]] = column
            used.add(column)
            search(i + 1, total + score)
            used.discard(column)
            del chosen[fields[i]]
        search(i + 1, total)  # this field in no column

    search(0, 0.0)
    return best
