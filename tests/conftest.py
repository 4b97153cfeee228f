from django.conf import settings
from django.core.cache import caches

from wagtail.models import Page, Site

import pytest

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
from tests.cms.factories import HomePageFactory


def pytest_collection_modifyitems(config, items):
    """Tests marked `postgres` prove behaviour under real concurrency; SQLite serialises writers instead."""
    from django.db import connection

    if connection.vendor == "postgresql":
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


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def home_page(db):
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Pas à pas"},
    )
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
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
    from tests.learning.factories import ModuleIndexPageFactory

    return ModuleIndexPageFactory(parent=home_page)


@pytest.fixture
def module(catalogue):
    from tests.learning.factories import ModulePageFactory

    return ModulePageFactory(parent=catalogue, title="Créer son compte ameli", slug="ameli")


@pytest.fixture
def tutorial(module):
    from tests.learning.factories import TutorialPageFactory

    return TutorialPageFactory(parent=module, title="Préparer ses documents", slug="preparer")


@pytest.fixture
def second_tutorial(module, tutorial):
    from tests.learning.factories import TutorialPageFactory

    return TutorialPageFactory(parent=module, title="Créer le compte", slug="creer")
