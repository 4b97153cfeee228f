"""Cross-site scripting: the corpus (xss_payloads.py) goes through every field trainers edit and every form residents
and agents fill in, and every page that shows the data must come out inert (checked by tests/security/xss.py).

Cheapest first:

1. the checker itself: it must see live markup, and accept the same text escaped;
2. the pure functions on the way, over every payload: rich text as the editor saves it, GIFT stems, glossary links,
   the addresses of entry points, places and snippets;
3. the search box, which echoes what anyone types: every payload, one page each;
4. every payload stored at once in content and in follow-up data (factories), each page rendered once;
5. the real forms with a representative set: the Wagtail admin for each page type (add view), snippets, settings,
   images and the GIFT import; the resident and agent forms; then the public page, print view, catalogue, search,
   « Mon parcours », agent pages, CSV exports, « Mes données », the admin listing, edit form and preview.
"""

import csv
import datetime
import html
import io
import json
import re
import uuid
import zipfile

from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import json_script
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify

from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images import get_image_model
from wagtail.models import Site
from wagtail.rich_text import expand_db_html

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from PIL import Image as PILImage

from accounts import cards
from accounts.models import User
from assessments import gift, gift_import
from assessments.models import Competence, DiagnosticPage, DiagnosticResult, Domain, QuizPage
from cms import places as place_standard
from cms.blocks import LIMITED_RICH_TEXT_FEATURES, SITE_PATH_MESSAGE, EntryPointBlock
from cms.glossary import Entry, Linker, Matcher
from cms.models import GlossaryTerm, HomePage, Operator, Place, Procedure
from cms.rich_text import clean_rich_text
from followup.models import Assignment, AutonomyRecord, ResidentNote, Workshop, WorkshopSession
from learning.models import ModuleIndexPage, ModuleProgress
from tests.accounts.factories import MembershipFactory, ResidentFactory, StructureLinkFactory
from tests.assessments.factories import QuizPageFactory, base, competence_question, equipment
from tests.learning.factories import ModulePageFactory, OperatorFactory, TutorialPageFactory, step
from tests.security import xss_payloads as corpus
from tests.security.admin_forms import draft, page_form_data
from tests.security.xss import WAGTAIL_ADMIN, assert_inert, find_executable, is_dangerous_url

LIVE_WHEN_RAW = [
    payload
    for payload in [
        *corpus.SCRIPT_TAGS,
        *corpus.EVENT_HANDLERS,
        *corpus.URL_ATTRIBUTES,
        *corpus.SVG_AND_MATH,
        *corpus.STYLES,
    ]
    if payload
    not in {
        # Inert in a browser too: a tag name swallowing another, a comment, a bogus comment.
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "<!--<script>alert(1)</script>-->",
        "<![CDATA[<script>alert(1)</script>]]>",
    }
]
DANGEROUS_URLS = [url for url in corpus.URL_PAYLOADS if is_dangerous_url(url) or is_dangerous_url(escape(url))]


def ids(payloads):
    return [f"{index:03d}" for index in range(len(payloads))]


class Payloads:
    """Hands out the representative payloads in turn, each cut to the field's maximum length."""

    def __init__(self, payloads=corpus.REPRESENTATIVE):
        self.payloads = list(payloads)
        self.index = 0

    def __call__(self, max_length=None):
        payload = self.payloads[self.index % len(self.payloads)]
        self.index += 1
        return payload[:max_length] if max_length else payload


def inert(client, url, *, status=200, data=None, where=None):
    """GET `url`, check the status and that the page is inert; the response for more checks."""
    response = client.get(url, data or {})
    assert response.status_code == status, f"{url}: {response.status_code}"
    assert_inert(response, where=where or url)
    return response


def inert_post(client, url, data, *, where=None):
    """POST, then check the page that answers: the form again with its errors, or the page it redirects to."""
    response = client.post(url, data, follow=True)
    assert response.status_code in (200, 400), f"{url}: {response.status_code}"
    assert_inert(response, where=where or url)
    return response


def form_errors(response):
    soup = BeautifulSoup(response.content, "html.parser")
    nodes = soup.select(".error-message, .help-critical, .field__errors, .form-errors, .message--error")
    return " ".join(" ".join(node.get_text(" ").split()) for node in nodes)


def assert_download(response, content_type):
    """An export is a download that no browser would render as a page."""
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"


def assert_cells_neutralised(text):
    """No cell of a CSV export starts with what makes a spreadsheet run a formula."""
    delimiter = ";" if text.splitlines()[0].count(";") else ","
    for row in csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=delimiter):
        for cell in row:
            assert not cell.startswith(("=", "+", "@", "\t", "\r")), cell
            assert not (cell.startswith("-") and not re.fullmatch(r"-?[\d.,]+", cell)), cell


pytestmark = pytest.mark.sweep


# 1. The checker ---------------------------------------------------------------------------------------------------


def test_the_corpus_is_large_and_varied():
    assert len(corpus.PAYLOADS) >= 100
    assert len(set(corpus.PAYLOADS)) == len(corpus.PAYLOADS)
    assert all(len(payload) <= 80 for payload in corpus.REPRESENTATIVE)  # fits every text field


@pytest.mark.parametrize("payload", LIVE_WHEN_RAW, ids=ids(LIVE_WHEN_RAW))
def test_the_checker_sees_live_markup(payload):
    assert find_executable(f"<div>{payload}</div>")


@pytest.mark.parametrize("payload", corpus.BREAKOUTS[:7], ids=ids(corpus.BREAKOUTS[:7]))
def test_the_checker_sees_attribute_breakouts(payload):
    quote = "'" if payload.startswith("'") else '"'
    quote = "`" if payload.startswith("`") else quote
    tag = f"<input value={quote}{payload}{quote}>" if quote != "`" else f"<input value={payload}>"
    assert find_executable(tag)


@pytest.mark.parametrize("url", DANGEROUS_URLS, ids=ids(DANGEROUS_URLS))
def test_the_checker_sees_dangerous_links(url):
    assert find_executable(f'<a href="{url.replace(chr(34), "&quot;")}">lien</a>')
    assert find_executable(f'<img src="{url.replace(chr(34), "&quot;")}">')


@pytest.mark.parametrize("payload", corpus.PAYLOADS, ids=ids(corpus.PAYLOADS))
def test_the_same_payloads_escaped_are_inert_in_every_context(payload):
    escaped = escape(payload)
    html = (
        f'<title>{escaped}</title><p>{escaped}</p><input value=\'{escaped}\'><a title="{escaped}" href="/x">a</a>'
        f"<textarea>{escaped}</textarea>{json_script({'texte': payload}, 'donnees')}"
    )
    assert find_executable(html) == []


def test_the_checker_knows_our_scripts_from_others():
    assert find_executable('<script src="/static/js/main.js" defer></script>') == []
    assert find_executable('<script src="//testserver/static/wagtailadmin/js/userbar.js"></script>') == []
    assert find_executable('<script src="//evil.example/static/x.js"></script>')
    assert find_executable('<script nonce="abc">alert(1)</script>', nonce="abc") == []
    assert find_executable('<script nonce="abc">alert(1)</script>', nonce="autre")
    assert find_executable('<script type="application/json">{"a": 1}</script>') == []
    assert find_executable('<img src="data:image/png;base64,iVBORw0KGgo=">') == []
    assert find_executable('<a href="data:image/png;base64,iVBORw0KGgo=">a</a>')


# 2. Pure functions, over every payload ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def editor():
    return ContentstateConverter(features=LIMITED_RICH_TEXT_FEATURES)


@pytest.mark.parametrize("payload", corpus.PAYLOADS, ids=ids(corpus.PAYLOADS))
def test_rich_text_saved_by_the_editor_is_inert(editor, payload):
    """What the Draftail editor posts (text, and a link to any address) is stored and shown without code."""
    as_text = editor.to_database_format(draft(payload).contentstate())
    as_link = editor.to_database_format(draft(payload, url=payload).contentstate())
    pasted = editor.to_database_format(editor.from_database_format(clean_rich_text(payload)))
    for stored in (as_text, as_link, pasted):
        assert find_executable(f"<div>{expand_db_html(stored)}</div>") == []


@pytest.mark.parametrize("payload", corpus.PAYLOADS, ids=ids(corpus.PAYLOADS))
def test_gift_html_stems_lose_their_code_on_import(payload):
    """A GIFT [html] stem was stored as written, then rendered as rich text: now it is cleaned like editor input."""
    text = gift.dumps(
        [
            {
                "kind": "single",
                "stem": f"<p>{payload}</p>",
                "options": [{"text": payload, "weight": 1}, {"text": "Non", "weight": 0}],
            }
        ]
    )
    (question,) = gift.parse(text).questions
    data = gift_import.block_data(question)["value"]
    assert find_executable(expand_db_html(data["stem"])) == []


@pytest.mark.parametrize("payload", corpus.PAYLOADS, ids=ids(corpus.PAYLOADS))
def test_glossary_links_are_inert(payload):
    """A term (or variant) made of markup is matched in escaped text, linked, and its definition sent as JSON."""
    entry = Entry(slug=slugify(payload) or "terme", term=payload, definition=payload, example=payload)
    linker = Linker(Matcher([(entry, [payload, "carte"])]))
    linked = linker.link(f"<p>Votre {escape(payload)} et votre carte. <a href='/x'>{escape(payload)}</a></p>")
    linked += json_script(linker.definitions_data(), "glossary-data")
    assert find_executable(linked) == []
    assert json.loads(BeautifulSoup(linked, "html.parser").find(id="glossary-data").string)


@pytest.mark.parametrize(
    "url", [*corpus.URL_PAYLOADS, *corpus.NUL_PAYLOADS], ids=ids(corpus.URL_PAYLOADS) + ["n0", "n1", "n2"]
)
def test_entry_points_only_link_to_pages_of_the_site(url):
    block = EntryPointBlock()
    value = block.to_python({"title": "Aide", "text": "Par ici.", "icon": "help", "page": None, "url": url})
    link = value.link()
    assert link == "" or (link.startswith("/") and not link.startswith(("//", "/\\")))
    assert not is_dangerous_url(link)
    if not link:
        with pytest.raises(StructBlockValidationError) as refused:
            block.clean(value)
        if "\x00" not in url:  # CharBlock refuses NUL first, with Django's message
            assert refused.value.block_errors["url"].messages == [SITE_PATH_MESSAGE]


@pytest.mark.parametrize(
    "url", [*corpus.URL_PAYLOADS, *corpus.NUL_PAYLOADS], ids=ids(corpus.URL_PAYLOADS) + ["n0", "n1", "n2"]
)
def test_web_address_fields_keep_only_web_addresses(url):
    """Operators, procedures and places: an address is refused, or kept as an http(s) address."""
    for model, field in [(Operator, "website"), (Procedure, "official_url")]:
        form_field = model._meta.get_field(field).formfield()
        try:
            cleaned = form_field.clean(url)
        except Exception:
            continue
        assert cleaned.startswith(("http://", "https://", "ftp://", "ftps://")), cleaned
    place = {
        "source_id": "lieu-1",
        "pivot": "99900000100014",
        "name": "Médiathèque",
        "city": "Rouen",
        "postcode": "76000",
        "address": "1 rue du Test",
        "updated_on": datetime.date(2026, 9, 1),
    }
    urls = {"websites": [url], "booking_url": url, "accessibility_sheet_url": url}
    data, errors = place_standard.clean_row(place_standard.row_from_values({**place, **urls}))
    if errors:
        assert {error.column for error in errors} <= {"site_web", "prise_rdv", "fiche_acces_libre"}
    else:
        for value in [*data["websites"], data["booking_url"], data["accessibility_sheet_url"]]:
            assert value.startswith(("http://", "https://")), value


# 3. The search box: every payload ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_every_payload_typed_in_the_search_box_comes_back_inert(client, home_page, tutorial, settings):
    GlossaryTerm.objects.create(term="alerte", definition="Un message qui prévient.")
    for payload in [*corpus.PAYLOADS, *corpus.NUL_PAYLOADS]:
        inert(client, "/recherche/", data={"q": payload}, where=f"/recherche/?q={payload!r}")


@pytest.mark.django_db
def test_search_takes_quotes_and_control_characters(client, home_page, tutorial):
    """A double quote made SQLite's full-text query fail (« service indisponible », 503); NUL made PostgreSQL fail
    (500). Both now search for the words around them."""
    for query in ['"carte vitale"', 'Créer le "compte', "carte\x00vitale", "\x00", "a\x01b"]:
        response = inert(client, "/recherche/", data={"q": query})
        assert '"' not in response.context["query"] and "\x00" not in response.context["query"]
    assert "Préparer ses documents" in client.get("/recherche/", {"q": '"préparer"'}).content.decode()


@pytest.mark.django_db
def test_the_catalogue_ignores_an_operator_that_is_not_a_slug(client, catalogue, module):
    """`?organisme=` went straight into the query: a NUL byte was a server error on PostgreSQL."""
    response = inert(client, catalogue.url, data={"organisme": "ameli\x00"})
    assert response.context["modules"].paginator.count == 0
    assert inert(client, catalogue.url, data={"organisme": ""}).context["modules"].paginator.count == 1


@pytest.mark.django_db
def test_filters_echo_representative_payloads_inertly(client, agent, catalogue, module):
    for payload in [*corpus.REPRESENTATIVE, *corpus.NUL_PAYLOADS]:
        inert(client, "/trouver-un-lieu/", data={"commune": payload, "service": payload, "page": payload})
        inert(client, catalogue.url, data={"organisme": payload, "niveau": payload, "appareil": payload})
    client.force_login(agent)
    for payload in [*corpus.REPRESENTATIVE, *corpus.NUL_PAYLOADS]:
        inert(client, "/espace-agent/personnes/", data={"q": payload, "statut": payload, "tri": payload})
        inert(client, "/espace-agent/statistiques/", data={"structure": payload}, status=404)


# 4. Every payload stored at once -----------------------------------------------------------------------------------


def unique(payload, index, max_length):
    """A payload made unique (for unique fields), within the field's length."""
    suffix = f" {index}"
    return payload[: max_length - len(suffix)] + suffix


@pytest.mark.django_db
def test_every_payload_in_content_renders_inert(client, home_page, catalogue, resident):
    """Glossary terms, module and tutorial texts, step titles, checks, callouts and checklists: one page each."""
    terms = [
        GlossaryTerm.objects.create(
            term=unique(payload, index, 80), variants=payload, definition=payload[:300], example=payload[:250]
        )
        for index, payload in enumerate(corpus.PAYLOADS)
    ]
    operator = OperatorFactory(name=corpus.PAYLOADS[0], slug="organisme-xss")
    module = ModulePageFactory(
        parent=catalogue,
        title=corpus.POLYGLOTS[1],
        slug="module-xss",
        summary=corpus.POLYGLOTS[2],
        objectives="\n".join(corpus.PAYLOADS),
        equipment_needed="\n".join(corpus.PAYLOADS),
    )
    module.operators.add(operator)
    module.save_revision().publish()
    steps = []
    for index, payload in enumerate(corpus.PAYLOADS):
        instruction = clean_rich_text(f"<p>{escape(terms[index].term)} : {escape(payload)}</p>")
        callout = {"kind": "scam", "title": payload[:120], "text": instruction}
        options = [{"text": payload[:150], "correct": True}, {"text": "Non", "correct": False}]
        value = step(payload[:120], text=instruction, callouts=[callout], check_question=payload[:200])
        value.update(check_options=options, check_explanation=payload[:300], image_alt=payload[:250])
        steps.append({"type": "step", "value": value, "id": str(uuid.uuid4())})
    tutorial = TutorialPageFactory(
        parent=module,
        title=corpus.POLYGLOTS[0][:255],
        slug="tutoriel-xss",
        intro=corpus.BREAKOUTS[0],
        checklist=[{"type": "item", "value": {"kind": "document", "text": p[:200]}} for p in corpus.PAYLOADS],
        steps=steps,
    )
    tutorial.search_description = corpus.BREAKOUTS[2]
    tutorial.seo_title = corpus.BREAKOUTS[8]
    tutorial.save_revision().publish()
    tutorial.refresh_from_db()

    inert(client, "/glossaire/")
    page = inert(client, tutorial.url)
    data = json.loads(BeautifulSoup(page.content, "html.parser").find(id="glossary-data").string)
    assert len(data) == len(corpus.PAYLOADS)  # every term was linked in its step
    inert(client, tutorial.url + "imprimer/")
    inert(client, module.url)
    inert(client, catalogue.url)
    inert(client, catalogue.url, data={"organisme": "organisme-xss"})
    inert(client, "/recherche/", data={"q": "alert"})
    client.force_login(resident)
    client.post(tutorial.url + f"etapes/{steps[0]['id']}/fait/")
    inert(client, "/mon-parcours/")


@pytest.fixture
def follow_up(structure, agent, module, tutorial):
    """One resident per payload in the agent's structure, in one workshop whose sessions and notes carry payloads."""
    agent.display_name = corpus.REPRESENTATIVE[0]
    agent.save()
    workshop = Workshop.objects.create(structure=structure, title=corpus.PAYLOADS[-1][:150], facilitator=agent)
    workshop.modules.add(module)
    residents = []
    for index, payload in enumerate(corpus.PAYLOADS):
        person = ResidentFactory(display_name=payload[:150], username=f"personne-xss-{index}", phone=payload[:30])
        StructureLinkFactory(resident=person, structure=structure)
        residents.append(person)
    workshop.members.add(*residents)
    today = timezone.localdate()
    for index, payload in enumerate(corpus.REPRESENTATIVE):
        Assignment.objects.create(
            module=module,
            resident=residents[index],
            structure=structure,
            workshop=workshop,
            note=payload,
            due_date=today,
        )
        ModuleProgress.objects.create(user=residents[index], module=module, percent=50, status="in_progress")
        WorkshopSession.objects.create(
            workshop=workshop, date=today, start_time=datetime.time(9, index), place=payload, topic=payload
        )
    for payload in corpus.PAYLOADS:
        ResidentNote.objects.create(resident=residents[0], structure=structure, author=agent, text=payload)
    return {"workshop": workshop, "residents": residents}


@pytest.mark.django_db
def test_every_payload_in_follow_up_data_renders_inert_for_agents(client, agent, follow_up):
    workshop, residents = follow_up["workshop"], follow_up["residents"]
    session = workshop.sessions.first()
    client.force_login(agent)
    inert(client, "/espace-agent/")
    inert(client, "/espace-agent/personnes/")
    inert(client, f"/espace-agent/personnes/{residents[0].pk}/")
    inert(client, "/espace-agent/ateliers/")
    inert(client, f"/espace-agent/ateliers/{workshop.pk}/")
    inert(client, f"/espace-agent/ateliers/{workshop.pk}/tableau/")
    inert(client, f"/espace-agent/ateliers/{workshop.pk}/seances/{session.pk}/")
    inert(client, f"/espace-agent/ateliers/{workshop.pk}/seances/{session.pk}/emargement/")
    inert(client, f"/espace-agent/ateliers/{workshop.pk}/modifier/")
    progress = client.get("/espace-agent/personnes/progression.csv")
    assert_download(progress, "text/csv")
    assert_cells_neutralised(progress.content.decode("utf-8"))
    client.force_login(residents[0])
    inert(client, "/mon-parcours/")


# 5. The real forms -------------------------------------------------------------------------------------------------


@pytest.fixture
def media(db):
    payload = Payloads()
    image = wagtail_factories.ImageFactory(title=payload(255), description=payload(255))
    video = wagtail_factories.DocumentFactory(title=payload(255))
    captions = wagtail_factories.DocumentFactory(title=payload(255))
    return {"image": image.pk, "video": video.pk, "captions": captions.pk}


@pytest.fixture
def themes(db):
    payload = Payloads()
    operator = OperatorFactory(name=payload(120), slug="organisme-theme", description=payload(250))
    procedure = Procedure.objects.create(operator=operator, title=payload(150), slug="demarche-theme")
    domain = Domain.objects.create(code="9", title=payload(150))
    competence = Competence.objects.create(domain=domain, code="9.1", title=payload(200), description=payload())
    return {"operator": operator, "procedure": procedure, "competence": competence}


def callout(payload):
    return {"kind": "scam", "title": payload(120), "text": draft(payload(), url=payload())}


def question(kind, payload, competence, **fields):
    value = base("", competence=competence, explanation=payload(400), image_alt=payload(250), **fields)
    value["stem"] = draft(payload(), url="javascript:alert(1)")
    return {"type": kind, "value": value}


def choice(payload, correct):
    return {"text": payload(150), "correct": correct, "feedback": payload(300), "weight": None}


def home_fields(payload, env):
    entry = {"title": payload(80), "text": payload(200), "icon": "learn", "page": None}
    entry["url"] = "/recherche/" + corpus.BREAKOUTS[0].replace(" ", "")
    return {"entry_points": [{"type": "entry_point", "value": entry}]}


def standard_fields(payload, env):
    image = {"image": env["image"], "alt_text": payload(250), "decorative": False, "caption": payload(250)}
    video = {"video": env["video"], "captions": env["captions"], "title": payload(120), "transcript": draft(payload())}
    return {
        "intro": payload(300),
        "body": [
            {"type": "heading", "value": {"text": payload(120), "level": "h2"}},
            {"type": "paragraph", "value": draft(payload(), url=corpus.URLS[8])},
            {"type": "image", "value": image},
            {"type": "callout", "value": callout(payload)},
            {"type": "video", "value": video},
        ],
    }


def catalogue_fields(payload, env):
    return {"intro": draft(payload(), url=corpus.URLS[3])}


def module_fields(payload, env):
    return {
        "summary": payload(300),
        "objectives": "\n".join(payload() for _ in range(3)),
        "level": "debutant",
        "duration_minutes": 30,
        "exclusion_type": "competence",
        "device": "any",
        "equipment_needed": payload(),
        "operators": [env["operator"].pk],
        "procedures": [env["procedure"].pk],
        "competences": [env["competence"].pk],
    }


def tutorial_fields(payload, env):
    options = [{"text": payload(150), "correct": True}, {"text": payload(150), "correct": False}]
    value = {
        "title": payload(120),
        "instruction": draft(payload(), url=corpus.URLS[1]),
        "image": env["image"],
        "image_alt": payload(250),
        "image_decorative": False,
        "callouts": [callout(payload)],
        "check_question": payload(200),
        "check_options": options,
        "check_explanation": payload(300),
    }
    video = {"video": env["video"], "captions": None, "title": payload(120), "transcript": draft(payload())}
    return {
        "intro": payload(300),
        "duration_minutes": 10,
        "checklist": [{"type": "item", "value": {"kind": "account", "text": payload(200)}}],
        "media": [{"type": "video", "value": video}],
        "steps": [{"type": "step", "value": value}],
    }


def quiz_fields(payload, env):
    competence = env["competence"].pk
    pairs = [{"left": payload(150), "right": f"{payload(140)} {n}"} for n in range(2)]
    answers = [{"text": payload(120), "feedback": payload(300)}]
    return {
        "intro": draft(payload(), url=corpus.URLS[19]),
        "questions": [
            question("single", payload, competence, options=[choice(payload, True), choice(payload, False)]),
            question("multiple", payload, competence, options=[choice(payload, True), choice(payload, False)]),
            question(
                "true_false", payload, competence, answer="true", feedback_true=payload(), feedback_false=payload()
            ),
            question("short_answer", payload, competence, answers=answers),
            question("matching", payload, competence, pairs=pairs),
            question("ordering", payload, competence, items=[payload(150) for _ in range(3)]),
        ],
        "pass_mark": 70,
        "mastery_rule": "none",
        "mastery_count": "",
        "shuffle_options": "on",
        "max_attempts": 0,
        "show_answers": "on",
    }


def diagnostic_fields(payload, env):
    options = [{"text": payload(150), "gap": "no_email"}, {"text": payload(150), "gap": ""}]
    item = {"question": payload(200), "help_text": payload(250), "icon": "help", "several": False, "options": options}
    competence = env["competence"].pk
    return {
        "intro": draft(payload(), url=corpus.URLS[20]),
        "equipment_questions": [{"type": "equipment", "value": item}],
        "competence_questions": [
            question("true_false", payload, competence, answer="true", feedback_true="", feedback_false="")
        ],
        "min_questions": 1,
        "max_questions": 2,
    }


PAGE_TYPES = {
    "home": ("cms.HomePage", None, home_fields),
    "standard": ("cms.StandardPage", "home", standard_fields),
    "privacy": ("cms.PrivacyPage", "home", standard_fields),
    "catalogue": ("learning.ModuleIndexPage", "home", catalogue_fields),
    "module": ("learning.ModulePage", "catalogue", module_fields),
    "tutorial": ("learning.TutorialPage", "module", tutorial_fields),
    "quiz": ("assessments.QuizPage", "module", quiz_fields),
    "diagnostic": ("assessments.DiagnosticPage", "home", diagnostic_fields),
}


@pytest.mark.django_db
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_pages_written_in_the_admin_render_inert(client, trainer, home_page, media, themes, kind):
    """Through Wagtail's real form (add view; edit for the home page), with a payload in every field."""
    label, parent_kind, fields_for = PAGE_TYPES[kind]
    model = apps.get_model(label)
    payload = Payloads()
    parents = {"home": home_page}
    if parent_kind in ("catalogue", "module"):
        parents["catalogue"] = ModuleIndexPage(title="Catalogue", slug="catalogue")
        home_page.add_child(instance=parents["catalogue"])
    if parent_kind == "module":
        parents["module"] = ModulePageFactory(parent=parents["catalogue"], slug="module-parent")
    env = {**media, **themes}
    fields = {"title": payload(255), "slug": f"page-{kind}", **fields_for(payload, env)}
    fields.update(seo_title=payload(255), search_description=payload())
    data = page_form_data(model, fields)
    client.force_login(trainer)
    if parent_kind is None:
        fields["slug"] = home_page.slug
        response = client.post(f"/admin/pages/{home_page.pk}/edit/", page_form_data(model, fields))
    else:
        app, name = model._meta.app_label, model._meta.model_name
        response = client.post(f"/admin/pages/add/{app}/{name}/{parents[parent_kind].pk}/", data)
    assert response.status_code == 302, form_errors(response)[:2000]
    page = model.objects.get(slug=fields["slug"])
    page.get_latest_revision().publish()
    page.refresh_from_db()

    inert(client, f"/admin/pages/{page.pk}/edit/")
    inert(client, f"/admin/pages/{page.get_parent().pk}/")
    inert(client, "/admin/pages/search/", data={"q": "alert"})
    preview = f"/admin/pages/{page.pk}/edit/preview/"
    assert client.post(preview, page_form_data(model, fields)).json()["is_valid"]
    inert(client, preview)
    inert(client, page.url)  # as the trainer: with Wagtail's user bar
    client.logout()
    public = inert(client, page.url)
    assert escape(fields["title"]) in public.content.decode()  # the payloads are shown, as text
    if kind == "tutorial":
        inert(client, page.url + "imprimer/")
        inert(client, page.get_parent().url)
    if kind in ("module", "catalogue"):
        inert(client, "/recherche/", data={"q": "alert"})
    if kind == "diagnostic":
        client.post(page.url + "commencer/")
        inert(client, page.url + "question/")


@pytest.mark.django_db
def test_entry_points_refuse_addresses_outside_the_site_in_the_admin(client, trainer, home_page):
    client.force_login(trainer)
    for url in ["javascript:alert(1)", "//evil.example/", "/\\evil.example/", "https://evil.example/"]:
        entry = {"title": "Aide", "text": "Par ici.", "icon": "help", "page": None, "url": url}
        fields = {
            "title": "Accueil",
            "slug": home_page.slug,
            "entry_points": [{"type": "entry_point", "value": entry}],
        }
        response = client.post(f"/admin/pages/{home_page.pk}/edit/", page_form_data(HomePage, fields))
        assert response.status_code == 200
        # StreamField errors travel as JSON in an attribute, for the editor's script to show.
        assert json.dumps(SITE_PATH_MESSAGE)[1:-1] in html.unescape(response.content.decode()), url
        assert_inert(response)
        assert home_page.get_latest_revision() is None or not home_page.get_latest_revision_as_object().entry_points


@pytest.mark.django_db
def test_snippets_written_in_the_admin_render_inert(client, trainer, agent, resident, structure, home_page, catalogue):
    payload = Payloads()
    client.force_login(trainer)
    snippets = [
        (
            "cms/glossaryterm",
            {"term": payload(80), "variants": payload(), "definition": payload(300), "example": payload(250)},
        ),
        (
            "cms/operator",
            {"name": payload(120), "slug": "organisme-admin", "description": payload(250), "website": ""},
        ),
        ("assessments/domain", {"code": "9", "title": payload(150), "is_crcn": ""}),
    ]
    for path, data in snippets:
        response = client.post(f"/admin/snippets/{path}/add/", data)
        assert response.status_code == 302, (path, form_errors(response))
    operator, domain = Operator.objects.get(slug="organisme-admin"), Domain.objects.get(code="9")
    later = [
        (
            "cms/procedure",
            {"operator": operator.pk, "title": payload(150), "slug": "demarche-admin", "official_url": ""},
        ),
        (
            "assessments/competence",
            {"domain": domain.pk, "code": "9.1", "title": payload(200), "description": payload()},
        ),
        ("cms/place", place_form(payload)),
    ]
    for path, data in later:
        response = client.post(f"/admin/snippets/{path}/add/", data)
        assert response.status_code == 302, (path, form_errors(response))
    competence, procedure, place = Competence.objects.get(code="9.1"), Procedure.objects.get(), Place.objects.get()
    created = {
        "cms/glossaryterm": GlossaryTerm.objects.get(),
        "cms/operator": operator,
        "assessments/domain": domain,
        "cms/procedure": procedure,
        "assessments/competence": competence,
        "cms/place": place,
    }
    for path, instance in created.items():
        inert(client, f"/admin/snippets/{path}/")
        inert(client, f"/admin/snippets/{path}/edit/{instance.pk}/")

    # Where they show: glossary, search, places, catalogue filter, module page, statistics, autonomy, diagnostic.
    module = ModulePageFactory(parent=catalogue, title="Module", slug="module-themes")
    module.operators.add(operator)
    module.procedures.add(procedure)
    module.competences.add(competence)
    module.save_revision().publish()
    client.logout()
    inert(client, "/glossaire/")
    inert(client, "/recherche/", data={"q": GlossaryTerm.objects.get().term})
    inert(client, "/trouver-un-lieu/")
    inert(client, "/trouver-un-lieu/", data={"commune": place.city})
    inert(client, catalogue.url)
    inert(client, module.url)
    ModuleProgress.objects.create(
        user=resident, module=module, percent=100, status="completed", completed_at=timezone.now()
    )
    AutonomyRecord.objects.create(
        resident=resident, structure=structure, procedure=procedure, level="alone", date=timezone.localdate()
    )
    result = DiagnosticResult.objects.create(user=resident, page=None, levels={"9.1": 1}, recorded_by=agent)
    client.force_login(agent)
    inert(client, "/espace-agent/statistiques/")
    statistics = client.get("/espace-agent/statistiques.csv")
    assert_download(statistics, "text/csv")
    assert_cells_neutralised(statistics.content.decode("utf-8"))
    inert(client, f"/espace-agent/personnes/{resident.pk}/")
    diagnostic = DiagnosticPage(title="Faire le point", slug="faire-le-point", competence_questions=[])
    home_page.add_child(instance=diagnostic)
    inert(client, diagnostic.url + f"resultat/{result.pk}/")


def place_form(payload):
    return {
        "name": payload(250),
        "source_id": "lieu-admin",
        "pivot": "99900000100014",
        "typologies": payload(),
        "address": payload(250),
        "address_complement": payload(250),
        "postcode": "76000",
        "city": payload(100),
        "insee_code": "76540",
        "latitude": "",
        "longitude": "",
        "phone": "02 61 91 00 00",
        "emails": "accueil@test.example",
        "websites": "https://exemple.fr/" + corpus.BREAKOUTS[0].replace(" ", ""),
        "booking_url": "",
        "opening_hours": "Mo-Fr 10:00-12:00",
        "summary": payload(280),
        "description": payload(),
        "services": ["Accès internet et matériel informatique"],
        "costs": ["Gratuit"],
        "accompaniment_modes": ["En autonomie"],
        "other_labels": payload(),
        "source": payload(200),
        "updated_on": "2026-09-01",
        "accessibility_sheet_url": "",
    }


@pytest.mark.django_db
def test_glossary_terms_whose_slugs_collide_are_all_saved(client, trainer):
    """« Carte Vitale » and « carte-vitale », or two terms of punctuation only, had the same slug: a server error."""
    client.force_login(trainer)
    terms = ["Carte Vitale", "carte-vitale", "<script>", "script", "<>", "!!", "＜＞"]
    for term in terms:
        data = {"term": term, "variants": "", "definition": f"Définition de {term}", "example": ""}
        response = client.post("/admin/snippets/cms/glossaryterm/add/", data)
        assert response.status_code == 302, (term, form_errors(response))
    slugs = list(GlossaryTerm.objects.values_list("slug", flat=True))
    assert len(set(slugs)) == len(terms)
    assert {"carte-vitale", "carte-vitale-2", "terme", "terme-2"} <= set(slugs)
    inert(client, "/glossaire/")


@pytest.mark.django_db
def test_places_refuse_script_addresses_in_the_admin(client, trainer):
    client.force_login(trainer)
    payload = Payloads()
    for url in ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "jav\tascript:alert(1)"]:
        response = client.post("/admin/snippets/cms/place/add/", {**place_form(payload), "booking_url": url})
        assert response.status_code == 200
        assert "URL valide" in form_errors(response) or "adresse web valide" in form_errors(response)
        assert not Place.objects.exists()
        assert_inert(response)


@pytest.mark.django_db
def test_site_settings_render_inert_in_the_footer(client, superuser, home_page):
    payload = Payloads()
    site = Site.objects.get(is_default_site=True)
    client.force_login(superuser)
    data = {
        "name": payload(200),
        "address": payload(250),
        "phone": payload(30),
        "email": "accueil@exemple.fr",
        "opening_hours": payload(250),
        "accessibility_status": "non conforme",
        "accessibility_page": home_page.pk,
        "privacy_page": "",
        "legal_page": "",
    }
    response = client.post(f"/admin/settings/cms/sitesettings/{site.pk}/", data)
    assert response.status_code == 302, form_errors(response)
    inert(client, f"/admin/settings/cms/sitesettings/{site.pk}/")
    client.logout()
    footer = inert(client, "/")
    assert "Besoin d'aide" in footer.content.decode()


@pytest.mark.django_db
def test_images_uploaded_with_payload_titles_render_inert_in_the_admin(client, trainer):
    buffer = io.BytesIO()
    PILImage.new("RGB", (20, 20)).save(buffer, "PNG")
    payload = Payloads()
    client.force_login(trainer)
    for _ in range(3):
        upload = SimpleUploadedFile("image.png", buffer.getvalue())
        response = client.post(
            "/admin/images/add/", {"title": payload(255), "description": payload(255), "file": upload}
        )
        assert response.status_code == 302, form_errors(response)
    inert(client, "/admin/images/")
    image = get_image_model().objects.first()
    inert(client, f"/admin/images/{image.pk}/")
    chooser = client.get("/admin/images/chooser/")
    assert_inert(chooser.json()["html"], where="/admin/images/chooser/", allow=WAGTAIL_ADMIN)


@pytest.mark.django_db
def test_a_gift_file_with_scripts_imports_as_an_inert_draft(client, trainer, module):
    stems = [
        "::Piège 1:: [html]<p>Quelle adresse ?<script>alert(1)</script><img src\\=x onerror\\=alert(1)></p>"
        "{=ameli.fr ~ameli.com}",
        '::Piège 2:: [html]<a href\\="javascript:alert(1)">clic</a><svg onload\\=alert(1)>{T}',
        '::Piège 3:: [html]<iframe srcdoc\\="<script>alert(1)</script>"></iframe> Vrai ?{F}',
        "::Piège 4:: <script>alert(1)</script> (en texte) {=oui ~non}",
    ]
    client.force_login(trainer)
    title = corpus.REPRESENTATIVE[0]
    upload = SimpleUploadedFile("quiz.gift", "\n\n".join(stems).encode())
    response = client.post("/admin/quiz/importer-gift/", {"file": upload, "module": module.pk, "title": title})
    assert "Aperçu" in response.content.decode(), form_errors(response)
    assert_inert(response)
    token = re.search(r'name="token" value="([^"]+)"', response.content.decode())[1]
    response = client.post("/admin/quiz/importer-gift/", {"token": token}, follow=True)
    assert_inert(response)
    assert escape(title) in response.content.decode()  # in the success message and the editor's header
    quiz = QuizPage.objects.get()
    assert len(quiz.questions) == 4
    quiz.get_latest_revision().publish()
    quiz.refresh_from_db()
    inert(client, f"/admin/pages/{quiz.pk}/edit/")
    client.logout()
    inert(client, quiz.url)


# Resident forms ----------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_sign_up_and_mon_compte_echo_payloads_inertly(client, home_page):
    payload = Payloads()
    for _ in range(len(corpus.REPRESENTATIVE)):
        refused = {"username": payload(150), "display_name": payload(150), "email": payload(), "password1": "x"}
        inert_post(client, "/comptes/signup/", {**refused, "password2": payload()})
    name = payload(150)
    data = {"username": "nouvelle", "display_name": name, "email": "", "password1": "Pluie-Verte-42", "password2": ""}
    data["password2"] = data["password1"]
    response = inert_post(client, "/comptes/signup/", data)
    assert User.objects.get(username="nouvelle").display_name == name
    inert(client, "/mon-compte/")
    inert(client, "/mon-parcours/")
    inert(client, "/mes-donnees/")
    for _ in range(len(corpus.REPRESENTATIVE)):
        response = inert_post(client, "/mon-compte/", {"form": "email", "email-email": payload()})
        assert form_errors(response)


@pytest.mark.django_db
def test_code_login_echoes_payloads_inertly_and_never_redirects_to_them(client, home_page, resident):
    issued = cards.issue_card(resident=resident, issued_by=None)
    for payload in corpus.REPRESENTATIVE:
        inert(client, "/connexion-code/", data={"next": payload})
        inert_post(client, "/connexion-code/", {"username": payload, "code": payload, "next": payload})
    for url in [*corpus.URL_PAYLOADS, "abc", "mon-parcours"]:  # values without "/" were read as view names: a 500
        client.logout()
        response = client.post("/connexion-code/", {"username": resident.username, "code": issued.code, "next": url})
        assert response.status_code == 302
        location = response["Location"]
        assert location.startswith("/") and not location.startswith(("//", "/\\")), url
        assert not is_dangerous_url(location)
        # The idle warning's « Continuer » without JavaScript, the other form that takes a `next`.
        response = client.post("/session/continuer/", {"next": url})
        assert response.status_code == 302 and response["Location"].startswith("/"), url
        assert not response["Location"].startswith(("//", "/\\")) and not is_dangerous_url(response["Location"])


@pytest.mark.django_db
def test_joining_a_structure_echoes_payloads_inertly(client, resident, other_structure):
    other_structure.name = corpus.REPRESENTATIVE[0]
    other_structure.city = corpus.REPRESENTATIVE[1][:100]
    other_structure.save()
    client.force_login(resident)
    for payload in corpus.REPRESENTATIVE:
        response = inert_post(client, "/mon-parcours/rejoindre/", {"code": payload[:12]})
        assert response.status_code == 400
    inert_post(client, "/mon-parcours/rejoindre/", {"code": other_structure.join_code})
    inert_post(client, "/mon-parcours/rejoindre/", {"code": other_structure.join_code, "accord": "oui"})
    inert(client, "/mon-parcours/")


@pytest.mark.django_db
def test_quiz_short_answers_come_back_inert_on_the_attempt_and_results(client, resident, module):
    quiz = QuizPageFactory(parent=module)
    answer = corpus.REPRESENTATIVE[0]
    client.force_login(resident)
    response = client.post(quiz.url + "commencer/", {"cle": str(uuid.uuid4())})
    attempt_url = response["Location"]
    inert_post(client, attempt_url, {"q-q-short": answer, "enregistrer": "1"})
    attempt = inert(client, attempt_url)
    assert escape(answer) in attempt.content.decode()
    response = client.post(attempt_url, {"q-q-short": answer, "terminer": "1"}, follow=True)
    assert_inert(response)
    inert(client, quiz.url)
    client.logout()
    for payload in corpus.REPRESENTATIVE:
        inert_post(client, quiz.url + "essai/", {"q-q-short": payload, "terminer": "1"})
    inert_post(client, quiz.url + "essai/", {"q-q-single": corpus.REPRESENTATIVE[1]})


@pytest.mark.django_db
def test_my_data_export_is_a_download_whose_tables_are_neutralised(client, resident, structure, agent, module):
    resident.display_name = corpus.SPREADSHEET[0]
    resident.save()
    Assignment.objects.create(module=module, resident=resident, structure=structure, note=corpus.SPREADSHEET[1])
    ResidentNote.objects.create(resident=resident, structure=structure, author=agent, text=corpus.SPREADSHEET[2])
    client.force_login(resident)
    response = client.get("/mes-donnees/telecharger/")
    assert_download(response, "application/zip")
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        assert json.loads(archive.read("donnees.json"))
        for name in archive.namelist():
            if name.endswith(".csv"):
                assert_cells_neutralised(archive.read(name).decode("utf-8"))


# Agent forms -------------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_agent_forms_echo_and_store_payloads_inertly(client, manager, structure, tutorial, home_page):
    module = tutorial.get_parent().specific
    procedure = Procedure.objects.create(
        operator=OperatorFactory(name=corpus.REPRESENTATIVE[2][:120]), title=corpus.REPRESENTATIVE[3], slug="d"
    )
    MembershipFactory(structure=structure, user__display_name=corpus.REPRESENTATIVE[4])
    payload = Payloads()
    client.force_login(manager)

    # Refused input comes back in the form, escaped.
    for _ in range(len(corpus.REPRESENTATIVE)):
        data = {"display_name": payload(150), "email": payload(), "phone": payload(30), "structure": payload()}
        inert_post(client, "/espace-agent/personnes/nouvelle/", data)

    # Accepted input: a resident, a note, an assignment, an autonomy record, a workshop and a session.
    name = payload(150)
    data = {"display_name": name, "email": "", "phone": payload(30), "structure": structure.pk, "consent": "on"}
    inert_post(client, "/espace-agent/personnes/nouvelle/", data)
    person = User.objects.get(display_name=name)
    detail = f"/espace-agent/personnes/{person.pk}/"
    inert_post(client, detail + "notes/", {"text": payload(1000)})
    assert ResidentNote.objects.filter(resident=person).exists()
    inert_post(client, detail + "assigner/", {"module": module.pk, "due_date": "", "note": payload(300)})
    inert_post(client, detail + "assigner/", {"module": payload(), "due_date": payload(), "note": payload()})
    today = timezone.localdate().isoformat()
    inert_post(client, detail + "autonomie/", {"procedure": procedure.pk, "level": "with_them", "date": today})
    inert_post(client, detail + "autonomie/", {"procedure": payload(), "level": payload(), "date": payload()})
    inert(client, detail)
    inert(client, detail + "carte/")
    inert(client, "/espace-agent/personnes/", data={"q": name[:20]})

    title = payload(150)
    inert_post(
        client, "/espace-agent/ateliers/nouveau/", {"title": title, "structure": structure.pk, "facilitator": ""}
    )
    workshop = Workshop.objects.get(title=title.strip())
    inert_post(client, f"/espace-agent/ateliers/{workshop.pk}/participants/ajouter/", {"resident": person.pk})
    inert_post(
        client,
        f"/espace-agent/ateliers/{workshop.pk}/modules/assigner/",
        {"module": module.pk, "due_date": "", "note": payload(300)},
    )
    session = {"date": today, "start_time": "09:30", "end_time": "", "place": payload(200), "topic": payload(200)}
    inert_post(client, f"/espace-agent/ateliers/{workshop.pk}/seances/nouvelle/", session)
    inert_post(client, f"/espace-agent/ateliers/{workshop.pk}/seances/nouvelle/", {**session, "date": payload()})
    inert_post(client, f"/espace-agent/ateliers/{workshop.pk}/modifier/", {"title": payload(150), "structure": ""})
    created = workshop.sessions.get()
    inert(client, f"/espace-agent/ateliers/{workshop.pk}/")
    inert(client, f"/espace-agent/ateliers/{workshop.pk}/tableau/")
    inert(client, f"/espace-agent/ateliers/{workshop.pk}/seances/{created.pk}/emargement/")

    # The team: an invitation with a payload name, and refused input.
    member = {
        "display_name": payload(150),
        "email": "collegue@exemple.fr",
        "structure": structure.pk,
        "mode": "invite",
    }
    inert_post(client, "/espace-agent/equipe/", member)
    inert_post(client, "/espace-agent/equipe/", {"display_name": payload(150), "email": payload(), "structure": "x"})
    inert(client, "/espace-agent/equipe/")
    inert(client, "/espace-agent/journal/")
    inert(client, "/espace-agent/statistiques/")
    progress = client.get("/espace-agent/personnes/progression.csv", {"sep": ","})
    assert_download(progress, "text/csv")
    assert_cells_neutralised(progress.content.decode("utf-8"))

    # « Faire le point » with the person: the page names them.
    diagnostic = DiagnosticPage(
        title="Faire le point",
        slug="faire-le-point",
        min_questions=1,
        max_questions=2,
        equipment_questions=[equipment(payload(200), [(payload(150), ""), (payload(150), "no_email")], qid="eq-1")],
        competence_questions=[],
    )
    home_page.add_child(instance=diagnostic)
    response = client.post(detail + "faire-le-point/", follow=True)
    assert_inert(response)
    assert escape(name) in response.content.decode()

    # The resident sees what the agents wrote.
    client.force_login(person)
    inert(client, "/mon-parcours/")


@pytest.mark.django_db
def test_the_diagnostic_question_and_result_pages_render_inert(client, agent, resident, home_page, themes):
    resident.display_name = corpus.REPRESENTATIVE[0]
    resident.save()
    competence = themes["competence"]
    questions = [competence_question(competence.code, level, 1, competence.pk) for level in (1, 2, 3)]
    for index, block in enumerate(questions):
        block["value"]["stem"] = clean_rich_text(f"<p>{escape(corpus.REPRESENTATIVE[index])}</p>")
    diagnostic = DiagnosticPage(
        title=corpus.REPRESENTATIVE[1],
        slug="faire-le-point",
        min_questions=1,
        max_questions=3,
        equipment_questions=[],
        competence_questions=questions,
    )
    home_page.add_child(instance=diagnostic)
    client.force_login(agent)
    response = client.post(f"/espace-agent/personnes/{resident.pk}/faire-le-point/", follow=True)
    assert_inert(response)
    step = re.search(r'name="etape" value="([^"]+)"', response.content.decode())[1]
    response = inert_post(client, diagnostic.url + "question/", {"etape": step, "je_ne_sais_pas": "1"})
    result = DiagnosticResult.objects.create(user=resident, page=diagnostic, levels={competence.code: 1})
    inert(client, diagnostic.url + f"resultat/{result.pk}/")
    client.force_login(resident)
    inert(client, diagnostic.url)
    inert(client, diagnostic.url + f"resultat/{result.pk}/")
    inert(client, "/mon-parcours/")
