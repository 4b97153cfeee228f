"""Replays of « save » and « submit » on one attempt: a submitted attempt never changes, score and answers agree.

Every request loads the attempt, then saves or submits: when another request submitted in between, the loaded copy
is stale. The services must re-read the attempt's state inside the transaction that writes, and refuse to write once
it is submitted.
"""

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

from django.db import connection
from django.test import Client

import pytest

from assessments import scoring, services
from assessments.models import Answer, QuizAttempt
from assessments.responses import decode
from tests.assessments.factories import RIGHT_ANSWERS, WRONG_ANSWERS, QuizPageFactory, post_data

THREADS = 16
ROUNDS = 4

# Three different full answer sheets: whichever submission wins, its answers (all six questions) are what stays.
ALL_WRONG = {
    **RIGHT_ANSWERS,
    **WRONG_ANSWERS,
    "q-multiple": {"q-q-multiple": ["1"]},
    "q-short": {"q-q-short": "mot de passe"},
}
HALF_RIGHT = {**RIGHT_ANSWERS, **WRONG_ANSWERS}
SHEETS = [RIGHT_ANSWERS, HALF_RIGHT, ALL_WRONG]


@pytest.fixture
def quiz(module):
    return QuizPageFactory(parent=module, title="Vérifier ses acquis", slug="quiz")


def responses_of(quiz, attempt, answers):
    return {
        qid: decode(qid, question, post_data(answers))
        for qid, _value, question in services.questions_of(attempt, quiz)
    }


def stored(attempt):
    return {answer.question_id: answer.response for answer in Answer.objects.filter(attempt=attempt)}


def assert_consistent(quiz, attempt):
    """The stored score, pass and mistakes are those of the stored answers; so are the results page's figures."""
    attempt.refresh_from_db()
    questions = services.questions_of(attempt, quiz)
    answers = {answer.question_id: answer for answer in Answer.objects.filter(attempt=attempt)}
    rescored = [
        scoring.score(question, answers[qid].response).credit if qid in answers else 0.0
        for qid, _v, question in questions
    ]
    assert [answers[qid].credit if qid in answers else 0.0 for qid, _v, _q in questions] == rescored
    assert attempt.score == pytest.approx(scoring.quiz_score(rescored))
    assert attempt.wrong_count == sum(1 for credit in rescored if credit < 1)
    assert attempt.passed == scoring.passed(
        credits=rescored,
        pass_mark=quiz.pass_mark / 100,
        mastery_rule=quiz.mastery_rule,
        mastery_count=quiz.mastery_count,
    )
    report = services.attempt_report(attempt, quiz)
    assert [row["result"].credit for row in report["rows"]] == rescored
    expected = scoring.by_competence(
        [(q["competence"], c) for (_id, _v, q), c in zip(questions, rescored, strict=True)]
    )
    assert report["competences"] == pytest.approx(expected)


@pytest.mark.django_db
def test_a_save_from_a_copy_loaded_before_the_submission_writes_nothing(resident, quiz):
    attempt = services.start_attempt(user=resident, quiz=quiz, idempotency_key=uuid.uuid4())
    stale_save = QuizAttempt.objects.get(pk=attempt.pk)
    stale_submit = QuizAttempt.objects.get(pk=attempt.pk)
    services.submit_attempt(attempt=attempt, quiz=quiz, responses=responses_of(quiz, attempt, RIGHT_ANSWERS))
    before = stored(attempt)
    attempt.refresh_from_db()
    score = attempt.score

    with pytest.raises(services.AttemptClosed):
        services.save_answers(attempt=stale_save, quiz=quiz, responses=responses_of(quiz, attempt, ALL_WRONG))
    services.submit_attempt(attempt=stale_submit, quiz=quiz, responses=responses_of(quiz, attempt, ALL_WRONG))

    assert stored(attempt) == before
    attempt.refresh_from_db()
    assert attempt.score == score == 1.0
    assert stale_submit.is_submitted  # the caller's copy is told the attempt is closed
    assert_consistent(quiz, attempt)


class _Writers:
    """The test database on SQLite is in memory with a shared cache, where a second writer fails at once (« table is
    locked ») instead of waiting as it does on a file: there, the requests write one at a time, in a random order,
    each with the copy it loaded before any of them wrote, which is the same race, interleaved. PostgreSQL lets them
    overlap for real."""

    def __init__(self):
        self.lock = threading.Lock()

    def __enter__(self):
        if connection.vendor == "sqlite":
            self.lock.acquire()

    def __exit__(self, *exc):
        if connection.vendor == "sqlite":
            self.lock.release()


def _replay(quiz, attempt_id, index, barrier, writers):
    """One request: load the attempt as the view does, then save (odd) or submit (even) one of the answer sheets."""
    try:
        attempt = QuizAttempt.objects.get(pk=attempt_id)
        sheet = SHEETS[index % len(SHEETS)]
        responses = responses_of(quiz, attempt, sheet)
        barrier.wait()
        with writers:
            if index % 2:
                try:
                    services.save_answers(attempt=attempt, quiz=quiz, responses=responses)
                except services.AttemptClosed:
                    return "closed"
                return "saved"
            services.submit_attempt(attempt=attempt, quiz=quiz, responses=responses)
            return "submitted"
    finally:
        connection.close()


def _replay_round(quiz, attempt, threads=THREADS):
    barrier, writers = threading.Barrier(threads), _Writers()
    with ThreadPoolExecutor(max_workers=threads) as pool:
        futures = [pool.submit(_replay, quiz, attempt.pk, index, barrier, writers) for index in range(threads)]
        return [future.result() for future in futures]


def _assert_replays_keep_one_consistent_submission(resident, quiz):
    for number in range(1, ROUNDS + 1):
        attempt = services.start_attempt(user=resident, quiz=quiz, idempotency_key=uuid.uuid4())
        outcomes = _replay_round(quiz, attempt)
        assert set(outcomes) <= {"saved", "closed", "submitted"}
        assert QuizAttempt.objects.filter(user=resident, submitted_at__isnull=False).count() == number
        assert not QuizAttempt.objects.filter(user=resident, submitted_at__isnull=True).exists()
        # The answers kept are exactly one submitted sheet: no save slipped in after the submission.
        answers = stored(attempt)
        assert answers in [responses_of(quiz, attempt, sheet) for sheet in SHEETS], answers
        assert_consistent(quiz, attempt)

        # Replayed again once submitted: nothing changes at all.
        attempt.refresh_from_db()
        frozen = (attempt.submitted_at, attempt.score, attempt.passed, attempt.wrong_count)
        outcomes = _replay_round(quiz, attempt)
        assert set(outcomes) <= {"closed", "submitted"}
        assert stored(attempt) == answers
        attempt.refresh_from_db()
        assert (attempt.submitted_at, attempt.score, attempt.passed, attempt.wrong_count) == frozen
        assert_consistent(quiz, attempt)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_replays_of_save_and_submit_keep_one_consistent_submission(resident, quiz):
    """On SQLite the writers are serialised, but each request's copy is still stale: the same race, interleaved."""
    _assert_replays_keep_one_consistent_submission(resident, quiz)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_replays_on_postgresql_keep_one_consistent_submission(resident, quiz):
    """True concurrency: the save and submit transactions overlap; the row lock orders them."""
    _assert_replays_keep_one_consistent_submission(resident, quiz)


def _post(cookies, url, data, barrier):
    try:
        client = Client()
        client.cookies = cookies
        barrier.wait()
        return client.post(url, data).status_code
    finally:
        connection.close()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_replayed_form_posts_and_autosaves_keep_the_submitted_answers(resident, quiz):
    client = Client()
    client.force_login(resident)
    attempt = services.start_attempt(user=resident, quiz=quiz, idempotency_key=uuid.uuid4())
    url = quiz.url + quiz.reverse_subpage("attempt", args=[attempt.pk])
    autosave = quiz.url + quiz.reverse_subpage("save_answer", args=[attempt.pk])
    requests = []
    for index in range(THREADS):
        sheet = post_data(SHEETS[index % len(SHEETS)])
        if index % 4 == 0:
            requests.append((url, {**sheet, "terminer": "1"}))
        elif index % 4 == 1:
            requests.append((url, {**sheet, "enregistrer": "1"}))
        else:
            requests.append((autosave, {"question": "q-single", "q-q-single": str(index % 3)}))
    barrier = threading.Barrier(len(requests))
    with ThreadPoolExecutor(max_workers=len(requests)) as pool:
        statuses = list(pool.map(lambda request: _post(client.cookies, *request, barrier), requests))
    assert set(statuses) <= {200, 302, 409}, statuses
    assert QuizAttempt.objects.filter(submitted_at__isnull=False).count() == 1
    answers = stored(attempt)
    assert answers in [responses_of(quiz, attempt, sheet) for sheet in SHEETS], answers
    assert_consistent(quiz, attempt)

    # Replayed after the submission: the results stay, the autosave is refused (409), nothing is written.
    statuses = [client.post(url, {**post_data(ALL_WRONG), "enregistrer": "1"}).status_code]
    statuses.append(client.post(autosave, {"question": "q-single", "q-q-single": "0"}).status_code)
    assert statuses == [302, 409]
    assert stored(attempt) == answers
    assert_consistent(quiz, attempt)
