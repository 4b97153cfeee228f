"""Mon parcours: « Reprendre » follows the latest activity, each module once, « Commencer » for assigned modules."""

import datetime
import re
from collections import Counter

from django.urls import reverse
from django.utils import timezone

import pytest

from followup.models import Assignment
from learning import path as learning_path
from learning import services
from learning.models import PageProgress
from tests.learning.factories import ModulePageFactory, TutorialPageFactory

pytestmark = pytest.mark.django_db


def mark(user, tutorial, *indexes, minutes_ago=None):
    for index in indexes:
        services.record_step(user=user, tutorial=tutorial, step_id=tutorial.step_ids[index])
    if minutes_ago is not None:
        PageProgress.objects.filter(user=user, page_id=tutorial.pk).update(
            updated_at=timezone.now() - datetime.timedelta(minutes=minutes_ago)
        )


def ids_in(content):
    return re.findall(r'\sid="([^"]+)"', content)


# The choice itself (pure) --------------------------------------------------------------------------------------


def test_choose_resume_takes_the_latest_page_while_it_is_unfinished():
    assert learning_path.choose_resume([(2, 10, False), (1, 10, False)], {10: 1}) == 2


def test_choose_resume_goes_to_the_next_page_of_the_module_once_the_latest_is_finished():
    assert learning_path.choose_resume([(2, 10, True), (7, 20, False)], {10: 3, 20: 7}) == 3


def test_choose_resume_falls_back_to_the_latest_unfinished_page_when_the_module_is_done():
    assert learning_path.choose_resume([(2, 10, True), (5, 20, True), (7, 30, False)], {10: None}) == 7


def test_choose_resume_without_activity_or_when_all_is_done():
    assert learning_path.choose_resume([], {}) is None
    assert learning_path.choose_resume([(2, 10, True)], {10: None}) is None


# The page ------------------------------------------------------------------------------------------------------


def test_reprendre_opens_the_tutorial_in_progress_at_its_next_step_not_one_never_opened(client, resident, module):
    first = TutorialPageFactory(parent=module, title="Jamais ouvert", slug="jamais")
    second = TutorialPageFactory(parent=module, title="Commencé", slug="commence")
    mark(resident, second, 0)
    client.force_login(resident)
    content = client.get(reverse("my_path")).content.decode()
    assert f'href="{second.url}#etape-2">Reprendre : Commencé</a>' in content
    assert "À l'étape 2, dans le module « Créer son compte ameli »" in content
    assert f'href="{first.url}">Reprendre' not in content


def test_reprendre_follows_the_latest_activity_across_modules(client, resident, catalogue, module):
    old = TutorialPageFactory(parent=module, title="Ancien", slug="ancien")
    other_module = ModulePageFactory(parent=catalogue, title="Le courriel", slug="courriel")
    recent = TutorialPageFactory(parent=other_module, title="Récent", slug="recent")
    mark(resident, recent, 0, 1, minutes_ago=5)
    mark(resident, old, 0, minutes_ago=60)
    client.force_login(resident)
    content = client.get(reverse("my_path")).content.decode()
    assert f'href="{recent.url}#etape-3">Reprendre : Récent</a>' in content
    # Each module in progress keeps its own way back, to its own latest page.
    assert f'href="{old.url}#etape-2">Continuer : Ancien</a>' in content


def test_after_finishing_a_tutorial_reprendre_leads_to_the_next_one_of_the_module(client, resident, module):
    done = TutorialPageFactory(parent=module, title="Fini", slug="fini")
    following = TutorialPageFactory(parent=module, title="La suite", slug="suite")
    mark(resident, done, 0, 1, 2)
    client.force_login(resident)
    content = client.get(reverse("my_path")).content.decode()
    assert f'href="{following.url}#etape-1">Reprendre : La suite</a>' in content


def test_an_assigned_module_in_progress_is_listed_once_with_its_assignment(client, resident, structure, module):
    tutorial = TutorialPageFactory(parent=module, title="Préparer", slug="preparer")
    Assignment.objects.create(module=module, resident=resident, structure=structure, note="Avant jeudi")
    mark(resident, tutorial, 0)
    client.force_login(resident)
    content = client.get(reverse("my_path")).content.decode()
    assert content.count(">Créer son compte ameli</a>") == 1
    assert "Note de votre conseiller : Avant jeudi" in content
    assert "Vous n&#x27;avez pas de module en cours" not in content
    duplicates = [id_ for id_, count in Counter(ids_in(content)).items() if count > 1]
    assert duplicates == []


def test_an_assigned_module_not_started_has_commencer_and_nothing_contradicts_it(client, resident, structure, module):
    first = TutorialPageFactory(parent=module, title="Premier pas", slug="premier")
    TutorialPageFactory(parent=module, title="Deuxième pas", slug="deuxieme")
    Assignment.objects.create(module=module, resident=resident, structure=structure)
    client.force_login(resident)
    content = client.get(reverse("my_path")).content.decode()
    assert f'href="{first.url}">Commencer : Premier pas</a>' in content
    assert "Vous n&#x27;avez pas de module en cours" not in content
    assert "Vos modules à faire sont plus haut" in content


def test_an_assigned_module_finished_moves_to_the_finished_ones_once(client, resident, structure, module):
    tutorial = TutorialPageFactory(parent=module, title="Préparer", slug="preparer")
    Assignment.objects.create(module=module, resident=resident, structure=structure)
    mark(resident, tutorial, 0, 1, 2)
    client.force_login(resident)
    content = client.get(reverse("my_path")).content.decode()
    assert "Mes modules à faire" not in content
    assert content.count(">Créer son compte ameli</a>") == 1
    assert "(proposé par votre conseiller)" in content.split("Modules terminés")[1]


def test_ids_stay_unique_with_many_modules_in_every_list(client, resident, structure, catalogue):
    for number in range(4):
        module = ModulePageFactory(parent=catalogue)
        tutorial = TutorialPageFactory(parent=module)
        if number % 2:
            Assignment.objects.create(module=module, resident=resident, structure=structure)
        if number < 3:
            mark(resident, tutorial, 0, *((1, 2) if number == 2 else ()))
    client.force_login(resident)
    ids = ids_in(client.get(reverse("my_path")).content.decode())
    assert ids and len(ids) == len(set(ids))


def test_my_path_query_budget_with_assignments(client, resident, structure, catalogue, django_assert_max_num_queries):
    for number in range(10):
        module = ModulePageFactory(parent=catalogue)
        tutorial = TutorialPageFactory(parent=module)
        if number % 3 == 0:
            Assignment.objects.create(module=module, resident=resident, structure=structure)
        if number % 3 != 2:
            mark(resident, tutorial, 0, *((1, 2) if number % 2 else ()))
    client.force_login(resident)
    client.get(reverse("my_path"))
    with django_assert_max_num_queries(14):
        assert client.get(reverse("my_path")).status_code == 200
