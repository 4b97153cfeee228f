"""Upload limits: images, documents, the GIFT import, and the size of ordinary forms.

Every refusal is a form error (in French) or our French 400 page, never a 500, and writes nothing: neither rows
nor files in MEDIA_ROOT (isolated per test by the root conftest).
"""

import io
import struct
import zipfile
import zlib
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.signals import request_finished
from django.db import close_old_connections
from django.test import Client
from django.test.client import encode_multipart

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

import pytest
from bs4 import BeautifulSoup
from PIL import Image as PILImage

from assessments.models import Competence, DiagnosticPage, Domain, QuizPage
from cms import uploads
from followup.models import ResidentNote
from tests.assessments.factories import DiagnosticPageFactory, competence_question
from tests.security.admin_forms import page_form_data

pytestmark = pytest.mark.django_db

MB = 1024 * 1024


# Files ---------------------------------------------------------------------------------------------------------------


def png(size=(24, 16)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "#0b4f9c").save(buffer, "PNG")
    return buffer.getvalue()


def gif_with_comment(comment):
    """A valid GIF whose comment extension holds `comment` (the classic image/script polyglot)."""
    buffer = io.BytesIO()
    PILImage.new("P", (8, 8)).save(buffer, "GIF", comment=comment)
    return buffer.getvalue()


def png_claiming(width, height):
    """A small PNG whose header announces width × height pixels (what a decompression bomb looks like)."""
    data = bytearray(png((1, 1)))
    header = b"IHDR" + struct.pack(">II", width, height) + bytes(data[24:29])
    data[12:29] = header
    data[29:33] = struct.pack(">I", zlib.crc32(header))
    return bytes(data)


def pdf(body=b""):
    return (
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n" + body + b"\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    )


def office_zip(parts):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def docx():
    return office_zip({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})


def odt():
    return office_zip({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<office:document/>"})


EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48 + b"This program cannot be run"
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)"><script>alert(1)</script></svg>'
)


# Helpers ------------------------------------------------------------------------------------------------------------


def media_files():
    root = Path(settings.MEDIA_ROOT)
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file()) if root.exists() else []


def errors(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return " ".join(" ".join(node.get_text(" ").split()) for node in soup.select(".error-message, .help-critical"))


@pytest.fixture
def trainer_client(client, trainer):
    client.force_login(trainer)
    return client


@pytest.fixture
def nothing_written():
    """Fails the test if it wrote an image, a rendition, a document or any file in MEDIA_ROOT."""
    images, documents = get_image_model(), get_document_model()
    before = (images.objects.count(), documents.objects.count(), media_files())
    yield
    assert (images.objects.count(), documents.objects.count(), media_files()) == before


def assert_french_400(response):
    assert response.status_code == 400
    content = response.content.decode()
    assert '<html lang="fr">' in content
    assert "Nous n'avons pas compris la demande" in content


# Settings -----------------------------------------------------------------------------------------------------------


def test_configured_limits():
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 5 * MB
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 40_000_000
    assert set(settings.WAGTAILIMAGES_EXTENSIONS) == {"gif", "jpg", "jpeg", "png", "webp"}
    assert not {"svg", "html", "htm", "xml", "js", "exe"} & set(settings.WAGTAILDOCS_EXTENSIONS)
    assert set(settings.WAGTAILDOCS_EXTENSIONS) == set(uploads.DOCUMENT_KINDS)
    assert settings.DOCUMENTS_MAX_UPLOAD_SIZE == 10 * MB
    assert settings.WAGTAILDOCS_MAX_UPLOAD_SIZE == settings.VIDEOS_MAX_UPLOAD_SIZE == 100 * MB
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"
    assert settings.WAGTAILDOCS_INLINE_CONTENT_TYPES == ["application/pdf"]
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE == 2 * MB
    assert settings.DATA_UPLOAD_MAX_NUMBER_FIELDS == 5000


# Images -------------------------------------------------------------------------------------------------------------


def test_a_picture_within_the_limits_is_accepted(trainer_client):
    response = trainer_client.post(
        "/admin/images/add/", {"title": "Bouton", "file": SimpleUploadedFile("b.png", png())}
    )
    assert response.status_code == 302, errors(response)
    assert get_image_model().objects.get().title == "Bouton"
    assert media_files() == ["original_images/b.png"]


def test_an_oversized_image_is_refused_and_nothing_is_written(trainer_client, nothing_written):
    # A valid PNG followed by padding: heavier than 5 MB, the rest of the checks would accept it.
    heavy = png() + b"\x00" * (5 * MB)
    response = trainer_client.post(
        "/admin/images/add/", {"title": "Lourde", "file": SimpleUploadedFile("l.png", heavy)}
    )
    assert response.status_code == 200
    assert "Ce fichier est trop gros" in errors(response)
    assert "5,0" in errors(response)


def test_an_image_with_too_many_pixels_is_refused(trainer_client, nothing_written):
    buffer = io.BytesIO()
    PILImage.new("1", (7000, 6000)).save(buffer, "PNG")  # 42 million pixels in a few kilobytes
    response = trainer_client.post(
        "/admin/images/add/", {"title": "Géante", "file": SimpleUploadedFile("g.png", buffer.getvalue())}
    )
    assert response.status_code == 200
    assert "trop grand nombre de pixels" in errors(response)


def test_a_damaged_image_is_a_form_error_not_a_server_error(trainer_client, nothing_written):
    damaged = png_claiming(8000, 8000)  # the header announces far more pixels than the file holds
    response = trainer_client.post(
        "/admin/images/add/", {"title": "Abîmée", "file": SimpleUploadedFile("a.png", damaged)}
    )
    assert response.status_code == 200
    assert "image valide" in errors(response)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("dessin.svg", SVG, "non supporté"),
        ("dessin-declare.svg", b'<?xml version="1.0"?>\n' + SVG, "non supporté"),
        ("page.html", HTML, "non supporté"),
        ("page.png", HTML, "non valide"),
        ("programme.jpg", EXE, "image valide"),
        ("photo.jpg", png(), "ne correspond pas"),
        ("polyglotte.gif", gif_with_comment(b"*/=1;<script>alert(1)</script>"), "contient du code"),
        ("polyglotte.png", png() + b"<html><body onload=alert(1)></body></html>", "contient du code"),
        ("polyglotte-svg.png", png() + b"<svg onload=alert(1)>", "contient du code"),
    ],
    ids=lambda value: value if isinstance(value, str) and "." in value else "",
)
def test_files_that_are_not_plain_pictures_are_refused(trainer_client, nothing_written, name, content, message):
    response = trainer_client.post("/admin/images/add/", {"title": "Essai", "file": SimpleUploadedFile(name, content)})
    assert response.status_code == 200
    assert message in errors(response), errors(response)


def test_the_multiple_uploader_applies_the_same_checks(trainer_client, nothing_written):
    polyglot = png() + b"<script>alert(1)</script>"
    response = trainer_client.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile("p.png", polyglot)},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    assert response.status_code == 200
    assert response.json()["success"] is False
    assert "contient du code" in response.json()["error_message"]


def test_a_picture_with_xmp_metadata_near_its_start_is_still_accepted():
    metadata = b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"></x:xmpmeta>'
    uploads.check_image(png()[:33] + metadata + png()[33:])


# Documents ---------------------------------------------------------------------------------------------------------


def post_document(client, name, content, title="Notice"):
    return client.post("/admin/documents/add/", {"title": title, "file": SimpleUploadedFile(name, content)})


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("notice.pdf", pdf()),
        ("courrier.docx", docx()),
        ("courrier.odt", odt()),
        ("contacts.csv", "nom;téléphone\nCAF;3230\n".encode()),
        ("sous-titres.vtt", b"WEBVTT\n\n00:00.000 --> 00:02.000\n<b>Bonjour</b>\n"),
        ("demo.mp4", b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 64),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_documents_of_the_allowed_kinds_are_accepted(trainer_client, name, content):
    response = post_document(trainer_client, name, content)
    assert response.status_code == 302, errors(response)
    assert get_document_model().objects.get().file.name == f"documents/{name}"


def test_an_oversized_document_is_refused(trainer_client, nothing_written):
    heavy = pdf(b"%" + b"x" * (10 * MB))
    response = post_document(trainer_client, "gros.pdf", heavy)
    assert response.status_code == 200
    assert "Ce fichier est trop lourd" in errors(response)
    assert "10,0" in errors(response) and "pour un document" in errors(response)


def test_an_oversized_video_is_refused(trainer_client, nothing_written, settings):
    settings.VIDEOS_MAX_UPLOAD_SIZE = 1000  # the real limit (100 MB) is too heavy for a test
    response = post_document(trainer_client, "film.webm", b"\x1a\x45\xdf\xa3" + b"\x00" * 2000)
    assert response.status_code == 200
    assert "trop lourd" in errors(response) and "pour une vidéo" in errors(response)


@pytest.mark.parametrize(
    "name",
    ["page.html", "page.htm", "dessin.svg", "programme.exe", "script.js", "donnees.xml", "macro.docm", "lot.zip"],
)
def test_documents_of_a_refused_extension_are_refused(trainer_client, nothing_written, name):
    response = post_document(trainer_client, name, HTML)
    assert response.status_code == 200
    assert "n’est pas autorisée" in errors(response) or "n'est pas autorisée" in errors(response), errors(response)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notice.pdf", EXE, "ne correspond pas à un fichier .pdf"),
        ("notice.pdf", HTML, "ne correspond pas à un fichier .pdf"),
        ("courrier.docx", EXE, "ne correspond pas à un fichier .docx"),
        ("courrier.docx", office_zip({"evil.html": HTML}), "ne correspond pas à un fichier .docx"),
        ("tableau.ods", docx(), "ne correspond pas à un fichier .ods"),
        ("film.mp4", HTML, "ne correspond pas à un fichier .mp4"),
        ("sous-titres.vtt", HTML, "ne correspond pas à un fichier .vtt"),
        ("notes.txt", EXE, "ne correspond pas à un fichier .txt"),
        ("notes.txt", HTML, "contient du code"),
        ("contacts.csv", b"nom;site\n<svg onload=alert(1)>;x\n", "contient du code"),
        ("guide.pdf", pdf(b"3 0 obj << /S /JavaScript /JS (app.alert(1)) >> endobj"), "contient du JavaScript"),
        ("guide.pdf", pdf(b"3 0 obj << /S /Launch /F (calc.exe) >> endobj"), "action automatique"),
    ],
    ids=lambda value: value if isinstance(value, str) and "." in value and " " not in value else "",
)
def test_documents_whose_content_does_not_match_are_refused(trainer_client, nothing_written, name, content, message):
    response = post_document(trainer_client, name, content)
    assert response.status_code == 200
    assert message in errors(response), errors(response)


def test_the_multiple_document_uploader_applies_the_same_checks(trainer_client, nothing_written):
    response = trainer_client.post(
        "/admin/documents/multiple/add/",
        {"files[]": SimpleUploadedFile("notice.pdf", EXE)},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    assert response.json()["success"] is False
    assert "ne correspond pas" in response.json()["error_message"]


def served(client, document):
    """The response serving a document, read and closed (Wagtail streams the file). Closing sends
    request_finished, which would close the test's database connection: the test client disconnects it too."""
    response = client.get(document.url)
    assert response.status_code == 200, (document.url, response.status_code)
    response.body = b"".join(response.streaming_content)
    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)
    return response


def test_documents_are_served_as_downloads_that_cannot_run(trainer_client, client):
    post_document(trainer_client, "notes.txt", b"Apportez votre carte Vitale.\n", title="Notes")
    post_document(trainer_client, "notice.pdf", pdf(), title="Notice")
    documents = {document.title: document for document in get_document_model().objects.all()}
    client.logout()
    text = served(client, documents["Notes"])
    assert text.status_code == 200
    assert text["Content-Disposition"].startswith("attachment")
    assert text["Content-Type"].startswith("text/plain")
    notice = served(client, documents["Notice"])
    assert notice["Content-Disposition"].startswith("inline")
    assert notice["Content-Type"] == "application/pdf"
    for response in (text, notice):
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Content-Security-Policy"] == "default-src 'none'"


# GIFT import ------------------------------------------------------------------------------------------------------


def gift_post(client, module, content, name="quiz.gift"):
    return client.post(
        "/admin/quiz/importer-gift/",
        {"file": SimpleUploadedFile(name, content), "module": module.pk, "title": "Quiz importé"},
    )


def test_an_oversized_gift_file_is_a_form_error(trainer_client, module):
    question = b"::Q:: Quelle est la bonne adresse ?{=ameli.fr ~ameli.com}\n\n"
    response = gift_post(trainer_client, module, question * (1_000_000 // len(question) + 1))
    assert response.status_code == 200
    assert "Le fichier dépasse 1 Mo" in errors(response)
    assert not QuizPage.objects.exists()
    assert not trainer_client.session.get("gift_imports")


@pytest.mark.parametrize(
    "content", ["Question ?{=oui ~non}".encode("utf-16"), b"\xfa Question ?{=oui ~non}"], ids=["utf-16", "latin-1"]
)
def test_a_gift_file_in_another_encoding_is_a_form_error(trainer_client, module, content):
    response = gift_post(trainer_client, module, content)
    assert response.status_code == 200
    assert "UTF-8" in errors(response)
    assert not QuizPage.objects.exists()
    assert not trainer_client.session.get("gift_imports")


# Ordinary forms ----------------------------------------------------------------------------------------------------


@pytest.fixture
def agent_client(client, agent):
    client.force_login(agent)
    return client


def test_an_oversized_form_gets_our_400_page_and_saves_nothing(agent_client, resident):
    url = f"/espace-agent/personnes/{resident.pk}/notes/"
    response = agent_client.post(url, {"text": "x" * (2 * MB + 1)})
    assert_french_400(response)
    assert not ResidentNote.objects.exists()


def test_an_oversized_form_from_a_browser_gets_our_400_page(home_page):
    """With CSRF checks on, as in a browser: reading the token from the body is what finds the body too big."""
    browser = Client(enforce_csrf_checks=True)
    browser.get("/comptes/signup/")
    token = browser.cookies["csrftoken"].value
    response = browser.post("/comptes/signup/", {"csrfmiddlewaretoken": token, "username": "x" * (2 * MB + 1)})
    assert_french_400(response)


def test_too_many_fields_get_our_400_page(agent_client, resident):
    url = f"/espace-agent/personnes/{resident.pk}/notes/"
    data = {f"champ{number}": "x" for number in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)} | {
        "text": "Bonjour"
    }
    assert_french_400(agent_client.post(url, data))
    assert not ResidentNote.objects.exists()


def test_too_many_files_get_our_400_page(agent_client, resident):
    url = f"/espace-agent/personnes/{resident.pk}/notes/"
    files = {f"fichier{number}": SimpleUploadedFile(f"{number}.txt", b"x") for number in range(101)}
    assert_french_400(agent_client.post(url, {"text": "Bonjour", **files}))
    assert not ResidentNote.objects.exists()
    assert media_files() == []


BOUNDARY = "LaFrontiere"
TAMPERED = {
    "no boundary": ("multipart/form-data", encode_multipart(BOUNDARY, {"text": "Bonjour"})),
    "bad base64": (
        f"multipart/form-data; boundary={BOUNDARY}",
        (
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="fichier"; filename="a.txt"\r\n'
            f"Content-Transfer-Encoding: base64\r\n\r\n@@@ pas du base64 @@@\r\n--{BOUNDARY}--\r\n"
        ).encode(),
    ),
    "endless headers": (
        f"multipart/form-data; boundary={BOUNDARY}",
        (f"--{BOUNDARY}\r\nX-Long: {'a' * 20_000}\r\n\r\nx\r\n--{BOUNDARY}--\r\n").encode(),
    ),
    "latin-1 urlencoded": ("application/x-www-form-urlencoded; charset=latin-1", b"text=caf%E9"),
}


@pytest.mark.parametrize("case", TAMPERED)
def test_a_tampered_body_gets_our_400_page(agent_client, resident, case):
    content_type, body = TAMPERED[case]
    response = agent_client.post(f"/espace-agent/personnes/{resident.pk}/notes/", body, content_type=content_type)
    assert_french_400(response)
    assert not ResidentNote.objects.exists()


def test_a_real_size_diagnostic_page_can_be_saved_from_the_admin(client, reviewer, home_page, settings):
    """About 1,100 fields: above Django's default limit of 1,000, which refused the demo « Faire le point »."""
    domain = Domain.objects.create(code="9", title="Domaine d'essai")
    competence = Competence.objects.create(domain=domain, code="9.1", title="Compétence d'essai")
    questions = [competence_question("9.1", 1 + number % 3, number, competence.pk) for number in range(90)]
    page = DiagnosticPageFactory(parent=home_page, competence_questions=questions)
    fields = {
        "title": page.title,
        "slug": page.slug,
        "intro": "<p>Faites le point.</p>",
        "equipment_questions": page.equipment_questions.raw_data,
        "competence_questions": page.competence_questions.raw_data,
        "min_questions": 15,
        "max_questions": 25,
    }
    data = page_form_data(DiagnosticPage, fields)
    assert len(data) > 1000
    client.force_login(reviewer)
    response = client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 302, errors(response)[:500]
    assert Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object().max_questions == 25
