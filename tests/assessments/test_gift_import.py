import io
import re
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError

import pytest

from assessments import gift, gift_import
from assessments.models import QuizPage
from tests.assessments.factories import QuizPageFactory

pytestmark = pytest.mark.django_db

DEMO_GIFT = Path(__file__).resolve().parents[2] / "assessments" / "data" / "demo-securite.gift.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_import_command_creates_a_draft_quiz_under_the_module(module):
    out, _err = run("import_gift", str(DEMO_GIFT), "--module", module.slug, "--title", "Se protéger")
    quiz = QuizPage.objects.get()
    assert "créé en brouillon" in out
    assert quiz.get_parent().pk == module.pk
    assert not quiz.live and quiz.title == "Se protéger"
    assert len(quiz.questions) == len(gift.parse(DEMO_GIFT.read_text()).questions)


def test_dry_run_creates_nothing(module):
    out, _err = run("import_gift", str(DEMO_GIFT), "--module", str(module.pk), "--dry-run")
    assert "Rien n'a été créé" in out
    assert not QuizPage.objects.exists()


def test_moodle_examples_import_with_unsupported_questions_reported(module):
    _out, err = run("import_gift", str(FIXTURES / "moodle-examples.gift.txt"), "--module", module.slug)
    assert "Non importée, ligne" in err
    assert QuizPage.objects.get().questions


def test_syntax_error_names_the_line_and_creates_nothing(module, tmp_path):
    path = tmp_path / "cassé.gift"
    path.write_text("::Q1:: Bonne question ?{=oui ~non}\n\n::Q2:: Accolade oubliée ?{=oui ~non\n", encoding="utf-8")
    with pytest.raises(CommandError, match=r"[Ll]igne 3"):
        run("import_gift", str(path), "--module", module.slug)
    assert not QuizPage.objects.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"\xff\xfe\x00q", "UTF-8"), (b"x" * 1_000_001, "1 Mo")],
)
def test_bad_files_are_refused_clearly(module, tmp_path, content, message):
    path = tmp_path / "fichier.gift"
    path.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        run("import_gift", str(path), "--module", module.slug)
    assert not QuizPage.objects.exists()


def test_unknown_module_is_refused(module):
    with pytest.raises(CommandError, match="Aucun module"):
        run("import_gift", str(DEMO_GIFT), "--module", "inconnu")


def test_export_then_import_gives_back_equal_questions(module):
    quiz = QuizPageFactory(parent=module)
    out, err = run("export_gift", quiz.slug)
    assert "Non exportée" in err  # ordering has no GIFT form
    # Competences and levels travel in comment lines; the quiz blocks have no name field.
    exported = [b.value.to_question() for b in quiz.questions if b.block_type != "ordering"]
    reparsed = gift.parse(out).questions
    assert [gift.normalize(q) for q in reparsed] == [gift.normalize(q) for q in exported]


def test_trainer_imports_through_the_admin_with_a_preview(client, trainer, module):
    client.force_login(trainer)
    assert client.get("/admin/quiz/importer-gift/").status_code == 200
    response = client.post(
        "/admin/quiz/importer-gift/",
        {"file": SimpleUploadedFile("q.gift", DEMO_GIFT.read_bytes()), "module": module.pk, "title": "Sécurité"},
    )
    content = response.content.decode()
    assert "Aperçu" in content and "Choix unique" in content
    assert not QuizPage.objects.exists()
    token = re.search(r'name="token" value="([^"]+)"', content)[1]
    response = client.post("/admin/quiz/importer-gift/", {"token": token})
    quiz = QuizPage.objects.get()
    assert response["Location"] == f"/admin/pages/{quiz.pk}/edit/"
    assert not quiz.live


def test_admin_import_shows_errors_on_the_file_field(client, trainer, module):
    client.force_login(trainer)
    response = client.post(
        "/admin/quiz/importer-gift/",
        {"file": SimpleUploadedFile("q.gift", b"Question ?{=oui ~non"), "module": module.pk, "title": "T"},
    )
    assert response.status_code == 200
    assert "accolade" in response.content.decode().lower()
    assert not QuizPage.objects.exists()


def test_residents_cannot_reach_the_import(client, resident, module):
    client.force_login(resident)
    assert client.get("/admin/quiz/importer-gift/").status_code == 403


def test_the_preview_shows_what_each_multiple_choice_option_will_bring_or_take_away():
    parsed = gift_import.preview(b"Quels sites sont officiels ? {~%50%ameli.fr ~%50%impots.gouv.fr ~ameli-aide.com}")
    options = next(parsed.items())["options"]
    assert [(option["correct"], option["weight"]) for option in options] == [
        (True, "50\u00a0%"),
        (True, "50\u00a0%"),
        (False, "-50\u00a0%"),  # a bare « ~ » takes away one share, as the quiz scores it (never « 0 % »)
    ]
