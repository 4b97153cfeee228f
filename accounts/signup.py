"""The public sign-up form: it never tells whether an e-mail address already has an account.

allauth hides it only with mandatory e-mail verification, which residents without an address could not pass. Here,
when the address is taken, the account is created without it (the username is how residents sign in anyway), the
answer is the same as for any sign-up, and the owner of the address is told by e-mail, where only they can read it.
Separate from accounts.forms, which allauth imports while building its own form classes.
"""

from allauth.account.adapter import get_adapter
from allauth.account.forms import SignupForm as AllauthSignupForm
from allauth.account.internal.userkit import filter_users_by_email


class SignupForm(AllauthSignupForm):
    address_taken = False

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
