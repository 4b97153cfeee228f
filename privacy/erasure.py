"""Erasure of an account, or of one structure's follow-up of it.

Erasure deletes the user row; the database cascades remove progress, quiz attempts and answers, diagnostic results,
structure links, login cards, assignments, workshop membership, attendance, autonomy records and notes. Structure
statistics are computed from these rows, so the person's past counts disappear with them: nothing personal is kept
for statistics. The person's sessions, sealed card codes in agents' sessions, queued e-mails to them, their pseudonym
in the audit journal and their name in the admin logs go as well.

An agent erasing for one structure of several following the person erases only that structure's records
(end_follow_up), unless the person asks for the whole account to go.
"""

import logging
import smtplib
from importlib import import_module

from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.auth import SESSION_KEY
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMessage
from django.db import transaction

from wagtail.models import ModelLogEntry

from accounts.models import Membership, OutgoingEmail, StructureLink, User
from followup import audit
from followup.enums import AuditAction
from followup.fresh_cards import SESSION_KEY as CARD_SESSION_KEY
from followup.models import Assignment, Attendance, AuditEntry, AutonomyRecord, ResidentNote, Workshop

logger = logging.getLogger(__name__)


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
