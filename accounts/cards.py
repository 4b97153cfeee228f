"""Residents without email: readable usernames, access codes and QR tokens for their login card.

Codes are shown once, when issued, and stored hashed; a new card revokes the previous code and QR code.
"""

import base64
import binascii
import hashlib
import json
import re
import secrets
from dataclasses import dataclass

from django.contrib.auth.hashers import check_password, make_password
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify

from accounts.enums import UserKind
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
    replaced = (
        AccessCard.objects.select_for_update()
        .filter(resident=resident, revoked_at__isnull=True)
        .update(revoked_at=timezone.now())
    )
    if replaced:  # every session opened before ends (User.card_epoch is part of the session hash)
        User.objects.filter(pk=resident.pk).update(card_epoch=F("card_epoch") + 1)
        resident.refresh_from_db(fields=["card_epoch"])
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


def create_resident(*, display_name, email=None, phone=""):
    """A resident account with no password: they sign in with their card (or later add a password)."""
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


# A card just issued, until the agent prints it ------------------------------------------------------------------
# The code and the QR token are shown once, on the card page. Between the click and the printing they are kept in
# the agent's session only as `seal`ed text: XOR with a random key as long as the text, used once (a one-time pad).
# The key goes to the agent's browser alone, in a cookie limited to that card's page for CARD_SHOWN_SECONDS. The
# session table, Redis or a log therefore never hold a usable code: without the agent's browser it is noise.

CARD_SHOWN_SECONDS = 15 * 60


def seal(data):
    """(sealed text, key), both URL-safe base64, for a small JSON-able dict."""
    plain = json.dumps(data, separators=(",", ":")).encode()
    key = secrets.token_bytes(len(plain))
    sealed = bytes(a ^ b for a, b in zip(plain, key, strict=True))
    return base64.urlsafe_b64encode(sealed).decode(), base64.urlsafe_b64encode(key).decode()


def unseal(sealed, key):
    """The dict back, or None when the key is missing, of another length or the text was not sealed by `seal`."""
    try:
        sealed_bytes, key_bytes = base64.urlsafe_b64decode(sealed or ""), base64.urlsafe_b64decode(key or "")
        if not sealed_bytes or len(sealed_bytes) != len(key_bytes):
            return None
        data = json.loads(bytes(a ^ b for a, b in zip(sealed_bytes, key_bytes, strict=True)))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        return None
    return data if isinstance(data, dict) else None
