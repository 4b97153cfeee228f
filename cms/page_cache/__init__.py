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

import importlib

from cms.page_cache.mixin import CachedPageMixin
from cms.page_cache.restrictions import (
    VIEW_RESTRICTIONS_KEY,
    ViewRestrictionShortcutMixin,
    any_view_restrictions,
    public,
)

# The rest on first use: cms.models imports the mixin, and `entries` needs cms.glossary, which imports cms.models.
_LAZY = {
    "CONTENT_VERSION_KEY": "entries",
    "PAGE_TIMEOUT": "entries",
    "bump_content_version": "entries",
    "digest": "entries",
    "fetch": "entries",
    "store": "entries",
    "CSRF_MARKER": "markers",
    "IDLE_LEFT_MARKER": "markers",
    "NAME_MARKER": "markers",
    "site_for_request": "routes",
    "serve": "serve",
    "connect_signals": "signals",
}

__all__ = [
    "CachedPageMixin",
    "VIEW_RESTRICTIONS_KEY",
    "ViewRestrictionShortcutMixin",
    "any_view_restrictions",
    "public",
]
__all__ += list(_LAZY)


def __getattr__(name):
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
