"""A kept tutorial is shared by everyone of a kind with the same steps done: nothing else of the person may be in it.

cms.page_cache keys a signed-in person's tutorial by their kind and steps done, and fills in markers for their CSRF
token, name and idle time left. These tests render the page uncached, as the cache does (markers laid over the
context), and check that this is all that differs between two people, and that the templates read nothing else of
the user. Adding `{{ user.display_name }}` to templates/learning/_tutorial_content.html fails both.
"""

import sys
from pathlib import Path

from django.contrib.sessions.backends.db import SessionStore
from django.template import Context, Template
from django.test import RequestFactory

import pytest

from cms.page_cache import markers
from learning import services
from tests.accounts.factories import ResidentFactory

pytestmark = pytest.mark.django_db

TEMPLATE_ENGINE = str(Path(sys.modules["django.template.base"].__file__).parent)
RESOLUTION_MACHINERY = {"do_not_call_in_templates", "alters_data", "__class__"}


class RecordingUser:
    """Stands for a user everywhere, and records what templates read of it (the code calling in is Django's
    template engine); the rest of the code (context processors, permissions) reads it freely."""

    def __init__(self, user):
        object.__setattr__(self, "_user", user)
        object.__setattr__(self, "read_by_templates", set())

    @staticmethod
    def _from_template():
        return sys._getframe(2).f_code.co_filename.startswith(TEMPLATE_ENGINE)

    def __getattribute__(self, name):
        if name in ("_user", "read_by_templates", "_from_template"):
            return object.__getattribute__(self, name)
        if name not in RESOLUTION_MACHINERY and RecordingUser._from_template():
            object.__getattribute__(self, "read_by_templates").add(name)
        return getattr(object.__getattribute__(self, "_user"), name)

    def __setattr__(self, name, value):
        setattr(self._user, name, value)

    def __str__(self):
        if RecordingUser._from_template():
            self.read_by_templates.add("__str__")
        return str(self._user)

    def __getitem__(self, key):  # the engine tries a dictionary lookup first
        raise TypeError


def render_marked(page, user):
    """The page as cms.page_cache renders it to keep it: uncached, with the markers laid over its context."""
    request = RequestFactory().get(page.url)
    request.user = user
    request.session = SessionStore()
    response = page.serve(request)
    response.context_data.update(markers.context(request))
    response.render()
    return request, response.content.decode()


def test_two_residents_with_the_same_steps_done_get_the_same_page_but_for_the_markers(tutorial):
    zoe, ahmed = ResidentFactory(display_name="Zoé Martin"), ResidentFactory(display_name="Ahmed Benali")
    for person in (zoe, ahmed):
        for step_id in tutorial.step_ids[:2]:
            services.record_step(user=person, tutorial=tutorial, step_id=step_id)

    zoe_request, zoe_html = render_marked(tutorial, zoe)
    ahmed_request, ahmed_html = render_marked(tutorial, ahmed)

    assert zoe_html == ahmed_html
    assert all(marker in zoe_html for marker in markers.ALL)
    assert "Zoé" not in zoe_html and "Étape faite" in zoe_html
    zoe_page, ahmed_page = markers.fill(zoe_request, zoe_html), markers.fill(ahmed_request, ahmed_html)
    assert "Zoé Martin" in zoe_page and "Ahmed Benali" not in zoe_page
    assert "Ahmed Benali" in ahmed_page and "Zoé Martin" not in ahmed_page
    assert not any(marker in page for page in (zoe_page, ahmed_page) for marker in markers.ALL)


@pytest.mark.parametrize("steps_done", [0, 1, 3])
def test_the_tutorial_templates_read_nothing_of_the_user_but_their_kind(tutorial, steps_done):
    resident = ResidentFactory(display_name="Zoé Martin", email="zoe@example.org")
    for step_id in tutorial.step_ids[:steps_done]:
        services.record_step(user=resident, tutorial=tutorial, step_id=step_id)
    user = RecordingUser(resident)

    _request, html = render_marked(tutorial, user)

    assert "Étape 1 sur 3" in html
    leaked = user.read_by_templates - markers.USER_ATTRIBUTES_READ
    assert not leaked, (
        "the tutorial's templates read of the user what the page cache does not key by; put it behind a marker "
        f"(cms.page_cache.markers) or in the page's page_cache_variant: {leaked}"
    )


def test_the_catalogue_templates_read_nothing_of_the_user_but_their_kind(catalogue, module):
    user = RecordingUser(ResidentFactory(display_name="Zoé Martin"))
    _request, html = render_marked(catalogue, user)
    assert module.title in html
    assert user.read_by_templates <= markers.USER_ATTRIBUTES_READ


def test_the_recording_user_sees_a_template_reading_the_name(tutorial):
    """The check itself works: a template reading the person's name is caught."""
    user = RecordingUser(ResidentFactory(display_name="Zoé Martin"))
    Template("{% if user.is_authenticated %}{{ user.display_name }}{% endif %}").render(Context({"user": user}))
    assert user.read_by_templates == {"is_authenticated", "display_name"}
