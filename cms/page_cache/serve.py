"""The page view in front of Wagtail's: whole pages from the cache, Wagtail's routing from kept rows."""

from django.conf import settings
from django.contrib.messages import get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpResponse
from django.template.response import TemplateResponse

from wagtail import hooks

from accounts import perms
from cms.page_cache import entries, markers, routes
from cms.page_cache.mixin import CachedPageMixin
from cms.page_cache.restrictions import VIEW_RESTRICTIONS_KEY, ViewRestrictionShortcutMixin, kept_answer


def first_visit(request):
    """A first-time anonymous GET: no session (so no progress or message kept in it), no query string."""
    return (
        request.method in ("GET", "HEAD")
        and not request.META.get("QUERY_STRING")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
    )


def keepable(request):
    """A plain GET whose page may be kept for others of the same kind: no query string, no preview, no message
    waiting, not an author (Wagtail's user bar is theirs)."""
    user = request.user
    return (
        request.method in ("GET", "HEAD")
        and not request.META.get("QUERY_STRING")
        and not getattr(request, "is_preview", False)
        and not (user.is_authenticated and perms.can_access_wagtail_admin(user))
        and not len(get_messages(request))
    )


def visitor_kind(user):
    if not user.is_authenticated:
        return ("anonymous",)
    return (user.kind, perms.is_agent(user))


def page_key(request):
    return "cms:page:" + entries.digest(request.get_host(), request.path)


def personal_key(request, variant):
    return "cms:personal:" + entries.digest(request.get_host(), request.path, *visitor_kind(request.user), *variant)


def html_response(request, html):
    return HttpResponse(markers.fill(request, html), content_type="text/html; charset=utf-8")


def serve(request, path):
    """Wagtail's page view (its hooks, then the page's serve), with what the cache can spare it.

    * A first-time anonymous visitor gets a kept page in one cache round trip and no query.
    * Everyone else is routed from kept rows (no query for the site and the tree), and gets the kept page when the
      page is a CachedPageMixin, the request is keepable and the page says what its variant is.
    """
    first = first_visit(request)
    if first:
        html, first_stamp = entries.fetch(page_key(request))
        if html is not None:
            return html_response(request, html)
    components = [component for component in path.split("/") if component]
    keys = routes.route_keys(request, components)
    # The page's own address first; the shorter ones (a sub-route's page) only when it is not kept.
    kept, stamp, extra = entries.fetch_many(keys[:1], VIEW_RESTRICTIONS_KEY)
    if not kept and len(keys) > 1:
        kept, stamp, extra = entries.fetch_many(keys[1:], VIEW_RESTRICTIONS_KEY)
    page, args, kwargs, own_address, site = routes.route(request, path, kept, stamp)
    request._wagtail_site = site  # what Site.find_for_request would find again, with a query
    if isinstance(page, ViewRestrictionShortcutMixin):
        page.restrictions_known = kept_answer(extra[VIEW_RESTRICTIONS_KEY], stamp[-1])

    for hook in hooks.get_hooks("before_serve_page"):
        result = hook(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result

    if not (isinstance(page, CachedPageMixin) and own_address and keepable(request)):
        return serve_page(page, request, args, kwargs)
    variant = page.page_cache_variant(request)
    if variant is None:
        return serve_page(page, request, args, kwargs)
    if first:
        key, stamp = page_key(request), first_stamp  # looked up above: not kept
    else:
        key = personal_key(request, variant)
        html, stamp = entries.fetch(key)
        if html is not None:
            return html_response(request, html)
    response = serve_page(page, request, args, kwargs)
    if not isinstance(response, TemplateResponse) or response.is_rendered or response.status_code != 200:
        return response
    response.context_data = {**(response.context_data or {}), **markers.context(request)}
    response.render()
    html = response.content.decode(response.charset)
    entries.store(key, stamp, html)
    response.content = markers.fill(request, html)
    return response


def serve_page(page, request, args, kwargs):
    """The page's serve, through Wagtail's `on_serve_page` hooks, as wagtail.views.serve does."""

    def chain(page, request, args, kwargs):
        return page.serve(request, *args, **kwargs)

    for hook in reversed(hooks.get_hooks("on_serve_page")):
        chain = hook(chain)
    return chain(page, request, args, kwargs)
