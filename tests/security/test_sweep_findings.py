"""Bugs the security sweeps found, pinned."""

from django.contrib.messages import get_messages
from django.utils import timezone

from wagtail.models import Page, Revision

import pytest

from assessments.models import Domain
from cms.models import Operator, Procedure
from followup.models import AutonomyRecord

pytestmark = pytest.mark.django_db


def test_wagtail_front_end_login_is_not_a_second_sign_in_form(client, agent, password, home_page):
    """Wagtail's `_util/login/` (a plain Django LoginView) skipped allauth's rate limits and MFA step."""
    for _ in range(8):
        client.post("/_util/login/", {"username": "agent", "password": "pas-le-bon"})
    response = client.post("/_util/login/", {"username": "agent", "password": password})
    assert response.status_code == 302
    assert response["Location"].startswith("/comptes/login/")
    assert "_auth_user_id" not in client.session
    assert client.get("/_util/login/?next=/prive/")["Location"] == "/comptes/login/?next=/prive/"


@pytest.mark.parametrize("what", ["domain", "procedure"])
def test_deleting_a_snippet_still_in_use_is_refused_without_error(client, superuser, resident, structure, what):
    """Wagtail's reference index does not know every use (competences loaded by a migration, autonomy records)."""
    if what == "domain":
        snippet, url = Domain.objects.first(), "/admin/snippets/assessments/domain/delete/{}/"
    else:
        snippet = Procedure.objects.create(
            operator=Operator.objects.create(name="CAF", slug="caf"), title="Déclarer ses ressources", slug="caf-dtr"
        )
        AutonomyRecord.objects.create(
            resident=resident, structure=structure, procedure=snippet, level="alone", date=timezone.localdate()
        )
        url = "/admin/snippets/cms/procedure/delete/{}/"
    client.force_login(superuser)
    response = client.post(url.format(snippet.pk))
    assert response.status_code == 302
    assert response["Location"] == url.format(snippet.pk)
    assert [str(message) for message in get_messages(response.wsgi_request)] == [
        f"« {snippet} » est encore utilisé ailleurs : il ne peut pas être supprimé."
    ]
    assert type(snippet).objects.filter(pk=snippet.pk).exists()


def test_a_snippet_no_longer_used_is_still_deleted(client, superuser):
    domain = Domain.objects.create(code="99", title="Domaine d'essai")
    client.force_login(superuser)
    response = client.post(f"/admin/snippets/assessments/domain/delete/{domain.pk}/")
    assert response.status_code == 302
    assert not Domain.objects.filter(pk=domain.pk).exists()


@pytest.mark.parametrize("form", ["edit", "add", "copy", "edit home page"])
@pytest.mark.parametrize("data", [{}, {"title": "Titre changé"}], ids=["empty", "truncated"])
def test_a_truncated_admin_form_gets_the_400_page_and_writes_nothing(client, superuser, module, tutorial, form, data):
    urls = {
        "edit": f"/admin/pages/{tutorial.pk}/edit/",
        "add": f"/admin/pages/add/learning/tutorialpage/{module.pk}/",
        "copy": f"/admin/pages/{tutorial.pk}/copy/",
        "edit home page": f"/admin/pages/{module.get_parent().get_parent().pk}/edit/",
    }
    client.force_login(superuser)
    counts = (Page.objects.count(), Revision.objects.count())

    response = client.post(urls[form], data)

    assert response.status_code == 400
    assert "pas compris la demande" in response.content.decode()
    assert (Page.objects.count(), Revision.objects.count()) == counts
    tutorial.refresh_from_db()
    assert tutorial.title != "Titre changé"
