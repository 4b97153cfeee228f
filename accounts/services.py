"""Writes that touch several account records."""

from django.db import transaction

from accounts.enums import ConsentMethod
from accounts.models import StructureLink


@transaction.atomic
def link_resident(*, resident, structure, method, recorded_by=None):
    """Link a resident to a structure with recorded consent; linking twice keeps the first consent."""
    if method not in ConsentMethod.values:
        raise ValueError(f"Unknown consent method: {method}")
    link, _created = StructureLink.objects.get_or_create(
        resident=resident,
        structure=structure,
        withdrawn_at=None,
        defaults={"consent_method": method, "consent_recorded_by": recorded_by},
    )
    return link


@transaction.atomic
def unlink_resident(*, resident, structure):
    """Withdraw consent: the structure's agents lose access from now on; the history of the consent is kept."""
    for link in StructureLink.objects.active().select_for_update().filter(resident=resident, structure=structure):
        link.withdraw()
