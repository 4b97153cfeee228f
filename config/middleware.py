"""Headers Django does not set by itself, and calm answers to a database outage or a truncated form."""

import base64
import hashlib
import json
import logging
import re

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.csp import CSP
from django.utils.datastructures import MultiValueDictKeyError

from accounts import perms
from config.views import OUTAGE_ERRORS, bad_request, outage_page

ADMIN_PREFIXES = ("/admin/", "/django-admin/")
logger = logging.getLogger(__name__)
# Wagtail's date and time widgets start with an inline call: the field's id and a JSON configuration, nothing else.
WIDGET_SCRIPT = re.compile(r'<script>(init(?:Date|Time|DateTime)Chooser\("id_[\w-]+", (\{[^<>]*\})\);)</script>')


# Wagtail's previews of a page or snippet being edited, and of a block in the block picker: the editor shows them in
# an iframe of its own page, so they alone may be framed, and only by our origin.
PREVIEW_URL_NAMES = frozenset({"preview_on_add", "preview_on_edit", "wagtailadmin_block_preview"})


def is_admin_preview(request):
    match = getattr(request, "resolver_match", None)
    return request.method == "GET" and match is not None and match.url_name in PREVIEW_URL_NAMES


def admin_csp(response, *, framed_preview=False):
    """The admin's policy, plus the hash of each of Wagtail's date and time widget scripts on this page.

    Those inline calls then run, and every other inline script stays blocked: a script is let through only if its
    whole text is such a call with a configuration that is plain JSON data, so injected code never matches.
    A preview shown in the editor's panel may be framed by our own pages (`frame-ancestors 'self'`); every other
    admin page keeps `'none'`.
    """
    policy = settings.ADMIN_CSP
    if framed_preview:
        policy = {**policy, "frame-ancestors": [CSP.SELF]}
    if getattr(response, "streaming", False) or "text/html" not in response.get("Content-Type", ""):
        return policy
    if b"Chooser(" not in response.content:  # most admin pages: nothing to decode and search
        return policy
    hashes = set()
    for match in WIDGET_SCRIPT.finditer(response.content.decode(response.charset, errors="replace")):
        try:
            configuration = json.loads(match[2])
        except ValueError:
            continue
        if isinstance(configuration, dict):
            digest = base64.b64encode(hashlib.sha256(match[1].encode()).digest()).decode()
            hashes.add(f"'sha256-{digest}'")
    if not hashes:
        return policy
    return {**policy, "script-src": [*policy["script-src"], *sorted(hashes)]}


class SecurityHeadersMiddleware:
    """Permissions-Policy everywhere, `no-store` on pages seen by a logged-in person, the admin's CSP in admin.

    Sits below Django's CSP middleware, so the policy chosen here is the one that middleware writes. Pages
    rendered for a logged-in person hold personal data: on a shared computer the browser must not keep them
    (Back button after logout, disk cache).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if getattr(request, "is_preview", False) and not hasattr(response, "_csp_config"):
            # The page as Wagtail renders it for a preview, in a request of its own passed through the middleware:
            # the public policy, which the editor's preview panel may frame.
            response._csp_config = {**settings.SECURE_CSP, "frame-ancestors": [CSP.SELF]}
        elif request.path.startswith(ADMIN_PREFIXES) and not hasattr(response, "_csp_config"):
            response._csp_config = admin_csp(response, framed_preview=is_admin_preview(request))
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
            patch_vary_headers(response, ["Cookie"])
        return response


class AdminAccessMiddleware:
    """Both admins answer a logged-in person without access with a clear 403, never a login redirect loop.

    Anonymous visitors of the Django admin go to allauth's login (rate-limited); Wagtail's admin already sends
    them there through WAGTAILADMIN_LOGIN_URL.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is None:
            return self.get_response(request)
        if request.path.startswith("/django-admin/"):
            if not user.is_authenticated:
                return redirect_to_login(request.get_full_path(), reverse("account_login"))
            if not (user.is_active and user.is_superuser):
                raise PermissionDenied("L'administration technique est réservée aux super-administrateurs.")
        elif (
            request.path.startswith("/admin/")
            and user.is_authenticated
            and not user.has_perm("wagtailadmin.access_admin")
        ):
            raise PermissionDenied("L'espace de rédaction est réservé aux formateurs et aux relecteurs.")
        return self.get_response(request)


class ProfessionalMFAMiddleware:
    """With PROFESSIONALS_REQUIRE_MFA on, a professional without TOTP is sent to set it up before anything else."""

    ALLOWED_PREFIXES = ("/comptes/", "/static/", "/media/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not request.path.startswith(self.ALLOWED_PREFIXES)
            and perms.must_set_up_mfa(user)
        ):
            messages.warning(
                request,
                "Pour protéger les données des personnes accompagnées, activez d'abord la double "
                "authentification avec une application sur votre téléphone.",
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)


class DatabaseUnavailableMiddleware:
    """When the database does not answer, people get a calm page (503), never a traceback."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OUTAGE_ERRORS):
            return outage_page(exception)
        return None


class MissingFieldMiddleware:
    """In both admins, a request without a field its view reads directly gets the 400 page, not a 500.

    Wagtail's admin forms read some fields straight from the POST data (a formset's `…-count`, the parent page of a
    copy); a browser always sends them, so their absence means a truncated or tampered request. Those views read
    them while validating, before writing anything. Elsewhere the error goes on: our own views read their fields
    through forms or `.get()`, so a missing field there is our bug, and it must show as one (a 500, in the logs).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, MultiValueDictKeyError) or not request.path.startswith(ADMIN_PREFIXES):
            return None
        logger.warning("Bad request to %s: field %s missing.", request.path, exception)
        return bad_request(request, exception)


class MethodNotAllowedPageMiddleware:
    """A 405 from `require_POST` or `require_safe` is blank: someone who reaches an action's address by the browser's
    history or a bookmark gets a page saying what happened and where to go, with the Allow header kept."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 405 or response.content or not request.accepts("text/html"):
            return response
        page = render(request, "405.html", status=405)
        page["Allow"] = response.get("Allow", "")
        return page
