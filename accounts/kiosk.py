"""Sessions on shared computers (France Services, libraries, social centres).

* Every session cookie expires when the browser closes (``SESSION_EXPIRE_AT_BROWSER_CLOSE``): an anonymous
  visitor's (diagnostic result, progress), a resident's whatever way they signed in (password, card code or QR
  code), a professional's. There is never a « remember me ».
* Every session ends after a time without activity, checked on the server: ``RESIDENT_IDLE_TIMEOUT_SECONDS``
  (20 minutes) for residents, ``PROFESSIONAL_IDLE_TIMEOUT_SECONDS`` (4 hours) for professionals. Every request
  counts as activity (written to the session at most once a minute); ``static/js/kiosk.js`` warns
  ``IDLE_WARNING_SECONDS`` before the end and its « Continuer » button calls the keepalive view.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import JsonResponse
from django.shortcuts import redirect, resolve_url

from accounts.enums import UserKind

LAST_ACTIVITY_KEY = "pasapas_last_activity"


def is_resident(user):
    return user.is_authenticated and user.kind == UserKind.RESIDENT


def idle_timeout_for(user):
    """Seconds without activity after which this person's session ends."""
    if is_resident(user):
        return settings.RESIDENT_IDLE_TIMEOUT_SECONDS
    return settings.PROFESSIONAL_IDLE_TIMEOUT_SECONDS


def idle_warning_for(user):
    """Seconds before the end at which the warning shows; always shorter than the timeout itself."""
    return max(1, min(settings.IDLE_WARNING_SECONDS, idle_timeout_for(user) - 1))


def write_interval(timeout):
    """Activity is written to the session at most once a minute: a page view must not always cost a write.

    Pages tell kiosk.js the time really left (``seconds_left``), so the warning still matches the server.
    """
    return min(60, timeout // 20)


def seconds_left(request, timeout):
    last_activity = request.session.get(LAST_ACTIVITY_KEY)
    if last_activity is None:
        return timeout
    return max(0, round(timeout - (time.time() - last_activity)))


def record_activity(request):
    request.session[LAST_ACTIVITY_KEY] = time.time()


def _plural(count, word):
    return f"{count} {word}{'s' if count > 1 else ''}"


def describe_duration(seconds):
    """1200 → « 20 minutes », 14400 → « 4 heures », 90 → « 90 secondes », in plain French."""
    seconds = int(seconds)
    if seconds >= 3600 and seconds % 3600 == 0:
        return _plural(seconds // 3600, "heure")
    if seconds >= 60 and seconds % 60 == 0:
        return _plural(seconds // 60, "minute")
    return _plural(seconds, "seconde")


def wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def login_url():
    return resolve_url(settings.LOGIN_URL)


class IdleSessionMiddleware:
    """Ends idle sessions; ``SESSION_EXPIRE_AT_BROWSER_CLOSE`` keeps every session cookie to the browser's lifetime.

    Sits after AuthenticationMiddleware and MessageMiddleware: it needs ``request.user`` and leaves a message for
    the login page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        user_id = None
        if user is not None and user.is_authenticated:
            user_id = user.pk
            timeout = idle_timeout_for(user)
            now = time.time()
            last_activity = request.session.get(LAST_ACTIVITY_KEY)
            if last_activity is not None and now - last_activity > timeout:
                return self.end_idle_session(request, user, timeout)
            if last_activity is None or now - last_activity >= write_interval(timeout):
                request.session[LAST_ACTIVITY_KEY] = now

        response = self.get_response(request)

        # After the view: a person who has just signed in is covered from their very first response.
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and (user.pk != user_id or LAST_ACTIVITY_KEY not in request.session)
        ):
            request.session[LAST_ACTIVITY_KEY] = time.time()
        return response

    def end_idle_session(self, request, user, timeout):
        resident = is_resident(user)
        logout(request)
        messages.info(request, f"Votre session a été fermée après {describe_duration(timeout)} sans activité.")
        if wants_json(request):
            return JsonResponse({"active": False, "login_url": login_url()}, status=401)
        if request.method == "GET" and not resident:
            # A professional comes back to the page they had open. A resident's computer is probably someone
            # else's by now: they start again from the login page.
            return redirect_to_login(request.get_full_path(), login_url())
        return redirect(login_url())


def idle_session(request):
    """Context processor: what kiosk.js needs, for logged-in people only (``{% if idle_session %}``)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    timeout = idle_timeout_for(user)
    warning = idle_warning_for(user)
    return {
        "idle_session": {
            "timeout": timeout,
            "left": seconds_left(request, timeout),
            "warning": warning,
            "warning_text": describe_duration(warning),
            "is_resident": is_resident(user),
        }
    }
