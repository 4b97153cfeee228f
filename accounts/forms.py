from django import forms


class SignupForm(forms.Form):
    """Extra fields of allauth's sign-up form."""

    display_name = forms.CharField(
        label="Votre prénom (facultatif)",
        max_length=150,
        required=False,
        help_text="Il sera affiché sur votre espace. Vous pouvez le laisser vide.",
    )

    def signup(self, request, user):
        """allauth calls this after the user is created; the adapter already stored the display name."""
