"""Writes and reads of progress. The roll-up per module is written in the same transaction as the step."""

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from cms.text import parse_int
from learning.enums import ProgressStatus
from learning.models import ModulePage, ModuleProgress, PageProgress, TutorialPage
from learning.progress import (
    module_rollup,
    reader_effect,
    step_changes,
    tutorial_fraction,
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
