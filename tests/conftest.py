import io
import os
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection, transaction
from django.test import override_settings

import pytest

from tests import fast_restore
from tests.accounts.factories import (
    PASSWORD,
    MembershipFactory,
    ResidentFactory,
    ReviewerFactory,
    StructureFactory,
    StructureLinkFactory,
    TrainerFactory,
    UserFactory,
)
from tests.cms.factories import default_site_home
from tests.learning.factories import ModuleIndexPageFactory, ModulePageFactory, TutorialPageFactory
from tests.throwaway_redis import throwaway_redis  # noqa: F401 (a fixture for every app's outage tests)

fast_restore.install()

DATABASE_FIXTURES = {"db", "transactional_db", "live_server", "django_db_setup"}


def uses_database(item):
    """Whether a test reaches the database: a django_db mark, or a fixture that needs it (directly or not)."""
    fixtures = set(getattr(item, "fixturenames", ()))
    return item.get_closest_marker("django_db") is not None or bool(DATABASE_FIXTURES & fixtures)


def pytest_collection_modifyitems(config, items):
    """Two markers fit the suite to the database it runs on (CI runs it on both, see .ci/run):

    * `postgres`: behaviour under real concurrency, skipped on SQLite (it serialises writers instead);
    * `sweep`: the long sweeps of every URL, role and payload (tests/security): they prove permissions and templates,
      which do not depend on the database, so they run on SQLite only and CI runs them once.

    On PostgreSQL, tests that use no database at all (parsers, scoring, payload rendering…) are left out too: they
    ran on SQLite and nothing in them changes with the database.
    """
    if connection.vendor == "postgresql":
        once = [item for item in items if "sweep" in item.keywords or not uses_database(item)]
        if once:
            config.hook.pytest_deselected(items=once)
            left_out = set(map(id, once))
            items[:] = [item for item in items if id(item) not in left_out]
        return
    reason = pytest.mark.skip(reason="needs PostgreSQL (DATABASE_URL=postgres://…); CI runs it")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(reason)


@pytest.fixture(autouse=True)
def _isolated_cache():
    """Rate limits and cached sessions live in the cache: every test starts with an empty one."""
    for alias in settings.CACHES:
        caches[alias].clear()
    yield
    for alias in settings.CACHES:
        caches[alias].clear()


# The demo's images, written by the first seed of a worker and read by every module given the demo (demo_site).
DEMO_MEDIA_ROOT = Path(settings.MEDIA_ROOT).parent / f"demo-media-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"


@pytest.fixture(autouse=True)
def _media_root(request, settings, tmp_path):
    settings.MEDIA_ROOT = DEMO_MEDIA_ROOT if "demo_site" in request.fixturenames else tmp_path / "media"


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    """The demo site (seed_demo), in place for the test module that asks for it and rolled back after its last test.

    The first module of a worker seeds it (half a minute); the next ones get the same rows back from a snapshot taken
    then (tests/fast_restore.py: a few seconds). Each test still runs in its own savepoint inside, so what a test
    changes is undone before the next. Give it only to modules whose every test may see the demo data: it stays in
    place until the module ends.
    """
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            fast_restore.demo_snapshot(seed=_seed_demo)
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def _seed_demo():
    # seed_demo refuses to run with DEBUG off (known passwords); the tests themselves run with DEBUG off.
    with override_settings(DEBUG=True, MEDIA_ROOT=DEMO_MEDIA_ROOT):
        call_command("seed_demo", stdout=io.StringIO())


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def home_page(db):
    home = default_site_home()
    return home


@pytest.fixture
def structure(db):
    return StructureFactory(name="Maison du Plateau")


@pytest.fixture
def other_structure(db):
    return StructureFactory(name="France Services du Val")


@pytest.fixture
def resident(db, structure):
    user = ResidentFactory(username="amina", display_name="Amina")
    StructureLinkFactory(resident=user, structure=structure)
    return user


@pytest.fixture
def resident_without_email(db):
    return ResidentFactory(username="chantal", display_name="Chantal", without_email=True)


@pytest.fixture
def trainer(db):
    return TrainerFactory(username="formatrice")


@pytest.fixture
def reviewer(db):
    return ReviewerFactory(username="relecteur")


@pytest.fixture
def agent(db, structure):
    return MembershipFactory(structure=structure, user__username="agent").user


@pytest.fixture
def manager(db, structure):
    return MembershipFactory(structure=structure, is_manager=True, user__username="responsable").user


@pytest.fixture
def superuser(db):
    return UserFactory(username="admin", professional=True, is_superuser=True, is_staff=True)


ROLES = ["anonymous", "resident", "trainer", "reviewer", "agent", "manager", "superuser"]


@pytest.fixture
def client_for(client, request):
    """client_for("agent") → a test client logged in as that role's fixture user (or anonymous)."""

    def make(role):
        if role != "anonymous":
            client.force_login(request.getfixturevalue(role))
        return client

    return make


@pytest.fixture
def catalogue(home_page):
    return ModuleIndexPageFactory(parent=home_page)


@pytest.fixture
def module(catalogue):
    return ModulePageFactory(parent=catalogue, title="Créer son compte ameli", slug="ameli")


@pytest.fixture
def tutorial(module):
    return TutorialPageFactory(parent=module, title="Préparer ses documents", slug="preparer")


@pytest.fixture
def second_tutorial(module, tutorial):
    return TutorialPageFactory(parent=module, title="Créer le compte", slug="creer")
