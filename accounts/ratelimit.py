"""Rate limits for signing in with a login card (typed code or scanned QR code).

Two budgets, both counted in Django's cache (Redis in production, so every app process shares the counters):

* **per account**: after ``CODE_LOGIN_ACCOUNT_FAILURES`` wrong codes for one username within
  ``CODE_LOGIN_WINDOW_SECONDS``, every further attempt on that username is refused, even with the right code, until
  the window ends. Unknown usernames are counted the same way, so the answer never tells whether an account exists.
  A successful sign-in clears that account's counter.
* **per network**: only failures count, and the budget is wide (``CODE_LOGIN_NETWORK_FAILURES``), so that a whole
  workshop room signing in from one public address is never locked out because a few people mistyped. Successful
  sign-ins never count and never clear it (a valid card must not reset an attacker's budget). QR token failures
  count here too.

The window is fixed: it starts with the first failure and the counter expires with it.

The client address is ``REMOTE_ADDR``, nothing else (headers such as ``X-Forwarded-For`` can be forged).
**A reverse proxy must therefore make REMOTE_ADDR the visitor's address**: for instance gunicorn's
``--proxy-protocol`` with the proxy speaking the PROXY protocol, or a trusted front middleware that rewrites it.
Otherwise every visitor seems to come from the proxy (127.0.0.1) and shares one network budget. IPv6 addresses are
grouped by /64, the block one household or one device usually holds.

If the cache cannot be reached, signing in keeps working:

* the network limit **fails open** (nothing is counted, nothing is blocked), so a Redis outage never locks a room out;
* the account limit falls back to a counter in this process's memory: weaker (each process counts on its own), but
  a guesser is still slowed down, and 8 characters from a 31-letter alphabet leave ~8.5 × 10¹¹ codes to try.
"""

import hashlib
import ipaddress
import logging

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache

from accounts.backends import resolve_account

try:
    from redis.exceptions import RedisError
except ImportError:  # pragma: no cover - redis is a dependency, but the local cache does not need it
    RedisError = OSError

logger = logging.getLogger(__name__)

CACHE_ERRORS = (RedisError, OSError)

# Used only while the shared cache is unreachable, for the per-account limit.
_local_fallback = LocMemCache("pasapas-ratelimit-fallback", {"OPTIONS": {"MAX_ENTRIES": 10_000}})


def shared_cache():
    """The cache holding the counters (a function, so tests can make it fail).

    The `ratelimit` alias shows Redis errors (the default alias hides them: config/cache.py), so that the fallbacks
    below apply.
    """
    return caches["ratelimit"] if "ratelimit" in settings.CACHES else cache


def client_ip(request):
    """The visitor's address from REMOTE_ADDR; IPv6 addresses are reduced to their /64 network."""
    raw = (request.META.get("REMOTE_ADDR") or "").strip()
    try:
        address = ipaddress.ip_address(raw)
    except ValueError:
        return raw or "inconnue"
    if address.version == 6:
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


def _digest(value):
    return hashlib.sha256(value.encode("utf-8")).hexdigest()[:32]


def account_key(username):
    return f"ratelimit:card-login:account:{_digest((username or '').strip().lower())}"


def network_key(request):
    return f"ratelimit:card-login:network:{_digest(client_ip(request))}"


def _count(store, key):
    return int(store.get(key) or 0)


def _increment(store, key, window):
    """Add one to a counter that lives `window` seconds from its first hit. Atomic on Redis."""
    if store.add(key, 1, timeout=window):
        return 1
    try:
        return store.incr(key)
    except ValueError:  # expired between add() and incr()
        store.set(key, 1, timeout=window)
        return 1


def _window():
    return settings.CODE_LOGIN_WINDOW_SECONDS


# Per network: fail open.


def network_blocked(request):
    try:
        return _count(shared_cache(), network_key(request)) >= settings.CODE_LOGIN_NETWORK_FAILURES
    except CACHE_ERRORS:
        logger.warning("Rate-limit cache unreachable: the per-network limit is not applied.")
        return False


def _record_network_failure(request):
    try:
        _increment(shared_cache(), network_key(request), _window())
    except CACHE_ERRORS:
        logger.warning("Rate-limit cache unreachable: a sign-in failure was not counted for the network.")


# Per account: fall back to this process's memory.


def _account_call(function, *args):
    try:
        return function(shared_cache(), *args)
    except CACHE_ERRORS:
        logger.warning("Rate-limit cache unreachable: the per-account limit uses this process's memory.")
        return function(_local_fallback, *args)


def account_blocked(username):
    return _account_call(_count, account_key(username)) >= settings.CODE_LOGIN_ACCOUNT_FAILURES


def code_login_blocked(request, username):
    """True when this attempt must be refused without even checking the code."""
    return network_blocked(request) or account_blocked(username)


def record_code_login_failure(request, username):
    _account_call(_increment, account_key(username), _window())
    _record_network_failure(request)


def record_code_login_success(request, username):
    """The account's counter starts again; the network's does not."""
    _account_call(lambda store, key: store.delete(key), account_key(username))


def qr_login_blocked(request):
    return network_blocked(request)


def record_qr_login_failure(request):
    _record_network_failure(request)


# Signing in with a password. Counted per account whatever the person typed (identifier or e-mail address: both
# name the same account, so they share one budget), with the same fallback as the card's when the cache is down.
# Per network only failures count, and the budget (PASSWORD_LOGIN_NETWORK_FAILURES) is far above what a room can
# reach by typos: each account stops counting at its own limit, so filling it takes dozens of accounts each guessed
# several times in the window, which is an attack, not a workshop.


def password_account_key(identifier):
    user = resolve_account(identifier)
    name = f"user:{user.pk}" if user else f"unknown:{(identifier or '').strip().lower()}"
    return f"ratelimit:password-login:account:{_digest(name)}"


def password_network_key(request):
    return f"ratelimit:password-login:network:{_digest(client_ip(request))}"


def password_login_blocked(request, identifier):
    try:
        network = _count(shared_cache(), password_network_key(request)) >= settings.PASSWORD_LOGIN_NETWORK_FAILURES
    except CACHE_ERRORS:
        logger.warning("Rate-limit cache unreachable: the per-network password limit is not applied.")
        network = False
    account = _account_call(_count, password_account_key(identifier)) >= settings.PASSWORD_LOGIN_ACCOUNT_FAILURES
    return network or account


def record_password_login_failure(request, identifier):
    _account_call(_increment, password_account_key(identifier), _window())
    try:
        _increment(shared_cache(), password_network_key(request), _window())
    except CACHE_ERRORS:
        logger.warning("Rate-limit cache unreachable: a password failure was not counted for the network.")


def record_password_login_success(request, identifier):
    _account_call(lambda store, key: store.delete(key), password_account_key(identifier))


def allow(key, limit, window):
    """A generic budget: count this action and say whether it is within `limit` per `window` seconds.

    Fails open when the cache is unreachable. Used for actions that send mail (adding an email address).
    """
    try:
        return _increment(shared_cache(), f"ratelimit:{key}", window) <= limit
    except CACHE_ERRORS:
        logger.warning("Rate-limit cache unreachable: %s is not limited.", key)
        return True
