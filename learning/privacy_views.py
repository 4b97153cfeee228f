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

from learning import audit, followup, privacy
from learning.agent_access import agent_required
from learning.agent_views import render_agent
from learning.enums import AuditAction


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
    return TemplateResponse(request, "learning/my_data.html", {})


@require_safe
@never_cache
@login_required
def my_data_download(request):
    response = HttpResponse(privacy.export_zip(request.user), content_type="application/zip")
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
            privacy.erase_user(user)
            messages.success(request, "Votre compte a été supprimé.")
            return redirect("/")
        return TemplateResponse(request, "learning/delete_account.html", {"form": form}, status=400)
    return TemplateResponse(request, "learning/delete_account.html", {"form": form})


@never_cache
@agent_required
@require_http_methods(["GET", "POST"])
def agent_erase_resident(request, resident_id):
    resident = followup.resident_or_404(request.user, resident_id)
    form = ConfirmUsernameForm(request.POST or None, expected=resident.username)
    context = {"resident": resident, "form": form}
    if request.method == "POST":
        if form.is_valid():
            name = str(resident)
            audit.record(
                actor=request.user,
                structure=followup.shared_structure(request.user, resident),
                action=AuditAction.ERASE,
                resident=resident,
            )
            privacy.erase_user(resident, by_agent=True)
            messages.success(request, f"Le compte de {name} et toutes ses données ont été effacés.")
            return redirect("agent:residents")
        return render_agent(request, "learning/agent/erase_resident.html", context, section="residents", status=400)
    return render_agent(request, "learning/agent/erase_resident.html", context, section="residents")
