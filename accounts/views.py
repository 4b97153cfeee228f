"""Residents' own account pages: signing in with a login card (code or QR code), « Mon compte », keepalive."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseNotAllowed, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator

from accounts import cards, kiosk, ratelimit
from accounts.forms import AddEmailForm, CodeLoginForm, password_form_for

BACKEND = "django.contrib.auth.backends.ModelBackend"

WRONG_CODE = (
    "L'identifiant ou le code de connexion n'est pas bon. Vérifiez ce qui est écrit sur votre carte et réessayez."
)
TOO_MANY_ATTEMPTS = (
    "Trop d'essais. Par sécurité, la connexion est bloquée un moment : réessayez dans quelques minutes "
    "ou demandez de l'aide à votre conseiller."
)
EMAIL_ADDS_PER_HOUR = 5


def safe_next(request, target):
    """`target` when it is a path on this site, else "". Anything else is refused, not only other sites: redirect()
    reads a value without "/" as the name of a view (« abc », « &#106;avascript:x ») and failed with a server error."""
    allowed = {request.get_host()}
    if target.startswith("/") and url_has_allowed_host_and_scheme(target, allowed, require_https=request.is_secure()):
        return target
    return ""


def sign_in(request, user):
    """Open the session (a new session key: login() cycles it). kiosk.py sets the browser-close expiry."""
    login(request, user, backend=BACKEND)


@sensitive_post_parameters("code")
@never_cache
@csrf_protect
@require_http_methods(["GET", "POST"])
def code_login(request):
    """Sign in with the username and the 8-character code of the login card. One generic error, always."""
    if request.method == "POST":
        form = CodeLoginForm(request.POST)
        if form.is_valid():
            username = form.cleaned_data["username"]
            if ratelimit.code_login_blocked(request, username):
                form.add_error(None, TOO_MANY_ATTEMPTS)
                return render_code_login(request, form, status=429)
            user = cards.check_code(username=username, code=form.cleaned_data["code"])
            # Cards are for residents only: professionals sign in with a password (and MFA when required).
            if user is None or not kiosk.is_resident(user):
                ratelimit.record_code_login_failure(request, username)
                form.add_error(None, WRONG_CODE)
                return render_code_login(request, form)
            ratelimit.record_code_login_success(request, username)
            sign_in(request, user)
            return redirect(safe_next(request, form.cleaned_data["next"]) or "my_path")
    else:
        form = CodeLoginForm(initial={"next": safe_next(request, request.GET.get("next", ""))})
    return render_code_login(request, form)


def render_code_login(request, form, status=200):
    return TemplateResponse(request, "accounts/code_login.html", {"form": form}, status=status)


def no_referrer(response):
    """The QR token is in the URL: it must not leak to another site, nor be indexed.

    Referer stays same-origin (the site-wide policy): with « no-referrer », browsers send « Origin: null » with the
    form, and Django's CSRF check rightly refuses it.
    """
    response["Referrer-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@never_cache
@csrf_protect
@require_http_methods(["GET", "POST"])
def qr_login(request, token):
    """GET only shows a « Me connecter » button: link previewers and prefetchers must never sign anyone in."""
    if ratelimit.qr_login_blocked(request):
        response = TemplateResponse(request, "accounts/qr_invalid.html", {"blocked": True}, status=429)
        return no_referrer(response)
    user = cards.user_for_qr_token(token)
    if user is None or not kiosk.is_resident(user):
        ratelimit.record_qr_login_failure(request)
        return no_referrer(TemplateResponse(request, "accounts/qr_invalid.html", {"blocked": False}, status=404))
    if request.method == "POST":
        sign_in(request, user)
        return no_referrer(redirect("my_path"))
    return no_referrer(TemplateResponse(request, "accounts/qr_login.html", {"token": token}))


@require_POST
def session_keepalive(request):
    """« Continuer » in the idle warning. The request itself is the activity (see kiosk.IdleSessionMiddleware)."""
    if not request.user.is_authenticated:
        return JsonResponse({"active": False, "login_url": kiosk.login_url()}, status=401)
    kiosk.record_activity(request)
    if not kiosk.wants_json(request):  # the form posted without JavaScript
        return redirect(safe_next(request, request.POST.get("next", "")) or "/")
    return JsonResponse({"active": True, "timeout": kiosk.idle_timeout_for(request.user)})


@sensitive_post_parameters("password-old_password", "password-new_password1", "password-new_password2")
@login_required
@require_http_methods(["GET", "POST"])
def my_account(request):
    """A resident's account: their names, a password to add or change, an email address to add."""
    if not kiosk.is_resident(request.user):
        return professional_account(request)
    user = request.user
    password_form = password_form_for(user, prefix="password")
    email_form = AddEmailForm(user, prefix="email")
    status = 200
    if request.method == "POST":
        action = request.POST.get("form")
        if action == "password":
            had_password = user.has_usable_password()
            password_form = password_form_for(user, request.POST, prefix="password")
            if password_form.is_valid():
                password_form.save()
                update_session_auth_hash(request, user)
                if had_password:
                    messages.success(request, "C'est fait : votre mot de passe est changé.")
                else:
                    messages.success(
                        request,
                        "C'est fait : votre mot de passe est enregistré. Vous pouvez maintenant vous connecter "
                        "avec votre identifiant et ce mot de passe, ou toujours avec votre carte.",
                    )
                return redirect("my_account")
        elif action == "email":
            email_form = AddEmailForm(user, request.POST, prefix="email")
            if email_form.is_valid():
                if not ratelimit.allow(f"add-email:user:{user.pk}", EMAIL_ADDS_PER_HOUR, 3600):
                    email_form.add_error(
                        None, "Vous avez ajouté beaucoup d'adresses en peu de temps. Réessayez dans une heure."
                    )
                    status = 429
                else:
                    add_email(request, user, email_form.cleaned_data["email"])
                    return redirect("my_account")
    context = {
        "password_form": password_form,
        "has_password": user.has_usable_password(),
        "email_form": email_form,
        "email_addresses": list(user.emailaddress_set.order_by("-primary", "email")),
        "code_login_url": reverse("code_login"),
    }
    return TemplateResponse(request, "accounts/my_account.html", context, status=status)


def professional_account(request):
    """A professional's « Mon compte »: the password, and double authentication (allauth's MFA pages). It only shows:
    a POST gets 405, as on the agent pages that only show."""
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])

    user = request.user
    context = {
        "has_totp": Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists(),
        "mfa_required": settings.PROFESSIONALS_REQUIRE_MFA,
    }
    return TemplateResponse(request, "accounts/my_account_professional.html", context)


def add_email(request, user, email):
    existing = EmailAddress.objects.filter(user=user, email__iexact=email).first()
    if existing is None:
        EmailAddress.objects.add_email(request, user, email, confirm=True)
    else:  # already added and still unverified: send the link again
        existing.send_confirmation(request)
    messages.success(
        request,
        f"Nous avons envoyé un message à {email}. Ouvrez-le et cliquez sur le lien pour confirmer l'adresse.",
    )
