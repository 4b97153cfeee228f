"""What editors may upload in the Wagtail admin: images and documents are judged by their content, not their name.

Wagtail already refuses an image whose extension is not in WAGTAILIMAGES_EXTENSIONS, whose format does not match its
extension, that is too heavy or has too many pixels, and a document whose extension is not in
WAGTAILDOCS_EXTENSIONS or that is heavier than WAGTAILDOCS_MAX_UPLOAD_SIZE. The forms below (set as
WAGTAILIMAGES_IMAGE_FORM_BASE and WAGTAILDOCS_DOCUMENT_FORM_BASE) add:

* images: a damaged or truncated picture is a form error (Wagtail let Pillow's error through: a 500), and no HTML or
  script inside the file (a « polyglot » is a valid picture that is also a web page or a script);
* documents: the content matches the extension (a PDF starts with %PDF-, a .docx is an Office zip, a .txt is text…),
  a size limit per kind (DOCUMENTS_MAX_UPLOAD_SIZE, VIDEOS_MAX_UPLOAD_SIZE), no JavaScript in a PDF, no HTML at the
  start of a text file (where browsers look when they guess a type).

Nothing is written to the media folder when a check fails: forms are validated before Wagtail saves the file.

A full disk is a form error too (« Le serveur n'a plus de place… »), never a 500 nor a truncated file: the forms write
the file to the storage as the last step of their validation, so that a write refused for lack of space (ENOSPC,
EDQUOT) becomes an error on the file field, logged, before any row is saved; and cms.storage.MediaStorage (the
default storage on the server's disk) writes each file under a hidden temporary name first and gives it its real name
only once it is complete, removing the partial file whatever the error.
"""

import errno
import io
import logging
import re
import zipfile
from pathlib import PurePath

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

# Browsers look at the first 512 bytes (up to 1445) when they guess whether a file is a web page.
SNIFF_BYTES = 1445
MARKUP_ANYWHERE = re.compile(
    rb"<script|<iframe|<html|<object|<embed|<!doctype|javascript:|vbscript:|onerror\s*=|onload\s*=", re.IGNORECASE
)
# In a text file, any tag near the start makes browsers that guess take it for a page. Pictures keep XML metadata
# (XMP) near their start: for them only an SVG opening counts.
MARKUP_AT_START = re.compile(rb"<(svg|\?xml|body|head|img|a\s|div|p\b|meta|link|style|title|math|table)", re.I)
SVG_AT_START = re.compile(rb"<svg", re.IGNORECASE)
# Long names only: short ones (/JS) turn up by chance in compressed streams.
PDF_ACTIONS = re.compile(rb"/(JavaScript|Launch|EmbeddedFile|RichMedia)\b")

CODE_INSIDE = "Ce fichier contient du code (HTML ou script) : il n'est pas accepté."
WRONG_CONTENT = (
    "Le contenu de ce fichier ne correspond pas à un fichier .{extension} : il n'est pas accepté. "
    "Enregistrez-le de nouveau au bon format depuis le logiciel qui l'a créé."
)
PDF_WITH_ACTIONS = (
    "Ce PDF contient du JavaScript, une action automatique ou un fichier joint : il n'est pas accepté. "
    "Enregistrez-le de nouveau avec « Imprimer » puis « Enregistrer au format PDF »."
)
TOO_HEAVY = "Ce fichier est trop lourd ({size}) : {limit} au plus pour {kind}."
DISK_FULL = (
    "Le serveur n'a plus de place pour enregistrer ce fichier : rien n'a été enregistré. "
    "Réessayez plus tard, et prévenez l'équipe technique si cela continue."
)
# What a storage raises when there is no room left: the disk is full, or the account's quota is used up.
NO_SPACE_ERRNOS = {errno.ENOSPC, errno.EDQUOT}

logger = logging.getLogger(__name__)


def _read(upload, limit=None):
    upload.seek(0)
    data = upload.read() if limit is None else upload.read(limit)
    upload.seek(0)
    return data


def has_markup(data, *, at_start=MARKUP_AT_START):
    """HTML or script anywhere in the file, or markup where browsers look when they guess a type."""
    return bool(MARKUP_ANYWHERE.search(data) or at_start.search(data[:SNIFF_BYTES]))


# Documents: the content each extension must have ---------------------------------------------------------------


def _is_ooxml(main_part):
    def check(data):
        if not data.startswith(b"PK\x03\x04"):
            return False
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, ValueError, OSError):
            return False
        return "[Content_Types].xml" in names and main_part in names

    return check


def _is_odf(mimetype):
    def check(data):
        if not data.startswith(b"PK\x03\x04"):
            return False
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                return archive.read("mimetype")[:100].strip() == mimetype.encode()
        except (zipfile.BadZipFile, KeyError, ValueError, OSError):
            return False

    return check


def _text(data):
    """The text of a text file (UTF-8, or Windows-1252 from older spreadsheets), or None if it is not text."""
    if b"\x00" in data:
        return None
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _is_plain_text(data):
    return _text(data) is not None


def _is_webvtt(data):
    text = _text(data)
    return text is not None and re.match(r"WEBVTT(?:[ \t\r\n]|$)", text) is not None


def _is_pdf(data):
    return data[:1024].lstrip().startswith(b"%PDF-")


def _is_mp4(data):
    return data[4:8] == b"ftyp"


def _is_webm(data):
    return data.startswith(b"\x1a\x45\xdf\xa3")


DOCUMENT, VIDEO = "document", "video"
VIDEO_HEAD_BYTES = 64 * 1024
# extension → (kind, content check, whether HTML markup is refused inside)
DOCUMENT_KINDS = {
    "pdf": (DOCUMENT, _is_pdf, False),
    "docx": (DOCUMENT, _is_ooxml("word/document.xml"), False),
    "xlsx": (DOCUMENT, _is_ooxml("xl/workbook.xml"), False),
    "odt": (DOCUMENT, _is_odf("application/vnd.oasis.opendocument.text"), False),
    "ods": (DOCUMENT, _is_odf("application/vnd.oasis.opendocument.spreadsheet"), False),
    "csv": (DOCUMENT, _is_plain_text, True),
    "txt": (DOCUMENT, _is_plain_text, True),
    # Subtitles may hold <b>, <i> and <c> cue tags: they are text for the video player, never a page.
    "vtt": (DOCUMENT, _is_webvtt, False),
    "mp4": (VIDEO, _is_mp4, False),
    "webm": (VIDEO, _is_webm, False),
}
KIND_LABELS = {DOCUMENT: "un document", VIDEO: "une vidéo"}


def max_size(kind):
    return settings.VIDEOS_MAX_UPLOAD_SIZE if kind == VIDEO else settings.DOCUMENTS_MAX_UPLOAD_SIZE


def document_kind(name):
    """(kind, content check, whether markup is refused) for a file name, or None for an extension we do not take."""
    return DOCUMENT_KINDS.get(PurePath(name).suffix.lower().lstrip("."))


def check_document(name, data, *, size=None):
    """Raise forms.ValidationError (in French) if the file named `name` with content `data` is not acceptable.
    For a video, `data` may be only the start of the file and `size` its size. Extensions outside DOCUMENT_KINDS are
    left to Wagtail's WAGTAILDOCS_EXTENSIONS check."""
    if document_kind(name) is None:
        return
    extension = PurePath(name).suffix.lower().lstrip(".")
    kind, has_expected_content, refuse_markup = document_kind(name)
    size = len(data) if size is None else size
    limit = max_size(kind)
    if size > limit:
        raise forms.ValidationError(
            TOO_HEAVY.format(size=filesizeformat(size), limit=filesizeformat(limit), kind=KIND_LABELS[kind]),
            code="file_too_large",
        )
    if not has_expected_content(data):
        raise forms.ValidationError(WRONG_CONTENT.format(extension=extension), code="wrong_content")
    if refuse_markup and has_markup(data):
        raise forms.ValidationError(CODE_INSIDE, code="markup")
    if extension == "pdf" and PDF_ACTIONS.search(data):
        raise forms.ValidationError(PDF_WITH_ACTIONS, code="pdf_actions")


def check_image(data):
    """Raise forms.ValidationError if a picture (already accepted by Wagtail as one) also holds HTML or a script."""
    if has_markup(data, at_start=SVG_AT_START):
        raise forms.ValidationError(CODE_INSIDE, code="markup")


# Storage -------------------------------------------------------------------------------------------------------------


def is_out_of_space(error):
    return isinstance(error, OSError) and error.errno in NO_SPACE_ERRNOS


class StoreFileWhenValid:
    """For Wagtail's image and document forms: once every check has passed, write the uploaded file to the storage,
    so that a disk with no room left is an error on the file field (logged) instead of a 500 in the view's save()."""

    def _post_clean(self):
        super()._post_clean()
        field_file = getattr(self.instance, "file", None)
        if self._errors or "file" not in self.fields or not field_file or field_file._committed:
            return
        try:
            field_file.save(field_file.name, field_file.file, save=False)
        except OSError as error:
            if not is_out_of_space(error):
                raise
            logger.error(
                "No space left to store the upload %r (%s bytes) for %s: %s",
                field_file.name,
                getattr(field_file.file, "size", "?"),
                type(self.instance).__name__,
                error,
            )
            self.add_error("file", forms.ValidationError(DISK_FULL, code="disk_full"))
            return
        # FieldFile.save() leaves the bare stored name on the instance: what Wagtail reads next (the image's size,
        # its hash) would then open the stored file and never close it. Keep the upload in hand instead, which
        # Django closes at the end of the request.
        self.instance.file = field_file


class ImageField(WagtailImageField):
    def check_image_pixel_size(self, f):
        """Counting the pixels decodes the picture: a damaged file is a form error, not a server error."""
        try:
            super().check_image_pixel_size(f)
        except ValidationError:
            raise
        except Exception as error:  # Pillow raises OSError, SyntaxError, struct.error… on damaged files
            raise ValidationError(self.error_messages["invalid_image"], code="invalid_image") from error


class ImageForm(StoreFileWhenValid, BaseImageForm):
    """WAGTAILIMAGES_IMAGE_FORM_BASE: Wagtail's checks, then no HTML or script hidden in the picture."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None:
            self.fields["file"] = ImageField(label=field.label, required=field.required, widget=field.widget)

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):
            check_image(_read(upload))
        return upload


class DocumentForm(StoreFileWhenValid, BaseDocumentForm):
    """WAGTAILDOCS_DOCUMENT_FORM_BASE: the content matches the extension, within the size limit of its kind."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            self.fields["file"].help_text = (
                f"PDF, LibreOffice, Word, Excel, CSV ou texte : {filesizeformat(max_size(DOCUMENT))} au plus. "
                f"Vidéo MP4 ou WebM : {filesizeformat(max_size(VIDEO))} au plus, avec ses sous-titres WebVTT (.vtt)."
            )

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):
            kind = document_kind(upload.name)
            # A video is only checked by its start: no need to hold up to 100 MB in memory.
            head = VIDEO_HEAD_BYTES if kind is not None and kind[0] == VIDEO else None
            check_document(upload.name, _read(upload, head), size=upload.size)
        return upload
