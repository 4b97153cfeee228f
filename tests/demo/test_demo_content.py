"""The demo site that `seed_demo` creates: complete, valid, accessible, idempotent, and every page answers.

The seed runs once for the module (`demo_site`, tests/conftest.py); each test works inside it.
"""

import io
import re
from pathlib import Path

from django.conf import settings as django_settings
from django.core.management import call_command

from wagtail.images import get_image_model
from wagtail.models import Page

import pytest

from accounts.models import Membership, StructureLink, User
from assessments.models import Competence, DiagnosticPage, DiagnosticResult, QuizPage
from cms.models import GlossaryTerm, HomePage, Operator, Place, Procedure, StandardPage
from cms.text import fold
from demo.content import IMAGES, MODULES
from followup.models import Attendance, AutonomyRecord, ResidentNote, Workshop
from learning.enums import ExclusionType
from learning.models import ModuleIndexPage, ModulePage, TutorialPage

pytestmark = pytest.mark.django_db

ILLUSTRATIONS = Path(django_settings.BASE_DIR) / "static" / "img" / "tutorials"
ALLOWED_TAGS = {"p", "b", "i", "ul", "ol", "li", "a"}
OPERATOR_SLUGS = {
    "france-travail",
    "ameli",
    "assurance-retraite",
    "caf",
    "msa",
    "la-poste",
    "ants",
    "impots",
    "justice",
    "franceconnect",
    "anef",
    "info-retraite",
}
TOPICS = [
    "souris",
    "clavier",
    "écran tactile",
    "adresse électronique",
    "envoyer un message",
    "joindre un document",
    "mot de passe",
    "faux message",
    "compte ameli",
    "FranceConnect",
    "trimestrielles",
    "France Travail",
    "carte d'identité",
    "colis",
    "revenus",
    "carte grise",
    "prime d'activité",
    "aide au logement",
    "carte Vitale",
    "complémentaire santé solidaire",
    "prélèvement à la source",
    "retraite",
    "permis de conduire",
    "titre de séjour",
    "passeport",
    "actualisation",
    "logement social",
    "Mon Espace Santé",
    "chèque énergie",
    "porter plainte",
]
# The last procedures France Services users ask for (issue 13): module slug → tutorial slug.
LAST_PROCEDURES = {
    "caf-prime-activite-rsa-logement": "demander-et-utiliser-son-cheque-energie",
    "se-proteger-en-ligne": "signaler-une-arnaque-et-porter-plainte",
}


def seed_again(settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=io.StringIO())


def snapshot():
    """What must not change when the seed runs again."""
    tutorials = TutorialPage.objects.order_by("path")
    return {
        "pages": Page.objects.count(),
        "modules": ModulePage.objects.count(),
        "tutorials": tutorials.count(),
        "catalogues": ModuleIndexPage.objects.count(),
        "operators": Operator.objects.count(),
        "procedures": Procedure.objects.count(),
        "glossary": GlossaryTerm.objects.count(),
        "images": get_image_model().objects.count(),
        "step_ids": {page.slug: page.step_ids for page in tutorials},
        "checklist_ids": {page.slug: [block.id for block in page.checklist] for page in tutorials},
        "module_links": {
            page.slug: (
                sorted(page.operators.values_list("slug", flat=True)),
                sorted(page.competences.values_list("code", flat=True)),
            )
            for page in ModulePage.objects.all()
        },
    }


def html_tags(text):
    return {tag.lower() for tag in re.findall(r"</?\s*([a-zA-Z0-9]+)", str(text))}


def test_seeding_twice_changes_nothing_and_keeps_step_ids(demo_site, settings):
    first = snapshot()
    people = (User.objects.count(), Membership.objects.count(), StructureLink.objects.count())
    standard_pages = StandardPage.objects.count()
    seed_again(settings)
    assert snapshot() == first
    assert (User.objects.count(), Membership.objects.count(), StructureLink.objects.count()) == people
    assert StandardPage.objects.count() == standard_pages
    all_step_ids = [step_id for ids in first["step_ids"].values() for step_id in ids]
    assert len(all_step_ids) == len(set(all_step_ids))


def test_seeded_catalogue_is_complete_valid_and_illustrated(demo_site):

    catalogue = ModuleIndexPage.objects.get()
    home = HomePage.objects.get()
    assert catalogue.slug == "catalogue" and catalogue.get_parent().specific == home and catalogue.live
    learn_entry = next(block for block in home.entry_points if block.value["icon"] == "learn")
    assert learn_entry.value["page"].specific == catalogue

    modules = ModulePage.objects.child_of(catalogue).live()
    tutorials = TutorialPage.objects.descendant_of(catalogue).live().specific()
    assert modules.count() >= 5
    assert tutorials.count() >= 13
    assert modules.filter(exclusion_type=ExclusionType.EQUIPMENT).exists()
    for module in modules:
        assert module.operators.exists() or module.competences.exists(), module.slug
        assert 2 <= TutorialPage.objects.child_of(module).count() <= 4, module.slug
        assert len(module.summary) <= 300 and module.objective_list, module.slug

    steps_block = TutorialPage._meta.get_field("steps").stream_block
    checklist_block = TutorialPage._meta.get_field("checklist").stream_block
    step_count = question_count = 0
    callout_kinds = set()
    for tutorial in tutorials:
        steps = [block.value for block in tutorial.steps]
        assert 4 <= len(steps) <= 10, tutorial.slug
        assert len(tutorial.checklist) >= 1, tutorial.slug
        # The blocks' own rules: alt text when an image is set, one right answer, maximum lengths.
        steps_block.clean(tutorial.steps)
        checklist_block.clean(tutorial.checklist)
        illustrated = [step for step in steps if step["image"]]
        assert illustrated, f"{tutorial.slug} has no illustration"
        for step in steps:
            step_count += 1
            assert html_tags(step["instruction"]) <= ALLOWED_TAGS, tutorial.slug
            if step["image"]:
                assert step["image_alt"].strip(), tutorial.slug
            for callout in step["callouts"]:
                callout_kinds.add(callout["kind"])
                assert html_tags(callout["text"]) <= ALLOWED_TAGS, tutorial.slug
            if step["check_question"]:
                question_count += 1
                options = step["check_options"]
                assert len(options) >= 2 and sum(option["correct"] for option in options) == 1, tutorial.slug
                assert step["check_explanation"], tutorial.slug
    assert callout_kinds == {"tip", "warning", "scam"}
    assert question_count >= step_count / 4, (question_count, step_count)

    titles = " ".join(page.title for page in [*modules, *tutorials]).lower()
    for topic in TOPICS:
        assert topic.lower() in titles, topic


def test_the_cheque_energie_and_scam_report_tutorials_are_in_the_catalogue(demo_site):
    catalogue = ModuleIndexPage.objects.get()
    for module_slug, tutorial_slug in LAST_PROCEDURES.items():
        module = ModulePage.objects.child_of(catalogue).live().get(slug=module_slug)
        tutorial = TutorialPage.objects.child_of(module).live().get(slug=tutorial_slug)
        steps = [block.value for block in tutorial.steps]
        assert 5 <= len(steps) <= 7, tutorial_slug
        assert any(step["image"] for step in steps), tutorial_slug
        assert any(callout["kind"] == "scam" for step in steps for callout in step["callouts"]), tutorial_slug
        assert sum(1 for step in steps if step["check_question"]) >= 3, tutorial_slug
    text = " ".join(
        f"{block.value['instruction']} {callout['text']}"
        for tutorial in TutorialPage.objects.filter(slug__in=LAST_PROCEDURES.values())
        for block in tutorial.steps
        for callout in [*block.value["callouts"], {"text": ""}]
    )
    for service in ["chequeenergie.gouv.fr", "17cyber.gouv.fr", "33700", "signal-spam", "Pharos", "Perceval"]:
        assert service in text, service
    assert "THESEE" in text and "FranceConnect" in text and "opposition" in text
    energy = Procedure.objects.get(slug="cheque-energie-demander-utiliser")
    assert energy.operator.slug == "cheque-energie"
    assert energy.modules.filter(slug="caf-prime-activite-rsa-logement").exists()


def test_seeded_reference_data_glossary_and_images(demo_site):

    assert set(Operator.objects.values_list("slug", flat=True)) >= OPERATOR_SLUGS
    assert all(operator.website.startswith("https://") for operator in Operator.objects.all())
    assert Competence.objects.filter(modules__isnull=False).exists()
    assert Procedure.objects.filter(modules__isnull=False).count() >= 5

    terms = GlossaryTerm.objects.all()
    assert terms.count() >= 30
    for term in terms:
        assert term.definition and len(term.definition) <= 300, term.term
    forms = [fold(form) for term in terms for form in term.forms]
    assert len(forms) == len(set(forms)), "a written form points to two glossary terms"
    for expected in ["courriel", "e-mail", "adresse electronique", "phishing", "nir", "avis d'impot"]:
        assert expected in forms, expected

    scams = [
        callout
        for tutorial in TutorialPage.objects.all()
        for block in tutorial.steps
        for callout in block.value["callouts"]
        if callout["kind"] == "scam"
    ]
    assert len(scams) >= 10
    scam_text = " ".join(f"{callout['title']} {callout['text']}" for callout in scams)
    for organisation in ["Assurance Maladie", "CAF", "France Titres", "colis"]:
        assert organisation in scam_text, organisation

    images = get_image_model().objects.filter(title__in=IMAGES.values())
    assert images.count() == len(IMAGES) >= 13
    for image in images:
        assert image.file.name.endswith(".svg") and image.width > 0 and image.height > 0, image.title
        assert image.description, image.title


def test_illustrations_are_small_titled_svg_drawings():
    used = {step["image"] for module in MODULES for tutorial in module["tutorials"] for step in tutorial["steps"]}
    used.discard(None)
    assert used <= set(IMAGES)
    assert len(used) >= 13
    for filename in IMAGES:
        path = ILLUSTRATIONS / filename
        text = path.read_text(encoding="utf-8")
        assert path.stat().st_size < 6 * 1024, filename
        assert re.search(r"<title[^>]*>[^<]{10,}</title>", text), filename
        assert 'viewBox="' in text and "<image" not in text and "<script" not in text, filename


def test_seeded_quizzes_cover_every_kind_with_competences(demo_site):
    quizzes = list(QuizPage.objects.live())
    assert len(quizzes) >= 4
    assert len({quiz.get_parent().pk for quiz in quizzes}) == len(quizzes)
    kinds = set()
    for quiz in quizzes:
        assert len(quiz.questions) >= 6
        for block in quiz.questions:
            kinds.add(block.block_type)
            assert block.value["competence"] is not None, (quiz.slug, block.id)
    assert kinds == {"single", "multiple", "true_false", "short_answer", "matching", "ordering"}
    assert QuizPage.objects.filter(slug="quiz-se-proteger", live=True).exists()  # imported from GIFT

    # « Faire le point », places and follow-up history come with the same seed.

    diagnostic = DiagnosticPage.objects.live().get()
    assert len(diagnostic.equipment_questions) >= 8
    assert len(diagnostic.competence_questions) >= 30
    assert len({block.value["competence"].code for block in diagnostic.competence_questions}) >= 6
    assert Place.objects.count() >= 10
    with_history = list(DiagnosticResult.objects.values_list("user", flat=True).distinct())
    assert sum(1 for user in with_history if DiagnosticResult.objects.filter(user=user).count() >= 2) >= 2
    assert Workshop.objects.count() == 2
    assert Attendance.objects.exists() and AutonomyRecord.objects.exists() and ResidentNote.objects.exists()


@pytest.mark.sweep  # pages × roles: what it proves does not depend on the database (run once, on SQLite)
def test_every_seeded_page_answers_for_every_role(demo_site, client):
    assert User.objects.filter(kind="resident", email__isnull=True).exists()
    urls = [page.url for page in Page.objects.live().filter(depth__gte=2).specific()]
    assert len(urls) >= 5
    for username in [None, "amina", "chantal", "formatrice", "relecteur", "agent", "responsable", "admin"]:
        client.logout()
        if username:
            client.force_login(User.objects.get(username=username))
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, (username, url)
            assert re.search(r"<title>[^<>]+ — Pas à pas</title>", response.content.decode()), (username, url)
    footer = client.get("/").content.decode()
    for label in ["Accessibilité : non conforme", "Données personnelles", "Mentions légales", "Maison du Plateau"]:
        assert label in footer
