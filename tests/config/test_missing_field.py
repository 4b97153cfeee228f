"""A missing field answers the 400 page in the admin only; elsewhere it stays the bug it is (config/middleware.py).

The URLconf of this module (`pytest.mark.urls`: the project's, plus one view that reads a field straight from the POST
data, under an admin path and under a public one) shows that only the path decides.
"""

from django.http import HttpResponse
from django.test import Client
from django.urls import path, reverse
from django.utils.datastructures import MultiValueDictKeyError

import pytest

from config import urls as project_urls
from tests.accounts.factories import ResidentFactory

pytestmark = pytest.mark.django_db  # the 400 and 500 pages read the site's settings


def reads_a_field(request):
    return HttpResponse(request.POST["champ"])


urlpatterns = [
    path("admin/essai-champ/", reads_a_field),
    path("formulaire-essai/", reads_a_field),
    *project_urls.urlpatterns,  # the 400 and 500 pages link to the site's pages
]


def test_a_truncated_wagtail_admin_form_still_gets_the_400_page(client, superuser, tutorial):
    client.force_login(superuser)
    response = client.post(f"/admin/pages/{tutorial.pk}/copy/", {})  # no `new_parent_page`
    assert response.status_code == 400
    assert "pas compris la demande" in response.content.decode()


@pytest.mark.urls(__name__)
def test_a_missing_field_under_the_admin_prefix_gets_the_400_page(client):
    assert client.post("/admin/essai-champ/", {"champ": "là"}).content == b"l\xc3\xa0"
    response = client.post("/admin/essai-champ/", {})
    assert response.status_code == 400
    assert "pas compris la demande" in response.content.decode()


@pytest.mark.urls(__name__)
def test_a_missing_field_in_our_own_views_is_not_swallowed(client):
    assert client.post("/formulaire-essai/", {"champ": "là"}).status_code == 200
    with pytest.raises(MultiValueDictKeyError):
        client.post("/formulaire-essai/", {})
    response = Client(raise_request_exception=False).post("/formulaire-essai/", {})
    assert response.status_code == 500


def test_an_action_opened_by_its_address_gets_a_page_saying_so(client, db):
    client.force_login(ResidentFactory())
    response = client.get(reverse("join_structure"), HTTP_ACCEPT="text/html")
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert "Cette adresse s'ouvre depuis un bouton" in response.content.decode()
    assert "Rien n'a été enregistré" in response.content.decode()
