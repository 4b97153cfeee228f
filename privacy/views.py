"""« Mes données »: what is kept, the download, deleting one's account; and an agent erasing a resident on request."""

from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from followup.access import agent_required, resident_or_404, shared_structure_or_404
from followup.fresh_cards import forget_fresh_card
from followup.layout import render_agent
from privacy import erasure, export


class ConfirmUsernameForm(forms.Form):
    """Typing the account's username confirms that the deletion is wanted, and for which account."""

    username = forms.CharField(label="Nom d'utilisateur", max_length=150)

    def __init__(self, *args, expected, **kwargs):
        super().__init__(*args, **kwargs)
        self.expected = expected

    def clean_username(self):
        typed = self.cleaned_data["username"].strip()
        if typed.casefold() != self.expected.casefold():
            raise forms.ValidationError("Ce n'est pas le bon nom d'utilisateur. Recopiez-le exactement.")
        return typed


@require_safe
@login_required
def my_data(request):
    return TemplateResponse(request, "privacy/my_data.html", {})


@require_safe
@never_cache
@login_required
def my_data_download(request):
    response = HttpResponse(export.export_zip(request.user), content_type="application/zip")
    filename = f"mes-donnees-pas-a-pas-{timezone.localdate():%Y-%m-%d}.zip"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request):
    user = request.user
    form = ConfirmUsernameForm(request.POST or None, expected=user.username)
    if request.method == "POST":
        if form.is_valid():
            logout(request)
            erasure.erase_user(user)
            messages.success(request, "Votre compte a été supprimé.")
            return redirect("/")
        return TemplateResponse(request, "privacy/delete_account.html", {"form": form}, status=400)
    return TemplateResponse(request, "privacy/delete_account.html", {"form": form})


class EraseScopeForm(ConfirmUsernameForm):
    """For a person other structures also follow: erase this structure's records, or the whole account on request."""

    STRUCTURE, ACCOUNT = "structure", "compte"
    field_order = ["scope", "username"]
    scope = forms.ChoiceField(
        label="Que faut-il effacer ?",
        widget=forms.RadioSelect,
        initial=STRUCTURE,
        error_messages={
            "required": "Choisissez ce qu'il faut effacer.",
            "invalid_choice": "Choisissez ce qu'il faut effacer.",
        },
    )

    def __init__(self, *args, structure, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["scope"].choices = [
            (self.STRUCTURE, f"Seulement ce que « {structure.name} » a noté : son compte reste ouvert"),
            (self.ACCOUNT, "Tout son compte, pour toutes les structures : la personne le demande"),
        ]


@never_cache
@agent_required
@require_http_methods(["GET", "POST"])
def agent_erase_resident(request, resident_id):
    """Erase at the person's request: this structure's records when another structure follows them, else all."""
    resident = resident_or_404(request.user, resident_id)
    resident_id = resident.pk
    structure = shared_structure_or_404(request.user, resident)
    elsewhere = erasure.followed_elsewhere(resident, structure)
    data = request.POST or None
    if elsewhere:
        form = EraseScopeForm(data, expected=resident.username, structure=structure)
    else:
        form = ConfirmUsernameForm(data, expected=resident.username)
    context = {"resident": resident, "form": form, "structure": structure, "elsewhere": elsewhere}
    if request.method == "POST":
        if form.is_valid():
            name = str(resident)
            if elsewhere and form.cleaned_data["scope"] == EraseScopeForm.STRUCTURE:
                erasure.end_follow_up(resident, structure=structure, by=request.user)
                text = (
                    f"Ce que « {structure.name} » avait noté sur {name} est effacé. Son compte reste ouvert : "
                    "une autre structure la suit."
                )
            else:
                erasure.erase_user(resident, by=request.user, structure=structure)
                text = f"Le compte de {name} et toutes ses données ont été effacés."
            messages.success(request, text)
            return forget_fresh_card(request, redirect("agent:residents"), resident_id)
        return render_agent(request, "privacy/erase_resident.html", context, section="residents", status=400)
    return render_agent(request, "privacy/erase_resident.html", context, section="residents")
