import threading

from django.db import connection

import pytest

from learning import services
from learning.enums import ProgressStatus
from learning.models import ModuleProgress, PageProgress
from tests.learning.factories import step

pytestmark = pytest.mark.django_db


def test_record_step_is_idempotent_and_rolls_up(resident, tutorial, second_tutorial):
    first_step = tutorial.step_ids[0]
    services.record_step(user=resident, tutorial=tutorial, step_id=first_step)
    services.record_step(user=resident, tutorial=tutorial, step_id=first_step)
    progress = PageProgress.objects.get(user=resident, page=tutorial)
    assert progress.done_step_ids == [first_step]
    assert progress.status == ProgressStatus.IN_PROGRESS
    rollup = ModuleProgress.objects.get(user=resident, module=tutorial.get_parent())
    assert rollup.percent == round(100 * (1 / 3) / 2)
    assert rollup.next_page_id == tutorial.pk
    assert rollup.status == ProgressStatus.IN_PROGRESS


def test_finishing_every_step_completes_the_tutorial_and_moves_the_module_on(resident, tutorial, second_tutorial):
    for step_id in tutorial.step_ids:
        services.record_step(user=resident, tutorial=tutorial, step_id=step_id)
    progress = PageProgress.objects.get(user=resident, page=tutorial)
    assert progress.status == ProgressStatus.COMPLETED
    assert progress.completed_at is not None
    rollup = ModuleProgress.objects.get(user=resident)
    assert (rollup.percent, rollup.items_done, rollup.items_total) == (50, 1, 2)
    assert rollup.next_page_id == second_tutorial.pk
    for step_id in second_tutorial.step_ids:
        services.record_step(user=resident, tutorial=second_tutorial, step_id=step_id)
    rollup.refresh_from_db()
    assert (rollup.percent, rollup.status, rollup.next_page_id) == (100, ProgressStatus.COMPLETED, None)
    assert rollup.completed_at is not None


def test_unknown_step_is_refused(resident, tutorial):
    with pytest.raises(services.UnknownStep):
        services.record_step(user=resident, tutorial=tutorial, step_id="pas-une-etape")
    assert not PageProgress.objects.exists()


def test_edits_keep_progress_removed_steps_done_still_count_and_new_steps_are_not_done(resident, tutorial):
    kept, removed, _third = tutorial.step_ids
    services.record_step(user=resident, tutorial=tutorial, step_id=kept)
    services.record_step(user=resident, tutorial=tutorial, step_id=removed)
    raw = [child for child in tutorial.steps.raw_data if child["id"] != removed]
    raw.append({"type": "step", "value": step("Nouvelle étape"), "id": "nouvelle"})
    tutorial.steps = raw
    tutorial.save_revision().publish()
    rollup = ModuleProgress.objects.get(user=resident)
    assert rollup.percent == 50  # kept and removed done, the third and the new one to do
    progress = PageProgress.objects.get(user=resident)
    assert progress.status == ProgressStatus.IN_PROGRESS
    assert removed in progress.done_step_ids


def test_removing_the_last_missing_step_completes_the_tutorial(resident, tutorial):
    for step_id in tutorial.step_ids[:2]:
        services.record_step(user=resident, tutorial=tutorial, step_id=step_id)
    tutorial.steps = [child for child in tutorial.steps.raw_data if child["id"] != tutorial.step_ids[2]]
    tutorial.save_revision().publish()
    assert PageProgress.objects.get(user=resident).status == ProgressStatus.COMPLETED
    assert ModuleProgress.objects.get(user=resident).status == ProgressStatus.COMPLETED


def test_unpublishing_a_tutorial_takes_it_out_of_the_roll_up(resident, tutorial, second_tutorial):
    for step_id in tutorial.step_ids:
        services.record_step(user=resident, tutorial=tutorial, step_id=step_id)
    second_tutorial.unpublish()
    rollup = ModuleProgress.objects.get(user=resident)
    assert (rollup.percent, rollup.status) == (100, ProgressStatus.COMPLETED)


def test_session_progress_is_merged_and_invalid_entries_dropped(resident, tutorial):
    session = {
        services.SESSION_KEY: {
            str(tutorial.pk): [tutorial.step_ids[0], "inconnue"],
            "999999": ["x"],
            "abc": [],
            "²": [],
        }
    }
    assert services.merge_session_progress(user=resident, session=session) == 1
    assert PageProgress.objects.get(user=resident).done_step_ids == [tutorial.step_ids[0]]
    assert services.SESSION_KEY not in session


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_simultaneous_completions_of_one_step_leave_one_record(resident, tutorial):
    step_id = tutorial.step_ids[0]
    barrier = threading.Barrier(2)
    errors = []

    def complete():
        try:
            barrier.wait()
            services.record_step(user=resident, tutorial=tutorial, step_id=step_id)
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=complete) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert PageProgress.objects.filter(user=resident, page=tutorial).count() == 1
    assert PageProgress.objects.get(user=resident, page=tutorial).done_step_ids == [step_id]
    assert ModuleProgress.objects.filter(user=resident).count() == 1
