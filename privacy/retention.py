"""Retention of residents' accounts: anonymise those not used for RESIDENT_INACTIVITY_MONTHS, warning them first.

A resident's last activity is their last sign-in (or their registration when they never signed in): every use of
Pas à pas by a resident starts with a sign-in, by password, card code or QR code.

- RESIDENT_INACTIVITY_WARNING_DAYS before the limit, a resident with an e-mail address gets a warning; signing in
  again is enough to keep the account.
- Past the limit, the account is anonymised when the person had no address, or was warned at least
  RESIDENT_INACTIVITY_WARNING_DAYS ago (since their last activity), or could not be warned in that time (mail failing):
  the notice is a courtesy, the retention limit is not.

Anonymising keeps the learning rows (progress, quiz results, assignments, attendance, autonomy levels) so that a
structure's statistics keep their anonymous counts, and removes everything that identifies the person: names,
e-mail addresses, phone, password, login cards, MFA devices, the structures' free-text notes, workshop membership,
the structures' follow-up links (agents no longer see the account) and any session still stored.
"""

import calendar
import datetime
import logging
import smtplib
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import formats, timezone

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator

from accounts.models import AccessCard, StructureLink, User
from followup.models import ResidentNote, Workshop
from privacy.erasure import end_sessions

logger = logging.getLogger(__name__)


def months_before(moment, months):
    """The same time of day `months` calendar months earlier (the 31st becomes the month's last day)."""
    month_index = moment.year * 12 + (moment.month - 1) - months
    year, month = divmod(month_index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


@dataclass(frozen=True)
class Limits:
    """The two moments that matter at `now`: last activity before `anonymise` → anonymised; before `warn` → warned."""

    anonymise: datetime.datetime
    warn: datetime.datetime
    grace: datetime.timedelta

    @classmethod
    def at(cls, now):
        anonymise = months_before(now, settings.RESIDENT_INACTIVITY_MONTHS)
        grace = datetime.timedelta(days=settings.RESIDENT_INACTIVITY_WARNING_DAYS)
        return cls(anonymise=anonymise, warn=anonymise + grace, grace=grace)


def _residents():
    return (
        User.objects.residents()
        .filter(anonymised_at__isnull=True)
        .annotate(last_activity=Coalesce("last_login", "date_joined"))
    )


def to_warn(now):
    """Residents with an address, soon (or already) past the limit, and not warned since their last activity."""
    limits = Limits.at(now)
    return (
        _residents()
        .filter(email__isnull=False, last_activity__lt=limits.warn)
        .filter(Q(inactivity_warning_sent_at__isnull=True) | Q(inactivity_warning_sent_at__lt=F("last_activity")))
    )


def to_anonymise(now):
    """Residents past the limit whose notice period is over (or who have no address to be told at)."""
    limits = Limits.at(now)
    warned_in_time = Q(
        inactivity_warning_sent_at__gte=F("last_activity"),
        inactivity_warning_sent_at__lte=now - limits.grace,
    )
    never_warned = Q(inactivity_warning_sent_at__isnull=True) | Q(inactivity_warning_sent_at__lt=F("last_activity"))
    could_not_be_warned = never_warned & Q(last_activity__lt=limits.anonymise - limits.grace)
    return (
        _residents()
        .filter(last_activity__lt=limits.anonymise)
        .filter(Q(email__isnull=True) | warned_in_time | could_not_be_warned)
    )


def _warning_message(user, deadline):
    login_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("account_login")
    body = (
        f"Bonjour {user},\n\n"
        "Vous ne vous êtes pas connecté à Pas à pas depuis longtemps. Sans connexion d'ici le "
        f"{formats.date_format(timezone.localtime(deadline), 'j F Y')}, votre compte sera rendu anonyme : "
        "votre nom, votre adresse et vos moyens de connexion seront effacés,\n"
        "et vous ne pourrez plus vous connecter.\n\n"
        f"Pour garder votre compte, il suffit de vous connecter : {login_url}\n"
        f"Votre identifiant : {user.username}\n\n"
        "Si vous ne souhaitez plus utiliser Pas à pas, vous n'avez rien à faire.\n\nPas à pas"
    )
    return EmailMessage(
        subject="[Pas à pas] Votre compte va être rendu anonyme",
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
    )


def warn(user, *, now):
    """Send the notice; True when it went out (then the date is recorded)."""
    last_activity = user.last_login or user.date_joined
    deadline = max(now + Limits.at(now).grace, months_before(last_activity, -settings.RESIDENT_INACTIVITY_MONTHS))
    try:
        _warning_message(user, deadline).send()
    except (smtplib.SMTPException, OSError):
        logger.warning("Could not send the inactivity warning to user %s.", user.pk, exc_info=True)
        return False
    User.objects.filter(pk=user.pk).update(inactivity_warning_sent_at=now)
    return True


def anonymise(user, *, now):
    """Strip everything that identifies the person; keep anonymous learning rows for statistics."""
    with transaction.atomic():
        AccessCard.objects.filter(resident=user).delete()
        EmailAddress.objects.filter(user=user).delete()
        Authenticator.objects.filter(user=user).delete()
        ResidentNote.objects.filter(resident=user).delete()
        StructureLink.objects.active().filter(resident=user).update(withdrawn_at=now)
        Workshop.members.through.objects.filter(user=user).delete()
        user.username = f"anonyme~{user.pk}"  # "~" is refused in chosen usernames: no clash, ever
        user.first_name = user.last_name = user.display_name = user.phone = ""
        user.email = None
        user.set_unusable_password()
        user.is_active = False
        user.inactivity_warning_sent_at = None
        user.anonymised_at = now
        user.save()


@dataclass
class Outcome:
    warned: int = 0
    warning_failed: int = 0
    anonymised: int = 0


def run(*, now=None, dry_run=False):
    """One daily pass: send the due warnings, then anonymise the due accounts."""
    now = now or timezone.now()
    outcome = Outcome()
    for user in to_warn(now).order_by("pk").iterator(chunk_size=500):
        if dry_run or warn(user, now=now):
            outcome.warned += 1
        else:
            outcome.warning_failed += 1
    anonymised_ids = []
    for user in to_anonymise(now).order_by("pk").iterator(chunk_size=500):
        if not dry_run:
            anonymise(user, now=now)
            anonymised_ids.append(user.pk)
        outcome.anonymised += 1
    if anonymised_ids:  # one pass over the stored sessions for the whole batch (privacy.erasure.end_sessions)
        end_sessions(anonymised_ids)
    return outcome
