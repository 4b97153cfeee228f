"""The page cache: whole pages kept as HTML, for the pages that opt in with `CachedPageMixin`.

* `mixin` — CachedPageMixin: a page class adds it to be kept; `page_cache_variant(request)` says what besides the
  kind of visitor changes the page (a tutorial: the steps done), or None to render it for this request only.
* `serve` — the page view in front of Wagtail's (config/urls.py): a first-time anonymous visitor (no session, no
  query string) gets a kept page in one cache round trip and no query; everyone else is routed from kept rows and
  gets the kept page of their kind and variant. Never for authors (Wagtail's user bar is theirs), previews, query
  strings, sub-routes, or when a message waits to be shown. Wagtail's `before_serve_page` hooks (private pages)
  run before any kept page of a signed-in person is served.
* `markers` — the visitor's own parts of a kept page (CSRF token, name, idle time left) are rendered as markers
  and filled in for each response; templates of kept pages read nothing else of the person.
* `routes` — Wagtail's routing and site lookup kept as rows (column values, rebuilt with `Model.from_db`).
* `entries` — entries kept with the versions they were built under, checked in the same round trip: the content
  version (renewed by `signals` when a page, image, site, its settings or a view restriction changes), the
  glossary's, the static files' manifest and cms.invalidation's database token (a change the cache missed while
  Redis was unreachable still shows within invalidation.CHECK_SECONDS). Every key names the code's version.
* `restrictions` — whether any page is private, so that public pages skip Wagtail's restriction queries.

Only strings and plain values are kept (HTML, tuples of column values, booleans), never model instances.

Private APIs that remain, and why:

* `request._wagtail_site`: Wagtail's own per-request cache of Site.find_for_request (named in its docstring). It is
  set from the kept site so that every `page.get_url(request)` of the page's rendering does not query for the site
  again; Wagtail has no public way to hand it a site.
* `page._cached_parent_obj`: treebeard's cache of `get_parent()`. Routing sets it (cms.models.TypedChildRoutingMixin)
  and kept routes restore it, so that a tutorial's module and breadcrumbs cost no query; treebeard has no public
  way to give a node its known parent.
* `Model._meta.concrete_fields` (documented as the Options API, underscore notwithstanding) to write rows.
"""

from cms.page_cache.entries import CONTENT_VERSION_KEY, PAGE_TIMEOUT, bump_content_version, digest, fetch, store
from cms.page_cache.markers import CSRF_MARKER, IDLE_LEFT_MARKER, NAME_MARKER
from cms.page_cache.mixin import CachedPageMixin
from cms.page_cache.restrictions import (
    VIEW_RESTRICTIONS_KEY,
    ViewRestrictionShortcutMixin,
    any_view_restrictions,
    public,
)
from cms.page_cache.routes import site_for_request
from cms.page_cache.serve import serve
from cms.page_cache.signals import connect_signals

__all__ = [
    "CONTENT_VERSION_KEY",
    "CSRF_MARKER",
    "IDLE_LEFT_MARKER",
    "NAME_MARKER",
    "PAGE_TIMEOUT",
    "VIEW_RESTRICTIONS_KEY",
    "CachedPageMixin",
    "ViewRestrictionShortcutMixin",
    "any_view_restrictions",
    "bump_content_version",
    "connect_signals",
    "digest",
    "fetch",
    "public",
    "serve",
    "site_for_request",
    "store",
]
