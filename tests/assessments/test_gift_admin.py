"""GIFT in the admin: links in [html] answers, the full preview, export with competences and levels."""

import re
from pathlib import Path

from django.contrib.sessions.models import Session
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.html import escape

import pytest

from assessments import gift, gift_import
from assessments.admin_views import OLD_SESSION_KEY, SESSION_KEY, STALE_PREVIEW
from assessments.models import Competence, QuizPage
from tests.assessments.factories import QuizPageFactory, base

pytestmark = pytest.mark.django_db

EXAMPLES = Path("/work/shared/data/gift/moodle-examples.gift.txt")
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "moodle-examples.gift.txt"

LINKED = """::Le bon site:: [html]<p>Où déclarer ses revenus ?</p>{
    =<a href="https://www.impots.gouv.fr/accueil">impots.gouv.fr</a>#<span class="ok">Oui, le site officiel.</span>
    ~<a href="https://impots-remboursement.com">impots-remboursement.com</a>#Un faux site.
}
"""


def test_equals_inside_html_tags_are_text_not_answers():
    result = gift.parse(LINKED)
    [question] = result.questions
    assert question["kind"] == "single"
    assert question["options"] == [
        {"text": "impots.gouv.fr", "weight": 1.0, "feedback": "Oui, le site officiel."},
        {"text": "impots-remboursement.com", "weight": 0.0, "feedback": "Un faux site."},
    ]
    warning = next(issue for issue in result.warnings if "balises HTML" in issue.message)
    assert warning.line == 2 and "\\=" in warning.message


def test_an_html_answer_inside_a_plain_question_is_protected_too():
    [question] = gift.parse('Lequel ?{=[html]<a href="https://a.fr/?x=1#y">A</a> ~B}').questions
    assert [o["text"] for o in question["options"]] == ["A", "B"]


def test_plain_questions_keep_reading_markers_next_to_angle_brackets():
    [question] = gift.parse("Lequel ?{=a<b ~c>d}").questions
    assert [o["text"] for o in question["options"]] == ["a<b", "c>d"]


def test_competence_and_level_travel_in_comment_lines():
    text = "// competence: 4.2\n// niveau : 3\n::Q1:: Vrai ?{T}\n"
    [question] = gift.parse(text).questions
    assert (question["competence"], question["level"]) == ("4.2", 3)
    written = gift.dumps([question])
    assert "// competence: 4.2\n// level: 3\n::Q1::" in written
    assert gift.parse(written).questions == [gift.normalize(question)]


def test_bad_competence_or_level_lines_are_warned_with_their_line():
    result = gift.parse("::Q:: Vrai ?{T}\n// level: 12\n// competence: quatre")
    assert result.questions[0]["level"] is None and result.questions[0]["competence"] is None
    assert [(issue.line, issue.message[:6]) for issue in result.warnings] == [(2, "Niveau"), (3, "Compét")]


@pytest.mark.parametrize("path", [EXAMPLES, FIXTURE])
def test_moodle_examples_survive_a_round_trip_with_names_and_categories(path):
    if not path.exists():
        pytest.fail(f"missing example file {path}")
    first = gift.parse(path.read_text(encoding="utf-8")).questions
    assert first and any(q.get("name") for q in first)
    tagged = [{**q, "competence": "4.2", "level": 2, "category": f"Partie {n % 2}"} for n, q in enumerate(first)]
    again = gift.parse(gift.dumps(tagged)).questions
    assert again == [gift.normalize(q) for q in tagged]


def upload(client, module, text, title="Sécurité"):
    return client.post(
        "/admin/quiz/importer-gift/",
        {"file": SimpleUploadedFile("q.gift", text.encode()), "module": module.pk, "title": title},
    )


def test_preview_shows_every_question_in_full(client, trainer, module):
    client.force_login(trainer)
    text = (
        "// competence: 4.1\n// level: 2\n" + LINKED + "\n"
        "::Vrai faux:: La carte Vitale est verte ?{F#Non, elle est verte et jaune.#Exact.####Elle est verte et jaune.}"
        "\n\n::Multiple:: Lesquels ?{~%50%A#bien ~%50%B ~%-100%C#non}\n\n// level: 9\n::Capitale:: Capitale ?{=Paris}"
    )
    content = upload(client, module, text).content.decode()
    competence = Competence.objects.get(code="4.1")
    for expected in [
        "Choix unique — « Le bon site »",
        "<p>Où déclarer ses revenus ?</p>",
        "<strong>Bonne réponse :</strong>\n                    impots.gouv.fr",
        "Commentaire : Oui, le site officiel.",
        "Mauvaise réponse :\n                    impots-remboursement.com",
        "Commentaire : Un faux site.",
        escape(f"4.1 {competence.title}"),
        "2 — Novice",
        "Ligne 4 : Des «",
        "Vrai ou faux — « Vrai faux »",
        "Bonne réponse : Faux",
        "Elle est verte et jaune.",
        "B (50\u00a0%)",
        "C (-100\u00a0%)",
        "Ligne 12 : Niveau «",
        "Réponses acceptées",
        "(par défaut)",
    ]:
        assert expected in content, expected
    assert "<a href" not in content.split("<h3>Questions</h3>")[1].split("<form")[0]


def test_preview_stem_html_is_sanitised(client, trainer, module):
    client.force_login(trainer)
    text = '[html]<p onclick="x()">Q <script>alert(1)</script><a href="javascript:x()">lien</a></p>{T}'
    content = upload(client, module, text).content.decode()
    assert "<script" not in content.split("<h3>Questions</h3>")[1]
    assert "javascript:" not in content and "onclick" not in content


def test_imported_quiz_keeps_competence_and_level(client, trainer, module):
    client.force_login(trainer)
    content = upload(client, module, "// competence: 4.1\n// level: 3\n::Q:: Vrai ?{T}").content.decode()
    token = re.search(r'name="token" value="([^"]+)"', content)[1]
    client.post("/admin/quiz/importer-gift/", {"token": token})
    [block] = QuizPage.objects.get().questions
    assert block.value["competence"].code == "4.1" and block.value["level"] == "3"


def test_trainer_downloads_a_quiz_as_gift_and_reimports_it(client, trainer, module):
    competence = Competence.objects.get(code="6.1")
    quiz = QuizPageFactory(
        parent=module,
        questions=[
            {
                "type": "true_false",
                "value": {
                    **base("Le ciel est bleu ?", competence=competence.pk, level="4"),
                    "answer": "true",
                    "feedback_true": "",
                    "feedback_false": "",
                },
            }
        ],
    )
    client.force_login(trainer)
    page = client.get("/admin/quiz/importer-gift/").content.decode()
    assert "Télécharger le fichier .gift" in page
    assert f"/admin/quiz/exporter-gift/?quiz={quiz.pk}" in client.get(f"/admin/pages/{quiz.pk}/edit/").content.decode()
    response = client.get("/admin/quiz/exporter-gift/", {"quiz": quiz.pk})
    assert response["Content-Disposition"] == f'attachment; filename="{gift_import.export_filename(quiz)}"'
    text = response.content.decode()
    assert f"$CATEGORY: 6.1 {competence.title}" in text and "// competence: 6.1\n// level: 4" in text
    [question] = gift.parse(text).questions
    assert (question["competence"], question["level"]) == ("6.1", 4)


def test_export_refuses_unknown_quiz_and_residents(client, trainer, resident, module):
    quiz = QuizPageFactory(parent=module)
    client.force_login(trainer)
    response = client.get("/admin/quiz/exporter-gift/", {"quiz": "abc"})
    assert response.status_code == 302
    client.force_login(resident)
    assert client.get("/admin/quiz/exporter-gift/", {"quiz": quiz.pk}).status_code in (302, 403)


def token_of(response):
    return re.search(r'name="token" value="([^"]+)"', response.content.decode())[1]


def test_a_new_preview_replaces_the_previous_one(client, trainer, module):
    client.force_login(trainer)
    first = token_of(upload(client, module, "::Q1:: Vrai ?{T}", title="Premier"))
    second = token_of(upload(client, module, "::Q2:: Faux ?{F}", title="Second"))
    assert client.session[SESSION_KEY]["token"] == second
    assert set(client.session[SESSION_KEY]) == {"token", "data", "module", "title"}

    response = client.post("/admin/quiz/importer-gift/", {"token": first}, follow=True)
    assert STALE_PREVIEW in response.content.decode().replace("&#x27;", "'")
    assert not QuizPage.objects.exists()

    client.post("/admin/quiz/importer-gift/", {"token": second})
    assert [quiz.title for quiz in QuizPage.objects.all()] == ["Second"]
    assert SESSION_KEY not in client.session
    response = client.post("/admin/quiz/importer-gift/", {"token": second})  # sent twice: one quiz only
    assert response.status_code == 302
    assert QuizPage.objects.count() == 1


@pytest.mark.parametrize("token", ["", "é", "\x00", "a" * 10_000])
def test_a_forged_token_gets_a_message_not_an_error(client, trainer, module, token):
    client.force_login(trainer)
    upload(client, module, "::Q1:: Vrai ?{T}")
    response = client.post("/admin/quiz/importer-gift/", {"token": token})
    assert response.status_code == 302
    assert not QuizPage.objects.exists()


def test_many_previews_keep_the_session_the_size_of_one_file(client, trainer, module):
    client.force_login(trainer)
    # Nearly 1 MB that does not compress, in a comment: the session stores it as it is.
    noise = "".join(chr(0x4E00 + (n * 7919) % 20000) for n in range(300_000))
    text = f"// {noise}\n::Q:: Vrai ?{{T}}"
    assert len(text.encode()) < gift_import.MAX_BYTES
    sizes = []
    for _ in range(3):
        response = upload(client, module, text)
        assert response.status_code == 200 and token_of(response)
        sizes.append(len(Session.objects.get(pk=client.session.session_key).session_data))
    assert sizes[2] <= sizes[0] * 1.01


def test_previews_kept_unbounded_by_earlier_versions_are_dropped(client, trainer, module):
    client.force_login(trainer)
    session = client.session
    old = {"data": "x" * 1000, "module": module.pk, "title": "Ancien"}
    session[OLD_SESSION_KEY] = {f"t{n}": old for n in range(5)}
    session.save()
    assert client.get("/admin/quiz/importer-gift/").status_code == 200
    assert OLD_SESSION_KEY not in client.session
