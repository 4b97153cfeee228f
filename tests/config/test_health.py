from unittest import mock

from django.db import OperationalError
from django.test import Client
from django.urls import path

import pytest

pytestmark = pytest.mark.django_db


def test_health_answers_200_when_database_and_cache_answer(client):
    response = client.get("/sante/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-store" in response["Cache-Control"]


def test_health_answers_503_when_the_database_is_down(client):
    with mock.patch("config.views.connection.cursor", side_effect=OperationalError("down")):
        response = client.get("/sante/")
    assert response.status_code == 503
    assert response.json()["database"] == "indisponible"


def test_health_answers_503_when_the_cache_is_down(client):
    with mock.patch("config.views.cache.set", side_effect=ConnectionError("redis down")):
        response = client.get("/sante/")
    assert response.status_code == 503
    assert response.json() == {"status": "indisponible", "database": "ok", "cache": "indisponible"}


def broken_database(request):
    raise OperationalError("could not connect to server")


urlpatterns = [path("base-en-panne/", broken_database)]


@pytest.mark.urls(__name__)
def test_a_database_outage_gives_a_calm_503_page_without_traceback():
    response = Client(raise_request_exception=False).get("/base-en-panne/")
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    content = response.content.decode()
    assert "Le site est momentanément indisponible" in content
    assert "could not connect" not in content and "Traceback" not in content
