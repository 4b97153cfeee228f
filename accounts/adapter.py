from allauth.account.adapter import DefaultAccountAdapter

from accounts.enums import UserKind


class AccountAdapter(DefaultAccountAdapter):
    """People who sign up on the public site are residents; professionals are created by an admin or a manager."""

    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "username_taken": (
            "Ce nom d'utilisateur est déjà pris (majuscules et minuscules ne comptent pas). Choisissez-en un autre."
        ),
    }

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
        username = super().clean_username(username, shallow=shallow)
        return username.strip()
