from django import forms
from django.utils import timezone

from accounts.models import User
from cms.models import Procedure
from followup.enums import Autonomy, FollowUpStatus
from followup.services.assignments import assignable_modules

SORTS = {
    "nom": ("display_name", "username"),
    "-nom": ("-display_name", "-username"),
    "activite": ("-last_activity", "display_name"),
    "statut": ("status_rank", "display_name"),
}


class ResidentForm(forms.Form):
    display_name = forms.CharField(label="Prénom et nom (ou le nom que la personne préfère)", max_length=150)
    email = forms.EmailField(label="Adresse électronique", required=False)
    phone = forms.CharField(label="Téléphone", required=False, max_length=30)
    structure = forms.TypedChoiceField(label="Structure qui accompagne la personne", coerce=int)
    consent = forms.BooleanField(
        label="La personne accepte que la structure suive sa progression.",
        help_text="Lisez-lui cette phrase. Son accord est enregistré à votre nom, avec la date : « au guichet ».",
    )

    def __init__(self, *args, structures, **kwargs):
        super().__init__(*args, **kwargs)
        self.structures = {structure.pk: structure for structure in structures}
        self.fields["structure"].choices = [(s.pk, s.name) for s in structures]
        if len(structures) == 1:
            self.fields["structure"].initial = structures[0].pk

    def clean_display_name(self):
        name = self.cleaned_data["display_name"].strip()
        if not any(char.isalpha() for char in name):
            raise forms.ValidationError("Écrivez au moins un prénom.")
        return name

    def clean_email(self):
        email = (self.cleaned_data.get("email") or "").strip()
        if email and User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError("Cette adresse est déjà utilisée par un autre compte.")
        return email or None

    def clean_structure(self):
        return self.structures[self.cleaned_data["structure"]]


class ResidentFilterForm(forms.Form):
    q = forms.CharField(label="Nom ou identifiant", required=False, max_length=100)
    atelier = forms.TypedChoiceField(label="Atelier", required=False, coerce=int, empty_value=None)
    module = forms.TypedChoiceField(label="Module", required=False, coerce=int, empty_value=None)
    statut = forms.ChoiceField(label="Statut", required=False, choices=[("", "Tous"), *FollowUpStatus.choices])
    tri = forms.ChoiceField(
        label="Trier par",
        required=False,
        choices=[
            ("statut", "Statut"),
            ("nom", "Nom (A → Z)"),
            ("-nom", "Nom (Z → A)"),
            ("activite", "Dernière activité"),
        ],
    )

    def __init__(self, *args, workshops, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["atelier"].choices = [("", "Tous"), *[(w.pk, w.title) for w in workshops]]
        self.fields["module"].choices = [("", "Tous"), *[(m.pk, m.title) for m in assignable_modules()]]


# A date field's value is ISO (what <input type="date"> needs, whatever the locale); typed by hand where the browser
# has no date picker, the French JJ/MM/AAAA is read too.
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%d.%m.%Y"]
DATE_INVALID = "Écrivez la date sous la forme JJ/MM/AAAA, par exemple 02/12/2026."


def date_field(label, **kwargs):
    return forms.DateField(
        label=label,
        input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        error_messages={"invalid": DATE_INVALID},
        **kwargs,
    )


class AssignForm(forms.Form):
    module = forms.TypedChoiceField(label="Module", coerce=int)
    due_date = date_field("À faire pour le", required=False)
    note = forms.CharField(label="Note pour la personne", required=False, max_length=300)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.modules = {module.pk: module for module in assignable_modules()}
        self.fields["module"].choices = [(pk, module.title) for pk, module in self.modules.items()]

    def clean_module(self):
        return self.modules[self.cleaned_data["module"]]

    def clean_due_date(self):
        due = self.cleaned_data.get("due_date")
        if due and due < timezone.localdate():
            raise forms.ValidationError("Choisissez une date à venir.")
        return due


class NoteForm(forms.Form):
    text = forms.CharField(label="Nouvelle note", max_length=1000, widget=forms.Textarea(attrs={"rows": 3}))


class AutonomyForm(forms.Form):
    procedure = forms.ModelChoiceField(label="Démarche", queryset=Procedure.objects.select_related("operator"))
    level = forms.ChoiceField(
        label="Comment la démarche a été faite", choices=Autonomy.choices, widget=forms.RadioSelect
    )
    date = date_field("Date", help_text="Aujourd'hui par défaut.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("date", timezone.localdate())

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date.year < 2000:
            raise forms.ValidationError(DATE_INVALID)
        if date > timezone.localdate():
            raise forms.ValidationError("La date ne peut pas être dans le futur.")
        return date


class AgentForm(forms.Form):
    """A manager adds an agent: by email invitation, or with a temporary password."""

    display_name = forms.CharField(label="Prénom et nom", max_length=150)
    email = forms.EmailField(label="Adresse électronique professionnelle")
    structure = forms.TypedChoiceField(label="Structure", coerce=int)
    is_manager = forms.BooleanField(label="Responsable de la structure (gère l'équipe)", required=False)

    def __init__(self, *args, structures, **kwargs):
        super().__init__(*args, **kwargs)
        self.structures = {structure.pk: structure for structure in structures}
        self.fields["structure"].choices = [(s.pk, s.name) for s in structures]

    def clean_structure(self):
        return self.structures[self.cleaned_data["structure"]]


class JoinStructureForm(forms.Form):
    code = forms.CharField(
        label="Code de la structure", max_length=12, help_text="6 caractères, donnés par votre conseiller."
    )

    def clean_code(self):
        return "".join(self.cleaned_data["code"].split()).upper()
