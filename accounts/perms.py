"""Who may do what. Views and templates ask these predicates; they never test groups or flags themselves."""

from django.conf import settings

from allauth.mfa.models import Authenticator

from accounts.enums import GroupName, UserKind
from accounts.models import Membership, Structure, StructureLink, User


def is_resident(user):
    return user.is_authenticated and user.kind == UserKind.RESIDENT


def is_professional(user):
    return user.is_authenticated and user.kind == UserKind.PROFESSIONAL


def _group_names(user):
    if not hasattr(user, "_pasapas_group_names"):
        user._pasapas_group_names = set(user.groups.values_list("name", flat=True))
    return user._pasapas_group_names


def is_trainer(user):
    return is_professional(user) and GroupName.TRAINERS in _group_names(user)


def is_reviewer(user):
    return is_professional(user) and GroupName.REVIEWERS in _group_names(user)


def can_access_wagtail_admin(user):
    """Superusers and professionals of the authoring groups. Residents are ruled out without a query."""
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    return is_professional(user) and user.has_perm("wagtailadmin.access_admin")


def structures_of(user):
    """Structures a professional works for (all of them for a superuser)."""
    if not user.is_authenticated:
        return Structure.objects.none()
    if user.is_superuser:
        return Structure.objects.all()
    if not is_professional(user):
        return Structure.objects.none()
    return Structure.objects.filter(memberships__user=user)


def is_agent(user):
    if not user.is_authenticated:
        return False
    if not hasattr(user, "_pasapas_is_agent"):
        user._pasapas_is_agent = user.is_superuser or (
            is_professional(user) and Membership.objects.filter(user=user).exists()
        )
    return user._pasapas_is_agent


def is_manager_of(user, structure):
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return (
        is_professional(user) and Membership.objects.filter(user=user, structure=structure, is_manager=True).exists()
    )


def residents_visible_to(user, users=None):
    """Residents an agent may follow: those linked, with consent still in force, to one of the agent's structures.

    `users` is the queryset to filter (followup's Resident.objects, for its annotations); by default, all users.
    """
    linked = StructureLink.objects.active().filter(structure__in=structures_of(user)).values("resident_id")
    return (User.objects.all() if users is None else users).residents().filter(pk__in=linked)


def can_view_resident(user, resident):
    if not is_agent(user):
        return False
    return residents_visible_to(user).filter(pk=resident.pk).exists()


def must_set_up_mfa(user):
    """Professionals see residents' data: a setting can make a TOTP authenticator mandatory for them."""
    if not (settings.PROFESSIONALS_REQUIRE_MFA and is_professional(user)):
        return False
    return not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def managed_structures(user):
    """Structures whose agents this person manages."""
    if not user.is_authenticated:
        return Structure.objects.none()
    if user.is_superuser:
        return Structure.objects.all()
    if not is_professional(user):
        return Structure.objects.none()
    return Structure.objects.filter(memberships__user=user, memberships__is_manager=True)
