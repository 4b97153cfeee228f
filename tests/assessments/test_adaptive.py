"""The adaptive competence check of « Faire le point »: plain data, no database."""

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assessments.adaptive import (
    MAX_QUESTIONS,
    MIN_QUESTIONS,
    Answer,
    Question,
    is_finished,
    levels,
    next_question,
    progress,
    top_levels,
    validate_answers,
)

# No example database on disk, no deadline on a busy CI machine.
PROPERTY = settings(max_examples=200, deadline=None, database=None)

COMPETENCES = ("0.1", "2.1", "4.1", "6.1")


def make_pool(competences=COMPETENCES, levels_=(1, 2, 3), per_level=3):
    """`per_level` questions per competence and level, ids like "2.1-L2-0"."""
    return [
        Question(f"{code}-L{level}-{n}", code, level)
        for code in competences
        for level in levels_
        for n in range(per_level)
    ]


def run(pool, answer, **limits):
    """Play the whole check, `answer(question)` giving True, False or None; return the answers and the questions."""
    answers, asked = [], []
    while (question := next_question(pool, answers, **limits)) is not None:
        asked.append(question)
        answers.append(Answer(question.id, answer(question)))
        assert len(answers) <= len(pool), "the check must end"
    return answers, asked


def knows_up_to(targets, default=0):
    """A person who answers right exactly the questions at or under their level for each competence."""
    return lambda question: question.level <= targets.get(question.competence, default)


# Per competence -------------------------------------------------------------------------------------------------


def test_the_check_starts_at_the_lowest_level_of_the_first_competence():
    pool = make_pool()
    assert next_question(pool, []) == Question("0.1-L1-0", "0.1", 1)


def test_two_failures_at_a_level_stop_the_competence():
    pool = make_pool(competences=("4.1",))
    answers, asked = run(pool, lambda question: False, min_questions=0)
    assert [question.id for question in asked] == ["4.1-L1-0", "4.1-L1-1"]
    assert levels(pool, answers) == {"4.1": 0}


def test_a_success_climbs_one_level_and_the_failures_do_not_carry_over():
    pool = make_pool(competences=("4.1",))
    outcomes = iter([False, True, False, True, False, False])
    answers, asked = run(pool, lambda question: next(outcomes), min_questions=0)
    assert [question.level for question in asked] == [1, 1, 2, 2, 3, 3]
    assert levels(pool, answers) == {"4.1": 2}


def test_success_at_the_top_level_stops_the_competence():
    pool = make_pool(competences=("4.1",))
    answers, asked = run(pool, lambda question: True, min_questions=0)
    assert [question.id for question in asked] == ["4.1-L1-0", "4.1-L2-0", "4.1-L3-0"]
    assert levels(pool, answers) == {"4.1": 3}


def test_i_do_not_know_counts_as_a_failure():
    pool = make_pool(competences=("4.1",))
    with_dont_know = run(pool, lambda question: None if question.level == 2 else True, min_questions=0)
    with_wrong = run(pool, lambda question: question.level != 2, min_questions=0)
    assert [q.id for q in with_dont_know[1]] == [q.id for q in with_wrong[1]] == ["4.1-L1-0", "4.1-L2-0", "4.1-L2-1"]
    assert levels(pool, with_dont_know[0]) == {"4.1": 1}


def test_the_top_level_is_the_highest_level_present_for_the_competence():
    pool = [
        Question("a1", "1.1", 1),
        Question("a3", "1.1", 3),  # no level 2: a success at 1 goes straight to 3
        Question("b1", "2.1", 1),
        Question("b2", "2.1", 2),  # top level 2 for this one
    ]
    answers, asked = run(pool, lambda question: True, min_questions=0)
    assert [question.id for question in asked] == ["a1", "b1", "a3", "b2"]
    assert levels(pool, answers) == {"1.1": 3, "2.1": 2}
    assert top_levels(pool) == {"1.1": 3, "2.1": 2}


def test_a_level_with_a_single_question_stops_after_one_failure():
    pool = [Question("a1", "1.1", 1), Question("a2", "1.1", 2), Question("a2b", "1.1", 2)]
    answers, asked = run(pool, lambda question: question.level == 1, min_questions=0)
    assert [question.id for question in asked] == ["a1", "a2", "a2b"]
    pool = [Question("a1", "1.1", 1), Question("a2", "1.1", 2)]
    answers, asked = run(pool, lambda question: question.level == 1, min_questions=0)
    assert [question.id for question in asked] == ["a1", "a2"]
    assert levels(pool, answers) == {"1.1": 1}


# Across competences ---------------------------------------------------------------------------------------------


def test_competences_take_turns_in_pool_order():
    pool = make_pool()
    _, asked = run(pool, lambda question: True, min_questions=0)
    assert [question.competence for question in asked] == list(COMPETENCES) * 3
    assert [question.level for question in asked] == [1] * 4 + [2] * 4 + [3] * 4


def test_a_stopped_competence_loses_its_turn_and_no_topic_runs_long():
    pool = make_pool(competences=("0.1", "2.1", "4.1", "6.1", "1.1", "3.1"))
    _, asked = run(pool, knows_up_to({"0.1": 0, "2.1": 3, "4.1": 1, "6.1": 2, "1.1": 0, "3.1": 3}))
    codes = [question.competence for question in asked]
    assert len(codes) == 17
    assert codes[:6] == ["0.1", "2.1", "4.1", "6.1", "1.1", "3.1"]
    assert codes[6:12] == ["0.1", "2.1", "4.1", "6.1", "1.1", "3.1"]  # the beginners' second question
    assert codes[12:] == ["2.1", "4.1", "6.1", "3.1", "6.1"]  # the beginners have stopped: they lose their turn
    assert all(a != b for a, b in itertools.pairwise(codes)), "never twice in a row while others still run"


def test_the_check_is_deterministic():
    pool = make_pool(competences=("0.1", "2.1", "4.1", "6.1", "1.1", "3.1"))
    person = knows_up_to({"0.1": 1, "2.1": 3, "4.1": 0, "6.1": 2})
    first, second = run(pool, person), run(list(pool), person)
    assert first == second
    questions = [question.id for question in first[1]]
    assert len(questions) == len(set(questions))


def test_questions_of_a_level_come_in_pool_order():
    pool = [Question("late", "1.1", 1), Question("early", "1.1", 1), Question("last", "1.1", 1)]
    _, asked = run(pool, lambda question: False, min_questions=0)
    assert [question.id for question in asked] == ["late", "early"]


# Limits ---------------------------------------------------------------------------------------------------------


def test_the_maximum_stops_every_competence():
    pool = make_pool(competences=[f"{n}.1" for n in range(10)])
    answers, asked = run(pool, lambda question: True)
    assert len(asked) == MAX_QUESTIONS == 25
    assert is_finished(pool, answers)
    outcome = levels(pool, answers)
    assert len(outcome) == 10 and all(1 <= level <= 3 for level in outcome.values())
    assert {question.competence for question in asked[-5:]} == {f"{n}.1" for n in range(5)}


def test_competences_never_reached_are_absent_from_the_levels():
    pool = make_pool(competences=[f"{n}.1" for n in range(8)])
    answers, asked = run(pool, lambda question: True, max_questions=5, min_questions=5)
    assert len(asked) == 5
    assert levels(pool, answers) == {f"{n}.1": 1 for n in range(5)}


def test_the_minimum_adds_confirmation_questions_to_the_least_known_competences():
    pool = make_pool()  # 4 competences x 3 levels x 3 questions
    answers, asked = run(pool, lambda question: False)  # 2 failures each: 8 adaptive questions
    assert len(asked) == MIN_QUESTIONS == 15
    assert [question.competence for question in asked[8:]] == ["0.1", "2.1", "4.1", "6.1", "0.1", "2.1", "4.1"]
    assert [question.level for question in asked[8:12]] == [1, 1, 1, 1]  # the last level-1 question of each
    assert [question.level for question in asked[12:]] == [2, 2, 2]  # then the nearest level
    assert levels(pool, answers) == dict.fromkeys(COMPETENCES, 0)  # confirmation never moves the level


def test_confirmation_starts_at_the_level_reached():
    pool = make_pool(competences=("4.1",), per_level=4)
    answers, asked = run(pool, knows_up_to({"4.1": 2}), min_questions=6)
    assert [question.level for question in asked] == [1, 2, 3, 3, 2, 2]
    assert levels(pool, answers) == {"4.1": 2}


def test_the_minimum_is_honoured_when_the_pool_allows_and_never_exceeded():
    pool = make_pool()
    for person in (lambda question: True, lambda question: False, knows_up_to({"0.1": 2, "4.1": 1})):
        answers, asked = run(pool, person)
        assert len(asked) == 15


def test_a_pool_smaller_than_the_minimum_is_asked_in_full_at_most():
    pool = make_pool(competences=("0.1", "2.1"), per_level=2)  # 12 questions
    answers, asked = run(pool, lambda question: None)
    assert len(asked) == 12 == len({question.id for question in asked})
    assert is_finished(pool, answers)
    assert progress(pool, answers) == (12, 12)


def test_an_empty_pool_asks_nothing():
    assert next_question([], []) is None
    assert is_finished([], [])
    assert levels([], []) == {}
    assert progress([], []) == (0, 0)
    with pytest.raises(ValueError, match="ne fait pas partie"):
        validate_answers([], [Answer("x", True)])


def test_questions_without_a_competence_are_not_asked():
    pool = [Question("untagged", "", 1), Question("a1", "1.1", 1)]
    _, asked = run(pool, lambda question: True)
    assert [question.id for question in asked] == ["a1"]


def test_incoherent_limits_are_refused():
    with pytest.raises(ValueError, match="Limites"):
        next_question(make_pool(), [], min_questions=10, max_questions=5)


# Progress -------------------------------------------------------------------------------------------------------


def test_progress_estimates_the_total_and_ends_on_the_exact_count():
    pool = make_pool(competences=("0.1", "2.1", "4.1", "6.1", "1.1", "3.1"))
    assert progress(pool, []) == (0, 18)  # 6 competences x 3 levels
    answers = []
    person = knows_up_to({"0.1": 1, "2.1": 3})
    while (question := next_question(pool, answers)) is not None:
        done, total = progress(pool, answers)
        assert done == len(answers) < total <= MAX_QUESTIONS
        answers.append(Answer(question.id, person(question)))
    assert progress(pool, answers) == (len(answers), len(answers))


# Levels ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("known", "expected"),
    [
        (0, 0),  # a beginner: even level 1 failed
        (1, 1),
        (2, 2),
        (3, 3),
    ],
)
def test_levels_are_the_highest_level_succeeded(known, expected):
    pool = make_pool(competences=("4.1",))
    answers, _ = run(pool, knows_up_to({"4.1": known}), min_questions=0)
    assert levels(pool, answers) == {"4.1": expected}


def test_levels_of_a_check_in_progress_count_only_competences_already_asked():
    pool = make_pool()
    answers = [Answer("0.1-L1-0", True), Answer("2.1-L1-0", None)]
    assert levels(pool, answers) == {"0.1": 1, "2.1": 0}


def test_levels_do_not_depend_on_the_limits():
    pool = make_pool(per_level=4)
    person = knows_up_to({"0.1": 1, "2.1": 3})
    short, _ = run(pool, person, min_questions=0, max_questions=40)
    long, _ = run(pool, person, min_questions=30, max_questions=40)
    assert len(short) < 30 == len(long)
    assert levels(pool, long) == levels(pool, short) == {"0.1": 1, "2.1": 3, "4.1": 0, "6.1": 0}
    with pytest.raises(ValueError, match="déjà terminé"):
        validate_answers(pool, long)  # more than the default maximum of 25


def test_levels_still_refuse_answers_out_of_the_adaptive_order():
    pool = make_pool()
    with pytest.raises(ValueError, match="ordre"):
        levels(pool, [Answer("0.1-L3-0", True)])


# Tampered sessions ----------------------------------------------------------------------------------------------


def test_a_genuine_run_validates():
    pool = make_pool()
    answers, _ = run(pool, knows_up_to({"0.1": 2}))
    validate_answers(pool, answers)


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ([Answer("nope", True)], "ne fait pas partie"),
        ([Answer("0.1-L1-0", False), Answer("0.1-L1-0", True)], "deux réponses"),
        ([Answer("0.1-L3-0", True)], "ordre"),  # jumping straight to the top level
        ([Answer("0.1-L1-0", True), Answer("0.1-L2-0", True)], "ordre"),  # skipping the other competences' turn
        ([Answer("0.1-L1-1", True)], "ordre"),  # another question of the right level, out of pool order
        ([Answer("0.1-L1-0", "yes")], "ni juste"),
    ],
)
def test_tampered_answers_are_refused_in_french(answers, message):
    pool = make_pool()
    with pytest.raises(ValueError, match=message):
        validate_answers(pool, answers)
    with pytest.raises(ValueError):
        next_question(pool, answers)


def test_answers_after_the_end_are_refused():
    pool = make_pool(competences=("4.1",))
    answers, _ = run(pool, lambda question: True, min_questions=0)
    extra = [*answers, Answer("4.1-L1-1", True)]
    with pytest.raises(ValueError, match="déjà terminé"):
        validate_answers(pool, extra, min_questions=0)


def test_a_pool_with_a_duplicate_id_is_refused():
    with pytest.raises(ValueError, match="deux fois"):
        next_question([Question("a", "1.1", 1), Question("a", "2.1", 1)], [])


# Properties -----------------------------------------------------------------------------------------------------

pools = st.lists(
    st.builds(
        Question,
        id=st.text("abcdef", min_size=1, max_size=4),
        competence=st.sampled_from(COMPETENCES),
        level=st.integers(1, 3),
    ),
    max_size=60,
    unique_by=lambda question: question.id,
)


@PROPERTY
@given(
    pool=pools,
    outcomes=st.lists(st.sampled_from([True, False, None]), min_size=1),
    limits=st.tuples(st.integers(0, 30), st.integers(0, 30)).map(sorted),
)
def test_any_run_ends_never_repeats_stays_within_limits_and_levels(pool, outcomes, limits):
    min_questions, max_questions = limits
    kwargs = {"min_questions": min_questions, "max_questions": max_questions}
    replies = iter(outcomes * (len(pool) + 1))

    def answer(question):
        done, total = progress(pool, answers_so_far, **kwargs)
        assert done == len(answers_so_far) < total <= max_questions
        answers_so_far.append(Answer(question.id, reply := next(replies)))
        return reply

    answers_so_far = []
    answers, asked = run(pool, answer, **kwargs)
    ids = [question.id for question in asked]
    assert len(ids) == len(set(ids))
    assert len(asked) <= max_questions
    assert len(asked) >= min(min_questions, len(pool)), "the minimum is honoured when the pool allows"
    validate_answers(pool, answers, **kwargs)
    assert progress(pool, answers, **kwargs) == (len(answers), len(answers))
    tops = top_levels(pool)
    for code, level in levels(pool, answers).items():
        assert 0 <= level <= tops[code]
    assert set(levels(pool, answers)) == {question.competence for question in asked}
