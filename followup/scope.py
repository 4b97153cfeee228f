"""What an agent reaches: the structures they work for. Every read of the agent space starts from these."""

from accounts import perms
from accounts.models import StructureLink


def structures_for(agent):
    return perms.structures_of(agent).order_by("name")


def shared_structure(agent, resident):
    """The first structure of the agent that follows this resident (records are made on its behalf), or None."""
    link = (
        StructureLink.objects.active()
        .filter(resident=resident, structure__in=structures_for(agent))
        .select_related("structure")
        .order_by("structure__name")
        .first()
    )
    return None if link is None else link.structure
