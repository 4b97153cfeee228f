"""Progress maths: pure functions on step ids and fractions, with no database access."""

from dataclasses import dataclass

from learning.enums import ProgressStatus


def tutorial_fraction(step_ids, done_ids):
    """Share of the tutorial's current steps that are done. Removed steps no longer count; new ones are not done."""
    if not step_ids:
        return 0.0
    done = set(done_ids)
    return sum(1 for step_id in step_ids if step_id in done) / len(step_ids)


def tutorial_status(step_ids, done_ids):
    done = set(done_ids) & set(step_ids)
    if not done:
        return ProgressStatus.NOT_STARTED
    if len(done) == len(set(step_ids)):
        return ProgressStatus.COMPLETED
    return ProgressStatus.IN_PROGRESS


def first_step_not_done(step_ids, done_ids):
    """Where "Reprendre" leads: the first step not done, or None when every step is done."""
    done = set(done_ids)
    return next((step_id for step_id in step_ids if step_id not in done), None)


@dataclass(frozen=True)
class ModuleRollup:
    percent: int
    items_done: int
    items_total: int
    status: str
    next_item: object


def module_rollup(items):
    """Roll a module up from its learning items, given in order as (item, fraction done) pairs.

    The percentage is the mean of the items' fractions, so half of a tutorial counts; an item is done only when
    its fraction is 1. The next item is the first one not done.
    """
    items = list(items)
    total = len(items)
    if total == 0:
        return ModuleRollup(0, 0, 0, ProgressStatus.NOT_STARTED, None)
    fractions = [max(0.0, min(1.0, fraction)) for _item, fraction in items]
    done = sum(1 for fraction in fractions if fraction >= 1.0)
    percent = int(round(100 * sum(fractions) / total))
    if done == total:
        status, percent = ProgressStatus.COMPLETED, 100
    elif any(fractions):
        status = ProgressStatus.IN_PROGRESS
        percent = min(percent, 99)
    else:
        status = ProgressStatus.NOT_STARTED
    next_item = next((item for (item, _), fraction in zip(items, fractions, strict=True) if fraction < 1.0), None)
    return ModuleRollup(percent, done, total, status, next_item)
