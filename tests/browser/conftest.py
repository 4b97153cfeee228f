"""Real-browser journeys: Playwright driving the system Chromium against pytest-django's live server."""

import os
import shutil

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.cached_db import SessionStore
from django.db import connections

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

CHROMIUM_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
MOBILE = {"width": 360, "height": 740}
NARROWEST = {"width": 320, "height": 640}


def chromium_path():
    return os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")


def pytest_collection_modifyitems(config, items):
    if chromium_path():
        return
    skip = pytest.mark.skip(reason="Chromium introuvable : installez le paquet Debian « chromium ».")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser(django_db_setup):
    # The journeys restore the database's initial contents after each one (serialized_rollback); the test database
    # setup keeps them on this context's connections. Playwright's sync API then runs the tests in a greenlet with
    # its own context, where Django opens other connections (to the same test database): they get the contents too.
    serialized = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    # Playwright runs an event loop in this thread; the ORM calls the tests make are still synchronous.
    # pytest-django runs the journeys (transactional) after the other tests of a run, so only they see this.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            for alias, contents in serialized.items():
                connections[alias]._test_serialized_contents = contents
            browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS, headless=True)
            yield browser
            browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="fr-FR", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


def _phone_page(browser, live_server, viewport):
    context = browser.new_context(
        base_url=live_server.url, locale="fr-FR", viewport=viewport, is_mobile=True, has_touch=True
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def mobile_page(browser, live_server):
    yield from _phone_page(browser, live_server, MOBILE)


@pytest.fixture
def narrow_page(browser, live_server):
    """The narrowest phone we support (320 px), touch and mobile like `mobile_page`."""
    yield from _phone_page(browser, live_server, NARROWEST)


AXE = Axe()
BLOCKING_IMPACTS = {"serious", "critical"}


def assert_accessible(page):
    """axe-core in the page: no serious or critical violation. The message lists each rule and its targets."""
    results = AXE.run(page)
    blocking = [v for v in results.response["violations"] if v.get("impact") in BLOCKING_IMPACTS]
    details = "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']} → {[node['target'] for node in v['nodes']][:5]}" for v in blocking
    )
    assert not blocking, f"{page.url}\n{details}"


def assert_no_horizontal_scroll(page):
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{page.url} défile horizontalement de {overflow} px"


@pytest.fixture
def log_in(live_server):
    """log_in(page, user): open a session for `user` in that browser context without the login form."""

    def _log_in(page, user):
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.save()
        page.context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": session.session_key, "url": live_server.url}]
        )

    return _log_in
