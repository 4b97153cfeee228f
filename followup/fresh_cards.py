"""A login card just issued at the desk, kept for printing: sealed in the agent's session, its key in a cookie of the
agent's browser for the card page only (accounts.cards.seal says why), for CARD_SHOWN_SECONDS."""

import time

from django.conf import settings
from django.urls import reverse

from accounts import cards

SESSION_KEY = "agent_fresh_cards"
COOKIE_PREFIX = "pasapas_carte_"


def card_cookie_name(resident):
    return COOKIE_PREFIX + str(resident.pk)


def remember(request, response, resident, issued):
    """The code is shown once, on the card page, until printed: sealed in the session, its key in a cookie of the
    agent's browser for that page only (accounts.cards.seal says why). Returns `response` with the cookie."""
    sealed, key = cards.seal({"code": issued.code, "token": issued.qr_token})
    cards_shown = request.session.get(SESSION_KEY, {})
    cards_shown[str(resident.pk)] = {"sealed": sealed, "at": int(time.time())}
    request.session[SESSION_KEY] = cards_shown
    response.set_cookie(
        card_cookie_name(resident),
        key,
        max_age=cards.CARD_SHOWN_SECONDS,
        path=reverse("agent:resident_card", args=[resident.pk]),
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Strict",
    )
    return response


def drop(session, resident_id):
    """The card is no longer kept (printed, or its person erased); its code is not shown again."""
    cards_shown = session.get(SESSION_KEY, {})
    if cards_shown.pop(str(resident_id), None) is not None:
        session[SESSION_KEY] = cards_shown


def forget_fresh_card(request, response, resident_id):
    """The card kept for printing leaves the session and its key the browser (the resident's data was erased)."""
    drop(request.session, resident_id)
    response.delete_cookie(
        COOKIE_PREFIX + str(resident_id), path=reverse("agent:resident_card", args=[resident_id]), samesite="Strict"
    )
    return response


def fresh_card(request, resident):
    """The card issued from this browser in the last minutes, or None."""
    shown = request.session.get(SESSION_KEY, {}).get(str(resident.pk))
    if not shown or time.time() - shown.get("at", 0) > cards.CARD_SHOWN_SECONDS:
        return None
    return cards.unseal(shown.get("sealed"), request.COOKIES.get(card_cookie_name(resident)))
