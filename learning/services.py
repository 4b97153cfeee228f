"""Writes and reads of progress. The roll-up per module is written in the same transaction as the step."""

from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe

from wagtail.models import Page

from accounts.models import User
from cms import page_cache
from cms.glossary import Linker, current_matcher
from cms.models import routed_ancestors
from cms.text import parse_int
from learning.enums import ProgressStatus
from learning.models import ModulePage, ModuleProgress, PageProgress, TutorialPage
from learning.progress import (
    first_step_not_done,
    module_rollup,
    new_steps,
    reader_effect,
    step_changes,
    tutorial_fraction,
    tutorial_percent,
    tutorial_status,
)

SESSION_KEY = "pasapas_progress"
PAGE_LINK_FIELDS = ("id", "title", "path", "url_path", "depth", "live")


class UnknownStep(Exception):
    """The step id is not one of the tutorial's current steps."""


def page_fraction(page, done_step_ids, status):
    """A learning page's share done, for the roll-up: a page finished once counts whole, whatever was added since."""
    if status == ProgressStatus.COMPLETED:
        return 1.0
    if isinstance(page, TutorialPage):
        return tutorial_fraction(page.step_ids, done_step_ids)
    return 0.0


# Writes ---------------------------------------------------------------------------------------------------------


def _locked_progress(user, page):
    PageProgress.objects.get_or_create(user=user, page_id=page.pk)
    return PageProgress.objects.select_for_update().get(user=user, page_id=page.pk)


def _apply_steps(progress, tutorial, step_ids):
    done = list(progress.done_step_ids)
    for step_id in step_ids:
        if step_id not in done:
            done.append(step_id)
    progress.done_step_ids = done
    if step_ids:
        progress.last_step_id = step_ids[-1]
    _apply_status(progress, tutorial)


def _apply_status(progress, tutorial):
    """The status from the current steps; a completion already earned (completed_at) is kept, with its date."""
    progress.status = tutorial_status(
        tutorial.step_ids, progress.done_step_ids, completed_before=progress.completed_at is not None
    )
    if progress.status == ProgressStatus.COMPLETED:
        progress.completed_at = progress.completed_at or timezone.now()


@transaction.atomic
def record_step(*, user, tutorial, step_id):
    """Mark one step done for a person (idempotent) and bring the module's roll-up up to date."""
    if step_id not in tutorial.step_ids:
        raise UnknownStep(step_id)
    progress = _locked_progress(user, tutorial)
    _apply_steps(progress, tutorial, [step_id])
    progress.save()
    refresh_module_progress(user=user, module=tutorial.module)
    return progress


@transaction.atomic
def record_page_completed(*, user, page):
    """A learning page other than a tutorial (a passed quiz) counts as done in its module."""
    progress = _locked_progress(user, page)
    progress.status = ProgressStatus.COMPLETED
    progress.completed_at = progress.completed_at or timezone.now()
    progress.save()
    refresh_module_progress(user=user, module=page.get_parent().specific)
    return progress


def refresh_module_progress(*, user, module):
    """Recompute one person's roll-up for one module from the module's current pages and their progress rows."""
    if not isinstance(module, ModulePage):
        return None
    items = list(module.learning_pages())
    rows = {row.page_id: row for row in PageProgress.objects.filter(user=user, page_id__in=[i.pk for i in items])}
    existing = ModuleProgress.objects.filter(user=user, module_id=module.pk).first()
    rollup = module_rollup(
        (
            (
                item,
                page_fraction(
                    item, getattr(rows.get(item.pk), "done_step_ids", []), getattr(rows.get(item.pk), "status", "")
                ),
            )
            for item in items
        ),
        completed_before=bool(existing and existing.completed_at),
    )
    last_activity = max((row.updated_at for row in rows.values()), default=None)
    completed_at = None
    if rollup.status == ProgressStatus.COMPLETED:
        completed_at = (existing and existing.completed_at) or timezone.now()
    module_progress, _ = ModuleProgress.objects.update_or_create(
        user=user,
        module_id=module.pk,
        defaults={
            "percent": rollup.percent,
            "items_done": rollup.items_done,
            "items_total": rollup.items_total,
            "status": rollup.status,
            "next_page_id": rollup.next_item.pk if rollup.next_item else None,
            "last_activity_at": last_activity,
            "completed_at": completed_at,
        },
    )
    return module_progress


def edit_impact(*, tutorial, new_step_ids):
    """Who an edit of a live tutorial's steps touches, and how, before it is published (for the editor's warning).

    Compares the live steps with new_step_ids over every person who started the tutorial. Returns None when the
    steps are the same (text changes touch no one's progress).
    """
    live = TutorialPage.objects.filter(pk=tutorial.pk).live().first()
    if live is None:
        return None
    old_ids = live.step_ids
    changes = step_changes(old_ids, new_step_ids)
    if not changes.any:
        return None
    effects = [
        reader_effect(old_ids, new_step_ids, done, completed=status == ProgressStatus.COMPLETED)
        for done, status in PageProgress.objects.filter(page_id=tutorial.pk)
        .exclude(status=ProgressStatus.NOT_STARTED)
        .values_list("done_step_ids", "status")
    ]
    in_progress = [effect for effect in effects if not effect.completed]
    example = next((effect for effect in in_progress if effect.change != "same"), None)
    return {
        "changes": changes,
        "readers": len(effects),
        "completed": sum(1 for effect in effects if effect.completed),
        "in_progress": len(in_progress),
        "down": sum(1 for effect in in_progress if effect.change == "down"),
        "up": sum(1 for effect in in_progress if effect.change == "up"),
        "same": sum(1 for effect in in_progress if effect.change == "same"),
        "finishing": sum(1 for effect in in_progress if effect.percent_after == 100),
        "resume_moves": sum(1 for effect in in_progress if effect.resume_moves),
        "example": example,
    }


def refresh_after_edit(tutorial):
    """After a tutorial is published or unpublished: statuses and roll-ups follow its current steps."""
    module = tutorial.get_parent().specific
    live = TutorialPage.objects.filter(pk=tutorial.pk).live().first()
    with transaction.atomic():
        if live is not None:
            for progress in PageProgress.objects.select_for_update().filter(page_id=tutorial.pk):
                _apply_status(progress, live)
                progress.save(update_fields=["status", "completed_at"])
        user_ids = set(PageProgress.objects.filter(page_id=tutorial.pk).values_list("user_id", flat=True))
        user_ids |= set(ModuleProgress.objects.filter(module_id=module.pk).values_list("user_id", flat=True))
        for user in User.objects.filter(pk__in=user_ids):
            refresh_module_progress(user=user, module=module)


# Anonymous visitors: progress in the session, merged into the account at login or sign-up ------------------------


def session_done_steps(session, page_id):
    return list(session.get(SESSION_KEY, {}).get(str(page_id), []))


def record_step_in_session(*, session, tutorial, step_id):
    if step_id not in tutorial.step_ids:
        raise UnknownStep(step_id)
    data = dict(session.get(SESSION_KEY, {}))
    done = list(data.get(str(tutorial.pk), []))
    if step_id not in done:
        done.append(step_id)
    data[str(tutorial.pk)] = done
    session[SESSION_KEY] = data


def merge_session_progress(*, user, session):
    """Steps done before logging in are added to the account; unknown pages and steps are dropped."""
    data = session.pop(SESSION_KEY, None)
    if not data or not isinstance(data, dict):
        return 0
    page_ids = [parse_int(str(key)) for key in data if parse_int(str(key)) is not None]
    merged = 0
    for tutorial in TutorialPage.objects.live().filter(pk__in=page_ids):
        step_ids = [step_id for step_id in data.get(str(tutorial.pk), []) if step_id in tutorial.step_ids]
        if not step_ids:
            continue
        with transaction.atomic():
            progress = _locked_progress(user, tutorial)
            _apply_steps(progress, tutorial, step_ids)
            progress.save()
            refresh_module_progress(user=user, module=tutorial.module)
        merged += 1
    return merged


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


def tutorial_content(request, tutorial):
    """The tutorial's main content, rendered once per revision, kind of visitor and steps done, then kept.

    Everything in it but the steps done is the same for everyone (glossary links, images, breadcrumbs, the
    neighbouring pages): keyed by the steps done, a handful of entries per tutorial serve every reader. Kept with
    cms.page_cache's versions, so a publication, a glossary change or a new deployment's CSS show at once; the CSRF
    token is each visitor's own. Previews are never kept.
    """
    *done, completed = steps_done(request, tutorial)
    preview = getattr(request, "is_preview", False)
    if not preview:
        key = "learning:tutorial:" + page_cache.digest(
            request.get_host(),
            tutorial.pk,
            tutorial.live_revision_id,
            tutorial.last_published_at,
            request.user.is_authenticated,
            completed,
            *done,
        )
        html, stamp = page_cache.fetch(key)
        if html is not None:
            return mark_safe(page_cache.with_csrf_token(request, html))
    context = tutorial_view_context(request, tutorial, done_ids=done, completed=completed)
    context.update({"page": tutorial, "request": request, "user": request.user, "csrf_token": page_cache.CSRF_MARKER})
    html = render_to_string("learning/_tutorial_content.html", context)
    if not preview:
        page_cache.store(key, stamp, html)
    return mark_safe(page_cache.with_csrf_token(request, html))


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
    pages = Page.objects.live().public().filter(query).order_by("path").only(*PAGE_LINK_FIELDS)
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
    from assessments.models import Competence, DiagnosticResult

    results = list(DiagnosticResult.objects.filter(user=user).order_by("created_at").only("levels", "created_at"))
    if not results:
        return None
    first, latest = results[0], results[-1]
    codes = sorted(set(first.levels) | set(latest.levels))
    titles = dict(Competence.objects.filter(code__in=codes).values_list("code", "title"))
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


# What the editor tells trainers (learning.wagtail_hooks) ---------------------------------------------------------


def _people(count):
    return f"{count} personne{'s' if count > 1 else ''}"


def _steps(count, verb):
    return f"{count} étape{'s' if count > 1 else ''} {verb}{'s' if count > 1 else ''}"


def _plural(count, one, many):
    return one if count == 1 else many


def impact_message(impact):
    """The editor's warning, in plain French, for an edit_impact: what changes and what it does to whom."""
    changes = impact["changes"]
    parts = []
    if changes.added:
        parts.append(_steps(len(changes.added), "ajoutée"))
    if changes.removed:
        parts.append(_steps(len(changes.removed), "retirée"))
    if changes.reordered:
        parts.append("l'ordre des étapes change")
    readers = impact["readers"]
    if not readers:
        return f"Étapes modifiées ({', '.join(parts)}). Personne n'a encore commencé ce tutoriel."
    sentences = [
        f"Étapes modifiées ({', '.join(parts)}) : cela touche {_people(readers)} qui "
        f"{_plural(readers, 'a', 'ont')} commencé ce tutoriel."
    ]
    completed = impact["completed"]
    if completed:
        sentences.append(
            f"{_people(completed)} {_plural(completed, 'l’a', 'l’ont')} terminé : "
            f"{_plural(completed, 'elle garde', 'elles gardent')} « Terminé » et sa date"
            + (", et les nouvelles étapes sont signalées comme nouvelles." if changes.added else ".")
        )
    in_progress = impact["in_progress"]
    if in_progress:
        text = (
            f"{_people(in_progress)} {_plural(in_progress, 'est', 'sont')} en cours : "
            "les étapes déjà faites restent comptées"
        )
        if impact["finishing"]:
            text += f" ; {impact['finishing']} {_plural(impact['finishing'], 'aura', 'auront')} fini le tutoriel"
        if impact["down"]:
            text += f" ; l'avancement baisse pour {impact['down']}, car il reste plus d'étapes à faire"
        if impact["up"]:
            text += f" ; il monte pour {impact['up']}"
        example = impact["example"]
        if example is not None:
            text += f" (par exemple de {example.percent_before} % à {example.percent_after} %)"
        sentences.append(text + ".")
        moves = impact["resume_moves"]
        if moves:
            sentences.append(
                f"Pour {_people(moves)}, « Reprendre » mènera à une autre étape : la première pas encore faite."
            )
    return " ".join(sentences)


def module_not_published_warning(page):
    """For a tutorial or quiz of an unpublished module: it will show only once the module is published."""
    parent = page.get_parent()
    if parent is None or not isinstance(parent.specific, ModulePage) or parent.live:
        return None
    kind = "ce quiz" if page.specific_class.__name__ == "QuizPage" else "ce tutoriel"
    return f"Le module « {parent.title} » n'est pas publié : {kind} ne sera visible qu'une fois le module publié."


def module_live_children_warning(module, *, unpublishing=False):
    """For a module with published tutorials or quizzes: they show only while the module is published."""
    children = list(module.live_learning_children()) if isinstance(module, ModulePage) else []
    if not children:
        return None
    count = len(children)
    titles = ", ".join(f"« {child.title} »" for child in children[:5]) + (" …" if count > 5 else "")
    one = count == 1
    if unpublishing:
        pages = "1 page publiée" if one else f"{count} pages publiées"
        return (
            f"Ce module contient {pages} ({titles}). Une fois le module dépublié, "
            f"{'elle ne sera' if one else 'elles ne seront'} plus visible{'' if one else 's'}, ni dans le catalogue "
            "ni par son adresse ; les progrès des personnes sont gardés. "
            f"{'Elle réapparaîtra' if one else 'Elles réapparaîtront'} quand le module sera publié de nouveau, sauf "
            f"si vous {'la' if one else 'les'} dépubliez aussi."
        )
    if module.live:
        return None
    if one:
        return (
            f"Ce module n'est pas publié : sa page publiée ({titles}) n'est pas visible. Elle le sera dès que le "
            "module sera publié."
        )
    return (
        f"Ce module n'est pas publié : ses {count} pages publiées ({titles}) ne sont pas visibles. Elles le seront "
        "dès que le module sera publié."
    )
