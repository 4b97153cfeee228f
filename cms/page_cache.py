"""Caches for the pages everyone reads: whole pages for anonymous visitors, rendered fragments for everyone.

Both are checked against versions fetched in the same cache round trip as the entry itself:

* the content version, renewed whenever a page is saved or deleted, a view restriction, an image or the site
  settings change (a tutorial shows its neighbours' titles, the catalogue's address, the footer…);
* the glossary version (cms.glossary), renewed when a term changes;
* the static files' manifest, which changes when a deployment changes CSS or JavaScript;
* cms.invalidation's database token, renewed in the same transaction as each of these changes: a change the cache
  missed (Redis unreachable: the default alias swallows errors) still shows within invalidation.CHECK_SECONDS of
  it, instead of the old entries coming back with Redis until their time limit.

So a publication shows at once, on every process. A time limit backs this up for what no signal tells (a template
changed by a deployment). Every key also names the code's version (`code_version`: Django's, Wagtail's and every
app's migrations): kept routes hold pickled pages, which a release that changes a model could no longer unpickle.

HTML kept in these caches never holds a person's CSRF token: pages are rendered with a marker that each
response replaces with the visitor's own token (which also sets the visitor's CSRF cookie).

Whole pages are kept only for anonymous visitors without a session (no progress kept in a session, no message to
show), for GET requests without a query string, and only for pages that say so from their `get_context` through
`allow_anonymous_cache`. The lookup happens before Wagtail's routing (`serve`, wired in config/urls.py), so a hit
costs one cache round trip and no query.

Signed-in people get whole pages too, from pages that ask for it (`personal_page`, `allow_personal_cache`): kept
per kind of person (the menu differs) and whatever the page says changes its content (a tutorial: the steps done),
with markers for what is each person's own (name, CSRF token, idle time left), filled in for each response.
Never for authors (Wagtail's user bar is theirs), nor when a message waits to be shown.
"""

import functools
import hashlib
import importlib.util
import uuid
from pathlib import Path

from django.conf import settings
from django.contrib.messages import get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.html import escape

from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction

from accounts import kiosk, perms
from cms import glossary, invalidation

CONTENT_VERSION_KEY = "cms:content-version"
VIEW_RESTRICTIONS_KEY = "cms:any-view-restriction"
# Letters and digits only: HTML escaping leaves it as it is.
CSRF_MARKER = "csrfmarker7d1c94e2b05a4f3e8b61"
NAME_MARKER = "namemarker5b2e0c71d9a84f66a3c2"
IDLE_LEFT_MARKER = "idleleftmarker91f3b7e04c2d58a6"
PAGE_TIMEOUT = 10 * 60
FRAGMENT_TIMEOUT = 60 * 60
STORE_FLAG = "_pasapas_page_cache_store"
ALLOWED_FLAG = "_pasapas_page_cache_allowed"
PERSONAL_STORE_FLAG = "_pasapas_personal_page_store"
PERSONAL_ALLOWED_FLAG = "_pasapas_personal_page_allowed"


# Versions ----------------------------------------------------------------------------------------------------------


def bump_content_version():
    """A new content version in the cache, and a new database token (cms.invalidation) in the change's transaction.

    The cache is told again once the change is committed: a page rendered meanwhile by another process, from what
    the database held before the commit, is not kept under the new version."""
    _new_content_version()
    invalidation.renew()
    transaction.on_commit(_new_content_version)


def _new_content_version():
    cache.set(CONTENT_VERSION_KEY, uuid.uuid4().hex, None)


def static_fingerprint():
    from django.contrib.staticfiles.storage import staticfiles_storage

    return getattr(staticfiles_storage, "manifest_hash", "") or ""


def _stamp(values):
    """The versions an entry was built under, from a get_many answer; a missing version is created first."""
    token = invalidation.generation()  # first: what is built next is at least as new as this token
    for key in (CONTENT_VERSION_KEY, glossary.VERSION_KEY):
        if values.get(key) is None:
            cache.add(key, uuid.uuid4().hex, None)
            values[key] = cache.get(key)
    return (values[CONTENT_VERSION_KEY], values[glossary.VERSION_KEY], static_fingerprint(), token)


def fetch_many(keys, *extra):
    """({key: value} of the entries built under the current versions, stamp, {extra key: value}): one round trip."""
    values = cache.get_many([*keys, *extra, CONTENT_VERSION_KEY, glossary.VERSION_KEY])
    stamp = _stamp(values)
    entries = {}
    for key in keys:
        entry = values.get(key)
        if isinstance(entry, tuple) and len(entry) == 2 and entry[0] == stamp:
            entries[key] = entry[1]
    return entries, stamp, {key: values.get(key) for key in extra}


def fetch(key):
    """(value or None, stamp): the entry and the current versions in one round trip; None when they differ."""
    entries, stamp, _extra = fetch_many([key])
    return entries.get(key), stamp


def store(key, stamp, value, timeout=FRAGMENT_TIMEOUT):
    cache.set(key, (stamp, value), timeout)


@functools.cache
def code_version():
    """Django's and Wagtail's versions and the names of every app's migrations: what changes when models do."""
    import django
    from django.apps import apps

    import wagtail

    parts = [django.__version__, wagtail.__version__]
    for app in apps.get_app_configs():
        spec = importlib.util.find_spec(f"{app.name}.migrations")
        if spec is not None and spec.submodule_search_locations:
            for folder in spec.submodule_search_locations:
                parts += sorted(path.name for path in Path(folder).glob("[0-9]*.py"))
    return hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:12]


def digest(*parts):
    """A cache key's suffix for these parts, under the code's version."""
    return hashlib.sha1("\x1f".join(str(part) for part in (code_version(), *parts)).encode()).hexdigest()


# CSRF token --------------------------------------------------------------------------------------------------------


def csrf_token_for(request):
    """What `{{ csrf_token }}` renders into HTML that may be kept: the marker while storing a whole page."""
    return CSRF_MARKER if getattr(request, STORE_FLAG, False) else get_token(request)


def with_csrf_token(request, html):
    """Kept HTML, made the visitor's own: their CSRF token (and cookie) instead of the marker."""
    if CSRF_MARKER not in html:
        return html
    return html.replace(CSRF_MARKER, csrf_token_for(request))


# Whole pages for anonymous visitors --------------------------------------------------------------------------------


def anonymous_cacheable(request):
    """A first-time anonymous GET: no session (so no progress or message kept in it), no query string."""
    return (
        request.method in ("GET", "HEAD")
        and not request.META.get("QUERY_STRING")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
    )


def allow_anonymous_cache(request, context):
    """Called by a page's get_context when the page is the same for every anonymous visitor."""
    if getattr(request, STORE_FLAG, False):
        setattr(request, ALLOWED_FLAG, True)
        context["csrf_token"] = CSRF_MARKER


def _route_key(request, components):
    return "cms:route:" + digest(request.get_host(), "/".join(components))


def _cached_route(request, components, entries, stamp, extra):
    """Route from the longest kept page the path starts with; its sub-routes resolve without queries."""
    from django.http import Http404

    for length in range(len(components), 0, -1):
        route = entries.get(_route_key(request, components[:length]))
        if route is not None:
            site, page = route
            page._pasapas_view_restrictions = _kept_restrictions(extra[VIEW_RESTRICTIONS_KEY], stamp[-1])
            try:
                request._wagtail_route_for_request = page.route(request, components[length:])
            except Http404:
                return  # Wagtail routes it again, and answers the same
            request._wagtail_site = site
            return


def _keep_route(request, path, components, entries, stamp):
    """After routing: keep the routed page under its own address when it asks for it and is not kept yet."""
    from wagtail.models import Site

    result = Page.route_for_request(request, path)
    page = result[0] if result is not None else None
    if page is None or not getattr(page, "cache_route", False):
        return
    for length in range(len(components), 0, -1):
        if page.url_path.endswith("/" + "/".join(components[:length]) + "/"):
            key = _route_key(request, components[:length])
            if key not in entries:
                store(key, stamp, (Site.find_for_request(request), page))
            return


def serve(request, path):
    """Wagtail's page view, with two shortcuts taken from the cache in one round trip.

    * An anonymous visitor without a session gets the whole page when a page allowed it (allow_anonymous_cache).
    * Everyone else skips Wagtail's routing (a query for the site, one or two per level of the page tree) to the
      pages that ask for it (`cache_route = True`): the site and the routed page, with its parents, are kept under
      the page's address, and the page's own sub-routes (a form's action) are resolved from there.
    """
    from django.http import HttpResponse

    from wagtail.views import serve as wagtail_serve

    anonymous = anonymous_cacheable(request)
    components = [component for component in path.split("/") if component]
    page_key = "cms:page:" + digest(request.get_host(), request.path)
    route_keys = [_route_key(request, components[:length]) for length in range(len(components), 0, -1)]
    if anonymous:
        html, stamp = fetch(page_key)  # alone: the kept routes would be unpickled for nothing
        if html is not None:
            return HttpResponse(with_csrf_token(request, html), content_type="text/html; charset=utf-8")
    # The page's own address first; the shorter ones (a sub-route's page) only when it is not kept.
    entries, stamp, extra = fetch_many(route_keys[:1], VIEW_RESTRICTIONS_KEY)
    if not entries and len(route_keys) > 1:
        entries, stamp, extra = fetch_many(route_keys[1:], VIEW_RESTRICTIONS_KEY)
    _cached_route(request, components, entries, stamp, extra)
    _keep_route(request, path, components, entries, stamp)
    if not anonymous:
        return wagtail_serve(request, path)
    setattr(request, STORE_FLAG, True)
    response = wagtail_serve(request, path)
    setattr(request, STORE_FLAG, False)
    if getattr(request, ALLOWED_FLAG, False) and response.status_code == 200 and not response.streaming:
        if hasattr(response, "render"):
            response.render()
        html = response.content.decode(response.charset)
        store(page_key, stamp, html, PAGE_TIMEOUT)
        response.content = with_csrf_token(request, html)
    return response


# Whole pages for signed-in people ----------------------------------------------------------------------------------


def personal_cacheable(request):
    """A signed-in person's plain GET, with nothing on the page that only they may see but their name."""
    user = getattr(request, "user", None)
    return (
        request.method in ("GET", "HEAD")
        and not request.META.get("QUERY_STRING")
        and not getattr(request, "is_preview", False)
        and user is not None
        and user.is_authenticated
        and not perms.can_access_wagtail_admin(user)
        and not len(get_messages(request))
    )


def allow_personal_cache(request, context):
    """Called by a page's get_context when the page differs between people only by what the markers stand for."""
    if getattr(request, PERSONAL_STORE_FLAG, False):
        setattr(request, PERSONAL_ALLOWED_FLAG, True)
        context["csrf_token"] = CSRF_MARKER
        context["nav_user_name"] = NAME_MARKER
        idle = kiosk.idle_session(request).get("idle_session")
        if idle:
            context["idle_session"] = {**idle, "left": IDLE_LEFT_MARKER}


def make_personal(request, html):
    """Kept HTML, made this person's own: CSRF token, idle time left, then their name (escaped, and last, so that
    nothing in a name is taken for a marker)."""
    html = with_csrf_token(request, html)
    idle = kiosk.idle_session(request).get("idle_session")
    html = html.replace(IDLE_LEFT_MARKER, str(idle["left"] if idle else ""))
    return html.replace(NAME_MARKER, escape(str(request.user)))


def personal_page(request, key_parts, render):
    """The page for a signed-in person: from the cache when kept, else `render()` with markers, kept if the page
    allowed it (allow_personal_cache) and answered 200. `key_parts()` names what changes the page's content."""
    if not personal_cacheable(request):
        return render()
    user = request.user
    key = "cms:personal:" + digest(request.get_host(), request.path, user.kind, perms.is_agent(user), *key_parts())
    html, stamp = fetch(key)
    if html is not None:
        return HttpResponse(make_personal(request, html), content_type="text/html; charset=utf-8")
    setattr(request, PERSONAL_STORE_FLAG, True)
    try:
        response = render()
        if hasattr(response, "render"):
            response.render()
    finally:
        setattr(request, PERSONAL_STORE_FLAG, False)
    if not getattr(request, PERSONAL_ALLOWED_FLAG, False) or response.streaming:
        return response
    html = response.content.decode(response.charset)
    if response.status_code == 200:
        store(key, stamp, html, PAGE_TIMEOUT)
    response.content = make_personal(request, html)
    return response


def site_for_request(request):
    """Wagtail's Site.find_for_request, kept per host: the site lookup is otherwise a query on every page."""
    from wagtail.models import Site

    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    key = "cms:site:" + digest(request._get_raw_host(), request.get_port())
    site, stamp = fetch(key)
    if site is None:
        site = Site.find_for_request(request)
        if site is not None:
            store(key, stamp, site)
    request._wagtail_site = site
    return site


# View restrictions -------------------------------------------------------------------------------------------------


def _kept_restrictions(entry, token):
    """The kept answer of any_view_restrictions, None unless built under this database token."""
    if isinstance(entry, tuple) and len(entry) == 2 and entry[0] == token:
        return entry[1]
    return None


def any_view_restrictions():
    """Whether any page of the site is private (kept in the cache, forgotten when a restriction changes).

    Kept with the database token (cms.invalidation): a page made private while Redis missed the deletion is not
    left public."""
    token = invalidation.generation()
    exists = _kept_restrictions(cache.get(VIEW_RESTRICTIONS_KEY), token)
    if exists is None:
        exists = PageViewRestriction.objects.exists()
        cache.set(VIEW_RESTRICTIONS_KEY, (token, exists), None)
    return exists


def public(queryset):
    """`queryset.public()`, without its query on every restriction while no page of the site is private."""
    return queryset.public() if any_view_restrictions() else queryset


class ViewRestrictionShortcutMixin:
    """Skip Wagtail's two view-restriction queries on each page view while no page of the site is restricted."""

    def get_view_restrictions(self):
        exists = getattr(self, "_pasapas_view_restrictions", None)  # fetched with the route (serve)
        if exists is None:
            exists = any_view_restrictions()
        if not exists:
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


# Signals -----------------------------------------------------------------------------------------------------------


def content_changed(sender, instance, signal, **kwargs):
    """Pages (saved, published, moved, deleted), images, sites and their settings, view restrictions changed."""
    if isinstance(instance, PageViewRestriction):
        cache.delete(VIEW_RESTRICTIONS_KEY)
        transaction.on_commit(_forget_view_restrictions)  # an answer computed before the commit is not kept
    elif signal is post_save and sender._meta.model_name.endswith("rendition"):
        return  # a rendition is made while a page renders; removed renditions (their files go) do count
    bump_content_version()


def _forget_view_restrictions():
    cache.delete(VIEW_RESTRICTIONS_KEY)


def connect_signals():
    """Called once the apps are ready. Only these models: a receiver for every model would cost every other
    deletion its fast path (Django loads rows one by one to send them the signal)."""
    from django.apps import apps

    from wagtail.models import Site

    image_model = get_image_model()
    watched = [model for model in apps.get_models() if issubclass(model, Page)]
    watched += [image_model, image_model.get_rendition_model(), Site, PageViewRestriction]
    watched += [apps.get_model("cms", "SiteSettings")]
    for model in watched:
        post_save.connect(content_changed, sender=model, dispatch_uid=f"page_cache_save_{model._meta.label}")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"page_cache_delete_{model._meta.label}")
