"""« Faire le point »: one question per screen, state kept in the session so an abandoned diagnostic resumes."""

from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST

from accounts import perms
from accounts.models import User
from assessments import diagnostic, scoring
from assessments import responses as answer_fields
from assessments.models import DiagnosticResult
from assessments.views import question_context
from cms.responses import bad_request
from cms.text import parse_int


def state_key(page):
    return f"diagnostic:{page.pk}"


def get_state(request, page):
    return request.session.get(state_key(page))


def save_state(request, page, state):
    request.session[state_key(page)] = state


def landing_context(request, page):
    context = {"in_progress": bool(get_state(request, page)), "results": []}
    if request.user.is_authenticated:
        context["results"] = list(DiagnosticResult.objects.filter(user=request.user).order_by("-created_at")[:5])
    return context


@require_POST
def start(request, page, *, resident=None):
    save_state(request, page, {"equipment": {}, "answers": [], "resident": resident.pk if resident else None})
    return redirect(page.url + page.reverse_subpage("question"))


def question(request, page):
    state = get_state(request, page)
    if state is None:
        return redirect(page.url)
    try:
        step = diagnostic.next_step(page, state)
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
    number, at_most = diagnostic.counter(page, state, kind)
    context = {
        "page": page,
        "step_name": step_name,
        "kind": kind,
        "error": error,
        "for_resident": User.objects.filter(pk=state.get("resident")).first() if state.get("resident") else None,
        "part": 1 if kind == "equipment" else 2,
        "number": number,
        "at_most": at_most,
        "total": diagnostic.counter_text(number, at_most),
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


def finish(request, page, state):
    try:
        gaps, levels = diagnostic.profile_of(page, state)
    except ValueError as error:
        request.session.pop(state_key(page), None)
        return bad_request(request, f"Le diagnostic ne peut pas être lu ({error}). Recommencez-le.")
    request.session.pop(state_key(page), None)
    data = diagnostic.result_data(state, gaps, levels)
    resident_id = state.get("resident")
    if resident_id:
        resident = perms.residents_visible_to(request.user).filter(pk=resident_id).first()
        if resident is None:
            raise Http404("Personne introuvable.")
        result = diagnostic.record_result(page=page, user=resident, recorded_by=request.user, data=data)
        return redirect(page.url + page.reverse_subpage("result", args=[result.pk]))
    if request.user.is_authenticated:
        result = diagnostic.record_result(page=page, user=request.user, data=data)
        return redirect(page.url + page.reverse_subpage("result", args=[result.pk]))
    diagnostic.keep_pending(request.session, page, data)
    return redirect(page.url + page.reverse_subpage("session_result"))


def result(request, page, result_id):
    result = DiagnosticResult.objects.filter(pk=result_id).select_related("user").first()
    if result is None or not request.user.is_authenticated:
        raise Http404
    if result.user_id != request.user.pk and not perms.can_view_resident(request.user, result.user):
        raise Http404
    context = diagnostic.result_context(page, result.equipment_gaps, result.levels)
    context.update({"result": result, "for_resident": result.user if result.user_id != request.user.pk else None})
    return TemplateResponse(request, "assessments/diagnostic_result.html", context)


def session_result(request, page):
    pending = [item for item in request.session.get(diagnostic.PENDING_KEY, []) if item.get("page") == page.pk]
    if not pending:
        return redirect(page.url)
    latest = pending[-1]
    context = diagnostic.result_context(page, latest["equipment_gaps"], latest["levels"])
    context.update({"result": None, "for_resident": None})
    return TemplateResponse(request, "assessments/diagnostic_result.html", context)
