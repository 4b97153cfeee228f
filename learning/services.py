"""Writes and reads of progress. The roll-up per module is written in the same transaction as the step."""

from typing import NamedTuple

from django.db import transaction
from django.db.models import Case, CharField, DateTimeField, F, Q, Value, When
from django.utils import timezone

from accounts.models import User
from cms import page_cache
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
MODULE_ITEMS_KEY = "learning:module-items:"
PROGRESS_FIELDS = ("done_step_ids", "last_step_id", "status", "completed_at", "updated_at")  # what a write changes


class UnknownStep(Exception):
    """The step id is not one of the tutorial's current steps."""


def item_fraction(step_ids, done_step_ids, status):
    """A learning page's share done, for the roll-up, from its steps (None when it is not a tutorial): a page
    finished once counts whole, whatever was added since."""
    if status == ProgressStatus.COMPLETED:
        return 1.0
    if step_ids is not None:
        return tutorial_fraction(step_ids, done_step_ids)
    return 0.0


def page_fraction(page, done_step_ids, status):
    """item_fraction for a page object."""
    return item_fraction(page.step_ids if isinstance(page, TutorialPage) else None, done_step_ids, status)


# The module's learning pages, as the roll-up sees them --------------------------------------------------------------


class ModuleItem(NamedTuple):
    """A learning page of a module, for the roll-up: its id, and its step ids when it is a tutorial."""

    pk: int
    step_ids: list | None = None


def module_items(module):
    """The module's learning pages in order (module.learning_pages()), as ModuleItems.

    What they are changes only with the pages themselves, so the list is kept under the page cache's content version
    (cms.page_cache: renewed on any change of a page or of a view restriction, again once the change is committed):
    one cache round trip instead of three queries and the tutorials' whole content. Read from the database when the
    version moved or the cache does not answer.
    """
    key = MODULE_ITEMS_KEY + page_cache.digest(module.pk)
    kept, stamp = page_cache.fetch(key)
    if kept is not None:
        return [ModuleItem(pk, step_ids) for pk, step_ids in kept]
    items = [
        ModuleItem(page.pk, list(page.step_ids) if isinstance(page, TutorialPage) else None)
        for page in module.learning_pages()
    ]
    page_cache.store(key, stamp, tuple((item.pk, item.step_ids) for item in items))
    return items


# Writes ---------------------------------------------------------------------------------------------------------


def _locked_rows(user, page, items):
    """{page id: PageProgress} for `page` (created when missing) and the module's other pages the person worked on,
    locked until the end of the transaction.

    One query on the usual path. Locking the person's rows of the whole module (always in the same order) makes two
    of their clicks in one module wait for each other, so that each roll-up sees the other's step.
    """
    ids = {item.pk for item in items} | {page.pk}
    query = PageProgress.objects.select_for_update().filter(user=user, page_id__in=sorted(ids)).order_by("page_id")
    rows = {row.page_id: row for row in query}
    if page.pk not in rows:
        PageProgress.objects.get_or_create(user=user, page_id=page.pk)
        rows[page.pk] = PageProgress.objects.select_for_update().get(user=user, page_id=page.pk)
    return rows


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


def _record_in_module(user, page, module, change):
    """Lock the person's rows of the module, apply `change` to the page's row and save it, then the roll-up."""
    items = module_items(module) if isinstance(module, ModulePage) else []
    rows = _locked_rows(user, page, items)
    progress = rows[page.pk]
    change(progress)
    progress.save(update_fields=PROGRESS_FIELDS)
    if isinstance(module, ModulePage):
        write_module_progress(user=user, module=module, items=items, rows=rows)
    return progress


@transaction.atomic
def record_step(*, user, tutorial, step_id):
    """Mark one step done for a person (idempotent) and bring the module's roll-up up to date.

    Five queries: the person's rows of the module (locked), the page's row saved, the roll-up saved, and the
    transaction's BEGIN and COMMIT; the module's pages come from the cache (module_items).
    """
    if step_id not in tutorial.step_ids:
        raise UnknownStep(step_id)
    return _record_in_module(
        user, tutorial, tutorial.module, lambda progress: _apply_steps(progress, tutorial, [step_id])
    )


def _complete(progress):
    progress.status = ProgressStatus.COMPLETED
    progress.completed_at = progress.completed_at or timezone.now()


@transaction.atomic
def record_page_completed(*, user, page):
    """A learning page other than a tutorial (a passed quiz) counts as done in its module."""
    return _record_in_module(user, page, page.get_parent().specific, _complete)


def refresh_module_progress(*, user, module):
    """Recompute one person's roll-up for one module from the module's current pages and their progress rows."""
    if not isinstance(module, ModulePage):
        return None
    items = module_items(module)
    rows = {row.page_id: row for row in PageProgress.objects.filter(user=user, page_id__in=[i.pk for i in items])}
    existing = ModuleProgress.objects.filter(user=user, module_id=module.pk).first()
    finished_before = existing is not None and existing.completed_at is not None
    fields = module_progress_fields(items, rows, completed_before=finished_before)
    if finished_before:
        fields["completed_at"] = existing.completed_at
    module_progress, _ = ModuleProgress.objects.update_or_create(user=user, module_id=module.pk, defaults=fields)
    return module_progress


def module_progress_fields(items, rows, *, completed_before=False, now=None):
    """The ModuleProgress fields of one person and module, from the module's items and the person's rows.

    items: ModuleItems in order (module_items); rows: {page id: an object with done_step_ids, status and
    updated_at} for the pages the person worked on. A module finished once (completed_before) stays finished, and
    the date it was finished is the caller's to keep; otherwise it is finished `now`.
    """
    rollup = module_rollup(
        (
            (
                item,
                item_fraction(
                    item.step_ids,
                    getattr(rows.get(item.pk), "done_step_ids", []),
                    getattr(rows.get(item.pk), "status", ""),
                ),
            )
            for item in items
        ),
        completed_before=completed_before,
    )
    item_ids = {item.pk for item in items}
    return {
        "percent": rollup.percent,
        "items_done": rollup.items_done,
        "items_total": rollup.items_total,
        "status": rollup.status,
        "next_page_id": rollup.next_item.pk if rollup.next_item else None,
        "last_activity_at": max((row.updated_at for pk, row in rows.items() if pk in item_ids), default=None),
        "completed_at": (now or timezone.now()) if rollup.status == ProgressStatus.COMPLETED else None,
    }


def write_module_progress(*, user, module, items, rows):
    """Write the person's roll-up for the module (module_progress_fields) without reading it: one UPDATE.

    A module finished before stays finished at 100 %, with its date: the UPDATE says so itself, from the row's own
    completed_at. The row is created when there is none yet.
    """
    fields = module_progress_fields(items, rows)
    finished_before = Q(completed_at__isnull=False)
    updated = ModuleProgress.objects.filter(user=user, module_id=module.pk).update(
        items_done=fields["items_done"],
        items_total=fields["items_total"],
        next_page_id=fields["next_page_id"],
        last_activity_at=fields["last_activity_at"],
        percent=Case(When(finished_before, then=Value(100)), default=Value(fields["percent"])),
        status=Case(
            When(finished_before, then=Value(ProgressStatus.COMPLETED)),
            default=Value(fields["status"]),
            output_field=CharField(),
        ),
        completed_at=Case(
            When(finished_before, then=F("completed_at")),
            default=Value(fields["completed_at"]),
            output_field=DateTimeField(),
        ),
    )
    if not updated:
        _row, created = ModuleProgress.objects.get_or_create(user=user, module_id=module.pk, defaults=fields)
        if not created:  # created meanwhile by another transaction: written as above
            write_module_progress(user=user, module=module, items=items, rows=rows)


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
            _record_in_module(
                user, tutorial, tutorial.module, lambda progress, t=tutorial, s=step_ids: _apply_steps(progress, t, s)
            )
        merged += 1
    return merged
