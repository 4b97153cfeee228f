"""A person's own data: everything kept about them, as JSON and CSV in a zip (« Mes données »).

Every foreign key to the user model is either in EXPORTED (the export section that carries it, and erasure must leave
no row pointing to the person) or in EXEMPT (with the reason). tests/privacy/test_privacy.py enforces this.
"""

import io
import json
import logging
import zipfile

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator

from accounts.models import AccessCard, Membership, StructureLink
from assessments.models import Answer, DiagnosticResult, QuizAttempt
from followup.models import Assignment, Attendance, AutonomyRecord, ResidentNote
from followup.reports import csv_text
from learning.models import ModuleProgress, PageProgress

logger = logging.getLogger(__name__)

# "app_label.Model.field" → the export section holding what that field links to the person.
EXPORTED = {
    "accounts.User_groups.user": "groupes",
    "accounts.Membership.user": "equipes",
    "accounts.StructureLink.resident": "structures",
    "accounts.AccessCard.resident": "cartes_de_connexion",
    "assessments.QuizAttempt.user": "essais_quiz",
    "assessments.DiagnosticResult.user": "resultats_faire_le_point",
    "learning.PageProgress.user": "progression_pages",
    "learning.ModuleProgress.user": "progression_modules",
    "followup.Assignment.resident": "modules_assignes",
    "followup.Workshop.members": "ateliers",
    "followup.Workshop_members.user": "ateliers",
    "followup.Attendance.resident": "presences",
    "followup.AutonomyRecord.resident": "autonomie",
    "followup.ResidentNote.resident": "notes_de_suivi",
    "account.EmailAddress.user": "adresses_electroniques",
    "mfa.Authenticator.user": "authentification",
}

AGENT_ACTION = (
    "the agent who did it for a structure (SET_NULL when that account goes); the person concerned gets the record "
    "in their own export, with the structure's name instead of the agent's"
)
WAGTAIL_EDITING = "Wagtail editing by staff (pages, media, workflow, admin state): not personal learning data"
EXEMPT = {
    "accounts.User_user_permissions.user": "direct permissions: staff configuration, always empty for residents",
    "accounts.StructureLink.consent_recorded_by": AGENT_ACTION,
    "accounts.AccessCard.issued_by": AGENT_ACTION,
    "assessments.DiagnosticResult.recorded_by": AGENT_ACTION,
    "followup.Assignment.assigned_by": AGENT_ACTION,
    "followup.Workshop.facilitator": AGENT_ACTION,
    "followup.AuditEntry.actor": "the audit journal names the agent who acted; residents appear only as a pseudonym",
    "followup.Attendance.recorded_by": AGENT_ACTION,
    "followup.AutonomyRecord.recorded_by": AGENT_ACTION,
    "followup.ResidentNote.author": AGENT_ACTION,
    "wagtailcore.Page.owner": WAGTAIL_EDITING,
    "wagtailcore.Page.locked_by": WAGTAIL_EDITING,
    "wagtailcore.Revision.user": WAGTAIL_EDITING,
    "wagtailcore.PageLogEntry.user": "Wagtail audit log of page edits by staff (kept on purpose, no FK)",
    "wagtailcore.ModelLogEntry.user": "Wagtail audit log of snippet edits by staff (kept on purpose, no FK)",
    "wagtailcore.WorkflowState.requested_by": WAGTAIL_EDITING,
    "wagtailcore.TaskState.finished_by": WAGTAIL_EDITING,
    "wagtailcore.Comment.user": WAGTAIL_EDITING,
    "wagtailcore.Comment.resolved_by": WAGTAIL_EDITING,
    "wagtailcore.CommentReply.user": WAGTAIL_EDITING,
    "wagtailcore.PageSubscription.user": WAGTAIL_EDITING,
    "wagtailcore.UploadedFile.uploaded_by_user": WAGTAIL_EDITING,
    "wagtailcore.APIToken.user": WAGTAIL_EDITING,
    "wagtailadmin.EditingSession.user": WAGTAIL_EDITING,
    "wagtailadmin.FormState.user": WAGTAIL_EDITING,
    "wagtailusers.UserProfile.user": "Wagtail admin preferences (language, theme, notifications) of staff",
    "wagtailimages.Image.uploaded_by_user": WAGTAIL_EDITING,
    "wagtaildocs.Document.uploaded_by_user": WAGTAIL_EDITING,
    "admin.LogEntry.user": "Django admin audit log of superusers' actions",
}


def _iso(value):
    return value.isoformat() if value else None


def _title(page):
    return page.title if page is not None else ""


# Export -------------------------------------------------------------------------------------------------------------


def _account(user):
    return {
        "nom_utilisateur": user.username,
        "nom_affiche": user.display_name,
        "prenom": user.first_name,
        "nom": user.last_name,
        "adresse_electronique": user.email or "",
        "telephone": user.phone,
        "type_de_compte": user.get_kind_display(),
        "inscription": _iso(user.date_joined),
        "derniere_connexion": _iso(user.last_login),
        "avertissement_inactivite": _iso(user.inactivity_warning_sent_at),
    }


def _sections(user):
    return {
        "adresses_electroniques": [
            {"adresse": a.email, "confirmee": a.verified, "principale": a.primary}
            for a in EmailAddress.objects.filter(user=user).order_by("pk")
        ],
        "authentification": [
            {
                "type": a.get_type_display(),
                "creee_le": _iso(a.created_at),
                "derniere_utilisation": _iso(a.last_used_at),
            }
            for a in Authenticator.objects.filter(user=user).order_by("pk")
        ],
        "groupes": [{"groupe": group.name} for group in user.groups.order_by("name")],
        "equipes": [
            {"structure": m.structure.name, "responsable": m.is_manager, "depuis": _iso(m.created_at)}
            for m in Membership.objects.filter(user=user).select_related("structure").order_by("pk")
        ],
        "structures": [
            {
                "structure": link.structure.name,
                "commune": link.structure.city,
                "recueil_du_consentement": link.get_consent_method_display(),
                "consentement_le": _iso(link.consented_at),
                "consentement_retire_le": _iso(link.withdrawn_at),
            }
            for link in StructureLink.objects.filter(resident=user).select_related("structure").order_by("pk")
        ],
        "cartes_de_connexion": [
            {"remise_le": _iso(card.issued_at), "revoquee_le": _iso(card.revoked_at)}
            for card in AccessCard.objects.filter(resident=user).order_by("pk")
        ],
        "progression_pages": [
            {
                "page": _title(row.page),
                "statut": row.get_status_display(),
                "etapes_faites": len(row.done_step_ids),
                "commencee_le": _iso(row.started_at),
                "mise_a_jour_le": _iso(row.updated_at),
                "terminee_le": _iso(row.completed_at),
            }
            for row in PageProgress.objects.filter(user=user).select_related("page").order_by("pk")
        ],
        "progression_modules": [
            {
                "module": _title(row.module),
                "avancement_pourcent": row.percent,
                "elements_faits": row.items_done,
                "elements_total": row.items_total,
                "statut": row.get_status_display(),
                "derniere_activite": _iso(row.last_activity_at),
                "termine_le": _iso(row.completed_at),
            }
            for row in ModuleProgress.objects.filter(user=user).select_related("module").order_by("pk")
        ],
        "essais_quiz": [
            {
                "essai": attempt.pk,
                "quiz": _title(attempt.quiz),
                "commence_le": _iso(attempt.started_at),
                "envoye_le": _iso(attempt.submitted_at),
                "score_pourcent": attempt.percent if attempt.is_submitted else None,
                "reussi": attempt.passed,
                "erreurs": attempt.wrong_count,
            }
            for attempt in QuizAttempt.objects.filter(user=user).select_related("quiz").order_by("pk")
        ],
        "reponses_quiz": [
            {
                "essai": answer.attempt_id,
                "question": answer.question_id,
                "reponse": answer.response,
                "points": answer.credit,
                "juste": answer.correct,
                "repondu_le": _iso(answer.answered_at),
            }
            for answer in Answer.objects.filter(attempt__user=user).order_by("attempt_id", "pk")
        ],
        "resultats_faire_le_point": [
            {
                "date": _iso(result.created_at),
                "fait_avec_un_conseiller": result.recorded_by_id is not None,
                "manques_equipement": result.equipment_gaps,
                "niveaux": result.levels,
                "reponses": result.answers,
            }
            for result in DiagnosticResult.objects.filter(user=user).order_by("pk")
        ],
        "modules_assignes": [
            {
                "module": _title(a.module),
                "structure": a.structure.name,
                "atelier": a.workshop.title if a.workshop else "",
                "a_faire_pour_le": _iso(a.due_date),
                "note": a.note,
                "assigne_le": _iso(a.created_at),
                "retire_le": _iso(a.removed_at),
            }
            for a in Assignment.objects.filter(resident=user)
            .select_related("module", "structure", "workshop")
            .order_by("pk")
        ],
        "ateliers": [
            {"atelier": w.title, "structure": w.structure.name}
            for w in user.workshops.select_related("structure").order_by("pk")
        ],
        "presences": [
            {
                "atelier": a.session.workshop.title,
                "structure": a.session.workshop.structure.name,
                "seance_le": _iso(a.session.date),
                "present": a.present,
            }
            for a in Attendance.objects.filter(resident=user)
            .select_related("session__workshop__structure")
            .order_by("session__date", "pk")
        ],
        "autonomie": [
            {
                "structure": r.structure.name,
                "demarche": r.procedure.title,
                "autonomie": r.get_level_display(),
                "date": _iso(r.date),
            }
            for r in AutonomyRecord.objects.filter(resident=user)
            .select_related("structure", "procedure")
            .order_by("pk")
        ],
        "notes_de_suivi": [
            {"structure": n.structure.name, "note": n.text, "ecrite_le": _iso(n.created_at)}
            for n in ResidentNote.objects.filter(resident=user).select_related("structure").order_by("pk")
        ],
    }


def export_data(user):
    """Everything kept about the person, as plain JSON-ready data (no hash, no other person's name)."""
    return {"genere_le": _iso(timezone.now()), "compte": _account(user), **_sections(user)}


def _cell(value):
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, cls=DjangoJSONEncoder)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    return value


def _csv(rows):
    header = list(rows[0]) if rows else []
    return csv_text(header, [[_cell(row[key]) for key in header] for row in rows], ";")


def export_zip(user):
    """Bytes of a zip: donnees.json, then one CSV per section (UTF-8 with BOM, « ; »)."""
    data = export_data(user)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        text = json.dumps(data, ensure_ascii=False, indent=2, cls=DjangoJSONEncoder)
        archive.writestr("donnees.json", text.encode("utf-8"))
        archive.writestr("compte.csv", _csv([data["compte"]]).encode("utf-8"))
        for name, rows in data.items():
            if isinstance(rows, list):
                archive.writestr(f"{name}.csv", _csv(rows).encode("utf-8"))
    return buffer.getvalue()
