"""« J'ai fait cette étape » is the most frequent write: a query budget for the click, and its roll-up, written
without re-reading the module's pages, always equal to the roll-up computed again from scratch."""

import random

import pytest

from assessments.models import QuizPage
from learning import services
from learning.models import ModuleProgress
from tests.assessments.factories import QuizPageFactory
from tests.learning.factories import TutorialPageFactory, steps

pytestmark = pytest.mark.django_db

ROLLUP_FIELDS = ["percent", "items_done", "items_total", "status", "next_page_id", "last_activity_at", "completed_at"]
# The click, caches warm: the session and the person, then the transaction: the person's rows of the module
# (locked), the page's row, the module's roll-up (SAVEPOINT and RELEASE inside the test's transaction).
STEP_DONE_QUERIES = 7


def done_url(tutorial, step_id):
    return f"{tutorial.url}etapes/{step_id}/fait/"


def test_marking_a_step_done_stays_within_its_query_budget(
    client, django_assert_max_num_queries, resident, tutorial, second_tutorial
):
    client.force_login(resident)
    first, second, _third = tutorial.step_ids
    headers = {"HTTP_ACCEPT": "application/json"}
    assert client.post(done_url(tutorial, first), **headers).status_code == 200  # routes and module pages kept
    with django_assert_max_num_queries(STEP_DONE_QUERIES):
        response = client.post(done_url(tutorial, second), **headers)
    assert response.json() == {
        "done": True,
        "done_count": 2,
        "step_count": 3,
        "percent": 67,
        "next_step": 3,
        "completed": False,
    }
    rollup = ModuleProgress.objects.get(user=resident)
    assert (rollup.items_done, rollup.items_total, rollup.next_page_id) == (0, 2, tutorial.pk)


def test_record_step_reads_no_page_once_the_module_is_kept(django_assert_max_num_queries, resident, tutorial):
    services.record_step(user=resident, tutorial=tutorial, step_id=tutorial.step_ids[0])
    with django_assert_max_num_queries(5):  # rows, page row, roll-up, in a savepoint here
        services.record_step(user=resident, tutorial=tutorial, step_id=tutorial.step_ids[1])


def rollup_from_scratch(user, module):
    """What refresh_module_progress writes, read back, then the row as record_step left it put back."""
    row = ModuleProgress.objects.get(user=user, module_id=module.pk)
    kept = [getattr(row, name) for name in ROLLUP_FIELDS]
    fresh = services.refresh_module_progress(user=user, module=module)
    ModuleProgress.objects.filter(pk=row.pk).update(**dict(zip(ROLLUP_FIELDS, kept, strict=True)))
    return [getattr(fresh, name) for name in ROLLUP_FIELDS], kept


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_roll_up_written_by_each_click_is_the_one_computed_again(seed, resident, module):
    rng = random.Random(seed)
    tutorials = [
        TutorialPageFactory(parent=module, slug=f"t{n}", steps=steps(*[f"Étape {i}" for i in range(n + 2)]))
        for n in range(3)
    ]
    quiz = QuizPageFactory(parent=module, slug="quiz")
    module.refresh_from_db()
    module = module.specific
    clicks = [(tutorial, step_id) for tutorial in tutorials for step_id in tutorial.step_ids]
    rng.shuffle(clicks)
    clicks += clicks[:3]  # clicking a step done again changes nothing but the dates
    for number, (tutorial, step_id) in enumerate(clicks):
        services.record_step(user=resident, tutorial=tutorial, step_id=step_id)
        if number == len(clicks) // 2:
            services.record_page_completed(user=resident, page=QuizPage.objects.get(pk=quiz.pk))
        fresh, kept = rollup_from_scratch(resident, module)
        assert kept == fresh, (number, tutorial.slug)
    assert ModuleProgress.objects.get(user=resident).percent == 100
