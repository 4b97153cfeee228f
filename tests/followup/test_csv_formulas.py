"""CSV exports: a cell a spreadsheet would run as a formula is neutralised, even behind invisible or fullwidth signs.

A spreadsheet may skip a zero-width space or a byte-order mark before « = », and may read a fullwidth « ＝ » (U+FF1D)
as « = »: the first character that shows, once NFKC-folded, decides.
"""

import csv
import io

from django.urls import reverse

import pytest

from followup import reports
from followup.models import Assignment
from tests.accounts.factories import ResidentFactory, StructureLinkFactory

HIDDEN = [
    "\u200b",  # zero-width space
    "\u200c",  # zero-width non-joiner
    "\u200d",  # zero-width joiner
    "\u2060",  # word joiner
    "\ufeff",  # byte-order mark
    "\u200e",  # left-to-right mark
    "\u202e",  # right-to-left override
    "\u00ad",  # soft hyphen
    "\u00a0",  # no-break space
    "\u3000",  # ideographic space
    " ",
    "\n",
    "\u3164",  # Hangul filler
    "\u200b\ufeff \u2060",
]
FORMULAS = ["=1+1", "+33 6", "-2+3", "@SUM(A1)", '=HYPERLINK("http://exemple.fr","clic")']
FULLWIDTH = ["＝1+1", "＋1", "－1", "＠SUM(A1)", "﹦1+1", "⁼1", "⁺1"]


@pytest.mark.parametrize("hidden", HIDDEN)
@pytest.mark.parametrize("formula", FORMULAS)
def test_a_formula_behind_invisible_characters_gets_an_apostrophe(hidden, formula):
    assert reports.neutralise(hidden + formula) == "'" + hidden + formula


@pytest.mark.parametrize("formula", FULLWIDTH)
def test_a_fullwidth_or_compatibility_formula_sign_gets_an_apostrophe(formula):
    assert reports.neutralise(formula) == "'" + formula
    assert reports.neutralise("\u200b" + formula) == "'\u200b" + formula


@pytest.mark.parametrize("value", ["\t=1", "\r=1", "\t", "\rAmina"])
def test_a_tab_or_carriage_return_first_still_gets_an_apostrophe(value):
    assert reports.neutralise(value) == "'" + value


@pytest.mark.parametrize(
    "value",
    [
        "Amina",
        "a=b",
        "\u200bAmina",
        "  Amina",
        "Ａmina",  # fullwidth letter: not a formula sign
        "１２",  # fullwidth digits
        "2+3",
        "« =1 »",
        "'=1",  # already neutral
        "",
        "\u200b",  # nothing shows at all
        "\u200b \ufeff",
    ],
)
def test_ordinary_text_is_left_alone(value):
    assert reports.neutralise(value) == value


def test_csv_text_neutralises_hidden_and_fullwidth_formulas_in_header_and_rows():
    text = reports.csv_text(["\u200b=Nom", "Note"], [["＝1+1", "\ufeff@A1"], ["Amina", 3]])
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    assert rows == [["'\u200b=Nom", "Note"], ["'＝1+1", "'\ufeff@A1"], ["Amina", "3"]]


@pytest.mark.django_db
def test_the_progress_export_neutralises_names_hiding_a_formula(client, agent, structure, module):
    """The file an agent downloads: names typed with a zero-width space or a fullwidth « ＝ » before a formula."""
    names = ['\u200b=HYPERLINK("http://exemple.fr","clic")', "＝1+1", "\ufeff＠SUM(A1)", "Amina"]
    for number, name in enumerate(names):
        resident = ResidentFactory(username=f"habitant{number}", display_name=name)
        StructureLinkFactory(resident=resident, structure=structure)
        Assignment.objects.create(module=module, resident=resident, structure=structure)
    client.force_login(agent)
    response = client.get(reverse("agent:progress_csv"))
    assert response.status_code == 200
    body = response.content.decode("utf-8").removeprefix("\ufeff")
    written = {row[0]: row[1] for row in csv.reader(io.StringIO(body), delimiter=";")}
    assert written["habitant0"] == "'" + names[0]
    assert written["habitant1"] == "'＝1+1"
    assert written["habitant2"] == "'\ufeff＠SUM(A1)"
    assert written["habitant3"] == "Amina"
    for cell in (cell for row in csv.reader(io.StringIO(body), delimiter=";") for cell in row):
        assert not reports.starts_like_formula(cell) or cell.startswith("'")
