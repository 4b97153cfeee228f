"""Scoring rules: plain questions and responses, no database."""

import dataclasses
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assessments.scoring import (
    InvalidResponse,
    Result,
    by_competence,
    levenshtein,
    normalize_answer,
    passed,
    quiz_score,
    score,
)

# No example database on disk, no deadline on a busy CI machine.
PROPERTY = settings(database=None, deadline=None)


def question(kind, **specific):
    return {
        "kind": kind,
        "name": "",
        "stem": "<p>Question</p>",
        "explanation": "",
        "competence": "4.2",
        "level": 1,
        **specific,
    }


def option(text, weight, feedback=""):
    return {"text": text, "weight": weight, "feedback": feedback}


AMELI = question(
    "single",
    stem="<p>Sur quel site gérer son compte <b>Assurance Maladie</b> ?</p>",
    options=[
        option("<b>ameli.fr</b>", 1, "Oui, c'est le site officiel."),
        option("caf.fr", 0, "Non, c'est le site de la CAF."),
        option("impots.gouv.fr", 0),
    ],
)

PASSWORDS = question(
    "multiple",
    stem="<p>Quels mots de passe sont solides ?</p>",
    options=[
        option("Chat-Bleu-Pluie-2024!", 0.5, "Oui : long et varié."),
        option("123456", -1, "Non : c'est le plus courant."),
        option("Mon prénom", -0.5, ""),
        option("Kx9#vLq2$Tz", 0.5, "Oui : difficile à deviner."),
    ],
)

PHISHING = question(
    "true_false",
    stem="<p>La CAF peut vous demander votre mot de passe par courriel.</p>",
    answer=False,
    feedback_true="Non : aucun organisme ne demande votre mot de passe.",
    feedback_false="Exact : c'est une tentative d'hameçonnage.",
)

CAF_SITE = question(
    "short_answer",
    stem="<p>Quelle est l'adresse du site de la CAF ?</p>",
    answers=[
        {"text": "caf.fr", "feedback": "Bravo !"},
        {"text": "www.caf.fr", "feedback": ""},
    ],
)

SITES = question(
    "matching",
    pairs=[
        {"left": "Assurance Maladie", "right": "ameli.fr"},
        {"left": "Allocations familiales", "right": "caf.fr"},
        {"left": "Impôts", "right": "impots.gouv.fr"},
        {"left": "Emploi", "right": "francetravail.fr"},
    ],
)

LOGIN = question(
    "ordering",
    items=["Ouvrir ameli.fr", "Cliquer sur <i>Mon compte</i>", "Saisir son numéro de sécurité sociale", "Valider"],
)


# Result and any kind --------------------------------------------------------------------------------------------


def test_result_is_frozen():
    result = score(AMELI, 0)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.credit = 0.5  # type: ignore[misc]


@pytest.mark.parametrize("sample", [AMELI, PASSWORDS, PHISHING, CAF_SITE, SITES, LOGIN], ids=lambda q: q["kind"])
def test_no_response_is_unanswered(sample):
    result = score(sample, None)
    assert result == Result(credit=0.0, correct=False, answered=False, feedback=[], right_answer=result.right_answer)
    assert result.right_answer


def test_unknown_kind_is_an_error():
    with pytest.raises(ValueError, match="kind"):
        score(question("essay"), "texte libre")


@pytest.mark.parametrize(
    ("sample", "response"),
    [
        (AMELI, "0"),
        (AMELI, True),
        (AMELI, 0.0),
        (AMELI, [0]),
        (PASSWORDS, 0),
        (PASSWORDS, "0,3"),
        (PASSWORDS, [True]),
        (PASSWORDS, ["0"]),
        (PHISHING, 0),
        (PHISHING, "faux"),
        (CAF_SITE, 12),
        (CAF_SITE, ["caf.fr"]),
        (SITES, 0),
        (SITES, [0, 1, 2, "3"]),
        (SITES, [0, 1, 2, True]),
        (LOGIN, "0123"),
        (LOGIN, [0, 1, 2, True]),
        (LOGIN, [0.0, 1, 2, 3]),
    ],
)
def test_wrong_python_type_is_invalid(sample, response):
    with pytest.raises(InvalidResponse):
        score(sample, response)


def test_invalid_response_is_a_value_error_with_a_french_message():
    with pytest.raises(ValueError, match="Réponse invalide"):
        score(AMELI, 7)


# single ---------------------------------------------------------------------------------------------------------


def test_single_right_option():
    result = score(AMELI, 0)
    assert result == Result(
        credit=1.0,
        correct=True,
        answered=True,
        feedback=["Oui, c'est le site officiel."],
        right_answer="La bonne réponse : ameli.fr",
    )


def test_single_wrong_option():
    result = score(AMELI, 1)
    assert (result.credit, result.correct, result.answered) == (0.0, False, True)
    assert result.feedback == ["Non, c'est le site de la CAF."]


def test_single_empty_feedback_is_left_out():
    assert score(AMELI, 2).feedback == []


def test_single_partial_weight():
    sample = question("single", options=[option("ameli.fr", 1), option("ameli", 0.5), option("caf.fr", 0)])
    result = score(sample, 1)
    assert (result.credit, result.correct) == (0.5, False)
    assert result.right_answer == "La bonne réponse : ameli.fr"


def test_single_weight_is_clamped():
    sample = question("single", options=[option("ameli.fr", 1), option("Un lien reçu par SMS", -1)])
    assert score(sample, 1).credit == 0.0


def test_single_with_two_right_options_says_either():
    sample = question("single", options=[option("ameli.fr", 1), option("L'appli ameli", 1), option("caf.fr", 0)])
    assert score(sample, None).right_answer == "Les bonnes réponses possibles : ameli.fr ou L'appli ameli"


@pytest.mark.parametrize("index", [-1, 3, 99])
def test_single_out_of_range_index_is_invalid(index):
    with pytest.raises(InvalidResponse):
        score(AMELI, index)


# multiple -------------------------------------------------------------------------------------------------------


def test_multiple_all_right():
    result = score(PASSWORDS, [3, 0])
    assert (result.credit, result.correct, result.answered) == (1.0, True, True)
    assert result.feedback == ["Oui : long et varié.", "Oui : difficile à deviner."]  # in the order of the options
    assert result.right_answer == "Les bonnes réponses : Chat-Bleu-Pluie-2024!, Kx9#vLq2$Tz"


def test_multiple_partly_right():
    result = score(PASSWORDS, [0])
    assert (result.credit, result.correct) == (0.5, False)


def test_multiple_negative_weight_lowers_the_credit():
    assert score(PASSWORDS, [0, 3, 2]).credit == 0.5


def test_multiple_negative_sum_is_clamped_to_zero():
    result = score(PASSWORDS, [1, 2, 0])
    assert result.credit == 0.0
    assert result.answered
    assert result.feedback == ["Oui : long et varié.", "Non : c'est le plus courant."]


def test_multiple_nothing_chosen_is_unanswered():
    result = score(PASSWORDS, [])
    assert (result.credit, result.answered, result.feedback) == (0.0, False, [])


def test_multiple_duplicates_count_once():
    result = score(PASSWORDS, [0, 0, 0])
    assert result.credit == 0.5
    assert result.feedback == ["Oui : long et varié."]


def test_multiple_sum_above_one_is_clamped():
    sample = question("multiple", options=[option("ameli.fr", 1), option("L'appli ameli", 1)])
    assert score(sample, [0, 1]).credit == 1.0


def test_multiple_thirds_from_gift_add_up_to_fully_right():
    sample = question(
        "multiple", options=[option("Nom", 0.3333333), option("Prénom", 0.3333333), option("Date", 0.3333333)]
    )
    result = score(sample, [0, 1, 2])
    assert (result.credit, result.correct) == (1.0, True)


def test_multiple_accepts_a_tuple():
    assert score(PASSWORDS, (0, 3)).correct


def test_multiple_single_right_option_is_worded_in_the_singular():
    sample = question("multiple", options=[option("ameli.fr", 1), option("caf.fr", -1)])
    assert score(sample, None).right_answer == "La bonne réponse : ameli.fr"


@pytest.mark.parametrize("response", [[0, 4], [-1], [99]])
def test_multiple_out_of_range_index_is_invalid(response):
    with pytest.raises(InvalidResponse):
        score(PASSWORDS, response)


# true_false -----------------------------------------------------------------------------------------------------


def test_true_false_right():
    result = score(PHISHING, False)
    assert (result.credit, result.correct, result.answered) == (1.0, True, True)
    assert result.feedback == ["Exact : c'est une tentative d'hameçonnage."]
    assert result.right_answer == "Faux"


def test_true_false_wrong_gives_the_feedback_of_the_choice():
    result = score(PHISHING, True)
    assert (result.credit, result.correct) == (0.0, False)
    assert result.feedback == ["Non : aucun organisme ne demande votre mot de passe."]


def test_true_false_true_statement():
    sample = question("true_false", answer=True, feedback_true="", feedback_false="")
    result = score(sample, True)
    assert (result.correct, result.feedback, result.right_answer) == (True, [], "Vrai")


# short_answer ---------------------------------------------------------------------------------------------------


def test_short_answer_exact():
    result = score(CAF_SITE, "caf.fr")
    assert (result.credit, result.correct, result.feedback) == (1.0, True, ["Bravo !"])
    assert result.right_answer == "La bonne réponse : caf.fr"


def test_short_answer_second_accepted_answer():
    result = score(CAF_SITE, "www.caf.fr")
    assert result.correct
    assert result.feedback == []


@pytest.mark.parametrize("response", ["  CAF.FR ", "Caf.Fr", "cäf.fr", "\tcaf.fr\n"])
def test_short_answer_ignores_case_accents_and_spaces(response):
    assert score(CAF_SITE, response).correct


def test_short_answer_ignores_accents_and_inner_spaces_and_apostrophes():
    sample = question("short_answer", answers=[{"text": "l'Assurance Maladie", "feedback": ""}])
    assert score(sample, "L’assurance   maladie").correct
    assert score(sample, "l'assurance maladíe").correct


def test_short_answer_accented_accepted_answer():
    sample = question("short_answer", answers=[{"text": "Sécurité sociale", "feedback": ""}])
    assert score(sample, "securite sociale").correct


@pytest.mark.parametrize("response", ["ammeli.fr", "amelli.fr", "amili.fe"])
def test_short_answer_typos_within_a_quarter(response):
    # "ameli.fr" has 8 characters: 2 typos allowed.
    sample = question("short_answer", answers=[{"text": "ameli.fr", "feedback": "Bravo !"}])
    result = score(sample, response)
    assert (result.credit, result.correct, result.feedback) == (1.0, True, ["Bravo !"])


@pytest.mark.parametrize("response", ["amoly.fe", "ameli", "caf.fr"])
def test_short_answer_typos_beyond_a_quarter(response):
    sample = question("short_answer", answers=[{"text": "ameli.fr", "feedback": ""}])
    result = score(sample, response)
    assert (result.credit, result.correct, result.answered, result.feedback) == (0.0, False, True, [])


def test_short_answer_allowance_is_rounded_down():
    # "France Connect" has 14 characters: floor(3.5) = 3 typos allowed, not 4.
    sample = question("short_answer", answers=[{"text": "France Connect", "feedback": ""}])
    assert score(sample, "Frence Conect").correct  # 2 typos
    assert score(sample, "Frense Konnect").correct  # 3 typos
    assert not score(sample, "Frense Konnekt").correct  # 4 typos


@pytest.mark.parametrize("response", ["CAF", " caf "])
def test_very_short_answer_matches_exactly(response):
    sample = question("short_answer", answers=[{"text": "CAF", "feedback": ""}])
    assert score(sample, response).correct


@pytest.mark.parametrize("response", ["CAP", "CA", "CAFF"])
def test_very_short_answer_tolerates_no_typo(response):
    sample = question("short_answer", answers=[{"text": "CAF", "feedback": ""}])
    assert not score(sample, response).correct


def test_short_answer_prefers_the_closest_accepted_answer():
    sample = question(
        "short_answer",
        answers=[{"text": "mot de passe", "feedback": "Presque."}, {"text": "mots de passe", "feedback": "Exact."}],
    )
    assert score(sample, "mots de passe").feedback == ["Exact."]


@pytest.mark.parametrize("response", ["", "   ", "\n"])
def test_short_answer_empty_is_unanswered(response):
    result = score(CAF_SITE, response)
    assert (result.credit, result.answered) == (0.0, False)


def test_short_answer_very_long_input_is_wrong():
    assert not score(CAF_SITE, "caf.fr" * 10_000).correct


def test_short_answer_right_answer_strips_html():
    sample = question("short_answer", answers=[{"text": "<b>ameli</b>.fr", "feedback": ""}])
    assert score(sample, None).right_answer == "La bonne réponse : ameli.fr"
    assert score(sample, "ameli.fr").correct


# matching -------------------------------------------------------------------------------------------------------


def test_matching_all_right():
    result = score(SITES, [0, 1, 2, 3])
    assert (result.credit, result.correct, result.answered, result.feedback) == (1.0, True, True, [])
    assert result.right_answer == (
        "Les paires : Assurance Maladie → ameli.fr ; Allocations familiales → caf.fr ; "
        "Impôts → impots.gouv.fr ; Emploi → francetravail.fr"
    )


def test_matching_partly_right():
    result = score(SITES, [1, 0, 2, 3])
    assert (result.credit, result.correct) == (0.5, False)


def test_matching_partly_unanswered():
    result = score(SITES, [0, None, None, 2])
    assert (result.credit, result.answered) == (0.25, True)


def test_matching_all_entries_unanswered():
    result = score(SITES, [None, None, None, None])
    assert (result.credit, result.answered) == (0.0, False)


def test_matching_same_right_side_twice_is_allowed():
    assert score(SITES, [0, 0, 0, 0]).credit == 0.25


@pytest.mark.parametrize("response", [[0, 1, 2], [0, 1, 2, 3, 0], [0, 1, 2, 4], [0, 1, 2, -1]])
def test_matching_wrong_length_or_index_is_invalid(response):
    with pytest.raises(InvalidResponse):
        score(SITES, response)


# ordering -------------------------------------------------------------------------------------------------------


def test_ordering_fully_right():
    result = score(LOGIN, [0, 1, 2, 3])
    assert (result.credit, result.correct, result.answered) == (1.0, True, True)
    assert result.right_answer == (
        "L'ordre : 1. Ouvrir ameli.fr, 2. Cliquer sur Mon compte, 3. Saisir son numéro de sécurité sociale, 4. Valider"
    )


def test_ordering_partly_right():
    result = score(LOGIN, [0, 2, 1, 3])
    assert (result.credit, result.correct) == (0.5, False)


def test_ordering_all_misplaced():
    assert score(LOGIN, [3, 2, 1, 0]).credit == 0.0


@pytest.mark.parametrize("response", [[0, 1, 2], [0, 1, 2, 3, 4], [0, 0, 1, 2], [1, 2, 3, 4], [0, 1, 2, None]])
def test_ordering_not_a_permutation_is_invalid(response):
    with pytest.raises(InvalidResponse):
        score(LOGIN, response)


# Properties -----------------------------------------------------------------------------------------------------

weights = st.floats(min_value=-1, max_value=1, allow_nan=False)
texts = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12)


@st.composite
def questions_and_responses(draw):
    kind = draw(st.sampled_from(["single", "multiple", "true_false", "short_answer", "matching", "ordering"]))
    size = draw(st.integers(min_value=1, max_value=6))
    if kind in ("single", "multiple"):
        sample = question(kind, options=[option(draw(texts), draw(weights)) for _ in range(size)])
        indexes = st.integers(min_value=0, max_value=size - 1)
        response = draw(indexes) if kind == "single" else draw(st.lists(indexes, max_size=8))
    elif kind == "true_false":
        sample = question(kind, answer=draw(st.booleans()), feedback_true="", feedback_false="")
        response = draw(st.booleans())
    elif kind == "short_answer":
        sample = question(kind, answers=[{"text": draw(texts), "feedback": ""} for _ in range(size)])
        response = draw(texts)
    elif kind == "matching":
        sample = question(kind, pairs=[{"left": draw(texts), "right": draw(texts)} for _ in range(size)])
        choice = st.none() | st.integers(min_value=0, max_value=size - 1)
        response = draw(st.lists(choice, min_size=size, max_size=size))
    else:
        sample = question(kind, items=[draw(texts) for _ in range(size)])
        response = draw(st.permutations(range(size)))
    return sample, draw(st.none() | st.just(response))


@PROPERTY
@given(questions_and_responses())
def test_credit_is_always_within_zero_and_one(sample_and_response):
    result = score(*sample_and_response)
    assert 0.0 <= result.credit <= 1.0
    assert result.correct == (result.credit == 1.0)
    assert all(isinstance(text, str) and text.strip() for text in result.feedback)


@PROPERTY
@given(texts, texts)
def test_levenshtein_is_symmetric(a, b):
    assert levenshtein(a, b) == levenshtein(b, a)


@PROPERTY
@given(texts, texts)
def test_levenshtein_is_zero_only_on_equal_strings(a, b):
    assert (levenshtein(a, b) == 0) == (a == b)
    assert levenshtein(a, a) == 0


@PROPERTY
@given(texts, texts)
def test_levenshtein_is_bounded_by_the_longest_string(a, b):
    assert abs(len(a) - len(b)) <= levenshtein(a, b) <= max(len(a), len(b))


def _accented(text):
    return "".join(
        {"e": "é", "a": "à", "u": "ù", "i": "î", "o": "ô", "c": "ç"}.get(char, char) if flip else char
        for char, flip in zip(text, [True, False] * len(text), strict=False)
    )


french_words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéèêàçùôî' ’-.", min_size=1, max_size=30)


@PROPERTY
@given(french_words, st.data())
def test_short_answer_matches_itself_after_case_and_accent_changes(answer, data):
    sample = question("short_answer", answers=[{"text": answer, "feedback": "Bravo !"}])
    changed = "".join(char.upper() if data.draw(st.booleans()) else char for char in _accented(answer))
    changed = unicodedata.normalize(data.draw(st.sampled_from(["NFC", "NFD"])), changed)
    result = score(sample, f"  {changed} ")
    assert result.correct or not normalize_answer(answer)


# Helpers tested directly ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  Sécurité   Sociale ", "securite sociale"),
        ("L’Assurance Maladie", "l'assurance maladie"),
        ("ÉLÈVE", "eleve"),
        ("Cœur", "coeur"),
        ("mot\u00a0de\tpasse", "mot de passe"),
        ("", ""),
    ],
)
def test_normalize_answer(text, expected):
    assert normalize_answer(text) == expected


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [("", "", 0), ("", "caf", 3), ("caf", "caf", 0), ("caf", "cap", 1), ("ameli", "amelie", 1), ("chat", "acht", 2)],
)
def test_levenshtein(a, b, distance):
    assert levenshtein(a, b) == distance


# Quiz score and pass ----------------------------------------------------------------------------------------------


def test_quiz_score_is_the_mean_credit():
    assert quiz_score([1.0, 0.5, 0.0, 0.5]) == 0.5


def test_quiz_score_of_no_question_is_zero():
    assert quiz_score([]) == 0.0


def test_pass_mark_reached_exactly_passes():
    assert passed(credits=[1.0, 1.0, 0.0, 0.5], pass_mark=0.625, mastery_rule="none", mastery_count=None)


def test_pass_mark_reached_through_float_sums_passes():
    # 0.1 × 7 / 10 is 0.06999999999999999 in floats.
    assert passed(credits=[0.1] * 7 + [0.0] * 3, pass_mark=0.07, mastery_rule="none", mastery_count=None)


def test_pass_mark_missed_fails():
    assert not passed(credits=[1.0, 1.0, 0.0, 0.0], pass_mark=0.6, mastery_rule="none", mastery_count=None)


def test_pass_mark_zero_passes_anything():
    assert passed(credits=[0.0, 0.0], pass_mark=0.0, mastery_rule="none", mastery_count=None)


def test_mastery_all_needs_every_question_fully_right():
    assert passed(credits=[1.0, 1.0, 1.0], pass_mark=0.8, mastery_rule="all", mastery_count=None)
    assert not passed(credits=[1.0, 1.0, 0.9], pass_mark=0.8, mastery_rule="all", mastery_count=None)


def test_mastery_m_of_n():
    credits = [1.0, 1.0, 0.5, 0.5]
    assert passed(credits=credits, pass_mark=0.5, mastery_rule="m_of_n", mastery_count=2)
    assert not passed(credits=credits, pass_mark=0.5, mastery_rule="m_of_n", mastery_count=3)


def test_mastery_holds_but_pass_mark_missed_fails():
    assert not passed(credits=[1.0, 1.0, 0.0, 0.0], pass_mark=0.75, mastery_rule="m_of_n", mastery_count=2)


def test_mastery_m_of_n_without_count_is_an_error():
    with pytest.raises(ValueError, match="mastery_count"):
        passed(credits=[1.0], pass_mark=0.5, mastery_rule="m_of_n", mastery_count=None)


def test_unknown_mastery_rule_is_an_error():
    with pytest.raises(ValueError, match="mastery rule"):
        passed(credits=[1.0], pass_mark=0.5, mastery_rule="most", mastery_count=None)


# Per competence -------------------------------------------------------------------------------------------------


def test_by_competence_means_and_leaves_out_questions_without_competence():
    results = [("4.2", 1.0), (None, 0.0), ("1.1", 0.5), ("4.2", 0.0), ("1.1", 1.0), ("", 1.0)]
    assert by_competence(results) == {"4.2": 0.5, "1.1": 0.75}


def test_by_competence_of_nothing_is_empty():
    assert by_competence([]) == {}
