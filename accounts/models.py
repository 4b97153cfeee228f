import secrets

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.crypto import salted_hmac

from accounts.enums import ConsentMethod, UserKind

# No 0/O, 1/I/L: codes are read aloud and copied by hand.
UNAMBIGUOUS_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def generate_code(length):
    return "".join(secrets.choice(UNAMBIGUOUS_ALPHABET) for _ in range(length))


class UserQuerySet(models.QuerySet):
    def residents(self):
        return self.filter(kind=UserKind.RESIDENT)

    def professionals(self):
        return self.filter(kind=UserKind.PROFESSIONAL)


class PasAPasUserManager(UserManager.from_queryset(UserQuerySet)):
    use_in_migrations = True

    def get_by_natural_key(self, username):
        return self.get(username__iexact=username)

    def create_superuser(self, username, email=None, password=None, **extra_fields):
        extra_fields.setdefault("kind", UserKind.PROFESSIONAL)
        return super().create_superuser(username, email, password, **extra_fields)


class User(AbstractUser):
    """Anyone with an account. Residents often have no email address: the username is what they remember."""

    email = models.EmailField("adresse électronique", blank=True, null=True, default=None)
    kind = models.CharField("type de compte", max_length=20, choices=UserKind.choices, default=UserKind.RESIDENT)
    phone = models.CharField("téléphone", max_length=30, blank=True)
    display_name = models.CharField(
        "nom affiché",
        max_length=150,
        blank=True,
        help_text="Le prénom ou le nom par lequel la personne veut être appelée.",
    )
    # Retention (privacy.retention): when the inactivity warning went out, and when the account was anonymised.
    inactivity_warning_sent_at = models.DateTimeField("avertissement d'inactivité envoyé le", null=True, blank=True)
    anonymised_at = models.DateTimeField("anonymisé le", null=True, blank=True)

    # Raised each time a new login card replaces the previous one: it is part of the session hash, so every session
    # opened before (with the old card, or any other way) ends, as after a password change.
    card_epoch = models.PositiveIntegerField(default=0, editable=False)

    objects = PasAPasUserManager()

    class Meta:
        verbose_name = "utilisateur"
        verbose_name_plural = "utilisateurs"
        constraints = [
            models.UniqueConstraint(Lower("username"), name="user_username_ci_unique"),
            models.UniqueConstraint(
                Lower("email"), condition=models.Q(email__isnull=False), name="user_email_ci_unique_when_present"
            ),
        ]

    def save(self, *args, **kwargs):
        # An empty email is "no email", stored as NULL so that uniqueness applies only to real addresses.
        if not self.email:
            self.email = None
        super().save(*args, **kwargs)

    def __str__(self):
        return self.display_name or self.get_full_name() or self.username

    @property
    def is_resident(self):
        return self.kind == UserKind.RESIDENT

    @property
    def is_professional(self):
        return self.kind == UserKind.PROFESSIONAL

    def _get_session_auth_hash(self, secret=None):
        key_salt = "accounts.models.User.get_session_auth_hash"
        value = f"{self.password}:{self.card_epoch}"
        return salted_hmac(key_salt, value, secret=secret, algorithm="sha256").hexdigest()


def new_join_code():
    return generate_code(6)


class Structure(models.Model):
    """A France Services site or any other digital-mediation place that follows residents."""

    name = models.CharField("nom", max_length=200)
    city = models.CharField("commune", max_length=100)
    address = models.CharField("adresse", max_length=250, blank=True)
    postcode = models.CharField("code postal", max_length=5, blank=True)
    phone = models.CharField("téléphone", max_length=30, blank=True)
    email = models.EmailField("adresse électronique", blank=True)
    join_code = models.CharField(
        "code de la structure",
        max_length=12,
        unique=True,
        default=new_join_code,
        help_text="Code que la personne saisit pour rejoindre la structure et partager sa progression.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "structure"
        verbose_name_plural = "structures"
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.city})"


class Membership(models.Model):
    """A professional working for a structure; managers also manage its agents."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    structure = models.ForeignKey(Structure, on_delete=models.CASCADE, related_name="memberships")
    is_manager = models.BooleanField("responsable de la structure", default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "membre de l'équipe"
        verbose_name_plural = "membres de l'équipe"
        constraints = [models.UniqueConstraint(fields=["user", "structure"], name="membership_unique_user_structure")]

    def __str__(self):
        role = "responsable" if self.is_manager else "agent"
        return f"{self.user} — {role} — {self.structure.name}"


class StructureLinkQuerySet(models.QuerySet):
    def active(self):
        return self.filter(withdrawn_at__isnull=True)


class StructureLink(models.Model):
    """A resident followed by a structure. It exists only with recorded consent, and ends when it is withdrawn."""

    resident = models.ForeignKey(User, on_delete=models.CASCADE, related_name="structure_links")
    structure = models.ForeignKey(Structure, on_delete=models.CASCADE, related_name="resident_links")
    consent_method = models.CharField("recueil du consentement", max_length=20, choices=ConsentMethod.choices)
    consent_recorded_by = models.ForeignKey(
        User,
        verbose_name="consentement recueilli par",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    consented_at = models.DateTimeField("date du consentement", default=timezone.now)
    withdrawn_at = models.DateTimeField("consentement retiré le", null=True, blank=True)

    objects = StructureLinkQuerySet.as_manager()

    class Meta:
        verbose_name = "suivi par une structure"
        verbose_name_plural = "suivis par une structure"
        constraints = [
            models.UniqueConstraint(
                fields=["resident", "structure"],
                condition=models.Q(withdrawn_at__isnull=True),
                name="structurelink_one_active_per_pair",
            )
        ]

    def __str__(self):
        return f"{self.resident} suivi par {self.structure.name}"

    def withdraw(self):
        self.withdrawn_at = timezone.now()
        self.save(update_fields=["withdrawn_at"])


class AccessCardQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True)


class AccessCard(models.Model):
    """A resident's login card: an access code (typed) and a QR token (scanned). Only hashes are stored."""

    resident = models.ForeignKey(User, on_delete=models.CASCADE, related_name="access_cards")
    code_hash = models.CharField(max_length=128)
    qr_token_hash = models.CharField(max_length=64, unique=True)
    issued_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    issued_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = AccessCardQuerySet.as_manager()

    class Meta:
        verbose_name = "carte de connexion"
        verbose_name_plural = "cartes de connexion"
        constraints = [
            models.UniqueConstraint(
                fields=["resident"],
                condition=models.Q(revoked_at__isnull=True),
                name="accesscard_one_active_per_resident",
            )
        ]

    def __str__(self):
        state = "révoquée" if self.revoked_at else "active"
        return f"Carte de {self.resident} ({state})"


class OutgoingEmailQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(sent_at__isnull=True, abandoned_at__isnull=True)

    def due(self, now=None):
        return self.pending().filter(next_attempt_at__lte=now or timezone.now())


class OutgoingEmail(models.Model):
    """A message on its way: every email goes through this queue (accounts.mail), so an SMTP outage delays it
    instead of failing the request or losing it. Sent messages are deleted after a while (`send_pending_emails`)."""

    created_at = models.DateTimeField(auto_now_add=True)
    message = models.JSONField()  # subject, body, sender, recipients, headers, HTML alternatives
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    last_error = models.TextField(blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    abandoned_at = models.DateTimeField(null=True, blank=True)

    objects = OutgoingEmailQuerySet.as_manager()

    class Meta:
        verbose_name = "courriel en attente"
        verbose_name_plural = "courriels en attente"
        indexes = [models.Index(fields=["sent_at", "next_attempt_at"], name="outgoingemail_due")]

    def __str__(self):
        return self.message.get("subject", "")
