"""A person's own data: what is kept, a download of all of it (« Mes données »), and erasure of the account.

Every foreign key to the user model is either in EXPORTED (the export section that carries it, and erasure must leave
no row pointing to the person) or in EXEMPT (with the reason). tests/learning/test_privacy.py enforces this.

Erasure deletes the user row; the database cascades remove progress, quiz attempts and answers, diagnostic results,
structure links, login cards, assignments, workshop membership, attendance, autonomy records and notes. Structure
statistics are computed from these rows, so the person's past counts disappear with them: nothing personal is kept
for statistics. The person's sessions, sealed card codes in agents' sessions, queued e-mails to them, their pseudonym
in the audit journal and their name in the admin logs go as well.

An agent erasing for one structure of several following the person erases only that structure's records
(end_follow_up), unless the person asks for the whole account to go.
"""

import io
import json
import logging
import smtplib
import zipfile

from django.conf import settings
from django.core.mail import EmailMessage
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from accounts.models import AccessCard, Membership, OutgoingEmail, StructureLink
from assessments.models import Answer, DiagnosticResult, QuizAttempt
from followup import audit
from followup.enums import AuditAction
from followup.fresh_cards import SESSION_KEY as CARD_SESSION_KEY
from followup.models import Assignment, Attendance, AuditEntry, AutonomyRecord, ResidentNote, Workshop
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
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator

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


# Erasure ------------------------------------------------------------------------------------------------------------
#
# A resident may be followed by several structures. An agent erasing at the person's request erases what their own
# structure recorded (end_follow_up); the whole account goes (erase_user) when no other structure follows the person,
# when the person asks for it, or when they delete their account themselves. Either way each structure's journal says
# what happened, under no name, and the other structures' managers are told by e-mail.

ERASED_PSEUDONYM = "données effacées"  # stands for the person in journal entries once their data is erased
ERASED_ACTOR = "Compte supprimé"  # stands for a professional whose own account was deleted
ANOTHER_STRUCTURE = "Une autre structure"
THE_PERSON = "La personne elle-même"
PURGED_LABEL = "compte effacé"  # Django's and Wagtail's admin logs, where they named the account


def followed_elsewhere(resident, structure):
    """True when a structure other than `structure` follows the resident (consent in force)."""
    return StructureLink.objects.active().filter(resident=resident).exclude(structure=structure).exists()


def _forget_in_journal(resident_id, *, structures=None):
    """The person's pseudonym leaves the journal entries (of `structures`, else all): nothing links them any more."""
    entries = AuditEntry.objects.filter(resident_pseudonym=audit.pseudonym(resident_id))
    if structures is not None:
        entries = entries.filter(structure__in=structures)
    entries.update(resident_pseudonym=ERASED_PSEUDONYM)


def _record(*, structure, action, actor=None, actor_name="", detail=""):
    AuditEntry.objects.create(
        structure=structure,
        actor=actor,
        actor_name=(actor_name or str(actor))[:150],
        action=action,
        resident_pseudonym=ERASED_PSEUDONYM,
        detail=detail[:200],
    )


@transaction.atomic
def end_follow_up(resident, *, structure, by):
    """Erase what `structure` recorded about the resident, and its link; the account and the other structures' records
    stay. Its assignments, notes, autonomy records, the resident's place and attendance in its workshops go."""
    Assignment.objects.filter(resident=resident, structure=structure).delete()
    ResidentNote.objects.filter(resident=resident, structure=structure).delete()
    AutonomyRecord.objects.filter(resident=resident, structure=structure).delete()
    Attendance.objects.filter(resident=resident, session__workshop__structure=structure).delete()
    Workshop.members.through.objects.filter(user=resident, workshop__structure=structure).delete()
    StructureLink.objects.filter(resident=resident, structure=structure).delete()
    _forget_in_journal(resident.pk, structures=[structure])
    _record(
        structure=structure,
        action=AuditAction.UNLINK,
        actor=by,
        detail="À la demande de la personne ; son compte reste ouvert",
    )


def erase_user(user, *, by=None, structure=None):
    """Delete the account and, by cascade, everything about the person; journal it and tell the structures.

    `by` is the agent who erased it on the person's request, for `structure`; None when the person deleted their own
    account. Their sessions, card codes kept for printing, queued e-mails to them and the journal's pseudonym go too.
    """
    followed_by = [
        link.structure for link in StructureLink.objects.active().filter(resident=user).select_related("structure")
    ]
    others = [other for other in followed_by if structure is None or other.pk != structure.pk]
    name, username, pk, email = str(user), user.username, user.pk, user.email
    with transaction.atomic():
        _forget_in_journal(pk)
        AuditEntry.objects.filter(actor=user).update(actor_name=ERASED_ACTOR)
        _forget_in_admin_logs(pk)
        if by is not None and structure is not None:
            _record(structure=structure, action=AuditAction.ERASE, actor=by, detail="À la demande de la personne")
        for other in others:
            if by is None:
                _record(structure=other, action=AuditAction.ERASED_BY_PERSON, actor_name=THE_PERSON)
            else:
                _record(structure=other, action=AuditAction.ERASED_ELSEWHERE, actor_name=ANOTHER_STRUCTURE)
        user.delete()
        if email:
            _forget_queued_mail(email)
    end_sessions([pk])
    if structure is not None and structure.email:
        _notify(structure, [structure.email], name=name, username=username, by=by, by_this_structure=True)
    for other in others:
        recipients = _recipients(other, exclude=by)
        if recipients:
            _notify(other, recipients, name=name, username=username, by=by, by_this_structure=False)


def _forget_in_admin_logs(user_id):
    """Django's and Wagtail's admin logs keep entries about the account (their label is its name): the name goes."""
    from django.contrib.admin.models import LogEntry
    from django.contrib.contenttypes.models import ContentType

    from wagtail.models import ModelLogEntry

    from accounts.models import User

    content_type = ContentType.objects.get_for_model(User)
    LogEntry.objects.filter(content_type=content_type, object_id=str(user_id)).update(
        object_repr=PURGED_LABEL, change_message=""
    )
    ModelLogEntry.objects.filter(content_type=content_type, object_id=str(user_id)).update(label=PURGED_LABEL, data={})


def _forget_queued_mail(address):
    """Messages to the person still queued or kept after sending (accounts.mail) carry their address: they go."""
    wanted = address.casefold()
    stale = [
        queued.pk
        for queued in OutgoingEmail.objects.only("pk", "message").iterator()
        if wanted in {str(to).casefold() for to in queued.message.get("to", [])}
    ]
    OutgoingEmail.objects.filter(pk__in=stale).delete()


def end_sessions(user_ids):
    """Delete every stored session of these people (database and cache, `cached_db`), and drop from other sessions
    (agents') the sealed login cards printed for them. Returns how many sessions were deleted.

    Sessions are found by reading each stored session: it costs one decoding per session kept (a few milliseconds
    per thousand), paid once per erasure. A session engine without a table (pure cache, signed cookies) cannot be
    searched; only sessions of the request are ended there (logout).
    """
    from importlib import import_module

    from django.contrib.auth import SESSION_KEY

    store_class = import_module(settings.SESSION_ENGINE).SessionStore
    if not hasattr(store_class, "get_model_class"):
        logger.warning(
            "Session engine %s cannot be searched: sessions of erased accounts stay until they expire.",
            settings.SESSION_ENGINE,
        )
        return 0
    wanted = {str(pk) for pk in user_ids}
    deleted = 0
    for row in store_class.get_model_class().objects.only("session_key", "session_data").iterator(chunk_size=500):
        data = store_class().decode(row.session_data)
        if str(data.get(SESSION_KEY, "")) in wanted:
            store_class(row.session_key).delete()
            deleted += 1
            continue
        cards_shown = data.get(CARD_SESSION_KEY)
        if isinstance(cards_shown, dict) and wanted & set(cards_shown):
            store = store_class(row.session_key)
            store[CARD_SESSION_KEY] = {key: value for key, value in cards_shown.items() if key not in wanted}
            store.save()
    return deleted


def _recipients(structure, *, exclude=None):
    """The structure's own address and its managers' addresses (not `exclude`'s)."""
    managers = (
        Membership.objects.filter(
            structure=structure, is_manager=True, user__is_active=True, user__email__isnull=False
        )
        .exclude(user=exclude)
        .values_list("user__email", flat=True)
    )
    addresses = [structure.email, *managers]
    seen = set()
    return [a for a in addresses if a and not (a.casefold() in seen or seen.add(a.casefold()))]


def _notify(structure, recipients, *, name, username, by, by_this_structure):
    if by is None:
        how = "par la personne elle-même"
    elif by_this_structure:
        how = "à la demande de la personne, par un agent de votre structure"
    else:
        how = "à la demande de la personne, par une autre structure qui la suivait"
    body = (
        f"Bonjour,\n\nLe compte Pas à pas de {name} (identifiant {username}), que suivait « {structure.name} », "
        f"a été supprimé {how}.\n"
        "Toutes ses données ont été effacées : progression, résultats, modules assignés, présences, notes.\n"
        "Pensez à effacer aussi ce que vous auriez noté ailleurs à son sujet.\n\nPas à pas"
    )
    message = EmailMessage(
        subject="[Pas à pas] Un compte suivi par votre structure a été supprimé",
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=recipients,
    )
    try:
        message.send()
    except (smtplib.SMTPException, OSError):
        logger.warning("Could not tell structure %s that an account was deleted.", structure.pk, exc_info=True)
