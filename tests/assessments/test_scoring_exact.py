"""Exact scoring: fractions instead of whole percents, checked multiple-choice weights, numbers never fuzzy."""

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from assessments.scoring import (
    check_multiple_weights,
    default_penalty,
    exact,
    multiple_weights,
    passed,
    percent,
    quiz_score,
    score,
)

PROPERTY = settings(database=None, deadline=None)


def multiple(options, weights):
    return {
        "kind": "multiple",
        "name": "",
        "stem": "<p>Question</p>",
        "explanation": "",
        "competence": None,
        "level": 1,
        "options": [
            {"text": text, "weight": weight, "feedback": ""} for text, weight in zip(options, weights, strict=True)
        ],
    }


def short(*answers, typos=True):
    return {
        "kind": "short_answer",
        "name": "",
        "stem": "<p>Question</p>",
        "explanation": "",
        "competence": None,
        "level": 1,
        "answers": [{"text": text, "feedback": ""} for text in answers],
        "typos": typos,
    }


def D(value):
    return None if value is None else Decimal(value)


# Exact numbers ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0.3333333, Fraction(1, 3)),  # GIFT's %33.33333%
        (0.6666667, Fraction(2, 3)),
        (0.1428571, Fraction(1, 7)),
        (float(Fraction(7, 12)), Fraction(7, 12)),  # a credit stored as a float reads back as itself
        (1.0, Fraction(1)),
        (Decimal("33.33"), Fraction(3333, 100)),
        (2, Fraction(2)),
    ],
)
def test_exact_reads_simple_fractions_back(value, expected):
    assert exact(value) == expected


def test_exact_refuses_bools_and_infinities():
    with pytest.raises(TypeError):
        exact(True)
    with pytest.raises(ValueError):
        exact(float("inf"))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Fraction(1), 100),
        (1.0, 100),
        (Fraction(0), 0),
        (Fraction(2, 3), 67),
        (Fraction(1, 2), 50),
        (Fraction(996, 1000), 99),  # almost everything right is never shown as 100 %
        (Fraction(4, 1000), 1),  # almost nothing right is never shown as 0 %
        (Fraction(99, 100), 99),
        (Fraction(1, 200), 1),
    ],
)
def test_percent_is_100_only_when_fully_right(value, expected):
    assert percent(value) == expected


# Multiple-choice weights, as the editor checks them ---------------------------------------------------------------


def test_three_right_options_left_empty_are_exactly_a_third_each():
    weights = multiple_weights([(True, None), (True, None), (True, None), (False, None)])
    assert weights == [Fraction(1, 3), Fraction(1, 3), Fraction(1, 3), Fraction(-1, 3)]
    assert sum(weights[:3]) == 1


def test_empty_right_options_share_what_the_others_leave():
    weights = multiple_weights([(True, D(50)), (True, None), (True, None), (False, D(-25))])
    assert weights == [Fraction(1, 2), Fraction(1, 4), Fraction(1, 4), Fraction(-1, 4)]


def test_a_wrong_option_left_empty_costs_one_share():
    assert default_penalty(3) == Fraction(-1, 3)
    assert multiple_weights([(True, D(70)), (True, D(30)), (False, None)])[2] == Fraction(-1, 2)


def test_decimal_weights_adding_up_to_100_are_accepted():
    options = [(True, D("33.34")), (True, D("33.33")), (True, D("33.33")), (False, D(-50))]
    assert not check_multiple_weights(options)
    assert sum(multiple_weights(options)[:3]) == 1


@pytest.mark.parametrize(
    ("options", "index", "words"),
    [
        ([(True, None), (False, D(50))], 1, "n'est pas cochée comme bonne"),
        ([(True, None), (False, D(0))], 1, "retire des points"),
        ([(True, D(-20)), (True, None), (False, None)], 0, "Une bonne réponse rapporte des points"),
        ([(True, D(0)), (True, None), (False, None)], 0, "Une bonne réponse rapporte des points"),
    ],
)
def test_a_wrong_weight_is_told_on_its_option(options, index, words):
    problems = check_multiple_weights(options)
    assert list(problems.options) == [index]
    assert words in problems.options[index]
    assert not problems.total


@pytest.mark.parametrize(
    ("options", "words"),
    [
        ([(True, D(33)), (True, D(33)), (True, D(33))], "font 99 % : il faut 100 % en tout"),
        ([(True, D(60)), (True, D(50)), (False, None)], "font 110 %"),
        ([(True, D(100)), (True, None), (False, None)], "font déjà 100 %"),
        ([(False, None), (False, D(-50))], "Cochez au moins une bonne réponse."),
    ],
)
def test_right_weights_must_make_100_percent(options, words):
    problems = check_multiple_weights(options)
    assert not problems.options
    assert words in problems.total


def test_weights_saved_before_the_checks_still_score_sensibly():
    # The demo used to store 33 % three times (99 %) and a trainer could give +50 % to a wrong option.
    assert multiple_weights([(True, D(33)), (True, D(33)), (True, D(33)), (False, D(-50))]) == [
        Fraction(1, 3),
        Fraction(1, 3),
        Fraction(1, 3),
        Fraction(-1, 2),
    ]
    assert multiple_weights([(True, D(50)), (True, D(50)), (False, D(50))])[2] == Fraction(-1, 2)
    assert multiple_weights([(True, D(100)), (True, None)]) == [Fraction(1, 2), Fraction(1, 2)]


def test_three_right_answers_out_of_three_are_exactly_100_percent():
    sample = multiple(["a", "b", "c", "d"], multiple_weights([(True, None)] * 3 + [(False, None)]))
    result = score(sample, [0, 1, 2])
    assert result.credit == 1 and result.correct
    assert percent(result.credit) == 100


def test_ticking_everything_is_not_fully_right():
    sample = multiple(["a", "b", "c", "d"], multiple_weights([(True, None)] * 3 + [(False, None)]))
    assert score(sample, [0, 1, 2, 3]).credit == Fraction(2, 3)


def test_a_bare_gift_wrong_option_costs_the_default_penalty():
    sample = multiple(["a", "b", "c"], [0.5, 0.5, 0])
    assert score(sample, [0, 1]).credit == 1
    assert score(sample, [0, 1, 2]).credit == Fraction(1, 2)


def test_gift_thirds_add_up_to_exactly_one():
    sample = multiple(["a", "b", "c"], [0.3333333, 0.3333333, 0.3333333])
    assert score(sample, [0, 1, 2]).credit == 1


# Quiz score -------------------------------------------------------------------------------------------------------


def test_quiz_score_is_exact():
    assert quiz_score([Fraction(1, 3), Fraction(2, 3), 1]) == Fraction(2, 3)
    assert quiz_score([1.0, 1.0, 1.0]) == 1
    assert quiz_score([float(Fraction(1, 3))] * 3) == Fraction(1, 3)


def test_pass_mark_reached_exactly_with_fractions():
    credits = [1] * 7 + [0] * 3
    assert passed(credits=credits, pass_mark=Fraction(70, 100), mastery_rule="none", mastery_count=None)
    assert not passed(credits=[1] * 6 + [0] * 4, pass_mark=Fraction(7, 10), mastery_rule="none", mastery_count=None)


# Short answers: numbers exact, typos a per-question choice ---------------------------------------------------------


@pytest.mark.parametrize(("accepted", "response"), [("2025", "2024"), ("33700", "33701"), ("17Cyber", "17Cyber1")])
def test_numbers_are_never_fuzzy(accepted, response):
    assert not score(short(accepted), response).correct


@pytest.mark.parametrize(("accepted", "response"), [("33700", "33 700"), ("33 700", "33700"), ("2025", " 2025 ")])
def test_numbers_match_once_spaces_are_left_out(accepted, response):
    assert score(short(accepted), response).correct


def test_typos_can_be_switched_off_for_words():
    assert score(short("ameli.fr"), "amelli.fr").correct
    assert not score(short("ameli.fr", typos=False), "amelli.fr").correct
    assert score(short("Sécurité sociale", typos=False), "securite  SOCIALE").correct  # case and accents still free


def test_typos_are_on_when_the_question_does_not_say():
    sample = short("ameli.fr")
    del sample["typos"]
    assert score(sample, "amelli.fr").correct


# Properties -------------------------------------------------------------------------------------------------------


@st.composite
def editor_options(draw, *, valid=True):
    """(right, weight in percent or None) pairs as a trainer fills them in; valid ones pass the editor's check."""
    size = draw(st.integers(min_value=1, max_value=7))
    rights = draw(st.lists(st.booleans(), min_size=size, max_size=size))
    assume(any(rights))
    cents = st.integers(min_value=1, max_value=10_000).map(lambda value: Decimal(value) / 100)
    options = []
    for right in rights:
        if valid:
            weight = draw(st.none() | (cents if right else cents.map(lambda value: -value)))
        else:
            weight = draw(st.none() | st.integers(min_value=-150, max_value=150).map(Decimal))
        options.append((right, weight))
    if valid:
        given = [weight for right, weight in options if right and weight is not None]
        empty = sum(1 for right, weight in options if right and weight is None)
        if not empty:  # all given: make them add up to exactly 100 %
            last = max(index for index, (right, _weight) in enumerate(options) if right)
            rest = sum(given) - options[last][1]
            assume(rest < 100)
            options[last] = (True, Decimal(100) - rest)
        else:
            assume(sum(given) < 100)
        assert not check_multiple_weights(options)
    return options


def sample_of(options):
    return multiple([f"option {index}" for index in range(len(options))], multiple_weights(options))


def rights_of(options):
    return [index for index, (right, _weight) in enumerate(options) if right]


@PROPERTY
@given(editor_options(valid=False) | editor_options(), st.data())
def test_score_is_always_within_zero_and_one(options, data):
    chosen = data.draw(st.lists(st.integers(min_value=0, max_value=len(options) - 1), max_size=10))
    credit = score(sample_of(options), chosen).credit
    assert isinstance(credit, Fraction)
    assert 0 <= credit <= 1


@PROPERTY
@given(editor_options(valid=False) | editor_options())
def test_all_right_is_exactly_one(options):
    # Even weights saved before the editor checked them.
    assert score(sample_of(options), rights_of(options)).credit == 1


@PROPERTY
@given(editor_options(valid=False) | editor_options())
def test_ticking_everything_is_below_one_when_a_wrong_option_exists(options):
    assume(not all(right for right, _weight in options))
    assert score(sample_of(options), list(range(len(options)))).credit < 1


@PROPERTY
@given(editor_options(valid=False) | editor_options(), st.data())
def test_adding_a_wrong_choice_never_raises_the_score(options, data):
    wrongs = [index for index, (right, _weight) in enumerate(options) if not right]
    assume(wrongs)
    chosen = data.draw(st.sets(st.integers(min_value=0, max_value=len(options) - 1)))
    wrong = data.draw(st.sampled_from(wrongs))
    sample = sample_of(options)
    before = score(sample, sorted(chosen)).credit
    assert score(sample, sorted(chosen | {wrong})).credit <= before


@PROPERTY
@given(editor_options())
def test_valid_right_weights_add_up_to_exactly_one(options):
    weights = multiple_weights(options)
    assert sum(weights[index] for index in rights_of(options)) == 1
    assert all(weight < 0 for index, weight in enumerate(weights) if index not in rights_of(options))


@PROPERTY
@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=10**9), st.booleans())
def test_numbers_are_never_fuzzy_matched(accepted, given_number, typos):
    result = score(short(str(accepted), typos=typos), str(given_number))
    assert result.correct == (accepted == given_number)


@PROPERTY
@given(st.integers(min_value=1000, max_value=10**9))
def test_a_number_with_thousands_spaces_is_the_same_number(number):
    spaced = f"{number:,}".replace(",", " ")
    assert score(short(str(number)), spaced).correct
    assert score(short(spaced), str(number)).correct


@PROPERTY
@given(
    st.lists(st.fractions(min_value=0, max_value=1, max_denominator=1000), min_size=1, max_size=20),
)
def test_quiz_score_survives_being_stored_as_floats(credits):
    # Answer.credit and QuizAttempt.score are floats: read back, they are the same fractions.
    assert quiz_score([float(credit) for credit in credits]) == quiz_score(credits)
    assert 0 <= quiz_score(credits) <= 1
    assert (quiz_score(credits) == 1) == all(credit == 1 for credit in credits)
