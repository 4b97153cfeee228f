"""Stylesheets and scripts each page loads: base and components everywhere, the agent space's styles only there,
each script only where it is used, nothing from another site, and the production storage hashing every file."""

import re
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.test import override_settings
from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from tests.assessments.factories import QuizPageFactory

BASE = Path(settings.BASE_DIR)
STATIC = BASE / "static"
TEMPLATES = BASE / "templates"
RESIDENT_CSS = ["css/base.css", "css/components.css", "css/print.css"]
AGENT_CSS = ["css/base.css", "css/components.css", "css/agent.css", "css/print.css"]
# The agent space's templates: those extending followup/base.html, and the bar chart only its statistics include.
AGENT_TEMPLATES = re.compile(r"^(followup/(?!my_path|join_structure)|privacy/erase_resident|components/bar_chart)")


def assets(response):
    """The page's stylesheets and scripts, as paths under STATIC_URL (anything else fails: no CDN, no other site)."""
    assert response.status_code == 200, response.status_code
    soup = BeautifulSoup(response.content, "html.parser")
    urls = {
        "css": [link["href"] for link in soup.find_all("link", rel="stylesheet")],
        "js": [script["src"] for script in soup.find_all("script", src=True)],
    }
    for url in urls["css"] + urls["js"]:
        assert url.startswith(settings.STATIC_URL), f"{url} ne vient pas de nos fichiers statiques"
    return {kind: [url.removeprefix(settings.STATIC_URL) for url in found] for kind, found in urls.items()}


def own_scripts(response):
    """Our scripts (a module included several times is fetched and run once)."""
    return {path for path in assets(response)["js"] if not path.startswith("wagtail")}


@pytest.fixture
def pages(home_page, module, tutorial):
    quiz = QuizPageFactory(parent=module, title="Vérifier ses acquis", slug="quiz")
    return {"home": home_page.url, "module": module.url, "tutorial": tutorial.url, "quiz": quiz.url}


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["home", "module", "tutorial", "quiz"])
def test_resident_pages_load_base_and_components_but_not_the_agent_styles(client, pages, name):
    assert assets(client.get(pages[name]))["css"] == RESIDENT_CSS


@pytest.mark.django_db
def test_signed_in_resident_pages_do_not_load_the_agent_styles(client, resident, pages):
    client.force_login(resident)
    for url in (reverse("my_path"), reverse("my_account"), reverse("my_data"), pages["tutorial"]):
        assert assets(client.get(url))["css"] == RESIDENT_CSS, url


@pytest.mark.django_db
def test_agent_pages_load_the_agent_styles_after_the_components(client, agent, resident, home_page):
    client.force_login(agent)
    urls = [
        reverse("agent:home"),
        reverse("agent:residents"),
        reverse("agent:resident_detail", args=[resident.pk]),
        reverse("agent:statistics"),
        reverse("agent:workshops"),
        reverse("agent_erase_resident", args=[resident.pk]),
    ]
    for url in urls:
        assert assets(client.get(url))["css"] == AGENT_CSS, url


@pytest.mark.django_db
def test_error_pages_made_without_context_load_base_and_components():
    for template in ("500.html", "503.html"):
        soup = BeautifulSoup(render_to_string(template), "html.parser")
        assert [link["href"] for link in soup.find_all("link", rel="stylesheet")] == [
            static("css/base.css"),
            static("css/components.css"),
        ]


@pytest.mark.django_db
def test_each_page_loads_only_the_scripts_it_uses(client, pages):
    # Every page: the skip links. « Écouter » where a button is, the glossary and the stepper on a tutorial.
    assert own_scripts(client.get(pages["home"])) == {"js/skiplinks.js"}
    assert own_scripts(client.get(pages["tutorial"])) == {
        "js/skiplinks.js",
        "js/listen.js",
        "js/glossary.js",
        "js/tutorial.js",
    }
    assert own_scripts(client.get(pages["quiz"])) == {"js/skiplinks.js", "js/listen.js", "js/quiz.js"}


@pytest.mark.django_db
def test_shared_scripts_are_modules_so_a_page_runs_each_once(client, pages):
    soup = BeautifulSoup(client.get(pages["quiz"]).content, "html.parser")
    listen = soup.find_all("script", src=static("js/listen.js"))
    assert len(listen) > 1, "the quiz has one « Écouter » per question"
    assert {script.get("type") for script in listen} == {"module"}
    assert soup.find("script", src=static("js/skiplinks.js"))["type"] == "module"


def template_classes():
    """Each class written literally in a template's class attribute, with the templates that write it."""
    found = {}
    for path in TEMPLATES.glob("**/*.html"):
        name = str(path.relative_to(TEMPLATES))
        text = path.read_text()
        attributes = re.findall(r'class="([^"]*)"', text) + re.findall(r"{% block body_class %}(.*?){% endblock", text)
        for attribute in attributes:
            for token in re.sub(r"\{[{%].*?[%}]\}", " ", attribute).split():
                found.setdefault(token, set()).add(name)
    return found


def css_selectors(path):
    """Each selector of the stylesheet at `path` (at-rules' own preludes left out), with the classes it names."""
    text = re.sub(r"/\*.*?\*/", "", path.read_text(), flags=re.S)
    preludes = re.findall(r"([^{}]+)\{[^{}]*\}", text)
    for prelude in preludes:
        for selector in prelude.split(","):
            if not selector.strip().startswith("@"):
                yield selector.strip(), set(re.findall(r"(?<![\w-])\.([a-zA-Z_][\w-]*)", selector))


def test_agent_styles_only_style_the_agent_space():
    # A rule of agent.css names at least one class that only the agent space's templates use (it may then reach
    # into the layout, like « .sign-in-page .skiplinks »): what resident pages use belongs in components.css.
    used = template_classes()

    def agent_only(name):
        return name in used and all(AGENT_TEMPLATES.match(template) for template in used[name])

    def dynamic(name):  # status--{{ … }}, matrix__cell--{{ … }}: written by the agent space's templates
        return any(name.startswith(prefix) for prefix in ("status--", "matrix__cell--"))

    strays = [
        selector
        for selector, names in css_selectors(STATIC / "css" / "agent.css")
        if not any(agent_only(name) or dynamic(name) for name in names)
    ]
    assert not strays


def test_no_page_links_the_old_single_files():
    for path in TEMPLATES.glob("**/*.html"):
        text = path.read_text()
        assert "css/main.css" not in text and "js/main.js" not in text, path
    assert not (STATIC / "css" / "main.css").exists()
    assert not (STATIC / "js" / "main.js").exists()


def test_modules_import_nothing_so_the_manifest_needs_no_rewriting():
    # ManifestStaticFilesStorage rewrites url() in CSS but not JavaScript imports unless a subclass opts in
    # (support_js_module_import_aggregation): each module is its own entry point, linked with {% static %}.
    for name in ("skiplinks.js", "listen.js", "glossary.js"):
        source = (STATIC / "js" / name).read_text()
        assert not re.search(r"^\s*(import|export)\b", source, flags=re.M), name


def test_the_production_storage_hashes_every_stylesheet_and_module(tmp_path):
    # The production backend (config/settings/base.py; the test settings swap it for the plain storage).
    production = "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert f'"staticfiles": {{"BACKEND": "{production}"}}' in (BASE / "config" / "settings" / "base.py").read_text()
    storage = {**settings.STORAGES, "staticfiles": {"BACKEND": production}}
    finders = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    with override_settings(STATIC_ROOT=tmp_path, STORAGES=storage, STATICFILES_FINDERS=finders):
        call_command("collectstatic", interactive=False, verbosity=0)
        for name in ("css/base.css", "css/components.css", "css/agent.css", "js/listen.js", "js/skiplinks.js"):
            hashed = static(name)
            stem, suffix = name.rsplit(".", 1)
            assert re.fullmatch(rf"{settings.STATIC_URL}{stem}\.[0-9a-f]{{12}}\.{suffix}", hashed), hashed
            assert (tmp_path / hashed.removeprefix(settings.STATIC_URL)).is_file()
