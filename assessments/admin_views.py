"""Wagtail admin: import a GIFT file into a draft quiz, with a full preview of what will be created; export a quiz
as a .gift file."""

import secrets

from django import forms
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe

from wagtail.models import Page

from assessments import gift_import
from assessments.gift_import import MAX_BYTES
from assessments.models import QuizPage
from cms.text import parse_int

# The one preview waiting for « Créer le quiz » in this session: {"token", "data", "module", "title"}. A new preview
# replaces it, so a session holds at most one file (MAX_BYTES, refused beyond by the form).
SESSION_KEY = "gift_import"
# Earlier versions kept every preview of the session under this key, without bound: dropped when met.
OLD_SESSION_KEY = "gift_imports"
STALE_PREVIEW = (
    "Cet aperçu n'est plus valable (un aperçu plus récent l'a remplacé, ou le quiz a déjà été créé) : "
    "envoyez de nouveau le fichier."
)


def modules_for(user):
    """Pages under which this person may create a quiz."""
    parent_types = [model.lower().split(".") for model in QuizPage.parent_page_types]
    content_types = [ContentType.objects.get_by_natural_key(app, model) for app, model in parent_types]
    pages = Page.objects.filter(content_type__in=content_types).order_by("title")
    return [page for page in pages if page.permissions_for_user(user).can_add_subpage()]


class UploadForm(forms.Form):
    file = forms.FileField(label="Fichier GIFT", help_text="Format texte de Moodle, encodé en UTF-8, 1 Mo au plus.")
    module = forms.TypedChoiceField(label="Module", coerce=int)
    title = forms.CharField(label="Titre du quiz", max_length=200)

    def __init__(self, *args, modules, **kwargs):
        super().__init__(*args, **kwargs)
        self.modules = {page.pk: page for page in modules}
        self.fields["module"].choices = [(page.pk, page.title) for page in modules]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError("Le fichier dépasse 1 Mo : découpez-le en plusieurs fichiers.")
        return upload


def import_gift(request):
    modules = modules_for(request.user)
    if not modules:
        raise PermissionDenied
    if OLD_SESSION_KEY in request.session:
        del request.session[OLD_SESSION_KEY]
    if request.method == "POST" and "token" in request.POST:
        pending = request.session.get(SESSION_KEY)
        if not isinstance(pending, dict) or not secrets.compare_digest(
            str(pending.get("token", "")).encode(), request.POST["token"].encode()
        ):
            messages.error(request, STALE_PREVIEW)
            return redirect("assessments_import_gift")
        del request.session[SESSION_KEY]
        module = next((page for page in modules if page.pk == pending["module"]), None)
        if module is None:
            raise PermissionDenied
        try:
            parsed = gift_import.preview(pending["data"].encode("utf-8"), title=pending["title"])
        except gift_import.ImportRefused as error:
            messages.error(request, str(error))
            return redirect("assessments_import_gift")
        quiz = gift_import.create_draft_quiz(module=module.specific, parsed=parsed, user=request.user)
        messages.success(
            request, f"Quiz « {quiz.title} » créé en brouillon : relisez-le puis soumettez-le à la relecture."
        )
        return redirect("wagtailadmin_pages:edit", quiz.pk)

    form = UploadForm(request.POST or None, request.FILES or None, modules=modules)
    quizzes = quizzes_for(request.user)
    context = {
        "form": form,
        "export_form": ExportForm(quizzes=quizzes) if quizzes else None,
        "header_title": "Importer ou exporter un quiz (GIFT)",
    }
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data["file"].read()
        try:
            parsed = gift_import.preview(data, title=form.cleaned_data["title"])
        except gift_import.ImportRefused as error:
            form.add_error("file", str(error))
        else:
            token = secrets.token_urlsafe(16)
            request.session[SESSION_KEY] = {  # replaces the previous preview, if any
                "token": token,
                "data": data.decode("utf-8-sig"),
                "module": form.cleaned_data["module"],
                "title": parsed.title,
            }
            context.update(
                {
                    "preview": parsed,
                    "token": token,
                    "module": form.modules[form.cleaned_data["module"]],
                }
            )
    return TemplateResponse(request, "assessments/admin/import_gift.html", context)


def quizzes_for(user):
    """Quizzes this person may edit, hence export."""
    quizzes = QuizPage.objects.order_by("title")
    return [quiz for quiz in quizzes if quiz.permissions_for_user(user).can_edit()]


class ExportForm(forms.Form):
    quiz = forms.TypedChoiceField(label="Quiz à exporter", coerce=int)

    def __init__(self, *args, quizzes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quiz"].choices = [(quiz.pk, f"{quiz.title} ({quiz.get_parent().title})") for quiz in quizzes]


@require_safe
def export_gift(request):
    """Download the latest revision of a quiz as a .gift file. Questions GIFT cannot express are listed in
    comment lines at the top of the file (Moodle ignores them) and in a message."""
    quiz = QuizPage.objects.filter(pk=parse_int(request.GET.get("quiz", ""))).first()
    if quiz is None:
        messages.error(request, "Choisissez un quiz à exporter.")
        return redirect("assessments_import_gift")
    if not quiz.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    result = gift_import.export(quiz)
    header = [f"// Quiz « {quiz.title} » exporté de Pas à pas."]
    header += [
        f"// Non exportée (question {issue.line}{', ' + issue.name if issue.name else ''}) : {issue.message}"
        for issue in result.skipped
    ]
    response = HttpResponse("\n".join(header) + "\n\n" + result.text, content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{gift_import.export_filename(quiz)}"'
    return response
