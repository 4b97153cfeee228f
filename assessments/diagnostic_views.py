"""« Faire le point »: one question per screen, state kept in the session so an abandoned diagnostic resumes."""

from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST

from accounts import perms
from accounts.models import User
from assessments import adaptive, scoring
from assessments import equipment as equipment_rules
from assessments import responses as answer_fields
from assessments.equipment import SOLUTIONS, Gap
from assessments.models import Competence, DiagnosticResult
from assessments.views import question_context
from cms.responses import bad_request
from cms.text import parse_int

PENDING_KEY = "diagnostic_pending_results"


def state_key(page):
    return f"diagnostic:{page.pk}"


def get_state(request, page):
    return request.session.get(state_key(page))


def save_state(request, page, state):
    request.session[state_key(page)] = state


def pool_of(page):
    return [
        adaptive.Question(id=qid, competence=question["competence"], level=int(question.get("level") or 1))
        for qid, (_value, question) in page.competence_map.items()
        if question.get("competence")
    ]


def answers_of(state):
    return [adaptive.Answer(question_id=qid, correct=correct) for qid, correct in state["answers"]]


def equipment_walk(page, state):
    """Where the equipment part stands (skip logic applied); ValueError when the answers cannot be a real run."""
    questions = [block.to_walk(qid) for qid, block in page.equipment_map.items()]
    return equipment_rules.walk(questions, state["equipment"])


def limits(page):
    return {"min_questions": page.min_questions, "max_questions": page.max_questions}


def landing_context(request, page):
    context = {"in_progress": bool(get_state(request, page)), "results": []}
    if request.user.is_authenticated:
        context["results"] = list(DiagnosticResult.objects.filter(user=request.user).order_by("-created_at")[:5])
    return context


@require_POST
def start(request, page, *, resident=None):
    save_state(request, page, {"equipment": {}, "answers": [], "resident": resident.pk if resident else None})
    return redirect(page.url + page.reverse_subpage("question"))


def next_step(page, state):
    """("equipment", qid) | ("competence", Question) | None when the diagnostic is over."""
    walked = equipment_walk(page, state)
    if walked.next_id is not None:
        return "equipment", walked.next_id
    question = adaptive.next_question(pool_of(page), answers_of(state), **limits(page))
    return ("competence", question) if question is not None else None


def counter(page, state, kind):
    """(number on screen, at most how many) in the current part: the number goes up by one, the bound never up."""
    if kind == "equipment":
        walked = equipment_walk(page, state)
        return walked.answered + 1, walked.at_most
    asked, at_most = adaptive.progress(pool_of(page), answers_of(state), **limits(page))
    return asked + 1, at_most


def counter_text(number, at_most):
    """« 3 au maximum » while more questions may come; the plain total on the last possible one."""
    return str(at_most) if number >= at_most else f"{at_most} au maximum"


def question(request, page):
    state = get_state(request, page)
    if state is None:
        return redirect(page.url)
    try:
        step = next_step(page, state)
    except (ValueError, KeyError, TypeError):
        request.session.pop(state_key(page), None)
        return bad_request(request, "Le diagnostic en cours ne peut pas être lu. Recommencez-le.")
    if step is None:
        return finish(request, page, state)
    kind, current = step
    step_name = f"{kind}:{current if kind == 'equipment' else current.id}"
    error = None
    if request.method == "POST":
        if request.POST.get("etape") != step_name:
            return bad_request(request, "Cette réponse ne correspond pas à la question posée. Rechargez la page.")
        try:
            error = record(page, state, kind, current, request.POST)
        except scoring.InvalidResponse as invalid:
            return bad_request(request, str(invalid))
        if error is None:
            save_state(request, page, state)
            return redirect(request.path)
    number, at_most = counter(page, state, kind)
    context = {
        "page": page,
        "step_name": step_name,
        "kind": kind,
        "error": error,
        "for_resident": User.objects.filter(pk=state.get("resident")).first() if state.get("resident") else None,
        "part": 1 if kind == "equipment" else 2,
        "number": number,
        "at_most": at_most,
        "total": counter_text(number, at_most),
    }
    if kind == "equipment":
        context["equipment"] = page.equipment_map[current]
        context["equipment_id"] = current
    else:
        value, plain = page.competence_map[current.id]
        context["item"] = question_context(current.id, value, plain, order=None, saved={})
    return TemplateResponse(request, "assessments/diagnostic_question.html", context, status=400 if error else 200)


def record(page, state, kind, current, data):
    """Store one answer in the state; a French message when the person must answer first."""
    if kind == "equipment":
        block = page.equipment_map[current]
        raws = data.getlist(f"q-{current}")
        if not raws:
            return "Choisissez une réponse pour continuer."
        if not block["several"] and len(raws) > 1:
            raise scoring.InvalidResponse("Une seule réponse est possible ici.")
        count = len(block["options"])
        if any(parse_int(raw) is None or parse_int(raw) >= count for raw in raws):
            raise scoring.InvalidResponse("Réponse invalide : ce choix n'existe pas.")
        state["equipment"][current] = sorted({int(raw) for raw in raws})
        return None
    if data.get("je_ne_sais_pas"):
        state["answers"].append([current.id, None])
        return None
    _value, plain = page.competence_map[current.id]
    response = answer_fields.decode(current.id, plain, data)
    if response is None:
        return "Choisissez une réponse, ou « Je ne sais pas »."
    state["answers"].append([current.id, scoring.score(plain, response).correct])
    return None


def profile_of(page, state):
    walked = equipment_walk(page, state)
    if walked.next_id is not None:
        raise ValueError("des questions sur l'équipement sont restées sans réponse")
    pool = pool_of(page)
    answers = answers_of(state)
    adaptive.validate_answers(pool, answers, **limits(page))
    return list(walked.gaps), adaptive.levels(pool, answers)


def finish(request, page, state):
    try:
        gaps, levels = profile_of(page, state)
    except ValueError as error:
        request.session.pop(state_key(page), None)
        return bad_request(request, f"Le diagnostic ne peut pas être lu ({error}). Recommencez-le.")
    request.session.pop(state_key(page), None)
    data = {
        "equipment_gaps": gaps,
        "levels": levels,
        "answers": {"equipment": state["equipment"], "competences": state["answers"]},
    }
    resident_id = state.get("resident")
    if resident_id:
        resident = perms.residents_visible_to(request.user).filter(pk=resident_id).first()
        if resident is None:
            raise Http404("Personne introuvable.")
        result = DiagnosticResult.objects.create(user=resident, page=page, recorded_by=request.user, **data)
        return redirect(page.url + page.reverse_subpage("result", args=[result.pk]))
    if request.user.is_authenticated:
        result = DiagnosticResult.objects.create(user=request.user, page=page, **data)
        return redirect(page.url + page.reverse_subpage("result", args=[result.pk]))
    pending = request.session.get(PENDING_KEY, [])
    pending.append({"page": page.pk, **data})
    request.session[PENDING_KEY] = pending[-3:]
    return redirect(page.url + page.reverse_subpage("session_result"))


def result_context(page, gaps, levels):
    """What the result page shows: competences by their plain-French name (the framework's title kept for agents),
    and for each equipment gap the advice and the key of the places' service that helps."""
    competences = {
        code: (plain or title, title)
        for code, plain, title in Competence.objects.filter(code__in=list(levels)).values_list(
            "code", "plain_title", "title"
        )
    }

    def item(code, level):
        label, framework_title = competences.get(code, (code, code))
        return {"code": code, "label": label, "framework_title": framework_title, "level": level}

    known = [item(code, level) for code, level in sorted(levels.items()) if level > 0]
    to_learn = [item(code, level) for code, level in sorted(levels.items()) if level < 3]
    labels = dict(Gap.choices)
    equipment = [
        {"gap": gap, "label": labels.get(gap, gap), "advice": SOLUTIONS[gap][0], "service": SOLUTIONS[gap][1]}
        for gap in gaps
        if gap in SOLUTIONS
    ]
    return {"page": page, "known": known, "to_learn": to_learn, "equipment": equipment, "levels": levels, "gaps": gaps}


def result(request, page, result_id):
    result = DiagnosticResult.objects.filter(pk=result_id).select_related("user").first()
    if result is None or not request.user.is_authenticated:
        raise Http404
    if result.user_id != request.user.pk and not perms.can_view_resident(request.user, result.user):
        raise Http404
    context = result_context(page, result.equipment_gaps, result.levels)
    context.update({"result": result, "for_resident": result.user if result.user_id != request.user.pk else None})
    return TemplateResponse(request, "assessments/diagnostic_result.html", context)


def session_result(request, page):
    pending = [item for item in request.session.get(PENDING_KEY, []) if item.get("page") == page.pk]
    if not pending:
        return redirect(page.url)
    latest = pending[-1]
    context = result_context(page, latest["equipment_gaps"], latest["levels"])
    context.update({"result": None, "for_resident": None})
    return TemplateResponse(request, "assessments/diagnostic_result.html", context)


def attach_pending_results(*, user, session):
    """Results of a diagnostic taken before logging in or signing up are kept in the account."""
    pending = session.pop(PENDING_KEY, None) or []
    for item in pending:
        if isinstance(item, dict) and isinstance(item.get("levels"), dict):
            DiagnosticResult.objects.create(
                user=user,
                page_id=item.get("page"),
                equipment_gaps=list(item.get("equipment_gaps") or []),
                levels=item["levels"],
                answers=item.get("answers") or {},
            )
    return len(pending)
