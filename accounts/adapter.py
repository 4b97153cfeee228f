import re

from django import forms

from allauth.account.adapter import DefaultAccountAdapter

from accounts import ratelimit
from accounts.enums import UserKind

USERNAME_INVALID = (
    "L'identifiant s'écrit avec des lettres et des chiffres, sans espace ni apostrophe. Pour séparer deux mots, "
    "mettez un point ou un tiret : par exemple amina.diallo ou amina-diallo."
)
EXAMPLE_USERNAME = "amina.diallo"


def username_with_dots(username):
    """« Amina Diallo » → « Amina.Diallo »: what to type instead, when that makes a valid identifier."""
    suggestion = re.sub(r"\s+", ".", username.strip())
    if re.fullmatch(r"[\w.@+-]+", suggestion):
        return suggestion
    return EXAMPLE_USERNAME


def spaces_message(username):
    suggestion = username_with_dots(username)
    return f"Pas d'espace dans l'identifiant : mettez un point à la place. Écrivez par exemple {suggestion}."


class AccountAdapter(DefaultAccountAdapter):
    """People who sign up on the public site are residents; professionals are created by an admin or a manager."""

    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "username_taken": (
            "Cet identifiant est déjà pris (majuscules et minuscules ne comptent pas). Choisissez-en un autre."
        ),
    }

    @staticmethod
    def _identifier(credentials):
        return credentials.get("username") or credentials.get("email") or ""

    def pre_authenticate(self, request, **credentials):
        """Too many failures for this account (whatever was typed) or from this network: refused unchecked."""
        if ratelimit.password_login_blocked(request, self._identifier(credentials)):
            raise self.validation_error("too_many_login_attempts")

    def authentication_failed(self, request, **credentials):
        ratelimit.record_password_login_failure(request, self._identifier(credentials))

    def authenticate(self, request, **credentials):
        user = super().authenticate(request, **credentials)
        if user is not None:
            ratelimit.record_password_login_success(request, self._identifier(credentials))
        return user

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.kind = UserKind.RESIDENT
        display_name = form.cleaned_data.get("display_name", "")
        if display_name:
            user.display_name = display_name
        if commit:
            user.save()
        return user

    def clean_username(self, username, shallow=False):
        """Spaces are refused with what to type instead; other characters with the rule in words, not symbols."""
        username = username.strip()
        if re.search(r"\s", username):
            raise forms.ValidationError(spaces_message(username), code="username_spaces")
        try:
            return super().clean_username(username, shallow=shallow)
        except forms.ValidationError as error:
            if any(getattr(item, "code", None) == "invalid" for item in error.error_list):
                raise forms.ValidationError(USERNAME_INVALID, code="invalid") from error
            raise
