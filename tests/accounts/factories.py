from django.contrib.auth.models import Group

import factory

from accounts.enums import ConsentMethod, GroupName, UserKind
from accounts.models import Membership, Structure, StructureLink, User

PASSWORD = "mot-de-passe-solide-42"


def set_groups(user, create, names, default=()):
    names = names if names is not None else default
    if create and names:
        user.groups.set(Group.objects.filter(name__in=names))


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"personne{n}")
    display_name = factory.Faker("first_name", locale="fr_FR")
    email = factory.LazyAttribute(lambda user: f"{user.username}@exemple.fr")
    kind = UserKind.RESIDENT
    password = factory.django.Password(PASSWORD)

    groups = factory.PostGeneration(lambda user, create, extracted, **kwargs: set_groups(user, create, extracted))

    class Params:
        without_email = factory.Trait(email=None)
        professional = factory.Trait(kind=UserKind.PROFESSIONAL)


class ResidentFactory(UserFactory):
    kind = UserKind.RESIDENT


class ProfessionalFactory(UserFactory):
    kind = UserKind.PROFESSIONAL


class TrainerFactory(ProfessionalFactory):
    groups = factory.PostGeneration(
        lambda user, create, names, **kw: set_groups(user, create, names, [GroupName.TRAINERS])
    )


class ReviewerFactory(ProfessionalFactory):
    groups = factory.PostGeneration(
        lambda user, create, names, **kw: set_groups(user, create, names, [GroupName.REVIEWERS])
    )


class StructureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Structure

    name = factory.Sequence(lambda n: f"France Services n°{n}")
    city = "Rouen"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(ProfessionalFactory)
    structure = factory.SubFactory(StructureFactory)
    is_manager = False


class StructureLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StructureLink

    resident = factory.SubFactory(ResidentFactory)
    structure = factory.SubFactory(StructureFactory)
    consent_method = ConsentMethod.DESK
