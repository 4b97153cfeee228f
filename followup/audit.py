"""The audit journal of the agent space: a line per action on a resident, kept 12 months (AUDIT_RETENTION_DAYS)."""

import datetime
import hashlib
import hmac

from django.conf import settings
from django.utils import timezone

from followup.models import AuditEntry


def pseudonym(resident_id):
    """A stable, non-reversible tag for a resident (the same person always gets the same one)."""
    digest = hmac.new(settings.SECRET_KEY.encode(), f"resident:{resident_id}".encode(), hashlib.sha256).hexdigest()
    return f"P-{digest[:10]}"


def record(*, actor, structure, action, resident=None, detail=""):
    return AuditEntry.objects.create(
        structure=structure,
        actor=actor,
        actor_name=str(actor)[:150],
        action=action,
        resident_pseudonym=pseudonym(resident.pk) if resident is not None else "",
        detail=detail[:200],
    )


def purge(*, now=None):
    """Delete entries older than the retention period; returns how many were deleted."""
    limit = (now or timezone.now()) - datetime.timedelta(days=settings.AUDIT_RETENTION_DAYS)
    deleted, _ = AuditEntry.objects.filter(created_at__lt=limit).delete()
    return deleted
