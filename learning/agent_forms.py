from django import forms
from django.utils import timezone

from accounts.models import User
from cms.models import Procedure
from learning.enums import Autonomy, FollowUpStatus
from learning.followup import assignable_modules

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


class AssignForm(forms.Form):
    module = forms.TypedChoiceField(label="Module", coerce=int)
    due_date = forms.DateField(label="À faire pour le", required=False, widget=forms.DateInput(attrs={"type": "date"}))
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
    date = forms.DateField(label="Date", widget=forms.DateInput(attrs={"type": "date"}))

    def clean_date(self):
        date = self.cleaned_data["date"]
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
