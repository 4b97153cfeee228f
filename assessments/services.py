"""Quiz attempts: start, save answers as the person goes, submit exactly once."""

import random
import uuid
from fractions import Fraction

from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import timezone

from wagtail.models import Page

from assessments import kinds, scoring
from assessments.models import Answer, QuizAttempt
from assessments.responses import decode
from assessments.signals import attempt_submitted

Invalid = scoring.InvalidResponse


class AttemptLimitReached(Exception):
    """The quiz allows a limited number of attempts and the person has used them all."""


class AttemptClosed(Exception):
    """Answers cannot change once the attempt is submitted."""


def submitted_attempts(user, quiz):
    return QuizAttempt.objects.filter(user=user, quiz_id=quiz.pk, submitted_at__isnull=False)


def remaining_attempts(user, quiz):
    if not quiz.max_attempts:
        return None
    return max(0, quiz.max_attempts - submitted_attempts(user, quiz).count())


def _option_orders(quiz, question_map, question_ids, rng):
    orders = {}
    for question_id in question_ids:
        _value, question = question_map[question_id]
        order = kinds.get(question["kind"]).answer_order(question, shuffle=quiz.shuffle_options, rng=rng)
        orders[question_id] = order
    return orders


def start_attempt(*, user, quiz, idempotency_key, retry_of=None, rng=None):
    """Open an attempt, or give back the one this key (a double click) or an unfinished try already opened."""
    rng = rng or random.Random()
    key = uuid.UUID(str(idempotency_key))
    existing = QuizAttempt.objects.filter(idempotency_key=key).first()
    if existing is not None:
        if existing.user_id != user.pk or existing.quiz_id != quiz.pk:
            raise Invalid("Clé d'essai déjà utilisée.")
        return existing
    open_attempt = QuizAttempt.objects.filter(user=user, quiz_id=quiz.pk, submitted_at__isnull=True).first()
    if open_attempt is not None:
        return open_attempt  # an unfinished try is resumed, never thrown away
    if remaining_attempts(user, quiz) == 0:
        raise AttemptLimitReached()
    question_map = quiz.question_map
    if retry_of is not None:
        missed = set(retry_of.answers.filter(correct=True).values_list("question_id", flat=True))
        question_ids = [qid for qid in retry_of.question_ids if qid not in missed and qid in question_map]
        if not question_ids:
            question_ids = list(question_map)
    else:
        question_ids = list(question_map)
        if quiz.shuffle_questions:
            rng.shuffle(question_ids)
    try:
        with transaction.atomic():
            return QuizAttempt.objects.create(
                user=user,
                quiz_id=quiz.pk,
                revision_id=quiz.live_revision_id,
                idempotency_key=key,
                question_ids=question_ids,
                option_orders=_option_orders(quiz, question_map, question_ids, rng),
                retry_of=retry_of,
            )
    except IntegrityError:
        # Two clicks at once: the other request created it.
        return QuizAttempt.objects.get(user=user, quiz_id=quiz.pk, submitted_at__isnull=True)


def questions_of(attempt, quiz):
    """The attempt's questions as they were when it started (its revision), in the attempt's order."""
    source = quiz
    if attempt.revision_id and attempt.revision_id != quiz.live_revision_id:
        source = attempt.revision.as_object()
    question_map = source.question_map
    return [(qid, *question_map[qid]) for qid in attempt.question_ids if qid in question_map]


def _lock(attempt):
    """The attempt as it is now, held until the transaction ends; call inside `transaction.atomic()`.

    PostgreSQL locks its row (a second request waits, then reads the state the first one left). SQLite has no row
    locks: a write first takes the database's write lock now (a read first, then a write, could fail once another
    writer had committed), so nothing changes the attempt before this transaction ends.
    """
    if connection.vendor == "sqlite":
        QuizAttempt.objects.filter(pk=attempt.pk).update(wrong_count=F("wrong_count"))
    current = QuizAttempt.objects.select_for_update().get(pk=attempt.pk)
    # The caller's copy learns the state too (a stale copy must not be taken for an open attempt again).
    attempt.submitted_at, attempt.score = current.submitted_at, current.score
    attempt.passed, attempt.wrong_count = current.passed, current.wrong_count
    return current


def _write_answers(attempt, responses, results):
    # One upsert for the whole form, not a read and a write per question.
    Answer.objects.bulk_create(
        [
            Answer(
                attempt=attempt,
                question_id=qid,
                response=response,
                credit=results[qid].credit,
                correct=results[qid].correct,
            )
            for qid, response in responses.items()
        ],
        update_conflicts=True,
        unique_fields=["attempt", "question_id"],
        update_fields=["response", "credit", "correct", "answered_at"],
    )


def _score_all(questions, responses):
    """Validate and score every response before anything is written."""
    by_id = {qid: question for qid, _value, question in questions}
    if set(responses) - set(by_id):
        raise Invalid("Cette question ne fait pas partie de l'essai.")
    return {qid: scoring.score(by_id[qid], response) for qid, response in responses.items()}


def save_answers(*, attempt, quiz, responses, questions=None):
    """Score and store answers ({question id: response}); validates everything before writing anything.

    Refused (AttemptClosed, nothing written) once the attempt is submitted, even when the caller's copy was loaded
    before the submission: the state is read again, locked, in the transaction that writes.
    """
    if attempt.is_submitted:
        raise AttemptClosed()
    results = _score_all(questions or questions_of(attempt, quiz), responses)
    with transaction.atomic():
        if _lock(attempt).is_submitted:
            raise AttemptClosed()
        _write_answers(attempt, responses, results)
    return results


def submit_attempt(*, attempt, quiz, responses):
    """Save the last answers and submit, once: a replay or a double click finds it submitted and writes nothing.

    The score comes from the answers read inside the same locked transaction, so score and answers always agree; the
    update is still conditional on the attempt being open.
    """
    if attempt.is_submitted:
        return attempt
    questions = questions_of(attempt, quiz)
    results = _score_all(questions, responses)
    updated = 0
    with transaction.atomic():
        if not _lock(attempt).is_submitted:
            _write_answers(attempt, responses, results)
            credits_by_id = dict(Answer.objects.filter(attempt=attempt).values_list("question_id", "credit"))
            # Stored floats read back as the exact fractions they were (scoring.exact).
            credits = [scoring.exact(credits_by_id.get(qid, 0)) for qid, _value, _question in questions]
            score = scoring.quiz_score(credits)
            passed = scoring.passed(
                credits=credits,
                pass_mark=Fraction(quiz.pass_mark, 100),
                mastery_rule=quiz.mastery_rule,
                mastery_count=quiz.mastery_count,
            )
            wrong = sum(1 for credit in credits if credit < 1)
            updated = QuizAttempt.objects.filter(pk=attempt.pk, submitted_at__isnull=True).update(
                submitted_at=timezone.now(), score=float(score), passed=passed, wrong_count=wrong
            )
            if not updated:  # cannot happen under the lock; never keep answers another submission did not score
                transaction.set_rollback(True)
    attempt.refresh_from_db()
    if updated:
        # Listeners (learning's progress) write in their own transaction; a failure there never undoes the attempt.
        attempt_submitted.send(sender=type(quiz), attempt=attempt, quiz=quiz)
    return attempt


def attempt_report(attempt, quiz):
    """Everything the results page shows: each question with its answer and feedback, and each competence."""
    questions = questions_of(attempt, quiz)
    answers = {answer.question_id: answer for answer in attempt.answers.all()}
    rows = []
    for qid, value, question in questions:
        answer = answers.get(qid)
        response = answer.response if answer else None
        result = scoring.score(question, response)
        rows.append({"id": qid, "value": value, "question": question, "result": result})
    describe(rows, {qid: answer.response for qid, answer in answers.items()})
    competences = scoring.by_competence([(row["question"]["competence"], row["result"].credit) for row in rows])
    return {"rows": rows, "competences": competences}


def score_trial(quiz, data):
    """An anonymous try: scored, never stored."""
    rows = []
    responses = {}
    for qid, (value, question) in quiz.question_map.items():
        responses[qid] = decode(qid, question, data)
        result = scoring.score(question, responses[qid])
        rows.append({"id": qid, "value": value, "question": question, "result": result})
    describe(rows, responses)
    credits = [row["result"].credit for row in rows]
    return {
        "rows": rows,
        "score": scoring.quiz_score(credits),
        "passed": scoring.passed(
            credits=credits,
            pass_mark=Fraction(quiz.pass_mark, 100),
            mastery_rule=quiz.mastery_rule,
            mastery_count=quiz.mastery_count,
        ),
        "competences": scoring.by_competence([(row["question"]["competence"], row["result"].credit) for row in rows]),
    }


# What the results page says of each answer ------------------------------------------------------------------------


def your_answer(question, response):
    """The person's own answer in plain French (« Votre réponse : … »), or "" when they gave none."""
    kind = kinds.find(question["kind"])
    if response is None or kind is None:
        return ""
    return kind.your_answer(question, response)


def right_answer_words(question, result):
    """The right answer as the results page says it: a true/false one with its statement, never a bare « Vrai »."""
    return kinds.get(question["kind"]).right_answer_words(question, result)


def describe(rows, responses):
    """Adds to each results row the person's own answer and the right answer in words (rows changed in place)."""
    for row in rows:
        row["your_answer"] = your_answer(row["question"], responses.get(row["id"]))
        row["right_answer"] = right_answer_words(row["question"], row["result"])
    return rows


def reread_tutorials(quiz):
    """The tutorials of the quiz's module, in order: where the results page sends the person to reread."""
    # By content type, not by model: learning (which defines tutorials) sits above this app.
    parent = quiz.get_parent()
    return list(
        Page.objects.live()
        .public()
        .child_of(parent)
        .filter(content_type__app_label="learning", content_type__model="tutorialpage")
        .order_by("path")
        .only("id", "title", "url_path", "path")
    )
