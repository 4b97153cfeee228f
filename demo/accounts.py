"""Demo structure and users. Passwords are known on purpose: seed_demo runs only with DEBUG on."""

from django.contrib.auth.models import Group

from allauth.account.models import EmailAddress

from accounts import services
from accounts.enums import ConsentMethod, GroupName, UserKind
from accounts.models import Membership, Structure, User

DEMO_PASSWORD = "pasapas-demo"

STRUCTURE = {
    "name": "Maison du Plateau (démo)",
    "city": "Rouen",
    "address": "12 rue du Plateau, 76000 Rouen",
    "postcode": "76000",
    "phone": "02 35 00 00 00",
    "email": "maison-du-plateau@pasapas.example",
    "join_code": "PLATO7",
}

PROFESSIONALS = [
    # username, display name, email, role, groups, manager?, superuser?
    ("admin", "Administratrice", "admin@pasapas.example", "administratrice (tout)", [], None, True),
    (
        "formatrice",
        "Farida, formatrice",
        "formatrice@pasapas.example",
        "formatrice (rédige, propose)",
        [GroupName.TRAINERS],
        None,
        False,
    ),
    (
        "relecteur",
        "Romain, relecteur",
        "relecteur@pasapas.example",
        "relecteur (publie)",
        [GroupName.REVIEWERS],
        None,
        False,
    ),
    ("agent", "Alice, conseillère numérique", "agent@pasapas.example", "agente France Services", [], False, False),
    (
        "responsable",
        "Marc, responsable",
        "responsable@pasapas.example",
        "responsable de la structure",
        [],
        True,
        False,
    ),
]

# The other demo residents (created at the desk, with login cards) are in demo/followup.py.
RESIDENTS = [
    ("amina", "Amina", "amina@pasapas.example"),
    ("bernard", "Bernard", "bernard@pasapas.example"),
    ("chantal", "Chantal", None),
]


def upsert_user(username, *, display_name, email, kind, is_superuser=False):
    user = User.objects.filter(username__iexact=username).first() or User(username=username)
    user.display_name = display_name
    user.email = email
    user.kind = kind
    user.is_active = True
    user.is_superuser = is_superuser
    user.is_staff = is_superuser
    user.set_password(DEMO_PASSWORD)
    user.save()
    if email:
        EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    return user


def seed(ctx):
    structure, _ = Structure.objects.update_or_create(name=STRUCTURE["name"], defaults=STRUCTURE)
    ctx["structure"] = structure
    users = {}
    for username, display_name, email, role, groups, manager, superuser in PROFESSIONALS:
        user = upsert_user(
            username, display_name=display_name, email=email, kind=UserKind.PROFESSIONAL, is_superuser=superuser
        )
        user.groups.set(Group.objects.filter(name__in=groups))
        if manager is not None:
            Membership.objects.update_or_create(user=user, structure=structure, defaults={"is_manager": manager})
        users[username] = user
        ctx.add_login(role, username, DEMO_PASSWORD)
    for username, display_name, email in RESIDENTS:
        user = upsert_user(username, display_name=display_name, email=email, kind=UserKind.RESIDENT)
        services.link_resident(
            resident=user, structure=structure, method=ConsentMethod.DESK, recorded_by=users["agent"]
        )
        users[username] = user
        ctx.add_login("personne accompagnée", username, DEMO_PASSWORD, "" if email else "sans adresse électronique")
    ctx["users"] = users
