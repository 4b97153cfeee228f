"""The public sign-up and sign-in forms (allauth's, with plain-French labels and the right autocomplete tokens).

Sign-up never tells whether an e-mail address already has an account.

allauth hides it only with mandatory e-mail verification, which residents without an address could not pass. Here,
when the address is taken, the account is created without it (the username is how residents sign in anyway), the
answer is the same as for any sign-up, and the owner of the address is told by e-mail, where only they can read it.
Separate from accounts.forms, which allauth imports while building its own form classes.
"""

from allauth.account.adapter import get_adapter
from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import SignupForm as AllauthSignupForm
from allauth.account.internal.userkit import filter_users_by_email

from accounts.forms import PasswordFieldsMixin

USERNAME_HELP = (
    "Des lettres et des chiffres, sans espace. Pour séparer deux mots, mettez un point ou un tiret : "
    "par exemple amina.diallo. Au moins 3 caractères."
)


def drop_placeholders(form):
    """Labels say what to type; a grey example inside the box looks already filled in and vanishes when typing."""
    for field in form.fields.values():
        field.widget.attrs.pop("placeholder", None)


class LoginForm(AllauthLoginForm):
    """The login field is an identifier (or an address), so « username », never « email »: browsers and password
    managers then fill the right thing on a person's own phone. Both tokens are the honest ones: on a shared
    computer, ``autocomplete="off"`` or ``"new-password"`` do not stop a browser offering to save a password (they
    ignore it on login forms) and would mislead password managers; the page says what to answer instead.

    allauth puts « Mot de passe oublié ? » in the password's help text, between the two fields: Tab from the
    identifier went to that link and Enter opened the reset page. The link is after the form (« Besoin d'aide ? »).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        drop_placeholders(self)
        login = self.fields["login"]
        login.label = "Identifiant ou adresse électronique"
        login.widget.attrs.update({"autocomplete": "username", "autocapitalize": "none", "spellcheck": "false"})
        password = self.fields["password"]
        password.help_text = ""
        password.widget.attrs["autocomplete"] = "current-password"


class SignupForm(AllauthSignupForm):
    address_taken = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        drop_placeholders(self)
        username = self.fields["username"]
        username.label = "Identifiant"
        username.help_text = USERNAME_HELP
        username.widget.attrs.update({"autocapitalize": "none", "spellcheck": "false"})
        self.fields["password1"].help_text = PasswordFieldsMixin.new_password_help

    def validate_unique_email(self, value):
        if filter_users_by_email(value):
            self.address_taken = True
            return get_adapter().clean_email(value)
        return super().validate_unique_email(value)

    def save(self, request):
        if not self.address_taken:
            return super().save(request)
        taken = self.cleaned_data["email"]
        self.cleaned_data["email"] = ""
        user = super().save(request)
        get_adapter().send_account_already_exists_mail(taken)
        return user
