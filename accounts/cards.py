"""Residents without email: readable usernames, access codes and QR tokens for their login card.

Codes are shown once, when issued, and stored hashed; a new card revokes the previous code and QR code.
"""

import hashlib
import re
import secrets
from dataclasses import dataclass

from django.contrib.auth.hashers import check_password, make_password
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from accounts.models import UNAMBIGUOUS_ALPHABET, AccessCard, User, generate_code

CODE_LENGTH = 8


@dataclass(frozen=True)
class IssuedCard:
    """What the agent prints once: the code and the QR token are never stored in clear."""

    card: AccessCard
    code: str
    qr_token: str


def normalize_code(raw):
    """Codes are read from paper: ignore case, spaces and dashes."""
    return re.sub(r"[\s-]", "", (raw or "")).upper()


def looks_like_a_code(raw):
    code = normalize_code(raw)
    return len(code) == CODE_LENGTH and all(char in UNAMBIGUOUS_ALPHABET for char in code)


def hash_token(token):
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def username_base(display_name):
    """« Amina Benali » → « amina.b »; « Jean-Pierre » → « jean-pierre »."""
    words = [slugify(word) for word in (display_name or "").split()]
    words = [word for word in words if word]
    if not words:
        return "personne"
    base = words[0][:20]
    if len(words) > 1:
        base += "." + words[-1][0]
    return base


def generate_username(display_name, rng=secrets):
    """A readable, unique username (« amina.b7 »); two residents with the same name get different ones."""
    base = username_base(display_name)
    for digits in (1, 1, 1, 2, 2, 3, 3, 4):
        candidate = base + "".join(rng.choice("23456789") for _ in range(digits))
        if not User.objects.filter(username__iexact=candidate).exists():
            return candidate
    raise RuntimeError("No free username")


@transaction.atomic
def issue_card(*, resident, issued_by=None):
    """A new code and QR token for the resident; the previous card stops working at once."""
    AccessCard.objects.select_for_update().filter(resident=resident, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    code = generate_code(CODE_LENGTH)
    token = secrets.token_urlsafe(32)
    card = AccessCard.objects.create(
        resident=resident, code_hash=make_password(code), qr_token_hash=hash_token(token), issued_by=issued_by
    )
    return IssuedCard(card=card, code=code, qr_token=token)


def check_code(*, username, code):
    """The resident whose active card has this code, or None."""
    user = User.objects.filter(username__iexact=(username or "").strip(), is_active=True).first()
    if user is None or not looks_like_a_code(code):
        make_password(code or "")  # same work whether or not the account exists
        return None
    card = AccessCard.objects.active().filter(resident=user).first()
    if card is None:
        make_password(code)  # as much work as a wrong code: the answer time tells nothing
        return None
    if not check_password(normalize_code(code), card.code_hash):
        return None
    return user


def user_for_qr_token(token):
    card = AccessCard.objects.active().select_related("resident").filter(qr_token_hash=hash_token(token or "")).first()
    if card is None or not card.resident.is_active:
        return None
    return card.resident


def create_resident(*, display_name, email=None, phone="", created_by=None):
    """A resident account with no password: they sign in with their card (or later add a password)."""
    from accounts.enums import UserKind

    for _ in range(5):
        try:
            with transaction.atomic():
                user = User(
                    username=generate_username(display_name),
                    display_name=display_name.strip(),
                    email=email or None,
                    phone=phone or "",
                    kind=UserKind.RESIDENT,
                )
                user.set_unusable_password()
                user.save()
                return user
        except IntegrityError:
            continue
    raise RuntimeError("Could not create a unique username")
