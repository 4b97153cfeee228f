"""Quiz pages: landing, attempt (works without JavaScript), autosave, results, anonymous trial."""

import uuid

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST

from assessments import kinds, scoring, services
from assessments import responses as answer_fields
from assessments.models import Competence, QuizAttempt
from assessments.scoring import InvalidResponse
from cms.responses import bad_request
from cms.text import parse_int


def quiz_landing_context(request, quiz):
    context = {"question_count": len(quiz.questions), "start_key": uuid.uuid4()}
    if request.user.is_authenticated:
        attempts = list(QuizAttempt.objects.filter(user=request.user, quiz_id=quiz.pk).order_by("-started_at")[:5])
        context.update(
            {
                "attempts": attempts,
                "open_attempt": next((a for a in attempts if not a.is_submitted), None),
                "remaining": services.remaining_attempts(request.user, quiz),
            }
        )
    else:
        context["trial_questions"] = trial_questions(quiz)
    if getattr(request, "is_preview", False):
        context["trial_questions"] = trial_questions(quiz)
    return context


def trial_questions(quiz):
    return [
        question_context(qid, value, question, order=None, saved={})
        for qid, (value, question) in quiz.question_map.items()
    ]


def question_context(qid, value, question, *, order, saved):
    """What the question template needs: the kind's fragment and instruction, the display order of the answers and
    the saved answer to show again (see QuestionKind.form_context)."""
    kind = kinds.get(question["kind"])
    order = order or list(range(kind.size(question)))
    return {
        "id": qid,
        "value": value,
        "question": question,
        "kind": kind.name,
        "instruction": kind.instruction,
        "template": kind.template,
        "saved": saved,
        **kind.form_context(qid, question, order=order, saved=saved),
    }


def competence_rows(means):
    titles = Competence.titles(means)
    return [
        {"code": code, "title": titles.get(code, ""), "percent": scoring.percent(mean)} for code, mean in means.items()
    ]


def _own_attempt(request, quiz, attempt_id):
    if not request.user.is_authenticated:
        raise Http404
    attempt = QuizAttempt.objects.filter(pk=attempt_id, user=request.user, quiz_id=quiz.pk).first()
    if attempt is None:
        raise Http404("Cet essai n'existe pas.")
    return attempt


def _decode_all(questions, data, only=None):
    result = {}
    for qid, _value, question in questions:
        if only is not None and qid not in only:
            continue
        result[qid] = answer_fields.decode(qid, question, data)
    return result


@require_POST
def start(request, quiz):
    if not request.user.is_authenticated:
        return redirect_to_login(quiz.url)
    try:
        key = uuid.UUID(request.POST.get("cle", ""))
    except ValueError:
        return bad_request(request, "Le formulaire est incomplet : rechargez la page du quiz.")
    retry_of = None
    if request.POST.get("erreurs"):
        retry_of = QuizAttempt.objects.filter(
            pk=parse_int(request.POST["erreurs"]) or 0,
            user=request.user,
            quiz_id=quiz.pk,
            submitted_at__isnull=False,
        ).first()
        if retry_of is None:
            return bad_request(request, "Cet essai n'existe pas.")
    try:
        attempt = services.start_attempt(user=request.user, quiz=quiz, idempotency_key=key, retry_of=retry_of)
    except services.AttemptLimitReached:
        context = quiz.get_context(request)
        context["limit_reached"] = True
        return TemplateResponse(request, quiz.get_template(request), context, status=403)
    except InvalidResponse as error:
        return bad_request(request, str(error))
    return redirect(quiz.url + quiz.reverse_subpage("attempt", args=[attempt.pk]))


def attempt(request, quiz, attempt_id):
    attempt = _own_attempt(request, quiz, attempt_id)
    results_url = quiz.url + quiz.reverse_subpage("results", args=[attempt.pk])
    if attempt.is_submitted:
        return redirect(results_url)
    questions = services.questions_of(attempt, quiz)
    if request.method == "POST":
        try:
            responses = _decode_all(questions, request.POST)
            if "terminer" in request.POST:
                services.submit_attempt(attempt=attempt, quiz=quiz, responses=responses)
                return redirect(results_url)
            services.save_answers(attempt=attempt, quiz=quiz, responses=responses, questions=questions)
        except InvalidResponse as error:
            return bad_request(request, str(error))
        except services.AttemptClosed:
            return redirect(results_url)
        return redirect(request.path + "#enregistre")
    saved = {}
    for answer in attempt.answers.all():
        question = next((question for qid, _v, question in questions if qid == answer.question_id), None)
        if question is not None:
            saved.update(answer_fields.encode(answer.question_id, question, answer.response))
    items = [
        question_context(qid, value, question, order=attempt.option_orders.get(qid), saved=saved)
        for qid, value, question in questions
    ]
    context = {
        "page": quiz,
        "attempt": attempt,
        "items": items,
        "question_count": len(items),
        "save_url": quiz.url + quiz.reverse_subpage("save_answer", args=[attempt.pk]),
    }
    return TemplateResponse(request, "assessments/attempt.html", context)


@require_POST
def save_answer(request, quiz, attempt_id):
    """Autosave of one question by the page script; the whole form posts the same answers without it."""
    attempt = _own_attempt(request, quiz, attempt_id)
    questions = services.questions_of(attempt, quiz)
    qid = request.POST.get("question", "")
    if qid not in {question_id for question_id, _v, _q in questions}:
        return JsonResponse({"saved": False, "error": "Question inconnue."}, status=400)
    try:
        responses = _decode_all(questions, request.POST, only={qid})
        services.save_answers(attempt=attempt, quiz=quiz, responses=responses, questions=questions)
    except InvalidResponse as error:
        return JsonResponse({"saved": False, "error": str(error)}, status=400)
    except services.AttemptClosed:
        return JsonResponse({"saved": False, "error": "Cet essai est déjà terminé."}, status=409)
    return JsonResponse({"saved": True})


def results(request, quiz, attempt_id):
    attempt = _own_attempt(request, quiz, attempt_id)
    if not attempt.is_submitted:
        return redirect(quiz.url + quiz.reverse_subpage("attempt", args=[attempt.pk]))
    report = services.attempt_report(attempt, quiz)
    context = {
        "page": quiz,
        "attempt": attempt,
        "score_percent": attempt.percent,
        "passed": attempt.passed,
        "rows": report["rows"],
        "competences": competence_rows(report["competences"]),
        "wrong_count": sum(1 for row in report["rows"] if not row["result"].correct),
        "remaining": services.remaining_attempts(request.user, quiz),
        "start_key": uuid.uuid4(),
        "retry_key": uuid.uuid4(),
        "trial": False,
        "reread": services.reread_tutorials(quiz),
    }
    return TemplateResponse(request, "assessments/results.html", context)


@require_POST
def trial(request, quiz):
    try:
        report = services.score_trial(quiz, request.POST)
    except InvalidResponse as error:
        return bad_request(request, str(error))
    context = {
        "page": quiz,
        "score_percent": scoring.percent(report["score"]),
        "passed": report["passed"],
        "rows": report["rows"],
        "competences": competence_rows(report["competences"]),
        "wrong_count": sum(1 for row in report["rows"] if not row["result"].correct),
        "trial": True,
        "reread": services.reread_tutorials(quiz),
    }
    return TemplateResponse(request, "assessments/results.html", context)
