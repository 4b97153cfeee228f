"""Forms of the workshop pages: the workshop itself, members, group modules, sessions and attendance."""

from django import forms
from django.utils import timezone

from cms.text import parse_int
from followup.models import Workshop, WorkshopSession
from followup.scope import structures_for
from followup.services.assignments import assignable_modules
from followup.services.workshops import candidate_members, facilitators_for, is_team_member

PRESENT, ABSENT = "present", "absent"


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return str(obj)


class WorkshopForm(forms.ModelForm):
    """Title, structure (among the agent's) and facilitator (a professional of that structure)."""

    class Meta:
        model = Workshop
        fields = ["title", "structure", "facilitator"]
        labels = {"title": "Nom de l'atelier", "structure": "Structure", "facilitator": "Animateur ou animatrice"}
        help_texts = {
            "title": "Par exemple : « Premiers pas sur smartphone — mardi matin ».",
            "facilitator": "Une personne de l'équipe de la structure choisie.",
        }
        field_classes = {"facilitator": PersonChoiceField}
        error_messages = {
            "title": {"required": "Donnez un nom à l'atelier."},
            "structure": {"required": "Choisissez une structure."},
        }

    def __init__(self, *args, agent, **kwargs):
        super().__init__(*args, **kwargs)
        structures = list(structures_for(agent))
        self.fields["structure"].queryset = structures_for(agent)
        self.fields["structure"].empty_label = None if len(structures) == 1 else "Choisissez une structure"
        self.fields["structure"].error_messages["invalid_choice"] = "Choisissez une de vos structures."
        self.fields["facilitator"].queryset = facilitators_for(structures_for(agent))
        self.fields["facilitator"].empty_label = "Pas encore choisi"
        self.fields["facilitator"].error_messages["invalid_choice"] = (
            "Choisissez une personne de l'équipe de la structure."
        )
        if self.instance.pk is None and len(structures) == 1:
            self.fields["structure"].initial = structures[0].pk
        if self.instance.pk is None and self.fields["facilitator"].queryset.filter(pk=agent.pk).exists():
            self.fields["facilitator"].initial = agent.pk

    def clean_title(self):
        title = self.cleaned_data["title"].strip()
        if not title:
            raise forms.ValidationError("Donnez un nom à l'atelier.")
        return title

    def clean(self):
        cleaned = super().clean()
        structure = cleaned.get("structure")
        facilitator = cleaned.get("facilitator")
        if structure and facilitator and not is_team_member(facilitator, structure):
            self.add_error("facilitator", "Cette personne ne fait pas partie de l'équipe de cette structure.")
        if (
            structure
            and self.instance.pk is not None
            and structure.pk != self.instance.structure_id
            and self.instance.members.exists()
        ):
            self.add_error("structure", "L'atelier a déjà des participants : il ne peut plus changer de structure.")
        return cleaned


class MemberAddForm(forms.Form):
    resident = PersonChoiceField(
        label="Personne à ajouter",
        queryset=None,
        empty_label="Choisissez une personne",
        help_text="Les personnes suivies par la structure de l'atelier, avec leur accord.",
        error_messages={
            "required": "Choisissez une personne.",
            "invalid_choice": "Cette personne ne peut pas rejoindre l'atelier : sa structure ne la suit pas.",
        },
    )

    def __init__(self, *args, agent, workshop, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["resident"].queryset = candidate_members(agent, workshop)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%H:%M")


class ModuleChoiceField(forms.ModelChoiceField):
    """A module by its id: anything but a plain id is an invalid choice before any query. A module's id is its
    page_ptr, a relation: Django does not turn a number too big for the database into « no match » there, and SQLite
    raised OverflowError (a 500)."""

    def to_python(self, value):
        if value not in self.empty_values and parse_int(str(value)) is None:
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class ModulesChoiceField(forms.ModelMultipleChoiceField):
    """Modules by their ids, each a plain id (see ModuleChoiceField)."""

    def _check_values(self, value):
        for pk in value:
            if parse_int(str(pk)) is None:
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": pk}
                )
        return super()._check_values(value)


class AssignToGroupForm(forms.Form):
    module = ModuleChoiceField(
        label="Module",
        queryset=None,
        empty_label="Choisissez un module",
        error_messages={
            "required": "Choisissez un module.",
            "invalid_choice": "Ce module n'est pas publié : il ne peut pas être assigné.",
        },
    )
    due_date = forms.DateField(
        label="À faire pour le",
        required=False,
        widget=DateInput(),
        error_messages={"invalid": "Écrivez une date, par exemple 15/03/2026."},
        help_text="Une personne qui a déjà ce module à son nom garde sa date et sa note.",
    )
    note = forms.CharField(
        label="Note pour le groupe",
        required=False,
        max_length=300,
        help_text="Visible par les participants. 300 caractères au plus.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["module"].queryset = assignable_modules()

    def clean_due_date(self):
        due_date = self.cleaned_data.get("due_date")
        if due_date is not None and due_date < timezone.localdate():
            raise forms.ValidationError("La date limite est déjà passée : choisissez aujourd'hui ou plus tard.")
        return due_date


class SessionForm(forms.ModelForm):
    class Meta:
        model = WorkshopSession
        fields = ["date", "start_time", "end_time", "place", "topic", "modules"]
        field_classes = {"modules": ModulesChoiceField}
        labels = {
            "date": "Date",
            "start_time": "Heure de début",
            "end_time": "Heure de fin",
            "place": "Lieu",
            "topic": "Thème de la séance",
            "modules": "Modules travaillés",
        }
        help_texts = {"place": "Par exemple : « Salle 2, France Services ».", "modules": ""}
        widgets = {
            "date": DateInput(),
            "start_time": TimeInput(),
            "end_time": TimeInput(),
            "modules": forms.CheckboxSelectMultiple(),
        }
        error_messages = {
            "date": {"invalid": "Écrivez une date, par exemple 15/03/2026.", "required": "Indiquez la date."},
            "start_time": {"invalid": "Écrivez une heure, par exemple 14:00.", "required": "Indiquez l'heure."},
            "end_time": {"invalid": "Écrivez une heure, par exemple 16:00."},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["modules"].queryset = assignable_modules()

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_time"), cleaned.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", "L'heure de fin doit être après l'heure de début.")
        return cleaned


class AttendanceForm(forms.Form):
    """One present/absent choice per member; `rows` pairs each member with their field for the template.

    Each choice carries, hidden, what the page showed when it was loaded: only the answers this agent changed are
    saved, so a page opened earlier never undoes what a colleague recorded since.
    """

    def __init__(self, *args, members, recorded, **kwargs):
        super().__init__(*args, **kwargs)
        self.members = list(members)
        for member in self.members:
            initial = recorded.get(member.pk)
            shown = "" if initial is None else (PRESENT if initial else ABSENT)
            self.fields[self.field_name(member)] = forms.ChoiceField(
                label=str(member),
                choices=[(PRESENT, "Présent"), (ABSENT, "Absent")],
                widget=forms.RadioSelect,
                required=False,
                initial=shown or None,
            )
            self.fields[self.shown_name(member)] = forms.CharField(
                required=False, initial=shown, widget=forms.HiddenInput
            )

    @staticmethod
    def field_name(member):
        return f"presence_{member.pk}"

    @staticmethod
    def shown_name(member):
        return f"affiche_{member.pk}"

    @property
    def rows(self):
        return [(member, self[self.field_name(member)], self[self.shown_name(member)]) for member in self.members]

    def presence(self):
        """{member: True/False} for every answer this agent changed from what the page showed."""
        answers = {}
        for member in self.members:
            value = self.cleaned_data.get(self.field_name(member))
            shown = self.cleaned_data.get(self.shown_name(member)) or ""
            if value in (PRESENT, ABSENT) and value != shown:
                answers[member] = value == PRESENT
        return answers
