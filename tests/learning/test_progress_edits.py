"""Editing a published tutorial keeps what residents earned: the rules (pure), the services, the editor's warning."""

from html import unescape

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from learning import editor_messages, services
from learning.enums import ProgressStatus
from learning.models import ModuleProgress, PageProgress, TutorialPage
from learning.progress import (
    module_rollup,
    new_steps,
    reader_effect,
    step_changes,
    tutorial_fraction,
    tutorial_percent,
    tutorial_status,
)
from tests.learning.factories import TutorialPageFactory, step, steps

# Pure rules --------------------------------------------------------------------------------------------------------


def test_removing_a_step_never_lowers_the_share_done():
    five = ["a", "b", "c", "d", "e"]
    assert tutorial_percent(five, ["a", "b"]) == 40
    assert tutorial_percent(["a", "c", "d", "e"], ["a", "b"]) == 40  # a step done was removed: it still counts
    assert tutorial_percent(["a", "b", "d", "e"], ["a", "b"]) == 50  # a step to do was removed: less to do
    assert tutorial_percent(["a", "b", "c", "d", "e", "f"], ["a", "b"]) == 33  # a new step: more to do
    assert tutorial_percent(["e", "d", "c", "b", "a"], ["a", "b"]) == 40  # order changes nothing


def test_a_tutorial_finished_once_stays_finished():
    assert tutorial_status(["a", "b", "new"], ["a", "b"], completed_before=True) == ProgressStatus.COMPLETED
    assert tutorial_percent(["a", "b", "new"], ["a", "b"], completed_before=True) == 100
    assert tutorial_status(["a", "b", "new"], ["a", "b"]) == ProgressStatus.IN_PROGRESS
    assert new_steps(["a", "new", "b"], ["a", "b"], completed=True) == ["new"]
    assert new_steps(["a", "new", "b"], ["a"], completed=False) == []


def test_unfinished_work_never_shows_100_percent():
    assert tutorial_percent(["s"] * 1 + [f"x{i}" for i in range(300)], [f"x{i}" for i in range(300)]) == 99
    assert tutorial_fraction([], []) == 0.0


def test_step_changes():
    assert not step_changes(["a", "b"], ["a", "b"]).any
    changes = step_changes(["a", "b", "c"], ["c", "a", "new"])
    assert changes.added == ("new",)
    assert changes.removed == ("b",)
    assert changes.reordered
    assert not step_changes(["a", "b", "c"], ["a", "c"]).reordered


def test_reader_effect():
    finished = reader_effect(["a", "b"], ["a", "b", "c"], ["a", "b"], completed=True)
    assert (finished.completed, finished.percent_after, finished.change) == (True, 100, "same")
    added = reader_effect(["a", "b", "c", "d", "e"], ["new", "a", "b", "c", "d", "e"], ["a", "b"], completed=False)
    assert (added.percent_before, added.percent_after, added.change, added.resume_moves) == (40, 33, "down", True)
    removed = reader_effect(["a", "b", "c", "d", "e"], ["a", "c", "d", "e"], ["a", "b"], completed=False)
    assert (removed.percent_before, removed.percent_after, removed.change, removed.resume_moves) == (
        40,
        40,
        "same",
        False,
    )
    last_missing = reader_effect(["a", "b", "c"], ["a", "b"], ["a", "b"], completed=False)
    assert (last_missing.percent_after, last_missing.change) == (100, "up")


def test_a_module_finished_once_stays_finished_when_a_tutorial_is_added():
    rollup = module_rollup([("t1", 1.0), ("new", 0.0)], completed_before=True)
    assert (rollup.percent, rollup.status, rollup.next_item) == (100, ProgressStatus.COMPLETED, "new")
    assert module_rollup([("t1", 1.0), ("new", 0.0)]).percent == 50


# Services ----------------------------------------------------------------------------------------------------------


def publish_steps(tutorial, raw_steps):
    tutorial = TutorialPage.objects.get(pk=tutorial.pk)
    tutorial.steps = raw_steps
    tutorial.save_revision().publish()
    return TutorialPage.objects.get(pk=tutorial.pk)


def finish(user, tutorial):
    for step_id in tutorial.step_ids:
        services.record_step(user=user, tutorial=tutorial, step_id=step_id)


@pytest.mark.django_db
def test_adding_a_step_keeps_the_tutorial_and_the_module_finished_with_their_dates(resident, tutorial):
    finish(resident, tutorial)
    page_done = PageProgress.objects.get(user=resident).completed_at
    module_done = ModuleProgress.objects.get(user=resident).completed_at
    raw = [*tutorial.steps.raw_data, {"type": "step", "value": step("Nouvelle étape"), "id": "nouvelle"}]
    tutorial = publish_steps(tutorial, raw)
    progress = PageProgress.objects.get(user=resident)
    assert (progress.status, progress.completed_at) == (ProgressStatus.COMPLETED, page_done)
    rollup = ModuleProgress.objects.get(user=resident)
    assert (rollup.status, rollup.percent, rollup.completed_at) == (ProgressStatus.COMPLETED, 100, module_done)
    # Doing the new step afterwards keeps the first date too.
    services.record_step(user=resident, tutorial=tutorial, step_id="nouvelle")
    assert PageProgress.objects.get(user=resident).completed_at == page_done


@pytest.mark.django_db
def test_a_module_finished_once_stays_finished_when_a_tutorial_is_published_in_it(resident, module, tutorial):
    finish(resident, tutorial)
    done_at = ModuleProgress.objects.get(user=resident).completed_at
    new = TutorialPageFactory(parent=module, title="Nouveau tutoriel", slug="nouveau")
    new.save_revision().publish()
    rollup = ModuleProgress.objects.get(user=resident)
    assert (rollup.status, rollup.percent, rollup.completed_at) == (ProgressStatus.COMPLETED, 100, done_at)
    assert rollup.next_page_id == new.pk


@pytest.mark.django_db
def test_the_finished_reader_sees_the_new_step_marked_new(client, resident, tutorial):
    finish(resident, tutorial)
    raw = [*tutorial.steps.raw_data, {"type": "step", "value": step("Étape ajoutée"), "id": "ajoutee"}]
    publish_steps(tutorial, raw)
    client.force_login(resident)
    html = client.get(tutorial.url).content.decode()
    assert html.count("Nouvelle étape</span>") == 1
    assert "Une étape a été ajoutée depuis" in html
    assert "Bravo, vous avez fini ce tutoriel !" in html


@pytest.mark.django_db
def test_deleting_a_done_step_keeps_the_share_done(resident, module):
    tutorial = TutorialPageFactory(parent=module, slug="cinq", steps=steps("1", "2", "3", "4", "5"))
    for step_id in tutorial.step_ids[:2]:
        services.record_step(user=resident, tutorial=tutorial, step_id=step_id)
    assert ModuleProgress.objects.get(user=resident).percent == 40
    publish_steps(tutorial, [child for child in tutorial.steps.raw_data if child["id"] != tutorial.step_ids[1]])
    assert ModuleProgress.objects.get(user=resident).percent == 40


@pytest.mark.django_db
def test_edit_impact_counts_who_is_touched(resident, resident_without_email, tutorial):
    finish(resident, tutorial)
    services.record_step(user=resident_without_email, tutorial=tutorial, step_id=tutorial.step_ids[0])
    assert services.edit_impact(tutorial=tutorial, new_step_ids=tutorial.step_ids) is None
    impact = services.edit_impact(tutorial=tutorial, new_step_ids=["nouvelle", *tutorial.step_ids])
    assert (impact["readers"], impact["completed"], impact["in_progress"], impact["down"]) == (2, 1, 1, 1)
    assert impact["resume_moves"] == 1
    message = editor_messages.impact_message(impact)
    assert "1 étape ajoutée" in message
    assert "cela touche 2 personnes qui ont commencé ce tutoriel" in message
    assert "1 personne l’a terminé : elle garde « Terminé » et sa date" in message
    assert "de 33 % à 25 %" in message


# The editor --------------------------------------------------------------------------------------------------------


def edit_form(tutorial, raw_steps, action):
    data = nested_form_data(
        {
            "title": tutorial.title,
            "slug": tutorial.slug,
            "intro": tutorial.intro,
            "duration_minutes": tutorial.duration_minutes,
            "checklist": streamfield([]),
            "media": streamfield([]),
            "steps": streamfield(
                [
                    (
                        "step",
                        {
                            "title": item["value"]["title"],
                            "instruction": rich_text(item["value"]["instruction"]),
                            "image": "",
                            "image_alt": "",
                            "image_decorative": "",
                            "callouts": streamfield([]),
                            "check_question": "",
                            "check_options": streamfield([]),
                            "check_explanation": "",
                        },
                    )
                    for item in raw_steps
                ]
            ),
            "comments": inline_formset([]),
            action: "1",
        }
    )
    for index, item in enumerate(raw_steps):
        data[f"steps-{index}-id"] = item["id"]
    return data


@pytest.mark.django_db
def test_publishing_added_steps_asks_to_confirm_with_who_is_touched(client, reviewer, resident, tutorial):
    finish(resident, tutorial)
    raw = [*tutorial.steps.raw_data, {"type": "step", "value": step("Nouvelle étape"), "id": "nouvelle"}]
    client.force_login(reviewer)
    url = f"/admin/pages/{tutorial.pk}/edit/"
    response = client.post(url, edit_form(tutorial, raw, "action-publish"), follow=True)
    html = unescape(response.content.decode())
    assert "Pas encore publié" in html
    assert "1 personne l’a terminé : elle garde « Terminé » et sa date" in html
    assert TutorialPage.objects.get(pk=tutorial.pk).step_ids == tutorial.step_ids  # nothing published yet
    # Opening the editor again shows the draft's effect.
    assert "Le brouillon n'est pas encore publié" in unescape(client.get(url).content.decode())
    response = client.post(url, edit_form(tutorial, raw, "action-publish"), follow=True)
    assert "Publié comme confirmé" in response.content.decode()
    assert TutorialPage.objects.get(pk=tutorial.pk).step_ids == [*tutorial.step_ids, "nouvelle"]
    assert PageProgress.objects.get(user=resident).status == ProgressStatus.COMPLETED


@pytest.mark.django_db
def test_text_changes_publish_at_once(client, reviewer, resident, tutorial):
    finish(resident, tutorial)
    raw = [dict(item) for item in tutorial.steps.raw_data]
    raw[0] = {**raw[0], "value": {**raw[0]["value"], "title": "Titre corrigé"}}
    client.force_login(reviewer)
    response = client.post(f"/admin/pages/{tutorial.pk}/edit/", edit_form(tutorial, raw, "action-publish"))
    assert response.status_code == 302
    assert TutorialPage.objects.get(pk=tutorial.pk).steps[0].value["title"] == "Titre corrigé"


@pytest.mark.django_db
def test_the_module_page_agrees_that_a_finished_module_stays_finished(client, resident, module, tutorial):
    finish(resident, tutorial)
    TutorialPageFactory(parent=module, title="Nouveau tutoriel", slug="nouveau").save_revision().publish()
    client.force_login(resident)
    response = client.get(module.url)
    progress = response.context["progress"]
    assert (progress["percent"], progress["status"]) == (100, ProgressStatus.COMPLETED)
    assert progress["next_item"].title == "Nouveau tutoriel"
