"""The editor's preview panel may frame Wagtail's previews, and only them (config.middleware); every other page keeps
`frame-ancestors 'none'`."""

from django.urls import reverse

import pytest


def frame_ancestors(response):
    policy = response.headers["Content-Security-Policy"]
    return next(part.strip() for part in policy.split(";") if part.strip().startswith("frame-ancestors"))


@pytest.fixture
def signed_in_trainer(client, trainer):
    client.force_login(trainer)
    return client


def test_the_preview_view_may_be_framed_by_our_own_pages(signed_in_trainer, tutorial):
    response = signed_in_trainer.get(reverse("wagtailadmin_pages:preview_on_edit", args=[tutorial.pk]))

    assert response.status_code == 200
    assert frame_ancestors(response) == "frame-ancestors 'self'"
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"


def test_a_page_rendered_for_a_preview_may_be_framed_and_keeps_the_public_policy(signed_in_trainer, tutorial):
    revision = tutorial.save_revision()
    response = signed_in_trainer.get(reverse("wagtailadmin_pages:revisions_view", args=[tutorial.pk, revision.pk]))

    assert response.status_code == 200
    assert tutorial.title in response.text
    assert frame_ancestors(response) == "frame-ancestors 'self'"
    assert "'unsafe-inline'" not in response.headers["Content-Security-Policy"]


@pytest.mark.parametrize("name", ["wagtailadmin_pages:edit", "wagtailadmin_pages:history"])
def test_other_admin_pages_may_not_be_framed(signed_in_trainer, tutorial, name):
    response = signed_in_trainer.get(reverse(name, args=[tutorial.pk]))

    assert response.status_code == 200
    assert frame_ancestors(response) == "frame-ancestors 'none'"


def test_public_pages_may_not_be_framed(client, tutorial):
    tutorial.save_revision().publish()
    response = client.get(tutorial.url)

    assert response.status_code == 200
    assert frame_ancestors(response) == "frame-ancestors 'none'"
