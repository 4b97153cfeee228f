"""The adaptive competence check of « Faire le point »: plain data, no database."""

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assessments.adaptive import (
    DONT_KNOW_STREAK,
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
# The demo's six competences, two questions per level: the shape of « Faire le point » as residents meet it.
DEMO_COMPETENCES = ("0.1", "0.2", "0.3", "2.1", "4.1", "6.1")


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


def dont_know(question):
    return None


# The lengths a person meets -------------------------------------------------------------------------------------


def test_a_total_beginner_answering_i_do_not_know_sees_one_question_per_competence():
    pool = make_pool(DEMO_COMPETENCES, per_level=2)
    answers, asked = run(pool, dont_know)
    assert len(asked) == 6 <= 8
    assert [question.competence for question in asked] == list(DEMO_COMPETENCES)
    assert {question.level for question in asked} == {1}
    assert levels(pool, answers) == dict.fromkeys(DEMO_COMPETENCES, 0)


def test_a_beginner_who_guesses_wrong_is_not_kept_longer():
    pool = make_pool(DEMO_COMPETENCES, per_level=2)
    _, asked = run(pool, lambda question: False)
    assert len(asked) == 6


def test_an_expert_finishes_in_two_questions_per_competence_and_every_competence_is_measured():
    pool = make_pool(DEMO_COMPETENCES, per_level=2)
    answers, asked = run(pool, lambda question: True)
    assert len(asked) == 12 <= 15
    assert levels(pool, answers) == dict.fromkeys(DEMO_COMPETENCES, 3)
    assert [question.level for question in asked] == [1] * 6 + [3] * 6  # lowest level, then straight to the top


@pytest.mark.parametrize("known", [0, 1, 2, 3])
def test_any_profile_takes_at_most_three_questions_per_competence_of_three_levels(known):
    pool = make_pool(DEMO_COMPETENCES, per_level=2)
    answers, asked = run(pool, knows_up_to({}, default=known))
    assert len(asked) <= 3 * len(DEMO_COMPETENCES) == 18
    assert levels(pool, answers) == dict.fromkeys(DEMO_COMPETENCES, known)


def test_many_competences_and_i_do_not_know_everywhere_stop_after_eight():
    pool = make_pool([f"{n}.1" for n in range(12)])
    answers, asked = run(pool, dont_know)
    assert len(asked) == DONT_KNOW_STREAK == 8
    assert is_finished(pool, answers)
    assert levels(pool, answers) == {f"{n}.1": 0 for n in range(8)}  # the others were never asked: left out


def test_the_no_knowledge_exit_needs_i_do_not_know_in_a_row():
    pool = make_pool([f"{n}.1" for n in range(12)])
    # One right answer in the middle restarts the count: the person knows something.
    _, asked = run(pool, lambda question: True if question.competence == "5.1" else None)
    assert len(asked) > DONT_KNOW_STREAK
    codes = [question.competence for question in asked]
    assert codes[:12] == [f"{n}.1" for n in range(12)]


# Per competence -------------------------------------------------------------------------------------------------


def test_the_check_starts_at_the_lowest_level_of_the_first_competence():
    pool = make_pool()
    assert next_question(pool, []) == Question("0.1-L1-0", "0.1", 1)


def test_i_do_not_know_at_the_lowest_level_stops_the_competence():
    pool = make_pool(competences=("4.1",))
    answers, asked = run(pool, dont_know, min_questions=0)
    assert [question.id for question in asked] == ["4.1-L1-0"]
    assert levels(pool, answers) == {"4.1": 0}


def test_a_wrong_answer_counts_like_i_do_not_know():
    pool = make_pool(competences=("4.1",))
    with_dont_know = run(pool, lambda question: None if question.level == 3 else True, min_questions=0)
    with_wrong = run(pool, lambda question: question.level != 3, min_questions=0)
    assert [q.id for q in with_dont_know[1]] == [q.id for q in with_wrong[1]] == ["4.1-L1-0", "4.1-L3-0", "4.1-L2-0"]
    assert levels(pool, with_dont_know[0]) == levels(pool, with_wrong[0]) == {"4.1": 2}


def test_a_success_jumps_to_the_top_and_a_failure_there_comes_back_to_the_middle():
    pool = make_pool(competences=("4.1",))
    answers, asked = run(pool, knows_up_to({"4.1": 1}), min_questions=0)
    assert [question.level for question in asked] == [1, 3, 2]
    assert levels(pool, answers) == {"4.1": 1}


def test_a_success_at_the_top_level_stops_the_competence_and_counts_the_levels_under_it():
    pool = make_pool(competences=("4.1",))
    answers, asked = run(pool, lambda question: True, min_questions=0)
    assert [question.id for question in asked] == ["4.1-L1-0", "4.1-L3-0"]
    assert levels(pool, answers) == {"4.1": 3}


def test_five_levels_are_searched_in_at_most_four_questions():
    pool = make_pool(competences=("4.1",), levels_=(1, 2, 3, 4, 5), per_level=1)
    for known in range(6):
        answers, asked = run(pool, knows_up_to({"4.1": known}), min_questions=0)
        assert levels(pool, answers) == {"4.1": known}
        assert len(asked) <= 4
    _, asked = run(pool, knows_up_to({"4.1": 2}), min_questions=0)
    assert [question.level for question in asked] == [1, 5, 3, 2]


def test_the_top_level_is_the_highest_level_present_for_the_competence():
    pool = [
        Question("a1", "1.1", 1),
        Question("a3", "1.1", 3),  # no level 2: a success at 1 goes to 3
        Question("b1", "2.1", 1),
        Question("b2", "2.1", 2),  # top level 2 for this one
    ]
    answers, asked = run(pool, lambda question: True, min_questions=0)
    assert [question.id for question in asked] == ["a1", "b1", "a3", "b2"]
    assert levels(pool, answers) == {"1.1": 3, "2.1": 2}
    assert top_levels(pool) == {"1.1": 3, "2.1": 2}


def test_a_competence_with_a_single_level_asks_one_question():
    pool = [Question("a1", "1.1", 2), Question("a1b", "1.1", 2)]
    answers, asked = run(pool, lambda question: True, min_questions=0)
    assert [question.id for question in asked] == ["a1"]
    assert levels(pool, answers) == {"1.1": 2}


# Across competences ---------------------------------------------------------------------------------------------


def test_competences_take_turns_in_pool_order():
    pool = make_pool()
    _, asked = run(pool, lambda question: True, min_questions=0)
    assert [question.competence for question in asked] == list(COMPETENCES) * 2
    assert [question.level for question in asked] == [1] * 4 + [3] * 4


def test_a_stopped_competence_loses_its_turn_and_no_topic_runs_long():
    pool = make_pool(competences=("0.1", "2.1", "4.1", "6.1", "1.1", "3.1"))
    _, asked = run(pool, knows_up_to({"0.1": 0, "2.1": 3, "4.1": 1, "6.1": 2, "1.1": 0, "3.1": 3}), min_questions=0)
    codes = [question.competence for question in asked]
    assert codes[:6] == ["0.1", "2.1", "4.1", "6.1", "1.1", "3.1"]
    assert codes[6:] == ["2.1", "4.1", "6.1", "3.1", "4.1", "6.1"]  # the beginners have stopped: they lose their turn
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
    assert [question.id for question in asked] == ["late"]


# Limits ---------------------------------------------------------------------------------------------------------


def test_the_maximum_stops_every_competence():
    pool = make_pool(competences=[f"{n}.1" for n in range(15)])
    answers, asked = run(pool, lambda question: True)
    assert len(asked) == MAX_QUESTIONS == 25
    assert is_finished(pool, answers)
    outcome = levels(pool, answers)
    assert len(outcome) == 15 and all(level in (1, 3) for level in outcome.values())
    assert {question.competence for question in asked[-10:]} == {f"{n}.1" for n in range(10)}


def test_competences_never_reached_are_absent_from_the_levels():
    pool = make_pool(competences=[f"{n}.1" for n in range(8)])
    answers, asked = run(pool, lambda question: True, max_questions=5, min_questions=5)
    assert len(asked) == 5
    assert levels(pool, answers) == {f"{n}.1": 1 for n in range(5)}


def test_the_minimum_adds_confirmation_questions_where_a_level_was_passed():
    pool = make_pool()  # 4 competences x 3 levels x 3 questions
    answers, asked = run(pool, knows_up_to({"0.1": 3, "2.1": 1}))  # 2 + 3 + 1 + 1 adaptive questions
    assert len(asked) == MIN_QUESTIONS == 10
    assert [question.competence for question in asked[7:]] == ["0.1", "2.1", "0.1"]
    assert [question.level for question in asked[7:]] == [3, 1, 3]  # at the level reached
    assert levels(pool, answers) == {"0.1": 3, "2.1": 1, "4.1": 0, "6.1": 0}  # confirmation never moves the level


def test_a_beginner_gets_no_confirmation_questions():
    pool = make_pool()
    answers, asked = run(pool, lambda question: False, min_questions=15)
    assert len(asked) == 4


def test_confirmation_starts_at_the_level_reached_then_the_nearest():
    pool = make_pool(competences=("4.1",), per_level=2)
    answers, asked = run(pool, knows_up_to({"4.1": 2}), min_questions=6)
    assert [question.level for question in asked] == [1, 3, 2, 2, 1, 3]
    assert levels(pool, answers) == {"4.1": 2}


def test_a_pool_smaller_than_the_minimum_is_asked_in_full_at_most():
    pool = make_pool(competences=("0.1", "2.1"), per_level=2)  # 12 questions
    answers, asked = run(pool, lambda question: True, min_questions=20, max_questions=25)
    assert len(asked) == 12 == len({question.id for question in asked})
    assert is_finished(pool, answers, min_questions=20, max_questions=25)
    assert progress(pool, answers, min_questions=20, max_questions=25) == (12, 12)


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


def counter_of_a_run(pool, person, **limits):
    """The (number on screen, at most) pairs a person sees, one per question."""
    answers, screens = [], []
    while (question := next_question(pool, answers, **limits)) is not None:
        done, total = progress(pool, answers, **limits)
        screens.append((done + 1, total))
        answers.append(Answer(question.id, person(question)))
    return screens, answers


def assert_counter_is_honest(screens):
    numbers = [number for number, _ in screens]
    totals = [total for _, total in screens]
    assert numbers == list(range(1, len(screens) + 1)), "the number goes up by one"
    assert all(later <= earlier for earlier, later in itertools.pairwise(totals)), "the bound never goes up"
    assert all(number <= total for number, total in screens)
    assert all(total >= len(screens) for total in totals), "the bound is never below the real length"


@pytest.mark.parametrize(
    "person",
    [dont_know, lambda question: True, lambda question: False, knows_up_to({"0.1": 1, "2.1": 3, "4.1": 2})],
    ids=["beginner", "expert", "wrong", "mixed"],
)
def test_the_counter_only_goes_up_by_one_and_its_bound_only_shrinks(person):
    pool = make_pool(DEMO_COMPETENCES, per_level=2)
    screens, answers = counter_of_a_run(pool, person)
    assert_counter_is_honest(screens)
    assert screens[0] == (1, 18)  # 6 competences x 3 levels at most
    assert progress(pool, answers) == (len(answers), len(answers))


def test_the_beginners_counter():
    pool = make_pool(DEMO_COMPETENCES, per_level=2)
    screens, _ = counter_of_a_run(pool, dont_know)
    assert screens == [(1, 18), (2, 16), (3, 14), (4, 12), (5, 10), (6, 10)]


# Levels ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("known", "expected"), [(0, 0), (1, 1), (2, 2), (3, 3)])
def test_levels_are_the_highest_level_passed(known, expected):
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
    long, _ = run(pool, person, min_questions=26, max_questions=40)  # 26: every confirmable question
    assert len(short) < 26 == len(long)
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
        ([Answer("0.1-L1-0", True), Answer("0.1-L3-0", True)], "ordre"),  # skipping the other competences' turn
        ([Answer("0.1-L1-1", True)], "ordre"),  # another question of the right level, out of pool order
        ([Answer("0.1-L1-0", None), Answer("0.1-L1-1", True)], "ordre"),  # a second chance after « Je ne sais pas »
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


def test_answers_after_the_no_knowledge_exit_are_refused():
    pool = make_pool([f"{n}.1" for n in range(12)])
    answers, _ = run(pool, dont_know)
    with pytest.raises(ValueError, match="déjà terminé"):
        validate_answers(pool, [*answers, Answer("8.1-L1-0", True)])


def test_a_pool_with_a_duplicate_id_is_refused():
    with pytest.raises(ValueError, match="deux fois"):
        next_question([Question("a", "1.1", 1), Question("a", "2.1", 1)], [])


# Properties -----------------------------------------------------------------------------------------------------

pools = st.lists(
    st.builds(
        Question,
        id=st.text("abcdef", min_size=1, max_size=4),
        competence=st.sampled_from(("0.1", "2.1", "4.1", "6.1", "1.1", "3.1", "5.1", "1.2", "1.3", "2.2")),
        level=st.integers(1, 4),
    ),
    max_size=80,
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
    screens, answers = counter_of_a_run(pool, lambda question: next(replies), **kwargs)
    asked = [answer.question_id for answer in answers]
    assert len(asked) == len(set(asked))
    assert len(asked) <= max_questions
    assert_counter_is_honest(screens)
    assert all(total <= max_questions for _, total in screens)
    validate_answers(pool, answers, **kwargs)
    assert progress(pool, answers, **kwargs) == (len(answers), len(answers))
    tops = top_levels(pool)
    outcome = levels(pool, answers)
    for code, level in outcome.items():
        assert 0 <= level <= tops[code]
    by_id = {question.id: question for question in pool}
    assert set(outcome) == {by_id[qid].competence for qid in asked}
    # Each competence asks at most one question per level before confirmations; a run of « Je ne sais pas » ends.
    levels_count = sum(len({q.level for q in pool if q.competence == code}) for code in tops)
    assert len(asked) <= max(levels_count, min(min_questions, len(pool)))
    streak = 0
    for answer in answers:
        streak = streak + 1 if answer.correct is None else 0
        assert streak <= DONT_KNOW_STREAK


@PROPERTY
@given(pool=pools)
def test_whoever_answers_only_i_do_not_know_sees_at_most_eight_questions(pool):
    answers, asked = run(pool, dont_know)
    assert len(asked) <= DONT_KNOW_STREAK
    assert all(level == 0 for level in levels(pool, answers).values())
    assert len({question.competence for question in asked}) == len(asked), "one question per competence"


@PROPERTY
@given(pool=pools, known=st.dictionaries(st.sampled_from(COMPETENCES), st.integers(0, 4)))
def test_a_consistent_person_gets_their_true_level(pool, known):
    answers, _ = run(pool, knows_up_to(known), min_questions=0)
    for code, level in levels(pool, answers).items():
        present = {question.level for question in pool if question.competence == code}
        expected = max([lvl for lvl in present if lvl <= known.get(code, 0)], default=0)
        assert level == expected
