"""« Faire le point »'s rules, outside the HTTP views: the questions and answers of a run, the profile it gives, what
the result page shows, and the results written (for the person, or by an agent for a resident they follow) or kept
in the session until the person signs in."""

from assessments import adaptive
from assessments import equipment as equipment_rules
from assessments.equipment import SOLUTIONS, Gap
from assessments.models import Competence, DiagnosticResult

PENDING_KEY = "diagnostic_pending_results"
PENDING_KEPT = 3  # results of an anonymous visitor kept in the session until they sign in


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


def profile_of(page, state):
    walked = equipment_walk(page, state)
    if walked.next_id is not None:
        raise ValueError("des questions sur l'équipement sont restées sans réponse")
    pool = pool_of(page)
    answers = answers_of(state)
    adaptive.validate_answers(pool, answers, **limits(page))
    return list(walked.gaps), adaptive.levels(pool, answers)


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


def result_data(state, gaps, levels):
    return {
        "equipment_gaps": gaps,
        "levels": levels,
        "answers": {"equipment": state["equipment"], "competences": state["answers"]},
    }


def record_result(*, page, user, data, recorded_by=None):
    return DiagnosticResult.objects.create(user=user, page=page, recorded_by=recorded_by, **data)


def keep_pending(session, page, data):
    """An anonymous visitor's result waits in the session (the latest few) until they sign in or sign up."""
    pending = session.get(PENDING_KEY, [])
    pending.append({"page": page.pk, **data})
    session[PENDING_KEY] = pending[-PENDING_KEPT:]


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
