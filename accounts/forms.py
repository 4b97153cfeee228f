from django import forms
from django.contrib.auth.forms import PasswordChangeForm, SetPasswordForm

from allauth.account.models import EmailAddress

from accounts.models import User


class SignupForm(forms.Form):
    """Extra fields of allauth's sign-up form."""

    display_name = forms.CharField(
        label="Votre prénom",  # the form field adds « (facultatif) » to every optional field
        max_length=150,
        required=False,
        help_text="Il sera affiché sur votre espace.",
    )

    def signup(self, request, user):
        """allauth calls this after the user is created; the adapter already stored the display name."""


class UnrenderedTextInput(forms.TextInput):
    """A visible text input whose value is never sent back into the page (shared computers)."""

    def get_context(self, name, value, attrs):
        return super().get_context(name, None, attrs)


class CodeLoginForm(forms.Form):
    """Sign in with the username and the code printed on the login card. Checking the code is the view's job."""

    username = forms.CharField(
        label="Identifiant",
        max_length=150,
        help_text="Il est écrit sur votre carte de connexion.",
        # No autocomplete: on a shared computer, the browser must not suggest someone else's name.
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "none", "spellcheck": "false"}),
    )
    code = forms.CharField(
        label="Code de connexion",
        max_length=40,
        help_text="8 lettres et chiffres, écrits sur votre carte. Majuscules ou minuscules, c'est pareil. "
        "Les espaces et les tirets ne comptent pas.",
        widget=UnrenderedTextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false", "class": "input-code"}
        ),
    )
    next = forms.CharField(required=False, widget=forms.HiddenInput)


class PasswordFieldsMixin:
    """Plain-French labels and messages for Django's password forms."""

    new_password_help = "Au moins 8 caractères. Évitez un mot de passe trop simple, comme 12345678 ou votre prénom."

    def relabel(self):
        self.fields["new_password1"].label = "Nouveau mot de passe"
        self.fields["new_password1"].help_text = self.new_password_help
        self.fields["new_password2"].label = "Nouveau mot de passe, encore une fois"
        self.fields["new_password2"].help_text = "Pour vérifier qu'il n'y a pas de faute de frappe."
        self.error_messages = {
            **self.error_messages,
            "password_mismatch": "Les deux mots de passe ne sont pas identiques.",
            "password_incorrect": "Ce n'est pas votre mot de passe actuel. Réessayez.",
        }


class ResidentSetPasswordForm(PasswordFieldsMixin, SetPasswordForm):
    """A resident who signed in with their card adds a password: no current password to give."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.relabel()
        self.fields["new_password1"].widget.attrs.pop("autofocus", None)


class ResidentPasswordChangeForm(PasswordFieldsMixin, PasswordChangeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.relabel()
        self.fields["old_password"].label = "Mot de passe actuel"
        self.fields["old_password"].widget.attrs.pop("autofocus", None)


def password_form_for(user, *args, **kwargs):
    """Change the password if there is one (the current one is asked), otherwise set a first one."""
    form_class = ResidentPasswordChangeForm if user.has_usable_password() else ResidentSetPasswordForm
    return form_class(user, *args, **kwargs)


class AddEmailForm(forms.Form):
    email = forms.EmailField(
        label="Adresse électronique",
        max_length=254,
        help_text="Par exemple : prenom.nom@exemple.fr",
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        taken = (
            User.objects.filter(email__iexact=email).exclude(pk=self.user.pk).exists()
            or EmailAddress.objects.filter(email__iexact=email).exclude(user=self.user).exists()
        )
        if taken:
            raise forms.ValidationError(
                "Cette adresse est déjà utilisée par un autre compte. Choisissez-en une autre, "
                "ou demandez de l'aide à votre conseiller."
            )
        if EmailAddress.objects.filter(user=self.user, email__iexact=email, verified=True).exists():
            raise forms.ValidationError("Cette adresse est déjà enregistrée et vérifiée sur votre compte.")
        return email
