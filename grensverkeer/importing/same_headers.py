"""Two columns under the same header: which one is meant is for the user to say.

Exports join tables and repeat a header ("Woonplaats" of the pupil and of the school, two
"Einddatum" columns of two periods). The recogniser would take one of them, the first as often
as not, without a word; when the two hold other values somewhere, that is a question instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from grensverkeer.importing.header_words import fold
from grensverkeer.importing.layout import Question, QuestionCode
from grensverkeer.importing.values import is_empty

if TYPE_CHECKING:
    from grensverkeer.importing.layout_checks import Draft


def same_header_questions(draft: Draft) -> None:
    """Ask about each used column whose header another, unused column repeats with other
    values (compared over every row, not just the sample)."""
    asked = {c for q in draft.questions for c in q.candidates}
    # under other group headers ("Leerling", "School") the same header names other things
    folded = [
        (fold(group), fold(header)) if header.strip() else None
        for header, group in zip(draft.headers, draft.groups, strict=False)
    ]
    used = set(draft.assigned.values())
    for field_, column in list(draft.assigned.items()):
        if field_ in draft.fixed or column in asked or folded[column] is None:
            continue
        twins = [
            c
            for c, name in enumerate(folded)
            if c != column
            and name == folded[column]
            and c not in used
            and c not in draft.excluded
            and _differ(draft, column, c)
        ]
        if twins:
            header = draft.headers[column].strip()
            times = "twee" if len(twins) == 1 else str(len(twins) + 1)
            draft.questions.append(
                Question(
                    QuestionCode.DUPLICATE,
                    (field_,),
                    (column, *twins),
                    f"de kolomkop ‘{header}’ staat er {times} keer",
                )
            )


def _differ(draft: Draft, one: int, other: int) -> bool:
    """Whether the two columns hold other values in any data row."""
    for cells in draft.rows[draft.row + 1 :]:
        a = cells[one] if one < len(cells) else ""
        b = cells[other] if other < len(cells) else ""
        if a != b and not (is_empty(a) and is_empty(b)):
            return True
    return False
