"""« Reprendre » and the person's modules, for « Mon parcours » and the signed-in home (followup.services.path adds
what structures gave them), and the before and after of « Faire le point »."""

from django.db.models import Q

from wagtail.models import Page

from assessments.models import Competence, DiagnosticResult
from cms import page_cache
from learning.enums import ProgressStatus
from learning.models import ModuleProgress, PageProgress, TutorialPage
from learning.progress import (
    first_step_not_done,
)
from learning.services import PAGE_LINK_FIELDS


def choose_resume(activity, next_page_by_module):
    """Where « Reprendre » leads, as a page id (or None): a pure choice on the person's activity.

    activity: (page_id, module_id, finished) for each page the person worked on, latest activity first;
    next_page_by_module: {module_id: the module's first page not done, or None when the module is done}.
    The page with the latest activity wins while it is not finished; once it is, the next page of its module;
    once the module is done too, the latest page still unfinished anywhere.
    """
    if not activity:
        return None
    page_id, module_id, finished = activity[0]
    if not finished:
        return page_id
    if next_page_by_module.get(module_id):
        return next_page_by_module[module_id]
    return next((page_id for page_id, _module, finished in activity[1:] if not finished), None)


def _module_resume(module_id, activity, next_page_by_module):
    """A module's own « Continuer »: its latest unfinished page, else its first page not done."""
    latest = next((page_id for page_id, mid, finished in activity if mid == module_id and not finished), None)
    return latest or next_page_by_module.get(module_id)


def _step_anchors(page_ids, done_by_page):
    """{tutorial id: (anchor of its first step not done, step number)} for the live tutorials among page_ids."""
    anchors = {}
    for tutorial in TutorialPage.objects.live().filter(pk__in=page_ids).only("id", "steps"):
        next_step = first_step_not_done(tutorial.step_ids, done_by_page.get(tutorial.pk, []))
        if next_step is not None:
            number = tutorial.step_ids.index(next_step) + 1
            anchors[tutorial.pk] = (f"etape-{number}", number)
    return anchors


def _first_pages(modules):
    """{module id: its first live learning page}, for « Commencer » (one query for all the modules)."""
    if not modules:
        return {}
    query = Q()
    for module in modules:
        query |= Q(path__startswith=module.path, depth=module.depth + 1)
    first = {}
    by_path = {module.path: module.pk for module in modules}
    pages = page_cache.public(Page.objects.live().filter(query)).order_by("path").only(*PAGE_LINK_FIELDS)
    for page in pages:
        first.setdefault(by_path[page.path[: -Page.steplen]], page)
    return first


def resume_link(page, anchors):
    """{"page", "anchor", "step_number"} for a page to go back to, or None."""
    if page is None:
        return None
    anchor, number = anchors.get(page.pk, ("", None))
    return {"page": page, "anchor": anchor, "step_number": number}


def path_overview(user, assignments=()):
    """What Mon parcours and the signed-in home share: the modules, each once, and where « Reprendre » leads.

    `assignments` are the modules structures gave the person (followup.services.path), one per module, in the order
    to show: each is listed once, with its terms (due date, note), whatever its progress; it appears with the
    finished modules once done. Five queries, whatever the number of modules.
    """
    module_rows = list(
        ModuleProgress.objects.filter(user=user, module__live=True)  # an unpublished module hides its pages
        .select_related("module", "next_page")
        .only(
            *(field.attname for field in ModuleProgress._meta.concrete_fields),
            *(f"module__{name}" for name in PAGE_LINK_FIELDS),
            *(f"next_page__{name}" for name in PAGE_LINK_FIELDS),
        )
        .order_by("-last_activity_at")
    )
    last_activity = max((row.last_activity_at for row in module_rows if row.last_activity_at), default=None)
    rows = [row for row in module_rows if row.status != ProgressStatus.NOT_STARTED]
    progress_by_module = {row.module_id: row for row in rows}
    modules_by_path = {row.module.path: row.module_id for row in module_rows}
    next_page_by_module = {row.module_id: row.next_page_id for row in module_rows}
    pages_by_id = {row.next_page_id: row.next_page for row in module_rows if row.next_page_id}

    activity = []
    done_by_page = {}
    for progress in (
        PageProgress.objects.filter(user=user, page__live=True)
        .select_related("page")
        .only("page_id", "done_step_ids", "status", "updated_at", *(f"page__{f}" for f in PAGE_LINK_FIELDS))
        .order_by("-updated_at", "-pk")
    ):
        module_id = modules_by_path.get(progress.page.path[: -Page.steplen])
        if module_id is None:
            continue  # its module is not published: the page is not shown
        activity.append((progress.page_id, module_id, progress.status == ProgressStatus.COMPLETED))
        done_by_page[progress.page_id] = progress.done_step_ids
        pages_by_id.setdefault(progress.page_id, progress.page)

    assigned_ids = {assignment.module_id for assignment in assignments}
    not_started = [a.module for a in assignments if a.module_id not in progress_by_module]
    first_pages = _first_pages(not_started)

    resume_id = choose_resume(activity, next_page_by_module)
    module_targets = {
        row.module_id: _module_resume(row.module_id, activity, next_page_by_module)
        for row in rows
        if row.status == ProgressStatus.IN_PROGRESS
    }
    anchors = _step_anchors({resume_id, *module_targets.values()} - {None}, done_by_page)

    def module_entry(row):
        return {
            "module": row.module,
            "progress": row,
            "resume": resume_link(pages_by_id.get(module_targets.get(row.module_id)), anchors),
        }

    to_do = []
    completed = []
    for assignment in assignments:
        progress = progress_by_module.get(assignment.module_id)
        entry = {"module": assignment.module, "assignment": assignment, "progress": progress}
        if progress is None:
            entry["start"] = first_pages.get(assignment.module_id)
            to_do.append(entry)
        elif progress.status == ProgressStatus.COMPLETED:
            completed.append(entry)
        else:
            entry["resume"] = module_entry(progress)["resume"]
            to_do.append(entry)
    in_progress = [
        module_entry(row)
        for row in rows
        if row.status == ProgressStatus.IN_PROGRESS and row.module_id not in assigned_ids
    ]
    completed += [
        {"module": row.module, "progress": row}
        for row in rows
        if row.status == ProgressStatus.COMPLETED and row.module_id not in assigned_ids
    ]
    resume = resume_link(pages_by_id.get(resume_id), anchors)
    if resume is not None:
        module_id = next((mid for pid, mid, _finished in activity if pid == resume_id), None)
        module_id = module_id or modules_by_path.get(resume["page"].path[: -Page.steplen])
        resume["module"] = next((row.module for row in module_rows if row.module_id == module_id), None)
    return {
        "assignments": to_do,
        "in_progress": in_progress,
        "completed": completed,
        "resume": resume,
        "last_activity": last_activity,
    }


def diagnostic_comparison(user):
    """Each competence before and after: the first and the latest « Faire le point » (2 queries)."""
    results = list(DiagnosticResult.objects.filter(user=user).order_by("created_at").only("levels", "created_at"))
    if not results:
        return None
    first, latest = results[0], results[-1]
    codes = sorted(set(first.levels) | set(latest.levels))
    titles = Competence.titles(codes)
    return {
        "first": first,
        "latest": latest if len(results) > 1 else None,
        "count": len(results),
        "rows": [
            {
                "code": code,
                "title": titles.get(code, code),
                "before": first.levels.get(code),
                "after": latest.levels.get(code) if len(results) > 1 else None,
            }
            for code in codes
        ],
    }
