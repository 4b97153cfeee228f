"""The split stylesheets in a real browser: the agent space's styles apply there and are absent elsewhere, every
stylesheet and script a page asks for is served from our own static files, and the modules run."""

from django.conf import settings
from django.urls import reverse

import pytest

from followup.services.assignments import assign_module

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def watch(page, origin):
    """Failed requests, requests to another site and script errors of `page`, in a list filled as it runs."""
    problems = []
    page.on(
        "response", lambda response: response.status >= 400 and problems.append(f"{response.status} {response.url}")
    )
    page.on(
        "request",
        lambda request: request.url.startswith((origin, "data:")) or problems.append(f"autre site : {request.url}"),
    )
    page.on("pageerror", lambda error: problems.append(f"erreur : {error}"))
    return problems


def stylesheets(page):
    return page.evaluate("[...document.styleSheets].filter(s => s.href).map(s => new URL(s.href).pathname)")


def style(page, selector, prop):
    return page.locator(selector).first.evaluate(f"(el) => getComputedStyle(el).getPropertyValue('{prop}')")


def test_agent_pages_have_their_styles_and_resident_pages_do_not(
    browser, live_server, page, log_in, agent, structure, resident, module, tutorial
):
    assign_module(module=module, residents=[resident], by=agent, structure=structure)
    problems = watch(page, live_server.url)
    log_in(page, agent)
    page.goto(reverse("agent:residents"))
    static = settings.STATIC_URL
    assert stylesheets(page) == [
        f"{static}css/base.css",
        f"{static}css/components.css",
        f"{static}css/agent.css",
        f"{static}css/print.css",
    ]
    # agent.css: the sub-menu's current page is underlined by a 4 px band, the table scrolls inside its wrapper.
    current = '.subnav a[aria-current="page"]'
    assert style(page, current, "border-bottom-width") == "4px"
    assert style(page, current, "border-bottom-style") == "solid"
    assert style(page, ".table-wrapper", "overflow-x") == "auto"
    # components.css: the shared table and status badges.
    assert style(page, ".table thead th", "border-bottom-width") == "2px"

    page.goto(reverse("agent:resident_detail", args=[resident.pk]))
    assert style(page, ".resident-detail", "overflow-wrap") == "anywhere"
    page.goto(reverse("agent:statistics"))
    assert style(page, ".stats-figures", "display") == "grid"
    assert style(page, ".chart", "display") == "grid"
    assert not problems

    resident_context = browser.new_context(base_url=live_server.url, locale="fr-FR")
    resident_page = resident_context.new_page()
    resident_problems = watch(resident_page, live_server.url)
    log_in(resident_page, resident)
    for url in (reverse("my_path"), tutorial.url):
        resident_page.goto(url)
        assert stylesheets(resident_page) == [
            f"{static}css/base.css",
            f"{static}css/components.css",
            f"{static}css/print.css",
        ], url
        # The layout and components still apply.
        assert style(resident_page, ".header", "border-bottom-width") == "4px"
        assert style(resident_page, ".footer", "border-top-width") == "4px"
    # The tutorial's modules ran: « Écouter » is shown (speech synthesis exists in Chromium), steps one by one only
    # on a phone, so here every step shows.
    assert resident_page.locator(".listen").first.is_visible()
    assert style(resident_page, ".step", "border-top-width") == "2px"
    assert not resident_problems
    resident_context.close()
