import re
import threading
import uuid

from django.db import connection
from django.test import Client

import pytest

from assessments.models import Answer, Competence, QuizAttempt
from learning.enums import ProgressStatus
from learning.models import ModuleProgress, PageProgress
from tests.assessments.factories import RIGHT_ANSWERS, WRONG_ANSWERS, QuizPageFactory, all_kinds, post_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def quiz(module):
    return QuizPageFactory(parent=module, title="Vérifier ses acquis", slug="quiz")


def start(client, quiz, **extra):
    key = extra.pop("cle", None) or re.search(r'name="cle" value="([^"]+)"', client.get(quiz.url).content.decode())[1]
    return client.post(quiz.url + "commencer/", {"cle": key, **extra})


def attempt_url(quiz, attempt):
    return quiz.url + quiz.reverse_subpage("attempt", args=[attempt.pk])


def test_every_kind_renders_and_a_perfect_attempt_passes(client, resident, quiz):
    client.force_login(resident)
    response = start(client, quiz)
    attempt = QuizAttempt.objects.get()
    assert response["Location"] == attempt_url(quiz, attempt)
    page = client.get(attempt_url(quiz, attempt)).content.decode()
    assert "Question 1 sur 6" in page and "Question 6 sur 6" in page
    assert page.count('data-listen="question-') == 6
    response = client.post(attempt_url(quiz, attempt), {**post_data(RIGHT_ANSWERS), "terminer": "1"})
    attempt.refresh_from_db()
    assert attempt.passed and attempt.score == 1.0 and attempt.revision_id == quiz.live_revision_id
    results = client.get(response["Location"]).content.decode()
    assert "100 % de bonnes réponses" in results and "Bravo, quiz réussi" in results
    assert "Revoir seulement mes erreurs" not in results


def test_a_passed_quiz_counts_in_the_module(client, resident, quiz, tutorial):
    client.force_login(resident)
    start(client, quiz)
    client.post(attempt_url(quiz, QuizAttempt.objects.get()), {**post_data(RIGHT_ANSWERS), "terminer": "1"})
    assert PageProgress.objects.get(user=resident, page=quiz).status == ProgressStatus.COMPLETED
    rollup = ModuleProgress.objects.get(user=resident)
    assert (rollup.items_done, rollup.items_total, rollup.percent) == (1, 2, 50)


def test_fail_then_review_only_the_mistakes_then_pass(client, resident, quiz):
    client.force_login(resident)
    start(client, quiz)
    first = QuizAttempt.objects.get()
    answers = {**RIGHT_ANSWERS, **WRONG_ANSWERS}
    response = client.post(attempt_url(quiz, first), {**post_data(answers), "terminer": "1"})
    first.refresh_from_db()
    assert not first.passed and first.wrong_count == 2
    results = client.get(response["Location"]).content.decode()
    assert "Revoir seulement mes erreurs (2)" in results
    assert "La bonne réponse : ameli.fr" in results
    assert "Attention, c&#x27;est un faux site." in results or "Attention, c'est un faux site." in results
    retry_key = re.search(r'name="cle" value="([^"]+)"><input type="hidden" name="erreurs"', results)[1]
    client.post(quiz.url + "commencer/", {"cle": retry_key, "erreurs": first.pk})
    retry = QuizAttempt.objects.exclude(pk=first.pk).get()
    assert retry.question_ids == ["q-single", "q-tf"]
    assert retry.retry_of == first
    client.post(
        attempt_url(quiz, retry), {**post_data({k: RIGHT_ANSWERS[k] for k in ("q-single", "q-tf")}), "terminer": "1"}
    )
    retry.refresh_from_db()
    assert retry.passed


def test_answers_are_saved_as_one_goes_and_shown_again(client, resident, quiz):
    client.force_login(resident)
    start(client, quiz)
    attempt = QuizAttempt.objects.get()
    save_url = quiz.url + quiz.reverse_subpage("save_answer", args=[attempt.pk])
    assert client.post(save_url, {"question": "q-short", "q-q-short": "franceconect"}).json() == {"saved": True}
    assert client.post(save_url, {"question": "q-match", **RIGHT_ANSWERS["q-match"]}).json() == {"saved": True}
    assert Answer.objects.get(question_id="q-short").correct  # one typo is tolerated
    page = client.get(attempt_url(quiz, attempt)).content.decode()
    assert 'value="franceconect"' in page
    assert '<option value="1" selected>' in page
    # Coming back to the quiz page resumes the same attempt.
    assert "Reprendre le quiz" in client.get(quiz.url).content.decode()
    start(client, quiz, cle=str(uuid.uuid4()))
    assert QuizAttempt.objects.count() == 1


def test_save_button_without_javascript_keeps_answers(client, resident, quiz):
    client.force_login(resident)
    start(client, quiz)
    attempt = QuizAttempt.objects.get()
    response = client.post(
        attempt_url(quiz, attempt), {**post_data({"q-tf": RIGHT_ANSWERS["q-tf"]}), "enregistrer": "1"}
    )
    assert response.status_code == 302
    assert Answer.objects.get(attempt=attempt, question_id="q-tf").correct
    assert not QuizAttempt.objects.get().is_submitted


def test_double_click_on_start_and_replayed_submit_give_one_attempt(client, resident, quiz):
    client.force_login(resident)
    key = str(uuid.uuid4())
    start(client, quiz, cle=key)
    start(client, quiz, cle=key)
    attempt = QuizAttempt.objects.get()
    for _ in range(2):
        response = client.post(attempt_url(quiz, attempt), {**post_data(RIGHT_ANSWERS), "terminer": "1"})
        assert response.status_code == 302
    assert QuizAttempt.objects.count() == 1
    assert PageProgress.objects.filter(page=quiz).count() == 1


@pytest.mark.parametrize(
    "data",
    [
        {"q-q-single": "7"},
        {"q-q-single": "abc"},
        {"q-q-single": "-1"},
        {"q-q-multiple": ["0", "0", "1", "2", "5"]},
        {"q-q-tf": "peut-être"},
        {"q-q-short": "x" * 500},
        {"q-q-match-0": "9"},
        {"q-q-order-1": "deux"},
    ],
)
def test_tampered_answers_are_refused_with_400_and_nothing_written(client, resident, quiz, data):
    client.force_login(resident)
    start(client, quiz)
    attempt = QuizAttempt.objects.get()
    response = client.post(attempt_url(quiz, attempt), {**data, "terminer": "1"})
    assert response.status_code == 400
    assert "Rien n" in response.content.decode()
    attempt.refresh_from_db()
    assert not attempt.is_submitted
    assert not Answer.objects.exists()


def test_autosave_refuses_unknown_questions_and_bad_values(client, resident, quiz):
    client.force_login(resident)
    start(client, quiz)
    attempt = QuizAttempt.objects.get()
    save_url = quiz.url + quiz.reverse_subpage("save_answer", args=[attempt.pk])
    assert client.post(save_url, {"question": "inconnue"}).status_code == 400
    assert client.post(save_url, {"question": "q-single", "q-q-single": "12"}).status_code == 400
    assert client.get(save_url).status_code == 405
    assert not Answer.objects.exists()


def test_start_without_key_is_a_400(client, resident, quiz):
    client.force_login(resident)
    assert client.post(quiz.url + "commencer/", {"cle": "pas-une-clé"}).status_code == 400
    assert client.post(quiz.url + "commencer/", {"cle": str(uuid.uuid4()), "erreurs": "999"}).status_code == 400
    # « ² » passes str.isdigit() but not int(): a 400, never a 500.
    assert client.post(quiz.url + "commencer/", {"cle": str(uuid.uuid4()), "erreurs": "²"}).status_code == 400
    assert not QuizAttempt.objects.exists()


def test_oversized_payload_is_a_400(client, resident, quiz, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    client.force_login(resident)
    start(client, quiz)
    attempt = QuizAttempt.objects.get()
    response = client.post(attempt_url(quiz, attempt), {"q-q-short": "x" * 20_000, "terminer": "1"})
    assert response.status_code == 400


def test_attempt_limit_is_explained(client, resident, module):
    quiz = QuizPageFactory(parent=module, max_attempts=1)
    client.force_login(resident)
    start(client, quiz)
    client.post(attempt_url(quiz, QuizAttempt.objects.get()), {"terminer": "1"})
    response = client.post(quiz.url + "commencer/", {"cle": str(uuid.uuid4())})
    assert response.status_code == 403
    assert "Vous avez utilisé tous vos essais" in response.content.decode()
    assert QuizAttempt.objects.count() == 1


def test_other_peoples_attempts_are_404(client, resident, quiz, django_user_model):
    client.force_login(resident)
    start(client, quiz)
    attempt = QuizAttempt.objects.get()
    other = Client()
    other.force_login(django_user_model.objects.create_user(username="intrus", password="x-long-password"))
    assert other.get(attempt_url(quiz, attempt)).status_code == 404
    assert other.post(attempt_url(quiz, attempt), {"terminer": "1"}).status_code == 404
    assert other.get(quiz.url + quiz.reverse_subpage("results", args=[attempt.pk])).status_code == 404


def test_anonymous_visitors_try_without_anything_stored(client, quiz):
    page = client.get(quiz.url).content.decode()
    assert "Vos résultats ne seront pas gardés" in page
    response = client.post(quiz.url + "essai/", post_data({**RIGHT_ANSWERS, **WRONG_ANSWERS}))
    content = response.content.decode()
    assert "67 % de bonnes réponses" in content
    assert "Ce résultat n" in content
    assert not QuizAttempt.objects.exists()
    assert client.post(quiz.url + "commencer/", {"cle": str(uuid.uuid4())})["Location"].startswith("/comptes/login/")


def test_results_show_the_result_per_competence(client, resident, module):
    competence = Competence.objects.get(code="4.1")
    quiz = QuizPageFactory(parent=module, questions=all_kinds(competence_id=competence.pk))
    client.force_login(resident)
    start(client, quiz)
    response = client.post(attempt_url(quiz, QuizAttempt.objects.get()), {**post_data(RIGHT_ANSWERS), "terminer": "1"})
    content = client.get(response["Location"]).content.decode()
    assert (
        "4.1 Sécuriser l&#x27;environnement numérique" in content
        or "4.1 Sécuriser l'environnement numérique" in content
    )


def many_questions(count):
    questions = []
    for number in range(count):
        question = all_kinds()[number % 6]
        question["id"] = f"{question['id']}-{number}"
        questions.append(question)
    return questions


def test_quiz_and_results_pages_query_budget(client, resident, module, django_assert_max_num_queries):
    quiz = QuizPageFactory(parent=module, questions=many_questions(30))
    client.force_login(resident)
    client.get(quiz.url)
    with django_assert_max_num_queries(12):
        assert client.get(quiz.url).status_code == 200
    start(client, quiz)
    attempt = QuizAttempt.objects.get()
    client.post(attempt_url(quiz, attempt), {"q-q-single-0": "1", "q-q-tf-2": "faux", "enregistrer": "1"})
    with django_assert_max_num_queries(12):
        assert client.get(attempt_url(quiz, attempt)).status_code == 200
    response = client.post(attempt_url(quiz, attempt), {"terminer": "1"})
    client.get(response["Location"])
    with django_assert_max_num_queries(12):
        assert client.get(response["Location"]).status_code == 200


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_fifty_concurrent_submissions_leave_one_submitted_attempt(resident, quiz, password):
    client = Client()
    client.force_login(resident)
    start(client, quiz)
    attempt = QuizAttempt.objects.get()
    url = attempt_url(quiz, attempt)
    cookies = client.cookies
    statuses, barrier = [], threading.Barrier(50)

    def submit():
        own = Client()
        own.cookies = cookies
        barrier.wait()
        try:
            statuses.append(own.post(url, {**post_data(RIGHT_ANSWERS), "terminer": "1"}).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses.count(302) == 50, statuses
    assert QuizAttempt.objects.count() == 1
    assert QuizAttempt.objects.get().passed
    assert Answer.objects.count() == 6
    assert PageProgress.objects.filter(page=quiz).count() == 1
