"""Aliases: an accepted spelling is stored and every later import understands it."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import inspect

from grensverkeer.errors import GrensverkeerError
from grensverkeer.importing.issues import ImportIssue
from grensverkeer.pseudonym import load_pseudonymizer
from grensverkeer.reference import VIA_ALIAS, load_reference
from grensverkeer.services.demo import demo_dir, demo_files
from grensverkeer.services.imports.aliases import (
    AliasSuggestion,
    ReferenceWithAliases,
    add_alias,
    alias_map,
    alias_suggestions,
    list_aliases,
    reference_with_aliases,
    remove_alias,
)
from grensverkeer.services.imports.importer import Importer
from grensverkeer.services.imports.reports import Outcome

WITH_PROBLEMS = demo_dir() / "met_fouten" / "swv_met_fouten.xlsx"


def test_the_migration_creates_the_aliases_table(db) -> None:
    columns = {c["name"] for c in inspect(db.engine).get_columns("aliases")}
    assert columns == {"id", "key", "text", "code", "created_at"}


def test_a_stored_alias_resolves_in_any_spelling(db) -> None:
    before = reference_with_aliases(db)
    assert before.resolve_municipality("Den Haaag").code is None
    alias = add_alias(db, "Den  Haaag ", "518")
    assert (alias.text, alias.key, alias.code) == ("Den Haaag", "den haaag", "GM0518")
    assert alias_map(db) == {"den haaag": "GM0518"}

    reference = reference_with_aliases(db)
    for text in ("Den Haaag", "DEN HAAAG", "den-haaag", "Gemeente Den Haaag"):
        found = reference.resolve_municipality(text)
        assert (found.code, found.via) == ("GM0518", VIA_ALIAS), text
    assert reference.resolve_place("Den Haaag").code == "GM0518"
    # The official tables still answer first, and everything else is the reference's.
    assert reference.resolve_municipality("Den Haag").code == "GM0518"
    assert reference.resolve_municipality("Delft").via != VIA_ALIAS
    assert reference.resolve_place("Den Hoorn", "1797").code == "GM0448"  # Texel stays Texel
    assert reference.resolve_postcode("2611 AB").code == "GM0503"
    assert reference.label("GM0518") == "'s-Gravenhage (GM0518)"
    peildatum = date(2024, 10, 1)
    assert reference.region_members(peildatum) == load_reference().region_members(peildatum)
    assert reference.swv_for("GM0518", "PO") == load_reference().swv_for("GM0518", "PO")
    assert reference.neighbours() == load_reference().neighbours()


def test_aliases_are_listed_replaced_and_removed(db) -> None:
    add_alias(db, "Zoetermer", "GM0638")
    add_alias(db, "zoetermer", "GM0637")  # the user changed their mind: replaced
    add_alias(db, "Den Haaag", "GM0518")
    assert [(a.text, a.code) for a in list_aliases(db)] == [
        ("Den Haaag", "GM0518"),
        ("zoetermer", "GM0637"),
    ]
    removed = remove_alias(db, "ZOETERMER")
    assert removed.code == "GM0637"
    assert [a.text for a in list_aliases(db)] == ["Den Haaag"]
    with pytest.raises(GrensverkeerError, match="geen alias"):
        remove_alias(db, "Zoetermer")


@pytest.mark.parametrize(
    ("text", "code", "message"),
    [
        ("Den Haag", "GM0503", "al bekend als 's-Gravenhage"),
        ("Naaldwijk", "GM0518", "al bekend als Westland"),
        ("  ", "GM0518", "lege naam"),
        ("Den Haaag", "GM9999", "geen bekende gemeentecode"),
        ("Den Haaag", "Haag", "geen bekende gemeentecode"),
    ],
)
def test_an_alias_that_could_never_be_used_is_refused(
    db, text: str, code: str, message: str
) -> None:
    with pytest.raises(GrensverkeerError, match=message):
        add_alias(db, text, code)
    assert list_aliases(db) == []


def test_an_issue_offers_the_municipalities_of_its_suggestion() -> None:
    def issue(code: str, value: str, suggestion: str) -> ImportIssue:
        return ImportIssue("x.xlsx", "Blad1", 5, "D", code, "onbekend", value, suggestion)

    assert alias_suggestions(
        issue("woongemeente_onbekend", "Den Haaag", "bedoelde u 's-Gravenhage (GM0518)?")
    ) == (AliasSuggestion("Den Haaag", "GM0518", "'s-Gravenhage (GM0518)"),)
    two = alias_suggestions(
        issue(
            "woonplaats_onbekend",
            "Naaldwjik",
            "bedoelde u Naaldwijk (Westland, GM1783) of Monster (Westland, GM1783)?",
        )
    )
    assert [s.code for s in two] == ["GM1783"]
    assert alias_suggestions(issue("brin_onbekend", "78OO", "bedoelde u 48OO of 78OX?")) == ()
    assert alias_suggestions(issue("woongemeente_onbekend", "", "(GM0518)")) == ()


def test_the_importer_reads_an_accepted_spelling(db) -> None:
    """What the CLI does once it imports with ``reference_with_aliases``."""
    importer = Importer(db, load_pseudonymizer())
    importer.import_files([p for p in demo_files() if p.parent.name == "scholen"])
    (before,) = importer.import_files([WITH_PROBLEMS])
    assert "Den Haaag" in {i.value for i in before.errors}
    (accepted,) = (s for i in before.errors for s in alias_suggestions(i) if s.text == "Den Haaag")
    add_alias(db, accepted.text, accepted.code)

    with_aliases = Importer(db, load_pseudonymizer(), reference=reference_with_aliases(db))  # type: ignore[arg-type]
    (after,) = with_aliases.import_files([WITH_PROBLEMS])
    assert after.outcome is Outcome.REFUSED
    assert len(after.errors) == len(before.errors) - 1
    assert "Den Haaag" not in {i.value for i in after.errors}


def test_the_wrapper_delegates_what_it_does_not_know() -> None:
    reference = ReferenceWithAliases(load_reference(), {})
    assert reference.base is load_reference()
    assert reference.municipality("GM0518") == load_reference().municipality("GM0518")
    assert reference.municipalities() == load_reference().municipalities()
    assert reference.swv_areas() == load_reference().swv_areas()
    assert reference._by_code is load_reference()._by_code  # via __getattr__
