"""The structure's team: managers add professionals."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction

from allauth.account.forms import ResetPasswordForm

from accounts import cards
from accounts.enums import UserKind
from accounts.models import Membership, User
from followup.services.assignments import AssignmentRefused


@transaction.atomic
def add_agent(*, structure, display_name, email, is_manager=False, invite=True, request=None):
    """Add a professional to a structure. Returns (agent, temporary password or None when invited by email)."""
    agent = User.objects.filter(email__iexact=email).first()
    existing = agent is not None
    temporary = None
    if agent is None:
        agent = User(
            username=cards.generate_username(display_name),
            display_name=display_name,
            email=email,
            kind=UserKind.PROFESSIONAL,
        )
        if invite:
            agent.set_unusable_password()
        else:
            temporary = cards.generate_code(12)
            agent.set_password(temporary)
        agent.save()
        if invite and request is not None:
            form = ResetPasswordForm(data={"email": email})
            if form.is_valid():
                form.save(request)
    elif agent.kind != UserKind.PROFESSIONAL:
        # Worded so that it does not say what the address is used for (a resident's account is not the manager's
        # business): only that it cannot be a professional's.
        raise AssignmentRefused(
            "Cette adresse ne peut pas servir pour un compte professionnel. Demandez à la personne une autre adresse, "
            "par exemple celle de son travail."
        )
    _, joined = Membership.objects.update_or_create(
        user=agent, structure=structure, defaults={"is_manager": is_manager}
    )
    if existing and joined:
        _tell_added_professional(agent, structure, request)
    return agent, temporary


def _tell_added_professional(agent, structure, request):
    """An existing professional added to another team hears of it (nobody joins a team without knowing)."""
    by = request.user if request is not None and request.user.is_authenticated else None
    who = f" par {by}" if by else ""
    body = (
        f"Bonjour,\n\nVous faites maintenant partie de l'équipe « {structure.name} » sur Pas à pas{who}.\n"
        "Vous y voyez les personnes que cette structure accompagne.\n"
        "Si vous ne connaissez pas cette structure, prévenez tout de suite le responsable de la vôtre.\n\nPas à pas"
    )
    EmailMessage(
        subject="[Pas à pas] Vous avez été ajouté à une équipe",
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[agent.email],
    ).send()
