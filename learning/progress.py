"""Progress maths: pure functions on step ids and fractions, with no database access."""

from dataclasses import dataclass

from learning.enums import ProgressStatus


def tutorial_fraction(step_ids, done_ids):
    """Share of the tutorial done, as the person sees it: work done is never lost to an edit.

    A step done counts even once a trainer removed it; what is left to do is the current steps not done, so new
    steps lower the share (there is more to do) and removed ones never do: done / (done + current steps left).
    """
    if not step_ids:
        return 0.0
    done = set(done_ids)
    left = sum(1 for step_id in set(step_ids) if step_id not in done)
    return len(done) / (len(done) + left)


def tutorial_status(step_ids, done_ids, *, completed_before=False):
    """Pas commencé, en cours or terminé. A tutorial finished once stays finished, whatever steps are added."""
    if completed_before:
        return ProgressStatus.COMPLETED
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


def new_steps(step_ids, done_ids, *, completed):
    """The steps shown as « Nouvelle étape »: for someone who finished the tutorial, every step not done since."""
    if not completed:
        return []
    done = set(done_ids)
    return [step_id for step_id in step_ids if step_id not in done]


@dataclass(frozen=True)
class StepChanges:
    added: tuple
    removed: tuple
    reordered: bool

    @property
    def any(self):
        return bool(self.added or self.removed or self.reordered)


def step_changes(old_ids, new_ids):
    """What an edit does to a tutorial's steps: ids added, ids removed, and whether the kept ones changed order."""
    old_set, new_set = set(old_ids), set(new_ids)
    kept_old = [step_id for step_id in old_ids if step_id in new_set]
    kept_new = [step_id for step_id in new_ids if step_id in old_set]
    return StepChanges(
        added=tuple(step_id for step_id in new_ids if step_id not in old_set),
        removed=tuple(step_id for step_id in old_ids if step_id not in new_set),
        reordered=kept_old != kept_new,
    )


@dataclass(frozen=True)
class ReaderEffect:
    completed: bool
    percent_before: int
    percent_after: int
    resume_moves: bool

    @property
    def change(self):
        """ "same", "down" or "up": what happens to this person's percentage."""
        if self.percent_after < self.percent_before:
            return "down"
        if self.percent_after > self.percent_before:
            return "up"
        return "same"


def percent(fraction, *, finished=False):
    """A fraction as a whole percentage; 100 only when finished, so that « 100 % » never shows on unfinished work."""
    if finished:
        return 100
    return min(99, int(round(100 * fraction)))


def tutorial_percent(step_ids, done_ids, *, completed_before=False):
    status = tutorial_status(step_ids, done_ids, completed_before=completed_before)
    return percent(tutorial_fraction(step_ids, done_ids), finished=status == ProgressStatus.COMPLETED)


def reader_effect(old_ids, new_ids, done_ids, *, completed):
    """What an edit from old_ids to new_ids does to one person's progress on the tutorial.

    Someone who finished keeps « Terminé » (100 %); for the others the percentage follows tutorial_fraction, and
    resume_moves says whether « Reprendre » will lead to another step than before.
    """
    if completed:
        return ReaderEffect(True, 100, 100, False)
    old_next, new_next = first_step_not_done(old_ids, done_ids), first_step_not_done(new_ids, done_ids)
    return ReaderEffect(
        False,
        tutorial_percent(old_ids, done_ids),
        tutorial_percent(new_ids, done_ids),
        new_next is not None and new_next != old_next,
    )


@dataclass(frozen=True)
class ModuleRollup:
    percent: int
    items_done: int
    items_total: int
    status: str
    next_item: object


def module_rollup(items, *, completed_before=False):
    """Roll a module up from its learning items, given in order as (item, fraction done) pairs.

    The percentage is the mean of the items' fractions, so half of a tutorial counts; an item is done only when
    its fraction is 1. The next item is the first one not done. A module finished once stays finished at 100 %
    (completed_before), even when a tutorial is added to it; the new tutorial is still its next item.
    """
    items = list(items)
    total = len(items)
    fractions = [max(0.0, min(1.0, fraction)) for _item, fraction in items]
    done = sum(1 for fraction in fractions if fraction >= 1.0)
    next_item = next((item for (item, _), fraction in zip(items, fractions, strict=True) if fraction < 1.0), None)
    if completed_before:
        return ModuleRollup(100, done, total, ProgressStatus.COMPLETED, next_item)
    if total == 0:
        return ModuleRollup(0, 0, 0, ProgressStatus.NOT_STARTED, None)
    percent_done = int(round(100 * sum(fractions) / total))
    if done == total:
        status, percent_done = ProgressStatus.COMPLETED, 100
    elif any(fractions):
        status = ProgressStatus.IN_PROGRESS
        percent_done = min(percent_done, 99)
    else:
        status = ProgressStatus.NOT_STARTED
    return ModuleRollup(percent_done, done, total, status, next_item)
