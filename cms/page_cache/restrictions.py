"""Whether any page of the site is private: while none is, the view-restriction queries are skipped."""

from django.core.cache import cache
from django.db import transaction

from wagtail.models import PageViewRestriction

from cms import invalidation

VIEW_RESTRICTIONS_KEY = "cms:any-view-restriction"


def kept_answer(entry, token):
    """The kept answer of any_view_restrictions, None unless built under this database token."""
    if isinstance(entry, tuple) and len(entry) == 2 and entry[0] == token:
        return entry[1]
    return None


def any_view_restrictions():
    """Whether any page of the site is private (kept in the cache, forgotten when a restriction changes).

    Kept with the database token (cms.invalidation): a page made private while Redis missed the deletion is not
    left public."""
    token = invalidation.generation()
    exists = kept_answer(cache.get(VIEW_RESTRICTIONS_KEY), token)
    if exists is None:
        exists = PageViewRestriction.objects.exists()
        cache.set(VIEW_RESTRICTIONS_KEY, (token, exists), None)
    return exists


def public(queryset):
    """`queryset.public()`, without its query on every restriction while no page of the site is private."""
    return queryset.public() if any_view_restrictions() else queryset


def forget():
    """A restriction changed: now, and again once the change is committed (an answer computed before the commit
    is not kept)."""
    cache.delete(VIEW_RESTRICTIONS_KEY)
    transaction.on_commit(_forget_after_commit)


def _forget_after_commit():
    cache.delete(VIEW_RESTRICTIONS_KEY)


class ViewRestrictionShortcutMixin:
    """Skip Wagtail's two view-restriction queries on each page view while no page of the site is restricted.

    `restrictions_known` is set by cms.page_cache.serve when the answer came with the route, in the same round trip.
    """

    restrictions_known = None

    def get_view_restrictions(self):
        exists = self.restrictions_known
        if exists is None:
            exists = any_view_restrictions()
        if not exists:
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
