"""What a structure records about the residents it follows: assignments, workshops, sessions, attendance, autonomy,
notes, and the journal of what its agents did. Residents' own activity (progress, quizzes) lives in the apps below.
"""

from django.conf import settings
from django.db import models

from accounts.models import User
from followup.enums import AuditAction, Autonomy
from followup.querysets import AssignmentQuerySet, ResidentQuerySet


class Resident(User):
    """A resident seen from the agent space: the same rows as accounts.User, with the follow-up queries."""

    objects = ResidentQuerySet.as_manager()

    class Meta:
        proxy = True
        verbose_name = "personne accompagnée"
        verbose_name_plural = "personnes accompagnées"


class Assignment(models.Model):
    """A module given to a resident by a structure, directly or through one of its workshop groups. One active per
    module, resident and structure: two structures following the same person each keep their own assignment, due date
    and note, and neither ever sees or changes the other's.

    `individual` is true once an agent assigned the module to this person directly: its due date and note are then
    the person's own, and a group assignment of the same module (before or after) never overwrites them; it only
    records the workshop as a source and fills what was left empty (followup._upsert_assignment).
    """

    module = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    resident = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assignments")
    structure = models.ForeignKey("accounts.Structure", on_delete=models.CASCADE, related_name="assignments")
    workshop = models.ForeignKey(
        "followup.Workshop", null=True, blank=True, on_delete=models.SET_NULL, related_name="assignments"
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    due_date = models.DateField("à faire pour le", null=True, blank=True)
    note = models.CharField("note", max_length=300, blank=True)
    individual = models.BooleanField("assigné à la personne elle-même", default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    removed_at = models.DateTimeField(null=True, blank=True)

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = "module assigné"
        verbose_name_plural = "modules assignés"
        constraints = [
            models.UniqueConstraint(
                fields=["module", "resident", "structure"],
                condition=models.Q(removed_at__isnull=True),
                name="assignment_one_active_per_module_resident_structure",
            )
        ]
        indexes = [models.Index(fields=["structure", "resident"], name="assignment_structure_resident")]

    def __str__(self):
        return f"module {self.module_id} → {self.resident}"

    @property
    def has_own_terms(self):
        """True when the due date and note were set for this person (never reached by a group, or assigned to them)."""
        return self.individual or self.workshop_id is None


class Workshop(models.Model):
    """A workshop group (atelier) of a structure: members, planned sessions and attendance."""

    structure = models.ForeignKey("accounts.Structure", on_delete=models.CASCADE, related_name="workshops")
    title = models.CharField("titre", max_length=150)
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="animateur ou animatrice",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name="participants", blank=True, related_name="workshops"
    )
    modules = models.ManyToManyField(
        "wagtailcore.Page", verbose_name="modules du groupe", blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "atelier"
        verbose_name_plural = "ateliers"
        ordering = ["title"]

    def __str__(self):
        return self.title


class WorkshopSession(models.Model):
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="sessions")
    date = models.DateField("date")
    start_time = models.TimeField("début")
    end_time = models.TimeField("fin", null=True, blank=True)
    place = models.CharField("lieu", max_length=200, blank=True)
    topic = models.CharField("thème", max_length=200, blank=True)
    modules = models.ManyToManyField(
        "wagtailcore.Page", verbose_name="modules travaillés", blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "séance"
        verbose_name_plural = "séances"
        ordering = ["date", "start_time"]

    def __str__(self):
        return f"{self.workshop} — {self.date:%d/%m/%Y}"


class Attendance(models.Model):
    session = models.ForeignKey(WorkshopSession, on_delete=models.CASCADE, related_name="attendances")
    resident = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attendances")
    present = models.BooleanField("présent")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "présence"
        verbose_name_plural = "présences"
        constraints = [models.UniqueConstraint(fields=["session", "resident"], name="attendance_one_per_session")]

    def __str__(self):
        return f"{self.resident} — {'présent' if self.present else 'absent'}"


class AutonomyRecord(models.Model):
    """How a resident did an operator's procedure, as the agent saw it. Records are only added: history is kept."""

    resident = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="autonomy_records")
    structure = models.ForeignKey("accounts.Structure", on_delete=models.CASCADE, related_name="+")
    procedure = models.ForeignKey("cms.Procedure", verbose_name="démarche", on_delete=models.PROTECT, related_name="+")
    level = models.CharField("autonomie", max_length=20, choices=Autonomy.choices)
    date = models.DateField("date")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "autonomie sur une démarche"
        verbose_name_plural = "autonomie sur les démarches"
        ordering = ["-date", "-pk"]

    def __str__(self):
        return f"{self.resident} — {self.procedure_id} — {self.get_level_display()}"


class ResidentNote(models.Model):
    """A short note about a resident, seen only by the agents of the structure that wrote it."""

    resident = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notes_about")
    structure = models.ForeignKey("accounts.Structure", on_delete=models.CASCADE, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    text = models.TextField("note", max_length=1000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "note"
        verbose_name_plural = "notes"
        ordering = ["-created_at"]

    def __str__(self):
        return f"Note sur {self.resident}"


class AuditEntry(models.Model):
    """What agents and managers did about residents: who, when, what. Residents appear under a pseudonym."""

    structure = models.ForeignKey("accounts.Structure", on_delete=models.CASCADE, related_name="audit_entries")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    actor_name = models.CharField("agent", max_length=150)
    action = models.CharField("action", max_length=30, choices=AuditAction.choices)
    resident_pseudonym = models.CharField("personne (pseudonyme)", max_length=20, blank=True)
    detail = models.CharField("détail", max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "entrée du journal"
        verbose_name_plural = "journal des actions"
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["structure", "-created_at"], name="auditentry_structure_date")]

    def __str__(self):
        return f"{self.created_at:%d/%m/%Y %H:%M} {self.actor_name} — {self.get_action_display()}"
