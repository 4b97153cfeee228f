"""What the tutorial and module pages show the person looking: their steps done and the module's progress, as
context for the pages' templates (the tutorial page is kept whole by cms.page_cache)."""

from cms.glossary import Linker, current_matcher
from cms.models import routed_ancestors
from learning.enums import ProgressStatus
from learning.models import ModuleProgress, PageProgress
from learning.progress import (
    first_step_not_done,
    module_rollup,
    new_steps,
    tutorial_percent,
)
from learning.services import SESSION_KEY, page_fraction

# Reads for pages ------------------------------------------------------------------------------------------------


def _done_by_page(request, pages):
    """{page_id: (done_step_ids, status)} for the person looking, from the database or the session."""
    if request.user.is_authenticated:
        rows = PageProgress.objects.filter(user=request.user, page_id__in=[page.pk for page in pages])
        return {
            page_id: (done, status) for page_id, done, status in rows.values_list("page_id", "done_step_ids", "status")
        }
    data = request.session.get(SESSION_KEY, {}) if hasattr(request, "session") else {}
    return {page.pk: (data.get(str(page.pk), []), "") for page in pages if str(page.pk) in data}


def steps_done(request, tutorial):
    """The tutorial's steps the person looking has done (database or session), sorted, and whether they finished
    it: what keys its kept HTML (someone who finished sees the steps added since as new)."""
    done_ids, status = _done_by_page(request, [tutorial]).get(tutorial.pk, ([], ""))
    return [*sorted(set(done_ids) & set(tutorial.step_ids)), status == ProgressStatus.COMPLETED]


def module_view_progress(request, module, items):
    done = _done_by_page(request, items)
    statuses = {}
    pairs = []
    for item in items:
        done_ids, status = done.get(item.pk, ([], ""))
        fraction = page_fraction(item, done_ids, status)
        pairs.append((item, fraction))
        if fraction >= 1.0:
            statuses[item.pk] = ProgressStatus.COMPLETED
        elif fraction > 0:
            statuses[item.pk] = ProgressStatus.IN_PROGRESS
        else:
            statuses[item.pk] = ProgressStatus.NOT_STARTED
    finished_before = (
        request.user.is_authenticated
        and ModuleProgress.objects.filter(user=request.user, module_id=module.pk, completed_at__isnull=False).exists()
    )
    rollup = module_rollup(pairs, completed_before=finished_before)
    return {
        "percent": rollup.percent,
        "status": rollup.status,
        "next_item": rollup.next_item,
        "statuses": statuses,
        "items_done": rollup.items_done,
        "items_total": rollup.items_total,
    }


def step_summary(step_ids, done_ids, *, completed=False):
    """What the page and the « J'ai fait cette étape » answer say about progress, from the steps done.

    completed: the person finished the tutorial before (it stays finished; the steps added since are new).
    """
    done = set(done_ids)
    next_step_id = first_step_not_done(step_ids, done)
    return {
        "step_count": len(step_ids),
        "done_count": len(done & set(step_ids)),
        "percent": tutorial_percent(step_ids, done, completed_before=completed),
        "next_step_number": step_ids.index(next_step_id) + 1 if next_step_id else None,
        "tutorial_completed": completed or (bool(step_ids) and next_step_id is None),
        "new_step_ids": new_steps(step_ids, done, completed=completed),
    }


def tutorial_view_context(request, tutorial, *, done_ids=None, completed=None):
    if done_ids is None or completed is None:
        done_ids, status = _done_by_page(request, [tutorial]).get(tutorial.pk, ([], ""))
        completed = status == ProgressStatus.COMPLETED
    done = set(done_ids)
    summary = step_summary(tutorial.step_ids, done, completed=completed)
    new = set(summary["new_step_ids"])
    ancestors = routed_ancestors(tutorial, request)
    base_url = tutorial.get_url(request)
    steps = [
        {
            "number": number,
            "block": block,
            "done": block.id in done,
            "new": block.id in new,
            "anchor": f"etape-{number}",
            "done_url": base_url + tutorial.reverse_subpage("mark_step_done", args=[block.id]),
        }
        for number, block in enumerate((b for b in tutorial.steps if b.block_type == "step"), start=1)
    ]
    return {
        **summary,
        "steps": steps,
        "glossary": Linker(current_matcher()),
        "siblings": _siblings(tutorial),
        "ancestors": ancestors,
        "module": ancestors[-1] if ancestors else None,
    }


def _siblings(tutorial):
    """Previous and next learning pages in the module, for the links at the end of a tutorial."""
    siblings = list(tutorial.get_siblings().live().order_by("path").only("id", "title", "url_path", "path"))
    index = next((i for i, page in enumerate(siblings) if page.pk == tutorial.pk), None)
    if index is None:
        return {"previous": None, "next": None}
    return {
        "previous": siblings[index - 1] if index > 0 else None,
        "next": siblings[index + 1] if index + 1 < len(siblings) else None,
    }
