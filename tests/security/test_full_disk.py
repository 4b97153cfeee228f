"""A full disk during an upload: a form error, the error logged, and neither a truncated file nor a row left behind.

The disk is real when the tests may mount one (as root, in CI and on the project's machines): a 64 KiB tmpfs used as
MEDIA_ROOT, and files bigger than that. Where mounting is refused, the same tests run against a storage whose writes
stop after 1 KiB with OSError(ENOSPC), as a full disk does.
"""

import errno
import html
import io
import logging
import os
import random
import shutil
import subprocess
from pathlib import Path

from django.core.files.base import File
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

import pytest
from PIL import Image as PILImage

from cms.storage import MediaStorage
from cms.uploads import DISK_FULL

pytestmark = pytest.mark.django_db

DISK_SIZE = 64 * 1024
KB = 1024


class _FillingUp(File):
    """Content that the disk accepts for its first kibibyte only."""

    def chunks(self, chunk_size=None):
        yield self.file.read(KB)
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


class _FullDiskBase(MediaStorage.__mro__[1]):  # FileSystemStorage, under MediaStorage in the MRO below
    def _save(self, name, content):
        content.seek(0)
        return super()._save(name, _FillingUp(io.BytesIO(content.read())))


class FullDiskStorage(MediaStorage, _FullDiskBase):
    """MediaStorage on a disk that fills up after 1 KiB of each file (the fallback when no tmpfs can be mounted)."""


def mount_tmpfs(path):
    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={DISK_SIZE}", "tmpfs", str(path)], capture_output=True, check=False
    )
    return result.returncode == 0


@pytest.fixture
def full_disk(settings, tmp_path):
    """MEDIA_ROOT on a 64 KiB disk (real when possible): returns a function listing every file left in it."""
    root = tmp_path / "small-disk"
    root.mkdir()
    mounted = mount_tmpfs(root)
    settings.MEDIA_ROOT = root
    if not mounted:
        settings.STORAGES = {
            **settings.STORAGES,
            "default": {"BACKEND": f"{__name__}.FullDiskStorage"},
        }

    def files():
        return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())

    files.real = mounted
    yield files
    if mounted:
        subprocess.run(["umount", str(root)], check=True)


def noise_png(side=180):
    """A PNG that does not compress: about 100 KB, more than the whole disk."""
    pixels = random.Random(14).randbytes(side * side * 3)
    buffer = io.BytesIO()
    PILImage.frombytes("RGB", (side, side), pixels).save(buffer, "PNG")
    return buffer.getvalue()


def big_text(size=200 * KB):
    return ("Démarches en ligne, pas à pas.\n" * (size // 31)).encode()


def big_mp4(size=200 * KB):
    return b"\x00\x00\x00\x18ftypmp42" + b"\x00" * size


def big_vtt(size=200 * KB):
    return b"WEBVTT\n\n" + b"00:00.000 --> 00:02.000\nBonjour\n\n" * (size // 35)


@pytest.fixture
def trainer_client(client, trainer):
    client.force_login(trainer)
    return client


@pytest.fixture
def rows():
    images, documents = get_image_model(), get_document_model()
    return lambda: (images.objects.count(), documents.objects.count())


def assert_refused_and_logged(caplog, files, rows, before):
    assert files() == []
    assert rows() == before
    logged = [record for record in caplog.records if record.name == "cms.uploads" and record.levelno == logging.ERROR]
    assert len(logged) == 1
    assert "No space left" in logged[0].getMessage()


UPLOADS = {
    "image": ("/admin/images/add/", "carte.png", noise_png),
    "document": ("/admin/documents/add/", "notice.txt", big_text),
    "video": ("/admin/documents/add/", "demo.mp4", big_mp4),
    "subtitles": ("/admin/documents/add/", "demo.vtt", big_vtt),
}


@pytest.mark.parametrize("kind", UPLOADS)
def test_an_upload_on_a_full_disk_is_a_form_error(trainer_client, full_disk, rows, caplog, kind):
    url, name, content = UPLOADS[kind]
    before = rows()
    response = trainer_client.post(url, {"title": "Essai", "file": SimpleUploadedFile(name, content())})
    assert response.status_code == 200
    assert DISK_FULL in html.unescape(response.content.decode())
    assert_refused_and_logged(caplog, full_disk, rows, before)


@pytest.mark.parametrize(
    ("url", "name", "content"),
    [("/admin/images/multiple/add/", "carte.png", noise_png), ("/admin/documents/multiple/add/", "a.txt", big_text)],
    ids=["images", "documents"],
)
def test_the_multiple_uploader_on_a_full_disk_says_so(trainer_client, full_disk, rows, caplog, url, name, content):
    before = rows()
    response = trainer_client.post(
        url, {"files[]": SimpleUploadedFile(name, content())}, HTTP_X_REQUESTED_WITH="XMLHttpRequest"
    )
    assert response.status_code == 200
    assert response.json() == {"success": False, "error_message": DISK_FULL}
    assert_refused_and_logged(caplog, full_disk, rows, before)


@pytest.mark.parametrize(
    ("url", "name", "content"),
    [
        ("/admin/images/chooser/create/", "carte.png", noise_png),
        ("/admin/documents/chooser/create/", "a.txt", big_text),
    ],
    ids=["images", "documents"],
)
def test_the_chooser_upload_on_a_full_disk_says_so(trainer_client, full_disk, rows, caplog, url, name, content):
    """The « Envoyer depuis l'ordinateur » tab of the image and document choosers, in the page editor."""
    before = rows()
    prefix = "image-chooser-upload" if "images" in url else "document-chooser-upload"
    response = trainer_client.post(
        url, {f"{prefix}-title": "Essai", f"{prefix}-file": SimpleUploadedFile(name, content())}
    )
    assert response.status_code == 200
    assert response.json()["step"] == "reshow_creation_form"
    assert DISK_FULL in html.unescape(response.json()["htmlFragment"])
    assert_refused_and_logged(caplog, full_disk, rows, before)


def test_a_large_upload_waiting_in_a_temporary_file_is_refused_too(trainer_client, full_disk, rows, caplog):
    """Above FILE_UPLOAD_MAX_MEMORY_SIZE (2 MB) the upload waits in a temporary file, moved (copied) to the disk."""
    before = rows()
    response = trainer_client.post(
        "/admin/documents/add/", {"title": "Essai", "file": SimpleUploadedFile("long.txt", big_text(3 * 1024 * KB))}
    )
    assert response.status_code == 200
    assert DISK_FULL in html.unescape(response.content.decode())
    assert_refused_and_logged(caplog, full_disk, rows, before)


def test_replacing_an_image_on_a_full_disk_keeps_the_old_one(trainer_client, full_disk, rows, caplog, settings):
    small = io.BytesIO()
    PILImage.new("RGB", (4, 4), "#0b4f9c").save(small, "PNG")
    # The picture and the thumbnails of its edit page, made while there was room (the simulated disk is always full).
    # A thumbnail Wagtail has to make on a full disk is still a 500: see docs/security.md.
    with override_settings(STORAGES={**settings.STORAGES, "default": {"BACKEND": "cms.storage.MediaStorage"}}):
        image = get_image_model().objects.create(
            title="Carte", file=SimpleUploadedFile("petite.png", small.getvalue())
        )
        image.get_renditions("max-800x600", "original")
    files_before, before = full_disk(), rows()

    response = trainer_client.post(
        f"/admin/images/{image.pk}/",
        {"title": "Carte", "file": SimpleUploadedFile("grande.png", noise_png())},
    )
    assert response.status_code == 200, response.get("Location")
    assert DISK_FULL in html.unescape(response.content.decode())
    image.refresh_from_db()
    assert image.file.name == "original_images/petite.png"
    assert image.file.storage.exists(image.file.name)
    assert full_disk() == files_before
    assert rows() == before


def test_media_storage_removes_what_it_wrote_when_the_disk_fills_up(tmp_path):
    storage = FullDiskStorage(location=tmp_path)
    with pytest.raises(OSError, match="No space left"):
        storage.save("documents/notice.txt", File(io.BytesIO(big_text())))
    assert [path for path in Path(tmp_path).rglob("*") if path.is_file()] == []


def test_media_storage_still_gives_each_file_a_name_of_its_own(tmp_path):
    storage = MediaStorage(location=tmp_path)
    first = storage.save("documents/notice.txt", File(io.BytesIO(b"un")))
    second = storage.save("documents/notice.txt", File(io.BytesIO(b"deux")))
    assert first == "documents/notice.txt"
    assert second != first and second.startswith("documents/notice_")
    with storage.open(first) as one, storage.open(second) as two:
        assert (one.read(), two.read()) == (b"un", b"deux")
    assert sorted(path.name for path in (tmp_path / "documents").iterdir()) == sorted(
        [Path(first).name, Path(second).name]
    )
